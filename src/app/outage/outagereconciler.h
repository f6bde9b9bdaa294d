// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OutageReconciler: the look at the cluster that a run taken over after a restart needs before it
// goes on, for OutageExecution. Once every node of the run has been heard from (or a minute has
// passed), each move a previous console left Pending or Running is decided from where its instance
// is now (OutageReconciliation); an instance seen on two nodes is given up to three minutes, since
// libvirt may still be finishing a migration the previous console started. While it is active the
// run starts no move and does not end.
// Thread: GUI (or the main thread of a headless command).
// Owner: OutageExecution; the ClusterController outlives it.
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <optional>

#include "core/outagereconciliation.h"
#include "core/outagestate.h"

class QTimer;

namespace kumo {

class ClusterController;

class OutageReconciler : public QObject
{
    Q_OBJECT

public:
    explicit OutageReconciler(ClusterController* cluster, QObject* parent = nullptr);

    // Starts the clock; due() comes at the next turn of the event loop, then twice a second.
    void begin();
    void end();
    [[nodiscard]] bool isActive() const { return m_active; }

    // One look at `run` (heardFromAll: the cluster has heard from every node of the run): nullopt
    // while silent nodes are still waited for, else what was decided (the records are updated).
    [[nodiscard]] std::optional<OutageReconciliation> look(OutageRun& run, bool heardFromAll);

Q_SIGNALS:
    void due(); // time for another look()

private:
    ClusterController* m_cluster;
    QTimer* m_timer;
    QElapsedTimer m_since;
    QHash<int, QElapsedTimer> m_seenTwice; // record -> since when its instance is on two nodes
    bool m_active = false;
};

} // namespace kumo

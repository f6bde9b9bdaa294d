// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OutageReconciliation: what became of the moves a previous console left Pending or Running,
// decided from where each instance is seen now, when a run is taken over after a restart. An
// instance on its target is Done, one still elsewhere is Pending again, one seen nowhere Failed; one
// seen on two nodes is given time (libvirt may still be finishing the migration) and Failed only
// once that time has run out. A pure function: OutageReconciler supplies the locations and the clock.
// Thread: any (values).
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include "core/outagestate.h"

namespace kumo {

struct OutageReconciliation
{
    Q_DECLARE_TR_FUNCTIONS(kumo::OutageReconciliation)

public:
    QList<int> decided;    // records given their status now (Done, Pending or Failed), in order
    QList<int> arrived;    // of those: Running ones whose instance reached the target meanwhile
    QList<int> onTwoNodes; // instance on two nodes, time not run out: left as they were for now

    // Whether some record waits for another look (see onTwoNodes).
    [[nodiscard]] bool isWaiting() const { return !onTwoNodes.isEmpty(); }

    // Updates the Pending and Running records of `run`. locations: uuid -> the nodes its instance
    // is seen on now (a uuid missing: on none). twoNodesTimedOut: records whose instance has been
    // seen on two nodes for too long. now: UTC, for the times recorded.
    [[nodiscard]] static OutageReconciliation apply(OutageRun& run,
                                                    const QHash<QString, QStringList>& locations,
                                                    const QSet<int>& twoNodesTimedOut, const QDateTime& now);
};

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OutagePowerActions: the instances an outage run powers instead of moving, for OutageExecution. Once
// the evacuation's moves are done it shuts down the unplaced instances the person chose to shut
// down (waiting until each has powered off), and once the return's moves are done it starts the
// instances that were shut down for the outage. The home records say which is which: an instance
// marked shut down is started on return.
// Thread: GUI (or the main thread of a headless command).
// Owner: OutageExecution; the ClusterController outlives it.
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>

#include "core/instanceaction.h"
#include "core/outageplan.h"
#include "core/outagestate.h"
#include "core/result.h"

namespace kumo {

class ClusterController;

class OutagePowerActions : public QObject
{
    Q_OBJECT

public:
    // How long a guest may take to power off after the ACPI request before it counts as a failure.
    static constexpr qint64 ShutdownTimeoutMs = 120000;

    explicit OutagePowerActions(ClusterController* cluster, QObject* parent = nullptr);

    // Evacuate: shuts down the instances of state.evacuation's plan chosen for it. Return: starts
    // the instances state.homes marks shut down. An instance already in the wanted state is only
    // marked in state.homes: returns whether any was (the caller saves the state).
    [[nodiscard]] bool begin(OutageDirection direction, OutageState& state);
    [[nodiscard]] bool hasBegun() const { return m_begun; }
    [[nodiscard]] bool isBusy() const { return !m_pending.isEmpty(); } // actions not finished yet
    [[nodiscard]] int failures() const { return m_failures; }
    // A new session of the run: begin() is due again once its moves are done, failures count anew.
    void reset();
    // Forgets the actions still waiting (another run takes over).
    void clear() { m_pending.clear(); }
    // Called every second while the run is on: a shut-down ends when the guest has powered off.
    void checkShutdowns();

Q_SIGNALS:
    void message(const QString& line); // translated
    // `uuid` is now shut down (Shutdown) or running (Start): the home record is to be updated.
    void succeeded(const QString& uuid, kumo::InstanceAction action);
    void actionEnded(); // one action succeeded or failed (after its signals)

private:
    struct Pending
    {
        QString uuid;
        QString name;
        InstanceAction action = InstanceAction::Shutdown;
        quint64 actionId = 0;
        bool acknowledged = false; // the session carried out the request
        QElapsedTimer since;
    };

    void request(const QString& uuid, const QString& name, InstanceAction action);
    void finish(int index, const QString& failure);
    void onActionFinished(quint64 requestId, const Error& failure);

    ClusterController* m_cluster;
    QList<Pending> m_pending;
    bool m_begun = false;
    int m_failures = 0;
};

} // namespace kumo

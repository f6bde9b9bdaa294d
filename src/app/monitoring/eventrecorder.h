// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// EventRecorder: writes into an EventLog what the console's services tell: a node's connection
// state and an instance's state when they change (not every poll), moves, split brain, actions
// started and finished, migrations queued, refused and ended, an outage run's lines, and alerts
// raised, acknowledged and cleared. It remembers the last state it logged per node and instance,
// so a refresh that changes nothing logs nothing.
// Thread: GUI.
// Owner: whoever creates it (main(), tests); the log and the watched services outlive it.
#pragma once

#include <QHash>
#include <QObject>
#include <QSet>

#include "app/monitoring/eventlog.h"
#include "core/snapshot.h"

namespace kumo {

class ClusterController;
class Evacuation;
class MigrationController;
class MonitoringController;

class EventRecorder : public QObject
{
    Q_OBJECT

public:
    explicit EventRecorder(EventLog* log, QObject* parent = nullptr);

    [[nodiscard]] EventLog* log() const { return m_log; }

    void watchCluster(ClusterController* cluster);
    void watchMigrations(MigrationController* migrations);
    void watchMonitoring(MonitoringController* monitoring);
    void watchOutage(Evacuation* evacuation);

private:
    // Campus, node and name of an instance from the cluster's state.
    void fillInstance(EventEntry& entry, const QString& uuid, const QString& node = {}) const;
    [[nodiscard]] QString siteOf(const QString& node) const;
    void onNodeChanged(const QString& node);
    void onInstanceChanged(const QString& uuid);

    EventLog* m_log;
    ClusterController* m_cluster = nullptr;
    QHash<QString, NodeState> m_nodeStates;
    QHash<QString, InstanceState> m_instanceStates;
    QSet<quint64> m_acknowledged; // alerts logged as acknowledged
};

} // namespace kumo

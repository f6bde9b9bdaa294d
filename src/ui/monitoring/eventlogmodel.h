// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// EventLogModel: the EventLog as a table — time, severity, kind, campus, node, instance, text —
// following the log row by row: appended entries are inserted at the end, the oldest are removed
// from the front when the log is full. Never a reset. The columns it shares with the Alerts dock's
// table are MonitoringTableModel's.
// Thread: GUI.
// Owner: EventLogDock (or a test); the EventLog and ClusterController outlive it.
#pragma once

#include "app/monitoring/eventlog.h"
#include "ui/monitoring/monitoringtablemodel.h"

namespace kumo {

class ClusterController;

class EventLogModel : public MonitoringTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        SeverityColumn,
        KindColumn,
        CampusColumn,
        NodeColumn,
        InstanceColumn,
        TextColumn,
        ColumnCount
    };
    enum Role
    {
        // NodeRole and InstanceRole: MonitoringTableModel's.
        SeverityRole = FirstOwnRole, // int(EventSeverity)
        KindRole,                    // int(EventKind)
    };

    explicit EventLogModel(EventLog* log, ClusterController* cluster = nullptr, QObject* parent = nullptr);

    [[nodiscard]] EventLog* log() const { return m_log; }
    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    EventLog* m_log;
};

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// EventLogModel: the EventLog as a table — time, severity, kind, campus, node, instance, text —
// following the log row by row: appended entries are inserted at the end, the oldest are removed
// from the front when the log is full. Never a reset.
// Thread: GUI.
// Owner: EventLogDock (or a test); the EventLog and ClusterController outlive it.
#pragma once

#include <QAbstractTableModel>

#include "app/monitoring/eventlog.h"

namespace kumo {

class ClusterController;

class EventLogModel : public QAbstractTableModel
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
        SeverityRole = Qt::UserRole + 80, // int(EventSeverity)
        KindRole,                         // int(EventKind)
        NodeRole,
        InstanceRole, // uuid
    };

    explicit EventLogModel(EventLog* log, ClusterController* cluster = nullptr, QObject* parent = nullptr);

    [[nodiscard]] EventLog* log() const { return m_log; }
    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    void retranslate();

private:
    [[nodiscard]] QString siteName(const QString& site) const;

    EventLog* m_log;
    ClusterController* m_cluster;
};

} // namespace kumo

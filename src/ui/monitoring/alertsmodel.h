// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// AlertsModel: the active alerts as a table — severity, since when (local time and for how long),
// campus, node, instance, what happened, and whether it is acknowledged or silenced — one row per
// alert in the order they were raised. It follows the MonitoringController's signals row by row
// (inserted, changed, removed; never a reset), and refreshes the "for 3 min" column twice a minute.
// The columns it shares with the event log's table are MonitoringTableModel's.
// Thread: GUI.
// Owner: AlertsDock (or a test); the MonitoringController and ClusterController outlive it.
#pragma once

#include <functional>

#include <QDateTime>
#include <QList>
#include <QTimer>

#include "core/alerts.h"
#include "core/clock.h"
#include "ui/monitoring/monitoringtablemodel.h"

namespace kumo {

class ClusterController;
class MonitoringController;

class AlertsModel : public MonitoringTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        SeverityColumn,
        SinceColumn,
        CampusColumn,
        NodeColumn,
        InstanceColumn,
        TextColumn,
        StateColumn,
        ColumnCount
    };
    enum Role
    {
        // KeyRole (ui/modelroles.h) carries the alert's id; NodeRole and InstanceRole are
        // MonitoringTableModel's.
        AcknowledgedRole = FirstOwnRole,
    };
    static constexpr int SinceRefreshMs = 30000;

    // `cluster` (may be null) gives campus names.
    explicit AlertsModel(MonitoringController* monitoring, ClusterController* cluster = nullptr,
                         QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    // The wall clock that dates alerts raised from now on (ms since the epoch); tests step it.
    void setWallClock(std::function<qint64()> wallMs) { m_wallMs = std::move(wallMs); }

    [[nodiscard]] int rowOf(quint64 id) const;
    [[nodiscard]] Alert alertAt(int row) const { return m_rows.at(row).alert; }
    // Updates the "for …" column now (the timer does it every SinceRefreshMs).
    void refreshSince();

private:
    struct Row
    {
        Alert alert;
        QDateTime raisedAt; // local wall time
    };
    void onRaised(const Alert& alert);
    void onChanged(const Alert& alert);
    void onCleared(const Alert& alert);
    [[nodiscard]] QString sinceText(const Row& row) const;
    // When an alert raised at `sinceMs` (monotonic) was raised, in local time.
    [[nodiscard]] QDateTime wallTimeOf(qint64 sinceMs) const;

    MonitoringController* m_monitoring;
    QList<Row> m_rows;
    QTimer m_sinceTimer;
    std::function<qint64()> m_wallMs = Clock::system().wallMs;
};

} // namespace kumo

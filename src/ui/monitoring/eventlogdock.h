// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// EventLogDock: the Event Log dock — every event, alert, action and outage line the console saw
// (EventLogModel), newest first, with filters by severity, kind, node, instance and free text,
// and Export CSV of the rows the filters show. Double-clicking a row selects its instance (or its
// node) in the window through the shared ClusterSelection.
// Thread: GUI.
// Owner: MainWindow (or a test); the EventLog, ClusterController and ClusterSelection outlive it.
#pragma once

#include <QDockWidget>

#include "core/result.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace kumo {

class ClusterController;
class ClusterSelection;
class EventLog;
class EventLogFilterProxyModel;
class EventLogModel;

class EventLogDock : public QDockWidget
{
    Q_OBJECT

public:
    EventLogDock(EventLog* log, ClusterController* cluster, ClusterSelection* selection,
                 QWidget* parent = nullptr);

    [[nodiscard]] EventLogModel* model() const { return m_model; }
    [[nodiscard]] EventLogFilterProxyModel* proxy() const { return m_proxy; }
    [[nodiscard]] QTableView* table() const { return m_table; }
    [[nodiscard]] QComboBox* severityFilter() const { return m_severity; }
    [[nodiscard]] QComboBox* kindFilter() const { return m_kind; }
    [[nodiscard]] QComboBox* nodeFilter() const { return m_node; }
    [[nodiscard]] QLineEdit* instanceFilter() const { return m_instance; }
    [[nodiscard]] QLineEdit* textFilter() const { return m_text; }
    [[nodiscard]] QPushButton* exportButton() const { return m_export; }

    // Writes the rows the filters show, oldest first, as CSV.
    [[nodiscard]] Result<void> exportCsv(const QString& path) const;

public Q_SLOTS:
    // Asks where, then exports.
    void chooseExport();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void fillNodes();
    void applyFilters();
    void selectRow(const QModelIndex& index);
    void updateCount();

    EventLog* m_log;
    ClusterController* m_cluster;
    ClusterSelection* m_selection;
    EventLogModel* m_model;
    EventLogFilterProxyModel* m_proxy;
    QTableView* m_table;
    QComboBox* m_severity;
    QComboBox* m_kind;
    QComboBox* m_node;
    QLineEdit* m_instance;
    QLineEdit* m_text;
    QLabel* m_count;
    QPushButton* m_export;
};

} // namespace kumo

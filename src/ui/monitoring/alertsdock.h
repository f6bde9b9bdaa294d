// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// AlertsDock: the Alerts dock — the active alerts (AlertsModel) in a sortable table with a line
// counting what still wants a person, and Acknowledge as a button, in the context menu and on a
// key. Selecting an alert selects its instance (or its node) in the window, through the shared
// ClusterSelection, so the map, the tables and the details panel show it.
// Thread: GUI.
// Owner: MainWindow (or a test); the MonitoringController and ClusterSelection outlive it.
#pragma once

#include <QDockWidget>

class QAction;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace kumo {

class AlertsModel;
class ClusterController;
class ClusterSelection;
class MonitoringController;

class AlertsDock : public QDockWidget
{
    Q_OBJECT

public:
    AlertsDock(MonitoringController* monitoring, ClusterController* cluster, ClusterSelection* selection,
               QWidget* parent = nullptr);

    [[nodiscard]] AlertsModel* model() const { return m_model; }
    [[nodiscard]] QSortFilterProxyModel* proxy() const { return m_proxy; }
    [[nodiscard]] QTableView* table() const { return m_table; }
    [[nodiscard]] QAction* acknowledgeAction() const { return m_acknowledgeAction; }
    [[nodiscard]] QPushButton* acknowledgeButton() const { return m_acknowledgeButton; }
    [[nodiscard]] QLabel* summary() const { return m_summary; }
    // The ids of the selected alerts.
    [[nodiscard]] QList<quint64> selectedAlerts() const;

public Q_SLOTS:
    // Acknowledges the selected alerts.
    void acknowledgeSelected();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateSummary();
    void updateActions();
    void onSelectionChanged();

    MonitoringController* m_monitoring;
    ClusterSelection* m_selection;
    AlertsModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    QLabel* m_summary;
    QPushButton* m_acknowledgeButton;
    QAction* m_acknowledgeAction;
};

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MonitoringUiController: the window's side of monitoring, put together in one place — the Alerts
// dock, the status bar's alert counts (a click shows the dock), the badges on the map, desktop
// notifications while the window is not active (grouped per wave during an outage run), a tray
// icon where the desktop has a tray, and the Event Log dock. MainWindow places the docks and the
// status button; this class wires them to the MonitoringController and the EventLog.
// Thread: GUI.
// Owner: MainWindow (a child); the controllers and the log outlive it.
#pragma once

#include <QObject>
#include <QPointer>

class QSystemTrayIcon;
class QMainWindow;

namespace kumo {

class AlertBadges;
class AlertsDock;
class AlertStatusButton;
class CampusMapScene;
class ClusterController;
class ClusterSelection;
class DesktopNotifier;
class Evacuation;
class EventLog;
class EventLogDock;
class MonitoringController;

class MonitoringUiController : public QObject
{
    Q_OBJECT

public:
    // `log` may be null (no Event Log dock).
    MonitoringUiController(QMainWindow* window, ClusterController* cluster, ClusterSelection* selection,
                           CampusMapScene* scene, MonitoringController* monitoring, EventLog* log);

    [[nodiscard]] AlertsDock* alertsDock() const { return m_alertsDock; }
    [[nodiscard]] EventLogDock* eventLogDock() const { return m_eventLogDock; }
    [[nodiscard]] AlertStatusButton* statusButton() const { return m_statusButton; }
    [[nodiscard]] AlertBadges* badges() const { return m_badges; }
    [[nodiscard]] DesktopNotifier* notifier() const { return m_notifier; }
    [[nodiscard]] QSystemTrayIcon* trayIcon() const { return m_tray; }

    // Notices during an outage run are grouped per wave.
    void setEvacuation(Evacuation* evacuation);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateTray();

    QMainWindow* m_window;
    MonitoringController* m_monitoring;
    AlertsDock* m_alertsDock;
    EventLogDock* m_eventLogDock = nullptr;
    AlertStatusButton* m_statusButton;
    AlertBadges* m_badges = nullptr;
    DesktopNotifier* m_notifier;
    QSystemTrayIcon* m_tray = nullptr;
    QPointer<Evacuation> m_evacuation;
};

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitoring/monitoringuicontroller.h"

#include <QEvent>
#include <QMainWindow>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTableView>

#include "app/monitoring/desktopnotifier.h"
#include "app/monitoring/monitoringcontroller.h"
#include "app/outage/evacuation.h"
#include "app/outage/outageexecution.h"
#include "ui/monitoring/alertbadges.h"
#include "ui/monitoring/alertmarks.h"
#include "ui/monitoring/alertsdock.h"
#include "ui/monitoring/alertstatusbutton.h"
#include "ui/monitoring/eventlogdock.h"

namespace kumo {

MonitoringUiController::MonitoringUiController(QMainWindow* window, ClusterController* cluster,
                                               ClusterSelection* selection, CampusMapScene* scene,
                                               MonitoringController* monitoring, EventLog* log)
    : QObject(window)
    , m_window(window)
    , m_monitoring(monitoring)
    , m_alertsDock(new AlertsDock(monitoring, cluster, selection, window))
    , m_statusButton(new AlertStatusButton(monitoring, window))
    , m_notifier(new DesktopNotifier(monitoring, this))
{
    if (log)
        m_eventLogDock = new EventLogDock(log, cluster, selection, window);
    if (scene)
        m_badges = new AlertBadges(monitoring, scene, this);
    connect(m_statusButton, &QToolButton::clicked, this, [this] {
        m_alertsDock->show();
        m_alertsDock->raise();
        m_alertsDock->table()->setFocus();
    });
    m_notifier->setWindowActive(window->isActiveWindow());
    window->installEventFilter(this);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(this);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
            m_window->showNormal();
            m_window->raise();
            m_window->activateWindow();
        });
        for (const auto signal : {&MonitoringController::alertRaised, &MonitoringController::alertChanged,
                                  &MonitoringController::alertCleared})
            connect(monitoring, signal, this, &MonitoringUiController::updateTray);
        updateTray();
        m_tray->show();
    }
}

void MonitoringUiController::updateTray()
{
    if (!m_tray)
        return;
    const int unattended = m_monitoring->unattendedCount();
    // Kumo has no icon of its own yet: the tray shows the worst alert's mark, or the window's icon
    // (the style's network icon when it has none).
    if (m_monitoring->unattendedCount(AlertSeverity::Critical) > 0)
        m_tray->setIcon(severityIcon(AlertSeverity::Critical));
    else if (unattended > 0)
        m_tray->setIcon(severityIcon(AlertSeverity::Warning));
    else if (!m_window->windowIcon().isNull())
        m_tray->setIcon(m_window->windowIcon());
    else
        m_tray->setIcon(m_window->style()->standardIcon(QStyle::SP_DriveNetIcon));
    m_tray->setToolTip(unattended == 0 ? tr("Kumo: no alerts")
                                       : tr("Kumo: %n alert(s) not acknowledged", nullptr, unattended));
}

void MonitoringUiController::setEvacuation(Evacuation* evacuation)
{
    if (m_evacuation || !evacuation)
        return;
    m_evacuation = evacuation;
    OutageExecution* execution = evacuation->execution();
    // While a run moves instances, one notice per wave instead of one per instance.
    connect(execution, &OutageExecution::stateChanged, this, [this, execution] {
        m_notifier->setGrouping(execution->isRunningOrPaused() ? execution->runTitle() : QString());
    });
    connect(execution, &OutageExecution::runFinished, this, [this] { m_notifier->setGrouping({}); });
}

bool MonitoringUiController::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_window && event->type() == QEvent::ActivationChange)
        m_notifier->setWindowActive(m_window->isActiveWindow());
    return QObject::eventFilter(watched, event);
}

} // namespace kumo

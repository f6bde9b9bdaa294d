// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitoring/alertstatusbutton.h"

#include <QEvent>

#include "app/monitoring/monitoringcontroller.h"
#include "ui/monitoring/alertmarks.h"

namespace kumo {

AlertStatusButton::AlertStatusButton(MonitoringController* monitoring, QWidget* parent)
    : QToolButton(parent)
    , m_monitoring(monitoring)
{
    setObjectName(QStringLiteral("alertStatus"));
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setFocusPolicy(Qt::NoFocus);
    connect(monitoring, &MonitoringController::alertRaised, this, &AlertStatusButton::updateCounts);
    connect(monitoring, &MonitoringController::alertChanged, this, &AlertStatusButton::updateCounts);
    connect(monitoring, &MonitoringController::alertCleared, this, &AlertStatusButton::updateCounts);
    updateCounts();
}

void AlertStatusButton::updateCounts()
{
    const int critical = m_monitoring->unattendedCount(AlertSeverity::Critical);
    const int warnings = m_monitoring->unattendedCount(AlertSeverity::Warning);
    const QString criticalText = tr("%n critical", nullptr, critical);
    const QString warningText = tr("%n warning(s)", nullptr, warnings);
    if (critical > 0 && warnings > 0)
        setText(tr("Alerts: %1, %2").arg(criticalText, warningText));
    else if (critical > 0 || warnings > 0)
        setText(tr("Alerts: %1").arg(critical > 0 ? criticalText : warningText));
    else
        setText(tr("Alerts: none"));
    if (critical > 0)
        setIcon(severityIcon(AlertSeverity::Critical));
    else if (warnings > 0)
        setIcon(severityIcon(AlertSeverity::Warning));
    else
        setIcon(QIcon());
    setToolTip(tr("Alerts not acknowledged — click to show the Alerts dock"));
}

void AlertStatusButton::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updateCounts();
    QToolButton::changeEvent(event);
}

} // namespace kumo

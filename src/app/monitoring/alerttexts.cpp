// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/monitoring/alerttexts.h"

#include <QLocale>

#include "app/monitoring/eventlog.h"

namespace kumo {

QString AlertTexts::severityText(AlertSeverity severity)
{
    return EventLog::severityText(eventSeverityOf(severity));
}

QString AlertTexts::kindText(AlertKind kind)
{
    switch (kind) {
    case AlertKind::NodeUnreachable:
        return tr("Node unreachable");
    case AlertKind::ConnectionLost:
        return tr("Connection to libvirtd lost");
    case AlertKind::InstanceCrashed:
        return tr("Instance crashed");
    case AlertKind::InstanceIoError:
        return tr("Paused by an I/O error");
    case AlertKind::InstanceWatchdog:
        return tr("Watchdog fired");
    case AlertKind::NodeMemoryLow:
        return tr("Node memory low");
    case AlertKind::StoragePoolLow:
        return tr("Storage pool low");
    case AlertKind::HostCpuHigh:
        return tr("Host CPU high");
    case AlertKind::MigrationFailed:
        return tr("Migration failed");
    case AlertKind::ProbeFailing:
        return tr("Service probe failing");
    case AlertKind::SplitBrain:
        return EventLog::kindText(EventKind::SplitBrain);
    }
    return {};
}

QString AlertTexts::subjectText(const Alert& alert)
{
    const AlertSubject& s = alert.subject;
    if (!s.name.isEmpty())
        return s.name;
    if (!s.instance.isEmpty())
        return s.instance;
    return s.node;
}

QString AlertTexts::describe(const Alert& alert)
{
    const QString who = subjectText(alert);
    const QString node = alert.subject.node;
    const QString item = alert.subject.item;
    const QLocale locale;
    QString text;
    switch (alert.kind) {
    case AlertKind::NodeUnreachable:
        text = tr("%1 cannot be reached").arg(node);
        break;
    case AlertKind::ConnectionLost:
        text = tr("The connection to libvirtd on %1 was lost").arg(node);
        break;
    case AlertKind::InstanceCrashed:
        text = tr("%1 crashed").arg(who);
        break;
    case AlertKind::InstanceIoError:
        text = tr("%1 was paused by an I/O error").arg(who);
        break;
    case AlertKind::InstanceWatchdog:
        text = tr("The watchdog of %1 fired").arg(who);
        break;
    case AlertKind::NodeMemoryLow:
        text = tr("%1 has %2% of its memory free").arg(node, locale.toString(alert.value, 'f', 0));
        break;
    case AlertKind::StoragePoolLow:
        text = tr("Storage pool %1 on %2 has %3% free").arg(item, node, locale.toString(alert.value, 'f', 0));
        break;
    case AlertKind::HostCpuHigh:
        text = tr("Host CPU of %1 at %2%").arg(node, locale.toString(alert.value, 'f', 0));
        break;
    case AlertKind::MigrationFailed:
        text = tr("The migration of %1 failed").arg(who);
        break;
    case AlertKind::ProbeFailing:
        text =
            tr("Service probe %1 of %2 failed %n times in a row", nullptr, int(alert.value)).arg(item, who);
        break;
    case AlertKind::SplitBrain:
        text = tr("%1 is active on more than one node").arg(who);
        break;
    }
    if (!alert.detail.isEmpty())
        text = tr("%1: %2", "alert text: detail").arg(text, alert.detail);
    return text;
}

QString AlertTexts::stateText(const Alert& alert)
{
    if (alert.silenced)
        return tr("Silenced (campus in maintenance)");
    if (alert.acknowledged)
        return tr("Acknowledged");
    return {};
}

} // namespace kumo

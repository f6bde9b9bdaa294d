// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/monitoring/eventlog.h"

#include <algorithm>

#include <QCoreApplication>

#include "core/safetext.h"
#include "core/savefile.h"

namespace kumo {

namespace {

QByteArray csvLine(const QStringList& fields)
{
    QByteArray line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += ',';
        line += csvCell(fields.at(i)).toUtf8();
    }
    return line + "\r\n";
}

} // namespace

EventLog::EventLog(int capacity, QObject* parent)
    : QObject(parent)
    , m_capacity(std::max(1, capacity))
{}

void EventLog::append(EventEntry entry)
{
    if (!entry.time.isValid())
        entry.time = QDateTime::currentDateTime();
    entry.sequence = m_nextSequence++;
    if (m_entries.size() >= m_capacity) {
        // The oldest hundredth goes at once: a view with a sorting or filtering proxy pays for each
        // removal at the front with a pass over all its rows, so at 10,000 entries and hundreds of
        // events a second one row at a time would cost more than everything else the log does.
        const int excess = int(m_entries.size()) - m_capacity + std::max(1, m_capacity / 100);
        Q_EMIT aboutToDrop(excess);
        m_entries.remove(0, excess);
        Q_EMIT dropped(excess);
    }
    Q_EMIT aboutToAppend(1);
    m_entries.append(std::move(entry));
    Q_EMIT appended(1);
}

QString EventLog::severityKey(EventSeverity severity)
{
    switch (severity) {
    case EventSeverity::Info:
        return QStringLiteral("info");
    case EventSeverity::Warning:
        return QStringLiteral("warning");
    case EventSeverity::Critical:
        return QStringLiteral("critical");
    }
    return {};
}

QString EventLog::kindKey(EventKind kind)
{
    switch (kind) {
    case EventKind::Node:
        return QStringLiteral("node");
    case EventKind::Instance:
        return QStringLiteral("instance");
    case EventKind::Move:
        return QStringLiteral("move");
    case EventKind::SplitBrain:
        return QStringLiteral("split-brain");
    case EventKind::Action:
        return QStringLiteral("action");
    case EventKind::Migration:
        return QStringLiteral("migration");
    case EventKind::Outage:
        return QStringLiteral("outage");
    case EventKind::Alert:
        return QStringLiteral("alert");
    }
    return {};
}

QString EventLog::severityText(EventSeverity severity)
{
    switch (severity) {
    case EventSeverity::Info:
        return tr("Information");
    case EventSeverity::Warning:
        return tr("Warning");
    case EventSeverity::Critical:
        return tr("Critical");
    }
    return {};
}

QString EventLog::kindText(EventKind kind)
{
    switch (kind) {
    case EventKind::Node:
        return tr("Node");
    case EventKind::Instance:
        return tr("Instance");
    case EventKind::Move:
        return tr("Move");
    case EventKind::SplitBrain:
        return tr("Split brain");
    case EventKind::Action:
        return tr("Action");
    case EventKind::Migration:
        return tr("Migration");
    case EventKind::Outage:
        return tr("Outage");
    case EventKind::Alert:
        return tr("Alert");
    }
    return {};
}

QByteArray EventLog::toCsv(const QList<EventEntry>& entries)
{
    QByteArray csv = csvLine({QStringLiteral("time"), QStringLiteral("severity"), QStringLiteral("kind"),
                              QStringLiteral("campus"), QStringLiteral("node"), QStringLiteral("instance"),
                              QStringLiteral("instance_uuid"), QStringLiteral("text")});
    for (const EventEntry& e : entries) {
        csv += csvLine({e.time.toString(Qt::ISODateWithMs), severityKey(e.severity), kindKey(e.kind), e.site,
                        e.node, e.instanceName, e.instance, e.text});
    }
    return csv;
}

Result<void> EventLog::exportCsv(const QString& path, const QList<EventEntry>& entries)
{
    if (const auto failed = saveFile(path, toCsv(entries)))
        return Error{ErrorCode::Io, path, tr("Could not write the event log to this file."), *failed, 0, 0};
    return {};
}

} // namespace kumo

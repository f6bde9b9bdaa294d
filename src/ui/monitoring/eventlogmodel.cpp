// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitoring/eventlogmodel.h"

#include <QLocale>

#include "ui/modelformat.h"
#include "ui/modelroles.h"
#include "ui/plaintext.h"

namespace kumo {

EventLogModel::EventLogModel(EventLog* log, ClusterController* cluster, QObject* parent)
    : MonitoringTableModel({{Field::Own, QT_TRANSLATE_NOOP("kumo::EventLogModel", "Time")},
                            {Field::Severity},
                            {Field::Own, QT_TRANSLATE_NOOP("kumo::EventLogModel", "Kind")},
                            {Field::Campus},
                            {Field::Node},
                            {Field::Instance},
                            {Field::Own, QT_TRANSLATE_NOOP("kumo::EventLogModel", "Event")}},
                           cluster, parent)
    , m_log(log)
{
    Q_ASSERT(columnCount() == ColumnCount);
    connect(log, &EventLog::aboutToAppend, this, [this](int count) {
        const int first = m_log->size();
        beginInsertRows({}, first, first + count - 1);
    });
    connect(log, &EventLog::appended, this, [this] { endInsertRows(); });
    connect(log, &EventLog::aboutToDrop, this, [this](int count) { beginRemoveRows({}, 0, count - 1); });
    connect(log, &EventLog::dropped, this, [this] { endRemoveRows(); });
}

int EventLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_log->size();
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const
{
    if (!isRow(index, m_log->size()))
        return {};
    const EventEntry& entry = m_log->at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return format::dateTime(entry.time);
        case KindColumn:
            return EventLog::kindText(entry.kind);
        case TextColumn:
            return entry.text;
        default:
            break;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return format::dateTime(entry.time);
        return plainToolTip(entry.text);
    case SortRole:
        if (index.column() == TimeColumn)
            return entry.sequence;
        break;
    case KeyRole:
        return entry.sequence;
    case SeverityRole:
        return int(entry.severity);
    case KindRole:
        return int(entry.kind);
    default:
        break;
    }
    return subjectData(index, role,
                       {entry.severity, entry.site, entry.node, entry.instance, entry.instanceName});
}

} // namespace kumo

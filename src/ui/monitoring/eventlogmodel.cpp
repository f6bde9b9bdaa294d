// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitoring/eventlogmodel.h"

#include <QLocale>

#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "ui/modelroles.h"
#include "ui/monitoring/alertmarks.h"
#include "ui/plaintext.h"

namespace kumo {

EventLogModel::EventLogModel(EventLog* log, ClusterController* cluster, QObject* parent)
    : QAbstractTableModel(parent)
    , m_log(log)
    , m_cluster(cluster)
{
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

int EventLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventLogModel::siteName(const QString& site) const
{
    if (!m_cluster || site.isEmpty())
        return site;
    const Site* found = m_cluster->inventory().site(site);
    return found ? found->displayName(language::current()) : site;
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_log->size())
        return {};
    const EventEntry& entry = m_log->at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return entry.time.toString(QStringLiteral("yyyy/MM/dd HH:mm:ss"));
        case SeverityColumn:
            return EventLog::severityText(entry.severity);
        case KindColumn:
            return EventLog::kindText(entry.kind);
        case CampusColumn:
            return siteName(entry.site);
        case NodeColumn:
            return entry.node;
        case InstanceColumn:
            return entry.instanceName.isEmpty() ? entry.instance : entry.instanceName;
        case TextColumn:
            return entry.text;
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn)
            return severityIcon(entry.severity);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return QLocale().toString(entry.time, QLocale::LongFormat);
        return plainToolTip(entry.text);
    case SortRole:
        switch (index.column()) {
        case TimeColumn:
            return entry.sequence;
        case SeverityColumn:
            return int(entry.severity);
        default:
            return data(index, Qt::DisplayRole);
        }
    case KeyRole:
        return entry.sequence;
    case SeverityRole:
        return int(entry.severity);
    case KindRole:
        return int(entry.kind);
    case NodeRole:
        return entry.node;
    case InstanceRole:
        return entry.instance;
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case SeverityColumn:
        return tr("Severity");
    case KindColumn:
        return tr("Kind");
    case CampusColumn:
        return tr("Campus");
    case NodeColumn:
        return tr("Node");
    case InstanceColumn:
        return tr("Instance");
    case TextColumn:
        return tr("Event");
    default:
        return {};
    }
}

void EventLogModel::retranslate()
{
    if (m_log->size() > 0)
        Q_EMIT dataChanged(index(0, SeverityColumn), index(m_log->size() - 1, CampusColumn));
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitoring/monitoringtablemodel.h"

#include <QCoreApplication>

#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "ui/modelroles.h"
#include "ui/monitoring/alertmarks.h"

namespace kumo {

MonitoringTableModel::MonitoringTableModel(QList<Column> columns, ClusterController* cluster, QObject* parent)
    : QAbstractTableModel(parent)
    , m_columns(std::move(columns))
    , m_cluster(cluster)
{}

int MonitoringTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QString MonitoringTableModel::siteName(const QString& site) const
{
    if (!m_cluster || site.isEmpty())
        return site;
    const Site* found = m_cluster->inventory().site(site);
    return found ? found->displayName(language::current()) : site;
}

QVariant MonitoringTableModel::subjectData(const QModelIndex& index, int role, const Subject& subject) const
{
    const Field field = m_columns.value(index.column()).field;
    switch (role) {
    case Qt::DisplayRole:
        switch (field) {
        case Field::Severity:
            return EventLog::severityText(subject.severity);
        case Field::Campus:
            return siteName(subject.site);
        case Field::Node:
            return subject.node;
        case Field::Instance:
            return subject.instanceName.isEmpty() ? subject.instance : subject.instanceName;
        case Field::Own:
            return {};
        }
        return {};
    case Qt::DecorationRole:
        if (field == Field::Severity)
            return severityIcon(subject.severity);
        return {};
    case SortRole:
        if (field == Field::Severity)
            return int(subject.severity);
        return data(index, Qt::DisplayRole);
    case NodeRole:
        return subject.node;
    case InstanceRole:
        return subject.instance;
    default:
        return {};
    }
}

QVariant MonitoringTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= m_columns.size())
        return {};
    const Column& column = m_columns.at(section);
    switch (column.field) {
    case Field::Severity:
        return tr("Severity");
    case Field::Campus:
        return tr("Campus");
    case Field::Node:
        return tr("Node");
    case Field::Instance:
        return tr("Instance");
    case Field::Own:
        break;
    }
    return QCoreApplication::translate(metaObject()->className(), column.header);
}

void MonitoringTableModel::retranslate()
{
    const int rows = rowCount();
    if (rows > 0)
        Q_EMIT dataChanged(index(0, 0), index(rows - 1, columnCount() - 1));
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitoring/alertsmodel.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "app/monitoring/alerttexts.h"
#include "app/monitoring/monitoringcontroller.h"
#include "ui/modelformat.h"
#include "ui/modelroles.h"
#include "ui/monitoring/alertmarks.h"
#include "ui/plaintext.h"

namespace kumo {

AlertsModel::AlertsModel(MonitoringController* monitoring, ClusterController* cluster, QObject* parent)
    : QAbstractTableModel(parent)
    , m_monitoring(monitoring)
    , m_cluster(cluster)
{
    for (const Alert& alert : m_monitoring->activeAlerts())
        m_rows.append({alert, wallTimeOf(alert.sinceMs)});
    connect(monitoring, &MonitoringController::alertRaised, this, &AlertsModel::onRaised);
    connect(monitoring, &MonitoringController::alertChanged, this, &AlertsModel::onChanged);
    connect(monitoring, &MonitoringController::alertCleared, this, &AlertsModel::onCleared);
    m_sinceTimer.setInterval(SinceRefreshMs);
    connect(&m_sinceTimer, &QTimer::timeout, this, &AlertsModel::refreshSince);
    m_sinceTimer.start();
}

int AlertsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlertsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QDateTime AlertsModel::wallTimeOf(qint64 sinceMs) const
{
    return QDateTime::fromMSecsSinceEpoch(m_wallMs() - (m_monitoring->nowMs() - sinceMs));
}

int AlertsModel::rowOf(quint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).alert.id == id)
            return row;
    }
    return -1;
}

void AlertsModel::onRaised(const Alert& alert)
{
    if (rowOf(alert.id) >= 0)
        return;
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append({alert, wallTimeOf(alert.sinceMs)});
    endInsertRows();
}

void AlertsModel::onChanged(const Alert& alert)
{
    const int row = rowOf(alert.id);
    if (row < 0)
        return onRaised(alert);
    m_rows[row].alert = alert;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void AlertsModel::onCleared(const Alert& alert)
{
    const int row = rowOf(alert.id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void AlertsModel::refreshSince()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, SinceColumn), index(int(m_rows.size()) - 1, SinceColumn),
                           {Qt::DisplayRole, Qt::ToolTipRole});
}

void AlertsModel::retranslate()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

QString AlertsModel::siteName(const QString& site) const
{
    if (!m_cluster || site.isEmpty())
        return site;
    const Site* found = m_cluster->inventory().site(site);
    return found ? found->displayName(language::current()) : site;
}

QString AlertsModel::sinceText(const Row& row) const
{
    const qint64 seconds = std::max<qint64>(0, (m_monitoring->nowMs() - row.alert.sinceMs) / 1000);
    return tr("%1 (for %2)")
        .arg(QLocale().toString(row.raisedAt.time(), QStringLiteral("HH:mm:ss")), format::duration(seconds));
}

QVariant AlertsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& row = m_rows.at(index.row());
    const Alert& alert = row.alert;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return AlertTexts::severityText(alert.severity);
        case SinceColumn:
            return sinceText(row);
        case CampusColumn:
            return siteName(alert.subject.site);
        case NodeColumn:
            return alert.subject.node;
        case InstanceColumn:
            return alert.subject.name.isEmpty() ? alert.subject.instance : alert.subject.name;
        case TextColumn:
            return AlertTexts::describe(alert);
        case StateColumn:
            return AlertTexts::stateText(alert);
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn)
            return severityIcon(alert.severity);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == SinceColumn)
            return QLocale().toString(row.raisedAt, QLocale::LongFormat);
        return plainToolTip(AlertTexts::describe(alert));
    case Qt::ForegroundRole:
        if (alert.acknowledged || alert.silenced)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case SortRole:
        switch (index.column()) {
        case SeverityColumn:
            return int(alert.severity);
        case SinceColumn:
            return alert.sinceMs;
        default:
            return data(index, Qt::DisplayRole);
        }
    case KeyRole:
        return alert.id;
    case NodeRole:
        return alert.subject.node;
    case InstanceRole:
        return alert.subject.instance;
    case AcknowledgedRole:
        return alert.acknowledged;
    default:
        return {};
    }
}

QVariant AlertsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case SinceColumn:
        return tr("Since");
    case CampusColumn:
        return tr("Campus");
    case NodeColumn:
        return tr("Node");
    case InstanceColumn:
        return tr("Instance");
    case TextColumn:
        return tr("Alert");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

} // namespace kumo

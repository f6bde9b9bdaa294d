// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitoring/alertsmodel.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include "app/monitoring/alerttexts.h"
#include "app/monitoring/monitoringcontroller.h"
#include "ui/modelformat.h"
#include "ui/modelroles.h"
#include "ui/plaintext.h"

namespace kumo {

AlertsModel::AlertsModel(MonitoringController* monitoring, ClusterController* cluster, QObject* parent)
    : MonitoringTableModel({{Field::Severity},
                            {Field::Own, QT_TRANSLATE_NOOP("kumo::AlertsModel", "Since")},
                            {Field::Campus},
                            {Field::Node},
                            {Field::Instance},
                            {Field::Own, QT_TRANSLATE_NOOP("kumo::AlertsModel", "Alert")},
                            {Field::Own, QT_TRANSLATE_NOOP("kumo::AlertsModel", "State")}},
                           cluster, parent)
    , m_monitoring(monitoring)
{
    Q_ASSERT(columnCount() == ColumnCount);
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

QString AlertsModel::sinceText(const Row& row) const
{
    const qint64 seconds = std::max<qint64>(0, (m_monitoring->nowMs() - row.alert.sinceMs) / 1000);
    return tr("%1 (for %2)")
        .arg(QLocale().toString(row.raisedAt.time(), QStringLiteral("HH:mm:ss")), format::duration(seconds));
}

QVariant AlertsModel::data(const QModelIndex& index, int role) const
{
    if (!isRow(index, m_rows.size()))
        return {};
    const Row& row = m_rows.at(index.row());
    const Alert& alert = row.alert;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SinceColumn:
            return sinceText(row);
        case TextColumn:
            return AlertTexts::describe(alert);
        case StateColumn:
            return AlertTexts::stateText(alert);
        default:
            break;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == SinceColumn)
            return format::dateTime(row.raisedAt);
        return plainToolTip(AlertTexts::describe(alert));
    case Qt::ForegroundRole:
        if (alert.acknowledged || alert.silenced)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case SortRole:
        if (index.column() == SinceColumn)
            return alert.sinceMs;
        break;
    case KeyRole:
        return alert.id;
    case AcknowledgedRole:
        return alert.acknowledged;
    default:
        break;
    }
    const AlertSubject& subject = alert.subject;
    return subjectData(
        index, role,
        {eventSeverityOf(alert.severity), subject.site, subject.node, subject.instance, subject.name});
}

} // namespace kumo

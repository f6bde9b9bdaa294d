// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitoring/alertsdock.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "app/monitoring/monitoringcontroller.h"
#include "ui/clusterselection.h"
#include "ui/modelroles.h"
#include "ui/monitoring/alertsmodel.h"

namespace kumo {

AlertsDock::AlertsDock(MonitoringController* monitoring, ClusterController* cluster,
                       ClusterSelection* selection, QWidget* parent)
    : QDockWidget(parent)
    , m_monitoring(monitoring)
    , m_selection(selection)
    , m_model(new AlertsModel(monitoring, cluster, this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("alertsDock"));
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* bar = new QHBoxLayout;
    m_summary = new QLabel(page);
    m_summary->setObjectName(QStringLiteral("alertsSummary"));
    m_acknowledgeButton = new QPushButton(page);
    m_acknowledgeButton->setObjectName(QStringLiteral("acknowledgeButton"));
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_acknowledgeButton);
    layout->addLayout(bar);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);
    m_table = new QTableView(page);
    m_table->setObjectName(QStringLiteral("alertsTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AlertsModel::SinceColumn, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(AlertsModel::TextColumn, QHeaderView::Stretch);
    m_table->setColumnWidth(AlertsModel::SinceColumn, fontMetrics().horizontalAdvance(QLatin1Char('m')) * 13);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    layout->addWidget(m_table);
    setWidget(page);

    m_acknowledgeAction = new QAction(this);
    m_acknowledgeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_acknowledgeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_table->addAction(m_acknowledgeAction);
    connect(m_acknowledgeAction, &QAction::triggered, this, &AlertsDock::acknowledgeSelected);
    connect(m_acknowledgeButton, &QPushButton::clicked, this, &AlertsDock::acknowledgeSelected);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        if (!m_table->indexAt(pos).isValid())
            return;
        QMenu menu(this);
        menu.addAction(m_acknowledgeAction);
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AlertsDock::onSelectionChanged);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &AlertsDock::updateSummary);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AlertsDock::updateSummary);
    retranslate();
    onSelectionChanged();
}

QList<quint64> AlertsDock::selectedAlerts() const
{
    QList<quint64> ids;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        ids.append(index.data(KeyRole).toULongLong());
    return ids;
}

void AlertsDock::acknowledgeSelected()
{
    for (const quint64 id : selectedAlerts())
        m_monitoring->acknowledge(id);
}

void AlertsDock::updateActions()
{
    bool unacknowledged = false;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        unacknowledged = unacknowledged || !index.data(AlertsModel::AcknowledgedRole).toBool();
    m_acknowledgeAction->setEnabled(unacknowledged);
    m_acknowledgeButton->setEnabled(unacknowledged);
}

void AlertsDock::onSelectionChanged()
{
    updateActions();
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    QStringList instances;
    QStringList nodes;
    for (const QModelIndex& index : rows) {
        const QString instance = index.data(AlertsModel::InstanceRole).toString();
        const QString node = index.data(AlertsModel::NodeRole).toString();
        if (!instance.isEmpty() && !instances.contains(instance))
            instances.append(instance);
        else if (instance.isEmpty() && !node.isEmpty() && !nodes.contains(node))
            nodes.append(node);
    }
    // A row about an instance shows the instance; a row about a node alone, the node.
    if (!m_selection || rows.isEmpty())
        return;
    if (!instances.isEmpty())
        m_selection->selectInstances(instances);
    else if (!nodes.isEmpty())
        m_selection->selectNodes(nodes);
}

void AlertsDock::updateSummary()
{
    const int total = m_model->rowCount();
    const int unattended = m_monitoring->unattendedCount();
    if (total == 0)
        m_summary->setText(tr("No active alerts."));
    else
        m_summary->setText(tr("%n active alert(s), %1 not acknowledged", nullptr, total).arg(unattended));
    updateActions();
}

void AlertsDock::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void AlertsDock::retranslate()
{
    setWindowTitle(tr("Alerts"));
    m_acknowledgeAction->setText(tr("&Acknowledge"));
    m_acknowledgeButton->setText(tr("Acknowledge"));
    m_acknowledgeButton->setToolTip(
        tr("Acknowledge the selected alerts (%1)")
            .arg(m_acknowledgeAction->shortcut().toString(QKeySequence::NativeText)));
    m_table->setAccessibleName(tr("Alerts"));
    m_model->retranslate();
    updateSummary();
}

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitoring/eventlogdock.h"

#include <algorithm>

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "app/cluster/clustercontroller.h"
#include "app/monitoring/eventlog.h"
#include "ui/clusterselection.h"
#include "ui/modelroles.h"
#include "ui/monitoring/eventlogfilterproxymodel.h"
#include "ui/monitoring/eventlogmodel.h"

namespace kumo {

EventLogDock::EventLogDock(EventLog* log, ClusterController* cluster, ClusterSelection* selection,
                           QWidget* parent)
    : QDockWidget(parent)
    , m_log(log)
    , m_cluster(cluster)
    , m_selection(selection)
    , m_model(new EventLogModel(log, cluster, this))
    , m_proxy(new EventLogFilterProxyModel(this))
{
    setObjectName(QStringLiteral("eventLogDock"));
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* bar = new QHBoxLayout;
    m_severity = new QComboBox(page);
    m_severity->setObjectName(QStringLiteral("eventSeverityFilter"));
    m_kind = new QComboBox(page);
    m_kind->setObjectName(QStringLiteral("eventKindFilter"));
    m_node = new QComboBox(page);
    m_node->setObjectName(QStringLiteral("eventNodeFilter"));
    m_node->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_instance = new QLineEdit(page);
    m_instance->setObjectName(QStringLiteral("eventInstanceFilter"));
    m_instance->setClearButtonEnabled(true);
    m_text = new QLineEdit(page);
    m_text->setObjectName(QStringLiteral("eventTextFilter"));
    m_text->setClearButtonEnabled(true);
    m_count = new QLabel(page);
    m_export = new QPushButton(page);
    m_export->setObjectName(QStringLiteral("exportCsvButton"));
    bar->addWidget(m_severity);
    bar->addWidget(m_kind);
    bar->addWidget(m_node);
    bar->addWidget(m_instance, 1);
    bar->addWidget(m_text, 2);
    bar->addWidget(m_count);
    bar->addWidget(m_export);
    layout->addLayout(bar);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);
    m_table = new QTableView(page);
    m_table->setObjectName(QStringLiteral("eventLogTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(EventLogModel::TimeColumn, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(EventLogModel::TextColumn, QHeaderView::Stretch);
    m_table->setColumnWidth(EventLogModel::TimeColumn,
                            fontMetrics().horizontalAdvance(QLatin1Char('0')) * 21);
    layout->addWidget(m_table);
    setWidget(page);

    for (int kind = -1; kind < EventKindCount; ++kind)
        m_kind->addItem(QString(), kind);
    for (int severity = 0; severity < 3; ++severity)
        m_severity->addItem(QString(), severity);
    m_node->addItem(QString(), QString());
    fillNodes();
    if (cluster) {
        connect(cluster, &ClusterController::nodeAdded, this, &EventLogDock::fillNodes);
        connect(cluster, &ClusterController::nodeRemoved, this, &EventLogDock::fillNodes);
    }
    connect(m_severity, &QComboBox::currentIndexChanged, this, &EventLogDock::applyFilters);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &EventLogDock::applyFilters);
    connect(m_node, &QComboBox::currentIndexChanged, this, &EventLogDock::applyFilters);
    connect(m_instance, &QLineEdit::textChanged, this, &EventLogDock::applyFilters);
    connect(m_text, &QLineEdit::textChanged, this, &EventLogDock::applyFilters);
    connect(m_export, &QPushButton::clicked, this, &EventLogDock::chooseExport);
    connect(m_table, &QAbstractItemView::doubleClicked, this, &EventLogDock::selectRow);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &EventLogDock::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &EventLogDock::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &EventLogDock::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &EventLogDock::updateCount);
    retranslate();
}

void EventLogDock::fillNodes()
{
    if (!m_cluster)
        return;
    const QString current = m_node->currentData().toString();
    QStringList names = m_cluster->nodeNames();
    std::sort(names.begin(), names.end());
    QSignalBlocker block(m_node);
    while (m_node->count() > 1)
        m_node->removeItem(1);
    for (const QString& name : std::as_const(names))
        m_node->addItem(name, name);
    m_node->setCurrentIndex(std::max(0, m_node->findData(current)));
}

void EventLogDock::applyFilters()
{
    m_proxy->setMinimumSeverity(EventSeverity(m_severity->currentData().toInt()));
    const int kind = m_kind->currentData().toInt();
    m_proxy->setKind(kind < 0 ? std::nullopt : std::optional<EventKind>(EventKind(kind)));
    m_proxy->setNode(m_node->currentData().toString());
    m_proxy->setInstance(m_instance->text());
    m_proxy->setText(m_text->text());
    updateCount();
}

void EventLogDock::updateCount()
{
    m_count->setText(tr("%1 of %n event(s)", nullptr, m_log->size()).arg(m_proxy->rowCount()));
}

void EventLogDock::selectRow(const QModelIndex& index)
{
    if (!index.isValid() || !m_selection)
        return;
    const QString instance = index.data(EventLogModel::InstanceRole).toString();
    const QString node = index.data(EventLogModel::NodeRole).toString();
    if (!instance.isEmpty())
        m_selection->selectInstances({instance});
    else if (!node.isEmpty())
        m_selection->selectNodes({node});
}

Result<void> EventLogDock::exportCsv(const QString& path) const
{
    // In the log's order, whatever the table's sort.
    QList<int> rows;
    rows.reserve(m_proxy->rowCount());
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        rows.append(m_proxy->mapToSource(m_proxy->index(row, 0)).row());
    std::sort(rows.begin(), rows.end());
    QList<EventEntry> entries;
    entries.reserve(rows.size());
    for (const int row : std::as_const(rows))
        entries.append(m_log->at(row));
    return EventLog::exportCsv(path, entries);
}

void EventLogDock::chooseExport()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Event Log"), QDir::home().filePath(QStringLiteral("kumo-events.csv")),
        tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const Result<void> written = exportCsv(path);
    if (!written)
        QMessageBox::warning(this, tr("Export Event Log"),
                             tr("%1\n\n%2").arg(written.error().message, written.error().detail));
}

void EventLogDock::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void EventLogDock::retranslate()
{
    setWindowTitle(tr("Event Log"));
    m_kind->setItemText(0, tr("All kinds"));
    for (int kind = 0; kind < EventKindCount; ++kind)
        m_kind->setItemText(kind + 1, EventLog::kindText(EventKind(kind)));
    m_severity->setItemText(0, tr("All severities"));
    m_severity->setItemText(1, tr("Warnings and critical"));
    m_severity->setItemText(2, tr("Critical only"));
    m_node->setItemText(0, tr("All nodes"));
    m_instance->setPlaceholderText(tr("Instance"));
    m_instance->setAccessibleName(tr("Filter by instance"));
    m_text->setPlaceholderText(tr("Filter events: any text"));
    m_text->setAccessibleName(tr("Filter events"));
    m_severity->setAccessibleName(tr("Filter by severity"));
    m_kind->setAccessibleName(tr("Filter by kind"));
    m_node->setAccessibleName(tr("Filter by node"));
    m_export->setText(tr("Export CSV…"));
    m_export->setToolTip(tr("Save the events the filters show as a CSV file"));
    m_table->setAccessibleName(tr("Event Log"));
    m_model->retranslate();
    updateCount();
}

} // namespace kumo

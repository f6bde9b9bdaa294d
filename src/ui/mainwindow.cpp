// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "clustercontroller.h"
#include "language.h"
#include "statetext.h"

namespace kumo {

namespace {
constexpr int KeyRole = Qt::UserRole + 1;

QString formatMiB(quint64 kib)
{
    return QLocale().toString(double(kib) / 1024.0, 'f', 0);
}
} // namespace

MainWindow::MainWindow(ClusterController* controller, QWidget* parent)
    : QMainWindow(parent)
    , m_controller(controller)
    , m_tree(new QTreeWidget(this))
    , m_banner(new QLabel(this))
    , m_status(new QLabel(this))
{
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    m_banner->setVisible(false);
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_banner);
    m_tree->setColumnCount(ColumnCount);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(StateColumn, QHeaderView::ResizeToContents);
    layout->addWidget(m_tree);
    setCentralWidget(central);
    statusBar()->addPermanentWidget(m_status);
    resize(900, 600);

    connect(controller, &ClusterController::inventoryChanged, this, &MainWindow::rebuildSites);
    connect(controller, &ClusterController::nodeAdded, this, &MainWindow::addNode);
    connect(controller, &ClusterController::nodeChanged, this, &MainWindow::updateNode);
    connect(controller, &ClusterController::nodeRemoved, this, &MainWindow::removeNode);
    connect(controller, &ClusterController::instanceAdded, this, &MainWindow::addInstance);
    connect(controller, &ClusterController::instanceChanged, this, &MainWindow::updateInstance);
    connect(controller, &ClusterController::instanceMoved, this,
            [this](const QString& uuid, const QString&, const QString& to) { moveInstance(uuid, to); });
    connect(controller, &ClusterController::instanceRemoved, this, &MainWindow::removeInstance);

    rebuildSites();
    for (const QString& node : controller->nodeNames())
        addNode(node);
    for (const InstanceSnapshot& instance : controller->instances())
        addInstance(instance.uuid);
    retranslate();
}

MainWindow::~MainWindow() = default;

void MainWindow::setBanner(const QString& text)
{
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

void MainWindow::showInventoryError(const Error& error)
{
    setBanner(tr("The inventory file has a problem; the console keeps using the last good version.\n%1")
                  .arg(error.toString()));
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("Kumo — campus cloud console"));
    m_tree->setHeaderLabels({tr("Name"), tr("State"), tr("Details")});
    m_tree->setAccessibleName(tr("Campuses, nodes and instances"));
    for (auto it = m_siteItems.cbegin(); it != m_siteItems.cend(); ++it) {
        const Site* site = m_controller->inventory().site(it.key());
        it.value()->setText(NameColumn, site ? site->displayName(language::current()) : it.key());
    }
    for (auto it = m_nodeItems.cbegin(); it != m_nodeItems.cend(); ++it)
        updateNode(it.key());
    for (auto it = m_instanceItems.cbegin(); it != m_instanceItems.cend(); ++it)
        updateInstance(it.key());
    updateStatus();
}

void MainWindow::rebuildSites()
{
    for (const Site& site : m_controller->inventory().sites) {
        QTreeWidgetItem* item = siteItem(site.id);
        item->setText(NameColumn, site.displayName(language::current()));
    }
    // Nodes whose site changed move under their new site.
    for (auto it = m_nodeItems.cbegin(); it != m_nodeItems.cend(); ++it) {
        const NodeConfig* config = m_controller->inventory().node(it.key());
        if (!config)
            continue;
        QTreeWidgetItem* parentItem = siteItem(config->site);
        if (it.value()->parent() != parentItem) {
            it.value()->parent()->removeChild(it.value());
            parentItem->addChild(it.value());
        }
        updateNode(it.key());
    }
    for (auto it = m_siteItems.begin(); it != m_siteItems.end();) {
        if (!m_controller->inventory().site(it.key()) && it.value()->childCount() == 0) {
            delete it.value();
            it = m_siteItems.erase(it);
        } else {
            ++it;
        }
    }
}

QTreeWidgetItem* MainWindow::siteItem(const QString& siteId)
{
    QTreeWidgetItem* item = m_siteItems.value(siteId);
    if (!item) {
        item = new QTreeWidgetItem(m_tree);
        item->setData(NameColumn, KeyRole, siteId);
        item->setText(NameColumn, siteId);
        item->setExpanded(true);
        m_siteItems.insert(siteId, item);
    }
    return item;
}

void MainWindow::addNode(const QString& node)
{
    if (m_nodeItems.contains(node))
        return;
    const NodeConfig* config = m_controller->inventory().node(node);
    auto* item = new QTreeWidgetItem(siteItem(config ? config->site : QString()));
    item->setData(NameColumn, KeyRole, node);
    item->setText(NameColumn, node);
    item->setExpanded(true);
    m_nodeItems.insert(node, item);
    updateNode(node);
}

void MainWindow::updateNode(const QString& node)
{
    QTreeWidgetItem* item = m_nodeItems.value(node);
    const NodeSnapshot* snapshot = m_controller->node(node);
    if (!item || !snapshot)
        return;
    const NodeConfig* config = m_controller->inventory().node(node);
    const bool maintenance = config && config->maintenance;
    item->setText(StateColumn, maintenance ? tr("Maintenance") : nodeStateText(snapshot->state));
    QString detail;
    if (snapshot->state == NodeState::Connected) {
        detail = tr("%1 CPUs, memory %2 of %3 MiB free, %n instance(s)", nullptr, snapshot->instanceCount)
                     .arg(snapshot->cpus)
                     .arg(formatMiB(snapshot->memoryFreeKiB), formatMiB(snapshot->memoryTotalKiB));
    } else if (snapshot->state == NodeState::Unreachable) {
        detail = snapshot->error.toString();
    }
    item->setText(DetailColumn, detail);
    item->setToolTip(DetailColumn, detail);
    updateStatus();
}

void MainWindow::removeNode(const QString& node)
{
    delete m_nodeItems.take(node);
    updateStatus();
}

void MainWindow::addInstance(const QString& uuid)
{
    const InstanceSnapshot* instance = m_controller->instance(uuid);
    if (!instance || m_instanceItems.contains(uuid))
        return;
    addNode(instance->node);
    auto* item = new QTreeWidgetItem(m_nodeItems.value(instance->node));
    item->setData(NameColumn, KeyRole, uuid);
    m_instanceItems.insert(uuid, item);
    updateInstance(uuid);
}

void MainWindow::updateInstance(const QString& uuid)
{
    QTreeWidgetItem* item = m_instanceItems.value(uuid);
    const InstanceSnapshot* instance = m_controller->instance(uuid);
    if (!item || !instance)
        return;
    item->setText(NameColumn, instance->name);
    item->setText(StateColumn, instanceStateText(instance->state));
    item->setText(DetailColumn,
                  tr("%n vCPU(s), %1 MiB", nullptr, instance->vcpus).arg(formatMiB(instance->memoryKiB)));
    updateStatus();
}

void MainWindow::moveInstance(const QString& uuid, const QString& toNode)
{
    QTreeWidgetItem* item = m_instanceItems.value(uuid);
    if (!item)
        return;
    addNode(toNode);
    item->parent()->removeChild(item);
    m_nodeItems.value(toNode)->addChild(item);
    updateInstance(uuid);
}

void MainWindow::removeInstance(const QString& uuid)
{
    delete m_instanceItems.take(uuid);
    updateStatus();
}

void MainWindow::updateStatus()
{
    m_status->setText(tr("Nodes up: %1/%2 · Instances running: %3/%4")
                          .arg(m_controller->connectedNodeCount())
                          .arg(m_controller->nodeNames().size())
                          .arg(m_controller->runningInstanceCount())
                          .arg(m_controller->instanceCount()));
    // The status bar does not grow a permanent widget by itself when its text gets longer.
    m_status->setMinimumWidth(m_status->sizeHint().width());
}

} // namespace kumo

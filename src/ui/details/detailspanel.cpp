// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/details/detailspanel.h"

#include <algorithm>

#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "core/connectionsecurity.h"
#include "core/sentences.h"
#include "core/statetext.h"
#include "ui/details/campussummarytable.h"
#include "ui/details/historychart.h"
#include "ui/details/probelatencychart.h"
#include "ui/details/propertyform.h"
#include "ui/details/topconsumerstable.h"
#include "ui/modelformat.h"
#include "ui/models/nodetablemodel.h"
#include "ui/plaintext.h"

namespace kumo {

namespace {

enum Page
{
    MessagePage,
    PropertiesPage
};

QString bytesText(const QLocale& locale, quint64 kib)
{
    return locale.formattedDataSize(qint64(kib) * 1024, 1, QLocale::DataSizeIecFormat);
}

} // namespace

DetailsPanel::DetailsPanel(ClusterController* controller, ClusterSelection* selection, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_selection(selection)
    , m_stack(new QStackedWidget(this))
    , m_message(new QLabel(m_stack))
    , m_nodeForm(new PropertyForm)
    , m_instanceForm(new PropertyForm)
    , m_cpuChart(new HistoryChart(HistoryChart::Metric::CpuPercent))
    , m_memoryChart(new HistoryChart(HistoryChart::Metric::MemoryMiB))
    , m_diskChart(new HistoryChart(HistoryChart::Metric::DiskBytesPerSecond))
    , m_networkChart(new HistoryChart(HistoryChart::Metric::NetworkBytesPerSecond))
    , m_topConsumers(new TopConsumersTable(controller))
    , m_campusSummary(new CampusSummaryTable(controller))
{
    setMinimumWidth(320);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    m_message->setObjectName(QStringLiteral("detailsMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setMargin(24);
    m_message->setForegroundRole(QPalette::PlaceholderText);
    m_stack->insertWidget(MessagePage, m_message);

    auto* scroll = new QScrollArea(m_stack);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* content = new QWidget(scroll);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(6);

    m_title = new QLabel(content);
    m_title->setObjectName(QStringLiteral("detailsTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_title->setFont(titleFont);
    m_subtitle = new QLabel(content);
    m_subtitle->setObjectName(QStringLiteral("detailsSubtitle"));
    m_subtitle->setTextFormat(Qt::PlainText);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addSpacing(6);

    static const char* const nodeKeys[NodeRowCount] = {
        "nodeName",        "nodeSite",         "nodeState",   "nodeError",    "nodeUri",
        "nodeHostname",    "nodeHypervisor",   "nodeLibvirt", "nodeCpuModel", "nodeCpus",
        "nodeMemory",      "nodeCpuUsage",     "nodeLoad",    "nodePools",    "nodeInstances",
        "nodeMaintenance", "nodeMigrationUri", "nodeSecurity"};
    for (int row = 0; row < NodeRowCount; ++row) {
        const bool wrap = row == NodeError || row == NodeSecurity || row == NodePools;
        m_nodeForm->addRow(QString::fromLatin1(nodeKeys[row]), wrap);
    }
    static const char* const instanceKeys[InstanceRowCount] = {
        "instanceName",     "instanceUuid",        "instanceState",      "instanceSplit",
        "instanceNode",     "instanceSite",        "instanceVcpus",      "instanceMemory",
        "instanceCpu",      "instanceSteal",       "instanceHostMemory", "instanceDisk",
        "instanceNetwork",  "instancePersistent",  "instanceAutostart",  "instanceHomeNode",
        "instancePriority", "instanceAntiAffinity"};
    for (int row = 0; row < InstanceRowCount; ++row)
        m_instanceForm->addRow(QString::fromLatin1(instanceKeys[row]),
                               row == InstanceSplit || row == InstanceState ||
                                   row == InstanceHostMemory); // a split names both nodes
    m_fixSplitButton = new QPushButton(content);
    m_fixSplitButton->setObjectName(QStringLiteral("fixSplitBrainButton"));
    m_fixSplitButton->setVisible(false);
    connect(m_fixSplitButton, &QPushButton::clicked, this, [this] { Q_EMIT fixSplitBrainRequested(m_key); });
    layout->addWidget(m_nodeForm);
    layout->addWidget(m_instanceForm);
    layout->addWidget(m_fixSplitButton, 0, Qt::AlignLeft);
    layout->addSpacing(10);

    m_cpuChart->setObjectName(QStringLiteral("cpuChart"));
    m_memoryChart->setObjectName(QStringLiteral("memoryChart"));
    layout->addWidget(m_cpuChart, 1);
    layout->addWidget(m_memoryChart, 1);
    m_probeChart = new ProbeLatencyChart(content);
    layout->addWidget(m_probeChart, 1);
    m_diskChart->setObjectName(QStringLiteral("diskChart"));
    m_networkChart->setObjectName(QStringLiteral("networkChart"));
    layout->addWidget(m_diskChart, 1);
    layout->addWidget(m_networkChart, 1);
    m_diskChart->hide();
    m_networkChart->hide();
    QFont sectionFont = font();
    sectionFont.setBold(true);
    m_topTitle = new QLabel(content);
    m_topTitle->setFont(sectionFont);
    m_campusTitle = new QLabel(content);
    m_campusTitle->setFont(sectionFont);
    layout->addSpacing(6);
    layout->addWidget(m_topTitle);
    layout->addWidget(m_topConsumers, 1);
    layout->addSpacing(6);
    layout->addWidget(m_campusTitle);
    layout->addWidget(m_campusSummary);
    connect(m_topConsumers, &TopConsumersTable::instanceActivated, this,
            [this](const QString& uuid) { m_selection->selectInstances({uuid}); });
    scroll->setWidget(content);
    m_stack->insertWidget(PropertiesPage, scroll);

    m_chartTimer.setInterval(ChartRefreshMs);
    connect(&m_chartTimer, &QTimer::timeout, this, &DetailsPanel::refreshCharts);

    connect(m_selection, &ClusterSelection::changed, this, &DetailsPanel::followSelection);
    connect(m_controller, &ClusterController::nodeAdded, this, &DetailsPanel::onNodeChanged);
    connect(m_controller, &ClusterController::nodeChanged, this, &DetailsPanel::onNodeChanged);
    connect(m_controller, &ClusterController::nodeRemoved, this, &DetailsPanel::onNodeRemoved);
    connect(m_controller, &ClusterController::instanceAdded, this, &DetailsPanel::onInstanceChanged);
    connect(m_controller, &ClusterController::instanceChanged, this, &DetailsPanel::onInstanceChanged);
    connect(m_controller, &ClusterController::instanceMoved, this,
            [this](const QString& uuid, const QString&, const QString&) { onInstanceChanged(uuid); });
    connect(m_controller, &ClusterController::instanceRemoved, this,
            [this](const QString& uuid, const QString&) { onInstanceRemoved(uuid); });
    // Site names, maintenance flags and instance metadata come from the inventory.
    connect(m_controller, &ClusterController::inventoryChanged, this, &DetailsPanel::refresh);

    retranslateUi();
    followSelection();
}

ClusterSelection::Kind DetailsPanel::shownKind() const
{
    return m_stack->currentIndex() == PropertiesPage ? m_kind : ClusterSelection::Kind::None;
}

QString DetailsPanel::messageText() const
{
    return m_stack->currentIndex() == MessagePage ? m_message->text() : QString();
}

void DetailsPanel::followSelection()
{
    const ClusterSelection::Kind kind = m_selection->kind();
    const QString key = m_selection->current();
    if (kind == m_kind && key == m_key)
        return;
    m_kind = key.isEmpty() ? ClusterSelection::Kind::None : kind;
    m_key = key;
    m_lastName.clear();
    m_gone = false;
    refresh();
}

void DetailsPanel::onNodeChanged(const QString& node)
{
    // An instance shows its node's site, so the node matters to the instance view only
    // through the inventory; here only the shown node is of interest.
    if (m_kind == ClusterSelection::Kind::Nodes && node == m_key)
        refresh();
}

void DetailsPanel::onNodeRemoved(const QString& node)
{
    if (m_kind == ClusterSelection::Kind::Nodes && node == m_key)
        refresh();
}

void DetailsPanel::onInstanceChanged(const QString& uuid)
{
    if (m_kind == ClusterSelection::Kind::Instances && uuid == m_key)
        refresh();
}

void DetailsPanel::onInstanceRemoved(const QString& uuid)
{
    if (m_kind == ClusterSelection::Kind::Instances && uuid == m_key)
        refresh();
}

void DetailsPanel::refresh()
{
    if (m_kind == ClusterSelection::Kind::Nodes) {
        if (const NodeSnapshot* node = m_controller->node(m_key)) {
            m_gone = false;
            fillNode(*node);
        } else {
            m_gone = true;
            showMessage();
        }
    } else if (m_kind == ClusterSelection::Kind::Instances) {
        if (const InstanceSnapshot* instance = m_controller->instance(m_key)) {
            m_gone = false;
            fillInstance(*instance);
        } else {
            m_gone = true;
            showMessage();
        }
    } else {
        showMessage();
    }
    updateTimer();
}

void DetailsPanel::showMessage()
{
    const QString name = m_lastName.isEmpty() ? m_key : m_lastName;
    if (m_kind == ClusterSelection::Kind::Nodes && m_gone)
        m_message->setText(tr("The node “%1” is no longer in the inventory.").arg(name));
    else if (m_kind == ClusterSelection::Kind::Instances && m_gone)
        m_message->setText(tr("The instance “%1” no longer exists.").arg(name));
    else
        m_message->setText(tr("Select a node or an instance to see its details."));
    m_stack->setCurrentIndex(MessagePage);
}

void DetailsPanel::fillNode(const NodeSnapshot& node)
{
    const QLocale loc = locale();
    const NodeConfig* config = m_controller->inventory().node(node.node);
    PropertyForm* f = m_nodeForm;
    m_lastName = node.node;
    m_fixSplitButton->setVisible(false);
    m_title->setText(node.node);
    m_subtitle->setText(tr("Node"));

    f->setValue(NodeName, node.node);
    f->setValue(NodeSite, siteName(node.node));
    f->setValue(NodeState, nodeStateText(node.state));
    const bool failed = (node.state == NodeState::Unreachable || node.state == NodeState::NotResponding) &&
                        node.error.code != ErrorCode::None;
    if (failed) {
        f->setValue(NodeError, node.error.detail.isEmpty()
                                   ? node.error.message
                                   : tr("%1\n%2", "error message, then libvirt's own text")
                                         .arg(node.error.message, node.error.detail));
    }
    f->setRowVisible(NodeError, failed);
    const QString unknown = tr("Unknown");
    const QString uri = config ? config->uri : QString();
    f->setValue(NodeUri, uri);
    f->valueLabel(NodeUri)->setToolTip(plainToolTip(uri));
    const bool insecure = config && ConnectionSecurity::insecureAllowed(*config);
    f->setRowVisible(NodeSecurity, insecure);
    f->setValue(NodeSecurity,
                insecure ? QStringLiteral("⚠ ") + NodeTableModel::insecureText(*config) : QString());
    f->setValue(NodeHostname, node.hostname.isEmpty() ? unknown : node.hostname);
    f->setValue(NodeHypervisor, node.hypervisor.isEmpty() ? unknown : node.hypervisor);
    f->setValue(NodeLibvirt, node.libvirtVersion == 0 ? unknown
                                                      : QStringLiteral("%1.%2.%3")
                                                            .arg(node.libvirtVersion / 1000000)
                                                            .arg(node.libvirtVersion / 1000 % 1000)
                                                            .arg(node.libvirtVersion % 1000));
    f->setValue(NodeCpuModel, node.cpuModel.isEmpty() ? unknown : node.cpuModel);
    f->setValue(NodeCpus, node.cpus == 0 ? unknown
                          : node.mhz > 0
                              ? tr("%1 at %2 MHz").arg(loc.toString(node.cpus), loc.toString(node.mhz))
                              : loc.toString(node.cpus));
    if (node.memoryTotalKiB == 0) {
        f->setValue(NodeMemory, unknown);
    } else {
        const quint64 used = node.memoryTotalKiB - std::min(node.memoryFreeKiB, node.memoryTotalKiB);
        f->setValue(NodeMemory,
                    tr("%1 used of %2").arg(bytesText(loc, used), bytesText(loc, node.memoryTotalKiB)));
    }
    f->setValue(NodeCpuUsage, node.cpuUsagePercent < 0
                                  ? unknown
                                  : tr("%1 %", "percent").arg(loc.toString(node.cpuUsagePercent, 'f', 0)));
    // The counts of a node that does not answer are not known (zero or stale).
    f->setValue(
        NodeInstances,
        node.state != NodeState::Connected
            ? unknown
            : tr("%1 running of %2").arg(loc.toString(node.runningCount), loc.toString(node.instanceCount)));
    const bool haveLoad = node.state == NodeState::Connected && node.cpuUserPercent >= 0;
    f->setRowVisible(NodeLoad, haveLoad);
    if (haveLoad) {
        f->setValue(NodeLoad,
                    tr("user %1, kernel %2, waiting for I/O %3")
                        .arg(format::percent(node.cpuUserPercent), format::percent(node.cpuKernelPercent),
                             format::percent(node.cpuIowaitPercent)));
    }
    f->setRowVisible(NodePools, node.poolsKnown);
    if (node.poolsKnown) {
        QStringList pools;
        for (const StoragePoolSnapshot& pool : node.pools) {
            pools.append(pool.freePercent() < 0 ? tr("%1: inactive").arg(pool.name)
                                                : tr("%1: %2 free of %3 (%4)")
                                                      .arg(pool.name, format::bytes(pool.availableBytes),
                                                           format::bytes(pool.capacityBytes),
                                                           format::percent(pool.freePercent())));
        }
        f->setValue(NodePools, pools.isEmpty() ? tr("None") : pools.join(QLatin1Char('\n')));
    }
    const bool maintenance = config && config->maintenance;
    f->setValue(NodeMaintenance, maintenance ? tr("Yes, takes no new instances") : tr("No"));
    const QString migration = config ? config->migrationUri : QString();
    f->setValue(NodeMigrationUri, migration.isEmpty() ? tr("Not set (libvirt's default)") : migration);

    m_instanceForm->hide();
    m_nodeForm->show();
    m_topConsumers->setNode(node.node);
    for (QWidget* widget : {static_cast<QWidget*>(m_topTitle), static_cast<QWidget*>(m_topConsumers),
                            static_cast<QWidget*>(m_campusTitle), static_cast<QWidget*>(m_campusSummary)})
        widget->show();
    m_stack->setCurrentIndex(PropertiesPage);
    refreshCharts();
}

void DetailsPanel::fillInstance(const InstanceSnapshot& instance)
{
    const QLocale loc = locale();
    PropertyForm* f = m_instanceForm;
    m_lastName = instance.name;
    m_title->setText(instance.name);
    m_subtitle->setText(tr("Instance on %1").arg(instance.node));

    f->setValue(InstanceName, instance.name);
    f->setValue(InstanceUuid, instance.uuid);
    const bool split = instance.isSplit();
    f->setValue(InstanceState,
                split ? splitStateText(instance.splitNodes) : instanceStateText(instance.state));
    f->setRowVisible(InstanceSplit, split);
    f->setValue(InstanceSplit,
                split ? QStringLiteral("⚠ ") +
                            tr("The same instance runs on %1 at once. Its actions are locked until one "
                               "copy is stopped.")
                                .arg(Sentences::names(instance.splitNodes))
                      : QString());
    m_fixSplitButton->setVisible(split);
    f->setValue(InstanceNode, instance.node);
    f->setValue(InstanceSite, siteName(instance.node));
    f->setValue(InstanceVcpus, loc.toString(instance.vcpus));
    f->setValue(InstanceMemory,
                instance.maxMemoryKiB > 0 && instance.maxMemoryKiB != instance.memoryKiB
                    ? tr("%1 of at most %2")
                          .arg(bytesText(loc, instance.memoryKiB), bytesText(loc, instance.maxMemoryKiB))
                    : bytesText(loc, instance.memoryKiB));
    f->setValue(InstanceCpu, instance.cpuPercent < 0 || !instance.isActive()
                                 ? tr("Not running")
                                 : tr("%1 %", "percent").arg(loc.toString(instance.cpuPercent, 'f', 0)));
    const bool active = instance.isActive();
    f->setRowVisible(InstanceSteal, active && instance.cpuStealPercent >= 0);
    f->setValue(InstanceSteal, format::percent(instance.cpuStealPercent));
    f->setRowVisible(InstanceHostMemory, instance.rssKiB > 0);
    if (instance.rssKiB > 0) {
        const QString rss = tr("%1 resident on the host").arg(format::memoryKiB(instance.rssKiB));
        f->setValue(InstanceHostMemory, instance.guestAvailableKiB > 0
                                            ? tr("%1\nthe guest reports %2 available, %3 unused")
                                                  .arg(rss, format::memoryKiB(instance.guestAvailableKiB),
                                                       format::memoryKiB(instance.guestUnusedKiB))
                                            : rss);
    }
    f->setRowVisible(InstanceDisk, active && instance.diskReadBps >= 0);
    f->setValue(InstanceDisk, tr("read %1, write %2")
                                  .arg(format::bytesPerSecond(instance.diskReadBps),
                                       format::bytesPerSecond(instance.diskWriteBps)));
    f->setRowVisible(InstanceNetwork, active && instance.netRxBps >= 0);
    f->setValue(InstanceNetwork, tr("received %1, sent %2")
                                     .arg(format::bytesPerSecond(instance.netRxBps),
                                          format::bytesPerSecond(instance.netTxBps)));
    f->setValue(InstancePersistent, instance.persistent ? tr("Yes") : tr("No, disappears when it stops"));
    f->setValue(InstanceAutostart, instance.autostart ? tr("Yes") : tr("No"));

    const InstanceConfig* meta = m_controller->inventory().instance(instance.name);
    for (const int row : {InstanceHomeNode, InstancePriority, InstanceAntiAffinity})
        f->setRowVisible(row, meta != nullptr);
    if (meta) {
        const QString notSet = tr("Not set");
        f->setValue(InstanceHomeNode, meta->homeNode.isEmpty() ? notSet : meta->homeNode);
        f->setValue(InstancePriority, loc.toString(meta->evacuationPriority));
        f->setValue(InstanceAntiAffinity,
                    meta->antiAffinityGroup.isEmpty() ? notSet : meta->antiAffinityGroup);
    }

    m_nodeForm->hide();
    m_instanceForm->show();
    m_topConsumers->setNode(QString());
    for (QWidget* widget : {static_cast<QWidget*>(m_topTitle), static_cast<QWidget*>(m_topConsumers),
                            static_cast<QWidget*>(m_campusTitle), static_cast<QWidget*>(m_campusSummary)})
        widget->hide();
    m_stack->setCurrentIndex(PropertiesPage);
    refreshCharts();
}

void DetailsPanel::setServiceProber(ServiceProber* prober)
{
    m_probeChart->setServiceProber(prober);
}

void DetailsPanel::refreshCharts()
{
    const bool instance = shownKind() == ClusterSelection::Kind::Instances;
    m_probeChart->showInstance(instance ? m_key : QString());
    if (shownKind() == ClusterSelection::Kind::None)
        return;
    const MetricsHistory& history = m_controller->history();
    const QList<MetricsHistory::Sample> samples =
        m_kind == ClusterSelection::Kind::Nodes ? history.node(m_key) : history.instance(m_key);
    QList<QPointF> cpu;
    QList<QPointF> memory;
    cpu.reserve(samples.size());
    memory.reserve(samples.size());
    // Each point sits at its age on the monotonic clock, counted back from the wall clock's "now":
    // a step of the wall clock moves the labels of the time axis, never the line.
    const qint64 monotonicNow = history.monotonicNowMs();
    const qint64 end = history.wallNowMs();
    for (const MetricsHistory::Sample& s : samples) {
        const double x = double(end - std::max<qint64>(0, monotonicNow - s.atMs));
        cpu.append(QPointF(x, double(s.cpuPercent)));
        memory.append(QPointF(x, double(s.memoryUsedMiB)));
    }
    // The axis ends now, so a node that stopped answering shows its line stop.
    const qint64 begin = end - history.windowMs();
    m_cpuChart->setTimeRange(begin, end);
    m_memoryChart->setTimeRange(begin, end);
    m_cpuChart->setSamples(cpu);
    m_memoryChart->setSamples(memory);

    const QList<MetricsHistory::IoSample> io = m_kind == ClusterSelection::Kind::Instances
                                                   ? history.instanceIo(m_key)
                                                   : QList<MetricsHistory::IoSample>();
    QList<QPointF> disk;
    QList<QPointF> network;
    for (const MetricsHistory::IoSample& s : io) {
        const double x = double(end - std::max<qint64>(0, monotonicNow - s.atMs));
        disk.append(QPointF(x, double(s.diskBytesPerSecond)));
        network.append(QPointF(x, double(s.netBytesPerSecond)));
    }
    // Hosts that do not report I/O (the test driver) get no empty graphs. A hidden chart is not
    // touched: Qt Charts laying out a chart that was never shown has crashed the process.
    m_diskChart->setVisible(!io.isEmpty());
    m_networkChart->setVisible(!io.isEmpty());
    if (!io.isEmpty()) {
        m_diskChart->setTimeRange(begin, end);
        m_networkChart->setTimeRange(begin, end);
        m_diskChart->setSamples(disk);
        m_networkChart->setSamples(network);
    }

    if (m_kind == ClusterSelection::Kind::Nodes) {
        m_topConsumers->refresh();
        m_campusSummary->refresh();
    }
}

void DetailsPanel::updateTimer()
{
    const bool wanted = isVisible() && shownKind() != ClusterSelection::Kind::None;
    if (wanted && !m_chartTimer.isActive())
        m_chartTimer.start();
    else if (!wanted)
        m_chartTimer.stop();
}

QString DetailsPanel::siteName(const QString& nodeName) const
{
    const Inventory& inventory = m_controller->inventory();
    const NodeConfig* node = inventory.node(nodeName);
    if (!node)
        return tr("Unknown");
    const Site* site = inventory.site(node->site);
    return site ? site->displayName(language::current()) : node->site;
}

void DetailsPanel::retranslateUi()
{
    PropertyForm* n = m_nodeForm;
    n->setLabel(NodeName, tr("Name:"));
    n->setLabel(NodeSite, tr("Site:"));
    n->setLabel(NodeState, tr("State:"));
    n->setLabel(NodeError, tr("Problem:"));
    n->setLabel(NodeUri, tr("URI:"));
    n->setLabel(NodeHostname, tr("Host name:"));
    n->setLabel(NodeHypervisor, tr("Hypervisor:"));
    n->setLabel(NodeLibvirt, tr("libvirt version:"));
    n->setLabel(NodeCpuModel, tr("CPU model:"));
    n->setLabel(NodeCpus, tr("CPUs:"));
    n->setLabel(NodeMemory, tr("Memory:"));
    n->setLabel(NodeCpuUsage, tr("CPU usage:"));
    n->setLabel(NodeLoad, tr("CPU time:"));
    n->setLabel(NodePools, tr("Storage pools:"));
    n->setLabel(NodeInstances, tr("Instances:"));
    n->setLabel(NodeMaintenance, tr("Maintenance:"));
    n->setLabel(NodeSecurity, tr("Connection:"));
    n->setLabel(NodeMigrationUri, tr("Migration URI:"));

    PropertyForm* i = m_instanceForm;
    i->setLabel(InstanceName, tr("Name:"));
    i->setLabel(InstanceUuid, tr("UUID:"));
    i->setLabel(InstanceState, tr("State:"));
    i->setLabel(InstanceSplit, tr("Split brain:"));
    m_fixSplitButton->setText(tr("Fix split brain…"));
    i->setLabel(InstanceNode, tr("Node:"));
    i->setLabel(InstanceSite, tr("Site:"));
    i->setLabel(InstanceVcpus, tr("vCPUs:"));
    i->setLabel(InstanceMemory, tr("Memory:"));
    i->setLabel(InstanceCpu, tr("CPU usage:"));
    i->setLabel(InstanceSteal, tr("CPU steal:"));
    i->setLabel(InstanceHostMemory, tr("Host memory:"));
    i->setLabel(InstanceDisk, tr("Disk I/O:"));
    i->setLabel(InstanceNetwork, tr("Network:"));
    i->setLabel(InstancePersistent, tr("Persistent:"));
    i->setLabel(InstanceAutostart, tr("Starts with the node:"));
    i->setLabel(InstanceHomeNode, tr("Home node:"));
    i->setLabel(InstancePriority, tr("Evacuation priority:"));
    i->setLabel(InstanceAntiAffinity, tr("Anti-affinity group:"));

    m_topTitle->setText(tr("Top consumers"));
    m_campusTitle->setText(tr("Campuses"));
    setAccessibleName(tr("Details"));
    // Values hold translated words too (states, "Yes", site names): fill them again.
    refresh();
}

void DetailsPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DetailsPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // The charts may be minutes behind after being hidden.
    refreshCharts();
    updateTimer();
}

void DetailsPanel::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    updateTimer();
}

} // namespace kumo

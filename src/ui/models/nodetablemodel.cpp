// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/nodetablemodel.h"

#include <algorithm>
#include <cmath>

#include <QApplication>
#include <QCoreApplication>
#include <QLocale>
#include <QStyle>

#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "core/connectionsecurity.h"
#include "core/statetext.h"
#include "ui/languagewatcher.h"
#include "ui/modelformat.h"
#include "ui/modelroles.h"
#include "ui/plaintext.h"

namespace kumo {

namespace {

// Header texts; translated in headerData() so a language switch only needs headerDataChanged.
constexpr std::array<const char*, NodeTableModel::ColumnCount> kHeaders = {
    QT_TRANSLATE_NOOP("kumo::NodeTableModel", "Name"),
    QT_TRANSLATE_NOOP("kumo::NodeTableModel", "Site"),
    QT_TRANSLATE_NOOP("kumo::NodeTableModel", "State"),
    QT_TRANSLATE_NOOP("kumo::NodeTableModel", "CPU"),
    QT_TRANSLATE_NOOP("kumo::NodeTableModel", "Memory"),
    QT_TRANSLATE_NOOP("kumo::NodeTableModel", "Instances"),
    QT_TRANSLATE_NOOP("kumo::NodeTableModel", "URI"),
};

bool isNumeric(NodeTableModel::Column column)
{
    return column == NodeTableModel::Column::Cpu || column == NodeTableModel::Column::Memory ||
           column == NodeTableModel::Column::Instances;
}

quint64 usedKiB(const NodeSnapshot& s)
{
    return s.memoryTotalKiB > s.memoryFreeKiB ? s.memoryTotalKiB - s.memoryFreeKiB : 0;
}

} // namespace

NodeTableModel::NodeTableModel(ClusterController* controller, QObject* parent)
    : KeyedTableModel(parent)
    , m_controller(controller)
{
    connect(new LanguageWatcher(this), &LanguageWatcher::languageChanged, this, &NodeTableModel::retranslate);
    if (!controller)
        return;
    connect(controller, &ClusterController::nodeAdded, this, &NodeTableModel::onNodeAdded);
    connect(controller, &ClusterController::nodeChanged, this, &NodeTableModel::onNodeChanged);
    connect(controller, &ClusterController::nodeRemoved, this, &NodeTableModel::onNodeRemoved);
    connect(controller, &ClusterController::inventoryChanged, this, &NodeTableModel::onInventoryChanged);

    QHash<QString, const NodeConfig*> configs;
    for (const NodeConfig& config : controller->inventory().nodes)
        configs.insert(config.name, &config);
    const QStringList names = controller->nodeNames();
    m_rows.reserve(names.size());
    appendRows(names, [&](const QString& name) {
        const NodeSnapshot* snapshot = controller->node(name);
        const NodeConfig* config = configs.value(name);
        Row row;
        row.snapshot = snapshot ? *snapshot : NodeSnapshot{};
        row.snapshot.node = name;
        if (config)
            row.config = *config;
        row.siteName = siteNameFor(row.config.site);
        m_rows.append(row);
    });
}

NodeTableModel::~NodeTableModel() = default;

int NodeTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

NodeDisplayState NodeTableModel::displayStateAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return NodeDisplayState::Connecting;
    const Row& r = m_rows.at(row);
    return nodeDisplayState(r.snapshot.state, r.config.maintenance);
}

QVariant NodeTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_rows.size() ||
        index.column() >= ColumnCount)
        return {};
    const Row& row = m_rows.at(index.row());
    const auto column = static_cast<Column>(index.column());
    const NodeDisplayState state = nodeDisplayState(row.snapshot.state, row.config.maintenance);

    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case SortRole:
        return sortData(row, column);
    case FilterRole:
        return filterData(row, column);
    case KeyRole:
        return row.snapshot.node;
    case InsecureRole:
        return ConnectionSecurity::insecureAllowed(row.config);
    case Qt::DecorationRole:
        if (column == Column::State)
            return stateIcon(state);
        if (column == Column::Name && ConnectionSecurity::insecureAllowed(row.config))
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case Column::State:
            return plainToolTip(stateToolTip(row));
        case Column::Site:
            return plainToolTip(row.config.site);
        case Column::Instances:
            if (row.snapshot.state == NodeState::Connected)
                return tr("%1 defined, %2 running")
                    .arg(QLocale().toString(row.snapshot.instanceCount),
                         QLocale().toString(row.snapshot.runningCount));
            return {};
        case Column::Name: {
            QStringList lines;
            if (ConnectionSecurity::insecureAllowed(row.config))
                lines.append(insecureText(row.config));
            if (!row.snapshot.hostname.isEmpty())
                lines.append(tr("Host name: %1").arg(row.snapshot.hostname));
            return lines.isEmpty() ? QVariant() : QVariant(plainToolTip(lines.join(QLatin1Char('\n'))));
        }
        default:
            return {};
        }
    case Qt::AccessibleTextRole:
        if (column == Column::State)
            return stateToolTip(row);
        return displayData(row, column);
    case Qt::TextAlignmentRole:
        if (isNumeric(column))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        // An addition to the icon and the words, never the only sign.
        if (column == Column::State &&
            (state == NodeDisplayState::Unreachable || state == NodeDisplayState::NotResponding))
            return nodeDisplayStateColor(state);
        return {};
    default:
        return {};
    }
}

QVariant NodeTableModel::displayData(const Row& row, Column column) const
{
    const NodeSnapshot& s = row.snapshot;
    const bool connected = s.state == NodeState::Connected;
    switch (column) {
    case Column::Name:
        return s.node;
    case Column::Site:
        return row.siteName;
    case Column::State:
        return nodeDisplayStateText(nodeDisplayState(s.state, row.config.maintenance));
    case Column::Cpu:
        return connected ? format::percent(s.cpuUsagePercent) : format::unknown();
    case Column::Memory:
        return connected ? format::usedOfTotalKiB(usedKiB(s), s.memoryTotalKiB) : format::unknown();
    case Column::Instances:
        return connected ? QLocale().toString(s.instanceCount) : format::unknown();
    case Column::Uri:
        return row.config.uri;
    }
    return {};
}

QVariant NodeTableModel::sortData(const Row& row, Column column) const
{
    const NodeSnapshot& s = row.snapshot;
    const bool connected = s.state == NodeState::Connected;
    switch (column) {
    case Column::Cpu:
        return connected ? s.cpuUsagePercent : -1.0;
    case Column::Memory:
        // Used memory: what a person sorts by to find the full hosts.
        return connected ? qlonglong(usedKiB(s)) : qlonglong(-1);
    case Column::Instances:
        return connected ? s.instanceCount : -1;
    default:
        return displayData(row, column);
    }
}

QVariant NodeTableModel::filterData(const Row& row, Column column) const
{
    switch (column) {
    case Column::Site:
        return row.siteName + QLatin1Char(' ') + row.config.site;
    case Column::State: {
        const NodeDisplayState state = nodeDisplayState(row.snapshot.state, row.config.maintenance);
        return nodeDisplayStateText(state) + QLatin1Char(' ') + nodeDisplayStateKey(state);
    }
    default:
        return displayData(row, column);
    }
}

QString NodeTableModel::insecureText(const NodeConfig& config)
{
    return tr("Insecure connection, allowed by allow_insecure in the inventory: %1")
        .arg(ConnectionSecurity::of(config.uri).reason);
}

QString NodeTableModel::stateToolTip(const Row& row) const
{
    const NodeSnapshot& s = row.snapshot;
    QString connection = nodeStateText(s.state);
    if (s.state == NodeState::Unreachable || s.state == NodeState::NotResponding) {
        connection = s.error.message.isEmpty() ? tr("%1: no answer from libvirtd").arg(connection)
                                               : tr("%1: %2").arg(connection, s.error.message);
        if (!s.error.detail.isEmpty())
            connection = tr("%1 (%2)").arg(connection, s.error.detail);
        if (s.reconnectInMs > 0)
            connection =
                tr("%1. Next attempt in %n s.", nullptr, (s.reconnectInMs + 999) / 1000).arg(connection);
    }
    if (row.config.maintenance)
        return tr("In maintenance: takes no new instances. Connection: %1").arg(connection);
    return connection;
}

QVariant NodeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return KeyedTableModel::headerData(section, orientation, role);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return tr(kHeaders.at(std::size_t(section)));
    case Qt::TextAlignmentRole:
        if (isNumeric(static_cast<Column>(section)))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

const QIcon& NodeTableModel::stateIcon(NodeDisplayState state) const
{
    QIcon& icon = m_icons.at(std::size_t(state));
    if (icon.isNull())
        icon = paintNodeStateIcon(state);
    return icon;
}

QString NodeTableModel::siteNameFor(const QString& siteId) const
{
    if (!m_controller)
        return siteId;
    const Site* site = m_controller->inventory().site(siteId);
    return site ? site->displayName(language::current()) : siteId;
}

void NodeTableModel::onNodeAdded(const QString& node)
{
    if (rowOf(node) >= 0)
        return;
    Row row;
    if (const NodeSnapshot* snapshot = m_controller->node(node))
        row.snapshot = *snapshot;
    row.snapshot.node = node;
    // A linear look-up, but only when a node joins; updates use the cached config.
    if (const NodeConfig* config = m_controller->inventory().node(node))
        row.config = *config;
    row.siteName = siteNameFor(row.config.site);
    appendRows({node}, [&](const QString&) { m_rows.append(row); });
}

void NodeTableModel::onNodeChanged(const QString& node)
{
    const int row = rowOf(node);
    const NodeSnapshot* snapshot = m_controller->node(node);
    if (row < 0 || !snapshot)
        return;
    // The controller also says "changed" when only the node's inventory entry changed; that
    // arrives with inventoryChanged(), handled there, so an unchanged snapshot emits nothing here.
    Row& r = m_rows[row];
    if (sameContent(r.snapshot, *snapshot))
        return;
    const NodeSnapshot before = r.snapshot;
    r.snapshot = *snapshot;
    // One dataChanged spanning only the columns that changed, so a proxy sorted by another
    // column has nothing to re-sort. Connection changes touch every figure (shown or "—").
    if (before.state != snapshot->state) {
        columnsChanged(row);
        return;
    }
    int first = ColumnCount;
    int last = -1;
    const auto mark = [&](bool changed, Column column) {
        if (changed) {
            first = std::min(first, int(column));
            last = std::max(last, int(column));
        }
    };
    mark(!(before.error == snapshot->error) || before.reconnectInMs != snapshot->reconnectInMs,
         Column::State);
    mark(before.hostname != snapshot->hostname, Column::Name);
    mark(std::lround(before.cpuUsagePercent) != std::lround(snapshot->cpuUsagePercent), Column::Cpu);
    mark(before.memoryTotalKiB != snapshot->memoryTotalKiB || before.memoryFreeKiB != snapshot->memoryFreeKiB,
         Column::Memory);
    mark(before.instanceCount != snapshot->instanceCount || before.runningCount != snapshot->runningCount,
         Column::Instances);
    if (last >= 0)
        columnsChanged(row, first, last);
}

void NodeTableModel::onNodeRemoved(const QString& node)
{
    const int row = rowOf(node);
    if (row < 0)
        return;
    removeRowAt(row, [this](int at) { m_rows.removeAt(at); });
}

void NodeTableModel::onInventoryChanged()
{
    QHash<QString, const NodeConfig*> configs;
    const Inventory& inventory = m_controller->inventory();
    configs.reserve(inventory.nodes.size());
    for (const NodeConfig& config : inventory.nodes)
        configs.insert(config.name, &config);

    int first = -1;
    int last = -1;
    for (int i = 0; i < m_rows.size(); ++i) {
        Row& row = m_rows[i];
        const NodeConfig* config = configs.value(row.snapshot.node);
        if (!config)
            continue; // being removed; nodeRemoved handles it
        const QString siteName = siteNameFor(config->site);
        if (*config == row.config && siteName == row.siteName)
            continue;
        row.config = *config;
        row.siteName = siteName;
        if (first < 0)
            first = i;
        last = i;
    }
    if (first >= 0)
        columnsChanged(first, last, 0, ColumnCount - 1);
}

void NodeTableModel::retranslate()
{
    for (Row& row : m_rows)
        row.siteName = siteNameFor(row.config.site);
    allChanged({Qt::DisplayRole, Qt::ToolTipRole, Qt::AccessibleTextRole, SortRole, FilterRole});
}

} // namespace kumo

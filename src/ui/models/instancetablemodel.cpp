// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/instancetablemodel.h"

#include <algorithm>
#include <cmath>

#include <QCoreApplication>
#include <QLocale>
#include <QMimeData>

#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "app/probes/serviceprober.h"
#include "core/instancedrag.h"
#include "core/sentences.h"
#include "core/statetext.h"
#include "ui/languagewatcher.h"
#include "ui/modelformat.h"
#include "ui/modelroles.h"
#include "ui/models/stateicons.h"
#include "ui/plaintext.h"

namespace kumo {

namespace {

constexpr std::array<const char*, InstanceTableModel::ColumnCount> kHeaders = {
    QT_TRANSLATE_NOOP("kumo::InstanceTableModel", "Name"),
    QT_TRANSLATE_NOOP("kumo::InstanceTableModel", "State"),
    QT_TRANSLATE_NOOP("kumo::InstanceTableModel", "Node"),
    QT_TRANSLATE_NOOP("kumo::InstanceTableModel", "Site"),
    QT_TRANSLATE_NOOP("kumo::InstanceTableModel", "vCPUs"),
    QT_TRANSLATE_NOOP("kumo::InstanceTableModel", "Memory"),
    QT_TRANSLATE_NOOP("kumo::InstanceTableModel", "CPU"),
    QT_TRANSLATE_NOOP("kumo::InstanceTableModel", "Uptime"),
    QT_TRANSLATE_NOOP("kumo::InstanceTableModel", "Service"),
};

bool isNumeric(InstanceTableModel::Column column)
{
    using C = InstanceTableModel::Column;
    return column == C::Vcpus || column == C::Memory || column == C::Cpu || column == C::Uptime;
    // Service is text first ("up 3 ms", "down: refused"): left-aligned.
}

} // namespace

InstanceTableModel::InstanceTableModel(ClusterController* controller, QObject* parent)
    : KeyedTableModel(parent)
    , m_controller(controller)
{
    m_clock.start();
    connect(new LanguageWatcher(this), &LanguageWatcher::languageChanged, this,
            &InstanceTableModel::retranslate);
    connect(&m_uptimeTimer, &QTimer::timeout, this, &InstanceTableModel::refreshUptime);
    m_uptimeTimer.start(UptimeRefreshMs);
    if (!controller)
        return;
    m_addedTimer.setSingleShot(true);
    m_addedTimer.setInterval(0);
    connect(&m_addedTimer, &QTimer::timeout, this, &InstanceTableModel::insertAddedRows);
    connect(controller, &ClusterController::instanceAdded, this, &InstanceTableModel::onInstanceAdded);
    connect(controller, &ClusterController::instancesSettled, this, &InstanceTableModel::insertAddedRows);
    connect(controller, &ClusterController::instanceChanged, this, &InstanceTableModel::onInstanceChanged);
    connect(controller, &ClusterController::instanceMoved, this,
            [this](const QString& uuid, const QString&, const QString&) { onInstanceMoved(uuid); });
    connect(controller, &ClusterController::instanceRemoved, this,
            [this](const QString& uuid, const QString&) { onInstanceRemoved(uuid); });
    connect(controller, &ClusterController::inventoryChanged, this, &InstanceTableModel::onInventoryChanged);

    rebuildSiteNames();
    const QList<InstanceSnapshot> current = controller->instances();
    QStringList uuids;
    uuids.reserve(current.size());
    for (const InstanceSnapshot& snapshot : current)
        uuids.append(snapshot.uuid);
    m_rows.reserve(current.size());
    qsizetype next = 0;
    appendRows(uuids, [&](const QString&) { appendRowData(current.at(next++)); });
}

InstanceTableModel::~InstanceTableModel() = default;

int InstanceTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 InstanceTableModel::uptimeSeconds(int row, bool* exact) const
{
    if (row < 0 || row >= m_rows.size())
        return -1;
    if (exact)
        *exact = m_rows.at(row).upSinceExact;
    return uptimeOf(m_rows.at(row));
}

qint64 InstanceTableModel::uptimeOf(const Row& row) const
{
    if (row.upSinceMs < 0)
        return -1;
    return (m_clock.elapsed() - row.upSinceMs) / 1000;
}

QVariant InstanceTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_rows.size() ||
        index.column() >= ColumnCount)
        return {};
    const Row& row = m_rows.at(index.row());
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case SortRole:
        return sortData(row, column);
    case FilterRole:
        return filterData(row, column);
    case KeyRole:
        return row.snapshot.uuid;
    case Qt::DecorationRole:
        if (column == Column::State)
            return stateIcon(row.snapshot.isSplit() ? InstanceState::Crashed : row.snapshot.state);
        return {};
    case Qt::ToolTipRole: {
        const QString tip = toolTip(row, column);
        return tip.isEmpty() ? QVariant() : QVariant(plainToolTip(tip));
    }
    case Qt::AccessibleTextRole:
        if (column == Column::Uptime && !row.upSinceExact && row.upSinceMs >= 0)
            return toolTip(row, column);
        return displayData(row, column);
    case Qt::TextAlignmentRole:
        if (isNumeric(column))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        // An addition to the icon and the words, never the only sign.
        if (column == Column::State && row.snapshot.isSplit())
            return instanceStateColor(InstanceState::Crashed);
        if (column == Column::State && row.snapshot.state == InstanceState::Crashed)
            return instanceStateColor(row.snapshot.state);
        return {};
    default:
        return {};
    }
}

QVariant InstanceTableModel::displayData(const Row& row, Column column) const
{
    const InstanceSnapshot& s = row.snapshot;
    switch (column) {
    case Column::Name:
        return s.name;
    case Column::State:
        if (s.isSplit())
            return splitStateText(s.splitNodes);
        return instanceStateText(s.state);
    case Column::Node:
        return s.node;
    case Column::Site:
        return siteNameOf(s.node);
    case Column::Vcpus:
        return QLocale().toString(s.vcpus);
    case Column::Memory:
        return format::memoryKiB(s.memoryKiB);
    case Column::Cpu:
        return s.isActive() ? format::percent(s.cpuPercent) : format::unknown();
    case Column::Uptime: {
        const qint64 seconds = uptimeOf(row);
        if (seconds < 0)
            return format::unknown();
        if (row.upSinceExact)
            return format::duration(seconds);
        return format::durationAtLeast(seconds);
    }
    case Column::Service:
        if (!m_prober || !m_prober->hasProbes(s.uuid))
            return QString();
        return probeResultText(m_prober->summary(s.uuid));
    }
    return {};
}

QVariant InstanceTableModel::sortData(const Row& row, Column column) const
{
    const InstanceSnapshot& s = row.snapshot;
    switch (column) {
    case Column::Vcpus:
        return s.vcpus;
    case Column::Memory:
        return qulonglong(s.memoryKiB);
    case Column::Cpu:
        return s.isActive() ? s.cpuPercent : -1.0;
    case Column::Uptime:
        return uptimeOf(row);
    case Column::Service: {
        // Ascending: no probes, then the fastest answers, then not checked yet, then down.
        if (!m_prober || !m_prober->hasProbes(s.uuid))
            return qint64(-1);
        const ProbeResult result = m_prober->summary(s.uuid);
        if (result.state == ProbeState::Up)
            return qint64(result.latencyMs);
        if (result.state == ProbeState::Unknown)
            return qint64(1) << 40;
        return (qint64(1) << 41) + result.consecutiveFailures;
    }
    default:
        return displayData(row, column);
    }
}

QVariant InstanceTableModel::filterData(const Row& row, Column column) const
{
    switch (column) {
    case Column::State:
        if (row.snapshot.isSplit())
            return splitStateText(row.snapshot.splitNodes) + QStringLiteral(" split");
        return instanceStateText(row.snapshot.state) + QLatin1Char(' ') +
               instanceStateKey(row.snapshot.state);
    case Column::Site:
        return siteNameOf(row.snapshot.node) + QLatin1Char(' ') + siteIdOf(row.snapshot.node);
    default:
        return displayData(row, column);
    }
}

QString InstanceTableModel::toolTip(const Row& row, Column column) const
{
    const InstanceSnapshot& s = row.snapshot;
    switch (column) {
    case Column::Name:
        return tr("UUID: %1").arg(s.uuid);
    case Column::Site:
        return siteIdOf(s.node);
    case Column::State:
        if (s.isSplit())
            return tr("The same instance runs on %1 at once: its actions are locked until one copy is "
                      "stopped (Fix split brain).")
                .arg(Sentences::names(s.splitNodes));
        return {};
    case Column::Memory:
        if (s.maxMemoryKiB > s.memoryKiB)
            return tr("%1 of at most %2")
                .arg(format::memoryKiB(s.memoryKiB), format::memoryKiB(s.maxMemoryKiB));
        return {};
    case Column::Uptime:
        if (row.upSinceMs < 0)
            return tr("Not running");
        if (row.upSinceExact)
            return tr("Up since the console saw it start");
        return tr("It was already running when the console first saw it: up at least this long. "
                  "libvirt does not report when an instance started.");
    case Column::Service: {
        if (!m_prober)
            return {};
        QStringList lines;
        for (const ServiceProber::ProbeStatus& status : m_prober->statuses(s.uuid)) {
            const ProbeResult& r = status.last;
            if (r.state == ProbeState::Down)
                lines.append(tr("%1: %2 Failed %n time(s) in a row.", nullptr, r.consecutiveFailures)
                                 .arg(status.probe.url(), probeErrorText(r)));
            else
                lines.append(tr("%1: %2").arg(status.probe.url(), probeResultText(r)));
        }
        return lines.join(QLatin1Char('\n'));
    }
    default:
        return {};
    }
}

QVariant InstanceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
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

const QIcon& InstanceTableModel::stateIcon(InstanceState state) const
{
    const auto slot = std::size_t(state);
    QIcon& icon = m_icons.at(slot < m_icons.size() ? slot : 0);
    if (icon.isNull())
        icon = paintInstanceStateIcon(state);
    return icon;
}

QString InstanceTableModel::siteIdOf(const QString& node) const
{
    return m_siteIdOfNode.value(node);
}

QString InstanceTableModel::siteNameOf(const QString& node) const
{
    return m_siteNameOfNode.value(node);
}

void InstanceTableModel::rebuildSiteNames()
{
    m_siteIdOfNode.clear();
    m_siteNameOfNode.clear();
    if (!m_controller)
        return;
    const Inventory& inventory = m_controller->inventory();
    const QString language = language::current();
    QHash<QString, QString> siteNames;
    for (const Site& site : inventory.sites)
        siteNames.insert(site.id, site.displayName(language));
    for (const NodeConfig& node : inventory.nodes) {
        m_siteIdOfNode.insert(node.name, node.site);
        m_siteNameOfNode.insert(node.name, siteNames.value(node.site, node.site));
    }
}

void InstanceTableModel::appendRowData(const InstanceSnapshot& snapshot)
{
    Row row;
    row.snapshot = snapshot;
    if (snapshot.isActive()) {
        // Already up when first seen: we only know a lower bound.
        row.upSinceMs = m_clock.elapsed();
        row.upSinceExact = false;
    }
    m_rows.append(row);
}

void InstanceTableModel::update(int row, const InstanceSnapshot& snapshot)
{
    Row& r = m_rows[row];
    const InstanceSnapshot before = r.snapshot;
    // Uptime counts from the moment the console sees the instance become active; paused and
    // suspended guests are still up (their memory lives), so suspend/resume keeps the count.
    const bool wasActive = before.isActive();
    const bool active = snapshot.isActive();
    r.snapshot = snapshot;
    if (!wasActive && active) {
        r.upSinceMs = m_clock.elapsed();
        r.upSinceExact = true;
    } else if (wasActive && !active) {
        r.upSinceMs = -1;
        r.upSinceExact = false;
    }

    // One dataChanged for the row, spanning only the columns that changed: a proxy sorted by a
    // column outside the span then has nothing to re-sort. Nothing the table shows: no signal.
    int first = ColumnCount;
    int last = -1;
    const auto mark = [&](bool changed, Column column) {
        if (changed) {
            first = std::min(first, int(column));
            last = std::max(last, int(column));
        }
    };
    mark(before.name != snapshot.name, Column::Name);
    mark(before.state != snapshot.state || before.splitNodes != snapshot.splitNodes, Column::State);
    mark(before.node != snapshot.node, Column::Node);
    mark(before.node != snapshot.node, Column::Site);
    mark(before.vcpus != snapshot.vcpus, Column::Vcpus);
    mark(before.memoryKiB != snapshot.memoryKiB || before.maxMemoryKiB != snapshot.maxMemoryKiB,
         Column::Memory);
    mark(std::lround(before.cpuPercent) != std::lround(snapshot.cpuPercent) || wasActive != active,
         Column::Cpu);
    mark(wasActive != active, Column::Uptime);
    if (last >= 0)
        columnsChanged(row, first, last);
}

void InstanceTableModel::setServiceProber(ServiceProber* prober)
{
    if (m_prober)
        disconnect(m_prober, nullptr, this, nullptr);
    m_prober = prober;
    if (prober) {
        connect(prober, &ServiceProber::resultChanged, this, &InstanceTableModel::onServiceResult);
        connect(prober, &ServiceProber::targetsChanged, this, &InstanceTableModel::onServiceTargetsChanged);
    }
    onServiceTargetsChanged();
}

void InstanceTableModel::onServiceResult(const QString& uuid)
{
    const int row = rowOf(uuid);
    if (row >= 0)
        columnsChanged(row, int(Column::Service), int(Column::Service));
}

void InstanceTableModel::onServiceTargetsChanged()
{
    // Rare (the inventory or the set of running instances changed): one signal over the column.
    const int column = int(Column::Service);
    if (rowCount() > 0)
        columnsChanged(0, rowCount() - 1, column, column,
                       {Qt::DisplayRole, Qt::ToolTipRole, Qt::AccessibleTextRole, SortRole, FilterRole});
}

void InstanceTableModel::onInstanceAdded(const QString& uuid)
{
    // One row at a time would cost a sorted proxy and its views a pass each: at start-up that is
    // 10,000 passes where one per batch does. A change, move or removal of an instance still
    // waiting here needs nothing: the insertion reads the controller's state of that moment.
    if (rowOf(uuid) >= 0 || m_addedSet.contains(uuid))
        return;
    m_added.append(uuid);
    m_addedSet.insert(uuid);
    if (!m_addedTimer.isActive())
        m_addedTimer.start();
}

void InstanceTableModel::insertAddedRows()
{
    m_addedTimer.stop();
    if (m_added.isEmpty())
        return;
    QList<const InstanceSnapshot*> snapshots;
    QStringList uuids;
    snapshots.reserve(m_added.size());
    uuids.reserve(m_added.size());
    for (const QString& uuid : std::as_const(m_added)) {
        if (const InstanceSnapshot* snapshot = m_controller ? m_controller->instance(uuid) : nullptr) {
            snapshots.append(snapshot);
            uuids.append(uuid);
        }
    }
    m_added.clear();
    m_addedSet.clear();
    qsizetype next = 0;
    appendRows(uuids, [&](const QString&) { appendRowData(*snapshots.at(next++)); });
}

void InstanceTableModel::onInstanceChanged(const QString& uuid)
{
    const int row = rowOf(uuid);
    const InstanceSnapshot* snapshot = m_controller->instance(uuid);
    if (row < 0 || !snapshot)
        return;
    // A move already copied everything; the controller's follow-up "changed" then has nothing new.
    if (m_rows.at(row).snapshot.sameContent(*snapshot))
        return;
    update(row, *snapshot);
}

void InstanceTableModel::onInstanceMoved(const QString& uuid)
{
    const int row = rowOf(uuid);
    const InstanceSnapshot* snapshot = m_controller->instance(uuid);
    if (row < 0 || !snapshot)
        return;
    // A live migration keeps the guest up: the uptime continues. Any state change that came
    // with the move is applied here, and the instanceChanged that follows finds nothing new.
    update(row, *snapshot);
}

void InstanceTableModel::onInstanceRemoved(const QString& uuid)
{
    const int row = rowOf(uuid);
    if (row < 0)
        return;
    // Plain removal shifts later rows up by one (the base re-indexes them, O(rows), only on
    // removal). Swapping the last row into the hole would be O(1) but moves a row without telling views.
    removeRowAt(row, [this](int at) { m_rows.removeAt(at); });
}

void InstanceTableModel::onInventoryChanged()
{
    const QHash<QString, QString> oldNames = m_siteNameOfNode;
    const QHash<QString, QString> oldIds = m_siteIdOfNode;
    rebuildSiteNames();
    if (oldNames == m_siteNameOfNode && oldIds == m_siteIdOfNode)
        return;
    int first = -1;
    int last = -1;
    for (int i = 0; i < m_rows.size(); ++i) {
        const QString& node = m_rows.at(i).snapshot.node;
        if (oldNames.value(node) == m_siteNameOfNode.value(node) &&
            oldIds.value(node) == m_siteIdOfNode.value(node))
            continue;
        if (first < 0)
            first = i;
        last = i;
    }
    if (first >= 0)
        columnsChanged(first, last, int(Column::Site), int(Column::Site));
}

void InstanceTableModel::refreshUptime()
{
    // A timer tick, not a snapshot refresh: the rule "a refresh that changes nothing emits
    // nothing" is about polls. Uptime text ages by itself, so once a minute one dataChanged
    // spans the Uptime column of every row (one signal, however many rows).
    const int column = int(Column::Uptime);
    columnsChanged(0, rowCount() - 1, column, column,
                   {Qt::DisplayRole, Qt::ToolTipRole, Qt::AccessibleTextRole, SortRole, FilterRole});
}

void InstanceTableModel::retranslate()
{
    rebuildSiteNames();
    allChanged({Qt::DisplayRole, Qt::ToolTipRole, Qt::AccessibleTextRole, SortRole, FilterRole});
}

Qt::ItemFlags InstanceTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = KeyedTableModel::flags(index);
    if (index.isValid())
        flags |= Qt::ItemIsDragEnabled;
    return flags;
}

QStringList InstanceTableModel::mimeTypes() const
{
    return {InstanceDrag::mimeType()};
}

QMimeData* InstanceTableModel::mimeData(const QModelIndexList& indexes) const
{
    // One entry per row (a row selection gives one index per column), in row order.
    QList<int> rows;
    for (const QModelIndex& index : indexes) {
        if (index.isValid() && index.model() == this && !rows.contains(index.row()))
            rows.append(index.row());
    }
    std::sort(rows.begin(), rows.end());
    InstanceDrag drag;
    for (const int row : std::as_const(rows)) {
        drag.uuids.append(m_rows.at(row).snapshot.uuid);
        if (drag.sourceNode.isEmpty())
            drag.sourceNode = m_rows.at(row).snapshot.node;
    }
    if (drag.uuids.isEmpty())
        return nullptr;
    auto* mime = new QMimeData;
    mime->setData(InstanceDrag::mimeType(), drag.encode());
    return mime;
}

Qt::DropActions InstanceTableModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

} // namespace kumo

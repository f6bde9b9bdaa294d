// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/monitoring/monitoringcontroller.h"

#include <algorithm>

#include <QTimer>

#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "app/migration/migrationqueue.h"
#include "app/probes/serviceprober.h"

namespace kumo {

namespace {

// libvirt's VIR_DOMAIN_SHUTOFF_CRASHED: a shut-off domain's reason when its process died.
constexpr int ShutOffCrashedReason = 3;

const QList<AlertKind> InstanceEventKinds{AlertKind::InstanceCrashed, AlertKind::InstanceIoError,
                                          AlertKind::InstanceWatchdog};

AlertKind alertKindOf(InstanceEventKind kind)
{
    switch (kind) {
    case InstanceEventKind::Crashed:
        return AlertKind::InstanceCrashed;
    case InstanceEventKind::IoError:
        return AlertKind::InstanceIoError;
    case InstanceEventKind::Watchdog:
        return AlertKind::InstanceWatchdog;
    }
    return AlertKind::InstanceCrashed;
}

// A threshold moved by a setting keeps the rule's hysteresis: it clears on the near side.
void keepHysteresis(const AlertRule& rule, AlertOverride& change)
{
    if (!change.raiseAt || change.clearAt)
        return;
    const double clearAt = rule.clearAt;
    if (rule.below ? clearAt < *change.raiseAt : clearAt > *change.raiseAt)
        change.clearAt = *change.raiseAt;
}

AlertOverride overrideOf(const AlertSetting& setting)
{
    AlertOverride change;
    change.enabled = setting.enabled;
    change.raiseAt = setting.raiseAt;
    change.clearAt = setting.clearAt;
    change.sustainMs = setting.sustainMs;
    return change;
}

} // namespace

MonitoringController::MonitoringController(QObject* parent)
    : QObject(parent)
    , m_reobserve(new QTimer(this))
{
    qRegisterMetaType<kumo::Alert>();
    qRegisterMetaType<kumo::InstanceEvent>();
    m_engine.onRaised = [this](const Alert& alert) { Q_EMIT alertRaised(alert); };
    m_engine.onChanged = [this](const Alert& alert) { Q_EMIT alertChanged(alert); };
    m_engine.onCleared = [this](const Alert& alert) { Q_EMIT alertCleared(alert); };
    m_reobserve->setInterval(ReobserveIntervalMs);
    connect(m_reobserve, &QTimer::timeout, this, &MonitoringController::observeAllNodes);
}

MonitoringController::~MonitoringController()
{
    // The engine's callbacks name this object: none may run while it is taken apart.
    m_engine.onRaised = nullptr;
    m_engine.onChanged = nullptr;
    m_engine.onCleared = nullptr;
}

bool MonitoringController::acknowledge(quint64 id)
{
    return m_engine.acknowledge(id);
}

void MonitoringController::setSiteSilenced(const QString& site, bool silenced)
{
    m_engine.setSiteSilenced(site, silenced);
}

void MonitoringController::setReobserveInterval(int milliseconds)
{
    m_reobserve->setInterval(std::max(milliseconds, 10));
}

void MonitoringController::watchCluster(ClusterController* cluster)
{
    if (m_cluster)
        disconnect(m_cluster, nullptr, this, nullptr);
    m_cluster = cluster;
    if (!cluster) {
        m_reobserve->stop();
        return;
    }
    connect(cluster, &ClusterController::nodeAdded, this, &MonitoringController::observeNode);
    connect(cluster, &ClusterController::nodeChanged, this, &MonitoringController::observeNode);
    connect(cluster, &ClusterController::nodeRemoved, this, &MonitoringController::onNodeRemoved);
    connect(cluster, &ClusterController::instanceAdded, this, &MonitoringController::onInstance);
    connect(cluster, &ClusterController::instanceChanged, this, &MonitoringController::onInstance);
    connect(cluster, &ClusterController::instanceMoved, this,
            [this](const QString& uuid, const QString&, const QString&) { onInstance(uuid); });
    connect(cluster, &ClusterController::instanceRemoved, this, &MonitoringController::onInstanceRemoved);
    connect(cluster, &ClusterController::instanceEvent, this, &MonitoringController::onInstanceEvent);
    connect(cluster, &ClusterController::splitBrainChanged, this, &MonitoringController::onSplitBrain);
    connect(cluster, &ClusterController::inventoryChanged, this, &MonitoringController::onInventory);
    onInventory();
    for (const InstanceSnapshot& instance : cluster->instances())
        onInstance(instance.uuid);
    for (const QString& uuid : cluster->splitInstances()) {
        if (const InstanceSnapshot* instance = cluster->instance(uuid))
            onSplitBrain(uuid, instance->splitNodes);
    }
    observeAllNodes();
    m_reobserve->start();
}

void MonitoringController::watchProber(ServiceProber* prober)
{
    if (!prober)
        return;
    prober->setAlertSink([self = QPointer<MonitoringController>(this)](
                             AlertKind kind, const AlertSubject& subject, double value) {
        if (self)
            self->m_engine.observe(kind, subject, value, self->nowMs());
    });
}

void MonitoringController::watchMigrations(MigrationController* migrations)
{
    if (!migrations)
        return;
    connect(migrations->queue(), &MigrationQueue::jobFinished, this,
            &MonitoringController::onMigrationFinished);
}

QString MonitoringController::siteOf(const QString& node) const
{
    if (!m_cluster)
        return {};
    const NodeConfig* config = m_cluster->inventory().node(node);
    return config ? config->site : QString();
}

AlertSubject MonitoringController::nodeSubject(const QString& node) const
{
    AlertSubject subject;
    subject.site = siteOf(node);
    subject.node = node;
    return subject;
}

void MonitoringController::observeNode(const QString& node)
{
    if (!m_cluster)
        return;
    const NodeSnapshot* snapshot = m_cluster->node(node);
    if (!snapshot)
        return;
    const AlertSubject subject = nodeSubject(node);
    const qint64 now = nowMs();
    const bool connected = snapshot->state == NodeState::Connected;
    const bool down =
        snapshot->state == NodeState::Unreachable || snapshot->state == NodeState::NotResponding;
    m_engine.observe(AlertKind::NodeUnreachable, subject, down ? 1 : 0, now);

    // Lost: it was connected and its session says the daemon cannot be reached now. A node that
    // never connected is only unreachable; one that does not respond has not lost its connection.
    if (connected)
        m_wasConnected.insert(node);
    if (connected || (snapshot->state == NodeState::Unreachable && m_wasConnected.contains(node)))
        m_engine.observe(AlertKind::ConnectionLost, subject, connected ? 0 : 1, now);

    // A node's figures count only while it answers: the last ones of a lost node are stale.
    if (!connected)
        return;
    if (snapshot->memoryTotalKiB > 0 && snapshot->memoryFreeKiB > 0)
        m_engine.observe(AlertKind::NodeMemoryLow, subject,
                         100.0 * double(snapshot->memoryFreeKiB) / double(snapshot->memoryTotalKiB), now);
    if (snapshot->cpuUsagePercent >= 0)
        m_engine.observe(AlertKind::HostCpuHigh, subject, snapshot->cpuUsagePercent, now);

    // One alert per storage pool (its name is the subject's item). Pools are read every few polls:
    // what the snapshot says is the latest word on them. A pool that is gone or stopped, or whose
    // size is not known, has no free-space figure any more: its alert clears.
    if (!snapshot->poolsKnown)
        return;
    QSet<QString> measured;
    for (const StoragePoolSnapshot& pool : snapshot->pools) {
        if (!pool.active || pool.capacityBytes == 0)
            continue;
        AlertSubject poolSubject = subject;
        poolSubject.item = pool.name;
        m_engine.observe(AlertKind::StoragePoolLow, poolSubject,
                         100.0 * double(pool.availableBytes) / double(pool.capacityBytes), now);
        measured.insert(pool.name);
    }
    QSet<QString>& before = m_measuredPools[node];
    for (const QString& gone : std::as_const(before)) {
        if (measured.contains(gone))
            continue;
        AlertSubject poolSubject = subject;
        poolSubject.item = gone;
        m_engine.observe(AlertKind::StoragePoolLow, poolSubject, 100, now);
    }
    before = measured;
}

void MonitoringController::observeAllNodes()
{
    if (!m_cluster)
        return;
    for (const QString& node : m_cluster->nodeNames())
        observeNode(node);
}

void MonitoringController::onNodeRemoved(const QString& node)
{
    m_wasConnected.remove(node);
    m_measuredPools.remove(node);
    m_engine.forget(node);
}

void MonitoringController::onInstance(const QString& uuid)
{
    if (!m_cluster)
        return;
    const InstanceSnapshot* instance = m_cluster->instance(uuid);
    if (!instance)
        return;
    if (m_namedInstances.contains(instance->name) && !m_executing.contains(uuid))
        applySettings(); // an instance with [alerts.instance.NAME] settings appeared
    const bool executing = instance->isExecuting();
    const auto known = m_executing.constFind(uuid);
    const bool seen = known != m_executing.cend();
    const bool was = seen && *known;
    m_executing.insert(uuid, executing);
    if (executing && seen && !was) {
        // It runs again: what stopped or paused it is over.
        resolveInstance(uuid, InstanceEventKinds);
        return;
    }
    // A crash seen only by a poll (a node whose driver sends no events): the same alert.
    const bool crashedNow =
        instance->state == InstanceState::Crashed ||
        (instance->state == InstanceState::ShutOff && instance->stateReason == ShutOffCrashedReason);
    if (was && !executing && crashedNow) {
        const QList<Alert> active = m_engine.active();
        const bool told = std::any_of(active.cbegin(), active.cend(), [&](const Alert& alert) {
            return alert.kind == AlertKind::InstanceCrashed && alert.subject.instance == uuid;
        });
        if (!told) {
            InstanceEvent event;
            event.node = instance->node;
            event.uuid = uuid;
            event.name = instance->name;
            event.kind = InstanceEventKind::Crashed;
            // The state as the poll read it (an event gives libvirt's reason instead).
            event.detail = {instance->state == InstanceState::Crashed ? QStringLiteral("crashed")
                                                                      : QStringLiteral("shutoff: crashed")};
            event.wallMs = m_clock.wallMs();
            onInstanceEvent(event);
        }
    }
}

void MonitoringController::onInstanceRemoved(const QString& uuid, const QString& lastNode)
{
    Q_UNUSED(lastNode);
    // Level alerts about it go with it; an event (a crash that removed a transient instance) stays
    // until a person acknowledges it or the instance runs again.
    bool kept = false;
    for (const Alert& alert : m_engine.active()) {
        if (alert.subject.instance != uuid)
            continue;
        if (m_engine.rule(alert.kind).event)
            kept = true;
        else
            m_engine.resolve(alert.kind, alert.subject);
    }
    m_split.remove(uuid);
    if (kept)
        m_executing.insert(uuid, false);
    else
        m_executing.remove(uuid);
}

QString MonitoringController::eventDetail(const InstanceEvent& event)
{
    const QString name = event.name.isEmpty() ? event.uuid : event.name;
    const QString words = event.detail.join(QStringLiteral(", "));
    switch (event.kind) {
    case InstanceEventKind::Crashed:
        return tr("%1 crashed on %2 (libvirt: %3).").arg(name, event.node, words);
    case InstanceEventKind::IoError:
        if (event.detail.size() >= 4)
            return tr("%1 on %2 hit a disk I/O error on %3 (%4); action: %5, reason: %6.")
                .arg(name, event.node, event.detail.at(0), event.detail.at(1), event.detail.at(2),
                     event.detail.at(3));
        return tr("%1 on %2 was paused by a disk I/O error.").arg(name, event.node);
    case InstanceEventKind::Watchdog:
        return tr("The watchdog of %1 on %2 fired; action: %3.").arg(name, event.node, words);
    }
    return {};
}

void MonitoringController::onInstanceEvent(const InstanceEvent& event)
{
    AlertSubject subject = nodeSubject(event.node);
    subject.instance = event.uuid;
    subject.name = event.name;
    m_engine.event(alertKindOf(event.kind), subject, eventDetail(event), nowMs());
}

void MonitoringController::onSplitBrain(const QString& uuid, const QStringList& nodes)
{
    const qint64 now = nowMs();
    if (nodes.size() > 1) {
        auto it = m_split.find(uuid);
        if (it == m_split.end()) {
            AlertSubject subject = nodeSubject(nodes.first());
            subject.instance = uuid;
            if (m_cluster) {
                if (const InstanceSnapshot* instance = m_cluster->instance(uuid))
                    subject.name = instance->name;
            }
            it = m_split.insert(uuid, subject);
        }
        m_engine.observe(AlertKind::SplitBrain, *it, 1, now);
        return;
    }
    const auto it = m_split.constFind(uuid);
    if (it == m_split.cend())
        return;
    m_engine.observe(AlertKind::SplitBrain, *it, 0, now);
    m_split.erase(it);
}

void MonitoringController::onInventory()
{
    if (!m_cluster)
        return;
    // A campus in maintenance (evacuated for an outage) is silenced until it is back.
    const QSet<QString> sites = m_cluster->maintenanceSites();
    for (const QString& site : m_silencedSites - sites)
        m_engine.setSiteSilenced(site, false);
    for (const QString& site : sites - m_silencedSites)
        m_engine.setSiteSilenced(site, true);
    m_silencedSites = sites;
    if (m_cluster->inventory().alertSettings != m_settings)
        applySettings();
}

void MonitoringController::applySettings()
{
    if (!m_cluster)
        return;
    m_settings = m_cluster->inventory().alertSettings;

    // Everyone's first: the default rules with the [alerts] table on top.
    QList<AlertRule> rules = AlertEngine::defaultRules();
    for (const AlertSetting& setting : std::as_const(m_settings)) {
        if (!setting.node.isEmpty() || !setting.instance.isEmpty())
            continue;
        for (AlertRule& rule : rules) {
            if (rule.kind != setting.kind)
                continue;
            AlertOverride change = overrideOf(setting);
            keepHysteresis(rule, change);
            rule.enabled = change.enabled.value_or(rule.enabled);
            rule.raiseAt = change.raiseAt.value_or(rule.raiseAt);
            rule.clearAt = change.clearAt.value_or(rule.clearAt);
            rule.sustainMs = change.sustainMs.value_or(rule.sustainMs);
        }
    }
    for (const AlertRule& rule : std::as_const(rules))
        m_engine.setRule(rule);

    // Then per node and per instance; an instance is named in the file and keyed by UUID here.
    m_engine.clearOverrides();
    m_namedInstances.clear();
    QHash<QString, QStringList> uuidsByName;
    for (const AlertSetting& setting : std::as_const(m_settings)) {
        if (!setting.instance.isEmpty())
            m_namedInstances.insert(setting.instance);
    }
    if (!m_namedInstances.isEmpty()) {
        for (const InstanceSnapshot& instance : m_cluster->instances()) {
            if (m_namedInstances.contains(instance.name))
                uuidsByName[instance.name].append(instance.uuid);
        }
    }
    for (const AlertSetting& setting : std::as_const(m_settings)) {
        if (setting.node.isEmpty() && setting.instance.isEmpty())
            continue;
        AlertOverride change = overrideOf(setting);
        keepHysteresis(m_engine.rule(setting.kind), change);
        if (!setting.node.isEmpty()) {
            m_engine.setOverride(setting.node, {}, setting.kind, change);
        } else {
            for (const QString& uuid : uuidsByName.value(setting.instance))
                m_engine.setOverride({}, uuid, setting.kind, change);
        }
    }
    // A rule turned off clears what it raised at its next observation: now, for the nodes.
    observeAllNodes();
}

void MonitoringController::onMigrationFinished(const MigrationRequest& request, const MigrationResult& result)
{
    if (result.phase == MigrationPhase::Completed) {
        resolveInstance(request.uuid, {AlertKind::MigrationFailed});
        return;
    }
    // A move the person cancelled is no failure.
    if (result.phase != MigrationPhase::Failed)
        return;
    AlertSubject subject = nodeSubject(request.sourceNode);
    subject.instance = request.uuid;
    subject.name = request.name;
    const QString name = request.name.isEmpty() ? request.uuid : request.name;
    m_engine.event(AlertKind::MigrationFailed, subject,
                   tr("Migrating %1 from %2 to %3 failed: %4")
                       .arg(name, request.sourceNode, request.destinationNode, result.error.message),
                   nowMs());
}

void MonitoringController::resolveInstance(const QString& uuid, const QList<AlertKind>& kinds)
{
    for (const Alert& alert : m_engine.active()) {
        if (alert.subject.instance == uuid && kinds.contains(alert.kind))
            m_engine.resolve(alert.kind, alert.subject);
    }
}

} // namespace kumo

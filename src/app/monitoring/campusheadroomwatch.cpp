// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/monitoring/campusheadroomwatch.h"

#include <algorithm>

#include <QtConcurrent/QtConcurrentRun>

#include "app/cluster/clustercontroller.h"
#include "app/outage/outageplanning.h"

namespace kumo {

namespace {

// Free memory moves with every poll of a real node; a quarter GiB is below what one small guest
// needs, and keeps the planner from running again for noise.
constexpr quint64 FreeStepKiB = quint64{256} * 1024;

} // namespace

CampusHeadroomWatch::CampusHeadroomWatch(ClusterController* cluster, QObject* parent)
    : QObject(parent)
    , m_cluster(cluster)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &CampusHeadroomWatch::start);
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, &CampusHeadroomWatch::finished);
    connect(cluster, &ClusterController::nodeAdded, this, &CampusHeadroomWatch::onNode);
    connect(cluster, &ClusterController::nodeChanged, this, &CampusHeadroomWatch::onNode);
    connect(cluster, &ClusterController::nodeRemoved, this, &CampusHeadroomWatch::onNodeRemoved);
    connect(cluster, &ClusterController::instanceAdded, this, &CampusHeadroomWatch::onInstance);
    connect(cluster, &ClusterController::instanceChanged, this, &CampusHeadroomWatch::onInstance);
    connect(cluster, &ClusterController::instanceMoved, this,
            [this](const QString& uuid, const QString&, const QString&) { onInstance(uuid); });
    connect(cluster, &ClusterController::instanceRemoved, this,
            [this](const QString& uuid, const QString&) { onInstanceRemoved(uuid); });
    connect(cluster, &ClusterController::inventoryChanged, this, &CampusHeadroomWatch::markDirty);
    for (const QString& name : cluster->nodeNames())
        onNode(name);
    for (const InstanceSnapshot& instance : cluster->instances())
        onInstance(instance.uuid);
    markDirty();
}

CampusHeadroomWatch::~CampusHeadroomWatch()
{
    // The computation works on its own copy of the input; waiting keeps it from outliving the
    // console's shutdown.
    m_watcher.waitForFinished();
}

const CampusHeadroom* CampusHeadroomWatch::headroom(const QString& site) const
{
    for (const CampusHeadroom& headroom : m_headroom) {
        if (headroom.site == site)
            return &headroom;
    }
    return nullptr;
}

void CampusHeadroomWatch::onNode(const QString& name)
{
    const NodeSnapshot* node = m_cluster->node(name);
    if (!node)
        return;
    const NodeConfig* config = m_cluster->inventory().node(name);
    const NodeKey key{int(node->state), node->memoryTotalKiB, node->memoryFreeKiB / FreeStepKiB, node->cpus,
                      config && config->maintenance};
    auto it = m_nodes.find(name);
    if (it != m_nodes.end() && *it == key)
        return;
    m_nodes.insert(name, key);
    markDirty();
}

void CampusHeadroomWatch::onNodeRemoved(const QString& name)
{
    if (m_nodes.remove(name) > 0)
        markDirty();
}

void CampusHeadroomWatch::onInstance(const QString& uuid)
{
    const InstanceSnapshot* instance = m_cluster->instance(uuid);
    if (!instance)
        return;
    const InstanceKey key{instance->node, instance->isActive(),
                          std::max(instance->memoryKiB, instance->maxMemoryKiB), instance->vcpus,
                          instance->isSplit()};
    auto it = m_instances.find(uuid);
    if (it != m_instances.end()) {
        if (*it == key)
            return;
        // Neither copy was running: the plan does not see it either way.
        const bool counted = it->active || key.active;
        *it = key;
        if (counted)
            markDirty();
        return;
    }
    m_instances.insert(uuid, key);
    if (key.active)
        markDirty();
}

void CampusHeadroomWatch::onInstanceRemoved(const QString& uuid)
{
    const auto it = m_instances.constFind(uuid);
    if (it == m_instances.constEnd())
        return;
    const bool wasActive = it->active;
    m_instances.erase(it);
    if (wasActive)
        markDirty();
}

void CampusHeadroomWatch::markDirty()
{
    m_dirty = true;
    schedule();
}

void CampusHeadroomWatch::schedule()
{
    if (!m_dirty || m_timer.isActive() || m_watcher.isRunning())
        return;
    qint64 wait = 0;
    if (m_sinceStart.isValid())
        wait = std::max<qint64>(0, m_minIntervalMs - m_sinceStart.elapsed());
    m_timer.start(int(wait));
}

void CampusHeadroomWatch::start()
{
    if (m_watcher.isRunning())
        return; // finished() schedules again
    // Until every node has answered once (or failed), the plan would count a node still connecting
    // as missing room and paint a campus red for a moment at every start; its answer calls again.
    for (const QString& name : m_cluster->nodeNames()) {
        const NodeSnapshot* node = m_cluster->node(name);
        if (node && node->state == NodeState::Connecting)
            return;
        if (node && node->state == NodeState::Connected && node->sampledAtMs <= 0)
            return;
    }
    m_dirty = false;
    m_sinceStart.start();
    QElapsedTimer gather;
    gather.start();
    // The same input and rules as the outage wizard's plan (no pre-flight refusals or CPU
    // comparisons yet: those come from a dry run, which this does not make). The planning helper
    // reads only the cluster here; it needs no outage store for that.
    const OutagePlanning planning(m_cluster, nullptr);
    const PlannerRules rules = planning.rules({});
    PlannerInput input = planning.input(rules);
    m_headroomPercent = rules.headroomPercent;
    m_lastGatherMs = gather.elapsed();
    m_maxGatherMs = std::max(m_maxGatherMs, m_lastGatherMs);
    m_watcher.setFuture(QtConcurrent::run([input = std::move(input)]() {
        QElapsedTimer timer;
        timer.start();
        Result result;
        result.headroom = CampusHeadroom::computeAll(input);
        result.costMs = timer.elapsed();
        return result;
    }));
}

void CampusHeadroomWatch::finished()
{
    const Result result = m_watcher.result();
    ++m_computations;
    m_lastCostMs = result.costMs;
    m_maxCostMs = std::max(m_maxCostMs, result.costMs);
    if (result.headroom != m_headroom) {
        m_headroom = result.headroom;
        Q_EMIT headroomChanged();
    }
    schedule();
}

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/outage/outagepoweractions.h"

#include "app/cluster/clustercontroller.h"

namespace kumo {

OutagePowerActions::OutagePowerActions(ClusterController* cluster, QObject* parent)
    : QObject(parent)
    , m_cluster(cluster)
{
    connect(m_cluster, &ClusterController::actionFinished, this,
            [this](quint64 requestId, const QString&, InstanceAction, const Error& failure) {
                onActionFinished(requestId, failure);
            });
}

bool OutagePowerActions::begin(OutageDirection direction, OutageState& state)
{
    m_begun = true;
    bool touched = false;
    if (direction == OutageDirection::Evacuate) {
        for (const UnplacedInstance& unplaced : state.evacuation.plan.toShutDown()) {
            HomeRecord& home = state.homes[unplaced.uuid];
            if (home.shutDown)
                continue;
            const InstanceSnapshot* instance = m_cluster->instance(unplaced.uuid);
            if (instance && instance->state == InstanceState::ShutOff) {
                home.shutDown = true;
                touched = true;
                continue;
            }
            if (!instance) {
                ++m_failures;
                Q_EMIT message(tr("%1: cannot be shut down, it is not seen on any node").arg(unplaced.name));
                continue;
            }
            Q_EMIT message(tr("%1: shutting down on %2 for the outage").arg(unplaced.name, instance->node));
            request(unplaced.uuid, unplaced.name, InstanceAction::Shutdown);
        }
    } else {
        for (auto it = state.homes.begin(); it != state.homes.end(); ++it) {
            if (!it->shutDown)
                continue;
            const InstanceSnapshot* instance = m_cluster->instance(it.key());
            if (instance && instance->isActive()) {
                it->shutDown = false;
                touched = true;
                continue;
            }
            if (!instance) {
                ++m_failures;
                Q_EMIT message(tr("%1: cannot be started, it is not seen on any node").arg(it->name));
                continue;
            }
            Q_EMIT message(tr("%1: starting on %2").arg(it->name, instance->node));
            request(it.key(), it->name, InstanceAction::Start);
        }
    }
    return touched;
}

void OutagePowerActions::reset()
{
    m_begun = false;
    m_failures = 0;
}

void OutagePowerActions::request(const QString& uuid, const QString& name, InstanceAction action)
{
    Pending entry;
    entry.uuid = uuid;
    entry.name = name;
    entry.action = action;
    entry.since.start();
    m_pending.append(entry);
    // requestAction answers queued, so the entry is in place before its answer comes.
    m_pending.last().actionId = m_cluster->requestAction(uuid, action);
}

void OutagePowerActions::checkShutdowns()
{
    for (int i = int(m_pending.size()) - 1; i >= 0; --i) {
        const Pending& entry = m_pending.at(i);
        if (entry.action != InstanceAction::Shutdown || !entry.acknowledged)
            continue;
        const InstanceSnapshot* instance = m_cluster->instance(entry.uuid);
        if (instance && instance->state == InstanceState::ShutOff)
            finish(i, {});
        else if (entry.since.elapsed() > ShutdownTimeoutMs)
            finish(i, tr("it did not power off within %1 s").arg(ShutdownTimeoutMs / 1000));
    }
}

void OutagePowerActions::finish(int index, const QString& failure)
{
    const Pending entry = m_pending.takeAt(index);
    if (!failure.isEmpty()) {
        ++m_failures;
        Q_EMIT message(entry.action == InstanceAction::Shutdown
                           ? tr("%1: shut-down failed: %2").arg(entry.name, failure)
                           : tr("%1: start failed: %2").arg(entry.name, failure));
    } else {
        Q_EMIT succeeded(entry.uuid, entry.action);
        Q_EMIT message(entry.action == InstanceAction::Shutdown ? tr("%1: shut down").arg(entry.name)
                                                                : tr("%1: started").arg(entry.name));
    }
    Q_EMIT actionEnded();
}

void OutagePowerActions::onActionFinished(quint64 requestId, const Error& failure)
{
    for (int i = 0; i < m_pending.size(); ++i) {
        Pending& entry = m_pending[i];
        if (entry.actionId != requestId)
            continue;
        if (failure.code != ErrorCode::None)
            finish(i, failure.message);
        else if (entry.action == InstanceAction::Start)
            finish(i, {});
        else
            entry.acknowledged = true; // powered off once the guest says so: see checkShutdowns
        return;
    }
}

} // namespace kumo

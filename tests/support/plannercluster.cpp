// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/plannercluster.h"

namespace kumo {

PlannerCluster::PlannerCluster()
{
    input.inventory.sites = {Site{Myodaiji, QStringLiteral("Myodaiji"), QString(), QString(), {}},
                             Site{Yamate, QStringLiteral("Yamate"), QString(), QString(), {}}};
    input.rules.headroomPercent = 0;
}

void PlannerCluster::node(const QString& name, const QString& site, quint64 memoryKiB, int cpus,
                          NodeState state)
{
    NodeConfig config;
    config.name = name;
    config.site = site;
    config.uri = QStringLiteral("test:///") + name;
    input.inventory.nodes.append(config);
    NodeSnapshot snapshot;
    snapshot.node = name;
    snapshot.state = state;
    snapshot.cpus = cpus;
    snapshot.memoryTotalKiB = memoryKiB;
    snapshot.memoryFreeKiB = memoryKiB;
    input.nodes.append(snapshot);
}

void PlannerCluster::vm(const QString& name, const QString& node, quint64 memoryKiB, int vcpus,
                        InstanceState state)
{
    InstanceSnapshot instance;
    instance.uuid = uuidOf(name);
    instance.name = name;
    instance.node = node;
    instance.state = state;
    instance.vcpus = vcpus;
    instance.memoryKiB = memoryKiB;
    instance.maxMemoryKiB = memoryKiB;
    input.instances.append(instance);
}

void PlannerCluster::config(const QString& name, int priority, const QString& group)
{
    InstanceConfig config;
    config.name = name;
    config.evacuationPriority = priority;
    config.antiAffinityGroup = group;
    input.inventory.instances.append(config);
}

NodeSnapshot* PlannerCluster::snapshot(const QString& name)
{
    for (NodeSnapshot& snapshot : input.nodes) {
        if (snapshot.node == name)
            return &snapshot;
    }
    return nullptr;
}

NodeConfig* PlannerCluster::nodeConfig(const QString& name)
{
    for (NodeConfig& config : input.inventory.nodes) {
        if (config.name == name)
            return &config;
    }
    return nullptr;
}

void PlannerCluster::apply(const OutagePlan& plan)
{
    for (const PlannedMove& move : plan.moves) {
        for (InstanceSnapshot& instance : input.instances) {
            if (instance.uuid == move.uuid)
                instance.node = move.toNode;
        }
    }
}

} // namespace kumo

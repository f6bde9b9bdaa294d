// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/outage/outageplanning.h"

#include <QSet>
#include <QSettings>

#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "app/outage/outagestore.h"

namespace kumo {

OutagePlanning::OutagePlanning(ClusterController* cluster, OutageStore* store)
    : m_cluster(cluster)
    , m_store(store)
{}

PlannerRules OutagePlanning::rules(const QHash<QString, QHash<QString, QString>>& cpuIncompatible) const
{
    const QSettings settings;
    PlannerRules rules;
    rules.headroomPercent =
        settings.value(QStringLiteral("outage/headroomPercent"), PlannerRules::DefaultHeadroomPercent)
            .toInt();
    rules.vcpusPerCpu =
        settings.value(QStringLiteral("outage/vcpusPerCpu"), PlannerRules::DefaultVcpusPerCpu).toDouble();
    rules.memoryReserveKiB = settings.value(QStringLiteral("migration/reserveMiB"), 0).toULongLong() * 1024;
    rules.cpuIncompatible = cpuIncompatible;
    return rules;
}

PlannerInput OutagePlanning::input(const PlannerRules& rules) const
{
    PlannerInput input;
    input.inventory = m_cluster->inventory();
    for (const QString& name : m_cluster->nodeNames()) {
        if (const NodeSnapshot* node = m_cluster->node(name))
            input.nodes.append(*node);
    }
    input.instances = m_cluster->instances();
    input.rules = rules;
    return input;
}

PlannerInput OutagePlanning::inputFor(OutageDirection direction, const QString& site,
                                      const PlannerRules& rules) const
{
    PlannerInput result = input(rules);
    if (direction == OutageDirection::Return && m_cluster->maintenanceSites().contains(site)) {
        // The return itself ends the site's maintenance (Evacuation::start does it first): plan and
        // check the way the nodes will be then, other sites' overlays kept.
        const QSet<QString> others = m_cluster->maintenanceSites() - QSet<QString>{site};
        result.inventory = m_cluster->fileInventory();
        for (NodeConfig& node : result.inventory.nodes) {
            if (others.contains(node.site))
                node.maintenance = true;
        }
    }
    return result;
}

Result<OutagePlan> OutagePlanning::planReturn(const QString& site, const PlannerRules& rules) const
{
    Result<OutageState> loaded = m_store->load(site);
    if (!loaded) {
        if (loaded.error().code == ErrorCode::NotFound)
            return nothingToReturn(site);
        return loaded.error();
    }
    const OutageState& state = loaded.value();
    QHash<QString, QString> homes;
    for (auto it = state.homes.cbegin(); it != state.homes.cend(); ++it) {
        // Shut-down instances never left their home: the return starts them instead.
        if (!it->shutDown)
            homes.insert(it.key(), it->homeNode);
    }
    OutagePlan plan = Planner::planReturn(inputFor(OutageDirection::Return, site, rules), site, homes);
    const OutagePlan& evacuation = state.evacuation.plan;
    if (plan.reason.isEmpty())
        plan.reason = evacuation.reason;
    if (!plan.windowStart.isValid())
        plan.windowStart = evacuation.windowStart;
    if (!plan.windowEnd.isValid())
        plan.windowEnd = evacuation.windowEnd;
    return plan;
}

bool OutagePlanning::hasHeardFrom(const QStringList& nodes) const
{
    const QStringList names = nodes.isEmpty() ? m_cluster->nodeNames() : nodes;
    QSet<QString> withInstances;
    for (const InstanceSnapshot& instance : m_cluster->instances()) {
        for (const QString& node : m_cluster->locationsOf(instance.uuid))
            withInstances.insert(node);
    }
    for (const QString& name : names) {
        const NodeSnapshot* node = m_cluster->node(name);
        if (!node || node->state == NodeState::Unreachable || node->state == NodeState::NotResponding)
            continue; // nothing to wait for
        if (node->state != NodeState::Connected || node->sampledAtMs <= 0)
            return false;
        // The node's list is merged a moment after its snapshot: wait for it too.
        if (node->instanceCount > 0 && !withInstances.contains(name))
            return false;
    }
    return true;
}

QString OutagePlanning::siteName(const QString& site) const
{
    const Site* found = m_cluster->fileInventory().site(site);
    return found ? found->displayName(language::current()) : site;
}

QString OutagePlanning::siteOf(const QString& node) const
{
    const NodeConfig* config = m_cluster->fileInventory().node(node);
    return config ? config->site : QString();
}

Error OutagePlanning::nothingToReturn(const QString& site) const
{
    return Error{
        ErrorCode::NotFound,
        site,
        tr("No planned outage of %1 was recorded, so there is nothing to bring back.").arg(siteName(site)),
        {},
        0,
        0};
}

} // namespace kumo

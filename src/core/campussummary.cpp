// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/campussummary.h"

#include <QHash>

namespace kumo {

QList<CampusSummary> CampusSummary::compute(const Inventory& inventory, const QList<NodeSnapshot>& nodes)
{
    QList<CampusSummary> all;
    QHash<QString, qsizetype> index;
    for (const Site& site : inventory.sites) {
        index.insert(site.id, all.size());
        CampusSummary summary;
        summary.site = site.id;
        all.append(summary);
    }
    QHash<QString, QString> siteOf;
    for (const NodeConfig& node : inventory.nodes)
        siteOf.insert(node.name, node.site);
    QList<double> cpuWeighted(all.size(), 0.0);
    QList<int> cpuCount(all.size(), 0);
    for (const NodeSnapshot& node : nodes) {
        const auto at = index.constFind(siteOf.value(node.node));
        if (at == index.constEnd())
            continue;
        CampusSummary& summary = all[*at];
        ++summary.nodes;
        if (node.state != NodeState::Connected)
            continue;
        ++summary.nodesUp;
        summary.instances += node.instanceCount;
        summary.running += node.runningCount;
        if (node.cpuUsagePercent >= 0 && node.cpus > 0) {
            cpuWeighted[*at] += node.cpuUsagePercent * node.cpus;
            cpuCount[*at] += node.cpus;
        }
        summary.memoryTotalKiB += node.memoryTotalKiB;
        summary.memoryUsedKiB +=
            node.memoryTotalKiB > node.memoryFreeKiB ? node.memoryTotalKiB - node.memoryFreeKiB : 0;
        if (node.poolsKnown) {
            summary.poolsKnown = true;
            for (const StoragePoolSnapshot& pool : node.pools) {
                if (!pool.active)
                    continue;
                summary.poolCapacityBytes += pool.capacityBytes;
                summary.poolFreeBytes += pool.availableBytes;
            }
        }
    }
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (cpuCount.at(i) > 0)
            all[i].cpuPercent = cpuWeighted.at(i) / cpuCount.at(i);
    }
    return all;
}

} // namespace kumo

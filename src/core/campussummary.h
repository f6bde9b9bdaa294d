// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// CampusSummary: the totals of one campus from its nodes' latest snapshots: nodes up, instances
// running, CPU busy across its hosts, memory used of total, and storage pool space free.
// Thread: any (values and pure functions).
#pragma once

#include <QList>
#include <QString>

#include "core/inventory.h"
#include "core/snapshot.h"

namespace kumo {

struct CampusSummary
{
    QString site; // Site::id
    int nodes = 0;
    int nodesUp = 0; // connected
    int instances = 0;
    int running = 0;
    double cpuPercent = -1; // busy share of all connected hosts' CPUs (weighted by CPU count)
    quint64 memoryUsedKiB = 0;
    quint64 memoryTotalKiB = 0; // of connected nodes
    quint64 poolFreeBytes = 0;
    quint64 poolCapacityBytes = 0; // of the active pools of connected nodes
    bool poolsKnown = false;

    bool operator==(const CampusSummary&) const = default;

    // One entry per campus of the inventory, in its order; nodes not in the inventory are left out.
    [[nodiscard]] static QList<CampusSummary> compute(const Inventory& inventory,
                                                      const QList<NodeSnapshot>& nodes);
};

} // namespace kumo

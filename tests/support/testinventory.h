// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Hand-built inventories and snapshots for tests that feed a ClusterController, the planner or a
// model directly, as node sessions would (no sessions, no libvirt): the small two-node cluster of
// the controller tests, the demo lab's two campuses, and an instance with the sizes most tests
// take for granted.
// Thread: any (pure functions).
#pragma once

#include <QString>

#include "core/inventory.h"
#include "core/snapshot.h"

namespace kumo {

// Campus "a" (shown "A") with node "n1" and campus "b" ("B") with node "n2", both on the test
// driver's default URI.
[[nodiscard]] Inventory twoNodeInventory();

// The demo lab's campuses — "myodaiji" (Myodaiji, 明大寺地区) and "yamate" (Yamate, 山手地区) — with
// `nodesPerCampus` nodes each, "<campus>-01", "<campus>-02"…, on the test driver's default URI.
// No colours or places: a test that draws the map sets its own.
[[nodiscard]] Inventory twoCampusInventory(int nodesPerCampus);

// A running one-vCPU instance of `memoryKiB` (current and maximum) on `node`.
[[nodiscard]] InstanceSnapshot testInstance(const QString& uuid, const QString& name, const QString& node,
                                            InstanceState state = InstanceState::Running,
                                            quint64 memoryKiB = 65536);

} // namespace kumo

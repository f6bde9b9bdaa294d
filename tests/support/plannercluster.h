// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// PlannerCluster: a planner's input written the way one would describe a cluster — the demo lab's
// two campuses (Myodaiji, Yamate), nodes with memory and CPUs, instances — for the tests of the
// evacuation planner and of what is computed with it (campus headroom). No headroom rule unless a
// test sets one; an instance's UUID is "uuid-<name>".
// Thread: any (a value).
// Owner: the test.
#pragma once

#include <QString>

#include "core/outageplan.h"
#include "core/planner.h"

namespace kumo {

struct PlannerCluster
{
    static inline const QString Myodaiji = QStringLiteral("myodaiji");
    static inline const QString Yamate = QStringLiteral("yamate");

    PlannerInput input;

    PlannerCluster();

    [[nodiscard]] static QString uuidOf(const QString& name) { return QStringLiteral("uuid-") + name; }

    // A node of `memoryKiB`, all of it free, and `cpus` CPUs, on `site`.
    void node(const QString& name, const QString& site, quint64 memoryKiB, int cpus = 16,
              NodeState state = NodeState::Connected);
    void vm(const QString& name, const QString& node, quint64 memoryKiB, int vcpus = 1,
            InstanceState state = InstanceState::Running);
    // The inventory's settings of an instance: evacuation priority and anti-affinity group.
    void config(const QString& name, int priority, const QString& group = QString());

    [[nodiscard]] NodeSnapshot* snapshot(const QString& name);
    [[nodiscard]] NodeConfig* nodeConfig(const QString& name);
    // The cluster after a plan ran: every instance where its move put it.
    void apply(const OutagePlan& plan);
};

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Planner: places instances for a planned outage, as a pure function of the inventory, the
// cluster state and a few rules. Evacuation: every running instance of the site goes to a node of
// another site, taking memory and vCPU capacity with headroom, CPU compatibility, the inventory's
// anti-affinity groups and maintenance into account; instances are taken in the inventory's
// evacuation-priority order (higher first), then by memory, largest first, and each goes to the
// node it fits best (least memory left over: best-fit decreasing). Return: every instance goes back
// to its recorded home node, or gets a proposal on the home site when that node is gone. The same
// input always gives the same plan (ties are broken by name). validate() re-checks a plan after the
// person changed a target. replan() moves only the instances whose target refused them (the
// pre-flight's refusals, PlannerRules::refused) onto a node that has not, keeping every other move.
// Thread: any (pure functions).
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include "core/inventory.h"
#include "core/outageplan.h"
#include "core/snapshot.h"

namespace kumo {

struct PlannerRules
{
    static constexpr int DefaultHeadroomPercent = 10;
    static constexpr double DefaultVcpusPerCpu = 4.0;

    // Kept free on every target node, in percent of its memory and of its vCPU capacity.
    int headroomPercent = DefaultHeadroomPercent;
    // vCPU capacity of a node: its logical CPUs times this (overcommit ratio).
    double vcpusPerCpu = DefaultVcpusPerCpu;
    // Kept free on every node for the node itself (the migration preference), on top of headroom.
    quint64 memoryReserveKiB = 0;
    // Nodes in maintenance besides those the inventory marks (e.g. a campus being evacuated).
    QSet<QString> maintenanceNodes;
    // Known CPU incompatibilities (from libvirt's CPU comparison): uuid -> node -> libvirt's words.
    QHash<QString, QHash<QString, QString>> cpuIncompatible;
    // Nodes that refused an instance in its pre-flight checks (a dry run, or a move during the run),
    // for any reason about the node (destinationRefusal()): uuid -> node -> the checks' sentences.
    // Nothing is placed where it was refused; the move that avoids such a node says why.
    QHash<QString, QHash<QString, QString>> refused;
};

struct PlannerInput
{
    Inventory inventory;
    QList<NodeSnapshot> nodes;         // the latest snapshot of every node
    QList<InstanceSnapshot> instances; // every instance where it runs (one entry per UUID)
    PlannerRules rules;
};

// A problem with one entry of a plan, found by validate().
struct PlanProblem
{
    QString uuid;
    QString message; // one translated sentence
    bool operator==(const PlanProblem&) const = default;
};

class Planner
{
    Q_DECLARE_TR_FUNCTIONS(kumo::Planner)

public:
    // Every running (or paused) instance on a node of `site`, onto nodes of the other sites.
    [[nodiscard]] static OutagePlan planEvacuation(const PlannerInput& input, const QString& site);
    // Every instance in `homes` (uuid -> home node) that runs elsewhere, back to its home node;
    // `site` is the campus coming back. Instances found nowhere are left out. A home node that is
    // gone from the inventory or not connected gets a placement on `site` instead (with a note);
    // when nothing on `site` fits, the instance is unplaced with the reason.
    [[nodiscard]] static OutagePlan planReturn(const PlannerInput& input, const QString& site,
                                               const QHash<QString, QString>& homes);
    // Problems of a (possibly edited) plan against the input: capacity, anti-affinity, CPU,
    // maintenance, unknown or unreachable nodes, a target on the site being evacuated. Empty: fine.
    [[nodiscard]] static QList<PlanProblem> validate(const OutagePlan& plan, const PlannerInput& input);
    // The plan with every move whose target refused its instance (rules.refused) placed again, on a
    // node that has not refused it, with room left by the moves kept; a note on the move says which
    // node refused it and why. Moves nothing refused are kept as they are (also edited ones); an
    // instance no node takes becomes unplaced with the refusals as the reason.
    [[nodiscard]] static OutagePlan replan(const OutagePlan& plan, const PlannerInput& input);
    // The plan with one instance's target changed to `node` (an unplaced instance becomes a move,
    // marked edited). The plan is otherwise unchanged; call validate() afterwards.
    [[nodiscard]] static OutagePlan retarget(const OutagePlan& plan, const QString& uuid,
                                             const QString& node);
    // The memory each connected node out of maintenance can still take for a plan, by node name:
    // after headroom, reserves and what runs there now, as the placement counts it; never below 0.
    [[nodiscard]] static QHash<QString, quint64> memoryRoom(const PlannerInput& input);
};

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Evacuation: plans a campus's planned outage and hands the run to its owner. It builds plans with
// the Planner from the cluster's state, dry-runs them with the same pre-flight checks as a single
// migration, and starts a plan only after its checks: one run at a time, no problems left, home
// nodes that could be read. Before any instance moves its home node is written to the outage state
// file (OutageStore, atomic); then the OutageExecution (execution()) owns the run: pause, resume,
// abort, failures, limits, progress and the signals the window and the headless commands follow.
// A console that crashes mid-run finds the run on start (unfinished()) and hands it over again
// (resumeUnfinished()). Starting or resuming takes the campus's lock (OutageStore): a run another
// process owns is refused naming it, and is listed by runningElsewhere() instead of unfinished().
// An evacuated site is in maintenance mode
// (ClusterController::setSiteMaintenance) until its outage ends (endMaintenance()); the return run
// brings every instance back to its exact home node.
// Thread: GUI (or the main thread of a headless command). Used by the window and by `kumo
// evacuate|return|plan`.
// Owner: whoever creates it; the ClusterController, MigrationController and store outlive it.
#pragma once

#include <QList>
#include <QObject>
#include <optional>
#include <utility>

#include "app/outage/outageplanning.h"
#include "app/outage/outagestore.h"
#include "core/outageplan.h"
#include "core/outagestate.h"
#include "core/planner.h"
#include "core/preflight.h"

namespace kumo {

class ClusterController;
class MigrationController;
class OutageDryRun;
class OutageExecution;
class OutageStore;

class Evacuation : public QObject
{
    Q_OBJECT

public:
    // store: nullptr uses an OutageStore on its default directory (owned by the Evacuation).
    Evacuation(ClusterController* cluster, MigrationController* migrations, OutageStore* store = nullptr,
               QObject* parent = nullptr);
    ~Evacuation() override;

    [[nodiscard]] ClusterController* cluster() const { return m_cluster; }
    [[nodiscard]] MigrationController* migrations() const { return m_migrations; }
    [[nodiscard]] OutageStore* store() const { return m_store; }
    // The owner of the run in progress (evacuation or return): its state, progress, gestures and
    // signals. The same object for the Evacuation's lifetime.
    [[nodiscard]] OutageExecution* execution() const { return m_execution; }

    // Rules from the preferences (QSettings "outage/headroomPercent", "outage/vcpusPerCpu",
    // "migration/reserveMiB") with the CPU incompatibilities the last dry run found.
    [[nodiscard]] PlannerRules rules() const;
    [[nodiscard]] PlannerInput plannerInput(const PlannerRules& rules) const;
    [[nodiscard]] OutagePlan planEvacuation(const QString& site) const;
    [[nodiscard]] OutagePlan planEvacuation(const QString& site, const PlannerRules& rules) const;
    // From the recorded home nodes of the site's outage; NotFound when none was recorded, and an
    // error when a run is still active.
    [[nodiscard]] Result<OutagePlan> planReturn(const QString& site) const;
    [[nodiscard]] QList<PlanProblem> validate(const OutagePlan& plan) const;
    // Names each move's transport as MigrationController will resolve it; a move whose path is
    // refused becomes unplaced with the refusal (plans and edits both pass through here).
    void resolveTransports(OutagePlan& plan) const;

    // Full pre-flight of every move (facts from both nodes, off the GUI thread). Answers with
    // dryRunFinished(); every refusal by a destination is remembered for the next plan, and a
    // move its target refused is re-planned onto a node that has not refused it (Planner::replan,
    // its note says why) and checked again: dryRunFinished() then carries the changed plan (same
    // id). A move no other node takes stays as it was, with its refusal in the results.
    void dryRun(const OutagePlan& plan);
    // The plan with every move whose target refused it (in a dry run, or by noteRefusal()) placed
    // again; the plan itself when nothing refused.
    [[nodiscard]] OutagePlan replan(const OutagePlan& plan) const;
    // A pre-flight result seen outside a dry run (a move's own checks during the run).
    void noteRefusal(const PreflightResult& result);
    [[nodiscard]] bool isDryRunning() const { return m_dryRun.has_value(); }

    // Starts the plan: refuses (with the reason) while another run is active or when the plan
    // has problems. Records home nodes, then hands the run to execution(), which puts an evacuated
    // site in maintenance and starts moves.
    [[nodiscard]] Result<void> start(const OutagePlan& plan);

    // Outages whose evacuation or return did not finish (found in the store) and that no other
    // process is running: the ones to offer to resume.
    [[nodiscard]] QList<OutageState> unfinished() const;
    // Unfinished outages another process (a headless run, another window) holds the lock of: shown,
    // never resumed here.
    [[nodiscard]] QList<std::pair<OutageState, OutageLockOwner>> runningElsewhere() const;
    // Takes the lock of `site`'s runs (OutageStore::lock), saying so when a stale one was taken
    // over. start() and resumeUnfinished() take it themselves; a headless command takes it first.
    [[nodiscard]] Result<void> takeLock(const QString& site);
    // Hands the unfinished run of `site` to execution(), which waits until the cluster has heard
    // from every node of the plan, finds where each running move's instance is now, and continues.
    // A run of `site` the execution is still reconciling or moving is resumed instead.
    [[nodiscard]] Result<void> resumeUnfinished(const QString& site);
    // Ends the outage of a site in maintenance: the site takes instances again. Use planReturn()
    // and start() next to bring the instances home.
    [[nodiscard]] Result<void> endMaintenance(const QString& site);

    // Whether every node in `nodes` (empty: every node of the inventory) has been heard from: it is
    // unreachable, or connected with its instances merged into the cluster state. Plans and the
    // reconciliation after a restart are only as good as this.
    [[nodiscard]] bool hasHeardFrom(const QStringList& nodes = {}) const;

Q_SIGNALS:
    void dryRunFinished(const kumo::OutagePlan& plan, const QList<kumo::PreflightResult>& results);
    // A line for the event log and the headless commands (translated) about the outage itself
    // (the run's own lines come from execution()).
    void message(const QString& line);

private:
    ClusterController* m_cluster;
    MigrationController* m_migrations;
    OutageStore* m_store;
    bool m_ownsStore = false;
    OutagePlanning m_planning;
    OutageDryRun* m_dryRunner;
    OutageExecution* m_execution;
    void onDryRunFinished(const OutagePlan& plan, const QList<PreflightResult>& results);

    static constexpr int MaxReplanRounds = 4;
    std::optional<OutagePlan> m_dryRun; // the plan m_dryRunner is checking
    int m_dryRunRounds = 0;             // re-plans of this dry run so far
};

} // namespace kumo

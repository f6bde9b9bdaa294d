// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Evacuation: plans and runs a campus's planned outage. It builds plans with the Planner from the
// cluster's state, dry-runs them with the same pre-flight checks as a single migration, and
// executes them through the MigrationController (and so the MigrationQueue) within the plan's
// limits (in all and per pair of sites), with the plan's bandwidth cap. Before any instance moves
// its home node is written to the outage state file (OutageStore, atomic), and every change of a
// move is written again, so a console that crashes mid-run finds the run on start and resumes it:
// moves that were running are looked up where the instance is now. An evacuated site is put in
// maintenance mode (ClusterController::setSiteMaintenance) until the outage ends; the return run
// brings every instance back to its exact home node.
// Failures follow the policy: stop and ask (default), retry (twice, then ask) or skip.
// Pause lets running moves finish and starts no new one; abort-all cancels the running moves
// (the instances stay where they are) and leaves a stopped, resumable run.
// Thread: GUI (or the main thread of a headless command). Used by the window and by `kumo
// evacuate|return|plan`.
// Owner: whoever creates it; the ClusterController, MigrationController and store outlive it.
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <memory>
#include <optional>

#include "core/migration.h"
#include "core/outageplan.h"
#include "core/outagestate.h"
#include "core/planner.h"
#include "core/preflight.h"

namespace kumo {

class ClusterController;
class MigrationController;
class OutageStore;

enum class FailurePolicy
{
    StopAndAsk, // stop starting moves, wait for resolveFailure()
    Retry,      // try the move again (up to MaxAttempts in all), then stop and ask
    Skip,       // leave the instance where it is and go on
};

enum class FailureDecision
{
    Retry,
    Skip,
    Stop, // leave the run stopped (resumable with resume())
};

struct OutageProgress
{
    int total = 0;   // moves in the run
    int done = 0;    // Done
    int failed = 0;  // Failed
    int skipped = 0; // Skipped or Cancelled
    int running = 0;
    quint64 bytesTotal = 0; // memory of every move (an estimate of the data to send)
    quint64 bytesMoved = 0; // transferred by finished moves plus running ones so far
    qint64 elapsedMs = 0;   // since the run started (this console session's share after a resume)
    qint64 etaMs = -1;      // -1: not known yet
};

class Evacuation : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxAttempts = 3;

    // store: nullptr uses an OutageStore on its default directory (owned by the Evacuation).
    Evacuation(ClusterController* cluster, MigrationController* migrations, OutageStore* store = nullptr,
               QObject* parent = nullptr);
    ~Evacuation() override;

    [[nodiscard]] ClusterController* cluster() const { return m_cluster; }
    [[nodiscard]] MigrationController* migrations() const { return m_migrations; }
    [[nodiscard]] OutageStore* store() const { return m_store; }

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

    // Full pre-flight of every move (facts from both nodes, off the GUI thread). Answers with
    // dryRunFinished(); a CPU incompatibility found is remembered for the next plan.
    void dryRun(const OutagePlan& plan);
    [[nodiscard]] bool isDryRunning() const { return m_dryRun.has_value(); }

    // Starts the plan: refuses (with the reason) while another run is active or when the plan
    // has problems. Records home nodes, puts an evacuated site in maintenance, starts moves.
    [[nodiscard]] Result<void> start(const OutagePlan& plan);
    void pause();
    // Continues a paused or stopped run (also a run found after a restart, see resumeUnfinished).
    void resume();
    void abortAll();
    // Changes the limits of the current run (e.g. a higher bandwidth before resuming a throttled,
    // stopped run): kept in the state file, used for every move started afterwards; a running
    // move gets the new bandwidth cap at once when it is not 0.
    [[nodiscard]] Result<void> setLimits(const OutageLimits& limits);
    // The answer to moveFailed() under StopAndAsk.
    void resolveFailure(FailureDecision decision);
    void setFailurePolicy(FailurePolicy policy) { m_policy = policy; }
    [[nodiscard]] FailurePolicy failurePolicy() const { return m_policy; }
    // QSettings "outage/onFailure": "ask" (default), "retry", "skip".
    [[nodiscard]] static FailurePolicy failurePolicyFromSettings();

    // Outages whose evacuation or return did not finish (found in the store).
    [[nodiscard]] QList<OutageState> unfinished() const;
    // Takes over the unfinished run of `site`: waits until the cluster has heard from every node
    // of the plan, finds where each running move's instance is now, and continues.
    [[nodiscard]] Result<void> resumeUnfinished(const QString& site);
    // Ends the outage of a site in maintenance: the site takes instances again. Use planReturn()
    // and start() next to bring the instances home.
    [[nodiscard]] Result<void> endMaintenance(const QString& site);

    // Whether every node in `nodes` (empty: every node of the inventory) has been heard from: it is
    // unreachable, or connected with its instances merged into the cluster state. Plans and the
    // reconciliation after a restart are only as good as this.
    [[nodiscard]] bool hasHeardFrom(const QStringList& nodes = {}) const;

    [[nodiscard]] bool isActive() const;            // a run is Running, Paused, Stopped or waiting to resume
    [[nodiscard]] const OutageState* state() const; // the site being worked on; nullptr when none
    [[nodiscard]] OutageProgress progress() const;
    // Failed move waiting for resolveFailure(), -1 when none.
    [[nodiscard]] int waitingDecision() const { return m_waitingDecision; }

Q_SIGNALS:
    void dryRunFinished(const kumo::OutagePlan& plan, const QList<kumo::PreflightResult>& results);
    void stateChanged();                              // run state or outage phase
    void moveChanged(int index);                      // record `index` of the active run changed
    void progressChanged();                           // overall figures (also every second while running)
    void moveFailed(int index, const QString& error); // under StopAndAsk: waits for resolveFailure()
    void runFinished(const kumo::OutageRun& run);     // Completed or Stopped
    // A line for the event log and the headless commands (translated).
    void message(const QString& line);
    // Writing the state file failed: the run stopped (nothing moves without a durable record).
    void storeFailed(const kumo::Error& error);

private:
    struct Impl;
    ClusterController* m_cluster;
    MigrationController* m_migrations;
    OutageStore* m_store;
    bool m_ownsStore = false;
    FailurePolicy m_policy = FailurePolicy::StopAndAsk;
    int m_waitingDecision = -1;
    std::optional<OutagePlan> m_dryRun; // the plan OutageDryRun is checking
    std::unique_ptr<Impl> m_impl;       // the parts (see evacuation.cpp)
};

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OutageExecution: the one owner of the outage run in progress (evacuation or return). Evacuation
// hands it a run it has checked and recorded (start), or one a previous console left unfinished
// (takeOverUnfinished: first the reconciliation finds where each instance is now). From then on
// this class alone changes the run: it writes the outage state to the OutageStore before and after
// every change of a move, starts pending moves within the plan's limits (in all and per pair of
// sites), records how each ended under the failure policy (a failed move under StopAndAsk waits
// for resolveFailure()), powers the instances that are not moved once the moves are done, and
// completes or stops the run with a journal line and a message. Pause lets running moves finish
// and starts no new one; abort-all cancels the running moves (the instances stay where they are)
// and leaves a stopped, resumable run. The campus's lock is held from the start (or take-over)
// until the run completes or stops. The window, the headless commands and tests connect to its
// signals directly.
// With a ServiceProber (setServiceProber), each move of an instance that has service probes records
// whether its service answered before the move and whether it answered after it (with the move's
// service gap); a run completes only once every moved instance's service has answered or the
// prober gave up waiting for it.
// Thread: GUI (or the main thread of a headless command).
// Owner: Evacuation (a child); the ClusterController, MigrationController and store outlive it.
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <optional>

#include "app/outage/outageplanning.h"
#include "core/failurepolicy.h"
#include "core/migration.h"
#include "core/outageplan.h"
#include "core/outageprogress.h"
#include "core/outagestate.h"
#include "core/preflight.h"
#include "core/result.h"

class QTimer;

namespace kumo {

class ClusterController;
class MigrationController;
class OutageMigrations;
class OutagePowerActions;
class OutageReconciler;
class OutageStore;
class ServiceProber;
struct ServiceGap;

class OutageExecution : public QObject
{
    Q_OBJECT

public:
    OutageExecution(ClusterController* cluster, MigrationController* migrations, OutageStore* store,
                    QObject* parent = nullptr);
    ~OutageExecution() override;

    // The outage being worked on; nullptr when none.
    [[nodiscard]] const OutageState* state() const { return m_state ? &*m_state : nullptr; }
    [[nodiscard]] OutageDirection direction() const { return m_direction; }
    // The run of state() in progress (evacuation or return); nullptr when none.
    [[nodiscard]] const OutageRun* run() const;
    [[nodiscard]] QString runTitle() const; // "Evacuation of …" / "Return to …"

    // A run is Running, Paused, Stopped or waiting for the reconciliation to resume.
    [[nodiscard]] bool isActive() const;
    [[nodiscard]] bool isRunningOrPaused() const;
    // Something of the run is still going on (reconciling, running, paused, migrations or power
    // actions): no other run may start.
    [[nodiscard]] bool isBusy() const;
    // Looking where every instance is after a restart; no move starts meanwhile.
    [[nodiscard]] bool isReconciling() const;
    [[nodiscard]] int migrationsInFlight() const;
    // The run's end (completed or stopped) was announced with runFinished() since it last
    // started or resumed: its state file, journal line and lock are settled.
    [[nodiscard]] bool hasEnded() const { return m_ended; }
    [[nodiscard]] OutageProgress progress() const;

    // Makes `state` (already written to the store by Evacuation::start) the current outage and
    // starts its run of `direction`: an evacuated site goes into maintenance, moves start.
    void start(const OutageState& state, OutageDirection direction);
    // Takes over the unfinished run of `state` (read from the store): waits until the cluster has
    // heard from every node of the run, finds where each running move's instance is now, and
    // continues.
    void takeOverUnfinished(const OutageState& state);
    void pause();
    // Continues a paused or stopped run (also a run found after a restart, see takeOverUnfinished).
    // A stopped run has let its campus's lock go (a headless run or another console may take it):
    // resuming takes it again, or says who holds it, and continues from the state file.
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
    // Failed move waiting for resolveFailure(), -1 when none.
    [[nodiscard]] int waitingDecision() const { return m_waitingDecision; }

    // Checks the services of the moved instances with `prober` (nullptr: not checked). The prober
    // must follow the same MigrationController's queue (ServiceProber::setMigrationQueue).
    void setServiceProber(ServiceProber* prober);
    [[nodiscard]] ServiceProber* serviceProber() const;
    // Moves whose service verdict after the move is still awaited.
    [[nodiscard]] int servicesAwaited() const { return int(m_serviceWaits.size()); }

Q_SIGNALS:
    void stateChanged();                              // run state or outage phase
    void moveChanged(int index);                      // record `index` of the run changed
    void progressChanged();                           // overall figures (also every second while running)
    void moveFailed(int index, const QString& error); // under StopAndAsk: waits for resolveFailure()
    void runFinished(const kumo::OutageRun& run);     // Completed or Stopped
    // A line for the event log and the headless commands (translated).
    void message(const QString& line);
    // Writing the state file failed: the run stopped (nothing moves without a durable record).
    void storeFailed(const kumo::Error& error);

private:
    [[nodiscard]] OutageRun* currentRun();
    // Makes `state`'s run of `direction` the current one, forgetting what was in flight.
    void takeOver(const OutageState& state, OutageDirection direction);
    // resume() of a stopped run whose lock was released.
    void resumeReleased();
    // Starts this console session's share of the run: clock, queue limits, the tick.
    void beginSession();
    // Writes the state; on failure stops starting moves and says so (storeFailed). Returns success.
    bool save();
    void journal(const QString& event);
    void reconcile();
    // Starts what the limits allow, at the next turn of the event loop (once however often asked).
    void schedulePump();
    void pump();
    bool startMove(int index);
    void changed(int index);
    void recordFailure(int index, const QString& why);
    // The move's pre-flight refused it: when its target was the reason, the move is placed again
    // on a node that has not refused it (Planner::replan, with the moves still to come) and goes
    // back to the pending ones; otherwise, or when no node takes it, it failed.
    void moveRefused(int index, const PreflightResult& result);
    void moveCancelledBeforeQueue(int index, const QString& why);
    void moveEnded(int index, const MigrationRequest& request, const MigrationResult& result);
    // Ends the run when nothing is left to do (powering the unmoved instances first), or announces
    // a stopped run once its last migration has ended.
    void maybeFinish();
    void complete();
    void endStopped();
    void announceEnd();
    // The service checks around moves (setServiceProber).
    // Records the service's last verdict before the move of record `index`; true when the
    // instance has probes (its verdict after the move is then awaited).
    bool noteServiceBefore(int index);
    void serviceGapMeasured(const ServiceGap& gap);
    // Records the verdict in its move's record; false when no wait of the current run had it.
    bool applyServiceGap(const ServiceGap& gap);
    // Drops the waits the prober will not answer (it does not follow the move, or the wait ran
    // out); true when some are left.
    bool awaitingServices();

    ClusterController* m_cluster;
    MigrationController* m_migrationController;
    OutageStore* m_store;
    OutagePlanning m_planning; // site names and sites of nodes, whether nodes were heard from
    OutageMigrations* m_migrations;
    OutagePowerActions* m_power;
    OutageReconciler* m_reconciler;
    QTimer* m_tick;
    std::optional<OutageState> m_state;
    OutageDirection m_direction = OutageDirection::Evacuate; // which run of m_state is current
    FailurePolicy m_policy = FailurePolicy::StopAndAsk;
    int m_waitingDecision = -1;
    bool m_ended = false; // completed or stopped was announced since the last beginSession()
    bool m_pumpQueued = false;
    QElapsedTimer m_elapsed;
    // uuid -> node -> why, for every move its target refused in this session (PlannerRules::refused).
    QHash<QString, QHash<QString, QString>> m_refused;
    qint64 m_elapsedBefore = 0; // the run's elapsedMs from earlier console sessions
    quint64 m_doneBytesThisSession = 0;
    // A move whose service verdict after the move is awaited, by migration id.
    struct ServiceWait
    {
        int index = -1;
        int attempt = 0;
        QString uuid;
        qint64 endedMs = -1; // m_serviceClock when its record was first seen ended
    };
    QPointer<ServiceProber> m_prober;
    QHash<quint64, ServiceWait> m_serviceWaits;
    QElapsedTimer m_serviceClock;
};

} // namespace kumo

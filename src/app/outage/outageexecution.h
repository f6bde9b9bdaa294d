// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OutageExecution: the engine under Evacuation for the run in progress. It holds the outage state,
// writes it to the OutageStore before and after every change of a move, starts pending moves
// within the plan's limits (in all and per pair of sites), records how each ended under the
// failure policy, powers the instances that are not moved once the moves are done, and completes
// or stops the run with a journal line and a message. Evacuation decides when a run starts,
// pauses, resumes or aborts; this class carries it out.
// Thread: GUI (or the main thread of a headless command).
// Owner: Evacuation; the ClusterController, MigrationController, store and planning outlive it.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <optional>

#include "app/outage/evacuation.h"
#include "core/migration.h"
#include "core/outageplan.h"
#include "core/outagestate.h"

class QTimer;

namespace kumo {

class ClusterController;
class MigrationController;
class OutageMigrations;
class OutagePlanning;
class OutagePowerActions;
class OutageStore;

class OutageExecution : public QObject
{
    Q_OBJECT

public:
    // policy and waitingDecision are Evacuation's own, which its accessors show: the engine reads
    // the policy when a move fails and names the move that waits for the person's decision.
    OutageExecution(ClusterController* cluster, MigrationController* migrations, OutageStore* store,
                    const OutagePlanning* planning, const FailurePolicy* policy, int* waitingDecision,
                    QObject* parent = nullptr);
    ~OutageExecution() override;

    [[nodiscard]] OutageState* state() { return m_state ? &*m_state : nullptr; }
    [[nodiscard]] const OutageState* state() const { return m_state ? &*m_state : nullptr; }
    [[nodiscard]] OutageDirection direction() const { return m_direction; }
    // The run of state() in progress (evacuation or return); nullptr when none.
    [[nodiscard]] OutageRun* run();
    [[nodiscard]] const OutageRun* run() const;
    [[nodiscard]] QString runTitle() const; // "Evacuation of …" / "Return to …"

    // Makes `state`'s run of `direction` the current one, forgetting what was in flight.
    void takeOver(const OutageState& state, OutageDirection direction);
    // While held (the reconciliation after a restart) no move starts and the run does not end.
    void setHeld(bool held) { m_held = held; }
    [[nodiscard]] bool isHeld() const { return m_held; }
    [[nodiscard]] bool isRunningOrPaused() const;
    // Something of the run is still going on (held, running, paused, migrations or power actions).
    [[nodiscard]] bool isBusy() const;
    // completed or stopped was announced since the last beginSession().
    [[nodiscard]] bool hasEnded() const { return m_ended; }

    // Starts this console session's share of the run: clock, queue limits, the tick.
    void beginSession();
    // Writes the state; on failure stops starting moves and says so (storeFailed). Returns success.
    bool save();
    void journal(const QString& event);
    // Starts what the limits allow, at the next turn of the event loop (once however often asked).
    void schedulePump();
    // Ends the run when nothing is left to do (powering the unmoved instances first), or announces
    // a stopped run once its last migration has ended.
    void maybeFinish();

    [[nodiscard]] int migrationsInFlight() const;
    void cancelMigrations(); // abort-all: the instances stay where they are
    // The run's limits changed: raise the queue's and pass a new bandwidth cap to running moves.
    void applyLimits(const OutageLimits& limits);
    void restoreQueueLimits();
    [[nodiscard]] OutageProgress progress() const;

Q_SIGNALS:
    // The meaning of each is that of Evacuation's signal of the same name.
    void stateChanged();
    void moveChanged(int index);
    void progressChanged();
    void moveFailed(int index, const QString& error);
    void runFinished(const kumo::OutageRun& run);
    void message(const QString& line);
    void storeFailed(const kumo::Error& error);

private:
    void changed(int index);
    void pump();
    bool startMove(int index);
    void recordFailure(int index, const QString& why);
    void moveCancelledBeforeQueue(int index, const QString& why);
    void moveEnded(int index, const MigrationRequest& request, const MigrationResult& result);
    void complete();
    void endStopped();
    void announceEnd();

    ClusterController* m_cluster;
    MigrationController* m_migrationController;
    OutageStore* m_store;
    const OutagePlanning* m_planning;
    const FailurePolicy* m_policy;
    int* m_waitingDecision;
    OutageMigrations* m_migrations;
    OutagePowerActions* m_power;
    QTimer* m_tick;
    std::optional<OutageState> m_state;
    OutageDirection m_direction = OutageDirection::Evacuate; // which run of m_state is current
    bool m_held = false;
    bool m_ended = false;
    bool m_pumpQueued = false;
    QElapsedTimer m_elapsed;
    quint64 m_doneBytesThisSession = 0;
};

} // namespace kumo

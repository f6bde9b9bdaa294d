// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OutageExecution, its moves: starting pending moves within the plan's limits, recording how each
// ended under the failure policy, and ending the run (powering the unmoved instances first). The
// run's lifecycle and the person's gestures are in outageexecution.cpp.
#include "app/outage/outageexecution.h"

#include <algorithm>

#include <QDateTime>
#include <QHash>
#include <QLoggingCategory>
#include <QTimer>

#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "app/outage/outagemigrations.h"
#include "app/outage/outagepoweractions.h"
#include "app/outage/outagestore.h"
#include "app/probes/serviceprober.h"

Q_DECLARE_LOGGING_CATEGORY(lcEvacuation)

namespace kumo {

namespace {

// Slack beyond the prober's own bound before a service verdict is no longer awaited.
constexpr qint64 ServiceWaitSlackMs = 5000;

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1);
}

} // namespace

void OutageExecution::changed(int index)
{
    Q_EMIT moveChanged(index);
    Q_EMIT progressChanged();
}

void OutageExecution::schedulePump()
{
    if (m_pumpQueued)
        return;
    m_pumpQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_pumpQueued = false;
            pump();
        },
        Qt::QueuedConnection);
}

void OutageExecution::pump()
{
    OutageRun* current = currentRun();
    if (!current || isReconciling())
        return;
    if (current->state == RunState::Running) {
        const OutageLimits& limits = current->plan.limits;
        const int parallel = std::max(1, limits.parallel);
        const int perLink = std::max(1, limits.perLink);
        int running = 0;
        QHash<QString, int> perPair;
        const auto pairOf = [this](const MoveRecord& record) {
            return m_planning.siteOf(record.move.fromNode) + u'>' + m_planning.siteOf(record.move.toNode);
        };
        for (const MoveRecord& record : std::as_const(current->records)) {
            if (record.status == MoveStatus::Running) {
                ++running;
                ++perPair[pairOf(record)];
            }
        }
        for (int i = 0; i < current->records.size() && running < parallel; ++i) {
            if (current->state != RunState::Running)
                break;
            const MoveRecord& record = current->records.at(i);
            if (record.status != MoveStatus::Pending)
                continue;
            const QString pair = pairOf(record);
            if (perPair.value(pair) >= perLink)
                continue;
            if (!startMove(i))
                return;
            if (current->records.at(i).status == MoveStatus::Running) {
                ++running;
                ++perPair[pair];
            }
        }
    }
    maybeFinish();
}

bool OutageExecution::startMove(int index)
{
    OutageRun* current = currentRun();
    MoveRecord& record = current->records[index];
    const PlannedMove& move = record.move;
    const QStringList where = m_cluster->locationsOf(move.uuid);
    if (where == QStringList{move.toNode}) {
        // Already there (moved by hand, or by a migration that finished while nobody watched).
        record.status = MoveStatus::Done;
        record.started = record.finished = QDateTime::currentDateTimeUtc();
        record.durationMs = 0;
        record.error.clear();
        if (!save())
            return false;
        Q_EMIT message(tr("%1 already runs on %2").arg(move.name, move.toNode));
        changed(index);
        return true;
    }
    if (where.isEmpty()) {
        recordFailure(index, tr("%1 is not seen on any node; it may have been removed.").arg(move.name));
        return true;
    }
    record.status = MoveStatus::Running;
    record.started = QDateTime::currentDateTimeUtc();
    record.finished = {};
    record.durationMs = -1;
    record.error.clear();
    record.downtimeMs = -1;
    record.dataBytes = 0;
    record.serviceAfter = ServiceAnswer::None;
    record.serviceGapMs = -1;
    ++record.attempts;
    const bool probed = noteServiceBefore(index);
    // Written before the move starts: after a crash, a Running record means "look where it is".
    if (!save()) {
        record.status = MoveStatus::Pending;
        return false;
    }
    const quint64 id = m_migrations->start(index, move, current->plan.limits, current->plan.reason);
    if (probed) {
        if (!m_serviceClock.isValid())
            m_serviceClock.start();
        m_serviceWaits.insert(id, {index, record.attempts, move.uuid, -1});
    }
    const InstanceSnapshot* instance = m_cluster->instance(move.uuid);
    const QString from = instance ? instance->node : move.fromNode;
    Q_EMIT message(tr("%1: %2 → %3 started").arg(move.name, from, move.toNode));
    changed(index);
    return true;
}

void OutageExecution::recordFailure(int index, const QString& why)
{
    OutageRun* current = currentRun();
    MoveRecord& record = current->records[index];
    m_migrations->forget(index);
    record.status = MoveStatus::Failed;
    record.finished = QDateTime::currentDateTimeUtc();
    record.error = why;
    Q_EMIT message(
        tr("%1: %2 → %3 failed: %4").arg(record.move.name, record.move.fromNode, record.move.toNode, why));
    qCDebug(lcEvacuation, "move of %s to %s failed (attempt %d): %s", qUtf8Printable(record.move.name),
            qUtf8Printable(record.move.toNode), record.attempts, qUtf8Printable(why));
    const bool applies = current->state == RunState::Running || current->state == RunState::Paused;
    FailurePolicy policy = m_policy;
    if (policy == FailurePolicy::Retry && record.attempts >= MaxMoveAttempts)
        policy = FailurePolicy::StopAndAsk;
    if (applies && policy == FailurePolicy::Retry) {
        record.status = MoveStatus::Pending;
        Q_EMIT message(tr("%1: trying again (attempt %2 of %3)")
                           .arg(record.move.name, QString::number(record.attempts + 1),
                                QString::number(MaxMoveAttempts)));
    }
    const bool ask = applies && policy == FailurePolicy::StopAndAsk;
    if (ask) {
        current->state = RunState::Stopped;
        if (m_waitingDecision < 0)
            m_waitingDecision = index;
    }
    if (!save())
        return;
    changed(index);
    if (ask) {
        Q_EMIT stateChanged();
        if (m_waitingDecision == index)
            Q_EMIT moveFailed(index, why);
    }
    schedulePump();
}

void OutageExecution::moveRefused(int index, const PreflightResult& result)
{
    OutageRun* current = currentRun();
    const QString why = result.reasons(CheckSeverity::Refused).join(u' ');
    const QString refusal = destinationRefusal(result);
    const bool running = current->state == RunState::Running || current->state == RunState::Paused;
    if (refusal.isEmpty() || !running) {
        recordFailure(index, why);
        return;
    }
    MoveRecord& record = current->records[index];
    const QString refusedBy = record.move.toNode;
    m_refused[record.move.uuid].insert(refusedBy, refusal);

    // What is still to come takes its room on its target; what is done already runs there.
    OutagePlan rest = current->plan;
    rest.moves.clear();
    rest.unplaced.clear();
    for (const MoveRecord& other : std::as_const(current->records)) {
        if (other.status == MoveStatus::Pending || other.status == MoveStatus::Running ||
            other.move.uuid == record.move.uuid)
            rest.moves.append(other.move);
    }
    PlannerRules rules = m_planning.rules({});
    rules.refused = m_refused;
    OutagePlan replanned = Planner::replan(rest, m_planning.inputFor(m_direction, rest.site, rules));
    replanned.resolveTransports(m_cluster->fileInventory(), m_migrationController->defaultOptions());
    const int found = replanned.indexOfMove(record.move.uuid);
    if (found < 0) {
        const int unplaced = replanned.indexOfUnplaced(record.move.uuid);
        recordFailure(index, unplaced >= 0 ? replanned.unplaced.at(unplaced).reason : why);
        return;
    }
    m_migrations->forget(index);
    record.move = replanned.moves.at(found);
    if (index < current->plan.moves.size() && current->plan.moves.at(index).uuid == record.move.uuid)
        current->plan.moves[index] = record.move;
    record.status = MoveStatus::Pending;
    record.error = refusal;
    Q_EMIT message(tr("%1: %2 refused it; re-planned onto %3. %4")
                       .arg(record.move.name, refusedBy, record.move.toNode, refusal));
    qCDebug(lcEvacuation, "move of %s re-planned from %s to %s", qUtf8Printable(record.move.name),
            qUtf8Printable(refusedBy), qUtf8Printable(record.move.toNode));
    if (!save())
        return;
    changed(index);
    schedulePump();
}

void OutageExecution::moveCancelledBeforeQueue(int index, const QString& why)
{
    MoveRecord& record = currentRun()->records[index];
    record.status = MoveStatus::Cancelled;
    record.finished = QDateTime::currentDateTimeUtc();
    record.error = why;
    save();
    changed(index);
    maybeFinish();
}

void OutageExecution::moveEnded(int index, const MigrationRequest& request, const MigrationResult& result)
{
    MoveRecord& record = currentRun()->records[index];
    record.finished = QDateTime::currentDateTimeUtc();
    // The runner's own measure (a monotonic timer around the migrate call), else libvirt's.
    record.durationMs = result.wallTimeMs > 0 ? result.wallTimeMs : result.totalTimeMs;
    record.dataBytes = result.dataTransferred;
    const QString& name = record.move.name;
    if (result.phase == MigrationPhase::Completed) {
        record.status = MoveStatus::Done;
        record.downtimeMs = result.downtimeMs;
        m_doneBytesThisSession += result.dataTransferred;
        const qint64 ms = result.wallTimeMs > 0 ? result.wallTimeMs : result.totalTimeMs;
        Q_EMIT message(record.downtimeMs >= 0
                           ? tr("%1: %2 → %3 done in %4 s, downtime %5 ms")
                                 .arg(name, request.sourceNode, request.destinationNode, seconds(ms),
                                      QString::number(record.downtimeMs))
                           : tr("%1: %2 → %3 done in %4 s")
                                 .arg(name, request.sourceNode, request.destinationNode, seconds(ms)));
    } else {
        record.status = MoveStatus::Cancelled;
        record.error = result.error.message;
        Q_EMIT message(tr("%1: cancelled, it stays on %2").arg(name, request.sourceNode));
    }
    if (!save())
        return;
    changed(index);
    schedulePump();
}

void OutageExecution::maybeFinish()
{
    OutageRun* current = currentRun();
    if (!current || isReconciling())
        return;
    if (current->state == RunState::Stopped) {
        // Running records without a live job are left from a previous console (an abort during
        // the reconciliation): they stay Running on disk, meaning "look where it is" next time.
        if (m_migrations->isEmpty() && !m_ended)
            endStopped();
        return;
    }
    if (current->state != RunState::Running || !current->isFinished())
        return;
    if (!m_power->hasBegun()) {
        if (m_power->begin(m_direction, *m_state))
            save();
        if (m_power->isBusy())
            return;
    }
    // The run's report says whether each moved instance's service answered after its move.
    if (!m_power->isBusy() && !awaitingServices())
        complete();
}

void OutageExecution::setServiceProber(ServiceProber* prober)
{
    if (m_prober)
        disconnect(m_prober, nullptr, this, nullptr);
    m_prober = prober;
    m_serviceWaits.clear();
    if (prober)
        connect(prober, &ServiceProber::serviceGapMeasured, this, &OutageExecution::serviceGapMeasured);
}

ServiceProber* OutageExecution::serviceProber() const
{
    return m_prober;
}

bool OutageExecution::noteServiceBefore(int index)
{
    MoveRecord& record = currentRun()->records[index];
    record.serviceBefore = ServiceAnswer::None;
    if (!m_prober || !m_prober->hasProbes(record.move.uuid))
        return false;
    // The last verdict before the move; the prober checks again as soon as the move starts.
    switch (m_prober->summary(record.move.uuid).state) {
    case ProbeState::Up:
        record.serviceBefore = ServiceAnswer::Answered;
        break;
    case ProbeState::Down:
        record.serviceBefore = ServiceAnswer::NoAnswer;
        break;
    case ProbeState::Unknown:
        break;
    }
    return true;
}

void OutageExecution::serviceGapMeasured(const ServiceGap& gap)
{
    if (applyServiceGap(gap))
        maybeFinish();
}

bool OutageExecution::applyServiceGap(const ServiceGap& gap)
{
    if (!m_serviceWaits.contains(gap.migrationId))
        return false;
    const ServiceWait found = m_serviceWaits.take(gap.migrationId);
    OutageRun* current = currentRun();
    if (!current || found.index >= current->records.size())
        return false;
    MoveRecord& record = current->records[found.index];
    if (record.move.uuid != found.uuid || record.attempts != found.attempt)
        return false; // the move was tried again since
    record.serviceAfter = gap.answeredAfter ? ServiceAnswer::Answered : ServiceAnswer::NoAnswer;
    record.serviceGapMs = gap.gapMs;
    Q_EMIT message(
        gap.answeredAfter
            ? tr("%1: service answered after the move, gap %2 s").arg(record.move.name, seconds(gap.gapMs))
            : tr("%1: service did not answer after the move (no answer for %2 s)")
                  .arg(record.move.name, seconds(gap.gapMs)));
    if (!save())
        return false;
    changed(found.index);
    return true;
}

bool OutageExecution::awaitingServices()
{
    if (m_serviceWaits.isEmpty())
        return false;
    const OutageRun* current = currentRun();
    // The prober gives up AfterMoveWaitMs after the move ended; a last check may take its timeout.
    const qint64 bound =
        (m_prober ? m_prober->afterMoveWait() : 0) + ServiceProber::MovingTimeoutMs + ServiceWaitSlackMs;
    for (auto it = m_serviceWaits.begin(); it != m_serviceWaits.end();) {
        const bool known = current && it->index < current->records.size() &&
                           current->records.at(it->index).move.uuid == it->uuid &&
                           current->records.at(it->index).attempts == it->attempt;
        const MoveStatus status = known ? current->records.at(it->index).status : MoveStatus::Cancelled;
        if (status == MoveStatus::Running) {
            ++it;
            continue;
        }
        if (it->endedMs < 0)
            it->endedMs = m_serviceClock.elapsed();
        // A move the prober never followed (refused before it was queued, no probes any more)
        // has no verdict to wait for.
        const bool followed =
            known && m_prober && (m_prober->isMoving(it->uuid) || m_prober->serviceGap(it.key()));
        if (!followed || m_serviceClock.elapsed() - it->endedMs > bound) {
            it = m_serviceWaits.erase(it);
            continue;
        }
        if (const std::optional<ServiceGap> gap = m_prober->serviceGap(it.key())) {
            // Measured before this wait was looked at: take it now.
            applyServiceGap(*gap); // erases its wait; iteration starts over below
            return awaitingServices();
        }
        ++it;
    }
    return !m_serviceWaits.isEmpty();
}

void OutageExecution::complete()
{
    OutageRun* current = currentRun();
    current->state = RunState::Completed;
    current->finished = QDateTime::currentDateTimeUtc();
    m_state->phase =
        m_direction == OutageDirection::Evacuate ? OutagePhase::InMaintenance : OutagePhase::Ended;
    m_ended = true;
    m_tick->stop();
    m_migrations->restoreQueueLimits();
    save();
    m_store->unlock(m_state->site); // the run is over: the campus has no owner until the next one
    journal(QStringLiteral("finished"));
    // This session's share: after a restart the time the console was away does not count.
    const qint64 ms = m_elapsed.isValid() ? m_elapsed.elapsed() : current->started.msecsTo(current->finished);
    const int failed = current->count(MoveStatus::Failed) + m_power->failures();
    Q_EMIT message(tr("%1 finished: %2 moved, %3 failed in %4 s")
                       .arg(runTitle(), QString::number(current->count(MoveStatus::Done)),
                            QString::number(failed), seconds(ms)));
    announceEnd();
}

void OutageExecution::endStopped()
{
    OutageRun* current = currentRun();
    m_ended = true;
    m_tick->stop();
    m_migrations->restoreQueueLimits();
    save();
    // Nothing of the run goes on here: the campus is free for another console or a headless run
    // until this one resumes it (resume() takes the lock again).
    m_store->unlock(m_state->site);
    journal(QStringLiteral("stopped"));
    const int left = current->count(MoveStatus::Pending) + current->count(MoveStatus::Cancelled) +
                     current->count(MoveStatus::Failed);
    Q_EMIT message(
        tr("%1 stopped: %2 moved, %3 not moved; resume to continue.")
            .arg(runTitle(), QString::number(current->count(MoveStatus::Done)), QString::number(left)));
    announceEnd();
}

void OutageExecution::announceEnd()
{
    Q_EMIT progressChanged();
    Q_EMIT stateChanged();
    Q_EMIT runFinished(*currentRun());
}

int OutageExecution::migrationsInFlight() const
{
    return m_migrations->count();
}

} // namespace kumo

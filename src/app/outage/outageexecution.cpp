// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/outage/outageexecution.h"

#include <algorithm>

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>

#include "app/access/journal.h"
#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "app/outage/outagemigrations.h"
#include "app/outage/outageplanning.h"
#include "app/outage/outagepoweractions.h"
#include "app/outage/outagestore.h"

Q_DECLARE_LOGGING_CATEGORY(lcEvacuation)

namespace kumo {

namespace {

constexpr int TickMs = 1000;

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1);
}

} // namespace

OutageExecution::OutageExecution(ClusterController* cluster, MigrationController* migrations,
                                 OutageStore* store, const OutagePlanning* planning,
                                 const FailurePolicy* policy, int* waitingDecision, QObject* parent)
    : QObject(parent)
    , m_cluster(cluster)
    , m_migrationController(migrations)
    , m_store(store)
    , m_planning(planning)
    , m_policy(policy)
    , m_waitingDecision(waitingDecision)
    , m_migrations(new OutageMigrations(migrations, this))
    , m_power(new OutagePowerActions(cluster, this))
    , m_tick(new QTimer(this))
{
    m_tick->setInterval(TickMs);
    connect(m_tick, &QTimer::timeout, this, [this] {
        m_power->checkShutdowns();
        Q_EMIT progressChanged();
    });
    connect(m_migrations, &OutageMigrations::failed, this, &OutageExecution::recordFailure);
    connect(m_migrations, &OutageMigrations::refusedAfterCancel, this,
            &OutageExecution::moveCancelledBeforeQueue);
    connect(m_migrations, &OutageMigrations::ended, this, &OutageExecution::moveEnded);
    connect(m_power, &OutagePowerActions::message, this, &OutageExecution::message);
    connect(m_power, &OutagePowerActions::succeeded, this,
            [this](const QString& uuid, InstanceAction action) {
                m_state->homes[uuid].shutDown = action == InstanceAction::Shutdown;
                save();
            });
    connect(m_power, &OutagePowerActions::actionEnded, this, &OutageExecution::maybeFinish);
}

OutageExecution::~OutageExecution()
{
    m_migrations->restoreQueueLimits();
}

OutageRun* OutageExecution::run()
{
    if (!m_state)
        return nullptr;
    return m_direction == OutageDirection::Evacuate ? &m_state->evacuation : &m_state->returnRun;
}

const OutageRun* OutageExecution::run() const
{
    return const_cast<OutageExecution*>(this)->run();
}

QString OutageExecution::runTitle() const
{
    const QString name = m_planning->siteName(m_state ? m_state->site : QString());
    return m_direction == OutageDirection::Evacuate ? tr("Evacuation of %1").arg(name)
                                                    : tr("Return to %1").arg(name);
}

void OutageExecution::takeOver(const OutageState& state, OutageDirection direction)
{
    m_state = state;
    m_direction = direction;
    m_migrations->clear();
    m_power->clear();
    m_elapsed.invalidate();
    m_doneBytesThisSession = 0;
    *m_waitingDecision = -1;
}

bool OutageExecution::isRunningOrPaused() const
{
    const OutageRun* current = run();
    return current && (current->state == RunState::Running || current->state == RunState::Paused);
}

bool OutageExecution::isBusy() const
{
    return m_held || isRunningOrPaused() || !m_migrations->isEmpty() || m_power->isBusy();
}

void OutageExecution::beginSession()
{
    m_ended = false;
    m_power->reset();
    if (!m_elapsed.isValid())
        m_elapsed.start();
    if (const OutageRun* current = run())
        m_migrations->raiseQueueLimits(current->plan.limits);
    m_tick->start();
}

bool OutageExecution::save()
{
    if (!m_state)
        return true;
    const Result<void> written = m_store->save(*m_state);
    if (written)
        return true;
    qCWarning(lcEvacuation, "Could not write the outage state: %s",
              qUtf8Printable(written.error().toString()));
    // Nothing may move without a durable record: stop starting moves.
    if (OutageRun* current = run(); current && current->state == RunState::Running)
        current->state = RunState::Stopped;
    Q_EMIT storeFailed(written.error());
    Q_EMIT stateChanged();
    return false;
}

void OutageExecution::journal(const QString& event)
{
    const OutageRun* current = run();
    if (!current)
        return;
    const QJsonObject entry{
        {QStringLiteral("action"), QStringLiteral("outage")},
        {QStringLiteral("event"), event},
        {QStringLiteral("direction"), directionKey(m_direction)},
        {QStringLiteral("site"), m_state->site},
        {QStringLiteral("run"), current->plan.id},
        {QStringLiteral("moves"), int(current->records.size())},
        {QStringLiteral("done"), current->count(MoveStatus::Done)},
        {QStringLiteral("failed"), current->count(MoveStatus::Failed)},
        {QStringLiteral("parallel"), current->plan.limits.parallel},
        {QStringLiteral("per_link"), current->plan.limits.perLink},
        {QStringLiteral("bandwidth_mibs"), qint64(current->plan.limits.bandwidthMiBs)},
    };
    const Result<void> written = m_migrationController->journal()->append(entry);
    if (!written)
        qCWarning(lcEvacuation, "Could not write to the journal: %s",
                  qUtf8Printable(written.error().toString()));
}

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
    OutageRun* current = run();
    if (!current || m_held)
        return;
    if (current->state == RunState::Running) {
        const OutageLimits& limits = current->plan.limits;
        const int parallel = std::max(1, limits.parallel);
        const int perLink = std::max(1, limits.perLink);
        int running = 0;
        QHash<QString, int> perPair;
        const auto pairOf = [this](const MoveRecord& record) {
            return m_planning->siteOf(record.move.fromNode) + u'>' + m_planning->siteOf(record.move.toNode);
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
    OutageRun* current = run();
    MoveRecord& record = current->records[index];
    const PlannedMove& move = record.move;
    const QStringList where = m_cluster->locationsOf(move.uuid);
    if (where == QStringList{move.toNode}) {
        // Already there (moved by hand, or by a migration that finished while nobody watched).
        record.status = MoveStatus::Done;
        record.started = record.finished = QDateTime::currentDateTimeUtc();
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
    record.error.clear();
    record.downtimeMs = -1;
    record.dataBytes = 0;
    ++record.attempts;
    // Written before the move starts: after a crash, a Running record means "look where it is".
    if (!save()) {
        record.status = MoveStatus::Pending;
        return false;
    }
    m_migrations->start(index, move, current->plan.limits);
    const InstanceSnapshot* instance = m_cluster->instance(move.uuid);
    const QString from = instance ? instance->node : move.fromNode;
    Q_EMIT message(tr("%1: %2 → %3 started").arg(move.name, from, move.toNode));
    changed(index);
    return true;
}

void OutageExecution::recordFailure(int index, const QString& why)
{
    OutageRun* current = run();
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
    FailurePolicy policy = *m_policy;
    if (policy == FailurePolicy::Retry && record.attempts >= Evacuation::MaxAttempts)
        policy = FailurePolicy::StopAndAsk;
    if (applies && policy == FailurePolicy::Retry) {
        record.status = MoveStatus::Pending;
        Q_EMIT message(tr("%1: trying again (attempt %2 of %3)")
                           .arg(record.move.name)
                           .arg(record.attempts + 1)
                           .arg(Evacuation::MaxAttempts));
    }
    const bool ask = applies && policy == FailurePolicy::StopAndAsk;
    if (ask) {
        current->state = RunState::Stopped;
        if (*m_waitingDecision < 0)
            *m_waitingDecision = index;
    }
    if (!save())
        return;
    changed(index);
    if (ask) {
        Q_EMIT stateChanged();
        if (*m_waitingDecision == index)
            Q_EMIT moveFailed(index, why);
    }
    schedulePump();
}

void OutageExecution::moveCancelledBeforeQueue(int index, const QString& why)
{
    MoveRecord& record = run()->records[index];
    record.status = MoveStatus::Cancelled;
    record.finished = QDateTime::currentDateTimeUtc();
    record.error = why;
    save();
    changed(index);
    maybeFinish();
}

void OutageExecution::moveEnded(int index, const MigrationRequest& request, const MigrationResult& result)
{
    MoveRecord& record = run()->records[index];
    record.finished = QDateTime::currentDateTimeUtc();
    record.dataBytes = result.dataTransferred;
    const QString& name = record.move.name;
    if (result.phase == MigrationPhase::Completed) {
        record.status = MoveStatus::Done;
        record.downtimeMs = result.downtimeMs;
        m_doneBytesThisSession += result.dataTransferred;
        const qint64 ms = result.wallTimeMs > 0 ? result.wallTimeMs : result.totalTimeMs;
        Q_EMIT message(record.downtimeMs >= 0
                           ? tr("%1: %2 → %3 done in %4 s, downtime %5 ms")
                                 .arg(name, request.sourceNode, request.destinationNode, seconds(ms))
                                 .arg(record.downtimeMs)
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
    OutageRun* current = run();
    if (!current || m_held)
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
    if (!m_power->isBusy())
        complete();
}

void OutageExecution::complete()
{
    OutageRun* current = run();
    current->state = RunState::Completed;
    current->finished = QDateTime::currentDateTimeUtc();
    m_state->phase =
        m_direction == OutageDirection::Evacuate ? OutagePhase::InMaintenance : OutagePhase::Ended;
    m_ended = true;
    m_tick->stop();
    m_migrations->restoreQueueLimits();
    save();
    journal(QStringLiteral("finished"));
    // This session's share: after a restart the time the console was away does not count.
    const qint64 ms = m_elapsed.isValid() ? m_elapsed.elapsed() : current->started.msecsTo(current->finished);
    const int failed = current->count(MoveStatus::Failed) + m_power->failures();
    Q_EMIT message(tr("%1 finished: %2 moved, %3 failed in %4 s")
                       .arg(runTitle())
                       .arg(current->count(MoveStatus::Done))
                       .arg(failed)
                       .arg(seconds(ms)));
    announceEnd();
}

void OutageExecution::endStopped()
{
    OutageRun* current = run();
    m_ended = true;
    m_tick->stop();
    m_migrations->restoreQueueLimits();
    save();
    journal(QStringLiteral("stopped"));
    const int left = current->count(MoveStatus::Pending) + current->count(MoveStatus::Cancelled) +
                     current->count(MoveStatus::Failed);
    Q_EMIT message(tr("%1 stopped: %2 moved, %3 not moved; resume to continue.")
                       .arg(runTitle())
                       .arg(current->count(MoveStatus::Done))
                       .arg(left));
    announceEnd();
}

void OutageExecution::announceEnd()
{
    Q_EMIT progressChanged();
    Q_EMIT stateChanged();
    Q_EMIT runFinished(*run());
}

int OutageExecution::migrationsInFlight() const
{
    return m_migrations->count();
}

void OutageExecution::cancelMigrations()
{
    m_migrations->cancelAll();
}

void OutageExecution::applyLimits(const OutageLimits& limits)
{
    if (isRunningOrPaused())
        m_migrations->raiseQueueLimits(run()->plan.limits);
    if (limits.bandwidthMiBs > 0)
        m_migrations->setBandwidth(limits.bandwidthMiBs);
}

void OutageExecution::restoreQueueLimits()
{
    m_migrations->restoreQueueLimits();
}

OutageProgress OutageExecution::progress() const
{
    OutageProgress progress;
    const OutageRun* current = run();
    if (!current)
        return progress;
    progress.total = int(current->records.size());
    progress.done = current->count(MoveStatus::Done);
    progress.failed = current->count(MoveStatus::Failed);
    progress.skipped = current->count(MoveStatus::Skipped) + current->count(MoveStatus::Cancelled);
    progress.running = current->count(MoveStatus::Running);
    quint64 remaining = 0;
    for (int i = 0; i < current->records.size(); ++i) {
        const MoveRecord& record = current->records.at(i);
        const quint64 memory = record.move.memoryKiB * 1024;
        progress.bytesTotal += memory;
        if (record.status == MoveStatus::Done) {
            progress.bytesMoved += record.dataBytes;
        } else if (record.status == MoveStatus::Running) {
            const quint64 sent = m_migrations->bytes(i);
            progress.bytesMoved += sent;
            remaining += memory > sent ? memory - sent : 0;
        } else if (record.status == MoveStatus::Pending) {
            remaining += memory;
        }
    }
    progress.elapsedMs = m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
    if (m_doneBytesThisSession > 0 && progress.elapsedMs > 0) {
        // The run's own pace so far, parallel moves included.
        const double bytesPerMs = double(m_doneBytesThisSession) / double(progress.elapsedMs);
        progress.etaMs = qint64(double(remaining) / bytesPerMs);
    }
    return progress;
}

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/outage/outageexecution.h"

#include <algorithm>

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSettings>
#include <QTimer>

#include "app/access/journal.h"
#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "app/outage/outagemigrations.h"
#include "app/outage/outagepoweractions.h"
#include "app/outage/outagereconciler.h"
#include "app/outage/outagestore.h"

Q_DECLARE_LOGGING_CATEGORY(lcEvacuation)

namespace kumo {

namespace {

constexpr int TickMs = 1000;

} // namespace

OutageExecution::OutageExecution(ClusterController* cluster, MigrationController* migrations,
                                 OutageStore* store, QObject* parent)
    : QObject(parent)
    , m_cluster(cluster)
    , m_migrationController(migrations)
    , m_store(store)
    , m_planning(cluster, store)
    , m_migrations(new OutageMigrations(migrations, this))
    , m_power(new OutagePowerActions(cluster, this))
    , m_reconciler(new OutageReconciler(cluster, this))
    , m_tick(new QTimer(this))
{
    m_tick->setInterval(TickMs);
    connect(m_tick, &QTimer::timeout, this, [this] {
        m_power->checkShutdowns();
        if (!m_serviceWaits.isEmpty())
            maybeFinish(); // a service verdict that does not come is not waited for forever
        Q_EMIT progressChanged();
    });
    connect(m_migrations, &OutageMigrations::failed, this, &OutageExecution::recordFailure);
    connect(m_migrations, &OutageMigrations::refused, this, &OutageExecution::moveRefused);
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
    connect(m_reconciler, &OutageReconciler::due, this, &OutageExecution::reconcile);
}

OutageExecution::~OutageExecution()
{
    m_migrations->restoreQueueLimits();
    if (m_state)
        m_store->unlock(m_state->site);
}

OutageRun* OutageExecution::currentRun()
{
    if (!m_state)
        return nullptr;
    return m_direction == OutageDirection::Evacuate ? &m_state->evacuation : &m_state->returnRun;
}

const OutageRun* OutageExecution::run() const
{
    return const_cast<OutageExecution*>(this)->currentRun();
}

QString OutageExecution::runTitle() const
{
    const QString name = m_planning.siteName(m_state ? m_state->site : QString());
    return m_direction == OutageDirection::Evacuate ? tr("Evacuation of %1").arg(name)
                                                    : tr("Return to %1").arg(name);
}

void OutageExecution::takeOver(const OutageState& state, OutageDirection direction)
{
    if (m_state && m_state->site != state.site)
        m_store->unlock(m_state->site); // one run at a time: the previous campus is free again
    m_state = state;
    m_direction = direction;
    m_migrations->clear();
    m_power->clear();
    m_elapsed.invalidate();
    m_doneBytesThisSession = 0;
    m_waitingDecision = -1;
    m_serviceWaits.clear();
}

bool OutageExecution::isRunningOrPaused() const
{
    const OutageRun* current = run();
    return current && (current->state == RunState::Running || current->state == RunState::Paused);
}

bool OutageExecution::isActive() const
{
    if (isReconciling())
        return true;
    const OutageRun* current = run();
    return current && (current->state == RunState::Running || current->state == RunState::Paused ||
                       current->state == RunState::Stopped);
}

bool OutageExecution::isReconciling() const
{
    return m_reconciler->isActive();
}

bool OutageExecution::isBusy() const
{
    return isReconciling() || isRunningOrPaused() || !m_migrations->isEmpty() || m_power->isBusy();
}

void OutageExecution::beginSession()
{
    m_ended = false;
    m_power->reset();
    if (!m_elapsed.isValid()) {
        m_elapsed.start();
        m_elapsedBefore = run() ? std::max<qint64>(0, run()->elapsedMs) : 0;
    }
    if (const OutageRun* current = run())
        m_migrations->raiseQueueLimits(current->plan.limits);
    m_tick->start();
}

bool OutageExecution::save()
{
    if (!m_state)
        return true;
    if (OutageRun* current = currentRun(); current && m_elapsed.isValid())
        current->elapsedMs = m_elapsedBefore + m_elapsed.elapsed();
    const Result<void> written = m_store->save(*m_state);
    if (written)
        return true;
    qCWarning(lcEvacuation, "Could not write the outage state: %s",
              qUtf8Printable(written.error().toString()));
    // Nothing may move without a durable record: stop starting moves.
    if (OutageRun* current = currentRun(); current && current->state == RunState::Running)
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
    QJsonObject entry{
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
    if (!current->plan.reason.isEmpty())
        entry.insert(QStringLiteral("reason"), current->plan.reason);
    const Result<void> written = m_migrationController->record(entry);
    if (!written)
        qCWarning(lcEvacuation, "Could not write to the journal: %s",
                  qUtf8Printable(written.error().toString()));
}

void OutageExecution::start(const OutageState& state, OutageDirection direction)
{
    m_migrations->restoreQueueLimits();
    takeOver(state, direction);
    if (direction == OutageDirection::Evacuate)
        m_cluster->setSiteMaintenance(state.site, true);
    beginSession();
    journal(QStringLiteral("started"));
    const OutagePlan& plan = run()->plan;
    qCDebug(lcEvacuation, "%s of %s started: %lld moves, parallel %d, per link %d, bandwidth %llu MiB/s",
            qUtf8Printable(directionKey(plan.direction)), qUtf8Printable(plan.site),
            qint64(plan.moves.size()), plan.limits.parallel, plan.limits.perLink, plan.limits.bandwidthMiBs);
    Q_EMIT message(tr("%1 started: %n move(s)", nullptr, int(plan.moves.size())).arg(runTitle()));
    Q_EMIT stateChanged();
    Q_EMIT progressChanged();
    schedulePump();
}

void OutageExecution::takeOverUnfinished(const OutageState& state)
{
    const bool returning = state.phase == OutagePhase::Returning;
    takeOver(state, returning ? OutageDirection::Return : OutageDirection::Evacuate);
    m_cluster->setSiteMaintenance(state.site, !returning);
    m_reconciler->begin();
    Q_EMIT message(tr("%1: resuming, looking first where every instance is now").arg(runTitle()));
    Q_EMIT stateChanged();
}

void OutageExecution::reconcile()
{
    OutageRun* current = currentRun();
    if (!current) {
        m_reconciler->end();
        return;
    }
    QStringList nodes;
    for (const MoveRecord& record : std::as_const(current->records))
        nodes << record.move.fromNode << record.move.toNode;
    for (const HomeRecord& home : std::as_const(m_state->homes))
        nodes << home.homeNode;
    nodes.removeDuplicates();
    const std::optional<OutageReconciliation> result =
        m_reconciler->look(*current, m_planning.hasHeardFrom(nodes));
    if (!result)
        return;
    for (const int i : result->decided) {
        const MoveRecord& record = current->records.at(i);
        if (result->arrived.contains(i))
            Q_EMIT message(
                tr("%1 reached %2 while the console was away").arg(record.move.name, record.move.toNode));
        Q_EMIT moveChanged(i);
    }
    if (result->isWaiting())
        return;
    m_reconciler->end();
    resume();
}

void OutageExecution::pause()
{
    OutageRun* current = currentRun();
    if (!current || current->state != RunState::Running)
        return;
    current->state = RunState::Paused;
    save();
    Q_EMIT message(tr("%1 paused: running moves finish, no new one starts").arg(runTitle()));
    Q_EMIT stateChanged();
}

void OutageExecution::resume()
{
    OutageRun* current = currentRun();
    if (!current || isReconciling())
        return;
    if (current->state == RunState::Stopped && !m_store->holdsLock(m_state->site)) {
        resumeReleased();
        return;
    }
    if (current->state == RunState::Paused) {
        current->state = RunState::Running;
    } else if (current->state == RunState::Stopped || current->state == RunState::NotStarted ||
               current->state == RunState::Running) {
        // Running here: a run taken over after a restart (see takeOverUnfinished).
        for (MoveRecord& record : current->records) {
            if (record.status == MoveStatus::Cancelled || record.status == MoveStatus::Failed) {
                record.status = MoveStatus::Pending;
                record.attempts = 0;
                record.error.clear();
            }
        }
        current->state = RunState::Running;
        m_waitingDecision = -1;
    } else {
        return;
    }
    const bool evacuating = m_direction == OutageDirection::Evacuate;
    m_cluster->setSiteMaintenance(m_state->site, evacuating);
    m_state->phase = evacuating ? OutagePhase::Evacuating : OutagePhase::Returning;
    if (!save())
        return;
    beginSession();
    journal(QStringLiteral("resumed"));
    Q_EMIT message(tr("%1 resumed: %n move(s) to go", nullptr,
                      current->count(MoveStatus::Pending) + current->count(MoveStatus::Running))
                       .arg(runTitle()));
    for (int i = 0; i < current->records.size(); ++i)
        Q_EMIT moveChanged(i);
    Q_EMIT stateChanged();
    Q_EMIT progressChanged();
    schedulePump();
}

void OutageExecution::resumeReleased()
{
    // The lock went when the run stopped: take it again, or say who holds it now. Another process
    // may have moved the run on meanwhile, so it is taken as the state file has it, and where
    // every instance is now is looked at first (as after a restart).
    const QString site = m_state->site;
    QString note;
    if (const Result<void> locked = m_store->lock(site, &note); !locked) {
        Q_EMIT message(locked.error().message);
        return;
    }
    if (!note.isEmpty())
        Q_EMIT message(note);
    const Result<OutageState> loaded = m_store->load(site);
    if (!loaded || !loaded->isUnfinished()) {
        m_store->unlock(site);
        Q_EMIT message(
            loaded ? tr("%1: nothing is left to resume; the run was finished elsewhere.").arg(runTitle())
                   : loaded.error().toString());
        return;
    }
    takeOverUnfinished(loaded.value());
}

void OutageExecution::abortAll()
{
    OutageRun* current = currentRun();
    if (!current)
        return;
    if (current->state != RunState::Running && current->state != RunState::Paused && !isReconciling())
        return;
    m_reconciler->end();
    current->state = RunState::Stopped;
    m_waitingDecision = -1;
    m_migrations->cancelAll(); // the instances stay where they are
    save();
    Q_EMIT message(tr("%1: abort requested, cancelling %n running move(s)", nullptr, migrationsInFlight())
                       .arg(runTitle()));
    Q_EMIT stateChanged();
    maybeFinish();
}

Result<void> OutageExecution::setLimits(const OutageLimits& limits)
{
    OutageRun* current = currentRun();
    if (!current || current->state == RunState::Completed)
        return Error{ErrorCode::InvalidInput, {}, tr("No run is in progress."), {}, 0, 0};
    const OutageLimits previous = current->plan.limits;
    current->plan.limits = limits;
    if (!save()) {
        current->plan.limits = previous;
        return Error{ErrorCode::Io,
                     m_store->pathFor(m_state->site),
                     tr("The new limits could not be recorded."),
                     {},
                     0,
                     0};
    }
    // Raise the queue's limits and pass a new bandwidth cap to running moves.
    if (isRunningOrPaused())
        m_migrations->raiseQueueLimits(current->plan.limits);
    if (limits.bandwidthMiBs > 0)
        m_migrations->setBandwidth(limits.bandwidthMiBs);
    Q_EMIT stateChanged();
    schedulePump();
    return {};
}

void OutageExecution::resolveFailure(FailureDecision decision)
{
    OutageRun* current = currentRun();
    const int index = m_waitingDecision;
    if (!current || index < 0 || index >= current->records.size())
        return;
    m_waitingDecision = -1;
    MoveRecord& record = current->records[index];
    switch (decision) {
    case FailureDecision::Retry:
        if (record.status == MoveStatus::Failed)
            record.status = MoveStatus::Pending;
        break;
    case FailureDecision::Skip:
        if (record.status == MoveStatus::Failed)
            record.status = MoveStatus::Skipped;
        break;
    case FailureDecision::Stop:
        save();
        maybeFinish();
        return;
    }
    current->state = RunState::Running;
    if (!save())
        return;
    if (m_ended)
        beginSession();
    Q_EMIT moveChanged(index);
    Q_EMIT stateChanged();
    schedulePump();
}

FailurePolicy OutageExecution::failurePolicyFromSettings()
{
    const QString value =
        QSettings().value(QStringLiteral("outage/onFailure"), QStringLiteral("ask")).toString();
    if (value == QLatin1String("retry"))
        return FailurePolicy::Retry;
    if (value == QLatin1String("skip"))
        return FailurePolicy::Skip;
    return FailurePolicy::StopAndAsk;
}

OutageProgress OutageExecution::progress() const
{
    const OutageRun* current = run();
    if (!current)
        return {};
    QHash<int, quint64> runningBytes;
    for (int i = 0; i < current->records.size(); ++i) {
        if (current->records.at(i).status == MoveStatus::Running)
            runningBytes.insert(i, m_migrations->bytes(i));
    }
    return OutageProgress::of(*current, runningBytes, m_elapsed.isValid() ? m_elapsed.elapsed() : 0,
                              m_doneBytesThisSession);
}

} // namespace kumo

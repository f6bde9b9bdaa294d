// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/outage/evacuation.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSettings>
#include <QTimer>

#include "app/cluster/clustercontroller.h"
#include "app/outage/outagedryrun.h"
#include "app/outage/outageexecution.h"
#include "app/outage/outageplanning.h"
#include "app/outage/outagestore.h"
#include "core/outagereconciliation.h"

Q_LOGGING_CATEGORY(lcEvacuation, "kumo.outage")

namespace kumo {

namespace {

// After a restart: how long to wait for silent nodes before reconciling with what is known, and
// how long an instance may be seen on two nodes (a migration libvirt is still finishing).
constexpr qint64 HearFromNodesTimeoutMs = 60000;
constexpr qint64 TwoNodesTimeoutMs = 180000;
constexpr int ReconcilePollMs = 500;

Error error(ErrorCode code, const QString& object, const QString& message)
{
    return Error{code, object, message, {}, 0, 0};
}

} // namespace

// Evacuation's parts: planning and the dry run answer before a run; the execution carries the run
// out; the reconciliation after a restart (here) finds where each instance is before it goes on.
struct Evacuation::Impl
{
    Impl(Evacuation* evacuation, OutageStore* store);

    Evacuation* q;
    OutagePlanning planning;
    OutageDryRun* dryRun;
    OutageExecution* execution;
    QTimer* reconcileTimer;
    QElapsedTimer reconcileSince;
    QHash<int, QElapsedTimer> seenTwice; // record -> since when its instance is on two nodes

    [[nodiscard]] bool isReconciling() const { return execution->isHeld(); }
    void reconcile();
    void stopReconciling();
};

Evacuation::Impl::Impl(Evacuation* evacuation, OutageStore* store)
    : q(evacuation)
    , planning(evacuation->m_cluster, store)
    , dryRun(new OutageDryRun(evacuation->m_cluster, evacuation->m_migrations, evacuation))
    , execution(new OutageExecution(evacuation->m_cluster, evacuation->m_migrations, store, &planning,
                                    &evacuation->m_policy, &evacuation->m_waitingDecision, evacuation))
    , reconcileTimer(new QTimer(evacuation))
{}

void Evacuation::Impl::reconcile()
{
    OutageRun* current = execution->run();
    if (!current) {
        execution->setHeld(false);
        reconcileTimer->stop();
        return;
    }
    QStringList nodes;
    for (const MoveRecord& record : std::as_const(current->records))
        nodes << record.move.fromNode << record.move.toNode;
    for (const HomeRecord& home : std::as_const(execution->state()->homes))
        nodes << home.homeNode;
    nodes.removeDuplicates();
    if (!planning.hasHeardFrom(nodes) && reconcileSince.elapsed() < HearFromNodesTimeoutMs)
        return;

    QHash<QString, QStringList> locations;
    for (const MoveRecord& record : std::as_const(current->records)) {
        if (record.status == MoveStatus::Running || record.status == MoveStatus::Pending)
            locations.insert(record.move.uuid, q->m_cluster->locationsOf(record.move.uuid));
    }
    QSet<int> twoNodesTimedOut;
    for (auto it = seenTwice.cbegin(); it != seenTwice.cend(); ++it) {
        if (it->elapsed() >= TwoNodesTimeoutMs)
            twoNodesTimedOut.insert(it.key());
    }
    const OutageReconciliation result =
        OutageReconciliation::apply(*current, locations, twoNodesTimedOut, QDateTime::currentDateTimeUtc());
    for (const int i : result.onTwoNodes) {
        // libvirt is still finishing a migration the previous console started.
        if (!seenTwice.contains(i))
            seenTwice[i].start();
    }
    for (const int i : result.decided) {
        const MoveRecord& record = current->records.at(i);
        if (result.arrived.contains(i))
            Q_EMIT q->message(
                tr("%1 reached %2 while the console was away").arg(record.move.name, record.move.toNode));
        Q_EMIT q->moveChanged(i);
    }
    if (result.isWaiting())
        return;
    stopReconciling();
    q->resume();
}

void Evacuation::Impl::stopReconciling()
{
    execution->setHeld(false);
    reconcileTimer->stop();
    seenTwice.clear();
}

// ---------------------------------------------------------------------------------------------

Evacuation::Evacuation(ClusterController* cluster, MigrationController* migrations, OutageStore* store,
                       QObject* parent)
    : QObject(parent)
    , m_cluster(cluster)
    , m_migrations(migrations)
    , m_store(store)
{
    qRegisterMetaType<kumo::OutagePlan>();
    qRegisterMetaType<kumo::OutageRun>();
    qRegisterMetaType<QList<kumo::PreflightResult>>();
    if (!m_store) {
        m_store = new OutageStore;
        m_ownsStore = true;
    }
    m_impl = std::make_unique<Impl>(this, m_store);
    m_impl->reconcileTimer->setInterval(ReconcilePollMs);
    connect(m_impl->reconcileTimer, &QTimer::timeout, this, [this] { m_impl->reconcile(); });

    // A campus evacuated before a restart stays closed to new instances until its outage ends.
    for (const OutageState& state : m_store->all()) {
        if (state.phase == OutagePhase::Evacuating || state.phase == OutagePhase::InMaintenance)
            m_cluster->setSiteMaintenance(state.site, true);
    }

    connect(m_impl->dryRun, &OutageDryRun::finished, this,
            [this](const OutagePlan& plan, const QList<PreflightResult>& results) {
                m_dryRun.reset();
                Q_EMIT dryRunFinished(plan, results);
            });
    OutageExecution* execution = m_impl->execution;
    connect(execution, &OutageExecution::stateChanged, this, &Evacuation::stateChanged);
    connect(execution, &OutageExecution::moveChanged, this, &Evacuation::moveChanged);
    connect(execution, &OutageExecution::progressChanged, this, &Evacuation::progressChanged);
    connect(execution, &OutageExecution::moveFailed, this, &Evacuation::moveFailed);
    connect(execution, &OutageExecution::runFinished, this, &Evacuation::runFinished);
    connect(execution, &OutageExecution::message, this, &Evacuation::message);
    connect(execution, &OutageExecution::storeFailed, this, &Evacuation::storeFailed);
}

Evacuation::~Evacuation()
{
    // The execution, a child, puts the queue's limits back when it goes.
    if (m_ownsStore)
        delete m_store;
}

PlannerRules Evacuation::rules() const
{
    return m_impl->planning.rules(m_impl->dryRun->cpuIncompatible());
}

PlannerInput Evacuation::plannerInput(const PlannerRules& rules) const
{
    return m_impl->planning.input(rules);
}

OutagePlan Evacuation::planEvacuation(const QString& site) const
{
    return planEvacuation(site, rules());
}

OutagePlan Evacuation::planEvacuation(const QString& site, const PlannerRules& rules) const
{
    return Planner::planEvacuation(m_impl->planning.inputFor(OutageDirection::Evacuate, site, rules), site);
}

Result<OutagePlan> Evacuation::planReturn(const QString& site) const
{
    const OutageExecution* execution = m_impl->execution;
    if (execution->state() && execution->state()->site == site &&
        (m_impl->isReconciling() || execution->isRunningOrPaused()))
        return error(ErrorCode::InvalidInput, site,
                     tr("%1 is still running; pause or stop it first.").arg(execution->runTitle()));
    return m_impl->planning.planReturn(site, rules());
}

QList<PlanProblem> Evacuation::validate(const OutagePlan& plan) const
{
    return Planner::validate(plan, m_impl->planning.inputFor(plan.direction, plan.site, rules()));
}

void Evacuation::dryRun(const OutagePlan& plan)
{
    m_dryRun = plan;
    m_impl->dryRun->start(plan);
}

Result<void> Evacuation::start(const OutagePlan& plan)
{
    OutageExecution* execution = m_impl->execution;
    if (execution->isBusy())
        return error(
            ErrorCode::InvalidInput, plan.site,
            tr("%1 is still running; wait for it to end or stop it first.").arg(execution->runTitle()));

    Result<OutageState> loaded = m_store->load(plan.site);
    if (!loaded && loaded.error().code != ErrorCode::NotFound)
        return loaded.error(); // never overwrite home nodes that could not be read
    std::optional<OutageState> previous;
    if (loaded)
        previous = loaded.value();

    OutageState state;
    if (plan.direction == OutageDirection::Evacuate) {
        if (previous && previous->phase == OutagePhase::Returning && previous->isUnfinished())
            return error(ErrorCode::InvalidInput, plan.site,
                         tr("The return of %1 did not finish; resume it before evacuating again.")
                             .arg(m_impl->planning.siteName(plan.site)));
        // Homes already recorded win: an instance evacuated twice still belongs where it began.
        if (previous && previous->phase != OutagePhase::Ended)
            state.homes = previous->homes;
    } else {
        if (!previous)
            return m_impl->planning.nothingToReturn(plan.site);
        state = *previous;
    }

    const bool wasInMaintenance = m_cluster->maintenanceSites().contains(plan.site);
    if (plan.direction == OutageDirection::Return && wasInMaintenance)
        m_cluster->setSiteMaintenance(plan.site, false);
    const QList<PlanProblem> problems = validate(plan);
    if (!problems.isEmpty()) {
        if (plan.direction == OutageDirection::Return && wasInMaintenance)
            m_cluster->setSiteMaintenance(plan.site, true);
        QStringList reasons;
        for (const PlanProblem& problem : problems)
            reasons.append(problem.message);
        Error refused = error(ErrorCode::InvalidInput, plan.site,
                              tr("The plan cannot start: %1").arg(reasons.join(u' ')));
        refused.detail = reasons.join(u'\n');
        return refused;
    }

    state.site = plan.site;
    OutageRun run = OutageRun::fromPlan(plan);
    run.state = RunState::Running;
    run.started = QDateTime::currentDateTimeUtc();
    if (plan.direction == OutageDirection::Evacuate) {
        state.phase = OutagePhase::Evacuating;
        for (const PlannedMove& move : plan.moves) {
            if (!state.homes.contains(move.uuid))
                state.homes.insert(
                    move.uuid,
                    HomeRecord{move.name, move.homeNode.isEmpty() ? move.fromNode : move.homeNode, false});
        }
        for (const UnplacedInstance& unplaced : plan.toShutDown()) {
            if (!state.homes.contains(unplaced.uuid))
                state.homes.insert(
                    unplaced.uuid,
                    HomeRecord{unplaced.name,
                               unplaced.homeNode.isEmpty() ? unplaced.fromNode : unplaced.homeNode, false});
        }
        state.evacuation = run;
        // Not planned yet: no moves, but it names its site and direction.
        state.returnRun = OutageRun{};
        state.returnRun.plan.site = plan.site;
        state.returnRun.plan.direction = OutageDirection::Return;
    } else {
        state.phase = OutagePhase::Returning;
        state.returnRun = run;
    }

    // Durable before anything moves.
    const Result<void> written = m_store->save(state);
    if (!written) {
        if (plan.direction == OutageDirection::Return && wasInMaintenance)
            m_cluster->setSiteMaintenance(plan.site, true);
        return written.error();
    }
    execution->restoreQueueLimits();
    execution->takeOver(state, plan.direction);
    if (plan.direction == OutageDirection::Evacuate)
        m_cluster->setSiteMaintenance(plan.site, true);
    execution->beginSession();
    execution->journal(QStringLiteral("started"));
    qCDebug(lcEvacuation, "%s of %s started: %lld moves, parallel %d, per link %d, bandwidth %llu MiB/s",
            qUtf8Printable(directionKey(plan.direction)), qUtf8Printable(plan.site),
            qint64(plan.moves.size()), plan.limits.parallel, plan.limits.perLink, plan.limits.bandwidthMiBs);
    Q_EMIT message(tr("%1 started: %2 moves").arg(execution->runTitle()).arg(plan.moves.size()));
    Q_EMIT stateChanged();
    Q_EMIT progressChanged();
    execution->schedulePump();
    return {};
}

void Evacuation::pause()
{
    OutageExecution* execution = m_impl->execution;
    OutageRun* current = execution->run();
    if (!current || current->state != RunState::Running)
        return;
    current->state = RunState::Paused;
    execution->save();
    Q_EMIT message(tr("%1 paused: running moves finish, no new one starts").arg(execution->runTitle()));
    Q_EMIT stateChanged();
}

void Evacuation::resume()
{
    OutageExecution* execution = m_impl->execution;
    OutageRun* current = execution->run();
    if (!current || m_impl->isReconciling())
        return;
    if (current->state == RunState::Paused) {
        current->state = RunState::Running;
    } else if (current->state == RunState::Stopped || current->state == RunState::NotStarted ||
               current->state == RunState::Running) {
        // Running here: a run taken over after a restart (see resumeUnfinished).
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
    OutageState& state = *execution->state();
    const bool evacuating = execution->direction() == OutageDirection::Evacuate;
    m_cluster->setSiteMaintenance(state.site, evacuating);
    state.phase = evacuating ? OutagePhase::Evacuating : OutagePhase::Returning;
    if (!execution->save())
        return;
    execution->beginSession();
    execution->journal(QStringLiteral("resumed"));
    Q_EMIT message(tr("%1 resumed: %2 moves to go")
                       .arg(execution->runTitle())
                       .arg(current->count(MoveStatus::Pending) + current->count(MoveStatus::Running)));
    for (int i = 0; i < current->records.size(); ++i)
        Q_EMIT moveChanged(i);
    Q_EMIT stateChanged();
    Q_EMIT progressChanged();
    execution->schedulePump();
}

void Evacuation::abortAll()
{
    OutageExecution* execution = m_impl->execution;
    OutageRun* current = execution->run();
    if (!current)
        return;
    if (current->state != RunState::Running && current->state != RunState::Paused && !m_impl->isReconciling())
        return;
    m_impl->stopReconciling();
    current->state = RunState::Stopped;
    m_waitingDecision = -1;
    execution->cancelMigrations();
    execution->save();
    Q_EMIT message(
        tr("%1: abort requested, cancelling %n running move(s)", nullptr, execution->migrationsInFlight())
            .arg(execution->runTitle()));
    Q_EMIT stateChanged();
    execution->maybeFinish();
}

void Evacuation::resolveFailure(FailureDecision decision)
{
    OutageExecution* execution = m_impl->execution;
    OutageRun* current = execution->run();
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
        execution->save();
        execution->maybeFinish();
        return;
    }
    current->state = RunState::Running;
    if (!execution->save())
        return;
    if (execution->hasEnded())
        execution->beginSession();
    Q_EMIT moveChanged(index);
    Q_EMIT stateChanged();
    execution->schedulePump();
}

FailurePolicy Evacuation::failurePolicyFromSettings()
{
    const QString value =
        QSettings().value(QStringLiteral("outage/onFailure"), QStringLiteral("ask")).toString();
    if (value == QLatin1String("retry"))
        return FailurePolicy::Retry;
    if (value == QLatin1String("skip"))
        return FailurePolicy::Skip;
    return FailurePolicy::StopAndAsk;
}

Result<void> Evacuation::setLimits(const OutageLimits& limits)
{
    OutageExecution* execution = m_impl->execution;
    OutageRun* current = execution->run();
    if (!current || current->state == RunState::Completed)
        return error(ErrorCode::InvalidInput, {}, tr("No run is in progress."));
    const OutageLimits previous = current->plan.limits;
    current->plan.limits = limits;
    if (!execution->save()) {
        current->plan.limits = previous;
        return error(ErrorCode::Io, m_store->pathFor(execution->state()->site),
                     tr("The new limits could not be recorded."));
    }
    execution->applyLimits(limits);
    Q_EMIT stateChanged();
    execution->schedulePump();
    return {};
}

QList<OutageState> Evacuation::unfinished() const
{
    QList<OutageState> result;
    for (const OutageState& state : m_store->all()) {
        if (state.isUnfinished())
            result.append(state);
    }
    return result;
}

Result<void> Evacuation::resumeUnfinished(const QString& site)
{
    OutageExecution* execution = m_impl->execution;
    if (execution->state() && execution->state()->site == site &&
        (m_impl->isReconciling() || execution->migrationsInFlight() > 0)) {
        resume();
        return {};
    }
    if (execution->isBusy())
        return error(
            ErrorCode::InvalidInput, site,
            tr("%1 is still running; wait for it to end or stop it first.").arg(execution->runTitle()));
    Result<OutageState> loaded = m_store->load(site);
    if (!loaded)
        return loaded.error();
    if (!loaded->isUnfinished())
        return error(ErrorCode::NotFound, site,
                     tr("The outage of %1 has nothing left to resume.").arg(m_impl->planning.siteName(site)));
    const bool returning = loaded->phase == OutagePhase::Returning;
    execution->takeOver(loaded.value(), returning ? OutageDirection::Return : OutageDirection::Evacuate);
    m_cluster->setSiteMaintenance(site, !returning);
    execution->setHeld(true);
    m_impl->reconcileSince.start();
    m_impl->seenTwice.clear();
    Q_EMIT message(tr("%1: resuming, looking first where every instance is now").arg(execution->runTitle()));
    Q_EMIT stateChanged();
    m_impl->reconcileTimer->start();
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_impl->isReconciling())
                m_impl->reconcile();
        },
        Qt::QueuedConnection);
    return {};
}

Result<void> Evacuation::endMaintenance(const QString& site)
{
    const OutageExecution* execution = m_impl->execution;
    if (execution->state() && execution->state()->site == site &&
        execution->direction() == OutageDirection::Evacuate &&
        (m_impl->isReconciling() || execution->isRunningOrPaused()))
        return error(ErrorCode::InvalidInput, site,
                     tr("%1 is still running; pause or stop it first.").arg(execution->runTitle()));
    if (!m_cluster->maintenanceSites().contains(site))
        return {};
    m_cluster->setSiteMaintenance(site, false);
    Q_EMIT message(tr("%1 takes instances again").arg(m_impl->planning.siteName(site)));
    Q_EMIT stateChanged();
    return {};
}

bool Evacuation::hasHeardFrom(const QStringList& nodes) const
{
    return m_impl->planning.hasHeardFrom(nodes);
}

bool Evacuation::isActive() const
{
    const OutageRun* current = m_impl->execution->run();
    if (m_impl->isReconciling())
        return true;
    return current && (current->state == RunState::Running || current->state == RunState::Paused ||
                       current->state == RunState::Stopped);
}

const OutageState* Evacuation::state() const
{
    return m_impl->execution->state();
}

OutageProgress Evacuation::progress() const
{
    return m_impl->execution->progress();
}

} // namespace kumo

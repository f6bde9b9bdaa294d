// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/outage/evacuation.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QScopeGuard>

#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "app/outage/outagedryrun.h"
#include "app/outage/outageexecution.h"
#include "app/outage/outagestore.h"

Q_LOGGING_CATEGORY(lcEvacuation, "kumo.outage")

namespace kumo {

namespace {

Error error(ErrorCode code, const QString& object, const QString& message)
{
    return Error{code, object, message, {}, 0, 0};
}

} // namespace

Evacuation::Evacuation(ClusterController* cluster, MigrationController* migrations, OutageStore* store,
                       QObject* parent)
    : QObject(parent)
    , m_cluster(cluster)
    , m_migrations(migrations)
    , m_store(store ? store : new OutageStore)
    , m_ownsStore(!store)
    , m_planning(cluster, m_store)
    , m_dryRunner(new OutageDryRun(cluster, migrations, this))
    , m_execution(new OutageExecution(cluster, migrations, m_store, this))
{
    qRegisterMetaType<kumo::OutagePlan>();
    qRegisterMetaType<kumo::OutageRun>();
    qRegisterMetaType<QList<kumo::PreflightResult>>();

    // A campus evacuated before a restart stays closed to new instances until its outage ends.
    for (const OutageState& state : m_store->all()) {
        if (state.phase == OutagePhase::Evacuating || state.phase == OutagePhase::InMaintenance)
            m_cluster->setSiteMaintenance(state.site, true);
    }

    connect(m_dryRunner, &OutageDryRun::finished, this, &Evacuation::onDryRunFinished);
}

Evacuation::~Evacuation()
{
    // The execution (a child) goes first: it puts the queue's limits back and writes to the store
    // until then.
    delete m_execution;
    if (m_ownsStore)
        delete m_store;
}

PlannerRules Evacuation::rules() const
{
    PlannerRules rules = m_planning.rules(m_dryRunner->cpuIncompatible());
    rules.refused = m_dryRunner->refused();
    return rules;
}

PlannerInput Evacuation::plannerInput(const PlannerRules& rules) const
{
    return m_planning.input(rules);
}

OutagePlan Evacuation::planEvacuation(const QString& site) const
{
    return planEvacuation(site, rules());
}

OutagePlan Evacuation::planEvacuation(const QString& site, const PlannerRules& rules) const
{
    OutagePlan plan =
        Planner::planEvacuation(m_planning.inputFor(OutageDirection::Evacuate, site, rules), site);
    resolveTransports(plan);
    return plan;
}

void Evacuation::resolveTransports(OutagePlan& plan) const
{
    // The options the moves will run with (OutageMigrations keeps their transport settings); the
    // file's inventory, since maintenance flags do not change a path.
    plan.resolveTransports(m_cluster->fileInventory(), m_migrations->defaultOptions());
}

Result<OutagePlan> Evacuation::planReturn(const QString& site) const
{
    const OutageExecution* execution = m_execution;
    if (execution->state() && execution->state()->site == site &&
        (execution->isReconciling() || execution->isRunningOrPaused()))
        return error(ErrorCode::InvalidInput, site,
                     tr("%1 is still running; pause or stop it first.").arg(execution->runTitle()));
    Result<OutagePlan> plan = m_planning.planReturn(site, rules());
    if (plan)
        resolveTransports(plan.value());
    return plan;
}

QList<PlanProblem> Evacuation::validate(const OutagePlan& plan) const
{
    return Planner::validate(plan, m_planning.inputFor(plan.direction, plan.site, rules()));
}

void Evacuation::dryRun(const OutagePlan& plan)
{
    m_dryRun = plan;
    m_dryRunRounds = 0;
    m_dryRunner->start(plan);
}

void Evacuation::noteRefusal(const PreflightResult& result)
{
    m_dryRunner->noteResult(result);
}

OutagePlan Evacuation::replan(const OutagePlan& plan) const
{
    OutagePlan replanned = Planner::replan(plan, m_planning.inputFor(plan.direction, plan.site, rules()));
    if (replanned.moves != plan.moves)
        resolveTransports(replanned);
    return replanned;
}

void Evacuation::onDryRunFinished(const OutagePlan& plan, const QList<PreflightResult>& results)
{
    // A move its target refused is placed again where nothing refused it, and the new plan is
    // checked again: bounded, since each round only adds refusals and a plan that stops changing
    // ends it. A move no other node takes stays as it was: its refusal is the dry run's answer.
    if (m_dryRunRounds < MaxReplanRounds) {
        const OutagePlan replanned = replan(plan);
        OutagePlan adopted = plan;
        for (PlannedMove& move : adopted.moves) {
            const int found = replanned.indexOfMove(move.uuid);
            if (found < 0 || replanned.moves.at(found).toNode == move.toNode)
                continue;
            const PlannedMove& placed = replanned.moves.at(found);
            Q_EMIT message(tr("%1: re-planned from %2 to %3. %4")
                               .arg(move.name, move.toNode, placed.toNode, placed.note));
            move = placed;
        }
        if (adopted.moves != plan.moves) {
            ++m_dryRunRounds;
            m_dryRun = adopted;
            m_dryRunner->start(adopted);
            return;
        }
    }
    m_dryRun.reset();
    Q_EMIT dryRunFinished(plan, results);
}

Result<void> Evacuation::start(const OutagePlan& plan)
{
    // Before anything is written: a read-only console (or node) starts no run at all.
    QStringList nodes;
    for (const PlannedMove& move : plan.moves)
        nodes << move.fromNode << move.toNode;
    for (const UnplacedInstance& instance : plan.toShutDown())
        nodes << instance.fromNode << instance.homeNode;
    if (const Result<void> writable = m_cluster->checkWritable(nodes); !writable)
        return writable.error();
    const OutageExecution* execution = m_execution;
    if (execution->isBusy())
        return error(
            ErrorCode::InvalidInput, plan.site,
            tr("%1 is still running; wait for it to end or stop it first.").arg(execution->runTitle()));

    // One owner per campus run: refused (naming the owner) while another process runs it.
    bool started = false;
    const bool hadLock = m_store->holdsLock(plan.site);
    if (const Result<void> locked = takeLock(plan.site); !locked)
        return locked.error();
    const auto releaseUnlessStarted = qScopeGuard([&] {
        if (!started && !hadLock)
            m_store->unlock(plan.site);
    });

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
                             .arg(m_planning.siteName(plan.site)));
        // Homes already recorded win: an instance evacuated twice still belongs where it began.
        if (previous && previous->phase != OutagePhase::Ended)
            state.homes = previous->homes;
    } else {
        if (!previous)
            return m_planning.nothingToReturn(plan.site);
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
    started = true;
    m_execution->start(state, plan.direction);
    return {};
}

QList<OutageState> Evacuation::unfinished() const
{
    QList<OutageState> result;
    for (const OutageState& state : m_store->all()) {
        if (state.isUnfinished() && !m_store->lockOwner(state.site))
            result.append(state);
    }
    return result;
}

QList<std::pair<OutageState, OutageLockOwner>> Evacuation::runningElsewhere() const
{
    QList<std::pair<OutageState, OutageLockOwner>> result;
    for (const OutageState& state : m_store->all()) {
        if (!state.isUnfinished())
            continue;
        if (const std::optional<OutageLockOwner> owner = m_store->lockOwner(state.site))
            result.append({state, *owner});
    }
    return result;
}

Result<void> Evacuation::takeLock(const QString& site)
{
    QString note;
    Result<void> locked = m_store->lock(site, &note);
    if (locked && !note.isEmpty())
        Q_EMIT message(note);
    return locked;
}

Result<void> Evacuation::resumeUnfinished(const QString& site)
{
    if (const Result<void> writable = m_cluster->checkWritable({}); !writable)
        return writable.error();
    const OutageExecution* execution = m_execution;
    if (execution->state() && execution->state()->site == site &&
        (execution->isReconciling() || execution->migrationsInFlight() > 0)) {
        m_execution->resume();
        return {};
    }
    if (execution->isBusy())
        return error(
            ErrorCode::InvalidInput, site,
            tr("%1 is still running; wait for it to end or stop it first.").arg(execution->runTitle()));
    const bool hadLock = m_store->holdsLock(site);
    if (const Result<void> locked = takeLock(site); !locked)
        return locked.error();
    Result<OutageState> loaded = m_store->load(site);
    if (!loaded || !loaded->isUnfinished()) {
        if (!hadLock)
            m_store->unlock(site);
        if (!loaded)
            return loaded.error();
        return error(ErrorCode::NotFound, site,
                     tr("The outage of %1 has nothing left to resume.").arg(m_planning.siteName(site)));
    }
    m_execution->takeOverUnfinished(loaded.value());
    return {};
}

Result<void> Evacuation::endMaintenance(const QString& site)
{
    if (const Result<void> writable = m_cluster->checkWritable({}); !writable)
        return writable.error();
    const OutageExecution* execution = m_execution;
    if (execution->state() && execution->state()->site == site &&
        execution->direction() == OutageDirection::Evacuate &&
        (execution->isReconciling() || execution->isRunningOrPaused()))
        return error(ErrorCode::InvalidInput, site,
                     tr("%1 is still running; pause or stop it first.").arg(execution->runTitle()));
    if (!m_cluster->maintenanceSites().contains(site))
        return {};
    m_cluster->setSiteMaintenance(site, false);
    Q_EMIT message(tr("%1 takes instances again").arg(m_planning.siteName(site)));
    return {};
}

bool Evacuation::hasHeardFrom(const QStringList& nodes) const
{
    return m_planning.hasHeardFrom(nodes);
}

} // namespace kumo

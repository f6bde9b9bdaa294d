// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "evacuation.h"

#include <algorithm>

#include <QDateTime>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSettings>
#include <QTimer>

#include "clustercontroller.h"
#include "journal.h"
#include "language.h"
#include "migrationcontroller.h"
#include "migrationqueue.h"
#include "outagestore.h"

Q_LOGGING_CATEGORY(lcEvacuation, "kumo.outage")

namespace kumo {

namespace {

// How long a guest may take to power off after the ACPI request before it counts as a failure.
constexpr qint64 ShutdownTimeoutMs = 120000;
// After a restart: how long to wait for silent nodes before reconciling with what is known, and
// how long an instance may be seen on two nodes (a migration libvirt is still finishing).
constexpr qint64 HearFromNodesTimeoutMs = 60000;
constexpr qint64 TwoNodesTimeoutMs = 180000;
constexpr int TickMs = 1000;
constexpr int ReconcilePollMs = 500;

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1);
}

Error error(ErrorCode code, const QString& object, const QString& message)
{
    return Error{code, object, message, {}, 0, 0};
}

} // namespace

struct Evacuation::Impl
{
    // What this console session knows about a move it handed to the MigrationController.
    struct Live
    {
        quint64 requestId = 0;
        quint64 jobId = 0; // 0 while the pre-flight runs
        quint64 bytes = 0;
        bool cancel = false; // abort-all came before the job existed
    };
    // A shut-down (evacuation) or start (return) of an instance that is not moved.
    struct Aux
    {
        QString uuid;
        QString name;
        InstanceAction action = InstanceAction::Shutdown;
        quint64 actionId = 0;
        bool acknowledged = false; // the session carried out the request
        QElapsedTimer since;
    };

    Evacuation* q = nullptr;
    std::optional<OutageState> state;
    OutageDirection direction = OutageDirection::Evacuate; // which run of `state` is current
    QHash<int, Live> live;
    QList<Aux> aux;
    bool auxStarted = false;
    int auxFailed = 0;
    bool finishedEmitted = false;
    bool reconciling = false;
    QElapsedTimer reconcileSince;
    QHash<int, QElapsedTimer> seenTwice; // record -> since when its instance is on two nodes
    bool pumpQueued = false;
    QElapsedTimer elapsed;
    quint64 doneBytesThisSession = 0;
    std::optional<std::pair<int, int>> savedQueueLimits;
    QTimer* tick = nullptr;
    QTimer* reconcileTimer = nullptr;
    QHash<QString, QHash<QString, QString>> cpuIncompatible;
    QHash<quint64, int> dryRequests;
    QList<PreflightResult> dryResults;

    OutageRun* run()
    {
        if (!state)
            return nullptr;
        return direction == OutageDirection::Evacuate ? &state->evacuation : &state->returnRun;
    }
    const OutageRun* run() const { return const_cast<Impl*>(this)->run(); }

    [[nodiscard]] QString siteName(const QString& site) const;
    [[nodiscard]] QString siteOf(const QString& node) const;
    [[nodiscard]] QString runTitle() const;
    [[nodiscard]] PlannerInput inputFor(OutageDirection direction, const QString& site,
                                        const PlannerRules& rules) const;
    [[nodiscard]] int indexOfRequest(quint64 requestId) const;
    [[nodiscard]] int indexOfJob(quint64 jobId) const;
    [[nodiscard]] MigrationOptions optionsFor(const OutageRun& run) const;

    bool save();
    void changed(int index);
    void schedulePump();
    void pump();
    bool startMove(int index);
    void recordFailure(int index, const QString& why);
    void maybeFinish();
    void complete();
    void endStopped();
    void startAux();
    void auxFinished(int auxIndex, const QString& failure);
    void onTick();
    void reconcile();
    void raiseQueueLimits();
    void restoreQueueLimits();
    void journal(const QString& event);
    void beginSession();
};

QString Evacuation::Impl::siteName(const QString& site) const
{
    const Site* found = q->m_cluster->fileInventory().site(site);
    return found ? found->displayName(language::current()) : site;
}

QString Evacuation::Impl::siteOf(const QString& node) const
{
    const NodeConfig* config = q->m_cluster->fileInventory().node(node);
    return config ? config->site : QString();
}

QString Evacuation::Impl::runTitle() const
{
    const QString name = siteName(state ? state->site : QString());
    return direction == OutageDirection::Evacuate ? tr("Evacuation of %1").arg(name)
                                                  : tr("Return to %1").arg(name);
}

PlannerInput Evacuation::Impl::inputFor(OutageDirection dir, const QString& site,
                                        const PlannerRules& rules) const
{
    PlannerInput input = q->plannerInput(rules);
    if (dir == OutageDirection::Return && q->m_cluster->maintenanceSites().contains(site)) {
        // The return itself ends the site's maintenance (start() does it first): plan and check
        // the way the nodes will be then, other sites' overlays kept.
        const QSet<QString> others = q->m_cluster->maintenanceSites() - QSet<QString>{site};
        input.inventory = q->m_cluster->fileInventory();
        for (NodeConfig& node : input.inventory.nodes) {
            if (others.contains(node.site))
                node.maintenance = true;
        }
    }
    return input;
}

int Evacuation::Impl::indexOfRequest(quint64 requestId) const
{
    for (auto it = live.cbegin(); it != live.cend(); ++it) {
        if (it->requestId == requestId)
            return it.key();
    }
    return -1;
}

int Evacuation::Impl::indexOfJob(quint64 jobId) const
{
    for (auto it = live.cbegin(); it != live.cend(); ++it) {
        if (it->jobId == jobId)
            return it.key();
    }
    return -1;
}

MigrationOptions Evacuation::Impl::optionsFor(const OutageRun& current) const
{
    MigrationOptions options = q->m_migrations->defaultOptions();
    if (current.plan.limits.bandwidthMiBs > 0)
        options.bandwidthMiBs = current.plan.limits.bandwidthMiBs;
    // Kumo keeps the home node itself: a shut-off copy left on the source, or none kept on the
    // destination, would leave the instance on two nodes or on none after the power comes back.
    options.persistDestination = true;
    options.undefineSource = true;
    options.live = true;
    return options;
}

bool Evacuation::Impl::save()
{
    if (!state)
        return true;
    const Result<void> written = q->m_store->save(*state);
    if (written)
        return true;
    qCWarning(lcEvacuation, "Could not write the outage state: %s",
              qUtf8Printable(written.error().toString()));
    // Nothing may move without a durable record: stop starting moves.
    if (OutageRun* current = run(); current && current->state == RunState::Running)
        current->state = RunState::Stopped;
    Q_EMIT q->storeFailed(written.error());
    Q_EMIT q->stateChanged();
    return false;
}

void Evacuation::Impl::changed(int index)
{
    Q_EMIT q->moveChanged(index);
    Q_EMIT q->progressChanged();
}

void Evacuation::Impl::schedulePump()
{
    if (pumpQueued)
        return;
    pumpQueued = true;
    QMetaObject::invokeMethod(
        q,
        [this] {
            pumpQueued = false;
            pump();
        },
        Qt::QueuedConnection);
}

void Evacuation::Impl::pump()
{
    OutageRun* current = run();
    if (!current || reconciling)
        return;
    if (current->state == RunState::Running) {
        const OutageLimits& limits = current->plan.limits;
        const int parallel = std::max(1, limits.parallel);
        const int perLink = std::max(1, limits.perLink);
        int running = 0;
        QHash<QString, int> perPair;
        const auto pairOf = [this](const MoveRecord& record) {
            return siteOf(record.move.fromNode) + u'>' + siteOf(record.move.toNode);
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

bool Evacuation::Impl::startMove(int index)
{
    OutageRun* current = run();
    MoveRecord& record = current->records[index];
    const PlannedMove& move = record.move;
    const QStringList where = q->m_cluster->locationsOf(move.uuid);
    if (where == QStringList{move.toNode}) {
        // Already there (moved by hand, or by a migration that finished while nobody watched).
        record.status = MoveStatus::Done;
        record.started = record.finished = QDateTime::currentDateTimeUtc();
        record.error.clear();
        if (!save())
            return false;
        Q_EMIT q->message(tr("%1 already runs on %2").arg(move.name, move.toNode));
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
    Live entry;
    entry.requestId = q->m_migrations->migrate(move.uuid, move.toNode, optionsFor(*current));
    live.insert(index, entry);
    const InstanceSnapshot* instance = q->m_cluster->instance(move.uuid);
    const QString from = instance ? instance->node : move.fromNode;
    Q_EMIT q->message(tr("%1: %2 → %3 started").arg(move.name, from, move.toNode));
    changed(index);
    return true;
}

void Evacuation::Impl::recordFailure(int index, const QString& why)
{
    OutageRun* current = run();
    MoveRecord& record = current->records[index];
    live.remove(index);
    record.status = MoveStatus::Failed;
    record.finished = QDateTime::currentDateTimeUtc();
    record.error = why;
    Q_EMIT q->message(
        tr("%1: %2 → %3 failed: %4").arg(record.move.name, record.move.fromNode, record.move.toNode, why));
    qCDebug(lcEvacuation, "move of %s to %s failed (attempt %d): %s", qUtf8Printable(record.move.name),
            qUtf8Printable(record.move.toNode), record.attempts, qUtf8Printable(why));
    const bool applies = current->state == RunState::Running || current->state == RunState::Paused;
    FailurePolicy policy = q->m_policy;
    if (policy == FailurePolicy::Retry && record.attempts >= MaxAttempts)
        policy = FailurePolicy::StopAndAsk;
    if (applies && policy == FailurePolicy::Retry) {
        record.status = MoveStatus::Pending;
        Q_EMIT q->message(tr("%1: trying again (attempt %2 of %3)")
                              .arg(record.move.name)
                              .arg(record.attempts + 1)
                              .arg(MaxAttempts));
    }
    const bool ask = applies && policy == FailurePolicy::StopAndAsk;
    if (ask) {
        current->state = RunState::Stopped;
        if (q->m_waitingDecision < 0)
            q->m_waitingDecision = index;
    }
    if (!save())
        return;
    changed(index);
    if (ask) {
        Q_EMIT q->stateChanged();
        if (q->m_waitingDecision == index)
            Q_EMIT q->moveFailed(index, why);
    }
    schedulePump();
}

void Evacuation::Impl::maybeFinish()
{
    OutageRun* current = run();
    if (!current || reconciling)
        return;
    if (current->state == RunState::Stopped) {
        // Running records without a live job are left from a previous console (an abort during
        // the reconciliation): they stay Running on disk, meaning "look where it is" next time.
        if (live.isEmpty() && !finishedEmitted)
            endStopped();
        return;
    }
    if (current->state != RunState::Running || !current->isFinished())
        return;
    if (!auxStarted) {
        startAux();
        if (!aux.isEmpty())
            return;
    }
    if (aux.isEmpty())
        complete();
}

void Evacuation::Impl::complete()
{
    OutageRun* current = run();
    current->state = RunState::Completed;
    current->finished = QDateTime::currentDateTimeUtc();
    state->phase = direction == OutageDirection::Evacuate ? OutagePhase::InMaintenance : OutagePhase::Ended;
    finishedEmitted = true;
    tick->stop();
    restoreQueueLimits();
    save();
    journal(QStringLiteral("finished"));
    // This session's share: after a restart the time the console was away does not count.
    const qint64 ms = elapsed.isValid() ? elapsed.elapsed() : current->started.msecsTo(current->finished);
    const int failed = current->count(MoveStatus::Failed) + auxFailed;
    Q_EMIT q->message(tr("%1 finished: %2 moved, %3 failed in %4 s")
                          .arg(runTitle())
                          .arg(current->count(MoveStatus::Done))
                          .arg(failed)
                          .arg(seconds(ms)));
    Q_EMIT q->progressChanged();
    Q_EMIT q->stateChanged();
    Q_EMIT q->runFinished(*current);
}

void Evacuation::Impl::endStopped()
{
    OutageRun* current = run();
    finishedEmitted = true;
    tick->stop();
    restoreQueueLimits();
    save();
    journal(QStringLiteral("stopped"));
    const int left = current->count(MoveStatus::Pending) + current->count(MoveStatus::Cancelled) +
                     current->count(MoveStatus::Failed);
    Q_EMIT q->message(tr("%1 stopped: %2 moved, %3 not moved; resume to continue.")
                          .arg(runTitle())
                          .arg(current->count(MoveStatus::Done))
                          .arg(left));
    Q_EMIT q->progressChanged();
    Q_EMIT q->stateChanged();
    Q_EMIT q->runFinished(*current);
}

void Evacuation::Impl::startAux()
{
    auxStarted = true;
    bool touched = false;
    const auto add = [this](const QString& uuid, const QString& name, InstanceAction action) {
        Aux entry;
        entry.uuid = uuid;
        entry.name = name;
        entry.action = action;
        entry.since.start();
        aux.append(entry);
        // requestAction answers queued, so the entry is in place before its answer comes.
        aux.last().actionId = q->m_cluster->requestAction(uuid, action);
    };
    if (direction == OutageDirection::Evacuate) {
        for (const UnplacedInstance& unplaced : state->evacuation.plan.toShutDown()) {
            HomeRecord& home = state->homes[unplaced.uuid];
            if (home.shutDown)
                continue;
            const InstanceSnapshot* instance = q->m_cluster->instance(unplaced.uuid);
            if (instance && instance->state == InstanceState::ShutOff) {
                home.shutDown = true;
                touched = true;
                continue;
            }
            if (!instance) {
                ++auxFailed;
                Q_EMIT q->message(
                    tr("%1: cannot be shut down, it is not seen on any node").arg(unplaced.name));
                continue;
            }
            Q_EMIT q->message(
                tr("%1: shutting down on %2 for the outage").arg(unplaced.name, instance->node));
            add(unplaced.uuid, unplaced.name, InstanceAction::Shutdown);
        }
    } else {
        for (auto it = state->homes.begin(); it != state->homes.end(); ++it) {
            if (!it->shutDown)
                continue;
            const InstanceSnapshot* instance = q->m_cluster->instance(it.key());
            if (instance && instance->isActive()) {
                it->shutDown = false;
                touched = true;
                continue;
            }
            if (!instance) {
                ++auxFailed;
                Q_EMIT q->message(tr("%1: cannot be started, it is not seen on any node").arg(it->name));
                continue;
            }
            Q_EMIT q->message(tr("%1: starting on %2").arg(it->name, instance->node));
            add(it.key(), it->name, InstanceAction::Start);
        }
    }
    if (touched)
        save();
}

void Evacuation::Impl::auxFinished(int auxIndex, const QString& failure)
{
    const Aux entry = aux.takeAt(auxIndex);
    if (!failure.isEmpty()) {
        ++auxFailed;
        Q_EMIT q->message(entry.action == InstanceAction::Shutdown
                              ? tr("%1: shut-down failed: %2").arg(entry.name, failure)
                              : tr("%1: start failed: %2").arg(entry.name, failure));
    } else {
        state->homes[entry.uuid].shutDown = entry.action == InstanceAction::Shutdown;
        save();
        Q_EMIT q->message(entry.action == InstanceAction::Shutdown ? tr("%1: shut down").arg(entry.name)
                                                                   : tr("%1: started").arg(entry.name));
    }
    maybeFinish();
}

void Evacuation::Impl::onTick()
{
    for (int i = int(aux.size()) - 1; i >= 0; --i) {
        const Aux& entry = aux.at(i);
        if (entry.action != InstanceAction::Shutdown || !entry.acknowledged)
            continue;
        const InstanceSnapshot* instance = q->m_cluster->instance(entry.uuid);
        if (instance && instance->state == InstanceState::ShutOff)
            auxFinished(i, {});
        else if (entry.since.elapsed() > ShutdownTimeoutMs)
            auxFinished(i, tr("it did not power off within %1 s").arg(ShutdownTimeoutMs / 1000));
    }
    Q_EMIT q->progressChanged();
}

void Evacuation::Impl::reconcile()
{
    OutageRun* current = run();
    if (!current) {
        reconciling = false;
        reconcileTimer->stop();
        return;
    }
    QStringList nodes;
    for (const MoveRecord& record : std::as_const(current->records))
        nodes << record.move.fromNode << record.move.toNode;
    for (const HomeRecord& home : std::as_const(state->homes))
        nodes << home.homeNode;
    nodes.removeDuplicates();
    if (!q->hasHeardFrom(nodes) && reconcileSince.elapsed() < HearFromNodesTimeoutMs)
        return;

    bool waiting = false;
    for (int i = 0; i < current->records.size(); ++i) {
        MoveRecord& record = current->records[i];
        if (record.status != MoveStatus::Running && record.status != MoveStatus::Pending)
            continue;
        const QStringList where = q->m_cluster->locationsOf(record.move.uuid);
        if (where.size() > 1) {
            // libvirt is still finishing a migration the previous console started.
            QElapsedTimer& since = seenTwice[i];
            if (!since.isValid())
                since.start();
            if (since.elapsed() < TwoNodesTimeoutMs) {
                waiting = true;
                continue;
            }
            record.status = MoveStatus::Failed;
            record.error = tr("%1 is seen on %2 at once; check which copy is current before going on.")
                               .arg(record.move.name, where.join(QStringLiteral(", ")));
        } else if (where.isEmpty()) {
            record.status = MoveStatus::Failed;
            record.error = tr("%1 is not seen on any node; it may have been removed.").arg(record.move.name);
        } else if (where.constFirst() == record.move.toNode) {
            if (record.status == MoveStatus::Running)
                Q_EMIT q->message(
                    tr("%1 reached %2 while the console was away").arg(record.move.name, record.move.toNode));
            record.status = MoveStatus::Done;
            if (!record.started.isValid())
                record.started = QDateTime::currentDateTimeUtc();
            record.finished = QDateTime::currentDateTimeUtc();
            record.downtimeMs = -1; // libvirt's figure went with the console that asked
        } else {
            record.status = MoveStatus::Pending;
        }
        if (record.status == MoveStatus::Failed)
            record.finished = QDateTime::currentDateTimeUtc();
        Q_EMIT q->moveChanged(i);
    }
    if (waiting)
        return;
    reconciling = false;
    reconcileTimer->stop();
    seenTwice.clear();
    q->resume();
}

void Evacuation::Impl::raiseQueueLimits()
{
    const OutageRun* current = run();
    if (!current)
        return;
    MigrationQueue* queue = q->m_migrations->queue();
    if (!savedQueueLimits)
        savedQueueLimits = std::make_pair(queue->globalLimit(), queue->perSourceLimit());
    // The plan's limits govern the run; the queue's own must not throttle below them.
    const int parallel = std::max(1, current->plan.limits.parallel);
    queue->setLimits(std::max(savedQueueLimits->first, parallel),
                     std::max(savedQueueLimits->second, parallel));
}

void Evacuation::Impl::restoreQueueLimits()
{
    if (!savedQueueLimits)
        return;
    q->m_migrations->queue()->setLimits(savedQueueLimits->first, savedQueueLimits->second);
    savedQueueLimits.reset();
}

void Evacuation::Impl::journal(const QString& event)
{
    const OutageRun* current = run();
    if (!current)
        return;
    const QJsonObject entry{
        {QStringLiteral("action"), QStringLiteral("outage")},
        {QStringLiteral("event"), event},
        {QStringLiteral("direction"), directionKey(direction)},
        {QStringLiteral("site"), state->site},
        {QStringLiteral("run"), current->plan.id},
        {QStringLiteral("moves"), int(current->records.size())},
        {QStringLiteral("done"), current->count(MoveStatus::Done)},
        {QStringLiteral("failed"), current->count(MoveStatus::Failed)},
        {QStringLiteral("parallel"), current->plan.limits.parallel},
        {QStringLiteral("per_link"), current->plan.limits.perLink},
        {QStringLiteral("bandwidth_mibs"), qint64(current->plan.limits.bandwidthMiBs)},
    };
    const Result<void> written = q->m_migrations->journal()->append(entry);
    if (!written)
        qCWarning(lcEvacuation, "Could not write to the journal: %s",
                  qUtf8Printable(written.error().toString()));
}

void Evacuation::Impl::beginSession()
{
    finishedEmitted = false;
    auxStarted = false;
    auxFailed = 0;
    if (!elapsed.isValid())
        elapsed.start();
    raiseQueueLimits();
    tick->start();
}

// ---------------------------------------------------------------------------------------------

Evacuation::Evacuation(ClusterController* cluster, MigrationController* migrations, OutageStore* store,
                       QObject* parent)
    : QObject(parent)
    , m_cluster(cluster)
    , m_migrations(migrations)
    , m_store(store)
    , m_impl(std::make_unique<Impl>())
{
    qRegisterMetaType<kumo::OutagePlan>();
    qRegisterMetaType<kumo::OutageRun>();
    qRegisterMetaType<QList<kumo::PreflightResult>>();
    m_impl->q = this;
    if (!m_store) {
        m_store = new OutageStore;
        m_ownsStore = true;
    }
    m_impl->tick = new QTimer(this);
    m_impl->tick->setInterval(TickMs);
    connect(m_impl->tick, &QTimer::timeout, this, [this] { m_impl->onTick(); });
    m_impl->reconcileTimer = new QTimer(this);
    m_impl->reconcileTimer->setInterval(ReconcilePollMs);
    connect(m_impl->reconcileTimer, &QTimer::timeout, this, [this] { m_impl->reconcile(); });

    // A campus evacuated before a restart stays closed to new instances until its outage ends.
    for (const OutageState& state : m_store->all()) {
        if (state.phase == OutagePhase::Evacuating || state.phase == OutagePhase::InMaintenance)
            m_cluster->setSiteMaintenance(state.site, true);
    }

    connect(m_migrations, &MigrationController::migrationQueued, this,
            [this](quint64 requestId, quint64 jobId, const MigrationRequest&) {
                const int index = m_impl->indexOfRequest(requestId);
                if (index < 0)
                    return;
                Impl::Live& entry = m_impl->live[index];
                entry.jobId = jobId;
                if (entry.cancel)
                    m_migrations->queue()->cancel(jobId);
            });
    connect(m_migrations, &MigrationController::migrationRefused, this,
            [this](quint64 requestId, const QString&, const QString&, const PreflightResult& result) {
                const int index = m_impl->indexOfRequest(requestId);
                if (index < 0)
                    return;
                const bool cancelled = m_impl->live.value(index).cancel;
                const QString why = result.reasons(CheckSeverity::Refused).join(u' ');
                if (!cancelled) {
                    m_impl->recordFailure(index, why);
                    return;
                }
                m_impl->live.remove(index);
                MoveRecord& record = m_impl->run()->records[index];
                record.status = MoveStatus::Cancelled;
                record.finished = QDateTime::currentDateTimeUtc();
                record.error = why;
                m_impl->save();
                m_impl->changed(index);
                m_impl->maybeFinish();
            });
    connect(m_migrations->queue(), &MigrationQueue::jobProgress, this,
            [this](const MigrationProgress& progress) {
                const int index = m_impl->indexOfJob(progress.id);
                if (index >= 0)
                    m_impl->live[index].bytes = progress.dataProcessed;
            });
    connect(m_migrations->queue(), &MigrationQueue::jobFinished, this,
            [this](const MigrationRequest& request, const MigrationResult& result) {
                const int index = m_impl->indexOfJob(request.id);
                if (index < 0)
                    return;
                if (result.phase == MigrationPhase::Failed) {
                    m_impl->recordFailure(index, result.error.message.isEmpty() ? result.error.toString()
                                                                                : result.error.message);
                    return;
                }
                m_impl->live.remove(index);
                MoveRecord& record = m_impl->run()->records[index];
                record.finished = QDateTime::currentDateTimeUtc();
                record.dataBytes = result.dataTransferred;
                const QString& name = record.move.name;
                if (result.phase == MigrationPhase::Completed) {
                    record.status = MoveStatus::Done;
                    record.downtimeMs = result.downtimeMs;
                    m_impl->doneBytesThisSession += result.dataTransferred;
                    const qint64 ms = result.wallTimeMs > 0 ? result.wallTimeMs : result.totalTimeMs;
                    Q_EMIT message(
                        record.downtimeMs >= 0
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
                if (!m_impl->save())
                    return;
                m_impl->changed(index);
                m_impl->schedulePump();
            });
    connect(m_migrations, &MigrationController::checkFinished, this,
            [this](quint64 requestId, const PreflightResult& result) {
                const auto found = m_impl->dryRequests.constFind(requestId);
                if (found == m_impl->dryRequests.cend() || !m_dryRun)
                    return;
                const int index = *found;
                m_impl->dryRequests.erase(found);
                PreflightResult adjusted = result;
                const PlannedMove& move = m_dryRun->moves.at(index);
                for (PreflightCheck& check : adjusted.checks) {
                    // A return plan is checked while its site is still in maintenance; starting it
                    // ends the maintenance, so that is no reason to refuse.
                    if (check.id == QStringLiteral("maintenance") &&
                        m_dryRun->direction == OutageDirection::Return &&
                        check.severity == CheckSeverity::Refused &&
                        m_cluster->maintenanceSites().contains(m_dryRun->site)) {
                        const NodeConfig* node = m_cluster->fileInventory().node(move.toNode);
                        if (node && !node->maintenance) {
                            check.severity = CheckSeverity::Warning;
                            check.message = tr("%1 is in maintenance for the outage; starting the return "
                                               "ends it.")
                                                .arg(move.toNode);
                        }
                    }
                    if (check.id == QStringLiteral("cpu") && check.severity == CheckSeverity::Refused)
                        m_impl->cpuIncompatible[move.uuid].insert(move.toNode, check.message);
                }
                m_impl->dryResults[index] = adjusted;
                if (!m_impl->dryRequests.isEmpty())
                    return;
                const OutagePlan plan = *m_dryRun;
                m_dryRun.reset();
                Q_EMIT dryRunFinished(plan, m_impl->dryResults);
            });
    connect(m_cluster, &ClusterController::actionFinished, this,
            [this](quint64 requestId, const QString&, InstanceAction, const Error& failure) {
                for (int i = 0; i < m_impl->aux.size(); ++i) {
                    Impl::Aux& entry = m_impl->aux[i];
                    if (entry.actionId != requestId)
                        continue;
                    if (failure.code != ErrorCode::None)
                        m_impl->auxFinished(i, failure.message);
                    else if (entry.action == InstanceAction::Start)
                        m_impl->auxFinished(i, {});
                    else
                        entry.acknowledged = true; // powered off once the guest says so: see onTick
                    return;
                }
            });
}

Evacuation::~Evacuation()
{
    m_impl->restoreQueueLimits();
    if (m_ownsStore)
        delete m_store;
}

PlannerRules Evacuation::rules() const
{
    const QSettings settings;
    PlannerRules rules;
    rules.headroomPercent =
        settings.value(QStringLiteral("outage/headroomPercent"), PlannerRules::DefaultHeadroomPercent)
            .toInt();
    rules.vcpusPerCpu =
        settings.value(QStringLiteral("outage/vcpusPerCpu"), PlannerRules::DefaultVcpusPerCpu).toDouble();
    rules.memoryReserveKiB = settings.value(QStringLiteral("migration/reserveMiB"), 0).toULongLong() * 1024;
    rules.cpuIncompatible = m_impl->cpuIncompatible;
    return rules;
}

PlannerInput Evacuation::plannerInput(const PlannerRules& rules) const
{
    PlannerInput input;
    input.inventory = m_cluster->inventory();
    for (const QString& name : m_cluster->nodeNames()) {
        if (const NodeSnapshot* node = m_cluster->node(name))
            input.nodes.append(*node);
    }
    input.instances = m_cluster->instances();
    input.rules = rules;
    return input;
}

OutagePlan Evacuation::planEvacuation(const QString& site) const
{
    return planEvacuation(site, rules());
}

OutagePlan Evacuation::planEvacuation(const QString& site, const PlannerRules& rules) const
{
    return Planner::planEvacuation(m_impl->inputFor(OutageDirection::Evacuate, site, rules), site);
}

Result<OutagePlan> Evacuation::planReturn(const QString& site) const
{
    if (m_impl->state && m_impl->state->site == site) {
        const OutageRun* current = m_impl->run();
        if (m_impl->reconciling ||
            (current && (current->state == RunState::Running || current->state == RunState::Paused)))
            return error(ErrorCode::InvalidInput, site,
                         tr("%1 is still running; pause or stop it first.").arg(m_impl->runTitle()));
    }
    Result<OutageState> loaded = m_store->load(site);
    if (!loaded) {
        if (loaded.error().code == ErrorCode::NotFound)
            return error(ErrorCode::NotFound, site,
                         tr("No planned outage of %1 was recorded, so there is nothing to bring back.")
                             .arg(m_impl->siteName(site)));
        return loaded.error();
    }
    const OutageState& state = loaded.value();
    QHash<QString, QString> homes;
    for (auto it = state.homes.cbegin(); it != state.homes.cend(); ++it) {
        // Shut-down instances never left their home: the return starts them instead.
        if (!it->shutDown)
            homes.insert(it.key(), it->homeNode);
    }
    OutagePlan plan =
        Planner::planReturn(m_impl->inputFor(OutageDirection::Return, site, rules()), site, homes);
    const OutagePlan& evacuation = state.evacuation.plan;
    if (plan.reason.isEmpty())
        plan.reason = evacuation.reason;
    if (!plan.windowStart.isValid())
        plan.windowStart = evacuation.windowStart;
    if (!plan.windowEnd.isValid())
        plan.windowEnd = evacuation.windowEnd;
    return plan;
}

QList<PlanProblem> Evacuation::validate(const OutagePlan& plan) const
{
    return Planner::validate(plan, m_impl->inputFor(plan.direction, plan.site, rules()));
}

void Evacuation::dryRun(const OutagePlan& plan)
{
    // A newer dry run replaces one still waiting: its late answers are ignored.
    m_impl->dryRequests.clear();
    m_dryRun = plan;
    m_impl->dryResults = QList<PreflightResult>(plan.moves.size());
    if (plan.moves.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (!m_dryRun || !m_impl->dryRequests.isEmpty())
                    return;
                const OutagePlan done = *m_dryRun;
                m_dryRun.reset();
                Q_EMIT dryRunFinished(done, {});
            },
            Qt::QueuedConnection);
        return;
    }
    for (int i = 0; i < plan.moves.size(); ++i) {
        const PlannedMove& move = plan.moves.at(i);
        m_impl->dryResults[i].uuid = move.uuid;
        m_impl->dryResults[i].destinationNode = move.toNode;
        m_impl->dryRequests.insert(m_migrations->requestCheck(move.uuid, move.toNode), i);
    }
}

Result<void> Evacuation::start(const OutagePlan& plan)
{
    const OutageRun* current = m_impl->run();
    if (m_impl->reconciling ||
        (current && (current->state == RunState::Running || current->state == RunState::Paused ||
                     !m_impl->live.isEmpty() || !m_impl->aux.isEmpty())))
        return error(ErrorCode::InvalidInput, plan.site,
                     tr("%1 is still running; wait for it to end or stop it first.").arg(m_impl->runTitle()));

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
                             .arg(m_impl->siteName(plan.site)));
        // Homes already recorded win: an instance evacuated twice still belongs where it began.
        if (previous && previous->phase != OutagePhase::Ended)
            state.homes = previous->homes;
    } else {
        if (!previous)
            return error(ErrorCode::NotFound, plan.site,
                         tr("No planned outage of %1 was recorded, so there is nothing to bring back.")
                             .arg(m_impl->siteName(plan.site)));
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
        // Not planned yet: no moves. It still names its site and direction, and has a creation
        // time, so that the file reads back as a whole (the format requires one).
        state.returnRun = OutageRun{};
        state.returnRun.plan.site = plan.site;
        state.returnRun.plan.direction = OutageDirection::Return;
        state.returnRun.plan.createdAt = run.started;
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
    m_impl->restoreQueueLimits();
    m_impl->state = state;
    m_impl->direction = plan.direction;
    m_impl->live.clear();
    m_impl->aux.clear();
    m_impl->elapsed.invalidate();
    m_impl->doneBytesThisSession = 0;
    m_waitingDecision = -1;
    if (plan.direction == OutageDirection::Evacuate)
        m_cluster->setSiteMaintenance(plan.site, true);
    m_impl->beginSession();
    m_impl->journal(QStringLiteral("started"));
    qCDebug(lcEvacuation, "%s of %s started: %lld moves, parallel %d, per link %d, bandwidth %llu MiB/s",
            qUtf8Printable(directionKey(plan.direction)), qUtf8Printable(plan.site),
            qint64(plan.moves.size()), plan.limits.parallel, plan.limits.perLink, plan.limits.bandwidthMiBs);
    Q_EMIT message(tr("%1 started: %2 moves").arg(m_impl->runTitle()).arg(plan.moves.size()));
    Q_EMIT stateChanged();
    Q_EMIT progressChanged();
    m_impl->schedulePump();
    return {};
}

void Evacuation::pause()
{
    OutageRun* current = m_impl->run();
    if (!current || current->state != RunState::Running)
        return;
    current->state = RunState::Paused;
    m_impl->save();
    Q_EMIT message(tr("%1 paused: running moves finish, no new one starts").arg(m_impl->runTitle()));
    Q_EMIT stateChanged();
}

void Evacuation::resume()
{
    OutageRun* current = m_impl->run();
    if (!current || m_impl->reconciling)
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
    const QString& site = m_impl->state->site;
    if (m_impl->direction == OutageDirection::Evacuate)
        m_cluster->setSiteMaintenance(site, true);
    else
        m_cluster->setSiteMaintenance(site, false);
    if (m_impl->direction == OutageDirection::Evacuate)
        m_impl->state->phase = OutagePhase::Evacuating;
    else
        m_impl->state->phase = OutagePhase::Returning;
    if (!m_impl->save())
        return;
    m_impl->beginSession();
    m_impl->journal(QStringLiteral("resumed"));
    Q_EMIT message(tr("%1 resumed: %2 moves to go")
                       .arg(m_impl->runTitle())
                       .arg(current->count(MoveStatus::Pending) + current->count(MoveStatus::Running)));
    for (int i = 0; i < current->records.size(); ++i)
        Q_EMIT moveChanged(i);
    Q_EMIT stateChanged();
    Q_EMIT progressChanged();
    m_impl->schedulePump();
}

void Evacuation::abortAll()
{
    OutageRun* current = m_impl->run();
    if (!current)
        return;
    if (current->state != RunState::Running && current->state != RunState::Paused && !m_impl->reconciling)
        return;
    m_impl->reconciling = false;
    m_impl->seenTwice.clear();
    m_impl->reconcileTimer->stop();
    current->state = RunState::Stopped;
    m_waitingDecision = -1;
    for (auto it = m_impl->live.begin(); it != m_impl->live.end(); ++it) {
        if (it->jobId != 0)
            m_migrations->queue()->cancel(it->jobId);
        else
            it->cancel = true; // cancelled as soon as the pre-flight hands it to the queue
    }
    m_impl->save();
    Q_EMIT message(tr("%1: abort requested, cancelling %n running move(s)", nullptr, int(m_impl->live.size()))
                       .arg(m_impl->runTitle()));
    Q_EMIT stateChanged();
    m_impl->maybeFinish();
}

void Evacuation::resolveFailure(FailureDecision decision)
{
    OutageRun* current = m_impl->run();
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
        m_impl->save();
        m_impl->maybeFinish();
        return;
    }
    current->state = RunState::Running;
    if (!m_impl->save())
        return;
    if (m_impl->finishedEmitted)
        m_impl->beginSession();
    Q_EMIT moveChanged(index);
    Q_EMIT stateChanged();
    m_impl->schedulePump();
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
    OutageRun* current = m_impl->run();
    if (!current || current->state == RunState::Completed)
        return error(ErrorCode::InvalidInput, {}, tr("No run is in progress."));
    const OutageLimits previous = current->plan.limits;
    current->plan.limits = limits;
    if (!m_impl->save()) {
        current->plan.limits = previous;
        return error(ErrorCode::Io, m_store->pathFor(m_impl->state->site),
                     tr("The new limits could not be recorded."));
    }
    if (current->state == RunState::Running || current->state == RunState::Paused)
        m_impl->raiseQueueLimits();
    if (limits.bandwidthMiBs > 0) {
        for (const Impl::Live& entry : std::as_const(m_impl->live)) {
            if (entry.jobId != 0)
                m_migrations->queue()->setBandwidth(entry.jobId, limits.bandwidthMiBs);
        }
    }
    Q_EMIT stateChanged();
    m_impl->schedulePump();
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
    if (m_impl->state && m_impl->state->site == site && (m_impl->reconciling || !m_impl->live.isEmpty())) {
        resume();
        return {};
    }
    const OutageRun* current = m_impl->run();
    if (m_impl->reconciling || !m_impl->live.isEmpty() || !m_impl->aux.isEmpty() ||
        (current && (current->state == RunState::Running || current->state == RunState::Paused)))
        return error(ErrorCode::InvalidInput, site,
                     tr("%1 is still running; wait for it to end or stop it first.").arg(m_impl->runTitle()));
    Result<OutageState> loaded = m_store->load(site);
    if (!loaded)
        return loaded.error();
    if (!loaded->isUnfinished())
        return error(ErrorCode::NotFound, site,
                     tr("The outage of %1 has nothing left to resume.").arg(m_impl->siteName(site)));
    m_impl->state = loaded.value();
    m_impl->direction =
        m_impl->state->phase == OutagePhase::Returning ? OutageDirection::Return : OutageDirection::Evacuate;
    m_impl->live.clear();
    m_impl->aux.clear();
    m_impl->elapsed.invalidate();
    m_impl->doneBytesThisSession = 0;
    m_waitingDecision = -1;
    if (m_impl->direction == OutageDirection::Evacuate)
        m_cluster->setSiteMaintenance(site, true);
    else
        m_cluster->setSiteMaintenance(site, false);
    m_impl->reconciling = true;
    m_impl->reconcileSince.start();
    m_impl->seenTwice.clear();
    Q_EMIT message(tr("%1: resuming, looking first where every instance is now").arg(m_impl->runTitle()));
    Q_EMIT stateChanged();
    m_impl->reconcileTimer->start();
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_impl->reconciling)
                m_impl->reconcile();
        },
        Qt::QueuedConnection);
    return {};
}

Result<void> Evacuation::endMaintenance(const QString& site)
{
    if (m_impl->state && m_impl->state->site == site && m_impl->direction == OutageDirection::Evacuate) {
        const OutageRun* current = m_impl->run();
        if (m_impl->reconciling ||
            (current && (current->state == RunState::Running || current->state == RunState::Paused)))
            return error(ErrorCode::InvalidInput, site,
                         tr("%1 is still running; pause or stop it first.").arg(m_impl->runTitle()));
    }
    if (!m_cluster->maintenanceSites().contains(site))
        return {};
    m_cluster->setSiteMaintenance(site, false);
    Q_EMIT message(tr("%1 takes instances again").arg(m_impl->siteName(site)));
    Q_EMIT stateChanged();
    return {};
}

bool Evacuation::hasHeardFrom(const QStringList& nodes) const
{
    const QStringList names = nodes.isEmpty() ? m_cluster->nodeNames() : nodes;
    QSet<QString> withInstances;
    for (const InstanceSnapshot& instance : m_cluster->instances()) {
        for (const QString& node : m_cluster->locationsOf(instance.uuid))
            withInstances.insert(node);
    }
    for (const QString& name : names) {
        const NodeSnapshot* node = m_cluster->node(name);
        if (!node || node->state == NodeState::Unreachable)
            continue; // nothing to wait for
        if (node->state != NodeState::Connected || node->sampledAtMs <= 0)
            return false;
        // The node's list is merged a moment after its snapshot: wait for it too.
        if (node->instanceCount > 0 && !withInstances.contains(name))
            return false;
    }
    return true;
}

bool Evacuation::isActive() const
{
    const OutageRun* current = m_impl->run();
    if (m_impl->reconciling)
        return true;
    return current && (current->state == RunState::Running || current->state == RunState::Paused ||
                       current->state == RunState::Stopped);
}

const OutageState* Evacuation::state() const
{
    return m_impl->state ? &*m_impl->state : nullptr;
}

OutageProgress Evacuation::progress() const
{
    OutageProgress progress;
    const OutageRun* current = m_impl->run();
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
            const quint64 sent = m_impl->live.value(i).bytes;
            progress.bytesMoved += sent;
            remaining += memory > sent ? memory - sent : 0;
        } else if (record.status == MoveStatus::Pending) {
            remaining += memory;
        }
    }
    progress.elapsedMs = m_impl->elapsed.isValid() ? m_impl->elapsed.elapsed() : 0;
    if (m_impl->doneBytesThisSession > 0 && progress.elapsedMs > 0) {
        // The run's own pace so far, parallel moves included.
        const double bytesPerMs = double(m_impl->doneBytesThisSession) / double(progress.elapsedMs);
        progress.etaMs = qint64(double(remaining) / bytesPerMs);
    }
    return progress;
}

} // namespace kumo

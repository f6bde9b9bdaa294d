// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/migration/migrationcontroller.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEvent>
#include <QJsonArray>
#include <QSet>
#include <QSettings>
#include <QThread>

#include "app/access/journal.h"
#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationoutcomewatch.h"
#include "app/migration/migrationqueue.h"
#include "core/migrationpath.h"
#include "core/sentences.h"

namespace kumo {

namespace {

using CheckKey = std::pair<QString, QString>; // (uuid, destination node)

quint64 memoryOf(const InstanceSnapshot& instance)
{
    return std::max(instance.memoryKiB, instance.maxMemoryKiB);
}

// A refusal that needs no check run: the instance is gone or already has a job.
PreflightResult refusal(const QString& uuid, const QString& node, const QString& id, const QString& message)
{
    PreflightResult result;
    result.uuid = uuid;
    result.destinationNode = node;
    result.complete = true;
    result.checks.append(PreflightCheck{id, CheckSeverity::Refused, message});
    return result;
}

} // namespace

// A check or a migration waiting for the facts of one (instance, node) pair.
struct MigrationController::PendingCheck
{
    quint64 requestId = 0;
    bool migrate = false;
    MigrationOptions options;
    QString reason;
};

struct MigrationController::Impl
{
    struct Facts
    {
        GuestFacts guest;
        DestinationFacts destination;
    };

    QHash<CheckKey, Facts> facts; // the cache: facts, from which results are computed anew
    QHash<QString, GuestFacts> guestFacts;
    QHash<quint64, QString> guestRequests;       // cluster request id -> uuid
    QHash<QString, QStringList> waitingForGuest; // uuid -> destinations waiting for its facts
    // Destination request id -> the pair and the guest facts it was asked with (the cache may be
    // cleared meanwhile).
    QHash<quint64, std::pair<CheckKey, GuestFacts>> destinationRequests;
    QSet<CheckKey> inFlight;
    QHash<CheckKey, QList<PendingCheck>> waiters;
    // Accepted migrations in the order they were asked for; each waits for its facts, and
    // they are queued in this order whatever order the facts come back in.
    struct OrderedMove
    {
        PendingCheck pending;
        CheckKey key;
        bool ready = false;
    };
    QList<OrderedMove> moves;
    quint64 nextRequestId = 1;
    MigrationController* q = nullptr;
    // Copies of split instances being stopped, by the cluster's request id: the journal entry
    // that the answer completes.
    QHash<quint64, QJsonObject> stoppingCopies;
    // Definitions of stopped copies being removed, by the cluster's request id.
    struct RemovingDefinition
    {
        QJsonObject entry;
        quint64 stopRequest = 0;
    };
    QHash<quint64, RemovingDefinition> removingDefinitions;
    // After a stop that succeeded: asks for the removal of the copy's definition, on record.
    void removeDefinitionAfter(quint64 stopRequest, const QJsonObject& stopEntry);

    // Asks the sessions for the facts of a pair unless they are known or on their way.
    void gather(const CheckKey& key);
    // Answers every check and migration waiting for the pair.
    void answer(const CheckKey& key);
    // Queues (or refuses) the migrations at the head of `moves` whose facts are in.
    void flushMoves();
    void finishMigrate(const PendingCheck& pending, const CheckKey& key, PreflightResult result);
};

MigrationController::MigrationController(ClusterController* cluster, const QString& journalPath,
                                         MigrationQueue::JobFactory jobFactory, QObject* parent)
    : QObject(parent)
    , m_cluster(cluster)
    , m_queue(new MigrationQueue(std::move(jobFactory), this))
    , m_journal(new Journal(journalPath))
    , m_outcomes(new MigrationOutcomeWatch(
          cluster, [this](const QJsonObject& entry) { (void)record(entry); }, this))
    , m_impl(std::make_unique<Impl>())
{
    m_impl->q = this;
    qRegisterMetaType<kumo::PreflightResult>();
    const QSettings settings;
    m_queue->setLimits(
        settings.value(QStringLiteral("migration/globalLimit"), MigrationQueue::DefaultGlobalLimit).toInt(),
        settings.value(QStringLiteral("migration/perSourceLimit"), MigrationQueue::DefaultPerSourceLimit)
            .toInt());

    connect(m_cluster, &ClusterController::guestFactsReady, this,
            [this](quint64 id, const GuestFacts& facts) {
                if (!m_impl->guestRequests.contains(id))
                    return; // someone else's request
                const QString uuid = m_impl->guestRequests.take(id);
                m_impl->guestFacts.insert(uuid, facts);
                const QStringList nodes = m_impl->waitingForGuest.take(uuid);
                for (const QString& node : nodes)
                    m_impl->destinationRequests.insert(m_cluster->requestDestinationFacts(node, facts),
                                                       {CheckKey{uuid, node}, facts});
            });
    connect(m_cluster, &ClusterController::destinationFactsReady, this,
            [this](quint64 id, const DestinationFacts& destination) {
                const auto found = m_impl->destinationRequests.constFind(id);
                if (found == m_impl->destinationRequests.cend())
                    return;
                const CheckKey key = found->first;
                Impl::Facts facts{found->second, destination};
                m_impl->destinationRequests.erase(found);
                m_impl->inFlight.remove(key);
                m_impl->facts.insert(key, facts);
                m_impl->answer(key);
            });

    // A split brain is recorded when it is seen and when it ends: what the fix acted on.
    connect(m_cluster, &ClusterController::splitBrainChanged, this,
            [this](const QString& uuid, const QStringList& nodes) {
                const InstanceSnapshot* instance = m_cluster->instance(uuid);
                (void)record(QJsonObject{
                    {QStringLiteral("action"),
                     nodes.isEmpty() ? QStringLiteral("split-brain-ended") : QStringLiteral("split-brain")},
                    {QStringLiteral("instance"),
                     QJsonObject{{QStringLiteral("name"), instance ? instance->name : QString()},
                                 {QStringLiteral("uuid"), uuid}}},
                    {QStringLiteral("nodes"), QJsonArray::fromStringList(nodes)},
                    {QStringLiteral("node"), instance ? instance->node : QString()},
                });
            });
    connect(m_cluster, &ClusterController::actionFinished, this,
            [this](quint64 id, const QString&, InstanceAction, const Error& error) {
                const auto withResult = [&error](QJsonObject entry) {
                    entry.insert(QStringLiteral("result"), error.code == ErrorCode::None
                                                               ? QStringLiteral("completed")
                                                               : QStringLiteral("failed"));
                    if (error.code != ErrorCode::None) {
                        entry.insert(QStringLiteral("error"), error.message);
                        if (!error.detail.isEmpty())
                            entry.insert(QStringLiteral("error_detail"), error.detail);
                    }
                    return entry;
                };
                if (const auto removing = m_impl->removingDefinitions.find(id);
                    removing != m_impl->removingDefinitions.end()) {
                    const Impl::RemovingDefinition done = *removing;
                    m_impl->removingDefinitions.erase(removing);
                    (void)record(withResult(done.entry));
                    Q_EMIT copyDefinitionRemoved(done.stopRequest,
                                                 done.entry.value(QStringLiteral("node")).toString(), error);
                    return;
                }
                const auto found = m_impl->stoppingCopies.find(id);
                if (found == m_impl->stoppingCopies.end())
                    return;
                const QJsonObject entry = withResult(*found);
                m_impl->stoppingCopies.erase(found);
                (void)record(entry);
                if (error.code == ErrorCode::None &&
                    entry.value(QStringLiteral("remove_definition")).toBool())
                    m_impl->removeDefinitionAfter(id, entry);
            });

    // On record before the migrate call: the queue announces a job before its thread starts.
    connect(m_queue, &MigrationQueue::jobStarted, this, [this](quint64 id) {
        const QList<MigrationRequest> jobs = m_queue->jobs();
        const auto request =
            std::find_if(jobs.cbegin(), jobs.cend(), [id](const MigrationRequest& r) { return r.id == id; });
        if (request != jobs.cend())
            noteWritten(m_journal->recordMigrationStart(*request), id);
    });
    connect(m_queue, &MigrationQueue::jobFinished, this,
            [this](const MigrationRequest& request, const MigrationResult& result) {
                noteWritten(m_journal->recordMigration(request, result), request.id);
                if (result.sourceLost)
                    m_outcomes->follow(request);
                // Facts about these nodes and this instance changed with the move.
                for (auto it = m_impl->facts.begin(); it != m_impl->facts.end();) {
                    const bool stale = it.key().first == request.uuid ||
                                       it.key().second == request.sourceNode ||
                                       it.key().second == request.destinationNode;
                    it = stale ? m_impl->facts.erase(it) : std::next(it);
                }
                m_impl->guestFacts.remove(request.uuid);
                // Poll both ends now so the map moves the chip without waiting for the next poll.
                m_cluster->refreshNode(request.sourceNode);
                m_cluster->refreshNode(request.destinationNode);
            });
    // A move given up after its abort went unanswered ends for real later: on record too.
    connect(m_queue, &MigrationQueue::lateResult, this,
            [this](const MigrationRequest& request, const MigrationResult& result) {
                noteWritten(m_journal->recordMigration(request, result, true), request.id);
                m_impl->guestFacts.remove(request.uuid);
                m_cluster->refreshNode(request.sourceNode);
                m_cluster->refreshNode(request.destinationNode);
            });
}

MigrationController::~MigrationController()
{
    recordAtExit();
    // The queue goes before the journal: nothing it still reports can reach a deleted journal.
    delete m_queue;
    m_queue = nullptr;
    delete m_outcomes; // it records into the journal
    m_outcomes = nullptr;
    delete m_journal;
}

QJsonObject MigrationController::lastMigrationOf(const QString& uuid) const
{
    // A move still under way (its call may hang on a frozen destination) is the latest one.
    const QList<MigrationRequest> jobs = m_queue->jobs();
    for (qsizetype i = jobs.size(); i-- > 0;) {
        const MigrationRequest& job = jobs.at(i);
        if (job.uuid == uuid)
            return QJsonObject{
                {QStringLiteral("action"), QStringLiteral("migrate")},
                {QStringLiteral("job"), qint64(job.id)},
                {QStringLiteral("instance"),
                 QJsonObject{{QStringLiteral("name"), job.name}, {QStringLiteral("uuid"), job.uuid}}},
                {QStringLiteral("from"), job.sourceNode},
                {QStringLiteral("to"), job.destinationNode},
                {QStringLiteral("result"), QStringLiteral("running")},
            };
    }
    const QList<QJsonObject> entries = m_journal->readAll();
    for (qsizetype i = entries.size(); i-- > 0;) {
        const QJsonObject& entry = entries.at(i);
        if (entry.value(QStringLiteral("action")).toString() == QLatin1String("migrate") &&
            entry.value(QStringLiteral("instance")).toObject().value(QStringLiteral("uuid")).toString() ==
                uuid)
            return entry;
    }
    return {};
}

quint64 MigrationController::stopCopy(const QString& uuid, const QString& node, const QString& reason,
                                      bool removeDefinition)
{
    const InstanceSnapshot* instance = m_cluster->instance(uuid);
    QStringList kept = instance ? instance->splitNodes : QStringList();
    kept.removeAll(node);
    QJsonObject entry{
        {QStringLiteral("action"), QStringLiteral("stop-copy")},
        {QStringLiteral("instance"),
         QJsonObject{{QStringLiteral("name"), instance ? instance->name : QString()},
                     {QStringLiteral("uuid"), uuid}}},
        {QStringLiteral("node"), node},
        {QStringLiteral("kept"), QJsonArray::fromStringList(kept)},
    };
    if (!reason.isEmpty())
        entry.insert(QStringLiteral("reason"), reason);
    if (removeDefinition)
        entry.insert(QStringLiteral("remove_definition"), true);
    const quint64 id = m_cluster->requestStopCopy(uuid, node);
    entry.insert(QStringLiteral("request"), qint64(id));
    // On record before the plug is pulled: the result follows in its own entry.
    QJsonObject started = entry;
    started.insert(QStringLiteral("result"), QStringLiteral("started"));
    (void)record(started);
    m_impl->stoppingCopies.insert(id, entry);
    return id;
}

void MigrationController::Impl::removeDefinitionAfter(quint64 stopRequest, const QJsonObject& stopEntry)
{
    const QString uuid =
        stopEntry.value(QStringLiteral("instance")).toObject().value(QStringLiteral("uuid")).toString();
    const QString node = stopEntry.value(QStringLiteral("node")).toString();
    QJsonObject entry{
        {QStringLiteral("action"), QStringLiteral("remove-copy-definition")},
        {QStringLiteral("instance"), stopEntry.value(QStringLiteral("instance"))},
        {QStringLiteral("node"), node},
        {QStringLiteral("disks"), QStringLiteral("kept")},
        {QStringLiteral("stop_request"), qint64(stopRequest)},
    };
    if (stopEntry.contains(QStringLiteral("reason")))
        entry.insert(QStringLiteral("reason"), stopEntry.value(QStringLiteral("reason")));
    const quint64 id = q->m_cluster->requestRemoveCopyDefinition(uuid, node);
    entry.insert(QStringLiteral("request"), qint64(id));
    QJsonObject started = entry;
    started.insert(QStringLiteral("result"), QStringLiteral("started"));
    (void)q->record(started);
    removingDefinitions.insert(id, RemovingDefinition{entry, stopRequest});
}

void MigrationController::recordAtExit()
{
    if (m_queue->jobs().isEmpty())
        return;
    // Queued moves end now (cancelled, on record); running ones are aborted, and their results
    // are taken as they come in, for a short while: only the queue's own reports are delivered
    // here, nothing else of the closing application runs.
    m_queue->cancelAll();
    const QDeadlineTimer deadline(std::max(m_exitResultWaitMs, 0));
    while (m_queue->runningCount() > 0 && !deadline.hasExpired()) {
        QCoreApplication::sendPostedEvents(m_queue, QEvent::MetaCall);
        if (m_queue->runningCount() > 0)
            QThread::msleep(10);
    }
    // Still running: what is known goes on record instead of the result.
    const QList<MigrationRequest> unfinished = m_queue->jobs();
    for (const MigrationRequest& request : unfinished) {
        qWarning("Migration %llu of %s still running at exit: its result is not known", request.id,
                 qPrintable(request.name));
        noteWritten(m_journal->recordMigrationUnknown(request, m_queue->progress(request.id)), request.id);
    }
}

void MigrationController::noteWritten(const Result<void>& written, quint64 id)
{
    if (written.ok())
        return;
    if (id != 0)
        qWarning("Could not record migration %llu in the journal: %s", id,
                 qPrintable(written.error().toString()));
    Q_EMIT journalFailed(written.error());
}

int MigrationController::journalFailures() const
{
    return m_journal->failedWrites();
}

Result<void> MigrationController::record(const QJsonObject& entry)
{
    Result<void> written = m_journal->append(entry);
    noteWritten(written, 0);
    return written;
}

PreflightContext MigrationController::contextFor(const InstanceSnapshot& instance,
                                                 const QString& destinationNode,
                                                 const MigrationOptions& options) const
{
    PreflightContext context;
    context.inventory = &m_cluster->inventory();
    context.options = options;
    context.sourceNode = instance.node;
    context.destination = m_cluster->inventory().node(destinationNode);
    context.destinationSnapshot = m_cluster->node(destinationNode);
    context.memoryIncomingKiB = m_queue->incomingMemoryKiB(destinationNode);
    context.memoryReserveKiB =
        QSettings().value(QStringLiteral("migration/reserveMiB"), 0).toULongLong() * 1024;
    return context;
}

std::optional<PreflightResult> MigrationController::readOnlyRefusal(const QString& uuid,
                                                                    const QString& destinationNode) const
{
    const InstanceSnapshot* instance = m_cluster->instance(uuid);
    QStringList nodes;
    if (instance)
        nodes.append(instance->node);
    nodes.append(destinationNode);
    const Result<void> writable = m_cluster->checkWritable(nodes);
    if (writable)
        return std::nullopt;
    // A migration changes both ends: the source gives the instance up, the destination defines it.
    const QString message = writable.error().object.isEmpty()
                                ? writable.error().message
                                : QCoreApplication::translate("kumo::MigrationController",
                                                              "A migration changes both nodes, and %1 is "
                                                              "read-only (read_only in the inventory).")
                                      .arg(writable.error().object);
    return refusal(uuid, destinationNode, QStringLiteral("readonly"), message);
}

PreflightResult MigrationController::quickCheck(const QString& uuid, const QString& destinationNode) const
{
    return quickCheck(uuid, destinationNode, defaultOptions());
}

PreflightResult MigrationController::quickCheck(const QString& uuid, const QString& destinationNode,
                                                const MigrationOptions& options) const
{
    const InstanceSnapshot* instance = m_cluster->instance(uuid);
    if (!instance)
        return refusal(uuid, destinationNode, QStringLiteral("state"),
                       MigrationController::tr("The instance no longer exists; it may have been removed."));
    if (instance->isSplit())
        return refusal(
            uuid, destinationNode, QStringLiteral("split"),
            MigrationController::tr("%1 runs on %2 at the same time: stop one copy first (Fix split brain).")
                .arg(instance->name, Sentences::names(instance->splitNodes)));
    if (std::optional<PreflightResult> refused = readOnlyRefusal(uuid, destinationNode))
        return *refused;
    const PreflightContext context = contextFor(*instance, destinationNode, options);
    PreflightResult result = quickPreflight(*instance, context);
    if (result.destinationNode.isEmpty())
        result.destinationNode = destinationNode;
    return result;
}

PreflightResult MigrationController::bestKnownCheck(const QString& uuid, const QString& destinationNode) const
{
    return bestKnownCheck(uuid, destinationNode, defaultOptions());
}

PreflightResult MigrationController::bestKnownCheck(const QString& uuid, const QString& destinationNode,
                                                    const MigrationOptions& options) const
{
    const auto found = m_impl->facts.constFind(CheckKey{uuid, destinationNode});
    const InstanceSnapshot* instance = m_cluster->instance(uuid);
    if (found == m_impl->facts.cend() || !instance || instance->isSplit())
        return quickCheck(uuid, destinationNode, options);
    if (std::optional<PreflightResult> refused = readOnlyRefusal(uuid, destinationNode))
        return *refused;
    // Computed anew from the cached facts, so memory already moving there counts.
    const PreflightContext context = contextFor(*instance, destinationNode, options);
    PreflightResult result = fullPreflight(*instance, context, found->guest, found->destination);
    if (result.destinationNode.isEmpty())
        result.destinationNode = destinationNode;
    return result;
}

quint64 MigrationController::requestCheck(const QString& uuid, const QString& destinationNode)
{
    const quint64 id = m_impl->nextRequestId++;
    const CheckKey key{uuid, destinationNode};
    m_impl->waiters[key].append(PendingCheck{id, false, {}, {}});
    m_impl->gather(key);
    return id;
}

void MigrationController::prefetchChecks(const QStringList& uuids)
{
    for (const QString& uuid : uuids) {
        const InstanceSnapshot* instance = m_cluster->instance(uuid);
        for (const QString& node : m_cluster->nodeNames()) {
            // Its own node is refused by the quick check already; nothing to ask libvirt.
            if (instance && instance->node == node)
                continue;
            requestCheck(uuid, node);
        }
    }
}

void MigrationController::clearCheckCache()
{
    // Requests in flight still answer their waiters; only what is known is forgotten.
    m_impl->facts.clear();
    m_impl->guestFacts.clear();
}

quint64 MigrationController::migrate(const QString& uuid, const QString& destinationNode,
                                     const MigrationOptions& options, const QString& reason)
{
    const quint64 id = m_impl->nextRequestId++;
    const PreflightResult quick = quickCheck(uuid, destinationNode, options);
    PreflightResult refused;
    if (m_queue->hasJobFor(uuid)) {
        const InstanceSnapshot* instance = m_cluster->instance(uuid);
        refused = refusal(
            uuid, destinationNode, QStringLiteral("state"),
            MigrationController::tr("%1 is already moving; wait for that migration to end or cancel it.")
                .arg(instance ? instance->name : uuid));
    } else if (quick.verdict() == CheckSeverity::Refused) {
        // Refused from the cluster state alone: libvirt is not asked anything.
        refused = quick;
    }
    if (!refused.checks.isEmpty()) {
        // Answered from the event loop, so the caller knows the id before the outcome arrives.
        QMetaObject::invokeMethod(
            this,
            [this, id, uuid, destinationNode, refused] {
                Q_EMIT migrationRefused(id, uuid, destinationNode, refused);
            },
            Qt::QueuedConnection);
        return id;
    }
    const CheckKey key{uuid, destinationNode};
    m_impl->waiters[key].append(PendingCheck{id, true, options, reason});
    m_impl->moves.append(Impl::OrderedMove{PendingCheck{id, true, options, reason}, key, false});
    m_impl->gather(key);
    return id;
}

MigrationOptions MigrationController::defaultOptions() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("migration/options"));
    const MigrationOptions d;
    MigrationOptions o;
    o.live = settings.value(QStringLiteral("live"), d.live).toBool();
    o.persistDestination =
        settings.value(QStringLiteral("persistDestination"), d.persistDestination).toBool();
    o.undefineSource = settings.value(QStringLiteral("undefineSource"), d.undefineSource).toBool();
    o.bandwidthMiBs = settings.value(QStringLiteral("bandwidthMiBs"), d.bandwidthMiBs).toULongLong();
    o.autoConverge = settings.value(QStringLiteral("autoConverge"), d.autoConverge).toBool();
    o.compression = settings.value(QStringLiteral("compression"), d.compression).toBool();
    o.allowPostCopy = settings.value(QStringLiteral("allowPostCopy"), d.allowPostCopy).toBool();
    o.maxDowntimeMs = settings.value(QStringLiteral("maxDowntimeMs"), d.maxDowntimeMs).toLongLong();
    o.peerToPeer = settings.value(QStringLiteral("peerToPeer"), d.peerToPeer).toBool();
    o.copyStorage = settings.value(QStringLiteral("copyStorage"), d.copyStorage).toBool();
    return o;
}

void MigrationController::setDefaultOptions(const MigrationOptions& options)
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("migration/options"));
    settings.setValue(QStringLiteral("live"), options.live);
    settings.setValue(QStringLiteral("persistDestination"), options.persistDestination);
    settings.setValue(QStringLiteral("undefineSource"), options.undefineSource);
    settings.setValue(QStringLiteral("bandwidthMiBs"), options.bandwidthMiBs);
    settings.setValue(QStringLiteral("autoConverge"), options.autoConverge);
    settings.setValue(QStringLiteral("compression"), options.compression);
    settings.setValue(QStringLiteral("allowPostCopy"), options.allowPostCopy);
    settings.setValue(QStringLiteral("maxDowntimeMs"), options.maxDowntimeMs);
    settings.setValue(QStringLiteral("peerToPeer"), options.peerToPeer);
    settings.setValue(QStringLiteral("copyStorage"), options.copyStorage);
}

void MigrationController::Impl::gather(const CheckKey& key)
{
    if (facts.contains(key)) {
        // Known: answer from the event loop like a real answer, so every caller sees one order.
        QMetaObject::invokeMethod(
            q, [this, key] { answer(key); }, Qt::QueuedConnection);
        return;
    }
    if (inFlight.contains(key))
        return;
    inFlight.insert(key);
    const auto guest = guestFacts.constFind(key.first);
    if (guest != guestFacts.cend()) {
        destinationRequests.insert(q->m_cluster->requestDestinationFacts(key.second, *guest), {key, *guest});
        return;
    }
    // One guest-facts request serves every destination asked for meanwhile (a drag's prefetch).
    QStringList& waiting = waitingForGuest[key.first];
    waiting.append(key.second);
    const bool asked = std::any_of(guestRequests.cbegin(), guestRequests.cend(),
                                   [&](const QString& uuid) { return uuid == key.first; });
    if (!asked)
        guestRequests.insert(q->m_cluster->requestGuestFacts(key.first), key.first);
}

void MigrationController::Impl::answer(const CheckKey& key)
{
    const QList<PendingCheck> waiting = waiters.take(key);
    bool movesReady = false;
    for (const PendingCheck& pending : waiting) {
        if (pending.migrate) {
            for (OrderedMove& move : moves) {
                if (move.pending.requestId == pending.requestId)
                    move.ready = true;
            }
            movesReady = true;
            continue;
        }
        Q_EMIT q->checkFinished(pending.requestId, q->bestKnownCheck(key.first, key.second));
    }
    if (movesReady)
        flushMoves();
}

void MigrationController::Impl::flushMoves()
{
    while (!moves.isEmpty() && moves.constFirst().ready) {
        OrderedMove& head = moves.first();
        if (!facts.contains(head.key)) {
            // Forgotten while it waited its turn (a move ended, a cache clear): ask again.
            head.ready = false;
            waiters[head.key].append(head.pending);
            gather(head.key);
            return;
        }
        const OrderedMove move = moves.takeFirst();
        // Evaluated now, not when the facts came: memory of the moves queued just before counts.
        finishMigrate(move.pending, move.key,
                      q->bestKnownCheck(move.key.first, move.key.second, move.pending.options));
    }
}

void MigrationController::Impl::finishMigrate(const PendingCheck& pending, const CheckKey& key,
                                              PreflightResult result)
{
    const QString& uuid = key.first;
    const QString& node = key.second;
    const InstanceSnapshot* instance = q->m_cluster->instance(uuid);
    if (!instance) {
        Q_EMIT q->migrationRefused(
            pending.requestId, uuid, node,
            refusal(uuid, node, QStringLiteral("state"),
                    MigrationController::tr("The instance no longer exists; it may have been removed.")));
        return;
    }
    if (q->m_queue->hasJobFor(uuid)) {
        Q_EMIT q->migrationRefused(
            pending.requestId, uuid, node,
            refusal(
                uuid, node, QStringLiteral("state"),
                MigrationController::tr("%1 is already moving; wait for that migration to end or cancel it.")
                    .arg(instance->name)));
        return;
    }
    const PreflightCheck* storage = result.check(QStringLiteral("storage"));
    if (result.storageCopyNeeded && !pending.options.copyStorage && storage) {
        for (PreflightCheck& check : result.checks) {
            if (check.id == QStringLiteral("storage")) {
                check.severity = CheckSeverity::Refused;
                check.message =
                    MigrationController::tr(
                        "%1 has local disks and \"Copy local disks to the destination\" is off: turn "
                        "it on to copy them (slower), or move the disks to shared storage first.")
                        .arg(instance->name);
            }
        }
    }
    if (result.verdict() == CheckSeverity::Refused) {
        Q_EMIT q->migrationRefused(pending.requestId, uuid, node, result);
        return;
    }

    const Inventory& inventory = q->m_cluster->inventory();
    const NodeConfig* source = inventory.node(instance->node);
    const NodeConfig* destination = inventory.node(node);
    // The pre-flight's "transport" check refused any path the inventory does not allow and any
    // option that does not combine with it, from the same inventory and options: what is left is
    // resolving the path the request carries.
    const Result<MigrationPath> path =
        MigrationPath::choose(inventory, instance->node, node, pending.options);
    if (!path) {
        // Not reachable while the pre-flight runs choose() too; every move still gets an outcome.
        Q_EMIT q->migrationRefused(pending.requestId, uuid, node,
                                   refusal(uuid, node, QStringLiteral("transport"), path.error().message));
        return;
    }
    MigrationRequest request;
    request.uuid = uuid;
    request.name = instance->name;
    request.sourceNode = instance->node;
    request.destinationNode = node;
    request.sourceUri = source ? source->uri : QString();
    request.destinationUri = destination ? destination->uri : QString();
    request.sourceAllowInsecure = source && source->allowInsecure;
    request.destinationAllowInsecure = destination && destination->allowInsecure;
    request.migrationUri = path->migrationUri;
    request.transport = path->transport;
    request.tlsDestination = path->tlsDestination;
    request.options = pending.options;
    request.reason = pending.reason;
    request.memoryKiB = memoryOf(*instance);
    request.id = pending.requestId;
    // The move's own id: unique among this controller's, so the queue never refuses it.
    q->m_queue->enqueue(request);
    Q_EMIT q->migrationQueued(request.id, request);
}

} // namespace kumo

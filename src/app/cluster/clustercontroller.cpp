// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cluster/clustercontroller.h"

#include <algorithm>

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSet>
#include <QThread>
#include <QTimer>

#include "core/credentialprovider.h"
#include "core/processexit.h"
#include "core/sentences.h"
#include "core/statetext.h"
#include "core/threadhandoff.h"
#include "virt/hostsession.h"

Q_LOGGING_CATEGORY(lcCluster, "kumo.cluster")

namespace kumo {

namespace {

// The shortest time between two merges of instance lists that come in a stream.
constexpr qint64 MergeSpacingMs = 50;

// Where an instance runs wins over where it is paused (an incoming migration) and both win
// over where it is merely defined (a source that kept its definition).
int placementRank(InstanceState state)
{
    switch (state) {
    case InstanceState::Running:
    case InstanceState::Blocked:
        return 3;
    case InstanceState::Paused:
    case InstanceState::ShuttingDown:
    case InstanceState::PmSuspended:
        return 2;
    case InstanceState::ShutOff:
    case InstanceState::Crashed:
    case InstanceState::NoState:
        return 1;
    }
    return 0;
}

// Paused with a live QEMU process: it holds the guest's memory and resumes where it stopped.
bool isPausedLive(const InstanceSnapshot& copy)
{
    return copy.state == InstanceState::Paused || copy.state == InstanceState::PmSuspended;
}

// virDomainPausedReason values of a copy waiting in a migration: paused for the migration,
// still starting up to receive one, paused in post-copy.
bool isMigrationPause(int reason)
{
    return reason == 2 || reason == 11 || reason == 12;
}

// virDomainRunningReason: resumed on this node by an incoming migration.
constexpr int RunningMigratedReason = 2;

bool sessionSettingsDiffer(const NodeConfig& a, const NodeConfig& b)
{
    // Only what the connection depends on: a rename is a remove plus an add anyway. A node
    // refused for its transport connects again only when one of these changes.
    return a.uri != b.uri || a.allowInsecure != b.allowInsecure || a.readOnly != b.readOnly;
}

void registerMetaTypes()
{
    qRegisterMetaType<kumo::NodeSnapshot>();
    qRegisterMetaType<kumo::InstanceSnapshot>();
    qRegisterMetaType<kumo::InstanceEvent>();
    qRegisterMetaType<QList<kumo::InstanceSnapshot>>();
    qRegisterMetaType<kumo::Error>();
    qRegisterMetaType<kumo::Inventory>();
    qRegisterMetaType<kumo::InstanceAction>();
    qRegisterMetaType<kumo::GuestFacts>();
    qRegisterMetaType<kumo::DestinationFacts>();
    qRegisterMetaType<kumo::InstanceCopyFacts>();
}

} // namespace

ClusterController::ClusterController(QObject* parent)
    : ClusterController(SessionFactory{}, parent)
{}

ClusterController::ClusterController(SessionFactory factory, QObject* parent)
    : QObject(parent)
    , m_factory(std::move(factory))
{
    registerMetaTypes();
    m_mergeTimer = new QTimer(this);
    m_mergeTimer->setSingleShot(true);
    connect(m_mergeTimer, &QTimer::timeout, this, &ClusterController::mergeQueuedInstances);
    m_watchClock.start();
    m_watchdog = new QTimer(this);
    m_watchdog->setInterval(WatchdogIntervalMs);
    connect(m_watchdog, &QTimer::timeout, this, &ClusterController::checkSessions);
    m_watchdog->start();
    if (!m_factory) {
        m_factory = [this](const NodeConfig& config) -> NodeSession* {
            return new HostSession(config, m_credentials);
        };
    }
}

ClusterController::~ClusterController()
{
    shutdown();
}

void ClusterController::setCredentialProvider(CredentialProvider* credentials)
{
    m_credentials = credentials;
}

Inventory ClusterController::withMaintenance(const Inventory& inventory) const
{
    Inventory result = inventory;
    if (m_maintenanceSites.isEmpty())
        return result;
    for (NodeConfig& node : result.nodes) {
        if (m_maintenanceSites.contains(node.site))
            node.maintenance = true;
    }
    return result;
}

void ClusterController::setSiteMaintenance(const QString& site, bool on)
{
    if (m_maintenanceSites.contains(site) == on)
        return;
    if (on)
        m_maintenanceSites.insert(site);
    else
        m_maintenanceSites.remove(site);
    setInventory(m_fileInventory);
}

void ClusterController::setInventory(const Inventory& fileInventory)
{
    m_fileInventory = fileInventory;
    const Inventory inventory = withMaintenance(fileInventory);
    const Inventory previous = m_inventory;
    m_inventory = inventory;

    QSet<QString> wanted;
    for (const NodeConfig& config : inventory.nodes)
        wanted.insert(config.name);

    const QStringList existing = m_nodeOrder;
    for (const QString& name : existing) {
        if (!wanted.contains(name))
            removeNode(name);
    }

    QStringList order;
    for (const NodeConfig& config : inventory.nodes) {
        order.append(config.name);
        const NodeConfig* before = previous.node(config.name);
        if (!before) {
            NodeSnapshot initial;
            initial.node = config.name;
            initial.state = NodeState::Connecting;
            m_nodes.insert(config.name, initial);
            m_nodeOrder.append(config.name);
            Q_EMIT nodeAdded(config.name);
            startSession(config);
        } else if (sessionSettingsDiffer(*before, config)) {
            stopSession(config.name);
            startSession(config);
            Q_EMIT nodeChanged(config.name);
        } else if (!(*before == config)) {
            // Site, maintenance flag or migration settings: shown by views, no reconnect.
            Q_EMIT nodeChanged(config.name);
        }
    }
    m_nodeOrder = order;

    if (previous.pollIntervalMs != inventory.pollIntervalMs) {
        for (const SessionSlot& slot : std::as_const(m_sessions)) {
            if (NodeSession* session = slot.session)
                handoff::post(session,
                              [session, ms = inventory.pollIntervalMs] { session->setPollInterval(ms); });
        }
    }
    if (!(previous == inventory))
        Q_EMIT inventoryChanged();
}

void ClusterController::setReadOnly(bool readOnly)
{
    if (m_readOnly == readOnly)
        return;
    m_readOnly = readOnly;
    // Nodes marked read_only in the inventory keep their read-only connection.
    for (const NodeConfig& config : std::as_const(m_inventory.nodes)) {
        if (!config.readOnly) {
            stopSession(config.name);
            startSession(config);
        }
    }
    Q_EMIT readOnlyChanged(m_readOnly);
}

bool ClusterController::isNodeReadOnly(const QString& node) const
{
    if (m_readOnly)
        return true;
    const NodeConfig* config = m_inventory.node(node);
    return config && config->readOnly;
}

Result<void> ClusterController::checkWritable(const QStringList& nodes) const
{
    Error error;
    error.code = ErrorCode::ReadOnly;
    if (m_readOnly) {
        error.message = tr("The console is in read-only mode: it shows the cloud and changes nothing.");
        return error;
    }
    for (const QString& node : nodes) {
        if (isNodeReadOnly(node)) {
            error.object = node;
            error.message =
                tr("The node %1 is read-only (read_only in the inventory): Kumo changes nothing on it.")
                    .arg(node);
            return error;
        }
    }
    return {};
}

void ClusterController::startSession(const NodeConfig& inventoryConfig)
{
    // In read-only mode the session opens every node read-only: libvirt refuses changes too.
    NodeConfig config = inventoryConfig;
    config.readOnly = config.readOnly || m_readOnly;
    NodeSession* session = m_factory(config);
    if (!session)
        return;
    auto* thread = new QThread(this);
    thread->setObjectName(QStringLiteral("node:%1").arg(config.name));
    session->moveToThread(thread);
    connect(thread, &QThread::started, session, &NodeSession::start);
    connect(thread, &QThread::finished, session, &QObject::deleteLater);
    connect(session, &NodeSession::nodeUpdated, this, &ClusterController::applyNodeSnapshot);
    connect(session, &NodeSession::instancesUpdated, this, &ClusterController::queueInstances);
    connect(session, &NodeSession::actionFinished, this, &ClusterController::onActionFinished);
    connect(session, &NodeSession::guestFactsReady, this, &ClusterController::onGuestFacts);
    connect(session, &NodeSession::destinationFactsReady, this, &ClusterController::onDestinationFacts);
    connect(session, &NodeSession::copyFactsReady, this, &ClusterController::onCopyFacts);
    connect(session, &NodeSession::instanceEvent, this, &ClusterController::instanceEvent);
    handoff::post(session, [session, ms = m_inventory.pollIntervalMs] { session->setPollInterval(ms); });
    m_sessions.insert(config.name, SessionSlot{session, thread});
    Watch watch;
    watch.sentAtMs = m_watchClock.elapsed();
    m_watch.insert(config.name, watch);
    thread->start();
}

void ClusterController::stopSession(const QString& node)
{
    const SessionSlot slot = m_sessions.take(node);
    // Actions sent to this session will not be answered by it any more.
    for (auto it = m_pendingActions.begin(); it != m_pendingActions.end();) {
        if (it->node == node) {
            const quint64 id = it.key();
            const PendingAction pending = *it;
            it = m_pendingActions.erase(it);
            QMetaObject::invokeMethod(
                this,
                [this, id, pending] {
                    Q_EMIT actionFinished(
                        id, pending.uuid, pending.action,
                        Error{ErrorCode::Cancelled,
                              pending.node,
                              tr("The node %1 left the inventory before the action finished.")
                                  .arg(pending.node),
                              {},
                              0,
                              0});
                },
                Qt::QueuedConnection);
        } else {
            ++it;
        }
    }
    for (auto it = m_pendingFacts.begin(); it != m_pendingFacts.end();) {
        if (it->node == node) {
            const quint64 id = it.key();
            const PendingFacts pending = *it;
            it = m_pendingFacts.erase(it);
            const Error error{ErrorCode::Cancelled,
                              node,
                              tr("The node %1 left the inventory before its facts were read.").arg(node),
                              {},
                              0,
                              0};
            QMetaObject::invokeMethod(
                this, [this, id, pending, error] { answerFacts(id, pending, error); }, Qt::QueuedConnection);
        } else {
            ++it;
        }
    }
    const bool hung = isNotResponding(node);
    m_watch.remove(node);
    if (!slot.thread)
        return;
    if (slot.session) {
        disconnect(slot.session, nullptr, this, nullptr);
        // Stop on the session's own thread, then end that thread: the GUI thread never waits
        // for a session that may be blocked inside libvirt.
        NodeSession* session = slot.session;
        handoff::post(session, [session] {
            session->stop();
            QThread::currentThread()->quit();
        });
    } else {
        slot.thread->quit();
    }
    QThread* thread = slot.thread;
    m_stoppingThreads.append(thread);
    if (hung)
        m_hungThreads.insert(thread);
    connect(thread, &QThread::finished, this, [this, thread] {
        m_stoppingThreads.removeOne(thread);
        m_hungThreads.remove(thread);
        thread->deleteLater();
    });
}

void ClusterController::removeNode(const QString& node)
{
    stopSession(node);
    const QHash<QString, InstanceSnapshot> seen = m_perNode.take(node);
    for (auto it = seen.cbegin(); it != seen.cend(); ++it) {
        removeLocation(it.key(), node);
        updatePrimary(it.key());
    }
    m_executingSince.remove(node);
    m_pausedSince.remove(node);
    m_nodes.remove(node);
    m_history.forgetNode(node);
    m_lastHistorySampleMs.remove(node);
    if (m_queuedInstances.remove(node))
        m_queuedOrder.removeAll(node);
    m_nodeOrder.removeAll(node);
    Q_EMIT instancesSettled();
    Q_EMIT nodeRemoved(node);
}

void ClusterController::shutdown(int timeoutMs)
{
    const QStringList names = m_sessions.keys();
    for (const QString& name : names)
        stopSession(name);
    m_watchdog->stop();
    QDeadlineTimer deadline(timeoutMs);
    for (QThread* thread : std::as_const(m_stoppingThreads)) {
        // A thread stuck in a call for seconds already is not waited for: its call ends when the
        // connection's keepalive gives up, long after a person closing the window.
        if (m_hungThreads.contains(thread) || !thread->wait(deadline)) {
            // A session stuck in a libvirt call: leave its thread to the process exit rather
            // than destroying a running thread.
            qCWarning(lcCluster) << "session thread" << thread->objectName() << "did not stop in time";
            thread->setParent(nullptr);
            leaveToProcessExit(thread);
        }
    }
    m_stoppingThreads.clear();
    m_hungThreads.clear();
}

quint64 ClusterController::requestAction(const QString& uuid, InstanceAction action)
{
    const quint64 id = m_nextRequestId++;
    const InstanceSnapshot* target = instance(uuid);
    if (!target) {
        failAction(
            id, uuid, action,
            Error{
                ErrorCode::NotFound, uuid, tr("The instance is no longer known to the console."), {}, 0, 0});
        return id;
    }
    if (target->isSplit()) {
        failAction(id, uuid, action,
                   Error{ErrorCode::InvalidInput,
                         target->name,
                         tr("%1 runs on %2 at the same time: stop one copy first (Fix split brain).")
                             .arg(target->name, Sentences::names(target->splitNodes)),
                         {},
                         0,
                         0});
        return id;
    }
    if (!isActionAllowed(action, target->state)) {
        failAction(id, uuid, action,
                   Error{ErrorCode::InvalidInput,
                         target->name,
                         tr("%1 is %2: this action does not apply.")
                             .arg(target->name, instanceStateText(target->state).toLower()),
                         {},
                         0,
                         0});
        return id;
    }
    if (const Result<void> writable = checkWritable({target->node}); !writable) {
        Error error = writable.error();
        if (error.object.isEmpty())
            error.object = target->name;
        failAction(id, uuid, action, error);
        return id;
    }
    const SessionSlot slot = m_sessions.value(target->node);
    const NodeSnapshot* node = this->node(target->node);
    if (node && node->state == NodeState::NotResponding) {
        failAction(id, uuid, action, notRespondingError(target->node));
        return id;
    }
    if (!slot.session || !node || node->state != NodeState::Connected) {
        failAction(id, uuid, action,
                   Error{ErrorCode::ConnectionFailed,
                         target->node,
                         tr("The node %1 is not connected; try again when it is.").arg(target->node),
                         {},
                         0,
                         0});
        return id;
    }
    m_pendingActions.insert(id, PendingAction{target->node, uuid, action});
    Q_EMIT actionStarted(id, uuid, action);
    // A functor, not the slot's name: no lookup of the method and its argument types per action.
    // Calls queued to the session are dropped with it if it goes first.
    NodeSession* session = slot.session;
    handoff::post(session, [session, id, uuid, action] { session->performAction(id, uuid, action); });
    return id;
}

quint64 ClusterController::requestGuestFacts(const QString& uuid)
{
    const quint64 id = m_nextRequestId++;
    const InstanceSnapshot* target = instance(uuid);
    const SessionSlot slot = target ? m_sessions.value(target->node) : SessionSlot{};
    if (!slot.session || isNotResponding(target->node)) {
        GuestFacts facts;
        facts.uuid = uuid;
        facts.error = slot.session ? notRespondingError(target->node)
                                   : Error{ErrorCode::ConnectionFailed,
                                           target ? target->node : uuid,
                                           tr("The node of this instance is not connected."),
                                           {},
                                           0,
                                           0};
        QMetaObject::invokeMethod(
            this, [this, id, facts] { Q_EMIT guestFactsReady(id, facts); }, Qt::QueuedConnection);
        return id;
    }
    m_pendingFacts.insert(id, PendingFacts{target->node, uuid, PendingFacts::Guest});
    NodeSession* session = slot.session;
    handoff::post(session, [session, id, uuid] { session->collectGuestFacts(id, uuid); });
    return id;
}

quint64 ClusterController::requestDestinationFacts(const QString& node, const GuestFacts& guest)
{
    const quint64 id = m_nextRequestId++;
    const SessionSlot slot = m_sessions.value(node);
    if (!slot.session || isNotResponding(node)) {
        DestinationFacts facts;
        facts.node = node;
        facts.error =
            slot.session ? notRespondingError(node) : Error{ErrorCode::ConnectionFailed,
                                                            node,
                                                            tr("The node %1 is not connected.").arg(node),
                                                            {},
                                                            0,
                                                            0};
        QMetaObject::invokeMethod(
            this, [this, id, facts] { Q_EMIT destinationFactsReady(id, facts); }, Qt::QueuedConnection);
        return id;
    }
    m_pendingFacts.insert(id, PendingFacts{node, guest.uuid, PendingFacts::Destination});
    NodeSession* session = slot.session;
    handoff::post(session, [session, id, guest] { session->collectDestinationFacts(id, guest); });
    return id;
}

quint64 ClusterController::requestCopyFacts(const QString& uuid, const QString& node)
{
    const quint64 id = m_nextRequestId++;
    const SessionSlot slot = m_sessions.value(node);
    const NodeSnapshot* snapshot = this->node(node);
    if (!slot.session || !snapshot || snapshot->state != NodeState::Connected) {
        InstanceCopyFacts facts;
        facts.uuid = uuid;
        facts.node = node;
        facts.error = slot.session && isNotResponding(node)
                          ? notRespondingError(node)
                          : Error{ErrorCode::ConnectionFailed,
                                  node,
                                  tr("The node %1 is not connected.").arg(node),
                                  {},
                                  0,
                                  0};
        QMetaObject::invokeMethod(
            this, [this, id, facts] { Q_EMIT copyFactsReady(id, facts); }, Qt::QueuedConnection);
        return id;
    }
    // Watched like every fact request: a node that stops answering gets its answer from the
    // watchdog, in words, and its late answer is dropped.
    m_pendingFacts.insert(id, PendingFacts{node, uuid, PendingFacts::Copy});
    NodeSession* session = slot.session;
    handoff::post(session, [session, id, uuid] { session->collectCopyFacts(id, uuid); });
    return id;
}

quint64 ClusterController::requestStopCopy(const QString& uuid, const QString& node)
{
    const quint64 id = m_nextRequestId++;
    constexpr InstanceAction action = InstanceAction::ForceOff;
    const InstanceSnapshot* target = instance(uuid);
    if (!target || !target->isSplit() || !target->splitNodes.contains(node)) {
        failAction(id, uuid, action,
                   Error{ErrorCode::InvalidInput,
                         target ? target->name : uuid,
                         tr("The instance does not run on %1 and another node at once (any more).").arg(node),
                         {},
                         0,
                         0});
        return id;
    }
    if (const Result<void> writable = checkWritable({node}); !writable) {
        Error error = writable.error();
        if (error.object.isEmpty())
            error.object = target->name;
        failAction(id, uuid, action, error);
        return id;
    }
    const SessionSlot slot = m_sessions.value(node);
    const NodeSnapshot* snapshot = this->node(node);
    if (!slot.session || !snapshot || snapshot->state != NodeState::Connected) {
        failAction(id, uuid, action,
                   Error{ErrorCode::ConnectionFailed,
                         node,
                         tr("The node %1 is not connected; try again when it is.").arg(node),
                         {},
                         0,
                         0});
        return id;
    }
    qCWarning(lcCluster) << "stopping the copy of" << target->name << uuid << "on" << node;
    m_pendingActions.insert(id, PendingAction{node, uuid, action});
    Q_EMIT actionStarted(id, uuid, action);
    NodeSession* session = slot.session;
    handoff::post(session, [session, id, uuid] { session->performAction(id, uuid, action); });
    return id;
}

const InstanceSnapshot* ClusterController::copyOn(const QString& node, const QString& uuid) const
{
    const auto reports = m_perNode.constFind(node);
    if (reports == m_perNode.cend())
        return nullptr;
    const auto found = reports->constFind(uuid);
    return found == reports->cend() ? nullptr : &*found;
}

bool ClusterController::canRemoveCopyDefinition(const QString& uuid, const QString& node) const
{
    const InstanceSnapshot* here = copyOn(node, uuid);
    if (!here || !here->persistent)
        return false;
    for (const QString& other : m_locations.value(uuid)) {
        const InstanceSnapshot* there = other == node ? nullptr : copyOn(other, uuid);
        if (there && there->persistent)
            return true;
    }
    return false;
}

quint64 ClusterController::requestRemoveCopyDefinition(const QString& uuid, const QString& node)
{
    const quint64 id = m_nextRequestId++;
    constexpr InstanceAction action = InstanceAction::Undefine;
    const InstanceSnapshot* found = copyOn(node, uuid);
    const InstanceSnapshot copy = found ? *found : InstanceSnapshot{};
    const QString name = copy.name.isEmpty() ? uuid : copy.name;
    if (!canRemoveCopyDefinition(uuid, node)) {
        failAction(id, uuid, action,
                   Error{ErrorCode::InvalidInput,
                         name,
                         tr("The definition on %1 is kept: no other node holds a persistent definition of "
                            "this instance.")
                             .arg(node),
                         {},
                         0,
                         0});
        return id;
    }
    if (copy.isActive()) {
        failAction(
            id, uuid, action,
            Error{ErrorCode::InvalidInput,
                  name,
                  tr("The copy on %1 still runs: only a stopped copy's definition is removed.").arg(node),
                  {},
                  0,
                  0});
        return id;
    }
    if (const Result<void> writable = checkWritable({node}); !writable) {
        Error error = writable.error();
        if (error.object.isEmpty())
            error.object = name;
        failAction(id, uuid, action, error);
        return id;
    }
    const SessionSlot slot = m_sessions.value(node);
    const NodeSnapshot* snapshot = this->node(node);
    if (slot.session && isNotResponding(node)) {
        failAction(id, uuid, action, notRespondingError(node));
        return id;
    }
    if (!slot.session || !snapshot || snapshot->state != NodeState::Connected) {
        failAction(id, uuid, action,
                   Error{ErrorCode::ConnectionFailed,
                         node,
                         tr("The node %1 is not connected; try again when it is.").arg(node),
                         {},
                         0,
                         0});
        return id;
    }
    qCInfo(lcCluster) << "removing the definition of the stopped copy of" << name << uuid << "on" << node;
    m_pendingActions.insert(id, PendingAction{node, uuid, action});
    Q_EMIT actionStarted(id, uuid, action);
    NodeSession* session = slot.session;
    handoff::post(session, [session, id, uuid] { session->performAction(id, uuid, action); });
    return id;
}

void ClusterController::failAction(quint64 requestId, const QString& uuid, InstanceAction action,
                                   const Error& error)
{
    // Answer later, like a real answer, so callers see one order of signals whatever happens.
    QMetaObject::invokeMethod(
        this,
        [this, requestId, uuid, action, error] {
            Q_EMIT actionStarted(requestId, uuid, action);
            Q_EMIT actionFinished(requestId, uuid, action, error);
        },
        Qt::QueuedConnection);
}

void ClusterController::onActionFinished(quint64 requestId, const QString& uuid, InstanceAction action,
                                         const Error& error)
{
    const auto pending = m_pendingActions.constFind(requestId);
    if (pending == m_pendingActions.cend())
        return;
    const QString node = pending->node;
    m_pendingActions.erase(pending);
    // The session sends the refresh that shows the outcome just before the answer: merge it now,
    // so that whoever hears the answer finds the instance in its new state.
    if (m_queuedInstances.contains(node)) {
        m_queuedOrder.removeOne(node);
        applyInstances(node, m_queuedInstances.take(node));
    }
    Q_EMIT actionFinished(requestId, uuid, action, error);
}

void ClusterController::refreshNow(const QString& node)
{
    const SessionSlot slot = m_sessions.value(node);
    if (NodeSession* session = slot.session)
        handoff::post(session, [session] { session->refreshNow(); });
}

void ClusterController::onGuestFacts(quint64 requestId, const GuestFacts& facts)
{
    // Answered already when the node stopped responding or left.
    if (m_pendingFacts.remove(requestId))
        Q_EMIT guestFactsReady(requestId, facts);
}

void ClusterController::onDestinationFacts(quint64 requestId, const DestinationFacts& facts)
{
    if (m_pendingFacts.remove(requestId))
        Q_EMIT destinationFactsReady(requestId, facts);
}

void ClusterController::onCopyFacts(quint64 requestId, const InstanceCopyFacts& facts)
{
    if (m_pendingFacts.remove(requestId))
        Q_EMIT copyFactsReady(requestId, facts);
}

void ClusterController::setWatchdogTimes(int intervalMs, int notRespondingAfterMs)
{
    m_watchdog->start(std::max(intervalMs, 1));
    m_notRespondingAfterMs = std::max(notRespondingAfterMs, 1);
}

bool ClusterController::isNotResponding(const QString& node) const
{
    const auto it = m_watch.constFind(node);
    return it != m_watch.cend() && it->notResponding;
}

Error ClusterController::notRespondingError(const QString& node) const
{
    return Error{
        ErrorCode::Timeout,
        node,
        tr("The node %1 is not responding: its libvirt daemon has not answered for seconds.").arg(node),
        {},
        0,
        0};
}

void ClusterController::checkSessions()
{
    const qint64 now = m_watchClock.elapsed();
    // By name: a receiver of the signals below may change the inventory, and so the sessions.
    const QStringList names = m_sessions.keys();
    for (const QString& name : names) {
        NodeSession* session = m_sessions.value(name).session;
        auto watch = m_watch.find(name);
        if (!session || watch == m_watch.end())
            continue;
        if (watch->answered->load() == watch->sent) {
            if (watch->notResponding) {
                // Its thread answers again: show what the session last said (the snapshot that
                // came with or after the answer replaces it at once).
                watch->notResponding = false;
                qCInfo(lcCluster) << "node" << name << "answers again";
                const NodeSnapshot reported = watch->reported;
                if (!reported.node.isEmpty()) {
                    applyNodeSnapshot(reported);
                } else {
                    NodeSnapshot connecting;
                    connecting.node = name;
                    connecting.state = NodeState::Connecting;
                    applyNodeSnapshot(connecting);
                }
                watch = m_watch.find(name);
                session = m_sessions.value(name).session;
                if (watch == m_watch.end() || !session)
                    continue;
            }
            ++watch->sent;
            watch->sentAtMs = now;
            handoff::post(session, [answered = watch->answered, n = watch->sent] { answered->store(n); });
        } else if (WaitingForPerson::isWaiting(m_sessions.value(name).thread)) {
            watch->sentAtMs = now; // a credential prompt is open: the person is slow, not the node
        } else if (!watch->notResponding && now - watch->sentAtMs >= m_notRespondingAfterMs) {
            markNotResponding(name, now - watch->sentAtMs);
        }
    }
}

void ClusterController::markNotResponding(const QString& node, qint64 silentMs)
{
    auto watch = m_watch.find(node);
    auto shown = m_nodes.find(node);
    if (watch == m_watch.end() || shown == m_nodes.end())
        return;
    watch->notResponding = true;
    qCWarning(lcCluster) << "node" << node << "has not answered for" << silentMs << "ms: not responding";
    NodeSnapshot snapshot;
    snapshot.node = node;
    snapshot.state = NodeState::NotResponding;
    snapshot.error = notRespondingError(node);
    snapshot.sampledAtMs = shown->sampledAtMs;
    *shown = snapshot;
    Q_EMIT nodeChanged(node);
    failPendingOn(node, snapshot.error);
}

void ClusterController::failPendingOn(const QString& node, const Error& error)
{
    QList<std::pair<quint64, PendingAction>> actions;
    for (auto it = m_pendingActions.begin(); it != m_pendingActions.end();) {
        if (it->node == node) {
            actions.append({it.key(), *it});
            it = m_pendingActions.erase(it);
        } else {
            ++it;
        }
    }
    QList<std::pair<quint64, PendingFacts>> facts;
    for (auto it = m_pendingFacts.begin(); it != m_pendingFacts.end();) {
        if (it->node == node) {
            facts.append({it.key(), *it});
            it = m_pendingFacts.erase(it);
        } else {
            ++it;
        }
    }
    for (const auto& [id, pending] : std::as_const(actions))
        Q_EMIT actionFinished(id, pending.uuid, pending.action, error);
    for (const auto& [id, pending] : std::as_const(facts))
        answerFacts(id, pending, error);
}

void ClusterController::answerFacts(quint64 id, const PendingFacts& pending, const Error& error)
{
    switch (pending.kind) {
    case PendingFacts::Destination: {
        DestinationFacts answer;
        answer.node = pending.node;
        answer.error = error;
        Q_EMIT destinationFactsReady(id, answer);
        return;
    }
    case PendingFacts::Guest: {
        GuestFacts answer;
        answer.uuid = pending.uuid;
        answer.error = error;
        Q_EMIT guestFactsReady(id, answer);
        return;
    }
    case PendingFacts::Copy: {
        InstanceCopyFacts answer;
        answer.uuid = pending.uuid;
        answer.node = pending.node;
        answer.error = error;
        Q_EMIT copyFactsReady(id, answer);
        return;
    }
    }
}

void ClusterController::applyNodeSnapshot(const NodeSnapshot& snapshot)
{
    auto it = m_nodes.find(snapshot.node);
    if (it == m_nodes.end())
        return; // a late snapshot of a node that left the inventory
    if (auto watch = m_watch.find(snapshot.node); watch != m_watch.end()) {
        watch->reported = snapshot;
        if (watch->notResponding)
            return; // shown when its thread answers the watchdog again
    }
    const bool changed = !sameContent(*it, snapshot);
    *it = snapshot;
    m_history.recordNode(snapshot);
    if (changed)
        Q_EMIT nodeChanged(snapshot.node);
}

void ClusterController::queueInstances(const QString& node, const QList<InstanceSnapshot>& instances)
{
    // A newer list of the same node replaces one still waiting: only the latest state matters.
    if (!m_queuedInstances.contains(node))
        m_queuedOrder.append(node);
    m_queuedInstances.insert(node, instances);
    if (m_mergeTimer->isActive())
        return;
    // A list that comes alone is merged at once. Lists that come in a stream (all nodes at
    // start-up, the polls of hundreds of nodes) are merged together, at most MergeSpacingMs
    // apart: models, map and status bar then change a few times a second, not once per node.
    const qint64 since = m_sinceMerge.isValid() ? m_sinceMerge.elapsed() : MergeSpacingMs;
    m_mergeTimer->start(int(std::max<qint64>(0, MergeSpacingMs - since)));
}

void ClusterController::mergeQueuedInstances()
{
    // Merge for a slice, then let the event loop paint and take input before going on. A repaint
    // of the whole window costs 10-20 ms with 10,000 instances: shorter slices would spend a
    // start-up backlog mostly on painting the intermediate states.
    constexpr qint64 SliceNs = 12'000'000;
    QElapsedTimer slice;
    slice.start();
    while (!m_queuedOrder.isEmpty() && slice.nsecsElapsed() < SliceNs) {
        const QString node = m_queuedOrder.takeFirst();
        mergeInstances(node, m_queuedInstances.take(node));
    }
    Q_EMIT instancesSettled();
    if (m_queuedOrder.isEmpty())
        m_sinceMerge.start();
    else
        m_mergeTimer->start(0);
}

void ClusterController::applyInstances(const QString& node, const QList<InstanceSnapshot>& instances)
{
    mergeInstances(node, instances);
    Q_EMIT instancesSettled();
}

void ClusterController::mergeInstances(const QString& node, const QList<InstanceSnapshot>& instances)
{
    if (!m_nodes.contains(node))
        return;
    QHash<QString, InstanceSnapshot>& current = m_perNode[node];
    // History keeps one instance sample per step: look at the node's instances once a step only.
    // Stepped on the monotonic clock: a wall-clock step back would stop the sampling.
    const qint64 now = m_history.monotonicNowMs();
    const auto last = m_lastHistorySampleMs.constFind(node);
    const bool sampleHistory = !instances.isEmpty() && (last == m_lastHistorySampleMs.cend() ||
                                                        now - *last >= MetricsHistory::DefaultInstanceStepMs);
    if (sampleHistory)
        m_lastHistorySampleMs.insert(node, now);

    // Compared in place: most lists repeat what the node said before, and are merged many times a
    // second at hundreds of nodes.
    QList<QString> touched;
    qsizetype matched = 0;
    qsizetype added = 0;
    for (const InstanceSnapshot& instance : instances) {
        if (sampleHistory && instance.isActive())
            m_history.recordInstance(instance);
        const auto it = current.find(instance.uuid);
        bool isTouched = false;
        if (it == current.end()) {
            current.insert(instance.uuid, instance);
            addLocation(instance.uuid, node);
            touched.append(instance.uuid);
            isTouched = true;
            ++added;
        } else {
            ++matched;
            if (!it->sameContent(instance)) {
                *it = instance;
                touched.append(instance.uuid);
                isTouched = true;
            } else {
                // Nothing shown changed: keep the counters and the time of the report current (split
                // brain compares when each copy was seen) without re-placing the instance.
                it->cpuTimeNs = instance.cpuTimeNs;
                it->sampledAtMs = instance.sampledAtMs;
                it->stateSeenAtMs = instance.stateSeenAtMs;
                if (const auto shown = m_primary.find(instance.uuid);
                    shown != m_primary.end() && shown->node == node) {
                    shown->cpuTimeNs = instance.cpuTimeNs;
                    shown->sampledAtMs = instance.sampledAtMs;
                    shown->stateSeenAtMs = instance.stateSeenAtMs;
                }
            }
        }
        if (!m_shared.isEmpty() && m_shared.contains(instance.uuid)) {
            // Every report of a UUID seen elsewhere too may start or end a split brain.
            notePhase(node, instance);
            if (!isTouched)
                touched.append(instance.uuid);
        }
    }
    // Instances the node no longer reports.
    if (matched + added != current.size()) {
        QSet<QString> listed;
        listed.reserve(instances.size());
        for (const InstanceSnapshot& instance : instances)
            listed.insert(instance.uuid);
        for (auto it = current.begin(); it != current.end();) {
            if (listed.contains(it.key())) {
                ++it;
                continue;
            }
            const QString uuid = it.key();
            it = current.erase(it);
            removeLocation(uuid, node);
            touched.append(uuid);
        }
    }
    for (const QString& uuid : std::as_const(touched))
        updatePrimary(uuid);
}

void ClusterController::addLocation(const QString& uuid, const QString& node)
{
    QStringList& where = m_locations[uuid];
    where.append(node);
    if (where.size() != 2)
        return;
    m_shared.insert(uuid);
    // The copy that was alone until now: counted as executing since its last report, which is
    // the earliest time the console knows it ran at.
    const QString& other = where.constFirst();
    notePhase(other, m_perNode[other][uuid]);
}

void ClusterController::notePhase(const QString& node, const InstanceSnapshot& copy)
{
    QHash<QString, qint64>& executing = m_executingSince[node];
    QHash<QString, qint64>& paused = m_pausedSince[node];
    // A new state is known from the end of the read that told it (it may have been reached just
    // before that read returned).
    if (!copy.isExecuting())
        executing.remove(copy.uuid);
    else if (!executing.contains(copy.uuid))
        executing.insert(copy.uuid, copy.stateKnownBy());
    if (!isPausedLive(copy))
        paused.remove(copy.uuid);
    else if (!paused.contains(copy.uuid))
        paused.insert(copy.uuid, copy.stateKnownBy());
}

void ClusterController::removeLocation(const QString& uuid, const QString& node)
{
    const auto found = m_locations.find(uuid);
    if (found == m_locations.end())
        return;
    found->removeAll(node);
    if (const auto since = m_executingSince.find(node); since != m_executingSince.end())
        since->remove(uuid);
    if (const auto since = m_pausedSince.find(node); since != m_pausedSince.end())
        since->remove(uuid);
    if (found->size() < 2 && m_shared.remove(uuid)) {
        for (const QString& other : std::as_const(*found)) {
            m_executingSince[other].remove(uuid);
            m_pausedSince[other].remove(uuid);
        }
    }
    if (found->isEmpty())
        m_locations.erase(found);
}

QStringList ClusterController::splitNodesOf(const QString& uuid) const
{
    if (!m_shared.contains(uuid))
        return {};
    struct Copy
    {
        QString node;
        bool executing = false; // otherwise paused with a live process
        int reason = 0;
        qint64 since = 0; // first report of this run (or of this pause)
        qint64 last = 0;  // latest time libvirt told this state (stateSeenAt)
    };
    QList<Copy> live;
    for (const QString& node : m_locations.value(uuid)) {
        const auto reports = m_perNode.constFind(node);
        if (reports == m_perNode.cend())
            continue;
        const auto found = reports->constFind(uuid);
        if (found == reports->cend())
            continue;
        const InstanceSnapshot& copy = *found;
        if (copy.isExecuting()) {
            const qint64 since = m_executingSince.value(node).value(uuid, copy.stateKnownBy());
            live.append(Copy{node, true, copy.stateReason, since, copy.stateSeenAt()});
        } else if (isPausedLive(copy)) {
            const qint64 since = m_pausedSince.value(node).value(uuid, copy.stateKnownBy());
            live.append(Copy{node, false, copy.stateReason, since, copy.stateSeenAt()});
        }
    }
    QSet<QString> split;
    for (qsizetype i = 0; i < live.size(); ++i) {
        for (qsizetype j = i + 1; j < live.size(); ++j) {
            const Copy& a = live.at(i);
            const Copy& b = live.at(j);
            // Both were there at one moment: each was seen after the other had started. A copy
            // that stopped being reported (a hung node) never overlaps a copy started later, and
            // reports of the same instant (or of no known time) prove nothing.
            if (!(a.last > b.since && b.last > a.since))
                continue;
            if (!a.executing && !b.executing) {
                // Both paused: the two ends of a migration at its switch-over (or of a paused
                // guest's migration) unless neither is paused for a migration.
                if (isMigrationPause(a.reason) || isMigrationPause(b.reason))
                    continue;
            } else if (!a.executing || !b.executing) {
                const Copy& running = a.executing ? a : b;
                const Copy& paused = a.executing ? b : a;
                // A copy paused for an incoming migration beside the running source is an
                // ordinary migration until the source gives up: it runs again after a pause the
                // console saw (the switch-over) while the incoming copy stays. The source's own
                // leftover at the switch-over (the running copy arrived by migration) is not a
                // split either.
                if (isMigrationPause(paused.reason) &&
                    (running.reason == RunningMigratedReason || running.since <= paused.since))
                    continue;
            }
            split.insert(a.node);
            split.insert(b.node);
        }
    }
    QStringList nodes;
    for (const QString& node : m_nodeOrder) {
        if (split.contains(node))
            nodes.append(node);
    }
    return nodes;
}

QList<InstanceSnapshot> ClusterController::copiesOf(const QString& uuid) const
{
    QList<InstanceSnapshot> copies;
    const QStringList where = m_locations.value(uuid);
    for (const QString& node : m_nodeOrder) {
        if (where.contains(node))
            copies.append(m_perNode.value(node).value(uuid));
    }
    return copies;
}

QStringList ClusterController::splitInstances() const
{
    QStringList uuids;
    for (const QString& uuid : m_shared) {
        const auto shown = m_primary.constFind(uuid);
        if (shown != m_primary.cend() && shown->isSplit())
            uuids.append(uuid);
    }
    return uuids;
}

void ClusterController::updatePrimary(const QString& uuid)
{
    const InstanceSnapshot* best = nullptr;
    const auto previous = m_primary.constFind(uuid);
    const QString previousNode = previous != m_primary.cend() ? previous->node : QString();
    const QStringList where = m_locations.value(uuid);
    for (const QString& node : where) {
        const InstanceSnapshot& candidate = m_perNode[node][uuid];
        if (!best) {
            best = &candidate;
            continue;
        }
        const int rank = placementRank(candidate.state);
        const int bestRank = placementRank(best->state);
        // On a tie the instance stays where it is shown, so nothing flickers between nodes.
        if (rank > bestRank || (rank == bestRank && candidate.node == previousNode))
            best = &candidate;
    }

    if (!best) {
        if (previous != m_primary.cend()) {
            const bool wasSplit = previous->isSplit();
            m_primary.remove(uuid);
            m_history.forgetInstance(uuid);
            Q_EMIT instanceRemoved(uuid, previousNode);
            if (wasSplit)
                Q_EMIT splitBrainChanged(uuid, {});
        }
        return;
    }
    InstanceSnapshot shown = *best;
    shown.splitNodes = splitNodesOf(uuid);
    if (previous == m_primary.cend()) {
        m_primary.insert(uuid, shown);
        Q_EMIT instanceAdded(uuid);
        if (shown.isSplit()) {
            qCWarning(lcCluster) << "split brain:" << shown.name << uuid << "runs on" << shown.splitNodes;
            Q_EMIT splitBrainChanged(uuid, shown.splitNodes);
        }
        return;
    }
    const InstanceSnapshot before = std::exchange(m_primary[uuid], shown);
    if (before.node != shown.node) {
        Q_EMIT instanceMoved(uuid, before.node, shown.node);
        InstanceSnapshot comparable = before;
        comparable.node = shown.node;
        if (!comparable.sameContent(shown))
            Q_EMIT instanceChanged(uuid);
    } else if (!before.sameContent(shown)) {
        Q_EMIT instanceChanged(uuid);
    }
    if (before.splitNodes != shown.splitNodes) {
        if (shown.isSplit())
            qCWarning(lcCluster) << "split brain:" << shown.name << uuid << "runs on" << shown.splitNodes;
        else
            qCInfo(lcCluster) << "split brain over:" << shown.name << uuid << "runs on" << shown.node;
        Q_EMIT splitBrainChanged(uuid, shown.splitNodes);
    }
}

const NodeSnapshot* ClusterController::node(const QString& name) const
{
    const auto it = m_nodes.constFind(name);
    return it == m_nodes.cend() ? nullptr : &*it;
}

const InstanceSnapshot* ClusterController::instance(const QString& uuid) const
{
    const auto it = m_primary.constFind(uuid);
    return it == m_primary.cend() ? nullptr : &*it;
}

QList<InstanceSnapshot> ClusterController::instances() const
{
    return m_primary.values();
}

QList<InstanceSnapshot> ClusterController::instancesOn(const QString& node) const
{
    QList<InstanceSnapshot> result;
    for (const InstanceSnapshot& instance : m_primary) {
        if (instance.node == node)
            result.append(instance);
    }
    return result;
}

QStringList ClusterController::locationsOf(const QString& uuid) const
{
    return m_locations.value(uuid);
}

int ClusterController::connectedNodeCount() const
{
    int count = 0;
    for (const NodeSnapshot& node : m_nodes)
        count += node.state == NodeState::Connected ? 1 : 0;
    return count;
}

int ClusterController::runningInstanceCount() const
{
    int count = 0;
    for (const InstanceSnapshot& instance : m_primary)
        count += instance.state == InstanceState::Running ? 1 : 0;
    return count;
}

} // namespace kumo

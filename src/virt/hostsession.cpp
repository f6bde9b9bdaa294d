// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "virt/hostsession.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <utility>
#include <vector>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <QDateTime>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTimer>
#include <QXmlStreamReader>

#include "core/credentialprovider.h"
#include "virt/domainaction.h"
#include "virt/eventloop.h"
#include "virt/hostfacts.h"
#include "virt/virterror.h"

namespace kumo {

namespace {

// Shared between a session and the callbacks libvirt runs on the event loop thread. libvirt
// frees its reference (through freeGuardRef) only when it no longer uses the callback, so the
// guard outlives every callback; the session pointer is cleared before the connection closes.
struct CallbackGuard
{
    std::mutex mutex;
    HostSession* session = nullptr;
    quint64 generation = 0;
    std::atomic<bool> eventPending{false};
    // What the events since the last refresh touched: domains whose state changed, or a change of
    // the domain list itself (define, undefine, rename, an unknown domain), which needs a full poll.
    QSet<QString> changedDomains;
    bool listChanged = false;
};

using GuardRef = std::shared_ptr<CallbackGuard>;

void freeGuardRef(void* opaque)
{
    delete static_cast<GuardRef*>(opaque);
}

quint64 paramValue(const virTypedParameter& param)
{
    switch (param.type) {
    case VIR_TYPED_PARAM_INT:
        return param.value.i < 0 ? 0 : static_cast<quint64>(param.value.i);
    case VIR_TYPED_PARAM_UINT:
        return param.value.ui;
    case VIR_TYPED_PARAM_LLONG:
        return param.value.l < 0 ? 0 : static_cast<quint64>(param.value.l);
    case VIR_TYPED_PARAM_ULLONG:
        return param.value.ul;
    case VIR_TYPED_PARAM_DOUBLE:
        return param.value.d < 0 ? 0 : static_cast<quint64>(param.value.d);
    case VIR_TYPED_PARAM_BOOLEAN:
        return param.value.b ? 1 : 0;
    default:
        return 0;
    }
}

QString hostUuidFromCapabilities(const char* xml)
{
    QXmlStreamReader reader(QByteArray::fromRawData(xml, static_cast<qsizetype>(std::strlen(xml))));
    int depth = 0;
    bool inHost = false;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
            if (depth == 2 && reader.name() == u"host")
                inHost = true;
            else if (inHost && depth == 3 && reader.name() == u"uuid")
                return reader.readElementText().trimmed();
        } else if (token == QXmlStreamReader::EndElement) {
            if (depth == 2)
                inHost = false;
            --depth;
        }
    }
    return {};
}

// The share of its vCPUs an instance used since an earlier sample; -1 when that cannot be told.
template <typename Sample>
double cpuPercentSince(const InstanceSnapshot& instance, const Sample& previous, qint64 nowNs)
{
    if (nowNs <= previous.atNs || instance.cpuTimeNs < previous.cpuTimeNs || instance.vcpus <= 0)
        return -1;
    const double busy = static_cast<double>(instance.cpuTimeNs - previous.cpuTimeNs) /
                        static_cast<double>(nowNs - previous.atNs) / instance.vcpus;
    return std::clamp(busy * 100.0, 0.0, 100.0);
}

InstanceState instanceState(quint64 state)
{
    return state <= static_cast<quint64>(InstanceState::PmSuspended) ? static_cast<InstanceState>(state)
                                                                     : InstanceState::NoState;
}

} // namespace

struct HostSession::Connection
{
    // A domain's UUID (as text) and name. Every public virDomain* call that takes a domain formats
    // its UUID for libvirt's debug log (VIR_DOMAIN_DEBUG), logging on or not, and at thousands of
    // domains a second that printf work was the largest single cost of polling; virDomainGetName
    // does not. So both are looked up by the name's bytes (no allocation per poll), in a table
    // cleared with the metadata: after define/undefine/rename events and every
    // MetadataRefreshPolls polls.
    struct Identity
    {
        QString uuid;
        QString name;
    };
    Identity identity(virDomainPtr domain)
    {
        const char* name = virDomainGetName(domain);
        if (!name) {
            virResetLastError();
            return {};
        }
        const auto it = identities.constFind(QByteArray::fromRawData(name, qsizetype(std::strlen(name))));
        if (it != identities.cend())
            return *it;
        char text[VIR_UUID_STRING_BUFLEN] = {};
        if (virDomainGetUUIDString(domain, text) < 0) {
            virResetLastError();
            return {};
        }
        return *identities.insert(QByteArray(name),
                                  Identity{QString::fromLatin1(text), QString::fromUtf8(name)});
    }
    QHash<QByteArray, Identity> identities;

    // virNodeGetInfo's figures, re-read every MetadataRefreshPolls polls.
    QString cpuModel;
    int cpus = 0;
    int mhz = 0;
    quint64 memoryTotalKiB = 0;
    int nodeInfoPolls = 0;

    // What the last poll published, so that an event about one domain refreshes just that domain.
    NodeSnapshot lastNode;
    QList<InstanceSnapshot> lastInstances;
    bool havePolled = false;
    QSet<QString> actedOn; // domains changed by performAction since the last refresh
    // Successful actions are answered with the refresh that shows their outcome, so that the
    // answer and the new state reach the window together (one wake-up of its thread, not two).
    struct FinishedAction
    {
        quint64 requestId = 0;
        QString uuid;
        InstanceAction action = InstanceAction::Start;
    };
    QList<FinishedAction> finishedActions;

    virConnectPtr conn = nullptr;
    GuardRef guard = std::make_shared<CallbackGuard>();
    int lifecycleCallbackId = -1;
    bool closeCallbackRegistered = false;
    DomainStatsMode mode = DomainStatsMode::Full;

    // Facts that do not change while the connection stays open.
    QString hostname;
    QString hostUuid;
    QString hypervisor;
    quint64 libvirtVersion = 0;

    bool freeMemoryWorks = true;
    bool cpuStatsWorks = true;
    int cpuStatsCount = 0;
    bool haveCpuSample = false;
    quint64 lastCpuBusy = 0;
    quint64 lastCpuTotal = 0;

    struct CpuSample
    {
        quint64 cpuTimeNs = 0;
        qint64 atNs = 0;
    };
    QHash<QString, CpuSample> cpuSamples;

    // Persistence and autostart cost one call each per domain: cached, refreshed after
    // lifecycle events (define/undefine) and every MetadataRefreshPolls polls.
    struct Metadata
    {
        bool persistent = false;
        bool autostart = false;
    };
    static constexpr int MetadataRefreshPolls = 15;
    // With kept handles, events tell of changes to the list and a count of the domains is checked
    // every InfoRefreshPolls polls, so the list and its metadata are read again less often: each
    // domain listed costs several UUID formattings inside libvirt (its lookups are keyed by the
    // UUID's text).
    static constexpr int HandleListRefreshPolls = 60;
    // Drivers without bulk statistics need one virDomainGetInfo per domain; on a remote
    // connection each is a round trip. Their figures are re-read every InfoRefreshPolls polls,
    // and at once when the domain's state changes.
    static constexpr int InfoRefreshPolls = 5;
    struct DomainInfo
    {
        InstanceState state = InstanceState::NoState;
        int vcpus = 0;
        quint64 memoryKiB = 0;
        quint64 maxMemoryKiB = 0;
        quint64 cpuTimeNs = 0;
        double cpuPercent = -1;
        int age = 0;
    };
    QHash<QString, DomainInfo> domainInfo;
    QHash<QString, Metadata> metadata;
    int pollsSinceMetadata = 0;
    bool metadataStale = false;

    // Drivers with lifecycle events but without bulk statistics (the test driver) keep the handles
    // of the listed domains between polls. A poll then asks only the domains whose figures are due,
    // with the state kept current by events, instead of listing every domain again: each listed
    // domain is a new libvirt object whose release formats its UUID. The list is read again after
    // an event that changes it, after a failed call and with the metadata.
    QHash<QString, virDomainPtr> handles;
    [[nodiscard]] bool keepsHandles() const
    {
        return mode == DomainStatsMode::StateOnly && lifecycleCallbackId >= 0;
    }
    void replaceHandles(QHash<QString, virDomainPtr> next)
    {
        for (virDomainPtr domain : std::as_const(handles))
            virDomainFree(domain);
        handles = std::move(next);
    }

    static int onLifecycle(virConnectPtr, virDomainPtr domain, int event, int, void* opaque)
    {
        CallbackGuard& guard = **static_cast<GuardRef*>(opaque);
        // A state change (started, suspended, resumed, stopped, ...) refreshes that domain only;
        // a change of the list refreshes everything.
        char uuid[VIR_UUID_STRING_BUFLEN] = {};
        const bool stateOnly = event != VIR_DOMAIN_EVENT_DEFINED && event != VIR_DOMAIN_EVENT_UNDEFINED &&
                               virDomainGetUUIDString(domain, uuid) == 0;
        std::lock_guard lock(guard.mutex);
        if (stateOnly)
            guard.changedDomains.insert(QString::fromLatin1(uuid));
        else
            guard.listChanged = true;
        if (guard.session && !guard.eventPending.exchange(true)) {
            HostSession* session = guard.session;
            QMetaObject::invokeMethod(
                session, [session] { session->onDomainEvent(); }, Qt::QueuedConnection);
        }
        return 0;
    }

    static void onClose(virConnectPtr, int reason, void* opaque)
    {
        CallbackGuard& guard = **static_cast<GuardRef*>(opaque);
        std::lock_guard lock(guard.mutex);
        if (guard.session) {
            HostSession* session = guard.session;
            const quint64 generation = guard.generation;
            QMetaObject::invokeMethod(
                session,
                [session, generation, reason] {
                    if (session->m_conn && session->m_conn->guard->generation == generation)
                        session->onConnectionClosed(reason);
                },
                Qt::QueuedConnection);
        }
    }

    Metadata metadataFor(virDomainPtr domain, const QString& uuid)
    {
        if (const auto it = metadata.constFind(uuid); it != metadata.constEnd())
            return *it;
        Metadata m;
        m.persistent = virDomainIsPersistent(domain) == 1;
        int autostart = 0;
        m.autostart = virDomainGetAutostart(domain, &autostart) == 0 && autostart != 0;
        virResetLastError(); // a domain that vanished meanwhile is dropped by the next poll
        metadata.insert(uuid, m);
        return m;
    }
};

namespace {
std::atomic<quint64> s_generation{0};
} // namespace

HostSession::HostSession(NodeConfig node, CredentialProvider* credentials, QObject* parent)
    : NodeSession(parent)
    , m_node(std::move(node))
    , m_credentials(credentials)
    , m_pollTimer(new QTimer(this))
    , m_reconnectTimer(new QTimer(this))
    , m_eventTimer(new QTimer(this))
{
    m_reconnectTimer->setSingleShot(true);
    m_eventTimer->setSingleShot(true);
    m_eventTimer->setInterval(EventCoalesceMs);
    connect(m_pollTimer, &QTimer::timeout, this, &HostSession::poll);
    connect(m_reconnectTimer, &QTimer::timeout, this, &HostSession::connectNow);
    connect(m_eventTimer, &QTimer::timeout, this, [this] {
        if (!m_conn)
            return;
        // Taken before refreshing: an event arriving meanwhile schedules one more refresh.
        QSet<QString> changed;
        bool listChanged = false;
        {
            std::lock_guard lock(m_conn->guard->mutex);
            changed.swap(m_conn->guard->changedDomains);
            listChanged = m_conn->guard->listChanged;
            m_conn->guard->listChanged = false;
            m_conn->guard->eventPending = false;
        }
        changed.unite(m_conn->actedOn);
        m_conn->actedOn.clear();
        if (listChanged || !refreshDomains(changed)) {
            m_conn->metadataStale = true;
            poll();
        }
        // After the refresh, so that the answer reaches the console after the state it left.
        answerFinishedActions();
    });
    m_clock.start();
}

HostSession::~HostSession()
{
    stop();
}

QString HostSession::nodeName() const
{
    return m_node.name;
}

void HostSession::start()
{
    if (m_active)
        return;
    m_active = true;
    m_reconnectDelayMs = FirstReconnectDelayMs;
    Q_EMIT nodeUpdated(baseSnapshot(NodeState::Connecting));
    connectNow();
}

void HostSession::stop()
{
    m_active = false;
    m_pollTimer->stop();
    m_reconnectTimer->stop();
    m_eventTimer->stop();
    closeConnection();
}

void HostSession::refreshNow()
{
    if (!m_active)
        return;
    if (m_conn) {
        poll();
    } else {
        m_reconnectTimer->stop();
        connectNow();
    }
}

void HostSession::performAction(quint64 requestId, const QString& uuid, InstanceAction action)
{
    if (!m_conn) {
        Q_EMIT actionFinished(requestId, uuid, action,
                              Error{ErrorCode::ConnectionFailed,
                                    m_node.name,
                                    VirtError::messageFor(ErrorCode::ConnectionFailed),
                                    {},
                                    0,
                                    0});
        return;
    }
    const Error error = runDomainAction(m_conn->conn, uuid, action, m_node.name);
    if (error.code == ErrorCode::None)
        m_conn->finishedActions.append({requestId, uuid, action});
    else
        Q_EMIT actionFinished(requestId, uuid, action, error);
    // Show the outcome soon rather than at the next interval (not every driver sends events);
    // several actions in a burst share one refresh, as events do. The action's own lifecycle
    // event needs no wake-up of this thread of its own: that refresh is already coming.
    m_conn->actedOn.insert(uuid);
    m_conn->guard->eventPending = true;
    onDomainEvent();
}

void HostSession::answerFinishedActions()
{
    if (!m_conn)
        return;
    const QList<Connection::FinishedAction> finished = std::exchange(m_conn->finishedActions, {});
    for (const Connection::FinishedAction& done : finished)
        Q_EMIT actionFinished(done.requestId, done.uuid, done.action, Error{});
}

void HostSession::collectGuestFacts(quint64 requestId, const QString& uuid)
{
    Q_EMIT guestFactsReady(requestId,
                           HostFacts::guestFacts(m_conn ? m_conn->conn : nullptr, m_node.name, uuid));
}

void HostSession::collectDestinationFacts(quint64 requestId, const GuestFacts& guest)
{
    Q_EMIT destinationFactsReady(
        requestId, HostFacts::destinationFacts(m_conn ? m_conn->conn : nullptr, m_node.name, guest));
}

void HostSession::setPollInterval(int milliseconds)
{
    m_pollIntervalMs = std::max(milliseconds, EventCoalesceMs);
    // Connected sessions take the new interval at once (also while the first, spread-out tick
    // is still pending).
    if (m_pollTimer->isActive() || m_conn)
        m_pollTimer->start(m_pollIntervalMs);
}

NodeSnapshot HostSession::baseSnapshot(NodeState state) const
{
    NodeSnapshot snapshot;
    snapshot.node = m_node.name;
    snapshot.state = state;
    snapshot.sampledAtMs = QDateTime::currentMSecsSinceEpoch();
    return snapshot;
}

void HostSession::connectNow()
{
    if (!m_active || m_conn)
        return;
    EventLoop::ensureRunning();

    Error openError;
    virConnectPtr conn = HostFacts::openConnection(m_node.uri, m_node.name, m_credentials, openError);
    if (!conn) {
        scheduleReconnect(openError);
        return;
    }

    m_conn = std::make_unique<Connection>();
    m_conn->conn = conn;
    m_conn->guard->session = this;
    m_conn->guard->generation = ++s_generation;

    // Drivers without keepalive (test, local embedded) answer -1 with "not supported": harmless.
    if (virConnectSetKeepAlive(conn, 5, 3) < 0)
        virResetLastError();

    auto* closeRef = new GuardRef(m_conn->guard);
    if (virConnectRegisterCloseCallback(conn, Connection::onClose, closeRef, freeGuardRef) == 0) {
        m_conn->closeCallbackRegistered = true;
    } else {
        delete closeRef;
        virResetLastError();
    }
    auto* eventRef = new GuardRef(m_conn->guard);
    m_conn->lifecycleCallbackId = virConnectDomainEventRegisterAny(
        conn, nullptr, VIR_DOMAIN_EVENT_ID_LIFECYCLE, VIR_DOMAIN_EVENT_CALLBACK(Connection::onLifecycle),
        eventRef, freeGuardRef);
    if (m_conn->lifecycleCallbackId < 0) {
        delete eventRef;
        qWarning("%s: no domain events, changes show at the next poll: %s", qUtf8Printable(m_node.name),
                 qUtf8Printable(VirtError::lastError(m_node.name).detail));
    }

    if (const char* type = virConnectGetType(conn))
        m_conn->hypervisor = QString::fromUtf8(type);
    unsigned long version = 0;
    if (virConnectGetLibVersion(conn, &version) == 0)
        m_conn->libvirtVersion = version;
    if (char* hostname = virConnectGetHostname(conn)) {
        m_conn->hostname = QString::fromUtf8(hostname);
        std::free(hostname);
    }
    if (char* caps = virConnectGetCapabilities(conn)) {
        m_conn->hostUuid = hostUuidFromCapabilities(caps);
        std::free(caps);
    }
    virResetLastError();

    m_reconnectDelayMs = FirstReconnectDelayMs;
    m_lastLoggedError.clear();
    poll();
    // The first regular poll comes after a random part of the interval: nodes that connected
    // together (every node at start-up) then poll spread over the interval, not all at once.
    if (m_conn) {
        const int offset = int(QRandomGenerator::global()->bounded(m_pollIntervalMs));
        QTimer::singleShot(offset, m_pollTimer, [this, generation = m_conn->guard->generation] {
            if (m_conn && m_conn->guard->generation == generation)
                m_pollTimer->start(m_pollIntervalMs);
        });
    }
}

void HostSession::scheduleReconnect(const Error& error)
{
    m_pollTimer->stop();
    m_eventTimer->stop();
    closeConnection();
    if (!m_active)
        return;
    // Logged once per distinct reason, not on every retry of a node that stays down.
    if (error.detail != m_lastLoggedError) {
        qInfo("%s unreachable, retrying with backoff: %s", qUtf8Printable(m_node.name),
              qUtf8Printable(error.detail));
        m_lastLoggedError = error.detail;
    }
    NodeSnapshot snapshot = baseSnapshot(NodeState::Unreachable);
    snapshot.error = error;
    snapshot.reconnectInMs = m_reconnectDelayMs;
    m_reconnectTimer->start(m_reconnectDelayMs);
    m_reconnectDelayMs = std::min(m_reconnectDelayMs * 2, MaxReconnectDelayMs);
    Q_EMIT nodeUpdated(snapshot);
}

void HostSession::onConnectionClosed(int reason)
{
    // Library-level detail, untranslated like libvirt's own texts.
    const QString detail = reason == VIR_CONNECT_CLOSE_REASON_EOF
                               ? QStringLiteral("The daemon closed the connection.")
                           : reason == VIR_CONNECT_CLOSE_REASON_KEEPALIVE
                               ? QStringLiteral("The daemon stopped answering keepalive messages.")
                           : reason == VIR_CONNECT_CLOSE_REASON_ERROR
                               ? QStringLiteral("The connection failed with an I/O error.")
                               : QStringLiteral("The connection was closed.");
    scheduleReconnect(VirtError::fromLibvirt(VIR_ERR_RPC, VIR_FROM_RPC, detail, m_node.name));
}

void HostSession::onDomainEvent()
{
    if (m_conn && !m_eventTimer->isActive())
        m_eventTimer->start();
}

void HostSession::closeConnection()
{
    if (!m_conn)
        return;
    answerFinishedActions(); // they did succeed; only their refresh is lost with the connection
    {
        std::lock_guard lock(m_conn->guard->mutex);
        m_conn->guard->session = nullptr;
    }
    m_conn->replaceHandles({});
    virConnectPtr conn = m_conn->conn;
    if (m_conn->lifecycleCallbackId >= 0)
        virConnectDomainEventDeregisterAny(conn, m_conn->lifecycleCallbackId);
    if (m_conn->closeCallbackRegistered)
        virConnectUnregisterCloseCallback(conn, Connection::onClose);
    virConnectClose(conn);
    virResetLastError();
    m_conn.reset();
}

void HostSession::handlePollFailure(const Error& error)
{
    if (!m_conn)
        return;
    if (error.code == ErrorCode::ConnectionFailed || virConnectIsAlive(m_conn->conn) != 1) {
        Error lost = error;
        if (lost.code != ErrorCode::ConnectionFailed) {
            lost.code = ErrorCode::ConnectionFailed;
            lost.message = VirtError::messageFor(ErrorCode::ConnectionFailed);
        }
        scheduleReconnect(lost);
        return;
    }
    virResetLastError();
    qWarning("%s: poll failed: %s", qUtf8Printable(m_node.name), qUtf8Printable(error.toString()));
}

void HostSession::poll()
{
    if (!m_conn)
        return;
    NodeSnapshot snapshot = baseSnapshot(NodeState::Connected);
    QList<InstanceSnapshot> instances;
    if (!pollDomains(instances) || !pollNode(snapshot))
        return;
    snapshot.instanceCount = static_cast<int>(instances.size());
    snapshot.runningCount = static_cast<int>(std::count_if(
        instances.cbegin(), instances.cend(), [](const InstanceSnapshot& i) { return i.isActive(); }));
    Q_EMIT nodeUpdated(snapshot);
    Q_EMIT instancesUpdated(m_node.name, instances);
    m_conn->lastNode = std::move(snapshot);
    m_conn->lastInstances = std::move(instances);
    m_conn->havePolled = true;
}

bool HostSession::refreshDomains(const QSet<QString>& uuids)
{
    Connection& c = *m_conn;
    if (!c.havePolled || uuids.isEmpty())
        return false;
    // Everything is checked before anything is published, so a failure falls back to a full poll
    // without having sent half an update.
    QList<InstanceSnapshot> instances = c.lastInstances;
    const qint64 sampledAtMs = QDateTime::currentMSecsSinceEpoch();
    for (const QString& uuid : uuids) {
        const auto it = std::find_if(instances.begin(), instances.end(),
                                     [&uuid](const InstanceSnapshot& i) { return i.uuid == uuid; });
        if (it == instances.end())
            return false;
        virDomainPtr kept = c.handles.value(uuid);
        virDomainPtr domain = kept ? kept : virDomainLookupByUUIDString(c.conn, uuid.toLatin1().constData());
        if (!domain) {
            virResetLastError();
            return false;
        }
        int state = 0;
        int reason = 0;
        const int got = virDomainGetState(domain, &state, &reason, 0);
        if (!kept)
            virDomainFree(domain);
        if (got < 0) {
            virResetLastError();
            return false;
        }
        it->state = instanceState(static_cast<quint64>(state));
        it->stateReason = reason;
        it->sampledAtMs = sampledAtMs;
        if (!it->isActive())
            it->cpuPercent = 0;
        // Memory, vCPUs and the CPU percentage stay as the last poll saw them until the next one.
    }
    NodeSnapshot node = c.lastNode;
    node.runningCount = static_cast<int>(std::count_if(
        instances.cbegin(), instances.cend(), [](const InstanceSnapshot& i) { return i.isActive(); }));
    node.sampledAtMs = sampledAtMs;
    if (node.runningCount != c.lastNode.runningCount)
        Q_EMIT nodeUpdated(node);
    Q_EMIT instancesUpdated(m_node.name, instances);
    c.lastNode = std::move(node);
    c.lastInstances = std::move(instances);
    return true;
}

bool HostSession::pollNode(NodeSnapshot& snapshot)
{
    Connection& c = *m_conn;
    // The host's model, CPUs and memory size hardly ever change: read again with the metadata.
    if (c.nodeInfoPolls == 0) {
        virNodeInfo info{};
        if (virNodeGetInfo(c.conn, &info) < 0) {
            handlePollFailure(VirtError::lastError(m_node.name));
            return false;
        }
        c.cpuModel =
            QString::fromUtf8(info.model, static_cast<qsizetype>(strnlen(info.model, sizeof info.model)));
        c.cpus = static_cast<int>(info.cpus);
        c.mhz = static_cast<int>(info.mhz);
        c.memoryTotalKiB = info.memory;
    }
    c.nodeInfoPolls = (c.nodeInfoPolls + 1) % Connection::MetadataRefreshPolls;
    snapshot.cpuModel = c.cpuModel;
    snapshot.cpus = c.cpus;
    snapshot.mhz = c.mhz;
    snapshot.memoryTotalKiB = c.memoryTotalKiB;
    snapshot.hostname = c.hostname;
    snapshot.hostUuid = c.hostUuid;
    snapshot.hypervisor = c.hypervisor;
    snapshot.libvirtVersion = c.libvirtVersion;

    // Optional figures: a driver that cannot give one is not asked again on this connection.
    auto optionalFailed = [this](bool& works) {
        const Error error = VirtError::lastError(m_node.name);
        if (virConnectIsAlive(m_conn->conn) != 1) {
            handlePollFailure(error);
            return true;
        }
        works = false;
        return false;
    };

    if (c.freeMemoryWorks) {
        virResetLastError();
        const unsigned long long freeBytes = virNodeGetFreeMemory(c.conn);
        if (freeBytes == 0 && virGetLastError()) {
            if (optionalFailed(c.freeMemoryWorks))
                return false;
        } else {
            snapshot.memoryFreeKiB = freeBytes / 1024;
        }
    }
    if (c.cpuStatsWorks && c.cpuStatsCount == 0) {
        if (virNodeGetCPUStats(c.conn, VIR_NODE_CPU_STATS_ALL_CPUS, nullptr, &c.cpuStatsCount, 0) < 0 ||
            c.cpuStatsCount <= 0) {
            c.cpuStatsCount = 0;
            if (optionalFailed(c.cpuStatsWorks))
                return false;
        }
    }
    if (c.cpuStatsWorks && c.cpuStatsCount > 0) {
        std::vector<virNodeCPUStats> stats(static_cast<size_t>(c.cpuStatsCount));
        int count = c.cpuStatsCount;
        if (virNodeGetCPUStats(c.conn, VIR_NODE_CPU_STATS_ALL_CPUS, stats.data(), &count, 0) < 0) {
            if (optionalFailed(c.cpuStatsWorks))
                return false;
        } else {
            quint64 busy = 0;
            quint64 total = 0;
            double utilization = -1;
            for (int i = 0; i < count; ++i) {
                const virNodeCPUStats& s = stats[static_cast<size_t>(i)];
                if (std::strcmp(s.field, VIR_NODE_CPU_STATS_UTILIZATION) == 0) {
                    utilization = static_cast<double>(s.value);
                } else if (std::strcmp(s.field, VIR_NODE_CPU_STATS_KERNEL) == 0 ||
                           std::strcmp(s.field, VIR_NODE_CPU_STATS_USER) == 0) {
                    busy += s.value;
                    total += s.value;
                } else if (std::strcmp(s.field, VIR_NODE_CPU_STATS_IDLE) == 0 ||
                           std::strcmp(s.field, VIR_NODE_CPU_STATS_IOWAIT) == 0) {
                    total += s.value;
                }
            }
            if (utilization >= 0) {
                snapshot.cpuUsagePercent = std::clamp(utilization, 0.0, 100.0);
            } else if (c.haveCpuSample && total > c.lastCpuTotal && busy >= c.lastCpuBusy) {
                snapshot.cpuUsagePercent = std::clamp(100.0 * static_cast<double>(busy - c.lastCpuBusy) /
                                                          static_cast<double>(total - c.lastCpuTotal),
                                                      0.0, 100.0);
            }
            c.haveCpuSample = true;
            c.lastCpuBusy = busy;
            c.lastCpuTotal = total;
        }
    }
    virResetLastError();
    return true;
}

bool HostSession::pollDomains(QList<InstanceSnapshot>& instances)
{
    Connection& c = *m_conn;
    const int refreshPolls =
        c.keepsHandles() ? Connection::HandleListRefreshPolls : Connection::MetadataRefreshPolls;
    bool listDue = c.metadataStale || ++c.pollsSinceMetadata >= refreshPolls;
    if (!listDue && c.keepsHandles() && c.havePolled && !c.handles.isEmpty()) {
        // A domain defined or gone without an event still changes the counts, checked as often as
        // the figures of each domain are read.
        bool countsAgree = true;
        if (c.pollsSinceMetadata % Connection::InfoRefreshPolls == 0) {
            const int active = virConnectNumOfDomains(c.conn);
            const int inactive = active < 0 ? -1 : virConnectNumOfDefinedDomains(c.conn);
            virResetLastError();
            countsAgree = inactive >= 0 && active + inactive == c.lastInstances.size();
        }
        if (countsAgree && pollKnownDomains(instances))
            return true;
        instances.clear();
        listDue = true; // a domain went away or a call failed: list again, with fresh metadata
    }
    if (listDue) {
        c.metadata.clear();
        c.identities.clear();
        c.metadataStale = false;
        c.pollsSinceMetadata = 0;
    }

    const qint64 sampledAtMs = QDateTime::currentMSecsSinceEpoch();
    const qint64 nowNs = m_clock.nsecsElapsed();
    QHash<QString, Connection::CpuSample> samples;
    samples.reserve(c.cpuSamples.size());

    QHash<QString, Connection::DomainInfo> domainInfo;

    // Identity, metadata and CPU percentage; the caller has set state, vcpus, memory, cpu time.
    // `cached`: the figures are from an earlier poll, so is the CPU percentage.
    auto finish = [&](virDomainPtr domain, InstanceSnapshot& instance, const Connection::DomainInfo* cached) {
        const Connection::Identity id = c.identity(domain);
        instance.uuid = id.uuid;
        instance.name = id.name;
        instance.node = m_node.name;
        instance.sampledAtMs = sampledAtMs;
        const Connection::Metadata meta = c.metadataFor(domain, instance.uuid);
        instance.persistent = meta.persistent;
        instance.autostart = meta.autostart;
        if (cached) {
            instance.cpuPercent = cached->cpuPercent;
            samples.insert(instance.uuid, c.cpuSamples.value(instance.uuid));
            instances.append(instance);
            return;
        }
        if (!instance.isActive()) {
            instance.cpuPercent = 0;
        } else if (const auto it = c.cpuSamples.constFind(instance.uuid); it != c.cpuSamples.constEnd()) {
            instance.cpuPercent = cpuPercentSince(instance, *it, nowNs);
        }
        samples.insert(instance.uuid, {instance.cpuTimeNs, nowNs});
        instances.append(instance);
    };

    // Without ENFORCE_STATS, drivers silently drop the groups they lack (the test driver only
    // has STATE); with it they fail, which tells which mode works for this connection.
    const unsigned int groups = c.mode == DomainStatsMode::Full
                                    ? VIR_DOMAIN_STATS_STATE | VIR_DOMAIN_STATS_CPU_TOTAL |
                                          VIR_DOMAIN_STATS_BALLOON | VIR_DOMAIN_STATS_VCPU
                                    : VIR_DOMAIN_STATS_STATE;
    virDomainStatsRecordPtr* records = nullptr;
    // NOWAIT: a domain busy with a job (a migration, an abort) must not hold the whole poll; its
    // missing figures are filled in per domain below. Only drivers with bulk stats know the flag.
    const unsigned int flags =
        VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS |
        (c.mode == DomainStatsMode::Full ? VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT : 0u);
    const int count = virConnectGetAllDomainStats(c.conn, groups, &records, flags);
    if (count < 0) {
        if (c.mode == DomainStatsMode::Full && VirtError::lastErrorIsUnsupported()) {
            virResetLastError();
            c.mode = DomainStatsMode::StateOnly;
            qDebug("%s: driver lacks bulk domain stats, adding per-domain info", qUtf8Printable(m_node.name));
            return pollDomains(instances);
        }
        handlePollFailure(VirtError::lastError(m_node.name));
        return false;
    }
    instances.reserve(count);
    QHash<QString, virDomainPtr> handles;
    const bool keepHandles = c.keepsHandles();
    for (int i = 0; i < count; ++i) {
        const virDomainStatsRecord& record = *records[i];
        // Kept for the next polls once this domain's snapshot is in the list.
        const qsizetype listed = instances.size();
        const auto keep = qScopeGuard([&] {
            if (keepHandles && instances.size() > listed && virDomainRef(record.dom) == 0)
                handles.insert(instances.constLast().uuid, record.dom);
        });
        InstanceSnapshot instance;
        bool haveVcpus = false;
        bool haveMemory = false;
        for (int p = 0; p < record.nparams; ++p) {
            const virTypedParameter& param = record.params[p];
            const char* field = param.field;
            if (std::strcmp(field, "state.state") == 0) {
                instance.state = instanceState(paramValue(param));
            } else if (std::strcmp(field, "state.reason") == 0) {
                instance.stateReason = static_cast<int>(paramValue(param));
            } else if (std::strcmp(field, "cpu.time") == 0) {
                instance.cpuTimeNs = paramValue(param);
            } else if (std::strcmp(field, "balloon.current") == 0) {
                instance.memoryKiB = paramValue(param);
            } else if (std::strcmp(field, "balloon.maximum") == 0) {
                instance.maxMemoryKiB = paramValue(param);
                haveMemory = true;
            } else if (std::strcmp(field, "vcpu.current") == 0) {
                instance.vcpus = static_cast<int>(paramValue(param));
                haveVcpus = true;
            }
        }
        // State-only mode, or a driver that left groups out for a domain: ask that domain, unless
        // its figures are recent and its state has not changed.
        if (!haveVcpus || !haveMemory) {
            instance.uuid = c.identity(record.dom).uuid;
            const auto known = c.domainInfo.constFind(instance.uuid);
            if (known != c.domainInfo.cend() && known->state == instance.state &&
                known->age + 1 < Connection::InfoRefreshPolls) {
                Connection::DomainInfo info = *known;
                ++info.age;
                instance.vcpus = info.vcpus;
                instance.memoryKiB = info.memoryKiB;
                instance.maxMemoryKiB = info.maxMemoryKiB;
                instance.cpuTimeNs = info.cpuTimeNs;
                finish(record.dom, instance, &info);
                domainInfo.insert(instance.uuid, info);
                continue;
            }
            virDomainInfo info{};
            if (virDomainGetInfo(record.dom, &info) < 0) {
                virResetLastError(); // gone since the stats call: the next poll drops it
                continue;
            }
            instance.vcpus = info.nrVirtCpu;
            instance.memoryKiB = info.memory;
            instance.maxMemoryKiB = info.maxMem;
            instance.cpuTimeNs = info.cpuTime;
            finish(record.dom, instance, nullptr);
            domainInfo.insert(instance.uuid,
                              Connection::DomainInfo{instance.state, instance.vcpus, instance.memoryKiB,
                                                     instance.maxMemoryKiB, instance.cpuTimeNs,
                                                     instances.constLast().cpuPercent, 0});
            continue;
        }
        finish(record.dom, instance, nullptr);
    }
    virDomainStatsRecordListFree(records);
    c.cpuSamples = std::move(samples);
    c.domainInfo = std::move(domainInfo);
    c.replaceHandles(std::move(handles));
    return true;
}

bool HostSession::pollKnownDomains(QList<InstanceSnapshot>& instances)
{
    Connection& c = *m_conn;
    const qint64 sampledAtMs = QDateTime::currentMSecsSinceEpoch();
    const qint64 nowNs = m_clock.nsecsElapsed();
    // The last list with its states as events left them; only figures that are due are read.
    instances = c.lastInstances;
    for (InstanceSnapshot& instance : instances) {
        instance.sampledAtMs = sampledAtMs;
        const auto known = c.domainInfo.find(instance.uuid);
        if (known != c.domainInfo.end() && known->state == instance.state &&
            known->age + 1 < Connection::InfoRefreshPolls) {
            ++known->age;
            continue;
        }
        virDomainPtr domain = c.handles.value(instance.uuid);
        virDomainInfo info{};
        if (!domain || virDomainGetInfo(domain, &info) < 0) {
            virResetLastError();
            return false;
        }
        const InstanceState state = instanceState(info.state);
        if (state != instance.state) {
            // A change no event told of: its reason too.
            int current = 0;
            int reason = 0;
            if (virDomainGetState(domain, &current, &reason, 0) == 0)
                instance.stateReason = reason;
            virResetLastError();
            instance.state = state;
        }
        instance.vcpus = info.nrVirtCpu;
        instance.memoryKiB = info.memory;
        instance.maxMemoryKiB = info.maxMem;
        instance.cpuTimeNs = info.cpuTime;
        const auto sample = c.cpuSamples.constFind(instance.uuid);
        instance.cpuPercent = !instance.isActive()            ? 0
                              : sample != c.cpuSamples.cend() ? cpuPercentSince(instance, *sample, nowNs)
                                                              : -1;
        c.cpuSamples.insert(instance.uuid, {instance.cpuTimeNs, nowNs});
        c.domainInfo.insert(instance.uuid,
                            Connection::DomainInfo{instance.state, instance.vcpus, instance.memoryKiB,
                                                   instance.maxMemoryKiB, instance.cpuTimeNs,
                                                   instance.cpuPercent, 0});
    }
    return true;
}

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "virt/hostconnection.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <utility>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QTimer>
#include <QXmlStreamReader>

#include "core/threadhandoff.h"
#include "virt/eventloop.h"
#include "virt/hostfacts.h"
#include "virt/virterror.h"

namespace kumo {

// Shared between a connection and the callbacks libvirt runs on the event loop thread. libvirt
// frees its reference (through freeRef) only when it no longer uses the callback, so this
// outlives every callback; `connection` is cleared before the connection closes.
struct HostConnection::Callbacks
{
    std::mutex mutex;
    HostConnection* connection = nullptr;
    quint64 generation = 0;
    std::atomic<bool> eventPending{false};
    // What the events since the last takeEvents() touched: domains whose state changed, or a change
    // of the domain list itself (define, undefine, rename, an unknown domain), which needs a full poll.
    QSet<QString> changedDomains;
    bool listChanged = false;
    // Instance events (crash, I/O error, watchdog) not yet handed to the connection's thread;
    // `failedStops` are stops that may be crashes, told apart there (see onLifecycle).
    QString node;
    bool ioErrorEvents = false; // the I/O error event is registered: paused-by-I/O-error adds nothing
    QList<InstanceEvent> notices;
    QList<InstanceEvent> failedStops;
    bool noticePending = false;
    QHash<QString, qint64> lastIoErrorMs; // by UUID: a guest retrying a failed write reports it often

    using Ref = std::shared_ptr<Callbacks>;

    static void freeRef(void* opaque) { delete static_cast<Ref*>(opaque); }

    // Called with the mutex held.
    void addNotice(virDomainPtr domain, InstanceEventKind kind, QStringList detail, bool failedStop = false)
    {
        char uuid[VIR_UUID_STRING_BUFLEN] = {};
        if (virDomainGetUUIDString(domain, uuid) != 0)
            return;
        InstanceEvent event;
        event.node = node;
        event.uuid = QString::fromLatin1(uuid);
        if (const char* name = virDomainGetName(domain))
            event.name = QString::fromUtf8(name);
        event.kind = kind;
        event.detail = std::move(detail);
        event.wallMs = QDateTime::currentMSecsSinceEpoch();
        if (kind == InstanceEventKind::IoError) {
            qint64& last = lastIoErrorMs[event.uuid];
            if (last != 0 && event.wallMs - last < IoErrorRepeatMs)
                return;
            last = event.wallMs;
        }
        (failedStop ? failedStops : notices).append(event);
        if (connection && !noticePending) {
            noticePending = true;
            HostConnection* target = connection;
            handoff::post(target,
                          [target, generation = this->generation] { target->deliverNotices(generation); });
        }
    }

    static int onWatchdog(virConnectPtr, virDomainPtr domain, int action, void* opaque)
    {
        static const char* const actions[] = {"none",     "pause", "reset",     "poweroff",
                                              "shutdown", "debug", "inject-nmi"};
        Callbacks& callbacks = **static_cast<Ref*>(opaque);
        const QString word = action >= 0 && action < int(std::size(actions))
                                 ? QString::fromLatin1(actions[action])
                                 : QString::number(action);
        std::lock_guard lock(callbacks.mutex);
        callbacks.addNotice(domain, InstanceEventKind::Watchdog, {word});
        return 0;
    }

    static int onIoError(virConnectPtr, virDomainPtr domain, const char* srcPath, const char* devAlias,
                         int action, const char* reason, void* opaque)
    {
        static const char* const actions[] = {"none", "pause", "report"};
        Callbacks& callbacks = **static_cast<Ref*>(opaque);
        QStringList detail;
        detail << QString::fromUtf8(devAlias ? devAlias : "") << QString::fromUtf8(srcPath ? srcPath : "")
               << (action >= 0 && action < int(std::size(actions)) ? QString::fromLatin1(actions[action])
                                                                   : QString::number(action))
               << QString::fromUtf8(reason ? reason : "");
        std::lock_guard lock(callbacks.mutex);
        callbacks.addNotice(domain, InstanceEventKind::IoError, detail);
        return 0;
    }

    static int onLifecycle(virConnectPtr, virDomainPtr domain, int event, int detail, void* opaque)
    {
        Callbacks& callbacks = **static_cast<Ref*>(opaque);
        // A state change (started, suspended, resumed, stopped, ...) refreshes that domain only;
        // a change of the list refreshes everything.
        char uuid[VIR_UUID_STRING_BUFLEN] = {};
        const bool stateOnly = event != VIR_DOMAIN_EVENT_DEFINED && event != VIR_DOMAIN_EVENT_UNDEFINED &&
                               virDomainGetUUIDString(domain, uuid) == 0;
        std::lock_guard lock(callbacks.mutex);
        if (stateOnly)
            callbacks.changedDomains.insert(QString::fromLatin1(uuid));
        else
            callbacks.listChanged = true;
        // A guest that panicked is "crashed". A QEMU that died is "stopped, failed", and so is the
        // incoming copy of a migration that failed: that one is no crash, so those are told apart
        // on the connection's thread, where asking libvirt blocks no other node's events.
        if (event == VIR_DOMAIN_EVENT_CRASHED)
            callbacks.addNotice(domain, InstanceEventKind::Crashed,
                                {detail == VIR_DOMAIN_EVENT_CRASHED_PANICKED ? QStringLiteral("panicked")
                                 : detail == VIR_DOMAIN_EVENT_CRASHED_CRASHLOADED
                                     ? QStringLiteral("crashloaded")
                                     : QStringLiteral("crashed")});
        else if (event == VIR_DOMAIN_EVENT_STOPPED &&
                 (detail == VIR_DOMAIN_EVENT_STOPPED_FAILED || detail == VIR_DOMAIN_EVENT_STOPPED_CRASHED))
            callbacks.addNotice(domain, InstanceEventKind::Crashed,
                                {detail == VIR_DOMAIN_EVENT_STOPPED_CRASHED ? QStringLiteral("crashed")
                                                                            : QStringLiteral("failed")},
                                detail == VIR_DOMAIN_EVENT_STOPPED_FAILED);
        else if (event == VIR_DOMAIN_EVENT_SUSPENDED && detail == VIR_DOMAIN_EVENT_SUSPENDED_IOERROR &&
                 !callbacks.ioErrorEvents)
            callbacks.addNotice(domain, InstanceEventKind::IoError, {QStringLiteral("paused")});
        if (callbacks.connection && !callbacks.eventPending.exchange(true)) {
            HostConnection* connection = callbacks.connection;
            handoff::post(connection, [connection] { Q_EMIT connection->domainEvent(); });
        }
        return 0;
    }

    static void onClose(virConnectPtr, int reason, void* opaque)
    {
        Callbacks& callbacks = **static_cast<Ref*>(opaque);
        std::lock_guard lock(callbacks.mutex);
        if (callbacks.connection) {
            HostConnection* connection = callbacks.connection;
            const quint64 generation = callbacks.generation;
            handoff::post(connection, [connection, generation, reason] {
                if (connection->generation() == generation)
                    connection->onClosed(reason);
            });
        }
    }
};

namespace {

std::atomic<quint64> s_generation{0};

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

} // namespace

HostConnection::HostConnection(NodeConfig node, CredentialProvider* credentials, QObject* parent)
    : QObject(parent)
    , m_config(std::move(node))
    , m_node(m_config.name)
    , m_credentials(credentials)
    , m_reconnectTimer(new QTimer(this))
{
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &HostConnection::retryDue);
}

HostConnection::~HostConnection()
{
    close();
}

virConnectPtr HostConnection::handle() const
{
    return m_handle;
}

quint64 HostConnection::generation() const
{
    return m_callbacks ? m_callbacks->generation : 0;
}

bool HostConnection::isAlive() const
{
    return m_handle && virConnectIsAlive(m_handle) == 1;
}

bool HostConnection::hasDomainEvents() const
{
    return m_lifecycleCallbackId >= 0;
}

bool HostConnection::open(Error& error)
{
    if (m_handle)
        return true;
    EventLoop::ensureRunning();

    virConnectPtr conn = HostFacts::openConnection(m_config, m_credentials, error);
    if (!conn)
        return false;

    m_handle = conn;
    m_callbacks = std::make_shared<Callbacks>();
    m_callbacks->connection = this;
    m_callbacks->generation = ++s_generation;
    m_callbacks->node = m_node;

    // No free function: close() deletes the reference once the callback is unregistered (libvirt
    // runs the callback and unregisters under one lock, so none runs after that).
    m_closeRef = std::make_unique<Callbacks::Ref>(m_callbacks);
    if (virConnectRegisterCloseCallback(conn, Callbacks::onClose, m_closeRef.get(), nullptr) == 0) {
        m_closeCallbackRegistered = true;
    } else {
        m_closeRef.reset();
        virResetLastError();
    }
    auto* eventRef = new Callbacks::Ref(m_callbacks);
    m_lifecycleCallbackId = virConnectDomainEventRegisterAny(
        conn, nullptr, VIR_DOMAIN_EVENT_ID_LIFECYCLE, VIR_DOMAIN_EVENT_CALLBACK(Callbacks::onLifecycle),
        eventRef, Callbacks::freeRef);
    if (m_lifecycleCallbackId < 0) {
        delete eventRef;
        qWarning("%s: no domain events, changes show at the next poll: %s", qUtf8Printable(m_node),
                 qUtf8Printable(VirtError::lastError(m_node).detail));
    } else {
        registerInstanceEvents();
    }

    if (const char* type = virConnectGetType(conn))
        m_hypervisor = QString::fromUtf8(type);
    unsigned long version = 0;
    if (virConnectGetLibVersion(conn, &version) == 0)
        m_libvirtVersion = version;
    if (char* hostname = virConnectGetHostname(conn)) {
        m_hostname = QString::fromUtf8(hostname);
        std::free(hostname);
    }
    if (char* caps = virConnectGetCapabilities(conn)) {
        m_hostUuid = hostUuidFromCapabilities(caps);
        std::free(caps);
    }
    virResetLastError();

    resetBackoff();
    m_lastLoggedError.clear();
    return true;
}

void HostConnection::close()
{
    if (!m_handle)
        return;
    {
        std::lock_guard lock(m_callbacks->mutex);
        m_callbacks->connection = nullptr;
    }
    if (m_lifecycleCallbackId >= 0)
        virConnectDomainEventDeregisterAny(m_handle, m_lifecycleCallbackId);
    for (const int id : std::as_const(m_instanceEventCallbackIds))
        virConnectDomainEventDeregisterAny(m_handle, id);
    m_instanceEventCallbackIds.clear();
    if (m_closeCallbackRegistered)
        virConnectUnregisterCloseCallback(m_handle, Callbacks::onClose);
    virConnectClose(m_handle);
    virResetLastError();
    m_handle = nullptr;
    m_closeRef.reset();
    m_callbacks.reset();
    m_lifecycleCallbackId = -1;
    m_closeCallbackRegistered = false;
    m_hostname.clear();
    m_hostUuid.clear();
    m_hypervisor.clear();
    m_libvirtVersion = 0;
}

void HostConnection::describe(NodeSnapshot& snapshot) const
{
    snapshot.hostname = m_hostname;
    snapshot.hostUuid = m_hostUuid;
    snapshot.hypervisor = m_hypervisor;
    snapshot.libvirtVersion = m_libvirtVersion;
}

int HostConnection::retryLater(const Error& error)
{
    // Logged once per distinct reason, not on every retry of a node that stays down.
    if (error.detail != m_lastLoggedError) {
        qInfo("%s unreachable, retrying with backoff: %s", qUtf8Printable(m_node),
              qUtf8Printable(error.detail));
        m_lastLoggedError = error.detail;
    }
    const int delayMs = m_reconnectDelayMs;
    m_reconnectTimer->start(delayMs);
    m_reconnectDelayMs = std::min(m_reconnectDelayMs * 2, MaxReconnectDelayMs);
    return delayMs;
}

void HostConnection::cancelRetry()
{
    m_reconnectTimer->stop();
}

bool HostConnection::takeEvents(QSet<QString>& changedDomains)
{
    if (!m_callbacks)
        return false;
    std::lock_guard lock(m_callbacks->mutex);
    changedDomains.swap(m_callbacks->changedDomains);
    const bool listChanged = std::exchange(m_callbacks->listChanged, false);
    m_callbacks->eventPending = false;
    return listChanged;
}

void HostConnection::markEventPending()
{
    if (m_callbacks)
        m_callbacks->eventPending = true;
}

void HostConnection::registerInstanceEvents()
{
    // Each one is optional: a driver without it only tells of less.
    auto add = [this](int id, virConnectDomainEventGenericCallback callback) {
        auto* ref = new Callbacks::Ref(m_callbacks);
        const int callbackId =
            virConnectDomainEventRegisterAny(m_handle, nullptr, id, callback, ref, Callbacks::freeRef);
        if (callbackId < 0) {
            delete ref;
            virResetLastError();
            return false;
        }
        m_instanceEventCallbackIds.append(callbackId);
        return true;
    };
    add(VIR_DOMAIN_EVENT_ID_WATCHDOG, VIR_DOMAIN_EVENT_CALLBACK(Callbacks::onWatchdog));
    const bool ioErrors =
        add(VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON, VIR_DOMAIN_EVENT_CALLBACK(Callbacks::onIoError));
    std::lock_guard lock(m_callbacks->mutex);
    m_callbacks->ioErrorEvents = ioErrors;
}

void HostConnection::deliverNotices(quint64 generation)
{
    if (!m_callbacks || m_callbacks->generation != generation)
        return;
    QList<InstanceEvent> notices;
    QList<InstanceEvent> failedStops;
    {
        std::lock_guard lock(m_callbacks->mutex);
        notices.swap(m_callbacks->notices);
        failedStops.swap(m_callbacks->failedStops);
        m_callbacks->noticePending = false;
    }
    for (const InstanceEvent& event : std::as_const(notices))
        Q_EMIT instanceEvent(event);
    for (const InstanceEvent& event : std::as_const(failedStops))
        Q_EMIT failedStop(event);
}

std::optional<bool> HostConnection::domainCrashed(const QString& uuid) const
{
    if (!m_handle)
        return std::nullopt;
    virDomainPtr domain = virDomainLookupByUUIDString(m_handle, uuid.toLatin1().constData());
    if (!domain) {
        virResetLastError();
        return std::nullopt;
    }
    int state = 0;
    int reason = 0;
    std::optional<bool> crashed;
    if (virDomainGetState(domain, &state, &reason, 0) == 0)
        crashed = state == VIR_DOMAIN_CRASHED ||
                  (state == VIR_DOMAIN_SHUTOFF && reason == VIR_DOMAIN_SHUTOFF_CRASHED);
    virDomainFree(domain);
    virResetLastError();
    return crashed;
}

void HostConnection::onClosed(int reason)
{
    // Shown to the user as the reason a node was lost, so translated.
    const QString detail = reason == VIR_CONNECT_CLOSE_REASON_EOF ? tr("The daemon closed the connection.")
                           : reason == VIR_CONNECT_CLOSE_REASON_KEEPALIVE
                               ? tr("The daemon stopped answering keepalive messages.")
                           : reason == VIR_CONNECT_CLOSE_REASON_ERROR
                               ? tr("The connection failed with an I/O error.")
                               : tr("The connection was closed.");
    Q_EMIT lost(VirtError::fromLibvirt(VIR_ERR_RPC, VIR_FROM_RPC, detail, m_node));
}

} // namespace kumo

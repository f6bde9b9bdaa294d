// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// HostConnection: the lifecycle of one node's libvirt connection for HostSession. It opens the
// connection (with Kumo's credential callback), turns on keepalive, registers the close callback
// and the domain lifecycle events, reads the facts that do not change while it stays open, and
// retries a failed or lost connection with a doubling delay. Events arrive on libvirt's event
// loop thread; they are collected here under a lock and announced on the owner's thread.
// Internal to the virt layer: the connection handle is only forward-declared, so including this
// header needs no libvirt header.
// Thread: the owning HostSession's worker thread; every libvirt call happens there.
// Owner: its HostSession (as the QObject parent).
#pragma once

#include <memory>
#include <optional>

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include "core/instanceevent.h"
#include "core/inventory.h"
#include "core/result.h"
#include "core/snapshot.h"

class QTimer;
struct _virConnect;

namespace kumo {

class CredentialProvider;

class HostConnection : public QObject
{
    Q_OBJECT

public:
    static constexpr int FirstReconnectDelayMs = 1000;
    static constexpr int MaxReconnectDelayMs = 30000;

    // `node` says where (uri), whether an insecure path is allowed and whether to open read-only.
    HostConnection(NodeConfig node, CredentialProvider* credentials, QObject* parent = nullptr);
    ~HostConnection() override;

    // Opens the connection unless it is open. False, with `error` set, when opening failed; an
    // insecure URI the inventory does not allow fails with ErrorCode::Insecure before anything is
    // opened (see isRefused()).
    [[nodiscard]] bool open(Error& error);
    // Deregisters the callbacks and closes; no signal about this connection follows.
    void close();
    [[nodiscard]] bool isOpen() const { return m_handle != nullptr; }
    // An error no retry can cure: only a change of the node's configuration (a new session) can.
    [[nodiscard]] static bool isRefused(const Error& error) { return error.code == ErrorCode::Insecure; }
    // nullptr while closed.
    [[nodiscard]] _virConnect* handle() const;
    // Counts up with every connection opened in the process; 0 while closed. Work queued for one
    // connection checks it so that it does not act on a later one.
    [[nodiscard]] quint64 generation() const;
    [[nodiscard]] bool isAlive() const;
    // Whether lifecycle events were registered: without them changes show only when polled.
    [[nodiscard]] bool hasDomainEvents() const;

    // Fills in the host's name and UUID, the hypervisor and the libvirt version.
    void describe(NodeSnapshot& snapshot) const;

    // Starts the timer for the next attempt (retryDue) and returns its delay; the delay after that
    // doubles, up to MaxReconnectDelayMs. `error` is logged once per distinct reason.
    int retryLater(const Error& error);
    void cancelRetry();
    void resetBackoff() { m_reconnectDelayMs = FirstReconnectDelayMs; }

    // Hands over what the events since the last call reported: the domains whose state changed,
    // and true when the list of domains itself changed. The next event announces itself again.
    [[nodiscard]] bool takeEvents(QSet<QString>& changedDomains);
    // A change is on its way without an event of its own (an action): the next events are
    // collected silently until takeEvents().
    void markEventPending();

    // Whether the domain is crashed now (crashed, or shut off because it crashed); nullopt when it
    // is gone (a transient domain) or cannot be read.
    [[nodiscard]] std::optional<bool> domainCrashed(const QString& uuid) const;

Q_SIGNALS:
    // The first domain event since the last takeEvents() (or markEventPending()).
    void domainEvent();
    // The daemon closed the connection or stopped answering; the connection is still open here.
    void lost(const kumo::Error& error);
    // The delay started by retryLater() has passed.
    void retryDue();
    // A crash, an I/O error or a watchdog reported by libvirt's events.
    void instanceEvent(const kumo::InstanceEvent& event);
    // A domain stopped with "failed": a crash, unless it was the incoming copy of a failed
    // migration; the receiver tells them apart (domainCrashed(), or what it knew before).
    void failedStop(const kumo::InstanceEvent& event);

private:
    struct Callbacks; // shared with libvirt's callbacks, defined in the .cpp
    void onClosed(int reason);
    void registerInstanceEvents();
    void deliverNotices(quint64 generation);

    // A guest retrying a failed write reports each error: one event per instance this often.
    static constexpr qint64 IoErrorRepeatMs = 5000;

    NodeConfig m_config;
    QString m_node; // m_config.name, for messages
    CredentialProvider* m_credentials = nullptr;
    _virConnect* m_handle = nullptr;
    std::shared_ptr<Callbacks> m_callbacks;
    int m_lifecycleCallbackId = -1;
    QList<int> m_instanceEventCallbackIds; // watchdog, I/O error
    bool m_closeCallbackRegistered = false;
    // The close callback's reference, owned here: a driver without close callbacks (test:///)
    // accepts the registration and never calls the free function, so libvirt cannot own it.
    std::unique_ptr<std::shared_ptr<Callbacks>> m_closeRef;
    // Facts that do not change while the connection stays open.
    QString m_hostname;
    QString m_hostUuid;
    QString m_hypervisor;
    quint64 m_libvirtVersion = 0;

    QTimer* m_reconnectTimer = nullptr;
    int m_reconnectDelayMs = FirstReconnectDelayMs;
    QString m_lastLoggedError;
};

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// HostSession: the libvirt implementation of NodeSession for one inventory node. It opens the
// connection (with credentials from a CredentialProvider), keeps it alive, reconnects with
// backoff, listens for domain lifecycle events and polls node figures and all domains with
// one stats call per poll.
// Thread: its own worker thread (create a QThread, moveToThread, connect started -> start and
// finished -> deleteLater). It alone owns its libvirt connection; every libvirt call happens
// on that thread.
// Owner: the code that created its thread (the ClusterController in the application).
#pragma once

#include <memory>

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QString>

#include "core/inventory.h"
#include "core/nodesession.h"

class QTimer;

namespace kumo {

class CredentialProvider;

class HostSession : public NodeSession
{
    Q_OBJECT

public:
    static constexpr int DefaultPollIntervalMs = 2000;
    static constexpr int FirstReconnectDelayMs = 1000;
    static constexpr int MaxReconnectDelayMs = 30000;
    // Events come in bursts (a migration emits several); they cause one poll this long after.
    static constexpr int EventCoalesceMs = 50;

    explicit HostSession(NodeConfig node, CredentialProvider* credentials = nullptr,
                         QObject* parent = nullptr);
    ~HostSession() override;

    [[nodiscard]] QString nodeName() const override;
    [[nodiscard]] const NodeConfig& nodeConfig() const { return m_node; }
    [[nodiscard]] int pollInterval() const { return m_pollIntervalMs; }

    // Which stats call works on the current connection, to skip failing calls on later polls.
    enum class DomainStatsMode
    {
        Full,      // state, cpu, balloon and vcpu groups in one call
        StateOnly, // state group only, plus virDomainGetInfo per domain (the test driver)
    };

public Q_SLOTS:
    void start() override;
    void stop() override;
    void refreshNow() override;
    void setPollInterval(int milliseconds) override;
    void performAction(quint64 requestId, const QString& uuid, kumo::InstanceAction action) override;
    void collectGuestFacts(quint64 requestId, const QString& uuid) override;
    void collectDestinationFacts(quint64 requestId, const kumo::GuestFacts& guest) override;

private:
    struct Connection; // libvirt handles and per-connection caches, defined in the .cpp
    friend struct Connection;

    void connectNow();
    void scheduleReconnect(const Error& error);
    void onConnectionClosed(int reason);
    void onDomainEvent();
    void closeConnection();
    void poll();
    [[nodiscard]] bool pollNode(NodeSnapshot& snapshot);
    [[nodiscard]] bool pollDomains(QList<InstanceSnapshot>& instances);
    // The last poll's domains through their kept handles, reading only the figures that are due;
    // false when a domain is gone or a call fails (list again instead).
    [[nodiscard]] bool pollKnownDomains(QList<InstanceSnapshot>& instances);
    // Re-reads the state of a few domains of the last poll and publishes the patched list; false
    // when that is not enough (a domain unknown to the last poll, a failed call): poll instead.
    [[nodiscard]] bool refreshDomains(const QSet<QString>& uuids);
    void handlePollFailure(const Error& error);
    void answerFinishedActions();
    [[nodiscard]] NodeSnapshot baseSnapshot(NodeState state) const;

    NodeConfig m_node;
    CredentialProvider* m_credentials = nullptr;
    std::unique_ptr<Connection> m_conn;
    QTimer* m_pollTimer = nullptr;
    QTimer* m_reconnectTimer = nullptr;
    QTimer* m_eventTimer = nullptr;
    int m_pollIntervalMs = DefaultPollIntervalMs;
    int m_reconnectDelayMs = FirstReconnectDelayMs;
    bool m_active = false; // between start() and stop()
    QString m_lastLoggedError;
    QElapsedTimer m_clock; // monotonic time base for CPU percentages
};

} // namespace kumo

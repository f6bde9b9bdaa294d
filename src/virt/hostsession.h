// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// HostSession: the libvirt implementation of NodeSession for one inventory node. It connects
// (with credentials from a CredentialProvider) and reconnects with backoff through its
// HostConnection, polls node figures and all domains through a HostPoller per connection on a
// timer, refreshes just the domains that lifecycle events (coalesced) or its own actions changed,
// and publishes what it read as NodeSession's signals.
// Thread: its own worker thread (create a QThread, moveToThread, connect started -> start and
// finished -> deleteLater). It alone owns its libvirt connection; every libvirt call happens
// on that thread.
// Owner: the code that created its thread (the ClusterController in the application).
#pragma once

#include <memory>

#include <QList>
#include <QSet>
#include <QString>

#include "core/inventory.h"
#include "core/nodesession.h"
#include "virt/hostconnection.h"
#include "virt/hostpoller.h"

class QTimer;

namespace kumo {

class CredentialProvider;

class HostSession : public NodeSession
{
    Q_OBJECT

public:
    static constexpr int DefaultPollIntervalMs = 2000;
    static constexpr int FirstReconnectDelayMs = HostConnection::FirstReconnectDelayMs;
    static constexpr int MaxReconnectDelayMs = HostConnection::MaxReconnectDelayMs;
    // Events come in bursts (a migration emits several); they cause one poll this long after.
    static constexpr int EventCoalesceMs = 50;

    explicit HostSession(NodeConfig node, CredentialProvider* credentials = nullptr,
                         QObject* parent = nullptr);
    ~HostSession() override;

    [[nodiscard]] QString nodeName() const override;
    [[nodiscard]] const NodeConfig& nodeConfig() const { return m_node; }
    [[nodiscard]] int pollInterval() const { return m_pollIntervalMs; }

    // Which stats call works on the current connection, to skip failing calls on later polls.
    using DomainStatsMode = HostPoller::DomainStatsMode;

public Q_SLOTS:
    void start() override;
    void stop() override;
    void refreshNow() override;
    void setPollInterval(int milliseconds) override;
    void performAction(quint64 requestId, const QString& uuid, kumo::InstanceAction action) override;
    void collectGuestFacts(quint64 requestId, const QString& uuid) override;
    void collectDestinationFacts(quint64 requestId, const kumo::GuestFacts& guest) override;
    void collectCopyFacts(quint64 requestId, const QString& uuid) override;

private:
    void connectNow();
    void scheduleReconnect(const Error& error);
    void onDomainEvent();
    void onFailedStop(const kumo::InstanceEvent& event);
    void refreshChanged();
    void closeConnection();
    void poll();
    // Emits what the poller read last: the instances, and the node's figures when `withNode`.
    void publish(bool withNode);
    void handlePollFailure(const Error& error);
    void answerFinishedActions();
    [[nodiscard]] NodeSnapshot baseSnapshot(NodeState state) const;

    NodeConfig m_node;
    HostConnection* m_connection = nullptr;
    std::unique_ptr<HostPoller> m_poller; // while the connection is open
    QTimer* m_pollTimer = nullptr;
    QTimer* m_eventTimer = nullptr;
    int m_pollIntervalMs = DefaultPollIntervalMs;
    bool m_active = false; // between start() and stop()

    QSet<QString> m_actedOn; // domains changed by performAction since the last refresh
    // Successful actions are answered with the refresh that shows their outcome, so that the
    // answer and the new state reach the window together (one wake-up of its thread, not two).
    struct FinishedAction
    {
        quint64 requestId = 0;
        QString uuid;
        InstanceAction action = InstanceAction::Start;
    };
    QList<FinishedAction> m_finishedActions;
};

} // namespace kumo

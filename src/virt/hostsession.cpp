// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "virt/hostsession.h"

#include <algorithm>
#include <optional>
#include <utility>

#include <QDateTime>
#include <QRandomGenerator>
#include <QTimer>

#include "core/threadhandoff.h"
#include "virt/copyfacts.h"
#include "virt/domainaction.h"
#include "virt/hostfacts.h"
#include "virt/virterror.h"

namespace kumo {

HostSession::HostSession(NodeConfig node, CredentialProvider* credentials, QObject* parent)
    : NodeSession(parent)
    , m_node(std::move(node))
    , m_connection(new HostConnection(m_node, credentials, this))
    , m_pollTimer(new QTimer(this))
    , m_eventTimer(new QTimer(this))
{
    m_eventTimer->setSingleShot(true);
    m_eventTimer->setInterval(EventCoalesceMs);
    connect(m_pollTimer, &QTimer::timeout, this, &HostSession::poll);
    connect(m_eventTimer, &QTimer::timeout, this, &HostSession::refreshChanged);
    connect(m_connection, &HostConnection::retryDue, this, &HostSession::connectNow);
    connect(m_connection, &HostConnection::lost, this, &HostSession::scheduleReconnect);
    connect(m_connection, &HostConnection::domainEvent, this, &HostSession::onDomainEvent);
    connect(m_connection, &HostConnection::instanceEvent, this, &NodeSession::instanceEvent);
    connect(m_connection, &HostConnection::failedStop, this, &HostSession::onFailedStop);
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
    m_connection->resetBackoff();
    handoff::emitAcross(this, &NodeSession::nodeUpdated, baseSnapshot(NodeState::Connecting));
    connectNow();
}

void HostSession::stop()
{
    m_active = false;
    m_pollTimer->stop();
    m_connection->cancelRetry();
    m_eventTimer->stop();
    closeConnection();
}

void HostSession::refreshNow()
{
    if (!m_active)
        return;
    if (m_poller) {
        poll();
    } else {
        m_connection->cancelRetry();
        connectNow();
    }
}

void HostSession::performAction(quint64 requestId, const QString& uuid, InstanceAction action)
{
    if (!m_poller) {
        handoff::emitAcross(this, &NodeSession::actionFinished, requestId, uuid, action,
                            VirtError::withoutDetail(ErrorCode::ConnectionFailed, m_node.name));
        return;
    }
    const Error error = runDomainAction(m_connection->handle(), uuid, action, m_node.name);
    if (error.code == ErrorCode::None)
        m_finishedActions.append({requestId, uuid, action});
    else
        handoff::emitAcross(this, &NodeSession::actionFinished, requestId, uuid, action, error);
    // Show the outcome soon rather than at the next interval (not every driver sends events);
    // several actions in a burst share one refresh, as events do. The action's own lifecycle
    // event needs no wake-up of this thread of its own: that refresh is already coming.
    m_actedOn.insert(uuid);
    m_connection->markEventPending();
    onDomainEvent();
}

void HostSession::answerFinishedActions()
{
    const QList<FinishedAction> finished = std::exchange(m_finishedActions, {});
    for (const FinishedAction& done : finished)
        handoff::emitAcross(this, &NodeSession::actionFinished, done.requestId, done.uuid, done.action,
                            Error{});
}

void HostSession::collectGuestFacts(quint64 requestId, const QString& uuid)
{
    handoff::emitAcross(this, &NodeSession::guestFactsReady, requestId,
                        HostFacts::guestFacts(m_connection->handle(), m_node.name, uuid));
}

void HostSession::collectDestinationFacts(quint64 requestId, const GuestFacts& guest)
{
    handoff::emitAcross(this, &NodeSession::destinationFactsReady, requestId,
                        HostFacts::destinationFacts(m_connection->handle(), m_node.name, guest));
}

void HostSession::collectCopyFacts(quint64 requestId, const QString& uuid)
{
    bool measuring = false;
    InstanceCopyFacts facts =
        CopyFacts::start(m_poller ? m_connection->handle() : nullptr, m_node.name, uuid, measuring);
    if (!measuring) {
        handoff::emitAcross(this, &NodeSession::copyFactsReady, requestId, facts);
        return;
    }
    // QEMU measures on its own; this thread polls and answers meanwhile.
    QTimer::singleShot(CopyFacts::DirtyRateSeconds * 1000 + 300, this, [this, requestId, facts]() mutable {
        CopyFacts::finish(m_poller ? m_connection->handle() : nullptr, facts);
        handoff::emitAcross(this, &NodeSession::copyFactsReady, requestId, facts);
    });
}

void HostSession::setPollInterval(int milliseconds)
{
    m_pollIntervalMs = std::max(milliseconds, EventCoalesceMs);
    // Connected sessions take the new interval at once (also while the first, spread-out tick
    // is still pending).
    if (m_pollTimer->isActive() || m_poller)
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
    if (!m_active || m_poller)
        return;
    Error openError;
    if (!m_connection->open(openError)) {
        scheduleReconnect(openError);
        return;
    }
    m_poller =
        std::make_unique<HostPoller>(m_connection->handle(), m_node.name, m_connection->hasDomainEvents());
    poll();
    // The first regular poll comes after a random part of the interval: nodes that connected
    // together (every node at start-up) then poll spread over the interval, not all at once.
    if (m_poller) {
        const int offset = int(QRandomGenerator::global()->bounded(m_pollIntervalMs));
        QTimer::singleShot(offset, m_pollTimer, [this, generation = m_connection->generation()] {
            if (m_poller && m_connection->generation() == generation)
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
    NodeSnapshot snapshot = baseSnapshot(NodeState::Unreachable);
    snapshot.error = error;
    if (HostConnection::isRefused(error)) {
        // Trying again would be refused again: the node waits for its inventory entry to change,
        // which replaces this session. A refresh still tries at once.
        qWarning("%s: %s", qUtf8Printable(m_node.name), qUtf8Printable(error.message));
        snapshot.reconnectInMs = 0;
    } else {
        snapshot.reconnectInMs = m_connection->retryLater(error);
    }
    handoff::emitAcross(this, &NodeSession::nodeUpdated, snapshot);
}

void HostSession::onDomainEvent()
{
    if (m_poller && !m_eventTimer->isActive())
        m_eventTimer->start();
}

void HostSession::onFailedStop(const InstanceEvent& event)
{
    if (!m_poller)
        return;
    // A persistent domain keeps the reason it stopped for; a transient one is gone, and then
    // what the last poll saw decides: it was running (a crash), not an incoming copy waiting
    // paused for a migration that failed.
    std::optional<bool> crashed = m_connection->domainCrashed(event.uuid);
    if (!crashed) {
        const QList<InstanceSnapshot>& known = m_poller->lastInstances();
        const auto it = std::find_if(known.cbegin(), known.cend(),
                                     [&](const InstanceSnapshot& i) { return i.uuid == event.uuid; });
        crashed = it != known.cend() && it->isExecuting();
    }
    if (*crashed)
        handoff::emitAcross(this, &NodeSession::instanceEvent, event);
}

void HostSession::refreshChanged()
{
    if (!m_poller)
        return;
    // Taken before refreshing: an event arriving meanwhile schedules one more refresh.
    QSet<QString> changed;
    const bool listChanged = m_connection->takeEvents(changed);
    changed.unite(m_actedOn);
    m_actedOn.clear();
    bool runningChanged = false;
    if (listChanged || !m_poller->refreshDomains(changed, runningChanged)) {
        m_poller->markListStale();
        poll();
    } else {
        publish(runningChanged);
    }
    // After the refresh, so that the answer reaches the console after the state it left.
    answerFinishedActions();
}

void HostSession::closeConnection()
{
    if (!m_connection->isOpen())
        return;
    answerFinishedActions(); // they did succeed; only their refresh is lost with the connection
    m_actedOn.clear();
    m_poller.reset(); // releases its domain handles while the connection is still open
    m_connection->close();
}

void HostSession::handlePollFailure(const Error& error)
{
    if (!m_poller)
        return;
    if (error.code == ErrorCode::ConnectionFailed || !m_connection->isAlive()) {
        Error lost = error;
        if (lost.code != ErrorCode::ConnectionFailed) {
            lost.code = ErrorCode::ConnectionFailed;
            lost.message = VirtError::messageFor(ErrorCode::ConnectionFailed);
        }
        scheduleReconnect(lost);
        return;
    }
    VirtError::clearLastError();
    qWarning("%s: poll failed: %s", qUtf8Printable(m_node.name), qUtf8Printable(error.toString()));
}

void HostSession::poll()
{
    if (!m_poller)
        return;
    NodeSnapshot snapshot = baseSnapshot(NodeState::Connected);
    m_connection->describe(snapshot);
    Error error;
    if (!m_poller->poll(std::move(snapshot), error)) {
        handlePollFailure(error);
        return;
    }
    publish(true);
}

void HostSession::publish(bool withNode)
{
    // Copies (of shared data, no copy of the list's items): a receiver connected directly may
    // stop the session, and so delete the poller, while these are being emitted.
    const NodeSnapshot node = m_poller->lastNode();
    const QList<InstanceSnapshot> instances = m_poller->lastInstances();
    if (withNode)
        handoff::emitAcross(this, &NodeSession::nodeUpdated, node);
    handoff::emitAcross(this, &NodeSession::instancesUpdated, m_node.name, instances);
}

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// NodeSession: the interface between the cluster state and one node's management backend.
// HostSession (libvirt) implements it today; another backend (a cloud manager's API) can
// implement it later without the app or ui layers changing.
// Thread: a worker thread of its own. Call its slots only queued (QMetaObject::invokeMethod
// with Qt::QueuedConnection); its signals carry values and are received queued.
// Owner: the ClusterController, which moves it to its thread and deletes it when the
// thread finishes.
#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include "core/instanceaction.h"
#include "core/instanceevent.h"
#include "core/preflight.h"
#include "core/result.h"
#include "core/snapshot.h"
#include "core/threadhandoff.h"

namespace kumo {

class NodeSession : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~NodeSession() override = default;

    [[nodiscard]] virtual QString nodeName() const = 0;

public Q_SLOTS:
    // Connects and starts polling; reconnects with backoff while the node is unreachable.
    virtual void start() = 0;
    // Closes the connection; no signal is emitted after this returns.
    virtual void stop() = 0;
    // Polls now instead of waiting for the next interval.
    virtual void refreshNow() = 0;
    virtual void setPollInterval(int milliseconds) = 0;
    // Carries out `action` on the instance `uuid`, then polls so the new state shows at once.
    // Answers with actionFinished(requestId, ...), also when the action fails.
    virtual void performAction(quint64 requestId, const QString& uuid, kumo::InstanceAction action) = 0;
    // Pre-flight facts for a migration: about a guest on this node (as the source), and about
    // this node as the destination for that guest. Answered with the *FactsReady signals.
    virtual void collectGuestFacts(quint64 requestId, const QString& uuid) = 0;
    virtual void collectDestinationFacts(quint64 requestId, const kumo::GuestFacts& guest) = 0;
    // What this node says about its copy of `uuid` (a split instance's copies are compared with
    // it). Answered with copyFactsReady(); a backend that cannot tell answers with the error.
    virtual void collectCopyFacts(quint64 requestId, const QString& uuid)
    {
        InstanceCopyFacts facts;
        facts.uuid = uuid;
        facts.node = nodeName();
        facts.error = Error{ErrorCode::Unsupported,
                            nodeName(),
                            tr("This node's backend does not report facts about one copy of an instance."),
                            {},
                            0,
                            0};
        handoff::emitAcross(this, &NodeSession::copyFactsReady, requestId, facts);
    }

Q_SIGNALS:
    // The node's state or figures; emitted after every poll and on every state change.
    void nodeUpdated(const kumo::NodeSnapshot& node);
    // Every domain on the node as one poll saw it (complete list: absent means gone).
    void instancesUpdated(const QString& node, const QList<kumo::InstanceSnapshot>& instances);
    // The outcome of performAction(): error.code is ErrorCode::None on success.
    void actionFinished(quint64 requestId, const QString& uuid, kumo::InstanceAction action,
                        const kumo::Error& error);
    void guestFactsReady(quint64 requestId, const kumo::GuestFacts& facts);
    void destinationFactsReady(quint64 requestId, const kumo::DestinationFacts& facts);
    void copyFactsReady(quint64 requestId, const kumo::InstanceCopyFacts& facts);
    // Something the backend reported about an instance as it happened (a crash, an I/O error, a
    // watchdog); the state change it brings comes as usual through instancesUpdated.
    void instanceEvent(const kumo::InstanceEvent& event);
};

} // namespace kumo

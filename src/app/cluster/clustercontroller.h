// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ClusterController: the one cluster state of the console. It runs one NodeSession per
// inventory node on a thread of its own, merges the snapshots those sessions publish and
// tells views exactly what changed: a node or an instance added, changed, moved or removed.
// A snapshot that changes nothing a person can see emits nothing.
//
// An instance is keyed by its libvirt UUID. During a live migration the same UUID exists on
// two nodes for a moment (running on the source, paused on the destination); the controller
// shows the instance where it runs, so it "moves" when the destination takes over.
//
// Split brain: when one UUID is active on two nodes at once (a peer-to-peer migration whose
// destination froze and thawed leaves that), the instance shown carries splitNodes, every action
// on it is refused with the reason, and only requestStopCopy() acts on it. Active is running or
// paused with a live process; a shut-off definition elsewhere is not a copy that runs. Two reports
// count as "at once" only when each node saw its copy after the other node's copy started, so the
// hand-over of an ordinary migration, seen by two polls a moment apart, never counts. A copy paused
// for an incoming migration beside its running source is the ordinary middle of a migration; it
// is a split once the source runs again after that copy appeared (the migration was given up and
// the incoming copy stayed), or when the paused copy is paused for any other reason.
//
// A watchdog asks every session's thread for a sign of life each second (an empty queued call).
// A session that has not taken it for NotRespondingAfterMs is stuck inside a call (a frozen
// daemon, a socket that accepts and never answers): its node is shown NodeState::NotResponding,
// the actions and pre-flight facts waiting on it are answered with an error at once, new ones are
// refused, and its late answers are dropped. When the thread answers again the node shows what
// its session last reported. The GUI thread never waits for a session.
//
// Thread: GUI (or the main thread of a headless command).
// Owner: whoever creates it; it owns the sessions and their threads.
#pragma once

#include <atomic>
#include <functional>
#include <memory>

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include "app/cluster/metricshistory.h"
#include "core/instanceaction.h"
#include "core/inventory.h"
#include "core/nodesession.h"
#include "core/result.h"
#include "core/snapshot.h"

class QThread;
class QTimer;

namespace kumo {

class CredentialProvider;

class ClusterController : public QObject
{
    Q_OBJECT

public:
    // Makes the session for one node; the controller moves it to a new thread and starts it.
    // A factory may return nullptr to keep a node without a session (tests of the merge logic).
    using SessionFactory = std::function<NodeSession*(const NodeConfig&)>;

    static constexpr int WatchdogIntervalMs = 1000;
    // Longer than any call a node that answers needs (a poll of thousands of domains takes well
    // under a second), short enough to show a frozen node within seconds.
    static constexpr int NotRespondingAfterMs = 5000;

    // With no factory, nodes get libvirt HostSessions that ask `credentials` for secrets.
    explicit ClusterController(QObject* parent = nullptr);
    ClusterController(SessionFactory factory, QObject* parent = nullptr);
    ~ClusterController() override;

    void setCredentialProvider(CredentialProvider* credentials);

    // Read-only mode (kumo --read-only): every node is opened with libvirt's read-only flag and
    // every action that would change something is refused here, before it reaches a node.
    // Changing it reconnects the nodes whose mode changes.
    void setReadOnly(bool readOnly);
    [[nodiscard]] bool readOnly() const { return m_readOnly; }
    // True in read-only mode and for a node marked read_only in the inventory.
    [[nodiscard]] bool isNodeReadOnly(const QString& node) const;
    // An ErrorCode::ReadOnly error saying why when the console or one of `nodes` is read-only.
    // Every controller that changes instances (actions, migrations, evacuations) asks it first.
    [[nodiscard]] Result<void> checkWritable(const QStringList& nodes) const;

    // Starts sessions for new nodes, stops those of removed nodes and restarts those whose
    // connection settings changed. Emits node/instance signals for the differences only.
    void setInventory(const Inventory& inventory);
    // The inventory as the console applies it: the file's, with every node of a site in
    // maintenance (setSiteMaintenance) marked so.
    [[nodiscard]] const Inventory& inventory() const { return m_inventory; }
    // The inventory as read from the file, without the maintenance overlay.
    [[nodiscard]] const Inventory& fileInventory() const { return m_fileInventory; }

    // Sites in maintenance mode besides the inventory's own flags (a campus evacuated for a planned
    // outage): every node of such a site counts as in maintenance in inventory() and takes no new
    // instances. Emits nodeChanged for each node whose flag changed, then inventoryChanged.
    void setSiteMaintenance(const QString& site, bool on);
    [[nodiscard]] QSet<QString> maintenanceSites() const { return m_maintenanceSites; }

    [[nodiscard]] QStringList nodeNames() const { return m_nodeOrder; }
    [[nodiscard]] const NodeSnapshot* node(const QString& name) const;
    [[nodiscard]] const InstanceSnapshot* instance(const QString& uuid) const;
    [[nodiscard]] QList<InstanceSnapshot> instances() const;
    [[nodiscard]] QList<InstanceSnapshot> instancesOn(const QString& node) const;
    // Every node an instance's UUID is currently seen on (more than one while it migrates).
    [[nodiscard]] QStringList locationsOf(const QString& uuid) const;
    // What every node reports about this UUID, in inventory order.
    [[nodiscard]] QList<InstanceSnapshot> copiesOf(const QString& uuid) const;
    // Instances active (running or paused) on more than one node now.
    [[nodiscard]] QStringList splitInstances() const;

    // CPU and memory of the last minutes, from the polls already made.
    [[nodiscard]] const MetricsHistory& history() const { return m_history; }
    [[nodiscard]] MetricsHistory& history() { return m_history; }

    [[nodiscard]] int connectedNodeCount() const;
    [[nodiscard]] int runningInstanceCount() const;
    [[nodiscard]] int instanceCount() const { return int(m_primary.size()); }

    // The one entry point for changing an instance. Runs on the session of the node the instance
    // is shown on and answers with actionFinished(); never blocks. Returns the request's id.
    quint64 requestAction(const QString& uuid, InstanceAction action);
    // Pre-flight facts, gathered on the sessions' threads. A request to a node without a working
    // session is answered (queued) with facts whose error says why. Returns the request's id.
    quint64 requestGuestFacts(const QString& uuid);
    quint64 requestDestinationFacts(const QString& node, const GuestFacts& guest);
    // What `node` says about its copy of `uuid`; answered by copyFactsReady(). A node that stops
    // responding meanwhile is answered by the watchdog (ErrorCode::Timeout) after the same time
    // as everything else waiting on it.
    quint64 requestCopyFacts(const QString& uuid, const QString& node);
    // The fix for a split instance: pulls the plug on its copy on `node` (one of splitNodes),
    // answered with actionFinished(..., ForceOff, ...). Refused for an instance that is not split.
    quint64 requestStopCopy(const QString& uuid, const QString& node);
    // Whether the copy of `uuid` on `node`, once stopped, may lose its definition there: it is
    // persistent and another node holds a persistent definition of the same UUID, so one remains.
    [[nodiscard]] bool canRemoveCopyDefinition(const QString& uuid, const QString& node) const;
    // After requestStopCopy(): removes the stopped copy's definition from `node` (its disks stay),
    // answered with actionFinished(..., Undefine, ...). Refused unless canRemoveCopyDefinition()
    // and the copy there is shut off.
    quint64 requestRemoveCopyDefinition(const QString& uuid, const QString& node);
    // Polls a node now (e.g. both ends right after a migration).
    void refreshNode(const QString& node) { refreshNow(node); }

    // Actions sent to a session and not answered yet.
    [[nodiscard]] int runningActionCount() const { return int(m_pendingActions.size()); }

    // Tests shorten the watchdog's times.
    void setWatchdogTimes(int intervalMs, int notRespondingAfterMs);

    // Stops every session and waits up to timeoutMs for their threads; used at exit. The thread
    // of a node that is not responding is not waited for: it is left to the process exit.
    void shutdown(int timeoutMs = 3000);

public Q_SLOTS:
    // Entry points of the sessions' queued signals; public so that tests can feed snapshots.
    void applyNodeSnapshot(const kumo::NodeSnapshot& snapshot);
    void applyInstances(const QString& node, const QList<kumo::InstanceSnapshot>& instances);
    void refreshNow(const QString& node);

Q_SIGNALS:
    void readOnlyChanged(bool readOnly);
    void nodeAdded(const QString& node);
    void nodeChanged(const QString& node);
    void nodeRemoved(const QString& node);
    void instanceAdded(const QString& uuid);
    void instanceChanged(const QString& uuid);
    void instanceMoved(const QString& uuid, const QString& fromNode, const QString& toNode);
    void instanceRemoved(const QString& uuid, const QString& lastNode);
    // After a batch of the instance signals above (one merge pass over the lists that came in,
    // one applyInstances, one node leaving). Views that gather per-instance signals (a table
    // inserting its new rows as one block) apply what they gathered here.
    void instancesSettled();
    void inventoryChanged();
    void guestFactsReady(quint64 requestId, const kumo::GuestFacts& facts);
    void destinationFactsReady(quint64 requestId, const kumo::DestinationFacts& facts);
    void copyFactsReady(quint64 requestId, const kumo::InstanceCopyFacts& facts);
    // An instance started or stopped running on more than one node: `nodes` are where it runs
    // (empty when it runs in one place again). Emitted after its instanceChanged.
    void splitBrainChanged(const QString& uuid, const QStringList& nodes);
    // A node reported a crash, an I/O error or a watchdog of an instance (NodeSession::instanceEvent).
    void instanceEvent(const kumo::InstanceEvent& event);
    void actionStarted(quint64 requestId, const QString& uuid, kumo::InstanceAction action);
    // error.code is ErrorCode::None on success; otherwise error.message says why, in words.
    void actionFinished(quint64 requestId, const QString& uuid, kumo::InstanceAction action,
                        const kumo::Error& error);

private:
    struct SessionSlot
    {
        QPointer<NodeSession> session;
        QThread* thread = nullptr;
    };

    void startSession(const NodeConfig& config);
    void stopSession(const QString& node);
    void removeNode(const QString& node);
    // Picks where an instance is shown from every node reporting it and emits the difference.
    void updatePrimary(const QString& uuid);
    // applyInstances without the closing instancesSettled, for callers that merge several lists.
    void mergeInstances(const QString& node, const QList<kumo::InstanceSnapshot>& instances);
    // Sessions' instance lists wait here and are merged in slices, so that hundreds of nodes
    // polled at the same moment never hold the GUI thread for long.
    void queueInstances(const QString& node, const QList<kumo::InstanceSnapshot>& instances);
    void mergeQueuedInstances();
    void onActionFinished(quint64 requestId, const QString& uuid, InstanceAction action, const Error& error);
    void onGuestFacts(quint64 requestId, const kumo::GuestFacts& facts);
    void onDestinationFacts(quint64 requestId, const kumo::DestinationFacts& facts);
    void onCopyFacts(quint64 requestId, const kumo::InstanceCopyFacts& facts);
    // The watchdog's tick: pings the sessions and marks those that did not answer in time.
    void checkSessions();
    void markNotResponding(const QString& node, qint64 silentMs);
    // Answers what waits on `node` with `error` (actions, pre-flight facts).
    void failPendingOn(const QString& node, const Error& error);
    [[nodiscard]] bool isNotResponding(const QString& node) const;
    struct PendingFacts;
    // Answers a fact request that waited on a node with `error` instead of the node's facts.
    void answerFacts(quint64 id, const PendingFacts& pending, const Error& error);
    [[nodiscard]] Error notRespondingError(const QString& node) const;
    void failAction(quint64 requestId, const QString& uuid, InstanceAction action, const Error& error);

    [[nodiscard]] Inventory withMaintenance(const Inventory& inventory) const;
    // The nodes where `uuid` is active at the same time as on another node, in inventory order.
    [[nodiscard]] QStringList splitNodesOf(const QString& uuid) const;
    void addLocation(const QString& uuid, const QString& node);
    // What `node` last reported about `uuid`, or nullptr.
    [[nodiscard]] const InstanceSnapshot* copyOn(const QString& node, const QString& uuid) const;
    // Keeps when a copy of a shared UUID started executing or being paused.
    void notePhase(const QString& node, const InstanceSnapshot& copy);
    void removeLocation(const QString& uuid, const QString& node);

    SessionFactory m_factory;
    CredentialProvider* m_credentials = nullptr;
    bool m_readOnly = false;
    Inventory m_fileInventory;
    Inventory m_inventory; // m_fileInventory with the maintenance overlay
    QSet<QString> m_maintenanceSites;
    QStringList m_nodeOrder;
    QHash<QString, NodeSnapshot> m_nodes;
    QHash<QString, SessionSlot> m_sessions;
    // What each node last reported, by node then UUID.
    QHash<QString, QHash<QString, InstanceSnapshot>> m_perNode;
    // Where each UUID is seen.
    QHash<QString, QStringList> m_locations;
    // UUIDs seen on more than one node: looked at on every merge, for split brain.
    QSet<QString> m_shared;
    // By node then UUID: the sampling time of the first poll that saw the copy executing (since
    // then without a break). Kept for shared UUIDs only.
    QHash<QString, QHash<QString, qint64>> m_executingSince;
    // The same for copies paused with a live process (Paused, PmSuspended).
    QHash<QString, QHash<QString, qint64>> m_pausedSince;
    // The instance as the console shows it.
    QHash<QString, InstanceSnapshot> m_primary;
    QList<QThread*> m_stoppingThreads;
    QSet<QThread*> m_hungThreads; // of m_stoppingThreads: their node was not responding
    MetricsHistory m_history;
    QHash<QString, qint64> m_lastHistorySampleMs; // per node: instances are sampled once a step
    QStringList m_queuedOrder;                    // nodes with a list waiting, oldest first
    QHash<QString, QList<InstanceSnapshot>> m_queuedInstances;
    QTimer* m_mergeTimer = nullptr;
    QElapsedTimer m_sinceMerge; // since the last merge pass that emptied the queue
    quint64 m_nextRequestId = 1;
    struct PendingAction
    {
        QString node;
        QString uuid;
        InstanceAction action;
    };
    QHash<quint64, PendingAction> m_pendingActions;
    struct PendingFacts
    {
        enum Kind
        {
            Guest,
            Destination,
            Copy, // of a split instance
        };
        QString node;
        QString uuid; // of the guest
        Kind kind = Guest;
    };
    QHash<quint64, PendingFacts> m_pendingFacts;

    // The watchdog's record of one session.
    struct Watch
    {
        // Written by the session's thread when it takes a ping, read here.
        std::shared_ptr<std::atomic<quint64>> answered = std::make_shared<std::atomic<quint64>>(0);
        quint64 sent = 0;
        qint64 sentAtMs = 0; // on m_watchClock
        bool notResponding = false;
        NodeSnapshot reported; // what the session last published
    };
    QHash<QString, Watch> m_watch;
    QTimer* m_watchdog = nullptr;
    QElapsedTimer m_watchClock;
    int m_notRespondingAfterMs = NotRespondingAfterMs;
};

} // namespace kumo

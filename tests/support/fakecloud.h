// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// FakeCloud: a small in-process world of nodes and instances that a test defines, so that the
// cluster state, the migration controller and the outage run are tested as they are while only
// the workers are fake. FakeNodeSessions made by sessionFactory() publish what the cloud holds
// for their node; the jobs jobFactory() makes are FakeMigrationJobs (driven by the test through
// its FakeMigrationJobFactory) that, when they complete, move their instance from the source
// node to the destination one, and the two sessions publish the change at once.
// Nothing happens by time: sessions publish when started, asked to refresh, or when the cloud
// changes.
// Thread: the cloud is locked; sessions read it on their threads, jobs change it on theirs, the
// test defines and reads it on its own.
// Owner: the test; it must outlive the ClusterController and MigrationController using it.
#pragma once

#include <functional>

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>

#include "core/instanceaction.h"
#include "core/inventory.h"
#include "core/migration.h"
#include "core/preflight.h"
#include "core/result.h"
#include "core/snapshot.h"

namespace kumo {

class FakeMigrationJobFactory;
class FakeNodeSession;
class MigrationJob;
class NodeSession;

class FakeCloud
{
public:
    FakeCloud() = default;
    FakeCloud(const FakeCloud&) = delete;
    FakeCloud& operator=(const FakeCloud&) = delete;

    // Defines the world (before the sessions start). A node has `cpus` CPUs and `memoryKiB` in all;
    // what its instances use is not free. Instances run; their UUIDs are deterministic.
    void addSite(const QString& id);
    void addNode(const QString& site, const QString& name, int cpus, quint64 memoryKiB);
    QString addInstance(const QString& node, const QString& name, int vcpus, quint64 memoryKiB);

    // The inventory of the sites and nodes defined (URIs "fake://<node>").
    [[nodiscard]] Inventory inventory() const;
    // For ClusterController: one FakeNodeSession per node of the inventory.
    [[nodiscard]] std::function<NodeSession*(const NodeConfig&)> sessionFactory();
    // For MigrationController: the jobs of `jobs`, which also move their instance on completion.
    [[nodiscard]] std::function<MigrationJob*(const MigrationRequest&)>
    jobFactory(FakeMigrationJobFactory* jobs);

    // Where the instance is now (empty when nowhere), and its state.
    [[nodiscard]] QString nodeOf(const QString& uuid) const;
    [[nodiscard]] InstanceState stateOf(const QString& uuid) const;
    [[nodiscard]] QStringList instancesOn(const QString& node) const;
    // How many migrations completed, i.e. how many times an instance moved.
    [[nodiscard]] int moveCount() const;
    // How often a session was asked for the facts of the instance (a pre-flight reaching the node).
    [[nodiscard]] int guestFactsAsked(const QString& uuid) const;

    // What the sessions use (on their threads).
    [[nodiscard]] NodeSnapshot nodeSnapshot(const QString& node) const;
    [[nodiscard]] QList<InstanceSnapshot> instanceSnapshots(const QString& node) const;
    [[nodiscard]] Error perform(const QString& node, const QString& uuid, InstanceAction action);
    [[nodiscard]] GuestFacts guestFacts(const QString& node, const QString& uuid) const;
    [[nodiscard]] DestinationFacts destinationFacts(const QString& node, const GuestFacts& guest) const;
    void attach(FakeNodeSession* session);
    void detach(FakeNodeSession* session);

private:
    struct Node
    {
        NodeConfig config;
        int cpus = 0;
        quint64 memoryKiB = 0;
    };

    // Moves `uuid` from `from` to `to` when it is on `from`, and has both sessions publish.
    void move(const QString& uuid, const QString& from, const QString& to);
    // Asks the session of `node` to publish (queued, on its thread); the lock is held.
    void refreshLocked(const QString& node) const;

    mutable QMutex m_lock;
    QList<Site> m_sites;
    QList<Node> m_nodes;
    QHash<QString, InstanceSnapshot> m_instances; // by uuid; node says where it is
    QStringList m_order;                          // uuids in the order they were added
    QHash<QString, FakeNodeSession*> m_sessions;  // by node
    int m_moves = 0;
    mutable QHash<QString, int> m_guestFactsAsked; // by uuid
};

} // namespace kumo

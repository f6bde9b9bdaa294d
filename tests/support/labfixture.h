// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The demo lab as one test process uses it: its own settings and standard paths, one lab owned by
// the process (started with the kumo executable), the lab's inventory, and on request a
// ClusterController (and a MigrationController) that has heard from every node. Also the questions
// every lab test asks: where a guest is as the console sees it, and as libvirt itself says.
// Thread: the test's main thread (static libvirt questions: any, each opens its own connection).
// Owner: the test object, set up in initTestCase (or the one test that needs it), torn down in
// cleanupTestCase; the destructor tears down what is still up.
#pragma once

#include <memory>
#include <optional>

#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include "core/inventory.h"
#include "core/result.h"
#include "lab/lab.h"
#include "virt/directconnection.h"

namespace kumo {

class ClusterController;
class MigrationController;

class LabFixture
{
public:
    // What runs on the lab besides libvirt itself.
    enum class Console
    {
        None,                 // the test makes its own connections
        Cluster,              // a ClusterController on the inventory
        ClusterAndMigrations, // and a MigrationController journaling into a temporary directory
    };

    explicit LabFixture(QString testName);
    ~LabFixture();
    LabFixture(const LabFixture&) = delete;
    LabFixture& operator=(const LabFixture&) = delete;

    // Gives the test its own settings and standard paths (QStandardPaths test mode, organisation
    // "kumo-tests", application: the test's name, settings cleared), starts a lab of four nodes
    // and eight guests owned by this process, loads its inventory and starts `console` on it,
    // waiting until it has heard from every node and sees every guest running.
    // `access`: the lab's inventory reaches the password node over TLS with a password and marks
    // the read-only node (Lab::UpOptions::access); the console then needs credentials: use None.
    [[nodiscard]] Result<void> setUp(Console console = Console::Cluster, bool access = false);
    // Stops the console, then the lab, and clears the settings. Safe to call when not set up.
    Result<void> tearDown();

    // Waits until `cluster` is connected to every node of the lab and sees every guest running.
    [[nodiscard]] Result<void> waitUntilHeard(const ClusterController& cluster) const;
    // Waits until every guest has filled its memory with the pattern after boot (a migration
    // before that would move almost nothing).
    [[nodiscard]] Result<void> waitForFilledMemory(int timeoutMsPerGuest = 60000) const;

    [[nodiscard]] const LabInfo& info() const { return m_info; }
    // Starts again the lab's node daemons that died (Lab::restartDaemons); info() then has their
    // new pids.
    [[nodiscard]] Result<void> restartDaemons();
    [[nodiscard]] const Inventory& inventory() const { return m_inventory; }
    [[nodiscard]] ClusterController* cluster() const { return m_cluster.get(); }
    [[nodiscard]] MigrationController* migrations() const { return m_migrations.get(); }

    // The inventory's node `name`, nullptr when there is none; its libvirt URI, empty then.
    [[nodiscard]] const NodeConfig* node(const QString& name) const;
    [[nodiscard]] QString uriOf(const QString& node) const;

    // The console's view (needs a cluster): the instance's uuid and the node it runs on.
    [[nodiscard]] QString uuidOf(const QString& name) const;
    [[nodiscard]] QString nodeOf(const QString& name) const;
    // Both ends agree and so does the console: running on `to`, unknown to `from` (undefined there).
    [[nodiscard]] bool movedTo(const QString& name, const QString& from, const QString& to) const;

    // libvirt's own view, independent of the console's state.
    // The domain's state key ("running", "paused", ...) on the inventory's node `node`, empty
    // when that node does not know it, "<unreachable>" or "<unreadable>" when libvirt fails.
    [[nodiscard]] QString stateOn(const QString& node, const QString& name) const;
    // Running on `to` and unknown to `from`.
    [[nodiscard]] bool libvirtMovedTo(const QString& name, const QString& from, const QString& to) const;
    // The inventory's nodes that know the domain at all; those where it runs into `running`.
    [[nodiscard]] QStringList nodesKnowing(const QString& name, QStringList* running = nullptr) const;
    // The inventory's nodes that keep a persistent definition of the domain.
    [[nodiscard]] QStringList nodesPersisting(const QString& name) const;
    // Known to `node`'s libvirt, which answered.
    [[nodiscard]] bool definedOn(const QString& name, const QString& node) const;
    // The domain's uuid as `node`'s libvirt reports it, empty when unknown there.
    [[nodiscard]] QString libvirtUuidOf(const QString& name, const QString& node) const;
    // The guest has filled its memory with the pattern (LabPlan::GuestStateFilled).
    [[nodiscard]] bool hasFilledMemory(const QString& name, const QString& node) const;

    // The same, through a connection the test holds.
    [[nodiscard]] static bool hasFilledMemory(const DirectConnection& connection, const QString& name);

private:
    // The domain `name` as libvirt on `uri` reports it; nullopt when unknown or libvirt fails.
    [[nodiscard]] static std::optional<DirectConnection::Domain> domainOn(const QString& uri,
                                                                          const QString& name);
    // The domain's state key ("running", "paused", ...) as libvirt on `uri` reports it, empty when
    // that node does not know the domain, "<unreachable>" or "<unreadable>" when libvirt fails.
    [[nodiscard]] static QString domainStateOn(const QString& uri, const QString& name);

    QString m_testName;
    std::optional<LabInfo> m_lab; // set while a lab is up
    LabInfo m_info;
    Inventory m_inventory;
    QTemporaryDir m_dir;
    std::unique_ptr<ClusterController> m_cluster;
    std::unique_ptr<MigrationController> m_migrations;
};

} // namespace kumo

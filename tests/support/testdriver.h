// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Test-driver clusters: writes libvirt test-driver node files (a <node> root with the host's
// CPU, memory and inline <domain type='test'> elements) and the matching kumo::Inventory, so
// tests and benchmarks run real libvirt connections without a daemon. Every name and UUID is
// deterministic, so a test can compute what it expects to see.
// Thread: any (pure functions; writing files is reentrant for distinct directories).
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "core/inventory.h"

namespace kumo {

struct TestDomain
{
    QString name; // "<node>-vmNN"
    QString uuid; // lower-case, with dashes, unique across the cluster
    int vcpus = 1;
    quint64 memoryKiB = 0; // current and maximum memory
    bool paused = false;   // the driver holds it paused (reason unknown) instead of running
};

struct TestNode
{
    QString name; // "<site>-NN"
    QString site;
    QString file; // absolute path of the node's test-driver XML
    int cpus = 0;
    int mhz = 0;
    QString cpuModel;
    quint64 memoryKiB = 0;
    QList<TestDomain> domains;
    // When set, the test driver asks for these credentials on connect (libvirt's <auth> element).
    QString authUser;
    QString authPassword;
};

struct TestCluster
{
    Inventory inventory;
    QStringList files;     // one per node, in inventory order
    QList<TestNode> nodes; // what each file contains, in inventory order
};

// The domain name, UUID and sizes generateTestCluster() uses for instance `index` of `node`.
[[nodiscard]] TestDomain testDomain(const QString& node, int index);

// The test-driver XML for one node.
[[nodiscard]] QByteArray testNodeXml(const TestNode& node);

// Split brain on the test driver: rewrites node `index`'s file so that it runs exactly `domain`, a
// copy (same UUID) of another node's instance, and records it in cluster.nodes. False when the
// file cannot be written.
[[nodiscard]] bool runCopyOn(TestCluster& cluster, qsizetype index, const TestDomain& domain);

// Writes one XML file per node into dir (created if missing). Two sites are called
// "myodaiji" and "yamate" like the demo lab; other counts use "site0", "site1", ...
// Node URIs are "test:///<absolute file path>". Returns an empty cluster (no nodes) when a
// file cannot be written.
[[nodiscard]] TestCluster generateTestCluster(const QString& dir, int sites, int nodesPerSite,
                                              int instancesPerNode);

} // namespace kumo

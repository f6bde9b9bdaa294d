// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// How a node's URI is judged and which path a migration's memory stream takes.
#include <QTest>

#include "core/connectionsecurity.h"
#include "core/migrationpath.h"

using namespace kumo;

class TestMigrationPath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectionSecurity_data();
    void connectionSecurity();
    void insecureNodesNeedThePermission();
    void automaticPrefersTlsThenTrustedPlainThenTunnel();
    void explicitChoicesTheInventoryDoesNotAllowAreRefused();
    void tunnelOverAnInsecureConnectionIsNotEncrypted();
    void conflictsNameTheOptions();
    void keysRoundTrip();
    void inventoryKeysRoundTrip();

private:
    static Inventory twoSites();
};

Inventory TestMigrationPath::twoSites()
{
    Inventory inventory;
    inventory.sites = {Site{QStringLiteral("a"), QStringLiteral("A"), {}, {}, {}},
                       Site{QStringLiteral("b"), QStringLiteral("B"), {}, {}, {}}};
    NodeConfig one;
    one.name = QStringLiteral("a1");
    one.site = QStringLiteral("a");
    one.uri = QStringLiteral("qemu+tls://a1.example/system");
    one.migrationAddress = QStringLiteral("10.0.0.1");
    NodeConfig two = one;
    two.name = QStringLiteral("b1");
    two.site = QStringLiteral("b");
    two.uri = QStringLiteral("qemu+ssh://root@b1.example/system");
    two.migrationAddress = QStringLiteral("10.0.0.2");
    inventory.nodes = {one, two};
    return inventory;
}

void TestMigrationPath::connectionSecurity_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("transport");
    using K = ConnectionSecurity::Kind;
    QTest::newRow("system socket") << "qemu:///system" << int(K::Local) << "unix";
    QTest::newRow("unix socket path") << "qemu+unix:///session?socket=/tmp/s" << int(K::Local) << "unix";
    QTest::newRow("test driver") << "test:///default" << int(K::Local) << "unix";
    QTest::newRow("ssh") << "qemu+ssh://root@n1/system" << int(K::Encrypted) << "ssh";
    QTest::newRow("libssh") << "qemu+libssh://root@n1/system" << int(K::Encrypted) << "libssh";
    QTest::newRow("tls") << "qemu+tls://n1/system" << int(K::Encrypted) << "tls";
    QTest::newRow("host without transport is tls") << "qemu://n1/system" << int(K::Encrypted) << "tls";
    QTest::newRow("tls no_verify") << "qemu+tls://n1/system?no_verify=1" << int(K::Insecure) << "tls";
    QTest::newRow("tls no_verify=0") << "qemu+tls://n1/system?no_verify=0" << int(K::Encrypted) << "tls";
    QTest::newRow("tcp") << "qemu+tcp://n1/system" << int(K::Insecure) << "tcp";
    QTest::newRow("ext") << "qemu+ext:///system?command=/bin/x" << int(K::Insecure) << "ext";
}

void TestMigrationPath::connectionSecurity()
{
    QFETCH(QString, uri);
    QFETCH(int, kind);
    QFETCH(QString, transport);
    const ConnectionSecurity security = ConnectionSecurity::of(uri);
    QCOMPARE(int(security.kind), kind);
    QCOMPARE(security.transport, transport);
    QCOMPARE(security.reason.isEmpty(), kind != int(ConnectionSecurity::Kind::Insecure));
}

void TestMigrationPath::insecureNodesNeedThePermission()
{
    NodeConfig node;
    node.name = QStringLiteral("n1");
    node.uri = QStringLiteral("qemu+tcp://n1/system");
    const Result<void> refused = ConnectionSecurity::check(node);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Insecure);
    QVERIFY(refused.error().message.contains(QStringLiteral("allow_insecure")));
    QVERIFY(!ConnectionSecurity::insecureAllowed(node));

    node.allowInsecure = true;
    QVERIFY(ConnectionSecurity::check(node));
    QVERIFY(ConnectionSecurity::insecureAllowed(node));

    node.uri = QStringLiteral("qemu+tls://n1/system");
    QVERIFY(!ConnectionSecurity::insecureAllowed(node)); // no badge for a safe URI
    node.allowInsecure = false;
    QVERIFY(ConnectionSecurity::check(node));
}

void TestMigrationPath::automaticPrefersTlsThenTrustedPlainThenTunnel()
{
    Inventory inventory = twoSites();
    const MigrationOptions automatic;
    Result<MigrationPath> path =
        MigrationPath::choose(inventory, QStringLiteral("a1"), QStringLiteral("b1"), automatic);
    QVERIFY(path);
    QCOMPARE(path->transport, MigrationTransport::Tunnelled);
    QVERIFY(path->encrypted);
    QVERIFY(path->migrationUri.isEmpty());

    inventory.sites[0].trustedMigrationNetwork = true;
    path = MigrationPath::choose(inventory, QStringLiteral("a1"), QStringLiteral("b1"), automatic);
    QCOMPARE(path->transport, MigrationTransport::Tunnelled); // one trusted end is not a trusted path
    inventory.nodes[1].trustedMigrationNetwork = true;
    path = MigrationPath::choose(inventory, QStringLiteral("a1"), QStringLiteral("b1"), automatic);
    QCOMPARE(path->transport, MigrationTransport::Plain);
    QVERIFY(!path->encrypted);
    QCOMPARE(path->migrationUri, QStringLiteral("tcp://10.0.0.2"));
    // A node can withdraw its site's trust.
    inventory.nodes[0].trustedMigrationNetwork = false;
    path = MigrationPath::choose(inventory, QStringLiteral("a1"), QStringLiteral("b1"), automatic);
    QCOMPARE(path->transport, MigrationTransport::Tunnelled);

    inventory.nodes[0].migrationTls = true;
    path = MigrationPath::choose(inventory, QStringLiteral("a1"), QStringLiteral("b1"), automatic);
    QCOMPARE(path->transport, MigrationTransport::Tunnelled); // TLS needs both ends
    inventory.nodes[1].migrationTls = true;
    inventory.nodes[1].migrationTlsName = QStringLiteral("b1.example");
    path = MigrationPath::choose(inventory, QStringLiteral("a1"), QStringLiteral("b1"), automatic);
    QCOMPARE(path->transport, MigrationTransport::Tls);
    QVERIFY(path->encrypted);
    QCOMPARE(path->tlsDestination, QStringLiteral("b1.example"));
    QCOMPARE(path->migrationUri, QStringLiteral("tcp://10.0.0.2"));
}

void TestMigrationPath::explicitChoicesTheInventoryDoesNotAllowAreRefused()
{
    Inventory inventory = twoSites();
    MigrationOptions options;
    options.transport = MigrationTransport::Plain;
    Result<MigrationPath> path =
        MigrationPath::choose(inventory, QStringLiteral("a1"), QStringLiteral("b1"), options);
    QVERIFY(!path);
    QCOMPARE(path.error().code, ErrorCode::Insecure);

    options.transport = MigrationTransport::Tls;
    path = MigrationPath::choose(inventory, QStringLiteral("a1"), QStringLiteral("b1"), options);
    QVERIFY(!path);
    QCOMPARE(path.error().code, ErrorCode::Unsupported);
    QCOMPARE(path.error().object, QStringLiteral("a1"));

    options.transport = MigrationTransport::Tunnelled;
    inventory.nodes[0].migrationTls = inventory.nodes[1].migrationTls = true;
    path = MigrationPath::choose(inventory, QStringLiteral("a1"), QStringLiteral("b1"), options);
    QVERIFY(path);
    QCOMPARE(path->transport, MigrationTransport::Tunnelled); // asked for, and safe

    path = MigrationPath::choose(inventory, QStringLiteral("a1"), QStringLiteral("nowhere"), options);
    QVERIFY(!path);
    QCOMPARE(path.error().code, ErrorCode::NotFound);
}

void TestMigrationPath::tunnelOverAnInsecureConnectionIsNotEncrypted()
{
    Inventory inventory = twoSites();
    inventory.nodes[1].uri = QStringLiteral("qemu+tcp://b1.example/system");
    Result<MigrationPath> path =
        MigrationPath::choose(inventory, QStringLiteral("a1"), QStringLiteral("b1"), MigrationOptions{});
    QVERIFY(!path);
    QCOMPARE(path.error().code, ErrorCode::Insecure);

    for (Site& site : inventory.sites)
        site.trustedMigrationNetwork = true;
    MigrationOptions tunnel;
    tunnel.transport = MigrationTransport::Tunnelled;
    path = MigrationPath::choose(inventory, QStringLiteral("a1"), QStringLiteral("b1"), tunnel);
    QVERIFY(path);
    QVERIFY(!path->encrypted);
}

void TestMigrationPath::conflictsNameTheOptions()
{
    MigrationOptions options;
    QVERIFY(MigrationPath::conflicts(MigrationTransport::Tunnelled, options).isEmpty());
    options.peerToPeer = false;
    options.allowPostCopy = true;
    options.copyStorage = true;
    QCOMPARE(MigrationPath::conflicts(MigrationTransport::Tunnelled, options).size(), 3);
    QVERIFY(MigrationPath::conflicts(MigrationTransport::Tls, options).isEmpty());
    QVERIFY(MigrationPath::conflicts(MigrationTransport::Plain, options).isEmpty());
}

void TestMigrationPath::keysRoundTrip()
{
    for (MigrationTransport t : {MigrationTransport::Automatic, MigrationTransport::Tls,
                                 MigrationTransport::Tunnelled, MigrationTransport::Plain}) {
        QCOMPARE(MigrationPath::fromKey(MigrationPath::key(t)), std::optional<MigrationTransport>(t));
        QVERIFY(!MigrationPath::describe(t).isEmpty());
    }
    QVERIFY(!MigrationPath::fromKey(QStringLiteral("carrier-pigeon")));
}

void TestMigrationPath::inventoryKeysRoundTrip()
{
    Inventory inventory = twoSites();
    inventory.sites[0].trustedMigrationNetwork = true;
    inventory.nodes[0].readOnly = true;
    inventory.nodes[0].migrationTls = true;
    inventory.nodes[0].migrationTlsName = QStringLiteral("a1.example");
    inventory.nodes[1].trustedMigrationNetwork = false;
    const Result<Inventory> back = Inventory::parse(inventory.toToml(), QStringLiteral("x.toml"));
    QVERIFY2(back, back ? "" : qPrintable(back.error().toString()));
    QCOMPARE(back->sites, inventory.sites);
    QCOMPARE(back->nodes, inventory.nodes);
    QVERIFY(back->trustsMigrationNetwork(QStringLiteral("a1")));
    QVERIFY(!back->trustsMigrationNetwork(QStringLiteral("b1")));
    QVERIFY(!back->trustsMigrationNetwork(QStringLiteral("nobody")));

    const Result<Inventory> wrongType = Inventory::parse("[[site]]\nid = \"a\"\nname = \"A\"\n[[node]]\nname "
                                                         "= \"n\"\nsite = \"a\"\nuri = \"test:///default\"\n"
                                                         "read_only = \"yes\"\n",
                                                         QStringLiteral("x.toml"));
    QVERIFY(!wrongType);
    QCOMPARE(wrongType.error().line, 8);
}

QTEST_GUILESS_MAIN(TestMigrationPath)
#include "tst_migrationpath.moc"

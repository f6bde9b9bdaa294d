// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The pre-flight checks as a pure function: each check passing and failing, the verdict as the
// worst of them, the memory arithmetic and the exact English of a few messages; the transport
// check naming each path, refusing what the inventory does not allow and the options that do not
// combine with the path.
#include <QTest>

#include "core/migrationpath.h"
#include "core/preflight.h"

using namespace kumo;

namespace {

constexpr quint64 MiB = 1024;
constexpr quint64 GiB = 1024 * 1024;

struct Fixture
{
    InstanceSnapshot instance;
    NodeConfig destination;
    NodeSnapshot snapshot;
    PreflightContext context;
    GuestFacts guest;
    DestinationFacts facts;

    Fixture()
    {
        instance.uuid = QStringLiteral("0b6a3c1e-8f55-4a8e-9d3c-2f1d2a7c9e01");
        instance.name = QStringLiteral("mail");
        instance.node = QStringLiteral("myodaiji-01");
        instance.state = InstanceState::Running;
        instance.vcpus = 1;
        instance.memoryKiB = 64 * MiB;
        instance.maxMemoryKiB = 64 * MiB;

        destination.name = QStringLiteral("yamate-01");
        destination.site = QStringLiteral("yamate");
        destination.uri = QStringLiteral("qemu:///system");

        snapshot.node = destination.name;
        snapshot.state = NodeState::Connected;
        snapshot.cpus = 4;
        snapshot.memoryTotalKiB = 8 * GiB;
        snapshot.memoryFreeKiB = 4 * GiB;

        guest.uuid = instance.uuid;
        guest.name = instance.name;
        guest.state = InstanceState::Running;
        guest.vcpus = 1;
        guest.memoryKiB = instance.memoryKiB;
        guest.valid = true;

        facts.node = destination.name;
        facts.reachable = true;
        facts.cpu = CpuCompatibility::Compatible;
        facts.maxVcpus = 255;
        facts.bridgesKnown = true;
    }

    const PreflightContext& ctx()
    {
        context.sourceNode = instance.node;
        context.destination = &destination;
        context.destinationSnapshot = &snapshot;
        return context;
    }
    PreflightResult quick() { return quickPreflight(instance, ctx()); }
    PreflightResult full() { return fullPreflight(instance, ctx(), guest, facts); }
};

// The fixture's two nodes in an inventory: myodaiji-01 (the source) and yamate-01.
Inventory inventoryFor(const Fixture& fixture, bool tls, bool trusted)
{
    Inventory inventory;
    Site myodaiji;
    myodaiji.id = QStringLiteral("myodaiji");
    myodaiji.trustedMigrationNetwork = trusted;
    Site yamate = myodaiji;
    yamate.id = QStringLiteral("yamate");
    inventory.sites = {myodaiji, yamate};
    NodeConfig source = fixture.destination;
    source.name = fixture.instance.node;
    source.site = myodaiji.id;
    NodeConfig destination = fixture.destination;
    source.migrationTls = tls;
    destination.migrationTls = tls;
    inventory.nodes = {source, destination};
    return inventory;
}

CheckSeverity severityOf(const PreflightResult& result, const QString& id)
{
    const PreflightCheck* check = result.check(id);
    if (!check) {
        qWarning("no check %s", qPrintable(id));
        return CheckSeverity::Refused;
    }
    return check->severity;
}

QString messageOf(const PreflightResult& result, const QString& id)
{
    const PreflightCheck* check = result.check(id);
    return check ? check->message : QString();
}

} // namespace

class TestPreflight : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quickAllowsAGoodMove()
    {
        Fixture f;
        const PreflightResult result = f.quick();
        QCOMPARE(result.uuid, f.instance.uuid);
        QCOMPARE(result.destinationNode, QStringLiteral("yamate-01"));
        QVERIFY(!result.complete);
        QCOMPARE(result.verdict(), CheckSeverity::Ok);
        for (const char* id : {"connected", "maintenance", "same-node", "state", "memory", "vcpus"})
            QVERIFY2(result.check(QString::fromLatin1(id)), id);
        // Facts-only checks are not guessed.
        QVERIFY(!result.check(QStringLiteral("cpu")));
        QVERIFY(!result.check(QStringLiteral("name")));
        QVERIFY(!result.check(QStringLiteral("uuid")));
        QVERIFY(result.reasons(CheckSeverity::Warning).isEmpty());
    }

    void fullAllowsAGoodMove()
    {
        Fixture f;
        const PreflightResult result = f.full();
        QVERIFY(result.complete);
        QCOMPARE(result.verdict(), CheckSeverity::Ok);
        QVERIFY(!result.storageCopyNeeded);
        for (const char* id : {"connected", "maintenance", "same-node", "state", "memory", "vcpus", "cpu",
                               "name", "uuid", "networks", "storage"})
            QCOMPARE(severityOf(result, QString::fromLatin1(id)), CheckSeverity::Ok);
        // One entry per id, also where the full check re-evaluated a quick one.
        QSet<QString> ids;
        for (const PreflightCheck& check : result.checks) {
            QVERIFY2(!ids.contains(check.id), qPrintable(check.id));
            ids.insert(check.id);
            QVERIFY(!check.message.isEmpty());
        }
    }

    void disconnectedDestinationIsRefused_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("message");
        QTest::newRow("unreachable") << int(NodeState::Unreachable)
                                     << QStringLiteral("yamate-01 is unreachable: Connection refused.");
        QTest::newRow("not responding")
            << int(NodeState::NotResponding)
            << QStringLiteral(
                   "yamate-01 is not responding: its libvirt daemon has not answered for seconds.");
        QTest::newRow("connecting") << int(NodeState::Connecting)
                                    << QStringLiteral(
                                           "Kumo is still connecting to yamate-01; try again in a moment.");
    }
    void disconnectedDestinationIsRefused()
    {
        QFETCH(int, state);
        QFETCH(QString, message);
        Fixture f;
        f.snapshot.state = NodeState(state);
        f.snapshot.error.message = QStringLiteral("Connection refused.");
        const PreflightResult result = f.quick();
        QCOMPARE(severityOf(result, QStringLiteral("connected")), CheckSeverity::Refused);
        QCOMPARE(messageOf(result, QStringLiteral("connected")), message);
        QCOMPARE(result.verdict(), CheckSeverity::Refused);
        // Figures of a node that does not answer mean nothing.
        QVERIFY(!result.check(QStringLiteral("memory")));
    }

    void unknownDestinationIsRefused()
    {
        Fixture f;
        f.ctx();
        f.context.destination = nullptr;
        const PreflightResult result = quickPreflight(f.instance, f.context);
        QCOMPARE(severityOf(result, QStringLiteral("connected")), CheckSeverity::Refused);
        QCOMPARE(result.destinationNode, QStringLiteral("yamate-01"));
    }

    void maintenanceIsRefused()
    {
        Fixture f;
        f.destination.maintenance = true;
        const PreflightResult result = f.quick();
        QCOMPARE(severityOf(result, QStringLiteral("maintenance")), CheckSeverity::Refused);
        QCOMPARE(
            messageOf(result, QStringLiteral("maintenance")),
            QStringLiteral("yamate-01 is in maintenance and takes no new instances. Choose another node."));
        QCOMPARE(result.verdict(), CheckSeverity::Refused);
        QCOMPARE(result.reasons(CheckSeverity::Refused),
                 QStringList{messageOf(result, QStringLiteral("maintenance"))});
    }

    void sameNodeIsRefused()
    {
        Fixture f;
        f.destination.name = f.instance.node;
        f.snapshot.node = f.instance.node;
        const PreflightResult result = f.quick();
        QCOMPARE(severityOf(result, QStringLiteral("same-node")), CheckSeverity::Refused);
        QCOMPARE(messageOf(result, QStringLiteral("same-node")),
                 QStringLiteral("mail already runs on myodaiji-01. Choose another node."));
    }

    void stateMustBeRunningOrPaused_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("expected");
        QTest::newRow("running") << int(InstanceState::Running) << int(CheckSeverity::Ok);
        QTest::newRow("paused") << int(InstanceState::Paused) << int(CheckSeverity::Ok);
        QTest::newRow("shut off") << int(InstanceState::ShutOff) << int(CheckSeverity::Refused);
        QTest::newRow("crashed") << int(InstanceState::Crashed) << int(CheckSeverity::Refused);
    }
    void stateMustBeRunningOrPaused()
    {
        QFETCH(int, state);
        QFETCH(int, expected);
        Fixture f;
        f.instance.state = InstanceState(state);
        QCOMPARE(severityOf(f.quick(), QStringLiteral("state")), CheckSeverity(expected));
    }

    void stateFromFactsIsFresherThanThePoll()
    {
        Fixture f;
        f.instance.state = InstanceState::Running;
        f.guest.state = InstanceState::ShutOff;
        const PreflightResult result = f.full();
        QCOMPARE(severityOf(result, QStringLiteral("state")), CheckSeverity::Refused);
        QCOMPARE(messageOf(result, QStringLiteral("state")),
                 QStringLiteral(
                     "mail is not running: only running or paused instances can move. Start it first."));
    }

    void memoryCountsIncomingAndReserve()
    {
        Fixture f;
        f.instance.memoryKiB = 4 * GiB;
        f.instance.maxMemoryKiB = 4 * GiB;
        // 3.7 GiB free, 2 GiB reserved on the node, 512 MiB already on its way: 1.2 GiB left.
        f.snapshot.memoryFreeKiB = 3 * GiB + 717 * MiB;
        f.destination.memoryReserveMiB = 1536;
        f.ctx();
        f.context.memoryReserveKiB = 512 * MiB;
        f.context.memoryIncomingKiB = 512 * MiB;
        const PreflightResult result = quickPreflight(f.instance, f.context);
        QCOMPARE(severityOf(result, QStringLiteral("memory")), CheckSeverity::Refused);
        QCOMPARE(messageOf(result, QStringLiteral("memory")),
                 QStringLiteral(
                     "yamate-01 has 1.2 GiB free after reserving 2 GiB and 512 MiB already moving there; "
                     "mail needs 4 GiB. Choose another node or free memory there."));

        // Exactly enough is enough.
        f.snapshot.memoryFreeKiB = 4 * GiB + 2 * GiB + 512 * MiB;
        QCOMPARE(severityOf(quickPreflight(f.instance, f.context), QStringLiteral("memory")),
                 CheckSeverity::Ok);
        // One KiB less is not.
        f.snapshot.memoryFreeKiB -= 1;
        QCOMPARE(severityOf(quickPreflight(f.instance, f.context), QStringLiteral("memory")),
                 CheckSeverity::Refused);
    }

    void memoryUsesTheLargerOfCurrentAndMaximum()
    {
        Fixture f;
        f.instance.memoryKiB = 256 * MiB;
        f.instance.maxMemoryKiB = 2 * GiB;
        f.snapshot.memoryFreeKiB = 1 * GiB;
        PreflightResult result = f.quick();
        QCOMPARE(severityOf(result, QStringLiteral("memory")), CheckSeverity::Refused);
        QCOMPARE(
            messageOf(result, QStringLiteral("memory")),
            QStringLiteral(
                "yamate-01 has 1 GiB free; mail needs 2 GiB. Choose another node or free memory there."));
        f.snapshot.memoryFreeKiB = 3 * GiB;
        QCOMPARE(severityOf(f.quick(), QStringLiteral("memory")), CheckSeverity::Ok);
    }

    void memoryReserveLargerThanFreeLeavesNothing()
    {
        Fixture f;
        f.destination.memoryReserveMiB = 1024 * 1024; // 1 TiB
        const PreflightResult result = f.quick();
        QCOMPARE(severityOf(result, QStringLiteral("memory")), CheckSeverity::Refused);
        QCOMPARE(messageOf(result, QStringLiteral("memory")),
                 QStringLiteral(
                     "yamate-01 has 0 MiB free after reserving 1024 GiB; mail needs 64 MiB. Choose another "
                     "node or free memory there."));
    }

    void vcpusOvercommitWarnsAndBeyondTheMaximumRefuses()
    {
        Fixture f;
        f.instance.vcpus = 8;
        f.guest.vcpus = 8;
        PreflightResult result = f.quick();
        QCOMPARE(severityOf(result, QStringLiteral("vcpus")), CheckSeverity::Warning);
        QCOMPARE(result.verdict(), CheckSeverity::Warning);
        QCOMPARE(messageOf(result, QStringLiteral("vcpus")),
                 QStringLiteral(
                     "mail has 8 vCPU(s) and yamate-01 only 4 CPU(s): it overcommits the node and may run "
                     "slower there."));
        QCOMPARE(result.reasons(CheckSeverity::Warning).size(), 1);
        QVERIFY(result.reasons(CheckSeverity::Refused).isEmpty());

        result = f.full();
        QCOMPARE(severityOf(result, QStringLiteral("vcpus")), CheckSeverity::Warning);

        f.facts.maxVcpus = 4;
        result = f.full();
        QCOMPARE(severityOf(result, QStringLiteral("vcpus")), CheckSeverity::Refused);
        QCOMPARE(result.verdict(), CheckSeverity::Refused);
    }

    void unreadableGuestIsRefused()
    {
        Fixture f;
        f.guest.valid = false;
        f.guest.error.message = QStringLiteral("Domain not found.");
        const PreflightResult result = f.full();
        QCOMPARE(severityOf(result, QStringLiteral("definition")), CheckSeverity::Refused);
        QCOMPARE(messageOf(result, QStringLiteral("definition")),
                 QStringLiteral("Could not read the instance's definition: Domain not found."));
        QVERIFY(result.complete);
    }

    void unreachableDestinationFactsAreRefused()
    {
        Fixture f;
        f.facts.reachable = false;
        f.facts.error.message = QStringLiteral("End of file while reading data.");
        const PreflightResult result = f.full();
        QCOMPARE(severityOf(result, QStringLiteral("connected")), CheckSeverity::Refused);
        QVERIFY(messageOf(result, QStringLiteral("connected")).contains(f.facts.error.message));
        QCOMPARE(result.verdict(), CheckSeverity::Refused);
    }

    void cpuCompatibility()
    {
        Fixture f;
        f.facts.cpu = CpuCompatibility::Incompatible;
        f.facts.cpuDetail = QStringLiteral("host CPU does not provide required features: avx512f");
        PreflightResult result = f.full();
        QCOMPARE(severityOf(result, QStringLiteral("cpu")), CheckSeverity::Refused);
        QVERIFY(messageOf(result, QStringLiteral("cpu")).contains(f.facts.cpuDetail));

        f.facts.cpu = CpuCompatibility::Unknown;
        result = f.full();
        QCOMPARE(severityOf(result, QStringLiteral("cpu")), CheckSeverity::Warning);
        QCOMPARE(result.verdict(), CheckSeverity::Warning);
    }

    void nameAndUuidMustBeFree()
    {
        Fixture f;
        f.facts.nameTaken = true;
        PreflightResult result = f.full();
        QCOMPARE(severityOf(result, QStringLiteral("name")), CheckSeverity::Refused);
        QCOMPARE(severityOf(result, QStringLiteral("uuid")), CheckSeverity::Ok);
        QCOMPARE(messageOf(result, QStringLiteral("name")),
                 QStringLiteral(
                     "A domain named mail already exists on yamate-01. Rename or remove it there first."));

        f.facts.nameTaken = false;
        f.facts.uuidTaken = true;
        result = f.full();
        QCOMPARE(severityOf(result, QStringLiteral("name")), CheckSeverity::Ok);
        QCOMPARE(severityOf(result, QStringLiteral("uuid")), CheckSeverity::Refused);
    }

    void networksMustExistAndBeActive()
    {
        Fixture f;
        f.guest.networks = {QStringLiteral("campus")};
        f.facts.activeNetworks = {QStringLiteral("campus"), QStringLiteral("default")};
        QCOMPARE(severityOf(f.full(), QStringLiteral("networks")), CheckSeverity::Ok);

        f.facts.activeNetworks = {QStringLiteral("default")};
        f.facts.inactiveNetworks = {QStringLiteral("campus")};
        PreflightResult result = f.full();
        QCOMPARE(severityOf(result, QStringLiteral("networks")), CheckSeverity::Refused);
        QCOMPARE(
            messageOf(result, QStringLiteral("networks")),
            QStringLiteral("Network campus exists on yamate-01 but is not active; start it there first."));

        f.facts.inactiveNetworks.clear();
        result = f.full();
        QCOMPARE(severityOf(result, QStringLiteral("networks")), CheckSeverity::Refused);
        QVERIFY(messageOf(result, QStringLiteral("networks")).contains(QStringLiteral("does not exist")));
    }

    void bridgesMustExistOrBeFlaggedUnverifiable()
    {
        Fixture f;
        f.guest.bridges = {QStringLiteral("br0")};
        f.facts.bridgesKnown = true;
        f.facts.bridges = {QStringLiteral("br0"), QStringLiteral("eth0")};
        QCOMPARE(severityOf(f.full(), QStringLiteral("networks")), CheckSeverity::Ok);

        f.facts.bridges = {QStringLiteral("eth0")};
        QCOMPARE(severityOf(f.full(), QStringLiteral("networks")), CheckSeverity::Refused);

        f.facts.bridgesKnown = false;
        f.facts.bridges.clear();
        const PreflightResult result = f.full();
        QCOMPARE(severityOf(result, QStringLiteral("networks")), CheckSeverity::Warning);
        QCOMPARE(messageOf(result, QStringLiteral("networks")),
                 QStringLiteral("Cannot verify bridge br0 on yamate-01; make sure it exists."));
    }

    void localDisksNeedCopyingStorage()
    {
        Fixture f;
        f.guest.localDisks = 2;
        PreflightResult result = f.full();
        QVERIFY(result.storageCopyNeeded);
        QCOMPARE(severityOf(result, QStringLiteral("storage")), CheckSeverity::Warning);
        QVERIFY(messageOf(result, QStringLiteral("storage")).contains(QStringLiteral("copy storage")));

        f.guest.localDisks = 0;
        f.guest.sharedDisks = 1;
        result = f.full();
        QVERIFY(!result.storageCopyNeeded);
        QCOMPARE(severityOf(result, QStringLiteral("storage")), CheckSeverity::Ok);
    }

    void verdictIsTheWorstCheck()
    {
        PreflightResult result;
        QCOMPARE(result.verdict(), CheckSeverity::Ok);
        result.checks.append({QStringLiteral("a"), CheckSeverity::Warning, QStringLiteral("w")});
        QCOMPARE(result.verdict(), CheckSeverity::Warning);
        result.checks.append({QStringLiteral("b"), CheckSeverity::Ok, QStringLiteral("o")});
        QCOMPARE(result.verdict(), CheckSeverity::Warning);
        result.checks.append({QStringLiteral("c"), CheckSeverity::Refused, QStringLiteral("r")});
        QCOMPARE(result.verdict(), CheckSeverity::Refused);
        QCOMPARE(result.reasons(CheckSeverity::Warning),
                 (QStringList{QStringLiteral("w"), QStringLiteral("r")}));
        QCOMPARE(result.reasons(CheckSeverity::Ok).size(), 3);
        QVERIFY(!result.check(QStringLiteral("z")));

        // Several problems at once: all are reported, the verdict is the worst.
        Fixture f;
        f.destination.maintenance = true;
        f.instance.vcpus = 16;
        const PreflightResult quick = f.quick();
        QCOMPARE(severityOf(quick, QStringLiteral("vcpus")), CheckSeverity::Warning);
        QCOMPARE(quick.verdict(), CheckSeverity::Refused);
        QCOMPARE(quick.reasons(CheckSeverity::Warning).size(), 2);
    }

    void transportCheckNamesThePath_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::addColumn<bool>("trusted");
        QTest::addColumn<int>("asked");
        QTest::addColumn<int>("severity");
        QTest::addColumn<QString>("words");
        using T = MigrationTransport;
        const int ok = int(CheckSeverity::Ok);
        const int refused = int(CheckSeverity::Refused);
        QTest::newRow("automatic, both TLS") << true << false << int(T::Automatic) << ok << "encrypted (TLS)";
        QTest::newRow("automatic, trusted")
            << false << true << int(T::Automatic) << ok << "allowed by the inventory";
        QTest::newRow("automatic, neither")
            << false << false << int(T::Automatic) << ok << "tunnelled through";
        QTest::newRow("tls asked, both TLS") << true << true << int(T::Tls) << ok << "encrypted (TLS)";
        QTest::newRow("tunnel asked") << true << true << int(T::Tunnelled) << ok << "tunnelled through";
        QTest::newRow("plain asked, trusted") << false << true << int(T::Plain) << ok << "unencrypted";
        QTest::newRow("plain asked, untrusted")
            << true << false << int(T::Plain) << refused << "trusted_migration_network = true";
        QTest::newRow("tls asked, no certificates")
            << false << true << int(T::Tls) << refused << "migration_tls = true";
    }

    void transportCheckNamesThePath()
    {
        QFETCH(bool, tls);
        QFETCH(bool, trusted);
        QFETCH(int, asked);
        QFETCH(int, severity);
        QFETCH(QString, words);
        Fixture f;
        const Inventory inventory = inventoryFor(f, tls, trusted);
        f.context.inventory = &inventory;
        f.context.options.transport = MigrationTransport(asked);
        // The quick check (during a drag) and the full one both carry it, with the same words.
        for (const PreflightResult& result : {f.quick(), f.full()}) {
            QCOMPARE(int(severityOf(result, QStringLiteral("transport"))), severity);
            QVERIFY2(messageOf(result, QStringLiteral("transport")).contains(words),
                     qPrintable(messageOf(result, QStringLiteral("transport"))));
            QCOMPARE(int(result.verdict()), severity);
        }
        const Result<MigrationPath> path =
            MigrationPath::choose(inventory, f.instance.node, f.destination.name, f.context.options);
        if (path)
            QCOMPARE(messageOf(f.quick(), QStringLiteral("transport")),
                     QStringLiteral("Transport: %1.").arg(MigrationPath::describe(path->transport)));
        else
            QCOMPARE(messageOf(f.quick(), QStringLiteral("transport")), path.error().message);
    }

    void transportConflictsAreRefused()
    {
        Fixture f;
        const Inventory inventory = inventoryFor(f, false, false);
        f.context.inventory = &inventory;
        f.context.options.transport = MigrationTransport::Tunnelled;
        f.context.options.allowPostCopy = true;
        f.context.options.copyStorage = true;
        const PreflightResult result = f.full();
        QCOMPARE(severityOf(result, QStringLiteral("transport")), CheckSeverity::Refused);
        const QString message = messageOf(result, QStringLiteral("transport"));
        QVERIFY2(message.startsWith(QStringLiteral("Transport: tunnelled through the node connection.")),
                 qPrintable(message));
        for (const QString& conflict :
             MigrationPath::conflicts(MigrationTransport::Tunnelled, f.context.options))
            QVERIFY2(message.contains(conflict), qPrintable(message));
        QVERIFY(message.contains(QStringLiteral("Post-copy")));
        QVERIFY(message.contains(QStringLiteral("local disks")));
        QCOMPARE(result.verdict(), CheckSeverity::Refused);

        // The same options on a TLS path conflict with nothing.
        const Inventory withTls = inventoryFor(f, true, false);
        f.context.inventory = &withTls;
        f.context.options.transport = MigrationTransport::Automatic;
        QCOMPARE(severityOf(f.quick(), QStringLiteral("transport")), CheckSeverity::Ok);
        QCOMPARE(messageOf(f.quick(), QStringLiteral("transport")),
                 QStringLiteral("Transport: encrypted (TLS)."));
    }

    void noInventoryNoTransportCheck()
    {
        Fixture f;
        QVERIFY(!f.quick().check(QStringLiteral("transport")));
        QVERIFY(!f.full().check(QStringLiteral("transport")));
        // Given the inventory, both carry it.
        const Inventory inventory = inventoryFor(f, true, true);
        f.context.inventory = &inventory;
        QVERIFY(f.quick().check(QStringLiteral("transport")));
        QVERIFY(f.full().check(QStringLiteral("transport")));
    }

    void severityWords()
    {
        QCOMPARE(severityText(CheckSeverity::Ok), QStringLiteral("Allowed"));
        QCOMPARE(severityText(CheckSeverity::Warning), QStringLiteral("Allowed with warnings"));
        QCOMPARE(severityText(CheckSeverity::Refused), QStringLiteral("Refused"));
    }
};

QTEST_GUILESS_MAIN(TestPreflight)
#include "tst_preflight.moc"

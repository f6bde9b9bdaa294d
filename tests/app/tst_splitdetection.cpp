// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Split brain in the cluster state: one UUID active (running, or paused with a live process) on
// two nodes is detected when both reports overlap in time; a shut-off definition elsewhere, the
// hand-over of an ordinary migration and a stale report are not, while an incoming copy left behind
// by a migration the source gave up is. Actions and migrations and evacuation planning leave the
// instance alone, and stopping one copy (journalled) makes it a normal instance again; the stopped
// copy's definition is removed on request only when another node keeps a persistent one. The last
// parts run real sessions on two test-driver nodes that hold a domain with the same UUID.
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "app/access/journal.h"
#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "core/planner.h"
#include "support/testdriver.h"
#include "support/testinventory.h"

using namespace kumo;

namespace {

const QString N1 = QStringLiteral("n1");
const QString N2 = QStringLiteral("n2");
const QString U = QStringLiteral("0b4e1a6e-6a36-4a8e-9d0c-5d3c2f8e9a11");

// virDomainPausedReason / virDomainRunningReason values the tests use.
constexpr int PausedUser = 1;
constexpr int PausedMigration = 2;
constexpr int RunningBooted = 1;
constexpr int RunningMigrationCanceled = 6;

InstanceSnapshot copy(const QString& node, qint64 sampledAt, InstanceState state = InstanceState::Running,
                      int reason = 0)
{
    InstanceSnapshot s = testInstance(U, QStringLiteral("mail"), node, state);
    s.cpuPercent = 1;
    s.sampledAtMs = sampledAt;
    s.stateReason = reason;
    return s;
}

} // namespace

class TestSplitDetection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoRunningCopiesAreSplit();
    void migrationHandOverIsNotSplit();
    void keptStateAtHandOverIsNotSplit();
    void slowReadAtHandOverIsNotSplit();
    void pausedCopyIsSplit();
    void abandonedIncomingCopyIsSplit();
    void twoPausedCopies();
    void staleReportOfAQuietNodeIsNotSplit();
    void splitInstanceIsLocked();
    void plannerLeavesSplitInstancesOut();
    void stopOneCopyOnTheTestDriver();
    void pausedCopyStoppedAndUndefinedOnTheTestDriver();
    void definitionRemovalIsRefused();
};

void TestSplitDetection::twoRunningCopiesAreSplit()
{
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    controller.setInventory(twoNodeInventory());
    QSignalSpy split(&controller, &ClusterController::splitBrainChanged);
    QSignalSpy changed(&controller, &ClusterController::instanceChanged);

    controller.applyInstances(N1, {copy(N1, 1000)});
    // The second copy's first report comes after the first copy's last one: not proven yet.
    controller.applyInstances(N2, {copy(N2, 1500)});
    QCOMPARE(split.size(), 0);
    QVERIFY(!controller.instance(U)->isSplit());
    // The next refresh of the first node sees it still running: both ran at 1500-2000.
    controller.applyInstances(N1, {copy(N1, 2000)});
    QCOMPARE(split.size(), 1);
    QCOMPARE(split.at(0).at(0).toString(), U);
    QCOMPARE(split.at(0).at(1).toStringList(), (QStringList{N1, N2}));
    QVERIFY(changed.size() >= 1);
    QCOMPARE(controller.instance(U)->splitNodes, (QStringList{N1, N2}));
    QCOMPARE(controller.splitInstances(), QStringList{U});
    QCOMPARE(controller.copiesOf(U).size(), 2);
    QCOMPARE(controller.instanceCount(), 1);

    // Further reports of the same split emit nothing new.
    controller.applyInstances(N2, {copy(N2, 2500)});
    controller.applyInstances(N1, {copy(N1, 3000)});
    QCOMPARE(split.size(), 1);

    // One copy goes: the instance is normal again, where it still runs.
    controller.applyInstances(N2, {copy(N2, 3500, InstanceState::ShutOff)});
    QCOMPARE(split.size(), 2);
    QVERIFY(split.at(1).at(1).toStringList().isEmpty());
    QVERIFY(!controller.instance(U)->isSplit());
    QCOMPARE(controller.instance(U)->node, N1);
    QVERIFY(controller.splitInstances().isEmpty());
}

void TestSplitDetection::migrationHandOverIsNotSplit()
{
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    controller.setInventory(twoNodeInventory());
    QSignalSpy split(&controller, &ClusterController::splitBrainChanged);
    QSignalSpy moved(&controller, &ClusterController::instanceMoved);

    controller.applyInstances(N1, {copy(N1, 1000, InstanceState::Running, RunningBooted)});
    // Incoming: paused for the migration for as long as the source sends memory.
    controller.applyInstances(N2, {copy(N2, 1100, InstanceState::Paused, PausedMigration)});
    controller.applyInstances(N1, {copy(N1, 2000, InstanceState::Running, RunningBooted)});
    controller.applyInstances(N2, {copy(N2, 2100, InstanceState::Paused, PausedMigration)});
    QVERIFY(!controller.instance(U)->isSplit());
    // Switch-over between two polls: the destination already runs, the source's last report
    // (2000) says running, but it is older than the destination's first running report.
    controller.applyInstances(N2, {copy(N2, 2600, InstanceState::Running, 2)});
    controller.applyInstances(N1, {copy(N1, 3000, InstanceState::Paused, PausedMigration)});
    controller.applyInstances(N2, {copy(N2, 3100, InstanceState::Running, 2)});
    controller.applyInstances(N1, {});
    controller.applyInstances(N2, {copy(N2, 3600)});
    QCOMPARE(split.size(), 0);
    QCOMPARE(moved.size(), 1);
    QCOMPARE(controller.instance(U)->node, N2);
}

// A poll that keeps the state events left (pollKnownDomains) stamps its time but did not see the
// state: the source's "running" re-sent after the destination took over, while the source's
// event is still on its way (a slow machine), is not a second copy. Found by the lab test under
// AddressSanitizer, where events lag.
void TestSplitDetection::keptStateAtHandOverIsNotSplit()
{
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    controller.setInventory(twoNodeInventory());
    QSignalSpy split(&controller, &ClusterController::splitBrainChanged);

    controller.applyInstances(N1, {copy(N1, 1000, InstanceState::Running, RunningBooted)});
    controller.applyInstances(N2, {copy(N2, 1100, InstanceState::Paused, PausedMigration)});
    controller.applyInstances(N2, {copy(N2, 2600, InstanceState::Running, 2)});
    // The source's poll at 3000 kept the state it last read at 1000.
    InstanceSnapshot kept = copy(N1, 3000, InstanceState::Running, RunningBooted);
    kept.stateSeenAtMs = 1000;
    controller.applyInstances(N1, {kept});
    controller.applyInstances(N2, {copy(N2, 3100, InstanceState::Running, 2)});
    QCOMPARE(split.size(), 0);
    QVERIFY(!controller.instance(U)->isSplit());

    // Read again at 3500 and still running beside the destination: that is a split brain.
    InstanceSnapshot read = copy(N1, 3500, InstanceState::Running, RunningBooted);
    read.stateSeenAtMs = 3500;
    controller.applyInstances(N1, {read});
    QCOMPARE(split.size(), 1);
    QVERIFY(controller.instance(U)->isSplit());
}

// A read that takes long (a loaded node): the destination's poll began at 2600 and returned
// "running" at 3200, after the switch-over at 3000; the source's poll began at 2800, before it,
// and read "running" too. Both are true with one copy: the destination is known to run only from
// 3200, after the source's last sighting. Found by the migration tests under AddressSanitizer.
void TestSplitDetection::slowReadAtHandOverIsNotSplit()
{
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    controller.setInventory(twoNodeInventory());
    QSignalSpy split(&controller, &ClusterController::splitBrainChanged);

    controller.applyInstances(N1, {copy(N1, 1000, InstanceState::Running, RunningBooted)});
    controller.applyInstances(N2, {copy(N2, 1100, InstanceState::Paused, PausedMigration)});
    InstanceSnapshot destination = copy(N2, 2600, InstanceState::Running, 2);
    destination.stateSeenAtMs = 2600;
    destination.stateReadEndMs = 3200;
    controller.applyInstances(N2, {destination});
    InstanceSnapshot source = copy(N1, 2800, InstanceState::Running, RunningBooted);
    source.stateSeenAtMs = 2800;
    source.stateReadEndMs = 2900;
    controller.applyInstances(N1, {source});
    QCOMPARE(split.size(), 0);
    QVERIFY(!controller.instance(U)->isSplit());

    // Read running again at 3300, when the destination was known to run: a split brain.
    InstanceSnapshot again = copy(N1, 3300, InstanceState::Running, RunningBooted);
    again.stateSeenAtMs = 3300;
    again.stateReadEndMs = 3310;
    controller.applyInstances(N1, {again});
    QCOMPARE(split.size(), 1);
    QVERIFY(controller.instance(U)->isSplit());
}

void TestSplitDetection::pausedCopyIsSplit()
{
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    controller.setInventory(twoNodeInventory());
    QSignalSpy split(&controller, &ClusterController::splitBrainChanged);

    // A shut-off definition on the other node is not a second copy, however long it is seen.
    InstanceSnapshot defined = copy(N2, 1100, InstanceState::ShutOff);
    defined.persistent = true;
    controller.applyInstances(N1, {copy(N1, 1000, InstanceState::Running, RunningBooted)});
    controller.applyInstances(N2, {defined});
    controller.applyInstances(N1, {copy(N1, 2000, InstanceState::Running, RunningBooted)});
    defined.sampledAtMs = 2100;
    controller.applyInstances(N2, {defined});
    QCOMPARE(split.size(), 0);
    QCOMPARE(controller.instance(U)->node, N1);

    // The copy there is started and held paused (a live process with the guest's memory): once
    // both reports overlap it is a split, shown where the instance runs.
    controller.applyInstances(N2, {copy(N2, 2600, InstanceState::Paused, PausedUser)});
    QCOMPARE(split.size(), 0);
    controller.applyInstances(N1, {copy(N1, 3000, InstanceState::Running, RunningBooted)});
    QCOMPARE(split.size(), 1);
    QCOMPARE(split.at(0).at(1).toStringList(), (QStringList{N1, N2}));
    QCOMPARE(controller.instance(U)->node, N1);
    QCOMPARE(controller.instance(U)->state, InstanceState::Running);
    QCOMPARE(controller.splitInstances(), QStringList{U});

    // Suspended to memory is a live process too: still split, no new signal.
    controller.applyInstances(N2, {copy(N2, 3500, InstanceState::PmSuspended)});
    controller.applyInstances(N1, {copy(N1, 4000, InstanceState::Running, RunningBooted)});
    QCOMPARE(split.size(), 1);

    // Stopped: a definition again, the split is over.
    defined.sampledAtMs = 4500;
    controller.applyInstances(N2, {defined});
    QCOMPARE(split.size(), 2);
    QVERIFY(split.at(1).at(1).toStringList().isEmpty());
    QVERIFY(!controller.instance(U)->isSplit());
}

void TestSplitDetection::abandonedIncomingCopyIsSplit()
{
    // A peer-to-peer migration whose destination froze at the switch-over: the source paused for
    // it, gave up and runs again ("migration canceled"), while the thawed destination keeps its
    // incoming copy, paused.
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    controller.setInventory(twoNodeInventory());
    QSignalSpy split(&controller, &ClusterController::splitBrainChanged);
    controller.applyInstances(N1, {copy(N1, 1000, InstanceState::Running, RunningBooted)});
    controller.applyInstances(N2, {copy(N2, 1100, InstanceState::Paused, PausedMigration)});
    controller.applyInstances(N1, {copy(N1, 2000, InstanceState::Running, RunningBooted)});
    controller.applyInstances(N1, {copy(N1, 3000, InstanceState::Paused, PausedMigration)});
    controller.applyInstances(N1, {copy(N1, 9000, InstanceState::Running, RunningMigrationCanceled)});
    // The destination answers again: its copy is still there, paused for the migration that ended.
    QCOMPARE(split.size(), 0);
    controller.applyInstances(N2, {copy(N2, 9500, InstanceState::Paused, PausedMigration)});
    QCOMPARE(split.size(), 1);
    QCOMPARE(split.at(0).at(1).toStringList(), (QStringList{N1, N2}));
    QCOMPARE(controller.instance(U)->node, N1);

    // libvirt cleans the incoming copy up: a normal instance again.
    controller.applyInstances(N2, {});
    QCOMPARE(split.size(), 2);
    QVERIFY(!controller.instance(U)->isSplit());
}

void TestSplitDetection::twoPausedCopies()
{
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    controller.setInventory(twoNodeInventory());
    QSignalSpy split(&controller, &ClusterController::splitBrainChanged);
    // A paused guest migrating: paused by its owner on the source, paused for the migration on
    // the destination. Not a split.
    controller.applyInstances(N1, {copy(N1, 1000, InstanceState::Paused, PausedUser)});
    controller.applyInstances(N2, {copy(N2, 1100, InstanceState::Paused, PausedMigration)});
    controller.applyInstances(N1, {copy(N1, 2000, InstanceState::Paused, PausedUser)});
    controller.applyInstances(N2, {copy(N2, 2100, InstanceState::Paused, PausedMigration)});
    QCOMPARE(split.size(), 0);
    // The destination's copy stays, held paused for no migration: two live copies, a split.
    controller.applyInstances(N2, {copy(N2, 2600, InstanceState::Paused, PausedUser)});
    QCOMPARE(split.size(), 1);
    QCOMPARE(split.at(0).at(1).toStringList(), (QStringList{N1, N2}));
    controller.applyInstances(N1, {copy(N1, 3000, InstanceState::Paused, PausedUser)});
    QCOMPARE(split.size(), 1);
}

void TestSplitDetection::staleReportOfAQuietNodeIsNotSplit()
{
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    controller.setInventory(twoNodeInventory());
    QSignalSpy split(&controller, &ClusterController::splitBrainChanged);
    // n1 stops reporting (hung) after one report; the instance restarted on n2 later.
    controller.applyInstances(N1, {copy(N1, 1000)});
    for (int i = 0; i < 5; ++i)
        controller.applyInstances(N2, {copy(N2, 2000 + 500 * i)});
    QCOMPARE(split.size(), 0);
    // The node answers again and its copy still runs: that is a split brain.
    controller.applyInstances(N1, {copy(N1, 5000)});
    QCOMPARE(split.size(), 1);
}

void TestSplitDetection::splitInstanceIsLocked()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    controller.setInventory(twoNodeInventory());
    MigrationController migrations(&controller, dir.filePath(QStringLiteral("journal.jsonl")));
    controller.applyInstances(N1, {copy(N1, 1000)});
    controller.applyInstances(N2, {copy(N2, 1000)});
    // Reports of the same instant prove nothing; the next ones do.
    QVERIFY(!controller.instance(U)->isSplit());
    controller.applyInstances(N1, {copy(N1, 1500)});
    controller.applyInstances(N2, {copy(N2, 1600)});
    QVERIFY(controller.instance(U)->isSplit());

    QSignalSpy finished(&controller, &ClusterController::actionFinished);
    controller.requestAction(U, InstanceAction::Shutdown);
    QTRY_COMPARE(finished.size(), 1);
    const Error refused = finished.at(0).at(3).value<Error>();
    QCOMPARE(refused.code, ErrorCode::InvalidInput);
    QVERIFY2(refused.message.contains(N1) && refused.message.contains(N2), qPrintable(refused.message));

    const PreflightResult check = migrations.quickCheck(U, N2);
    QCOMPARE(check.verdict(), CheckSeverity::Refused);
    QVERIFY(check.check(QStringLiteral("split")));

    QSignalSpy refusedMove(&migrations, &MigrationController::migrationRefused);
    migrations.migrate(U, N2, migrations.defaultOptions());
    QTRY_COMPARE(refusedMove.size(), 1);

    // Stopping a node that holds no running copy is refused too.
    finished.clear();
    controller.requestStopCopy(U, QStringLiteral("n3"));
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(3).value<Error>().code, ErrorCode::InvalidInput);

    // The detection is on record.
    const QList<QJsonObject> entries = migrations.journal()->readAll();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.at(0).value(QStringLiteral("action")).toString(), QStringLiteral("split-brain"));
}

void TestSplitDetection::plannerLeavesSplitInstancesOut()
{
    PlannerInput input;
    input.inventory = twoNodeInventory();
    for (const QString& name : {N1, N2}) {
        NodeSnapshot node;
        node.node = name;
        node.state = NodeState::Connected;
        node.cpus = 8;
        node.memoryTotalKiB = 16 * 1024 * 1024;
        node.memoryFreeKiB = 15 * 1024 * 1024;
        input.nodes.append(node);
    }
    InstanceSnapshot shown = copy(N1, 1000);
    shown.splitNodes = {N1, N2};
    InstanceSnapshot other = copy(N1, 1000);
    other.uuid = QStringLiteral("7d2b1c8e-1f0a-4c55-8a61-0f6f1f3c2b22");
    other.name = QStringLiteral("web");
    input.instances = {shown, other};

    const OutagePlan evacuation = Planner::planEvacuation(input, QStringLiteral("a"));
    QCOMPARE(evacuation.moves.size(), 1);
    QCOMPARE(evacuation.moves.at(0).uuid, other.uuid);
    QCOMPARE(evacuation.unplaced.size(), 1);
    QCOMPARE(evacuation.unplaced.at(0).uuid, U);
    QVERIFY2(evacuation.unplaced.at(0).reason.contains(QStringLiteral("split brain")),
             qPrintable(evacuation.unplaced.at(0).reason));

    // Evacuating the other campus, where the second copy runs, leaves it out as well.
    const OutagePlan other2 = Planner::planEvacuation(input, QStringLiteral("b"));
    QCOMPARE(other2.unplaced.size(), 1);
    QCOMPARE(other2.unplaced.at(0).uuid, U);

    const OutagePlan back = Planner::planReturn(input, QStringLiteral("b"), {{U, N2}});
    QVERIFY(back.moves.isEmpty());
    QCOMPARE(back.unplaced.size(), 1);
}

void TestSplitDetection::stopOneCopyOnTheTestDriver()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Two test-driver nodes holding the same domain (same UUID): both start it running.
    TestCluster cluster = generateTestCluster(dir.path(), 2, 1, 1);
    QCOMPARE(cluster.nodes.size(), 2);
    const TestDomain shared = cluster.nodes.at(0).domains.at(0);
    QVERIFY(runCopyOn(cluster, 1, shared));
    cluster.inventory.pollIntervalMs = 300;
    const QString first = cluster.nodes.at(0).name;
    const QString other = cluster.nodes.at(1).name;

    ClusterController controller;
    MigrationController migrations(&controller, dir.filePath(QStringLiteral("journal.jsonl")));
    QSignalSpy split(&controller, &ClusterController::splitBrainChanged);
    QElapsedTimer sinceStart;
    sinceStart.start();
    controller.setInventory(cluster.inventory);
    QTRY_COMPARE_WITH_TIMEOUT(controller.connectedNodeCount(), 2, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(controller.locationsOf(shared.uuid).size(), 2, 20000);
    const qint64 bothSeenMs = sinceStart.elapsed();
    QTRY_COMPARE_WITH_TIMEOUT(split.size(), 1, 20000);
    const qint64 detectedMs = sinceStart.elapsed();
    qInfo("FIGURE split-detect-after-both-seen-ms=%lld poll-interval-ms=%d", detectedMs - bothSeenMs,
          cluster.inventory.pollIntervalMs);
    QCOMPARE(split.at(0).at(1).toStringList(), (QStringList{first, other}));
    QCOMPARE(controller.instanceCount(), 1);
    QVERIFY(controller.instance(shared.uuid)->isSplit());

    // What each copy says: the test driver reports state and CPU time, no dirty rate.
    QSignalSpy facts(&controller, &ClusterController::copyFactsReady);
    controller.requestCopyFacts(shared.uuid, other);
    QTRY_COMPARE_WITH_TIMEOUT(facts.size(), 1, 10000);
    const InstanceCopyFacts copyFacts = facts.at(0).at(1).value<InstanceCopyFacts>();
    QCOMPARE(copyFacts.node, other);
    QCOMPARE(copyFacts.error.code, ErrorCode::None);
    QCOMPARE(copyFacts.state, InstanceState::Running);
    QCOMPARE(copyFacts.dirtyRateMiBs, -1.0);
    QVERIFY(!copyFacts.dirtyRateNote.isEmpty());

    // The fix: stop the copy on the second node.
    QSignalSpy finished(&controller, &ClusterController::actionFinished);
    const quint64 id = migrations.stopCopy(shared.uuid, other, QStringLiteral("keep the first"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.at(0).at(0).toULongLong(), id);
    QCOMPARE(finished.at(0).at(3).value<Error>().code, ErrorCode::None);
    QTRY_COMPARE_WITH_TIMEOUT(split.size(), 2, 10000);
    QVERIFY(!controller.instance(shared.uuid)->isSplit());
    QCOMPARE(controller.instance(shared.uuid)->node, first);
    QCOMPARE(controller.instance(shared.uuid)->state, InstanceState::Running);

    // A normal instance again: actions reach its node.
    finished.clear();
    controller.requestAction(shared.uuid, InstanceAction::Suspend);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.at(0).at(3).value<Error>().code, ErrorCode::None);

    QStringList actions;
    for (const QJsonObject& entry : migrations.journal()->readAll())
        actions.append(entry.value(QStringLiteral("action")).toString() + QLatin1Char(':') +
                       entry.value(QStringLiteral("result")).toString());
    // The refresh that shows the copy gone is merged before the answer (actionFinished) goes out.
    QCOMPARE(actions,
             (QStringList{QStringLiteral("split-brain:"), QStringLiteral("stop-copy:started"),
                          QStringLiteral("split-brain-ended:"), QStringLiteral("stop-copy:completed")}));
    controller.shutdown();
}

void TestSplitDetection::pausedCopyStoppedAndUndefinedOnTheTestDriver()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // The same domain on two test-driver nodes: running on the first, paused on the second.
    TestCluster cluster = generateTestCluster(dir.path(), 2, 1, 1);
    QCOMPARE(cluster.nodes.size(), 2);
    const TestDomain shared = cluster.nodes.at(0).domains.at(0);
    TestNode second = cluster.nodes.at(1);
    TestDomain paused = shared;
    paused.paused = true;
    second.domains = {paused};
    {
        QFile file(second.file);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QVERIFY(file.write(testNodeXml(second)) > 0);
    }
    cluster.inventory.pollIntervalMs = 300;
    const QString first = cluster.nodes.at(0).name;
    const QString other = second.name;

    ClusterController controller;
    MigrationController migrations(&controller, dir.filePath(QStringLiteral("journal.jsonl")));
    QSignalSpy split(&controller, &ClusterController::splitBrainChanged);
    controller.setInventory(cluster.inventory);
    QTRY_COMPARE_WITH_TIMEOUT(controller.locationsOf(shared.uuid).size(), 2, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(split.size(), 1, 20000);
    QCOMPARE(split.at(0).at(1).toStringList(), (QStringList{first, other}));
    const QList<InstanceSnapshot> copies = controller.copiesOf(shared.uuid);
    QCOMPARE(copies.size(), 2);
    QCOMPARE(copies.at(0).state, InstanceState::Running);
    QCOMPARE(copies.at(1).state, InstanceState::Paused);
    QVERIFY(copies.at(0).persistent && copies.at(1).persistent);
    QCOMPARE(controller.instance(shared.uuid)->node, first);

    // Both nodes hold a persistent definition: the stopped copy's may go, on either side.
    QVERIFY(controller.canRemoveCopyDefinition(shared.uuid, other));
    QVERIFY(controller.canRemoveCopyDefinition(shared.uuid, first));
    // Not while it runs.
    QSignalSpy finished(&controller, &ClusterController::actionFinished);
    controller.requestRemoveCopyDefinition(shared.uuid, other);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QCOMPARE(finished.at(0).at(2).value<InstanceAction>(), InstanceAction::Undefine);
    QCOMPARE(finished.at(0).at(3).value<Error>().code, ErrorCode::InvalidInput);
    QCOMPARE(controller.locationsOf(shared.uuid).size(), 2);

    // The fix with the removal: the paused copy is stopped, then its definition removed.
    finished.clear();
    QSignalSpy removed(&migrations, &MigrationController::copyDefinitionRemoved);
    const quint64 id = migrations.stopCopy(shared.uuid, other, QStringLiteral("keep the running one"), true);
    QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 20000);
    QCOMPARE(removed.at(0).at(0).toULongLong(), id);
    QCOMPARE(removed.at(0).at(1).toString(), other);
    const Error removal = removed.at(0).at(2).value<Error>();
    QVERIFY2(removal.code == ErrorCode::None, qPrintable(removal.toString()));
    QCOMPARE(finished.size(), 2);
    QCOMPARE(finished.at(0).at(2).value<InstanceAction>(), InstanceAction::ForceOff);
    QCOMPARE(finished.at(1).at(2).value<InstanceAction>(), InstanceAction::Undefine);

    // Exactly one definition is left, where the instance runs.
    QTRY_COMPARE_WITH_TIMEOUT(controller.locationsOf(shared.uuid), QStringList{first}, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(split.size(), 2, 10000);
    QVERIFY(!controller.instance(shared.uuid)->isSplit());
    QCOMPARE(controller.instance(shared.uuid)->state, InstanceState::Running);
    QVERIFY(controller.instance(shared.uuid)->persistent);
    // The node itself says so on its next poll, not only the merge.
    controller.refreshNode(other);
    QTest::qWait(500);
    QCOMPARE(controller.copiesOf(shared.uuid).size(), 1);
    QCOMPARE(controller.node(other)->instanceCount, 0);

    QStringList actions;
    QJsonObject removalEntry;
    for (const QJsonObject& entry : migrations.journal()->readAll()) {
        const QString action = entry.value(QStringLiteral("action")).toString();
        actions.append(action + QLatin1Char(':') + entry.value(QStringLiteral("result")).toString());
        if (action == QLatin1String("remove-copy-definition"))
            removalEntry = entry;
    }
    QCOMPARE(actions,
             (QStringList{QStringLiteral("split-brain:"), QStringLiteral("stop-copy:started"),
                          QStringLiteral("split-brain-ended:"), QStringLiteral("stop-copy:completed"),
                          QStringLiteral("remove-copy-definition:started"),
                          QStringLiteral("remove-copy-definition:completed")}));
    QCOMPARE(removalEntry.value(QStringLiteral("node")).toString(), other);
    QCOMPARE(removalEntry.value(QStringLiteral("disks")).toString(), QStringLiteral("kept"));
    QCOMPARE(removalEntry.value(QStringLiteral("stop_request")).toInteger(), qint64(id));
    controller.shutdown();
}

void TestSplitDetection::definitionRemovalIsRefused()
{
    // The only persistent definition is never removed: the other copy is transient.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    controller.setInventory(twoNodeInventory());
    MigrationController migrations(&controller, dir.filePath(QStringLiteral("journal.jsonl")));
    InstanceSnapshot kept = copy(N1, 1000);
    kept.persistent = false;
    InstanceSnapshot stopped = copy(N2, 1100, InstanceState::ShutOff);
    stopped.persistent = true;
    controller.applyInstances(N1, {kept});
    controller.applyInstances(N2, {stopped});
    QVERIFY(!controller.canRemoveCopyDefinition(U, N2));
    QSignalSpy finished(&controller, &ClusterController::actionFinished);
    controller.requestRemoveCopyDefinition(U, N2);
    QTRY_COMPARE(finished.size(), 1);
    const Error refused = finished.at(0).at(3).value<Error>();
    QCOMPARE(refused.code, ErrorCode::InvalidInput);
    QVERIFY2(refused.message.contains(N2), qPrintable(refused.message));

    // With a persistent definition on the other node it may go, but this node has no session.
    kept.persistent = true;
    kept.sampledAtMs = 2000;
    controller.applyInstances(N1, {kept});
    QVERIFY(controller.canRemoveCopyDefinition(U, N2));
    finished.clear();
    controller.requestRemoveCopyDefinition(U, N2);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(3).value<Error>().code, ErrorCode::ConnectionFailed);
    // A node that does not report the instance at all has nothing to remove.
    QVERIFY(!controller.canRemoveCopyDefinition(U, QStringLiteral("n3")));
}

QTEST_GUILESS_MAIN(TestSplitDetection)
#include "tst_splitdetection.moc"

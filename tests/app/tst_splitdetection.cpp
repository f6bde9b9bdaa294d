// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Split brain in the cluster state: one UUID running on two nodes is detected when both reports
// overlap in time, the hand-over of an ordinary migration and a stale report are not, actions and
// migrations and evacuation planning leave the instance alone, and stopping one copy (journalled)
// makes it a normal instance again. The last part runs real sessions on two test-driver nodes
// that hold a domain with the same UUID.
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

using namespace kumo;

namespace {

const QString N1 = QStringLiteral("n1");
const QString N2 = QStringLiteral("n2");
const QString U = QStringLiteral("0b4e1a6e-6a36-4a8e-9d0c-5d3c2f8e9a11");

Inventory twoNodes()
{
    Inventory inventory;
    inventory.sites = {Site{QStringLiteral("a"), QStringLiteral("A"), {}, {}, {}},
                       Site{QStringLiteral("b"), QStringLiteral("B"), {}, {}, {}}};
    NodeConfig n1;
    n1.name = N1;
    n1.site = QStringLiteral("a");
    n1.uri = QStringLiteral("test:///default");
    NodeConfig n2 = n1;
    n2.name = N2;
    n2.site = QStringLiteral("b");
    inventory.nodes = {n1, n2};
    return inventory;
}

InstanceSnapshot copy(const QString& node, qint64 sampledAt, InstanceState state = InstanceState::Running)
{
    InstanceSnapshot s;
    s.uuid = U;
    s.name = QStringLiteral("mail");
    s.node = node;
    s.state = state;
    s.vcpus = 1;
    s.memoryKiB = 65536;
    s.maxMemoryKiB = 65536;
    s.cpuPercent = 1;
    s.sampledAtMs = sampledAt;
    return s;
}

} // namespace

class TestSplitDetection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoRunningCopiesAreSplit();
    void migrationHandOverIsNotSplit();
    void staleReportOfAQuietNodeIsNotSplit();
    void splitInstanceIsLocked();
    void plannerLeavesSplitInstancesOut();
    void stopOneCopyOnTheTestDriver();
};

void TestSplitDetection::twoRunningCopiesAreSplit()
{
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    controller.setInventory(twoNodes());
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
    controller.setInventory(twoNodes());
    QSignalSpy split(&controller, &ClusterController::splitBrainChanged);
    QSignalSpy moved(&controller, &ClusterController::instanceMoved);

    controller.applyInstances(N1, {copy(N1, 1000)});
    controller.applyInstances(N2, {copy(N2, 1100, InstanceState::Paused)}); // incoming
    controller.applyInstances(N1, {copy(N1, 2000)});
    // Switch-over between two polls: the destination already runs, the source's last report
    // (2000) says running, but it is older than the destination's first running report.
    controller.applyInstances(N2, {copy(N2, 2600)});
    controller.applyInstances(N1, {copy(N1, 3000, InstanceState::Paused)});
    controller.applyInstances(N1, {});
    controller.applyInstances(N2, {copy(N2, 3600)});
    QCOMPARE(split.size(), 0);
    QCOMPARE(moved.size(), 1);
    QCOMPARE(controller.instance(U)->node, N2);
}

void TestSplitDetection::staleReportOfAQuietNodeIsNotSplit()
{
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    controller.setInventory(twoNodes());
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
    controller.setInventory(twoNodes());
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
    input.inventory = twoNodes();
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
    TestNode second = cluster.nodes.at(1);
    second.domains = {shared};
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

QTEST_GUILESS_MAIN(TestSplitDetection)
#include "tst_splitdetection.moc"

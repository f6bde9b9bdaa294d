// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ClusterController: merging of node snapshots into one cluster state and the fine-grained
// change signals (unit part, fed directly), then real HostSessions on the libvirt test driver.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "app/cluster/clustercontroller.h"
#include "support/testdriver.h"
#include "support/testinventory.h"

using namespace kumo;

namespace {

InstanceSnapshot vm(const QString& uuid, const QString& node, InstanceState state = InstanceState::Running,
                    double cpu = 1.0)
{
    InstanceSnapshot s = testInstance(uuid, QStringLiteral("vm-") + uuid, node, state);
    s.cpuPercent = cpu;
    return s;
}

NodeSnapshot connected(const QString& node, double cpu = 5.0)
{
    NodeSnapshot s;
    s.node = node;
    s.state = NodeState::Connected;
    s.cpus = 4;
    s.memoryTotalKiB = 8 * 1024 * 1024;
    s.memoryFreeKiB = 4 * 1024 * 1024;
    s.cpuUsagePercent = cpu;
    return s;
}

struct Spies
{
    explicit Spies(ClusterController* c)
        : nodeChanged(c, &ClusterController::nodeChanged)
        , added(c, &ClusterController::instanceAdded)
        , changed(c, &ClusterController::instanceChanged)
        , moved(c, &ClusterController::instanceMoved)
        , removed(c, &ClusterController::instanceRemoved)
    {}
    void clear()
    {
        nodeChanged.clear();
        added.clear();
        changed.clear();
        moved.clear();
        removed.clear();
    }
    int total() const
    {
        return int(nodeChanged.size() + added.size() + changed.size() + moved.size() + removed.size());
    }
    QSignalSpy nodeChanged, added, changed, moved, removed;
};

} // namespace

class TestClusterController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nodesFollowTheInventory();
    void siteMaintenanceOverlaysTheInventory();
    void identicalSnapshotEmitsNothing();
    void oneChangeEmitsOneSignal();
    void instanceAppearsAndDisappears();
    void migrationMovesTheInstanceWhenTheDestinationRuns();
    void removingANodeRemovesItsInstances();
    void lateSnapshotOfRemovedNodeIsIgnored();
    void realSessionsOnTheTestDriver();
    void actionsRunOnTheNodeSession();
    void refusedActionsSayWhy();
    void readOnlyNodesAndConsole();
    void readOnlyActionNeverReachesLibvirt();
};

void TestClusterController::nodesFollowTheInventory()
{
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    QSignalSpy added(&controller, &ClusterController::nodeAdded);
    QSignalSpy removed(&controller, &ClusterController::nodeRemoved);
    controller.setInventory(twoNodeInventory());
    QCOMPARE(added.size(), 2);
    QCOMPARE(controller.nodeNames(), (QStringList{QStringLiteral("n1"), QStringLiteral("n2")}));
    QCOMPARE(controller.node(QStringLiteral("n1"))->state, NodeState::Connecting);

    Inventory smaller = twoNodeInventory();
    smaller.nodes.removeLast();
    controller.setInventory(smaller);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(0).toString(), QStringLiteral("n2"));
    QVERIFY(!controller.node(QStringLiteral("n2")));

    // Re-applying the same inventory changes nothing.
    QSignalSpy inventoryChanged(&controller, &ClusterController::inventoryChanged);
    controller.setInventory(smaller);
    QCOMPARE(inventoryChanged.size(), 0);
    QCOMPARE(added.size(), 2);
}

void TestClusterController::siteMaintenanceOverlaysTheInventory()
{
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    controller.setInventory(twoNodeInventory());
    QSignalSpy nodeChanged(&controller, &ClusterController::nodeChanged);
    QSignalSpy inventoryChanged(&controller, &ClusterController::inventoryChanged);

    controller.setSiteMaintenance(QStringLiteral("a"), true);
    QVERIFY(controller.inventory().node(QStringLiteral("n1"))->maintenance);
    QVERIFY(!controller.inventory().node(QStringLiteral("n2"))->maintenance);
    QVERIFY(!controller.fileInventory().node(QStringLiteral("n1"))->maintenance);
    QCOMPARE(nodeChanged.size(), 1);
    QCOMPARE(nodeChanged.at(0).at(0).toString(), QStringLiteral("n1"));
    QCOMPARE(inventoryChanged.size(), 1);

    // A new file keeps the overlay; setting it again changes nothing.
    Inventory edited = twoNodeInventory();
    edited.pollIntervalMs = 3000;
    controller.setInventory(edited);
    QVERIFY(controller.inventory().node(QStringLiteral("n1"))->maintenance);
    controller.setSiteMaintenance(QStringLiteral("a"), true);
    QCOMPARE(nodeChanged.size(), 1);

    controller.setSiteMaintenance(QStringLiteral("a"), false);
    QVERIFY(!controller.inventory().node(QStringLiteral("n1"))->maintenance);
    QCOMPARE(nodeChanged.size(), 2);
    QVERIFY(controller.maintenanceSites().isEmpty());
}

void TestClusterController::identicalSnapshotEmitsNothing()
{
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    controller.setInventory(twoNodeInventory());
    controller.applyNodeSnapshot(connected(QStringLiteral("n1")));
    controller.applyInstances(QStringLiteral("n1"), {vm(QStringLiteral("u1"), QStringLiteral("n1")),
                                                     vm(QStringLiteral("u2"), QStringLiteral("n1"))});
    Spies spies(&controller);
    NodeSnapshot again = connected(QStringLiteral("n1"));
    again.sampledAtMs = 12345; // a later poll with the same figures
    controller.applyNodeSnapshot(again);
    InstanceSnapshot later = vm(QStringLiteral("u1"), QStringLiteral("n1"));
    later.sampledAtMs = 999;
    controller.applyInstances(QStringLiteral("n1"), {later, vm(QStringLiteral("u2"), QStringLiteral("n1"))});
    QCOMPARE(spies.total(), 0);
}

void TestClusterController::oneChangeEmitsOneSignal()
{
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    controller.setInventory(twoNodeInventory());
    controller.applyNodeSnapshot(connected(QStringLiteral("n1")));
    controller.applyInstances(QStringLiteral("n1"), {vm(QStringLiteral("u1"), QStringLiteral("n1")),
                                                     vm(QStringLiteral("u2"), QStringLiteral("n1"))});
    Spies spies(&controller);
    controller.applyInstances(QStringLiteral("n1"),
                              {vm(QStringLiteral("u1"), QStringLiteral("n1")),
                               vm(QStringLiteral("u2"), QStringLiteral("n1"), InstanceState::Running, 42.0)});
    QCOMPARE(spies.total(), 1);
    QCOMPARE(spies.changed.size(), 1);
    QCOMPARE(spies.changed.at(0).at(0).toString(), QStringLiteral("u2"));
    QCOMPARE(controller.instance(QStringLiteral("u2"))->cpuPercent, 42.0);

    spies.clear();
    controller.applyNodeSnapshot(connected(QStringLiteral("n1"), 77.0));
    QCOMPARE(spies.total(), 1);
    QCOMPARE(spies.nodeChanged.at(0).at(0).toString(), QStringLiteral("n1"));
}

void TestClusterController::instanceAppearsAndDisappears()
{
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    controller.setInventory(twoNodeInventory());
    Spies spies(&controller);
    controller.applyInstances(QStringLiteral("n1"), {vm(QStringLiteral("u1"), QStringLiteral("n1"))});
    QCOMPARE(spies.added.size(), 1);
    QCOMPARE(controller.instanceCount(), 1);
    QCOMPARE(controller.runningInstanceCount(), 1);

    controller.applyInstances(QStringLiteral("n1"),
                              {vm(QStringLiteral("u1"), QStringLiteral("n1"), InstanceState::ShutOff)});
    QCOMPARE(spies.changed.size(), 1);
    QCOMPARE(controller.runningInstanceCount(), 0);

    controller.applyInstances(QStringLiteral("n1"), {});
    QCOMPARE(spies.removed.size(), 1);
    QCOMPARE(spies.removed.at(0).at(1).toString(), QStringLiteral("n1"));
    QCOMPARE(controller.instanceCount(), 0);
}

void TestClusterController::migrationMovesTheInstanceWhenTheDestinationRuns()
{
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    controller.setInventory(twoNodeInventory());
    const QString n1 = QStringLiteral("n1"), n2 = QStringLiteral("n2"), u = QStringLiteral("u1");
    controller.applyInstances(n1, {vm(u, n1)});
    Spies spies(&controller);

    // Incoming copy on the destination, paused: the instance still shows where it runs.
    controller.applyInstances(n2, {vm(u, n2, InstanceState::Paused)});
    QCOMPARE(spies.total(), 0);
    QCOMPARE(controller.instance(u)->node, n1);
    QCOMPARE(controller.locationsOf(u).size(), 2);

    // Switch-over: source paused, destination running -> moved.
    controller.applyInstances(n1, {vm(u, n1, InstanceState::Paused)});
    controller.applyInstances(n2, {vm(u, n2)});
    QCOMPARE(spies.moved.size(), 1);
    QCOMPARE(spies.moved.at(0).at(1).toString(), n1);
    QCOMPARE(spies.moved.at(0).at(2).toString(), n2);
    QCOMPARE(controller.instance(u)->node, n2);

    // Source undefines it: nothing more to show.
    spies.clear();
    controller.applyInstances(n1, {});
    QCOMPARE(spies.total(), 0);
    QCOMPARE(controller.locationsOf(u), QStringList{n2});
    QCOMPARE(controller.instancesOn(n2).size(), 1);
    QVERIFY(controller.instancesOn(n1).isEmpty());
}

void TestClusterController::removingANodeRemovesItsInstances()
{
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    controller.setInventory(twoNodeInventory());
    controller.applyInstances(QStringLiteral("n2"), {vm(QStringLiteral("u1"), QStringLiteral("n2")),
                                                     vm(QStringLiteral("u2"), QStringLiteral("n2"))});
    Spies spies(&controller);
    Inventory smaller = twoNodeInventory();
    smaller.nodes.removeLast();
    controller.setInventory(smaller);
    QCOMPARE(spies.removed.size(), 2);
    QCOMPARE(controller.instanceCount(), 0);
}

void TestClusterController::lateSnapshotOfRemovedNodeIsIgnored()
{
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    Inventory one = twoNodeInventory();
    one.nodes.removeLast();
    controller.setInventory(one);
    Spies spies(&controller);
    controller.applyNodeSnapshot(connected(QStringLiteral("n2")));
    controller.applyInstances(QStringLiteral("n2"), {vm(QStringLiteral("u9"), QStringLiteral("n2"))});
    QCOMPARE(spies.total(), 0);
    QVERIFY(!controller.node(QStringLiteral("n2")));
}

void TestClusterController::realSessionsOnTheTestDriver()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const TestCluster cluster = generateTestCluster(dir.path(), 2, 2, 3);
    ClusterController controller;
    QSignalSpy added(&controller, &ClusterController::instanceAdded);
    controller.setInventory(cluster.inventory);
    QTRY_COMPARE_WITH_TIMEOUT(controller.connectedNodeCount(), 4, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(controller.instanceCount(), 12, 20000);
    QCOMPARE(added.size(), 12);
    for (const NodeConfig& node : cluster.inventory.nodes)
        QCOMPARE(controller.instancesOn(node.name).size(), 3);
    QCOMPARE(controller.runningInstanceCount(), 12);

    // Polls that see the same domains again emit no instance signal.
    Spies spies(&controller);
    QTest::qWait(2500);
    QCOMPARE(spies.added.size() + spies.removed.size() + spies.moved.size(), 0);

    controller.shutdown();
}

void TestClusterController::actionsRunOnTheNodeSession()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const TestCluster cluster = generateTestCluster(dir.path(), 1, 1, 2);
    ClusterController controller;
    controller.setInventory(cluster.inventory);
    QTRY_COMPARE_WITH_TIMEOUT(controller.instanceCount(), 2, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(controller.connectedNodeCount(), 1, 20000);
    const QString uuid = cluster.nodes.constFirst().domains.constFirst().uuid;
    QSignalSpy finished(&controller, &ClusterController::actionFinished);

    // Whoever hears the answer finds the instance in the state the action left it in: the
    // refresh that shows the outcome is merged before the answer goes out.
    QList<InstanceState> stateAtAnswer;
    connect(&controller, &ClusterController::actionFinished, this,
            [&](quint64, const QString& about) { stateAtAnswer.append(controller.instance(about)->state); });

    const quint64 id = controller.requestAction(uuid, InstanceAction::Suspend);
    QCOMPARE(controller.runningActionCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.at(0).at(0).toULongLong(), id);
    QCOMPARE(finished.at(0).at(3).value<Error>().code, ErrorCode::None);
    QCOMPARE(controller.runningActionCount(), 0);
    QCOMPARE(stateAtAnswer, QList<InstanceState>{InstanceState::Paused});

    controller.requestAction(uuid, InstanceAction::Resume);
    QTRY_COMPARE_WITH_TIMEOUT(controller.instance(uuid)->state, InstanceState::Running, 10000);
    controller.requestAction(uuid, InstanceAction::ForceOff);
    QTRY_COMPARE_WITH_TIMEOUT(controller.instance(uuid)->state, InstanceState::ShutOff, 10000);
    controller.requestAction(uuid, InstanceAction::Start);
    QTRY_COMPARE_WITH_TIMEOUT(controller.instance(uuid)->state, InstanceState::Running, 10000);
    QTRY_COMPARE(finished.size(), 4);
    for (const QList<QVariant>& call : std::as_const(finished))
        QCOMPARE(call.at(3).value<Error>().code, ErrorCode::None);
    QCOMPARE(stateAtAnswer, (QList<InstanceState>{InstanceState::Paused, InstanceState::Running,
                                                  InstanceState::ShutOff, InstanceState::Running}));
    controller.shutdown();
}

void TestClusterController::refusedActionsSayWhy()
{
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    controller.setInventory(twoNodeInventory());
    controller.applyNodeSnapshot(connected(QStringLiteral("n1")));
    controller.applyInstances(QStringLiteral("n1"), {vm(QStringLiteral("u1"), QStringLiteral("n1"))});
    QSignalSpy finished(&controller, &ClusterController::actionFinished);

    controller.requestAction(QStringLiteral("nope"), InstanceAction::Start);
    controller.requestAction(QStringLiteral("u1"), InstanceAction::Resume); // running: nothing to resume
    // This node has no session in this test: the console says it is not connected.
    controller.requestAction(QStringLiteral("u1"), InstanceAction::Suspend);
    QTRY_COMPARE(finished.size(), 3);
    QCOMPARE(finished.at(0).at(3).value<Error>().code, ErrorCode::NotFound);
    QCOMPARE(finished.at(1).at(3).value<Error>().code, ErrorCode::InvalidInput);
    QCOMPARE(finished.at(1).at(3).value<Error>().message,
             QStringLiteral("vm-u1 is running: this action does not apply."));
    QCOMPARE(finished.at(2).at(3).value<Error>().code, ErrorCode::ConnectionFailed);
    QVERIFY(!finished.at(2).at(3).value<Error>().message.isEmpty());
    QCOMPARE(controller.runningActionCount(), 0);
}

void TestClusterController::readOnlyNodesAndConsole()
{
    // What each session is made with: read-only reaches the connection, and a change of the
    // connection's permissions (read_only, allow_insecure) makes a new session.
    QList<NodeConfig> made;
    ClusterController controller([&made](const NodeConfig& config) {
        made.append(config);
        return nullptr;
    });
    QSignalSpy modeChanged(&controller, &ClusterController::readOnlyChanged);
    Inventory inventory = twoNodeInventory();
    inventory.nodes[1].readOnly = true;
    controller.setInventory(inventory);
    QCOMPARE(made.size(), 2);
    QVERIFY(!made.at(0).readOnly);
    QVERIFY(made.at(1).readOnly);
    QVERIFY(!controller.readOnly());
    QVERIFY(!controller.isNodeReadOnly(QStringLiteral("n1")));
    QVERIFY(controller.isNodeReadOnly(QStringLiteral("n2")));
    QVERIFY(controller.checkWritable({QStringLiteral("n1")}).ok());
    const Result<void> n2 = controller.checkWritable({QStringLiteral("n1"), QStringLiteral("n2")});
    QVERIFY(!n2.ok());
    QCOMPARE(n2.error().code, ErrorCode::ReadOnly);
    QCOMPARE(n2.error().object, QStringLiteral("n2"));
    QVERIFY(n2.error().message.contains(QStringLiteral("n2")));

    // The node that is not read-only by itself reconnects read-only; n2 stays as it was.
    controller.setReadOnly(true);
    QCOMPARE(modeChanged.size(), 1);
    QCOMPARE(made.size(), 3);
    QCOMPARE(made.at(2).name, QStringLiteral("n1"));
    QVERIFY(made.at(2).readOnly);
    QVERIFY(controller.isNodeReadOnly(QStringLiteral("n1")));
    const Result<void> console = controller.checkWritable({});
    QVERIFY(!console.ok());
    QCOMPARE(console.error().code, ErrorCode::ReadOnly);
    QVERIFY(console.error().message.contains(QStringLiteral("read-only mode")));
    controller.setReadOnly(true); // no change, nothing restarts
    QCOMPARE(made.size(), 3);
    QCOMPARE(modeChanged.size(), 1);

    // allow_insecure is a connection setting: a refused node is tried again when it changes.
    controller.setReadOnly(false);
    QCOMPARE(made.size(), 4);
    inventory.nodes[0].allowInsecure = true;
    controller.setInventory(inventory);
    QCOMPARE(made.size(), 5);
    QVERIFY(made.last().allowInsecure);
    QVERIFY(!made.last().readOnly);
}

void TestClusterController::readOnlyActionNeverReachesLibvirt()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const TestCluster cluster = generateTestCluster(dir.path(), 1, 1, 1);
    ClusterController controller;
    controller.setReadOnly(true);
    controller.setInventory(cluster.inventory);
    QTRY_COMPARE_WITH_TIMEOUT(controller.instanceCount(), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(controller.connectedNodeCount(), 1, 20000);
    const QString uuid = cluster.nodes.constFirst().domains.constFirst().uuid;
    QCOMPARE(controller.instance(uuid)->state, InstanceState::Running);
    QSignalSpy finished(&controller, &ClusterController::actionFinished);

    for (InstanceAction action : {InstanceAction::Suspend, InstanceAction::ForceOff, InstanceAction::Shutdown,
                                  InstanceAction::Reboot})
        controller.requestAction(uuid, action);
    // Refused here: nothing was sent to the session.
    QCOMPARE(controller.runningActionCount(), 0);
    QTRY_COMPARE(finished.size(), 4);
    for (const QList<QVariant>& call : std::as_const(finished)) {
        const Error error = call.at(3).value<Error>();
        QCOMPARE(error.code, ErrorCode::ReadOnly);
        QVERIFY(!error.message.isEmpty());
    }
    // The guest runs on: a refresh shows it unchanged.
    controller.refreshNow(cluster.inventory.nodes.constFirst().name);
    QTest::qWait(500);
    QCOMPARE(controller.instance(uuid)->state, InstanceState::Running);
    controller.shutdown();
}

QTEST_GUILESS_MAIN(TestClusterController)
#include "tst_clustercontroller.moc"

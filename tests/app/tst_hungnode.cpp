// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// A node whose session is stuck inside a call: the controller's watchdog shows it "not
// responding" without the GUI thread waiting, answers what waited on it, refuses new work,
// drops the late answers, shows the node again when it answers, and does not wait for its thread
// at shutdown. Once with a session that blocks on purpose, once with a real libvirt session whose
// node is a socket on 127.0.0.1 that accepts and never says a word.
#include <atomic>
#include <memory>

#include <QElapsedTimer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include "app/cluster/clustercontroller.h"
#include "core/statetext.h"
#include "core/threadhandoff.h"
#include "virt/hostsession.h"

#include "support/stallprobe.h"

using namespace kumo;

namespace {

// A session that is connected and answers at once, until told to hang: then the next fact
// request blocks its thread (bounded) until released.
class HangingSession : public NodeSession
{
public:
    HangingSession(const NodeConfig& config, std::shared_ptr<std::atomic<bool>> hang,
                   std::shared_ptr<QSemaphore> release)
        : m_name(config.name)
        , m_hang(std::move(hang))
        , m_release(std::move(release))
    {}
    [[nodiscard]] QString nodeName() const override { return m_name; }
    void start() override { publish(); }
    void stop() override {}
    void refreshNow() override { publish(); }
    void setPollInterval(int) override {}
    void performAction(quint64 requestId, const QString& uuid, InstanceAction action) override
    {
        block();
        handoff::emitAcross(this, &NodeSession::actionFinished, requestId, uuid, action, Error{});
    }
    void collectGuestFacts(quint64 requestId, const QString& uuid) override
    {
        block();
        GuestFacts facts;
        facts.uuid = uuid;
        handoff::emitAcross(this, &NodeSession::guestFactsReady, requestId, facts);
    }
    void collectDestinationFacts(quint64 requestId, const GuestFacts&) override
    {
        block();
        DestinationFacts facts;
        facts.node = m_name;
        handoff::emitAcross(this, &NodeSession::destinationFactsReady, requestId, facts);
    }

private:
    void block()
    {
        if (m_hang->load())
            m_release->tryAcquire(1, 30000);
    }
    void publish()
    {
        NodeSnapshot node;
        node.node = m_name;
        node.state = NodeState::Connected;
        node.cpus = 2;
        node.memoryTotalKiB = 1024 * 1024;
        node.sampledAtMs = 1;
        handoff::emitAcross(this, &NodeSession::nodeUpdated, node);
        InstanceSnapshot vm;
        vm.uuid = QStringLiteral("uuid-%1").arg(m_name);
        vm.name = QStringLiteral("vm-%1").arg(m_name);
        vm.node = m_name;
        vm.state = InstanceState::Running;
        handoff::emitAcross(this, &NodeSession::instancesUpdated, m_name, QList<InstanceSnapshot>{vm});
    }

    QString m_name;
    std::shared_ptr<std::atomic<bool>> m_hang;
    std::shared_ptr<QSemaphore> m_release;
};

Inventory inventoryOf(const QList<NodeConfig>& nodes)
{
    Inventory inventory;
    inventory.sites = {Site{QStringLiteral("a"), QStringLiteral("A"), {}, {}, {}}};
    inventory.nodes = nodes;
    return inventory;
}

NodeConfig nodeConfig(const QString& name, const QString& uri)
{
    NodeConfig node;
    node.name = name;
    node.site = QStringLiteral("a");
    node.uri = uri;
    return node;
}

NodeState stateOf(const ClusterController& cluster, const QString& node)
{
    const NodeSnapshot* snapshot = cluster.node(node);
    return snapshot ? snapshot->state : NodeState::Connecting;
}

} // namespace

class TestHungNode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void watchdogMarksAndRecovers();
    void shutdownLeavesHungThreadBehind();
    void silentSocketNode();
};

void TestHungNode::watchdogMarksAndRecovers()
{
    auto hang = std::make_shared<std::atomic<bool>>(false);
    auto release = std::make_shared<QSemaphore>(0);
    ClusterController cluster([&](const NodeConfig& config) -> NodeSession* {
        return new HangingSession(
            config, config.name == QLatin1String("hung") ? hang : std::make_shared<std::atomic<bool>>(false),
            release);
    });
    cluster.setWatchdogTimes(50, 500);
    cluster.setInventory(inventoryOf({nodeConfig(QStringLiteral("hung"), QStringLiteral("x:///")),
                                      nodeConfig(QStringLiteral("fine"), QStringLiteral("x:///"))}));
    QTRY_VERIFY_WITH_TIMEOUT(cluster.instance(QStringLiteral("uuid-hung")) &&
                                 cluster.instance(QStringLiteral("uuid-fine")),
                             10000);
    QCOMPARE(stateOf(cluster, QStringLiteral("hung")), NodeState::Connected);

    StallProbe probe;
    QSignalSpy guestFacts(&cluster, &ClusterController::guestFactsReady);
    QSignalSpy actions(&cluster, &ClusterController::actionFinished);
    hang->store(true);
    const quint64 factsId = cluster.requestGuestFacts(QStringLiteral("uuid-hung"));
    const quint64 actionId = cluster.requestAction(QStringLiteral("uuid-hung"), InstanceAction::Suspend);
    QElapsedTimer sinceHang;
    sinceHang.start();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(cluster, QStringLiteral("hung")), NodeState::NotResponding, 10000);
    qInfo("FIGURE unit-not-responding-ms=%lld (watchdog 500 ms)", sinceHang.elapsed());
    const NodeSnapshot* shown = cluster.node(QStringLiteral("hung"));
    QCOMPARE(shown->error.code, ErrorCode::Timeout);
    QVERIFY(shown->error.message.contains(QLatin1String("not responding")));
    QCOMPARE(nodeStateText(NodeState::NotResponding), QStringLiteral("Not responding"));
    // What waited on it is answered, in words, without the thread's help.
    QTRY_COMPARE_WITH_TIMEOUT(guestFacts.size(), 1, 5000);
    QCOMPARE(guestFacts.at(0).at(0).toULongLong(), factsId);
    QCOMPARE(guestFacts.at(0).at(1).value<GuestFacts>().error.code, ErrorCode::Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(actions.size(), 1, 5000);
    QCOMPARE(actions.at(0).at(0).toULongLong(), actionId);
    QCOMPARE(actions.at(0).at(3).value<Error>().code, ErrorCode::Timeout);
    // New work is refused at once; the other node still answers.
    QSignalSpy destinationFacts(&cluster, &ClusterController::destinationFactsReady);
    cluster.requestDestinationFacts(QStringLiteral("hung"), GuestFacts{});
    QTRY_COMPARE_WITH_TIMEOUT(destinationFacts.size(), 1, 2000);
    QCOMPARE(destinationFacts.at(0).at(1).value<DestinationFacts>().error.code, ErrorCode::Timeout);
    cluster.requestDestinationFacts(QStringLiteral("fine"), GuestFacts{});
    QTRY_COMPARE_WITH_TIMEOUT(destinationFacts.size(), 2, 5000);
    QCOMPARE(destinationFacts.at(1).at(1).value<DestinationFacts>().error.code, ErrorCode::None);
    QCOMPARE(stateOf(cluster, QStringLiteral("fine")), NodeState::Connected);

    // It answers again: the node shows its session's last word, and the late answers are dropped.
    hang->store(false);
    release->release(2);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(cluster, QStringLiteral("hung")), NodeState::Connected, 10000);
    QTest::qWait(200);
    QCOMPARE(guestFacts.size(), 1);
    QCOMPARE(actions.size(), 1);
    qInfo("FIGURE unit-gui-stall-max-ms=%lld", probe.maxGapMs());
    QVERIFY2(probe.maxGapMs() < 2000, "the GUI thread froze");
    cluster.shutdown();
}

void TestHungNode::shutdownLeavesHungThreadBehind()
{
    auto hang = std::make_shared<std::atomic<bool>>(false);
    auto release = std::make_shared<QSemaphore>(0);
    auto cluster = std::make_unique<ClusterController>(
        [&](const NodeConfig& config) -> NodeSession* { return new HangingSession(config, hang, release); });
    cluster->setWatchdogTimes(50, 500);
    cluster->setInventory(inventoryOf({nodeConfig(QStringLiteral("hung"), QStringLiteral("x:///"))}));
    QTRY_VERIFY_WITH_TIMEOUT(cluster->instance(QStringLiteral("uuid-hung")), 10000);
    hang->store(true);
    cluster->requestGuestFacts(QStringLiteral("uuid-hung"));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(*cluster, QStringLiteral("hung")), NodeState::NotResponding, 10000);
    QElapsedTimer closing;
    closing.start();
    cluster.reset();
    const qint64 closeMs = closing.elapsed();
    qInfo("FIGURE unit-close-with-hung-node-ms=%lld", closeMs);
    QVERIFY2(closeMs < 2000, "shutdown waited for a node that is not responding");
    // Let the thread left behind end before the test does.
    hang->store(false);
    release->release(1);
    QTest::qWait(100);
}

// A node whose "daemon" accepts the connection and never says a word: libvirt's open waits for
// an answer that does not come.
void TestHungNode::silentSocketNode()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QList<QTcpSocket*> accepted;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket* socket = server.nextPendingConnection())
            accepted.append(socket); // read nothing, write nothing
    });
    NodeConfig silent = nodeConfig(
        QStringLiteral("silent"), QStringLiteral("qemu+tcp://127.0.0.1:%1/session").arg(server.serverPort()));
    silent.allowInsecure = true;
    const NodeConfig test = nodeConfig(QStringLiteral("test"), QStringLiteral("test:///default"));

    StallProbe probe;
    QElapsedTimer sinceStart;
    sinceStart.start();
    auto cluster = std::make_unique<ClusterController>();
    cluster->setInventory(inventoryOf({silent, test}));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(*cluster, QStringLiteral("test")), NodeState::Connected, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!accepted.isEmpty(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(*cluster, QStringLiteral("silent")), NodeState::NotResponding, 20000);
    qInfo("FIGURE silent-socket-not-responding-ms=%lld (watchdog %d ms)", sinceStart.elapsed(),
          ClusterController::NotRespondingAfterMs);
    QVERIFY(cluster->node(QStringLiteral("silent"))->error.message.contains(QLatin1String("not responding")));
    // The other node still acts and shows the outcome.
    const QList<InstanceSnapshot> onTest = cluster->instancesOn(QStringLiteral("test"));
    QVERIFY(!onTest.isEmpty());
    const QString uuid = onTest.constFirst().uuid;
    QSignalSpy finished(cluster.get(), &ClusterController::actionFinished);
    cluster->requestAction(uuid, InstanceAction::Suspend);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(finished.at(0).at(3).value<Error>().code, ErrorCode::None);
    QTRY_COMPARE_WITH_TIMEOUT(cluster->instance(uuid)->state, InstanceState::Paused, 10000);
    QCOMPARE(stateOf(*cluster, QStringLiteral("test")), NodeState::Connected);

    // The socket goes away: the open fails, the thread answers again, the node says why in words.
    qDeleteAll(accepted);
    accepted.clear();
    server.close();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(*cluster, QStringLiteral("silent")), NodeState::Unreachable, 20000);
    QVERIFY(!cluster->node(QStringLiteral("silent"))->error.message.isEmpty());

    // Hang it again and close the console while it hangs.
    QVERIFY(server.listen(QHostAddress::LocalHost));
    NodeConfig again = silent;
    again.uri = QStringLiteral("qemu+tcp://127.0.0.1:%1/session").arg(server.serverPort());
    cluster->setInventory(inventoryOf({again, test}));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(*cluster, QStringLiteral("silent")), NodeState::NotResponding, 20000);
    QElapsedTimer closing;
    closing.start();
    cluster.reset();
    const qint64 closeMs = closing.elapsed();
    qInfo("FIGURE silent-socket-close-ms=%lld", closeMs);
    QVERIFY2(closeMs < 5000, "closing took too long");
    qInfo("FIGURE silent-socket-gui-stall-max-ms=%lld", probe.maxGapMs());
    QVERIFY2(probe.maxGapMs() < 2000, "the GUI thread froze");
    // The thread left behind ends when its socket closes.
    qDeleteAll(accepted);
    server.close();
    QTest::qWait(200);
}

QTEST_MAIN(TestHungNode)
#include "tst_hungnode.moc"

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// A node whose libvirtd is frozen (SIGSTOP) on the demo lab: the console shows it "not
// responding" within seconds while the GUI thread keeps running, the other nodes keep updating, a
// move that waits on the frozen node's facts ends (refused, in words) instead of waiting forever,
// the node recovers after SIGCONT, and closing the console with a frozen node is quick.
#include <csignal>

#include <signal.h>
#include <sys/types.h>

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "support/labfixture.h"
#include "support/stallprobe.h"

using namespace kumo;

namespace {

NodeState stateOf(const ClusterController& cluster, const QString& node)
{
    const NodeSnapshot* snapshot = cluster.node(node);
    return snapshot ? snapshot->state : NodeState::Connecting;
}

} // namespace

class TestHung : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void frozenDaemon();

private:
    LabFixture m_lab{QStringLiteral("tst_hung")};
};

void TestHung::initTestCase()
{
    const Result<void> up = m_lab.setUp(LabFixture::Console::ClusterAndMigrations);
    QVERIFY2(up, qPrintable(up ? QString() : up.error().toString()));
}

void TestHung::cleanupTestCase()
{
    for (const LabNode& node : m_lab.info().nodes) {
        if (node.daemonPid > 0)
            ::kill(pid_t(node.daemonPid), SIGCONT);
    }
    const Result<void> down = m_lab.tearDown();
    QVERIFY2(down, qPrintable(down ? QString() : down.error().toString()));
}

void TestHung::frozenDaemon()
{
    ClusterController* cluster = m_lab.cluster();
    MigrationController* migrations = m_lab.migrations();
    QVERIFY(cluster && migrations);
    const QList<LabNode> nodes = m_lab.info().nodes;
    QVERIFY(nodes.size() >= 2);
    const LabNode frozen = nodes.at(0);
    const LabNode other = nodes.at(1);
    QVERIFY(frozen.daemonPid > 0);
    // A guest on another node, to move onto the frozen one.
    QString guest;
    for (const InstanceSnapshot& instance : cluster->instances()) {
        if (instance.node != frozen.name && instance.state == InstanceState::Running) {
            guest = instance.uuid;
            break;
        }
    }
    QVERIFY(!guest.isEmpty());

    StallProbe probe;
    const auto thaw = qScopeGuard([&] { ::kill(pid_t(frozen.daemonPid), SIGCONT); });
    QCOMPARE(::kill(pid_t(frozen.daemonPid), SIGSTOP), 0);
    QElapsedTimer sinceFreeze;
    sinceFreeze.start();

    // A move onto the frozen node asks it for facts that will not come.
    QSignalSpy refused(migrations, &MigrationController::migrationRefused);
    QSignalSpy queued(migrations, &MigrationController::migrationQueued);
    QTest::qWait(300);
    migrations->migrate(guest, frozen.name, migrations->defaultOptions(), QStringLiteral("tst_hung"));

    QTRY_COMPARE_WITH_TIMEOUT(stateOf(*cluster, frozen.name), NodeState::NotResponding, 30000);
    const qint64 detectMs = sinceFreeze.elapsed();
    qInfo("FIGURE lab-time-to-not-responding-ms=%lld", detectMs);
    QVERIFY2(cluster->node(frozen.name)->error.message.contains(QLatin1String("not responding")),
             qPrintable(cluster->node(frozen.name)->error.message));

    QTRY_VERIFY_WITH_TIMEOUT(refused.size() + queued.size() == 1, 30000);
    qInfo("FIGURE lab-move-waiting-on-frozen-node-ended-ms=%lld", sinceFreeze.elapsed());
    QCOMPARE(refused.size(), 1);

    // The others keep updating.
    QSignalSpy changed(cluster, &ClusterController::nodeChanged);
    cluster->refreshNode(other.name);
    QTRY_VERIFY_WITH_TIMEOUT(changed.contains(QVariantList{other.name}), 15000);
    QCOMPARE(stateOf(*cluster, other.name), NodeState::Connected);

    // Thawed: it answers again and shows its figures.
    QCOMPARE(::kill(pid_t(frozen.daemonPid), SIGCONT), 0);
    QElapsedTimer sinceThaw;
    sinceThaw.start();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(*cluster, frozen.name), NodeState::Connected, 90000);
    qInfo("FIGURE lab-recovery-after-sigcont-ms=%lld", sinceThaw.elapsed());

    // Frozen again, then the console closes.
    QCOMPARE(::kill(pid_t(frozen.daemonPid), SIGSTOP), 0);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(*cluster, frozen.name), NodeState::NotResponding, 30000);
    qInfo("FIGURE lab-gui-stall-max-ms=%lld", probe.maxGapMs());
    QVERIFY2(probe.maxGapMs() < 2000, "the GUI thread froze");
    QElapsedTimer closing;
    closing.start();
    cluster->shutdown();
    const qint64 closeMs = closing.elapsed();
    qInfo("FIGURE lab-close-with-frozen-node-ms=%lld", closeMs);
    QVERIFY2(closeMs < 5000, "closing waited for the frozen node");
}

QTEST_MAIN(TestHung)
#include "tst_hung.moc"

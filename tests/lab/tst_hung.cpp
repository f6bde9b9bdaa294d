// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// A node whose libvirtd is frozen (SIGSTOP) on the demo lab: the console shows it "not
// responding" within seconds while the GUI thread keeps running, the other nodes keep updating, a
// move that waits on the frozen node's facts ends (refused, in words) instead of waiting forever,
// the node recovers after SIGCONT, and closing the console with a frozen node is quick. And a
// migration whose destination daemon freezes mid-move: "abort all" ends it within seconds with its
// outcome on record as unknown, and the real result reaches the journal after the thaw.
#include <csignal>

#include <signal.h>
#include <sys/types.h>

#include <QElapsedTimer>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include "app/access/journal.h"
#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "app/migration/migrationqueue.h"
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
    void abortWithAFrozenDestination();
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

void TestHung::abortWithAFrozenDestination()
{
    ClusterController* cluster = m_lab.cluster();
    MigrationController* migrations = m_lab.migrations();
    QVERIFY(cluster && migrations);
    MigrationQueue* queue = migrations->queue();
    const QList<LabNode> nodes = m_lab.info().nodes;
    QVERIFY(nodes.size() >= 4);
    // Nodes the next test does not freeze.
    const LabNode source = nodes.at(2);
    const LabNode destination = nodes.at(3);
    QVERIFY(destination.daemonPid > 0);
    QString uuid;
    QString name;
    for (const InstanceSnapshot& instance : cluster->instances()) {
        if (instance.node == source.name && instance.state == InstanceState::Running) {
            uuid = instance.uuid;
            name = instance.name;
            break;
        }
    }
    QVERIFY(!uuid.isEmpty());
    // A guest that has filled its memory takes seconds to move at 10 MiB/s: time to freeze.
    QVERIFY(QTest::qWaitFor([&] { return m_lab.hasFilledMemory(name, source.name); }, 120000));

    QSignalSpy queued(migrations, &MigrationController::migrationQueued);
    QSignalSpy refused(migrations, &MigrationController::migrationRefused);
    QSignalSpy finished(queue, &MigrationQueue::jobFinished);
    QSignalSpy late(queue, &MigrationQueue::lateResult);
    MigrationOptions options = migrations->defaultOptions();
    options.peerToPeer = true;
    options.bandwidthMiBs = 10;
    migrations->migrate(uuid, destination.name, options, QStringLiteral("tst_hung abort"));
    QTRY_COMPARE_WITH_TIMEOUT(queued.size() + refused.size(), 1, 60000);
    QCOMPARE(refused.size(), 0);
    const quint64 id = queued.at(0).at(0).toULongLong();
    QTRY_VERIFY_WITH_TIMEOUT(queue->progress(id).dataProcessed > 0, 60000);

    // The destination daemon freezes while the memory moves; the source daemon's abort then waits
    // on it (to tell it the move is off) until the daemons' keepalive gives up.
    const auto thaw = qScopeGuard([&] { ::kill(pid_t(destination.daemonPid), SIGCONT); });
    QCOMPARE(::kill(pid_t(destination.daemonPid), SIGSTOP), 0);
    StallProbe probe;
    QElapsedTimer aborting;
    aborting.start();
    queue->cancelAll();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    const qint64 abortMs = aborting.elapsed();
    const auto result = finished.at(0).at(1).value<MigrationResult>();
    qInfo("FIGURE lab-abort-all-with-frozen-destination-ms=%lld outcome-known=%d phase=%d "
          "gui-stall-max-ms=%lld",
          abortMs, int(result.outcomeKnown), int(result.phase), probe.maxGapMs());
    QVERIFY(queue->jobs().isEmpty());
    QVERIFY(result.phase == MigrationPhase::Failed || result.phase == MigrationPhase::Cancelled);
    QVERIFY2(!result.error.message.isEmpty(), "the move ended without words");
    // Every move accounted for: the journal holds its start and an outcome.
    const auto entriesOf = [&](const QString& action) {
        QList<QJsonObject> found;
        for (const QJsonObject& entry : migrations->journal()->readAll()) {
            if (entry.value(QStringLiteral("action")).toString() == action &&
                quint64(entry.value(QStringLiteral("job")).toInteger()) == id)
                found.append(entry);
        }
        return found;
    };
    QCOMPARE(entriesOf(QStringLiteral("migrate-start")).size(), 1);
    QCOMPARE(entriesOf(QStringLiteral("migrate")).size(), 1);
    const QString recorded =
        entriesOf(QStringLiteral("migrate")).at(0).value(QStringLiteral("result")).toString();
    QCOMPARE(recorded, result.outcomeKnown ? QStringLiteral("cancelled") : QStringLiteral("unknown"));

    QCOMPARE(::kill(pid_t(destination.daemonPid), SIGCONT), 0);
    QElapsedTimer thawed;
    thawed.start();
    if (!result.outcomeKnown) {
        // The call returns once the daemons talk again: its real result goes on record.
        QTRY_COMPARE_WITH_TIMEOUT(late.size(), 1, 120000);
        const auto real = late.at(0).at(1).value<MigrationResult>();
        qInfo("FIGURE lab-late-result-after-thaw-ms=%lld phase=%d error=%s", thawed.elapsed(),
              int(real.phase), qPrintable(real.error.message));
        const QList<QJsonObject> results = entriesOf(QStringLiteral("migrate"));
        QCOMPARE(results.size(), 2);
        QVERIFY(results.at(1).value(QStringLiteral("late")).toBool());
        QVERIFY(results.at(1).value(QStringLiteral("result")).toString() != QStringLiteral("unknown"));
    }
    // libvirt and the console agree: the guest runs on one node.
    QStringList running;
    QVERIFY(QTest::qWaitFor(
        [&] {
            running.clear();
            (void)m_lab.nodesKnowing(name, &running);
            return running.size() == 1;
        },
        60000));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(*cluster, destination.name), NodeState::Connected, 90000);
    QTRY_COMPARE_WITH_TIMEOUT(m_lab.nodeOf(name), running.constFirst(), 30000);
    QVERIFY(cluster->instance(uuid) && cluster->instance(uuid)->splitNodes.isEmpty());
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

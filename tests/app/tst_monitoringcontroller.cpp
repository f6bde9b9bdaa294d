// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MonitoringController fed by a real ClusterController (no sessions: the test hands it snapshots as
// node sessions would) on a clock the test steps: a node unreachable for the rule's time, a lost
// connection, low memory and high CPU with hysteresis, crashes / I/O errors / watchdogs as events
// resolved when the instance runs again, split brain, removal, a campus in maintenance, failed
// (not cancelled) migrations and the inventory's [alerts] settings.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "app/migration/migrationqueue.h"
#include "app/monitoring/monitoringcontroller.h"
#include "support/fakemigrationjob.h"
#include "support/testinventory.h"

using namespace kumo;

namespace {

const QString N1 = QStringLiteral("n1");
const QString N2 = QStringLiteral("n2");
const QString U = QStringLiteral("0b4e1a6e-6a36-4a8e-9d0c-5d3c2f8e9a11");
constexpr qint64 Second = 1000;
// How long a re-observation tick may take to come on a busy machine.
constexpr int TickWaitMs = 10000;

NodeSnapshot node(const QString& name, NodeState state, qint64 sampledAt = 1)
{
    NodeSnapshot s;
    s.node = name;
    s.state = state;
    s.memoryTotalKiB = 1000000;
    s.memoryFreeKiB = 500000;
    s.cpuUsagePercent = 10;
    s.sampledAtMs = sampledAt;
    return s;
}

InstanceSnapshot mail(const QString& on, qint64 sampledAt, InstanceState state = InstanceState::Running,
                      int reason = 0)
{
    InstanceSnapshot s = testInstance(U, QStringLiteral("mail"), on, state);
    s.stateReason = reason;
    s.sampledAtMs = sampledAt;
    return s;
}

InstanceEvent makeEvent(InstanceEventKind kind, const QStringList& detail)
{
    InstanceEvent e;
    e.node = N1;
    e.uuid = U;
    e.name = QStringLiteral("mail");
    e.kind = kind;
    e.detail = detail;
    e.wallMs = 1;
    return e;
}

QList<Alert> ofKind(const MonitoringController& monitoring, AlertKind kind)
{
    QList<Alert> found;
    for (const Alert& alert : monitoring.activeAlerts()) {
        if (alert.kind == kind)
            found.append(alert);
    }
    return found;
}

// A cluster without sessions, watched on a stepped clock.
struct Rig
{
    qint64 now = 1000 * Second;
    ClusterController cluster{[](const NodeConfig&) { return nullptr; }};
    MonitoringController monitoring;

    explicit Rig(const Inventory& inventory = twoNodeInventory())
    {
        monitoring.setClock(Clock{[this] { return now; }, [this] { return now; }});
        monitoring.setReobserveInterval(20);
        cluster.setInventory(inventory);
        monitoring.watchCluster(&cluster);
    }
};

} // namespace

class TestMonitoringController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unreachableAfterSustainAndLostAtOnce();
    void storagePoolLowPerPool();
    void neverConnectedIsNotLost();
    void memoryAndCpuWithHysteresis();
    void instanceEventsResolveWhenRunningAgain();
    void crashSeenOnlyByPoll();
    void splitBrain();
    void removedNodesAndInstances();
    void maintenanceSilences();
    void failedMigrationNotCancelled();
    void inventorySettings();
    void eventDetailWords();
};

void TestMonitoringController::unreachableAfterSustainAndLostAtOnce()
{
    Rig rig;
    QSignalSpy raised(&rig.monitoring, &MonitoringController::alertRaised);
    QSignalSpy cleared(&rig.monitoring, &MonitoringController::alertCleared);
    rig.cluster.applyNodeSnapshot(node(N1, NodeState::Connected));
    rig.cluster.applyNodeSnapshot(node(N2, NodeState::Connected));
    QCOMPARE(raised.size(), 0);

    rig.cluster.applyNodeSnapshot(node(N1, NodeState::Unreachable));
    // The connection is lost at once; unreachable waits for the rule's 30 s.
    QCOMPARE(ofKind(rig.monitoring, AlertKind::ConnectionLost).size(), 1);
    const Alert lost = ofKind(rig.monitoring, AlertKind::ConnectionLost).first();
    QCOMPARE(lost.subject.node, N1);
    QCOMPARE(lost.subject.site, QStringLiteral("a"));
    QVERIFY(ofKind(rig.monitoring, AlertKind::NodeUnreachable).isEmpty());

    // No new snapshot comes from a node that is down: the timer observes it again.
    rig.now += 29 * Second;
    QTest::qWait(100);
    QVERIFY(ofKind(rig.monitoring, AlertKind::NodeUnreachable).isEmpty());
    rig.now += 1 * Second;
    QTRY_COMPARE_WITH_TIMEOUT(ofKind(rig.monitoring, AlertKind::NodeUnreachable).size(), 1, TickWaitMs);
    QCOMPARE(ofKind(rig.monitoring, AlertKind::NodeUnreachable).first().severity, AlertSeverity::Critical);
    QCOMPARE(ofKind(rig.monitoring, AlertKind::NodeUnreachable).first().subject.node, N1);

    // Not responding counts as unreachable too, but is no lost connection.
    rig.cluster.applyNodeSnapshot(node(N2, NodeState::NotResponding));
    rig.now += 31 * Second;
    QTRY_COMPARE_WITH_TIMEOUT(ofKind(rig.monitoring, AlertKind::NodeUnreachable).size(), 2, TickWaitMs);
    QCOMPARE(ofKind(rig.monitoring, AlertKind::ConnectionLost).size(), 1);

    // Reconnected: both clear.
    rig.cluster.applyNodeSnapshot(node(N1, NodeState::Connected, 2));
    rig.cluster.applyNodeSnapshot(node(N2, NodeState::Connected, 2));
    QVERIFY(rig.monitoring.activeAlerts().isEmpty());
    QCOMPARE(cleared.size(), 3);
}

void TestMonitoringController::storagePoolLowPerPool()
{
    Rig rig;
    NodeSnapshot s = node(N1, NodeState::Connected);
    s.poolsKnown = true;
    const auto pool = [](const QString& name, quint64 capacity, quint64 available, bool active = true) {
        StoragePoolSnapshot p;
        p.name = name;
        p.active = active;
        p.capacityBytes = capacity;
        p.availableBytes = available;
        p.allocationBytes = capacity - available;
        return p;
    };
    s.pools = {pool(QStringLiteral("default"), 1000, 80), pool(QStringLiteral("images"), 1000, 500)};
    rig.cluster.applyNodeSnapshot(s);
    // At once (no sustain in the rule), one alert for the one pool with 8 % free, named by the pool.
    QList<Alert> low = ofKind(rig.monitoring, AlertKind::StoragePoolLow);
    QCOMPARE(low.size(), 1);
    QCOMPARE(low.first().subject.item, QStringLiteral("default"));
    QCOMPARE(low.first().value, 8.0);

    // 12 % is between the thresholds: it stays; the other pool falls to 10 % and is raised too.
    s.sampledAtMs = 2;
    s.pools = {pool(QStringLiteral("default"), 1000, 120), pool(QStringLiteral("images"), 1000, 100)};
    rig.cluster.applyNodeSnapshot(s);
    QCOMPARE(ofKind(rig.monitoring, AlertKind::StoragePoolLow).size(), 2);

    // A pool that stopped has no figure: its alert clears; one above 15 % clears.
    s.sampledAtMs = 3;
    s.pools = {pool(QStringLiteral("default"), 1000, 160), pool(QStringLiteral("images"), 0, 0, false)};
    rig.cluster.applyNodeSnapshot(s);
    QVERIFY(ofKind(rig.monitoring, AlertKind::StoragePoolLow).isEmpty());

    // A pool that is gone from the list clears too.
    s.sampledAtMs = 4;
    s.pools = {pool(QStringLiteral("scratch"), 1000, 10)};
    rig.cluster.applyNodeSnapshot(s);
    QCOMPARE(ofKind(rig.monitoring, AlertKind::StoragePoolLow).size(), 1);
    s.sampledAtMs = 5;
    s.pools.clear();
    rig.cluster.applyNodeSnapshot(s);
    QVERIFY(ofKind(rig.monitoring, AlertKind::StoragePoolLow).isEmpty());
}

void TestMonitoringController::neverConnectedIsNotLost()
{
    Rig rig;
    rig.cluster.applyNodeSnapshot(node(N1, NodeState::Connecting));
    rig.cluster.applyNodeSnapshot(node(N1, NodeState::Unreachable));
    QVERIFY(ofKind(rig.monitoring, AlertKind::ConnectionLost).isEmpty());
    rig.now += 30 * Second;
    QTRY_COMPARE_WITH_TIMEOUT(ofKind(rig.monitoring, AlertKind::NodeUnreachable).size(), 1, TickWaitMs);
    QVERIFY(ofKind(rig.monitoring, AlertKind::ConnectionLost).isEmpty());
}

void TestMonitoringController::memoryAndCpuWithHysteresis()
{
    Rig rig;
    NodeSnapshot s = node(N1, NodeState::Connected);
    s.memoryFreeKiB = 50000; // 5 %
    s.cpuUsagePercent = 97;
    rig.cluster.applyNodeSnapshot(s);
    QVERIFY(rig.monitoring.activeAlerts().isEmpty());
    rig.now += 30 * Second;
    QTRY_COMPARE_WITH_TIMEOUT(ofKind(rig.monitoring, AlertKind::NodeMemoryLow).size(), 1, TickWaitMs);
    QCOMPARE(ofKind(rig.monitoring, AlertKind::NodeMemoryLow).first().value, 5.0);
    QVERIFY(ofKind(rig.monitoring, AlertKind::HostCpuHigh).isEmpty());
    rig.now += 270 * Second;
    QTRY_COMPARE_WITH_TIMEOUT(ofKind(rig.monitoring, AlertKind::HostCpuHigh).size(), 1, TickWaitMs);

    // Between the thresholds nothing changes; past the clear threshold it clears.
    s.sampledAtMs = 2;
    s.memoryFreeKiB = 120000; // 12 %: not above 15 %
    s.cpuUsagePercent = 92;   // not under 90 %
    rig.cluster.applyNodeSnapshot(s);
    QCOMPARE(ofKind(rig.monitoring, AlertKind::NodeMemoryLow).size(), 1);
    QCOMPARE(ofKind(rig.monitoring, AlertKind::HostCpuHigh).size(), 1);
    s.sampledAtMs = 3;
    s.memoryFreeKiB = 160000;
    s.cpuUsagePercent = 85;
    rig.cluster.applyNodeSnapshot(s);
    QVERIFY(rig.monitoring.activeAlerts().isEmpty());

    // The figures of a node that is down are stale: they raise nothing.
    NodeSnapshot down = node(N2, NodeState::Unreachable);
    down.memoryFreeKiB = 1000;
    rig.cluster.applyNodeSnapshot(down);
    rig.now += 60 * Second;
    QTest::qWait(100);
    QVERIFY(ofKind(rig.monitoring, AlertKind::NodeMemoryLow).isEmpty());
}

void TestMonitoringController::instanceEventsResolveWhenRunningAgain()
{
    Rig rig;
    rig.cluster.applyNodeSnapshot(node(N1, NodeState::Connected));
    rig.cluster.applyInstances(N1, {mail(N1, 1000)});

    // Crashed: raised at once, with who and where; it stays while the instance is down.
    Q_EMIT rig.cluster.instanceEvent(makeEvent(InstanceEventKind::Crashed, {QStringLiteral("failed")}));
    QCOMPARE(ofKind(rig.monitoring, AlertKind::InstanceCrashed).size(), 1);
    const Alert crash = ofKind(rig.monitoring, AlertKind::InstanceCrashed).first();
    QCOMPARE(crash.subject.instance, U);
    QCOMPARE(crash.subject.name, QStringLiteral("mail"));
    QCOMPARE(crash.subject.node, N1);
    QCOMPARE(crash.subject.site, QStringLiteral("a"));
    QCOMPARE(crash.severity, AlertSeverity::Critical);
    QVERIFY(crash.detail.contains(QStringLiteral("mail")));
    rig.cluster.applyInstances(N1, {mail(N1, 2000, InstanceState::ShutOff, 3)});
    QCOMPARE(ofKind(rig.monitoring, AlertKind::InstanceCrashed).size(), 1); // not twice
    rig.cluster.applyInstances(N1, {mail(N1, 3000)});
    QVERIFY(ofKind(rig.monitoring, AlertKind::InstanceCrashed).isEmpty());

    // A watchdog that reset the guest: it never stopped running, so the alert waits for a person.
    Q_EMIT rig.cluster.instanceEvent(makeEvent(InstanceEventKind::Watchdog, {QStringLiteral("reset")}));
    rig.cluster.applyInstances(N1, {mail(N1, 4000)});
    QCOMPARE(ofKind(rig.monitoring, AlertKind::InstanceWatchdog).size(), 1);
    QVERIFY(rig.monitoring.acknowledge(ofKind(rig.monitoring, AlertKind::InstanceWatchdog).first().id));
    QVERIFY(ofKind(rig.monitoring, AlertKind::InstanceWatchdog).isEmpty());

    // Paused by an I/O error, resumed.
    Q_EMIT rig.cluster.instanceEvent(
        makeEvent(InstanceEventKind::IoError, {QStringLiteral("virtio-disk0"), QStringLiteral("/x.img"),
                                               QStringLiteral("pause"), QStringLiteral("enospc")}));
    rig.cluster.applyInstances(N1, {mail(N1, 5000, InstanceState::Paused, 5)});
    QCOMPARE(ofKind(rig.monitoring, AlertKind::InstanceIoError).size(), 1);
    QVERIFY(
        ofKind(rig.monitoring, AlertKind::InstanceIoError).first().detail.contains(QStringLiteral("enospc")));
    rig.cluster.applyInstances(N1, {mail(N1, 6000)});
    QVERIFY(rig.monitoring.activeAlerts().isEmpty());
}

void TestMonitoringController::crashSeenOnlyByPoll()
{
    Rig rig;
    rig.cluster.applyInstances(N1, {mail(N1, 1000)});
    // Shut off by a person: no alert.
    rig.cluster.applyInstances(N1, {mail(N1, 2000, InstanceState::ShutOff, 1)});
    QVERIFY(rig.monitoring.activeAlerts().isEmpty());
    rig.cluster.applyInstances(N1, {mail(N1, 3000)});
    // Shut off because it crashed (VIR_DOMAIN_SHUTOFF_CRASHED), with no event from the node.
    rig.cluster.applyInstances(N1, {mail(N1, 4000, InstanceState::ShutOff, 3)});
    QCOMPARE(ofKind(rig.monitoring, AlertKind::InstanceCrashed).size(), 1);
    QCOMPARE(ofKind(rig.monitoring, AlertKind::InstanceCrashed).first().subject.node, N1);
    QVERIFY(ofKind(rig.monitoring, AlertKind::InstanceCrashed)
                .first()
                .detail.contains(QStringLiteral("shutoff")));
}

void TestMonitoringController::splitBrain()
{
    Rig rig;
    rig.cluster.applyInstances(N1, {mail(N1, 1000)});
    rig.cluster.applyInstances(N2, {mail(N2, 1500)});
    rig.cluster.applyInstances(N1, {mail(N1, 2000)});
    QCOMPARE(ofKind(rig.monitoring, AlertKind::SplitBrain).size(), 1);
    const Alert split = ofKind(rig.monitoring, AlertKind::SplitBrain).first();
    QCOMPARE(split.subject.instance, U);
    QCOMPARE(split.subject.name, QStringLiteral("mail"));
    rig.cluster.applyInstances(N2, {mail(N2, 3500, InstanceState::ShutOff)});
    QVERIFY(ofKind(rig.monitoring, AlertKind::SplitBrain).isEmpty());
}

void TestMonitoringController::removedNodesAndInstances()
{
    Rig rig;
    rig.cluster.applyNodeSnapshot(node(N2, NodeState::Connected));
    rig.cluster.applyNodeSnapshot(node(N2, NodeState::Unreachable));
    QCOMPARE(ofKind(rig.monitoring, AlertKind::ConnectionLost).size(), 1);
    rig.cluster.applyInstances(N1, {mail(N1, 1000)});
    rig.cluster.applyInstances(N2, {mail(N2, 1500)});
    rig.cluster.applyInstances(N1, {mail(N1, 2000)});
    QCOMPARE(ofKind(rig.monitoring, AlertKind::SplitBrain).size(), 1);

    // The node leaves the inventory: what was about it goes.
    Inventory one = twoNodeInventory();
    one.nodes.removeLast();
    rig.cluster.setInventory(one);
    QVERIFY(ofKind(rig.monitoring, AlertKind::ConnectionLost).isEmpty());

    // A crashed transient instance disappears from its node: the crash stays until acknowledged,
    // what was a condition of the instance goes with it.
    Q_EMIT rig.cluster.instanceEvent(makeEvent(InstanceEventKind::Crashed, {QStringLiteral("failed")}));
    rig.cluster.applyInstances(N1, {});
    QVERIFY(!rig.cluster.instance(U));
    QCOMPARE(ofKind(rig.monitoring, AlertKind::InstanceCrashed).size(), 1);
    QVERIFY(ofKind(rig.monitoring, AlertKind::SplitBrain).isEmpty());
    // Started again: it runs, the crash is over.
    rig.cluster.applyInstances(N1, {mail(N1, 3000)});
    QVERIFY(rig.monitoring.activeAlerts().isEmpty());
}

void TestMonitoringController::maintenanceSilences()
{
    Rig rig;
    QSignalSpy changed(&rig.monitoring, &MonitoringController::alertChanged);
    rig.cluster.applyNodeSnapshot(node(N1, NodeState::Connected));
    rig.cluster.applyNodeSnapshot(node(N1, NodeState::Unreachable));
    QCOMPARE(rig.monitoring.unattendedCount(), 1);

    rig.cluster.setSiteMaintenance(QStringLiteral("a"), true);
    QVERIFY(rig.monitoring.engine().isSiteSilenced(QStringLiteral("a")));
    QVERIFY(ofKind(rig.monitoring, AlertKind::ConnectionLost).first().silenced);
    QCOMPARE(rig.monitoring.unattendedCount(), 0);
    QVERIFY(!changed.isEmpty());
    // New alerts of the campus are silenced too; the other campus is not.
    Q_EMIT rig.cluster.instanceEvent(makeEvent(InstanceEventKind::Crashed, {QStringLiteral("failed")}));
    QVERIFY(ofKind(rig.monitoring, AlertKind::InstanceCrashed).first().silenced);
    rig.cluster.applyNodeSnapshot(node(N2, NodeState::Connected));
    rig.cluster.applyNodeSnapshot(node(N2, NodeState::Unreachable));
    QCOMPARE(rig.monitoring.unattendedCount(), 1);

    rig.cluster.setSiteMaintenance(QStringLiteral("a"), false);
    QVERIFY(!rig.monitoring.engine().isSiteSilenced(QStringLiteral("a")));
    QCOMPARE(rig.monitoring.unattendedCount(), 3);
}

void TestMonitoringController::failedMigrationNotCancelled()
{
    Rig rig;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    FakeMigrationJobFactory jobs;
    MigrationController migrations(&rig.cluster, dir.filePath(QStringLiteral("journal.jsonl")),
                                   jobs.factory());
    rig.monitoring.watchMigrations(&migrations);

    MigrationRequest request;
    request.id = 7;
    request.uuid = U;
    request.name = QStringLiteral("mail");
    request.sourceNode = N1;
    request.destinationNode = N2;
    MigrationResult cancelled;
    cancelled.id = 7;
    cancelled.phase = MigrationPhase::Cancelled;
    cancelled.error = Error{ErrorCode::Cancelled, {}, QStringLiteral("cancelled by you"), {}, 0, 0};
    Q_EMIT migrations.queue()->jobFinished(request, cancelled);
    QVERIFY(rig.monitoring.activeAlerts().isEmpty());

    MigrationResult failed = cancelled;
    failed.phase = MigrationPhase::Failed;
    failed.error = Error{ErrorCode::OperationFailed, {}, QStringLiteral("the destination refused"), {}, 0, 0};
    Q_EMIT migrations.queue()->jobFinished(request, failed);
    const QList<Alert> alerts = ofKind(rig.monitoring, AlertKind::MigrationFailed);
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts.first().subject.node, N1);
    QCOMPARE(alerts.first().subject.site, QStringLiteral("a"));
    QCOMPARE(alerts.first().subject.instance, U);
    QVERIFY(alerts.first().detail.contains(QStringLiteral("the destination refused")));
    QVERIFY(alerts.first().detail.contains(N2));

    // A later move that succeeds ends it.
    MigrationResult completed;
    completed.id = 8;
    completed.phase = MigrationPhase::Completed;
    Q_EMIT migrations.queue()->jobFinished(request, completed);
    QVERIFY(rig.monitoring.activeAlerts().isEmpty());
}

void TestMonitoringController::inventorySettings()
{
    Inventory inventory = twoNodeInventory();
    AlertSetting sustain;
    sustain.kind = AlertKind::NodeUnreachable;
    sustain.sustainMs = 3 * Second;
    AlertSetting cpu;
    cpu.node = N1;
    cpu.kind = AlertKind::HostCpuHigh;
    cpu.raiseAt = 99;
    cpu.sustainMs = 0;
    AlertSetting lowCpu; // raised lower than the rule clears: it clears at its own threshold
    lowCpu.node = N2;
    lowCpu.kind = AlertKind::HostCpuHigh;
    lowCpu.raiseAt = 50;
    lowCpu.sustainMs = 0;
    AlertSetting quiet;
    quiet.instance = QStringLiteral("mail");
    quiet.kind = AlertKind::InstanceCrashed;
    quiet.enabled = false;
    inventory.alertSettings = {sustain, cpu, lowCpu, quiet};
    Rig rig(inventory);

    QCOMPARE(rig.monitoring.engine().rule(AlertKind::NodeUnreachable).sustainMs, 3 * Second);
    AlertSubject n1;
    n1.node = N1;
    QCOMPARE(rig.monitoring.engine().effectiveRule(AlertKind::HostCpuHigh, n1).raiseAt, 99.0);
    QCOMPARE(rig.monitoring.engine().effectiveRule(AlertKind::HostCpuHigh, n1).clearAt, 90.0);
    AlertSubject n2;
    n2.node = N2;
    QCOMPARE(rig.monitoring.engine().effectiveRule(AlertKind::HostCpuHigh, n2).clearAt, 50.0);

    NodeSnapshot busy = node(N1, NodeState::Connected);
    busy.cpuUsagePercent = 97;
    rig.cluster.applyNodeSnapshot(busy);
    QVERIFY(ofKind(rig.monitoring, AlertKind::HostCpuHigh).isEmpty());
    busy.cpuUsagePercent = 99.5;
    busy.sampledAtMs = 2;
    rig.cluster.applyNodeSnapshot(busy);
    QCOMPARE(ofKind(rig.monitoring, AlertKind::HostCpuHigh).size(), 1);

    // The instance named in the file is known by its UUID once it appears.
    rig.cluster.applyInstances(N1, {mail(N1, 1000)});
    Q_EMIT rig.cluster.instanceEvent(makeEvent(InstanceEventKind::Crashed, {QStringLiteral("failed")}));
    QVERIFY(ofKind(rig.monitoring, AlertKind::InstanceCrashed).isEmpty());

    // A changed inventory is applied at once; the override removed, the rule is the default again.
    Inventory changed = twoNodeInventory();
    changed.alertSettings = {sustain};
    rig.cluster.setInventory(changed);
    QCOMPARE(rig.monitoring.engine().effectiveRule(AlertKind::HostCpuHigh, n1).raiseAt, 95.0);
    Q_EMIT rig.cluster.instanceEvent(makeEvent(InstanceEventKind::Crashed, {QStringLiteral("failed")}));
    QCOMPARE(ofKind(rig.monitoring, AlertKind::InstanceCrashed).size(), 1);
    // A rule turned off clears what it raised.
    AlertSetting off;
    off.kind = AlertKind::HostCpuHigh;
    off.enabled = false;
    changed.alertSettings = {sustain, off};
    rig.cluster.setInventory(changed);
    QVERIFY(ofKind(rig.monitoring, AlertKind::HostCpuHigh).isEmpty());
}

void TestMonitoringController::eventDetailWords()
{
    QCOMPARE(MonitoringController::eventDetail(
                 makeEvent(InstanceEventKind::Crashed, {QStringLiteral("panicked")})),
             QStringLiteral("mail crashed on n1 (libvirt: panicked)."));
    QCOMPARE(
        MonitoringController::eventDetail(makeEvent(InstanceEventKind::Watchdog, {QStringLiteral("reset")})),
        QStringLiteral("The watchdog of mail on n1 fired; action: reset."));
    QCOMPARE(
        MonitoringController::eventDetail(makeEvent(InstanceEventKind::IoError, {QStringLiteral("paused")})),
        QStringLiteral("mail on n1 was paused by a disk I/O error."));
}

QTEST_GUILESS_MAIN(TestMonitoringController)
#include "tst_monitoringcontroller.moc"

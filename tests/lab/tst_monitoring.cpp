// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Alert sources on the demo lab, one lab for the whole file, watched by a MonitoringController.
// With polling set to once a minute, a guest destroyed behind the console's back (as `virsh
// destroy` does) changes the model within seconds: through libvirt's lifecycle event, not a poll.
// A guest whose QEMU is killed (SIGKILL) is reported crashed through the event and raises the
// crash alert. A migration while the nodes are polled five times a second raises nothing (its
// statistics calls may find the domain busy). A node's libvirtd killed: the lost connection at
// once, "unreachable" once the rule's time (3 s here) has passed, while the other nodes keep
// updating; started again, it reconnects and both alerts clear. Figures are printed.
#include <csignal>

#include <sys/types.h>
#include <unistd.h>

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "app/migration/migrationqueue.h"
#include "app/monitoring/monitoringcontroller.h"
#include "lab/lab.h"
#include "lab/labplan.h"
#include "lab/labprocesses.h"
#include "support/labfixture.h"
#include "virt/directconnection.h"

using namespace kumo;

namespace {

constexpr int SlowPollMs = 60000;
constexpr int FastPollMs = 200;
constexpr qint64 UnreachableSustainMs = 3000;
constexpr int MigrationTimeoutMs = 120000;

QList<Alert> ofKind(const MonitoringController& monitoring, AlertKind kind, const QString& node = {})
{
    QList<Alert> found;
    for (const Alert& alert : monitoring.activeAlerts()) {
        if (alert.kind == kind && (node.isEmpty() || alert.subject.node == node))
            found.append(alert);
    }
    return found;
}

// The QEMU process of the lab's guest `name`: a process of the lab (its supervisor's
// descendant) whose command line names the guest.
qint64 qemuPidOf(const QString& labDir, const QString& name)
{
    const QByteArray marker = "guest=" + name.toUtf8() + ',';
    const QList<ProcessRecord> supervisors = LabProcesses::readFile(LabPlan::supervisorPidFile(labDir));
    if (supervisors.isEmpty())
        return 0;
    for (const ProcessRecord& process : LabProcesses::descendantsOf(supervisors.first().pid)) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(process.pid));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        const QByteArray args = cmdline.readAll();
        if (args.contains("qemu-system") && args.contains(marker))
            return process.pid;
    }
    return 0;
}

} // namespace

class TestMonitoring : public QObject
{
    Q_OBJECT

private:
    LabFixture m_lab{QStringLiteral("tst_monitoring")};
    std::unique_ptr<MonitoringController> m_monitoring;

    QStringList guestsOn(const QString& node) const
    {
        QStringList names;
        for (const LabGuest& guest : m_lab.info().guests) {
            if (guest.node == node)
                names.append(guest.name);
        }
        return names;
    }

    qint64 daemonPid(const QString& node) const
    {
        for (const LabNode& labNode : m_lab.info().nodes) {
            if (labNode.name == node)
                return labNode.daemonPid;
        }
        return 0;
    }

    void setPollInterval(int milliseconds)
    {
        Inventory inventory = m_lab.cluster()->fileInventory();
        inventory.pollIntervalMs = milliseconds;
        m_lab.cluster()->setInventory(inventory);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const Result<void> up = m_lab.setUp(LabFixture::Console::ClusterAndMigrations);
        QVERIFY2(up.ok(), up.ok() ? "" : qPrintable(up.error().toString()));
        QCOMPARE(m_lab.info().nodes.size(), 4);
        // The inventory's [alerts] settings as the console applies them: a short "unreachable".
        Inventory inventory = m_lab.cluster()->fileInventory();
        AlertSetting sustain;
        sustain.kind = AlertKind::NodeUnreachable;
        sustain.sustainMs = UnreachableSustainMs;
        inventory.alertSettings = {sustain};
        m_lab.cluster()->setInventory(inventory);
        m_monitoring = std::make_unique<MonitoringController>();
        m_monitoring->watchCluster(m_lab.cluster());
        m_monitoring->watchMigrations(m_lab.migrations());
        QCOMPARE(m_monitoring->engine().rule(AlertKind::NodeUnreachable).sustainMs, UnreachableSustainMs);
        QVERIFY2(m_monitoring->activeAlerts().isEmpty(),
                 qPrintable(m_monitoring->activeAlerts().value(0).detail));
    }

    void cleanupTestCase()
    {
        m_monitoring.reset();
        (void)m_lab.tearDown();
    }

    // Destroyed behind the console's back, seen through the lifecycle event long before a poll.
    void destroyShowsThroughTheEvent()
    {
        const QString node = QStringLiteral("myodaiji-01");
        const QString guest = guestsOn(node).value(0);
        QVERIFY(!guest.isEmpty());
        const QString uuid = m_lab.uuidOf(guest);
        QVERIFY(!uuid.isEmpty());

        setPollInterval(SlowPollMs);
        QElapsedTimer sincePollSet;
        sincePollSet.start();
        QTest::qWait(500); // the sessions take the new interval (a queued call)

        Result<DirectConnection> connection = DirectConnection::open(m_lab.uriOf(node));
        QVERIFY2(connection.ok(), connection.ok() ? "" : qPrintable(connection.error().toString()));
        QElapsedTimer sinceDestroy;
        sinceDestroy.start();
        const Result<void> destroyed = connection.value().destroy(guest);
        QVERIFY2(destroyed.ok(), destroyed.ok() ? "" : qPrintable(destroyed.error().toString()));
        QTRY_VERIFY_WITH_TIMEOUT(m_lab.cluster()->instance(uuid) &&
                                     m_lab.cluster()->instance(uuid)->state == InstanceState::ShutOff,
                                 30000);
        const qint64 latency = sinceDestroy.elapsed();
        qInfo("FIGURE destroy-event-to-model-ms=%lld", latency);
        // No regular poll came since the interval was set: the event carried it.
        QVERIFY2(
            sincePollSet.elapsed() < SlowPollMs,
            qPrintable(QStringLiteral("took %1 ms since the interval was set").arg(sincePollSet.elapsed())));
        // A person's destroy is no crash.
        QVERIFY(ofKind(*m_monitoring, AlertKind::InstanceCrashed).isEmpty());
    }

    // QEMU killed: libvirt reports the guest crashed, the console raises the crash alert.
    void killedQemuIsACrash()
    {
        const QString node = QStringLiteral("myodaiji-01");
        const QString guest = guestsOn(node).value(1);
        QVERIFY(!guest.isEmpty());
        const QString uuid = m_lab.uuidOf(guest);
        QVERIFY(!uuid.isEmpty());
        const qint64 pid = qemuPidOf(m_lab.info().dir, guest);
        QVERIFY2(pid > 0, "the guest's QEMU process was not found");

        QElapsedTimer sinceKill;
        sinceKill.start();
        QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!ofKind(*m_monitoring, AlertKind::InstanceCrashed).isEmpty(), 30000);
        qInfo("FIGURE crash-to-alert-ms=%lld", sinceKill.elapsed());
        const Alert crash = ofKind(*m_monitoring, AlertKind::InstanceCrashed).first();
        QCOMPARE(crash.subject.instance, uuid);
        QCOMPARE(crash.subject.name, guest);
        QCOMPARE(crash.subject.node, node);
        QCOMPARE(crash.subject.site, QStringLiteral("myodaiji"));
        QVERIFY2(crash.detail.contains(guest), qPrintable(crash.detail));
        // libvirt's event raised it, not the state a later refresh read ("shutoff: crashed").
        qInfo("crash alert: %s", qPrintable(crash.detail));
        QVERIFY2(!crash.detail.contains(QStringLiteral("shutoff")), qPrintable(crash.detail));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_lab.cluster()->instance(uuid) && !m_lab.cluster()->instance(uuid)->isActive(), 30000);
        qInfo("FIGURE crash-to-model-ms=%lld", sinceKill.elapsed());
        QCOMPARE(ofKind(*m_monitoring, AlertKind::InstanceCrashed).size(), 1);
    }

    // Polled five times a second during a migration: whatever its statistics calls meet, nothing
    // is raised and no node is taken for unreachable.
    void migrationRaisesNothing()
    {
        const QString from = QStringLiteral("myodaiji-02");
        const QString to = QStringLiteral("yamate-01");
        const QString guest = guestsOn(from).value(0);
        QVERIFY(!guest.isEmpty());
        setPollInterval(FastPollMs);
        const QList<Alert> before = m_monitoring->activeAlerts();

        QSignalSpy raised(m_monitoring.get(), &MonitoringController::alertRaised);
        QSignalSpy nodeChanged(m_lab.cluster(), &ClusterController::nodeChanged);
        QSignalSpy finished(m_lab.migrations()->queue(), &MigrationQueue::jobFinished);
        QSignalSpy refused(m_lab.migrations(), &MigrationController::migrationRefused);
        m_lab.migrations()->migrate(m_lab.uuidOf(guest), to, MigrationOptions{});
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() + refused.size() == 1, MigrationTimeoutMs);
        QVERIFY(refused.isEmpty());
        const MigrationResult result = finished.first().at(1).value<MigrationResult>();
        QVERIFY2(result.phase == MigrationPhase::Completed, qPrintable(result.error.toString()));
        QTRY_VERIFY_WITH_TIMEOUT(m_lab.movedTo(guest, from, to), 30000);
        QTest::qWait(1000);
        for (const QList<QVariant>& args : std::as_const(raised))
            qWarning("raised: %s", qPrintable(args.at(0).value<Alert>().detail));
        QVERIFY(raised.isEmpty());
        QCOMPARE(m_monitoring->activeAlerts().size(), before.size());
        for (const QString& node : m_lab.cluster()->nodeNames())
            QCOMPARE(m_lab.cluster()->node(node)->state, NodeState::Connected);
        qInfo("FIGURE migration-node-updates=%lld", qlonglong(nodeChanged.size()));
    }

    // A daemon killed: lost at once, unreachable after the rule's time, the others keep updating;
    // started again: reconnected, both clear.
    void stoppedDaemonUnreachableThenClears()
    {
        const QString node = QStringLiteral("yamate-02");
        const QString other = QStringLiteral("myodaiji-02");
        const qint64 pid = daemonPid(node);
        QVERIFY(pid > 0);
        setPollInterval(FastPollMs * 5); // a second

        QElapsedTimer sinceKill;
        sinceKill.start();
        QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!ofKind(*m_monitoring, AlertKind::ConnectionLost, node).isEmpty(), 30000);
        qInfo("FIGURE daemon-kill-to-connection-lost-ms=%lld", sinceKill.elapsed());
        const qint64 otherSampled = m_lab.cluster()->node(other)->sampledAtMs;
        QTRY_VERIFY_WITH_TIMEOUT(!ofKind(*m_monitoring, AlertKind::NodeUnreachable, node).isEmpty(),
                                 UnreachableSustainMs + 30000);
        const qint64 raisedAfter = sinceKill.elapsed();
        qInfo("FIGURE daemon-kill-to-unreachable-alert-ms=%lld (rule %lld ms)", raisedAfter,
              UnreachableSustainMs);
        QVERIFY(raisedAfter >= UnreachableSustainMs);
        QCOMPARE(ofKind(*m_monitoring, AlertKind::NodeUnreachable, node).first().subject.site,
                 QStringLiteral("yamate"));
        // The other nodes keep updating meanwhile.
        QTRY_VERIFY_WITH_TIMEOUT(m_lab.cluster()->node(other)->sampledAtMs > otherSampled, 30000);
        QCOMPARE(m_lab.cluster()->node(other)->state, NodeState::Connected);
        QVERIFY(ofKind(*m_monitoring, AlertKind::NodeUnreachable, other).isEmpty());

        QElapsedTimer sinceRestart;
        sinceRestart.start();
        const Result<void> restarted = m_lab.restartDaemons();
        QVERIFY2(restarted.ok(), restarted.ok() ? "" : qPrintable(restarted.error().toString()));
        QTRY_VERIFY_WITH_TIMEOUT(m_lab.cluster()->node(node)->state == NodeState::Connected, 90000);
        qInfo("FIGURE daemon-restart-to-connected-ms=%lld", sinceRestart.elapsed());
        QTRY_VERIFY_WITH_TIMEOUT(ofKind(*m_monitoring, AlertKind::NodeUnreachable, node).isEmpty() &&
                                     ofKind(*m_monitoring, AlertKind::ConnectionLost, node).isEmpty(),
                                 10000);
    }
};

QTEST_GUILESS_MAIN(TestMonitoring)
#include "tst_monitoring.moc"

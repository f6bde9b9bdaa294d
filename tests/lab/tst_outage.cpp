// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The planned outage on the demo lab: evacuate Myodaiji (five guests) onto Yamate and bring every
// guest back to its exact home node, in-process and through `kumo evacuate|return`. Where a guest
// runs is always asked of libvirt itself on every node, never only of the console's state. Also:
// abort-all in the middle of a throttled evacuation leaves every guest running on exactly one
// node and a state file that matches, and resuming completes it; a console killed mid-evacuation
// is resumed by the next one; the headless dry run and its refusals.
#include <algorithm>
#include <csignal>
#include <functional>

#include <sys/types.h>

#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "app/access/journal.h"
#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "app/migration/migrationqueue.h"
#include "app/outage/evacuation.h"
#include "app/outage/outageexecution.h"
#include "app/outage/outagestore.h"
#include "core/inventory.h"
#include "lab/lab.h"
#include "lab/labplan.h"
#include "support/kumoprocess.h"
#include "support/labfixture.h"

using namespace kumo;

namespace {

constexpr int RunTimeoutMs = 180000;
const QString Myodaiji = QStringLiteral("myodaiji");
const QString Yamate = QStringLiteral("yamate");

} // namespace

class TestOutage : public QObject
{
    Q_OBJECT

private:
    LabFixture m_lab{QStringLiteral("tst_outage")};
    ClusterController* m_cluster = nullptr; // the fixture's
    QHash<QString, QString> m_home;         // guest -> home node

    QString siteOf(const QString& node) const
    {
        const NodeConfig* config = m_lab.inventory().node(node);
        return config ? config->site : QString();
    }

    QStringList myodaijiGuests() const
    {
        QStringList names;
        for (auto it = m_home.cbegin(); it != m_home.cend(); ++it) {
            if (siteOf(*it) == Myodaiji)
                names.append(it.key());
        }
        names.sort();
        return names;
    }

    // Running on exactly one node, known to no other, and that node satisfies `where`.
    bool runsOnlyOn(const QString& name, const std::function<bool(const QString&)>& where) const
    {
        QStringList running;
        const QStringList known = m_lab.nodesKnowing(name, &running);
        return known.size() == 1 && running == known && where(known.constFirst());
    }

    QString libvirtNodeOf(const QString& name) const
    {
        QStringList running;
        const QStringList known = m_lab.nodesKnowing(name, &running);
        return known.size() == 1 && running == known ? known.constFirst() : QString();
    }

    // The console's merged state agrees with libvirt about every guest (planning reads it).
    bool clusterAgrees() const
    {
        for (auto it = m_home.cbegin(); it != m_home.cend(); ++it) {
            const QString node = libvirtNodeOf(it.key());
            const QString uuid = m_lab.uuidOf(it.key());
            if (node.isEmpty() || uuid.isEmpty() || m_cluster->locationsOf(uuid) != QStringList{node})
                return false;
        }
        return true;
    }

    bool allOnYamate() const
    {
        const QStringList guests = myodaijiGuests();
        return std::all_of(guests.cbegin(), guests.cend(), [this](const QString& name) {
            return runsOnlyOn(name, [this](const QString& node) { return siteOf(node) == Yamate; });
        });
    }

    bool allHome() const
    {
        for (auto it = m_home.cbegin(); it != m_home.cend(); ++it) {
            const QString home = *it;
            if (!runsOnlyOn(it.key(), [&home](const QString& node) { return node == home; }))
                return false;
        }
        return true;
    }

    // In-process return home with a fresh Evacuation on `dir`'s store.
    void returnHome(const QString& dir)
    {
        OutageStore store(dir);
        MigrationController migrations(m_cluster, dir + QStringLiteral("/journal.jsonl"));
        Evacuation evacuation(m_cluster, &migrations, &store);
        QVERIFY(m_cluster->maintenanceSites().contains(Myodaiji));
        QTRY_VERIFY_WITH_TIMEOUT(clusterAgrees(), 30000);
        QVERIFY(evacuation.endMaintenance(Myodaiji).ok());
        QVERIFY(!m_cluster->maintenanceSites().contains(Myodaiji));
        const Result<OutagePlan> plan = evacuation.planReturn(Myodaiji);
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().toString()));
        QCOMPARE(plan->direction, OutageDirection::Return);
        QCOMPARE(plan->moves.size(), myodaijiGuests().size());
        for (const PlannedMove& move : plan->moves)
            QCOMPARE(move.toNode, m_home.value(move.name));
        QSignalSpy finished(evacuation.execution(), &OutageExecution::runFinished);
        const Result<void> started = evacuation.start(plan.value());
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().toString()));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, RunTimeoutMs);
        const OutageRun run = finished.at(0).at(0).value<OutageRun>();
        QCOMPARE(run.state, RunState::Completed);
        QCOMPARE(run.count(MoveStatus::Done), int(plan->moves.size()));
        QTRY_VERIFY_WITH_TIMEOUT(allHome(), 30000);
        const Result<OutageState> state = store.load(Myodaiji);
        QVERIFY(state.ok());
        QCOMPARE(state->phase, OutagePhase::Ended);
        QVERIFY(!m_cluster->maintenanceSites().contains(Myodaiji));
    }

private Q_SLOTS:
    void initTestCase()
    {
        const Result<void> up = m_lab.setUp(LabFixture::Console::Cluster);
        QVERIFY2(up.ok(), up.ok() ? "" : qPrintable(up.error().toString()));
        m_cluster = m_lab.cluster();
        for (const LabPlan::Guest& guest : LabPlan::guests())
            m_home.insert(guest.name, guest.homeNode);
        QCOMPARE(myodaijiGuests().size(), 5);
        QTRY_VERIFY_WITH_TIMEOUT(clusterAgrees(), 30000);
        QVERIFY(allHome());
    }

    void cleanupTestCase() { (void)m_lab.tearDown(); }

    void init()
    {
        // Every test starts from the lab as it came up.
        QTRY_VERIFY_WITH_TIMEOUT(allHome(), 30000);
        QVERIFY(m_cluster->maintenanceSites().isEmpty());
    }

    void headlessDryRunAndRefusals()
    {
        QTemporaryDir dir;
        const QStringList common{QStringLiteral("--inventory"), m_lab.info().inventoryPath,
                                 QStringLiteral("--state-dir"), dir.filePath(QStringLiteral("state"))};

        const KumoRun plan = runKumo(
            QStringList{QStringLiteral("plan"), QStringLiteral("--site"), Myodaiji} + common, dir.path());
        QVERIFY2(plan.exitCode == 0, plan.describe());
        for (const QString& name : myodaijiGuests())
            QVERIFY2(plan.out.contains(name + QStringLiteral(": ")), plan.describe());

        const KumoRun dry = runKumo(QStringList{QStringLiteral("evacuate"), QStringLiteral("--site"),
                                                Myodaiji, QStringLiteral("--dry-run")} +
                                        common,
                                    dir.path());
        QVERIFY2(dry.exitCode == 0, dry.describe());
        QVERIFY2(dry.out.contains(QStringLiteral("Evacuation plan for Myodaiji")), dry.describe());
        for (const QString& name : myodaijiGuests())
            QVERIFY2(dry.out.contains(QStringLiteral("Pre-flight %1 → yamate-").arg(name)), dry.describe());
        QVERIFY2(dry.out.contains(QStringLiteral("Dry run passed")), dry.describe());
        // Nothing moved, nothing recorded, the site not in maintenance.
        QVERIFY(allHome());
        QVERIFY(!QFile::exists(OutageStore(dir.filePath(QStringLiteral("state"))).pathFor(Myodaiji)));

        const KumoRun full = runKumo(QStringList{QStringLiteral("evacuate"), QStringLiteral("--site"),
                                                 Myodaiji, QStringLiteral("--dry-run"),
                                                 QStringLiteral("--headroom"), QStringLiteral("99")} +
                                         common,
                                     dir.path());
        QVERIFY2(full.exitCode != 0, full.describe());
        QVERIFY2(full.out.contains(QStringLiteral("Not placed")), full.describe());
        QVERIFY2(full.err.contains(QStringLiteral("--allow-unplaced")), full.describe());
        QVERIFY2(!full.out.contains(QStringLiteral("Pre-flight")), full.describe());

        const KumoRun unknown = runKumo(
            QStringList{QStringLiteral("evacuate"), QStringLiteral("--site"), QStringLiteral("atlantis")} +
                common,
            dir.path());
        QVERIFY2(unknown.exitCode != 0, unknown.describe());
        QVERIFY2(unknown.err.contains(QStringLiteral("atlantis")) && unknown.err.contains(Myodaiji) &&
                     unknown.err.contains(Yamate),
                 unknown.describe());
        QVERIFY(allHome());
    }

    void evacuateAndReturnInProcess()
    {
        QTemporaryDir dir;
        OutageStore store(dir.path());
        MigrationController migrations(m_cluster, dir.filePath(QStringLiteral("journal.jsonl")));
        Evacuation evacuation(m_cluster, &migrations, &store);
        QTRY_VERIFY_WITH_TIMEOUT(evacuation.hasHeardFrom(), 30000);

        OutagePlan plan = evacuation.planEvacuation(Myodaiji);
        QVERIFY2(plan.unplaced.isEmpty(), qPrintable(plan.unplaced.value(0).reason));
        QCOMPARE(plan.moves.size(), 5);
        plan.limits.parallel = 2;
        QSignalSpy finished(evacuation.execution(), &OutageExecution::runFinished);
        QSignalSpy lines(evacuation.execution(), &OutageExecution::message);
        const Result<void> started = evacuation.start(plan);
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().toString()));

        // Home nodes are on disk before the first move starts (start() returns before any).
        const Result<OutageState> before = store.load(Myodaiji);
        QVERIFY(before.ok());
        QCOMPARE(before->phase, OutagePhase::Evacuating);
        QCOMPARE(before->homes.size(), 5);
        QCOMPARE(before->evacuation.count(MoveStatus::Pending), 5);
        QVERIFY(m_cluster->maintenanceSites().contains(Myodaiji));

        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, RunTimeoutMs);
        const OutageRun run = finished.at(0).at(0).value<OutageRun>();
        QCOMPARE(run.state, RunState::Completed);
        QCOMPARE(run.count(MoveStatus::Done), 5);
        QTRY_VERIFY_WITH_TIMEOUT(allOnYamate(), 30000);
        QVERIFY(libvirtNodeOf(QStringLiteral("dns1")) != libvirtNodeOf(QStringLiteral("dns2")));

        // Myodaiji takes nothing new while it is in maintenance.
        QVERIFY(m_cluster->maintenanceSites().contains(Myodaiji));
        QTRY_VERIFY_WITH_TIMEOUT(clusterAgrees(), 30000);
        const PreflightResult refused =
            migrations.quickCheck(m_lab.uuidOf(QStringLiteral("wiki")), QStringLiteral("myodaiji-01"));
        QCOMPARE(refused.verdict(), CheckSeverity::Refused);
        QVERIFY(refused.check(QStringLiteral("maintenance")));

        const Result<OutageState> after = store.load(Myodaiji);
        QVERIFY(after.ok());
        QCOMPARE(after->phase, OutagePhase::InMaintenance);
        QCOMPARE(after->homes.size(), 5);
        for (const HomeRecord& home : after->homes)
            QCOMPARE(home.homeNode, m_home.value(home.name));
        QCOMPARE(after->evacuation.count(MoveStatus::Done), 5);

        bool sawFinished = false;
        for (const QList<QVariant>& args : std::as_const(lines))
            sawFinished = sawFinished ||
                          args.at(0).toString().startsWith(QStringLiteral("Evacuation of Myodaiji finished"));
        QVERIFY(sawFinished);
        int outageEntries = 0;
        for (const QJsonObject& entry : migrations.journal()->readAll())
            outageEntries +=
                entry.value(QStringLiteral("action")).toString() == QStringLiteral("outage") ? 1 : 0;
        QCOMPARE(outageEntries, 2); // started, finished; the migrations have their own lines

        returnHome(dir.path());
    }

    void abortAllThenResume()
    {
        QTemporaryDir dir;
        OutageStore store(dir.path());
        MigrationController migrations(m_cluster, dir.filePath(QStringLiteral("journal.jsonl")));
        Evacuation evacuation(m_cluster, &migrations, &store);
        QTRY_VERIFY_WITH_TIMEOUT(evacuation.hasHeardFrom(), 30000);
        OutagePlan plan = evacuation.planEvacuation(Myodaiji);
        QCOMPARE(plan.moves.size(), 5);
        plan.limits.parallel = 2;
        plan.limits.bandwidthMiBs = 1; // a 48-64 MiB guest takes about a minute
        QSignalSpy finished(evacuation.execution(), &OutageExecution::runFinished);
        bool copying = false;
        connect(migrations.queue(), &MigrationQueue::jobProgress, this,
                [&](const MigrationProgress& progress) {
                    if (progress.phase == MigrationPhase::Transferring && progress.dataProcessed > 0)
                        copying = true;
                });
        QVERIFY(evacuation.start(plan).ok());
        QTRY_VERIFY_WITH_TIMEOUT(copying, 30000);
        QCOMPARE(evacuation.execution()->progress().running, 2);
        QVERIFY(evacuation.execution()->progress().bytesMoved > 0);

        evacuation.execution()->abortAll();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        const OutageRun stopped = finished.at(0).at(0).value<OutageRun>();
        QCOMPARE(stopped.state, RunState::Stopped);
        QVERIFY(evacuation.execution()->isActive()); // resumable
        QCOMPARE(stopped.count(MoveStatus::Running), 0);
        QVERIFY(stopped.count(MoveStatus::Cancelled) >= 1);

        // Every guest of the lab runs on exactly one node, and the state file says where.
        for (auto it = m_home.cbegin(); it != m_home.cend(); ++it)
            QTRY_VERIFY2_WITH_TIMEOUT(!libvirtNodeOf(it.key()).isEmpty(), qPrintable(it.key()), 20000);
        const Result<OutageState> state = store.load(Myodaiji);
        QVERIFY(state.ok());
        QCOMPARE(state->phase, OutagePhase::Evacuating);
        QCOMPARE(state->evacuation.state, RunState::Stopped);
        QCOMPARE(state->evacuation.count(MoveStatus::Running), 0);
        for (const MoveRecord& record : state->evacuation.records) {
            const QString expected =
                record.status == MoveStatus::Done ? record.move.toNode : record.move.fromNode;
            QCOMPARE(libvirtNodeOf(record.move.name), expected);
        }
        QVERIFY(m_cluster->maintenanceSites().contains(Myodaiji));

        // Resume the stored plan with the throttle lifted.
        QTRY_VERIFY_WITH_TIMEOUT(clusterAgrees(), 30000);
        OutageLimits fast = plan.limits;
        fast.bandwidthMiBs = 0;
        QVERIFY(evacuation.execution()->setLimits(fast).ok());
        evacuation.execution()->resume();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, RunTimeoutMs);
        const OutageRun completed = finished.at(1).at(0).value<OutageRun>();
        QCOMPARE(completed.state, RunState::Completed);
        QCOMPARE(completed.count(MoveStatus::Done), 5);
        QTRY_VERIFY_WITH_TIMEOUT(allOnYamate(), 30000);
        const Result<OutageState> done = store.load(Myodaiji);
        QVERIFY(done.ok());
        QCOMPARE(done->phase, OutagePhase::InMaintenance);
        QCOMPARE(done->evacuation.plan.limits.bandwidthMiBs, quint64(0));

        returnHome(dir.path());
    }

    void killedConsoleIsResumed()
    {
        QTemporaryDir dir;
        const QString stateDir = dir.filePath(QStringLiteral("state"));
        const QStringList common{QStringLiteral("--site"),      Myodaiji,
                                 QStringLiteral("--inventory"), m_lab.info().inventoryPath,
                                 QStringLiteral("--state-dir"), stateDir};

        QProcess first;
        first.setProcessEnvironment(isolatedKumoEnvironment(dir.path()));
        first.start(QStringLiteral(KUMO_BINARY),
                    QStringList{QStringLiteral("evacuate")} + common +
                        QStringList{QStringLiteral("--bandwidth"), QStringLiteral("2")});
        QVERIFY(first.waitForStarted());
        QString output;
        QElapsedTimer timer;
        timer.start();
        while (!output.contains(QStringLiteral(" started\n")) && timer.elapsed() < 60000 &&
               first.state() == QProcess::Running) {
            first.waitForReadyRead(500);
            output += QString::fromUtf8(first.readAllStandardOutput());
        }
        QVERIFY2(output.contains(QStringLiteral(" started\n")),
                 qPrintable(output + QString::fromUtf8(first.readAllStandardError())));
        // Let libvirt get going, then kill the console without a chance to tidy up.
        QTest::qWait(1500);
        ::kill(pid_t(first.processId()), SIGKILL);
        QVERIFY(first.waitForFinished(10000));

        const Result<OutageState> killed = OutageStore(stateDir).load(Myodaiji);
        QVERIFY(killed.ok());
        QCOMPARE(killed->phase, OutagePhase::Evacuating);
        QVERIFY(killed->evacuation.count(MoveStatus::Running) >= 1);
        QCOMPARE(killed->homes.size(), 5);

        const KumoRun second = runKumo(QStringList{QStringLiteral("evacuate")} + common +
                                           QStringList{QStringLiteral("--bandwidth"), QStringLiteral("0")},
                                       dir.path());
        QVERIFY2(second.exitCode == 0, second.describe());
        QVERIFY2(second.out.contains(QStringLiteral("Resuming the unfinished evacuation")),
                 second.describe());
        QTRY_VERIFY_WITH_TIMEOUT(allOnYamate(), 30000);
        const Result<OutageState> evacuated = OutageStore(stateDir).load(Myodaiji);
        QVERIFY(evacuated.ok());
        QCOMPARE(evacuated->phase, OutagePhase::InMaintenance);
        QCOMPARE(evacuated->evacuation.count(MoveStatus::Done), 5);
        for (const MoveRecord& record : evacuated->evacuation.records)
            QCOMPARE(libvirtNodeOf(record.move.name), record.move.toNode);

        const KumoRun back = runKumo(QStringList{QStringLiteral("return")} + common, dir.path());
        QVERIFY2(back.exitCode == 0, back.describe());
        QTRY_VERIFY_WITH_TIMEOUT(allHome(), 30000);
        const Result<OutageState> ended = OutageStore(stateDir).load(Myodaiji);
        QVERIFY(ended.ok());
        QCOMPARE(ended->phase, OutagePhase::Ended);
    }
};

QTEST_GUILESS_MAIN(TestOutage)
#include "tst_outage.moc"

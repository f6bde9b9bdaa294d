// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Evacuation on libvirt's test driver (no daemons, no real migration): plans come from the
// cluster state, home nodes reach the state file before anything moves, the evacuated site goes
// into maintenance, and the failure policy decides what a failed move does (every migration
// fails on the test driver, which is exactly what these tests need). Real moves: tests/lab.
#include <memory>

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "app/outage/evacuation.h"
#include "app/outage/outageexecution.h"
#include "app/outage/outagestore.h"
#include "support/testdriver.h"

using namespace kumo;

namespace {
const QString Myodaiji = QStringLiteral("myodaiji");
} // namespace

class TestEvacuation : public QObject
{
    Q_OBJECT

private:
    struct World
    {
        QTemporaryDir dir;
        TestCluster testCluster;
        std::unique_ptr<ClusterController> cluster;
        std::unique_ptr<MigrationController> migrations;
        std::unique_ptr<OutageStore> store;
        std::unique_ptr<Evacuation> evacuation;
    };

    static std::unique_ptr<World> makeWorld()
    {
        auto world = std::make_unique<World>();
        world->testCluster = generateTestCluster(world->dir.filePath(QStringLiteral("nodes")), 2, 2, 2);
        world->cluster = std::make_unique<ClusterController>();
        world->cluster->setInventory(world->testCluster.inventory);
        world->migrations = std::make_unique<MigrationController>(
            world->cluster.get(), world->dir.filePath(QStringLiteral("journal.jsonl")));
        world->store = std::make_unique<OutageStore>(world->dir.filePath(QStringLiteral("state")));
        world->evacuation =
            std::make_unique<Evacuation>(world->cluster.get(), world->migrations.get(), world->store.get());
        return world;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("kumo-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_evacuation"));
        QSettings().clear();
    }

    void planComesFromTheClusterState()
    {
        const auto world = makeWorld();
        QTRY_VERIFY_WITH_TIMEOUT(world->evacuation->hasHeardFrom(), 10000);
        QCOMPARE(world->cluster->instanceCount(), 8);
        const OutagePlan plan = world->evacuation->planEvacuation(Myodaiji);
        QCOMPARE(plan.direction, OutageDirection::Evacuate);
        QCOMPARE(plan.site, Myodaiji);
        QCOMPARE(plan.moves.size() + plan.unplaced.size(), 4);
        for (const PlannedMove& move : plan.moves) {
            QCOMPARE(world->testCluster.inventory.node(move.fromNode)->site, Myodaiji);
            QCOMPARE(world->testCluster.inventory.node(move.toNode)->site, QStringLiteral("yamate"));
        }
        QVERIFY(world->evacuation->validate(plan).isEmpty());
        QVERIFY(!world->evacuation->execution()->isActive());
        QVERIFY(world->evacuation->execution()->state() == nullptr);
        const Result<OutagePlan> back = world->evacuation->planReturn(Myodaiji);
        QVERIFY(!back.ok());
        QCOMPARE(back.error().code, ErrorCode::NotFound);
    }

    void homesAreWrittenFirstAndAFailureStopsTheRun()
    {
        const auto world = makeWorld();
        QTRY_VERIFY_WITH_TIMEOUT(world->evacuation->hasHeardFrom(), 10000);
        const OutagePlan plan = world->evacuation->planEvacuation(Myodaiji);
        if (plan.moves.isEmpty())
            QSKIP("The planner placed nothing on the test driver's nodes.");
        QSignalSpy failed(world->evacuation->execution(), &OutageExecution::moveFailed);
        QSignalSpy finished(world->evacuation->execution(), &OutageExecution::runFinished);
        world->evacuation->execution()->setFailurePolicy(FailurePolicy::StopAndAsk);
        const Result<void> started = world->evacuation->start(plan);
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().toString()));

        // On disk before the first move, and the site takes nothing new.
        const Result<OutageState> before = world->store->load(Myodaiji);
        QVERIFY(before.ok());
        QCOMPARE(before->phase, OutagePhase::Evacuating);
        QCOMPARE(before->homes.size(), plan.moves.size());
        for (const PlannedMove& move : plan.moves)
            QCOMPARE(before->homes.value(move.uuid).homeNode, move.fromNode);
        QVERIFY(world->cluster->maintenanceSites().contains(Myodaiji));
        QVERIFY(!world->evacuation->start(plan).ok()); // one run at a time

        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(failed.size(), 1);
        const OutageRun run = finished.at(0).at(0).value<OutageRun>();
        QCOMPARE(run.state, RunState::Stopped);
        QVERIFY(run.count(MoveStatus::Failed) >= 1);
        QCOMPARE(run.count(MoveStatus::Running), 0);
        QVERIFY(!run.records.at(failed.at(0).at(0).toInt()).error.isEmpty());
        QVERIFY(world->evacuation->execution()->isActive());
        QCOMPARE(world->evacuation->unfinished().size(), 1);

        // A console started afterwards keeps the site in maintenance.
        ClusterController other([](const NodeConfig&) { return nullptr; });
        MigrationController otherMigrations(&other, world->dir.filePath(QStringLiteral("journal2.jsonl")));
        Evacuation restarted(&other, &otherMigrations, world->store.get());
        QVERIFY(other.maintenanceSites().contains(Myodaiji));
        QCOMPARE(restarted.unfinished().size(), 1);
    }

    void skipPolicyCompletesTheRun()
    {
        const auto world = makeWorld();
        QTRY_VERIFY_WITH_TIMEOUT(world->evacuation->hasHeardFrom(), 10000);
        const OutagePlan plan = world->evacuation->planEvacuation(Myodaiji);
        if (plan.moves.isEmpty())
            QSKIP("The planner placed nothing on the test driver's nodes.");
        QSignalSpy finished(world->evacuation->execution(), &OutageExecution::runFinished);
        world->evacuation->execution()->setFailurePolicy(FailurePolicy::Skip);
        QVERIFY(world->evacuation->start(plan).ok());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        const OutageRun run = finished.at(0).at(0).value<OutageRun>();
        QCOMPARE(run.state, RunState::Completed);
        QCOMPARE(run.count(MoveStatus::Failed), int(plan.moves.size()));
        const Result<OutageState> state = world->store->load(Myodaiji);
        QVERIFY(state.ok());
        QCOMPARE(state->phase, OutagePhase::InMaintenance);
        QVERIFY(!world->evacuation->execution()->isActive());

        // Nothing moved, so there is nothing to bring back; ending maintenance opens the site.
        QVERIFY(world->evacuation->endMaintenance(Myodaiji).ok());
        QVERIFY(!world->cluster->maintenanceSites().contains(Myodaiji));
        const Result<OutagePlan> back = world->evacuation->planReturn(Myodaiji);
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().toString()));
        QVERIFY(back->moves.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEvacuation)
#include "tst_evacuation.moc"

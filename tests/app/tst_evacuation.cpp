// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Evacuation and return without daemons. On libvirt's test driver (real sessions, no migration):
// plans come from the cluster state, and the failure policy handles moves the pre-flight refuses
// (the driver reports 0 MiB free). On a FakeCloud (the cluster state, the migration controller,
// the queue, the store and the outage run are the real ones; only the node sessions and the jobs
// are fake, and the test drives every job to its end): home nodes reach the state file before
// anything moves, the evacuated site goes into maintenance, completed moves move the instances,
// the return brings each to its exact home node, and the failure policy, pause, resume, abort, a
// failing store and the limits do what they say. Real moves: the lab tests.
#include <algorithm>
#include <functional>
#include <memory>

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include "app/access/journal.h"
#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "app/outage/evacuation.h"
#include "app/outage/outageexecution.h"
#include "app/outage/outagestore.h"
#include "app/probes/serviceprober.h"
#include "core/migrationpath.h"
#include "core/outagereport.h"
#include "core/planner.h"
#include "support/fakecloud.h"
#include "support/fakemigrationjob.h"
#include "support/testdriver.h"

using namespace kumo;

namespace {
const QString Myodaiji = QStringLiteral("myodaiji");
const QString Yamate = QStringLiteral("yamate");
constexpr quint64 GiBInKiB = 1024 * 1024;

FakeMigrationScript failing()
{
    FakeMigrationScript script;
    script.outcome = FakeMigrationScript::Outcome::Fail;
    return script;
}

// Has every started job take its scripted steps (its script says how it ends) until `done` holds.
// Nothing waits for time: the jobs end when driven; the timeout only turns a hang into a failure.
bool drive(FakeMigrationJobFactory& jobs, const std::function<bool()>& done)
{
    return QTest::qWaitFor(
        [&] {
            if (done())
                return true;
            for (const quint64 id : jobs.madeIds()) {
                const FakeMigrationJobRecord record = jobs.record(id);
                if (record.started && !record.finished)
                    jobs.advance(id);
            }
            return false;
        },
        5000);
}

// Drives one job to its end.
bool finishJob(FakeMigrationJobFactory& jobs, quint64 id)
{
    return QTest::qWaitFor(
        [&] {
            const FakeMigrationJobRecord record = jobs.record(id);
            if (record.finished)
                return true;
            if (record.started)
                jobs.advance(id);
            return false;
        },
        5000);
}

int startedJobs(const FakeMigrationJobFactory& jobs)
{
    int started = 0;
    for (const quint64 id : jobs.madeIds())
        started += jobs.record(id).started ? 1 : 0;
    return started;
}

int runningJobs(const FakeMigrationJobFactory& jobs)
{
    int running = 0;
    for (const quint64 id : jobs.madeIds()) {
        const FakeMigrationJobRecord record = jobs.record(id);
        running += record.started && !record.finished ? 1 : 0;
    }
    return running;
}

QList<quint64> jobsFor(const FakeMigrationJobFactory& jobs, const QString& uuid)
{
    QList<quint64> ids;
    for (const quint64 id : jobs.madeIds()) {
        if (jobs.record(id).request.uuid == uuid)
            ids.append(id);
    }
    return ids;
}

const PlannedMove* findMove(const OutagePlan& plan, const QString& uuid)
{
    for (const PlannedMove& move : plan.moves) {
        if (move.uuid == uuid)
            return &move;
    }
    return nullptr;
}

QString uuidOf(const ClusterController& cluster, const QString& name)
{
    for (const InstanceSnapshot& instance : cluster.instances()) {
        if (instance.name == name)
            return instance.uuid;
    }
    return {};
}

// Makes every later write of the store fail, also as root: its directory becomes a file.
bool breakStore(const QString& dir)
{
    if (!QDir(dir).removeRecursively())
        return false;
    QFile file(dir);
    return file.open(QIODevice::WriteOnly);
}
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

    // Two sites of two nodes, two instances on each node, every node with room for all of them:
    // the planner places every instance of the evacuated site.
    struct FakeWorld
    {
        QTemporaryDir dir;
        FakeCloud cloud;
        FakeMigrationJobFactory jobs;    // outlives the queue
        QHash<QString, QString> defined; // uuid -> the node the test put it on
        std::unique_ptr<ClusterController> cluster;
        std::unique_ptr<MigrationController> migrations;
        std::unique_ptr<OutageStore> store;
        std::unique_ptr<Evacuation> evacuation;

        [[nodiscard]] QString stateDir() const { return dir.filePath(QStringLiteral("state")); }
    };

    // edit: changes the inventory before the cluster gets it; more: defines more of the cloud.
    static std::unique_ptr<FakeWorld> makeFakeWorld(const std::function<void(Inventory&)>& edit = {},
                                                    const std::function<void(FakeCloud&)>& more = {})
    {
        auto world = std::make_unique<FakeWorld>();
        FakeCloud& cloud = world->cloud;
        for (const QString& site : {Myodaiji, Yamate}) {
            cloud.addSite(site);
            for (int n = 1; n <= 2; ++n) {
                const QString node = QStringLiteral("%1-%2").arg(site).arg(n, 2, 10, QLatin1Char('0'));
                cloud.addNode(site, node, 16, 64 * GiBInKiB);
                for (int i = 1; i <= 2; ++i) {
                    const QString name = QStringLiteral("%1-vm%2").arg(node).arg(i, 2, 10, QLatin1Char('0'));
                    world->defined.insert(cloud.addInstance(node, name, 2, 4 * GiBInKiB), node);
                }
            }
        }
        if (more)
            more(cloud);
        world->cluster = std::make_unique<ClusterController>(cloud.sessionFactory());
        Inventory inventory = cloud.inventory();
        if (edit)
            edit(inventory);
        world->cluster->setInventory(inventory);
        world->migrations = std::make_unique<MigrationController>(
            world->cluster.get(), world->dir.filePath(QStringLiteral("journal.jsonl")),
            cloud.jobFactory(&world->jobs));
        world->store = std::make_unique<OutageStore>(world->stateDir());
        world->evacuation =
            std::make_unique<Evacuation>(world->cluster.get(), world->migrations.get(), world->store.get());
        return world;
    }

    // The evacuation plan of Myodaiji once every node was heard from, with `limits`.
    // After a run that moved nothing: the site stays in maintenance until its outage ends, and
    // then there is nothing to bring back.
    template <typename AnyWorld> static void verifyNothingToBringBack(AnyWorld& world)
    {
        const Result<OutageState> state = world.store->load(Myodaiji);
        QVERIFY(state.ok());
        QCOMPARE(state->phase, OutagePhase::InMaintenance);
        QVERIFY(!world.evacuation->execution()->isActive());

        // Ending maintenance opens the site again.
        QVERIFY(world.evacuation->endMaintenance(Myodaiji).ok());
        QVERIFY(!world.cluster->maintenanceSites().contains(Myodaiji));
        const Result<OutagePlan> back = world.evacuation->planReturn(Myodaiji);
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().toString()));
        QVERIFY(back->moves.isEmpty());
    }

    // The four moves of the fixture all at once.
    static OutageLimits everyMoveAtOnce()
    {
        OutageLimits limits;
        limits.parallel = 4;
        limits.perLink = 4;
        return limits;
    }

    static OutagePlan placedPlan(FakeWorld& world, const OutageLimits& limits)
    {
        if (!QTest::qWaitFor(
                [&] { return world.cluster->instanceCount() == 8 && world.evacuation->hasHeardFrom(); },
                5000))
            return {};
        OutagePlan plan = world.evacuation->planEvacuation(Myodaiji);
        plan.limits = limits;
        return plan;
    }

    // The fixture guarantees placements: every instance of Myodaiji moves to a Yamate node.
    static void verifyPlacements(const FakeWorld& world, const OutagePlan& plan)
    {
        QCOMPARE(plan.direction, OutageDirection::Evacuate);
        QCOMPARE(plan.moves.size(), 4);
        QVERIFY(plan.unplaced.isEmpty());
        const Inventory inventory = world.cloud.inventory();
        for (const PlannedMove& move : plan.moves) {
            QCOMPARE(move.fromNode, world.defined.value(move.uuid));
            QCOMPARE(inventory.node(move.fromNode)->site, Myodaiji);
            QCOMPARE(inventory.node(move.toNode)->site, Yamate);
        }
        QVERIFY(world.evacuation->validate(plan).isEmpty());
    }

    // Under StopAndAsk, one move at a time: the first move fails and the run waits for an answer.
    static void stopAtFirstFailure(FakeWorld& world, OutagePlan& plan)
    {
        OutageLimits one;
        one.parallel = 1;
        plan = placedPlan(world, one);
        verifyPlacements(world, plan);
        if (QTest::currentTestFailed())
            return;
        world.jobs.setScript(plan.moves.at(0).uuid, failing());
        OutageExecution* execution = world.evacuation->execution();
        execution->setFailurePolicy(FailurePolicy::StopAndAsk);
        QSignalSpy failed(execution, &OutageExecution::moveFailed);
        QSignalSpy finished(execution, &OutageExecution::runFinished);
        QVERIFY(world.evacuation->start(plan).ok());
        QVERIFY(drive(world.jobs, [&] { return finished.size() == 1; }));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).toInt(), 0);
        QCOMPARE(execution->waitingDecision(), 0);
        const OutageRun run = finished.at(0).at(0).value<OutageRun>();
        QCOMPARE(run.state, RunState::Stopped);
        QCOMPARE(run.records.at(0).status, MoveStatus::Failed);
        QCOMPARE(run.count(MoveStatus::Pending), int(plan.moves.size()) - 1);
        QCOMPARE(world.jobs.count(), 1); // it waits: nothing else started
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
        // The fixture's nodes have room for every instance of the site: all four are placed (and
        // then refused by the pre-flight, which sees the test driver's 0 MiB free).
        QCOMPARE(plan.moves.size(), 4);
        QVERIFY(plan.unplaced.isEmpty());
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
        // The fixture's nodes have room for every instance of the site: all four are placed (and
        // then refused by the pre-flight, which sees the test driver's 0 MiB free).
        QCOMPARE(plan.moves.size(), 4);
        QVERIFY(plan.unplaced.isEmpty());
        QSignalSpy finished(world->evacuation->execution(), &OutageExecution::runFinished);
        world->evacuation->execution()->setFailurePolicy(FailurePolicy::Skip);
        QVERIFY(world->evacuation->start(plan).ok());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        const OutageRun run = finished.at(0).at(0).value<OutageRun>();
        QCOMPARE(run.state, RunState::Completed);
        QCOMPARE(run.count(MoveStatus::Failed), int(plan.moves.size()));
        verifyNothingToBringBack(*world);
    }
    // --- The run, on a FakeCloud -------------------------------------------------------------

    void homesAreWrittenFirstAndAFailedJobStopsTheRun()
    {
        const auto world = makeFakeWorld();
        world->jobs.setScript(failing());
        const OutagePlan plan = placedPlan(*world, OutageLimits{});
        verifyPlacements(*world, plan);
        if (QTest::currentTestFailed())
            return;
        QSignalSpy failed(world->evacuation->execution(), &OutageExecution::moveFailed);
        QSignalSpy finished(world->evacuation->execution(), &OutageExecution::runFinished);
        world->evacuation->execution()->setFailurePolicy(FailurePolicy::StopAndAsk);
        const Result<void> started = world->evacuation->start(plan);
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().toString()));

        // On disk before the first move, and the site takes nothing new.
        QCOMPARE(world->jobs.count(), 0);
        const Result<OutageState> before = world->store->load(Myodaiji);
        QVERIFY(before.ok());
        QCOMPARE(before->phase, OutagePhase::Evacuating);
        QCOMPARE(before->homes.size(), plan.moves.size());
        for (const PlannedMove& move : plan.moves)
            QCOMPARE(before->homes.value(move.uuid).homeNode, move.fromNode);
        QVERIFY(world->cluster->maintenanceSites().contains(Myodaiji));
        QVERIFY(!world->evacuation->start(plan).ok()); // one run at a time

        QVERIFY(drive(world->jobs, [&] { return finished.size() == 1; }));
        QCOMPARE(failed.size(), 1);
        const OutageRun run = finished.at(0).at(0).value<OutageRun>();
        QCOMPARE(run.state, RunState::Stopped);
        QVERIFY(run.count(MoveStatus::Failed) >= 1);
        QCOMPARE(run.count(MoveStatus::Running), 0);
        QVERIFY(!run.records.at(failed.at(0).at(0).toInt()).error.isEmpty());
        // Only the moves running when the first failed were tried; nothing moved.
        QCOMPARE(world->jobs.count(), OutageLimits::DefaultParallel);
        QCOMPARE(world->cloud.moveCount(), 0);
        QVERIFY(world->evacuation->execution()->isActive());
        QCOMPARE(world->evacuation->unfinished().size(), 1);

        // A console started afterwards keeps the site in maintenance.
        ClusterController other([](const NodeConfig&) { return nullptr; });
        MigrationController otherMigrations(&other, world->dir.filePath(QStringLiteral("journal2.jsonl")));
        Evacuation restarted(&other, &otherMigrations, world->store.get());
        QVERIFY(other.maintenanceSites().contains(Myodaiji));
        QCOMPARE(restarted.unfinished().size(), 1);
    }

    void eachMoveNamesItsTransport()
    {
        // Every node has QEMU's TLS certificates: every move is encrypted with TLS.
        const auto world = makeFakeWorld([](Inventory& inventory) {
            for (NodeConfig& node : inventory.nodes)
                node.migrationTls = true;
        });
        const OutagePlan plan = placedPlan(*world, OutageLimits{});
        verifyPlacements(*world, plan);
        for (const PlannedMove& move : plan.moves)
            QCOMPARE(move.transport, MigrationTransport::Tls);
        const int moves = int(plan.moves.size());
        QCOMPARE(plan.transportSummary(), OutagePlan::tr("%n move(s): %1", nullptr, moves)
                                              .arg(QStringLiteral("%1 encrypted (TLS)").arg(moves)));
    }

    void refusedPathsAreUnplacedWithTheReason()
    {
        // yamate-01 keeps all its memory for itself, so the planner picks yamate-02, which is
        // reached over plain TCP on a network nobody trusts: the tunnel to it is refused.
        const auto world = makeFakeWorld([](Inventory& inventory) {
            for (NodeConfig& node : inventory.nodes) {
                if (node.name == QStringLiteral("yamate-01"))
                    node.memoryReserveMiB = 1024 * 1024 * 1024;
                if (node.name == QStringLiteral("yamate-02")) {
                    node.uri = QStringLiteral("fake+tcp://yamate-02/system");
                    node.allowInsecure = true;
                }
            }
        });
        // Without the transport the planner places all four on yamate-02.
        if (!QTest::qWaitFor(
                [&] { return world->cluster->instanceCount() == 8 && world->evacuation->hasHeardFrom(); },
                5000))
            QFAIL("the cluster did not hear from every node");
        const OutagePlan placed =
            Planner::planEvacuation(world->evacuation->plannerInput(world->evacuation->rules()), Myodaiji);
        QCOMPARE(placed.moves.size(), 4);
        for (const PlannedMove& move : placed.moves)
            QCOMPARE(move.toNode, QStringLiteral("yamate-02"));

        const OutagePlan plan = world->evacuation->planEvacuation(Myodaiji);
        QVERIFY(plan.moves.isEmpty());
        QCOMPARE(plan.unplaced.size(), 4);
        for (const UnplacedInstance& entry : plan.unplaced) {
            QVERIFY2(entry.reason.startsWith(QStringLiteral("No allowed transport to yamate-02: ")),
                     qPrintable(entry.reason));
            QVERIFY2(entry.reason.contains(QStringLiteral("unencrypted connection")),
                     qPrintable(entry.reason));
            QCOMPARE(entry.choice, UnplacedChoice::Leave);
        }

        // A target chosen by hand goes through the same judgement: refused, not planned.
        OutagePlan edited = placed;
        edited.moves = {placed.moves.at(0)};
        edited.moves[0].transport = MigrationTransport::Automatic;
        edited.unplaced.clear();
        world->evacuation->resolveTransports(edited);
        QVERIFY(edited.moves.isEmpty());
        QCOMPARE(edited.indexOfUnplaced(placed.moves.at(0).uuid), 0);
    }

    // yamate-01 already runs a domain named like an instance of Myodaiji, and it is the best fit
    // for all four (a little less free memory): its pre-flight refuses that one ("name").
    static std::unique_ptr<FakeWorld> makeNameTakenWorld(QString& namesake)
    {
        auto world = makeFakeWorld({}, [](FakeCloud& cloud) {
            cloud.addInstance(QStringLiteral("yamate-01"), QStringLiteral("myodaiji-01-vm01"), 1, GiBInKiB);
        });
        if (!QTest::qWaitFor(
                [&] { return world->cluster->instanceCount() == 9 && world->evacuation->hasHeardFrom(); },
                5000))
            return world;
        for (const InstanceSnapshot& instance : world->cluster->instances()) {
            if (instance.name == QStringLiteral("myodaiji-01-vm01") &&
                instance.node == QStringLiteral("myodaiji-01"))
                namesake = instance.uuid;
        }
        return world;
    }

    // A refusal other than the CPU, found by the dry run, re-plans that move onto a node that accepts
    // it; the plan it answers with is checked again, says why it changed, and passes.
    void dryRunReplansWhatTheNodesRefuse()
    {
        QString namesake;
        const auto world = makeNameTakenWorld(namesake);
        QVERIFY(!namesake.isEmpty());
        const OutagePlan plan = world->evacuation->planEvacuation(Myodaiji);
        QCOMPARE(plan.moves.size(), 4);
        for (const PlannedMove& move : plan.moves)
            QCOMPARE(move.toNode, QStringLiteral("yamate-01"));

        QSignalSpy finished(world->evacuation.get(), &Evacuation::dryRunFinished);
        QSignalSpy messages(world->evacuation.get(), &Evacuation::message);
        world->evacuation->dryRun(plan);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        const OutagePlan checked = finished.at(0).at(0).value<OutagePlan>();
        const QList<PreflightResult> results = finished.at(0).at(1).value<QList<PreflightResult>>();
        QCOMPARE(checked.id, plan.id);
        QCOMPARE(checked.moves.size(), 4);
        QCOMPARE(results.size(), 4);
        for (int i = 0; i < checked.moves.size(); ++i) {
            const PlannedMove& move = checked.moves.at(i);
            QCOMPARE(results.at(i).uuid, move.uuid);
            QCOMPARE(results.at(i).destinationNode, move.toNode);
            QVERIFY2(results.at(i).verdict() != CheckSeverity::Refused,
                     qPrintable(results.at(i).reasons(CheckSeverity::Refused).join(u' ')));
            QCOMPARE(move.toNode,
                     move.uuid == namesake ? QStringLiteral("yamate-02") : QStringLiteral("yamate-01"));
        }
        const PlannedMove* moved = findMove(checked, namesake);
        QVERIFY(moved->note.startsWith(
            QStringLiteral("Re-planned onto yamate-02: yamate-01 refused it in the pre-flight checks.")));
        QVERIFY(world->evacuation->validate(checked).isEmpty());
        QCOMPARE(messages.size(), 1);
        QVERIFY(messages.at(0).at(0).toString().startsWith(
            QStringLiteral("myodaiji-01-vm01: re-planned from yamate-01 to yamate-02.")));
        // The next plan knows it from the start.
        QCOMPARE(findMove(world->evacuation->planEvacuation(Myodaiji), namesake)->toNode,
                 QStringLiteral("yamate-02"));
    }

    // The same refusal met by the move itself during a run (no dry run before): the move is placed
    // again, runs, and the run completes with it where the nodes accepted it.
    void aMoveRefusedDuringTheRunIsReplanned()
    {
        QString namesake;
        const auto world = makeNameTakenWorld(namesake);
        QVERIFY(!namesake.isEmpty());
        const OutagePlan plan = world->evacuation->planEvacuation(Myodaiji);
        QCOMPARE(findMove(plan, namesake)->toNode, QStringLiteral("yamate-01"));
        OutageExecution* execution = world->evacuation->execution();
        execution->setFailurePolicy(FailurePolicy::StopAndAsk);
        QSignalSpy finished(execution, &OutageExecution::runFinished);
        QSignalSpy failed(execution, &OutageExecution::moveFailed);
        QSignalSpy messages(execution, &OutageExecution::message);
        QVERIFY(world->evacuation->start(plan).ok());
        QVERIFY(drive(world->jobs, [&] { return finished.size() == 1; }));
        QCOMPARE(failed.size(), 0);
        const OutageRun run = finished.at(0).at(0).value<OutageRun>();
        QCOMPARE(run.state, RunState::Completed);
        QCOMPARE(run.count(MoveStatus::Done), 4);
        const MoveRecord& record = run.records.at(run.indexOf(namesake));
        QCOMPARE(record.move.toNode, QStringLiteral("yamate-02"));
        QVERIFY(record.move.note.contains(QStringLiteral("yamate-01 refused it")));
        QCOMPARE(world->cloud.nodeOf(namesake), QStringLiteral("yamate-02"));
        bool said = false;
        for (const QList<QVariant>& args : std::as_const(messages)) {
            said = said || args.at(0).toString().startsWith(QStringLiteral(
                               "myodaiji-01-vm01: yamate-01 refused it; re-planned onto yamate-02."));
        }
        QVERIFY(said);
        // The state file has the move as it ran.
        const Result<OutageState> after = world->store->load(Myodaiji);
        QVERIFY(after.ok());
        QCOMPARE(after->evacuation.records.at(after->evacuation.indexOf(namesake)).move.toNode,
                 QStringLiteral("yamate-02"));
    }

    void readOnlyStartsNoRun()
    {
        const auto world = makeFakeWorld();
        OutagePlan plan = placedPlan(*world, OutageLimits{});
        QVERIFY(!plan.moves.isEmpty());
        QSignalSpy queued(world->migrations.get(), &MigrationController::migrationQueued);
        world->cluster->setReadOnly(true);
        const Result<void> started = world->evacuation->start(plan);
        QVERIFY(!started.ok());
        QCOMPARE(started.error().code, ErrorCode::ReadOnly);
        QVERIFY(!started.error().message.isEmpty());
        // Refused before anything was written or moved.
        const Result<OutageState> stored = world->store->load(Myodaiji);
        QVERIFY(!stored.ok());
        QCOMPARE(stored.error().code, ErrorCode::NotFound);
        QVERIFY(!world->evacuation->execution()->isActive());
        QVERIFY(!world->cluster->maintenanceSites().contains(Myodaiji));
        const Result<void> ended = world->evacuation->endMaintenance(Myodaiji);
        QVERIFY(!ended.ok());
        QCOMPARE(ended.error().code, ErrorCode::ReadOnly);

        // A read_only node among the plan's targets refuses the run too, naming that node.
        world->cluster->setReadOnly(false);
        Inventory inventory = world->cluster->fileInventory();
        for (NodeConfig& node : inventory.nodes) {
            if (node.name == plan.moves.first().toNode)
                node.readOnly = true;
        }
        world->cluster->setInventory(inventory);
        const Result<void> again = world->evacuation->start(plan);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::ReadOnly);
        QCOMPARE(again.error().object, plan.moves.first().toNode);
        QTest::qWait(100);
        QCOMPARE(queued.size(), 0);
        QCOMPARE(world->jobs.count(), 0);
    }

    void evacuationCompletes()
    {
        const auto world = makeFakeWorld();
        OutagePlan plan = placedPlan(*world, OutageLimits{});
        plan.reason = QStringLiteral("INC-2041 annual electrical inspection");
        verifyPlacements(*world, plan);
        if (QTest::currentTestFailed())
            return;
        OutageExecution* execution = world->evacuation->execution();
        QSignalSpy finished(execution, &OutageExecution::runFinished);
        QSignalSpy queued(world->migrations.get(), &MigrationController::migrationQueued);
        QVERIFY(world->evacuation->start(plan).ok());
        QCOMPARE(world->jobs.count(), 0);
        const Result<OutageState> before = world->store->load(Myodaiji);
        QVERIFY(before.ok());
        QCOMPARE(before->homes.size(), plan.moves.size());
        for (const PlannedMove& move : plan.moves)
            QCOMPARE(before->homes.value(move.uuid).homeNode, world->defined.value(move.uuid));

        QVERIFY(drive(world->jobs, [&] { return finished.size() == 1; }));
        const OutageRun run = finished.at(0).at(0).value<OutageRun>();
        QCOMPARE(run.state, RunState::Completed);
        QCOMPARE(run.count(MoveStatus::Done), int(plan.moves.size()));
        const Result<OutageState> after = world->store->load(Myodaiji);
        QVERIFY(after.ok());
        QCOMPARE(after->phase, OutagePhase::InMaintenance);
        QCOMPARE(after->evacuation.state, RunState::Completed);
        QVERIFY(world->cluster->maintenanceSites().contains(Myodaiji));
        QVERIFY(!execution->isActive());

        // Every instance moved where the plan said, in the cloud and in what the cluster sees.
        QCOMPARE(world->cloud.moveCount(), int(plan.moves.size()));
        for (const PlannedMove& move : plan.moves) {
            QCOMPARE(world->cloud.nodeOf(move.uuid), move.toNode);
            QTRY_COMPARE_WITH_TIMEOUT(world->cluster->locationsOf(move.uuid), QStringList{move.toNode}, 5000);
        }

        // One id per move: the queued move, its job and its journal line carry the same.
        QCOMPARE(queued.size(), plan.moves.size());
        QHash<quint64, MigrationRequest> requests;
        for (const QList<QVariant>& args : std::as_const(queued))
            requests.insert(args.at(0).toULongLong(), args.at(1).value<MigrationRequest>());
        QCOMPARE(requests.size(), plan.moves.size());
        const QList<quint64> made = world->jobs.madeIds();
        QCOMPARE(QSet<quint64>(made.cbegin(), made.cend()),
                 QSet<quint64>(requests.keyBegin(), requests.keyEnd()));
        int migrateLines = 0;
        int startLines = 0;
        QStringList outageEvents;
        for (const QJsonObject& entry : world->migrations->journal()->readAll()) {
            const QString action = entry.value(QStringLiteral("action")).toString();
            // The person's reason is on every line of the run, the moves' included.
            QCOMPARE(entry.value(QStringLiteral("reason")).toString(), plan.reason);
            if (action == QLatin1String("outage")) {
                outageEvents.append(entry.value(QStringLiteral("event")).toString());
                continue;
            }
            // Each move's start entry comes before its result.
            if (action == QLatin1String("migrate-start")) {
                const quint64 started = quint64(entry.value(QStringLiteral("job")).toInteger());
                QVERIFY(requests.contains(started)); // its result is not in yet
                ++startLines;
                continue;
            }
            QCOMPARE(action, QStringLiteral("migrate"));
            ++migrateLines;
            const quint64 id = quint64(entry.value(QStringLiteral("job")).toInteger());
            QVERIFY2(requests.contains(id), qPrintable(QString::number(id)));
            const MigrationRequest request = requests.take(id); // once per id
            QCOMPARE(request.reason, plan.reason);
            QCOMPARE(entry.value(QStringLiteral("result")).toString(), QStringLiteral("completed"));
            QCOMPARE(entry.value(QStringLiteral("from")).toString(), request.sourceNode);
            QCOMPARE(entry.value(QStringLiteral("to")).toString(), request.destinationNode);
            const PlannedMove* move = findMove(plan, request.uuid);
            QVERIFY(move);
            QCOMPARE(request.sourceNode, move->fromNode);
            QCOMPARE(request.destinationNode, move->toNode);
            // The plan named the transport the controller resolved, and the journal line says it.
            QCOMPARE(move->transport, MigrationTransport::Tunnelled);
            QCOMPARE(request.transport, move->transport);
            QCOMPARE(entry.value(QStringLiteral("transport")).toString(),
                     MigrationPath::key(move->transport));
        }
        QCOMPARE(migrateLines, int(plan.moves.size()));
        QCOMPARE(startLines, int(plan.moves.size()));
        QVERIFY(requests.isEmpty());
        QCOMPARE(outageEvents, (QStringList{QStringLiteral("started"), QStringLiteral("finished")}));
    }

    void eachMoveRecordsWhetherTheServiceAnsweredAfterIt()
    {
        // Two instances of the evacuated site have a service: loopback servers stand in for them.
        // One keeps answering through its move; the other's server closes during its move.
        QTcpServer kept;
        QTcpServer closed;
        for (QTcpServer* server : {&kept, &closed}) {
            QVERIFY(server->listen(QHostAddress::LocalHost));
            connect(server, &QTcpServer::newConnection, server, [server] {
                while (QTcpSocket* socket = server->nextPendingConnection()) {
                    socket->close();
                    socket->deleteLater();
                }
            });
        }
        const QString keptName = QStringLiteral("myodaiji-01-vm01");
        const QString closedName = QStringLiteral("myodaiji-02-vm01");
        const auto probe = [](const QTcpServer& server) {
            ServiceProbe p;
            p.kind = QStringLiteral("tcp");
            p.host = QStringLiteral("127.0.0.1");
            p.port = server.serverPort();
            p.timeoutMs = 1000;
            p.intervalMs = 1000;
            return p;
        };
        const auto world = makeFakeWorld([&](Inventory& inventory) {
            inventory.instances.append(InstanceConfig{keptName, {}, 0, {}, {probe(kept)}});
            inventory.instances.append(InstanceConfig{closedName, {}, 0, {}, {probe(closed)}});
        });
        ServiceProber prober;
        prober.setCluster(world->cluster.get());
        prober.setMigrationQueue(world->migrations->queue());
        prober.setAfterMoveWait(1500); // the run waits this long for a service that does not answer
        OutageExecution* execution = world->evacuation->execution();
        execution->setServiceProber(&prober);
        OutagePlan plan = placedPlan(*world, everyMoveAtOnce());
        verifyPlacements(*world, plan);
        if (QTest::currentTestFailed())
            return;
        const QString keptUuid = uuidOf(*world->cluster, keptName);
        const QString closedUuid = uuidOf(*world->cluster, closedName);
        // Both services answer before anything moves.
        QTRY_COMPARE_WITH_TIMEOUT(prober.summary(keptUuid).state, ProbeState::Up, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(prober.summary(closedUuid).state, ProbeState::Up, 10000);

        QSignalSpy finished(execution, &OutageExecution::runFinished);
        QStringList messages;
        connect(execution, &OutageExecution::message, this,
                [&messages](const QString& line) { messages.append(line); });
        QVERIFY(world->evacuation->start(plan).ok());
        // Every move is under way (the queue has started its job) before the server goes away.
        QVERIFY(QTest::qWaitFor([&] { return startedJobs(world->jobs) == int(plan.moves.size()); }, 10000));
        QVERIFY(prober.isMoving(keptUuid));
        QVERIFY(prober.isMoving(closedUuid));
        closed.close();
        for (const quint64 id : world->jobs.madeIds())
            QVERIFY(finishJob(world->jobs, id));
        // The run ends once both verdicts are in: the silent one after the prober's wait.
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(execution->servicesAwaited(), 0);
        const OutageRun run = finished.at(0).at(0).value<OutageRun>();
        QCOMPARE(run.state, RunState::Completed);
        QCOMPARE(run.count(MoveStatus::Done), int(plan.moves.size()));
        const MoveRecord& keptRecord = run.records.at(run.indexOf(keptUuid));
        const MoveRecord& closedRecord = run.records.at(run.indexOf(closedUuid));
        QCOMPARE(keptRecord.serviceBefore, ServiceAnswer::Answered);
        QCOMPARE(keptRecord.serviceAfter, ServiceAnswer::Answered);
        QVERIFY(keptRecord.serviceGapMs >= 0);
        QCOMPARE(closedRecord.serviceBefore, ServiceAnswer::Answered);
        QCOMPARE(closedRecord.serviceAfter, ServiceAnswer::NoAnswer);
        QVERIFY2(closedRecord.serviceGapMs >= 1500, qPrintable(QString::number(closedRecord.serviceGapMs)));
        qInfo("FIGURE outage-service-gap-answered-ms=%lld", keptRecord.serviceGapMs);
        qInfo("FIGURE outage-service-gap-silent-ms=%lld", closedRecord.serviceGapMs);
        // The instances without probes have no verdict.
        for (const MoveRecord& record : run.records) {
            if (record.move.uuid != keptUuid && record.move.uuid != closedUuid) {
                QCOMPARE(record.serviceBefore, ServiceAnswer::None);
                QCOMPARE(record.serviceAfter, ServiceAnswer::None);
            }
        }
        QVERIFY2(
            messages.contains(
                QStringLiteral("%1: service did not answer after the move (no answer for %2 s)")
                    .arg(closedName, QString::number(double(closedRecord.serviceGapMs) / 1000.0, 'f', 1))),
            qPrintable(messages.join(u'\n')));

        // The state file has them; so does the report.
        const Result<OutageState> state = world->store->load(Myodaiji);
        QVERIFY(state.ok());
        QCOMPARE(state->evacuation.records, run.records);
        const QList<MoveRecord> silent = state->silentAfterEvacuation();
        QCOMPARE(silent.size(), 1);
        QCOMPARE(silent.first().move.name, closedName);
        const OutageReport report = OutageReport::fromRun(run, QStringLiteral("Myodaiji"));
        QCOMPARE(report.serviceSilent, 1);
        QVERIFY(report.toTextLines().join(u'\n').contains(
            QStringLiteral("service did not answer after the move")));
        QCOMPARE(world->cloud.nodeOf(closedUuid), closedRecord.move.toNode);
    }

    void aServiceVerdictThatNeverComesIsNotAwaitedForever()
    {
        // A prober that does not follow the migration queue never measures the move: the run does
        // not wait for a verdict it cannot get.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const QString name = QStringLiteral("myodaiji-01-vm02");
        ServiceProbe probe;
        probe.kind = QStringLiteral("tcp");
        probe.host = QStringLiteral("127.0.0.1");
        probe.port = server.serverPort();
        probe.intervalMs = 1000;
        const auto world = makeFakeWorld([&](Inventory& inventory) {
            inventory.instances.append(InstanceConfig{name, {}, 0, {}, {probe}});
        });
        ServiceProber prober;
        OutageExecution* execution = world->evacuation->execution();
        execution->setServiceProber(&prober);
        OutagePlan plan = placedPlan(*world, everyMoveAtOnce());
        verifyPlacements(*world, plan);
        if (QTest::currentTestFailed())
            return;
        const QString uuid = uuidOf(*world->cluster, name);
        prober.setTargets({ProbeTarget{uuid, name, world->defined.value(uuid), Myodaiji, {probe}}});
        QTRY_COMPARE_WITH_TIMEOUT(prober.summary(uuid).state, ProbeState::Up, 10000);
        QSignalSpy finished(execution, &OutageExecution::runFinished);
        QVERIFY(world->evacuation->start(plan).ok());
        QVERIFY(QTest::qWaitFor([&] { return startedJobs(world->jobs) == int(plan.moves.size()); }, 10000));
        QVERIFY(!prober.isMoving(uuid));
        for (const quint64 id : world->jobs.madeIds())
            QVERIFY(finishJob(world->jobs, id));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        const OutageRun run = finished.at(0).at(0).value<OutageRun>();
        QCOMPARE(run.state, RunState::Completed);
        const MoveRecord& record = run.records.at(run.indexOf(uuid));
        QCOMPARE(record.serviceBefore, ServiceAnswer::Answered);
        QCOMPARE(record.serviceAfter, ServiceAnswer::None);
    }

    void returnBringsEveryInstanceToItsHomeNode()
    {
        const auto world = makeFakeWorld();
        const OutagePlan plan = placedPlan(*world, OutageLimits{});
        verifyPlacements(*world, plan);
        if (QTest::currentTestFailed())
            return;
        QSignalSpy finished(world->evacuation->execution(), &OutageExecution::runFinished);
        QVERIFY(world->evacuation->start(plan).ok());
        QVERIFY(drive(world->jobs, [&] { return finished.size() == 1; }));
        QCOMPARE(finished.at(0).at(0).value<OutageRun>().state, RunState::Completed);
        for (const PlannedMove& move : plan.moves)
            QTRY_COMPARE_WITH_TIMEOUT(world->cluster->locationsOf(move.uuid), QStringList{move.toNode}, 5000);

        const Result<OutagePlan> back = world->evacuation->planReturn(Myodaiji);
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().toString()));
        QCOMPARE(back->direction, OutageDirection::Return);
        QCOMPARE(back->moves.size(), plan.moves.size());
        for (const PlannedMove& move : back->moves)
            QCOMPARE(move.toNode, world->defined.value(move.uuid));
        QVERIFY(world->evacuation->start(*back).ok());
        QVERIFY(!world->cluster->maintenanceSites().contains(Myodaiji));
        QVERIFY(drive(world->jobs, [&] { return finished.size() == 2; }));
        const OutageRun run = finished.at(1).at(0).value<OutageRun>();
        QCOMPARE(run.state, RunState::Completed);
        QCOMPARE(run.count(MoveStatus::Done), int(back->moves.size()));
        const Result<OutageState> state = world->store->load(Myodaiji);
        QVERIFY(state.ok());
        QCOMPARE(state->phase, OutagePhase::Ended);

        // Every instance is on the very node the test put it on.
        QCOMPARE(world->cloud.moveCount(), 2 * int(plan.moves.size()));
        for (auto it = world->defined.cbegin(); it != world->defined.cend(); ++it) {
            QCOMPARE(world->cloud.nodeOf(it.key()), it.value());
            QTRY_COMPARE_WITH_TIMEOUT(world->cluster->locationsOf(it.key()), QStringList{it.value()}, 5000);
        }
    }

    void stopAndAskRetryTriesTheMoveAgain()
    {
        const auto world = makeFakeWorld();
        OutagePlan plan;
        stopAtFirstFailure(*world, plan);
        if (QTest::currentTestFailed())
            return;
        const QString uuid = plan.moves.at(0).uuid;
        QSignalSpy finished(world->evacuation->execution(), &OutageExecution::runFinished);
        world->jobs.setScript(uuid, FakeMigrationScript{});
        world->evacuation->execution()->resolveFailure(FailureDecision::Retry);
        QCOMPARE(world->evacuation->execution()->waitingDecision(), -1);
        QVERIFY(drive(world->jobs, [&] { return finished.size() == 1; }));
        const OutageRun run = finished.at(0).at(0).value<OutageRun>();
        QCOMPARE(run.state, RunState::Completed);
        QCOMPARE(run.count(MoveStatus::Done), int(plan.moves.size()));
        QCOMPARE(run.records.at(0).attempts, 2);
        QCOMPARE(jobsFor(world->jobs, uuid).size(), 2);
        QCOMPARE(world->cloud.nodeOf(uuid), plan.moves.at(0).toNode);
    }

    void stopAndAskSkipLeavesTheInstanceAndGoesOn()
    {
        const auto world = makeFakeWorld();
        OutagePlan plan;
        stopAtFirstFailure(*world, plan);
        if (QTest::currentTestFailed())
            return;
        const QString uuid = plan.moves.at(0).uuid;
        QSignalSpy finished(world->evacuation->execution(), &OutageExecution::runFinished);
        world->evacuation->execution()->resolveFailure(FailureDecision::Skip);
        QVERIFY(drive(world->jobs, [&] { return finished.size() == 1; }));
        const OutageRun run = finished.at(0).at(0).value<OutageRun>();
        QCOMPARE(run.state, RunState::Completed);
        QCOMPARE(run.records.at(0).status, MoveStatus::Skipped);
        QCOMPARE(run.count(MoveStatus::Done), int(plan.moves.size()) - 1);
        QCOMPARE(jobsFor(world->jobs, uuid).size(), 1);
        QCOMPARE(world->cloud.nodeOf(uuid), plan.moves.at(0).fromNode);
        QCOMPARE(world->cloud.moveCount(), int(plan.moves.size()) - 1);
    }

    void stopAndAskStopKeepsTheRunStoppedUntilResumed()
    {
        const auto world = makeFakeWorld();
        OutagePlan plan;
        stopAtFirstFailure(*world, plan);
        if (QTest::currentTestFailed())
            return;
        OutageExecution* execution = world->evacuation->execution();
        QSignalSpy finished(execution, &OutageExecution::runFinished);
        execution->resolveFailure(FailureDecision::Stop);
        QCoreApplication::processEvents(); // whatever the answer scheduled
        QCOMPARE(execution->waitingDecision(), -1);
        QCOMPARE(execution->run()->state, RunState::Stopped);
        QCOMPARE(execution->run()->records.at(0).status, MoveStatus::Failed);
        QCOMPARE(execution->run()->count(MoveStatus::Pending), int(plan.moves.size()) - 1);
        QCOMPARE(world->jobs.count(), 1);
        QCOMPARE(finished.size(), 0); // the stop was announced when the failed move ended
        QVERIFY(execution->isActive());
        QCOMPARE(world->evacuation->unfinished().size(), 1);

        // Resuming continues with every move not done, the failed one too.
        world->jobs.setScript(plan.moves.at(0).uuid, FakeMigrationScript{});
        execution->resume();
        QVERIFY(drive(world->jobs, [&] { return finished.size() == 1; }));
        const OutageRun run = finished.at(0).at(0).value<OutageRun>();
        QCOMPARE(run.state, RunState::Completed);
        QCOMPARE(run.count(MoveStatus::Done), int(plan.moves.size()));
    }

    void retryPolicyStopsAfterTheAttemptLimit()
    {
        const auto world = makeFakeWorld();
        OutageLimits one;
        one.parallel = 1;
        const OutagePlan plan = placedPlan(*world, one);
        verifyPlacements(*world, plan);
        if (QTest::currentTestFailed())
            return;
        const QString uuid = plan.moves.at(0).uuid;
        world->jobs.setScript(uuid, failing());
        OutageExecution* execution = world->evacuation->execution();
        execution->setFailurePolicy(FailurePolicy::Retry);
        QSignalSpy failed(execution, &OutageExecution::moveFailed);
        QSignalSpy finished(execution, &OutageExecution::runFinished);
        QVERIFY(world->evacuation->start(plan).ok());
        QVERIFY(drive(world->jobs, [&] { return finished.size() == 1; }));
        const OutageRun run = finished.at(0).at(0).value<OutageRun>();
        QCOMPARE(run.state, RunState::Stopped);
        QCOMPARE(run.records.at(0).status, MoveStatus::Failed);
        QCOMPARE(run.records.at(0).attempts, MaxMoveAttempts);
        QCOMPARE(jobsFor(world->jobs, uuid).size(), MaxMoveAttempts);
        QCOMPARE(world->jobs.count(), MaxMoveAttempts); // the one move, again and again, then no more
        // Past the limit it asks, as StopAndAsk does.
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).toInt(), 0);
        QCOMPARE(execution->waitingDecision(), 0);
    }

    void skipPolicyGoesOnPastFailedJobs()
    {
        const auto world = makeFakeWorld();
        world->jobs.setScript(failing());
        const OutagePlan plan = placedPlan(*world, OutageLimits{});
        verifyPlacements(*world, plan);
        if (QTest::currentTestFailed())
            return;
        QSignalSpy finished(world->evacuation->execution(), &OutageExecution::runFinished);
        QSignalSpy failed(world->evacuation->execution(), &OutageExecution::moveFailed);
        world->evacuation->execution()->setFailurePolicy(FailurePolicy::Skip);
        QVERIFY(world->evacuation->start(plan).ok());
        QVERIFY(drive(world->jobs, [&] { return finished.size() == 1; }));
        const OutageRun run = finished.at(0).at(0).value<OutageRun>();
        QCOMPARE(run.state, RunState::Completed);
        QCOMPARE(run.count(MoveStatus::Failed), int(plan.moves.size()));
        QCOMPARE(world->jobs.count(), int(plan.moves.size())); // every move tried once, none waited
        QCOMPARE(failed.size(), 0);
        verifyNothingToBringBack(*world);
    }

    void pauseLetsRunningMovesFinishAndResumeContinues()
    {
        const auto world = makeFakeWorld();
        const OutagePlan plan = placedPlan(*world, OutageLimits{});
        verifyPlacements(*world, plan);
        if (QTest::currentTestFailed())
            return;
        OutageExecution* execution = world->evacuation->execution();
        QSignalSpy finished(execution, &OutageExecution::runFinished);
        QVERIFY(world->evacuation->start(plan).ok());
        QTRY_COMPARE_WITH_TIMEOUT(startedJobs(world->jobs), OutageLimits::DefaultParallel, 5000);

        execution->pause();
        QCOMPARE(execution->run()->state, RunState::Paused);
        const QList<quint64> running = world->jobs.madeIds();
        for (const quint64 id : running)
            QVERIFY(finishJob(world->jobs, id));
        QTRY_COMPARE_WITH_TIMEOUT(execution->run()->count(MoveStatus::Done), int(running.size()), 5000);
        QCoreApplication::processEvents();                  // whatever the ends scheduled
        QCOMPARE(world->jobs.count(), int(running.size())); // none started
        QCOMPARE(execution->run()->count(MoveStatus::Pending), int(plan.moves.size() - running.size()));
        QCOMPARE(execution->run()->state, RunState::Paused);
        QCOMPARE(finished.size(), 0);
        const Result<OutageState> paused = world->store->load(Myodaiji);
        QVERIFY(paused.ok());
        QCOMPARE(paused->evacuation.state, RunState::Paused);

        execution->resume();
        QVERIFY(drive(world->jobs, [&] { return finished.size() == 1; }));
        const OutageRun run = finished.at(0).at(0).value<OutageRun>();
        QCOMPARE(run.state, RunState::Completed);
        QCOMPARE(run.count(MoveStatus::Done), int(plan.moves.size()));
        QCOMPARE(world->jobs.count(), int(plan.moves.size()));
    }

    void abortAllCancelsRunningMovesAndLeavesAResumableRun()
    {
        const auto world = makeFakeWorld();
        const OutagePlan plan = placedPlan(*world, OutageLimits{});
        verifyPlacements(*world, plan);
        if (QTest::currentTestFailed())
            return;
        OutageExecution* execution = world->evacuation->execution();
        QSignalSpy finished(execution, &OutageExecution::runFinished);
        QVERIFY(world->evacuation->start(plan).ok());
        QTRY_COMPARE_WITH_TIMEOUT(startedJobs(world->jobs), OutageLimits::DefaultParallel, 5000);

        execution->abortAll();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
        const OutageRun run = finished.at(0).at(0).value<OutageRun>();
        QCOMPARE(run.state, RunState::Stopped);
        QCOMPARE(run.count(MoveStatus::Cancelled), OutageLimits::DefaultParallel);
        QCOMPARE(run.count(MoveStatus::Pending), int(plan.moves.size()) - OutageLimits::DefaultParallel);
        QCOMPARE(run.count(MoveStatus::Running), 0);
        QCOMPARE(world->jobs.count(), OutageLimits::DefaultParallel);
        for (const quint64 id : world->jobs.madeIds()) {
            const FakeMigrationJobRecord record = world->jobs.record(id);
            QVERIFY(record.cancelCalls >= 1);
            QCOMPARE(record.outcome, MigrationPhase::Cancelled);
        }
        // The instances stay where they are; the run can be resumed.
        QCOMPARE(world->cloud.moveCount(), 0);
        for (const PlannedMove& move : plan.moves)
            QCOMPARE(world->cloud.nodeOf(move.uuid), move.fromNode);
        QVERIFY(execution->isActive());
        QCOMPARE(world->evacuation->unfinished().size(), 1);
        const Result<OutageState> stopped = world->store->load(Myodaiji);
        QVERIFY(stopped.ok());
        QCOMPARE(stopped->evacuation.state, RunState::Stopped);

        execution->resume();
        QVERIFY(drive(world->jobs, [&] { return finished.size() == 2; }));
        const OutageRun resumed = finished.at(1).at(0).value<OutageRun>();
        QCOMPARE(resumed.state, RunState::Completed);
        QCOMPARE(resumed.count(MoveStatus::Done), int(plan.moves.size()));
    }

    void aStoppedRunLetsItsCampusGo()
    {
        const auto world = makeFakeWorld();
        const OutagePlan plan = placedPlan(*world, OutageLimits{});
        verifyPlacements(*world, plan);
        if (QTest::currentTestFailed())
            return;
        OutageExecution* execution = world->evacuation->execution();
        QSignalSpy finished(execution, &OutageExecution::runFinished);
        QSignalSpy messages(execution, &OutageExecution::message);
        QVERIFY(world->evacuation->start(plan).ok());
        QTRY_COMPARE_WITH_TIMEOUT(startedJobs(world->jobs), OutageLimits::DefaultParallel, 5000);
        // While it runs, the campus is this store's: nobody else takes it.
        OutageStore other(world->stateDir());
        QVERIFY(world->store->holdsLock(Myodaiji));
        QVERIFY(!other.lock(Myodaiji).ok());

        // Stopped (the moves cancelled): the campus is free for another console or a headless run.
        execution->abortAll();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
        QCOMPARE(execution->run()->state, RunState::Stopped);
        QVERIFY(!world->store->holdsLock(Myodaiji));
        QVERIFY(!world->store->lockOwner(Myodaiji).has_value());
        const Result<void> taken = other.lock(Myodaiji);
        QVERIFY2(taken.ok(), taken.ok() ? "" : qPrintable(taken.error().toString()));

        // Resuming here while the other holds it is refused, naming it; nothing changes.
        messages.clear();
        execution->resume();
        QCOMPARE(execution->run()->state, RunState::Stopped);
        QVERIFY(!execution->isReconciling());
        QVERIFY(!world->store->holdsLock(Myodaiji));
        QCOMPARE(messages.size(), 1);
        const QString refusal = messages.at(0).at(0).toString();
        QVERIFY2(refusal.contains(QString::number(QCoreApplication::applicationPid())), qPrintable(refusal));
        QCOMPARE(world->jobs.count(), OutageLimits::DefaultParallel);

        // The other moved the run on meanwhile (one move done there): resuming takes the campus
        // again and continues from the state file, not from what this console last knew.
        const Result<OutageState> onDisk = other.load(Myodaiji);
        QVERIFY(onDisk.ok());
        OutageState moved = onDisk.value();
        const QString elsewhere = moved.evacuation.records.at(0).move.uuid;
        moved.evacuation.records[0].status = MoveStatus::Done;
        QVERIFY(other.save(moved).ok());
        other.unlock(Myodaiji);
        execution->resume();
        QVERIFY(world->store->holdsLock(Myodaiji));
        QVERIFY(drive(world->jobs, [&] { return finished.size() == 2; }));
        const OutageRun resumed = finished.at(1).at(0).value<OutageRun>();
        QCOMPARE(resumed.state, RunState::Completed);
        QCOMPARE(resumed.count(MoveStatus::Done), int(plan.moves.size()));
        // The move the other recorded as done was not made again here.
        for (const quint64 id : world->jobs.madeIds())
            QVERIFY(world->jobs.record(id).request.uuid != elsewhere ||
                    world->jobs.record(id).outcome == MigrationPhase::Cancelled);
        QCOMPARE(world->cloud.moveCount(), int(plan.moves.size()) - 1);
        // Completed: the campus has no owner until the next run.
        QVERIFY(!world->store->holdsLock(Myodaiji));
    }

    void aStoreWriteFailureBeforeAMoveStopsTheRun()
    {
        const auto world = makeFakeWorld();
        const OutagePlan plan = placedPlan(*world, OutageLimits{});
        verifyPlacements(*world, plan);
        if (QTest::currentTestFailed())
            return;
        OutageExecution* execution = world->evacuation->execution();
        QSignalSpy storeFailed(execution, &OutageExecution::storeFailed);
        QSignalSpy queued(world->migrations.get(), &MigrationController::migrationQueued);
        QVERIFY(world->evacuation->start(plan).ok());
        // The first move starts at the next turn of the event loop: the store fails before it.
        QVERIFY(breakStore(world->stateDir()));
        QTRY_VERIFY_WITH_TIMEOUT(!storeFailed.isEmpty(), 5000);
        QCoreApplication::processEvents();
        QCOMPARE(execution->run()->state, RunState::Stopped);
        QCOMPARE(execution->run()->count(MoveStatus::Pending), int(plan.moves.size()));
        QCOMPARE(world->jobs.count(), 0);
        QCOMPARE(queued.size(), 0);
    }

    void aStoreWriteFailureAfterAMoveStopsTheRun()
    {
        const auto world = makeFakeWorld();
        OutageLimits one;
        one.parallel = 1;
        const OutagePlan plan = placedPlan(*world, one);
        verifyPlacements(*world, plan);
        if (QTest::currentTestFailed())
            return;
        OutageExecution* execution = world->evacuation->execution();
        QSignalSpy storeFailed(execution, &OutageExecution::storeFailed);
        QVERIFY(world->evacuation->start(plan).ok());
        QTRY_COMPARE_WITH_TIMEOUT(startedJobs(world->jobs), 1, 5000);
        QVERIFY(breakStore(world->stateDir()));
        QVERIFY(finishJob(world->jobs, world->jobs.madeIds().at(0)));
        QTRY_VERIFY_WITH_TIMEOUT(!storeFailed.isEmpty(), 5000);
        QCoreApplication::processEvents();
        QCOMPARE(execution->run()->state, RunState::Stopped);
        QCOMPARE(world->jobs.count(), 1); // nothing else moves without a durable record
        QCOMPARE(execution->run()->count(MoveStatus::Pending), int(plan.moves.size()) - 1);
    }

    void limitsAreRespected_data()
    {
        QTest::addColumn<int>("parallel");
        QTest::addColumn<int>("perLink");
        QTest::addColumn<int>("most");
        QTest::newRow("two at once") << 2 << 4 << 2;
        QTest::newRow("one at once") << 1 << 4 << 1;
        QTest::newRow("three at once, one per pair of sites") << 3 << 1 << 1;
    }

    void limitsAreRespected()
    {
        QFETCH(int, parallel);
        QFETCH(int, perLink);
        QFETCH(int, most);
        const auto world = makeFakeWorld();
        OutageLimits limits;
        limits.parallel = parallel;
        limits.perLink = perLink;
        const OutagePlan plan = placedPlan(*world, limits);
        verifyPlacements(*world, plan);
        if (QTest::currentTestFailed())
            return;
        OutageExecution* execution = world->evacuation->execution();
        QSignalSpy finished(execution, &OutageExecution::runFinished);
        int mostRecords = 0;
        connect(execution, &OutageExecution::moveChanged, this,
                [&] { mostRecords = std::max(mostRecords, execution->run()->count(MoveStatus::Running)); });
        int mostJobs = 0;
        QVERIFY(world->evacuation->start(plan).ok());
        QVERIFY(drive(world->jobs, [&] {
            mostJobs =
                std::max({mostJobs, runningJobs(world->jobs), world->migrations->queue()->runningCount()});
            return finished.size() == 1;
        }));
        QCOMPARE(finished.at(0).at(0).value<OutageRun>().state, RunState::Completed);
        QCOMPARE(mostRecords, most);
        QVERIFY2(mostJobs <= most, qPrintable(QString::number(mostJobs)));
        QCOMPARE(world->jobs.count(), int(plan.moves.size()));
    }
};

QTEST_GUILESS_MAIN(TestEvacuation)
#include "tst_evacuation.moc"

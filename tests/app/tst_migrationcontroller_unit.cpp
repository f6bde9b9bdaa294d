// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MigrationController refusals without daemons, on a FakeCloud (the cluster state, the controller
// and the queue are the real ones; the node sessions and the jobs are fake): a second move of an
// instance with a queued or running job is refused, and a refused move (a refused transport too)
// never reaches a node nor makes a job; an accepted move carries the transport the inventory gives. Moves on
// real daemons: tst_migrationcontroller (lab).
#include <chrono>
#include <memory>
#include <thread>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "app/access/journal.h"
#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "support/fakecloud.h"
#include "support/fakemigrationjob.h"

using namespace kumo;

namespace {

constexpr quint64 GiBInKiB = 1024 * 1024;

} // namespace

class TestMigrationControllerUnit : public QObject
{
    Q_OBJECT

private:
    // mail and another instance on myodaiji-01, calc02 on yamate-01; every node with room.
    struct World
    {
        QTemporaryDir dir;
        FakeCloud cloud;
        FakeMigrationJobFactory jobs; // outlives the queue
        QString mail;
        QString other;
        QString calc;
        std::unique_ptr<ClusterController> cluster;
        std::unique_ptr<MigrationController> controller;
    };

    // edit: changes the inventory before the cluster gets it.
    static std::unique_ptr<World> makeWorld(const std::function<void(Inventory&)>& edit = {})
    {
        auto world = std::make_unique<World>();
        FakeCloud& cloud = world->cloud;
        for (const QString& site : {QStringLiteral("myodaiji"), QStringLiteral("yamate")}) {
            cloud.addSite(site);
            cloud.addNode(site, site + QStringLiteral("-01"), 16, 64 * GiBInKiB);
            cloud.addNode(site, site + QStringLiteral("-02"), 16, 64 * GiBInKiB);
        }
        world->mail =
            cloud.addInstance(QStringLiteral("myodaiji-01"), QStringLiteral("mail"), 2, 4 * GiBInKiB);
        world->other =
            cloud.addInstance(QStringLiteral("myodaiji-01"), QStringLiteral("web"), 2, 4 * GiBInKiB);
        world->calc =
            cloud.addInstance(QStringLiteral("yamate-01"), QStringLiteral("calc02"), 2, 4 * GiBInKiB);
        Inventory inventory = cloud.inventory();
        if (edit)
            edit(inventory);
        world->cluster = std::make_unique<ClusterController>(cloud.sessionFactory());
        world->cluster->setInventory(inventory);
        world->controller = std::make_unique<MigrationController>(
            world->cluster.get(), world->dir.filePath(QStringLiteral("journal.jsonl")),
            cloud.jobFactory(&world->jobs));
        return world;
    }

    static bool connected(const World& world)
    {
        return QTest::qWaitFor(
            [&] { return world.cluster->connectedNodeCount() == 4 && world.cluster->instanceCount() == 3; },
            5000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("kumo-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_migrationcontrollerunit"));
        QSettings().clear();
    }

    void aSecondMoveOfTheSameInstanceIsRefused()
    {
        const auto world = makeWorld();
        QVERIFY(connected(*world));
        MigrationController& controller = *world->controller;
        // One job at a time: the second instance's job waits in the queue.
        controller.queue()->setLimits(1, 1);
        QSignalSpy queued(&controller, &MigrationController::migrationQueued);
        QSignalSpy refused(&controller, &MigrationController::migrationRefused);
        QSignalSpy finished(controller.queue(), &MigrationQueue::jobFinished);

        controller.migrate(world->calc, QStringLiteral("myodaiji-02"), controller.defaultOptions(),
                           QStringLiteral("CHG-77"));
        QTRY_COMPARE_WITH_TIMEOUT(queued.size(), 1, 5000);
        const quint64 running = queued.at(0).at(0).toULongLong();
        // The reason given travels with the request to the job and the journal.
        QCOMPARE(queued.at(0).at(1).value<MigrationRequest>().reason, QStringLiteral("CHG-77"));
        QVERIFY(controller.queue()->hasJobFor(world->calc));
        // The request carries the instance's memory: the queue counts it towards the destination.
        const MigrationRequest request = queued.at(0).at(1).value<MigrationRequest>();
        QVERIFY(request.memoryKiB > 0);
        QCOMPARE(controller.queue()->incomingMemoryKiB(QStringLiteral("myodaiji-02")), request.memoryKiB);
        QTRY_VERIFY_WITH_TIMEOUT(world->jobs.record(running).started, 5000);

        controller.migrate(world->mail, QStringLiteral("yamate-02"), controller.defaultOptions());
        QTRY_COMPARE_WITH_TIMEOUT(queued.size(), 2, 5000);
        const quint64 waiting = queued.at(1).at(0).toULongLong();
        QVERIFY(controller.queue()->isRunning(running));
        QVERIFY(!controller.queue()->isRunning(waiting));
        QVERIFY(controller.queue()->hasJobFor(world->mail));

        // A second move of the running one and of the queued one: both refused, neither makes a job.
        const struct
        {
            QString uuid;
            QString node;
        } seconds[] = {
            {world->calc, QStringLiteral("yamate-02")},
            {world->mail, QStringLiteral("yamate-01")},
        };
        for (const auto& second : seconds) {
            const int jobsBefore = world->jobs.count();
            const quint64 id = controller.migrate(second.uuid, second.node, controller.defaultOptions());
            QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 5000);
            const QList<QVariant> args = refused.takeFirst();
            QCOMPARE(args.at(0).toULongLong(), id);
            QCOMPARE(args.at(1).toString(), second.uuid);
            const PreflightResult result = args.at(3).value<PreflightResult>();
            QVERIFY(result.check(QStringLiteral("state")));
            QCOMPARE(result.check(QStringLiteral("state"))->severity, CheckSeverity::Refused);
            QVERIFY(
                result.check(QStringLiteral("state"))->message.contains(QStringLiteral("already moving")));
            QVERIFY(!world->jobs.made(id));
            QCOMPARE(world->jobs.count(), jobsBefore);
        }
        QCOMPARE(queued.size(), 2);
        QCOMPARE(controller.queue()->jobs().size(), 2);

        controller.queue()->cancel(waiting);
        controller.queue()->cancel(running);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 5000);
        QCOMPARE(world->cloud.moveCount(), 0);
        QCOMPARE(world->cloud.nodeOf(world->calc), QStringLiteral("yamate-01"));
        QCOMPARE(world->cloud.nodeOf(world->mail), QStringLiteral("myodaiji-01"));
    }

    void refusalsNeverReachTheNodes()
    {
        // yamate-02 in maintenance, yamate-01 keeping (much) more memory than the machine has.
        const auto world = makeWorld([](Inventory& inventory) {
            for (NodeConfig& node : inventory.nodes) {
                if (node.name == QStringLiteral("yamate-02"))
                    node.maintenance = true;
                if (node.name == QStringLiteral("yamate-01"))
                    node.memoryReserveMiB = 1024 * 1024 * 1024;
            }
        });
        QVERIFY(connected(*world));
        MigrationController& controller = *world->controller;
        QSignalSpy refused(&controller, &MigrationController::migrationRefused);
        QSignalSpy queued(&controller, &MigrationController::migrationQueued);
        QSignalSpy jobQueued(controller.queue(), &MigrationQueue::jobQueued);
        QSignalSpy guestFacts(world->cluster.get(), &ClusterController::guestFactsReady);

        const QString mail = world->mail;
        const struct
        {
            const char* node;
            const char* check;
            const char* words;
        } cases[] = {
            {"yamate-02", "maintenance", "maintenance"},
            {"yamate-01", "memory", "after reserving"},
            {"myodaiji-01", "same-node", "already runs on myodaiji-01"},
        };
        for (const auto& c : cases) {
            const QString node = QString::fromLatin1(c.node);
            const quint64 id = controller.migrate(mail, node, controller.defaultOptions());
            QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 5000);
            const QList<QVariant> args = refused.takeFirst();
            QCOMPARE(args.at(0).toULongLong(), id);
            QCOMPARE(args.at(1).toString(), mail);
            QCOMPARE(args.at(2).toString(), node);
            const PreflightResult result = args.at(3).value<PreflightResult>();
            QCOMPARE(result.verdict(), CheckSeverity::Refused);
            const PreflightCheck* check = result.check(QString::fromLatin1(c.check));
            QVERIFY2(check, c.check);
            QCOMPARE(check->severity, CheckSeverity::Refused);
            QVERIFY2(check->message.contains(QString::fromLatin1(c.words)), qPrintable(check->message));
        }
        // The transport the pre-flight refuses: plain on a network the inventory does not trust,
        // TLS without certificates, post-copy through a tunnel (what Automatic resolves to here).
        MigrationOptions plain = controller.defaultOptions();
        plain.transport = MigrationTransport::Plain;
        MigrationOptions tls = controller.defaultOptions();
        tls.transport = MigrationTransport::Tls;
        MigrationOptions postCopy = controller.defaultOptions();
        postCopy.allowPostCopy = true;
        const struct
        {
            MigrationOptions options;
            const char* words;
        } transports[] = {
            {plain, "trusted_migration_network = true"},
            {tls, "migration_tls = true"},
            {postCopy, "Post-copy does not combine with a tunnelled migration."},
        };
        for (const auto& c : transports) {
            const QString node = QStringLiteral("myodaiji-02");
            const quint64 id = controller.migrate(mail, node, c.options);
            QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 5000);
            const QList<QVariant> args = refused.takeFirst();
            QCOMPARE(args.at(0).toULongLong(), id);
            const PreflightResult result = args.at(3).value<PreflightResult>();
            QCOMPARE(result.verdict(), CheckSeverity::Refused);
            const PreflightCheck* check = result.check(QStringLiteral("transport"));
            QVERIFY(check);
            QCOMPARE(check->severity, CheckSeverity::Refused);
            QVERIFY2(check->message.contains(QString::fromLatin1(c.words)), qPrintable(check->message));
        }
        // Nothing was sent anywhere. A request of our own to mail's node comes back after anything
        // the refusals could have asked of it (one thread per node, in order).
        world->cluster->requestGuestFacts(world->other);
        QTRY_COMPARE_WITH_TIMEOUT(guestFacts.size(), 1, 5000);
        QCOMPARE(world->cloud.guestFactsAsked(mail), 0);
        QCOMPARE(queued.size(), 0);
        QCOMPARE(jobQueued.size(), 0);
        QVERIFY(controller.queue()->jobs().isEmpty());
        QCOMPARE(world->jobs.count(), 0);
        QCOMPARE(world->cloud.nodeOf(mail), QStringLiteral("myodaiji-01"));
        QCOMPARE(world->cloud.stateOf(mail), InstanceState::Running);
        QCOMPARE(world->cluster->locationsOf(mail), QStringList{QStringLiteral("myodaiji-01")});
        QVERIFY(controller.journal()->readAll().isEmpty());
    }

    void acceptedMovesCarryTheResolvedTransport()
    {
        // myodaiji trusts its migration network; yamate-01 has TLS certificates, and so does
        // myodaiji-02 (the fake nodes' connections count as encrypted).
        const auto world = makeWorld([](Inventory& inventory) {
            for (Site& site : inventory.sites)
                site.trustedMigrationNetwork = site.id == QStringLiteral("myodaiji");
            for (NodeConfig& node : inventory.nodes)
                node.migrationTls =
                    node.name == QStringLiteral("yamate-01") || node.name == QStringLiteral("myodaiji-02");
        });
        QVERIFY(connected(*world));
        MigrationController& controller = *world->controller;
        QSignalSpy queued(&controller, &MigrationController::migrationQueued);
        QSignalSpy refused(&controller, &MigrationController::migrationRefused);
        const struct
        {
            QString uuid;
            const char* to;
            MigrationTransport transport;
        } moves[] = {
            {world->mail, "myodaiji-02", MigrationTransport::Plain},    // both ends trusted
            {world->other, "yamate-02", MigrationTransport::Tunnelled}, // yamate is not trusted
            {world->calc, "myodaiji-02", MigrationTransport::Tls},      // both have certificates
        };
        for (const auto& move : moves)
            controller.migrate(move.uuid, QString::fromLatin1(move.to), controller.defaultOptions());
        QTRY_COMPARE_WITH_TIMEOUT(queued.size() + refused.size(), 3, 5000);
        QCOMPARE(refused.size(), 0);
        for (int i = 0; i < 3; ++i) {
            const MigrationRequest request = queued.at(i).at(1).value<MigrationRequest>();
            QCOMPARE(request.uuid, moves[i].uuid);
            QCOMPARE(request.transport, moves[i].transport);
        }
        // The quick check names the same path before anything is asked.
        const PreflightResult quick =
            controller.quickCheck(world->calc, QStringLiteral("myodaiji-01"), controller.defaultOptions());
        const PreflightCheck* check = quick.check(QStringLiteral("transport"));
        QVERIFY(check);
        QCOMPARE(check->message, QStringLiteral("Transport: tunnelled through the node connection."));
    }

    void readOnlyRefusesEveryMove()
    {
        // yamate-02 is read_only in the inventory: no move may touch it, as source or destination.
        const auto world = makeWorld([](Inventory& inventory) {
            for (NodeConfig& node : inventory.nodes) {
                if (node.name == QStringLiteral("yamate-02"))
                    node.readOnly = true;
            }
        });
        QVERIFY(connected(*world));
        MigrationController& controller = *world->controller;
        QSignalSpy refused(&controller, &MigrationController::migrationRefused);
        QSignalSpy queued(&controller, &MigrationController::migrationQueued);

        const auto refusal = [&](const QString& uuid, const QString& node) -> QString {
            const quint64 id = controller.migrate(uuid, node, controller.defaultOptions());
            if (!QTest::qWaitFor([&] { return refused.size() == 1; }, 5000))
                return QStringLiteral("not refused");
            const QList<QVariant> args = refused.takeFirst();
            if (args.at(0).toULongLong() != id)
                return QStringLiteral("another id");
            const PreflightResult result = args.at(3).value<PreflightResult>();
            const PreflightCheck* check = result.check(QStringLiteral("readonly"));
            return check && check->severity == CheckSeverity::Refused ? check->message
                                                                      : QStringLiteral("no check");
        };
        const QString toReadOnly = refusal(world->mail, QStringLiteral("yamate-02"));
        QVERIFY2(toReadOnly.contains(QStringLiteral("yamate-02")) &&
                     toReadOnly.contains(QStringLiteral("both")),
                 qPrintable(toReadOnly));
        // The quick check (what a drag shows) says the same before anything is asked.
        QCOMPARE(controller.quickCheck(world->mail, QStringLiteral("yamate-02")).verdict(),
                 CheckSeverity::Refused);
        QVERIFY(controller.quickCheck(world->mail, QStringLiteral("yamate-02"))
                    .check(QStringLiteral("readonly")));
        // A writable pair is not affected.
        QVERIFY(!controller.quickCheck(world->mail, QStringLiteral("yamate-01"))
                     .check(QStringLiteral("readonly")));

        // Read-only mode: every move is refused, whatever the nodes.
        world->cluster->setReadOnly(true);
        QVERIFY(connected(*world));
        const QString console = refusal(world->mail, QStringLiteral("yamate-01"));
        QVERIFY2(console.contains(QStringLiteral("read-only mode")), qPrintable(console));
        QCOMPARE(queued.size(), 0);
        QCOMPARE(world->jobs.count(), 0);
        QCOMPARE(world->cloud.nodeOf(world->mail), QStringLiteral("myodaiji-01"));
        QVERIFY(controller.journal()->readAll().isEmpty());
    }

    void aFailedJournalWriteIsAnnounced()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // A regular file where the journal's directory should be.
        const QString blocker = dir.filePath(QStringLiteral("blocker"));
        {
            QFile file(blocker);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        ClusterController cluster(
            ClusterController::SessionFactory([](const NodeConfig&) -> NodeSession* { return nullptr; }));
        MigrationController controller(&cluster, blocker + QStringLiteral("/journal.jsonl"));
        QSignalSpy failed(&controller, &MigrationController::journalFailed);
        QVERIFY(!controller.record(QJsonObject{{QStringLiteral("action"), QStringLiteral("test")}}).ok());
        QCOMPARE(failed.size(), 1);
        QCOMPARE(controller.journalFailures(), 1);
        QVERIFY(!controller.record(QJsonObject{{QStringLiteral("action"), QStringLiteral("test")}}).ok());
        QCOMPARE(controller.journalFailures(), 2);
        QCOMPARE(failed.at(0).at(0).value<Error>().code, ErrorCode::Io);

        MigrationController writable(&cluster, dir.filePath(QStringLiteral("journal.jsonl")));
        QSignalSpy quiet(&writable, &MigrationController::journalFailed);
        QVERIFY(writable.record(QJsonObject{{QStringLiteral("action"), QStringLiteral("test")}}).ok());
        QCOMPARE(quiet.size(), 0);
        QCOMPARE(writable.journalFailures(), 0);
    }

    void everyMoveIsOnRecordBeforeAndAfter()
    {
        const auto world = makeWorld();
        QVERIFY(connected(*world));
        MigrationController& controller = *world->controller;
        QSignalSpy queued(&controller, &MigrationController::migrationQueued);
        QSignalSpy finished(controller.queue(), &MigrationQueue::jobFinished);
        controller.migrate(world->calc, QStringLiteral("myodaiji-02"), controller.defaultOptions(),
                           QStringLiteral("CHG-12"));
        QTRY_COMPARE_WITH_TIMEOUT(queued.size(), 1, 5000);
        const quint64 id = queued.at(0).at(0).toULongLong();
        QTRY_VERIFY_WITH_TIMEOUT(world->jobs.record(id).started, 5000);

        // On record while the job has not ended: the console could die now and the journal
        // would still say the move began.
        QList<QJsonObject> entries = controller.journal()->readAll();
        QCOMPARE(entries.size(), 1);
        const QJsonObject start = entries.constFirst();
        QCOMPARE(start.value(QStringLiteral("action")).toString(), QStringLiteral("migrate-start"));
        QCOMPARE(quint64(start.value(QStringLiteral("job")).toInteger()), id);
        QCOMPARE(start.value(QStringLiteral("from")).toString(), QStringLiteral("yamate-01"));
        QCOMPARE(start.value(QStringLiteral("to")).toString(), QStringLiteral("myodaiji-02"));
        QCOMPARE(start.value(QStringLiteral("reason")).toString(), QStringLiteral("CHG-12"));
        QVERIFY(!start.contains(QStringLiteral("result")));

        QVERIFY(world->jobs.advance(id));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
        entries = controller.journal()->readAll();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(1).value(QStringLiteral("action")).toString(), QStringLiteral("migrate"));
        QCOMPARE(quint64(entries.at(1).value(QStringLiteral("job")).toInteger()), id);
        QCOMPARE(entries.at(1).value(QStringLiteral("result")).toString(), QStringLiteral("completed"));
    }

    void movesRunningAtExitAreOnRecord()
    {
        const auto world = makeWorld();
        QVERIFY(connected(*world));
        MigrationController& controller = *world->controller;
        controller.queue()->setLimits(2, 1);
        // calc ends when it is aborted; mail is stuck where an abort does not reach it; web waits
        // behind mail (one move per source node).
        FakeMigrationScript hang;
        hang.outcome = FakeMigrationScript::Outcome::Hang;
        world->jobs.setScript(world->calc, hang);
        FakeMigrationScript stuck;
        stuck.ignoresCancel = true;
        stuck.progressSteps = 3;
        world->jobs.setScript(world->mail, stuck);
        QSignalSpy queued(&controller, &MigrationController::migrationQueued);
        QHash<QString, quint64> ids;
        connect(&controller, &MigrationController::migrationQueued, this,
                [&ids](quint64 id, const MigrationRequest& request) { ids.insert(request.uuid, id); });
        controller.migrate(world->calc, QStringLiteral("myodaiji-02"), controller.defaultOptions());
        controller.migrate(world->mail, QStringLiteral("yamate-02"), controller.defaultOptions());
        controller.migrate(world->other, QStringLiteral("yamate-01"), controller.defaultOptions());
        QTRY_COMPARE_WITH_TIMEOUT(queued.size(), 3, 5000);
        const quint64 calcId = ids.value(world->calc);
        const quint64 mailId = ids.value(world->mail);
        const quint64 webId = ids.value(world->other);
        QTRY_VERIFY_WITH_TIMEOUT(world->jobs.record(calcId).started && world->jobs.record(mailId).started,
                                 5000);
        QVERIFY(!world->jobs.made(webId));
        QVERIFY(world->jobs.advance(mailId));
        QTRY_COMPARE_WITH_TIMEOUT(controller.queue()->progress(mailId).phase, MigrationPhase::Transferring,
                                  5000);
        const quint64 sentBeforeExit = controller.queue()->progress(mailId).dataProcessed;
        QVERIFY(sentBeforeExit > 0);

        // The stuck job ends by itself well after the controller stopped waiting for it, so that
        // the queue's own wait for its thread ends too.
        const QString path = controller.journal()->path();
        FakeMigrationJobFactory* jobs = &world->jobs;
        std::thread late([jobs, mailId] {
            std::this_thread::sleep_for(
                std::chrono::milliseconds(MigrationController::ExitResultWaitMs + 1500));
            for (int i = 0; i < 3; ++i)
                jobs->advance(mailId);
        });
        QElapsedTimer closing;
        closing.start();
        world->controller.reset();
        qInfo("FIGURE journal-exit-ms=%lld", closing.elapsed());
        late.join();

        const Journal::Contents contents = Journal(path).read();
        QCOMPARE(contents.tornLines, 0);
        QHash<quint64, QStringList> seen; // job -> "action/result" in journal order
        QHash<quint64, QJsonObject> last;
        for (const QJsonObject& entry : contents.entries) {
            const quint64 job = quint64(entry.value(QStringLiteral("job")).toInteger());
            seen[job].append(entry.value(QStringLiteral("action")).toString() + QLatin1Char('/') +
                             entry.value(QStringLiteral("result")).toString());
            last.insert(job, entry);
        }
        // Aborted at exit, its result came in time.
        QCOMPARE(seen.value(calcId),
                 (QStringList{QStringLiteral("migrate-start/"), QStringLiteral("migrate/cancelled")}));
        // Never started: cancelled, no start entry.
        QCOMPARE(seen.value(webId), QStringList{QStringLiteral("migrate/cancelled")});
        // No result before the console closed: recorded as unknown, with how far it had got.
        QCOMPARE(seen.value(mailId),
                 (QStringList{QStringLiteral("migrate-start/"), QStringLiteral("migrate/unknown")}));
        const QJsonObject unknown = last.value(mailId);
        QCOMPARE(unknown.value(QStringLiteral("last_phase")).toString(), QStringLiteral("transferring"));
        QCOMPARE(quint64(unknown.value(QStringLiteral("data_bytes")).toInteger()), sentBeforeExit);
        QVERIFY(unknown.value(QStringLiteral("error")).toString().contains(QStringLiteral("closed")));
        QCOMPARE(unknown.value(QStringLiteral("from")).toString(), QStringLiteral("myodaiji-01"));
        QCOMPARE(unknown.value(QStringLiteral("to")).toString(), QStringLiteral("yamate-02"));
    }
};

QTEST_GUILESS_MAIN(TestMigrationControllerUnit)
#include "tst_migrationcontroller_unit.moc"

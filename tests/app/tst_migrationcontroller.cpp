// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MigrationController on the demo lab: real daemons, real HostSessions through the
// ClusterController, real migrations. Refusals never reach libvirt's migrate call; jobs run one
// after another under a limit of one and all complete; several instances dropped together all
// move; a throttled job can be cancelled, or abandoned by closing, and the guest stays where it
// was; a second move of a moving instance is refused. Every finished migration lands in the
// journal under the id migrate() gave it. What needs no daemons (queue limits and order, the
// closing queue's cancel, remembered options) is tested with fake jobs in tst_migrationqueue.
#include <algorithm>

#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "app/access/journal.h"
#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "app/migration/migrationqueue.h"
#include "core/inventory.h"
#include "support/labfixture.h"

using namespace kumo;

namespace {

constexpr int MigrationTimeoutMs = 60000;

// The result entries of the journal (each move also has a "migrate-start" entry before it).
QList<QJsonObject> results(const QList<QJsonObject>& entries)
{
    QList<QJsonObject> found;
    for (const QJsonObject& entry : entries) {
        if (entry.value(QStringLiteral("action")).toString() == QLatin1String("migrate"))
            found.append(entry);
    }
    return found;
}

} // namespace

class TestMigrationController : public QObject
{
    Q_OBJECT

private:
    LabFixture m_lab{QStringLiteral("tst_migrationcontroller")};
    ClusterController* m_cluster = nullptr; // the fixture's

private Q_SLOTS:
    void initTestCase()
    {
        const Result<void> up = m_lab.setUp(LabFixture::Console::Cluster);
        QVERIFY2(up.ok(), up.ok() ? "" : qPrintable(up.error().toString()));
        m_cluster = m_lab.cluster();
        QCOMPARE(m_lab.nodeOf(QStringLiteral("mail")), QStringLiteral("myodaiji-01"));
    }

    void cleanupTestCase() { (void)m_lab.tearDown(); }

    void refusalsNeverReachLibvirt()
    {
        // yamate-02 in maintenance, yamate-01 keeping (much) more memory than the machine has.
        Inventory edited = m_lab.inventory();
        for (NodeConfig& node : edited.nodes) {
            if (node.name == QStringLiteral("yamate-02"))
                node.maintenance = true;
            if (node.name == QStringLiteral("yamate-01"))
                node.memoryReserveMiB = 1024 * 1024 * 1024;
        }
        m_cluster->setInventory(edited);
        const auto restore = qScopeGuard([&] { m_cluster->setInventory(m_lab.inventory()); });
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster->connectedNodeCount(), 4, 30000);

        QTemporaryDir dir;
        MigrationController controller(m_cluster, dir.filePath(QStringLiteral("journal.jsonl")));
        QSignalSpy refused(&controller, &MigrationController::migrationRefused);
        QSignalSpy queued(&controller, &MigrationController::migrationQueued);
        QSignalSpy jobQueued(controller.queue(), &MigrationQueue::jobQueued);
        QSignalSpy guestFacts(m_cluster, &ClusterController::guestFactsReady);

        const QString mail = m_lab.uuidOf(QStringLiteral("mail"));
        QVERIFY(!mail.isEmpty());
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
        // Nothing was sent anywhere: no facts asked, no job, the guest where it was.
        QTest::qWait(200);
        QCOMPARE(queued.size(), 0);
        QCOMPARE(jobQueued.size(), 0);
        QCOMPARE(guestFacts.size(), 0);
        QVERIFY(controller.queue()->jobs().isEmpty());
        QCOMPARE(m_lab.nodeOf(QStringLiteral("mail")), QStringLiteral("myodaiji-01"));
        QCOMPARE(m_lab.stateOn(QStringLiteral("myodaiji-01"), QStringLiteral("mail")),
                 QStringLiteral("running"));
        QVERIFY(m_lab.stateOn(QStringLiteral("yamate-01"), QStringLiteral("mail")).isEmpty());
        QVERIFY(m_lab.stateOn(QStringLiteral("yamate-02"), QStringLiteral("mail")).isEmpty());
        QVERIFY(controller.journal()->readAll().isEmpty());
    }

    void fullCheckUsesOneGuestFactsRequestPerInstance()
    {
        QTemporaryDir dir;
        MigrationController controller(m_cluster, dir.filePath(QStringLiteral("journal.jsonl")));
        QSignalSpy finished(&controller, &MigrationController::checkFinished);
        QSignalSpy guestFacts(m_cluster, &ClusterController::guestFactsReady);
        const QString mail = m_lab.uuidOf(QStringLiteral("mail"));

        controller.clearCheckCache();
        controller.prefetchChecks({mail});
        // Every node but its own: three answers, all from one look at the guest.
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 20000);
        QCOMPARE(guestFacts.size(), 1);
        QSet<QString> nodes;
        for (const QList<QVariant>& args : std::as_const(finished)) {
            const PreflightResult result = args.at(1).value<PreflightResult>();
            QVERIFY(result.complete);
            QCOMPARE(result.uuid, mail);
            nodes.insert(result.destinationNode);
            // The lab's guests are diskless and fit anywhere.
            QVERIFY2(result.verdict() != CheckSeverity::Refused,
                     qPrintable(result.reasons(CheckSeverity::Refused).join(u' ')));
            QVERIFY(result.check(QStringLiteral("cpu")));
            QVERIFY(result.check(QStringLiteral("name")));
            QVERIFY(!result.storageCopyNeeded);
        }
        QCOMPARE(nodes, (QSet<QString>{QStringLiteral("myodaiji-02"), QStringLiteral("yamate-01"),
                                       QStringLiteral("yamate-02")}));
        QVERIFY(controller.bestKnownCheck(mail, QStringLiteral("yamate-01")).complete);
        QVERIFY(!controller.bestKnownCheck(mail, QStringLiteral("myodaiji-01")).complete);

        // Cached: answered without asking the sessions again.
        finished.clear();
        const quint64 id = controller.requestCheck(mail, QStringLiteral("yamate-02"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
        QCOMPARE(finished.at(0).at(0).toULongLong(), id);
        QCOMPARE(guestFacts.size(), 1);
    }

    void queueRunsOneAtATimeAndAllComplete()
    {
        QTemporaryDir dir;
        MigrationController controller(m_cluster, dir.filePath(QStringLiteral("journal.jsonl")));
        controller.queue()->setLimits(1, 1);
        QSignalSpy queued(&controller, &MigrationController::migrationQueued);
        QSignalSpy refused(&controller, &MigrationController::migrationRefused);
        QSignalSpy finished(controller.queue(), &MigrationQueue::jobFinished);

        const struct
        {
            QString name;
            QString from;
            QString to;
        } moves[] = {
            {QStringLiteral("mail"), QStringLiteral("myodaiji-01"), QStringLiteral("yamate-01")},
            {QStringLiteral("www"), QStringLiteral("myodaiji-01"), QStringLiteral("yamate-02")},
            {QStringLiteral("dns1"), QStringLiteral("myodaiji-02"), QStringLiteral("yamate-01")},
        };
        QList<quint64> ids;
        for (const auto& move : moves)
            ids.append(controller.migrate(m_lab.uuidOf(move.name), move.to, controller.defaultOptions()));
        QTRY_COMPARE_WITH_TIMEOUT(queued.size() + refused.size(), 3, 20000);
        QVERIFY2(refused.isEmpty(), refused.isEmpty() ? ""
                                                      : qPrintable(refused.at(0)
                                                                       .at(3)
                                                                       .value<PreflightResult>()
                                                                       .reasons(CheckSeverity::Refused)
                                                                       .join(u' ')));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 3 * MigrationTimeoutMs);
        // Jobs ran in the order they came, each under the id migrate() gave it.
        for (int i = 0; i < 3; ++i) {
            const MigrationRequest request = finished.at(i).at(0).value<MigrationRequest>();
            const MigrationResult result = finished.at(i).at(1).value<MigrationResult>();
            QCOMPARE(request.id, ids[i]);
            QCOMPARE(result.id, ids[i]);
            QCOMPARE(request.name, moves[i].name);
            QCOMPARE(request.sourceNode, moves[i].from);
            QCOMPARE(request.destinationNode, moves[i].to);
            QCOMPARE(request.migrationUri, m_lab.inventory().node(moves[i].to)->migrationUri);
            QVERIFY2(result.phase == MigrationPhase::Completed, qPrintable(result.error.toString()));
        }
        for (const auto& move : moves)
            QTRY_VERIFY_WITH_TIMEOUT(m_lab.movedTo(move.name, move.from, move.to), 20000);

        // Each move has its start entry before its result entry.
        const QList<QJsonObject> all = controller.journal()->readAll();
        QCOMPARE(all.size(), 6);
        for (int i = 0; i < 3; ++i) {
            const auto entryOf = [&](const QString& action) {
                return std::find_if(all.cbegin(), all.cend(), [&](const QJsonObject& e) {
                    return e.value(QStringLiteral("action")).toString() == action &&
                           e.value(QStringLiteral("job")).toInteger() == qint64(ids[i]);
                });
            };
            QVERIFY(entryOf(QStringLiteral("migrate-start")) < entryOf(QStringLiteral("migrate")));
            QVERIFY(entryOf(QStringLiteral("migrate")) != all.cend());
        }
        const QList<QJsonObject> entries = results(all);
        QCOMPARE(entries.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(entries[i].value(QStringLiteral("job")).toInteger(), qint64(ids[i]));
            QCOMPARE(entries[i].value(QStringLiteral("action")).toString(), QStringLiteral("migrate"));
            QCOMPARE(entries[i].value(QStringLiteral("result")).toString(), QStringLiteral("completed"));
            QCOMPARE(entries[i].value(QStringLiteral("from")).toString(), moves[i].from);
            QCOMPARE(entries[i].value(QStringLiteral("to")).toString(), moves[i].to);
            QVERIFY(entries[i].value(QStringLiteral("downtime_ms")).toInteger() >= 0);
        }
    }

    void instancesDroppedTogetherAllMove()
    {
        // mail and dns2 both leave yamate-01 for myodaiji-01: the per-source limit serialises
        // them, neither is lost.
        QCOMPARE(m_lab.nodeOf(QStringLiteral("mail")), QStringLiteral("yamate-01"));
        QCOMPARE(m_lab.nodeOf(QStringLiteral("dns2")), QStringLiteral("yamate-01"));
        QTemporaryDir dir;
        MigrationController controller(m_cluster, dir.filePath(QStringLiteral("journal.jsonl")));
        controller.queue()->setLimits(MigrationQueue::DefaultGlobalLimit,
                                      MigrationQueue::DefaultPerSourceLimit);
        QSignalSpy finished(controller.queue(), &MigrationQueue::jobFinished);
        QSignalSpy refused(&controller, &MigrationController::migrationRefused);

        const QString destination = QStringLiteral("myodaiji-01");
        controller.clearCheckCache();
        for (const char* name : {"mail", "dns2"})
            controller.migrate(m_lab.uuidOf(QString::fromLatin1(name)), destination,
                               controller.defaultOptions());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size() + refused.size(), 2, 2 * MigrationTimeoutMs);
        QVERIFY(refused.isEmpty());
        for (const QList<QVariant>& args : std::as_const(finished)) {
            const MigrationResult result = args.at(1).value<MigrationResult>();
            QVERIFY2(result.phase == MigrationPhase::Completed, qPrintable(result.error.toString()));
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            m_lab.movedTo(QStringLiteral("mail"), QStringLiteral("yamate-01"), destination), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_lab.movedTo(QStringLiteral("dns2"), QStringLiteral("yamate-01"), destination), 20000);
        QCOMPARE(results(controller.journal()->readAll()).size(), 2);
    }

    void aSecondMoveOfTheSameInstanceIsRefused()
    {
        QTemporaryDir dir;
        MigrationController controller(m_cluster, dir.filePath(QStringLiteral("journal.jsonl")));
        QSignalSpy queued(&controller, &MigrationController::migrationQueued);
        QSignalSpy refused(&controller, &MigrationController::migrationRefused);
        QSignalSpy finished(controller.queue(), &MigrationQueue::jobFinished);
        const QString calc = m_lab.uuidOf(QStringLiteral("calc02"));
        MigrationOptions slow = controller.defaultOptions();
        slow.bandwidthMiBs = 1;
        controller.migrate(calc, QStringLiteral("myodaiji-02"), slow);
        QTRY_COMPARE_WITH_TIMEOUT(queued.size(), 1, 20000);
        const quint64 job = queued.at(0).at(0).toULongLong();
        QVERIFY(controller.queue()->hasJobFor(calc));
        // The request carries the instance's memory: the queue counts it towards the destination.
        const MigrationRequest request = queued.at(0).at(1).value<MigrationRequest>();
        QVERIFY(request.memoryKiB > 0);
        QCOMPARE(controller.queue()->incomingMemoryKiB(QStringLiteral("myodaiji-02")), request.memoryKiB);

        controller.migrate(calc, QStringLiteral("yamate-02"), controller.defaultOptions());
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 5000);
        const PreflightResult result = refused.at(0).at(3).value<PreflightResult>();
        QVERIFY(result.check(QStringLiteral("state")));
        QVERIFY(result.check(QStringLiteral("state"))->message.contains(QStringLiteral("already moving")));

        controller.queue()->cancel(job);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, MigrationTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_lab.stateOn(QStringLiteral("yamate-01"), QStringLiteral("calc02")),
                                  QStringLiteral("running"), 20000);
    }

    void cancelKeepsTheGuestOnItsSource()
    {
        QCOMPARE(m_lab.nodeOf(QStringLiteral("wiki")), QStringLiteral("yamate-02"));
        QTemporaryDir dir;
        MigrationController controller(m_cluster, dir.filePath(QStringLiteral("journal.jsonl")));
        QSignalSpy queued(&controller, &MigrationController::migrationQueued);
        QSignalSpy finished(controller.queue(), &MigrationQueue::jobFinished);
        bool copying = false;
        connect(controller.queue(), &MigrationQueue::jobProgress, this,
                [&](const MigrationProgress& progress) {
                    if (progress.phase == MigrationPhase::Transferring && progress.dataProcessed > 0)
                        copying = true;
                });

        MigrationOptions slow = controller.defaultOptions();
        slow.bandwidthMiBs = 1;
        const quint64 job =
            controller.migrate(m_lab.uuidOf(QStringLiteral("wiki")), QStringLiteral("myodaiji-02"), slow);
        QTRY_COMPARE_WITH_TIMEOUT(queued.size(), 1, 20000);
        QCOMPARE(queued.at(0).at(0).toULongLong(), job);
        QTRY_VERIFY_WITH_TIMEOUT(copying, 20000);
        QVERIFY(controller.queue()->isRunning(job));
        controller.queue()->cancel(job);

        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, MigrationTimeoutMs);
        const MigrationResult result = finished.at(0).at(1).value<MigrationResult>();
        QCOMPARE(result.phase, MigrationPhase::Cancelled);
        QCOMPARE(result.id, job);
        QVERIFY(controller.queue()->jobs().isEmpty());

        QTRY_COMPARE_WITH_TIMEOUT(m_lab.stateOn(QStringLiteral("yamate-02"), QStringLiteral("wiki")),
                                  QStringLiteral("running"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_lab.stateOn(QStringLiteral("myodaiji-02"), QStringLiteral("wiki")).isEmpty(), 20000);
        QTest::qWait(500);
        m_cluster->refreshNode(QStringLiteral("yamate-02"));
        QTRY_COMPARE_WITH_TIMEOUT(m_lab.nodeOf(QStringLiteral("wiki")), QStringLiteral("yamate-02"), 10000);

        const QList<QJsonObject> entries = results(controller.journal()->readAll());
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries[0].value(QStringLiteral("job")).toInteger(), qint64(job));
        QCOMPARE(entries[0].value(QStringLiteral("result")).toString(), QStringLiteral("cancelled"));
        QCOMPARE(entries[0]
                     .value(QStringLiteral("options"))
                     .toObject()
                     .value(QStringLiteral("bandwidth_mibs"))
                     .toInt(),
                 1);
    }

    void closingCancelsRunningJobs()
    {
        // Nothing may go on migrating unrecorded after the console is gone.
        QTemporaryDir dir;
        quint64 job = 0;
        {
            MigrationController controller(m_cluster, dir.filePath(QStringLiteral("journal.jsonl")));
            QSignalSpy queued(&controller, &MigrationController::migrationQueued);
            QSignalSpy started(controller.queue(), &MigrationQueue::jobStarted);
            MigrationOptions slow = controller.defaultOptions();
            slow.bandwidthMiBs = 1;
            controller.migrate(m_lab.uuidOf(QStringLiteral("calc02")), QStringLiteral("yamate-02"), slow);
            QTRY_COMPARE_WITH_TIMEOUT(queued.size(), 1, 20000);
            job = queued.at(0).at(0).toULongLong();
            QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 5000);
            QVERIFY(controller.queue()->isRunning(job));
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_lab.stateOn(QStringLiteral("yamate-01"), QStringLiteral("calc02")),
                                  QStringLiteral("running"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_lab.stateOn(QStringLiteral("yamate-02"), QStringLiteral("calc02")).isEmpty(), 20000);
    }
};

QTEST_GUILESS_MAIN(TestMigrationController)
#include "tst_migrationcontroller.moc"

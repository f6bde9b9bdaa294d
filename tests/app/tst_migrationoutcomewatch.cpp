// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MigrationOutcomeWatch on two test-driver nodes (real libvirt connections, no daemon): a move
// whose source daemon was lost is not resolved while the console still shows the source as it was
// before the loss; once the source's connection has gone (fed here) and come back (its session's
// next poll), both ends are asked and the journal entry says where the instance is, as each end's
// libvirt reports it.
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationoutcomewatch.h"
#include "support/testdriver.h"

using namespace kumo;

class TestMigrationOutcomeWatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordsWhatBothEndsSayOnceTheSourceIsBack()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        TestCluster cluster = generateTestCluster(dir.path(), 2, 1, 1);
        QCOMPARE(cluster.nodes.size(), 2);
        cluster.inventory.pollIntervalMs = 300;
        const QString first = cluster.nodes.at(0).name;
        const QString second = cluster.nodes.at(1).name;
        const TestDomain domain = cluster.nodes.at(0).domains.at(0);

        ClusterController controller;
        controller.setInventory(cluster.inventory);
        QTRY_COMPARE_WITH_TIMEOUT(controller.connectedNodeCount(), 2, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(controller.locationsOf(domain.uuid), QStringList{first}, 20000);

        QList<QJsonObject> recorded;
        MigrationOutcomeWatch watch(&controller,
                                    [&recorded](const QJsonObject& entry) { recorded.append(entry); });
        QSignalSpy outcome(&watch, &MigrationOutcomeWatch::outcomeRecorded);
        // Lost on the way from the first node to the second (it is still on the first) and on the
        // way from the second to the first (it is on the first: it moved).
        MigrationRequest away;
        away.id = 5;
        away.uuid = domain.uuid;
        away.name = domain.name;
        away.sourceNode = first;
        away.destinationNode = second;
        MigrationRequest back = away;
        back.id = 6;
        back.sourceNode = second;
        back.destinationNode = first;
        watch.follow(away);
        watch.follow(back);
        QCOMPARE(watch.pendingCount(), 2);

        // Polls keep coming, but neither source has been seen gone: nothing is asked or recorded.
        QTest::qWait(1500);
        QCOMPARE(outcome.size(), 0);
        QVERIFY(recorded.isEmpty());

        // Both sources' connections go (as a session reports a lost daemon) and come back with
        // their sessions' next polls.
        for (const QString& node : {first, second}) {
            NodeSnapshot lost = *controller.node(node);
            lost.state = NodeState::Unreachable;
            lost.error = Error{ErrorCode::ConnectionFailed, node, QStringLiteral("lost"), {}, 0, 0};
            controller.applyNodeSnapshot(lost);
        }
        QTRY_COMPARE_WITH_TIMEOUT(outcome.size(), 2, 20000);
        QCOMPARE(watch.pendingCount(), 0);
        QCOMPARE(recorded.size(), 2);

        QHash<qint64, QJsonObject> byJob;
        for (const QJsonObject& entry : std::as_const(recorded))
            byJob.insert(entry.value(QStringLiteral("job")).toInteger(), entry);
        const QJsonObject stayed = byJob.value(5);
        QCOMPARE(stayed.value(QStringLiteral("action")).toString(), QStringLiteral("migrate-outcome"));
        QCOMPARE(stayed.value(QStringLiteral("result")).toString(), QStringLiteral("stayed"));
        QCOMPARE(stayed.value(QStringLiteral("node")).toString(), first);
        QCOMPARE(stayed.value(QStringLiteral("from")).toString(), first);
        QCOMPARE(stayed.value(QStringLiteral("to")).toString(), second);
        QCOMPARE(stayed.value(QStringLiteral("nodes")).toArray(), QJsonArray{first});
        QCOMPARE(stayed.value(QStringLiteral("instance")).toObject().value(QStringLiteral("uuid")).toString(),
                 domain.uuid);
        const QJsonObject states = stayed.value(QStringLiteral("states")).toObject();
        QCOMPARE(states.value(first).toString(), QStringLiteral("running"));
        QCOMPARE(states.value(second).toString(), QStringLiteral("undefined"));

        const QJsonObject moved = byJob.value(6);
        QCOMPARE(moved.value(QStringLiteral("result")).toString(), QStringLiteral("moved"));
        QCOMPARE(moved.value(QStringLiteral("node")).toString(), first);
    }
};

QTEST_GUILESS_MAIN(TestMigrationOutcomeWatch)
#include "tst_migrationoutcomewatch.moc"

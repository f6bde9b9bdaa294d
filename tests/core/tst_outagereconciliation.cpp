// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The reconciliation after a restart: each Pending or Running move gets its status from where its
// instance is seen now (target: Done, elsewhere: Pending, nowhere: Failed, two nodes: waits, then
// Failed), moves that already ended are left alone, and times come from the clock given.
#include <QTest>

#include "core/outagereconciliation.h"

using namespace kumo;

namespace {

const QDateTime Now(QDate(2026, 3, 1), QTime(10, 0, 0), Qt::UTC);

MoveRecord record(const QString& name, MoveStatus status)
{
    MoveRecord r;
    r.move.uuid = QStringLiteral("uuid-") + name;
    r.move.name = name;
    r.move.fromNode = QStringLiteral("myodaiji-01");
    r.move.toNode = QStringLiteral("yamate-01");
    r.status = status;
    r.downtimeMs = 40;
    return r;
}

OutageRun runOf(const QList<MoveRecord>& records)
{
    OutageRun run;
    run.records = records;
    run.state = RunState::Running;
    return run;
}

} // namespace

class TestOutageReconciliation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void arrivedWhileAway();
    void pendingOnTargetIsDoneButNotArrived();
    void stillOnSourceGoesBackToPending();
    void seenNowhereFails();
    void twoNodesWaitsThenFails();
    void endedMovesAreLeftAlone();
};

void TestOutageReconciliation::arrivedWhileAway()
{
    MoveRecord running = record(QStringLiteral("mail"), MoveStatus::Running);
    const QDateTime started = Now.addSecs(-60);
    running.started = started;
    OutageRun run = runOf({running});
    const OutageReconciliation result = OutageReconciliation::apply(
        run, {{QStringLiteral("uuid-mail"), {QStringLiteral("yamate-01")}}}, {}, Now);
    QCOMPARE(result.decided, QList<int>{0});
    QCOMPARE(result.arrived, QList<int>{0});
    QVERIFY(!result.isWaiting());
    const MoveRecord& after = run.records.at(0);
    QCOMPARE(after.status, MoveStatus::Done);
    QCOMPARE(after.started, started);
    QCOMPARE(after.finished, Now);
    QCOMPARE(after.downtimeMs, -1); // not known to this console
}

void TestOutageReconciliation::pendingOnTargetIsDoneButNotArrived()
{
    OutageRun run = runOf({record(QStringLiteral("www"), MoveStatus::Pending)});
    const OutageReconciliation result = OutageReconciliation::apply(
        run, {{QStringLiteral("uuid-www"), {QStringLiteral("yamate-01")}}}, {}, Now);
    QCOMPARE(result.decided, QList<int>{0});
    QVERIFY(result.arrived.isEmpty());
    QCOMPARE(run.records.at(0).status, MoveStatus::Done);
    QCOMPARE(run.records.at(0).started, Now);
}

void TestOutageReconciliation::stillOnSourceGoesBackToPending()
{
    OutageRun run = runOf({record(QStringLiteral("db"), MoveStatus::Running)});
    const OutageReconciliation result = OutageReconciliation::apply(
        run, {{QStringLiteral("uuid-db"), {QStringLiteral("myodaiji-01")}}}, {}, Now);
    QCOMPARE(result.decided, QList<int>{0});
    QCOMPARE(run.records.at(0).status, MoveStatus::Pending);
    QVERIFY(!run.records.at(0).finished.isValid());
}

void TestOutageReconciliation::seenNowhereFails()
{
    OutageRun run = runOf({record(QStringLiteral("gone"), MoveStatus::Running)});
    const OutageReconciliation result = OutageReconciliation::apply(run, {}, {}, Now);
    QCOMPARE(result.decided, QList<int>{0});
    QCOMPARE(run.records.at(0).status, MoveStatus::Failed);
    QCOMPARE(run.records.at(0).finished, Now);
    QVERIFY(run.records.at(0).error.contains(QStringLiteral("gone")));
}

void TestOutageReconciliation::twoNodesWaitsThenFails()
{
    const QHash<QString, QStringList> locations{
        {QStringLiteral("uuid-twin"), {QStringLiteral("myodaiji-01"), QStringLiteral("yamate-01")}}};
    OutageRun run = runOf({record(QStringLiteral("twin"), MoveStatus::Running)});
    const OutageReconciliation waiting = OutageReconciliation::apply(run, locations, {}, Now);
    QVERIFY(waiting.isWaiting());
    QCOMPARE(waiting.onTwoNodes, QList<int>{0});
    QVERIFY(waiting.decided.isEmpty());
    QCOMPARE(run.records.at(0).status, MoveStatus::Running);

    const OutageReconciliation timedOut = OutageReconciliation::apply(run, locations, {0}, Now);
    QVERIFY(!timedOut.isWaiting());
    QCOMPARE(timedOut.decided, QList<int>{0});
    QCOMPARE(run.records.at(0).status, MoveStatus::Failed);
    QVERIFY(run.records.at(0).error.contains(QStringLiteral("myodaiji-01, yamate-01")));
}

void TestOutageReconciliation::endedMovesAreLeftAlone()
{
    OutageRun run = runOf(
        {record(QStringLiteral("a"), MoveStatus::Done), record(QStringLiteral("b"), MoveStatus::Skipped),
         record(QStringLiteral("c"), MoveStatus::Failed), record(QStringLiteral("d"), MoveStatus::Pending)});
    const OutageRun before = run;
    const OutageReconciliation result = OutageReconciliation::apply(
        run, {{QStringLiteral("uuid-d"), {QStringLiteral("myodaiji-01")}}}, {}, Now);
    QCOMPARE(result.decided, QList<int>{3});
    for (int i = 0; i < 3; ++i)
        QCOMPARE(run.records.at(i), before.records.at(i));
}

QTEST_GUILESS_MAIN(TestOutageReconciliation)
#include "tst_outagereconciliation.moc"

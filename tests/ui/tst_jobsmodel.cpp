// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// JobsModel against a MigrationQueue running fake jobs: rows appear as moves are queued and stay
// when they finish, a report changes only the cells it changes, a report that changes nothing
// emits nothing, and the row, the JobIdRole and the queue's signals all carry the move's one id.
// QAbstractItemModelTester watches every step. No daemons.
#include <algorithm>

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include "app/migration/migrationqueue.h"
#include "app/probes/serviceprober.h"
#include "support/fakemigrationjob.h"
#include "ui/migration/jobsmodel.h"

using namespace kumo;

namespace {

MigrationRequest request(quint64 id, const QString& name, const QString& from, const QString& to)
{
    MigrationRequest r;
    r.id = id;
    r.uuid = QStringLiteral("uuid-%1").arg(name);
    r.name = name;
    r.sourceNode = from;
    r.destinationNode = to;
    r.memoryKiB = 1024;
    return r;
}

using Column = JobsModel::Column;

// The columns that dataChanged signals in `spy` covered for `row`; fails on another row.
QSet<Column> changedColumns(const QSignalSpy& spy, int row)
{
    QSet<Column> columns;
    for (const QList<QVariant>& args : spy) {
        const auto topLeft = args.at(0).value<QModelIndex>();
        const auto bottomRight = args.at(1).value<QModelIndex>();
        if (topLeft.row() != row || bottomRight.row() != row)
            return {Column::Instance, Column::Route}; // reported as a failure by the callers
        for (int column = topLeft.column(); column <= bottomRight.column(); ++column)
            columns.insert(Column(column));
    }
    return columns;
}

} // namespace

class TestJobsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serviceGapOfAMove()
    {
        // The instance's service (a real loopback listener) answers throughout the move: the gap is
        // about one 200 ms probe interval, measured when the first answer after the move came.
        QTcpServer service;
        QVERIFY(service.listen(QHostAddress::LocalHost, 0));
        FakeMigrationJobFactory jobs;
        MigrationQueue queue(jobs.factory());
        ServiceProber prober;
        prober.setMigrationQueue(&queue);
        prober.setTargets({{QStringLiteral("uuid-mail"),
                            QStringLiteral("mail"),
                            QStringLiteral("myodaiji-01"),
                            QStringLiteral("myodaiji"),
                            {{QStringLiteral("tcp"),
                              QStringLiteral("127.0.0.1"),
                              service.serverPort(),
                              {},
                              {},
                              {},
                              2000,
                              60000}}}});
        JobsModel model(&queue);
        model.setServiceProber(&prober);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString header = model.headerData(int(Column::ServiceGap), Qt::Horizontal).toString();
        QCOMPARE(header, QStringLiteral("Service gap"));

        queue.enqueue(
            request(5, QStringLiteral("mail"), QStringLiteral("myodaiji-01"), QStringLiteral("yamate-01")));
        queue.enqueue(
            request(6, QStringLiteral("calc01"), QStringLiteral("myodaiji-02"), QStringLiteral("yamate-02")));
        QCoreApplication::processEvents();
        QVERIFY(prober.isMoving(QStringLiteral("uuid-mail")));
        QCOMPARE(model.index(0, int(Column::ServiceGap)).data().toString(), QStringLiteral("measuring…"));
        QCOMPARE(model.index(1, int(Column::ServiceGap)).data().toString(), QString()); // no probes
        QTest::qWait(700);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy finished(&queue, &MigrationQueue::jobFinished);
        QVERIFY(jobs.advance(5));
        QTRY_COMPARE(finished.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(prober.serviceGap(5).has_value(), 15000);
        const ServiceGap gap = *prober.serviceGap(5);
        QVERIFY(gap.answeredAfter);
        QVERIFY(gap.checks >= 2);
        QVERIFY2(gap.gapMs < 5000, qPrintable(QString::number(gap.gapMs)));
        const QString text = model.index(0, int(Column::ServiceGap)).data().toString();
        QVERIFY2(text.endsWith(QStringLiteral(" s")), qPrintable(text));
        QVERIFY(!model.index(0, int(Column::ServiceGap)).data(Qt::ToolTipRole).toString().isEmpty());
        const bool gapCellChanged =
            std::any_of(changed.cbegin(), changed.cend(), [](const QList<QVariant>& args) {
                const auto topLeft = args.at(0).value<QModelIndex>();
                const auto bottomRight = args.at(1).value<QModelIndex>();
                return topLeft.row() == 0 && topLeft.column() <= int(Column::ServiceGap) &&
                       bottomRight.column() >= int(Column::ServiceGap);
            });
        QVERIFY(gapCellChanged);
        qInfo("FIGURE jobs-service-gap-answering-ms=%lld checks=%d", gap.gapMs, gap.checks);
    }

    void rowsFollowTheQueueWithOneId()
    {
        FakeMigrationJobFactory jobs;
        MigrationQueue queue(jobs.factory());
        queue.setLimits(1, 1);
        JobsModel model(&queue);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        queue.enqueue(
            request(17, QStringLiteral("mail"), QStringLiteral("myodaiji-01"), QStringLiteral("yamate-01")));
        queue.enqueue(
            request(23, QStringLiteral("www"), QStringLiteral("myodaiji-01"), QStringLiteral("yamate-02")));
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.jobAt(0), quint64(17));
        QCOMPARE(model.jobAt(1), quint64(23));
        QCOMPARE(model.rowOf(23), 1);
        QCOMPARE(model.index(1, 0).data(JobsModel::JobIdRole).toULongLong(), quint64(23));
        QCOMPARE(model.index(0, int(Column::Instance)).data().toString(), QStringLiteral("mail"));
        QVERIFY(model.index(0, int(Column::Route)).data().toString().contains(QStringLiteral("yamate-01")));
        QCOMPARE(model.phase(17), MigrationPhase::Queued);

        QCoreApplication::processEvents();
        QCOMPARE(model.phase(17), MigrationPhase::Starting);
        QCOMPARE(model.phase(23), MigrationPhase::Queued);

        QSignalSpy finished(&queue, &MigrationQueue::jobFinished);
        QVERIFY(jobs.advance(17));
        QTRY_COMPARE(finished.size(), 1);
        // The finished row stays, under its id, with its outcome; the next one starts.
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.isFinished(17));
        QCOMPARE(model.result(17)->id, quint64(17));
        QCOMPARE(model.phase(17), MigrationPhase::Completed);
        QCOMPARE(model.index(0, 0).data(JobsModel::PercentRole).toInt(), 100);
        QVERIFY2(model.outcomeText(17).contains(QStringLiteral("20 ms")), qPrintable(model.outcomeText(17)));
        QCOMPARE(model.phase(23), MigrationPhase::Starting);

        queue.cancel(23);
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(model.phase(23), MigrationPhase::Cancelled);
        QVERIFY(model.outcomeText(23).contains(QStringLiteral("myodaiji-01")));

        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.clearFinished();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(removed.size(), 2);
    }

    void aReportChangesOnlyItsCells()
    {
        FakeMigrationJobFactory jobs;
        FakeMigrationScript script;
        script.outcome = FakeMigrationScript::Outcome::Hang;
        jobs.setScript(script);
        MigrationQueue queue(jobs.factory());
        QSignalSpy starting(&queue, &MigrationQueue::jobProgress);
        queue.enqueue(
            request(1, QStringLiteral("calc01"), QStringLiteral("yamate-01"), QStringLiteral("myodaiji-02")));
        queue.enqueue(
            request(2, QStringLiteral("calc02"), QStringLiteral("yamate-02"), QStringLiteral("myodaiji-02")));
        QCoreApplication::processEvents();
        // "Starting" from the queue as it starts each job, then from each job itself.
        QTRY_COMPARE(starting.size(), 4);

        // Built on a queue that already has jobs: their rows and states are there from the start.
        JobsModel model(&queue);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.phase(2), MigrationPhase::Starting);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy progress(&queue, &MigrationQueue::jobProgress);
        QVERIFY(jobs.advance(2));
        QTRY_COMPARE(progress.size(), 1);
        // Row 1 only, and never the instance or its route; the figures that moved did change.
        QVERIFY(!changed.isEmpty());
        QSet<Column> columns = changedColumns(changed, 1);
        QVERIFY(!columns.contains(Column::Instance));
        QVERIFY(!columns.contains(Column::Route));
        for (Column column : {Column::Phase, Column::Progress, Column::Data, Column::Rate, Column::Elapsed})
            QVERIFY2(columns.contains(column), qPrintable(QString::number(int(column))));
        QCOMPARE(model.progress(2).id, quint64(2));
        QCOMPARE(model.index(1, 0).data(JobsModel::PercentRole).toInt(), 50);

        // The next step moves data and time, not the phase or the pass.
        changed.clear();
        QVERIFY(jobs.advance(2));
        QTRY_COMPARE(progress.size(), 2);
        columns = changedColumns(changed, 1);
        QVERIFY(columns.contains(Column::Progress));
        QVERIFY(columns.contains(Column::Data));
        QVERIFY(columns.contains(Column::Elapsed));
        QVERIFY(!columns.contains(Column::Phase));
        QVERIFY(!columns.contains(Column::Iteration));
        QVERIFY(!columns.contains(Column::Instance));
        QCOMPARE(model.index(1, 0).data(JobsModel::PercentRole).toInt(), 75);

        // The same report twice: the second changes nothing and emits nothing.
        QVERIFY(jobs.reportWithForeignId(1, 99));
        QTRY_COMPARE(progress.size(), 3);
        changed.clear();
        QVERIFY(jobs.reportWithForeignId(1, 99));
        QTRY_COMPARE(progress.size(), 4);
        QCOMPARE(changed.size(), 0);
        // Relayed under the move's id: row 0 took it, no row for 99 appeared.
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(99), -1);
        QCOMPARE(model.progress(1).phase, MigrationPhase::Transferring);
    }
};

QTEST_MAIN(TestJobsModel)
#include "tst_jobsmodel.moc"

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MigrationQueue with fake jobs (tests/support/fakemigrationjob.h), each on a thread of its own
// as a MigrationRunner would be: limits, start order, cancel, live tuning, failure, the memory on
// its way to a node, one id per move, closing with jobs running, and the limits and options the
// controller reads from the settings. No daemons; the test drives every job, so nothing depends
// on timing (QTRY_ only waits for queued signals to arrive).
#include <algorithm>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "app/migration/migrationqueue.h"
#include "support/fakemigrationjob.h"

using namespace kumo;

namespace {

MigrationRequest request(quint64 id, const QString& name, const QString& from, const QString& to,
                         quint64 memoryKiB = 0)
{
    MigrationRequest r;
    r.id = id;
    r.uuid = QStringLiteral("uuid-%1").arg(name);
    r.name = name;
    r.sourceNode = from;
    r.destinationNode = to;
    r.memoryKiB = memoryKiB;
    return r;
}

FakeMigrationScript hang()
{
    FakeMigrationScript script;
    script.outcome = FakeMigrationScript::Outcome::Hang;
    return script;
}

QList<quint64> startedIds(const QSignalSpy& spy)
{
    QList<quint64> ids;
    for (const QList<QVariant>& args : spy)
        ids.append(args.at(0).toULongLong());
    return ids;
}

MigrationResult resultAt(const QSignalSpy& finished, int i)
{
    return finished.at(i).at(1).value<MigrationResult>();
}

} // namespace

class TestMigrationQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("kumo-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_migrationqueue"));
        QSettings().clear();
    }

    void globalLimitCapsRunningJobs()
    {
        FakeMigrationJobFactory jobs;
        MigrationQueue queue(jobs.factory());
        queue.setLimits(2, 10);
        QSignalSpy finished(&queue, &MigrationQueue::jobFinished);
        for (quint64 id = 1; id <= 4; ++id)
            queue.enqueue(request(id, QStringLiteral("vm%1").arg(id), QStringLiteral("node%1").arg(id),
                                  QStringLiteral("dest")));
        QCOMPARE(queue.queuedCount(), 4);
        QCOMPARE(jobs.count(), 0); // started from the event loop, after the caller knows the id
        QCoreApplication::processEvents();
        QCOMPARE(jobs.count(), 2);
        QCOMPARE(queue.runningCount(), 2);
        QCOMPARE(queue.queuedCount(), 2);

        QVERIFY(jobs.advance(1)); // no progress scripted: completes
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(jobs.madeIds(), (QList<quint64>{1, 2, 3}));
        QCOMPARE(queue.runningCount(), 2);
        QVERIFY(jobs.advance(2));
        QVERIFY(jobs.advance(3));
        QTRY_COMPARE(finished.size(), 3);
        QCOMPARE(jobs.madeIds(), (QList<quint64>{1, 2, 3, 4}));
        QVERIFY(jobs.advance(4));
        QTRY_COMPARE(finished.size(), 4);
        QCOMPARE(queue.runningCount(), 0);
        QVERIFY(queue.jobs().isEmpty());
    }

    void oneAtATimeRunsInOrder()
    {
        // Moved from the lab test (queueRunsOneAtATimeAndAllComplete): under a limit of one, never
        // two at once, and in the order they came.
        FakeMigrationJobFactory jobs;
        MigrationQueue queue(jobs.factory());
        queue.setLimits(1, 1);
        int running = 0;
        int mostRunning = 0;
        connect(&queue, &MigrationQueue::jobStarted, this, [&] {
            ++running;
            mostRunning = std::max(mostRunning, running);
        });
        connect(&queue, &MigrationQueue::jobFinished, this, [&] { --running; });
        QSignalSpy started(&queue, &MigrationQueue::jobStarted);
        QSignalSpy finished(&queue, &MigrationQueue::jobFinished);
        queue.enqueue(request(5, QStringLiteral("mail"), QStringLiteral("a1"), QStringLiteral("b1")));
        queue.enqueue(request(6, QStringLiteral("www"), QStringLiteral("a1"), QStringLiteral("b2")));
        queue.enqueue(request(7, QStringLiteral("dns1"), QStringLiteral("a2"), QStringLiteral("b1")));
        QCoreApplication::processEvents();
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(queue.runningCount(), 1);
            QVERIFY(jobs.advance(jobs.madeIds().constLast()));
            QTRY_COMPARE(finished.size(), i + 1);
        }
        QCOMPARE(mostRunning, 1);
        QCOMPARE(startedIds(started), (QList<quint64>{5, 6, 7}));
        for (int i = 0; i < 3; ++i) {
            const MigrationRequest r = finished.at(i).at(0).value<MigrationRequest>();
            QCOMPARE(r.id, quint64(5 + i));
            QCOMPARE(resultAt(finished, i).phase, MigrationPhase::Completed);
        }
    }

    void perSourceLimitAndABusySourceHoldsBackNothingElse()
    {
        FakeMigrationJobFactory jobs;
        MigrationQueue queue(jobs.factory());
        queue.setLimits(2, 1);
        QSignalSpy started(&queue, &MigrationQueue::jobStarted);
        QSignalSpy finished(&queue, &MigrationQueue::jobFinished);
        // Two leave node a, then one leaves b: b's does not wait behind a's second.
        queue.enqueue(request(1, QStringLiteral("a-first"), QStringLiteral("a"), QStringLiteral("x")));
        queue.enqueue(request(2, QStringLiteral("a-second"), QStringLiteral("a"), QStringLiteral("x")));
        queue.enqueue(request(3, QStringLiteral("b-only"), QStringLiteral("b"), QStringLiteral("x")));
        QCoreApplication::processEvents();
        QCOMPARE(startedIds(started), (QList<quint64>{1, 3}));
        QVERIFY(!queue.isRunning(2));
        QCOMPARE(queue.progress(2).phase, MigrationPhase::Queued);

        // b's ending frees a global slot, but a is still busy: nothing starts.
        QVERIFY(jobs.advance(3));
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(startedIds(started), (QList<quint64>{1, 3}));
        QVERIFY(jobs.advance(1));
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(startedIds(started), (QList<quint64>{1, 3, 2}));

        // Raising the limits starts waiting jobs at once.
        queue.enqueue(request(4, QStringLiteral("a-third"), QStringLiteral("a"), QStringLiteral("x")));
        QCoreApplication::processEvents();
        QVERIFY(!queue.isRunning(4));
        queue.setLimits(2, 2);
        QVERIFY(queue.isRunning(4));
        QCOMPARE(queue.globalLimit(), 2);
        QCOMPARE(queue.perSourceLimit(), 2);
        queue.setLimits(0, -3); // at least one of each
        QCOMPARE(queue.globalLimit(), 1);
        QCOMPARE(queue.perSourceLimit(), 1);
    }

    void cancelQueuedNeverMakesAJob()
    {
        FakeMigrationJobFactory jobs;
        jobs.setScript(hang());
        MigrationQueue queue(jobs.factory());
        queue.setLimits(1, 1);
        QSignalSpy finished(&queue, &MigrationQueue::jobFinished);
        queue.enqueue(
            request(1, QStringLiteral("first"), QStringLiteral("myodaiji-01"), QStringLiteral("x")));
        queue.enqueue(
            request(2, QStringLiteral("second"), QStringLiteral("myodaiji-01"), QStringLiteral("x")));
        QCoreApplication::processEvents();
        queue.cancel(2);
        QCOMPARE(finished.size(), 1); // at once: there is no job to ask
        const MigrationResult result = resultAt(finished, 0);
        QCOMPARE(result.id, quint64(2));
        QCOMPARE(result.phase, MigrationPhase::Cancelled);
        QCOMPARE(result.error.code, ErrorCode::Cancelled);
        QVERIFY2(result.error.message.contains(QStringLiteral("myodaiji-01")),
                 qPrintable(result.error.message));
        QCOMPARE(finished.at(0).at(0).value<MigrationRequest>().name, QStringLiteral("second"));
        QVERIFY(!jobs.made(2));
        QCOMPARE(queue.jobs().size(), 1);
        queue.cancel(99); // unknown: nothing
        QCOMPARE(finished.size(), 1);
    }

    void cancelRunningAbortsTheJobAndStartsTheNext()
    {
        FakeMigrationJobFactory jobs;
        jobs.setScript(hang());
        MigrationQueue queue(jobs.factory());
        queue.setLimits(1, 1);
        QSignalSpy finished(&queue, &MigrationQueue::jobFinished);
        queue.enqueue(request(1, QStringLiteral("first"), QStringLiteral("a"), QStringLiteral("x")));
        queue.enqueue(request(2, QStringLiteral("second"), QStringLiteral("b"), QStringLiteral("x")));
        QCoreApplication::processEvents();
        QVERIFY(jobs.advance(1)); // it hangs, copying
        queue.cancel(1);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(jobs.record(1).cancelCalls, 1);
        QCOMPARE(resultAt(finished, 0).phase, MigrationPhase::Cancelled);
        QCOMPARE(resultAt(finished, 0).id, quint64(1));
        QVERIFY(queue.isRunning(2));
        QCOMPARE(queue.jobs().size(), 1);
        // The job's thread ends with it, and the job is deleted.
        QTRY_VERIFY(jobs.record(1).destroyed);
        QVERIFY(jobs.record(1).thread != QThread::currentThread());
        queue.cancel(2);
        QTRY_COMPARE(finished.size(), 2);
        QVERIFY(queue.jobs().isEmpty());
    }

    void anUnansweredAbortEndsTheMoveAndItsLateResultIsReported()
    {
        // A job stuck where the abort cannot reach it (the source daemon waits on a frozen
        // destination): the move ends for the console after the abort answer wait with an unknown
        // outcome, frees its slot, and its real result is reported when it comes.
        FakeMigrationJobFactory jobs;
        FakeMigrationScript stuck;
        stuck.ignoresCancel = true;
        stuck.progressSteps = 1;
        jobs.setScript(stuck);
        MigrationQueue queue(jobs.factory());
        queue.setLimits(1, 1);
        queue.setAbortAnswerWait(50);
        QSignalSpy finished(&queue, &MigrationQueue::jobFinished);
        QSignalSpy late(&queue, &MigrationQueue::lateResult);
        queue.enqueue(request(1, QStringLiteral("first"), QStringLiteral("a"), QStringLiteral("x")));
        queue.enqueue(request(2, QStringLiteral("second"), QStringLiteral("a"), QStringLiteral("x")));
        QCoreApplication::processEvents();
        QVERIFY(jobs.advance(1)); // copying
        queue.cancelAll();
        QTRY_COMPARE(finished.size(), 2);
        // The queued one is cancelled at once; the stuck one is given up.
        MigrationResult second = resultAt(finished, 0);
        QCOMPARE(second.id, quint64(2));
        QCOMPARE(second.phase, MigrationPhase::Cancelled);
        MigrationResult first = resultAt(finished, 1);
        QCOMPARE(first.id, quint64(1));
        QCOMPARE(first.phase, MigrationPhase::Failed);
        QVERIFY(!first.outcomeKnown);
        QCOMPARE(first.error.code, ErrorCode::Timeout);
        QVERIFY(first.error.message.contains(QStringLiteral("first")));
        QCOMPARE(jobs.record(1).cancelCalls, 1);
        QVERIFY(!jobs.record(1).finished);
        QVERIFY(queue.jobs().isEmpty());
        QCOMPARE(queue.runningCount(), 0);
        QCOMPARE(queue.givenUpCount(), 1);
        QVERIFY(late.isEmpty());
        // The stuck call returns after all: the move had completed.
        QVERIFY(jobs.advance(1));
        QTRY_COMPARE(late.size(), 1);
        QCOMPARE(late.at(0).at(0).value<MigrationRequest>().id, quint64(1));
        QCOMPARE(late.at(0).at(1).value<MigrationResult>().phase, MigrationPhase::Completed);
        QCOMPARE(finished.size(), 2);
        QCOMPARE(queue.givenUpCount(), 0);
        QTRY_VERIFY(jobs.record(1).destroyed);
    }

    void anAnsweredAbortIsNotGivenUp()
    {
        FakeMigrationJobFactory jobs;
        jobs.setScript(hang());
        MigrationQueue queue(jobs.factory());
        // Long enough for the answer to come first on a slow machine (under ThreadSanitizer 20 ms
        // were not).
        queue.setAbortAnswerWait(2000);
        QSignalSpy finished(&queue, &MigrationQueue::jobFinished);
        QSignalSpy late(&queue, &MigrationQueue::lateResult);
        queue.enqueue(request(1, QStringLiteral("first"), QStringLiteral("a"), QStringLiteral("x")));
        QCoreApplication::processEvents();
        QVERIFY(jobs.advance(1));
        queue.cancel(1);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(resultAt(finished, 0).phase, MigrationPhase::Cancelled);
        QVERIFY(resultAt(finished, 0).outcomeKnown);
        // The give-up timer finds nothing left to give up.
        QTest::qWait(2200);
        QCOMPARE(finished.size(), 1);
        QVERIFY(late.isEmpty());
        QCOMPARE(queue.givenUpCount(), 0);
    }

    void cancelAllStartsNothingNew()
    {
        FakeMigrationJobFactory jobs;
        jobs.setScript(hang());
        MigrationQueue queue(jobs.factory());
        queue.setLimits(1, 1);
        QSignalSpy finished(&queue, &MigrationQueue::jobFinished);
        for (quint64 id = 1; id <= 3; ++id)
            queue.enqueue(
                request(id, QStringLiteral("vm%1").arg(id), QStringLiteral("a"), QStringLiteral("x")));
        QCoreApplication::processEvents();
        queue.cancelAll();
        QTRY_COMPARE(finished.size(), 3);
        // Queued ones first (at once), the running one when its job answers.
        QCOMPARE(finished.at(0).at(0).value<MigrationRequest>().id, quint64(2));
        QCOMPARE(finished.at(1).at(0).value<MigrationRequest>().id, quint64(3));
        QCOMPARE(finished.at(2).at(0).value<MigrationRequest>().id, quint64(1));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(resultAt(finished, i).phase, MigrationPhase::Cancelled);
        QCOMPARE(jobs.count(), 1);
        QCOMPARE(queue.runningCount(), 0);
    }

    void liveTuningReachesTheRunningJob()
    {
        FakeMigrationJobFactory jobs;
        FakeMigrationScript script = hang();
        MigrationQueue queue(jobs.factory());
        QSignalSpy failed(&queue, &MigrationQueue::tuningFailed);
        MigrationRequest r = request(11, QStringLiteral("calc"), QStringLiteral("a"), QStringLiteral("x"));
        r.options.allowPostCopy = true;
        jobs.setScript(r.uuid, script);
        queue.enqueue(r);
        QCoreApplication::processEvents();
        QVERIFY(queue.isRunning(11));
        QVERIFY(jobs.advance(11));

        queue.setBandwidth(11, 40);
        queue.setMaxDowntime(11, 300);
        queue.switchToPostCopy(11);
        QTRY_COMPARE(jobs.record(11).postCopyCalls, 1);
        QCOMPARE(jobs.record(11).bandwidths, QList<quint64>{40});
        QCOMPARE(jobs.record(11).downtimes, QList<qint64>{300});
        QTRY_COMPARE(queue.progress(11).phase, MigrationPhase::PostCopy);
        QVERIFY(failed.isEmpty());
        // A running job's request is not rewritten: what it started with stays on record.
        QCOMPARE(queue.jobs().constFirst().options.bandwidthMiBs, quint64(0));

        // Refusals come back under the move's id; the job goes on.
        queue.setMaxDowntime(11, 0);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).toULongLong(), quint64(11));
        QCOMPARE(failed.at(0).at(1).value<Error>().code, ErrorCode::InvalidInput);
        QVERIFY(queue.isRunning(11));
        queue.setBandwidth(12, 5); // no such job: nothing
        QCOMPARE(jobs.record(11).bandwidths, QList<quint64>{40});
    }

    void postCopyRefusedByTheBackendIsReported()
    {
        FakeMigrationJobFactory jobs;
        FakeMigrationScript script = hang();
        script.rejectPostCopy = true;
        jobs.setScript(script);
        MigrationQueue queue(jobs.factory());
        QSignalSpy failed(&queue, &MigrationQueue::tuningFailed);
        MigrationRequest r = request(3, QStringLiteral("db"), QStringLiteral("a"), QStringLiteral("x"));
        r.options.allowPostCopy = true;
        queue.enqueue(r);
        QCoreApplication::processEvents();
        queue.switchToPostCopy(3);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).toULongLong(), quint64(3));
        QVERIFY(queue.isRunning(3));
        QVERIFY(queue.progress(3).phase != MigrationPhase::PostCopy);
    }

    void tuningAQueuedJobIsKeptForItsStart()
    {
        FakeMigrationJobFactory jobs;
        jobs.setScript(hang());
        MigrationQueue queue(jobs.factory());
        queue.setLimits(1, 1);
        QSignalSpy failed(&queue, &MigrationQueue::tuningFailed);
        QSignalSpy finished(&queue, &MigrationQueue::jobFinished);
        queue.enqueue(request(1, QStringLiteral("first"), QStringLiteral("a"), QStringLiteral("x")));
        MigrationRequest waiting =
            request(2, QStringLiteral("second"), QStringLiteral("a"), QStringLiteral("x"));
        waiting.options.allowPostCopy = true;
        queue.enqueue(waiting);
        QCoreApplication::processEvents();
        QVERIFY(!queue.isRunning(2));

        queue.setBandwidth(2, 7);
        queue.setMaxDowntime(2, 250);
        QCOMPARE(queue.jobs().at(1).options.bandwidthMiBs, quint64(7));
        QCOMPARE(queue.jobs().at(1).options.maxDowntimeMs, qint64(250));

        // Post-copy before the start is refused at once, and the job is not touched.
        queue.switchToPostCopy(2);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).toULongLong(), quint64(2));
        QCOMPARE(failed.at(0).at(1).value<Error>().code, ErrorCode::InvalidInput);
        QVERIFY(!jobs.made(2));

        queue.cancel(1);
        QTRY_VERIFY(jobs.made(2));
        // The job was made from the tuned request; nothing was sent to it separately.
        const FakeMigrationJobRecord record = jobs.record(2);
        QCOMPARE(record.request.options.bandwidthMiBs, quint64(7));
        QCOMPARE(record.request.options.maxDowntimeMs, qint64(250));
        QVERIFY(record.bandwidths.isEmpty());
        QVERIFY(record.downtimes.isEmpty());
        QCOMPARE(finished.size(), 1);
    }

    void failureIsReportedAndTheQueueGoesOn()
    {
        FakeMigrationJobFactory jobs;
        FakeMigrationScript failing;
        failing.outcome = FakeMigrationScript::Outcome::Fail;
        failing.progressSteps = 2;
        failing.failure = Error{ErrorCode::ConnectionFailed,
                                {},
                                QStringLiteral("lost the destination"),
                                QStringLiteral("End of file while reading data"),
                                0,
                                0};
        MigrationQueue queue(jobs.factory());
        queue.setLimits(1, 1);
        MigrationRequest bad = request(1, QStringLiteral("bad"), QStringLiteral("a"), QStringLiteral("x"));
        jobs.setScript(bad.uuid, failing);
        QSignalSpy progress(&queue, &MigrationQueue::jobProgress);
        QSignalSpy finished(&queue, &MigrationQueue::jobFinished);
        queue.enqueue(bad);
        queue.enqueue(request(2, QStringLiteral("good"), QStringLiteral("a"), QStringLiteral("x")));
        QCoreApplication::processEvents();
        // Starting, from the queue itself (the job's own may follow).
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.at(0).at(0).value<MigrationProgress>().phase, MigrationPhase::Starting);

        QVERIFY(jobs.advance(1));
        QVERIFY(jobs.advance(1));
        QTRY_COMPARE(queue.progress(1).phase, MigrationPhase::Transferring);
        QTRY_COMPARE(jobs.record(1).progressSent, 2);
        QTRY_VERIFY(queue.progress(1).percent() == 75);
        QVERIFY(jobs.advance(1));
        QTRY_COMPARE(finished.size(), 1);
        const MigrationResult result = resultAt(finished, 0);
        QCOMPARE(result.id, quint64(1));
        QCOMPARE(result.phase, MigrationPhase::Failed);
        QCOMPARE(result.error.code, ErrorCode::ConnectionFailed);
        QCOMPARE(result.error.detail, QStringLiteral("End of file while reading data"));
        QCOMPARE(result.error.object, QStringLiteral("bad"));
        QVERIFY(queue.isRunning(2));
        QVERIFY(!jobs.advance(1)); // finished: nothing more to drive
    }

    void incomingMemoryAndJobsForInstances()
    {
        FakeMigrationJobFactory jobs;
        jobs.setScript(hang());
        MigrationQueue queue(jobs.factory());
        queue.setLimits(1, 1);
        QSignalSpy finished(&queue, &MigrationQueue::jobFinished);
        queue.enqueue(request(1, QStringLiteral("big"), QStringLiteral("a"), QStringLiteral("x"), 4096));
        queue.enqueue(request(2, QStringLiteral("small"), QStringLiteral("a"), QStringLiteral("x"), 512));
        queue.enqueue(request(3, QStringLiteral("elsewhere"), QStringLiteral("b"), QStringLiteral("y"), 64));
        // Queued and running both count: the memory check must not let two moves fill a node.
        QCOMPARE(queue.incomingMemoryKiB(QStringLiteral("x")), quint64(4608));
        QCOMPARE(queue.incomingMemoryKiB(QStringLiteral("y")), quint64(64));
        QCOMPARE(queue.incomingMemoryKiB(QStringLiteral("a")), quint64(0));
        QVERIFY(queue.hasJobFor(QStringLiteral("uuid-big")));
        QVERIFY(queue.hasJobFor(QStringLiteral("uuid-small")));
        QVERIFY(!queue.hasJobFor(QStringLiteral("uuid-other")));
        QCoreApplication::processEvents();
        QVERIFY(queue.isRunning(1));
        QCOMPARE(queue.incomingMemoryKiB(QStringLiteral("x")), quint64(4608));

        queue.cancel(1);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(queue.incomingMemoryKiB(QStringLiteral("x")), quint64(512));
        QVERIFY(!queue.hasJobFor(QStringLiteral("uuid-big")));
    }

    void oneIdFromRequestToResult()
    {
        FakeMigrationJobFactory jobs;
        MigrationQueue queue(jobs.factory());
        FakeMigrationScript script;
        script.progressSteps = 1;
        jobs.setScript(script);
        QSignalSpy queued(&queue, &MigrationQueue::jobQueued);
        QSignalSpy started(&queue, &MigrationQueue::jobStarted);
        QSignalSpy progress(&queue, &MigrationQueue::jobProgress);
        QSignalSpy finished(&queue, &MigrationQueue::jobFinished);

        QCOMPARE(queue.enqueue(request(42, QStringLiteral("vm"), QStringLiteral("a"), QStringLiteral("x"))),
                 quint64(42));
        // The same id again is refused, not renumbered: a move keeps one id.
        QTest::ignoreMessage(QtWarningMsg, "Migration 42 is already queued; not queued again");
        QCOMPARE(
            queue.enqueue(request(42, QStringLiteral("other"), QStringLiteral("b"), QStringLiteral("x"))),
            quint64(0));
        QCOMPARE(queue.jobs().size(), 1);
        // Without an id, the queue gives one that no earlier job has.
        const quint64 own =
            queue.enqueue(request(0, QStringLiteral("own"), QStringLiteral("c"), QStringLiteral("x")));
        QCOMPARE(own, quint64(43));
        QCOMPARE(queued.size(), 2);
        QCOMPARE(queued.at(0).at(0).value<MigrationRequest>().id, quint64(42));
        QCOMPARE(queued.at(1).at(0).value<MigrationRequest>().id, own);

        QCoreApplication::processEvents();
        QCOMPARE(startedIds(started), (QList<quint64>{42, 43}));
        QCOMPARE(jobs.record(42).request.id, quint64(42));
        QCOMPARE(jobs.record(43).request.id, quint64(43));
        // A backend's own numbering never leaks out: reports are relayed under the move's id.
        QVERIFY(jobs.reportWithForeignId(42, 7));
        QTRY_VERIFY(std::any_of(progress.cbegin(), progress.cend(), [](const QList<QVariant>& args) {
            const auto p = args.at(0).value<MigrationProgress>();
            return p.phase == MigrationPhase::Transferring && p.dataProcessed == 0;
        }));
        for (const QList<QVariant>& args : std::as_const(progress)) {
            const auto p = args.at(0).value<MigrationProgress>();
            QVERIFY2(p.id == 42 || p.id == 43, qPrintable(QString::number(p.id)));
        }
        QVERIFY(jobs.advance(42));
        QVERIFY(jobs.advance(42));
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).value<MigrationRequest>().id, quint64(42));
        QCOMPARE(resultAt(finished, 0).id, quint64(42));
        QCOMPARE(resultAt(finished, 0).phase, MigrationPhase::Completed);
        QCOMPARE(resultAt(finished, 0).downtimeMs, qint64(20));
    }

    void closingCancelsRunningJobsAndWaits()
    {
        // Moved from the lab test (closingCancelsRunningJobs) for the queue's part: nothing may go
        // on migrating unrecorded after the console is gone. The lab test keeps what libvirt does.
        FakeMigrationJobFactory jobs;
        jobs.setScript(hang());
        {
            MigrationQueue queue(jobs.factory());
            queue.setLimits(2, 1);
            queue.enqueue(request(1, QStringLiteral("one"), QStringLiteral("a"), QStringLiteral("x")));
            queue.enqueue(request(2, QStringLiteral("two"), QStringLiteral("b"), QStringLiteral("x")));
            queue.enqueue(request(3, QStringLiteral("three"), QStringLiteral("b"), QStringLiteral("x")));
            QCoreApplication::processEvents();
            QVERIFY(jobs.advance(1));
            QCOMPARE(queue.runningCount(), 2);
        }
        // The destructor asked both running jobs to cancel and waited for their threads; the
        // queued one never started.
        for (quint64 id : {quint64(1), quint64(2)}) {
            const FakeMigrationJobRecord record = jobs.record(id);
            QCOMPARE(record.cancelCalls, 1);
            QVERIFY(record.finished);
            QCOMPARE(record.outcome, MigrationPhase::Cancelled);
        }
        QVERIFY(!jobs.made(3));
        QCOMPARE(jobs.count(), 2);
        // Their deletion was left to their threads' end; it happens without the queue.
        QTRY_VERIFY(jobs.record(1).destroyed && jobs.record(2).destroyed);
    }

    void tuningJobsThatEndOnTheirThreadsIsSafe()
    {
        // A job is deleted on its own thread when that thread ends, which can be before the queue
        // hears its result; the queue may still post cancel and tuning to it meanwhile. Here the
        // test thread keeps posting, without letting the queue hear anything, while eight jobs at
        // a time end and are deleted on their threads. Under AddressSanitizer a post to a deleted
        // job is a heap-use-after-free.
        FakeMigrationJobFactory jobs;
        MigrationQueue queue(jobs.factory());
        constexpr int Parallel = 8;
        constexpr int Rounds = 12;
        queue.setLimits(Parallel, 1);
        QSignalSpy finished(&queue, &MigrationQueue::jobFinished);
        int posts = 0;
        quint64 next = 1;
        for (int round = 0; round < Rounds; ++round) {
            QList<quint64> ids;
            for (int i = 0; i < Parallel; ++i, ++next) {
                ids.append(next);
                queue.enqueue(request(next, QStringLiteral("vm%1").arg(next), QStringLiteral("n%1").arg(i),
                                      QStringLiteral("x")));
            }
            QTRY_COMPARE(queue.runningCount(), Parallel);
            for (quint64 id : std::as_const(ids))
                QVERIFY(jobs.advance(id));
            const QDeadlineTimer deadline(10000);
            bool allGone = false;
            while (!allGone && !deadline.hasExpired()) {
                allGone = true;
                for (quint64 id : std::as_const(ids)) {
                    queue.setBandwidth(id, 10 + quint64(posts % 7));
                    queue.setMaxDowntime(id, 100);
                    ++posts;
                    allGone = allGone && jobs.record(id).destroyed;
                }
            }
            QVERIFY2(allGone, "the jobs' threads did not end");
            QTRY_COMPARE(finished.size(), (round + 1) * Parallel);
            QCOMPARE(queue.runningCount(), 0);
        }
        for (const QList<QVariant>& args : std::as_const(finished))
            QCOMPARE(args.at(1).value<MigrationResult>().phase, MigrationPhase::Completed);
        qInfo("FIGURE queue-posts-while-jobs-end=%d", posts);
    }

    void controllerRemembersOptionsAndLimits()
    {
        // Moved from the lab test (optionsAreRemembered): settings only, no node needed.
        ClusterController cluster([](const NodeConfig&) { return nullptr; });
        QTemporaryDir dir;
        MigrationOptions chosen;
        {
            MigrationController controller(&cluster, dir.filePath(QStringLiteral("journal.jsonl")));
            QCOMPARE(controller.defaultOptions(), MigrationOptions{});
            chosen.live = false;
            chosen.bandwidthMiBs = 25;
            chosen.autoConverge = true;
            chosen.maxDowntimeMs = 250;
            chosen.peerToPeer = false;
            chosen.undefineSource = false;
            controller.setDefaultOptions(chosen);
        }
        MigrationController again(&cluster, dir.filePath(QStringLiteral("journal.jsonl")));
        QCOMPARE(again.defaultOptions(), chosen);
        again.setDefaultOptions(MigrationOptions{});

        QSettings settings;
        settings.setValue(QStringLiteral("migration/globalLimit"), 3);
        settings.setValue(QStringLiteral("migration/perSourceLimit"), 2);
        MigrationController limited(&cluster, dir.filePath(QStringLiteral("journal.jsonl")));
        QCOMPARE(limited.queue()->globalLimit(), 3);
        QCOMPARE(limited.queue()->perSourceLimit(), 2);
        settings.remove(QStringLiteral("migration"));
    }
};

QTEST_GUILESS_MAIN(TestMigrationQueue)
#include "tst_migrationqueue.moc"

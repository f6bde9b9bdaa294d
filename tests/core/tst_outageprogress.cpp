// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OutageProgress::of: the overall figures of a run from its records, the bytes its running moves
// have sent and this session's pace.
#include <QTest>

#include "core/outageprogress.h"
#include "core/outagestate.h"

using namespace kumo;

namespace {

constexpr quint64 MiB = 1024 * 1024;

MoveRecord record(MoveStatus status, quint64 memoryMiB, quint64 dataBytes = 0)
{
    MoveRecord result;
    result.move.memoryKiB = memoryMiB * 1024;
    result.status = status;
    result.dataBytes = dataBytes;
    return result;
}

} // namespace

class TestOutageProgress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsAndData()
    {
        OutageRun run;
        run.records = {record(MoveStatus::Done, 100, 90 * MiB), record(MoveStatus::Running, 200),
                       record(MoveStatus::Pending, 300),        record(MoveStatus::Failed, 50),
                       record(MoveStatus::Skipped, 10),         record(MoveStatus::Cancelled, 20)};
        const OutageProgress progress = OutageProgress::of(run, {{1, 50 * MiB}}, 10000, 90 * MiB);
        QCOMPARE(progress.total, 6);
        QCOMPARE(progress.done, 1);
        QCOMPARE(progress.running, 1);
        QCOMPARE(progress.failed, 1);
        QCOMPARE(progress.skipped, 2); // skipped and cancelled
        QCOMPARE(progress.bytesTotal, 680 * MiB);
        QCOMPARE(progress.bytesMoved, 140 * MiB); // done's data plus what the running one sent
        QCOMPARE(progress.elapsedMs, qint64(10000));
        // Left: 150 MiB of the running move and 300 MiB pending, at 90 MiB per 10 s.
        QCOMPARE(progress.etaMs, qint64(50000));
    }

    void noPaceNoEstimate()
    {
        OutageRun run;
        run.records = {record(MoveStatus::Pending, 100)};
        QCOMPARE(OutageProgress::of(run, {}, 5000, 0).etaMs, qint64(-1));
        QCOMPARE(OutageProgress::of(run, {}, 0, 10 * MiB).etaMs, qint64(-1));
        // A running move that has sent more than its memory leaves nothing, not a wrap-around.
        run.records = {record(MoveStatus::Running, 10)};
        const OutageProgress over = OutageProgress::of(run, {{0, 20 * MiB}}, 1000, 10 * MiB);
        QCOMPARE(over.bytesMoved, 20 * MiB);
        QCOMPARE(over.etaMs, qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestOutageProgress)
#include "tst_outageprogress.moc"

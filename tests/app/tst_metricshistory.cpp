// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MetricsHistory against a clock the test steps: the window and the spacing of samples follow the
// monotonic clock; a step of the wall clock (forward or back, an hour) changes neither.
#include <QTest>

#include "app/cluster/metricshistory.h"

using namespace kumo;

namespace {

constexpr qint64 Hour = 3600 * 1000;

NodeSnapshot poll(qint64 wallMs, double cpu)
{
    NodeSnapshot s;
    s.node = QStringLiteral("n1");
    s.state = NodeState::Connected;
    s.memoryTotalKiB = 8 * 1024 * 1024;
    s.memoryFreeKiB = 4 * 1024 * 1024;
    s.cpuUsagePercent = cpu;
    s.sampledAtMs = wallMs;
    return s;
}

InstanceSnapshot instancePoll(qint64 wallMs, double cpu)
{
    InstanceSnapshot s;
    s.uuid = QStringLiteral("u1");
    s.name = QStringLiteral("vm");
    s.state = InstanceState::Running;
    s.memoryKiB = 1024 * 1024;
    s.cpuPercent = cpu;
    s.sampledAtMs = wallMs;
    return s;
}

struct SteppedClock
{
    qint64 monotonic = 5'000'000;
    qint64 wall = 1'800'000'000'000;
    Clock clock()
    {
        return Clock{[this] { return monotonic; }, [this] { return wall; }};
    }
    void advance(qint64 ms)
    {
        monotonic += ms;
        wall += ms;
    }
};

QList<qint64> spacing(const QList<MetricsHistory::Sample>& samples)
{
    QList<qint64> gaps;
    for (qsizetype i = 1; i < samples.size(); ++i)
        gaps.append(samples.at(i).atMs - samples.at(i - 1).atMs);
    return gaps;
}

} // namespace

class TestMetricsHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wallStepsChangeNeitherWindowNorSpacing_data()
    {
        QTest::addColumn<qint64>("step");
        QTest::newRow("forward an hour") << Hour;
        QTest::newRow("back an hour") << -Hour;
    }

    void wallStepsChangeNeitherWindowNorSpacing()
    {
        QFETCH(qint64, step);
        // Two runs fed the same polls two seconds apart; in the second the wall clock steps in
        // the middle. Every figure and every gap stays, and nothing leaves the window.
        SteppedClock steady;
        SteppedClock stepped;
        MetricsHistory a(60 * 1000, 5000);
        MetricsHistory b(60 * 1000, 5000);
        a.setClock(steady.clock());
        b.setClock(stepped.clock());
        for (int i = 0; i < 20; ++i) {
            if (i == 10)
                stepped.wall += step;
            a.recordNode(poll(steady.wall, i));
            b.recordNode(poll(stepped.wall, i));
            if (i % 3 == 0) { // instances are looked at once a step (the cluster controller's gate)
                a.recordInstance(instancePoll(steady.wall, i));
                b.recordInstance(instancePoll(stepped.wall, i));
            }
            steady.advance(2000);
            stepped.advance(2000);
        }
        const QList<MetricsHistory::Sample> nodeA = a.node(QStringLiteral("n1"));
        const QList<MetricsHistory::Sample> nodeB = b.node(QStringLiteral("n1"));
        QCOMPARE(nodeA.size(), 20);
        QCOMPARE(nodeB.size(), nodeA.size());
        QCOMPARE(spacing(nodeB), spacing(nodeA));
        for (qsizetype i = 0; i < nodeA.size(); ++i) {
            QCOMPARE(nodeB.at(i).cpuPercent, nodeA.at(i).cpuPercent);
            QCOMPARE(nodeB.at(i).atMs, nodeA.at(i).atMs);
        }
        // The wall time is kept for "when", as the node said it.
        QCOMPARE(nodeB.constLast().wallMs - nodeA.constLast().wallMs, step);

        const QList<MetricsHistory::Sample> vmA = a.instance(QStringLiteral("u1"));
        const QList<MetricsHistory::Sample> vmB = b.instance(QStringLiteral("u1"));
        QCOMPARE(vmA.size(), 7); // every six seconds over 40 s
        QCOMPARE(vmB.size(), vmA.size());
        QCOMPARE(spacing(vmB), spacing(vmA));
        for (qsizetype i = 0; i < vmA.size(); ++i)
            QCOMPARE(vmB.at(i).cpuPercent, vmA.at(i).cpuPercent);

        // The window is counted on the monotonic clock: a minute later, the first half is gone
        // from both alike.
        for (int i = 0; i < 15; ++i) {
            steady.advance(2000);
            stepped.advance(2000);
            a.recordNode(poll(steady.wall, 100 + i));
            b.recordNode(poll(stepped.wall, 100 + i));
        }
        QCOMPARE(b.node(QStringLiteral("n1")).size(), a.node(QStringLiteral("n1")).size());
        QCOMPARE(spacing(b.node(QStringLiteral("n1"))), spacing(a.node(QStringLiteral("n1"))));
    }

    void aPollRecordedTwiceCountsOnce()
    {
        SteppedClock clock;
        MetricsHistory history;
        history.setClock(clock.clock());
        history.recordNode(poll(clock.wall, 1));
        clock.advance(300);
        // The same poll merged again (no new sampling time): not a second point.
        history.recordNode(poll(clock.wall - 300, 1));
        QCOMPARE(history.node(QStringLiteral("n1")).size(), 1);
        history.recordNode(poll(clock.wall, 2));
        QCOMPARE(history.node(QStringLiteral("n1")).size(), 2);
    }

    void ioSeriesOnlyWhereReported()
    {
        SteppedClock clock;
        MetricsHistory history(10 * 60 * 1000, 0);
        history.setClock(clock.clock());
        // The test driver reports no I/O: no series of that kind is kept.
        history.recordInstance(instancePoll(clock.wall, 5));
        QVERIFY(history.instanceIo(QStringLiteral("u1")).isEmpty());
        // QEMU does: read + write and received + sent, steal and RSS in MiB.
        clock.advance(1000);
        InstanceSnapshot s = instancePoll(clock.wall, 6);
        s.diskReadBps = 1000;
        s.diskWriteBps = 24;
        s.netRxBps = 300;
        s.netTxBps = 700;
        s.cpuStealPercent = 2.5;
        s.rssKiB = 2048;
        history.recordInstance(s);
        clock.advance(1000);
        s.sampledAtMs = clock.wall;
        s.netTxBps = -1; // one direction unknown: the sum is unknown
        history.recordInstance(s);
        const QList<MetricsHistory::IoSample> io = history.instanceIo(QStringLiteral("u1"));
        QCOMPARE(io.size(), 2);
        QCOMPARE(io.at(0).diskBytesPerSecond, 1024.0f);
        QCOMPARE(io.at(0).netBytesPerSecond, 1000.0f);
        QCOMPARE(io.at(0).stealPercent, 2.5f);
        QCOMPARE(io.at(0).rssMiB, 2.0f);
        QCOMPARE(io.at(1).netBytesPerSecond, -1.0f);
        history.forgetInstance(QStringLiteral("u1"));
        QVERIFY(history.instanceIo(QStringLiteral("u1")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMetricsHistory)
#include "tst_metricshistory.moc"

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The rate arithmetic behind the I/O, steal and host CPU figures, against hand-computed cases:
// bytes per second, steal over several vCPUs, shares of host CPU time, and the cases that must give
// "unknown" (-1): a counter that went backwards, no time elapsed, no vCPUs.
#include <QTest>

#include "core/metricrates.h"
#include "core/snapshot.h"

using namespace kumo;

class TestMetricRates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bytesPerSecond();
    void steal();
    void share();
    void snapshotContentIgnoresCounters();
};

void TestMetricRates::bytesPerSecond()
{
    // 3 MiB in 1.5 s: 2 MiB/s.
    QCOMPARE(MetricRates::perSecond(1000, 1000 + 3 * 1024 * 1024, 1'500'000'000), 2.0 * 1024 * 1024);
    QCOMPARE(MetricRates::perSecond(500, 500, 1'000'000'000), 0.0);
    // 10 bytes in 250 ms: 40 B/s.
    QCOMPARE(MetricRates::perSecond(0, 10, 250'000'000), 40.0);
    QCOMPARE(MetricRates::perSecond(2000, 1000, 1'000'000'000), -1.0); // counter reset
    QCOMPARE(MetricRates::perSecond(0, 1000, 0), -1.0);
    QCOMPARE(MetricRates::perSecond(0, 1000, -5), -1.0);
}

void TestMetricRates::steal()
{
    // 2 vCPUs over 2 s = 4 vCPU-seconds; 0.2 s of delay in all: 5 %.
    QCOMPARE(MetricRates::stealPercent(1'000'000'000, 1'200'000'000, 2'000'000'000, 2), 5.0);
    QCOMPARE(MetricRates::stealPercent(0, 0, 1'000'000'000, 4), 0.0);
    // More delay than time (clock skew between samples) is capped.
    QCOMPARE(MetricRates::stealPercent(0, 3'000'000'000, 1'000'000'000, 1), 100.0);
    QCOMPARE(MetricRates::stealPercent(5, 1, 1'000'000'000, 1), -1.0);
    QCOMPARE(MetricRates::stealPercent(0, 1, 1'000'000'000, 0), -1.0);
    QCOMPARE(MetricRates::stealPercent(0, 1, 0, 1), -1.0);
}

void TestMetricRates::share()
{
    // iowait grew 30 of 400 ticks: 7.5 %.
    QCOMPARE(MetricRates::sharePercent(100, 130, 1000, 1400), 7.5);
    QCOMPARE(MetricRates::sharePercent(100, 100, 1000, 1000), -1.0); // no time passed
    QCOMPARE(MetricRates::sharePercent(100, 90, 1000, 1400), -1.0);
}

void TestMetricRates::snapshotContentIgnoresCounters()
{
    // The raw counters change with every poll; only the rates a person reads make a change.
    InstanceSnapshot a;
    a.uuid = QStringLiteral("u");
    a.diskReadBytes = 100;
    a.diskReadBps = 2'000'000;
    InstanceSnapshot b = a;
    b.diskReadBytes = 2'000'100;
    b.cpuDelayNs = 7;
    QVERIFY(a.sameContent(b));
    b.diskReadBps = 2'010'000; // within 1 %: the same three digits
    QVERIFY(a.sameContent(b));
    b.diskReadBps = 3'000'000;
    QVERIFY(!a.sameContent(b));
    b = a;
    b.netTxBps = 0; // known now, unknown before
    QVERIFY(!a.sameContent(b));
    b = a;
    b.rssKiB = 2048;
    QVERIFY(!a.sameContent(b));

    NodeSnapshot n;
    n.node = QStringLiteral("n");
    NodeSnapshot m = n;
    m.pools = {StoragePoolSnapshot{QStringLiteral("default"), true, 100, 40, 60}};
    QVERIFY(!sameContent(n, m));
    QCOMPARE(m.pools.first().freePercent(), 60.0);
    QCOMPARE(StoragePoolSnapshot{}.freePercent(), -1.0);
}

QTEST_GUILESS_MAIN(TestMetricRates)
#include "tst_metricrates.moc"

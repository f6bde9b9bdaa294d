// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Campus headroom against hand-computed cases: what the other campus could take if one went dark,
// with the evacuation planner's rules (headroom, maintenance, reachability, best fit), including a
// case where the other campus cannot take everything. Inputs are built by hand: no libvirt.
#include <QElapsedTimer>
#include <QTest>

#include "core/campusheadroom.h"
#include "support/plannercluster.h"

using namespace kumo;

namespace {

constexpr quint64 GiB = 1024 * 1024;

const QString Myodaiji = PlannerCluster::Myodaiji;
const QString Yamate = PlannerCluster::Yamate;

using Cluster = PlannerCluster;

const CampusHeadroom* find(const QList<CampusHeadroom>& all, const QString& site)
{
    for (const CampusHeadroom& headroom : all) {
        if (headroom.site == site)
            return &headroom;
    }
    return nullptr;
}

} // namespace

class TestCampusHeadroom : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everythingFits();
    void otherCampusCannotTakeEverything();
    void nothingRunning();
    void onlyCampus();
    void largeClusterCost();
};

void TestCampusHeadroom::everythingFits()
{
    // No headroom. Myodaiji: m1 16 GiB running a (4 GiB) and b (2 GiB), c (8 GiB) shut off.
    // Yamate: y1 16 GiB running d (2 GiB).
    Cluster c;
    c.node(QStringLiteral("m1"), Myodaiji, 16 * GiB);
    c.node(QStringLiteral("y1"), Yamate, 16 * GiB);
    c.vm(QStringLiteral("a"), QStringLiteral("m1"), 4 * GiB);
    c.vm(QStringLiteral("b"), QStringLiteral("m1"), 2 * GiB);
    c.vm(QStringLiteral("c"), QStringLiteral("m1"), 8 * GiB, 1, InstanceState::ShutOff);
    c.vm(QStringLiteral("d"), QStringLiteral("y1"), 2 * GiB);

    const QList<CampusHeadroom> all = CampusHeadroom::computeAll(c.input);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).site, Myodaiji); // inventory order
    // Myodaiji dark: y1 has 16 - 2 = 14 GiB; a and b take 6 GiB; 8 GiB left.
    const CampusHeadroom* myodaiji = find(all, Myodaiji);
    QCOMPARE(myodaiji->running, 2);
    QCOMPARE(myodaiji->placed, 2);
    QCOMPARE(myodaiji->memoryLeftKiB, 8 * GiB);
    QVERIFY(myodaiji->fitsAll());
    QVERIFY(myodaiji->unplacedNames.isEmpty());
    QVERIFY2(myodaiji->line().contains(QStringLiteral("2 of 2")), qPrintable(myodaiji->line()));
    QVERIFY2(myodaiji->line().contains(QStringLiteral("8.0 GiB")), qPrintable(myodaiji->line()));
    // Yamate dark: m1 has 16 - 6 = 10 GiB (the shut-off c takes nothing); d takes 2; 8 GiB left.
    const CampusHeadroom* yamate = find(all, Yamate);
    QCOMPARE(yamate->running, 1);
    QCOMPARE(yamate->placed, 1);
    QCOMPARE(yamate->memoryLeftKiB, 8 * GiB);
    const QString tip = yamate->toolTip(QStringLiteral("Yamate"), QStringLiteral("Myodaiji"), 0);
    QVERIFY2(tip.contains(QStringLiteral("Myodaiji could take all")), qPrintable(tip));
}

void TestCampusHeadroom::otherCampusCannotTakeEverything()
{
    // 10 % headroom. Myodaiji: m1 32 GiB runs a 8, b 8, c 6 GiB; m2 32 GiB runs e 4 GiB.
    // Yamate: y1 16 GiB runs y 2 GiB; y2 64 GiB is in maintenance; y3 64 GiB is unreachable.
    Cluster c;
    c.input.rules.headroomPercent = 10;
    c.node(QStringLiteral("m1"), Myodaiji, 32 * GiB);
    c.node(QStringLiteral("m2"), Myodaiji, 32 * GiB);
    c.node(QStringLiteral("y1"), Yamate, 16 * GiB);
    c.node(QStringLiteral("y2"), Yamate, 64 * GiB);
    c.input.inventory.nodes.last().maintenance = true;
    c.node(QStringLiteral("y3"), Yamate, 64 * GiB, 16, NodeState::Unreachable);
    c.vm(QStringLiteral("a"), QStringLiteral("m1"), 8 * GiB);
    c.vm(QStringLiteral("b"), QStringLiteral("m1"), 8 * GiB);
    c.vm(QStringLiteral("c"), QStringLiteral("m1"), 6 * GiB);
    c.vm(QStringLiteral("e"), QStringLiteral("m2"), 4 * GiB);
    c.vm(QStringLiteral("y"), QStringLiteral("y1"), 2 * GiB);

    // Room on y1: 16 GiB * 90 % (15099494 KiB, rounded down) - 2 GiB = 13002342 KiB.
    const QHash<QString, quint64> room = Planner::memoryRoom(c.input);
    QCOMPARE(room.value(QStringLiteral("y1")), quint64(13002342));
    QVERIFY(!room.contains(QStringLiteral("y2")));
    QVERIFY(!room.contains(QStringLiteral("y3")));

    // Largest first: a (8) fits y1 (4613734 left), b (8) does not, c (6 = 6291456) does not, e (4 =
    // 4194304) does: 2 of 4, 419430 KiB (0.4 GiB) left.
    const CampusHeadroom myodaiji = CampusHeadroom::compute(c.input, Myodaiji, room);
    QCOMPARE(myodaiji.running, 4);
    QCOMPARE(myodaiji.placed, 2);
    QVERIFY(!myodaiji.fitsAll());
    QCOMPARE(myodaiji.memoryLeftKiB, quint64(419430));
    QCOMPARE(myodaiji.unplacedNames, (QStringList{QStringLiteral("b"), QStringLiteral("c")}));
    QVERIFY(!myodaiji.firstReason.isEmpty());
    QVERIFY2(myodaiji.line().contains(QStringLiteral("2 of 4")), qPrintable(myodaiji.line()));
    QVERIFY2(myodaiji.line().contains(QStringLiteral("0.4 GiB")), qPrintable(myodaiji.line()));
    const QString tip = myodaiji.toolTip(QStringLiteral("Myodaiji"), QStringLiteral("Yamate"), 10);
    QVERIFY2(tip.contains(QStringLiteral("only 2")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("b, c")), qPrintable(tip));
    QVERIFY2(tip.contains(myodaiji.firstReason), qPrintable(tip));

    // Yamate dark: m1 has 30198988 - 22 GiB = 7130316 KiB, m2 30198988 - 4 GiB = 26004684 KiB;
    // y (2 GiB) goes to m1 (best fit); 31037848 KiB left.
    const CampusHeadroom yamate = CampusHeadroom::compute(c.input, Yamate, room);
    QCOMPARE(yamate.running, 1);
    QCOMPARE(yamate.placed, 1);
    QCOMPARE(yamate.memoryLeftKiB, quint64(31037848));
    QVERIFY2(yamate.line().contains(QStringLiteral("29.6 GiB")), qPrintable(yamate.line()));

    // The maintenance node back in service takes the rest: the same campus now fits.
    c.input.inventory.nodes[3].maintenance = false;
    const QList<CampusHeadroom> after = CampusHeadroom::computeAll(c.input);
    QCOMPARE(find(after, Myodaiji)->placed, 4);
    QVERIFY(find(after, Myodaiji)->fitsAll());
}

void TestCampusHeadroom::nothingRunning()
{
    Cluster c;
    c.node(QStringLiteral("m1"), Myodaiji, 8 * GiB);
    c.node(QStringLiteral("y1"), Yamate, 8 * GiB);
    c.vm(QStringLiteral("y"), QStringLiteral("y1"), 1 * GiB);
    const QList<CampusHeadroom> all = CampusHeadroom::computeAll(c.input);
    const CampusHeadroom* myodaiji = find(all, Myodaiji);
    QCOMPARE(myodaiji->running, 0);
    QVERIFY(myodaiji->fitsAll());
    QCOMPARE(myodaiji->memoryLeftKiB, 7 * GiB); // y1's 8 GiB less y's 1 GiB
    QVERIFY2(myodaiji->line().contains(QStringLiteral("7.0 GiB")), qPrintable(myodaiji->line()));
}

void TestCampusHeadroom::onlyCampus()
{
    Cluster c;
    c.input.inventory.sites.removeLast();
    c.node(QStringLiteral("m1"), Myodaiji, 8 * GiB);
    c.vm(QStringLiteral("a"), QStringLiteral("m1"), 1 * GiB);
    const QList<CampusHeadroom> all = CampusHeadroom::computeAll(c.input);
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().otherSites, 0);
    QCOMPARE(all.first().running, 1);
    QCOMPARE(all.first().placed, 0);
    QVERIFY(!all.first().fitsAll());
}

void TestCampusHeadroom::largeClusterCost()
{
    // The benchmark's shape: 2 campuses x 250 nodes x 20 instances. Prints what one recomputation
    // of both campuses costs; only asserts that it finishes and counts everything.
    Cluster c;
    for (int site = 0; site < 2; ++site) {
        for (int n = 0; n < 250; ++n) {
            const QString node = QStringLiteral("n%1-%2").arg(site).arg(n);
            c.node(node, site == 0 ? Myodaiji : Yamate, 64 * GiB);
            for (int i = 0; i < 20; ++i)
                c.vm(QStringLiteral("%1-vm%2").arg(node).arg(i), node, GiB);
        }
    }
    QElapsedTimer timer;
    timer.start();
    const QList<CampusHeadroom> all = CampusHeadroom::computeAll(c.input);
    qInfo("FIGURE headroom-10000-instances-ms=%lld", timer.elapsed());
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).running, 5000);
    QCOMPARE(all.at(0).placed, 5000); // 250 x (64 - 20) GiB free for 5,000 GiB
    QCOMPARE(all.at(1).memoryLeftKiB, 250 * (64 - 20) * GiB - 5000 * GiB);
}

QTEST_GUILESS_MAIN(TestCampusHeadroom)
#include "tst_campusheadroom.moc"

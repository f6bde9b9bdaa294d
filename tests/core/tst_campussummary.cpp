// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Campus totals against hand-computed cases: nodes up, instances, CPU weighted by CPU count, memory
// of connected nodes only, active pools only, nodes outside the inventory left out.
#include <QTest>

#include "core/campussummary.h"

using namespace kumo;

class TestCampusSummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void totals();
};

void TestCampusSummary::totals()
{
    Inventory inventory;
    inventory.sites = {Site{QStringLiteral("a"), QStringLiteral("A"), {}, {}, {}},
                       Site{QStringLiteral("b"), QStringLiteral("B"), {}, {}, {}}};
    const QList<std::pair<QString, QString>> placement = {{QStringLiteral("a1"), QStringLiteral("a")},
                                                          {QStringLiteral("a2"), QStringLiteral("a")},
                                                          {QStringLiteral("a3"), QStringLiteral("a")},
                                                          {QStringLiteral("b1"), QStringLiteral("b")}};
    for (const auto& [name, site] : placement) {
        NodeConfig node;
        node.name = name;
        node.site = site;
        inventory.nodes.append(node);
    }
    auto node = [](const char* name, int cpus, double cpu, quint64 total, quint64 free) {
        NodeSnapshot s;
        s.node = QString::fromLatin1(name);
        s.state = NodeState::Connected;
        s.cpus = cpus;
        s.cpuUsagePercent = cpu;
        s.memoryTotalKiB = total;
        s.memoryFreeKiB = free;
        return s;
    };
    NodeSnapshot a1 = node("a1", 4, 50, 1000, 400);
    a1.instanceCount = 5;
    a1.runningCount = 3;
    a1.poolsKnown = true;
    a1.pools = {StoragePoolSnapshot{QStringLiteral("p"), true, 100, 30, 70},
                StoragePoolSnapshot{QStringLiteral("off"), false, 0, 0, 0}};
    NodeSnapshot a2 = node("a2", 12, 10, 3000, 1000);
    a2.instanceCount = 2;
    a2.runningCount = 2;
    NodeSnapshot a3 = node("a3", 8, 90, 8000, 0);
    a3.state = NodeState::Unreachable; // counted as a node, nothing else
    NodeSnapshot stray = node("zz", 64, 100, 99999, 0);
    NodeSnapshot b1 = node("b1", 2, -1, 500, 500);

    const QList<CampusSummary> all = CampusSummary::compute(inventory, {a1, a2, a3, stray, b1});
    QCOMPARE(all.size(), 2);
    const CampusSummary& a = all.at(0);
    QCOMPARE(a.site, QStringLiteral("a"));
    QCOMPARE(a.nodes, 3);
    QCOMPARE(a.nodesUp, 2);
    QCOMPARE(a.instances, 7);
    QCOMPARE(a.running, 5);
    QCOMPARE(a.cpuPercent, (50.0 * 4 + 10.0 * 12) / 16); // 20 %
    QCOMPARE(a.memoryTotalKiB, quint64(4000));
    QCOMPARE(a.memoryUsedKiB, quint64(600 + 2000));
    QVERIFY(a.poolsKnown);
    QCOMPARE(a.poolCapacityBytes, quint64(100));
    QCOMPARE(a.poolFreeBytes, quint64(70));
    const CampusSummary& b = all.at(1);
    QCOMPARE(b.nodesUp, 1);
    QCOMPARE(b.cpuPercent, -1.0);
    QCOMPARE(b.memoryUsedKiB, quint64(0));
    QVERIFY(!b.poolsKnown);
}

QTEST_GUILESS_MAIN(TestCampusSummary)
#include "tst_campussummary.moc"

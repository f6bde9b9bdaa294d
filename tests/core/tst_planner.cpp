// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The evacuation and return planner as a pure function: capacity with headroom, vCPUs, anti-affinity,
// CPU compatibility, maintenance and reachability, priority order, best fit, determinism, return to
// the home nodes, validate() and retarget(). Inputs are built by hand: no libvirt.
#include <algorithm>
#include <random>

#include <QElapsedTimer>
#include <QTest>

#include "core/planner.h"
#include "support/plannercluster.h"

using namespace kumo;

namespace {

constexpr quint64 MiB = 1024;
constexpr quint64 GiB = 1024 * 1024;

const QString Myodaiji = PlannerCluster::Myodaiji;
const QString Yamate = PlannerCluster::Yamate;

QString uuidOf(const QString& name)
{
    return PlannerCluster::uuidOf(name);
}

using Cluster = PlannerCluster;

QString targetOf(const OutagePlan& plan, const QString& name)
{
    const int index = plan.indexOfMove(uuidOf(name));
    return index < 0 ? QString() : plan.moves.at(index).toNode;
}

QString reasonOf(const OutagePlan& plan, const QString& name)
{
    const int index = plan.indexOfUnplaced(uuidOf(name));
    return index < 0 ? QString() : plan.unplaced.at(index).reason;
}

QStringList moveNames(const OutagePlan& plan)
{
    QStringList names;
    for (const PlannedMove& move : plan.moves)
        names.append(move.name);
    return names;
}

// id and createdAt differ on every call by design; everything else must not.
OutagePlan comparable(OutagePlan plan)
{
    plan.id.clear();
    plan.createdAt = QDateTime();
    return plan;
}

} // namespace

class TestPlanner : public QObject
{
    Q_OBJECT

private slots:
    void capacityTooBigForEveryNode()
    {
        Cluster c;
        c.node(QStringLiteral("myodaiji-01"), Myodaiji, 64 * GiB);
        c.node(QStringLiteral("yamate-01"), Yamate, 8 * GiB);
        c.node(QStringLiteral("yamate-02"), Yamate, 8 * GiB);
        c.vm(QStringLiteral("big"), QStringLiteral("myodaiji-01"), 16 * GiB);
        c.vm(QStringLiteral("small"), QStringLiteral("myodaiji-01"), 1 * GiB);

        const OutagePlan plan = Planner::planEvacuation(c.input, Myodaiji);
        QCOMPARE(plan.direction, OutageDirection::Evacuate);
        QCOMPARE(plan.site, Myodaiji);
        QVERIFY(!plan.id.isEmpty());
        QVERIFY(!plan.id.startsWith(QLatin1Char('{')));
        QCOMPARE(plan.createdAt.timeSpec(), Qt::UTC);
        QCOMPARE(moveNames(plan), QStringList{QStringLiteral("small")});
        QCOMPARE(plan.unplaced.size(), 1);
        const UnplacedInstance& big = plan.unplaced.first();
        QCOMPARE(big.name, QStringLiteral("big"));
        QCOMPARE(big.fromNode, QStringLiteral("myodaiji-01"));
        QCOMPARE(big.homeNode, QStringLiteral("myodaiji-01"));
        QCOMPARE(big.memoryKiB, 16 * GiB);
        QCOMPARE(big.choice, UnplacedChoice::Leave);
        // big is placed first (largest first), when both have 8 GiB: the name breaks the tie.
        QCOMPARE(big.reason,
                 QStringLiteral("No node of the other campuses has 16.0 GiB of memory free after 0% "
                                "headroom (most free: yamate-01, 8.0 GiB)."));
    }

    void headroomAndReserves()
    {
        Cluster c;
        c.node(QStringLiteral("myodaiji-01"), Myodaiji, 64 * GiB);
        c.node(QStringLiteral("yamate-01"), Yamate, 10 * GiB);
        c.vm(QStringLiteral("db"), QStringLiteral("myodaiji-01"), 9 * GiB);

        QCOMPARE(targetOf(Planner::planEvacuation(c.input, Myodaiji), QStringLiteral("db")),
                 QStringLiteral("yamate-01"));

        c.input.rules.headroomPercent = 20;
        const OutagePlan tight = Planner::planEvacuation(c.input, Myodaiji);
        QVERIFY(tight.moves.isEmpty());
        QCOMPARE(reasonOf(tight, QStringLiteral("db")),
                 QStringLiteral("No node of the other campuses has 9.0 GiB of memory free after 20% headroom "
                                "(most free: yamate-01, 8.0 GiB)."));

        // Both reserves apply on top of headroom: 10 GiB - 512 MiB - 768 MiB leaves less than 9 GiB.
        c.input.rules.headroomPercent = 0;
        c.input.rules.memoryReserveKiB = 512 * MiB;
        QCOMPARE(targetOf(Planner::planEvacuation(c.input, Myodaiji), QStringLiteral("db")),
                 QStringLiteral("yamate-01"));
        c.nodeConfig(QStringLiteral("yamate-01"))->memoryReserveMiB = 768;
        QVERIFY(Planner::planEvacuation(c.input, Myodaiji).moves.isEmpty());
    }

    void memoryFallsBackToMaximum()
    {
        Cluster c;
        c.node(QStringLiteral("myodaiji-01"), Myodaiji, 64 * GiB);
        c.node(QStringLiteral("yamate-01"), Yamate, 4 * GiB);
        c.vm(QStringLiteral("odd"), QStringLiteral("myodaiji-01"), 8 * GiB);
        c.input.instances.last().memoryKiB = 0;
        const OutagePlan plan = Planner::planEvacuation(c.input, Myodaiji);
        QCOMPARE(plan.unplaced.size(), 1);
        QCOMPARE(plan.unplaced.first().memoryKiB, 8 * GiB);
    }

    void vcpuCapacity()
    {
        Cluster c;
        c.node(QStringLiteral("myodaiji-01"), Myodaiji, 64 * GiB);
        c.node(QStringLiteral("yamate-01"), Yamate, 64 * GiB, 2); // 2 CPUs x 4 = 8 vCPUs
        c.vm(QStringLiteral("busy"), QStringLiteral("yamate-01"), 1 * GiB, 6);
        c.vm(QStringLiteral("app"), QStringLiteral("myodaiji-01"), 1 * GiB, 4);

        const OutagePlan plan = Planner::planEvacuation(c.input, Myodaiji);
        QVERIFY(plan.moves.isEmpty());
        QCOMPARE(
            reasonOf(plan, QStringLiteral("app")),
            QStringLiteral("No node of the other campuses has 4 vCPU(s) free after 0% headroom (most free "
                           "among those with memory: yamate-01, 2 vCPUs)."));

        // Headroom applies to vCPUs too: 3 CPUs x 4 x 90% = 10.8 -> 10, minus 6 leaves 4.
        c.node(QStringLiteral("yamate-02"), Yamate, 64 * GiB, 3);
        c.vm(QStringLiteral("busy2"), QStringLiteral("yamate-02"), 1 * GiB, 6);
        c.input.rules.headroomPercent = 10;
        QCOMPARE(targetOf(Planner::planEvacuation(c.input, Myodaiji), QStringLiteral("app")),
                 QStringLiteral("yamate-02"));
        c.input.rules.headroomPercent = 20; // 9.6 -> 9, minus 6 leaves 3
        QVERIFY(Planner::planEvacuation(c.input, Myodaiji).moves.isEmpty());
    }

    void antiAffinity()
    {
        Cluster c;
        c.node(QStringLiteral("myodaiji-01"), Myodaiji, 64 * GiB);
        c.node(QStringLiteral("yamate-01"), Yamate, 64 * GiB);
        c.node(QStringLiteral("yamate-02"), Yamate, 64 * GiB);
        c.vm(QStringLiteral("dns1"), QStringLiteral("myodaiji-01"), 1 * GiB);
        c.vm(QStringLiteral("dns2"), QStringLiteral("myodaiji-01"), 1 * GiB);
        c.config(QStringLiteral("dns1"), 0, QStringLiteral("dns"));
        c.config(QStringLiteral("dns2"), 0, QStringLiteral("dns"));

        OutagePlan plan = Planner::planEvacuation(c.input, Myodaiji);
        QCOMPARE(plan.moves.size(), 2);
        QVERIFY(targetOf(plan, QStringLiteral("dns1")) != targetOf(plan, QStringLiteral("dns2")));

        // An instance of the group already running on a target counts as well.
        c.vm(QStringLiteral("dns3"), QStringLiteral("yamate-01"), 1 * GiB);
        c.config(QStringLiteral("dns3"), 0, QStringLiteral("dns"));
        plan = Planner::planEvacuation(c.input, Myodaiji);
        QCOMPARE(moveNames(plan), QStringList{QStringLiteral("dns1")});
        QCOMPARE(targetOf(plan, QStringLiteral("dns1")), QStringLiteral("yamate-02"));
        QCOMPARE(reasonOf(plan, QStringLiteral("dns2")),
                 QStringLiteral("Every node with room already runs dns1, dns3 of anti-affinity group dns."));
        QVERIFY(Planner::validate(plan, c.input).isEmpty());
    }

    void priorityOrder()
    {
        Cluster c;
        c.node(QStringLiteral("myodaiji-01"), Myodaiji, 64 * GiB);
        c.node(QStringLiteral("yamate-01"), Yamate, 64 * GiB);
        c.vm(QStringLiteral("www"), QStringLiteral("myodaiji-01"), 8 * GiB);
        c.vm(QStringLiteral("mail"), QStringLiteral("myodaiji-01"), 1 * GiB);
        c.vm(QStringLiteral("files"), QStringLiteral("myodaiji-01"), 2 * GiB);
        c.vm(QStringLiteral("cache"), QStringLiteral("myodaiji-01"), 2 * GiB);
        c.config(QStringLiteral("mail"), 10);

        const OutagePlan plan = Planner::planEvacuation(c.input, Myodaiji);
        // Priority, then memory (largest first), then name.
        QCOMPARE(moveNames(plan), (QStringList{QStringLiteral("mail"), QStringLiteral("www"),
                                               QStringLiteral("cache"), QStringLiteral("files")}));
        QCOMPARE(plan.moves.first().priority, 10);
        QCOMPARE(plan.moves.first().homeNode, QStringLiteral("myodaiji-01"));
        QCOMPARE(plan.moves.first().fromNode, QStringLiteral("myodaiji-01"));
        QCOMPARE(plan.moves.first().memoryKiB, 1 * GiB);
        QCOMPARE(plan.moves.first().vcpus, 1);
        QVERIFY(!plan.moves.first().edited);
        QCOMPARE(plan.totalMemoryKiB(), 13 * GiB);
    }

    void onlyActiveInstancesOfTheSiteMove()
    {
        Cluster c;
        c.node(QStringLiteral("myodaiji-01"), Myodaiji, 64 * GiB);
        c.node(QStringLiteral("yamate-01"), Yamate, 64 * GiB);
        c.vm(QStringLiteral("off"), QStringLiteral("myodaiji-01"), 1 * GiB, 1, InstanceState::ShutOff);
        c.vm(QStringLiteral("paused"), QStringLiteral("myodaiji-01"), 1 * GiB, 1, InstanceState::Paused);
        c.vm(QStringLiteral("there"), QStringLiteral("yamate-01"), 1 * GiB);
        const OutagePlan plan = Planner::planEvacuation(c.input, Myodaiji);
        QCOMPARE(moveNames(plan), QStringList{QStringLiteral("paused")});
        QVERIFY(plan.unplaced.isEmpty());
    }

    void cpuIncompatibility()
    {
        Cluster c;
        c.node(QStringLiteral("myodaiji-01"), Myodaiji, 64 * GiB);
        c.node(QStringLiteral("yamate-01"), Yamate, 8 * GiB); // the best fit
        c.node(QStringLiteral("yamate-02"), Yamate, 32 * GiB);
        c.vm(QStringLiteral("hpc"), QStringLiteral("myodaiji-01"), 4 * GiB);

        QCOMPARE(targetOf(Planner::planEvacuation(c.input, Myodaiji), QStringLiteral("hpc")),
                 QStringLiteral("yamate-01"));
        c.input.rules.cpuIncompatible[uuidOf(QStringLiteral("hpc"))][QStringLiteral("yamate-01")] =
            QStringLiteral("host CPU lacks avx512f");
        OutagePlan plan = Planner::planEvacuation(c.input, Myodaiji);
        QCOMPARE(targetOf(plan, QStringLiteral("hpc")), QStringLiteral("yamate-02"));
        QVERIFY(Planner::validate(plan, c.input).isEmpty());

        c.input.rules.cpuIncompatible[uuidOf(QStringLiteral("hpc"))][QStringLiteral("yamate-02")] = QString();
        plan = Planner::planEvacuation(c.input, Myodaiji);
        QVERIFY(plan.moves.isEmpty());
        QCOMPARE(reasonOf(plan, QStringLiteral("hpc")),
                 QStringLiteral("No connected node of the other campuses has a CPU that can run hpc."));
    }

    // Any refusal of the pre-flight (here a missing network and a name taken), not only the CPU, keeps
    // the planner off that node, and the move says why it is not where it would have gone.
    void refusalsFeedBackIntoPlacement()
    {
        Cluster c;
        c.node(QStringLiteral("myodaiji-01"), Myodaiji, 64 * GiB);
        c.node(QStringLiteral("yamate-01"), Yamate, 8 * GiB); // the best fit
        c.node(QStringLiteral("yamate-02"), Yamate, 16 * GiB);
        c.node(QStringLiteral("yamate-03"), Yamate, 32 * GiB);
        c.vm(QStringLiteral("web"), QStringLiteral("myodaiji-01"), 4 * GiB);
        const QString web = uuidOf(QStringLiteral("web"));

        OutagePlan plan = Planner::planEvacuation(c.input, Myodaiji);
        QCOMPARE(targetOf(plan, QStringLiteral("web")), QStringLiteral("yamate-01"));
        QVERIFY(plan.moves.first().note.isEmpty());

        const QString network = QStringLiteral("Network backend is not active on yamate-01.");
        c.input.rules.refused[web][QStringLiteral("yamate-01")] = network;
        plan = Planner::planEvacuation(c.input, Myodaiji);
        QCOMPARE(targetOf(plan, QStringLiteral("web")), QStringLiteral("yamate-02"));
        QCOMPARE(
            plan.moves.first().note,
            QStringLiteral("Re-planned onto yamate-02: yamate-01 refused it in the pre-flight checks. ") +
                network);
        QVERIFY(Planner::validate(plan, c.input).isEmpty());

        // validate() names a refused target the person chose by hand.
        const OutagePlan edited = Planner::retarget(plan, web, QStringLiteral("yamate-01"));
        const QList<PlanProblem> problems = Planner::validate(edited, c.input);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().message,
                 QStringLiteral("yamate-01 refused web in the pre-flight checks: ") + network);

        const QString name = QStringLiteral("A domain named web already exists on yamate-02.");
        c.input.rules.refused[web][QStringLiteral("yamate-02")] = name;
        c.input.rules.refused[web][QStringLiteral("yamate-03")] = QString();
        plan = Planner::planEvacuation(c.input, Myodaiji);
        QVERIFY(plan.moves.isEmpty());
        QCOMPARE(reasonOf(plan, QStringLiteral("web")),
                 QStringLiteral("Every node that could take web refused it in the pre-flight checks: ") +
                     network + QLatin1Char(' ') + name + QStringLiteral(" yamate-03 refused it."));
    }

    // replan() moves only what was refused, keeps the rest (edited moves too) and their room.
    void replanMovesOnlyWhatWasRefused()
    {
        Cluster c;
        c.node(QStringLiteral("myodaiji-01"), Myodaiji, 64 * GiB);
        c.node(QStringLiteral("yamate-01"), Yamate, 10 * GiB);
        c.node(QStringLiteral("yamate-02"), Yamate, 10 * GiB);
        c.node(QStringLiteral("yamate-03"), Yamate, 10 * GiB);
        c.vm(QStringLiteral("a"), QStringLiteral("myodaiji-01"), 6 * GiB);
        c.vm(QStringLiteral("b"), QStringLiteral("myodaiji-01"), 6 * GiB);
        c.vm(QStringLiteral("c"), QStringLiteral("myodaiji-01"), 3 * GiB);

        OutagePlan plan = Planner::planEvacuation(c.input, Myodaiji);
        QCOMPARE(targetOf(plan, QStringLiteral("a")), QStringLiteral("yamate-01"));
        QCOMPARE(targetOf(plan, QStringLiteral("b")), QStringLiteral("yamate-02"));
        QCOMPARE(targetOf(plan, QStringLiteral("c")), QStringLiteral("yamate-01"));
        plan = Planner::retarget(plan, uuidOf(QStringLiteral("b")), QStringLiteral("yamate-03"));

        // Nothing refused: the same plan.
        QCOMPARE(Planner::replan(plan, c.input), plan);

        // yamate-01 refuses c: it has 4 GiB left after a but may not take it; yamate-03 has 4 GiB
        // left after b (moved there by hand), the best fit; yamate-02 is empty.
        const QString full = QStringLiteral("Not enough memory on yamate-01.");
        c.input.rules.refused[uuidOf(QStringLiteral("c"))][QStringLiteral("yamate-01")] = full;
        const OutagePlan replanned = Planner::replan(plan, c.input);
        QCOMPARE(moveNames(replanned), moveNames(plan));
        QCOMPARE(targetOf(replanned, QStringLiteral("a")), QStringLiteral("yamate-01"));
        QCOMPARE(targetOf(replanned, QStringLiteral("b")), QStringLiteral("yamate-03"));
        QVERIFY(replanned.moves.at(replanned.indexOfMove(uuidOf(QStringLiteral("b")))).edited);
        const PlannedMove& c2 = replanned.moves.at(replanned.indexOfMove(uuidOf(QStringLiteral("c"))));
        QCOMPARE(c2.toNode, QStringLiteral("yamate-03"));
        QVERIFY(!c2.edited);
        QCOMPARE(c2.note, QStringLiteral("Re-planned onto yamate-03: yamate-01 refused it in the pre-flight "
                                         "checks. ") +
                              full);
        QVERIFY(Planner::validate(replanned, c.input).isEmpty());
        QCOMPARE(replanned.id, plan.id);

        // Every other node refuses c as well: it is no longer a move, and the reason says why.
        c.input.rules.refused[uuidOf(QStringLiteral("c"))][QStringLiteral("yamate-02")] =
            QStringLiteral("yamate-02 did not answer.");
        c.input.rules.refused[uuidOf(QStringLiteral("c"))][QStringLiteral("yamate-03")] =
            QStringLiteral("yamate-03 did not answer.");
        const OutagePlan none = Planner::replan(plan, c.input);
        QCOMPARE(moveNames(none), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(reasonOf(none, QStringLiteral("c")),
                 QStringLiteral("Every node that could take c refused it in the pre-flight checks: ") + full +
                     QStringLiteral(" yamate-02 did not answer. yamate-03 did not answer."));
    }

    // A home node that refuses the instance: the return proposes another node of the campus.
    void returnAvoidsRefusingHome()
    {
        Cluster c;
        c.node(QStringLiteral("myodaiji-01"), Myodaiji, 16 * GiB);
        c.node(QStringLiteral("myodaiji-02"), Myodaiji, 16 * GiB);
        c.node(QStringLiteral("yamate-01"), Yamate, 64 * GiB);
        c.vm(QStringLiteral("mail"), QStringLiteral("yamate-01"), 4 * GiB);
        const QHash<QString, QString> homes{{uuidOf(QStringLiteral("mail")), QStringLiteral("myodaiji-01")}};
        QCOMPARE(targetOf(Planner::planReturn(c.input, Myodaiji, homes), QStringLiteral("mail")),
                 QStringLiteral("myodaiji-01"));

        const QString why = QStringLiteral("Bridge br-mail does not exist on myodaiji-01.");
        c.input.rules.refused[uuidOf(QStringLiteral("mail"))][QStringLiteral("myodaiji-01")] = why;
        const OutagePlan back = Planner::planReturn(c.input, Myodaiji, homes);
        QCOMPARE(targetOf(back, QStringLiteral("mail")), QStringLiteral("myodaiji-02"));
        QCOMPARE(back.moves.first().note,
                 QStringLiteral("Home node myodaiji-01 refused it in the pre-flight checks; proposed "
                                "myodaiji-02 on the same campus. ") +
                     why);

        // replan() of a return keeps to the campus coming back.
        const OutagePlan home =
            Planner::retarget(back, uuidOf(QStringLiteral("mail")), QStringLiteral("myodaiji-01"));
        QCOMPARE(targetOf(Planner::replan(home, c.input), QStringLiteral("mail")),
                 QStringLiteral("myodaiji-02"));
    }

    void nothingFits()
    {
        Cluster c;
        c.node(QStringLiteral("myodaiji-01"), Myodaiji, 64 * GiB);
        c.node(QStringLiteral("myodaiji-02"), Myodaiji, 64 * GiB);
        c.node(QStringLiteral("yamate-01"), Yamate, 64 * GiB, 16, NodeState::Unreachable);
        c.node(QStringLiteral("yamate-02"), Yamate, 64 * GiB);
        c.nodeConfig(QStringLiteral("yamate-02"))->maintenance = true;
        c.vm(QStringLiteral("a"), QStringLiteral("myodaiji-01"), 1 * GiB);
        c.vm(QStringLiteral("b"), QStringLiteral("myodaiji-02"), 1 * GiB);

        const OutagePlan plan = Planner::planEvacuation(c.input, Myodaiji);
        QVERIFY(plan.moves.isEmpty());
        QCOMPARE(plan.unplaced.size(), 2);
        for (const UnplacedInstance& entry : plan.unplaced) {
            QCOMPARE(entry.reason,
                     QStringLiteral("No other campus has a connected node that is not in maintenance."));
        }
    }

    void maintenanceExcluded()
    {
        Cluster c;
        c.node(QStringLiteral("myodaiji-01"), Myodaiji, 64 * GiB);
        c.node(QStringLiteral("yamate-01"), Yamate, 8 * GiB);
        c.node(QStringLiteral("yamate-02"), Yamate, 16 * GiB);
        c.node(QStringLiteral("yamate-03"), Yamate, 32 * GiB);
        c.vm(QStringLiteral("web"), QStringLiteral("myodaiji-01"), 2 * GiB);

        QCOMPARE(targetOf(Planner::planEvacuation(c.input, Myodaiji), QStringLiteral("web")),
                 QStringLiteral("yamate-01"));
        c.nodeConfig(QStringLiteral("yamate-01"))->maintenance = true;
        QCOMPARE(targetOf(Planner::planEvacuation(c.input, Myodaiji), QStringLiteral("web")),
                 QStringLiteral("yamate-02"));
        c.input.rules.maintenanceNodes.insert(QStringLiteral("yamate-02"));
        const OutagePlan plan = Planner::planEvacuation(c.input, Myodaiji);
        QCOMPARE(targetOf(plan, QStringLiteral("web")), QStringLiteral("yamate-03"));

        // validate() agrees, for both kinds of maintenance.
        for (const QString& node : {QStringLiteral("yamate-01"), QStringLiteral("yamate-02")}) {
            const QList<PlanProblem> problems =
                Planner::validate(Planner::retarget(plan, uuidOf(QStringLiteral("web")), node), c.input);
            QCOMPARE(problems.size(), 1);
            QCOMPARE(problems.first().message,
                     node + QStringLiteral(" is in maintenance, so web cannot move there."));
        }
    }

    void unreachableExcluded()
    {
        Cluster c;
        c.node(QStringLiteral("myodaiji-01"), Myodaiji, 64 * GiB);
        c.node(QStringLiteral("yamate-01"), Yamate, 8 * GiB, 16, NodeState::Unreachable);
        c.node(QStringLiteral("yamate-02"), Yamate, 16 * GiB, 16, NodeState::Connecting);
        c.node(QStringLiteral("yamate-03"), Yamate, 32 * GiB);
        c.vm(QStringLiteral("web"), QStringLiteral("myodaiji-01"), 2 * GiB);
        const OutagePlan plan = Planner::planEvacuation(c.input, Myodaiji);
        QCOMPARE(targetOf(plan, QStringLiteral("web")), QStringLiteral("yamate-03"));

        // A node with no snapshot at all is not a target either.
        c.input.nodes.removeLast();
        QVERIFY(Planner::planEvacuation(c.input, Myodaiji).moves.isEmpty());
    }

    void deterministic()
    {
        Cluster c;
        for (int n = 1; n <= 6; ++n) {
            const QString suffix = QStringLiteral("-%1").arg(n, 2, 10, QLatin1Char('0'));
            c.node(QStringLiteral("myodaiji") + suffix, Myodaiji, 64 * GiB);
            c.node(QStringLiteral("yamate") + suffix, Yamate, quint64(8 + 4 * (n % 3)) * GiB, 4);
        }
        for (int i = 0; i < 60; ++i) {
            const QString name = QStringLiteral("vm%1").arg(i, 2, 10, QLatin1Char('0'));
            // Equal sizes and priorities in plenty, so that only the tie-breaking orders them.
            c.vm(name, QStringLiteral("myodaiji-%1").arg(i % 6 + 1, 2, 10, QLatin1Char('0')),
                 quint64(512 + 512 * (i % 4)) * MiB, 1 + i % 3);
            c.config(name, i % 2, i % 5 == 0 ? QStringLiteral("g%1").arg(i % 3) : QString());
        }
        c.input.rules.headroomPercent = 10;
        const OutagePlan first = Planner::planEvacuation(c.input, Myodaiji);
        QVERIFY(!first.moves.isEmpty());
        QVERIFY(!first.unplaced.isEmpty());
        const OutagePlan second = Planner::planEvacuation(c.input, Myodaiji);
        QVERIFY(first.id != second.id);
        QCOMPARE(comparable(second), comparable(first));

        std::mt19937 random(20260301);
        for (int round = 0; round < 5; ++round) {
            Cluster shuffled = c;
            std::shuffle(shuffled.input.nodes.begin(), shuffled.input.nodes.end(), random);
            std::shuffle(shuffled.input.instances.begin(), shuffled.input.instances.end(), random);
            std::shuffle(shuffled.input.inventory.nodes.begin(), shuffled.input.inventory.nodes.end(),
                         random);
            std::shuffle(shuffled.input.inventory.instances.begin(), shuffled.input.inventory.instances.end(),
                         random);
            QCOMPARE(comparable(Planner::planEvacuation(shuffled.input, Myodaiji)), comparable(first));
        }
    }

    void bestFit()
    {
        Cluster c;
        c.node(QStringLiteral("myodaiji-01"), Myodaiji, 64 * GiB);
        c.node(QStringLiteral("yamate-01"), Yamate, 32 * GiB);
        c.node(QStringLiteral("yamate-02"), Yamate, 6 * GiB);
        c.node(QStringLiteral("yamate-03"), Yamate, 16 * GiB);
        c.vm(QStringLiteral("app"), QStringLiteral("myodaiji-01"), 4 * GiB);
        QCOMPARE(targetOf(Planner::planEvacuation(c.input, Myodaiji), QStringLiteral("app")),
                 QStringLiteral("yamate-02"));

        // What already runs counts: yamate-03 now has the least left after placing.
        c.vm(QStringLiteral("resident"), QStringLiteral("yamate-03"), 11 * GiB);
        QCOMPARE(targetOf(Planner::planEvacuation(c.input, Myodaiji), QStringLiteral("app")),
                 QStringLiteral("yamate-03"));

        // Equal room: the node name decides.
        Cluster tie;
        tie.node(QStringLiteral("myodaiji-01"), Myodaiji, 64 * GiB);
        tie.node(QStringLiteral("yamate-b"), Yamate, 8 * GiB);
        tie.node(QStringLiteral("yamate-a"), Yamate, 8 * GiB);
        tie.vm(QStringLiteral("app"), QStringLiteral("myodaiji-01"), 4 * GiB);
        QCOMPARE(targetOf(Planner::planEvacuation(tie.input, Myodaiji), QStringLiteral("app")),
                 QStringLiteral("yamate-a"));
    }

    void returnPlan()
    {
        Cluster c;
        c.node(QStringLiteral("myodaiji-01"), Myodaiji, 16 * GiB);
        c.node(QStringLiteral("myodaiji-02"), Myodaiji, 16 * GiB);
        c.node(QStringLiteral("yamate-01"), Yamate, 64 * GiB);
        c.node(QStringLiteral("yamate-02"), Yamate, 64 * GiB);
        c.vm(QStringLiteral("mail"), QStringLiteral("myodaiji-01"), 4 * GiB);
        c.vm(QStringLiteral("www"), QStringLiteral("myodaiji-02"), 2 * GiB);
        c.vm(QStringLiteral("db"), QStringLiteral("myodaiji-02"), 8 * GiB);
        c.config(QStringLiteral("mail"), 10);

        const OutagePlan evacuation = Planner::planEvacuation(c.input, Myodaiji);
        QCOMPARE(evacuation.moves.size(), 3);
        QHash<QString, QString> homes;
        for (const PlannedMove& move : evacuation.moves)
            homes.insert(move.uuid, move.homeNode);
        c.apply(evacuation);

        OutagePlan back = Planner::planReturn(c.input, Myodaiji, homes);
        QCOMPARE(back.direction, OutageDirection::Return);
        QCOMPARE(back.site, Myodaiji);
        QCOMPARE(moveNames(back),
                 (QStringList{QStringLiteral("mail"), QStringLiteral("db"), QStringLiteral("www")}));
        for (const PlannedMove& move : back.moves) {
            QCOMPARE(move.toNode, move.homeNode);
            QCOMPARE(move.toNode, homes.value(move.uuid));
            QVERIFY(move.fromNode.startsWith(Yamate));
            QVERIFY(move.note.isEmpty());
        }
        QVERIFY(back.unplaced.isEmpty());
        QVERIFY(Planner::validate(back, c.input).isEmpty());

        // Already home: not in the plan. Found nowhere: left out.
        for (InstanceSnapshot& instance : c.input.instances) {
            if (instance.name == QStringLiteral("www"))
                instance.node = QStringLiteral("myodaiji-02");
        }
        homes.insert(QStringLiteral("uuid-vanished"), QStringLiteral("myodaiji-01"));
        back = Planner::planReturn(c.input, Myodaiji, homes);
        QCOMPARE(moveNames(back), (QStringList{QStringLiteral("mail"), QStringLiteral("db")}));
        QVERIFY(back.unplaced.isEmpty());

        // Home node gone from the inventory: a proposal on the same campus, with a note.
        c.input.inventory.nodes.removeIf(
            [](const NodeConfig& node) { return node.name == QStringLiteral("myodaiji-02"); });
        back = Planner::planReturn(c.input, Myodaiji, homes);
        const int db = back.indexOfMove(uuidOf(QStringLiteral("db")));
        QVERIFY(db >= 0);
        QCOMPARE(back.moves.at(db).toNode, QStringLiteral("myodaiji-01"));
        QCOMPARE(back.moves.at(db).homeNode, QStringLiteral("myodaiji-02"));
        QCOMPARE(
            back.moves.at(db).note,
            QStringLiteral("Home node myodaiji-02 is gone from the inventory; proposed myodaiji-01 on the "
                           "same campus."));
        QVERIFY(Planner::validate(back, c.input).isEmpty());

        // Unreachable home and no room on the campus: unplaced, saying both.
        NodeConfig returned;
        returned.name = QStringLiteral("myodaiji-02");
        returned.site = Myodaiji;
        c.input.inventory.nodes.append(returned);
        c.snapshot(QStringLiteral("myodaiji-02"))->state = NodeState::Unreachable;
        c.snapshot(QStringLiteral("myodaiji-01"))->memoryTotalKiB = 10 * GiB;
        back = Planner::planReturn(c.input, Myodaiji, homes);
        QCOMPARE(moveNames(back), QStringList{QStringLiteral("mail")});
        QCOMPARE(
            reasonOf(back, QStringLiteral("db")),
            QStringLiteral("Home node myodaiji-02 is unreachable. No node of Myodaiji has 8.0 GiB of memory "
                           "free after 0% headroom (most free: myodaiji-01, 6.0 GiB)."));
        QCOMPARE(back.unplaced.first().homeNode, QStringLiteral("myodaiji-02"));
        QVERIFY(back.unplaced.first().fromNode.startsWith(Yamate));
    }

    void validateFindsProblemsAfterRetarget()
    {
        Cluster c;
        c.node(QStringLiteral("myodaiji-01"), Myodaiji, 64 * GiB);
        c.node(QStringLiteral("yamate-01"), Yamate, 8 * GiB);
        c.node(QStringLiteral("yamate-02"), Yamate, 8 * GiB);
        c.node(QStringLiteral("yamate-03"), Yamate, 8 * GiB, 16, NodeState::Unreachable);
        c.vm(QStringLiteral("dns1"), QStringLiteral("myodaiji-01"), 1 * GiB);
        c.vm(QStringLiteral("dns2"), QStringLiteral("myodaiji-01"), 1 * GiB);
        c.vm(QStringLiteral("db"), QStringLiteral("myodaiji-01"), 6 * GiB);
        c.config(QStringLiteral("dns1"), 0, QStringLiteral("dns"));
        c.config(QStringLiteral("dns2"), 0, QStringLiteral("dns"));
        c.input.rules.cpuIncompatible[uuidOf(QStringLiteral("db"))][QStringLiteral("yamate-02")] =
            QStringLiteral("host CPU lacks avx2");

        const OutagePlan plan = Planner::planEvacuation(c.input, Myodaiji);
        QCOMPARE(plan.moves.size(), 3);
        QVERIFY(plan.unplaced.isEmpty());
        QVERIFY(Planner::validate(plan, c.input).isEmpty());
        QCOMPARE(targetOf(plan, QStringLiteral("db")), QStringLiteral("yamate-01"));
        const QString dns2 = uuidOf(QStringLiteral("dns2"));
        const QString db = uuidOf(QStringLiteral("db"));

        const auto messages = [&c](const OutagePlan& edited) {
            QStringList list;
            for (const PlanProblem& problem : Planner::validate(edited, c.input))
                list.append(problem.message);
            return list;
        };

        // dns2 onto dns1's node: anti-affinity (and nothing else: 1 + 1 + 6 GiB fit in 8).
        QCOMPARE(targetOf(plan, QStringLiteral("dns1")), QStringLiteral("yamate-01"));
        const OutagePlan edited = Planner::retarget(plan, dns2, QStringLiteral("yamate-01"));
        QVERIFY(edited.moves.at(edited.indexOfMove(dns2)).edited);
        QCOMPARE(messages(edited),
                 QStringList{QStringLiteral(
                     "dns2 and dns1 of anti-affinity group dns would both run on yamate-01.")});

        // db onto its incompatible node: CPU; onto the evacuated campus; onto its own node; unknown.
        QCOMPARE(messages(Planner::retarget(plan, db, QStringLiteral("yamate-02"))).first(),
                 QStringLiteral("The CPU of yamate-02 cannot run db (host CPU lacks avx2)."));
        QCOMPARE(messages(Planner::retarget(plan, db, QStringLiteral("myodaiji-01"))),
                 (QStringList{QStringLiteral("myodaiji-01 is on the campus being evacuated; choose a node of "
                                             "another campus for db."),
                              QStringLiteral("db already runs on myodaiji-01.")}));
        QCOMPARE(messages(Planner::retarget(plan, db, QStringLiteral("nowhere-01"))),
                 QStringList{QStringLiteral(
                     "nowhere-01 is not a node of the inventory; choose another node for db.")});
        QCOMPARE(messages(Planner::retarget(plan, db, QStringLiteral("yamate-03"))),
                 QStringList{QStringLiteral("yamate-03 is not connected, so db cannot move there.")});

        // Capacity of the whole plan together: the later move on the full node is the one named.
        OutagePlan crowded = Planner::retarget(plan, db, QStringLiteral("yamate-01"));
        for (const PlannedMove& move : plan.moves) {
            if (move.name != QStringLiteral("db"))
                crowded = Planner::retarget(crowded, move.uuid, QStringLiteral("yamate-01"));
        }
        c.input.rules.headroomPercent = 10; // 7.2 GiB: db and dns1 fit, dns2 does not
        QCOMPARE(messages(crowded),
                 (QStringList{
                     QStringLiteral("dns2 does not fit on yamate-01: it needs 1.0 GiB of memory and 204.8 "
                                    "MiB is free there after 10% headroom and the moves planned before it."),
                     QStringLiteral("dns2 and dns1 of anti-affinity group dns would both run on "
                                    "yamate-01.")}));
        QCOMPARE(Planner::validate(crowded, c.input).first().uuid, dns2);
    }

    void retargetUnplaced()
    {
        Cluster c;
        c.node(QStringLiteral("myodaiji-01"), Myodaiji, 64 * GiB);
        c.node(QStringLiteral("yamate-01"), Yamate, 12 * GiB);
        c.vm(QStringLiteral("big"), QStringLiteral("myodaiji-01"), 16 * GiB);
        c.vm(QStringLiteral("mail"), QStringLiteral("myodaiji-01"), 8 * GiB);
        c.vm(QStringLiteral("www"), QStringLiteral("myodaiji-01"), 1 * GiB);
        c.config(QStringLiteral("mail"), 5);

        const OutagePlan plan = Planner::planEvacuation(c.input, Myodaiji);
        QCOMPARE(moveNames(plan), (QStringList{QStringLiteral("mail"), QStringLiteral("www")}));
        QCOMPARE(plan.unplaced.size(), 1);

        const OutagePlan edited =
            Planner::retarget(plan, uuidOf(QStringLiteral("big")), QStringLiteral("yamate-01"));
        QVERIFY(edited.unplaced.isEmpty());
        // Placed where the planner would have ordered it: after the higher priority, before the smaller.
        QCOMPARE(moveNames(edited),
                 (QStringList{QStringLiteral("mail"), QStringLiteral("big"), QStringLiteral("www")}));
        const PlannedMove& big = edited.moves.at(1);
        QVERIFY(big.edited);
        QCOMPARE(big.toNode, QStringLiteral("yamate-01"));
        QCOMPARE(big.fromNode, QStringLiteral("myodaiji-01"));
        QCOMPARE(big.homeNode, QStringLiteral("myodaiji-01"));
        QCOMPARE(big.memoryKiB, 16 * GiB);
        QCOMPARE(edited.id, plan.id);
        QVERIFY(!Planner::validate(edited, c.input).isEmpty());

        // Unknown UUID: unchanged. Empty node on a move: back to unplaced.
        QCOMPARE(Planner::retarget(plan, QStringLiteral("uuid-none"), QStringLiteral("yamate-01")), plan);
        const OutagePlan removed = Planner::retarget(plan, uuidOf(QStringLiteral("www")), QString());
        QCOMPARE(moveNames(removed), QStringList{QStringLiteral("mail")});
        QVERIFY(removed.indexOfUnplaced(uuidOf(QStringLiteral("www"))) >= 0);
    }

    void scale()
    {
        Cluster c;
        c.input.rules.headroomPercent = 10;
        for (int n = 0; n < 250; ++n) {
            for (const QString& site : {Myodaiji, Yamate}) {
                const QString node = QStringLiteral("%1-%2").arg(site).arg(n, 3, 10, QLatin1Char('0'));
                c.node(node, site, quint64(256 + 64 * (n % 3)) * GiB, 64);
                for (int i = 0; i < 20; ++i) {
                    const QString name = QStringLiteral("%1-vm%2").arg(node).arg(i, 2, 10, QLatin1Char('0'));
                    c.vm(name, node, quint64(1 + (n + i) % 8) * GiB, 1 + i % 4);
                    if (i % 10 == 0)
                        c.config(name, i % 3, QStringLiteral("group%1").arg(n % 40));
                }
            }
        }
        QElapsedTimer timer;
        timer.start();
        const OutagePlan plan = Planner::planEvacuation(c.input, Myodaiji);
        const qint64 planned = timer.restart();
        QCOMPARE(plan.moves.size() + plan.unplaced.size(), 250 * 20);
        QVERIFY(plan.moves.size() > 4000);
        QVERIFY(Planner::validate(plan, c.input).isEmpty());
        qInfo("planned %lld moves and %lld unplaced in %lld ms; validated in %lld ms",
              qint64(plan.moves.size()), qint64(plan.unplaced.size()), planned, timer.elapsed());
    }
};

QTEST_GUILESS_MAIN(TestPlanner)
#include "tst_planner.moc"

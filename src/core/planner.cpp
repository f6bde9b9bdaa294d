// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/planner.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include <QDateTime>
#include <QMap>
#include <QMultiHash>
#include <QUuid>

#include "core/sentences.h"

namespace kumo {

namespace {

constexpr qint64 KiBPerMiB = 1024;
constexpr qint64 KiBPerGiB = qint64{1024} * 1024;

// One decimal always ("4.0 GiB"), so that the figures of one message line up and tests can assert
// them; digits are not localised, as in the pre-flight messages.
QString memoryText(qint64 kib)
{
    kib = std::max<qint64>(kib, 0);
    if (kib >= KiBPerGiB)
        return Planner::tr("%1 GiB", "memory size")
            .arg(QString::number(double(kib) / double(KiBPerGiB), 'f', 1));
    return Planner::tr("%1 MiB", "memory size").arg(QString::number(double(kib) / double(KiBPerMiB), 'f', 1));
}

// What the pre-flight memory check asks for too: a balloon may give the guest its maximum back.
qint64 instanceMemory(const InstanceSnapshot& instance)
{
    return qint64(std::max(instance.memoryKiB, instance.maxMemoryKiB));
}

enum class Availability
{
    Available,
    Gone,
    Unreachable,
    Maintenance,
};

// What is left on one node for the plan, after headroom, reserves, what already runs there and what
// the plan has put there so far. Signed: an overcommitted node has negative room.
struct Target
{
    QString name;
    QString site;
    qint64 memoryFree = 0;
    qint64 vcpusFree = 0;
    QMultiHash<QString, QString> members; // anti-affinity group -> instance names on the node
};

// The input, indexed once: the scale case (thousands of instances) must not search lists per check.
struct Index
{
    const PlannerInput& input;
    int headroom = 0;
    QHash<QString, const NodeConfig*> nodes;
    QHash<QString, const NodeSnapshot*> snapshots;
    QHash<QString, const InstanceConfig*> configs;     // by instance name
    QHash<QString, const InstanceSnapshot*> instances; // by UUID
    QHash<QString, qint64> usedMemory;
    QHash<QString, qint64> usedVcpus;
    QHash<QString, QMultiHash<QString, QString>> members; // node -> group -> names already running

    explicit Index(const PlannerInput& in)
        : input(in)
        , headroom(std::clamp(in.rules.headroomPercent, 0, 100))
    {
        for (const NodeConfig& node : in.inventory.nodes)
            nodes.insert(node.name, &node);
        for (const NodeSnapshot& snapshot : in.nodes)
            snapshots.insert(snapshot.node, &snapshot);
        for (const InstanceConfig& config : in.inventory.instances)
            configs.insert(config.name, &config);
        for (const InstanceSnapshot& instance : in.instances) {
            instances.insert(instance.uuid, &instance);
            if (!instance.isActive())
                continue;
            usedMemory[instance.node] += instanceMemory(instance);
            usedVcpus[instance.node] += instance.vcpus;
            const QString group = groupOf(instance.name);
            if (!group.isEmpty())
                members[instance.node].insert(group, instance.name);
        }
    }

    QString groupOf(const QString& name) const
    {
        const InstanceConfig* config = configs.value(name);
        return config ? config->antiAffinityGroup : QString();
    }
    int priorityOf(const QString& name) const
    {
        const InstanceConfig* config = configs.value(name);
        return config ? config->evacuationPriority : 0;
    }

    Availability availability(const QString& node) const
    {
        const NodeConfig* config = nodes.value(node);
        if (!config)
            return Availability::Gone;
        const NodeSnapshot* snapshot = snapshots.value(node);
        if (!snapshot || snapshot->state != NodeState::Connected)
            return Availability::Unreachable;
        if (config->maintenance || input.rules.maintenanceNodes.contains(node))
            return Availability::Maintenance;
        return Availability::Available;
    }

    Target target(const QString& node) const
    {
        const NodeConfig* config = nodes.value(node);
        const NodeSnapshot* snapshot = snapshots.value(node);
        Target target;
        target.name = node;
        target.site = config ? config->site : QString();
        if (!snapshot)
            return target;
        const qint64 reserve = qint64(input.rules.memoryReserveKiB) +
                               (config ? qint64(config->memoryReserveMiB) * KiBPerMiB : 0);
        target.memoryFree =
            qint64(snapshot->memoryTotalKiB) * (100 - headroom) / 100 - reserve - usedMemory.value(node);
        // What libvirt says is free bounds it too (the node's own processes, other guests not in
        // the console's view), as in the pre-flight memory check. 0: the driver does not say.
        if (snapshot->memoryFreeKiB > 0)
            target.memoryFree = std::min(target.memoryFree, qint64(snapshot->memoryFreeKiB) - reserve);
        const double vcpus = double(snapshot->cpus) * input.rules.vcpusPerCpu * (100 - headroom) / 100.0;
        target.vcpusFree = qint64(std::floor(vcpus)) - usedVcpus.value(node);
        target.members = members.value(node);
        return target;
    }

    // libvirt's words about the incompatibility; empty when it had none.
    QString cpuWords(const QString& uuid, const QString& node) const
    {
        return input.rules.cpuIncompatible.value(uuid).value(node);
    }
    bool cpuIncompatible(const QString& uuid, const QString& node) const
    {
        const auto byNode = input.rules.cpuIncompatible.constFind(uuid);
        return byNode != input.rules.cpuIncompatible.constEnd() && byNode->contains(node);
    }
    // The pre-flight's sentences when `node` refused the instance; empty when it did not.
    QString refusal(const QString& uuid, const QString& node) const
    {
        return input.rules.refused.value(uuid).value(node);
    }
    bool isRefused(const QString& uuid, const QString& node) const
    {
        const auto byNode = input.rules.refused.constFind(uuid);
        return byNode != input.rules.refused.constEnd() && byNode->contains(node);
    }
    // The nodes that refused the instance, sorted, and their sentences, for notes and reasons.
    QString refusalsText(const QString& uuid) const
    {
        const QHash<QString, QString> byNode = input.rules.refused.value(uuid);
        QStringList names = byNode.keys();
        names.sort();
        QStringList words;
        for (const QString& name : names) {
            const QString sentence = byNode.value(name);
            words.append(sentence.isEmpty() ? Planner::tr("%1 refused it.").arg(name) : sentence);
        }
        return Sentences::join(words);
    }
    QStringList refusingNodes(const QString& uuid) const
    {
        QStringList names = input.rules.refused.value(uuid).keys();
        names.sort();
        return names;
    }
};

struct Item
{
    const InstanceSnapshot* instance = nullptr;
    QString home;
    qint64 memory = 0;
    int vcpus = 0;
    int priority = 0;
    QString group;
};

// Priority first (higher), then the biggest, so that best-fit decreasing packs well; names and UUIDs
// make the order total, so that the same input always gives the same plan.
bool before(const Item& a, const Item& b)
{
    if (a.priority != b.priority)
        return a.priority > b.priority;
    if (a.memory != b.memory)
        return a.memory > b.memory;
    if (a.instance->name != b.instance->name)
        return a.instance->name < b.instance->name;
    return a.instance->uuid < b.instance->uuid;
}

Item makeItem(const Index& index, const InstanceSnapshot& instance, const QString& home)
{
    return Item{&instance,
                home,
                instanceMemory(instance),
                instance.vcpus,
                index.priorityOf(instance.name),
                index.groupOf(instance.name)};
}

QStringList conflictsOn(const Target& target, const Item& item)
{
    if (item.group.isEmpty())
        return {};
    QStringList names = target.members.values(item.group);
    names.removeAll(item.instance->name);
    return names;
}

bool fits(const Target& target, const Item& item)
{
    return target.memoryFree >= item.memory && target.vcpusFree >= item.vcpus;
}

void place(Target& target, const Item& item)
{
    target.memoryFree -= item.memory;
    target.vcpusFree -= item.vcpus;
    if (!item.group.isEmpty())
        target.members.insert(item.group, item.instance->name);
}

// Where the candidates are, for the sentences: the other campuses (evacuation) or one campus (return).
struct Scope
{
    bool otherCampuses = true;
    QString siteName;
};

QString noTargetText(const Scope& scope)
{
    if (scope.otherCampuses)
        return Planner::tr("No other campus has a connected node that is not in maintenance.");
    return Planner::tr("No node of %1 is connected and out of maintenance.").arg(scope.siteName);
}

// Says what stopped it specifically: CPU, anti-affinity among the nodes with room, memory, vCPUs.
QString unplacedText(const Index& index, const Scope& scope, const QList<Target*>& candidates,
                     const Item& item)
{
    if (candidates.isEmpty())
        return noTargetText(scope);
    const QString name = item.instance->name;
    QList<const Target*> cpuOk;
    for (const Target* target : candidates) {
        if (!index.cpuIncompatible(item.instance->uuid, target->name))
            cpuOk.append(target);
    }
    if (cpuOk.isEmpty()) {
        if (scope.otherCampuses)
            return Planner::tr("No connected node of the other campuses has a CPU that can run %1.")
                .arg(name);
        return Planner::tr("No connected node of %1 has a CPU that can run %2.").arg(scope.siteName, name);
    }
    const QList<const Target*> checked = cpuOk;
    cpuOk.clear();
    for (const Target* target : checked) {
        if (!index.isRefused(item.instance->uuid, target->name))
            cpuOk.append(target);
    }
    if (cpuOk.isEmpty()) {
        return Planner::tr("Every node that could take %1 refused it in the pre-flight checks: %2")
            .arg(name, index.refusalsText(item.instance->uuid));
    }
    QStringList blockers;
    const Target* mostMemory = nullptr;
    const Target* mostVcpus = nullptr;
    bool anyMemory = false;
    bool anyVcpus = false;
    for (const Target* target : cpuOk) {
        if (fits(*target, item))
            blockers += conflictsOn(*target, item);
        if (!mostMemory || target->memoryFree > mostMemory->memoryFree)
            mostMemory = target;
        anyMemory = anyMemory || target->memoryFree >= item.memory;
        anyVcpus = anyVcpus || target->vcpusFree >= item.vcpus;
        if (target->memoryFree >= item.memory && (!mostVcpus || target->vcpusFree > mostVcpus->vcpusFree))
            mostVcpus = target;
    }
    if (!blockers.isEmpty()) {
        blockers.sort();
        blockers.removeDuplicates();
        return Planner::tr("Every node with room already runs %1 of anti-affinity group %2.")
            .arg(Sentences::names(blockers), item.group);
    }
    const QString headroom = QString::number(index.headroom);
    if (!anyMemory) {
        if (scope.otherCampuses) {
            return Planner::tr("No node of the other campuses has %1 of memory free after %2% headroom (most "
                               "free: %3, %4).")
                .arg(memoryText(item.memory), headroom, mostMemory->name, memoryText(mostMemory->memoryFree));
        }
        return Planner::tr("No node of %1 has %2 of memory free after %3% headroom (most free: %4, %5).")
            .arg(scope.siteName, memoryText(item.memory), headroom, mostMemory->name,
                 memoryText(mostMemory->memoryFree));
    }
    if (mostVcpus && anyVcpus) {
        if (scope.otherCampuses) {
            return Planner::tr(
                       "No node of the other campuses has both %1 of memory and %n vCPU(s) free after "
                       "%2% headroom.",
                       nullptr, item.vcpus)
                .arg(memoryText(item.memory), headroom);
        }
        return Planner::tr("No node of %1 has both %2 of memory and %n vCPU(s) free after %3% headroom.",
                           nullptr, item.vcpus)
            .arg(scope.siteName, memoryText(item.memory), headroom);
    }
    const QString most = QString::number(std::max<qint64>(mostVcpus->vcpusFree, 0));
    if (scope.otherCampuses) {
        return Planner::tr(
                   "No node of the other campuses has %n vCPU(s) free after %1% headroom (most free among "
                   "those with memory: %2, %3 vCPUs).",
                   nullptr, item.vcpus)
            .arg(headroom, mostVcpus->name, most);
    }
    return Planner::tr(
               "No node of %1 has %n vCPU(s) free after %2% headroom (most free among those with memory: "
               "%3, %4 vCPUs).",
               nullptr, item.vcpus)
        .arg(scope.siteName, headroom, mostVcpus->name, most);
}

// Best fit: the node left with the least memory; candidates come sorted by name, which breaks ties.
Target* bestFit(const Index& index, const QList<Target*>& candidates, const Item& item)
{
    Target* best = nullptr;
    for (Target* target : candidates) {
        if (!fits(*target, item) || index.cpuIncompatible(item.instance->uuid, target->name) ||
            index.isRefused(item.instance->uuid, target->name) || !conflictsOn(*target, item).isEmpty()) {
            continue;
        }
        if (!best || target->memoryFree < best->memoryFree)
            best = target;
    }
    return best;
}

PlannedMove makeMove(const Item& item, const QString& toNode, const QString& note = QString())
{
    return PlannedMove{item.instance->uuid,  item.instance->name, item.instance->node, toNode, item.home,
                       quint64(item.memory), item.vcpus,          item.priority,       note,   false};
}

// Why the instance is not where it would have gone: the nodes that refused it in the pre-flight
// checks, and what they said. Empty when none did.
QString refusedNote(const Index& index, const QString& uuid, const QString& chosen)
{
    const QStringList nodes = index.refusingNodes(uuid);
    if (nodes.isEmpty())
        return {};
    return Planner::tr("Re-planned onto %1: %2 refused it in the pre-flight checks. %3")
        .arg(chosen, Sentences::names(nodes), index.refusalsText(uuid));
}

UnplacedInstance makeUnplaced(const Item& item, const QString& reason)
{
    return UnplacedInstance{item.instance->uuid,  item.instance->name, item.instance->node, item.home,
                            quint64(item.memory), item.vcpus,          item.priority,       reason,
                            UnplacedChoice::Leave};
}

OutagePlan newPlan(OutageDirection direction, const QString& site)
{
    OutagePlan plan;
    plan.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    plan.direction = direction;
    plan.site = site;
    plan.createdAt = QDateTime::currentDateTimeUtc();
    return plan;
}

// Every usable node, sorted by name (QMap), so that ties and iteration never depend on input order.
QMap<QString, Target> availableTargets(const Index& index)
{
    QMap<QString, Target> targets;
    for (const NodeConfig& node : index.input.inventory.nodes) {
        if (!targets.contains(node.name) && index.availability(node.name) == Availability::Available)
            targets.insert(node.name, index.target(node.name));
    }
    return targets;
}

// The item of a planned move: its instance as the cluster sees it now, or `standIn` made from the
// move when the instance is no longer seen.
Item moveItem(const Index& index, const PlannedMove& move, InstanceSnapshot& standIn)
{
    if (const InstanceSnapshot* instance = index.instances.value(move.uuid))
        return makeItem(index, *instance, move.homeNode);
    standIn.uuid = move.uuid;
    standIn.name = move.name;
    standIn.node = move.fromNode;
    return Item{&standIn,   move.homeNode, qint64(move.memoryKiB),
                move.vcpus, move.priority, index.groupOf(move.name)};
}

enum class HomeProblem
{
    None,
    Gone,
    Unreachable,
    Maintenance,
    Cpu,
    Refused,
    AntiAffinity,
    NoRoom,
};

QString homeProblemText(HomeProblem problem, const QString& home, const QString& refusal)
{
    switch (problem) {
    case HomeProblem::Gone:
        return Planner::tr("Home node %1 is gone from the inventory.").arg(home);
    case HomeProblem::Unreachable:
        return Planner::tr("Home node %1 is unreachable.").arg(home);
    case HomeProblem::Maintenance:
        return Planner::tr("Home node %1 is in maintenance.").arg(home);
    case HomeProblem::Cpu:
        return Planner::tr("The CPU of home node %1 cannot run it.").arg(home);
    case HomeProblem::Refused:
        return Planner::tr("Home node %1 refused it in the pre-flight checks: %2").arg(home, refusal);
    case HomeProblem::AntiAffinity:
        return Planner::tr("Home node %1 already runs an instance of its anti-affinity group.").arg(home);
    case HomeProblem::NoRoom:
        return Planner::tr("Home node %1 has no room for it now.").arg(home);
    case HomeProblem::None:
        break;
    }
    return {};
}

QString homeNoteText(HomeProblem problem, const QString& home, const QString& proposed,
                     const QString& refusal)
{
    switch (problem) {
    case HomeProblem::Gone:
        return Planner::tr("Home node %1 is gone from the inventory; proposed %2 on the same campus.")
            .arg(home, proposed);
    case HomeProblem::Unreachable:
        return Planner::tr("Home node %1 is unreachable; proposed %2 on the same campus.")
            .arg(home, proposed);
    case HomeProblem::Maintenance:
        return Planner::tr("Home node %1 is in maintenance; proposed %2 on the same campus.")
            .arg(home, proposed);
    case HomeProblem::Cpu:
        return Planner::tr("The CPU of home node %1 cannot run it; proposed %2 on the same campus.")
            .arg(home, proposed);
    case HomeProblem::Refused:
        return Planner::tr("Home node %1 refused it in the pre-flight checks; proposed %2 on the same "
                           "campus. %3")
            .arg(home, proposed, refusal);
    case HomeProblem::AntiAffinity:
        return Planner::tr("Home node %1 already runs an instance of its anti-affinity group; proposed %2 on "
                           "the same campus.")
            .arg(home, proposed);
    case HomeProblem::NoRoom:
        return Planner::tr("Home node %1 has no room for it now; proposed %2 on the same campus.")
            .arg(home, proposed);
    case HomeProblem::None:
        break;
    }
    return {};
}

} // namespace

QHash<QString, quint64> Planner::memoryRoom(const PlannerInput& input)
{
    const Index index(input);
    QHash<QString, quint64> room;
    const QMap<QString, Target> targets = availableTargets(index);
    for (const Target& target : targets)
        room.insert(target.name, quint64(std::max<qint64>(target.memoryFree, 0)));
    return room;
}

OutagePlan Planner::planEvacuation(const PlannerInput& input, const QString& site)
{
    const Index index(input);
    OutagePlan plan = newPlan(OutageDirection::Evacuate, site);

    QMap<QString, Target> targets = availableTargets(index);
    QList<Target*> candidates;
    for (Target& target : targets) {
        if (target.site != site)
            candidates.append(&target);
    }

    QList<Item> items;
    for (const InstanceSnapshot& instance : input.instances) {
        if (instance.isSplit()) {
            // Running on two nodes at once: which copy is the instance is for a person to decide.
            const bool onSite = std::any_of(instance.splitNodes.cbegin(), instance.splitNodes.cend(),
                                            [&](const QString& name) {
                                                const NodeConfig* node = index.nodes.value(name);
                                                return node && node->site == site;
                                            });
            if (onSite)
                plan.unplaced.append(makeUnplaced(
                    makeItem(index, instance, instance.node),
                    tr("%1 runs on %2 at the same time (split brain): stop one copy first, then plan again.")
                        .arg(instance.name, Sentences::names(instance.splitNodes))));
            continue;
        }
        const NodeConfig* node = index.nodes.value(instance.node);
        if (instance.isActive() && node && node->site == site)
            items.append(makeItem(index, instance, instance.node));
    }
    std::sort(items.begin(), items.end(), before);

    const Scope scope;
    for (const Item& item : items) {
        if (Target* target = bestFit(index, candidates, item)) {
            place(*target, item);
            plan.moves.append(
                makeMove(item, target->name, refusedNote(index, item.instance->uuid, target->name)));
        } else {
            plan.unplaced.append(makeUnplaced(item, unplacedText(index, scope, candidates, item)));
        }
    }
    return plan;
}

OutagePlan Planner::planReturn(const PlannerInput& input, const QString& site,
                               const QHash<QString, QString>& homes)
{
    const Index index(input);
    OutagePlan plan = newPlan(OutageDirection::Return, site);

    QMap<QString, Target> targets = availableTargets(index);
    QList<Target*> siteNodes;
    for (Target& target : targets) {
        if (target.site == site)
            siteNodes.append(&target);
    }

    QList<Item> items;
    for (auto it = homes.constBegin(); it != homes.constEnd(); ++it) {
        const InstanceSnapshot* instance = index.instances.value(it.key());
        if (instance && instance->node != it.value())
            items.append(makeItem(index, *instance, it.value()));
    }
    std::sort(items.begin(), items.end(), before);

    // Everything that can go home does so first, so that a proposal on the campus never takes the room
    // an instance needs on its own home node.
    QList<std::optional<PlannedMove>> moves(items.size());
    QList<HomeProblem> problems(items.size(), HomeProblem::None);
    for (qsizetype i = 0; i < items.size(); ++i) {
        const Item& item = items.at(i);
        if (!item.instance->isActive() || item.instance->isSplit())
            continue;
        HomeProblem& problem = problems[i];
        switch (index.availability(item.home)) {
        case Availability::Gone:
            problem = HomeProblem::Gone;
            continue;
        case Availability::Unreachable:
            problem = HomeProblem::Unreachable;
            continue;
        case Availability::Maintenance:
            problem = HomeProblem::Maintenance;
            continue;
        case Availability::Available:
            break;
        }
        Target& home = targets[item.home];
        if (index.cpuIncompatible(item.instance->uuid, item.home))
            problem = HomeProblem::Cpu;
        else if (index.isRefused(item.instance->uuid, item.home))
            problem = HomeProblem::Refused;
        else if (!fits(home, item))
            problem = HomeProblem::NoRoom;
        else if (!conflictsOn(home, item).isEmpty())
            problem = HomeProblem::AntiAffinity;
        if (problem != HomeProblem::None)
            continue;
        place(home, item);
        moves[i] = makeMove(item, item.home);
    }

    const Site* siteConfig = input.inventory.site(site);
    const Scope scope{false, siteConfig && !siteConfig->name.isEmpty() ? siteConfig->name : site};
    for (qsizetype i = 0; i < items.size(); ++i) {
        const Item& item = items.at(i);
        if (moves.at(i)) {
            plan.moves.append(*moves.at(i));
            continue;
        }
        if (item.instance->isSplit()) {
            plan.unplaced.append(makeUnplaced(
                item,
                tr("%1 runs on %2 at the same time (split brain): stop one copy first, then plan again.")
                    .arg(item.instance->name, Sentences::names(item.instance->splitNodes))));
            continue;
        }
        if (!item.instance->isActive()) {
            plan.unplaced.append(makeUnplaced(
                item,
                tr("%1 is not running on %2, so it cannot move live; start it, or move it home by hand.")
                    .arg(item.instance->name, item.instance->node)));
            continue;
        }
        if (Target* target = bestFit(index, siteNodes, item)) {
            place(*target, item);
            plan.moves.append(makeMove(item, target->name,
                                       homeNoteText(problems.at(i), item.home, target->name,
                                                    index.refusal(item.instance->uuid, item.home))));
            continue;
        }
        const QString reason = Sentences::join(
            {homeProblemText(problems.at(i), item.home, index.refusal(item.instance->uuid, item.home)),
             unplacedText(index, scope, siteNodes, item)});
        plan.unplaced.append(makeUnplaced(item, reason));
    }
    return plan;
}

QList<PlanProblem> Planner::validate(const OutagePlan& plan, const PlannerInput& input)
{
    const Index index(input);
    QHash<QString, Target> targets;
    QList<PlanProblem> problems;
    const auto problem = [&problems](const QString& uuid, const QString& message) {
        problems.append(PlanProblem{uuid, message});
    };

    for (const PlannedMove& move : plan.moves) {
        const InstanceSnapshot* instance = index.instances.value(move.uuid);
        const QString name = instance ? instance->name : move.name;
        const QString node = move.toNode;
        if (!instance) {
            problem(move.uuid, tr("%1 is no longer seen on any node.").arg(name));
        } else if (!instance->isActive()) {
            problem(move.uuid, tr("%1 is not running, so it cannot move live.").arg(name));
        }
        const Availability availability = index.availability(node);
        if (availability == Availability::Gone) {
            problem(move.uuid,
                    tr("%1 is not a node of the inventory; choose another node for %2.").arg(node, name));
            continue;
        }
        if (availability == Availability::Unreachable) {
            problem(move.uuid, tr("%1 is not connected, so %2 cannot move there.").arg(node, name));
            continue;
        }
        if (availability == Availability::Maintenance)
            problem(move.uuid, tr("%1 is in maintenance, so %2 cannot move there.").arg(node, name));
        if (plan.direction == OutageDirection::Evacuate && index.nodes.value(node)->site == plan.site) {
            problem(move.uuid,
                    tr("%1 is on the campus being evacuated; choose a node of another campus for %2.")
                        .arg(node, name));
        }
        if (index.cpuIncompatible(move.uuid, node)) {
            const QString words = index.cpuWords(move.uuid, node);
            problem(move.uuid, words.isEmpty()
                                   ? tr("The CPU of %1 cannot run %2.").arg(node, name)
                                   : tr("The CPU of %1 cannot run %2 (%3).").arg(node, name, words));
        }
        if (index.isRefused(move.uuid, node)) {
            problem(move.uuid, tr("%1 refused %2 in the pre-flight checks: %3")
                                   .arg(node, name, index.refusal(move.uuid, node)));
        }
        if (instance && instance->node == node)
            problem(move.uuid, tr("%1 already runs on %2.").arg(name, node));

        // The whole plan together: each move takes what the moves before it left on the node.
        if (!targets.contains(node))
            targets.insert(node, index.target(node));
        Target& target = targets[node];
        InstanceSnapshot standIn;
        const Item item = moveItem(index, move, standIn);
        const QString headroom = QString::number(index.headroom);
        if (target.memoryFree < item.memory) {
            problem(move.uuid,
                    tr("%1 does not fit on %2: it needs %3 of memory and %4 is free there after %5% "
                       "headroom and the moves planned before it.")
                        .arg(name, node, memoryText(item.memory), memoryText(target.memoryFree), headroom));
        }
        if (target.vcpusFree < item.vcpus) {
            problem(move.uuid,
                    tr("%1 does not fit on %2: it needs %n vCPU(s) and %3 are free there after %4% "
                       "headroom and the moves planned before it.",
                       nullptr, item.vcpus)
                        .arg(name, node, QString::number(std::max<qint64>(target.vcpusFree, 0)), headroom));
        }
        QStringList conflicts = conflictsOn(target, item);
        if (!conflicts.isEmpty()) {
            conflicts.sort();
            problem(move.uuid, tr("%1 and %2 of anti-affinity group %3 would both run on %4.")
                                   .arg(name, Sentences::names(conflicts), item.group, node));
        }
        place(target, item);
    }
    return problems;
}

OutagePlan Planner::replan(const OutagePlan& plan, const PlannerInput& input)
{
    const Index index(input);
    QMap<QString, Target> targets = availableTargets(index);
    QList<Target*> candidates;
    for (Target& target : targets) {
        if ((plan.direction == OutageDirection::Evacuate) == (target.site != plan.site))
            candidates.append(&target);
    }
    const Site* siteConfig = input.inventory.site(plan.site);
    const Scope scope =
        plan.direction == OutageDirection::Evacuate
            ? Scope{}
            : Scope{false, siteConfig && !siteConfig->name.isEmpty() ? siteConfig->name : plan.site};

    // The moves kept take their room first, so that a re-placed one never takes it from them.
    QList<InstanceSnapshot> standIns(plan.moves.size());
    QList<int> again;
    for (qsizetype i = 0; i < plan.moves.size(); ++i) {
        const PlannedMove& move = plan.moves.at(i);
        if (index.isRefused(move.uuid, move.toNode)) {
            again.append(int(i));
            continue;
        }
        const auto target = targets.find(move.toNode);
        if (target != targets.end())
            place(*target, moveItem(index, move, standIns[i]));
    }
    if (again.isEmpty())
        return plan;

    OutagePlan result = plan;
    QList<int> dropped;
    for (const int i : std::as_const(again)) {
        const PlannedMove& move = plan.moves.at(i);
        const Item item = moveItem(index, move, standIns[i]);
        if (Target* target = bestFit(index, candidates, item)) {
            place(*target, item);
            PlannedMove& replanned = result.moves[i];
            replanned.toNode = target->name;
            replanned.note = refusedNote(index, move.uuid, target->name);
            replanned.edited = false;
            replanned.transport = MigrationTransport::Automatic;
            continue;
        }
        result.unplaced.append(makeUnplaced(item, unplacedText(index, scope, candidates, item)));
        dropped.append(i);
    }
    // Highest index first, so that each removal leaves the lower indexes in place.
    std::reverse(dropped.begin(), dropped.end());
    for (const int position : std::as_const(dropped))
        result.moves.removeAt(position);
    return result;
}

OutagePlan Planner::retarget(const OutagePlan& plan, const QString& uuid, const QString& node)
{
    OutagePlan result = plan;
    if (const int index = result.indexOfMove(uuid); index >= 0) {
        PlannedMove& move = result.moves[index];
        if (node.isEmpty()) {
            // Taking it out of the plan: it becomes an unplaced instance the person decides about.
            result.unplaced.append(UnplacedInstance{
                move.uuid, move.name, move.fromNode, move.homeNode, move.memoryKiB, move.vcpus, move.priority,
                tr("Taken out of the plan by hand."), UnplacedChoice::Leave});
            result.moves.removeAt(index);
            return result;
        }
        move.toNode = node;
        move.note.clear(); // the planner's reason for its choice no longer applies
        move.edited = true;
        return result;
    }
    const int index = result.indexOfUnplaced(uuid);
    if (index < 0 || node.isEmpty())
        return result;
    const UnplacedInstance entry = result.unplaced.takeAt(index);
    const PlannedMove move{entry.uuid,      entry.name,  entry.fromNode, node,      entry.homeNode,
                           entry.memoryKiB, entry.vcpus, entry.priority, QString(), true};
    // Where the planner would have put it in the execution order.
    const auto later = [&move](const PlannedMove& other) {
        if (other.priority != move.priority)
            return other.priority < move.priority;
        if (other.memoryKiB != move.memoryKiB)
            return other.memoryKiB < move.memoryKiB;
        if (other.name != move.name)
            return other.name > move.name;
        return other.uuid > move.uuid;
    };
    const auto position = std::find_if(result.moves.begin(), result.moves.end(), later);
    result.moves.insert(position, move);
    return result;
}

} // namespace kumo

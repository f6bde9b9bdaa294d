// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/preflight.h"

#include <algorithm>

#include <QCoreApplication>

#include "core/migrationpath.h"
#include "core/sentences.h"

namespace kumo {

// The translation context of every pre-flight sentence.
class Preflight
{
    Q_DECLARE_TR_FUNCTIONS(kumo::Preflight)
};

namespace {

// Sizes as people say them: "512 MiB", "2 GiB", "1.2 GiB". Digits are not localised so that the
// same figures read the same in every language (and tests can assert them).
QString sizeText(quint64 kib)
{
    constexpr quint64 MiB = 1024;
    constexpr quint64 GiB = quint64{1024} * 1024;
    if (kib >= GiB) {
        QString number = QString::number(double(kib) / double(GiB), 'f', 1);
        if (number.endsWith(QLatin1String(".0")))
            number.chop(2);
        return Preflight::tr("%1 GiB").arg(number);
    }
    if (kib >= MiB || kib == 0)
        return Preflight::tr("%1 MiB").arg(kib / MiB);
    return Preflight::tr("%1 KiB").arg(kib);
}

int rank(CheckSeverity severity)
{
    return static_cast<int>(severity);
}

PreflightCheck* find(PreflightResult& result, const QString& id)
{
    for (PreflightCheck& check : result.checks) {
        if (check.id == id)
            return &check;
    }
    return nullptr;
}

// One entry per id: a later verdict replaces an earlier one (facts are fresher than the cluster
// state), so the list a dialog shows never says the same thing twice.
void put(PreflightResult& result, const QString& id, CheckSeverity severity, const QString& message)
{
    if (PreflightCheck* existing = find(result, id)) {
        existing->severity = severity;
        existing->message = message;
        return;
    }
    result.checks.append(PreflightCheck{id, severity, message});
}

QString nodeName(const PreflightContext& context)
{
    if (context.destination)
        return context.destination->name;
    if (context.destinationSnapshot)
        return context.destinationSnapshot->node;
    return {};
}

bool migratableState(InstanceState state)
{
    return state == InstanceState::Running || state == InstanceState::Paused ||
           state == InstanceState::Blocked;
}

void checkState(PreflightResult& result, const QString& name, InstanceState state)
{
    if (migratableState(state)) {
        put(result, QStringLiteral("state"), CheckSeverity::Ok,
            Preflight::tr("%1 is running or paused and can move live.").arg(name));
        return;
    }
    put(result, QStringLiteral("state"), CheckSeverity::Refused,
        Preflight::tr("%1 is not running: only running or paused instances can move. Start it first.")
            .arg(name));
}

void checkMemory(PreflightResult& result, const InstanceSnapshot& instance, const PreflightContext& context,
                 const QString& node)
{
    const quint64 needed = std::max(instance.memoryKiB, instance.maxMemoryKiB);
    const quint64 free = context.destinationSnapshot->memoryFreeKiB;
    const quint64 reserve =
        (context.destination ? context.destination->memoryReserveMiB * 1024 : 0) + context.memoryReserveKiB;
    const quint64 incoming = context.memoryIncomingKiB;
    const quint64 taken = reserve + incoming;
    const quint64 available = free > taken ? free - taken : 0;
    if (available >= needed) {
        put(result, QStringLiteral("memory"), CheckSeverity::Ok,
            Preflight::tr("%1 has %2 free for it; %3 needs %4.")
                .arg(node, sizeText(available), instance.name, sizeText(needed)));
        return;
    }
    QString message;
    if (reserve > 0 && incoming > 0) {
        message = Preflight::tr("%1 has %2 free after reserving %3 and %4 already moving there; %5 needs %6.")
                      .arg(node, sizeText(available), sizeText(reserve), sizeText(incoming), instance.name,
                           sizeText(needed));
    } else if (reserve > 0) {
        message = Preflight::tr("%1 has %2 free after reserving %3; %4 needs %5.")
                      .arg(node, sizeText(available), sizeText(reserve), instance.name, sizeText(needed));
    } else if (incoming > 0) {
        message = Preflight::tr("%1 has %2 free after %3 already moving there; %4 needs %5.")
                      .arg(node, sizeText(available), sizeText(incoming), instance.name, sizeText(needed));
    } else {
        message = Preflight::tr("%1 has %2 free; %3 needs %4.")
                      .arg(node, sizeText(available), instance.name, sizeText(needed));
    }
    message = Sentences::join({message, Preflight::tr("Choose another node or free memory there.")});
    put(result, QStringLiteral("memory"), CheckSeverity::Refused, message);
}

void checkVcpus(PreflightResult& result, const QString& name, int vcpus, const PreflightContext& context,
                const QString& node, int maxVcpus)
{
    if (maxVcpus > 0 && vcpus > maxVcpus) {
        put(result, QStringLiteral("vcpus"), CheckSeverity::Refused,
            Preflight::tr(
                "%1 has %n vCPU(s) but the hypervisor on %2 allows at most %3. Choose another node.", nullptr,
                vcpus)
                .arg(name, node, QString::number(maxVcpus)));
        return;
    }
    const int cpus = context.destinationSnapshot->cpus;
    if (cpus > 0 && vcpus > cpus) {
        put(result, QStringLiteral("vcpus"), CheckSeverity::Warning,
            Preflight::tr(
                "%1 has %n vCPU(s) and %2 only %3: it overcommits the node and may run slower there.",
                nullptr, vcpus)
                .arg(name, node, Preflight::tr("%n CPU(s)", "a node's CPU count", cpus)));
        return;
    }
    put(result, QStringLiteral("vcpus"), CheckSeverity::Ok,
        Preflight::tr("%1 has enough CPUs for the %n vCPU(s) of %2.", nullptr, vcpus).arg(node, name));
}

void checkCpu(PreflightResult& result, const DestinationFacts& destination, const QString& name,
              const QString& node)
{
    switch (destination.cpu) {
    case CpuCompatibility::Compatible:
        put(result, QStringLiteral("cpu"), CheckSeverity::Ok,
            Preflight::tr("The CPU of %1 can run %2.").arg(node, name));
        return;
    case CpuCompatibility::Incompatible:
        put(result, QStringLiteral("cpu"), CheckSeverity::Refused,
            Preflight::tr("The CPU of %1 cannot run %2 (%3). Choose a node with a compatible CPU.")
                .arg(node, name, destination.cpuDetail));
        return;
    case CpuCompatibility::Unknown:
        break;
    }
    put(result, QStringLiteral("cpu"), CheckSeverity::Warning,
        Preflight::tr(
            "Could not compare CPUs: %1 may not run on %2 if its CPU lacks features the guest uses.")
            .arg(name, node));
}

void checkNetworks(PreflightResult& result, const GuestFacts& guest, const DestinationFacts& destination,
                   const QString& node)
{
    CheckSeverity worst = CheckSeverity::Ok;
    QStringList problems;
    auto note = [&](CheckSeverity severity, const QString& text) {
        worst = std::max(worst, severity, [](CheckSeverity a, CheckSeverity b) { return rank(a) < rank(b); });
        problems.append(text);
    };
    for (const QString& network : guest.networks) {
        if (destination.activeNetworks.contains(network))
            continue;
        if (destination.inactiveNetworks.contains(network)) {
            note(CheckSeverity::Refused,
                 Preflight::tr("Network %1 exists on %2 but is not active; start it there first.")
                     .arg(network, node));
        } else {
            note(CheckSeverity::Refused,
                 Preflight::tr("Network %1 does not exist on %2; define it there with the same name first.")
                     .arg(network, node));
        }
    }
    for (const QString& bridge : guest.bridges) {
        if (destination.bridgesKnown) {
            if (!destination.bridges.contains(bridge))
                note(CheckSeverity::Refused,
                     Preflight::tr("Bridge %1 does not exist on %2; create it there first.")
                         .arg(bridge, node));
        } else {
            note(CheckSeverity::Warning,
                 Preflight::tr("Cannot verify bridge %1 on %2; make sure it exists.").arg(bridge, node));
        }
    }
    if (!problems.isEmpty()) {
        put(result, QStringLiteral("networks"), worst, Sentences::join(problems));
        return;
    }
    if (guest.networks.isEmpty() && guest.bridges.isEmpty()) {
        put(result, QStringLiteral("networks"), CheckSeverity::Ok,
            Preflight::tr("The instance uses no network."));
        return;
    }
    put(result, QStringLiteral("networks"), CheckSeverity::Ok,
        Preflight::tr("Every network the instance uses is available on %1.").arg(node));
}

void checkStorage(PreflightResult& result, const GuestFacts& guest)
{
    if (guest.localDisks > 0) {
        result.storageCopyNeeded = true;
        put(result, QStringLiteral("storage"), CheckSeverity::Warning,
            Preflight::tr("%n local disk(s): the move needs \"copy storage\" (slower) or shared storage.",
                          nullptr, guest.localDisks));
        return;
    }
    if (guest.sharedDisks > 0) {
        put(result, QStringLiteral("storage"), CheckSeverity::Ok,
            Preflight::tr("The disks are on shared storage; nothing to copy."));
        return;
    }
    put(result, QStringLiteral("storage"), CheckSeverity::Ok,
        Preflight::tr("The instance has no disks to copy."));
}

void checkTransport(PreflightResult& result, const QString& instanceNode, const PreflightContext& context)
{
    if (!context.inventory || !context.destination)
        return;
    const QString source = context.sourceNode.isEmpty() ? instanceNode : context.sourceNode;
    PreflightCheck check =
        transportCheck(*context.inventory, source, context.destination->name, context.options);
    put(result, check.id, check.severity, check.message);
}

} // namespace

CheckSeverity PreflightResult::verdict() const
{
    CheckSeverity worst = CheckSeverity::Ok;
    for (const PreflightCheck& check : checks) {
        if (rank(check.severity) > rank(worst))
            worst = check.severity;
    }
    return worst;
}

QStringList PreflightResult::reasons(CheckSeverity atLeast) const
{
    QStringList out;
    for (const PreflightCheck& check : checks) {
        if (rank(check.severity) >= rank(atLeast))
            out.append(check.message);
    }
    return out;
}

const PreflightCheck* PreflightResult::check(const QString& id) const
{
    for (const PreflightCheck& entry : checks) {
        if (entry.id == id)
            return &entry;
    }
    return nullptr;
}

PreflightResult quickPreflight(const InstanceSnapshot& instance, const PreflightContext& context)
{
    PreflightResult result;
    result.uuid = instance.uuid;
    const QString node = nodeName(context);
    result.destinationNode = node;

    const NodeSnapshot* snapshot = context.destinationSnapshot;
    if (!context.destination) {
        put(result, QStringLiteral("connected"), CheckSeverity::Refused,
            Preflight::tr("%1 is not in the inventory; add it there first.").arg(node));
    } else if (!snapshot || snapshot->state == NodeState::Connecting) {
        put(result, QStringLiteral("connected"), CheckSeverity::Refused,
            Preflight::tr("Kumo is still connecting to %1; try again in a moment.").arg(node));
    } else if (snapshot->state == NodeState::NotResponding) {
        put(result, QStringLiteral("connected"), CheckSeverity::Refused,
            Preflight::tr("%1 is not responding: its libvirt daemon has not answered for seconds.")
                .arg(node));
    } else if (snapshot->state == NodeState::Unreachable) {
        const QString why =
            snapshot->error.message.isEmpty() ? snapshot->error.detail : snapshot->error.message;
        put(result, QStringLiteral("connected"), CheckSeverity::Refused,
            why.isEmpty()
                ? Preflight::tr("%1 is unreachable; check the node and its libvirt daemon.").arg(node)
                : Preflight::tr("%1 is unreachable: %2").arg(node, why));
    } else {
        put(result, QStringLiteral("connected"), CheckSeverity::Ok,
            Preflight::tr("%1 is connected.").arg(node));
    }

    if (context.destination) {
        if (context.destination->maintenance) {
            put(result, QStringLiteral("maintenance"), CheckSeverity::Refused,
                Preflight::tr("%1 is in maintenance and takes no new instances. Choose another node.")
                    .arg(node));
        } else {
            put(result, QStringLiteral("maintenance"), CheckSeverity::Ok,
                Preflight::tr("%1 is not in maintenance.").arg(node));
        }
    }

    if (node == context.sourceNode || node == instance.node) {
        put(result, QStringLiteral("same-node"), CheckSeverity::Refused,
            Preflight::tr("%1 already runs on %2. Choose another node.").arg(instance.name, node));
    } else {
        put(result, QStringLiteral("same-node"), CheckSeverity::Ok,
            Preflight::tr("%1 runs on %2, not on %3.").arg(instance.name, context.sourceNode, node));
    }

    checkState(result, instance.name, instance.state);
    checkTransport(result, instance.node, context);

    // Free memory and CPUs mean something only for a node that answers.
    if (snapshot && snapshot->state == NodeState::Connected) {
        checkMemory(result, instance, context, node);
        checkVcpus(result, instance.name, instance.vcpus, context, node, 0);
    }
    result.complete = false;
    return result;
}

PreflightResult fullPreflight(const InstanceSnapshot& instance, const PreflightContext& context,
                              const GuestFacts& guest, const DestinationFacts& destination)
{
    PreflightResult result = quickPreflight(instance, context);
    const QString node = result.destinationNode;
    result.complete = true;

    if (!guest.valid) {
        const QString why = guest.error.message.isEmpty() ? guest.error.detail : guest.error.message;
        put(result, QStringLiteral("definition"), CheckSeverity::Refused,
            Preflight::tr("Could not read the instance's definition: %1").arg(why));
    } else {
        // The source's own word on the state is fresher than the last poll.
        if (guest.state != InstanceState::NoState)
            checkState(result, instance.name, guest.state);
        checkStorage(result, guest);
    }

    if (!destination.reachable) {
        const QString why =
            destination.error.message.isEmpty() ? destination.error.detail : destination.error.message;
        put(result, QStringLiteral("connected"), CheckSeverity::Refused,
            why.isEmpty()
                ? Preflight::tr("%1 did not answer; check the node and its libvirt daemon.").arg(node)
                : Preflight::tr("%1 did not answer: %2").arg(node, why));
        return result;
    }

    const NodeSnapshot* snapshot = context.destinationSnapshot;
    if (snapshot && snapshot->state == NodeState::Connected) {
        const int vcpus = guest.valid && guest.vcpus > 0 ? guest.vcpus : instance.vcpus;
        checkVcpus(result, instance.name, vcpus, context, node, destination.maxVcpus);
    }

    if (destination.nameTaken) {
        put(result, QStringLiteral("name"), CheckSeverity::Refused,
            Preflight::tr("A domain named %1 already exists on %2. Rename or remove it there first.")
                .arg(instance.name, node));
    } else {
        put(result, QStringLiteral("name"), CheckSeverity::Ok,
            Preflight::tr("No domain named %1 on %2.").arg(instance.name, node));
    }
    if (destination.uuidTaken) {
        put(result, QStringLiteral("uuid"), CheckSeverity::Refused,
            Preflight::tr("A domain with the UUID of %1 already exists on %2 (left over from an earlier "
                          "move?). Remove it "
                          "there first.")
                .arg(instance.name, node));
    } else {
        put(result, QStringLiteral("uuid"), CheckSeverity::Ok,
            Preflight::tr("No domain with the UUID of %1 on %2.").arg(instance.name, node));
    }

    if (guest.valid) {
        checkCpu(result, destination, instance.name, node);
        checkNetworks(result, guest, destination, node);
    }
    return result;
}

PreflightCheck transportCheck(const Inventory& inventory, const QString& sourceNode,
                              const QString& destinationNode, const MigrationOptions& options)
{
    PreflightCheck check{QStringLiteral("transport"), CheckSeverity::Ok, {}};
    const Result<MigrationPath> path = MigrationPath::choose(inventory, sourceNode, destinationNode, options);
    if (!path) {
        check.severity = CheckSeverity::Refused;
        check.message = path.error().message;
        return check;
    }
    const QString how = MigrationPath::describe(path->transport);
    const QStringList conflicts = MigrationPath::conflicts(path->transport, options);
    if (!conflicts.isEmpty()) {
        check.severity = CheckSeverity::Refused;
        check.message = Preflight::tr("Transport: %1. %2").arg(how, Sentences::join(conflicts));
        return check;
    }
    check.message = Preflight::tr("Transport: %1.").arg(how);
    return check;
}

QString severityText(CheckSeverity severity)
{
    switch (severity) {
    case CheckSeverity::Ok:
        return Preflight::tr("Allowed");
    case CheckSeverity::Warning:
        return Preflight::tr("Allowed with warnings");
    case CheckSeverity::Refused:
        return Preflight::tr("Refused");
    }
    return {};
}

bool isDestinationCheck(const QString& id)
{
    static const QStringList ids{
        QStringLiteral("connected"), QStringLiteral("maintenance"), QStringLiteral("memory"),
        QStringLiteral("vcpus"),     QStringLiteral("cpu"),         QStringLiteral("networks"),
        QStringLiteral("name"),      QStringLiteral("uuid"),        QStringLiteral("transport")};
    return ids.contains(id);
}

QString destinationRefusal(const PreflightResult& result)
{
    QStringList sentences;
    for (const PreflightCheck& check : result.checks) {
        if (check.severity == CheckSeverity::Refused && isDestinationCheck(check.id))
            sentences.append(check.message);
    }
    return Sentences::join(sentences);
}

} // namespace kumo

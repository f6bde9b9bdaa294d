// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Pre-flight checks before a migration: what the source knows about the guest (GuestFacts),
// what the destination knows about itself (DestinationFacts), and the pure function that
// turns both, plus the inventory and the cluster state, into a verdict with a plain-language
// reason per check. Nothing here calls libvirt: sessions gather the facts on their threads.
// Thread: any (values and a pure function).
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include "core/inventory.h"
#include "core/migration.h"
#include "core/snapshot.h"

namespace kumo {

enum class CheckSeverity
{
    Ok,
    Warning,
    Refused
};

struct PreflightCheck
{
    QString id; // stable key: "connected", "maintenance", "same-node", "memory", "vcpus", "cpu",
                // "name", "uuid", "networks", "storage", "state", "transport"
    CheckSeverity severity = CheckSeverity::Ok;
    QString message; // one translated sentence a person can act on
};

struct PreflightResult
{
    QString uuid;
    QString destinationNode;
    QList<PreflightCheck> checks;
    bool complete = false;          // false: only the checks that need no libvirt call have run
    bool storageCopyNeeded = false; // local disks: migrating needs MigrationOptions::copyStorage

    [[nodiscard]] CheckSeverity verdict() const; // the worst severity of all checks
    [[nodiscard]] QStringList reasons(CheckSeverity atLeast) const;
    [[nodiscard]] const PreflightCheck* check(const QString& id) const;
};

// What the source node's libvirt says about the guest (from its domain XML).
struct GuestFacts
{
    QString uuid;
    QString name;
    InstanceState state = InstanceState::NoState;
    int vcpus = 0;
    quint64 memoryKiB = 0;
    QString arch;         // e.g. "x86_64"
    QString machine;      // e.g. "pc-i440fx-7.2"
    QString domainType;   // e.g. "kvm", "qemu"
    QString emulator;     // e.g. "/usr/bin/qemu-system-x86_64"
    QString cpuXml;       // the guest's <cpu> element, for the CPU comparison; empty: none
    QStringList networks; // libvirt networks the interfaces use
    QStringList bridges;  // host bridges the interfaces use
    int localDisks = 0;   // disks backed by files or block devices on the node
    int sharedDisks = 0;  // disks on network storage (rbd, iscsi, nfs-backed pools, ...)
    bool valid = false;   // false: the facts could not be read; error says why
    Error error;
};

enum class CpuCompatibility
{
    Unknown,
    Compatible,
    Incompatible
};

// What a destination node's libvirt says about itself, for one guest.
struct DestinationFacts
{
    QString node;
    bool reachable = false;
    Error error; // why the facts could not be read
    CpuCompatibility cpu = CpuCompatibility::Unknown;
    QString cpuDetail;            // libvirt's words on an incompatibility
    QStringList activeNetworks;   // networks defined and active
    QStringList inactiveNetworks; // defined but not active
    QStringList bridges;          // host interfaces libvirt can see (empty with networksKnown false)
    bool bridgesKnown = false;    // the driver could list host interfaces
    bool nameTaken = false;       // a domain with the guest's name exists there
    bool uuidTaken = false;       // a domain with the guest's UUID exists there
    int maxVcpus = 0;             // 0: unknown
};

// Everything the checks need besides the facts.
struct PreflightContext
{
    QString sourceNode;
    const NodeConfig* destination = nullptr; // from the inventory; nullptr: unknown node
    const NodeSnapshot* destinationSnapshot = nullptr;
    quint64 memoryIncomingKiB = 0; // instances already moving to the destination
    quint64 memoryReserveKiB = 0;  // kept free on every node (preference)
    // For the "transport" check: the inventory decides the path the data may take, the options
    // ask for one and may not combine with it. nullptr: no transport check (nothing to judge by).
    const Inventory* inventory = nullptr;
    MigrationOptions options;
};

// Checks that need only the cluster state (instant; used while dragging before facts arrive).
[[nodiscard]] PreflightResult quickPreflight(const InstanceSnapshot& instance,
                                             const PreflightContext& context);
// Every check, with the facts the sessions gathered.
[[nodiscard]] PreflightResult fullPreflight(const InstanceSnapshot& instance, const PreflightContext& context,
                                            const GuestFacts& guest, const DestinationFacts& destination);

// The "transport" check alone: the path MigrationPath::choose takes for these options, named in
// words; Refused with choose()'s sentence when the inventory does not allow it, or with every
// option that does not combine with it. The quick and full checks include it when the context
// has an inventory; the migration dialog asks again as the person changes the options.
[[nodiscard]] PreflightCheck transportCheck(const Inventory& inventory, const QString& sourceNode,
                                            const QString& destinationNode, const MigrationOptions& options);

[[nodiscard]] QString severityText(CheckSeverity severity);

// Whether a refused check is about the destination node (it would not refuse on another node):
// "connected", "maintenance", "memory", "vcpus", "cpu", "networks", "name", "uuid", "transport".
// The instance's own state or definition, the same node and a read-only console are not.
[[nodiscard]] bool isDestinationCheck(const QString& id);
// The sentences of the refused destination checks of `result`, joined; empty when the destination
// refused nothing (what the planner takes as that node refusing the instance).
[[nodiscard]] QString destinationRefusal(const PreflightResult& result);

} // namespace kumo

Q_DECLARE_METATYPE(kumo::PreflightResult)
Q_DECLARE_METATYPE(kumo::GuestFacts)
Q_DECLARE_METATYPE(kumo::DestinationFacts)

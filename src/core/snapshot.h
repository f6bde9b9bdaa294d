// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// NodeSnapshot and InstanceSnapshot: what one poll of one node saw, as plain values.
// Sessions produce them on their worker thread and hand them over by queued signals;
// nothing ever mutates a snapshot after it was published.
// Thread: any (immutable values).
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include "core/result.h"

namespace kumo {

enum class NodeState
{
    Connecting,  // opening the connection (first time or after a loss)
    Connected,   // libvirtd answers
    Unreachable, // libvirtd does not answer; NodeSnapshot::error says why
    // The node's session has been inside one call for too long (a frozen daemon, a socket that
    // accepts and says nothing): its figures are stale and nothing is sent to it until it answers.
    NotResponding,
};

// libvirt's virDomainState, mirrored so that core and ui need no libvirt header.
enum class InstanceState
{
    NoState = 0,
    Running = 1,
    Blocked = 2,
    Paused = 3,
    ShuttingDown = 4,
    ShutOff = 5,
    Crashed = 6,
    PmSuspended = 7,
};

struct NodeSnapshot
{
    QString node; // inventory node name: the key
    NodeState state = NodeState::Connecting;
    Error error;                // why the node is unreachable (code None otherwise)
    QString hostname;           // what the hypervisor calls itself
    QString hostUuid;           // libvirt host UUID (distinct per daemon)
    QString hypervisor;         // e.g. "QEMU", "TEST"
    quint64 libvirtVersion = 0; // major * 1,000,000 + minor * 1,000 + release
    QString cpuModel;
    int cpus = 0; // logical CPUs
    int mhz = 0;
    quint64 memoryTotalKiB = 0;
    quint64 memoryFreeKiB = 0;   // free memory as libvirt reports it
    double cpuUsagePercent = -1; // host CPU busy over the last interval, 0-100; -1 when unknown
    int instanceCount = 0;       // domains defined on the node
    int runningCount = 0;        // domains active on the node
    qint64 sampledAtMs = 0;      // wall clock of the poll (ms since epoch)
    int reconnectInMs = 0;       // when unreachable: delay before the next attempt

    bool operator==(const NodeSnapshot&) const = default;
};

struct InstanceSnapshot
{
    QString uuid; // libvirt domain UUID: the key across nodes
    QString name;
    QString node; // inventory node name the domain was seen on
    InstanceState state = InstanceState::NoState;
    int stateReason = 0; // libvirt's reason code for the state
    bool persistent = false;
    bool autostart = false;
    int vcpus = 0;
    quint64 memoryKiB = 0; // current memory
    quint64 maxMemoryKiB = 0;
    quint64 cpuTimeNs = 0;  // cumulative guest CPU time
    double cpuPercent = -1; // of one vCPU-second per second across vCPUs, 0-100; -1 when unknown
    qint64 sampledAtMs = 0; // not part of identity: see sameContent()
    // Split brain: the nodes where this one UUID runs at the same time, when more than one.
    // Set by the cluster merge on the instance it shows; a node's own list never sets it.
    QStringList splitNodes;

    bool operator==(const InstanceSnapshot&) const = default;
    [[nodiscard]] bool isSplit() const { return splitNodes.size() > 1; }
    // Its vCPUs may execute (as opposed to paused, stopped or merely defined): two copies in
    // such a state write to the same disks and answer on the same addresses.
    [[nodiscard]] bool isExecuting() const
    {
        return state == InstanceState::Running || state == InstanceState::Blocked ||
               state == InstanceState::ShuttingDown;
    }
    bool isActive() const
    {
        return state == InstanceState::Running || state == InstanceState::Paused ||
               state == InstanceState::Blocked || state == InstanceState::ShuttingDown ||
               state == InstanceState::PmSuspended;
    }
    // True when everything a person could see is equal (sampling time and raw CPU time excluded).
    bool sameContent(const InstanceSnapshot& other) const;
};

bool sameContent(const NodeSnapshot& a, const NodeSnapshot& b);

// What one node says about its copy of an instance, for choosing which copy of a split instance
// to keep: how long it has run (CPU time), how much memory it dirties now, why it runs.
struct InstanceCopyFacts
{
    QString uuid;
    QString node;
    InstanceState state = InstanceState::NoState;
    int stateReason = 0;
    quint64 cpuTimeNs = 0;     // cumulative guest CPU time of this copy
    quint64 memoryKiB = 0;     // current memory
    double dirtyRateMiBs = -1; // memory dirtied per second over dirtyRateSeconds; -1 when unknown
    int dirtyRateSeconds = 0;
    QString dirtyRateNote; // why the dirty rate is unknown, in words
    Error error;           // the copy could not be read (code None otherwise)
};

// Stable English word for an instance state, for filters, logs and the journal, e.g. "shut-off".
[[nodiscard]] QString instanceStateKey(InstanceState state);

} // namespace kumo

Q_DECLARE_METATYPE(kumo::NodeSnapshot)
Q_DECLARE_METATYPE(kumo::InstanceSnapshot)
Q_DECLARE_METATYPE(kumo::InstanceCopyFacts)

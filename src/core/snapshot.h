// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// NodeSnapshot and InstanceSnapshot: what one poll of one node saw, as plain values.
// Sessions produce them on their worker thread and hand them over by queued signals;
// nothing ever mutates a snapshot after it was published.
// Thread: any (immutable values).
#pragma once

#include <algorithm>

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

// One storage pool of a node (virStoragePoolGetInfo), in bytes, read at a slower cadence than the
// poll.
struct StoragePoolSnapshot
{
    QString name;
    bool active = false;       // an inactive pool reports no sizes
    quint64 capacityBytes = 0; // 0 when not known
    quint64 allocationBytes = 0;
    quint64 availableBytes = 0;

    bool operator==(const StoragePoolSnapshot&) const = default;
    // Free space in percent of the capacity, 0-100; -1 when the pool says nothing.
    [[nodiscard]] double freePercent() const
    {
        return active && capacityBytes > 0 ? 100.0 * double(availableBytes) / double(capacityBytes) : -1;
    }
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
    // The host's CPU time split over the last interval (virNodeGetCPUStats), 0-100; -1 when unknown.
    double cpuUserPercent = -1;
    double cpuKernelPercent = -1;
    double cpuIowaitPercent = -1;
    // Storage pools, sorted by name; re-read every few polls (poolsSampledAtMs says when).
    QList<StoragePoolSnapshot> pools;
    qint64 poolsSampledAtMs = 0;
    bool poolsKnown = false; // false: the driver or the account cannot list pools
    int instanceCount = 0;   // domains defined on the node
    int runningCount = 0;    // domains active on the node
    qint64 sampledAtMs = 0;  // wall clock of the poll (ms since epoch)
    int reconnectInMs = 0;   // when unreachable: delay before the next attempt

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
    // Cumulative counters from the bulk stats (summed over disks, interfaces and vCPUs), the
    // base of the rates below; not part of sameContent() either.
    quint64 diskReadBytes = 0;
    quint64 diskWriteBytes = 0;
    quint64 netRxBytes = 0;
    quint64 netTxBytes = 0;
    quint64 cpuDelayNs = 0; // vcpu.N.delay: time vCPUs were ready but waited for a host CPU
    // Rates over the last interval in bytes per second; -1 when the driver does not report them.
    double diskReadBps = -1;
    double diskWriteBps = -1;
    double netRxBps = -1;
    double netTxBps = -1;
    // CPU steal: of its vCPUs' time, the share spent waiting for a host CPU, 0-100; -1 when unknown.
    double cpuStealPercent = -1;
    // Memory as the host sees it (balloon.rss: the QEMU process's resident set) and as the guest's
    // balloon driver reports it (balloon.available / balloon.unused, only with a stats period set);
    // 0 when not reported.
    quint64 rssKiB = 0;
    quint64 guestAvailableKiB = 0;
    quint64 guestUnusedKiB = 0;
    qint64 sampledAtMs = 0; // not part of identity: see sameContent()
    // When libvirt last told this state (a read of it), ms since epoch; a poll that keeps the state
    // events left (nothing told of a change) does not move it. 0: as sampledAtMs. Split-brain
    // detection compares these: a cached "running" is not a sighting.
    qint64 stateSeenAtMs = 0;
    [[nodiscard]] qint64 stateSeenAt() const { return stateSeenAtMs > 0 ? stateSeenAtMs : sampledAtMs; }
    // When that read returned: the state held at some moment between stateSeenAt() (taken before
    // the call) and this. A slow read stretches the two apart; split-brain detection takes the
    // start as the latest sighting of a state and this as the time a new state was reached by.
    // 0: as stateSeenAt().
    qint64 stateReadEndMs = 0;
    [[nodiscard]] qint64 stateKnownBy() const { return std::max(stateReadEndMs, stateSeenAt()); }
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

Q_DECLARE_METATYPE(kumo::StoragePoolSnapshot)
Q_DECLARE_METATYPE(kumo::NodeSnapshot)
Q_DECLARE_METATYPE(kumo::InstanceSnapshot)
Q_DECLARE_METATYPE(kumo::InstanceCopyFacts)

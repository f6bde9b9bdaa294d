// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/snapshot.h"

#include <algorithm>
#include <cmath>

namespace kumo {

namespace {
// CPU percentages are shown as whole numbers (as top and virt-manager do): a smaller move is
// not a change a person can see, and polling noise below it would otherwise repaint every row.
bool samePercent(double a, double b)
{
    return std::lround(a) == std::lround(b);
}

// I/O rates are shown in three significant digits (B/s, KiB/s, MiB/s): a change below one percent
// of the figure, or between two figures below 1 KiB/s, is not one a person can see.
bool sameRate(double a, double b)
{
    if ((a < 0) != (b < 0))
        return false;
    if (a < 0)
        return true;
    if (std::max(a, b) < 1024)
        return true;
    return std::abs(a - b) <= 0.01 * std::max(a, b);
}

// Memory figures are shown in MiB.
bool sameMiB(quint64 a, quint64 b)
{
    return a / 1024 == b / 1024;
}
} // namespace

bool InstanceSnapshot::sameContent(const InstanceSnapshot& o) const
{
    return uuid == o.uuid && name == o.name && node == o.node && state == o.state &&
           stateReason == o.stateReason && persistent == o.persistent && autostart == o.autostart &&
           vcpus == o.vcpus && memoryKiB == o.memoryKiB && maxMemoryKiB == o.maxMemoryKiB &&
           samePercent(cpuPercent, o.cpuPercent) && splitNodes == o.splitNodes &&
           sameRate(diskReadBps, o.diskReadBps) && sameRate(diskWriteBps, o.diskWriteBps) &&
           sameRate(netRxBps, o.netRxBps) && sameRate(netTxBps, o.netTxBps) &&
           samePercent(cpuStealPercent, o.cpuStealPercent) && sameMiB(rssKiB, o.rssKiB) &&
           sameMiB(guestAvailableKiB, o.guestAvailableKiB) && sameMiB(guestUnusedKiB, o.guestUnusedKiB);
}

bool sameContent(const NodeSnapshot& a, const NodeSnapshot& b)
{
    return a.node == b.node && a.state == b.state && a.error.code == b.error.code &&
           a.error.message == b.error.message && a.error.detail == b.error.detail &&
           a.hostname == b.hostname && a.hostUuid == b.hostUuid && a.hypervisor == b.hypervisor &&
           a.libvirtVersion == b.libvirtVersion && a.cpuModel == b.cpuModel && a.cpus == b.cpus &&
           a.mhz == b.mhz && a.memoryTotalKiB == b.memoryTotalKiB && a.memoryFreeKiB == b.memoryFreeKiB &&
           samePercent(a.cpuUsagePercent, b.cpuUsagePercent) && a.instanceCount == b.instanceCount &&
           a.runningCount == b.runningCount && a.reconnectInMs == b.reconnectInMs &&
           samePercent(a.cpuUserPercent, b.cpuUserPercent) &&
           samePercent(a.cpuKernelPercent, b.cpuKernelPercent) &&
           samePercent(a.cpuIowaitPercent, b.cpuIowaitPercent) && a.pools == b.pools &&
           a.poolsKnown == b.poolsKnown;
}

QString instanceStateKey(InstanceState state)
{
    switch (state) {
    case InstanceState::NoState:
        return QStringLiteral("unknown");
    case InstanceState::Running:
        return QStringLiteral("running");
    case InstanceState::Blocked:
        return QStringLiteral("blocked");
    case InstanceState::Paused:
        return QStringLiteral("paused");
    case InstanceState::ShuttingDown:
        return QStringLiteral("shutting-down");
    case InstanceState::ShutOff:
        return QStringLiteral("shut-off");
    case InstanceState::Crashed:
        return QStringLiteral("crashed");
    case InstanceState::PmSuspended:
        return QStringLiteral("pm-suspended");
    }
    return {};
}

} // namespace kumo

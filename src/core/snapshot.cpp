// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/snapshot.h"

#include <cmath>

namespace kumo {

namespace {
// CPU percentages are shown as whole numbers (as top and virt-manager do): a smaller move is
// not a change a person can see, and polling noise below it would otherwise repaint every row.
bool samePercent(double a, double b)
{
    return std::lround(a) == std::lround(b);
}
} // namespace

bool InstanceSnapshot::sameContent(const InstanceSnapshot& o) const
{
    return uuid == o.uuid && name == o.name && node == o.node && state == o.state &&
           stateReason == o.stateReason && persistent == o.persistent && autostart == o.autostart &&
           vcpus == o.vcpus && memoryKiB == o.memoryKiB && maxMemoryKiB == o.maxMemoryKiB &&
           samePercent(cpuPercent, o.cpuPercent) && splitNodes == o.splitNodes;
}

bool sameContent(const NodeSnapshot& a, const NodeSnapshot& b)
{
    return a.node == b.node && a.state == b.state && a.error.code == b.error.code &&
           a.error.message == b.error.message && a.error.detail == b.error.detail &&
           a.hostname == b.hostname && a.hostUuid == b.hostUuid && a.hypervisor == b.hypervisor &&
           a.libvirtVersion == b.libvirtVersion && a.cpuModel == b.cpuModel && a.cpus == b.cpus &&
           a.mhz == b.mhz && a.memoryTotalKiB == b.memoryTotalKiB && a.memoryFreeKiB == b.memoryFreeKiB &&
           samePercent(a.cpuUsagePercent, b.cpuUsagePercent) && a.instanceCount == b.instanceCount &&
           a.runningCount == b.runningCount && a.reconnectInMs == b.reconnectInMs;
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

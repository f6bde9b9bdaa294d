// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MetricRates: turns the cumulative counters libvirt's bulk stats report (bytes read and written,
// bytes received and sent, vCPU delay, host CPU time) into the rates a person reads: bytes per
// second, CPU steal and shares of CPU time in percent. A counter that went backwards (the guest
// restarted, a disk was unplugged) or an interval that is not positive gives "unknown" (-1), never
// a huge or negative figure.
// Thread: any (pure functions).
#pragma once

#include <QtGlobal>

namespace kumo {

class MetricRates
{
public:
    // (current - previous) per second over elapsedNs; -1 when it cannot be told.
    [[nodiscard]] static double perSecond(quint64 previous, quint64 current, qint64 elapsedNs);
    // Of the vCPUs' time over elapsedNs, the share spent waiting for a host CPU (the sum of
    // vcpu.N.delay grew from previousNs to currentNs), 0-100; -1 when it cannot be told.
    [[nodiscard]] static double stealPercent(quint64 previousNs, quint64 currentNs, qint64 elapsedNs,
                                             int vcpus);
    // What part of the growth of `total` the growth of `part` was, 0-100; -1 when it cannot be told.
    [[nodiscard]] static double sharePercent(quint64 previousPart, quint64 currentPart, quint64 previousTotal,
                                             quint64 currentTotal);
};

} // namespace kumo

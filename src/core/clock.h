// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Clock: the two clocks Kumo reads. Durations, ages and the positions of points on a chart come
// from the monotonic clock, which a step of the wall clock (an NTP correction, a person setting
// the time) does not move; the wall clock only says when something happened. Tests replace
// either function to step one clock and not the other.
// Thread: any (the functions are called where they are used).
#pragma once

#include <chrono>
#include <functional>

#include <QDateTime>

namespace kumo {

struct Clock
{
    std::function<qint64()> monotonicMs; // ms since an arbitrary origin; never goes back
    std::function<qint64()> wallMs;      // ms since the epoch (UTC)

    [[nodiscard]] static Clock system()
    {
        return Clock{[] {
                         return qint64(std::chrono::duration_cast<std::chrono::milliseconds>(
                                           std::chrono::steady_clock::now().time_since_epoch())
                                           .count());
                     },
                     [] { return QDateTime::currentMSecsSinceEpoch(); }};
    }
};

} // namespace kumo

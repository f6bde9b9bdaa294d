// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/metricrates.h"

#include <algorithm>

namespace kumo {

namespace {
constexpr double NsPerSecond = 1e9;
} // namespace

double MetricRates::perSecond(quint64 previous, quint64 current, qint64 elapsedNs)
{
    if (elapsedNs <= 0 || current < previous)
        return -1;
    return double(current - previous) * NsPerSecond / double(elapsedNs);
}

double MetricRates::stealPercent(quint64 previousNs, quint64 currentNs, qint64 elapsedNs, int vcpus)
{
    if (elapsedNs <= 0 || vcpus <= 0 || currentNs < previousNs)
        return -1;
    const double share = double(currentNs - previousNs) / (double(elapsedNs) * vcpus);
    return std::clamp(share * 100.0, 0.0, 100.0);
}

double MetricRates::sharePercent(quint64 previousPart, quint64 currentPart, quint64 previousTotal,
                                 quint64 currentTotal)
{
    if (currentTotal <= previousTotal || currentPart < previousPart)
        return -1;
    const double share = double(currentPart - previousPart) / double(currentTotal - previousTotal);
    return std::clamp(share * 100.0, 0.0, 100.0);
}

} // namespace kumo

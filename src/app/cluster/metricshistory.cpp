// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cluster/metricshistory.h"

namespace kumo {

MetricsHistory::MetricsHistory(qint64 windowMs, qint64 instanceStepMs)
    : m_windowMs(windowMs)
    , m_instanceStepMs(instanceStepMs)
{}

template <typename T> void MetricsHistory::append(QList<T>& series, const T& sample, qint64 minStepMs)
{
    if (!series.isEmpty() && sample.atMs - series.constLast().atMs < minStepMs) {
        // Inside one step the newest figure replaces the previous one.
        series.last() = sample;
        return;
    }
    series.append(sample);
    // Trim in chunks so that a long series is not shifted on every poll.
    const qint64 oldest = sample.atMs - m_windowMs;
    if (series.constFirst().atMs < oldest - m_windowMs / 10) {
        qsizetype drop = 0;
        while (drop < series.size() && series.at(drop).atMs < oldest)
            ++drop;
        series.remove(0, drop);
    }
}

void MetricsHistory::recordNode(const NodeSnapshot& node)
{
    if (node.state != NodeState::Connected || node.sampledAtMs == 0)
        return;
    const float used = node.memoryTotalKiB >= node.memoryFreeKiB
                           ? float(node.memoryTotalKiB - node.memoryFreeKiB) / 1024.0f
                           : 0.0f;
    QList<Sample>& series = m_nodes[node.node];
    if (!series.isEmpty() && series.constLast().wallMs == node.sampledAtMs)
        return;
    append(series, Sample{m_clock.monotonicMs(), node.sampledAtMs, float(node.cpuUsagePercent), used}, 0);
}

void MetricsHistory::recordInstance(const InstanceSnapshot& instance)
{
    if (instance.sampledAtMs == 0)
        return;
    QList<Sample>& series = m_instances[instance.uuid];
    if (!series.isEmpty() && series.constLast().wallMs == instance.sampledAtMs)
        return;
    append(series,
           Sample{m_clock.monotonicMs(), instance.sampledAtMs, float(instance.cpuPercent),
                  float(instance.memoryKiB) / 1024.0f},
           m_instanceStepMs);
    const bool hasIo = instance.diskReadBps >= 0 || instance.netRxBps >= 0 || instance.cpuStealPercent >= 0 ||
                       instance.rssKiB > 0;
    if (!hasIo)
        return;
    const auto sum = [](double a, double b) { return a < 0 || b < 0 ? -1.0f : float(a + b); };
    append(m_instanceIo[instance.uuid],
           IoSample{m_clock.monotonicMs(), instance.sampledAtMs,
                    sum(instance.diskReadBps, instance.diskWriteBps),
                    sum(instance.netRxBps, instance.netTxBps), float(instance.cpuStealPercent),
                    instance.rssKiB > 0 ? float(instance.rssKiB) / 1024.0f : -1.0f},
           m_instanceStepMs);
}

void MetricsHistory::forgetNode(const QString& node)
{
    m_nodes.remove(node);
}

void MetricsHistory::forgetInstance(const QString& uuid)
{
    m_instances.remove(uuid);
    m_instanceIo.remove(uuid);
}

namespace {
template <typename T> QList<T> window(const QList<T>& series, qint64 windowMs)
{
    if (series.isEmpty())
        return {};
    const qint64 oldest = series.constLast().atMs - windowMs;
    qsizetype first = 0;
    while (first < series.size() && series.at(first).atMs < oldest)
        ++first;
    return series.mid(first);
}
} // namespace

QList<MetricsHistory::Sample> MetricsHistory::node(const QString& node) const
{
    return window(m_nodes.value(node), m_windowMs);
}

QList<MetricsHistory::Sample> MetricsHistory::instance(const QString& uuid) const
{
    return window(m_instances.value(uuid), m_windowMs);
}

QList<MetricsHistory::IoSample> MetricsHistory::instanceIo(const QString& uuid) const
{
    return window(m_instanceIo.value(uuid), m_windowMs);
}

} // namespace kumo

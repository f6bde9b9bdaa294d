// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MetricsHistory: the last minutes of CPU and memory figures per node and per instance, kept
// from the polls the sessions already make (no libvirt call of its own). Node series keep every
// poll; instance series keep one sample per step, so 10,000 instances stay within a few MiB.
// Samples are placed on the monotonic clock when they are recorded: a step of the wall clock
// neither empties the window nor freezes it. The wall time of each sample is kept for "when".
// Disk and network rates, CPU steal and RSS of an instance are kept in a series of their own, only
// for instances whose driver reports them, so that drivers without them cost nothing more.
// Thread: GUI (owned by the ClusterController, fed from its merge of snapshots).
#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include "core/clock.h"
#include "core/snapshot.h"

namespace kumo {

class MetricsHistory
{
public:
    struct Sample
    {
        qint64 atMs = 0;         // monotonic clock (Clock::monotonicMs) when recorded
        qint64 wallMs = 0;       // when the node sampled it (wall clock, ms since epoch)
        float cpuPercent = -1;   // -1 when unknown
        float memoryUsedMiB = 0; // node: used; instance: current allocation
    };

    struct IoSample
    {
        qint64 atMs = 0;
        qint64 wallMs = 0;
        float diskBytesPerSecond = -1; // read + write; -1 when unknown
        float netBytesPerSecond = -1;  // received + sent; -1 when unknown
        float stealPercent = -1;
        float rssMiB = -1;
    };

    static constexpr qint64 DefaultWindowMs = qint64{10} * 60 * 1000;
    static constexpr qint64 DefaultInstanceStepMs = 5000;

    explicit MetricsHistory(qint64 windowMs = DefaultWindowMs, qint64 instanceStepMs = DefaultInstanceStepMs);

    // The clock samples are placed by (Clock::system() unless a test steps its own).
    void setClock(Clock clock) { m_clock = std::move(clock); }
    [[nodiscard]] qint64 monotonicNowMs() const { return m_clock.monotonicMs(); }
    [[nodiscard]] qint64 wallNowMs() const { return m_clock.wallMs(); }

    // A snapshot already recorded (same sampling time) is not recorded again.
    void recordNode(const NodeSnapshot& node);
    void recordInstance(const InstanceSnapshot& instance);
    void forgetNode(const QString& node);
    void forgetInstance(const QString& uuid);

    // Oldest first; only samples inside the window counted back from the newest.
    [[nodiscard]] QList<Sample> node(const QString& node) const;
    [[nodiscard]] QList<Sample> instance(const QString& uuid) const;
    [[nodiscard]] QList<IoSample> instanceIo(const QString& uuid) const;
    [[nodiscard]] qint64 windowMs() const { return m_windowMs; }

private:
    template <typename T> void append(QList<T>& series, const T& sample, qint64 minStepMs);

    Clock m_clock = Clock::system();
    qint64 m_windowMs;
    qint64 m_instanceStepMs;
    QHash<QString, QList<Sample>> m_nodes;
    QHash<QString, QList<Sample>> m_instances;
    QHash<QString, QList<IoSample>> m_instanceIo;
};

} // namespace kumo

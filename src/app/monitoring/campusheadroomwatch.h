// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// CampusHeadroomWatch: keeps every campus's headroom (CampusHeadroom: what the other campuses could
// take if it went dark) up to date as capacity changes. It recomputes only when something the
// planner counts changed (a node's state, memory, CPUs or maintenance; an instance starting,
// stopping, moving or growing), at most once per interval however many snapshots arrive, and runs
// the planner on a pool thread over a copy of the cluster's state, so the map's thread pays only
// for the copy.
// Thread: GUI.
// Owner: whoever shows the headroom (the campus map's scene); the ClusterController outlives it.
#pragma once

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include "core/campusheadroom.h"

namespace kumo {

class ClusterController;

class CampusHeadroomWatch : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultMinIntervalMs = 1000;

    explicit CampusHeadroomWatch(ClusterController* cluster, QObject* parent = nullptr);
    ~CampusHeadroomWatch() override;

    // Shortest time between two recomputations (tests shorten it).
    void setMinIntervalMs(int ms) { m_minIntervalMs = ms; }

    // The latest figures of a campus; nullptr before the first computation or for an unknown site.
    [[nodiscard]] const CampusHeadroom* headroom(const QString& site) const;
    [[nodiscard]] const QList<CampusHeadroom>& all() const { return m_headroom; }
    // The planner's headroom percentage the figures were computed with (for the words).
    [[nodiscard]] int headroomPercent() const { return m_headroomPercent; }

    // What it cost: recomputations so far, the last and the longest one's time on the pool thread
    // and the longest time the GUI thread spent gathering the input.
    [[nodiscard]] int computations() const { return m_computations; }
    [[nodiscard]] qint64 lastCostMs() const { return m_lastCostMs; }
    [[nodiscard]] qint64 maxCostMs() const { return m_maxCostMs; }
    [[nodiscard]] qint64 maxGatherMs() const { return m_maxGatherMs; }
    [[nodiscard]] qint64 lastGatherMs() const { return m_lastGatherMs; }
    [[nodiscard]] bool isPending() const { return m_dirty || m_timer.isActive() || m_watcher.isRunning(); }

Q_SIGNALS:
    // After a recomputation whose figures differ from the previous ones.
    void headroomChanged();

private:
    // What the planner counts of a node and of an instance; a change of anything else (CPU use,
    // sampling time) does not call for a new plan.
    struct NodeKey
    {
        int state = 0;
        quint64 memoryTotalKiB = 0;
        quint64 memoryFreeSteps = 0; // free memory in coarse steps: every poll moves it a little
        int cpus = 0;
        bool maintenance = false;
        bool operator==(const NodeKey&) const = default;
    };
    struct InstanceKey
    {
        QString node;
        bool active = false;
        quint64 memoryKiB = 0;
        int vcpus = 0;
        bool split = false;
        bool operator==(const InstanceKey&) const = default;
    };
    struct Result
    {
        QList<CampusHeadroom> headroom;
        qint64 costMs = 0;
    };

    void onNode(const QString& name);
    void onNodeRemoved(const QString& name);
    void onInstance(const QString& uuid);
    void onInstanceRemoved(const QString& uuid);
    void markDirty();
    void schedule();
    void start();
    void finished();

    ClusterController* m_cluster;
    QHash<QString, NodeKey> m_nodes;
    QHash<QString, InstanceKey> m_instances;
    QList<CampusHeadroom> m_headroom;
    int m_headroomPercent = 0;
    int m_minIntervalMs = DefaultMinIntervalMs;
    bool m_dirty = false;
    QTimer m_timer;
    QElapsedTimer m_sinceStart;
    QFutureWatcher<Result> m_watcher;
    int m_computations = 0;
    qint64 m_lastCostMs = 0;
    qint64 m_maxCostMs = 0;
    qint64 m_maxGatherMs = 0;
    qint64 m_lastGatherMs = 0;
};

} // namespace kumo

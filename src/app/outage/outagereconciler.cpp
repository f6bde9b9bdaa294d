// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/outage/outagereconciler.h"

#include <QDateTime>
#include <QSet>
#include <QTimer>

#include "app/cluster/clustercontroller.h"

namespace kumo {

namespace {

// How long to wait for silent nodes before reconciling with what is known, and how long an
// instance may be seen on two nodes (a migration libvirt is still finishing).
constexpr qint64 HearFromNodesTimeoutMs = 60000;
constexpr qint64 TwoNodesTimeoutMs = 180000;
constexpr int ReconcilePollMs = 500;

} // namespace

OutageReconciler::OutageReconciler(ClusterController* cluster, QObject* parent)
    : QObject(parent)
    , m_cluster(cluster)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(ReconcilePollMs);
    connect(m_timer, &QTimer::timeout, this, &OutageReconciler::due);
}

void OutageReconciler::begin()
{
    m_active = true;
    m_since.start();
    m_seenTwice.clear();
    m_timer->start();
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_active)
                Q_EMIT due();
        },
        Qt::QueuedConnection);
}

void OutageReconciler::end()
{
    m_active = false;
    m_timer->stop();
    m_seenTwice.clear();
}

std::optional<OutageReconciliation> OutageReconciler::look(OutageRun& run, bool heardFromAll)
{
    if (!heardFromAll && m_since.elapsed() < HearFromNodesTimeoutMs)
        return std::nullopt;
    QHash<QString, QStringList> locations;
    for (const MoveRecord& record : std::as_const(run.records)) {
        if (record.status == MoveStatus::Running || record.status == MoveStatus::Pending)
            locations.insert(record.move.uuid, m_cluster->locationsOf(record.move.uuid));
    }
    QSet<int> twoNodesTimedOut;
    for (auto it = m_seenTwice.cbegin(); it != m_seenTwice.cend(); ++it) {
        if (it->elapsed() >= TwoNodesTimeoutMs)
            twoNodesTimedOut.insert(it.key());
    }
    OutageReconciliation result =
        OutageReconciliation::apply(run, locations, twoNodesTimedOut, QDateTime::currentDateTimeUtc());
    for (const int i : std::as_const(result.onTwoNodes)) {
        // libvirt is still finishing a migration the previous console started.
        if (!m_seenTwice.contains(i))
            m_seenTwice[i].start();
    }
    return result;
}

} // namespace kumo

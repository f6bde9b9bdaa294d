// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/probes/serviceprober.h"

#include <algorithm>

#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationqueue.h"
#include "app/probes/probecheck.h"

namespace kumo {

namespace {

constexpr int IdleTickMs = 250;
constexpr int MovingTickMs = 50;

int severity(const ProbeResult& result)
{
    switch (result.state) {
    case ProbeState::Down:
        return 2;
    case ProbeState::Unknown:
        return 1;
    case ProbeState::Up:
        return 0;
    }
    return 1;
}

} // namespace

ServiceProber::ServiceProber(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<kumo::ProbeResult>();
    qRegisterMetaType<kumo::ServiceGap>();
    connect(&m_tick, &QTimer::timeout, this, &ServiceProber::tick);
    m_rebuild.setSingleShot(true);
    m_rebuild.setInterval(0);
    connect(&m_rebuild, &QTimer::timeout, this, &ServiceProber::rebuildFromCluster);
}

ServiceProber::~ServiceProber()
{
    // Checks still running are children: they go with this object and report nothing.
    for (Target& target : m_targets) {
        for (Entry& entry : target.entries) {
            if (entry.check)
                disconnect(entry.check, nullptr, this, nullptr);
        }
    }
}

void ServiceProber::setCluster(ClusterController* cluster)
{
    if (m_cluster)
        disconnect(m_cluster, nullptr, this, nullptr);
    m_cluster = cluster;
    if (!cluster)
        return;
    const auto schedule = [this] { m_rebuild.start(); };
    // Rebuild only when an instance's place among the targets changes (it starts or stops running,
    // moves, or is newly probed): a change of its figures alone, which at 10,000 instances is most of
    // them, leaves the targets as they are.
    const auto scheduleFor = [this](const QString& uuid) {
        const InstanceSnapshot* instance = m_cluster ? m_cluster->instance(uuid) : nullptr;
        const bool wanted = instance && instance->isActive() && m_probedNames.contains(instance->name);
        const auto target = m_targets.constFind(uuid);
        const bool present = target != m_targets.constEnd();
        if (wanted != present ||
            (wanted && (target->target.node != instance->node || target->target.name != instance->name)))
            m_rebuild.start();
    };
    connect(cluster, &ClusterController::inventoryChanged, this, schedule);
    connect(cluster, &ClusterController::instanceAdded, this, scheduleFor);
    connect(cluster, &ClusterController::instanceChanged, this, scheduleFor);
    connect(cluster, &ClusterController::instanceMoved, this, scheduleFor);
    connect(cluster, &ClusterController::instanceRemoved, this, [this](const QString& uuid, const QString&) {
        if (m_targets.contains(uuid))
            m_rebuild.start();
    });
    m_rebuild.start();
}

void ServiceProber::rebuildFromCluster()
{
    if (!m_cluster)
        return;
    const Inventory& inventory = m_cluster->inventory();
    QHash<QString, const InstanceConfig*> configs;
    m_probedNames.clear();
    for (const InstanceConfig& config : inventory.instances) {
        if (config.probes.isEmpty())
            continue;
        configs.insert(config.name, &config);
        m_probedNames.insert(config.name);
    }
    QList<ProbeTarget> targets;
    if (!configs.isEmpty()) {
        for (const InstanceSnapshot& instance : m_cluster->instances()) {
            const InstanceConfig* config = configs.value(instance.name);
            if (!config || !instance.isActive())
                continue;
            const NodeConfig* node = inventory.node(instance.node);
            targets.append(
                {instance.uuid, instance.name, instance.node, node ? node->site : QString(), config->probes});
        }
    }
    setTargets(targets);
}

void ServiceProber::setMigrationQueue(MigrationQueue* queue)
{
    if (m_queue)
        disconnect(m_queue, nullptr, this, nullptr);
    m_queue = queue;
    if (!queue)
        return;
    connect(queue, &MigrationQueue::jobStarted, this, [this](quint64 id) {
        if (!m_queue)
            return;
        for (const MigrationRequest& request : m_queue->jobs()) {
            if (request.id == id) {
                moveStarted(id, request.uuid, request.name);
                return;
            }
        }
    });
    connect(queue, &MigrationQueue::jobFinished, this,
            [this](const MigrationRequest& request, const MigrationResult&) { moveFinished(request.id); });
}

void ServiceProber::setTargets(const QList<ProbeTarget>& targets)
{
    bool changed = false;
    QSet<QString> seen;
    for (const ProbeTarget& incoming : targets) {
        if (incoming.probes.isEmpty() || seen.contains(incoming.uuid))
            continue;
        seen.insert(incoming.uuid);
        auto it = m_targets.find(incoming.uuid);
        if (it == m_targets.end()) {
            Target target;
            target.target = incoming;
            const qint64 start = now();
            for (const ServiceProbe& probe : incoming.probes) {
                Entry entry;
                entry.probe = probe;
                // Spread the first checks over a second, so that a large inventory does not
                // start every check at once.
                entry.nextDueMs = start + qint64(qHash(incoming.uuid + probe.url()) % 1000);
                target.entries.append(entry);
            }
            m_targets.insert(incoming.uuid, target);
            changed = true;
            continue;
        }
        Target& target = *it;
        const bool moved = target.target.node != incoming.node;
        target.target.name = incoming.name;
        target.target.node = incoming.node;
        target.target.site = incoming.site;
        if (target.target.probes == incoming.probes) {
            if (moved) {
                // The alert follows the instance to its new node.
                for (Entry& entry : target.entries) {
                    if (!entry.alerted.node.isEmpty() && entry.last.consecutiveFailures > 0)
                        observe(target, entry, entry.last.consecutiveFailures);
                }
            }
            continue;
        }
        QList<Entry> entries;
        for (const ServiceProbe& probe : incoming.probes) {
            const auto old = std::find_if(target.entries.begin(), target.entries.end(),
                                          [&probe](const Entry& e) { return e.probe.url() == probe.url(); });
            Entry entry;
            if (old != target.entries.end()) {
                entry = *old;
                old->check = nullptr; // carried over
                old->alerted = {};
            } else {
                entry.nextDueMs = now();
            }
            entry.probe = probe;
            entries.append(entry);
        }
        for (Entry& gone : target.entries) {
            clearAlert(gone);
            if (gone.check) {
                disconnect(gone.check, nullptr, this, nullptr);
                gone.check->deleteLater();
                --m_inFlight;
            }
        }
        target.entries = entries;
        target.target.probes = incoming.probes;
        changed = true;
    }
    for (auto it = m_targets.begin(); it != m_targets.end();) {
        if (seen.contains(it.key())) {
            ++it;
            continue;
        }
        for (Entry& entry : it->entries) {
            clearAlert(entry);
            if (entry.check) {
                disconnect(entry.check, nullptr, this, nullptr);
                entry.check->deleteLater();
                --m_inFlight;
            }
        }
        it = m_targets.erase(it);
        changed = true;
    }
    updateTickInterval();
    if (changed)
        Q_EMIT targetsChanged();
}

void ServiceProber::moveStarted(quint64 migrationId, const QString& uuid, const QString& name)
{
    // An instance without probes has no service gap to measure.
    if (!m_targets.contains(uuid))
        return;
    Move move;
    move.uuid = uuid;
    move.name = name;
    move.meter.start(now());
    m_moves.insert(migrationId, move);
    // The first check of the move goes out at once.
    if (auto it = m_targets.find(uuid); it != m_targets.end()) {
        for (Entry& entry : it->entries)
            entry.nextDueMs = std::min(entry.nextDueMs, now());
    }
    updateTickInterval();
}

void ServiceProber::moveFinished(quint64 migrationId)
{
    auto it = m_moves.find(migrationId);
    if (it == m_moves.end())
        return;
    it->meter.moveEnded(now());
    it->endedMs = now();
}

bool ServiceProber::isMoving(const QString& uuid) const
{
    return std::any_of(m_moves.cbegin(), m_moves.cend(),
                       [&uuid](const Move& move) { return move.uuid == uuid; });
}

void ServiceProber::updateTickInterval()
{
    if (m_targets.isEmpty() && m_moves.isEmpty()) {
        m_tick.stop();
        return;
    }
    const int interval = m_moves.isEmpty() ? IdleTickMs : MovingTickMs;
    if (!m_tick.isActive() || m_tick.interval() != interval)
        m_tick.start(interval);
}

void ServiceProber::tick()
{
    finishMoves(true);
    const qint64 nowMs = now();
    QSet<QString> moving;
    for (const Move& move : std::as_const(m_moves))
        moving.insert(move.uuid);
    // One pass over the probes; no more than MaxInFlight checks at once. Those that must wait
    // are due already and go out on a later tick.
    for (auto it = m_targets.begin(); it != m_targets.end() && m_inFlight < MaxInFlight; ++it) {
        const bool fast = moving.contains(it.key());
        for (Entry& entry : it->entries) {
            if (m_inFlight >= MaxInFlight)
                break;
            if (entry.check || entry.nextDueMs > nowMs)
                continue;
            startCheck(it.key(), entry, fast);
        }
    }
    updateTickInterval();
}

void ServiceProber::startCheck(const QString& uuid, Entry& entry, bool moving)
{
    const int timeout = moving ? std::min(entry.probe.timeoutMs, MovingTimeoutMs) : entry.probe.timeoutMs;
    auto* check = new ProbeCheck(entry.probe, timeout, this);
    entry.check = check;
    const qint64 started = now();
    entry.nextDueMs = started + (moving ? MovingIntervalMs : entry.probe.intervalMs);
    ++m_inFlight;
    const QString url = entry.probe.url();
    connect(check, &ProbeCheck::finished, this, [this, check, uuid, url](const ProbeResult& result) {
        --m_inFlight;
        check->deleteLater();
        onResult(uuid, url, result);
    });
    check->start();
}

void ServiceProber::onResult(const QString& uuid, const QString& url, ProbeResult result)
{
    auto it = m_targets.find(uuid);
    if (it == m_targets.end())
        return;
    auto entry = std::find_if(it->entries.begin(), it->entries.end(),
                              [&url](const Entry& e) { return e.probe.url() == url; });
    if (entry == it->entries.end())
        return;
    entry->check = nullptr;
    const qint64 nowMs = now();
    result.monotonicMs = nowMs;
    result.wallMs = m_clock.wallMs();
    result.consecutiveFailures = result.state == ProbeState::Up ? 0 : entry->last.consecutiveFailures + 1;
    entry->last = result;
    entry->history.append(result);
    if (entry->history.size() > HistorySize)
        entry->history.remove(0, entry->history.size() - HistorySize);
    for (Move& move : m_moves) {
        if (move.uuid == uuid)
            move.meter.answer(nowMs, result.state == ProbeState::Up);
    }
    observe(*it, *entry, result.consecutiveFailures);
    Q_EMIT resultChanged(uuid);
    finishMoves(false);
}

void ServiceProber::observe(const Target& target, Entry& entry, double value)
{
    if (!m_alertSink)
        return;
    AlertSubject subject{target.target.site, target.target.node, target.target.uuid, target.target.name,
                         entry.probe.url()};
    if (!entry.alerted.node.isEmpty() && entry.alerted.key() != subject.key())
        clearAlert(entry);
    m_alertSink(AlertKind::ProbeFailing, subject, value);
    entry.alerted = subject;
}

void ServiceProber::clearAlert(Entry& entry)
{
    if (!m_alertSink || entry.alerted.node.isEmpty())
        return;
    m_alertSink(AlertKind::ProbeFailing, entry.alerted, 0);
    entry.alerted = {};
}

void ServiceProber::finishMoves(bool expired)
{
    const qint64 nowMs = now();
    for (auto it = m_moves.begin(); it != m_moves.end();) {
        const Move& move = *it;
        const bool answered = move.meter.answeredAfterEnd();
        const bool timedOut = expired && move.endedMs >= 0 && nowMs - move.endedMs >= m_afterMoveWaitMs;
        if (!answered && !timedOut) {
            ++it;
            continue;
        }
        const quint64 id = it.key();
        if (m_targets.contains(move.uuid) || move.meter.checks() > 0) {
            ServiceGap gap;
            gap.migrationId = id;
            gap.uuid = move.uuid;
            gap.name = move.name.isEmpty() && m_targets.contains(move.uuid) ? m_targets[move.uuid].target.name
                                                                            : move.name;
            gap.gapMs = move.meter.gapMs(nowMs);
            gap.answeredAfter = answered;
            gap.checks = move.meter.checks();
            gap.failures = move.meter.failures();
            m_gaps.insert(id, gap);
            m_gapOrder.append(id);
            while (m_gapOrder.size() > MaxKeptGaps)
                m_gaps.remove(m_gapOrder.takeFirst());
            m_lastGap.insert(gap.uuid, id);
            it = m_moves.erase(it);
            Q_EMIT serviceGapMeasured(gap);
        } else {
            it = m_moves.erase(it);
        }
    }
}

QList<ServiceProber::ProbeStatus> ServiceProber::statuses(const QString& uuid) const
{
    QList<ProbeStatus> result;
    const auto it = m_targets.constFind(uuid);
    if (it == m_targets.constEnd())
        return result;
    for (const Entry& entry : it->entries)
        result.append({entry.probe, entry.last, entry.history});
    return result;
}

ProbeResult ServiceProber::summary(const QString& uuid) const
{
    const auto it = m_targets.constFind(uuid);
    if (it == m_targets.constEnd() || it->entries.isEmpty())
        return {};
    ProbeResult worst = it->entries.first().last;
    for (const Entry& entry : it->entries) {
        const ProbeResult& r = entry.last;
        if (severity(r) > severity(worst) ||
            (severity(r) == severity(worst) && r.state == ProbeState::Up && r.latencyMs > worst.latencyMs))
            worst = r;
    }
    return worst;
}

std::optional<ServiceGap> ServiceProber::serviceGap(quint64 migrationId) const
{
    const auto it = m_gaps.constFind(migrationId);
    if (it == m_gaps.constEnd())
        return std::nullopt;
    return *it;
}

std::optional<ServiceGap> ServiceProber::lastServiceGap(const QString& uuid) const
{
    const auto it = m_lastGap.constFind(uuid);
    if (it == m_lastGap.constEnd())
        return std::nullopt;
    return serviceGap(*it);
}

} // namespace kumo

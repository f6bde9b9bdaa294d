// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alerts.h"

#include <algorithm>

namespace kumo {

namespace {

constexpr qint64 Second = 1000;

AlertRule levelRule(AlertKind kind, AlertSeverity severity, bool below, double raiseAt, double clearAt,
                    qint64 sustainMs)
{
    AlertRule rule;
    rule.kind = kind;
    rule.severity = severity;
    rule.below = below;
    rule.raiseAt = raiseAt;
    rule.clearAt = clearAt;
    rule.sustainMs = sustainMs;
    return rule;
}

AlertRule eventRule(AlertKind kind, AlertSeverity severity)
{
    AlertRule rule;
    rule.kind = kind;
    rule.severity = severity;
    rule.event = true;
    return rule;
}

QString nodeKey(const QString& node)
{
    return QStringLiteral("n:") + node;
}

QString instanceKey(const QString& uuid)
{
    return QStringLiteral("i:") + uuid;
}

void apply(AlertRule& rule, const AlertOverride& change)
{
    if (change.enabled)
        rule.enabled = *change.enabled;
    if (change.raiseAt)
        rule.raiseAt = *change.raiseAt;
    if (change.clearAt)
        rule.clearAt = *change.clearAt;
    if (change.sustainMs)
        rule.sustainMs = std::max<qint64>(0, *change.sustainMs);
}

} // namespace

QString AlertSubject::key() const
{
    return node + QLatin1Char('/') + instance + QLatin1Char('/') + item;
}

AlertEngine::AlertEngine()
    : AlertEngine(defaultRules())
{}

AlertEngine::AlertEngine(const QList<AlertRule>& rules)
{
    // Every kind has a rule; one that is not given is off.
    for (int kind = 0; kind < AlertKindCount; ++kind) {
        AlertRule off;
        off.kind = AlertKind(kind);
        off.enabled = false;
        m_rules.append(off);
    }
    for (const AlertRule& rule : rules)
        setRule(rule);
}

QList<AlertRule> AlertEngine::defaultRules()
{
    using K = AlertKind;
    using S = AlertSeverity;
    return {
        levelRule(K::NodeUnreachable, S::Critical, false, 1, 1, 30 * Second),
        levelRule(K::ConnectionLost, S::Warning, false, 1, 1, 0),
        eventRule(K::InstanceCrashed, S::Critical),
        eventRule(K::InstanceIoError, S::Critical),
        eventRule(K::InstanceWatchdog, S::Critical),
        levelRule(K::NodeMemoryLow, S::Warning, true, 10, 15, 30 * Second),
        levelRule(K::StoragePoolLow, S::Warning, true, 10, 15, 0),
        levelRule(K::HostCpuHigh, S::Warning, false, 95, 90, 300 * Second),
        eventRule(K::MigrationFailed, S::Warning),
        levelRule(K::ProbeFailing, S::Critical, false, 3, 1, 0),
        levelRule(K::SplitBrain, S::Critical, false, 1, 1, 0),
    };
}

void AlertEngine::setRule(const AlertRule& rule)
{
    const int index = int(rule.kind);
    if (index < 0 || index >= AlertKindCount)
        return;
    m_rules[index] = rule;
}

void AlertEngine::setOverride(const QString& node, const QString& instance, AlertKind kind,
                              const AlertOverride& change)
{
    m_overrides[instance.isEmpty() ? nodeKey(node) : instanceKey(instance)].insert(int(kind), change);
}

void AlertEngine::clearOverrides()
{
    m_overrides.clear();
}

AlertRule AlertEngine::effectiveRule(AlertKind kind, const AlertSubject& subject) const
{
    AlertRule rule = m_rules.value(int(kind));
    // The node's first, then the instance's on top of it.
    if (!subject.node.isEmpty()) {
        const auto found = m_overrides.constFind(nodeKey(subject.node));
        if (found != m_overrides.cend() && found->contains(int(kind)))
            apply(rule, found->value(int(kind)));
    }
    if (!subject.instance.isEmpty()) {
        const auto found = m_overrides.constFind(instanceKey(subject.instance));
        if (found != m_overrides.cend() && found->contains(int(kind)))
            apply(rule, found->value(int(kind)));
    }
    return rule;
}

QString AlertEngine::trackKey(AlertKind kind, const AlertSubject& subject)
{
    return QString::number(int(kind)) + QLatin1Char('|') + subject.key();
}

void AlertEngine::observe(AlertKind kind, const AlertSubject& subject, double value, qint64 nowMs)
{
    const AlertRule rule = effectiveRule(kind, subject);
    if (rule.event)
        return;
    const QString key = trackKey(kind, subject);
    Track& track = m_tracks[key];
    const bool crossed = rule.below ? value <= rule.raiseAt : value >= rule.raiseAt;
    const bool back = rule.below ? value > rule.clearAt : value < rule.clearAt;

    if (track.alertId != 0) {
        if (back || !rule.enabled) {
            clear(track.alertId);
            m_tracks.remove(key);
            return;
        }
        Alert& alert = m_alerts[track.alertId];
        if (alert.value != value) {
            alert.value = value;
            if (onChanged)
                onChanged(alert);
        }
        return;
    }
    if (!rule.enabled || !crossed) {
        // A break in the condition starts the sustain time again.
        m_tracks.remove(key);
        return;
    }
    if (!track.pendingSince)
        track.pendingSince = nowMs;
    if (nowMs - *track.pendingSince >= rule.sustainMs)
        track.alertId = raise(rule, subject, value, {}, nowMs);
}

void AlertEngine::event(AlertKind kind, const AlertSubject& subject, const QString& detail, qint64 nowMs)
{
    const AlertRule rule = effectiveRule(kind, subject);
    if (!rule.event || !rule.enabled)
        return;
    const QString key = trackKey(kind, subject);
    Track& track = m_tracks[key];
    if (track.alertId != 0) {
        // The same thing again while it is still raised: one alert, the latest words.
        Alert& alert = m_alerts[track.alertId];
        alert.detail = detail;
        alert.acknowledged = false;
        if (onChanged)
            onChanged(alert);
        return;
    }
    track.alertId = raise(rule, subject, 1, detail, nowMs);
}

void AlertEngine::resolve(AlertKind kind, const AlertSubject& subject)
{
    const auto found = m_tracks.find(trackKey(kind, subject));
    if (found == m_tracks.end())
        return;
    const quint64 id = found->alertId;
    m_tracks.erase(found);
    if (id != 0)
        clear(id);
}

void AlertEngine::forget(const QString& node, const QString& instance)
{
    QList<quint64> gone;
    for (auto it = m_alerts.cbegin(); it != m_alerts.cend(); ++it) {
        if (it->subject.node == node && (instance.isEmpty() || it->subject.instance == instance))
            gone.append(it.key());
    }
    for (auto it = m_tracks.begin(); it != m_tracks.end();) {
        const bool match =
            it->alertId != 0
                ? gone.contains(it->alertId)
                : it.key().section(QLatin1Char('|'), 1).startsWith(node + QLatin1Char('/') + instance);
        it = match ? m_tracks.erase(it) : std::next(it);
    }
    // In the order they were raised.
    std::sort(gone.begin(), gone.end());
    for (quint64 id : std::as_const(gone))
        clear(id);
}

bool AlertEngine::acknowledge(quint64 id)
{
    const auto found = m_alerts.find(id);
    if (found == m_alerts.end())
        return false;
    if (m_rules.value(int(found->kind)).event) {
        // Cleared as acknowledged, so that whoever hears of the clearing can say who ended it.
        found->acknowledged = true;
        for (auto it = m_tracks.begin(); it != m_tracks.end(); ++it) {
            if (it->alertId == id) {
                m_tracks.erase(it);
                break;
            }
        }
        clear(id);
        return true;
    }
    if (found->acknowledged)
        return true;
    found->acknowledged = true;
    if (onChanged)
        onChanged(*found);
    return true;
}

void AlertEngine::setSiteSilenced(const QString& site, bool silenced)
{
    if (silenced)
        m_silencedSites.insert(site);
    else
        m_silencedSites.remove(site);
    for (const quint64 id : std::as_const(m_order)) {
        Alert& alert = m_alerts[id];
        if (alert.subject.site != site || alert.silenced == silenced)
            continue;
        alert.silenced = silenced;
        if (onChanged)
            onChanged(alert);
    }
}

QList<Alert> AlertEngine::active() const
{
    QList<Alert> out;
    out.reserve(m_order.size());
    for (const quint64 id : m_order)
        out.append(m_alerts.value(id));
    return out;
}

std::optional<Alert> AlertEngine::alert(quint64 id) const
{
    const auto found = m_alerts.constFind(id);
    if (found == m_alerts.cend())
        return std::nullopt;
    return *found;
}

int AlertEngine::unattendedCount(std::optional<AlertSeverity> severity) const
{
    return int(std::count_if(m_alerts.cbegin(), m_alerts.cend(), [&](const Alert& alert) {
        return !alert.acknowledged && !alert.silenced && (!severity || alert.severity == *severity);
    }));
}

quint64 AlertEngine::raise(const AlertRule& rule, const AlertSubject& subject, double value,
                           const QString& detail, qint64 nowMs)
{
    Alert alert;
    alert.id = m_nextId++;
    alert.kind = rule.kind;
    alert.severity = rule.severity;
    alert.subject = subject;
    alert.sinceMs = nowMs;
    alert.value = value;
    alert.detail = detail;
    alert.silenced = m_silencedSites.contains(subject.site);
    m_alerts.insert(alert.id, alert);
    m_order.append(alert.id);
    if (onRaised)
        onRaised(alert);
    return alert.id;
}

void AlertEngine::clear(quint64 id)
{
    const auto found = m_alerts.find(id);
    if (found == m_alerts.end())
        return;
    const Alert alert = *found;
    m_alerts.erase(found);
    m_order.removeOne(id);
    if (onCleared)
        onCleared(alert);
}

} // namespace kumo

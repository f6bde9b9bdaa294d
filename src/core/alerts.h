// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// AlertEngine: turns what the console observes into alerts that are raised and cleared by rules.
// A rule has a threshold, a "sustained for" time and hysteresis: a level alert (a figure such as
// a node's free memory, or a condition such as "unreachable", 1 or 0) is raised once the value has
// crossed `raiseAt` without a break for `sustainMs`, and cleared only when it is back past
// `clearAt`. An event alert (an instance crashed, a migration failed) is raised at once and stays
// until a person acknowledges it, or until the same subject reports the opposite (the instance
// runs again). Thresholds can be overridden per node or per instance (the inventory's [alerts]
// tables). Acknowledging keeps a level alert until it clears; a campus in maintenance is silenced:
// its alerts are still kept, marked silenced, and reach no person.
// Time is the caller's monotonic clock (core/clock.h) in milliseconds: nothing here reads a clock.
// Thread: any (a value; the owner serialises calls).
// Owner: the monitoring controller (app), one per console.
#pragma once

#include <functional>
#include <optional>

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QSet>
#include <QString>

namespace kumo {

enum class AlertSeverity
{
    Warning,
    Critical,
};

enum class AlertKind
{
    NodeUnreachable,  // level: 1 while the node cannot be reached
    ConnectionLost,   // level: 1 while the connection to the node's libvirtd is lost
    InstanceCrashed,  // event
    InstanceIoError,  // event: paused by an I/O error
    InstanceWatchdog, // event: its watchdog fired
    NodeMemoryLow,    // level: free memory, percent of the node's
    StoragePoolLow,   // level: a pool's free space, percent of its capacity
    HostCpuHigh,      // level: host CPU use, percent
    MigrationFailed,  // event
    ProbeFailing,     // level: consecutive failures of a service probe
    SplitBrain,       // level: 1 while one instance is active on two nodes
};
inline constexpr int AlertKindCount = int(AlertKind::SplitBrain) + 1;

// What an alert is about. `node` and `instance` (a uuid) identify it; `item` tells apart several
// of one kind on one subject (a storage pool's name, a probe's URL). `site` is the campus, for
// silencing; `name` is the instance's name, for people.
struct AlertSubject
{
    QString site;
    QString node;
    QString instance;
    QString name;
    QString item;

    // "node/instance/item": one level alert of a kind per key.
    [[nodiscard]] QString key() const;
};

struct AlertRule
{
    AlertKind kind = AlertKind::NodeUnreachable;
    AlertSeverity severity = AlertSeverity::Warning;
    bool enabled = true;
    bool event = false; // raised at once, kept until acknowledged (no thresholds)
    bool below = false; // raised when the value falls to raiseAt or under (free space), else rises
    // Raised at raiseAt (reached or passed); cleared once the value is strictly past clearAt the
    // other way (under it for a rising rule, over it for a falling one); in between nothing
    // changes. A condition (1 or 0) uses 1 and 1.
    double raiseAt = 1;
    double clearAt = 1;
    qint64 sustainMs = 0;
};

// A per-node or per-instance change to a rule; what is not set stays the rule's.
struct AlertOverride
{
    std::optional<bool> enabled;
    std::optional<double> raiseAt;
    std::optional<double> clearAt;
    std::optional<qint64> sustainMs;
};

struct Alert
{
    quint64 id = 0;
    AlertKind kind = AlertKind::NodeUnreachable;
    AlertSeverity severity = AlertSeverity::Warning;
    AlertSubject subject;
    qint64 sinceMs = 0; // when it was raised (the caller's monotonic clock)
    double value = 0;   // the value that raised it, then the latest one
    QString detail;     // an event's words (libvirt's reason, the migration's error)
    bool acknowledged = false;
    bool silenced = false; // its campus is in maintenance
};

class AlertEngine
{
public:
    // The rules the peers ship (see defaultRules()).
    AlertEngine();
    explicit AlertEngine(const QList<AlertRule>& rules);

    // Node unreachable for 30 s; libvirtd connection lost (at once); an instance crashed, paused by
    // an I/O error or its watchdog fired; node free memory <= 10 % (clears above 15 %) for 30 s;
    // storage pool free <= 10 % (clears above 15 %); host CPU >= 95 % for 5 min (clears under
    // 90 %); a migration failed; a service probe failing 3 times in a row; split brain.
    [[nodiscard]] static QList<AlertRule> defaultRules();

    [[nodiscard]] AlertRule rule(AlertKind kind) const { return m_rules[int(kind)]; }
    void setRule(const AlertRule& rule);
    // For a node (instance empty) or an instance (uuid); an instance's wins over its node's.
    void setOverride(const QString& node, const QString& instance, AlertKind kind,
                     const AlertOverride& change);
    void clearOverrides();
    // The rule as it applies to the subject.
    [[nodiscard]] AlertRule effectiveRule(AlertKind kind, const AlertSubject& subject) const;

    // A level observation. Events given here are ignored (use event()).
    void observe(AlertKind kind, const AlertSubject& subject, double value, qint64 nowMs);
    // An event happened to the subject. Raised at once (unless the rule is off).
    void event(AlertKind kind, const AlertSubject& subject, const QString& detail, qint64 nowMs);
    // The subject is well again for this kind (an instance that runs again after a crash): its
    // event alert of that kind clears.
    void resolve(AlertKind kind, const AlertSubject& subject);
    // What was observed of a subject goes with it (a node or instance removed from the inventory):
    // its alerts clear.
    void forget(const QString& node, const QString& instance = {});

    // An acknowledged level alert stays until it clears; an event alert clears.
    bool acknowledge(quint64 id);
    void setSiteSilenced(const QString& site, bool silenced);
    [[nodiscard]] bool isSiteSilenced(const QString& site) const { return m_silencedSites.contains(site); }

    [[nodiscard]] QList<Alert> active() const; // in the order they were raised
    [[nodiscard]] std::optional<Alert> alert(quint64 id) const;
    // Active, not acknowledged, not silenced: what still wants a person.
    [[nodiscard]] int unattendedCount(std::optional<AlertSeverity> severity = std::nullopt) const;

    // Told as they happen (may be unset).
    std::function<void(const Alert&)> onRaised;
    std::function<void(const Alert&)> onChanged; // acknowledged, silenced, value
    std::function<void(const Alert&)> onCleared;

private:
    struct Track
    {
        std::optional<qint64> pendingSince; // the raise condition has held since
        quint64 alertId = 0;                // raised
    };
    [[nodiscard]] static QString trackKey(AlertKind kind, const AlertSubject& subject);
    quint64 raise(const AlertRule& rule, const AlertSubject& subject, double value, const QString& detail,
                  qint64 nowMs);
    void clear(quint64 id);

    QList<AlertRule> m_rules;                              // indexed by kind
    QHash<QString, QHash<int, AlertOverride>> m_overrides; // node or node/instance -> kind -> change
    QHash<QString, Track> m_tracks;
    QHash<quint64, Alert> m_alerts;
    QList<quint64> m_order;
    QSet<QString> m_silencedSites;
    quint64 m_nextId = 1;
};

} // namespace kumo

Q_DECLARE_METATYPE(kumo::Alert)

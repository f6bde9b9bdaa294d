// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// EventLog: what happened in the cloud while the console watched — node and instance state
// changes, moves, split brain, actions, migrations, outage runs, alerts — kept in memory as the
// last `capacity` entries at most (when full, the oldest hundredth goes at once), told as
// appended/dropped so that a view follows
// it row by row, and exported as CSV (RFC 4180: quoted fields, doubled quotes, CRLF lines).
// Thread: GUI.
// Owner: main() (or a test); it must outlive the views that show it.
#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include "core/alerts.h"
#include "core/result.h"

namespace kumo {

enum class EventSeverity
{
    Info,
    Warning,
    Critical,
};

enum class EventKind
{
    Node,       // a node's connection state
    Instance,   // an instance's state
    Move,       // an instance seen on another node
    SplitBrain, // an instance active on two nodes, or no longer
    Action,     // an action a person asked for (start, shut down…)
    Migration,  // a migration queued, finished, failed, refused
    Outage,     // an outage run's lines
    Alert,      // an alert raised, acknowledged, cleared
};
inline constexpr int EventKindCount = int(EventKind::Alert) + 1;

// Where an alert of `severity` stands on the log's scale (and the marks that show it).
[[nodiscard]] constexpr EventSeverity eventSeverityOf(AlertSeverity severity)
{
    return severity == AlertSeverity::Critical ? EventSeverity::Critical : EventSeverity::Warning;
}

struct EventEntry
{
    quint64 sequence = 0; // given by the log, rising
    QDateTime time;       // wall time (the log sets the current time when left invalid)
    EventSeverity severity = EventSeverity::Info;
    EventKind kind = EventKind::Node;
    QString site;
    QString node;
    QString instance; // uuid
    QString instanceName;
    QString text;
};

class EventLog : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultCapacity = 10000;

    explicit EventLog(int capacity = DefaultCapacity, QObject* parent = nullptr);

    [[nodiscard]] int capacity() const { return m_capacity; }
    [[nodiscard]] int size() const { return int(m_entries.size()); }
    [[nodiscard]] const EventEntry& at(int row) const { return m_entries.at(row); }
    [[nodiscard]] const QList<EventEntry>& entries() const { return m_entries; }

    // Appends one entry; when the log is full the oldest goes first.
    void append(EventEntry entry);

    // Stable English keys, for files ("info", "warning", "critical"; "node", "instance"…).
    [[nodiscard]] static QString severityKey(EventSeverity severity);
    [[nodiscard]] static QString kindKey(EventKind kind);
    // For people; the alerts' words too (AlertTexts), so that each word is translated once.
    [[nodiscard]] static QString severityText(EventSeverity severity);
    [[nodiscard]] static QString kindText(EventKind kind);

    // Header and one line per entry: time (ISO 8601 with its offset), severity, kind, campus,
    // node, instance, instance UUID, text.
    [[nodiscard]] static QByteArray toCsv(const QList<EventEntry>& entries);
    [[nodiscard]] static Result<void> exportCsv(const QString& path, const QList<EventEntry>& entries);

Q_SIGNALS:
    // Around an append: `count` entries come at the end.
    void aboutToAppend(int count);
    void appended(int count);
    // Around dropping the oldest `count` entries from the front.
    void aboutToDrop(int count);
    void dropped(int count);

private:
    int m_capacity;
    QList<EventEntry> m_entries;
    quint64 m_nextSequence = 1;
};

} // namespace kumo

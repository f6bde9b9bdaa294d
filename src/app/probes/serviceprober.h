// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ServiceProber: checks the service probes of the inventory's instances (TCP, SMTP, HTTP(S)) on
// the GUI thread's event loop, each at its interval and within its timeout, and keeps what they
// found: the last result and a bounded history per probe. It follows the cluster: an instance is
// probed while it exists and is active, wherever it runs. While an instance migrates its probes
// run every 200 ms, and the move's service gap (the longest stretch without an answer, until the
// first answer after the move) is kept per migration id. Consecutive failures feed the alert
// engine (ProbeFailing) when a MonitoringController is set.
// At most MaxInFlight checks run at once; each ends within its timeout, so every round of checks
// is bounded in count and time.
// Thread: GUI.
// Owner: main() (beside the cluster and migration controllers it watches, which outlive it).
#pragma once

#include <algorithm>
#include <functional>
#include <optional>

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QTimer>

#include "core/alerts.h"
#include "core/clock.h"
#include "core/serviceprobe.h"

namespace kumo {

class ClusterController;
class MigrationQueue;
class ProbeCheck;

// An instance to probe: who it is, where it runs now (for alerts) and its probes.
struct ProbeTarget
{
    QString uuid;
    QString name;
    QString node;
    QString site;
    QList<ServiceProbe> probes;
};

class ServiceProber : public QObject
{
    Q_OBJECT
public:
    static constexpr int MovingIntervalMs = 200;
    // A move's checks give up sooner, so that an answer after the move is seen soon.
    static constexpr int MovingTimeoutMs = 1000;
    // After a move ends its instance is checked quickly until a probe answers, for at most this long.
    static constexpr int AfterMoveWaitMs = 30000;
    static constexpr int HistorySize = 300;
    static constexpr int MaxInFlight = 64;
    static constexpr int MaxKeptGaps = 1000;

    struct ProbeStatus
    {
        ServiceProbe probe;
        ProbeResult last;
        QList<ProbeResult> history; // oldest first, at most HistorySize
    };

    explicit ServiceProber(QObject* parent = nullptr);
    ~ServiceProber() override;

    // Tests step the clock (checks still take real time).
    void setClock(const Clock& clock) { m_clock = clock; }
    // How long after a move its instance is checked until a probe answers (default
    // AfterMoveWaitMs); tests shorten it.
    void setAfterMoveWait(int ms) { m_afterMoveWaitMs = std::max(0, ms); }
    [[nodiscard]] int afterMoveWait() const { return m_afterMoveWaitMs; }
    // Follows the cluster's inventory and instances (replaces setTargets()).
    void setCluster(ClusterController* cluster);
    // Its jobs' start and end are moves (moveStarted / moveFinished).
    void setMigrationQueue(MigrationQueue* queue);
    // Where failing probes are told: ProbeFailing with the count of consecutive failures (0 when
    // the probe answers again or goes). MonitoringController::watchProber() sets it.
    using AlertSink = std::function<void(AlertKind kind, const AlertSubject& subject, double value)>;
    void setAlertSink(AlertSink sink) { m_alertSink = std::move(sink); }

    // The instances to probe. Probes that stay keep their history; probes that go take their
    // alerts with them.
    void setTargets(const QList<ProbeTarget>& targets);

    // A move of the instance started / ended (normally from the migration queue).
    void moveStarted(quint64 migrationId, const QString& uuid, const QString& name = {});
    void moveFinished(quint64 migrationId);

    [[nodiscard]] bool hasProbes(const QString& uuid) const { return m_targets.contains(uuid); }
    [[nodiscard]] QList<ProbeStatus> statuses(const QString& uuid) const;
    // One result for the instance: the worst of its probes (down before unknown before up; the
    // slowest of the ups). State Unknown when it has no probes.
    [[nodiscard]] ProbeResult summary(const QString& uuid) const;
    [[nodiscard]] bool isMoving(const QString& uuid) const;
    // The service gap of a move, once measured (after the first answer after the move, or when
    // the wait for it ran out). Nothing when the instance had no probes.
    [[nodiscard]] std::optional<ServiceGap> serviceGap(quint64 migrationId) const;
    // The instance's most recent measured gap.
    [[nodiscard]] std::optional<ServiceGap> lastServiceGap(const QString& uuid) const;
    [[nodiscard]] int checksInFlight() const { return m_inFlight; }

Q_SIGNALS:
    // A probe of the instance has a new result.
    void resultChanged(const QString& uuid);
    // Instances gained or lost probes.
    void targetsChanged();
    void serviceGapMeasured(const kumo::ServiceGap& gap);

private:
    struct Entry
    {
        ServiceProbe probe;
        ProbeResult last;
        QList<ProbeResult> history;
        qint64 nextDueMs = 0;
        QPointer<ProbeCheck> check;
        AlertSubject alerted; // the subject last observed, to clear it when the instance moves
    };
    struct Target
    {
        ProbeTarget target;
        QList<Entry> entries;
    };
    struct Move
    {
        QString uuid;
        QString name;
        ServiceGapMeter meter;
        qint64 endedMs = -1;
    };

    void tick();
    void startCheck(const QString& uuid, Entry& entry, bool moving);
    void onResult(const QString& uuid, const QString& url, ProbeResult result);
    void observe(const Target& target, Entry& entry, double value);
    void clearAlert(Entry& entry);
    void finishMoves(bool expired);
    void rebuildFromCluster();
    void updateTickInterval();
    [[nodiscard]] qint64 now() const { return m_clock.monotonicMs(); }

    Clock m_clock = Clock::system();
    QHash<QString, Target> m_targets;
    QHash<quint64, Move> m_moves;
    QHash<quint64, ServiceGap> m_gaps;
    QList<quint64> m_gapOrder;
    QHash<QString, quint64> m_lastGap;
    QTimer m_tick;
    QTimer m_rebuild;
    int m_inFlight = 0;
    int m_afterMoveWaitMs = AfterMoveWaitMs;
    QPointer<ClusterController> m_cluster;
    QPointer<MigrationQueue> m_queue;
    AlertSink m_alertSink;
    QSet<QString> m_probedNames;
};

} // namespace kumo

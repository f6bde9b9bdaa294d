// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MonitoringController: the console's alerts over time. It owns the AlertEngine, keeps its clock
// (the monotonic one), and tells views as Qt signals what the engine raises, changes and clears.
// What it watches (the cluster's nodes and instances, migrations, service probes) feeds the engine
// through it, so that the rules and their state live in one place for the whole console.
//
// watchCluster(): a node that cannot be reached or does not respond (level, re-observed each
// second so that the rule's sustain time passes without new snapshots), a node that was connected
// and lost its connection, a node's free memory and host CPU, an instance's crash, I/O error or
// watchdog (event alerts, resolved once the instance runs again), one instance on two nodes, the
// inventory's [alerts] settings (applied on every change) and campuses in maintenance (silenced).
// A statistics call that fails while a migration holds a domain raises nothing: node sessions
// report such a poll as still connected, and only node states and events feed these rules.
// watchMigrations(): a move that failed (not one a person cancelled).
// Thread: GUI (or the main thread of a headless command).
// Owner: main(); it must outlive the window that shows its alerts.
#pragma once

#include <optional>

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include "core/alerts.h"
#include "core/clock.h"
#include "core/instanceevent.h"
#include "core/inventory.h"
#include "core/migration.h"

class QTimer;

namespace kumo {

class ClusterController;
class MigrationController;
class ServiceProber;

class MonitoringController : public QObject
{
    Q_OBJECT
public:
    explicit MonitoringController(QObject* parent = nullptr);
    ~MonitoringController() override;

    // Tests step the clock.
    void setClock(const Clock& clock) { m_clock = clock; }
    [[nodiscard]] qint64 nowMs() const { return m_clock.monotonicMs(); }

    [[nodiscard]] AlertEngine& engine() { return m_engine; }
    [[nodiscard]] const AlertEngine& engine() const { return m_engine; }

    [[nodiscard]] QList<Alert> activeAlerts() const { return m_engine.active(); }
    [[nodiscard]] std::optional<Alert> alert(quint64 id) const { return m_engine.alert(id); }
    [[nodiscard]] int unattendedCount(std::optional<AlertSeverity> severity = std::nullopt) const
    {
        return m_engine.unattendedCount(severity);
    }

    // Feeds the engine from the cluster (see the top of this file); one cluster at a time.
    void watchCluster(ClusterController* cluster);
    void watchMigrations(MigrationController* migrations);
    // Failing service probes become ProbeFailing alerts (the prober's alert sink).
    void watchProber(ServiceProber* prober);
    // How often level conditions are observed again between snapshots (tests shorten it).
    static constexpr int ReobserveIntervalMs = 1000;
    void setReobserveInterval(int milliseconds);

    // The words an event alert carries (translated).
    [[nodiscard]] static QString eventDetail(const InstanceEvent& event);

public Q_SLOTS:
    bool acknowledge(quint64 id);
    void setSiteSilenced(const QString& site, bool silenced);

Q_SIGNALS:
    void alertRaised(const kumo::Alert& alert);
    // Acknowledged, silenced or a new value.
    void alertChanged(const kumo::Alert& alert);
    void alertCleared(const kumo::Alert& alert);

private:
    [[nodiscard]] AlertSubject nodeSubject(const QString& node) const;
    [[nodiscard]] QString siteOf(const QString& node) const;
    void observeNode(const QString& node);
    void observeAllNodes();
    void onNodeRemoved(const QString& node);
    void onInstance(const QString& uuid);
    void onInstanceRemoved(const QString& uuid, const QString& lastNode);
    void onInstanceEvent(const InstanceEvent& event);
    void onSplitBrain(const QString& uuid, const QStringList& nodes);
    void onInventory();
    void applySettings();
    void onMigrationFinished(const MigrationRequest& request, const MigrationResult& result);
    // Clears the active alerts of `kinds` about `uuid`, on whichever node they were raised.
    void resolveInstance(const QString& uuid, const QList<AlertKind>& kinds);

    AlertEngine m_engine;
    Clock m_clock = Clock::system();
    QPointer<ClusterController> m_cluster;
    QTimer* m_reobserve = nullptr;
    QSet<QString> m_wasConnected;                  // nodes connected since they were added
    QHash<QString, QSet<QString>> m_measuredPools; // by node: pools with a free-space figure
    QHash<QString, bool> m_executing;              // by uuid: whether it ran at the last look
    QHash<QString, AlertSubject> m_split;          // by uuid: the subject its split-brain alert was raised on
    QSet<QString> m_silencedSites;
    QSet<QString> m_namedInstances; // instance names with [alerts.instance.NAME] settings
    QList<AlertSetting> m_settings; // the inventory's, as last applied
};

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/monitoring/eventrecorder.h"

#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "app/migration/migrationqueue.h"
#include "app/monitoring/alerttexts.h"
#include "app/monitoring/monitoringcontroller.h"
#include "app/outage/evacuation.h"
#include "app/outage/outageexecution.h"
#include "core/instanceaction.h"
#include "core/preflight.h"
#include "core/sentences.h"
#include "core/statetext.h"

namespace kumo {

EventRecorder::EventRecorder(EventLog* log, QObject* parent)
    : QObject(parent)
    , m_log(log)
{}

QString EventRecorder::siteOf(const QString& node) const
{
    if (!m_cluster || node.isEmpty())
        return {};
    const NodeConfig* config = m_cluster->inventory().node(node);
    return config ? config->site : QString();
}

void EventRecorder::fillInstance(EventEntry& entry, const QString& uuid, const QString& node) const
{
    entry.instance = uuid;
    const InstanceSnapshot* snapshot = m_cluster ? m_cluster->instance(uuid) : nullptr;
    if (snapshot) {
        entry.instanceName = snapshot->name;
        entry.node = snapshot->node;
    }
    if (!node.isEmpty())
        entry.node = node;
    entry.site = siteOf(entry.node);
}

void EventRecorder::watchCluster(ClusterController* cluster)
{
    m_cluster = cluster;
    for (const QString& node : cluster->nodeNames()) {
        if (const NodeSnapshot* snapshot = cluster->node(node))
            m_nodeStates.insert(node, snapshot->state);
    }
    for (const InstanceSnapshot& instance : cluster->instances())
        m_instanceStates.insert(instance.uuid, instance.state);

    connect(cluster, &ClusterController::nodeAdded, this, &EventRecorder::onNodeChanged);
    connect(cluster, &ClusterController::nodeChanged, this, &EventRecorder::onNodeChanged);
    connect(cluster, &ClusterController::nodeRemoved, this, [this](const QString& node) {
        m_nodeStates.remove(node);
        EventEntry entry;
        entry.kind = EventKind::Node;
        entry.node = node;
        entry.text = tr("Node %1 was removed from the inventory").arg(node);
        m_log->append(std::move(entry));
    });
    // A new instance's first state is known without a line: a console starting up sees thousands.
    connect(cluster, &ClusterController::instanceAdded, this, [this](const QString& uuid) {
        if (const InstanceSnapshot* snapshot = m_cluster->instance(uuid))
            m_instanceStates.insert(uuid, snapshot->state);
    });
    connect(cluster, &ClusterController::instanceChanged, this, &EventRecorder::onInstanceChanged);
    connect(cluster, &ClusterController::instanceRemoved, this,
            [this](const QString& uuid, const QString&) { m_instanceStates.remove(uuid); });
    connect(cluster, &ClusterController::instanceMoved, this,
            [this](const QString& uuid, const QString& from, const QString& to) {
                EventEntry entry;
                entry.kind = EventKind::Move;
                fillInstance(entry, uuid, to);
                entry.text = tr("%1 is now on %2 (was on %3)").arg(entry.instanceName, to, from);
                m_log->append(std::move(entry));
            });
    connect(cluster, &ClusterController::splitBrainChanged, this,
            [this](const QString& uuid, const QStringList& nodes) {
                EventEntry entry;
                entry.kind = EventKind::SplitBrain;
                fillInstance(entry, uuid);
                if (nodes.isEmpty()) {
                    entry.text = tr("%1 is active on one node again").arg(entry.instanceName);
                } else {
                    entry.severity = EventSeverity::Critical;
                    entry.text = tr("%1 is active on %2 at once")
                                     .arg(entry.instanceName, QLocale().createSeparatedList(nodes));
                }
                m_log->append(std::move(entry));
            });
    connect(cluster, &ClusterController::actionStarted, this,
            [this](quint64, const QString& uuid, InstanceAction action) {
                EventEntry entry;
                entry.kind = EventKind::Action;
                fillInstance(entry, uuid);
                entry.text =
                    tr("%1: %2 asked")
                        .arg(entry.instanceName, instanceActionText(action).remove(QLatin1Char('&')));
                m_log->append(std::move(entry));
            });
    connect(cluster, &ClusterController::actionFinished, this,
            [this](quint64, const QString& uuid, InstanceAction action, const Error& error) {
                EventEntry entry;
                entry.kind = EventKind::Action;
                fillInstance(entry, uuid);
                if (error.code == ErrorCode::None) {
                    entry.text = instanceActionDoneText(action).arg(entry.instanceName);
                } else {
                    entry.severity = EventSeverity::Warning;
                    entry.text = tr("%1: %2 failed: %3")
                                     .arg(entry.instanceName,
                                          instanceActionText(action).remove(QLatin1Char('&')), error.message);
                }
                m_log->append(std::move(entry));
            });
}

void EventRecorder::onNodeChanged(const QString& node)
{
    const NodeSnapshot* snapshot = m_cluster->node(node);
    if (!snapshot)
        return;
    const auto known = m_nodeStates.constFind(node);
    if (known != m_nodeStates.cend() && *known == snapshot->state)
        return;
    m_nodeStates.insert(node, snapshot->state);
    EventEntry entry;
    entry.kind = EventKind::Node;
    entry.node = node;
    entry.site = siteOf(node);
    switch (snapshot->state) {
    case NodeState::Unreachable:
    case NodeState::NotResponding:
        entry.severity = EventSeverity::Warning;
        break;
    case NodeState::Connecting:
    case NodeState::Connected:
        break;
    }
    entry.text = tr("%1: %2").arg(node, nodeStateText(snapshot->state));
    if (snapshot->state == NodeState::Unreachable && !snapshot->error.message.isEmpty())
        entry.text = tr("%1: %2 (%3)").arg(node, nodeStateText(snapshot->state), snapshot->error.message);
    m_log->append(std::move(entry));
}

void EventRecorder::onInstanceChanged(const QString& uuid)
{
    const InstanceSnapshot* snapshot = m_cluster->instance(uuid);
    if (!snapshot)
        return;
    const auto known = m_instanceStates.constFind(uuid);
    if (known == m_instanceStates.cend() || *known == snapshot->state) {
        m_instanceStates.insert(uuid, snapshot->state);
        return;
    }
    m_instanceStates.insert(uuid, snapshot->state);
    EventEntry entry;
    entry.kind = EventKind::Instance;
    fillInstance(entry, uuid);
    if (snapshot->state == InstanceState::Crashed)
        entry.severity = EventSeverity::Critical;
    else if (snapshot->state == InstanceState::Paused)
        entry.severity = EventSeverity::Warning;
    entry.text = tr("%1: %2").arg(snapshot->name, instanceStateText(snapshot->state));
    m_log->append(std::move(entry));
}

void EventRecorder::watchMigrations(MigrationController* migrations)
{
    connect(migrations, &MigrationController::migrationQueued, this,
            [this](quint64, const MigrationRequest& request) {
                EventEntry entry;
                entry.kind = EventKind::Migration;
                fillInstance(entry, request.uuid, request.sourceNode);
                entry.instanceName = request.name;
                entry.text = tr("Migration of %1 from %2 to %3 queued")
                                 .arg(request.name, request.sourceNode, request.destinationNode);
                m_log->append(std::move(entry));
            });
    connect(migrations, &MigrationController::migrationRefused, this,
            [this](quint64, const QString& uuid, const QString& destination, const PreflightResult& result) {
                EventEntry entry;
                entry.kind = EventKind::Migration;
                entry.severity = EventSeverity::Warning;
                fillInstance(entry, uuid);
                entry.text = tr("Migration of %1 to %2 refused: %3")
                                 .arg(entry.instanceName, destination,
                                      Sentences::join(result.reasons(CheckSeverity::Refused)));
                m_log->append(std::move(entry));
            });
    connect(migrations->queue(), &MigrationQueue::jobFinished, this,
            [this](const MigrationRequest& request, const MigrationResult& result) {
                EventEntry entry;
                entry.kind = EventKind::Migration;
                fillInstance(entry, request.uuid, request.destinationNode);
                entry.instanceName = request.name;
                switch (result.phase) {
                case MigrationPhase::Completed:
                    entry.node = request.destinationNode;
                    entry.text = tr("%1 migrated from %2 to %3")
                                     .arg(request.name, request.sourceNode, request.destinationNode);
                    break;
                case MigrationPhase::Cancelled:
                    entry.node = request.sourceNode;
                    entry.text =
                        tr("Migration of %1 to %2 cancelled").arg(request.name, request.destinationNode);
                    break;
                default:
                    entry.node = request.sourceNode;
                    entry.severity = EventSeverity::Warning;
                    entry.text = tr("Migration of %1 to %2 failed: %3")
                                     .arg(request.name, request.destinationNode, result.error.message);
                    break;
                }
                entry.site = siteOf(entry.node);
                m_log->append(std::move(entry));
            });
}

void EventRecorder::watchMonitoring(MonitoringController* monitoring)
{
    const auto entryFor = [](const Alert& alert) {
        EventEntry entry;
        entry.kind = EventKind::Alert;
        entry.site = alert.subject.site;
        entry.node = alert.subject.node;
        entry.instance = alert.subject.instance;
        entry.instanceName = alert.subject.name;
        return entry;
    };
    connect(monitoring, &MonitoringController::alertRaised, this, [this, entryFor](const Alert& alert) {
        EventEntry entry = entryFor(alert);
        entry.severity = eventSeverityOf(alert.severity);
        entry.text = tr("Alert: %1").arg(AlertTexts::describe(alert));
        m_log->append(std::move(entry));
    });
    connect(monitoring, &MonitoringController::alertChanged, this, [this, entryFor](const Alert& alert) {
        if (!alert.acknowledged || m_acknowledged.contains(alert.id))
            return;
        m_acknowledged.insert(alert.id);
        EventEntry entry = entryFor(alert);
        entry.text = tr("Alert acknowledged: %1").arg(AlertTexts::describe(alert));
        m_log->append(std::move(entry));
    });
    connect(monitoring, &MonitoringController::alertCleared, this, [this, entryFor](const Alert& alert) {
        const bool wasAcknowledged = m_acknowledged.remove(alert.id);
        EventEntry entry = entryFor(alert);
        // An event alert clears when acknowledged: one line says both.
        entry.text = alert.acknowledged && !wasAcknowledged
                         ? tr("Alert acknowledged: %1").arg(AlertTexts::describe(alert))
                         : tr("Alert cleared: %1").arg(AlertTexts::describe(alert));
        m_log->append(std::move(entry));
    });
}

void EventRecorder::watchOutage(Evacuation* evacuation)
{
    const auto line = [this](const QString& text) {
        EventEntry entry;
        entry.kind = EventKind::Outage;
        entry.text = text;
        m_log->append(std::move(entry));
    };
    connect(evacuation, &Evacuation::message, this, line);
    connect(evacuation->execution(), &OutageExecution::message, this, line);
    connect(evacuation->execution(), &OutageExecution::moveFailed, this, [this](int, const QString& error) {
        EventEntry entry;
        entry.kind = EventKind::Outage;
        entry.severity = EventSeverity::Warning;
        entry.text = tr("A move of the outage run failed: %1").arg(error);
        m_log->append(std::move(entry));
    });
}

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/outage/outagedryrun.h"

#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"

namespace kumo {

OutageDryRun::OutageDryRun(ClusterController* cluster, MigrationController* migrations, QObject* parent)
    : QObject(parent)
    , m_cluster(cluster)
    , m_migrations(migrations)
{
    connect(m_migrations, &MigrationController::checkFinished, this, &OutageDryRun::onCheckFinished);
}

void OutageDryRun::start(const OutagePlan& plan)
{
    m_requests.clear();
    m_plan = plan;
    m_results = QList<PreflightResult>(plan.moves.size());
    if (plan.moves.isEmpty()) {
        // Answered queued all the same, as a caller connecting after start() expects.
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (!m_plan || !m_requests.isEmpty())
                    return;
                finish();
            },
            Qt::QueuedConnection);
        return;
    }
    for (int i = 0; i < plan.moves.size(); ++i) {
        const PlannedMove& move = plan.moves.at(i);
        m_results[i].uuid = move.uuid;
        m_results[i].destinationNode = move.toNode;
        m_requests.insert(m_migrations->requestCheck(move.uuid, move.toNode), i);
    }
}

void OutageDryRun::onCheckFinished(quint64 requestId, const PreflightResult& result)
{
    const auto found = m_requests.constFind(requestId);
    if (found == m_requests.cend() || !m_plan)
        return;
    const int index = *found;
    m_requests.erase(found);
    PreflightResult adjusted = result;
    const PlannedMove& move = m_plan->moves.at(index);
    for (PreflightCheck& check : adjusted.checks) {
        // A return plan is checked while its site is still in maintenance; starting it ends the
        // maintenance, so that is no reason to refuse.
        if (check.id == QStringLiteral("maintenance") && m_plan->direction == OutageDirection::Return &&
            check.severity == CheckSeverity::Refused &&
            m_cluster->maintenanceSites().contains(m_plan->site)) {
            const NodeConfig* node = m_cluster->fileInventory().node(move.toNode);
            if (node && !node->maintenance) {
                check.severity = CheckSeverity::Warning;
                check.message =
                    tr("%1 is in maintenance for the outage; starting the return ends it.").arg(move.toNode);
            }
        }
        if (check.id == QStringLiteral("cpu") && check.severity == CheckSeverity::Refused)
            m_cpuIncompatible[move.uuid].insert(move.toNode, check.message);
    }
    adjusted.uuid = move.uuid;
    adjusted.destinationNode = move.toNode;
    noteResult(adjusted);
    m_results[index] = adjusted;
    if (m_requests.isEmpty())
        finish();
}

void OutageDryRun::noteResult(const PreflightResult& result)
{
    if (result.uuid.isEmpty() || result.destinationNode.isEmpty())
        return;
    const QString refusal = destinationRefusal(result);
    if (!refusal.isEmpty()) {
        m_refused[result.uuid].insert(result.destinationNode, refusal);
        return;
    }
    // Only a complete check clears a refusal: the quick one cannot tell networks or names.
    if (!result.complete)
        return;
    const auto byNode = m_refused.find(result.uuid);
    if (byNode == m_refused.end())
        return;
    byNode->remove(result.destinationNode);
    if (byNode->isEmpty())
        m_refused.erase(byNode);
}

void OutageDryRun::finish()
{
    const OutagePlan plan = *m_plan;
    m_plan.reset();
    Q_EMIT finished(plan, m_results);
}

} // namespace kumo

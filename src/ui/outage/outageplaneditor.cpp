// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/outage/outageplaneditor.h"

#include <QLocale>

#include "app/cluster/clustercontroller.h"
#include "app/outage/evacuation.h"
#include "core/outagestate.h"
#include "ui/modelformat.h"

namespace kumo {

OutagePlanEditor::OutagePlanEditor(Evacuation* evacuation, QObject* parent)
    : DropHandler(parent)
    , m_evacuation(evacuation)
{}

void OutagePlanEditor::setPlan(const OutagePlan& plan)
{
    apply(plan);
}

void OutagePlanEditor::revalidate()
{
    apply(m_plan);
}

void OutagePlanEditor::apply(const OutagePlan& plan)
{
    m_plan = plan;
    m_problems = hasPlan() ? m_evacuation->validate(m_plan) : QList<PlanProblem>();
    m_verdicts.clear();
    Q_EMIT planChanged();
}

QStringList OutagePlanEditor::problemsOf(const QString& uuid) const
{
    QStringList messages;
    for (const PlanProblem& problem : m_problems) {
        if (problem.uuid == uuid)
            messages.append(problem.message);
    }
    return messages;
}

QString OutagePlanEditor::summary() const
{
    // "12 moves: 10 encrypted (TLS), 2 tunnelled through the node connection (48 GiB in all)"
    const QString moves =
        tr("%1 (%2 in all)").arg(m_plan.transportSummary(), format::memoryKiB(m_plan.totalMemoryKiB()));
    QString unplaced;
    if (!m_plan.unplaced.isEmpty())
        unplaced = tr("; %n instance(s) cannot be placed", nullptr, int(m_plan.unplaced.size()));
    if (m_problems.isEmpty())
        return tr("%1%2 — no problems.").arg(moves, unplaced);
    return tr("%1%2 — %n problem(s): %3", nullptr, int(m_problems.size()))
        .arg(moves, unplaced, m_problems.constFirst().message);
}

bool OutagePlanEditor::retarget(const QString& uuid, const QString& node)
{
    const int index = m_plan.indexOfMove(uuid);
    if (index >= 0 && m_plan.moves.at(index).toNode == node)
        return false;
    if (index < 0 && m_plan.indexOfUnplaced(uuid) < 0)
        return false;
    OutagePlan next = Planner::retarget(m_plan, uuid, node);
    m_evacuation->resolveTransports(next);
    apply(next);
    return true;
}

void OutagePlanEditor::setChoice(const QString& uuid, UnplacedChoice choice)
{
    const int index = m_plan.indexOfUnplaced(uuid);
    if (index < 0 || m_plan.unplaced.at(index).choice == choice)
        return;
    OutagePlan next = m_plan;
    next.unplaced[index].choice = choice;
    apply(next);
}

void OutagePlanEditor::setLimits(const OutageLimits& limits)
{
    if (limits == m_plan.limits)
        return;
    OutagePlan next = m_plan;
    next.limits = limits;
    apply(next);
}

void OutagePlanEditor::setWindow(const QDateTime& start, const QDateTime& end)
{
    m_plan.windowStart = start;
    m_plan.windowEnd = end;
}

void OutagePlanEditor::setReason(const QString& reason)
{
    m_plan.reason = reason;
}

QStringList OutagePlanEditor::candidateNodes(const QString& uuid) const
{
    QString from;
    if (const int i = m_plan.indexOfMove(uuid); i >= 0)
        from = m_plan.moves.at(i).fromNode;
    else if (const int u = m_plan.indexOfUnplaced(uuid); u >= 0)
        from = m_plan.unplaced.at(u).fromNode;
    const Inventory& inventory = m_evacuation->cluster()->inventory();
    QStringList nodes;
    for (const NodeConfig& node : inventory.nodes) {
        if (node.name == from)
            continue;
        if (m_plan.direction == OutageDirection::Evacuate && node.site == m_plan.site)
            continue;
        nodes.append(node.name);
    }
    return nodes;
}

DropVerdict OutagePlanEditor::verdict(const QStringList& uuids, const QString& node) const
{
    const QString key = uuids.join(QLatin1Char(',')) + QLatin1Char('>') + node;
    if (const auto cached = m_verdicts.constFind(key); cached != m_verdicts.cend())
        return *cached;
    DropVerdict verdict;
    OutagePlan next = m_plan;
    for (const QString& uuid : uuids) {
        const int move = next.indexOfMove(uuid);
        const int unplaced = next.indexOfUnplaced(uuid);
        if (move < 0 && unplaced < 0) {
            const InstanceSnapshot* instance = m_evacuation->cluster()->instance(uuid);
            verdict.severity = CheckSeverity::Refused;
            verdict.reasons.append(tr("%1 is not part of the plan.").arg(instance ? instance->name : uuid));
            continue;
        }
        const QString from = move >= 0 ? next.moves.at(move).fromNode : next.unplaced.at(unplaced).fromNode;
        if (from == node) {
            const QString name = move >= 0 ? next.moves.at(move).name : next.unplaced.at(unplaced).name;
            verdict.severity = CheckSeverity::Refused;
            verdict.reasons.append(tr("%1 already runs on %2.").arg(name, node));
            continue;
        }
        next = Planner::retarget(next, uuid, node);
    }
    if (verdict.severity != CheckSeverity::Refused) {
        // A target the migration path to is refused: said at the drop, not found when it runs.
        OutagePlan resolved = next;
        m_evacuation->resolveTransports(resolved);
        for (const QString& uuid : uuids) {
            const int unplaced = resolved.indexOfUnplaced(uuid);
            if (next.indexOfMove(uuid) >= 0 && unplaced >= 0) {
                verdict.severity = CheckSeverity::Refused;
                verdict.reasons.append(resolved.unplaced.at(unplaced).reason);
            }
        }
    }
    if (verdict.severity != CheckSeverity::Refused) {
        const QList<PlanProblem> problems = m_evacuation->validate(next);
        for (const PlanProblem& problem : problems) {
            if (uuids.contains(problem.uuid)) {
                verdict.severity = CheckSeverity::Refused;
                verdict.reasons.append(problem.message);
            }
        }
    }
    m_verdicts.insert(key, verdict);
    return verdict;
}

bool OutagePlanEditor::drop(const QStringList& uuids, const QString& node)
{
    if (verdict(uuids, node).severity == CheckSeverity::Refused)
        return false;
    OutagePlan next = m_plan;
    for (const QString& uuid : uuids)
        next = Planner::retarget(next, uuid, node);
    m_evacuation->resolveTransports(next);
    if (next == m_plan)
        return false;
    apply(next);
    return true;
}

QList<PlanArrow> OutagePlanEditor::arrows() const
{
    QList<PlanArrow> result;
    result.reserve(m_plan.moves.size());
    for (const PlannedMove& move : m_plan.moves) {
        bool problem = false;
        for (const PlanProblem& p : m_problems)
            problem = problem || p.uuid == move.uuid;
        result.append(PlanArrow{move.uuid, move.name, move.fromNode, move.toNode, problem, false});
    }
    return result;
}

QList<PlanArrow> remainingArrows(const OutageRun& run)
{
    QList<PlanArrow> result;
    for (const MoveRecord& record : run.records) {
        if (record.status != MoveStatus::Pending && record.status != MoveStatus::Running)
            continue;
        result.append(PlanArrow{record.move.uuid, record.move.name, record.move.fromNode, record.move.toNode,
                                false, record.status == MoveStatus::Running});
    }
    return result;
}

} // namespace kumo

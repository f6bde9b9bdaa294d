// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OutagePlanEditor: the plan being prepared in the outage wizard. Every change (a new target from
// the table or the map, a choice for an unplaced instance, new limits) goes through
// Planner::retarget and is validated again with Evacuation::validate; the tables, the plan map
// and the wizard's buttons follow planChanged(). It also answers the map's drop hints: what
// giving an instance another target would do, before the drop.
// Thread: GUI.
// Owner: OutageWizard (or a test); the Evacuation must outlive it.
#pragma once

#include <QHash>
#include <QList>
#include <QStringList>

#include "core/outageplan.h"
#include "core/planner.h"
#include "ui/checkpresentation.h"
#include "ui/drophandler.h"
#include "ui/map/planarrowsitem.h"

namespace kumo {

class Evacuation;

class OutagePlanEditor : public DropHandler
{
    Q_OBJECT

public:
    explicit OutagePlanEditor(Evacuation* evacuation, QObject* parent = nullptr);

    [[nodiscard]] Evacuation* evacuation() const { return m_evacuation; }

    // Takes a plan (from the planner) and validates it.
    void setPlan(const OutagePlan& plan);
    [[nodiscard]] const OutagePlan& plan() const { return m_plan; }
    [[nodiscard]] bool hasPlan() const { return !m_plan.site.isEmpty(); }
    // Validates the plan again (e.g. the cluster changed).
    void revalidate();

    [[nodiscard]] const QList<PlanProblem>& problems() const { return m_problems; }
    [[nodiscard]] bool hasProblems() const { return !m_problems.isEmpty(); }
    // The problems of one instance (messages), and those of the plan as a whole (no UUID).
    [[nodiscard]] QStringList problemsOf(const QString& uuid) const;
    // One line for the wizard: "3 moves, 1.5 GiB — no problems" or the first problem.
    [[nodiscard]] QString summary() const;

    // Gives the instance another target (a move or an unplaced instance); false when nothing changed.
    bool retarget(const QString& uuid, const QString& node);
    void setChoice(const QString& uuid, UnplacedChoice choice);
    void setLimits(const OutageLimits& limits);
    void setWindow(const QDateTime& start, const QDateTime& end);
    void setReason(const QString& reason);

    // Nodes the instance may be sent to: every node but its own, and none of the evacuated site.
    [[nodiscard]] QStringList candidateNodes(const QString& uuid) const;
    // What dropping these instances on `node` would do to the plan (cached until the plan changes).
    [[nodiscard]] DropVerdict verdict(const QStringList& uuids, const QString& node) const override;
    // Drops: retargets every instance; false (nothing changed) when the verdict refuses.
    bool drop(const QStringList& uuids, const QString& node) override;

    // One arrow per move, for the plan maps.
    [[nodiscard]] QList<PlanArrow> arrows() const;

Q_SIGNALS:
    void planChanged();

private:
    void apply(const OutagePlan& plan);

    Evacuation* m_evacuation;
    OutagePlan m_plan;
    QList<PlanProblem> m_problems;
    mutable QHash<QString, DropVerdict> m_verdicts;
};

// The arrows of the moves of a run that are still to come (pending or running).
[[nodiscard]] QList<PlanArrow> remainingArrows(const struct OutageRun& run);

} // namespace kumo

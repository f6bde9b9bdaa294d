// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OutageDryRun: the full pre-flight of every move of an outage plan, run for Evacuation with the
// same checks as a single migration (facts from both nodes, gathered off the GUI thread by the
// MigrationController), answered once with every result. The CPU incompatibilities and every other
// refusal by a destination it finds are remembered, so that the next plan (and a re-plan of this
// one, Planner::replan) avoids them.
// Thread: GUI (or the main thread of a headless command).
// Owner: Evacuation; the ClusterController and MigrationController outlive it.
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <optional>

#include "core/outageplan.h"
#include "core/preflight.h"

namespace kumo {

class ClusterController;
class MigrationController;

class OutageDryRun : public QObject
{
    Q_OBJECT

public:
    OutageDryRun(ClusterController* cluster, MigrationController* migrations, QObject* parent = nullptr);

    // Checks every move of `plan`; answers with finished(). A newer dry run replaces one still
    // waiting: its late answers are ignored.
    void start(const OutagePlan& plan);
    // uuid -> node -> libvirt's words, from every dry run so far (PlannerRules::cpuIncompatible).
    [[nodiscard]] const QHash<QString, QHash<QString, QString>>& cpuIncompatible() const
    {
        return m_cpuIncompatible;
    }
    // uuid -> node -> the sentences of its refusal (destinationRefusal()), from every check so
    // far (PlannerRules::refused). A check that passes later takes the node's refusal back.
    [[nodiscard]] const QHash<QString, QHash<QString, QString>>& refused() const { return m_refused; }
    // A refusal seen elsewhere (a move refused by its pre-flight during a run).
    void noteResult(const PreflightResult& result);

Q_SIGNALS:
    void finished(const kumo::OutagePlan& plan, const QList<kumo::PreflightResult>& results);

private:
    void onCheckFinished(quint64 requestId, const PreflightResult& result);
    void finish();

    ClusterController* m_cluster;
    MigrationController* m_migrations;
    std::optional<OutagePlan> m_plan; // until finished()
    QHash<quint64, int> m_requests;   // check request -> index of its move
    QList<PreflightResult> m_results;
    QHash<QString, QHash<QString, QString>> m_cpuIncompatible;
    QHash<QString, QHash<QString, QString>> m_refused;
};

} // namespace kumo

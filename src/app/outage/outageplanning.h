// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OutagePlanning: the Planner's view of the cluster, for Evacuation and OutageExecution. It reads
// the rules from the preferences, takes the planner's input from the cluster's latest snapshots
// (for a return, the way the nodes will be once the return has ended the site's maintenance),
// builds the return plan from the home nodes recorded in the outage state file, and tells whether
// every node has been heard from, which plans and the reconciliation after a restart depend on.
// Thread: GUI (or the main thread of a headless command).
// Owner: Evacuation and OutageExecution, one each (it keeps no state of its own); the
// ClusterController and the OutageStore outlive it.
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

#include "core/outageplan.h"
#include "core/planner.h"
#include "core/result.h"

namespace kumo {

class ClusterController;
class OutageStore;

class OutagePlanning
{
    Q_DECLARE_TR_FUNCTIONS(kumo::OutagePlanning)

public:
    OutagePlanning(ClusterController* cluster, OutageStore* store);

    // QSettings "outage/headroomPercent", "outage/vcpusPerCpu" and "migration/reserveMiB", with
    // the CPU incompatibilities known so far (uuid -> node -> libvirt's words).
    [[nodiscard]] PlannerRules rules(const QHash<QString, QHash<QString, QString>>& cpuIncompatible) const;
    [[nodiscard]] PlannerInput input(const PlannerRules& rules) const;
    // input(), and for a return of a site in maintenance, the inventory without that maintenance.
    [[nodiscard]] PlannerInput inputFor(OutageDirection direction, const QString& site,
                                        const PlannerRules& rules) const;
    // From the home nodes recorded for the site's outage; NotFound when none was recorded.
    [[nodiscard]] Result<OutagePlan> planReturn(const QString& site, const PlannerRules& rules) const;
    [[nodiscard]] bool hasHeardFrom(const QStringList& nodes) const; // see Evacuation::hasHeardFrom

    [[nodiscard]] QString siteName(const QString& site) const; // in the interface language
    [[nodiscard]] QString siteOf(const QString& node) const;   // empty when not in the inventory
    // NotFound: the site has no recorded outage to return from.
    [[nodiscard]] Error nothingToReturn(const QString& site) const;

private:
    ClusterController* m_cluster;
    OutageStore* m_store;
};

} // namespace kumo

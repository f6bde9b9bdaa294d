// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// CampusHeadroom: what the other campuses could take now if one campus went dark, worked out by the
// same Planner the outage wizard uses (its evacuation plan of that campus, from the current
// snapshots and inventory), so that the yearly outage's feasibility can be seen every day: how many
// of the campus's running instances would find a node elsewhere, and how much memory would be left
// there afterwards.
// Thread: any (values and pure functions).
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include "core/planner.h"

namespace kumo {

struct CampusHeadroom
{
    Q_DECLARE_TR_FUNCTIONS(kumo::CampusHeadroom)

public:
    static constexpr int NamedUnplaced = 3; // unplaced instances named in the tooltip

    QString site;              // the campus that would go dark (Site::id)
    int running = 0;           // its running (or paused) instances: what the plan would move
    int placed = 0;            // of those, how many a node of another campus would take
    quint64 memoryLeftKiB = 0; // left on the other campuses' usable nodes after the plan
    int otherSites = 0;        // campuses that would take them (with a usable node or not)
    // The first few instances left over, with the planner's reason for the first one.
    QStringList unplacedNames;
    QString firstReason;

    [[nodiscard]] bool fitsAll() const { return placed >= running; }

    // The headroom of `site` from the planner's input (memoryRoom() of the same input, passed in
    // so that several campuses share it).
    [[nodiscard]] static CampusHeadroom compute(const PlannerInput& input, const QString& site,
                                                const QHash<QString, quint64>& room);
    // One entry per campus of the inventory, in inventory order.
    [[nodiscard]] static QList<CampusHeadroom> computeAll(const PlannerInput& input);

    // The line under the campus title, e.g. "If dark now, the other campus could take 5 of 6
    // running instances (12.0 GiB left)".
    [[nodiscard]] QString line() const;
    // The same in whole sentences, naming the campuses and what does not fit.
    [[nodiscard]] QString toolTip(const QString& siteName, const QString& othersName,
                                  int headroomPercent) const;

    bool operator==(const CampusHeadroom&) const = default;
};

} // namespace kumo

Q_DECLARE_METATYPE(kumo::CampusHeadroom)

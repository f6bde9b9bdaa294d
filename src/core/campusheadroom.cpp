// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/campusheadroom.h"

#include <QSet>

#include "core/sentences.h"

namespace kumo {

namespace {

constexpr double KiBPerGiB = 1024.0 * 1024.0;

QString gibText(quint64 kib)
{
    return QString::number(double(kib) / KiBPerGiB, 'f', 1);
}

} // namespace

CampusHeadroom CampusHeadroom::compute(const PlannerInput& input, const QString& site,
                                       const QHash<QString, quint64>& room)
{
    const OutagePlan plan = Planner::planEvacuation(input, site);
    CampusHeadroom result;
    result.site = site;
    result.placed = int(plan.moves.size());
    result.running = result.placed + int(plan.unplaced.size());
    QSet<QString> others;
    for (const Site& other : input.inventory.sites) {
        if (other.id != site)
            others.insert(other.id);
    }
    result.otherSites = int(others.size());
    quint64 left = 0;
    for (const NodeConfig& node : input.inventory.nodes) {
        if (node.site != site)
            left += room.value(node.name);
    }
    // Every move landed on a node that had room for it, so this never goes below zero.
    const quint64 moved = plan.totalMemoryKiB();
    result.memoryLeftKiB = left > moved ? left - moved : 0;
    for (const UnplacedInstance& unplaced : plan.unplaced) {
        if (result.unplacedNames.size() >= NamedUnplaced)
            break;
        result.unplacedNames.append(unplaced.name);
        if (result.firstReason.isEmpty())
            result.firstReason = unplaced.reason;
    }
    return result;
}

QList<CampusHeadroom> CampusHeadroom::computeAll(const PlannerInput& input)
{
    const QHash<QString, quint64> room = Planner::memoryRoom(input);
    QList<CampusHeadroom> all;
    all.reserve(input.inventory.sites.size());
    for (const Site& site : input.inventory.sites)
        all.append(compute(input, site.id, room));
    return all;
}

QString CampusHeadroom::line() const
{
    if (otherSites == 0)
        return tr("No other campus could take its instances if it went dark");
    if (running == 0) {
        return otherSites == 1
                   ? tr("Nothing runs here; the other campus has %1 GiB free").arg(gibText(memoryLeftKiB))
                   : tr("Nothing runs here; the other campuses have %1 GiB free").arg(gibText(memoryLeftKiB));
    }
    if (otherSites == 1)
        return tr("If dark now, the other campus could take %1 of %n running instance(s) (%2 GiB left)",
                  nullptr, running)
            .arg(placed)
            .arg(gibText(memoryLeftKiB));
    return tr("If dark now, the other campuses could take %1 of %n running instance(s) (%2 GiB left)",
              nullptr, running)
        .arg(placed)
        .arg(gibText(memoryLeftKiB));
}

QString CampusHeadroom::toolTip(const QString& siteName, const QString& othersName, int headroomPercent) const
{
    if (otherSites == 0)
        return tr("%1 is the only campus: if it went dark, its instances would stop with it.").arg(siteName);
    QString text;
    if (running == 0) {
        text =
            tr("Nothing runs on %1 now. %2 has %3 GiB of memory free for new instances after %4% headroom.")
                .arg(siteName, othersName, gibText(memoryLeftKiB), QString::number(headroomPercent));
    } else if (fitsAll()) {
        text =
            tr("If %1 went dark now, %2 could take all %n of its running instance(s), as the evacuation plan "
               "would place them; %3 GiB of memory would be left there after %4% headroom.",
               nullptr, running)
                .arg(siteName, othersName, gibText(memoryLeftKiB), QString::number(headroomPercent));
    } else {
        text =
            tr("If %1 went dark now, %2 could take only %3 of its %n running instance(s); %4 GiB of memory "
               "would be left there after %5% headroom.",
               nullptr, running)
                .arg(siteName, othersName, QString::number(placed), gibText(memoryLeftKiB),
                     QString::number(headroomPercent));
        const int left = running - placed;
        text +=
            QLatin1Char('\n') +
            tr("Left over (%n instance(s)), first: %1.", nullptr, left).arg(Sentences::names(unplacedNames));
        if (!firstReason.isEmpty())
            text += QLatin1Char('\n') + firstReason;
    }
    return text;
}

} // namespace kumo

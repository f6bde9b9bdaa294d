// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/outagereconciliation.h"

#include "core/sentences.h"

namespace kumo {

OutageReconciliation OutageReconciliation::apply(OutageRun& run, const QHash<QString, QStringList>& locations,
                                                 const QSet<int>& twoNodesTimedOut, const QDateTime& now)
{
    OutageReconciliation result;
    for (int i = 0; i < run.records.size(); ++i) {
        MoveRecord& record = run.records[i];
        if (record.status != MoveStatus::Running && record.status != MoveStatus::Pending)
            continue;
        const QStringList where = locations.value(record.move.uuid);
        if (where.size() > 1) {
            if (!twoNodesTimedOut.contains(i)) {
                result.onTwoNodes.append(i);
                continue;
            }
            record.status = MoveStatus::Failed;
            record.error = tr("%1 is seen on %2 at once; check which copy is current before going on.")
                               .arg(record.move.name, Sentences::names(where));
        } else if (where.isEmpty()) {
            record.status = MoveStatus::Failed;
            record.error = tr("%1 is not seen on any node; it may have been removed.").arg(record.move.name);
        } else if (where.constFirst() == record.move.toNode) {
            if (record.status == MoveStatus::Running)
                result.arrived.append(i);
            record.status = MoveStatus::Done;
            if (!record.started.isValid())
                record.started = now;
            record.finished = now;
            record.downtimeMs = -1; // libvirt's figure went with the console that asked
        } else {
            record.status = MoveStatus::Pending;
        }
        if (record.status == MoveStatus::Failed)
            record.finished = now;
        result.decided.append(i);
    }
    return result;
}

} // namespace kumo

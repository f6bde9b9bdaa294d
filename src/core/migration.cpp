// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/migration.h"

#include <QCoreApplication>

namespace kumo {

int MigrationProgress::percent() const
{
    if (dataTotal == 0 && dataProcessed == 0 && dataRemaining == 0)
        return -1;
    const quint64 whole = dataProcessed + dataRemaining;
    if (whole == 0)
        return phase == MigrationPhase::Completed ? 100 : 0;
    return int((dataProcessed * 100) / whole);
}

QString migrationPhaseText(MigrationPhase phase)
{
    switch (phase) {
    case MigrationPhase::Queued:
        return QCoreApplication::translate("kumo::Migration", "Queued");
    case MigrationPhase::Starting:
        return QCoreApplication::translate("kumo::Migration", "Starting");
    case MigrationPhase::Transferring:
        return QCoreApplication::translate("kumo::Migration", "Copying memory");
    case MigrationPhase::PostCopy:
        return QCoreApplication::translate("kumo::Migration", "Post-copy");
    case MigrationPhase::Completed:
        return QCoreApplication::translate("kumo::Migration", "Completed");
    case MigrationPhase::Failed:
        return QCoreApplication::translate("kumo::Migration", "Failed");
    case MigrationPhase::Cancelled:
        return QCoreApplication::translate("kumo::Migration", "Cancelled");
    }
    return {};
}

} // namespace kumo

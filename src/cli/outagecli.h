// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The headless planned-outage commands, for scripting before and after an outage:
//   kumo plan --site ID                      print the evacuation plan (or the return plan)
//   kumo evacuate --site ID [--dry-run] [--parallel N] [--bandwidth MIB] [--on-failure ask|retry|skip]
//   kumo return --site ID [--parallel N] ...
// They use the same ClusterController, MigrationController and Evacuation as the window (no
// widgets), print one progress line per event to stdout, errors to stderr, and exit non-zero on
// any failure (an impossible plan, a refused or failed move). An unfinished run of the site found
// in the state file is resumed instead of planning anew.
// Thread: the main thread, inside a running QCoreApplication.
#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace kumo {

class OutageCli
{
    Q_DECLARE_TR_FUNCTIONS(kumo::OutageCli)

public:
    OutageCli() = delete;
    // args: the command and what follows it, e.g. {"evacuate", "--site", "myodaiji", "--dry-run"}.
    static int run(const QStringList& args);
    // Whether args[0] names one of these commands.
    [[nodiscard]] static bool handles(const QString& command);
};

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The headless `kumo lab up|down|status` command (and the hidden `kumo lab supervise` that
// Lab::up() starts). Output goes to stdout, errors to stderr with a non-zero exit code.
// Thread: the main thread, inside a running QCoreApplication.
#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace kumo {

class LabCli
{
    Q_DECLARE_TR_FUNCTIONS(kumo::LabCli)

public:
    LabCli() = delete;
    // args: everything after "lab", e.g. {"up"} or {"down", "ab12cd"}.
    static int run(const QStringList& args);
};

// Entry point used by main(): `kumo lab ARGS...`.
int runLabCommand(const QStringList& args);

} // namespace kumo

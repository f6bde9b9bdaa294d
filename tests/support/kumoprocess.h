// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Runs the kumo executable (a headless command: plan, evacuate, return, lab) as a person would from
// a shell, with its preferences and state kept in a test's own folder, and collects what it said.
// Thread: any (it blocks until the process ends or the timeout passes, then kills it).
#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace kumo {

struct KumoRun
{
    int exitCode = -1; // -1: crashed or timed out
    QString out;
    QString err;

    // Exit code, stdout and stderr, for a failing test's message.
    [[nodiscard]] QByteArray describe() const;
};

// The environment of a command whose configuration and state live under `dir`, in C.UTF-8.
[[nodiscard]] QProcessEnvironment isolatedKumoEnvironment(const QString& dir);

[[nodiscard]] KumoRun runKumo(const QStringList& args, const QString& dir, int timeoutMs = 180000);

} // namespace kumo

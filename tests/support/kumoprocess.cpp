// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/kumoprocess.h"

#include <QProcess>

namespace kumo {

QByteArray KumoRun::describe() const
{
    return QStringLiteral("exit %1\n--- stdout\n%2--- stderr\n%3").arg(exitCode).arg(out, err).toUtf8();
}

QProcessEnvironment isolatedKumoEnvironment(const QString& dir)
{
    // The subprocess must not read or write the person's own preferences or state.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir + QStringLiteral("/config"));
    environment.insert(QStringLiteral("XDG_STATE_HOME"), dir + QStringLiteral("/xdgstate"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return environment;
}

KumoRun runKumo(const QStringList& args, const QString& dir, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(isolatedKumoEnvironment(dir));
    process.start(QStringLiteral(KUMO_BINARY), args);
    KumoRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("timed out");
    } else {
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err += QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace kumo

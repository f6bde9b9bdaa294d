// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// LabProcesses: the lab signals only processes it started. A process is named by its pid and
// its start time (field 22 of /proc/PID/stat, clock ticks since boot): a pid alone may by now be
// someone else's process, a pid with the same start time cannot. Signals go through a pidfd
// (pidfd_open, Linux 5.3+) opened before the start time is checked, so the process checked is
// the process signalled. The supervisor, a child subreaper, finds its own processes as its
// descendants (QEMU, daemonised by libvirtd, re-parents to it) and records them in the lab's
// processes file, from which a lab whose supervisor died is cleaned up.
// Thread: any; every call reads /proc.
#pragma once

#include <optional>

#include <QByteArray>
#include <QList>
#include <QString>

namespace kumo {

struct ProcessRecord
{
    qint64 pid = 0;
    qint64 startTime = -1; // clock ticks after boot; -1: unknown (never signalled)

    friend bool operator==(const ProcessRecord&, const ProcessRecord&) = default;
};

class LabProcesses
{
public:
    LabProcesses() = delete;

    // The process that has `pid` now, unless it is gone or a zombie.
    [[nodiscard]] static std::optional<ProcessRecord> current(qint64 pid);
    // Still running (not a zombie) and the same process: same pid, same start time.
    [[nodiscard]] static bool isAlive(const ProcessRecord& record);
    // Sends `signal` only if `record`'s process still runs; false when it is gone or the pid is
    // now another process's.
    static bool signal(const ProcessRecord& record, int signal);
    // Every live process below `pid` in the process tree (children, their children, ...).
    [[nodiscard]] static QList<ProcessRecord> descendantsOf(qint64 pid);

    // "PID STARTTIME" lines; lines that do not parse (an old pid-only file) are left out.
    [[nodiscard]] static QByteArray format(const QList<ProcessRecord>& records);
    [[nodiscard]] static QList<ProcessRecord> parse(const QByteArray& data);
    [[nodiscard]] static QList<ProcessRecord> readFile(const QString& path);
};

} // namespace kumo

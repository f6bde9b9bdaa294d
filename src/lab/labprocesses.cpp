// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/labprocesses.h"

#include <cerrno>
#include <csignal>

#include <sys/syscall.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QHash>

namespace kumo {

namespace {

struct StatFields
{
    char state = '?';
    qint64 parent = 0;
    qint64 startTime = -1;
};

std::optional<StatFields> readStat(qint64 pid)
{
    if (pid <= 0)
        return std::nullopt;
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray stat = file.read(4096);
    // "pid (comm) S ppid ...": comm may hold anything, even ") ", so the fields follow the last ')'.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return std::nullopt;
    const QList<QByteArray> fields = stat.mid(close + 1).simplified().split(' ');
    // fields[0] is field 3 (state), fields[1] field 4 (ppid), fields[19] field 22 (starttime).
    if (fields.size() < 20 || fields.at(0).isEmpty())
        return std::nullopt;
    StatFields result;
    bool parentOk = false;
    bool startOk = false;
    result.state = fields.at(0).at(0);
    result.parent = fields.at(1).toLongLong(&parentOk);
    result.startTime = fields.at(19).toLongLong(&startOk);
    if (!parentOk || !startOk)
        return std::nullopt;
    return result;
}

bool running(const StatFields& fields)
{
    return fields.state != 'Z' && fields.state != 'X';
}

int pidfdOpen(qint64 pid)
{
    return int(::syscall(SYS_pidfd_open, pid_t(pid), 0U));
}

int pidfdSendSignal(int fd, int signal)
{
    return int(::syscall(SYS_pidfd_send_signal, fd, signal, nullptr, 0U));
}

} // namespace

std::optional<ProcessRecord> LabProcesses::current(qint64 pid)
{
    const std::optional<StatFields> fields = readStat(pid);
    if (!fields || !running(*fields))
        return std::nullopt;
    return ProcessRecord{pid, fields->startTime};
}

bool LabProcesses::isAlive(const ProcessRecord& record)
{
    if (record.pid <= 0 || record.startTime < 0)
        return false;
    const std::optional<StatFields> fields = readStat(record.pid);
    return fields && running(*fields) && fields->startTime == record.startTime;
}

bool LabProcesses::signal(const ProcessRecord& record, int signal)
{
    if (record.pid <= 0 || record.startTime < 0)
        return false;
    const int fd = pidfdOpen(record.pid);
    if (fd < 0) {
        if (errno != ENOSYS)
            return false; // gone
        // A kernel before 5.3: the check and the kill are not one step, but the pid is still checked.
        const std::optional<StatFields> fields = readStat(record.pid);
        return fields && fields->startTime == record.startTime && ::kill(pid_t(record.pid), signal) == 0;
    }
    // The pidfd names whatever process had the pid when it was opened; it is ours only if that
    // process started when ours did (a pid cannot come back to a process once it is gone).
    const std::optional<StatFields> fields = readStat(record.pid);
    const bool sent = fields && fields->startTime == record.startTime && pidfdSendSignal(fd, signal) == 0;
    ::close(fd);
    return sent;
}

QList<ProcessRecord> LabProcesses::descendantsOf(qint64 pid)
{
    QHash<qint64, QList<ProcessRecord>> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& entry : entries) {
        bool ok = false;
        const qint64 child = entry.toLongLong(&ok);
        if (!ok)
            continue;
        const std::optional<StatFields> fields = readStat(child);
        if (fields && running(*fields))
            children[fields->parent].append(ProcessRecord{child, fields->startTime});
    }
    QList<ProcessRecord> found;
    QList<qint64> pending{pid};
    // Bounded: a pid is visited once, and there are no more than the entries of /proc.
    for (qsizetype i = 0; i < pending.size() && i <= entries.size(); ++i) {
        for (const ProcessRecord& child : children.value(pending.at(i))) {
            if (child.pid == pid || pending.contains(child.pid))
                continue;
            found.append(child);
            pending.append(child.pid);
        }
    }
    return found;
}

QByteArray LabProcesses::format(const QList<ProcessRecord>& records)
{
    QByteArray data;
    for (const ProcessRecord& record : records)
        data += QByteArray::number(record.pid) + ' ' + QByteArray::number(record.startTime) + '\n';
    return data;
}

QList<ProcessRecord> LabProcesses::parse(const QByteArray& data)
{
    QList<ProcessRecord> records;
    const QList<QByteArray> lines = data.split('\n');
    for (const QByteArray& line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() != 2)
            continue;
        bool pidOk = false;
        bool startOk = false;
        const ProcessRecord record{fields.at(0).toLongLong(&pidOk), fields.at(1).toLongLong(&startOk)};
        if (pidOk && startOk && record.pid > 0 && record.startTime >= 0)
            records.append(record);
    }
    return records;
}

QList<ProcessRecord> LabProcesses::readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return parse(file.read(1 << 20));
}

} // namespace kumo

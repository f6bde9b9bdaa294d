// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/modelformat.h"

#include <QCoreApplication>
#include <QLocale>

namespace kumo::format {

namespace {
constexpr quint64 kMiB = 1024;
constexpr quint64 kGiB = quint64{1024} * 1024;
} // namespace

QString unknown()
{
    return QStringLiteral("\u2014");
}

QString bytesPerSecond(double value)
{
    if (value < 0)
        return unknown();
    const QLocale locale;
    if (value < 1024)
        return QCoreApplication::translate("kumo::Format", "%1 B/s").arg(locale.toString(value, 'f', 0));
    if (value < 1024.0 * 1024.0)
        return QCoreApplication::translate("kumo::Format", "%1 KiB/s")
            .arg(locale.toString(value / 1024.0, 'f', 1));
    return QCoreApplication::translate("kumo::Format", "%1 MiB/s")
        .arg(locale.toString(value / (1024.0 * 1024.0), 'f', 1));
}

QString bytes(quint64 value)
{
    return QLocale().formattedDataSize(qint64(value), 1, QLocale::DataSizeIecFormat);
}

QString percent(double value)
{
    if (value < 0)
        return unknown();
    return QCoreApplication::translate("kumo::Format", "%1 %", "percentage")
        .arg(QLocale().toString(value, 'f', 0));
}

QString memoryKiB(quint64 kib)
{
    const QLocale locale;
    if (kib >= kGiB)
        return QCoreApplication::translate("kumo::Format", "%1 GiB")
            .arg(locale.toString(double(kib) / double(kGiB), 'f', 1));
    return QCoreApplication::translate("kumo::Format", "%1 MiB")
        .arg(locale.toString(double(kib) / double(kMiB), 'f', 0));
}

QString usedOfTotalKiB(quint64 usedKiB, quint64 totalKiB)
{
    if (totalKiB == 0)
        return unknown();
    const QLocale locale;
    if (totalKiB >= kGiB)
        return QCoreApplication::translate("kumo::Format", "%1 / %2 GiB", "memory used / total")
            .arg(locale.toString(double(usedKiB) / double(kGiB), 'f', 1),
                 locale.toString(double(totalKiB) / double(kGiB), 'f', 1));
    return QCoreApplication::translate("kumo::Format", "%1 / %2 MiB", "memory used / total")
        .arg(locale.toString(double(usedKiB) / double(kMiB), 'f', 0),
             locale.toString(double(totalKiB) / double(kMiB), 'f', 0));
}

QString duration(qint64 seconds)
{
    if (seconds < 60)
        return QCoreApplication::translate("kumo::Format", "< 1 min", "uptime");
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return QCoreApplication::translate("kumo::Format", "%n min", "uptime", int(minutes));
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return QCoreApplication::translate("kumo::Format", "%1 h %2 min", "uptime")
            .arg(QLocale().toString(hours), QLocale().toString(minutes % 60));
    return QCoreApplication::translate("kumo::Format", "%1 d %2 h", "uptime")
        .arg(QLocale().toString(hours / 24), QLocale().toString(hours % 24));
}

QString dateTime(const QDateTime& time)
{
    if (!time.isValid())
        return {};
    return time.toLocalTime().toString(QCoreApplication::translate(
        "kumo::Format", "yyyy-MM-dd HH:mm:ss", "date and time, as QDateTime::toString() reads it"));
}

QString durationAtLeast(qint64 seconds)
{
    // Under a minute the bound says nothing ("≥ 0 min" reads like a wrong figure): nothing shown.
    if (seconds < 60)
        return {};
    return QCoreApplication::translate("kumo::Format", "≥ %1", "uptime: at least").arg(duration(seconds));
}

} // namespace kumo::format

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/outagereport.h"

#include <algorithm>

#include <QStringList>

#include "core/migrationpath.h"
#include "core/safetext.h"

namespace kumo {

namespace {

// ISO 8601 in the local time of the person reading the report, with the offset written out so
// that the file still says the right instant when it is opened on another campus or later.
QString localTimeText(const QDateTime& time)
{
    if (!time.isValid())
        return {};
    const QDateTime local = time.toLocalTime();
    return local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODateWithMs);
}

QString msCell(qint64 ms)
{
    return ms < 0 ? QString() : QString::number(ms);
}

QByteArray csvLine(const QStringList& fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString& field : fields)
        quoted.append(csvCell(field));
    // CRLF, as RFC 4180 says and as Excel writes it.
    return quoted.join(QLatin1Char(',')).toUtf8() + "\r\n";
}

QString bytesText(quint64 bytes)
{
    constexpr double KiB = 1024.0;
    const double value = double(bytes);
    if (value >= KiB * KiB * KiB)
        return OutageReport::tr("%1 GiB", "data size")
            .arg(QString::number(value / (KiB * KiB * KiB), 'f', 1));
    if (value >= KiB * KiB)
        return OutageReport::tr("%1 MiB", "data size").arg(QString::number(value / (KiB * KiB), 'f', 1));
    if (value >= KiB)
        return OutageReport::tr("%1 KiB", "data size").arg(QString::number(value / KiB, 'f', 1));
    return OutageReport::tr("%n byte(s)", "data size", int(bytes));
}

// Empty for None: a CSV reader sees "no figure", not a dash.
QString serviceCell(ServiceAnswer answer)
{
    return answer == ServiceAnswer::None ? QString() : serviceAnswerText(answer);
}

QString orDash(const QString& text)
{
    return text.isEmpty() ? QStringLiteral("–") : text;
}

} // namespace

OutageReport OutageReport::fromRun(const OutageRun& run, const QString& siteName)
{
    OutageReport report;
    report.direction = run.plan.direction;
    report.site = run.plan.site;
    report.siteName = siteName;
    report.reason = run.plan.reason;
    report.windowStart = run.plan.windowStart;
    report.windowEnd = run.plan.windowEnd;

    QDateTime firstStart;
    QDateTime lastEnd;
    for (const MoveRecord& record : run.records) {
        OutageReportRow row;
        row.name = record.move.name;
        row.uuid = record.move.uuid;
        row.fromNode = record.move.fromNode;
        row.toNode = record.move.toNode;
        row.transport = record.move.transport;
        row.started = record.started;
        row.finished = record.finished;
        // Measured on the monotonic clock: a wall-clock step during the move changes nothing.
        if (record.finished.isValid())
            row.durationMs = record.durationMs;
        row.downtimeMs = record.downtimeMs;
        row.dataBytes = record.dataBytes;
        row.status = record.status;
        row.error = record.error;
        row.serviceBefore = record.serviceBefore;
        row.serviceAfter = record.serviceAfter;
        row.serviceGapMs = record.serviceGapMs;
        report.rows.append(row);
        if (record.serviceAfter == ServiceAnswer::NoAnswer)
            ++report.serviceSilent;
        report.maxServiceGapMs = std::max(report.maxServiceGapMs, record.serviceGapMs);

        switch (record.status) {
        case MoveStatus::Done:
            ++report.moved;
            break;
        case MoveStatus::Failed:
            ++report.failed;
            break;
        case MoveStatus::Skipped:
        case MoveStatus::Cancelled:
        case MoveStatus::Pending:
            ++report.skipped;
            break;
        case MoveStatus::Running: // still in flight: neither moved nor skipped yet
            break;
        }
        if (record.started.isValid() && (!firstStart.isValid() || record.started < firstStart))
            firstStart = record.started;
        if (record.finished.isValid() && (!lastEnd.isValid() || record.finished > lastEnd))
            lastEnd = record.finished;
        if (record.downtimeMs >= 0) {
            report.maxDowntimeMs = std::max(report.maxDowntimeMs, record.downtimeMs);
            report.sumDowntimeMs += record.downtimeMs;
        }
        report.totalBytes += record.dataBytes;
    }
    for (const UnplacedInstance& entry : run.plan.unplaced) {
        OutageReportRow row;
        row.name = entry.name;
        row.uuid = entry.uuid;
        row.fromNode = entry.fromNode;
        row.status = MoveStatus::Skipped;
        row.error = entry.reason;
        report.rows.append(row);
        ++report.skipped;
    }
    report.started = run.started.isValid() ? run.started : firstStart;
    report.finished = run.finished.isValid() ? run.finished : lastEnd;
    // On the monotonic clock when the run measured it; a state file from before only has the
    // wall clock's times.
    if (run.elapsedMs >= 0)
        report.totalMs = run.elapsedMs;
    else if (firstStart.isValid() && lastEnd.isValid())
        report.totalMs = firstStart.msecsTo(lastEnd);
    return report;
}

QString OutageReport::transportText(MigrationTransport transport)
{
    return transport == MigrationTransport::Automatic ? QString() : MigrationPath::describe(transport);
}

QByteArray OutageReport::toCsv() const
{
    // A UTF-8 byte order mark: without it Excel in a Japanese locale reads the file as Shift_JIS and
    // shows Japanese site names and messages as mojibake. Other readers ignore it.
    QByteArray csv("\xEF\xBB\xBF");
    csv +=
        csvLine({tr("Instance", "report column"), tr("From", "report column"), tr("To", "report column"),
                 tr("Transport", "report column"), tr("Start", "report column"), tr("End", "report column"),
                 tr("Duration (ms)", "report column"), tr("Downtime (ms)", "report column"),
                 tr("Data (bytes)", "report column"), tr("Result", "report column"),
                 tr("Error", "report column"), tr("Service before move", "report column"),
                 tr("Service after move", "report column"), tr("Service gap (ms)", "report column")});
    for (const OutageReportRow& row : rows) {
        csv += csvLine({row.name, row.fromNode, row.toNode, transportText(row.transport),
                        localTimeText(row.started), localTimeText(row.finished), msCell(row.durationMs),
                        msCell(row.downtimeMs), QString::number(row.dataBytes), moveStatusText(row.status),
                        row.error, serviceCell(row.serviceBefore), serviceCell(row.serviceAfter),
                        msCell(row.serviceGapMs)});
    }
    csv += csvLine(
        {tr("Total", "report column"), QString(), QString(), QString(), localTimeText(started),
         localTimeText(finished), msCell(totalMs), msCell(sumDowntimeMs), QString::number(totalBytes),
         tr("%1 moved, %2 failed, %3 skipped").arg(moved).arg(failed).arg(skipped), QString(), QString(),
         serviceSilent > 0 ? QString::number(serviceSilent) : QString(), msCell(maxServiceGapMs)});
    return csv;
}

QStringList OutageReport::toTextLines() const
{
    QStringList lines;
    for (const OutageReportRow& row : rows) {
        QString line =
            tr("%1: %2 → %3, %4 in %5, downtime %6")
                .arg(row.name, orDash(row.fromNode), orDash(row.toNode), moveStatusText(row.status),
                     formatDurationMs(row.durationMs), formatDurationMs(row.downtimeMs));
        if (row.transport != MigrationTransport::Automatic)
            line = tr("%1, %2", "report line, then its transport").arg(line, transportText(row.transport));
        if (row.serviceAfter == ServiceAnswer::Answered)
            line = tr("%1; service answered after the move (gap %2)", "report line, then the service")
                       .arg(line, formatDurationMs(row.serviceGapMs));
        else if (row.serviceAfter == ServiceAnswer::NoAnswer)
            line = tr("%1; service did not answer after the move", "report line, then the service").arg(line);
        if (!row.error.isEmpty())
            line = tr("%1 (%2)", "report line, then its error").arg(line, row.error);
        lines.append(line);
    }
    lines.append(tr("%1 moved, %2 failed, %3 skipped in %4; longest downtime %5; %6 copied.")
                     .arg(QString::number(moved), QString::number(failed), QString::number(skipped),
                          formatDurationMs(totalMs), formatDurationMs(maxDowntimeMs), bytesText(totalBytes)));
    if (serviceSilent > 0)
        lines.append(tr("The service of %n instance(s) did not answer after the move.", "", serviceSilent));
    return lines;
}

QString formatDurationMs(qint64 ms)
{
    if (ms < 0)
        return QStringLiteral("–");
    if (ms < 1000)
        return OutageReport::tr("%1 ms", "duration").arg(ms);
    if (ms < qint64{60} * 1000) {
        // Tenths are truncated (integer division on purpose) so that 59 999 ms never reads "60.0 s".
        const qint64 tenths = ms / 100;
        return OutageReport::tr("%1 s", "duration").arg(QString::number(double(tenths) / 10.0, 'f', 1));
    }
    const qint64 seconds = ms / 1000;
    if (seconds < qint64{60} * 60)
        return OutageReport::tr("%1 min %2 s", "duration").arg(seconds / 60).arg(seconds % 60);
    return OutageReport::tr("%1 h %2 min", "duration")
        .arg(seconds / 3600)
        .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'));
}

} // namespace kumo

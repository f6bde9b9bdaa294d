// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OutageReport: what happened to each instance in one run (from, to, transport, start, end,
// duration, downtime, service after the move and service gap, result) and the totals, taken from an
// OutageRun; exported as CSV here (the window also exports a PDF with a timeline chart: OutageReportPdf in
// ui). Texts are in the UI language. Thread: any (values).
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include "core/migration.h"
#include "core/outagestate.h"

namespace kumo {

struct OutageReportRow
{
    QString name;
    QString uuid;
    QString fromNode;
    QString toNode;
    // The path the memory stream took (as planned, MigrationPath); Automatic: none (unplaced).
    MigrationTransport transport = MigrationTransport::Automatic;
    QDateTime started; // invalid when the move never started
    QDateTime finished;
    qint64 durationMs = -1; // -1: not started or not finished
    qint64 downtimeMs = -1; // -1: unknown
    quint64 dataBytes = 0;
    MoveStatus status = MoveStatus::Pending;
    QString error;
    ServiceAnswer serviceBefore = ServiceAnswer::None; // None: no probes (or not checked)
    ServiceAnswer serviceAfter = ServiceAnswer::None;
    qint64 serviceGapMs = -1; // -1: unknown
};

struct OutageReport
{
    Q_DECLARE_TR_FUNCTIONS(kumo::OutageReport)

public:
    OutageDirection direction = OutageDirection::Evacuate;
    QString site;
    QString siteName; // display name in the report's language
    QString reason;
    QDateTime windowStart;
    QDateTime windowEnd;
    QDateTime started;
    QDateTime finished;
    QList<OutageReportRow> rows; // plan order, then the unplaced instances (status Skipped)

    int moved = 0;       // Done
    int failed = 0;      // Failed
    int skipped = 0;     // Skipped or Cancelled or never started
    qint64 totalMs = -1; // from the first start to the last end
    qint64 maxDowntimeMs = -1;
    qint64 sumDowntimeMs = 0; // of the moves whose downtime is known
    quint64 totalBytes = 0;
    int serviceSilent = 0; // moves after which the service did not answer
    qint64 maxServiceGapMs = -1;

    // siteName: the site's display name for the report's language (the caller knows the inventory).
    [[nodiscard]] static OutageReport fromRun(const OutageRun& run, const QString& siteName);
    // RFC 4180 CSV, UTF-8, header row in the current language, times in ISO 8601 (local time with
    // offset), durations in milliseconds, then one totals row. Starts with a UTF-8 BOM (for Excel in
    // a Japanese locale); lines end in CRLF; unknown times and durations are empty cells.
    [[nodiscard]] QByteArray toCsv() const;
    // One line per instance and a totals line, for the headless commands.
    [[nodiscard]] QStringList toTextLines() const;
    // The transport in words (MigrationPath::describe); empty for Automatic (no move).
    [[nodiscard]] static QString transportText(MigrationTransport transport);
};

[[nodiscard]] QString formatDurationMs(qint64 ms); // "1 min 12 s", "850 ms", "–" when < 0

} // namespace kumo

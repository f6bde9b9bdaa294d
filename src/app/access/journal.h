// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Journal: the append-only record of what was done to the cloud — one JSON object per line,
// written and fsync'd before append() returns, never rewritten. Every entry records when, the
// local account (from the password database) and the host; migrations add instance, from, to,
// options, transport, the reason the person gave, result and downtime. The file is created 0600,
// in directories created 0700.
// Every entry begins on a line of its own: a write that was cut short (a full disk) leaves a torn
// line, and the next append first ends it, so the torn line never swallows the entry after it.
// Readers skip torn lines and count them. Failed writes are counted too.
// Thread: GUI (appends are small and synchronous by design: nothing is lost on a crash).
// Owner: MigrationController.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include "core/migration.h"
#include "core/result.h"

namespace kumo {

class Journal
{
public:
    // Default: $XDG_STATE_HOME/kumo/journal.jsonl (~/.local/state/kumo/journal.jsonl).
    explicit Journal(QString path = {});

    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] static QString defaultPath();

    // Adds "time" (UTC, ISO 8601 with ms), "user" (the account of the effective uid) and "host"
    // (this machine's name) to the entry and appends it.
    Result<void> append(QJsonObject entry);
    // Action "migrate" with the result: "completed", "failed", "cancelled", or "unknown" — the job
    // failed but the move may have happened or not: the source's daemon was lost
    // (MigrationResult::sourceLost, cause "source-daemon-lost"), or the console stopped waiting
    // for a move that did not answer its abort (outcomeKnown false, cause "abort-unanswered").
    // `late`: the real result of such a move, when it came after all ("late": true).
    Result<void> recordMigration(const MigrationRequest& request, const MigrationResult& result,
                                 bool late = false);
    // Before the migrate call: action "migrate-start", with what the result entry carries but
    // the outcome.
    Result<void> recordMigrationStart(const MigrationRequest& request);
    // The console closes while the move runs: action "migrate", result "unknown", with what was
    // last known of its progress.
    Result<void> recordMigrationUnknown(const MigrationRequest& request, const MigrationProgress& progress);

    // How many appends of this Journal failed: entries that are not on record.
    [[nodiscard]] int failedWrites() const { return m_failedWrites; }

    struct Contents
    {
        QList<QJsonObject> entries; // oldest first
        int tornLines = 0;          // lines that are not one whole entry (skipped)
    };
    [[nodiscard]] Contents read() const;
    // Every entry, oldest first (for tests and a later viewer). Torn lines are skipped.
    [[nodiscard]] QList<QJsonObject> readAll() const { return read().entries; }

private:
    Result<void> write(const QByteArray& line);

    QString m_path;
    int m_failedWrites = 0;
};

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Journal: the append-only record of what was done to the cloud — one JSON object per line,
// written and fsync'd before append() returns, never rewritten. Every entry records when, the
// local account (from the password database) and the host; migrations add instance, from, to,
// options, transport, the reason the person gave, result and downtime. The file is created 0600,
// in directories created 0700.
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
    Result<void> recordMigration(const MigrationRequest& request, const MigrationResult& result);

    // Every entry, oldest first (for tests and a later viewer). Unreadable lines are skipped.
    [[nodiscard]] QList<QJsonObject> readAll() const;

private:
    QString m_path;
};

} // namespace kumo

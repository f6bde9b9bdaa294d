// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OutageMigrations: the migrations an outage run has handed to the MigrationController, known by
// the index of their move record, for OutageExecution. It starts each with the run's options, follows
// it from the pre-flight through the queue to its end, cancels them all on abort (also those whose
// pre-flight is still running), passes a new bandwidth cap to the running ones, and keeps the
// queue's own limits from throttling the run below the plan's.
// Thread: GUI (or the main thread of a headless command).
// Owner: OutageExecution; the MigrationController outlives it.
#pragma once

#include <QHash>
#include <QObject>
#include <optional>
#include <utility>

#include "core/migration.h"
#include "core/outageplan.h"
#include "core/preflight.h"

namespace kumo {

class MigrationController;

class OutageMigrations : public QObject
{
    Q_OBJECT

public:
    explicit OutageMigrations(MigrationController* migrations, QObject* parent = nullptr);

    // Hands the move of record `index` to the MigrationController; returns the migration's id.
    quint64 start(int index, const PlannedMove& move, const OutageLimits& limits, const QString& reason);
    [[nodiscard]] bool isEmpty() const { return m_live.isEmpty(); }
    [[nodiscard]] int count() const { return int(m_live.size()); }
    [[nodiscard]] quint64 bytes(int index) const { return m_live.value(index).bytes; } // sent so far
    void forget(int index) { m_live.remove(index); }
    void clear() { m_live.clear(); }
    void cancelAll();
    void setBandwidth(quint64 mebibytesPerSecond);

    // The queue's limits are raised to the plan's while a run is on and put back afterwards.
    void raiseQueueLimits(const OutageLimits& limits);
    void restoreQueueLimits();

Q_SIGNALS:
    // Each is emitted after the migration was forgotten.
    void failed(int index, const QString& why);                   // failed after it was queued
    void refused(int index, const kumo::PreflightResult& result); // refused by the pre-flight
    void refusedAfterCancel(int index, const QString& why);       // cancelled, then refused by the pre-flight
    void ended(int index, const kumo::MigrationRequest& request,
               const kumo::MigrationResult& result); // completed or cancelled

private:
    // What this console session knows about a move it handed to the MigrationController.
    struct Live
    {
        quint64 id = 0;      // the move's id, from migrate() to the journal
        bool queued = false; // false while the pre-flight runs
        quint64 bytes = 0;
        bool cancel = false; // abort-all came before the job existed
    };

    // The record of the move with this id; -1: none.
    [[nodiscard]] int indexOf(quint64 id) const;
    [[nodiscard]] MigrationOptions optionsFor(const OutageLimits& limits) const;

    MigrationController* m_migrations;
    QHash<int, Live> m_live;
    std::optional<std::pair<int, int>> m_savedQueueLimits; // global, per source node
};

} // namespace kumo

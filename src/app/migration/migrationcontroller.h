// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MigrationController: the one entry point for moving instances. It answers "can this instance
// go to that node?" — at once from the cluster state (quick check), then completely from facts
// the node sessions gather (full check) — and turns an accepted request into a job in the
// MigrationQueue. A refused move never reaches libvirt's migrate call. Every migration is written
// to the journal when it starts and when it ends; at exit, moves still running are aborted and
// their results awaited for a moment, and a move whose result did not come is recorded as
// unknown with how far it had got. A move whose source daemon was lost mid-call is recorded as
// unknown too, and its outcome once both ends answer again (MigrationOutcomeWatch). A move has one
// id, from migrate() to the journal entries.
// Thread: GUI.
// Owner: whoever creates it (main(), tests); it owns the queue and the journal.
#pragma once

#include <optional>

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>

#include "app/migration/migrationqueue.h"
#include "core/migration.h"
#include "core/preflight.h"

namespace kumo {

class ClusterController;
class Journal;
class MigrationOutcomeWatch;

class MigrationController : public QObject
{
    Q_OBJECT

public:
    // journalPath: the append-only audit file (default: $XDG_STATE_HOME/kumo/journal.jsonl).
    // jobFactory: makes the queue's jobs (default: libvirt's MigrationRunner).
    explicit MigrationController(ClusterController* cluster, const QString& journalPath = {},
                                 MigrationQueue::JobFactory jobFactory = {}, QObject* parent = nullptr);
    ~MigrationController() override;

    [[nodiscard]] ClusterController* cluster() const { return m_cluster; }
    [[nodiscard]] MigrationQueue* queue() const { return m_queue; }
    [[nodiscard]] Journal* journal() const { return m_journal; }
    [[nodiscard]] MigrationOutcomeWatch* outcomeWatch() const { return m_outcomes; }
    // Appends to the journal; a failure is returned and announced (journalFailed).
    Result<void> record(const QJsonObject& entry);
    // Entries that could not be written since this controller started.
    [[nodiscard]] int journalFailures() const;

    // How long the destructor waits for the results of moves it aborts (ExitResultWaitMs unless
    // set: a command leaving at once on a second Ctrl+C waits less).
    static constexpr int ExitResultWaitMs = 2000;
    void setExitResultWait(int milliseconds) { m_exitResultWaitMs = milliseconds; }

    // Instant checks from the cluster state only (no libvirt call); complete = false. Without
    // options, the transport is judged for defaultOptions().
    [[nodiscard]] PreflightResult quickCheck(const QString& uuid, const QString& destinationNode) const;
    [[nodiscard]] PreflightResult quickCheck(const QString& uuid, const QString& destinationNode,
                                             const MigrationOptions& options) const;
    // Every check; answered by checkFinished(). Results are cached per (uuid, node) until
    // clearCheckCache() — a drag calls it when it starts.
    quint64 requestCheck(const QString& uuid, const QString& destinationNode);
    // Requests the full check of every instance against every node (a drag starting).
    void prefetchChecks(const QStringList& uuids);
    void clearCheckCache();
    // The cached full result, or the quick one while the full one is still coming.
    [[nodiscard]] PreflightResult bestKnownCheck(const QString& uuid, const QString& destinationNode) const;
    [[nodiscard]] PreflightResult bestKnownCheck(const QString& uuid, const QString& destinationNode,
                                                 const MigrationOptions& options) const;

    // Checks (full) and, when nothing refuses, queues the move. Returns the move's id, which its
    // job, progress, result and journal entry carry too; the outcome comes as migrationQueued()
    // or migrationRefused() with the reasons. `reason` (a ticket or a note) goes to the journal.
    quint64 migrate(const QString& uuid, const QString& destinationNode, const MigrationOptions& options,
                    const QString& reason = {});

    // The last migration of `uuid`: one still in the queue (result "running", no time), else the
    // journal's last entry (from, to, result, time); an empty object when there is none. Which
    // copy of a split instance the move meant to keep is its "to".
    [[nodiscard]] QJsonObject lastMigrationOf(const QString& uuid) const;
    // The fix for a split instance, after the person confirmed it: stops its copy on `node`
    // (ClusterController::requestStopCopy) and records the request and its outcome in the
    // journal. Answered by ClusterController::actionFinished with the returned id. With
    // `removeDefinition`, a successful stop is followed by removing the stopped copy's definition
    // from `node` (ClusterController::requestRemoveCopyDefinition; disks are kept), journalled
    // too and answered by copyDefinitionRemoved().
    quint64 stopCopy(const QString& uuid, const QString& node, const QString& reason = {},
                     bool removeDefinition = false);

    // Options a new migration starts from (preferences, then the dialog's last choice).
    [[nodiscard]] MigrationOptions defaultOptions() const;
    void setDefaultOptions(const MigrationOptions& options);

Q_SIGNALS:
    void checkFinished(quint64 requestId, const kumo::PreflightResult& result);
    // A journal entry could not be written: what was done is not on record.
    void journalFailed(const kumo::Error& error);
    void migrationQueued(quint64 id, const kumo::MigrationRequest& request);
    void migrationRefused(quint64 requestId, const QString& uuid, const QString& destinationNode,
                          const kumo::PreflightResult& result);
    // The removal of a stopped copy's definition asked with stopCopy() ended: `stopRequestId` is
    // stopCopy()'s id; error.code is ErrorCode::None when the definition is gone.
    void copyDefinitionRemoved(quint64 stopRequestId, const QString& node, const kumo::Error& error);

private:
    struct PendingCheck;
    // Refused when the console or either end is read-only (check id "readonly").
    [[nodiscard]] std::optional<PreflightResult> readOnlyRefusal(const QString& uuid,
                                                                 const QString& destinationNode) const;
    // What the checks know of the destination beside the instance: the cluster state, the memory
    // already heading there, the reserve from the preferences, and the inventory and options that
    // decide the transport.
    [[nodiscard]] PreflightContext contextFor(const InstanceSnapshot& instance,
                                              const QString& destinationNode,
                                              const MigrationOptions& options) const;
    // A failed journal write is logged and announced.
    void noteWritten(const Result<void>& written, quint64 id);
    void recordAtExit();
    struct Impl;

    ClusterController* m_cluster;
    MigrationQueue* m_queue;
    Journal* m_journal;
    MigrationOutcomeWatch* m_outcomes;
    int m_exitResultWaitMs = ExitResultWaitMs;
    std::unique_ptr<Impl> m_impl;
};

} // namespace kumo

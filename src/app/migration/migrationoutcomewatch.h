// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MigrationOutcomeWatch: follows the moves whose outcome is not known because the connection to
// the source's daemon was lost during the migrate call (the daemon was killed or restarted). Once
// the console has seen the source go and come back and both ends answer, it asks each end's
// libvirt about its copy of the instance and records what they say in the journal (action
// "migrate-outcome", with the move's job id): where the instance runs, or that it runs on both or
// on neither. Nothing is assumed; a move whose nodes never answer again stays unrecorded here
// (its "migrate" entry already says the outcome is unknown).
// Thread: GUI.
// Owner: MigrationController.
#pragma once

#include <functional>
#include <optional>

#include <QHash>
#include <QJsonObject>
#include <QObject>

#include "core/migration.h"
#include "core/snapshot.h"

namespace kumo {

class ClusterController;

class MigrationOutcomeWatch : public QObject
{
    Q_OBJECT

public:
    using Recorder = std::function<void(const QJsonObject& entry)>;

    MigrationOutcomeWatch(ClusterController* cluster, Recorder record, QObject* parent = nullptr);

    // Follows `request`, whose job ended with MigrationResult::sourceLost.
    void follow(const MigrationRequest& request);
    // Moves whose outcome is not on record yet.
    [[nodiscard]] int pendingCount() const { return int(m_moves.size()); }

Q_SIGNALS:
    // The outcome of move `id` is on record: `nodes` are where its instance is (running or paused).
    void outcomeRecorded(quint64 id, const QStringList& nodes);

private:
    struct Move
    {
        MigrationRequest request;
        bool sourceWasDown = false; // the console saw the source's connection go since the loss
        quint64 sourceRequest = 0;  // copy-facts requests in flight
        quint64 destinationRequest = 0;
        std::optional<InstanceCopyFacts> atSource;
        std::optional<InstanceCopyFacts> atDestination;
    };

    void onNodeChanged(const QString& node);
    void onCopyFacts(quint64 requestId, const InstanceCopyFacts& facts);
    // Asks both ends once the source came back and both answer.
    void ask(Move& move);
    void recordOutcome(const Move& move);
    [[nodiscard]] bool connected(const QString& node) const;

    ClusterController* m_cluster;
    Recorder m_record;
    QHash<quint64, Move> m_moves; // by move id
};

} // namespace kumo

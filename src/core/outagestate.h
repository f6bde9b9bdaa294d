// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OutageState: everything Kumo must not lose about one campus's planned outage — where each
// instance lived before it was moved (its home node), the evacuation run and the return run with
// the status of every move, and whether the campus is in maintenance mode. Evacuation keeps it up
// to date and OutageStore writes it (atomically) after every change, so that a console that
// crashes or is killed mid-evacuation finds it again on start and can resume.
// Thread: any (values).
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include "core/outageplan.h"
#include "core/result.h"

namespace kumo {

enum class MoveStatus
{
    Pending,   // not started yet
    Running,   // handed to the migration queue (or a shut-down/start sent)
    Done,      // the instance runs on the target
    Failed,    // the move failed; the instance stays where it was
    Skipped,   // the person (or the failure policy) chose to skip it
    Cancelled, // abort-all: the instance stays where it was
};

// Whether an instance's service (its probes from the inventory) answered around a move.
enum class ServiceAnswer
{
    None,     // no probes, or no verdict (not checked, or the console was not watching)
    Answered, // a probe answered
    NoAnswer, // no probe answered
};

struct MoveRecord
{
    PlannedMove move;
    MoveStatus status = MoveStatus::Pending;
    QDateTime started; // UTC, invalid until started
    QDateTime finished;
    qint64 downtimeMs = -1; // libvirt's figure; -1 unknown
    // How long the move took, on the monotonic clock (a wall-clock step does not change it);
    // -1 unknown. started/finished only say when.
    qint64 durationMs = -1;
    quint64 dataBytes = 0;
    int attempts = 0;
    QString error; // the last failure, in words
    // The instance's service: its last verdict before the move started, and whether it answered
    // after the move ended (until the first answer, or until the prober gave up waiting).
    ServiceAnswer serviceBefore = ServiceAnswer::None;
    ServiceAnswer serviceAfter = ServiceAnswer::None;
    qint64 serviceGapMs = -1; // the longest stretch without an answer during the move; -1 unknown
    bool operator==(const MoveRecord&) const = default;
};

enum class RunState
{
    NotStarted,
    Running,
    Paused,    // by the person: running moves finish, no new ones start
    Stopped,   // after a failure (stop-and-ask) or abort-all: consistent and resumable
    Completed, // every move Done or Skipped (or Failed, when the policy skipped failures)
};

struct OutageRun
{
    OutagePlan plan;
    QList<MoveRecord> records; // one per plan.moves entry, same order
    RunState state = RunState::NotStarted;
    QDateTime started;
    QDateTime finished;
    // How long consoles ran it, on the monotonic clock, summed over console sessions (a
    // wall-clock step does not change it); -1 unknown.
    qint64 elapsedMs = -1;

    [[nodiscard]] static OutageRun fromPlan(const OutagePlan& plan);
    [[nodiscard]] int count(MoveStatus status) const;
    [[nodiscard]] bool isFinished() const; // no move Pending or Running
    [[nodiscard]] int indexOf(const QString& uuid) const;
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Result<OutageRun> fromJson(const QJsonObject& json);
    bool operator==(const OutageRun&) const = default;
};

enum class OutagePhase
{
    Evacuating,    // the evacuation run has started and not completed
    InMaintenance, // evacuated: the site takes no new instances until the outage ends
    Returning,     // the return run has started and not completed
    Ended,         // everything is back; the file is kept as the report's source
};

struct HomeRecord
{
    QString name;          // instance name, for messages when the UUID is all that is left
    QString homeNode;      // the node it ran on before the evacuation
    bool shutDown = false; // shut down for the outage: to be started again on return
    bool operator==(const HomeRecord&) const = default;
};

struct OutageState
{
    Q_DECLARE_TR_FUNCTIONS(kumo::OutageState)

public:
    static constexpr int FormatVersion = 1;

    QString site;
    OutagePhase phase = OutagePhase::Evacuating;
    QHash<QString, HomeRecord> homes; // uuid -> home; written before the instance moves
    OutageRun evacuation;
    OutageRun returnRun; // plan.moves empty until the return is planned
    QDateTime updatedAt;

    // Unfinished: the evacuation or the return was interrupted and should be offered to resume.
    [[nodiscard]] bool isUnfinished() const;
    // The evacuation's moves after which the instance's service did not answer, in plan order:
    // the ones to warn about before the return.
    [[nodiscard]] QList<MoveRecord> silentAfterEvacuation() const;
    // The run in progress (evacuation while Evacuating, the return while Returning), else nullptr.
    [[nodiscard]] OutageRun* activeRun();
    [[nodiscard]] const OutageRun* activeRun() const;

    [[nodiscard]] QJsonObject toJson() const;
    // Rejects files of another format version or with missing fields, saying which.
    [[nodiscard]] static Result<OutageState> fromJson(const QJsonObject& json);
    bool operator==(const OutageState&) const = default;
};

[[nodiscard]] QString moveStatusText(MoveStatus status); // translated
[[nodiscard]] QString moveStatusKey(MoveStatus status);  // stable: "pending", "running", ...
[[nodiscard]] QString runStateText(RunState state);      // translated
// "answered", "no answer", "–" for None (translated).
[[nodiscard]] QString serviceAnswerText(ServiceAnswer answer);
[[nodiscard]] QString outagePhaseText(OutagePhase phase); // translated

} // namespace kumo

Q_DECLARE_METATYPE(kumo::OutageState)

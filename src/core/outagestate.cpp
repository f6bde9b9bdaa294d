// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/outagestate.h"

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

#include <QJsonArray>
#include <QJsonValue>

#include "core/jsonreader.h"

namespace kumo {

namespace {

QString runStateKey(RunState state)
{
    switch (state) {
    case RunState::NotStarted:
        return QStringLiteral("not_started");
    case RunState::Running:
        return QStringLiteral("running");
    case RunState::Paused:
        return QStringLiteral("paused");
    case RunState::Stopped:
        return QStringLiteral("stopped");
    case RunState::Completed:
        return QStringLiteral("completed");
    }
    return {};
}

QString outagePhaseKey(OutagePhase phase)
{
    switch (phase) {
    case OutagePhase::Evacuating:
        return QStringLiteral("evacuating");
    case OutagePhase::InMaintenance:
        return QStringLiteral("in_maintenance");
    case OutagePhase::Returning:
        return QStringLiteral("returning");
    case OutagePhase::Ended:
        return QStringLiteral("ended");
    }
    return {};
}

// The key to enum direction, for each of the enums: the keys are the file format, the enums are not.
template <typename Enum, typename KeyFunction, std::size_t N>
bool fromKey(const QString& key, KeyFunction keyOf, const std::array<Enum, N>& values, Enum* out)
{
    for (Enum value : values) {
        if (keyOf(value) == key) {
            *out = value;
            return true;
        }
    }
    return false;
}

QString serviceAnswerKey(ServiceAnswer answer)
{
    switch (answer) {
    case ServiceAnswer::None:
        return QString();
    case ServiceAnswer::Answered:
        return QStringLiteral("answered");
    case ServiceAnswer::NoAnswer:
        return QStringLiteral("no_answer");
    }
    return {};
}

// Absent (state files written before services were checked) or empty: None.
ServiceAnswer serviceAnswerFrom(JsonReader& reader, const char* key)
{
    const QString text = reader.string(key, false);
    if (text.isEmpty())
        return ServiceAnswer::None;
    ServiceAnswer answer = ServiceAnswer::None;
    constexpr std::array<ServiceAnswer, 2> answers = {ServiceAnswer::Answered, ServiceAnswer::NoAnswer};
    if (!fromKey(text, serviceAnswerKey, answers, &answer) && reader.ok())
        reader.bad(key);
    return answer;
}

constexpr std::array<MoveStatus, 6> AllStatuses = {MoveStatus::Pending, MoveStatus::Running,
                                                   MoveStatus::Done,    MoveStatus::Failed,
                                                   MoveStatus::Skipped, MoveStatus::Cancelled};

QJsonObject recordToJson(const MoveRecord& record)
{
    QJsonObject json{
        {QStringLiteral("move"), record.move.toJson()},
        {QStringLiteral("status"), moveStatusKey(record.status)},
        {QStringLiteral("started"), jsonDate(record.started)},
        {QStringLiteral("finished"), jsonDate(record.finished)},
        {QStringLiteral("downtime_ms"), record.downtimeMs},
        {QStringLiteral("duration_ms"), record.durationMs},
        {QStringLiteral("data_bytes"), qint64(record.dataBytes)},
        {QStringLiteral("attempts"), record.attempts},
        {QStringLiteral("error"), record.error},
    };
    if (record.serviceBefore != ServiceAnswer::None)
        json.insert(QStringLiteral("service_before"), serviceAnswerKey(record.serviceBefore));
    if (record.serviceAfter != ServiceAnswer::None)
        json.insert(QStringLiteral("service_after"), serviceAnswerKey(record.serviceAfter));
    if (record.serviceGapMs >= 0)
        json.insert(QStringLiteral("service_gap_ms"), record.serviceGapMs);
    return json;
}

MoveRecord recordFromJson(JsonReader& reader, const QJsonObject& json)
{
    MoveRecord record;
    const QJsonObject move = reader.object("move");
    if (reader.ok()) {
        Result<PlannedMove> parsed = PlannedMove::fromJson(move);
        if (parsed)
            record.move = std::move(parsed).value();
        else
            reader.nested(reader.field("move"), parsed.error());
    }
    if (!fromKey(reader.string("status"), moveStatusKey, AllStatuses, &record.status) && reader.ok())
        reader.bad("status");
    record.started = reader.date("started", false);
    record.finished = reader.date("finished", false);
    record.downtimeMs = reader.integer("downtime_ms", -1);
    // Absent from state files written before durations were measured: the wall clock is all
    // they know.
    if (json.contains(QStringLiteral("duration_ms")))
        record.durationMs = reader.integer("duration_ms", -1);
    else if (record.started.isValid() && record.finished.isValid())
        record.durationMs = std::max<qint64>(-1, record.started.msecsTo(record.finished));
    record.dataBytes = quint64(reader.integer("data_bytes"));
    record.attempts = int(reader.integer("attempts"));
    record.error = reader.string("error", false);
    record.serviceBefore = serviceAnswerFrom(reader, "service_before");
    record.serviceAfter = serviceAnswerFrom(reader, "service_after");
    if (json.contains(QStringLiteral("service_gap_ms")))
        record.serviceGapMs = reader.integer("service_gap_ms", -1);
    return record;
}

Result<OutageRun> runFromJson(const QJsonObject& json, const QString& path)
{
    Error error;
    JsonReader reader(json, path, &error);
    OutageRun run;
    const QJsonObject plan = reader.object("plan");
    if (reader.ok()) {
        Result<OutagePlan> parsed = OutagePlan::fromJson(plan);
        if (parsed)
            run.plan = std::move(parsed).value();
        else
            reader.nested(reader.field("plan"), parsed.error());
    }
    const QJsonArray records = reader.array("records");
    for (qsizetype i = 0; i < records.size() && reader.ok(); ++i) {
        const QString itemPath = jsonIndexed(reader.field("records"), i);
        if (!records.at(i).isObject()) {
            reader.badField(itemPath);
            break;
        }
        JsonReader item(records.at(i).toObject(), itemPath, &error);
        run.records.append(recordFromJson(item, records.at(i).toObject()));
    }
    if (reader.ok() && run.records.size() != run.plan.moves.size())
        reader.badField(reader.field("records"));
    constexpr std::array<RunState, 5> states = {RunState::NotStarted, RunState::Running, RunState::Paused,
                                                RunState::Stopped, RunState::Completed};
    if (!fromKey(reader.string("state"), runStateKey, states, &run.state) && reader.ok())
        reader.bad("state");
    run.started = reader.date("started", false);
    run.finished = reader.date("finished", false);
    if (json.contains(QStringLiteral("elapsed_ms")))
        run.elapsedMs = reader.integer("elapsed_ms", -1);
    if (!reader.ok())
        return error;
    return run;
}

} // namespace

OutageRun OutageRun::fromPlan(const OutagePlan& plan)
{
    OutageRun run;
    run.plan = plan;
    run.records.reserve(plan.moves.size());
    for (const PlannedMove& move : plan.moves) {
        MoveRecord record;
        record.move = move;
        run.records.append(record);
    }
    return run;
}

int OutageRun::count(MoveStatus status) const
{
    return int(std::count_if(records.cbegin(), records.cend(),
                             [status](const MoveRecord& record) { return record.status == status; }));
}

bool OutageRun::isFinished() const
{
    return count(MoveStatus::Pending) == 0 && count(MoveStatus::Running) == 0;
}

int OutageRun::indexOf(const QString& uuid) const
{
    for (qsizetype i = 0; i < records.size(); ++i) {
        if (records.at(i).move.uuid == uuid)
            return int(i);
    }
    return -1;
}

QJsonObject OutageRun::toJson() const
{
    QJsonArray recordArray;
    for (const MoveRecord& record : records)
        recordArray.append(recordToJson(record));
    return QJsonObject{
        {QStringLiteral("plan"), plan.toJson()},          {QStringLiteral("records"), recordArray},
        {QStringLiteral("state"), runStateKey(state)},    {QStringLiteral("started"), jsonDate(started)},
        {QStringLiteral("finished"), jsonDate(finished)}, {QStringLiteral("elapsed_ms"), elapsedMs},
    };
}

Result<OutageRun> OutageRun::fromJson(const QJsonObject& json)
{
    return runFromJson(json, QString());
}

bool OutageState::isUnfinished() const
{
    // A run left Completed while the phase still names it was interrupted between its last move and
    // the phase change: there is nothing to resume, so it is not offered.
    const OutageRun* run = activeRun();
    return run && run->state != RunState::Completed;
}

QList<MoveRecord> OutageState::silentAfterEvacuation() const
{
    QList<MoveRecord> silent;
    for (const MoveRecord& record : evacuation.records) {
        if (record.serviceAfter == ServiceAnswer::NoAnswer)
            silent.append(record);
    }
    return silent;
}

OutageRun* OutageState::activeRun()
{
    return const_cast<OutageRun*>(std::as_const(*this).activeRun());
}

const OutageRun* OutageState::activeRun() const
{
    switch (phase) {
    case OutagePhase::Evacuating:
        return &evacuation;
    case OutagePhase::Returning:
        return &returnRun;
    case OutagePhase::InMaintenance:
    case OutagePhase::Ended:
        return nullptr;
    }
    return nullptr;
}

QJsonObject OutageState::toJson() const
{
    // Sorted by UUID so that the file does not change when nothing in it did (QHash order is random).
    QStringList uuids = homes.keys();
    std::sort(uuids.begin(), uuids.end());
    QJsonObject homeObject;
    for (const QString& uuid : uuids) {
        const HomeRecord& home = homes.value(uuid);
        homeObject.insert(uuid, QJsonObject{
                                    {QStringLiteral("name"), home.name},
                                    {QStringLiteral("home_node"), home.homeNode},
                                    {QStringLiteral("shut_down"), home.shutDown},
                                });
    }
    return QJsonObject{
        {QStringLiteral("version"), FormatVersion},          {QStringLiteral("site"), site},
        {QStringLiteral("phase"), outagePhaseKey(phase)},    {QStringLiteral("homes"), homeObject},
        {QStringLiteral("evacuation"), evacuation.toJson()}, {QStringLiteral("return"), returnRun.toJson()},
        {QStringLiteral("updated_at"), jsonDate(updatedAt)},
    };
}

Result<OutageState> OutageState::fromJson(const QJsonObject& json)
{
    Error error;
    JsonReader reader(json, QString(), &error);
    OutageState state;
    const qint64 version = reader.integer("version");
    if (reader.ok() && version != FormatVersion) {
        reader.fail(tr("The outage state file has format version %1; this Kumo reads version %2 only.")
                        .arg(version)
                        .arg(FormatVersion));
    }
    state.site = reader.string("site");
    constexpr std::array<OutagePhase, 4> phases = {OutagePhase::Evacuating, OutagePhase::InMaintenance,
                                                   OutagePhase::Returning, OutagePhase::Ended};
    if (!fromKey(reader.string("phase"), outagePhaseKey, phases, &state.phase) && reader.ok())
        reader.bad("phase");

    const QJsonObject homeObject = reader.object("homes");
    for (auto it = homeObject.constBegin(); it != homeObject.constEnd() && reader.ok(); ++it) {
        const QString path = reader.field(QStringLiteral("homes.") + it.key());
        if (!it.value().isObject()) {
            reader.badField(path);
            break;
        }
        JsonReader item(it.value().toObject(), path, &error);
        HomeRecord home;
        home.name = item.string("name");
        home.homeNode = item.string("home_node");
        home.shutDown = item.boolean("shut_down");
        state.homes.insert(it.key(), home);
    }

    const auto readRun = [&](const char* key, OutageRun* out) {
        const QJsonObject object = reader.object(key);
        if (!reader.ok())
            return;
        Result<OutageRun> run = runFromJson(object, reader.field(key));
        if (run)
            *out = std::move(run).value();
        else
            reader.fail(run.error().message);
    };
    readRun("evacuation", &state.evacuation);
    readRun("return", &state.returnRun);
    state.updatedAt = reader.date("updated_at", false);
    if (!reader.ok())
        return error;
    return state;
}

QString moveStatusText(MoveStatus status)
{
    switch (status) {
    case MoveStatus::Pending:
        return OutageState::tr("Pending", "move status");
    case MoveStatus::Running:
        return OutageState::tr("Moving", "move status");
    case MoveStatus::Done:
        return OutageState::tr("Done", "move status");
    case MoveStatus::Failed:
        return OutageState::tr("Failed", "move status");
    case MoveStatus::Skipped:
        return OutageState::tr("Skipped", "move status");
    case MoveStatus::Cancelled:
        return OutageState::tr("Cancelled", "move status");
    }
    return {};
}

QString serviceAnswerText(ServiceAnswer answer)
{
    switch (answer) {
    case ServiceAnswer::None:
        return QStringLiteral("–");
    case ServiceAnswer::Answered:
        return OutageState::tr("answered", "service after the move");
    case ServiceAnswer::NoAnswer:
        return OutageState::tr("no answer", "service after the move");
    }
    return {};
}

QString moveStatusKey(MoveStatus status)
{
    switch (status) {
    case MoveStatus::Pending:
        return QStringLiteral("pending");
    case MoveStatus::Running:
        return QStringLiteral("running");
    case MoveStatus::Done:
        return QStringLiteral("done");
    case MoveStatus::Failed:
        return QStringLiteral("failed");
    case MoveStatus::Skipped:
        return QStringLiteral("skipped");
    case MoveStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QString runStateText(RunState state)
{
    switch (state) {
    case RunState::NotStarted:
        return OutageState::tr("Not started", "run state");
    case RunState::Running:
        return OutageState::tr("Running", "run state");
    case RunState::Paused:
        return OutageState::tr("Paused", "run state");
    case RunState::Stopped:
        return OutageState::tr("Stopped", "run state");
    case RunState::Completed:
        return OutageState::tr("Completed", "run state");
    }
    return {};
}

QString outagePhaseText(OutagePhase phase)
{
    switch (phase) {
    case OutagePhase::Evacuating:
        return OutageState::tr("Evacuating", "outage phase");
    case OutagePhase::InMaintenance:
        return OutageState::tr("In maintenance", "outage phase");
    case OutagePhase::Returning:
        return OutageState::tr("Returning", "outage phase");
    case OutagePhase::Ended:
        return OutageState::tr("Ended", "outage phase");
    }
    return {};
}

} // namespace kumo

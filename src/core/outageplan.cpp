// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/outageplan.h"

#include <algorithm>
#include <limits>
#include <utility>

#include <QJsonArray>
#include <QJsonValue>

#include "core/inventory.h"
#include "core/jsonreader.h"
#include "core/migrationpath.h"
#include "core/sentences.h"

namespace kumo {

namespace {

QJsonObject moveToJson(const PlannedMove& move)
{
    return QJsonObject{
        {QStringLiteral("uuid"), move.uuid},
        {QStringLiteral("name"), move.name},
        {QStringLiteral("from_node"), move.fromNode},
        {QStringLiteral("to_node"), move.toNode},
        {QStringLiteral("home_node"), move.homeNode},
        {QStringLiteral("memory_kib"), qint64(move.memoryKiB)},
        {QStringLiteral("vcpus"), move.vcpus},
        {QStringLiteral("priority"), move.priority},
        {QStringLiteral("note"), move.note},
        {QStringLiteral("edited"), move.edited},
        {QStringLiteral("transport"), MigrationPath::key(move.transport)},
    };
}

PlannedMove moveFromJson(JsonReader& reader)
{
    PlannedMove move;
    move.uuid = reader.string("uuid");
    move.name = reader.string("name");
    move.fromNode = reader.string("from_node");
    move.toNode = reader.string("to_node");
    move.homeNode = reader.string("home_node");
    move.memoryKiB = quint64(reader.integer("memory_kib"));
    move.vcpus = int(reader.integer("vcpus"));
    move.priority = int(reader.integer("priority", std::numeric_limits<int>::min()));
    move.note = reader.string("note", false);
    move.edited = reader.boolean("edited");
    // Plans stored before transports were resolved have none: Automatic, resolved when run.
    const QString transport = reader.string("transport", false);
    if (const std::optional<MigrationTransport> known = MigrationPath::fromKey(transport))
        move.transport = *known;
    else if (!transport.isEmpty() && reader.ok())
        reader.bad("transport");
    return move;
}

QJsonObject unplacedToJson(const UnplacedInstance& entry)
{
    return QJsonObject{
        {QStringLiteral("uuid"), entry.uuid},
        {QStringLiteral("name"), entry.name},
        {QStringLiteral("from_node"), entry.fromNode},
        {QStringLiteral("home_node"), entry.homeNode},
        {QStringLiteral("memory_kib"), qint64(entry.memoryKiB)},
        {QStringLiteral("vcpus"), entry.vcpus},
        {QStringLiteral("priority"), entry.priority},
        {QStringLiteral("reason"), entry.reason},
        {QStringLiteral("choice"), unplacedChoiceKey(entry.choice)},
    };
}

UnplacedInstance unplacedFromJson(JsonReader& reader)
{
    UnplacedInstance entry;
    entry.uuid = reader.string("uuid");
    entry.name = reader.string("name");
    entry.fromNode = reader.string("from_node");
    entry.homeNode = reader.string("home_node");
    entry.memoryKiB = quint64(reader.integer("memory_kib"));
    entry.vcpus = int(reader.integer("vcpus"));
    entry.priority = int(reader.integer("priority", std::numeric_limits<int>::min()));
    entry.reason = reader.string("reason", false);
    const QString choice = reader.string("choice");
    if (choice == unplacedChoiceKey(UnplacedChoice::Leave))
        entry.choice = UnplacedChoice::Leave;
    else if (choice == unplacedChoiceKey(UnplacedChoice::ShutDownAndRestartLater))
        entry.choice = UnplacedChoice::ShutDownAndRestartLater;
    else if (reader.ok())
        reader.bad("choice");
    return entry;
}

} // namespace

int OutagePlan::indexOfMove(const QString& uuid) const
{
    for (qsizetype i = 0; i < moves.size(); ++i) {
        if (moves.at(i).uuid == uuid)
            return int(i);
    }
    return -1;
}

int OutagePlan::indexOfUnplaced(const QString& uuid) const
{
    for (qsizetype i = 0; i < unplaced.size(); ++i) {
        if (unplaced.at(i).uuid == uuid)
            return int(i);
    }
    return -1;
}

quint64 OutagePlan::totalMemoryKiB() const
{
    quint64 total = 0;
    for (const PlannedMove& move : moves)
        total += move.memoryKiB;
    return total;
}

QList<UnplacedInstance> OutagePlan::toShutDown() const
{
    QList<UnplacedInstance> result;
    for (const UnplacedInstance& entry : unplaced) {
        if (entry.choice == UnplacedChoice::ShutDownAndRestartLater)
            result.append(entry);
    }
    return result;
}

void OutagePlan::resolveTransports(const Inventory& inventory, const MigrationOptions& options)
{
    QList<PlannedMove> kept;
    for (PlannedMove& move : moves) {
        const Result<MigrationPath> path =
            MigrationPath::choose(inventory, move.fromNode, move.toNode, options);
        QString refusal;
        if (!path)
            refusal = path.error().message;
        else if (const QStringList conflicts = MigrationPath::conflicts(path->transport, options);
                 !conflicts.isEmpty())
            refusal = Sentences::join(conflicts);
        if (refusal.isEmpty()) {
            move.transport = path->transport;
            kept.append(move);
            continue;
        }
        UnplacedInstance entry;
        entry.uuid = move.uuid;
        entry.name = move.name;
        entry.fromNode = move.fromNode;
        entry.homeNode = move.homeNode;
        entry.memoryKiB = move.memoryKiB;
        entry.vcpus = move.vcpus;
        entry.priority = move.priority;
        entry.reason = tr("No allowed transport to %1: %2").arg(move.toNode, refusal);
        unplaced.append(entry);
    }
    moves = kept;
}

QString OutagePlan::transportSummary() const
{
    const MigrationTransport order[] = {MigrationTransport::Tls, MigrationTransport::Tunnelled,
                                        MigrationTransport::Plain, MigrationTransport::Automatic};
    QStringList parts;
    for (MigrationTransport transport : order) {
        const int count = int(std::count_if(moves.cbegin(), moves.cend(), [&](const PlannedMove& move) {
            return move.transport == transport;
        }));
        if (count > 0)
            parts.append(tr("%1 %2", "count, transport").arg(count).arg(MigrationPath::describe(transport)));
    }
    if (parts.isEmpty())
        return tr("%n move(s)", nullptr, int(moves.size()));
    return tr("%n move(s): %1", nullptr, int(moves.size())).arg(parts.join(tr(", ", "list separator")));
}

QJsonObject PlannedMove::toJson() const
{
    return moveToJson(*this);
}

Result<PlannedMove> PlannedMove::fromJson(const QJsonObject& json)
{
    Error error;
    JsonReader reader(json, QString(), &error);
    PlannedMove move = moveFromJson(reader);
    if (!reader.ok())
        return error;
    return move;
}

QJsonObject OutagePlan::toJson() const
{
    QJsonArray moveArray;
    for (const PlannedMove& move : moves)
        moveArray.append(moveToJson(move));
    QJsonArray unplacedArray;
    for (const UnplacedInstance& entry : unplaced)
        unplacedArray.append(unplacedToJson(entry));
    const QJsonObject limitObject{
        {QStringLiteral("parallel"), limits.parallel},
        {QStringLiteral("per_link"), limits.perLink},
        {QStringLiteral("bandwidth_mib_s"), qint64(limits.bandwidthMiBs)},
    };
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("direction"), directionKey(direction)},
        {QStringLiteral("site"), site},
        {QStringLiteral("window_start"), jsonDate(windowStart)},
        {QStringLiteral("window_end"), jsonDate(windowEnd)},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("created_at"), jsonDate(createdAt)},
        {QStringLiteral("moves"), moveArray},
        {QStringLiteral("unplaced"), unplacedArray},
        {QStringLiteral("limits"), limitObject},
    };
}

Result<OutagePlan> OutagePlan::fromJson(const QJsonObject& json)
{
    Error error;
    JsonReader reader(json, QString(), &error);
    OutagePlan plan;
    plan.id = reader.string("id");
    const QString direction = reader.string("direction");
    if (direction == directionKey(OutageDirection::Evacuate))
        plan.direction = OutageDirection::Evacuate;
    else if (direction == directionKey(OutageDirection::Return))
        plan.direction = OutageDirection::Return;
    else if (reader.ok())
        reader.bad("direction");
    plan.site = reader.string("site");
    plan.windowStart = reader.date("window_start", false);
    plan.windowEnd = reader.date("window_end", false);
    plan.reason = reader.string("reason", false);
    plan.createdAt = reader.date("created_at", false); // empty in a return run not planned yet

    const QJsonArray moveArray = reader.array("moves");
    for (qsizetype i = 0; i < moveArray.size() && reader.ok(); ++i) {
        if (!moveArray.at(i).isObject()) {
            reader.badField(jsonIndexed(reader.field("moves"), i));
            break;
        }
        JsonReader item(moveArray.at(i).toObject(), jsonIndexed(reader.field("moves"), i), &error);
        plan.moves.append(moveFromJson(item));
    }
    const QJsonArray unplacedArray = reader.array("unplaced");
    for (qsizetype i = 0; i < unplacedArray.size() && reader.ok(); ++i) {
        if (!unplacedArray.at(i).isObject()) {
            reader.badField(jsonIndexed(reader.field("unplaced"), i));
            break;
        }
        JsonReader item(unplacedArray.at(i).toObject(), jsonIndexed(reader.field("unplaced"), i), &error);
        plan.unplaced.append(unplacedFromJson(item));
    }
    JsonReader limitReader(reader.object("limits"), reader.field("limits"), &error);
    if (reader.ok()) {
        plan.limits.parallel = int(limitReader.integer("parallel", 1));
        plan.limits.perLink = int(limitReader.integer("per_link", 1));
        plan.limits.bandwidthMiBs = quint64(limitReader.integer("bandwidth_mib_s"));
    }
    if (!reader.ok())
        return error;
    return plan;
}

QString directionKey(OutageDirection direction)
{
    switch (direction) {
    case OutageDirection::Evacuate:
        return QStringLiteral("evacuate");
    case OutageDirection::Return:
        return QStringLiteral("return");
    }
    return {};
}

QString unplacedChoiceText(UnplacedChoice choice)
{
    switch (choice) {
    case UnplacedChoice::Leave:
        return OutagePlan::tr("Leave it running (it stops with the power)");
    case UnplacedChoice::ShutDownAndRestartLater:
        return OutagePlan::tr("Shut it down now, start it again on return");
    }
    return {};
}

QString unplacedChoiceKey(UnplacedChoice choice)
{
    switch (choice) {
    case UnplacedChoice::Leave:
        return QStringLiteral("leave");
    case UnplacedChoice::ShutDownAndRestartLater:
        return QStringLiteral("shutdown");
    }
    return {};
}

} // namespace kumo

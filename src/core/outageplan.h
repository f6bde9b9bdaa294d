// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OutagePlan: which running instance goes to which node, in what order, to empty a campus before
// its planned outage (Evacuate) or to bring everything back afterwards (Return); the instances the
// planner could not place, with the reason and what the person chose to do with them; and the
// limits the run keeps to. Made by the Planner, edited in the wizard, executed by Evacuation and
// stored (as JSON) in the outage state file.
// Thread: any (values).
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include "core/migration.h"
#include "core/result.h"

namespace kumo {

class Inventory;

enum class OutageDirection
{
    Evacuate, // off the site, onto nodes of the other site(s)
    Return,   // back to the recorded home nodes
};

// What to do with an instance the planner could not place.
enum class UnplacedChoice
{
    Leave,                   // stays where it is (it stops with the power)
    ShutDownAndRestartLater, // shut down before the outage, started on its home node on return
};

struct PlannedMove
{
    QString uuid;
    QString name;
    QString fromNode;
    QString toNode;
    QString homeNode; // where the instance lived before the evacuation (Evacuate: fromNode)
    quint64 memoryKiB = 0;
    int vcpus = 0;
    int priority = 0;    // the inventory's evacuation_priority (higher first)
    QString note;        // why this target, when it is not the obvious one (e.g. home node gone)
    bool edited = false; // the person chose this target (the wizard), not the planner
    // The path its memory stream takes (MigrationPath::choose); Automatic: not resolved yet.
    MigrationTransport transport = MigrationTransport::Automatic;

    // The same object as one entry of OutagePlan's "moves" (OutageRun's records embed it too).
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Result<PlannedMove> fromJson(const QJsonObject& json);
    bool operator==(const PlannedMove&) const = default;
};

struct UnplacedInstance
{
    QString uuid;
    QString name;
    QString fromNode;
    QString homeNode;
    quint64 memoryKiB = 0;
    int vcpus = 0;
    int priority = 0;
    QString reason; // one translated sentence: why no node can take it
    UnplacedChoice choice = UnplacedChoice::Leave;
    bool operator==(const UnplacedInstance&) const = default;
};

struct OutageLimits
{
    static constexpr int DefaultParallel = 2;
    static constexpr int DefaultPerLink = 2;
    int parallel = DefaultParallel; // migrations at once in all
    int perLink = DefaultPerLink;   // migrations at once between one pair of sites
    quint64 bandwidthMiBs = 0;      // per migration; 0: unlimited
    bool operator==(const OutageLimits&) const = default;
};

struct OutagePlan
{
    Q_DECLARE_TR_FUNCTIONS(kumo::OutagePlan)

public:
    QString id; // unique per plan (QUuid without braces); the state file's run id
    OutageDirection direction = OutageDirection::Evacuate;
    QString site;             // the campus being emptied (Evacuate) or brought back (Return)
    QDateTime windowStart;    // optional: when the outage begins (invalid: not given)
    QDateTime windowEnd;      // optional: when power is back
    QString reason;           // free text, e.g. "annual electrical inspection"
    QDateTime createdAt;      // UTC
    QList<PlannedMove> moves; // in execution order
    QList<UnplacedInstance> unplaced;
    OutageLimits limits;

    [[nodiscard]] int indexOfMove(const QString& uuid) const;     // -1 when not a move
    [[nodiscard]] int indexOfUnplaced(const QString& uuid) const; // -1 when not unplaced
    [[nodiscard]] quint64 totalMemoryKiB() const;                 // of every move
    // Unplaced instances whose choice is ShutDownAndRestartLater.
    [[nodiscard]] QList<UnplacedInstance> toShutDown() const;

    // Resolves every move's transport for these options, as MigrationController will when it runs
    // the move; a move whose path the inventory refuses (or whose options do not combine with it)
    // is not planned: it becomes unplaced, with the refusal as its reason.
    void resolveTransports(const Inventory& inventory, const MigrationOptions& options);
    // "12 moves: 10 encrypted (TLS), 2 tunnelled through the node connection" (translated).
    [[nodiscard]] QString transportSummary() const;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Result<OutagePlan> fromJson(const QJsonObject& json);

    bool operator==(const OutagePlan&) const = default;
};

[[nodiscard]] QString directionKey(OutageDirection direction);   // "evacuate" / "return"
[[nodiscard]] QString unplacedChoiceText(UnplacedChoice choice); // translated, for menus
[[nodiscard]] QString unplacedChoiceKey(UnplacedChoice choice);  // "leave" / "shutdown"

} // namespace kumo

Q_DECLARE_METATYPE(kumo::OutagePlan)

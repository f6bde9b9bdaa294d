// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The outage values on disk and in reports: exact JSON round-trips of OutagePlan and OutageState,
// rejection of other versions and missing fields (naming the field), the resume logic, the report
// built from a run (totals, row order, CSV quoting and BOM) and the duration wording.
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "core/outagereport.h"
#include "core/outagestate.h"

using namespace kumo;

namespace {

constexpr quint64 GiB = 1024 * 1024;

QDateTime utc(int hour, int minute, int second, int ms = 0)
{
    return QDateTime(QDate(2026, 3, 1), QTime(hour, minute, second, ms), Qt::UTC);
}

PlannedMove move(const QString& name, const QString& from, const QString& to)
{
    PlannedMove m;
    m.uuid = QStringLiteral("uuid-") + name;
    m.name = name;
    m.fromNode = from;
    m.toNode = to;
    m.homeNode = from;
    m.memoryKiB = 4 * GiB;
    m.vcpus = 2;
    m.priority = 3;
    return m;
}

OutagePlan fullPlan()
{
    OutagePlan plan;
    plan.id = QStringLiteral("5f1c2c8e-5a0e-4b8e-9d4f-0a6c1e2b3d4f");
    plan.direction = OutageDirection::Evacuate;
    plan.site = QStringLiteral("myodaiji");
    plan.windowStart = utc(9, 0, 0);
    plan.windowEnd = utc(17, 30, 0);
    plan.reason = QStringLiteral("annual electrical inspection, \"B\" building — 年次点検");
    plan.createdAt = utc(8, 12, 34, 567);
    plan.moves.append(
        move(QStringLiteral("mail"), QStringLiteral("myodaiji-01"), QStringLiteral("yamate-01")));
    PlannedMove edited =
        move(QStringLiteral("www"), QStringLiteral("myodaiji-02"), QStringLiteral("yamate-02"));
    edited.note = QStringLiteral("Home node myodaiji-09 is gone from the inventory; proposed yamate-02.");
    edited.edited = true;
    edited.priority = -2;
    edited.memoryKiB = 5'000'000'000ULL; // beyond 32 bits
    plan.moves.append(edited);
    UnplacedInstance big;
    big.uuid = QStringLiteral("uuid-big");
    big.name = QStringLiteral("big");
    big.fromNode = QStringLiteral("myodaiji-01");
    big.homeNode = QStringLiteral("myodaiji-01");
    big.memoryKiB = 256 * GiB;
    big.vcpus = 32;
    big.priority = 1;
    big.reason = QStringLiteral("No node of the other campuses has 256.0 GiB of memory free.");
    big.choice = UnplacedChoice::ShutDownAndRestartLater;
    plan.unplaced.append(big);
    UnplacedInstance left = big;
    left.uuid = QStringLiteral("uuid-left");
    left.name = QStringLiteral("left");
    left.choice = UnplacedChoice::Leave;
    plan.unplaced.append(left);
    plan.limits.parallel = 5;
    plan.limits.perLink = 3;
    plan.limits.bandwidthMiBs = 120;
    return plan;
}

OutageRun runWithEveryStatus()
{
    OutagePlan plan = fullPlan();
    plan.moves.clear();
    const QStringList names{QStringLiteral("a-pending"), QStringLiteral("b-running"),
                            QStringLiteral("c-done"),    QStringLiteral("d-failed"),
                            QStringLiteral("e-skipped"), QStringLiteral("f-cancelled")};
    for (const QString& name : names)
        plan.moves.append(move(name, QStringLiteral("myodaiji-01"), QStringLiteral("yamate-01")));
    OutageRun run = OutageRun::fromPlan(plan);
    const MoveStatus statuses[] = {MoveStatus::Pending, MoveStatus::Running, MoveStatus::Done,
                                   MoveStatus::Failed,  MoveStatus::Skipped, MoveStatus::Cancelled};
    for (int i = 0; i < 6; ++i)
        run.records[i].status = statuses[i];
    run.records[1].started = utc(9, 5, 0);
    run.records[1].attempts = 1;
    run.records[2].started = utc(9, 0, 0, 250);
    run.records[2].finished = utc(9, 1, 12, 250);
    run.records[2].downtimeMs = 120;
    run.records[2].durationMs = 72'000;
    run.records[2].dataBytes = 6'442'450'944ULL;
    run.records[2].attempts = 1;
    run.records[3].started = utc(9, 2, 0);
    run.records[3].finished = utc(9, 2, 30);
    run.records[3].durationMs = 30'000;
    run.records[3].attempts = 3;
    run.records[3].error = QStringLiteral("Unable to connect: connection refused, \"yamate-01\"");
    run.state = RunState::Stopped;
    run.started = utc(9, 0, 0);
    return run;
}

OutageState fullState()
{
    OutageState state;
    state.site = QStringLiteral("myodaiji");
    state.phase = OutagePhase::Returning;
    state.homes.insert(QStringLiteral("uuid-mail"),
                       HomeRecord{QStringLiteral("mail"), QStringLiteral("myodaiji-01"), false});
    state.homes.insert(QStringLiteral("uuid-big"),
                       HomeRecord{QStringLiteral("big"), QStringLiteral("myodaiji-01"), true});
    state.evacuation = runWithEveryStatus();
    state.evacuation.state = RunState::Completed;
    state.evacuation.finished = utc(10, 0, 0);
    OutagePlan back = fullPlan();
    back.id = QStringLiteral("0d9a7c1e-0000-4000-8000-000000000001");
    back.direction = OutageDirection::Return;
    back.unplaced.clear();
    state.returnRun = OutageRun::fromPlan(back);
    state.returnRun.state = RunState::Running;
    state.returnRun.started = utc(18, 0, 0);
    state.updatedAt = utc(18, 0, 1, 1);
    return state;
}

// Through text, as the store does, so that number and date formatting are part of the round-trip.
QJsonObject throughText(const QJsonObject& object)
{
    return QJsonDocument::fromJson(QJsonDocument(object).toJson(QJsonDocument::Indented)).object();
}

QString stateError(const QJsonObject& json)
{
    const Result<OutageState> result = OutageState::fromJson(json);
    if (result.ok())
        return QStringLiteral("(accepted)");
    if (result.error().code != ErrorCode::InvalidInput)
        return QStringLiteral("(wrong code)");
    return result.error().message;
}

} // namespace

class TestOutageState : public QObject
{
    Q_OBJECT

private slots:
    void planRoundTrip()
    {
        const OutagePlan plan = fullPlan();
        const QJsonObject json = throughText(plan.toJson());
        QCOMPARE(json.value(QStringLiteral("direction")).toString(), QStringLiteral("evacuate"));
        QCOMPARE(json.value(QStringLiteral("created_at")).toString(),
                 QStringLiteral("2026-03-01T08:12:34.567Z"));
        const QJsonObject first = json.value(QStringLiteral("moves")).toArray().at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("to_node")).toString(), QStringLiteral("yamate-01"));
        QCOMPARE(first.value(QStringLiteral("memory_kib")).toInteger(), qint64(4 * GiB));
        QCOMPARE(
            json.value(QStringLiteral("unplaced")).toArray().at(0).toObject().value(QStringLiteral("choice")),
            QJsonValue(QStringLiteral("shutdown")));
        QCOMPARE(json.value(QStringLiteral("limits")).toObject().value(QStringLiteral("per_link")).toInt(),
                 3);

        const Result<OutagePlan> back = OutagePlan::fromJson(json);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QCOMPARE(back.value(), plan);
        QCOMPARE(back->moves.at(1).memoryKiB, 5'000'000'000ULL);

        // Unset window: null in the file, invalid again after reading.
        OutagePlan open = plan;
        open.windowStart = QDateTime();
        open.windowEnd = QDateTime();
        const QJsonObject openJson = throughText(open.toJson());
        QVERIFY(openJson.value(QStringLiteral("window_start")).isNull());
        QCOMPARE(OutagePlan::fromJson(openJson).value(), open);

        QCOMPARE(plan.toShutDown().size(), 1);
        QCOMPARE(plan.toShutDown().first().name, QStringLiteral("big"));
        QCOMPARE(plan.indexOfMove(QStringLiteral("uuid-www")), 1);
        QCOMPARE(plan.indexOfMove(QStringLiteral("uuid-big")), -1);
        QCOMPARE(plan.indexOfUnplaced(QStringLiteral("uuid-left")), 1);
        QCOMPARE(plan.totalMemoryKiB(), 4 * GiB + 5'000'000'000ULL);
    }

    void planRejectsBadFields()
    {
        QJsonObject json = fullPlan().toJson();
        json.remove(QStringLiteral("site"));
        Result<OutagePlan> result = OutagePlan::fromJson(json);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::InvalidInput);
        QCOMPARE(result.error().message, QStringLiteral("The field site is missing."));

        json = fullPlan().toJson();
        json.insert(QStringLiteral("direction"), QStringLiteral("sideways"));
        QCOMPARE(OutagePlan::fromJson(json).error().message,
                 QStringLiteral("The field direction has an invalid value."));

        json = fullPlan().toJson();
        QJsonArray moves = json.value(QStringLiteral("moves")).toArray();
        QJsonObject second = moves.at(1).toObject();
        second.remove(QStringLiteral("to_node"));
        moves.replace(1, second);
        json.insert(QStringLiteral("moves"), moves);
        QCOMPARE(OutagePlan::fromJson(json).error().message,
                 QStringLiteral("The field moves[1].to_node is missing."));

        json = fullPlan().toJson();
        json.insert(QStringLiteral("created_at"), QStringLiteral("yesterday"));
        QCOMPARE(OutagePlan::fromJson(json).error().message,
                 QStringLiteral("The field created_at has an invalid value."));
    }

    void stateRoundTrip()
    {
        const OutageState state = fullState();
        const QJsonObject json = throughText(state.toJson());
        QCOMPARE(json.value(QStringLiteral("version")).toInt(), OutageState::FormatVersion);
        QCOMPARE(json.value(QStringLiteral("phase")).toString(), QStringLiteral("returning"));
        QCOMPARE(json.value(QStringLiteral("homes"))
                     .toObject()
                     .value(QStringLiteral("uuid-big"))
                     .toObject()
                     .value(QStringLiteral("shut_down"))
                     .toBool(),
                 true);
        const QJsonArray records =
            json.value(QStringLiteral("evacuation")).toObject().value(QStringLiteral("records")).toArray();
        QStringList statuses;
        for (const QJsonValue& record : records)
            statuses.append(record.toObject().value(QStringLiteral("status")).toString());
        QCOMPARE(statuses, (QStringList{QStringLiteral("pending"), QStringLiteral("running"),
                                        QStringLiteral("done"), QStringLiteral("failed"),
                                        QStringLiteral("skipped"), QStringLiteral("cancelled")}));

        const Result<OutageState> back = OutageState::fromJson(json);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QCOMPARE(back.value(), state);
        QCOMPARE(back->evacuation.records.at(0).downtimeMs, qint64(-1));
        QCOMPARE(back->evacuation.records.at(2).dataBytes, 6'442'450'944ULL);
        // The same state writes the same bytes (homes are sorted), so an unchanged file stays unchanged.
        QCOMPARE(QJsonDocument(back->toJson()).toJson(), QJsonDocument(state.toJson()).toJson());
    }

    void stateRejectsOtherVersionsAndMissingFields()
    {
        QJsonObject json = fullState().toJson();
        json.insert(QStringLiteral("version"), 2);
        QCOMPARE(
            stateError(json),
            QStringLiteral("The outage state file has format version 2; this Kumo reads version 1 only."));
        json.remove(QStringLiteral("version"));
        QCOMPARE(stateError(json), QStringLiteral("The field version is missing."));

        json = fullState().toJson();
        json.remove(QStringLiteral("homes"));
        QCOMPARE(stateError(json), QStringLiteral("The field homes is missing."));

        json = fullState().toJson();
        QJsonObject evacuation = json.value(QStringLiteral("evacuation")).toObject();
        QJsonArray records = evacuation.value(QStringLiteral("records")).toArray();
        QJsonObject record = records.at(2).toObject();
        record.insert(QStringLiteral("status"), QStringLiteral("teleported"));
        records.replace(2, record);
        evacuation.insert(QStringLiteral("records"), records);
        json.insert(QStringLiteral("evacuation"), evacuation);
        QCOMPARE(stateError(json),
                 QStringLiteral("The field evacuation.records[2].status has an invalid value."));

        json = fullState().toJson();
        QJsonObject returnRun = json.value(QStringLiteral("return")).toObject();
        QJsonObject plan = returnRun.value(QStringLiteral("plan")).toObject();
        plan.remove(QStringLiteral("id"));
        returnRun.insert(QStringLiteral("plan"), plan);
        json.insert(QStringLiteral("return"), returnRun);
        QCOMPARE(stateError(json), QStringLiteral("In return.plan: The field id is missing."));

        // A record per move, or the file is damaged.
        json = fullState().toJson();
        evacuation = json.value(QStringLiteral("evacuation")).toObject();
        records = evacuation.value(QStringLiteral("records")).toArray();
        records.removeLast();
        evacuation.insert(QStringLiteral("records"), records);
        json.insert(QStringLiteral("evacuation"), evacuation);
        QCOMPARE(stateError(json), QStringLiteral("The field evacuation.records has an invalid value."));
    }

    void runCounts()
    {
        OutageRun run = runWithEveryStatus();
        QCOMPARE(run.records.size(), run.plan.moves.size());
        QCOMPARE(run.count(MoveStatus::Done), 1);
        QCOMPARE(run.indexOf(QStringLiteral("uuid-d-failed")), 3);
        QCOMPARE(run.indexOf(QStringLiteral("uuid-none")), -1);
        QVERIFY(!run.isFinished());
        run.records[0].status = MoveStatus::Skipped;
        QVERIFY(!run.isFinished());
        run.records[1].status = MoveStatus::Done;
        QVERIFY(run.isFinished());

        const OutageRun fresh = OutageRun::fromPlan(fullPlan());
        QCOMPARE(fresh.records.size(), 2);
        QCOMPARE(fresh.records.at(1).move, fullPlan().moves.at(1));
        QCOMPARE(fresh.count(MoveStatus::Pending), 2);
        QCOMPARE(fresh.state, RunState::NotStarted);
    }

    void unfinishedAndActiveRun()
    {
        OutageState state = fullState();
        state.phase = OutagePhase::Evacuating;
        state.evacuation.state = RunState::Running;
        QVERIFY(state.isUnfinished());
        QCOMPARE(state.activeRun(), &state.evacuation);
        state.evacuation.state = RunState::Stopped;
        QVERIFY(state.isUnfinished());
        state.evacuation.state = RunState::Completed;
        QVERIFY(!state.isUnfinished());

        state.phase = OutagePhase::InMaintenance;
        QVERIFY(!state.isUnfinished());
        QCOMPARE(state.activeRun(), nullptr);

        state.phase = OutagePhase::Returning;
        state.returnRun.state = RunState::Paused;
        QVERIFY(state.isUnfinished());
        QCOMPARE(state.activeRun(), &state.returnRun);
        const OutageState& constState = state;
        QCOMPARE(constState.activeRun(), &state.returnRun);

        state.phase = OutagePhase::Ended;
        QVERIFY(!state.isUnfinished());
        QCOMPARE(constState.activeRun(), nullptr);
    }

    void reportFromRun()
    {
        OutageRun run = runWithEveryStatus();
        run.records[2].move.name = QStringLiteral("web, \"prod\"");
        run.records[4].downtimeMs = 30;
        run.records[2].move.transport = MigrationTransport::Tls;
        const OutageReport report = OutageReport::fromRun(run, QStringLiteral("明大寺地区"));
        QCOMPARE(report.siteName, QStringLiteral("明大寺地区"));
        QCOMPARE(report.site, QStringLiteral("myodaiji"));
        QCOMPARE(report.direction, OutageDirection::Evacuate);
        QCOMPARE(report.windowStart, run.plan.windowStart);

        // Plan order, then the unplaced instances.
        QStringList names;
        for (const OutageReportRow& row : report.rows)
            names.append(row.name);
        QCOMPARE(names, (QStringList{QStringLiteral("a-pending"), QStringLiteral("b-running"),
                                     QStringLiteral("web, \"prod\""), QStringLiteral("d-failed"),
                                     QStringLiteral("e-skipped"), QStringLiteral("f-cancelled"),
                                     QStringLiteral("big"), QStringLiteral("left")}));
        const OutageReportRow& done = report.rows.at(2);
        QCOMPARE(done.durationMs, qint64(72'000));
        QCOMPARE(done.downtimeMs, qint64(120));
        QCOMPARE(done.transport, MigrationTransport::Tls);
        QCOMPARE(report.rows.at(1).durationMs, qint64(-1));
        QCOMPARE(report.rows.at(6).status, MoveStatus::Skipped);
        QCOMPARE(report.rows.at(6).error, run.plan.unplaced.first().reason);
        QVERIFY(report.rows.at(6).toNode.isEmpty());

        QCOMPARE(report.moved, 1);
        QCOMPARE(report.failed, 1);
        QCOMPARE(report.skipped, 5); // pending, skipped, cancelled and the two unplaced
        QCOMPARE(report.started, utc(9, 0, 0));
        QCOMPARE(report.finished, utc(9, 2, 30));
        QCOMPARE(report.totalMs, qint64(150'000 - 250)); // first start 9:00:00.250, last end 9:02:30
        QCOMPARE(report.maxDowntimeMs, qint64(120));
        QCOMPARE(report.sumDowntimeMs, qint64(150));
        QCOMPARE(report.totalBytes, 6'442'450'944ULL);

        const QByteArray csv = report.toCsv();
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        const QList<QByteArray> lines = csv.mid(3).split('\n');
        QCOMPARE(lines.size(), 1 + 8 + 1 + 1); // header, rows, totals, and the empty rest after the last CRLF
        QVERIFY(lines.last().isEmpty());
        QCOMPARE(lines.at(0),
                 QByteArray("Instance,From,To,Transport,Start,End,Duration (ms),Downtime (ms),Data (bytes),"
                            "Result,Error,Service before move,Service after move,Service gap (ms)\r"));
        QVERIFY(lines.at(3).startsWith(
            "\"web, \"\"prod\"\"\",myodaiji-01,yamate-01,encrypted (TLS),2026-03-01T"));
        QVERIFY(lines.at(3).endsWith(",72000,120,6442450944,Done,,,,\r"));
        QVERIFY(lines.at(4).endsWith(
            ",Failed,\"Unable to connect: connection refused, \"\"yamate-01\"\"\",,,\r"));
        QVERIFY(lines.at(9).startsWith("Total,,,,"));
        QVERIFY(lines.at(9).endsWith(",149750,150,6442450944,\"1 moved, 1 failed, 5 skipped\",,,,\r"));

        const QStringList text = report.toTextLines();
        QCOMPARE(text.size(), 9);
        QCOMPARE(text.at(2),
                 QStringLiteral("web, \"prod\": myodaiji-01 → yamate-01, Done in 1 min 12 s, downtime "
                                "120 ms, encrypted (TLS)"));
        QCOMPARE(text.last(),
                 QStringLiteral(
                     "1 moved, 1 failed, 5 skipped in 2 min 29 s; longest downtime 120 ms; 6.0 GiB copied."));
    }

    void reportCsvNeutralisesFormulas()
    {
        // Instance names and libvirt's error text are chosen by others; a spreadsheet must read
        // them as text.
        OutageRun run = runWithEveryStatus();
        run.records[0].move.name = QStringLiteral("=HYPERLINK(\"http://example.invalid\",\"open\")");
        run.records[1].move.name = QStringLiteral("@SUM(A1:A9)");
        run.records[2].move.name = QStringLiteral("+2");
        run.records[3].move.name = QStringLiteral("\t=1");
        run.records[3].error = QStringLiteral("-1+cmd|' /C calc'!A0");
        const QByteArray csv = OutageReport::fromRun(run, QStringLiteral("明大寺地区")).toCsv();
        const QList<QByteArray> lines = csv.mid(3).split('\n');
        QVERIFY(lines.at(1).startsWith("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"open\"\")\","));
        QVERIFY(lines.at(2).startsWith("'@SUM(A1:A9),"));
        QVERIFY(lines.at(3).startsWith("'+2,"));
        QVERIFY(lines.at(4).startsWith("'\t=1,"));
        QVERIFY2(lines.at(4).endsWith(",'-1+cmd|' /C calc'!A0,,,\r"), lines.at(4).constData());
        for (const QByteArray& line : lines) {
            for (const QByteArray& cell : line.split(','))
                QVERIFY2(!cell.startsWith('=') && !cell.startsWith('+') && !cell.startsWith('@'),
                         line.constData());
        }
    }

    void serviceAroundTheMove()
    {
        OutageRun run = runWithEveryStatus();
        run.records[2].serviceBefore = ServiceAnswer::Answered;
        run.records[2].serviceAfter = ServiceAnswer::Answered;
        run.records[2].serviceGapMs = 420;
        run.records[3].serviceBefore = ServiceAnswer::Answered;
        run.records[3].serviceAfter = ServiceAnswer::NoAnswer;
        run.records[3].serviceGapMs = 31'000;

        // Kept in the state file; a record without probes writes no service fields.
        const QJsonObject json = throughText(run.toJson());
        const QJsonArray records = json.value(QStringLiteral("records")).toArray();
        QCOMPARE(records.at(2).toObject().value(QStringLiteral("service_after")).toString(),
                 QStringLiteral("answered"));
        QCOMPARE(records.at(3).toObject().value(QStringLiteral("service_after")).toString(),
                 QStringLiteral("no_answer"));
        QVERIFY(!records.at(0).toObject().contains(QStringLiteral("service_before")));
        QVERIFY(!records.at(0).toObject().contains(QStringLiteral("service_gap_ms")));
        const Result<OutageRun> back = OutageRun::fromJson(json);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
        QCOMPARE(*back, run);
        QCOMPARE(back->records.at(0).serviceAfter, ServiceAnswer::None);
        QCOMPARE(back->records.at(0).serviceGapMs, qint64(-1));

        // A word the format does not know is refused, naming the field.
        QJsonObject bad = json;
        QJsonArray badRecords = records;
        QJsonObject record = badRecords.at(2).toObject();
        record.insert(QStringLiteral("service_after"), QStringLiteral("maybe"));
        badRecords.replace(2, record);
        bad.insert(QStringLiteral("records"), badRecords);
        const Result<OutageRun> refused = OutageRun::fromJson(bad);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("service_after")),
                 qPrintable(refused.error().message));

        // The evacuation's silent services are the ones to warn about before the return.
        OutageState state = fullState();
        state.evacuation = run;
        const QList<MoveRecord> silent = state.silentAfterEvacuation();
        QCOMPARE(silent.size(), 1);
        QCOMPARE(silent.first().move.name, QStringLiteral("d-failed"));
        QCOMPARE(fullState().silentAfterEvacuation().size(), 0);

        // In the report: the CSV's last columns, the text lines and the totals.
        const OutageReport report = OutageReport::fromRun(run, QStringLiteral("明大寺地区"));
        QCOMPARE(report.rows.at(2).serviceAfter, ServiceAnswer::Answered);
        QCOMPARE(report.rows.at(3).serviceGapMs, qint64(31'000));
        QCOMPARE(report.serviceSilent, 1);
        QCOMPARE(report.maxServiceGapMs, qint64(31'000));
        const QList<QByteArray> lines = report.toCsv().mid(3).split('\n');
        QVERIFY2(lines.at(3).endsWith(",Done,,answered,answered,420\r"), lines.at(3).constData());
        QVERIFY2(lines.at(4).endsWith("\",answered,no answer,31000\r"), lines.at(4).constData());
        QVERIFY2(lines.at(9).endsWith(",,,1,31000\r"), lines.at(9).constData()); // how many did not answer
        const QStringList text = report.toTextLines();
        QCOMPARE(text.at(2), QStringLiteral("c-done: myodaiji-01 → yamate-01, Done in 1 min 12 s, downtime "
                                            "120 ms; service answered after the move (gap 420 ms)"));
        QVERIFY2(text.at(3).contains(QStringLiteral("; service did not answer after the move (")),
                 qPrintable(text.at(3)));
        QVERIFY2(text.last().startsWith(QStringLiteral("The service of 1 instance")) &&
                     text.last().endsWith(QStringLiteral(" did not answer after the move.")),
                 qPrintable(text.last()));
        QCOMPARE(serviceAnswerText(ServiceAnswer::None), QStringLiteral("–"));
    }

    void durationsFollowTheMonotonicClock_data()
    {
        QTest::addColumn<qint64>("step");
        QTest::newRow("wall clock forward an hour") << qint64(3600 * 1000);
        QTest::newRow("wall clock back an hour") << qint64(-3600 * 1000);
    }

    void durationsFollowTheMonotonicClock()
    {
        // The wall clock stepped while the done move ran: its end time says so, its duration and
        // the run's total do not.
        QFETCH(qint64, step);
        OutageRun run = runWithEveryStatus();
        run.records[2].finished = run.records[2].finished.addMSecs(step);
        run.records[3].started = run.records[3].started.addMSecs(step);
        run.records[3].finished = run.records[3].finished.addMSecs(step);
        run.elapsedMs = 150'000;
        const OutageReport report = OutageReport::fromRun(run, QStringLiteral("明大寺地区"));
        QCOMPARE(report.rows.at(2).durationMs, qint64(72'000));
        QCOMPARE(report.rows.at(3).durationMs, qint64(30'000));
        QCOMPARE(report.totalMs, qint64(150'000));
        QCOMPARE(report.rows.at(2).finished, run.records[2].finished); // "when" stays the wall's

        // Both survive the state file.
        const Result<OutageRun> back = OutageRun::fromJson(run.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->records.at(2).durationMs, qint64(72'000));
        QCOMPARE(back->elapsedMs, qint64(150'000));
    }

    void stateFilesWithoutDurationsUseTheirTimes()
    {
        OutageRun run = runWithEveryStatus();
        QJsonObject json = run.toJson();
        json.remove(QStringLiteral("elapsed_ms"));
        QJsonArray records = json.value(QStringLiteral("records")).toArray();
        for (qsizetype i = 0; i < records.size(); ++i) {
            QJsonObject record = records.at(i).toObject();
            record.remove(QStringLiteral("duration_ms"));
            records.replace(i, record);
        }
        json.insert(QStringLiteral("records"), records);
        const Result<OutageRun> back = OutageRun::fromJson(json);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
        QCOMPARE(back->elapsedMs, qint64(-1));
        QCOMPARE(back->records.at(2).durationMs, qint64(72'000));
        QCOMPARE(back->records.at(3).durationMs, qint64(30'000));
        QCOMPARE(back->records.at(0).durationMs, qint64(-1));
        QCOMPARE(OutageReport::fromRun(*back, QString()).totalMs, qint64(150'000 - 250));
    }

    void durations_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("unknown") << qint64(-1) << QStringLiteral("–");
        QTest::newRow("zero") << qint64(0) << QStringLiteral("0 ms");
        QTest::newRow("ms") << qint64(850) << QStringLiteral("850 ms");
        QTest::newRow("one second") << qint64(1000) << QStringLiteral("1.0 s");
        QTest::newRow("seconds") << qint64(12'345) << QStringLiteral("12.3 s");
        QTest::newRow("not a minute yet") << qint64(59'999) << QStringLiteral("59.9 s");
        QTest::newRow("one minute") << qint64(60'000) << QStringLiteral("1 min 0 s");
        QTest::newRow("minutes") << qint64(72'400) << QStringLiteral("1 min 12 s");
        QTest::newRow("hour") << qint64(3'720'000) << QStringLiteral("1 h 02 min");
        QTest::newRow("long") << qint64(36 * 3'600'000LL + 59 * 60'000) << QStringLiteral("36 h 59 min");
    }

    void durations()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(formatDurationMs(ms), text);
    }
};

QTEST_GUILESS_MAIN(TestOutageState)
#include "tst_outagestate.moc"

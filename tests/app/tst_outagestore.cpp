// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OutageStore: what it writes comes back equal, a save leaves exactly one file (no temporary
// beside it) in a private directory, unreadable files are reported with their path instead of
// taking the console down, and the default directory follows $XDG_STATE_HOME.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include "app/outage/outagestore.h"

using namespace kumo;

namespace {

OutageState sampleState(const QString& site)
{
    OutagePlan plan;
    plan.id = QStringLiteral("4b1f6d2e-0c61-4a57-9a43-6f0f3f0e2a11");
    plan.direction = OutageDirection::Evacuate;
    plan.site = site;
    plan.reason = QStringLiteral("annual electrical inspection");
    plan.createdAt = QDateTime(QDate(2026, 3, 1), QTime(9, 0, 0), Qt::UTC);
    plan.limits.parallel = 2;
    plan.limits.perLink = 1;
    plan.limits.bandwidthMiBs = 50;
    PlannedMove mail;
    mail.uuid = QStringLiteral("11111111-2222-4333-8444-555555555555");
    mail.name = QStringLiteral("mail");
    mail.fromNode = QStringLiteral("myodaiji-01");
    mail.toNode = QStringLiteral("yamate-02");
    mail.homeNode = mail.fromNode;
    mail.memoryKiB = 64 * 1024;
    mail.vcpus = 1;
    mail.priority = 100;
    PlannedMove dns = mail;
    dns.uuid = QStringLiteral("11111111-2222-4333-8444-666666666666");
    dns.name = QStringLiteral("dns1");
    dns.fromNode = QStringLiteral("myodaiji-02");
    dns.toNode = QStringLiteral("yamate-02");
    dns.homeNode = dns.fromNode;
    dns.priority = 80;
    plan.moves = {mail, dns};
    UnplacedInstance big;
    big.uuid = QStringLiteral("11111111-2222-4333-8444-777777777777");
    big.name = QStringLiteral("big");
    big.fromNode = QStringLiteral("myodaiji-01");
    big.homeNode = big.fromNode;
    big.memoryKiB = 64 * 1024 * 1024;
    big.reason = QStringLiteral("No node has 64 GiB free.");
    big.choice = UnplacedChoice::ShutDownAndRestartLater;
    plan.unplaced = {big};

    OutageState state;
    state.site = site;
    state.phase = OutagePhase::Evacuating;
    state.homes.insert(mail.uuid, HomeRecord{mail.name, mail.homeNode, false});
    state.homes.insert(dns.uuid, HomeRecord{dns.name, dns.homeNode, false});
    state.homes.insert(big.uuid, HomeRecord{big.name, big.homeNode, true});
    state.evacuation = OutageRun::fromPlan(plan);
    state.evacuation.state = RunState::Running;
    state.evacuation.started = QDateTime(QDate(2026, 3, 1), QTime(9, 5, 0), Qt::UTC);
    MoveRecord& first = state.evacuation.records[0];
    first.status = MoveStatus::Done;
    first.started = QDateTime(QDate(2026, 3, 1), QTime(9, 5, 0), Qt::UTC);
    first.finished = QDateTime(QDate(2026, 3, 1), QTime(9, 5, 2), Qt::UTC);
    first.downtimeMs = 21;
    first.dataBytes = 70000000;
    first.attempts = 1;
    MoveRecord& second = state.evacuation.records[1];
    second.status = MoveStatus::Running;
    second.started = QDateTime(QDate(2026, 3, 1), QTime(9, 5, 2), Qt::UTC);
    second.attempts = 1;
    state.returnRun.plan.site = site;
    state.returnRun.plan.direction = OutageDirection::Return; // not planned yet: no creation time
    return state;
}

} // namespace

class TestOutageStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saveThenLoadGivesTheSameState()
    {
        QTemporaryDir dir;
        const OutageStore store(dir.filePath(QStringLiteral("state")));
        const OutageState state = sampleState(QStringLiteral("myodaiji"));
        const Result<void> saved = store.save(state);
        QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().toString()));

        const Result<OutageState> loaded = store.load(QStringLiteral("myodaiji"));
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().toString()));
        QVERIFY(loaded->updatedAt.isValid()); // set by save()
        OutageState expected = state;
        expected.updatedAt = loaded->updatedAt;
        QCOMPARE(loaded->site, expected.site);
        QCOMPARE(loaded->phase, expected.phase);
        QCOMPARE(loaded->homes, expected.homes);
        QCOMPARE(loaded->evacuation.plan.moves, expected.evacuation.plan.moves);
        QCOMPARE(loaded->evacuation.plan.unplaced, expected.evacuation.plan.unplaced);
        QCOMPARE(loaded->evacuation.plan.limits, expected.evacuation.plan.limits);
        QCOMPARE(loaded->evacuation.records, expected.evacuation.records);
        QCOMPARE(loaded->evacuation.state, expected.evacuation.state);
        QVERIFY(loaded.value() == expected);

        // A second save replaces the first.
        OutageState next = loaded.value();
        next.phase = OutagePhase::InMaintenance;
        next.evacuation.records[1].status = MoveStatus::Done;
        QVERIFY(store.save(next).ok());
        const Result<OutageState> again = store.load(QStringLiteral("myodaiji"));
        QVERIFY(again.ok());
        QCOMPARE(again->phase, OutagePhase::InMaintenance);
        QCOMPARE(again->evacuation.records[1].status, MoveStatus::Done);
    }

    void aStateBeforeItsReturnIsPlannedLoads()
    {
        // The return run stays empty (a default plan) until the return is planned.
        QTemporaryDir dir;
        const OutageStore store(dir.path());
        OutageState state = sampleState(QStringLiteral("myodaiji"));
        state.returnRun = OutageRun{};
        QVERIFY(store.save(state).ok());
        const Result<OutageState> loaded = store.load(QStringLiteral("myodaiji"));
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().toString()));
        QVERIFY(loaded->returnRun.plan.moves.isEmpty());
        QCOMPARE(loaded->homes, state.homes);
    }

    void saveLeavesOneFileInAPrivateDirectory()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("deep/kumo"));
        const OutageStore store(path);
        QVERIFY(store.save(sampleState(QStringLiteral("myodaiji"))).ok());
        QVERIFY(store.save(sampleState(QStringLiteral("myodaiji"))).ok());
        QVERIFY(store.save(sampleState(QStringLiteral("yamate"))).ok());
        const QStringList files = QDir(path).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
        QCOMPARE(files,
                 (QStringList{QStringLiteral("outage-myodaiji.json"), QStringLiteral("outage-yamate.json")}));
        QCOMPARE(QFileInfo(path).permissions() &
                     (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                      QFileDevice::WriteOther | QFileDevice::ExeGroup | QFileDevice::ExeOther),
                 QFileDevice::Permissions{});
        QCOMPARE(store.pathFor(QStringLiteral("myodaiji")), path + QStringLiteral("/outage-myodaiji.json"));
    }

    void aSiteIdCannotLeaveTheDirectory()
    {
        QTemporaryDir dir;
        const OutageStore store(dir.path());
        const QString path = store.pathFor(QStringLiteral("../../etc/x"));
        QCOMPARE(QFileInfo(path).absolutePath(), QFileInfo(dir.path()).absoluteFilePath());
        QVERIFY(store.save(sampleState(QStringLiteral("../../etc/x"))).ok());
        const Result<OutageState> loaded = store.load(QStringLiteral("../../etc/x"));
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->site, QStringLiteral("../../etc/x"));
    }

    void missingFileIsNotFound()
    {
        QTemporaryDir dir;
        const OutageStore store(dir.path());
        const Result<OutageState> loaded = store.load(QStringLiteral("nowhere"));
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, ErrorCode::NotFound);
        QVERIFY(store.all().isEmpty());
        QVERIFY(store.remove(QStringLiteral("nowhere")).ok());
    }

    void unreadableFileIsReportedWithItsPath()
    {
        QTemporaryDir dir;
        const OutageStore store(dir.path());
        for (const QByteArray& content : {QByteArray("{ torn"), QByteArray("[1, 2]"),
                                          QByteArray("{\"formatVersion\": 999}"), QByteArray()}) {
            QFile file(store.pathFor(QStringLiteral("myodaiji")));
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(content);
            file.close();
            const Result<OutageState> loaded = store.load(QStringLiteral("myodaiji"));
            QVERIFY2(!loaded.ok(), content.constData());
            QCOMPARE(loaded.error().code, ErrorCode::InvalidInput);
            QCOMPARE(loaded.error().object, store.pathFor(QStringLiteral("myodaiji")));
            QVERIFY(!loaded.error().message.isEmpty());
        }
    }

    void allSkipsBrokenFilesAndSaysWhich()
    {
        QTemporaryDir dir;
        const OutageStore store(dir.path());
        QVERIFY(store.save(sampleState(QStringLiteral("myodaiji"))).ok());
        QVERIFY(store.save(sampleState(QStringLiteral("yamate"))).ok());
        QFile broken(store.pathFor(QStringLiteral("broken")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("not json");
        broken.close();
        QFile unrelated(dir.filePath(QStringLiteral("journal.jsonl")));
        QVERIFY(unrelated.open(QIODevice::WriteOnly));
        unrelated.write("{}\n");
        unrelated.close();

        QList<Error> errors;
        const QList<OutageState> states = store.all(&errors);
        QCOMPARE(states.size(), 2);
        QCOMPARE(states.at(0).site, QStringLiteral("myodaiji"));
        QCOMPARE(states.at(1).site, QStringLiteral("yamate"));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.at(0).object, store.pathFor(QStringLiteral("broken")));
        QCOMPARE(store.all().size(), 2); // without the errors list too

        QVERIFY(store.remove(QStringLiteral("yamate")).ok());
        QCOMPARE(store.all().size(), 1);
    }

    void defaultDirFollowsXdgStateHome()
    {
        const QByteArray saved = qgetenv("XDG_STATE_HOME");
        const bool hadValue = qEnvironmentVariableIsSet("XDG_STATE_HOME");
        QTemporaryDir dir;
        qputenv("XDG_STATE_HOME", dir.path().toLocal8Bit());
        QCOMPARE(OutageStore::defaultDir(), dir.path() + QStringLiteral("/kumo"));
        QCOMPARE(OutageStore().dir(), dir.path() + QStringLiteral("/kumo"));
        QVERIFY(OutageStore().save(sampleState(QStringLiteral("myodaiji"))).ok());
        QVERIFY(QFile::exists(dir.path() + QStringLiteral("/kumo/outage-myodaiji.json")));
        // Relative values are to be ignored, says the XDG spec.
        qputenv("XDG_STATE_HOME", "relative/state");
        QCOMPARE(OutageStore::defaultDir(), QDir::homePath() + QStringLiteral("/.local/state/kumo"));
        qunsetenv("XDG_STATE_HOME");
        QCOMPARE(OutageStore::defaultDir(), QDir::homePath() + QStringLiteral("/.local/state/kumo"));
        if (hadValue)
            qputenv("XDG_STATE_HOME", saved);
    }
};

QTEST_GUILESS_MAIN(TestOutageStore)
#include "tst_outagestore.moc"

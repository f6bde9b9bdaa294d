// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OutageStore: what it writes comes back equal, a save leaves exactly one file (no temporary
// beside it) in a private directory, unreadable files are reported with their path instead of
// taking the console down, and the default directory follows $XDG_STATE_HOME. One owner per
// campus run: a held lock refuses a second owner (and its writes) naming the first, a lock left
// by a dead process is taken over with a note, a state file for another campus is refused, and
// a second writer never drops the home nodes the first recorded.
#include <csignal>

#include <sys/resource.h>
#include <sys/stat.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSysInfo>
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
        // Each state file and the (empty, released) lock it was written under.
        QCOMPARE(files,
                 (QStringList{QStringLiteral("outage-myodaiji.json"), QStringLiteral("outage-myodaiji.lock"),
                              QStringLiteral("outage-yamate.json"), QStringLiteral("outage-yamate.lock")}));
        QCOMPARE(QFileInfo(path + QStringLiteral("/outage-myodaiji.lock")).size(), 0);
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
        for (const QByteArray& content :
             {QByteArray("{ torn"), QByteArray("[1, 2]"), QByteArray("{}"), QByteArray()}) {
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

    void newerFormatVersionIsRefused()
    {
        QTemporaryDir dir;
        const OutageStore store(dir.path());
        QVERIFY(store.save(sampleState(QStringLiteral("myodaiji"))).ok());
        const QString path = store.pathFor(QStringLiteral("myodaiji"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        // The file as written names its format version, and with it the file is read...
        QCOMPARE(json.value(QStringLiteral("version")).toInt(-1), OutageState::FormatVersion);
        const auto rewrite = [&] {
            QFile out(path);
            return out.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                   out.write(QJsonDocument(json).toJson()) > 0;
        };
        QVERIFY(rewrite());
        const Result<OutageState> same = store.load(QStringLiteral("myodaiji"));
        QVERIFY2(same.ok(), same.ok() ? "" : qPrintable(same.error().toString()));
        // ...and the same file from a newer Kumo is refused for its version alone.
        const int newer = OutageState::FormatVersion + 1;
        json.insert(QStringLiteral("version"), newer);
        QVERIFY(rewrite());
        const Result<OutageState> loaded = store.load(QStringLiteral("myodaiji"));
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, ErrorCode::InvalidInput);
        QCOMPARE(loaded.error().object, path);
        QVERIFY2(loaded.error().toString().contains(QString::number(newer)),
                 qPrintable(loaded.error().toString()));
    }

    void filesArePrivateAndAGivenDirectoryKeepsItsMode()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto modeOf = [](const QString& path) {
            struct stat info = {};
            return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
        };
        const mode_t oldMask = ::umask(0022);
        const auto restoreMask = qScopeGuard([oldMask] { ::umask(oldMask); });

        // A directory given to the store (as with --state-dir) is used as it is.
        const QString given = dir.filePath(QStringLiteral("given"));
        QVERIFY(QDir().mkdir(given));
        QVERIFY(::chmod(QFile::encodeName(given).constData(), 0755) == 0);
        {
            OutageStore store(given);
            QVERIFY(store.save(sampleState(QStringLiteral("myodaiji"))).ok());
            QVERIFY(store.lock(QStringLiteral("yamate")).ok());
            QVERIFY(store.save(sampleState(QStringLiteral("yamate"))).ok());
            store.unlock(QStringLiteral("yamate"));
            QCOMPARE(modeOf(given), 0755);
            for (const QString& name :
                 {QStringLiteral("outage-myodaiji.json"), QStringLiteral("outage-myodaiji.lock"),
                  QStringLiteral("outage-yamate.json"), QStringLiteral("outage-yamate.lock")})
                QCOMPARE(modeOf(given + u'/' + name), 0600);
            // A state file someone made readable to others is private again after the next save.
            const QString path = store.pathFor(QStringLiteral("myodaiji"));
            QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
            QVERIFY(store.save(sampleState(QStringLiteral("myodaiji"))).ok());
            QCOMPARE(modeOf(path), 0600);
            QCOMPARE(modeOf(given), 0755);
        }

        // Directories the store makes are 0700, parents included; existing parents keep their mode.
        const QString made = given + QStringLiteral("/state/kumo");
        const OutageStore fresh(made);
        QVERIFY(fresh.save(sampleState(QStringLiteral("myodaiji"))).ok());
        QCOMPARE(modeOf(given), 0755);
        QCOMPARE(modeOf(given + QStringLiteral("/state")), 0700);
        QCOMPARE(modeOf(made), 0700);
        QCOMPARE(modeOf(fresh.pathFor(QStringLiteral("myodaiji"))), 0600);
    }

    void aWriteThatFailsKeepsTheOldState()
    {
        QTemporaryDir dir;
        const OutageStore store(dir.path());
        QVERIFY(store.save(sampleState(QStringLiteral("myodaiji"))).ok());
        const QString path = store.pathFor(QStringLiteral("myodaiji"));
        QFile before(path);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray old = before.readAll();
        before.close();

        // A file size limit (or a full disk) stops the write part way: the old state stays whole.
        OutageState next = sampleState(QStringLiteral("myodaiji"));
        next.phase = OutagePhase::InMaintenance;
        rlimit limit = {};
        QVERIFY(::getrlimit(RLIMIT_FSIZE, &limit) == 0);
        const rlimit unlimited = limit;
        limit.rlim_cur = 64;
        struct sigaction ignore = {};
        struct sigaction previous = {};
        ignore.sa_handler = SIG_IGN;
        sigemptyset(&ignore.sa_mask);
        QVERIFY(::sigaction(SIGXFSZ, &ignore, &previous) == 0);
        QVERIFY(::setrlimit(RLIMIT_FSIZE, &limit) == 0);
        const Result<void> saved = store.save(next);
        QVERIFY(::setrlimit(RLIMIT_FSIZE, &unlimited) == 0);
        QVERIFY(::sigaction(SIGXFSZ, &previous, nullptr) == 0);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().code, ErrorCode::Io);
        QCOMPARE(saved.error().object, path);
        QFile after(path);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), old);
        const Result<OutageState> loaded = store.load(QStringLiteral("myodaiji"));
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->phase, sampleState(QStringLiteral("myodaiji")).phase);
        // Nothing but the state and its lock is left in the directory.
        QCOMPARE(
            QDir(dir.path()).entryList(QDir::Files | QDir::Hidden, QDir::Name),
            (QStringList{QStringLiteral("outage-myodaiji.json"), QStringLiteral("outage-myodaiji.lock")}));
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

    void aHeldLockRefusesASecondOwnerAndNamesTheFirst()
    {
        QTemporaryDir dir;
        OutageStore first(dir.path());
        OutageStore second(dir.path()); // another owner: flock(2) locks belong to the open file
        const QString site = QStringLiteral("myodaiji");
        QString note;
        QVERIFY(first.lock(site, &note).ok());
        QVERIFY(note.isEmpty());
        QVERIFY(first.holdsLock(site));
        QVERIFY(first.lock(site).ok()); // again: no change
        QVERIFY(!first.lockOwner(site));

        const Result<void> refused = second.lock(site);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
        const QString pid = QString::number(QCoreApplication::applicationPid());
        QVERIFY2(refused.error().message.contains(pid), qPrintable(refused.error().message));
        QVERIFY2(refused.error().message.contains(QSysInfo::machineHostName()),
                 qPrintable(refused.error().message));
        const std::optional<OutageLockOwner> owner = second.lockOwner(site);
        QVERIFY(owner);
        QCOMPARE(owner->pid, QCoreApplication::applicationPid());
        QCOMPARE(owner->host, QSysInfo::machineHostName());
        QVERIFY(owner->started.isValid());
        QVERIFY(qAbs(owner->started.secsTo(QDateTime::currentDateTimeUtc())) < 3600);
        qInfo("owner: %s", qUtf8Printable(owner->describe()));

        // Its writes are refused too; the owner's go through. Other campuses are not affected.
        const Result<void> write = second.save(sampleState(site));
        QVERIFY(!write.ok());
        QVERIFY(write.error().message.contains(pid));
        QVERIFY(!QFile::exists(first.pathFor(site)));
        QVERIFY(first.save(sampleState(site)).ok());
        QVERIFY(second.save(sampleState(QStringLiteral("yamate"))).ok());

        first.unlock(site);
        QVERIFY(!second.lockOwner(site));
        QVERIFY(second.lock(site, &note).ok());
        QVERIFY2(note.isEmpty(), qPrintable(note)); // released properly: nothing stale
        QVERIFY(first.lockOwner(site));
    }

    void aStaleLockOfADeadProcessIsTakenOverWithANote()
    {
        QTemporaryDir dir;
        const QString site = QStringLiteral("myodaiji");
        OutageStore store(dir.path());
        // A process that ended while it held the lock: its record is left in the file, unlocked.
        QProcess gone;
        gone.start(QStringLiteral("true"), {});
        QVERIFY(gone.waitForStarted(10000));
        const qint64 deadPid = gone.processId();
        QVERIFY(gone.waitForFinished(10000));
        QJsonObject record;
        record.insert(QStringLiteral("pid"), deadPid);
        record.insert(QStringLiteral("host"), QSysInfo::machineHostName());
        record.insert(QStringLiteral("started"), QStringLiteral("2026-03-01T09:05:00.000Z"));
        record.insert(QStringLiteral("program"), QStringLiteral("kumo"));
        QFile lockFile(store.lockPathFor(site));
        QVERIFY(lockFile.open(QIODevice::WriteOnly));
        lockFile.write(QJsonDocument(record).toJson(QJsonDocument::Compact));
        lockFile.close();

        QVERIFY(!store.lockOwner(site)); // nobody holds it
        QString note;
        const Result<void> locked = store.lock(site, &note);
        QVERIFY2(locked.ok(), locked.ok() ? "" : qPrintable(locked.error().toString()));
        QVERIFY2(note.contains(QString::number(deadPid)), qPrintable(note));
        QVERIFY2(note.contains(QStringLiteral("2026-03-01 09:05:00")), qPrintable(note));
        qInfo("note: %s", qUtf8Printable(note));
        // The file now names this process.
        const std::optional<OutageLockOwner> owner = OutageStore(dir.path()).lockOwner(site);
        QVERIFY(owner);
        QCOMPARE(owner->pid, QCoreApplication::applicationPid());
    }

    void aStateFileForAnotherCampusIsRefused()
    {
        QTemporaryDir dir;
        const OutageStore store(dir.path());
        QVERIFY(store.save(sampleState(QStringLiteral("yamate"))).ok());
        QVERIFY(
            QFile::copy(store.pathFor(QStringLiteral("yamate")), store.pathFor(QStringLiteral("myodaiji"))));
        const Result<OutageState> loaded = store.load(QStringLiteral("myodaiji"));
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, ErrorCode::InvalidInput);
        QCOMPARE(loaded.error().object, store.pathFor(QStringLiteral("myodaiji")));
        QVERIFY2(loaded.error().message.contains(QStringLiteral("yamate")),
                 qPrintable(loaded.error().message));
        QList<Error> errors;
        const QList<OutageState> states = store.all(&errors);
        QCOMPARE(states.size(), 1);
        QCOMPARE(states.constFirst().site, QStringLiteral("yamate"));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.constFirst().object, store.pathFor(QStringLiteral("myodaiji")));
    }

    void aSecondWriterKeepsTheHomeNodesOfTheFirst()
    {
        QTemporaryDir dir;
        const QString site = QStringLiteral("myodaiji");
        OutageStore first(dir.path());
        OutageStore second(dir.path());
        const OutageState base = sampleState(site);
        QVERIFY(first.save(base).ok());
        // Both read the same state; the first records one more home, the second (stale) writes next.
        OutageState stale = first.load(site).value();
        OutageState fresh = stale;
        const QString added = QStringLiteral("11111111-2222-4333-8444-888888888888");
        fresh.homes.insert(added, HomeRecord{QStringLiteral("wiki"), QStringLiteral("myodaiji-02"), false});
        QVERIFY(first.save(fresh).ok());
        stale.evacuation.records[1].status = MoveStatus::Done;
        stale.homes[QStringLiteral("11111111-2222-4333-8444-555555555555")].shutDown = true;
        QVERIFY(second.save(stale).ok());
        const Result<OutageState> merged = first.load(site);
        QVERIFY(merged.ok());
        QCOMPARE(merged->homes.size(), base.homes.size() + 1);
        QCOMPARE(merged->homes.value(added).homeNode, QStringLiteral("myodaiji-02"));
        QVERIFY(merged->homes.value(QStringLiteral("11111111-2222-4333-8444-555555555555")).shutDown);
        QCOMPARE(merged->evacuation.records[1].status, MoveStatus::Done);

        // Under a held lock the other writer is refused outright and the file is untouched.
        QVERIFY(first.lock(site).ok());
        OutageState other = base;
        other.homes.clear();
        QVERIFY(!second.save(other).ok());
        QCOMPARE(first.load(site)->homes.size(), base.homes.size() + 1);

        // An outage that ended is history: the next evacuation starts from its own homes.
        OutageState ended = first.load(site).value();
        ended.phase = OutagePhase::Ended;
        QVERIFY(first.save(ended).ok());
        first.unlock(site);
        QVERIFY(second.save(other).ok());
        QVERIFY(first.load(site)->homes.isEmpty());
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

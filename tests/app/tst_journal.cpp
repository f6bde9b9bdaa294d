// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The journal as a file: entries round-trip, earlier lines survive, two writers append to one
// file without truncating each other, and a path that cannot be written is an error value. A
// full disk (a file size limit, /dev/full) fails the append and is counted; a torn line is
// skipped and counted, and never swallows the entry after it.
#include <csignal>

#include <pwd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include "app/access/journal.h"

using namespace kumo;

class TestJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendAndReadBack()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("deep/er/journal.jsonl"));
        Journal journal(path);
        QCOMPARE(journal.path(), path);
        QVERIFY(journal.readAll().isEmpty());

        const Result<void> written = journal.append(
            QJsonObject{{QStringLiteral("action"), QStringLiteral("test")}, {QStringLiteral("count"), 3}});
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
        const QList<QJsonObject> entries = journal.readAll();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries[0].value(QStringLiteral("action")).toString(), QStringLiteral("test"));
        QCOMPARE(entries[0].value(QStringLiteral("count")).toInt(), 3);
        QVERIFY(!entries[0].value(QStringLiteral("user")).toString().isEmpty());
        const QDateTime time =
            QDateTime::fromString(entries[0].value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
        QVERIFY(time.isValid());
        QCOMPARE(time.timeSpec(), Qt::UTC);

        // One object per line, nothing else.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[1].isEmpty());
    }

    void earlierLinesSurvive()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("journal.jsonl"));
        {
            Journal first(path);
            QVERIFY(first.append(QJsonObject{{QStringLiteral("n"), 1}}).ok());
            QVERIFY(first.append(QJsonObject{{QStringLiteral("n"), 2}}).ok());
        }
        Journal second(path);
        QVERIFY(second.append(QJsonObject{{QStringLiteral("n"), 3}}).ok());
        const QList<QJsonObject> entries = second.readAll();
        QCOMPARE(entries.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(entries[i].value(QStringLiteral("n")).toInt(), i + 1);
    }

    void twoJournalsOnOneFileAppend()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("journal.jsonl"));
        Journal a(path);
        Journal b(path);
        for (int i = 0; i < 5; ++i) {
            QVERIFY(a.append(QJsonObject{{QStringLiteral("writer"), QStringLiteral("a")},
                                         {QStringLiteral("i"), i}})
                        .ok());
            QVERIFY(b.append(QJsonObject{{QStringLiteral("writer"), QStringLiteral("b")},
                                         {QStringLiteral("i"), i}})
                        .ok());
        }
        const QList<QJsonObject> entries = a.readAll();
        QCOMPARE(entries.size(), 10);
        QCOMPARE(entries[0].value(QStringLiteral("writer")).toString(), QStringLiteral("a"));
        QCOMPARE(entries[9].value(QStringLiteral("writer")).toString(), QStringLiteral("b"));
        QCOMPARE(entries[9].value(QStringLiteral("i")).toInt(), 4);
    }

    void unreadableLinesAreSkipped()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("journal.jsonl"));
        Journal journal(path);
        QVERIFY(journal.append(QJsonObject{{QStringLiteral("n"), 1}}).ok());
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
            file.write("{\"half\": \n"); // a crash in the middle of a foreign write
        }
        QVERIFY(journal.append(QJsonObject{{QStringLiteral("n"), 2}}).ok());
        const QList<QJsonObject> entries = journal.readAll();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[1].value(QStringLiteral("n")).toInt(), 2);
    }

    void unwritablePathIsAnError()
    {
        QTemporaryDir dir;
        // A regular file where the folder should be: no permission trick, so it fails as root too.
        const QString blocker = dir.filePath(QStringLiteral("blocker"));
        {
            QFile file(blocker);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        Journal journal(blocker + QStringLiteral("/kumo/journal.jsonl"));
        const Result<void> written = journal.append(QJsonObject{{QStringLiteral("n"), 1}});
        QVERIFY(!written.ok());
        QCOMPARE(written.error().code, ErrorCode::Io);
        QVERIFY(!written.error().message.isEmpty());
        QVERIFY(journal.readAll().isEmpty());

        // A folder where the file should be.
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("journal.jsonl")));
        Journal onFolder(dir.filePath(QStringLiteral("journal.jsonl")));
        QVERIFY(!onFolder.append(QJsonObject{{QStringLiteral("n"), 1}}).ok());
    }

    void recordsAMigration()
    {
        QTemporaryDir dir;
        Journal journal(dir.filePath(QStringLiteral("journal.jsonl")));
        MigrationRequest request;
        request.id = 7;
        request.uuid = QStringLiteral("0b6a3c1e-8f55-4a8e-9d3c-2f1d2a7c9e01");
        request.name = QStringLiteral("mail");
        request.sourceNode = QStringLiteral("myodaiji-01");
        request.destinationNode = QStringLiteral("yamate-01");
        request.options.bandwidthMiBs = 10;
        request.options.autoConverge = true;
        request.options.maxDowntimeMs = 300;
        MigrationResult done;
        done.id = 7;
        done.phase = MigrationPhase::Completed;
        done.downtimeMs = 21;
        done.totalTimeMs = 612;
        done.wallTimeMs = 650;
        done.dataTransferred = 61'000'000;
        QVERIFY(journal.recordMigration(request, done).ok());

        MigrationResult failed;
        failed.phase = MigrationPhase::Failed;
        failed.error = Error{ErrorCode::OperationFailed,
                             QStringLiteral("mail"),
                             QStringLiteral("The destination refused."),
                             QStringLiteral("internal error"),
                             0,
                             0};
        QVERIFY(journal.recordMigration(request, failed).ok());
        MigrationResult cancelled;
        cancelled.phase = MigrationPhase::Cancelled;
        QVERIFY(journal.recordMigration(request, cancelled).ok());
        // Given up after an unanswered abort, then its real result after all.
        MigrationResult givenUp = failed;
        givenUp.outcomeKnown = false;
        givenUp.error.code = ErrorCode::Timeout;
        QVERIFY(journal.recordMigration(request, givenUp).ok());
        QVERIFY(journal.recordMigration(request, cancelled, true).ok());

        const QList<QJsonObject> entries = journal.readAll();
        QCOMPARE(entries.size(), 5);
        QCOMPARE(entries[3].value(QStringLiteral("result")).toString(), QStringLiteral("unknown"));
        QVERIFY(!entries[3].contains(QStringLiteral("late")));
        QCOMPARE(entries[3].value(QStringLiteral("cause")).toString(), QStringLiteral("abort-unanswered"));
        QCOMPARE(entries[4].value(QStringLiteral("result")).toString(), QStringLiteral("cancelled"));
        QVERIFY(entries[4].value(QStringLiteral("late")).toBool());
        QVERIFY(!entries[2].contains(QStringLiteral("late")));
        const QJsonObject& e = entries[0];
        QCOMPARE(e.value(QStringLiteral("action")).toString(), QStringLiteral("migrate"));
        QCOMPARE(e.value(QStringLiteral("instance")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("mail"));
        QCOMPARE(e.value(QStringLiteral("instance")).toObject().value(QStringLiteral("uuid")).toString(),
                 request.uuid);
        QCOMPARE(e.value(QStringLiteral("from")).toString(), QStringLiteral("myodaiji-01"));
        QCOMPARE(e.value(QStringLiteral("to")).toString(), QStringLiteral("yamate-01"));
        QCOMPARE(e.value(QStringLiteral("result")).toString(), QStringLiteral("completed"));
        QCOMPARE(e.value(QStringLiteral("downtime_ms")).toInteger(), 21);
        QCOMPARE(e.value(QStringLiteral("total_ms")).toInteger(), 612);
        QCOMPARE(e.value(QStringLiteral("data_bytes")).toInteger(), 61'000'000);
        QVERIFY(!e.contains(QStringLiteral("error")));
        const QJsonObject options = e.value(QStringLiteral("options")).toObject();
        QCOMPARE(options.value(QStringLiteral("bandwidth_mibs")).toInteger(), 10);
        QCOMPARE(options.value(QStringLiteral("auto_converge")).toBool(), true);
        QCOMPARE(options.value(QStringLiteral("live")).toBool(), true);
        QCOMPARE(options.value(QStringLiteral("max_downtime_ms")).toInteger(), 300);
        QCOMPARE(options.size(), 10);

        QCOMPARE(entries[1].value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
        QCOMPARE(entries[1].value(QStringLiteral("error")).toString(),
                 QStringLiteral("The destination refused."));
        QCOMPARE(entries[2].value(QStringLiteral("result")).toString(), QStringLiteral("cancelled"));
    }

    // A job whose source daemon was lost failed, but the move may have happened: not "failed".
    void aLostSourceIsAnUnknownOutcome()
    {
        QTemporaryDir dir;
        Journal journal(dir.filePath(QStringLiteral("journal.jsonl")));
        MigrationRequest request;
        request.id = 9;
        request.name = QStringLiteral("mail");
        request.sourceNode = QStringLiteral("myodaiji-01");
        request.destinationNode = QStringLiteral("yamate-01");
        MigrationResult lost;
        lost.phase = MigrationPhase::Failed;
        lost.sourceLost = true;
        lost.error = Error{ErrorCode::ConnectionFailed,
                           QStringLiteral("mail"),
                           QStringLiteral("The connection to libvirtd on myodaiji-01 was lost."),
                           QStringLiteral("End of file while reading data: Input/output error"),
                           0,
                           0};
        QVERIFY(journal.recordMigration(request, lost).ok());
        MigrationResult failed = lost;
        failed.sourceLost = false;
        QVERIFY(journal.recordMigration(request, failed).ok());

        const QList<QJsonObject> entries = journal.readAll();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[0].value(QStringLiteral("result")).toString(), QStringLiteral("unknown"));
        QCOMPARE(entries[0].value(QStringLiteral("cause")).toString(), QStringLiteral("source-daemon-lost"));
        QCOMPARE(entries[0].value(QStringLiteral("error")).toString(), lost.error.message);
        QCOMPARE(entries[0].value(QStringLiteral("error_detail")).toString(), lost.error.detail);
        QCOMPARE(entries[1].value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
        QVERIFY(!entries[1].contains(QStringLiteral("cause")));
    }

    void whoAndWhereComeFromTheSystem()
    {
        QTemporaryDir dir;
        Journal journal(dir.filePath(QStringLiteral("journal.jsonl")));
        // $USER is whatever the environment says; the journal asks the password database.
        const QByteArray saved = qgetenv("USER");
        qputenv("USER", "somebody-else");
        const bool ok = journal.append(QJsonObject{{QStringLiteral("n"), 1}}).ok();
        if (saved.isNull())
            qunsetenv("USER");
        else
            qputenv("USER", saved);
        QVERIFY(ok);
        const passwd* entry = ::getpwuid(::geteuid());
        QVERIFY(entry);
        const QJsonObject written = journal.readAll().constFirst();
        QCOMPARE(written.value(QStringLiteral("user")).toString(), QString::fromLocal8Bit(entry->pw_name));
        QCOMPARE(written.value(QStringLiteral("host")).toString(), QSysInfo::machineHostName());
        QVERIFY(!written.value(QStringLiteral("host")).toString().isEmpty());
    }

    void migrationCarriesTransportAndReason()
    {
        QTemporaryDir dir;
        Journal journal(dir.filePath(QStringLiteral("journal.jsonl")));
        MigrationRequest request;
        request.id = 1;
        request.name = QStringLiteral("mail");
        request.transport = MigrationTransport::Tls;
        request.reason = QStringLiteral("INC-4711 annual electrical inspection");
        request.migrationUri = QStringLiteral("tcp://10.0.0.2");
        QVERIFY(journal.recordMigration(request, MigrationResult{}).ok());
        request.transport = MigrationTransport::Plain;
        request.reason.clear();
        QVERIFY(journal.recordMigration(request, MigrationResult{}).ok());
        request.transport = MigrationTransport::Tunnelled;
        QVERIFY(journal.recordMigration(request, MigrationResult{}).ok());

        const QList<QJsonObject> entries = journal.readAll();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries[0].value(QStringLiteral("transport")).toString(), QStringLiteral("tls"));
        QCOMPARE(entries[0].value(QStringLiteral("reason")).toString(),
                 QStringLiteral("INC-4711 annual electrical inspection"));
        QCOMPARE(entries[0].value(QStringLiteral("result")).toString(), QStringLiteral("completed"));
        QCOMPARE(entries[1].value(QStringLiteral("transport")).toString(), QStringLiteral("plain"));
        QVERIFY(!entries[1].contains(QStringLiteral("reason")));
        QCOMPARE(entries[2].value(QStringLiteral("transport")).toString(), QStringLiteral("tunnelled"));
    }

    void privateModes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // A directory that exists keeps its mode; the ones the journal creates are 0700.
        const QString existing = dir.filePath(QStringLiteral("shared"));
        QVERIFY(QDir().mkdir(existing));
        QVERIFY(::chmod(QFile::encodeName(existing).constData(), 0755) == 0);
        const QString path = existing + QStringLiteral("/state/kumo/journal.jsonl");
        const mode_t oldMask = ::umask(0022);
        Journal journal(path);
        const bool ok = journal.append(QJsonObject{{QStringLiteral("n"), 1}}).ok();
        ::umask(oldMask);
        QVERIFY(ok);
        auto modeOf = [](const QString& file) {
            struct stat info = {};
            return ::stat(QFile::encodeName(file).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
        };
        QCOMPARE(modeOf(existing), 0755);
        QCOMPARE(modeOf(existing + QStringLiteral("/state")), 0700);
        QCOMPARE(modeOf(existing + QStringLiteral("/state/kumo")), 0700);
        QCOMPARE(modeOf(path), 0600);
        // Appending again changes nothing.
        QVERIFY(journal.append(QJsonObject{{QStringLiteral("n"), 2}}).ok());
        QCOMPARE(modeOf(path), 0600);
    }

    void defaultPathFollowsXdgStateHome()
    {
        const QByteArray saved = qgetenv("XDG_STATE_HOME");
        qputenv("XDG_STATE_HOME", "/srv/state");
        QCOMPARE(Journal::defaultPath(), QStringLiteral("/srv/state/kumo/journal.jsonl"));
        qunsetenv("XDG_STATE_HOME");
        QCOMPARE(Journal::defaultPath(),
                 QDir::homePath() + QStringLiteral("/.local/state/kumo/journal.jsonl"));
        if (!saved.isNull())
            qputenv("XDG_STATE_HOME", saved);
    }

    void aTornLineNeverSwallowsTheNext()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("journal.jsonl"));
        Journal journal(path);
        QVERIFY(journal.append(QJsonObject{{QStringLiteral("n"), 1}}).ok());
        {
            // A write cut short: no newline at the end.
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
            file.write("{\"n\":2,\"reason\":\"cut sh");
        }
        QVERIFY(journal.append(QJsonObject{{QStringLiteral("n"), 3}}).ok());
        QVERIFY(journal.append(QJsonObject{{QStringLiteral("n"), 4}}).ok());
        const Journal::Contents contents = journal.read();
        QCOMPARE(contents.tornLines, 1);
        QCOMPARE(contents.entries.size(), 3);
        QCOMPARE(contents.entries[0].value(QStringLiteral("n")).toInt(), 1);
        QCOMPARE(contents.entries[1].value(QStringLiteral("n")).toInt(), 3);
        QCOMPARE(contents.entries[2].value(QStringLiteral("n")).toInt(), 4);
        QCOMPARE(journal.failedWrites(), 0);
    }

    void aWholeEntryGluedToATornOneIsKept()
    {
        // As journals written before entries began on their own lines may hold.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("journal.jsonl"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("{\"n\":1}\n{\"n\":2,\"instance\":{\"na{\"n\":3,\"instance\":{\"name\":\"mail\"}}\n");
        }
        const Journal::Contents contents = Journal(path).read();
        QCOMPARE(contents.tornLines, 1);
        QCOMPARE(contents.entries.size(), 2);
        QCOMPARE(contents.entries[1].value(QStringLiteral("n")).toInt(), 3);
        QCOMPARE(
            contents.entries[1].value(QStringLiteral("instance")).toObject().value(QStringLiteral("name")),
            QJsonValue(QStringLiteral("mail")));
    }

    void aFullDiskForReal()
    {
        // A file size limit makes the disk "full" a few bytes into the next entry, in a child
        // process so that the limit stays there: the entry is torn, the append fails and is
        // counted; after the space comes back, the next entry starts a line of its own.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("journal.jsonl"));
        Journal journal(path);
        QVERIFY(journal.append(QJsonObject{{QStringLiteral("n"), 1}}).ok());
        const qint64 sizeBefore = QFileInfo(path).size();

        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            ::signal(SIGXFSZ, SIG_IGN); // a write past the limit then fails with EFBIG
            const rlimit limit{rlim_t(sizeBefore + 20), rlim_t(sizeBefore + 20)};
            if (::setrlimit(RLIMIT_FSIZE, &limit) != 0)
                ::_exit(10);
            Journal full(path);
            const Result<void> written = full.append(
                QJsonObject{{QStringLiteral("n"), 2}, {QStringLiteral("reason"), QString(200, u'x')}});
            if (written.ok())
                ::_exit(11);
            if (written.error().code != ErrorCode::Io || full.failedWrites() != 1)
                ::_exit(12);
            // Still full: the next one fails too, and is counted.
            if (full.append(QJsonObject{{QStringLiteral("n"), 3}}).ok() || full.failedWrites() != 2)
                ::_exit(13);
            ::_exit(0);
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
        // The child wrote what fitted: a torn line.
        QCOMPARE(QFileInfo(path).size(), sizeBefore + 20);

        QVERIFY(journal.append(QJsonObject{{QStringLiteral("n"), 4}}).ok());
        const Journal::Contents contents = journal.read();
        QCOMPARE(contents.tornLines, 1);
        QCOMPARE(contents.entries.size(), 2);
        QCOMPARE(contents.entries[0].value(QStringLiteral("n")).toInt(), 1);
        QCOMPARE(contents.entries[1].value(QStringLiteral("n")).toInt(), 4);
    }

    void aDeviceWithNoSpaceIsAFailure()
    {
        if (!QFileInfo::exists(QStringLiteral("/dev/full")))
            QSKIP("no /dev/full here");
        Journal journal(QStringLiteral("/dev/full"));
        const Result<void> written = journal.append(QJsonObject{{QStringLiteral("n"), 1}});
        QVERIFY(!written.ok());
        QCOMPARE(written.error().code, ErrorCode::Io);
        QVERIFY(!written.error().detail.isEmpty());
        QCOMPARE(journal.failedWrites(), 1);
    }
};

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"

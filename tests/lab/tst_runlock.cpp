// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// One owner per campus run, headless, on the demo lab: while `kumo evacuate` runs Myodaiji, a
// second `kumo evacuate` (or `kumo return`) of the same campus is refused at once and names the
// first process; SIGHUP (the terminal going away) does not stop the first, Ctrl+C does (resumable);
// the next run takes the run over and completes it, and `kumo return` brings every guest home.
// A second Ctrl+C leaves at once: with the moving guest's source daemon frozen the first one's
// cancel cannot end, the second one exits (130) within seconds, leaving the state resumable, the
// campus free and the interrupted move in the journal.
#include <csignal>
#include <optional>

#include <sys/types.h>

#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include "app/access/journal.h"
#include "app/outage/outagestore.h"
#include "lab/labplan.h"
#include "support/kumoprocess.h"
#include "support/labfixture.h"

using namespace kumo;

namespace {

constexpr int RunTimeoutMs = 180000;
constexpr int ExitBusy = 5;
constexpr int ExitInterrupted = 130;
const QString Myodaiji = QStringLiteral("myodaiji");

} // namespace

class TestRunLock : public QObject
{
    Q_OBJECT

private:
    LabFixture m_lab{QStringLiteral("tst_runlock")};

    bool allHome() const
    {
        for (const LabPlan::Guest& guest : LabPlan::guests()) {
            QStringList running;
            const QStringList known = m_lab.nodesKnowing(guest.name, &running);
            if (known != QStringList{guest.homeNode} || running != known)
                return false;
        }
        return true;
    }

    // The arguments every run of this test gives: the campus, the lab's inventory, `stateDir`.
    [[nodiscard]] QStringList commonArguments(const QString& stateDir) const
    {
        return {QStringLiteral("--site"),      Myodaiji,
                QStringLiteral("--inventory"), m_lab.info().inventoryPath,
                QStringLiteral("--state-dir"), stateDir};
    }

    // A slow evacuation in `process`: one move at a time at 1 MiB/s (a guest takes about a minute),
    // with its own settings and paths under `home`.
    void startSlowEvacuation(QProcess& process, const QString& home, const QString& stateDir) const
    {
        process.setProcessEnvironment(isolatedKumoEnvironment(home));
        process.start(QStringLiteral(KUMO_BINARY),
                      QStringList{QStringLiteral("evacuate")} + commonArguments(stateDir) +
                          QStringList{QStringLiteral("--bandwidth"), QStringLiteral("1"),
                                      QStringLiteral("--parallel"), QStringLiteral("1")});
    }

private Q_SLOTS:
    void initTestCase()
    {
        const Result<void> up = m_lab.setUp(LabFixture::Console::None);
        QVERIFY2(up.ok(), up.ok() ? "" : qPrintable(up.error().toString()));
        QTRY_VERIFY_WITH_TIMEOUT(allHome(), 60000);
    }

    void cleanupTestCase() { (void)m_lab.tearDown(); }

    void helpSaysARunOutlivesItsTerminal()
    {
        QTemporaryDir dir;
        const KumoRun help =
            runKumo({QStringLiteral("evacuate"), QStringLiteral("--help")}, dir.path(), 30000);
        QVERIFY2(help.exitCode == 0, help.describe());
        QVERIFY2(help.out.contains(QStringLiteral("SIGHUP")), help.describe());
    }

    void oneOwnerPerCampusRunAndHangupStopsNothing()
    {
        QTemporaryDir dir;
        const QString stateDir = dir.filePath(QStringLiteral("state"));
        const QStringList common = commonArguments(stateDir);

        // A slow first run.
        QProcess first;
        startSlowEvacuation(first, dir.path(), stateDir);
        QVERIFY(first.waitForStarted());
        const auto stopFirst = qScopeGuard([&first] {
            if (first.state() != QProcess::NotRunning) {
                first.kill();
                first.waitForFinished(10000);
            }
        });
        QString output;
        QElapsedTimer timer;
        timer.start();
        while (!output.contains(QStringLiteral(" started\n")) && timer.elapsed() < 90000 &&
               first.state() == QProcess::Running) {
            first.waitForReadyRead(500);
            output += QString::fromUtf8(first.readAllStandardOutput());
        }
        QVERIFY2(output.contains(QStringLiteral(" started\n")),
                 qPrintable(output + QString::fromUtf8(first.readAllStandardError())));
        const QString firstPid = QString::number(first.processId());

        // A second run of the same campus is refused before it contacts a node, naming the first.
        QElapsedTimer refusal;
        refusal.start();
        const KumoRun second = runKumo(QStringList{QStringLiteral("evacuate")} + common, dir.path(), 60000);
        qInfo("FIGURE second-run-refused-ms=%lld", refusal.elapsed());
        QVERIFY2(second.exitCode == ExitBusy, second.describe());
        QVERIFY2(second.err.contains(firstPid), second.describe());
        const KumoRun returning = runKumo(QStringList{QStringLiteral("return")} + common, dir.path(), 60000);
        QVERIFY2(returning.exitCode == ExitBusy, returning.describe());
        QVERIFY2(returning.err.contains(firstPid), returning.describe());
        // Its state file was not touched by them.
        const Result<OutageState> during = OutageStore(stateDir).load(Myodaiji);
        QVERIFY(during.ok());
        QCOMPARE(during->phase, OutagePhase::Evacuating);
        QCOMPARE(during->evacuation.count(MoveStatus::Cancelled), 0);

        // The terminal goes away: the run goes on.
        QVERIFY(::kill(pid_t(first.processId()), SIGHUP) == 0);
        QVERIFY(!first.waitForFinished(5000));
        QCOMPARE(first.state(), QProcess::Running);
        const Result<OutageState> after = OutageStore(stateDir).load(Myodaiji);
        QVERIFY(after.ok());
        QCOMPARE(after->evacuation.state, RunState::Running);
        QCOMPARE(after->evacuation.count(MoveStatus::Cancelled), 0);
        QVERIFY(OutageStore(stateDir).lockOwner(Myodaiji).has_value());

        // Ctrl+C stops it, resumable; the lock goes with the process.
        QVERIFY(::kill(pid_t(first.processId()), SIGINT) == 0);
        QVERIFY(first.waitForFinished(RunTimeoutMs));
        QCOMPARE(first.exitCode(), ExitInterrupted);
        QVERIFY(!OutageStore(stateDir).lockOwner(Myodaiji).has_value());

        // The next run takes it over and completes it; then everything goes home.
        const KumoRun resumed = runKumo(QStringList{QStringLiteral("evacuate")} + common +
                                            QStringList{QStringLiteral("--bandwidth"), QStringLiteral("0")},
                                        dir.path());
        QVERIFY2(resumed.exitCode == 0, resumed.describe());
        QVERIFY2(resumed.out.contains(QStringLiteral("Resuming the unfinished evacuation")),
                 resumed.describe());
        const KumoRun back = runKumo(QStringList{QStringLiteral("return")} + common, dir.path());
        QVERIFY2(back.exitCode == 0, back.describe());
        QTRY_VERIFY_WITH_TIMEOUT(allHome(), 60000);
        const Result<OutageState> ended = OutageStore(stateDir).load(Myodaiji);
        QVERIFY(ended.ok());
        QCOMPARE(ended->phase, OutagePhase::Ended);
    }

    void secondCtrlCLeavesAtOnceResumable()
    {
        QTemporaryDir dir;
        const QString stateDir = dir.filePath(QStringLiteral("state"));
        const QString journalPath = QDir(stateDir).filePath(QStringLiteral("journal.jsonl"));
        const QStringList common = commonArguments(stateDir);
        QProcess run;
        startSlowEvacuation(run, dir.path(), stateDir);
        QVERIFY(run.waitForStarted());
        const auto stopRun = qScopeGuard([&run] {
            if (run.state() != QProcess::NotRunning) {
                run.kill();
                run.waitForFinished(10000);
            }
        });
        const auto said = [&run] {
            return QString::fromUtf8(run.readAllStandardOutput() + run.readAllStandardError());
        };

        // The first move is on record as started before its migrate call: then it is under way.
        const auto startedMove = [&]() -> std::optional<QJsonObject> {
            for (const QJsonObject& entry : Journal(journalPath).readAll()) {
                if (entry.value(QStringLiteral("action")).toString() == QLatin1String("migrate-start"))
                    return entry;
            }
            return std::nullopt;
        };
        QElapsedTimer timer;
        timer.start();
        while (!startedMove() && timer.elapsed() < 90000 && run.state() == QProcess::Running)
            run.waitForFinished(250);
        const std::optional<QJsonObject> move = startedMove();
        QVERIFY2(move.has_value(), qPrintable(said()));
        const QString name =
            move->value(QStringLiteral("instance")).toObject().value(QStringLiteral("name")).toString();
        const QString source = move->value(QStringLiteral("from")).toString();
        qint64 sourceDaemon = 0;
        for (const LabNode& node : m_lab.info().nodes) {
            if (node.name == source)
                sourceDaemon = node.daemonPid;
        }
        QVERIFY2(sourceDaemon > 0, qPrintable(source));

        // The source's libvirtd stops answering: cancelling the move cannot end.
        const auto thaw = qScopeGuard([sourceDaemon] { ::kill(pid_t(sourceDaemon), SIGCONT); });
        QCOMPARE(::kill(pid_t(sourceDaemon), SIGSTOP), 0);
        QTest::qWait(500);
        QCOMPARE(::kill(pid_t(run.processId()), SIGINT), 0);
        QVERIFY2(!run.waitForFinished(1500), qPrintable(said())); // still winding down
        QElapsedTimer leaving;
        leaving.start();
        QCOMPARE(::kill(pid_t(run.processId()), SIGINT), 0);
        QVERIFY2(run.waitForFinished(30000), "a second Ctrl+C did not end the command");
        const qint64 leftMs = leaving.elapsed();
        qInfo("FIGURE second-ctrl-c-exit-ms=%lld", leftMs);
        const QString output = said();
        QCOMPARE(run.exitStatus(), QProcess::NormalExit);
        QVERIFY2(run.exitCode() == ExitInterrupted, qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("Run the same command again to resume")), qPrintable(output));

        // Resumable: the state says the evacuation stopped, unfinished; nobody holds the campus.
        const Result<OutageState> left = OutageStore(stateDir).load(Myodaiji);
        QVERIFY2(left.ok(), left.ok() ? "" : qPrintable(left.error().toString()));
        QCOMPARE(left->phase, OutagePhase::Evacuating);
        QVERIFY(left->isUnfinished());
        QCOMPARE(left->evacuation.state, RunState::Stopped);
        QVERIFY(!OutageStore(stateDir).lockOwner(Myodaiji).has_value());
        // The interrupted move is on record: started, then what was known when the command left.
        QStringList results;
        for (const QJsonObject& entry : Journal(journalPath).readAll()) {
            if (entry.value(QStringLiteral("action")).toString() == QLatin1String("migrate") &&
                entry.value(QStringLiteral("instance")).toObject().value(QStringLiteral("name")).toString() ==
                    name)
                results.append(entry.value(QStringLiteral("result")).toString());
        }
        QVERIFY2(!results.isEmpty() && !results.contains(QStringLiteral("completed")),
                 qPrintable(results.join(u',')));

        // Thawed, the next run takes the campus, looks where every guest is and completes; then
        // everything goes home.
        QCOMPARE(::kill(pid_t(sourceDaemon), SIGCONT), 0);
        const KumoRun resumed = runKumo(QStringList{QStringLiteral("evacuate")} + common +
                                            QStringList{QStringLiteral("--bandwidth"), QStringLiteral("0")},
                                        dir.path());
        QVERIFY2(resumed.exitCode == 0, resumed.describe());
        QVERIFY2(resumed.out.contains(QStringLiteral("Resuming the unfinished evacuation")),
                 resumed.describe());
        const KumoRun back = runKumo(QStringList{QStringLiteral("return")} + common, dir.path());
        QVERIFY2(back.exitCode == 0, back.describe());
        QTRY_VERIFY_WITH_TIMEOUT(allHome(), 60000);
    }
};

QTEST_GUILESS_MAIN(TestRunLock)
#include "tst_runlock.moc"

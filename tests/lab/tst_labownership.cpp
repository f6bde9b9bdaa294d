// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The lab kills only its own, without daemons: lab directories made by hand in the lab root, an
// unrelated process whose command line and environment name the lab directory, a pid file whose
// pid now belongs to another process, and `kumo lab supervise` given directories that are not a
// lab's. A process recorded with its true start time is killed, which shows that the clean-up
// still works where it should.

#include <csignal>

#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include "lab/lab.h"
#include "lab/labplan.h"
#include "lab/labprocesses.h"
#include "support/kumoprocess.h"

using namespace kumo;

namespace {

constexpr int CommandTimeoutMs = 60000;

QByteArray readProc(qint64 pid, const char* name)
{
    QFile file(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(name)));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

} // namespace

class TestLabOwnership : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home; // the kumo commands' configuration and state
    QStringList m_labDirs;
    QList<QProcess*> m_processes;

    // A new lab directory in the lab root, as `lab up` makes it, with no supervisor running.
    QString makeLabDir()
    {
        const QString base = LabPlan::baseDir();
        if (!QFileInfo::exists(base))
            ::mkdir(QFile::encodeName(base).constData(), 0700);
        const QString dir =
            LabPlan::labDir(QStringLiteral("t%1").arg(QRandomGenerator::global()->generate() % 1000000));
        if (::mkdir(QFile::encodeName(dir).constData(), 0700) != 0)
            return {};
        m_labDirs.append(dir);
        return dir;
    }

    // `sleep 300` whose argv[0] is a path in labDir and whose environment names labDir, as a
    // lab's own process's would.
    QProcess* startMentioning(const QString& labDir)
    {
        auto* process = new QProcess(this);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("KUMO_LAB_DIR"), labDir);
        process->setProcessEnvironment(environment);
        process->start(QStringLiteral("/bin/bash"),
                       {QStringLiteral("-c"), QStringLiteral("exec -a \"$0\" sleep 300"),
                        labDir + QStringLiteral("/node/unrelated")});
        m_processes.append(process);
        if (!process->waitForStarted(10000))
            return nullptr;
        // Until exec has replaced bash, the command line is bash's.
        QDeadlineTimer deadline(10000);
        while (!readProc(process->processId(), "cmdline").startsWith(QFile::encodeName(labDir)) &&
               !deadline.hasExpired())
            QThread::msleep(10);
        return process;
    }

    static bool running(QProcess* process)
    {
        return process && process->state() == QProcess::Running &&
               LabProcesses::current(process->processId()).has_value();
    }

    static ProcessRecord recordOf(QProcess* process)
    {
        return LabProcesses::current(process->processId()).value_or(ProcessRecord{});
    }

    KumoRun kumo(const QStringList& args) { return runKumo(args, m_home.path(), CommandTimeoutMs); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_home.isValid()); }

    void cleanup()
    {
        for (QProcess* process : std::as_const(m_processes)) {
            process->kill();
            process->waitForFinished(5000);
            delete process;
        }
        m_processes.clear();
        for (const QString& dir : std::as_const(m_labDirs)) {
            if (QFileInfo(dir).isSymLink())
                QFile::remove(dir);
            else
                QDir(dir).removeRecursively();
        }
        m_labDirs.clear();
    }

    void processesAreNamedByPidAndStartTime()
    {
        QProcess* child = startMentioning(m_home.path());
        QVERIFY(running(child));
        const ProcessRecord record = recordOf(child);
        QCOMPARE(record.pid, child->processId());
        QVERIFY(record.startTime >= 0);
        QVERIFY(LabProcesses::isAlive(record));
        QVERIFY(LabProcesses::descendantsOf(::getpid()).contains(record));
        QVERIFY(!LabProcesses::descendantsOf(child->processId()).contains(record));

        // Another start time is another process: not alive, not signalled.
        const ProcessRecord other{record.pid, record.startTime + 1};
        QVERIFY(!LabProcesses::isAlive(other));
        QVERIFY(!LabProcesses::signal(other, SIGKILL));
        QVERIFY(!LabProcesses::signal(ProcessRecord{record.pid, -1}, SIGKILL));
        QVERIFY(!child->waitForFinished(300));
        QVERIFY(running(child));

        const QList<ProcessRecord> parsed =
            LabProcesses::parse(LabProcesses::format({record, other}) + "123\nnot a line\n");
        QCOMPARE(parsed, (QList<ProcessRecord>{record, other}));

        QVERIFY(LabProcesses::signal(record, SIGKILL));
        QVERIFY(child->waitForFinished(10000));
        QVERIFY(!LabProcesses::isAlive(record));
        QVERIFY(!LabProcesses::signal(record, SIGKILL));
    }

    void downLeavesAnUnrelatedProcessAlone()
    {
        const QString dir = makeLabDir();
        QVERIFY(!dir.isEmpty());
        QProcess* unrelated = startMentioning(dir);
        QVERIFY(running(unrelated));
        // It names the lab directory in its command line and its environment.
        QVERIFY(readProc(unrelated->processId(), "cmdline").contains(QFile::encodeName(dir) + '/'));
        QVERIFY(
            readProc(unrelated->processId(), "environ").contains("KUMO_LAB_DIR=" + QFile::encodeName(dir)));
        // The lab's own process, as its supervisor recorded it, goes.
        QProcess* own = startMentioning(dir);
        QVERIFY(running(own));
        QVERIFY(writeFile(LabPlan::processesFile(dir), LabProcesses::format({recordOf(own)})));

        const KumoRun down = kumo({QStringLiteral("lab"), QStringLiteral("down"), QFileInfo(dir).fileName()});
        QVERIFY2(down.exitCode == 0, down.describe().constData());
        QVERIFY(!QFileInfo::exists(dir));
        QVERIFY(own->waitForFinished(10000));
        QCOMPARE(own->exitStatus(), QProcess::CrashExit);
        QVERIFY(!unrelated->waitForFinished(300));
        QVERIFY(running(unrelated));
    }

    void stalePidFileKillsNobody_data()
    {
        QTest::addColumn<bool>("withStartTime");
        QTest::newRow("another start time") << true;
        QTest::newRow("pid only") << false;
    }

    void stalePidFileKillsNobody()
    {
        QFETCH(bool, withStartTime);
        const QString dir = makeLabDir();
        QVERIFY(!dir.isEmpty());
        // The supervisor is long gone and its pid is now this unrelated process's.
        QProcess* reused = startMentioning(m_home.path());
        QVERIFY(running(reused));
        const ProcessRecord record = recordOf(reused);
        QVERIFY(writeFile(LabPlan::supervisorPidFile(dir),
                          withStartTime
                              ? LabProcesses::format({ProcessRecord{record.pid, record.startTime - 1}})
                              : QByteArray::number(record.pid) + '\n'));
        // And the lab's processes file names it too, with a start time that is not its own.
        QVERIFY(writeFile(LabPlan::processesFile(dir),
                          LabProcesses::format({ProcessRecord{record.pid, record.startTime + 7}})));
        // A lab whose supervisor is gone is not listed.
        QVERIFY(writeFile(LabPlan::readyFile(dir), "ready\n"));
        for (const LabInfo& lab : Lab::list())
            QVERIFY(lab.dir != dir);

        const KumoRun down = kumo({QStringLiteral("lab"), QStringLiteral("down"), QFileInfo(dir).fileName()});
        QVERIFY2(down.exitCode == 0, down.describe().constData());
        QVERIFY(!QFileInfo::exists(dir));
        QVERIFY(!reused->waitForFinished(300));
        QVERIFY(running(reused));
        QCOMPARE(recordOf(reused), record);
    }

    void superviseRefusesWhatIsNotALabDirectory()
    {
        QTemporaryDir outside;
        QVERIFY(outside.isValid());
        QVERIFY(writeFile(outside.filePath(QStringLiteral("keep")), "keep\n"));
        const QStringList before = QDir(outside.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);

        // A symbolic link in the lab root to the outside directory.
        const QString dir = makeLabDir();
        QVERIFY(!dir.isEmpty());
        QVERIFY(QDir(dir).removeRecursively());
        QVERIFY(QFile::link(outside.path(), dir));

        const QString base = LabPlan::baseDir();
        const QStringList refused{outside.path(),
                                  dir,
                                  base,
                                  base + QStringLiteral("/../") + QFileInfo(dir).fileName(),
                                  base + QStringLiteral("/.hidden"),
                                  QStringLiteral("/"),
                                  QStringLiteral("/tmp")};
        for (const QString& path : refused) {
            QVERIFY2(!Lab::checkLabDir(path), qPrintable(path));
            const KumoRun run = kumo({QStringLiteral("lab"), QStringLiteral("supervise"), path});
            QVERIFY2(run.exitCode == 1, run.describe().constData());
            QVERIFY2(!run.err.isEmpty(), run.describe().constData());
        }
        // Nothing was written into, or removed from, the outside directory or through the link.
        QCOMPARE(QDir(outside.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before);
        QVERIFY(QFileInfo(dir).isSymLink());
        // `lab down` of the link's id touches neither the link's target nor the link.
        const KumoRun down = kumo({QStringLiteral("lab"), QStringLiteral("down"), QFileInfo(dir).fileName()});
        QVERIFY2(down.exitCode != 0, down.describe().constData());
        QCOMPARE(QDir(outside.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before);

        // A real lab directory of this user in the lab root is accepted.
        const QString real = makeLabDir();
        QVERIFY(!real.isEmpty());
        const Result<void> accepted = Lab::checkLabDir(real);
        QVERIFY2(accepted.ok(), accepted.ok() ? "" : qPrintable(accepted.error().toString()));
    }
};

QTEST_GUILESS_MAIN(TestLabOwnership)
#include "tst_labownership.moc"

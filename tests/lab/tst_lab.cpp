// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The demo lab end to end: real libvirtd daemons and QEMU guests started by `kumo lab up`,
// inspected through libvirt (DirectConnection and virsh), and stopped without leftovers.
#include <csignal>

#include <sys/types.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include "core/inventory.h"
#include "lab/lab.h"
#include "lab/labplan.h"
#include "support/labfixture.h"
#include "virt/directconnection.h"

using namespace kumo;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runKumo(const QStringList& args, int timeoutMs = 120000)
{
    QProcess process;
    process.start(QStringLiteral(KUMO_BINARY), QStringList{QStringLiteral("lab")} + args);
    Run run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("timed out");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString inventoryPathIn(const QString& output)
{
    static const QRegularExpression path(QStringLiteral("(/\\S+/inventory\\.toml)"));
    return path.match(output).captured(1);
}

// Gone means: no such process, or a zombie that nobody needs any more.
bool isGone(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray data = stat.readAll();
    const qsizetype close = data.lastIndexOf(')');
    return close < 0 || close + 2 >= data.size() || data.at(close + 2) == 'Z' || data.at(close + 2) == 'X';
}

QByteArray procFile(const QString& pid, const char* name)
{
    QFile file(QStringLiteral("/proc/%1/%2").arg(pid, QString::fromLatin1(name)));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Live processes whose command line (and, if environment is true, environment) names dir.
QList<qint64> processesMentioning(const QString& dir, const QByteArray& commandPart, bool environment)
{
    QList<qint64> pids;
    const QByteArray path = QFile::encodeName(dir);
    // The directory itself (an argument or a variable's whole value) or a path inside it.
    const auto names = [&path](const QByteArray& data) {
        return data.contains(path + '/') || data.contains(path + '\0') || data.endsWith(path);
    };
    for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok || pid == getpid() || isGone(pid))
            continue;
        const QByteArray cmdline = procFile(entry, "cmdline");
        if (!cmdline.contains(commandPart))
            continue;
        if (names(cmdline) || (environment && names(procFile(entry, "environ"))))
            pids.append(pid);
    }
    return pids;
}

QJsonObject labState(const QString& dir)
{
    QFile file(dir + QStringLiteral("/lab.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QStringList expectedGuests(const Inventory& inventory, const QString& node)
{
    QStringList names;
    for (const InstanceConfig& instance : inventory.instances) {
        if (instance.homeNode == node)
            names.append(instance.name);
    }
    names.sort();
    return names;
}

QStringList virshRunning(const QString& uri)
{
    QProcess virsh;
    virsh.start(QStringLiteral("virsh"),
                {QStringLiteral("-c"), uri, QStringLiteral("list"), QStringLiteral("--name")});
    if (!virsh.waitForFinished(30000) || virsh.exitCode() != 0)
        return {QStringLiteral("virsh failed: ") + QString::fromUtf8(virsh.readAllStandardError())};
    QStringList names = QString::fromUtf8(virsh.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    for (QString& name : names)
        name = name.trimmed();
    names.removeAll(QString());
    names.sort();
    return names;
}

} // namespace

class TestLab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void upRunsGuestsAndDownRemovesEverything();
    void twoLabsDoNotCollide();
    void labStopsWhenItsOwnerDies();
    void labWithKilledSupervisorIsCleaned();
    void cleanup();

private:
    QStringList m_startedDirs;
};

void TestLab::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(KUMO_BINARY)).isExecutable(), KUMO_BINARY);
    QVERIFY(QFileInfo(QStringLiteral("/usr/sbin/libvirtd")).isExecutable());
    // Like every libvirt client: a connection to a daemon that went away must not kill us
    // (Qt Test installs a crash handler for SIGPIPE).
    std::signal(SIGPIPE, SIG_IGN);
}

void TestLab::cleanup()
{
    // A failed test must not leave a lab behind for the next one.
    for (const QString& dir : std::as_const(m_startedDirs)) {
        if (QFileInfo::exists(dir))
            (void)Lab::down(QFileInfo(dir).fileName());
    }
    m_startedDirs.clear();
}

void TestLab::upRunsGuestsAndDownRemovesEverything()
{
    const Run up = runKumo({QStringLiteral("up")});
    QVERIFY2(up.exitCode == 0, qPrintable(up.err));
    const QString inventoryPath = inventoryPathIn(up.out);
    QVERIFY2(!inventoryPath.isEmpty(), qPrintable(up.out));
    const QString dir = QFileInfo(inventoryPath).absolutePath();
    const QString id = QFileInfo(dir).fileName();
    m_startedDirs.append(dir);
    QVERIFY(up.out.contains(id));

    const auto loaded = Inventory::load(inventoryPath);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().toString()));
    const Inventory& inventory = loaded.value();
    QCOMPARE(inventory.sites.size(), 2);
    QVERIFY(inventory.site(QStringLiteral("myodaiji")));
    QCOMPARE(inventory.site(QStringLiteral("myodaiji"))->nameJa, QStringLiteral("明大寺地区"));
    QCOMPARE(inventory.site(QStringLiteral("yamate"))->nameJa, QStringLiteral("山手地区"));
    QCOMPARE(inventory.nodes.size(), 4);
    QCOMPARE(inventory.nodesOfSite(QStringLiteral("myodaiji")).size(), 2);
    QCOMPARE(inventory.nodesOfSite(QStringLiteral("yamate")).size(), 2);
    QCOMPARE(inventory.instances.size(), 8);
    QCOMPARE(inventory.instance(QStringLiteral("dns1"))->antiAffinityGroup, QStringLiteral("dns"));
    QCOMPARE(inventory.instance(QStringLiteral("dns2"))->antiAffinityGroup, QStringLiteral("dns"));
    for (const InstanceConfig& instance : inventory.instances) {
        QVERIFY(inventory.node(instance.homeNode));
        if (instance.name != u"mail")
            QVERIFY(instance.evacuationPriority <
                    inventory.instance(QStringLiteral("mail"))->evacuationPriority);
    }
    int onMyodaiji = 0;
    for (const NodeConfig& node : inventory.nodes) {
        QVERIFY2(node.uri.startsWith(QStringLiteral("qemu+unix:///session?socket=") + dir + u'/'),
                 qPrintable(node.uri));
        QCOMPARE(node.migrationUri, QStringLiteral("tcp://127.0.0.1"));
        QCOMPARE(node.migrationAddress, QStringLiteral("127.0.0.1"));
        QVERIFY(up.out.contains(node.name) && up.out.contains(node.uri));
        if (node.site == u"myodaiji")
            onMyodaiji += int(expectedGuests(inventory, node.name).size());
    }
    QVERIFY(onMyodaiji >= 5);

    // Every guest runs on its home node, seen through libvirt and through virsh.
    for (const NodeConfig& node : inventory.nodes) {
        auto connection = DirectConnection::open(node.uri);
        QVERIFY2(connection.ok(), connection.ok() ? "" : qPrintable(connection.error().toString()));
        const auto running = connection.value().runningDomainNames();
        QVERIFY(running.ok());
        QCOMPARE(running.value(), expectedGuests(inventory, node.name));
        QCOMPARE(virshRunning(node.uri), expectedGuests(inventory, node.name));
    }

    // The guest kernel filled its memory with the known pattern and its timer keeps ticking.
    const NodeConfig* mailNode = inventory.node(inventory.instance(QStringLiteral("mail"))->homeNode);
    auto connection = DirectConnection::open(mailNode->uri);
    QVERIFY(connection.ok());
    const DirectConnection& mail = connection.value();
    QTRY_VERIFY_WITH_TIMEOUT(LabFixture::hasFilledMemory(mail, QStringLiteral("mail")), 30000);
    QCOMPARE(mail.readPhysicalWord(QStringLiteral("mail"), LabPlan::GuestFaultAddress).value(), 0u);
    const quint32 fillStart =
        mail.readPhysicalWord(QStringLiteral("mail"), LabPlan::GuestFillStartAddress).value();
    const quint32 fillEnd =
        mail.readPhysicalWord(QStringLiteral("mail"), LabPlan::GuestFillEndAddress).value();
    QVERIFY2(fillEnd > fillStart && fillEnd - fillStart >= 40u * 1024 * 1024,
             qPrintable(QStringLiteral("%1..%2").arg(fillStart, 0, 16).arg(fillEnd, 0, 16)));
    for (const quint64 address :
         {quint64(fillStart), quint64(fillStart + fillEnd) / 2 & ~quint64(3), quint64(fillEnd) - 64}) {
        const auto bytes = mail.readPhysicalMemory(QStringLiteral("mail"), address, 64);
        QVERIFY2(bytes.ok(), bytes.ok() ? "" : qPrintable(bytes.error().toString()));
        for (int i = 0; i < 64; i += 4) {
            const auto* data = reinterpret_cast<const uchar*>(bytes.value().constData() + i);
            const quint32 word =
                quint32(data[0]) | quint32(data[1]) << 8 | quint32(data[2]) << 16 | quint32(data[3]) << 24;
            QCOMPARE(word, quint32(address + quint64(i)) ^ LabPlan::GuestPattern);
        }
    }
    const quint32 ticks = mail.readPhysicalWord(QStringLiteral("mail"), LabPlan::GuestTicksAddress).value();
    QTRY_VERIFY_WITH_TIMEOUT(
        mail.readPhysicalWord(QStringLiteral("mail"), LabPlan::GuestTicksAddress).value() > ticks + 5, 10000);

    // The processes: four daemons recorded in lab.json, eight QEMU processes found in /proc.
    const QJsonObject state = labState(dir);
    QCOMPARE(state.value(QStringLiteral("id")).toString(), id);
    const qint64 supervisorPid = state.value(QStringLiteral("supervisorPid")).toInteger();
    QVERIFY(supervisorPid > 0 && !isGone(supervisorPid));
    QList<qint64> pids{supervisorPid};
    QSet<int> ports;
    for (const QJsonValue& value : state.value(QStringLiteral("nodes")).toArray()) {
        const qint64 pid = value.toObject().value(QStringLiteral("daemonPid")).toInteger();
        QVERIFY(pid > 0 && !isGone(pid));
        QVERIFY(procFile(QString::number(pid), "cmdline").contains("libvirtd"));
        pids.append(pid);
        for (int port = value.toObject().value(QStringLiteral("migrationPortMin")).toInt();
             port <= value.toObject().value(QStringLiteral("migrationPortMax")).toInt(); ++port) {
            QVERIFY2(!ports.contains(port), "two nodes share a migration port");
            ports.insert(port);
        }
    }
    QCOMPARE(pids.size(), 5);
    const QList<qint64> qemus = processesMentioning(dir, "qemu-system", false);
    QCOMPARE(qemus.size(), 8);
    pids += qemus;

    const Run status = runKumo({QStringLiteral("status")});
    QCOMPARE(status.exitCode, 0);
    QVERIFY(status.out.contains(id));
    QVERIFY(status.out.contains(inventoryPath));
    for (const InstanceConfig& instance : inventory.instances)
        QVERIFY2(status.out.contains(instance.name), qPrintable(status.out));

    const Run down = runKumo({QStringLiteral("down"), id});
    QVERIFY2(down.exitCode == 0, qPrintable(down.err));
    for (const qint64 pid : std::as_const(pids))
        QVERIFY2(isGone(pid), qPrintable(QStringLiteral("pid %1 survived").arg(pid)));
    QVERIFY(processesMentioning(dir, QByteArray(), true).isEmpty());
    QVERIFY(!QFileInfo::exists(dir));
    m_startedDirs.removeAll(dir);

    const Run again = runKumo({QStringLiteral("down"), id});
    QVERIFY(again.exitCode != 0);
    QVERIFY(!again.err.isEmpty());
}

void TestLab::twoLabsDoNotCollide()
{
    QProcess first;
    QProcess second;
    first.start(QStringLiteral(KUMO_BINARY), {QStringLiteral("lab"), QStringLiteral("up")});
    second.start(QStringLiteral(KUMO_BINARY), {QStringLiteral("lab"), QStringLiteral("up")});
    QVERIFY(first.waitForFinished(120000));
    QVERIFY(second.waitForFinished(120000));
    const QString firstOut = QString::fromUtf8(first.readAllStandardOutput());
    const QString secondOut = QString::fromUtf8(second.readAllStandardOutput());
    const QString firstDir = QFileInfo(inventoryPathIn(firstOut)).absolutePath();
    const QString secondDir = QFileInfo(inventoryPathIn(secondOut)).absolutePath();
    if (!inventoryPathIn(firstOut).isEmpty())
        m_startedDirs.append(firstDir);
    if (!inventoryPathIn(secondOut).isEmpty())
        m_startedDirs.append(secondDir);
    QVERIFY2(first.exitCode() == 0, first.readAllStandardError().constData());
    QVERIFY2(second.exitCode() == 0, second.readAllStandardError().constData());
    QVERIFY(firstDir != secondDir);

    QSet<int> ports;
    for (const QString& dir : {firstDir, secondDir}) {
        const QJsonObject state = labState(dir);
        QCOMPARE(state.value(QStringLiteral("nodes")).toArray().size(), 4);
        for (const QJsonValue& value : state.value(QStringLiteral("nodes")).toArray()) {
            for (int port = value.toObject().value(QStringLiteral("migrationPortMin")).toInt();
                 port <= value.toObject().value(QStringLiteral("migrationPortMax")).toInt(); ++port) {
                QVERIFY2(!ports.contains(port), "two labs share a migration port");
                ports.insert(port);
            }
        }
        const auto inventory = Inventory::load(dir + QStringLiteral("/inventory.toml"));
        QVERIFY(inventory.ok());
        for (const NodeConfig& node : inventory.value().nodes) {
            auto connection = DirectConnection::open(node.uri);
            QVERIFY(connection.ok());
            QCOMPARE(connection.value().runningDomainNames().value(),
                     expectedGuests(inventory.value(), node.name));
        }
    }
    QCOMPARE(ports.size(), 64);

    for (const QString& dir : {firstDir, secondDir}) {
        const Run down = runKumo({QStringLiteral("down"), QFileInfo(dir).fileName()});
        QVERIFY2(down.exitCode == 0, qPrintable(down.err));
        QVERIFY(!QFileInfo::exists(dir));
        QVERIFY(processesMentioning(dir, QByteArray(), true).isEmpty());
        m_startedDirs.removeAll(dir);
    }
}

void TestLab::labStopsWhenItsOwnerDies()
{
    QProcess owner;
    owner.start(QStringLiteral("sleep"), {QStringLiteral("600")});
    QVERIFY(owner.waitForStarted());
    Lab::UpOptions options;
    options.kumoExecutable = QStringLiteral(KUMO_BINARY);
    options.ownerPid = owner.processId();
    QStringList progress;
    options.progress = [&progress](const QString& line) { progress.append(line); };
    const auto lab = Lab::up(options);
    QVERIFY2(lab.ok(), lab.ok() ? "" : qPrintable(lab.error().toString()));
    m_startedDirs.append(lab->dir);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(lab->ownerPid, owner.processId());
    QCOMPARE(lab->nodes.size(), 4);
    QCOMPARE(lab->guests.size(), 8);
    bool listed = false;
    for (const LabInfo& info : Lab::list())
        listed = listed || info.id == lab->id;
    QVERIFY(listed);
    const QList<qint64> processes = processesMentioning(lab->dir, QByteArray(), true);
    QVERIFY(processes.size() >= 13); // supervisor, 4 daemons, 8 QEMU

    owner.kill();
    QVERIFY(owner.waitForFinished());
    QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(lab->dir), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(isGone(lab->supervisorPid), 5000);
    for (const qint64 pid : processes)
        QVERIFY2(isGone(pid), qPrintable(QStringLiteral("pid %1 survived").arg(pid)));
    m_startedDirs.removeAll(lab->dir);
}

void TestLab::labWithKilledSupervisorIsCleaned()
{
    Lab::UpOptions options;
    options.kumoExecutable = QStringLiteral(KUMO_BINARY);
    const auto lab = Lab::up(options);
    QVERIFY2(lab.ok(), lab.ok() ? "" : qPrintable(lab.error().toString()));
    m_startedDirs.append(lab->dir);
    const QList<qint64> processes = processesMentioning(lab->dir, QByteArray(), true);
    QVERIFY(processes.size() >= 13);

    QCOMPARE(::kill(pid_t(lab->supervisorPid), SIGKILL), 0);
    QTRY_VERIFY_WITH_TIMEOUT(isGone(lab->supervisorPid), 5000);
    // The daemons and guests outlive their supervisor until someone cleans up.
    QVERIFY(!processesMentioning(lab->dir, "qemu-system", false).isEmpty());
    bool listed = false;
    for (const LabInfo& info : Lab::list())
        listed = listed || info.id == lab->id;
    QVERIFY(!listed);

    QVERIFY(Lab::cleanStale() >= 1);
    QVERIFY(!QFileInfo::exists(lab->dir));
    for (const qint64 pid : processes)
        QVERIFY2(isGone(pid), qPrintable(QStringLiteral("pid %1 survived").arg(pid)));
    m_startedDirs.removeAll(lab->dir);
}

QTEST_GUILESS_MAIN(TestLab)
#include "tst_lab.moc"

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/lab.h"

#include <algorithm>

#include <cerrno>
#include <csignal>
#include <cstring>

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QThread>

#include "core/systemuser.h"
#include "lab/labcertificates.h"
#include "lab/labplan.h"
#include "lab/labprocesses.h"

namespace kumo {

namespace {

constexpr int UpTimeoutMs = 120000;
constexpr int DownTimeoutMs = 20000;

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The supervisor as its pid file names it; a pid without a start time is never signalled.
ProcessRecord supervisorRecord(const QString& labDir)
{
    const QList<ProcessRecord> records = LabProcesses::readFile(LabPlan::supervisorPidFile(labDir));
    return records.isEmpty() ? ProcessRecord{} : records.first();
}

bool isLabId(const QString& id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    return std::all_of(id.cbegin(), id.cend(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
               c == u'-' || c == u'_';
    });
}

// Lab directories of this user: /tmp/kumo-<uid>/<id>, never a symlink.
QStringList labDirs()
{
    QStringList dirs;
    const QDir base(LabPlan::baseDir());
    for (const QString& id : base.entryList(QDir::Dirs | QDir::NoSymLinks | QDir::NoDotAndDotDot, QDir::Name))
        dirs.append(base.filePath(id));
    return dirs;
}

QString newLabId()
{
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString id;
    for (int i = 0; i < 6; ++i)
        id += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof alphabet) - 1)]);
    return id;
}

Result<void> makeDir(const QString& path, mode_t mode)
{
    if (mkdir(QFile::encodeName(path).constData(), mode) != 0 && errno != EEXIST)
        return Error{ErrorCode::Io, path, Lab::tr("Could not create the directory."), qt_error_string(errno)};
    chmod(QFile::encodeName(path).constData(), mode);
    return {};
}

Result<void> writePrivateFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    // Created 0600 before anything is written into it.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner) || file.write(data) != data.size())
        return Error{ErrorCode::Io, path, Lab::tr("Could not write the file."), file.errorString()};
    return {};
}

QString newPassword()
{
    static constexpr char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString password;
    for (int i = 0; i < 16; ++i)
        password += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof alphabet) - 1)]);
    return password;
}

// Certificates for every daemon, QEMU and Kumo; the password node's SASL database; the other
// daemons' auth.conf. Made here, before the supervisor starts, so that the password never
// reaches the supervisor (whose output is a log file in the lab). The supervisor hands the
// files to the daemons' user.
Result<void> prepareSecrets(const QString& labDir, const QString& password)
{
    auto certificates = LabCertificates::create(LabPlan::certificateDir(labDir));
    if (!certificates)
        return certificates.error();
    if (auto installed = certificates->installClient(LabPlan::clientPkiDir(labDir)); !installed)
        return installed;
    for (const LabPlan::Node& node : LabPlan::nodes()) {
        const QString nodeDir = LabPlan::nodeDir(labDir, node.name);
        const QString configHome = LabPlan::configHome(labDir, node.name);
        for (const QString& dir : {nodeDir, configHome, configHome + QStringLiteral("/libvirt")}) {
            if (auto made = makeDir(dir, 0711); !made)
                return made;
        }
        if (auto made = makeDir(nodeDir + QStringLiteral("/.pki"), 0700); !made)
            return made;
        if (auto installed = certificates->installLibvirt(LabPlan::libvirtPkiDir(labDir, node.name));
            !installed)
            return installed;
        if (auto installed = certificates->installQemu(LabPlan::qemuTlsDir(labDir, node.name)); !installed)
            return installed;
        if (node.name != LabPlan::passwordNode()) {
            if (auto written = writePrivateFile(LabPlan::authFile(labDir, node.name),
                                                LabPlan::authConf(LabPlan::demoUser(), password));
                !written)
                return written;
        }
    }
    QDir(LabPlan::certificateDir(labDir)).removeRecursively();

    const QString saslDir = LabPlan::saslDir(labDir);
    if (auto made = makeDir(saslDir, 0700); !made)
        return made;
    if (auto written = writePrivateFile(saslDir + QStringLiteral("/libvirt.conf"), LabPlan::saslConf(labDir));
        !written)
        return written;
    // The password goes in on stdin (-p), never on a command line.
    QProcess saslpasswd;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SASL_CONF_PATH"), saslDir);
    saslpasswd.setProcessEnvironment(environment);
    saslpasswd.setProcessChannelMode(QProcess::MergedChannels);
    saslpasswd.start(QStringLiteral("/usr/sbin/saslpasswd2"),
                     {QStringLiteral("-p"), QStringLiteral("-c"), QStringLiteral("-f"),
                      LabPlan::saslDatabase(labDir), QStringLiteral("-a"), QStringLiteral("libvirt"),
                      LabPlan::demoUser()});
    if (saslpasswd.waitForStarted(10000)) {
        saslpasswd.write(password.toUtf8());
        saslpasswd.closeWriteChannel();
    }
    if (!saslpasswd.waitForFinished(20000) || saslpasswd.exitStatus() != QProcess::NormalExit ||
        saslpasswd.exitCode() != 0)
        return Error{ErrorCode::OperationFailed, saslpasswd.program(),
                     Lab::tr("Could not make the password node's SASL database."),
                     QString::fromLocal8Bit(saslpasswd.readAll()).trimmed().right(600)};
    QFile::setPermissions(LabPlan::saslDatabase(labDir), QFile::ReadOwner | QFile::WriteOwner);
    return {};
}

bool portIsFree(int port)
{
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_port = htons(quint16(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool free = bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
    close(fd);
    return free;
}

// Picks a block of LabPlan::PortsPerLab migration ports that no other lab of this user holds
// and nothing listens on. Called with the base directory's lock held.
Result<int> allocatePorts(const QString& labDir)
{
    QSet<int> taken;
    for (const QString& dir : labDirs()) {
        bool ok = false;
        const int base = readAll(LabPlan::portsFile(dir)).trimmed().toInt(&ok);
        if (ok)
            taken.insert(base);
    }
    const int blocks = (LabPlan::PortLast - LabPlan::PortFirst + 1) / LabPlan::PortsPerLab;
    const int first = QRandomGenerator::system()->bounded(blocks);
    for (int i = 0; i < blocks; ++i) {
        const int base = LabPlan::PortFirst + ((first + i) % blocks) * LabPlan::PortsPerLab;
        if (taken.contains(base))
            continue;
        bool free = true;
        for (int port = base; free && port < base + LabPlan::PortsPerLab; ++port)
            free = portIsFree(port);
        if (!free)
            continue;
        QFile file(LabPlan::portsFile(labDir));
        if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::number(base) + '\n') < 0)
            return Error{ErrorCode::Io, file.fileName(), Lab::tr("Could not write the file."),
                         file.errorString()};
        return base;
    }
    return Error{ErrorCode::OperationFailed,
                 QString(),
                 Lab::tr("No free range of migration ports is left between %1 and %2.")
                     .arg(LabPlan::PortFirst)
                     .arg(LabPlan::PortLast),
                 {}};
}

// The base directory must be ours: another user could otherwise prepare it for us.
Result<void> ensureBaseDir()
{
    const QString base = LabPlan::baseDir();
    const QByteArray path = QFile::encodeName(base);
    // Root's daemons run as the lab user and must be able to traverse into the lab.
    const mode_t mode = geteuid() == 0 ? 0711 : 0700;
    if (mkdir(path.constData(), mode) != 0 && errno != EEXIST)
        return Error{ErrorCode::Io, base, Lab::tr("Could not create the directory."), qt_error_string(errno)};
    struct stat info = {};
    if (lstat(path.constData(), &info) != 0 || !S_ISDIR(info.st_mode) || info.st_uid != geteuid())
        return Error{
            ErrorCode::Io, base, Lab::tr("The lab directory exists but does not belong to this user."), {}};
    chmod(path.constData(), mode);
    return {};
}

Result<void> checkPrerequisites()
{
    const QStringList programs{QStringLiteral("/usr/sbin/libvirtd"),
                               QStringLiteral("/usr/bin/qemu-system-x86_64")};
    for (const QString& program : programs) {
        if (!QFileInfo(program).isExecutable())
            return Error{ErrorCode::NotFound,
                         program,
                         Lab::tr("The demo lab needs %1. Install the packages libvirt-daemon, "
                                 "libvirt-daemon-driver-qemu and qemu-system-x86.")
                             .arg(program),
                         {}};
    }
    const QStringList securityPrograms{QStringLiteral("/usr/bin/certtool"),
                                       QStringLiteral("/usr/sbin/saslpasswd2")};
    for (const QString& program : securityPrograms) {
        if (!QFileInfo(program).isExecutable())
            return Error{
                ErrorCode::NotFound,
                program,
                Lab::tr("The demo lab needs %1. Install the packages gnutls-bin and sasl2-bin.").arg(program),
                {}};
    }
    if (geteuid() == 0 && !systemUserNamed(LabPlan::labUser()))
        return Error{
            ErrorCode::NotFound,
            LabPlan::labUser(),
            Lab::tr("Started as root, the demo lab runs its daemons as the user \"%1\", which does not "
                    "exist. Create it with: useradd --system --user-group --home-dir /nonexistent "
                    "--shell /usr/sbin/nologin %1")
                .arg(LabPlan::labUser()),
            {}};
    return {};
}

QString progressText(const QString& line)
{
    const QStringList parts = line.split(u' ');
    const QString& key = parts.value(0);
    if (key == u"daemons")
        return Lab::tr("Starting one libvirt daemon per node…");
    if (key == u"node")
        return Lab::tr("Node %1 is up.").arg(parts.value(1));
    if (key == u"guest")
        return Lab::tr("Instance %1 runs on %2.").arg(parts.value(1), parts.value(2));
    if (key == u"ready")
        return Lab::tr("The lab is ready.");
    return {};
}

Error supervisorError(const QString& labDir)
{
    const QJsonObject json = QJsonDocument::fromJson(readAll(LabPlan::errorFile(labDir))).object();
    if (!json.isEmpty())
        return Error{ErrorCode::OperationFailed, json.value(QStringLiteral("object")).toString(),
                     json.value(QStringLiteral("message")).toString(),
                     json.value(QStringLiteral("detail")).toString()};
    return Error{ErrorCode::OperationFailed, labDir,
                 Lab::tr("The lab's supervisor process exited unexpectedly."),
                 QString::fromLocal8Bit(readAll(LabPlan::supervisorLog(labDir)).right(600)).trimmed()};
}

void removeLab(const QString& labDir)
{
    if (!Lab::checkLabDir(labDir))
        return; // not a lab's directory: nothing in it is ours to kill or remove
    Lab::killLeftovers(labDir);
    QDir(labDir).removeRecursively();
}

} // namespace

bool Lab::isProcessAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    const QByteArray stat = readAll(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.isEmpty())
        return kill(pid_t(pid), 0) == 0 || errno == EPERM
                   ? QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid))
                   : false;
    // "pid (comm) S ...": comm may contain anything, the state follows the last ')'.
    const qsizetype close = stat.lastIndexOf(')');
    const char state = close >= 0 && close + 2 < stat.size() ? stat.at(close + 2) : '?';
    return state != 'Z' && state != 'X';
}

void Lab::killLeftovers(const QString& labDir, int timeoutMs)
{
    QList<ProcessRecord> records = LabProcesses::readFile(LabPlan::processesFile(labDir));
    records.append(supervisorRecord(labDir));
    const qint64 self = getpid();
    const auto leftovers = [&] {
        QList<ProcessRecord> alive;
        for (const ProcessRecord& record : std::as_const(records)) {
            if (record.pid != self && LabProcesses::isAlive(record))
                alive.append(record);
        }
        return alive;
    };
    const QList<ProcessRecord> alive = leftovers();
    if (alive.isEmpty())
        return;
    for (const ProcessRecord& record : alive) {
        qDebug("lab: killing leftover pid %lld of %s", record.pid, qPrintable(labDir));
        LabProcesses::signal(record, SIGKILL);
    }
    const QDeadlineTimer deadline(timeoutMs);
    while (!leftovers().isEmpty() && !deadline.hasExpired())
        QThread::msleep(20);
}

Result<void> Lab::checkLabDir(const QString& dir)
{
    const auto refuse = [&dir](const QString& message) -> Result<void> {
        return Error{ErrorCode::InvalidInput, dir, message, {}};
    };
    const QString base = LabPlan::baseDir();
    const QFileInfo info(dir);
    if (dir.isEmpty() || !QDir::isAbsolutePath(dir) || QDir::cleanPath(dir) != dir ||
        info.absolutePath() != base || !isLabId(info.fileName()))
        return refuse(
            tr("Not a lab directory: a lab lives directly in %1 and is named like a lab id.").arg(base));
    const auto ownDirectory = [](const QString& path) {
        struct stat status = {};
        return ::lstat(QFile::encodeName(path).constData(), &status) == 0 && S_ISDIR(status.st_mode) &&
               status.st_uid == ::geteuid();
    };
    if (!ownDirectory(base))
        return refuse(
            tr("The lab root %1 is not a directory of this user (or is a symbolic link).").arg(base));
    if (!ownDirectory(dir))
        return refuse(tr("Not a lab directory: it is missing, a symbolic link or another user's."));
    return {};
}

Result<LabInfo> Lab::restartDaemons(const QString& labDir, int timeoutMs)
{
    Result<LabInfo> before = readState(labDir);
    if (!before)
        return before.error();
    QList<qint64> dead;
    for (const LabNode& node : std::as_const(before.value().nodes)) {
        if (!isProcessAlive(node.daemonPid))
            dead.append(node.daemonPid);
    }
    if (dead.isEmpty())
        return before;
    const ProcessRecord supervisor = supervisorRecord(labDir);
    if (!LabProcesses::signal(supervisor, SIGUSR1))
        return Error{ErrorCode::NotFound, labDir, tr("The lab's supervisor is not running."), {}};
    // The supervisor writes the new pids once the daemons answer.
    const QDeadlineTimer deadline(timeoutMs);
    while (true) {
        Result<LabInfo> state = readState(labDir);
        if (state) {
            const QList<LabNode>& nodes = state.value().nodes;
            const bool restarted = std::all_of(nodes.cbegin(), nodes.cend(), [&](const LabNode& node) {
                return !dead.contains(node.daemonPid) && isProcessAlive(node.daemonPid);
            });
            if (restarted)
                return state;
        }
        if (deadline.hasExpired() || !LabProcesses::isAlive(supervisor))
            return Error{
                ErrorCode::Timeout, labDir, tr("The lab's daemons were not started again in time."), {}};
        QThread::msleep(50);
    }
}

Result<LabInfo> Lab::readState(const QString& labDir)
{
    QJsonParseError parseError;
    const QByteArray data = readAll(LabPlan::stateFile(labDir));
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (data.isEmpty() || !document.isObject())
        return Error{ErrorCode::InvalidInput, LabPlan::stateFile(labDir),
                     tr("The lab's state file is missing or damaged."), parseError.errorString()};
    const QJsonObject json = document.object();
    LabInfo info;
    info.id = json.value(QStringLiteral("id")).toString();
    info.dir = json.value(QStringLiteral("dir")).toString();
    info.inventoryPath = json.value(QStringLiteral("inventory")).toString();
    info.supervisorPid = json.value(QStringLiteral("supervisorPid")).toInteger();
    info.ownerPid = json.value(QStringLiteral("ownerPid")).toInteger();
    const QJsonArray nodes = json.value(QStringLiteral("nodes")).toArray();
    for (const auto& value : nodes) {
        const QJsonObject node = value.toObject();
        info.nodes.append(LabNode{node.value(QStringLiteral("name")).toString(),
                                  node.value(QStringLiteral("site")).toString(),
                                  node.value(QStringLiteral("uri")).toString(),
                                  node.value(QStringLiteral("migrationUri")).toString(),
                                  node.value(QStringLiteral("daemonPid")).toInteger(),
                                  node.value(QStringLiteral("migrationPortMin")).toInt(),
                                  node.value(QStringLiteral("migrationPortMax")).toInt()});
    }
    const QJsonArray guests = json.value(QStringLiteral("guests")).toArray();
    for (const auto& value : guests) {
        const QJsonObject guest = value.toObject();
        info.guests.append(LabGuest{guest.value(QStringLiteral("name")).toString(),
                                    guest.value(QStringLiteral("node")).toString()});
    }
    return info;
}

QList<LabInfo> Lab::list()
{
    QList<LabInfo> labs;
    for (const QString& dir : labDirs()) {
        if (!LabProcesses::isAlive(supervisorRecord(dir)) || !QFileInfo::exists(LabPlan::readyFile(dir)))
            continue;
        if (auto info = readState(dir))
            labs.append(info.value());
    }
    return labs;
}

int Lab::cleanStale()
{
    int cleaned = 0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString& dir : labDirs()) {
        const ProcessRecord supervisor = supervisorRecord(dir);
        if (LabProcesses::isAlive(supervisor))
            continue;
        // A pid file without a start time (an older Kumo's) cannot be checked: while some process
        // has that pid, the lab may be running and is left alone (nothing of it is signalled).
        const qint64 uncheckedPid = readAll(LabPlan::supervisorPidFile(dir)).trimmed().toLongLong();
        if (supervisor.pid <= 0 && isProcessAlive(uncheckedPid))
            continue;
        // A lab being set up by another `up` has no supervisor pid for a few milliseconds, and
        // a failed one keeps its error file until that `up` has read it.
        const QFileInfo info(dir);
        const qint64 age = info.lastModified().secsTo(now);
        if ((supervisor.pid <= 0 || QFileInfo::exists(LabPlan::errorFile(dir))) && age < 60)
            continue;
        qDebug("lab: cleaning stale lab %s", qPrintable(dir));
        removeLab(dir);
        ++cleaned;
    }
    return cleaned;
}

Result<void> Lab::down(const QString& id)
{
    QStringList dirs;
    if (id.isEmpty()) {
        dirs = labDirs();
    } else {
        const QString dir = LabPlan::labDir(id);
        if (!isLabId(id) || !checkLabDir(dir))
            return Error{ErrorCode::NotFound, id, tr("There is no lab with this id."), {}};
        dirs.append(dir);
    }
    // Signal every supervisor first so that several labs stop in parallel.
    // Only the process the pid file names, and only if it is still that process: a pid file
    // outlives its process, and its pid may by now be someone else's.
    for (const QString& dir : std::as_const(dirs))
        LabProcesses::signal(supervisorRecord(dir), SIGTERM);
    const QDeadlineTimer deadline(DownTimeoutMs);
    Result<void> result;
    for (const QString& dir : std::as_const(dirs)) {
        const ProcessRecord supervisor = supervisorRecord(dir);
        while (LabProcesses::isAlive(supervisor) && !deadline.hasExpired())
            QThread::msleep(20); // until it has torn the lab down, or died or never ran: clean up below
        if (LabProcesses::isAlive(supervisor)) {
            qWarning("lab: supervisor %lld of %s did not stop in time, killing it", supervisor.pid,
                     qPrintable(dir));
            LabProcesses::signal(supervisor, SIGKILL);
        }
        if (QFileInfo::exists(dir))
            removeLab(dir);
        if (QFileInfo::exists(dir))
            result = Error{ErrorCode::Io, dir, tr("Could not remove the lab directory."), {}};
    }
    return result;
}

Result<LabInfo> Lab::up(const UpOptions& options)
{
    const auto report = [&options](const QString& line) {
        if (options.progress && !line.isEmpty())
            options.progress(line);
    };
    cleanStale();
    if (auto ready = checkPrerequisites(); !ready)
        return ready.error();
    if (auto base = ensureBaseDir(); !base)
        return base.error();

    QString id;
    QString dir;
    const mode_t mode = geteuid() == 0 ? 0711 : 0700;
    for (int attempt = 0; attempt < 20 && dir.isEmpty(); ++attempt) {
        id = newLabId();
        const QString candidate = LabPlan::labDir(id);
        if (mkdir(QFile::encodeName(candidate).constData(), mode) == 0)
            dir = candidate;
        else if (errno != EEXIST)
            return Error{ErrorCode::Io, candidate, tr("Could not create the directory."),
                         qt_error_string(errno)};
    }
    if (dir.isEmpty())
        return Error{ErrorCode::Internal, LabPlan::baseDir(), tr("Could not choose a new lab id."), {}};
    chmod(QFile::encodeName(dir).constData(), mode);
    report(tr("Starting lab %1 in %2…").arg(id, dir));

    const auto fail = [&dir](Error error) -> Result<LabInfo> {
        removeLab(dir);
        return error;
    };

    {
        QFile resource(QStringLiteral(":/lab/guest.elf"));
        QFile kernel(LabPlan::kernelFile(dir));
        if (!resource.open(QIODevice::ReadOnly))
            return fail(Error{ErrorCode::Internal, resource.fileName(),
                              tr("The guest kernel is missing from this build."), resource.errorString()});
        if (!kernel.open(QIODevice::WriteOnly) || kernel.write(resource.readAll()) < 0)
            return fail(Error{ErrorCode::Io, kernel.fileName(), tr("Could not write the file."),
                              kernel.errorString()});
        kernel.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    }

    {
        QLockFile lock(LabPlan::baseDir() + QStringLiteral("/ports.lock"));
        if (!lock.tryLock(10000))
            return fail(Error{ErrorCode::Timeout,
                              lock.error() == QLockFile::LockFailedError ? LabPlan::baseDir() : dir,
                              tr("Another lab is being started; try again."),
                              {}});
        if (auto ports = allocatePorts(dir); !ports)
            return fail(ports.error());
    }

    report(tr("Making the lab's certificates and the password node's credentials…"));
    const QString password = newPassword();
    if (auto secrets = prepareSecrets(dir, password); !secrets)
        return fail(secrets.error());

    QProcess supervisor;
    supervisor.setProgram(options.kumoExecutable.isEmpty() ? QCoreApplication::applicationFilePath()
                                                           : options.kumoExecutable);
    QStringList arguments{QStringLiteral("lab"), QStringLiteral("supervise"), dir};
    if (options.ownerPid > 0)
        arguments << QStringLiteral("--owner") << QString::number(options.ownerPid);
    if (options.access)
        arguments << QStringLiteral("--access");
    supervisor.setArguments(arguments);
    supervisor.setStandardInputFile(QProcess::nullDevice());
    supervisor.setStandardOutputFile(LabPlan::supervisorLog(dir), QIODevice::Append);
    supervisor.setStandardErrorFile(LabPlan::supervisorLog(dir), QIODevice::Append);
    supervisor.setWorkingDirectory(dir);
    qint64 pid = 0;
    // startDetached runs it in its own session: the lab outlives this process unless ownerPid says otherwise.
    if (!supervisor.startDetached(&pid) || pid <= 0)
        return fail(Error{ErrorCode::OperationFailed, supervisor.program(),
                          tr("Could not start the lab supervisor."), supervisor.errorString()});
    // The supervisor writes its own pid file at once; until then this one names it (with its
    // start time, so that the pid is never taken for another process's).
    const ProcessRecord started = LabProcesses::current(pid).value_or(ProcessRecord{pid, -1});
    if (started.startTime >= 0) {
        QFile pidFile(LabPlan::supervisorPidFile(dir));
        if (!QFileInfo::exists(pidFile.fileName()) && pidFile.open(QIODevice::WriteOnly))
            pidFile.write(LabProcesses::format({started}));
    }

    const QDeadlineTimer deadline(UpTimeoutMs);
    qsizetype progressRead = 0;
    while (true) {
        const QByteArray progress = readAll(LabPlan::progressFile(dir));
        qsizetype lineEnd = progress.indexOf('\n', progressRead);
        while (lineEnd >= 0) {
            report(progressText(QString::fromUtf8(progress.mid(progressRead, lineEnd - progressRead))));
            progressRead = lineEnd + 1;
            lineEnd = progress.indexOf('\n', progressRead);
        }
        if (QFileInfo::exists(LabPlan::readyFile(dir)))
            break;
        if (QFileInfo::exists(LabPlan::errorFile(dir)) || !LabProcesses::isAlive(started)) {
            // Give the supervisor a moment to finish writing its error file.
            const QDeadlineTimer grace(2000);
            while (LabProcesses::isAlive(started) && !grace.hasExpired())
                QThread::msleep(20);
            if (QFileInfo::exists(LabPlan::readyFile(dir)))
                break;
            return fail(supervisorError(dir));
        }
        if (deadline.hasExpired()) {
            LabProcesses::signal(started, SIGTERM);
            const QDeadlineTimer grace(DownTimeoutMs);
            while (LabProcesses::isAlive(started) && !grace.hasExpired())
                QThread::msleep(20);
            return fail(Error{ErrorCode::Timeout, dir, tr("The lab did not become ready in time."), {}});
        }
        QThread::msleep(20);
    }
    auto info = readState(dir);
    if (!info)
        return info.error();
    info.value().demoUser = LabPlan::demoUser();
    info.value().demoPassword = password;
    return info;
}

} // namespace kumo

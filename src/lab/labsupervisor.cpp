// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/labsupervisor.h"

#include <algorithm>
#include <optional>
#include <thread>
#include <vector>

#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <grp.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include "core/savefile.h"
#include "core/systemuser.h"
#include "lab/lab.h"
#include "lab/labplan.h"
#include "lab/labprocesses.h"
#include "lab/labservices.h"
#include "virt/directconnection.h"

namespace kumo {

namespace {

int s_signalPipe[2] = {-1, -1};

// Runs on whatever thread the signal lands on: only async-signal-safe calls.
void onSignalReceived(int signal)
{
    const int savedErrno = errno;
    if (signal == SIGCHLD) {
        // Reap here rather than in the event loop: the loop may be busy in a blocking libvirt
        // call, and libvirt waits until a killed QEMU is really gone.
        while (waitpid(-1, nullptr, WNOHANG) > 0) {
        }
    } else {
        // 'R': start again the daemons that died; anything else: tear down.
        const char byte = signal == SIGUSR1 ? 'R' : 'T';
        [[maybe_unused]] const ssize_t written = write(s_signalPipe[1], &byte, 1);
    }
    errno = savedErrno;
}

void installSignalHandlers()
{
    if (pipe2(s_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        qFatal("lab supervisor: pipe2 failed: %s", qPrintable(qt_error_string(errno)));
    struct sigaction action = {};
    action.sa_handler = onSignalReceived;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART | SA_NOCLDSTOP;
    for (int signal : {SIGCHLD, SIGTERM, SIGINT, SIGHUP, SIGUSR1})
        sigaction(signal, &action, nullptr);
}

Result<void> writeFile(const QString& path, const QByteArray& data, QFile::Permissions permissions = {})
{
    if (const auto failed = saveFile(path, data))
        return Error{ErrorCode::Io, path, LabSupervisor::tr("Could not write the file."), *failed};
    if (permissions)
        QFile::setPermissions(path, permissions);
    return {};
}

Result<void> makeDir(const QString& path, mode_t mode)
{
    if (mkdir(QFile::encodeName(path).constData(), mode) != 0 && errno != EEXIST)
        return Error{ErrorCode::Io, path, LabSupervisor::tr("Could not create the directory."),
                     qt_error_string(errno)};
    chmod(QFile::encodeName(path).constData(), mode); // not subject to the umask
    return {};
}

// Gives the tree to the user the daemons run as; a file it cannot give would make the daemon fail
// later with a less clear message.
Result<void> chownTree(const QString& path, uid_t uid, gid_t gid)
{
    if (lchown(QFile::encodeName(path).constData(), uid, gid) != 0)
        return Error{ErrorCode::Io, path,
                     LabSupervisor::tr("Could not give the lab's file to its daemon user."),
                     qt_error_string(errno)};
    const QFileInfo info(path);
    if (!info.isDir() || info.isSymLink())
        return {};
    const QStringList entries =
        QDir(path).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QString& entry : entries) {
        if (auto given = chownTree(path + u'/' + entry, uid, gid); !given)
            return given.error();
    }
    return {};
}

QString logTail(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray data = file.readAll();
    return QString::fromLocal8Bit(data.right(600)).trimmed();
}

} // namespace

LabSupervisor::LabSupervisor(QString labDir, qint64 ownerPid, bool access, QObject* parent)
    : QObject(parent)
    , m_labDir(std::move(labDir))
    , m_ownerPid(ownerPid)
    , m_access(access)
{
    // The owner as it is now: if it dies, its pid may come back as someone else's process.
    m_owner = LabProcesses::current(ownerPid).value_or(ProcessRecord{ownerPid, -1});
}

LabSupervisor::~LabSupervisor() = default;

int LabSupervisor::run()
{
    // Every process started below (and QEMU, which libvirtd daemonises) re-parents to us.
    if (prctl(PR_SET_CHILD_SUBREAPER, 1) != 0)
        qWarning("lab supervisor: PR_SET_CHILD_SUBREAPER failed: %s", qPrintable(qt_error_string(errno)));
    installSignalHandlers();
    m_signalNotifier = new QSocketNotifier(s_signalPipe[0], QSocketNotifier::Read, this);
    connect(m_signalNotifier, &QSocketNotifier::activated, this, &LabSupervisor::onSignal);
    const ProcessRecord self = LabProcesses::current(getpid()).value_or(ProcessRecord{getpid(), -1});
    if (auto written = writeFile(LabPlan::supervisorPidFile(m_labDir), LabProcesses::format({self}));
        !written)
        qWarning("lab supervisor: %s", qPrintable(written.error().toString()));
    // What this lab started, kept on disk for the clean-up of a lab whose supervisor died.
    m_processTimer = new QTimer(this);
    m_processTimer->setInterval(1000);
    connect(m_processTimer, &QTimer::timeout, this, &LabSupervisor::recordProcesses);

    const Result<void> started = start();
    if (!started) {
        qWarning("lab supervisor: %s", qPrintable(started.error().toString()));
        const Error& error = started.error();
        const QJsonObject json{{QStringLiteral("object"), error.object},
                               {QStringLiteral("message"), error.message},
                               {QStringLiteral("detail"), error.detail}};
        stopProcesses();
        // Keep only what explains the failure; Lab::up() reads it and removes the directory.
        for (const LabPlan::Node& node : LabPlan::nodes())
            QDir(LabPlan::nodeDir(m_labDir, node.name)).removeRecursively();
        if (auto written = writeFile(LabPlan::errorFile(m_labDir), QJsonDocument(json).toJson()); !written)
            qWarning("lab supervisor: %s", qPrintable(written.error().toString()));
        return 1;
    }

    m_ownerTimer = new QTimer(this);
    m_ownerTimer->setInterval(500);
    connect(m_ownerTimer, &QTimer::timeout, this, &LabSupervisor::checkOwner);
    if (m_ownerPid > 0)
        m_ownerTimer->start();
    m_processTimer->start();
    // A signal that arrived while starting is still in the pipe and is handled right away.
    return QCoreApplication::exec();
}

Result<void> LabSupervisor::start()
{
    if (geteuid() == 0) {
        const auto user = systemUserNamed(LabPlan::labUser());
        if (!user)
            return Error{ErrorCode::NotFound,
                         LabPlan::labUser(),
                         tr("The demo lab runs its daemons as the user \"%1\", which does not exist.")
                             .arg(LabPlan::labUser()),
                         {}};
        m_switchUser = true;
        m_runUid = user->uid;
        m_runGid = user->gid;
    }

    QFile portsFile(LabPlan::portsFile(m_labDir));
    bool portOk = false;
    const int portBase =
        portsFile.open(QIODevice::ReadOnly) ? portsFile.readAll().trimmed().toInt(&portOk) : 0;
    if (!portOk)
        return Error{ErrorCode::InvalidInput,
                     portsFile.fileName(),
                     tr("The lab directory has no migration port assignment."),
                     {}};
    m_tlsPort = LabPlan::tlsPort(portBase);
    // Kumo's client certificate: the daemons read it too when they migrate to the password node.
    if (m_switchUser) {
        if (auto given = chownTree(LabPlan::clientPkiDir(m_labDir), m_runUid, m_runGid); !given)
            return given.error();
    }

    progress(QStringLiteral("daemons"));
    const QList<LabPlan::Node> nodes = LabPlan::nodes();
    for (int i = 0; i < nodes.size(); ++i) {
        Daemon daemon;
        daemon.node = nodes.at(i).name;
        if (auto prepared = prepareNode(daemon, portBase, i); !prepared)
            return prepared.error();
        m_daemons.append(daemon);
    }
    // Start all daemons before waiting for any: they initialise in parallel.
    for (Daemon& daemon : m_daemons) {
        if (auto started = startDaemon(daemon); !started)
            return started.error();
    }
    recordProcesses();
    if (auto ready = waitForDaemons(); !ready)
        return ready.error();
    if (auto guests = startGuests(); !guests)
        return guests.error();
    recordProcesses();
    // The guests' services: small stand-ins on loopback that the console's probes check.
    m_services = new LabServices(this);
    QStringList guestNames;
    for (const LabPlan::Guest& guest : LabPlan::guests())
        guestNames.append(guest.name);
    if (auto served = m_services->start(guestNames); !served)
        return served.error();
    if (auto saved = LabPlan::inventory(m_labDir, m_tlsPort, m_access, m_services->probes())
                         .save(LabPlan::inventoryFile(m_labDir));
        !saved)
        return saved.error();
    if (auto state = writeState(); !state)
        return state.error();
    progress(QStringLiteral("ready"));
    return writeFile(LabPlan::readyFile(m_labDir), QByteArray("ready\n"));
}

Result<void> LabSupervisor::prepareNode(Daemon& daemon, int portBase, int index)
{
    const QString& node = daemon.node;
    daemon.portMin = portBase + index * LabPlan::PortsPerNode;
    daemon.portMax = daemon.portMin + LabPlan::PortsPerNode - 1;
    for (const QString& dir : {LabPlan::nodeDir(m_labDir, node), LabPlan::configHome(m_labDir, node),
                               LabPlan::configHome(m_labDir, node) + QStringLiteral("/libvirt"),
                               LabPlan::cacheHome(m_labDir, node), LabPlan::dataHome(m_labDir, node)}) {
        if (auto made = makeDir(dir, 0711); !made)
            return made.error();
    }
    if (auto made = makeDir(LabPlan::runtimeDir(m_labDir, node), 0700); !made)
        return made.error();
    const QString configDir = LabPlan::configHome(m_labDir, node) + QStringLiteral("/libvirt");
    const QString hostUuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (auto written =
            writeFile(configDir + QStringLiteral("/libvirtd.conf"),
                      LabPlan::libvirtdConf(hostUuid, node == LabPlan::passwordNode() ? m_tlsPort : 0));
        !written)
        return written.error();
    if (auto written =
            writeFile(configDir + QStringLiteral("/qemu.conf"),
                      LabPlan::qemuConf(daemon.portMin, daemon.portMax, LabPlan::qemuTlsDir(m_labDir, node)));
        !written)
        return written.error();
    if (m_switchUser)
        return chownTree(LabPlan::nodeDir(m_labDir, node), m_runUid, m_runGid);
    return {};
}

Result<void> LabSupervisor::startDaemon(Daemon& daemon)
{
    const QString& node = daemon.node;
    const QString nodeDir = LabPlan::nodeDir(m_labDir, node);
    QList<QByteArray> env{
        "HOME=" + QFile::encodeName(nodeDir),
        "XDG_CONFIG_HOME=" + QFile::encodeName(LabPlan::configHome(m_labDir, node)),
        "XDG_RUNTIME_DIR=" + QFile::encodeName(LabPlan::runtimeDir(m_labDir, node)),
        "XDG_CACHE_HOME=" + QFile::encodeName(LabPlan::cacheHome(m_labDir, node)),
        "XDG_DATA_HOME=" + QFile::encodeName(LabPlan::dataHome(m_labDir, node)),
        "KUMO_LAB_DIR=" + QFile::encodeName(m_labDir),
        "PATH=/usr/sbin:/usr/bin:/sbin:/bin",
        "LC_ALL=C",
    };
    if (m_switchUser) {
        env.append("USER=" + LabPlan::labUser().toLocal8Bit());
        env.append("LOGNAME=" + LabPlan::labUser().toLocal8Bit());
    }
    const QByteArray program = QByteArrayLiteral("/usr/sbin/libvirtd");
    QList<QByteArray> args{program, "--timeout", "0"};
    if (node == LabPlan::passwordNode()) {
        // Without --listen, listen_tls is ignored; libsasl2 reads SASL_CONF_PATH, else /etc.
        args.append("--listen");
        env.append("SASL_CONF_PATH=" + QFile::encodeName(LabPlan::saslDir(m_labDir)));
    }

    // Everything the child needs is prepared here: between fork and exec only
    // async-signal-safe calls are allowed (the event loop thread of libvirt is running).
    std::vector<char*> argv;
    for (QByteArray& arg : args)
        argv.push_back(arg.data());
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (QByteArray& entry : env)
        envp.push_back(entry.data());
    envp.push_back(nullptr);
    const QByteArray workDir = QFile::encodeName(nodeDir);
    const QByteArray logPath = QFile::encodeName(nodeDir + QStringLiteral("/libvirtd.log"));
    const int logFd = open(logPath.constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    const int nullFd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (logFd < 0 || nullFd < 0)
        return Error{ErrorCode::Io, QString::fromLocal8Bit(logPath),
                     tr("Could not open the daemon's log file."), qt_error_string(errno)};
    if (m_switchUser && fchown(logFd, m_runUid, m_runGid) != 0) {
        const QString reason = qt_error_string(errno);
        close(logFd);
        close(nullFd);
        return Error{ErrorCode::Io, QString::fromLocal8Bit(logPath),
                     tr("Could not give the daemon's log file to its user."), reason};
    }
    const bool switchUser = m_switchUser;
    const uid_t uid = m_runUid;
    const gid_t gid = m_runGid;

    const pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0);
        sigset_t none;
        sigemptyset(&none);
        pthread_sigmask(SIG_SETMASK, &none, nullptr);
        if (switchUser) {
            if (setgroups(1, &gid) != 0 || setgid(gid) != 0 || setuid(uid) != 0)
                _exit(126);
        }
        dup2(nullFd, STDIN_FILENO);
        dup2(logFd, STDOUT_FILENO);
        dup2(logFd, STDERR_FILENO);
        if (chdir(workDir.constData()) != 0)
            _exit(126);
        execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }
    const int forkErrno = errno;
    close(logFd);
    close(nullFd);
    if (pid < 0)
        return Error{ErrorCode::OperationFailed, node, tr("Could not start libvirtd."),
                     qt_error_string(forkErrno)};
    daemon.pid = pid;
    daemon.startTime = LabProcesses::current(pid).value_or(ProcessRecord{}).startTime;
    qDebug("lab supervisor: libvirtd for %s started as pid %d", qPrintable(node), int(pid));
    return {};
}

Result<void> LabSupervisor::waitForDaemons(const QStringList& nodes)
{
    const QDeadlineTimer deadline(30000);
    for (const Daemon& daemon : std::as_const(m_daemons)) {
        if (!nodes.isEmpty() && !nodes.contains(daemon.node))
            continue;
        const QString socket = LabPlan::socketPath(m_labDir, daemon.node);
        while (true) {
            if (!LabProcesses::isAlive(ProcessRecord{daemon.pid, daemon.startTime}))
                return Error{
                    ErrorCode::ConnectionFailed, daemon.node,
                    tr("The node's libvirtd exited while starting."),
                    logTail(LabPlan::nodeDir(m_labDir, daemon.node) + QStringLiteral("/libvirtd.log"))};
            if (QFileInfo::exists(socket)) {
                // The socket appears before the daemon serves it: a connection proves it is up.
                auto connection = DirectConnection::open(LabPlan::uri(m_labDir, daemon.node));
                if (connection)
                    break;
            }
            if (deadline.hasExpired())
                return Error{ErrorCode::Timeout, daemon.node,
                             tr("The node's libvirtd did not start in time."), socket};
            QThread::msleep(20);
        }
        progress(QStringLiteral("node ") + daemon.node);
    }
    return {};
}

Result<void> LabSupervisor::startGuests()
{
    // One thread and connection per node: QEMU start-up dominates and runs in parallel.
    const QString kernel = LabPlan::kernelFile(m_labDir);
    QList<std::optional<Error>> errors(m_daemons.size());
    std::vector<std::thread> threads;
    for (qsizetype i = 0; i < m_daemons.size(); ++i) {
        const QString node = m_daemons.at(i).node;
        const QString uri = LabPlan::uri(m_labDir, node);
        threads.emplace_back([&errors, i, node, uri, kernel] {
            auto connection = DirectConnection::open(uri);
            if (!connection) {
                errors[i] = connection.error();
                return;
            }
            for (const LabPlan::Guest& guest : LabPlan::guests()) {
                if (guest.homeNode != node)
                    continue;
                if (auto started = connection.value().defineAndStart(LabPlan::domainXml(guest, kernel));
                    !started) {
                    errors[i] = started.error();
                    return;
                }
            }
        });
    }
    for (std::thread& thread : threads)
        thread.join();
    for (const auto& error : errors) {
        if (error)
            return *error;
    }
    for (const LabPlan::Guest& guest : LabPlan::guests())
        progress(QStringLiteral("guest %1 %2").arg(guest.name, guest.homeNode));
    return {};
}

Result<void> LabSupervisor::writeState()
{
    const QList<LabPlan::Node> planNodes = LabPlan::nodes();
    const Inventory inventory = LabPlan::inventory(m_labDir, m_tlsPort, m_access);
    QJsonArray nodes;
    for (const Daemon& daemon : std::as_const(m_daemons)) {
        const auto plan = std::find_if(planNodes.cbegin(), planNodes.cend(),
                                       [&](const LabPlan::Node& node) { return node.name == daemon.node; });
        nodes.append(QJsonObject{
            {QStringLiteral("name"), daemon.node},
            {QStringLiteral("site"), plan != planNodes.cend() ? plan->site : QString()},
            {QStringLiteral("uri"), inventory.node(daemon.node) ? inventory.node(daemon.node)->uri
                                                                : LabPlan::uri(m_labDir, daemon.node)},
            {QStringLiteral("migrationUri"), LabPlan::migrationUri()},
            {QStringLiteral("daemonPid"), daemon.pid},
            {QStringLiteral("migrationPortMin"), daemon.portMin},
            {QStringLiteral("migrationPortMax"), daemon.portMax},
        });
    }
    QJsonArray guests;
    for (const LabPlan::Guest& guest : LabPlan::guests())
        guests.append(
            QJsonObject{{QStringLiteral("name"), guest.name}, {QStringLiteral("node"), guest.homeNode}});
    const QJsonObject state{
        {QStringLiteral("id"), QFileInfo(m_labDir).fileName()},
        {QStringLiteral("dir"), m_labDir},
        {QStringLiteral("inventory"), LabPlan::inventoryFile(m_labDir)},
        {QStringLiteral("supervisorPid"), qint64(getpid())},
        {QStringLiteral("ownerPid"), m_ownerPid},
        {QStringLiteral("nodes"), nodes},
        {QStringLiteral("guests"), guests},
    };
    return writeFile(LabPlan::stateFile(m_labDir), QJsonDocument(state).toJson());
}

void LabSupervisor::progress(const QString& key)
{
    QFile file(LabPlan::progressFile(m_labDir));
    if (file.open(QIODevice::WriteOnly | QIODevice::Append))
        file.write(key.toUtf8() + '\n');
}

void LabSupervisor::onSignal()
{
    char buffer[64];
    bool terminate = false;
    bool restart = false;
    ssize_t length = 0;
    while ((length = read(s_signalPipe[0], buffer, sizeof buffer)) > 0) {
        for (ssize_t i = 0; i < length; ++i)
            (buffer[i] == 'R' ? restart : terminate) = true;
    }
    if (terminate) {
        qDebug("lab supervisor: termination requested");
        teardown();
    } else if (restart) {
        restartDeadDaemons();
    }
}

void LabSupervisor::restartDeadDaemons()
{
    if (m_tearingDown)
        return;
    // The same configuration, host UUID and directories: the daemon finds its guests' QEMU
    // processes (which outlive it) through its runtime directory and reconnects to them.
    QStringList restarted;
    for (Daemon& daemon : m_daemons) {
        if (LabProcesses::isAlive(ProcessRecord{daemon.pid, daemon.startTime}))
            continue;
        if (auto started = startDaemon(daemon); !started) {
            qWarning("lab supervisor: %s", qPrintable(started.error().toString()));
            continue;
        }
        restarted.append(daemon.node);
    }
    if (restarted.isEmpty())
        return;
    // Only the restarted ones are waited for: a frozen daemon would never answer.
    if (auto ready = waitForDaemons(restarted); !ready)
        qWarning("lab supervisor: %s", qPrintable(ready.error().toString()));
    // lab.json names the new pids once the daemons answer: that is what Lab::restartDaemons waits for.
    if (auto state = writeState(); !state)
        qWarning("lab supervisor: %s", qPrintable(state.error().toString()));
    recordProcesses();
}

void LabSupervisor::recordProcesses()
{
    if (m_tearingDown)
        return;
    // As a child subreaper this process inherits every orphan below it: its descendants are
    // exactly what the lab started (daemons, their virtlogd, QEMU).
    const QByteArray records = LabProcesses::format(LabProcesses::descendantsOf(getpid()));
    if (records == m_recordedProcesses)
        return;
    if (auto written = writeFile(LabPlan::processesFile(m_labDir), records); !written) {
        qWarning("lab supervisor: %s", qPrintable(written.error().toString()));
        return;
    }
    m_recordedProcesses = records;
}

void LabSupervisor::checkOwner()
{
    if (!LabProcesses::isAlive(m_owner)) {
        qDebug("lab supervisor: owner %lld is gone", m_ownerPid);
        teardown();
    }
}

void LabSupervisor::teardown()
{
    if (m_tearingDown)
        return;
    m_tearingDown = true;
    if (m_ownerTimer)
        m_ownerTimer->stop();
    if (m_processTimer)
        m_processTimer->stop();
    stopProcesses();
    QDir(m_labDir).removeRecursively();
    QCoreApplication::exit(0);
}

void LabSupervisor::stopProcesses()
{
    // Only this process's descendants: the daemons and what they started, nothing else that
    // happens to run on the machine. QEMU first: a session libvirtd leaves its guests running
    // when it stops.
    const qint64 self = getpid();
    const auto others = [self] { return LabProcesses::descendantsOf(self); };
    QList<ProcessRecord> daemons;
    for (const Daemon& daemon : std::as_const(m_daemons)) {
        if (daemon.pid > 0)
            daemons.append(ProcessRecord{daemon.pid, daemon.startTime});
    }
    for (const ProcessRecord& record : others()) {
        if (!daemons.contains(record))
            LabProcesses::signal(record, SIGTERM);
    }
    for (const ProcessRecord& record : std::as_const(daemons))
        LabProcesses::signal(record, SIGTERM);
    QDeadlineTimer deadline(8000);
    while (!others().isEmpty() && !deadline.hasExpired())
        QThread::msleep(20);
    const QList<ProcessRecord> stubborn = others();
    for (const ProcessRecord& record : stubborn) {
        qWarning("lab supervisor: killing pid %lld", record.pid);
        LabProcesses::signal(record, SIGKILL);
    }
    deadline.setRemainingTime(3000);
    while (!others().isEmpty() && !deadline.hasExpired())
        QThread::msleep(20);
}

} // namespace kumo

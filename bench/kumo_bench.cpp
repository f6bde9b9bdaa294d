// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// kumo_bench: runs the real console window offscreen against generated libvirt test:/// nodes
// and measures launch-to-populated time, GUI-thread stalls, CPU per minute and peak RSS while
// instances are suspended and resumed through ClusterController::requestAction every tick.
// Two modes: `--generate DIR` writes the test-driver files and DIR/inventory.toml (so another
// program can be measured on the very same inventory); `--inventory FILE` measures Kumo on it.
// Without either, a cluster is generated into a temporary directory first.
// `--monitoring` adds the console's monitoring as the kumo executable wires it (MonitoringSet: alerts,
// event log, service prober, and their docks in the window); `--probes` also gives every instance one
// TCP service probe, at Kumo's default interval and timeout, against loopback servers that a child
// process of the benchmark runs (`--serve-probes`), so that their CPU is counted apart.
// Thread: GUI (main).
#include <sys/prctl.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPaintEvent>
#include <QPixmap>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSysInfo>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

#include "app/cluster/clustercontroller.h"
#include "app/monitoring/campusheadroomwatch.h"
#include "app/monitoring/monitoringset.h"
#include "core/inventory.h"
#include "support/testdriver.h"
#include "ui/clusterselection.h"
#include "ui/mainwindow.h"
#include "ui/map/campusmapscene.h"
#include "ui/map/campusmapview.h"

namespace {

struct Bench
{
    Q_DECLARE_TR_FUNCTIONS(kumo::Bench)
};

void print(const QString& text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

void printError(const QString& text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stderr);
}

// Milliseconds between the kernel starting this process and now. /proc/self/stat field 22 is
// the start time in clock ticks since boot, which the kernel counts on CLOCK_BOOTTIME.
std::optional<double> msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray line = stat.readAll();
    // The command name (field 2) may contain spaces; fields after it follow the last ')'.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return std::nullopt;
    bool ok = false;
    const double startTicks = fields.at(19).toDouble(&ok); // field 22 overall
    if (!ok)
        return std::nullopt;
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
    return nowMs - startTicks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

// User+system CPU seconds of another process (fields 14 and 15 of /proc/PID/stat); -1 when unknown.
double processCpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return (fields.at(11).toDouble() + fields.at(12).toDouble()) / double(sysconf(_SC_CLK_TCK));
}

// The three load averages of /proc/loadavg ("1.20 0.98 0.75").
QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> fields = file.readAll().split(' ');
    return QString::fromLatin1(fields.mid(0, 3).join(' '));
}

double cpuSeconds(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// A "VmHWM:  12345 kB" style field of /proc/self/status, in KiB.
qint64 statusKiB(const char* field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

double percentile(const QList<double>& sorted, double p)
{
    if (sorted.isEmpty())
        return 0;
    const auto index = qsizetype(p * double(sorted.size() - 1) + 0.5);
    return sorted.at(std::clamp<qsizetype>(index, 0, sorted.size() - 1));
}

// Event-loop latency: a 1 ms precise timer; each tick records how much later than 1 ms after the
// previous one it ran. Anything that keeps the GUI thread busy shows up as lateness.
class StallProbe : public QObject
{
public:
    explicit StallProbe(QObject* parent)
        : QObject(parent)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_recording && m_last >= 0)
                m_latenessMs.append(std::max<double>(0.0, double(now - m_last) / 1e6 - 1.0));
            m_last = now;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = -1;
        m_timer.start();
    }
    void setRecording(bool on)
    {
        m_recording = on;
        m_last = -1;
    }
    void stop() { m_timer.stop(); }
    [[nodiscard]] QList<double> sortedLateness() const
    {
        QList<double> sorted = m_latenessMs;
        std::sort(sorted.begin(), sorted.end());
        return sorted;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    bool m_recording = false;
    QList<double> m_latenessMs;
};

// Paint events of one widget (the map's viewport) while recording, and the pixels they covered: how
// often the map repaints and how much of it.
class PaintCounter : public QObject
{
public:
    explicit PaintCounter(QWidget* widget)
        : QObject(widget)
    {
        widget->installEventFilter(this);
    }
    void setRecording(bool on) { m_recording = on; }
    [[nodiscard]] qint64 events() const { return m_events; }
    [[nodiscard]] double megapixels() const { return double(m_pixels) / 1e6; }

protected:
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (m_recording && event->type() == QEvent::Paint) {
            ++m_events;
            for (const QRect& rect : static_cast<QPaintEvent*>(event)->region())
                m_pixels += qint64(rect.width()) * rect.height();
        }
        return false;
    }

private:
    bool m_recording = false;
    qint64 m_events = 0;
    qint64 m_pixels = 0;
};

struct Options
{
    int sites = 2;
    int nodesPerSite = 2;
    int instancesPerNode = 20;
    int seconds = 60;
    int probeFreeSeconds = 60;
    int intervalMs = 1000;
    double churnPercent = 2.0;
    int warmupMs = 2000;
    int timeoutSeconds = 300;
    QString out;
    QString inventory;
    QString generate;
    QString screenshot;
    bool calibrateProbe = false;
    bool monitoring = false;
    bool probes = false;
    int probeServers = 50;
};

std::optional<Options> parseOptions(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Bench::tr("Measures the Kumo console on generated libvirt test:/// nodes."));
    parser.addHelpOption();
    const auto value = [&parser](const QString& name, const QString& help, const QString& def) {
        parser.addOption({name, help, QStringLiteral("value"), def});
    };
    value(QStringLiteral("sites"), Bench::tr("Number of sites (default %1).").arg(2), QStringLiteral("2"));
    value(QStringLiteral("nodes-per-site"), Bench::tr("Nodes per site."), QStringLiteral("2"));
    value(QStringLiteral("instances-per-node"), Bench::tr("Instances per node."), QStringLiteral("20"));
    value(QStringLiteral("seconds"), Bench::tr("Length of the steady phase in seconds."),
          QStringLiteral("60"));
    value(QStringLiteral("probe-free-seconds"),
          Bench::tr("Length of a second steady phase without the stall probe, for the CPU figure "
                    "without the probe's own cost (0: none)."),
          QStringLiteral("60"));
    value(QStringLiteral("interval-ms"), Bench::tr("Poll and churn interval in milliseconds."),
          QStringLiteral("1000"));
    value(QStringLiteral("churn-percent"),
          Bench::tr("Percent of instances suspended or resumed every interval."), QStringLiteral("2"));
    value(QStringLiteral("warmup-ms"),
          Bench::tr("Time after the first full frame before the steady phase starts."),
          QStringLiteral("2000"));
    value(QStringLiteral("timeout"), Bench::tr("Give up when not populated after this many seconds."),
          QStringLiteral("300"));
    value(QStringLiteral("out"), Bench::tr("Write the results as JSON to this file."), {});
    value(QStringLiteral("inventory"),
          Bench::tr("Measure on this inventory (made with --generate) instead of generating one."), {});
    value(QStringLiteral("generate"),
          Bench::tr("Only write the test-driver files and inventory.toml into this directory."), {});
    value(QStringLiteral("screenshot"), Bench::tr("Save the first full frame as PNG to this file."), {});
    parser.addOption({QStringLiteral("monitoring"),
                      Bench::tr("Run the console's monitoring too: alerts, event log and service prober.")});
    parser.addOption({QStringLiteral("probes"),
                      Bench::tr("Give every instance one TCP service probe against loopback servers run by a "
                                "child process (implies --monitoring).")});
    value(QStringLiteral("probe-servers"),
          Bench::tr("Number of loopback servers for --probes, on 127.0.0.2 and up (1 to 250)."),
          QStringLiteral("50"));
    parser.addOption({QStringLiteral("calibrate-probe"),
                      Bench::tr("Measure the CPU cost of the stall probe alone (no window, no nodes).")});
    parser.process(arguments);

    Options options;
    bool ok = true;
    const auto number = [&](const QString& name) {
        bool good = false;
        const int result = parser.value(name).toInt(&good);
        ok = ok && good && result >= 0;
        return result;
    };
    options.sites = number(QStringLiteral("sites"));
    options.nodesPerSite = number(QStringLiteral("nodes-per-site"));
    options.instancesPerNode = number(QStringLiteral("instances-per-node"));
    options.seconds = number(QStringLiteral("seconds"));
    options.probeFreeSeconds = number(QStringLiteral("probe-free-seconds"));
    options.intervalMs = number(QStringLiteral("interval-ms"));
    options.warmupMs = number(QStringLiteral("warmup-ms"));
    options.timeoutSeconds = number(QStringLiteral("timeout"));
    options.probeServers = number(QStringLiteral("probe-servers"));
    ok = ok && options.probeServers >= 1 && options.probeServers <= 250;
    bool good = false;
    options.churnPercent = parser.value(QStringLiteral("churn-percent")).toDouble(&good);
    ok = ok && good && options.churnPercent >= 0 && options.churnPercent <= 100;
    if (!ok || options.intervalMs == 0) {
        printError(Bench::tr("Invalid number in the arguments; see --help."));
        return std::nullopt;
    }
    options.out = parser.value(QStringLiteral("out"));
    options.inventory = parser.value(QStringLiteral("inventory"));
    options.generate = parser.value(QStringLiteral("generate"));
    options.screenshot = parser.value(QStringLiteral("screenshot"));
    options.calibrateProbe = parser.isSet(QStringLiteral("calibrate-probe"));
    options.probes = parser.isSet(QStringLiteral("probes"));
    options.monitoring = options.probes || parser.isSet(QStringLiteral("monitoring"));
    return options;
}

bool writeJson(const QString& path, const QJsonObject& object)
{
    if (path.isEmpty())
        return true;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        printError(Bench::tr("Cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    file.write(QJsonDocument(object).toJson());
    return true;
}

int generate(const Options& options)
{
    const kumo::TestCluster cluster = kumo::generateTestCluster(
        options.generate, options.sites, options.nodesPerSite, options.instancesPerNode);
    if (cluster.nodes.isEmpty()) {
        printError(Bench::tr("Cannot write the test-driver files into %1.").arg(options.generate));
        return 1;
    }
    kumo::Inventory inventory = cluster.inventory;
    inventory.pollIntervalMs = options.intervalMs;
    const QString path = QDir(options.generate).filePath(QStringLiteral("inventory.toml"));
    const kumo::Result<void> saved = inventory.save(path);
    if (!saved) {
        printError(saved.error().toString());
        return 1;
    }
    // One URI per line, for tools that do not read Kumo's inventory.
    QFile uris(QDir(options.generate).filePath(QStringLiteral("uris.txt")));
    if (!uris.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        printError(Bench::tr("Cannot write %1: %2").arg(uris.fileName(), uris.errorString()));
        return 1;
    }
    for (const kumo::NodeConfig& node : inventory.nodes)
        uris.write(node.uri.toUtf8() + '\n');
    print(Bench::tr("Wrote %1 nodes with %2 instances to %3.")
              .arg(inventory.nodes.size())
              .arg(inventory.nodes.size() * options.instancesPerNode)
              .arg(path));
    return 0;
}

int calibrateProbe(const Options& options)
{
    StallProbe probe(nullptr);
    probe.start();
    probe.setRecording(true);
    const double cpuBefore = cpuSeconds(RUSAGE_SELF);
    QElapsedTimer wall;
    wall.start();
    QTimer::singleShot(options.seconds * 1000, qApp, &QCoreApplication::quit);
    QCoreApplication::exec();
    const double minutes = double(wall.elapsed()) / 60000.0;
    const double perMinute = (cpuSeconds(RUSAGE_SELF) - cpuBefore) / minutes;
    print(Bench::tr("Stall probe alone: %1 CPU seconds per minute (%2% of one core).")
              .arg(perMinute, 0, 'f', 2)
              .arg(perMinute / 60.0 * 100.0, 0, 'f', 2));
    QJsonObject json{{QStringLiteral("probe_cpu_seconds_per_minute"), perMinute},
                     {QStringLiteral("seconds"), double(wall.elapsed()) / 1000.0}};
    return writeJson(options.out, json) ? 0 : 1;
}

// `kumo_bench --serve-probes COUNT`: the services of a --probes run, in a process of its own. COUNT
// TCP servers on 127.0.0.2, 127.0.0.3, ... (ports chosen by the kernel) accept every connection and
// keep it until the checker closes it (at most 10 s). Prints "LISTEN address port" per server, then
// "READY"; ends with its parent.
int serveProbes(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (::getppid() == 1)
        return 1; // the parent is gone already
    const int count = std::clamp(QCoreApplication::arguments().value(2).toInt(), 1, 250);
    for (int i = 0; i < count; ++i) {
        auto* server = new QTcpServer(&app);
        const QHostAddress address(QStringLiteral("127.0.0.%1").arg(2 + i));
        if (!server->listen(address, 0)) {
            printError(Bench::tr("Cannot listen on %1: %2").arg(address.toString(), server->errorString()));
            return 1;
        }
        QObject::connect(server, &QTcpServer::newConnection, server, [server] {
            while (QTcpSocket* socket = server->nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                QTimer::singleShot(10000, socket, [socket] {
                    socket->abort();
                    socket->deleteLater();
                });
            }
        });
        print(QStringLiteral("LISTEN %1 %2").arg(address.toString()).arg(server->serverPort()));
    }
    print(QStringLiteral("READY"));
    return QCoreApplication::exec();
}

struct ProbeServer
{
    QString host;
    int port = 0;
};

// Starts the --serve-probes child and reads where it listens; empty when it did not come up in 20 s.
QList<ProbeServer> startProbeServers(QProcess& process, int count)
{
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QCoreApplication::applicationFilePath(),
                  {QStringLiteral("--serve-probes"), QString::number(count)});
    QList<ProbeServer> servers;
    if (!process.waitForStarted(10000))
        return {};
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 20000) {
        while (process.canReadLine()) {
            const QList<QByteArray> words = process.readLine().trimmed().split(' ');
            if (words.value(0) == "READY")
                return servers.size() == count ? servers : QList<ProbeServer>{};
            if (words.value(0) == "LISTEN" && words.size() == 3)
                servers.append({QString::fromLatin1(words.at(1)), words.at(2).toInt()});
        }
        if (process.state() != QProcess::Running)
            return {};
        process.waitForReadyRead(1000);
    }
    return {};
}

} // namespace

int main(int argc, char** argv)
{
    if (argc >= 2 && qstrcmp(argv[1], "--serve-probes") == 0)
        return serveProbes(argc, argv);

    // The launch clock: started before anything else; /proc adds what happened before main().
    QElapsedTimer sinceMain;
    sinceMain.start();
    const double preMainMs = msSinceProcessStart().value_or(0.0);

    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kumo_bench"));
    QCoreApplication::setOrganizationName(QStringLiteral("kumo_bench"));

    const std::optional<Options> parsed = parseOptions(QCoreApplication::arguments());
    if (!parsed)
        return 2;
    Options options = *parsed;
    if (!options.generate.isEmpty())
        return generate(options);
    if (options.calibrateProbe)
        return calibrateProbe(options);

    // Without an inventory the cluster is generated here; the launch clock then restarts after
    // generation so that writing files is not counted as start-up.
    bool clockFromProcessStart = true;
    QTemporaryDir scratch;
    kumo::Inventory inventory;
    if (options.inventory.isEmpty()) {
        const kumo::TestCluster cluster = kumo::generateTestCluster(
            scratch.path(), options.sites, options.nodesPerSite, options.instancesPerNode);
        if (cluster.nodes.isEmpty()) {
            printError(Bench::tr("Cannot write the test-driver files into %1.").arg(scratch.path()));
            return 1;
        }
        inventory = cluster.inventory;
        clockFromProcessStart = false;
        sinceMain.restart();
    } else {
        const kumo::Result<kumo::Inventory> loaded = kumo::Inventory::load(options.inventory);
        if (!loaded) {
            printError(loaded.error().toString());
            return 1;
        }
        inventory = loaded.value();
    }
    inventory.pollIntervalMs = options.intervalMs;

    // --probes: one TCP probe per instance, the servers taken in turn. Starting them is not
    // counted in the launch figures.
    QProcess probeServerProcess;
    double probeServersStartMs = 0;
    int probeCount = 0;
    if (options.probes) {
        QElapsedTimer serversClock;
        serversClock.start();
        const QList<ProbeServer> servers = startProbeServers(probeServerProcess, options.probeServers);
        probeServersStartMs = double(serversClock.nsecsElapsed()) / 1e6;
        if (servers.isEmpty()) {
            printError(Bench::tr("The loopback probe servers did not start."));
            return 1;
        }
        QHash<QString, qsizetype> configured;
        for (qsizetype i = 0; i < inventory.instances.size(); ++i)
            configured.insert(inventory.instances.at(i).name, i);
        for (const kumo::NodeConfig& node : std::as_const(inventory.nodes)) {
            for (int i = 0; i < options.instancesPerNode; ++i) {
                const ProbeServer& server = servers.at(probeCount % servers.size());
                kumo::ServiceProbe probe; // Kumo's default interval and timeout
                probe.kind = QStringLiteral("tcp");
                probe.host = server.host;
                probe.port = server.port;
                const QString name = kumo::testDomain(node.name, i).name;
                if (const auto it = configured.constFind(name); it != configured.constEnd()) {
                    inventory.instances[*it].probes = {probe};
                } else {
                    kumo::InstanceConfig config;
                    config.name = name;
                    config.probes = {probe};
                    inventory.instances.append(config);
                }
                ++probeCount;
            }
        }
    }

    const double clockOffsetMs = (clockFromProcessStart ? preMainMs : 0.0) - probeServersStartMs;
    const auto launchMs = [&] { return clockOffsetMs + double(sinceMain.nsecsElapsed()) / 1e6; };
    const int expectedNodes = int(inventory.nodes.size());
    const int expectedInstances = expectedNodes * options.instancesPerNode;

    kumo::ClusterController controller;
    // As in the kumo executable: built before the window that shows it, destroyed after it.
    std::unique_ptr<kumo::MonitoringSet> monitoring;
    if (options.monitoring)
        monitoring = std::make_unique<kumo::MonitoringSet>(&controller);
    kumo::MainWindow window(&controller);
    if (monitoring) {
        window.setMonitoring(&monitoring->monitoring, &monitoring->eventLog);
        window.setServiceProber(&monitoring->prober);
    }
    window.resize(1600, 1000);
    window.show();
    StallProbe probe(&app);
    PaintCounter mapPaints(window.map()->viewport());

    // Counters of what came back.
    int connectedNodes = 0;
    QStringList uuids;
    uuids.reserve(expectedInstances);
    QSet<QString> pending;
    QSet<QString> pendingInSteady; // sent during the steady phase: only their outcomes count
    qint64 actionsSent = 0;
    qint64 actionsSucceeded = 0;
    qint64 actionsFailed = 0;
    qint64 instanceChangedSignals = 0;
    qint64 nodeChangedSignals = 0;
    bool steady = false;
    // What the monitoring did: over the whole run and over the steady phases.
    qint64 alertsRaised = 0;
    qint64 alertsRaisedSteady = 0;
    qint64 eventsLogged = 0;
    qint64 eventsLoggedSteady = 0;
    qint64 probeChecksSteady = 0;
    qint64 probeChecksDownSteady = 0;
    double probeServerCpuStart = -1;
    double probeServerCpuPerMinute = -1;
    QString loadAtStart;
    QString loadAtEnd;

    double populatedMs = -1;
    double sessionsStartedMs = -1; // when the inventory reached the controller
    double startupCpu = 0;         // CPU seconds of the process until the first full frame
    double startupGuiCpu = 0;      // of which the GUI thread
    double frameMs = -1;
    double steadyCpuStart = 0;
    double steadyGuiCpuStart = 0;
    QElapsedTimer steadyClock;
    QTimer churnTimer;
    QRandomGenerator random(42);

    const auto finish = [&] { QCoreApplication::quit(); };

    // Steady phase 1 with the stall probe (stall, repaints, CPU including the probe); phase 2, as
    // long, without it: the CPU the console itself uses, under the same churn.
    double steadyMinutes = 0;
    double cpuPerMinute = 0;
    double guiCpuPerMinute = 0;
    double probeFreeMinutes = 0;
    double probeFreeCpuPerMinute = -1;
    double probeFreeGuiCpuPerMinute = -1;
    const auto endProbeFree = [&] {
        probeFreeMinutes = double(steadyClock.elapsed()) / 60000.0;
        probeFreeCpuPerMinute = (cpuSeconds(RUSAGE_SELF) - steadyCpuStart) / probeFreeMinutes;
        probeFreeGuiCpuPerMinute = (cpuSeconds(RUSAGE_THREAD) - steadyGuiCpuStart) / probeFreeMinutes;
        if (probeServerCpuStart >= 0)
            probeServerCpuPerMinute =
                (processCpuSeconds(probeServerProcess.processId()) - probeServerCpuStart) / probeFreeMinutes;
        finish();
    };
    const auto endProbed = [&] {
        steadyMinutes = double(steadyClock.elapsed()) / 60000.0;
        cpuPerMinute = (cpuSeconds(RUSAGE_SELF) - steadyCpuStart) / steadyMinutes;
        guiCpuPerMinute = (cpuSeconds(RUSAGE_THREAD) - steadyGuiCpuStart) / steadyMinutes;
        probe.stop();
        mapPaints.setRecording(false);
        if (options.probeFreeSeconds == 0) {
            finish();
            return;
        }
        steadyCpuStart = cpuSeconds(RUSAGE_SELF);
        steadyGuiCpuStart = cpuSeconds(RUSAGE_THREAD);
        if (options.probes)
            probeServerCpuStart = processCpuSeconds(probeServerProcess.processId());
        steadyClock.start();
        QTimer::singleShot(options.probeFreeSeconds * 1000, &app, endProbeFree);
    };
    const auto startSteady = [&] {
        steady = true;
        loadAtStart = loadAverage();
        steadyCpuStart = cpuSeconds(RUSAGE_SELF);
        steadyGuiCpuStart = cpuSeconds(RUSAGE_THREAD);
        steadyClock.start();
        probe.setRecording(true);
        mapPaints.setRecording(true);
        QTimer::singleShot(options.seconds * 1000, &app, endProbed);
    };

    std::function<void()> grabWhenSettled;
    bool settled = false;
    const auto checkPopulated = [&] {
        if (populatedMs >= 0 || connectedNodes < expectedNodes ||
            controller.instanceCount() < expectedInstances)
            return;
        populatedMs = launchMs();
        // Let every queued update reach the widgets (the map's layout and the status bar's counts
        // are coalesced by timers of their own), then paint the whole window once.
        QTimer::singleShot(0, &window, grabWhenSettled);
    };
    grabWhenSettled = [&] {
        const QString counts =
            QStringLiteral("%1/%2").arg(controller.runningInstanceCount()).arg(controller.instanceCount());
        if (window.map()->mapScene()->isLayoutPending() || !window.statusText().contains(counts)) {
            QTimer::singleShot(1, &window, grabWhenSettled);
            return;
        }
        // One more pass of the event loop for the layout requests those last changes posted.
        if (!settled) {
            settled = true;
            QTimer::singleShot(0, &window, grabWhenSettled);
            return;
        }
        const QPixmap frame = window.grab();
        frameMs = launchMs();
        startupCpu = cpuSeconds(RUSAGE_SELF);
        startupGuiCpu = cpuSeconds(RUSAGE_THREAD);
        if (!options.screenshot.isEmpty())
            frame.save(options.screenshot);
        print(Bench::tr("Populated after %1 ms; first full frame after %2 ms.")
                  .arg(populatedMs, 0, 'f', 0)
                  .arg(frameMs, 0, 'f', 0));
        probe.start();
        if (options.churnPercent > 0)
            churnTimer.start(options.intervalMs);
        QTimer::singleShot(options.warmupMs, &app, startSteady);
    };

    if (monitoring) {
        QObject::connect(&monitoring->monitoring, &kumo::MonitoringController::alertRaised, &app,
                         [&](const kumo::Alert&) {
                             ++alertsRaised;
                             if (steady)
                                 ++alertsRaisedSteady;
                         });
        QObject::connect(&monitoring->eventLog, &kumo::EventLog::appended, &app, [&](int count) {
            eventsLogged += count;
            if (steady)
                eventsLoggedSteady += count;
        });
        QObject::connect(&monitoring->prober, &kumo::ServiceProber::resultChanged, &app,
                         [&](const QString& uuid) {
                             if (!steady)
                                 return;
                             ++probeChecksSteady;
                             if (monitoring->prober.summary(uuid).state == kumo::ProbeState::Down)
                                 ++probeChecksDownSteady;
                         });
    }

    QObject::connect(&controller, &kumo::ClusterController::nodeChanged, &app, [&](const QString& name) {
        ++nodeChangedSignals;
        if (populatedMs < 0) {
            connectedNodes = controller.connectedNodeCount();
            checkPopulated();
        }
        (void)name;
    });
    QObject::connect(&controller, &kumo::ClusterController::instanceAdded, &app, [&](const QString& uuid) {
        uuids.append(uuid);
        checkPopulated();
    });
    QObject::connect(&controller, &kumo::ClusterController::instanceChanged, &app, [&](const QString&) {
        if (steady)
            ++instanceChangedSignals;
    });
    QObject::connect(&controller, &kumo::ClusterController::actionFinished, &app,
                     [&](quint64, const QString& uuid, kumo::InstanceAction, const kumo::Error& error) {
                         pending.remove(uuid);
                         if (!pendingInSteady.remove(uuid))
                             return;
                         if (error.code == kumo::ErrorCode::None)
                             ++actionsSucceeded;
                         else
                             ++actionsFailed;
                     });

    // Churn: every interval, P% of the instances are suspended (running) or resumed (paused)
    // through the console's own action path; the outcome comes back as instanceChanged.
    churnTimer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&churnTimer, &QTimer::timeout, &app, [&] {
        const auto count = qsizetype(double(uuids.size()) * options.churnPercent / 100.0 + 0.5);
        for (qsizetype i = 0; i < count; ++i) {
            const QString& uuid = uuids.at(qsizetype(random.bounded(quint32(uuids.size()))));
            if (pending.contains(uuid))
                continue;
            const kumo::InstanceSnapshot* instance = controller.instance(uuid);
            if (!instance)
                continue;
            kumo::InstanceAction action;
            if (instance->state == kumo::InstanceState::Running)
                action = kumo::InstanceAction::Suspend;
            else if (instance->state == kumo::InstanceState::Paused)
                action = kumo::InstanceAction::Resume;
            else
                continue;
            pending.insert(uuid);
            controller.requestAction(uuid, action);
            if (steady) {
                pendingInSteady.insert(uuid);
                ++actionsSent;
            }
        }
    });

    QTimer::singleShot(options.timeoutSeconds * 1000, &app, [&] {
        if (populatedMs < 0) {
            printError(Bench::tr("Not populated after %1 s: %2 of %3 nodes connected, %4 of %5 instances.")
                           .arg(options.timeoutSeconds)
                           .arg(connectedNodes)
                           .arg(expectedNodes)
                           .arg(controller.instanceCount())
                           .arg(expectedInstances));
            QCoreApplication::exit(3);
        }
    });

    sessionsStartedMs = launchMs();
    controller.setInventory(inventory);
    const int code = QCoreApplication::exec();
    churnTimer.stop();
    probe.stop();
    loadAtEnd = loadAverage();
    if (code != 0 || !steady) {
        controller.shutdown();
        return code != 0 ? code : 3;
    }

    const qint64 peakRssKiB = statusKiB("VmHWM");
    const qint64 rssKiB = statusKiB("VmRSS");
    const QList<double> lateness = probe.sortedLateness();
    const double p50 = percentile(lateness, 0.50);
    const double p99 = percentile(lateness, 0.99);
    const double stallMax = lateness.isEmpty() ? 0.0 : lateness.constLast();

    print(Bench::tr("Kumo: %1 nodes, %2 instances, poll every %3 ms, churn %4% per tick, steady %5 s")
              .arg(expectedNodes)
              .arg(expectedInstances)
              .arg(options.intervalMs)
              .arg(options.churnPercent)
              .arg(steadyMinutes * 60.0, 0, 'f', 1));
    print(Bench::tr("  launch to first full frame: %1 ms (populated at %2 ms; clock from %3)")
              .arg(frameMs, 0, 'f', 0)
              .arg(populatedMs, 0, 'f', 0)
              .arg(clockFromProcessStart ? Bench::tr("process start") : Bench::tr("after generation")));
    print(
        Bench::tr("  CPU until the first full frame: %1 s, of which the GUI thread %2 s; sessions started at "
                  "%3 ms")
            .arg(startupCpu, 0, 'f', 2)
            .arg(startupGuiCpu, 0, 'f', 2)
            .arg(sessionsStartedMs, 0, 'f', 0));
    print(Bench::tr("  GUI stall: p50 %1 ms, p99 %2 ms, max %3 ms (%4 samples)")
              .arg(p50, 0, 'f', 2)
              .arg(p99, 0, 'f', 2)
              .arg(stallMax, 0, 'f', 2)
              .arg(lateness.size()));
    print(Bench::tr("  CPU: %1 s per minute (%2% of one core); GUI thread %3 s per minute")
              .arg(cpuPerMinute, 0, 'f', 2)
              .arg(cpuPerMinute / 60.0 * 100.0, 0, 'f', 1)
              .arg(guiCpuPerMinute, 0, 'f', 2));
    if (probeFreeCpuPerMinute >= 0)
        print(Bench::tr(
                  "  CPU without the probe (%1 s more): %2 s per minute (%3% of one core); GUI thread %4 s "
                  "per minute")
                  .arg(probeFreeMinutes * 60.0, 0, 'f', 1)
                  .arg(probeFreeCpuPerMinute, 0, 'f', 2)
                  .arg(probeFreeCpuPerMinute / 60.0 * 100.0, 0, 'f', 1)
                  .arg(probeFreeGuiCpuPerMinute, 0, 'f', 2));
    print(Bench::tr("  map repaints: %1 per second, %2 megapixels per second")
              .arg(double(mapPaints.events()) / (steadyMinutes * 60.0), 0, 'f', 1)
              .arg(mapPaints.megapixels() / (steadyMinutes * 60.0), 0, 'f', 2));
    print(Bench::tr("  peak RSS: %1 MiB (now %2 MiB)")
              .arg(double(peakRssKiB) / 1024.0, 0, 'f', 1)
              .arg(double(rssKiB) / 1024.0, 0, 'f', 1));
    print(Bench::tr("  churn: %1 actions sent, %2 succeeded, %3 failed; %4 instanceChanged, %5 nodeChanged")
              .arg(actionsSent)
              .arg(actionsSucceeded)
              .arg(actionsFailed)
              .arg(instanceChangedSignals)
              .arg(nodeChangedSignals));
    const kumo::CampusHeadroomWatch* headroom = window.map()->mapScene()->headroomWatch();
    print(Bench::tr("  campus headroom: %1 recomputations, last %2 ms, longest %3 ms on a pool thread; "
                    "longest input copy on the GUI thread %4 ms")
              .arg(headroom->computations())
              .arg(headroom->lastCostMs())
              .arg(headroom->maxCostMs())
              .arg(headroom->maxGatherMs()));
    const double steadySeconds = (steadyMinutes + probeFreeMinutes) * 60.0;
    const double probeChecksPerSecond = steadySeconds > 0 ? double(probeChecksSteady) / steadySeconds : 0.0;
    if (monitoring) {
        print(Bench::tr("  monitoring: %1 alerts raised (%2 in the steady phases, %3 active at the end); "
                        "%4 event-log entries (%5 in the steady phases, %6 kept)")
                  .arg(alertsRaised)
                  .arg(alertsRaisedSteady)
                  .arg(monitoring->monitoring.activeAlerts().size())
                  .arg(eventsLogged)
                  .arg(eventsLoggedSteady)
                  .arg(monitoring->eventLog.size()));
    }
    if (options.probes) {
        print(Bench::tr("  probes: %1 on %2 loopback servers (started in %3 ms); %4 checks per second in "
                        "the steady phases, %5 of them down; servers' CPU %6 s per minute")
                  .arg(probeCount)
                  .arg(options.probeServers)
                  .arg(probeServersStartMs, 0, 'f', 0)
                  .arg(probeChecksPerSecond, 0, 'f', 1)
                  .arg(probeChecksDownSteady)
                  .arg(probeServerCpuPerMinute, 0, 'f', 2));
    }
    print(Bench::tr("  load average at the start and the end of the steady phases: %1; %2")
              .arg(loadAtStart, loadAtEnd));

    const QJsonObject json{
        {QStringLiteral("program"), QStringLiteral("kumo")},
        {QStringLiteral("nodes"), expectedNodes},
        {QStringLiteral("instances"), expectedInstances},
        {QStringLiteral("interval_ms"), options.intervalMs},
        {QStringLiteral("churn_percent"), options.churnPercent},
        {QStringLiteral("steady_seconds"), steadyMinutes * 60.0},
        {QStringLiteral("launch_clock"),
         clockFromProcessStart ? QStringLiteral("process-start") : QStringLiteral("after-generation")},
        {QStringLiteral("populated_ms"), populatedMs},
        {QStringLiteral("startup_cpu_seconds"), startupCpu},
        {QStringLiteral("sessions_started_ms"), sessionsStartedMs},
        {QStringLiteral("startup_gui_thread_cpu_seconds"), startupGuiCpu},
        {QStringLiteral("first_full_frame_ms"), frameMs},
        {QStringLiteral("stall_p50_ms"), p50},
        {QStringLiteral("stall_p99_ms"), p99},
        {QStringLiteral("stall_max_ms"), stallMax},
        {QStringLiteral("stall_samples"), lateness.size()},
        {QStringLiteral("cpu_seconds_per_minute"), cpuPerMinute},
        {QStringLiteral("gui_thread_cpu_seconds_per_minute"), guiCpuPerMinute},
        {QStringLiteral("probe_free_seconds"), probeFreeMinutes * 60.0},
        {QStringLiteral("cpu_seconds_per_minute_without_probe"), probeFreeCpuPerMinute},
        {QStringLiteral("gui_thread_cpu_seconds_per_minute_without_probe"), probeFreeGuiCpuPerMinute},
        {QStringLiteral("peak_rss_kib"), peakRssKiB},
        {QStringLiteral("map_paints_per_second"), double(mapPaints.events()) / (steadyMinutes * 60.0)},
        {QStringLiteral("map_megapixels_per_second"), mapPaints.megapixels() / (steadyMinutes * 60.0)},
        {QStringLiteral("actions_sent"), actionsSent},
        {QStringLiteral("actions_succeeded"), actionsSucceeded},
        {QStringLiteral("actions_failed"), actionsFailed},
        {QStringLiteral("instance_changed_signals"), instanceChangedSignals},
        {QStringLiteral("node_changed_signals"), nodeChangedSignals},
        {QStringLiteral("headroom_computations"), headroom->computations()},
        {QStringLiteral("headroom_max_ms"), headroom->maxCostMs()},
        {QStringLiteral("headroom_gui_gather_max_ms"), headroom->maxGatherMs()},
        {QStringLiteral("monitoring"), options.monitoring},
        {QStringLiteral("probes"), probeCount},
        {QStringLiteral("probe_servers"), options.probes ? options.probeServers : 0},
        {QStringLiteral("probe_interval_ms"), kumo::ServiceProbe::DefaultIntervalMs},
        {QStringLiteral("probe_checks"), probeChecksSteady},
        {QStringLiteral("probe_checks_down"), probeChecksDownSteady},
        {QStringLiteral("probe_checks_per_second"), probeChecksPerSecond},
        {QStringLiteral("probe_server_cpu_seconds_per_minute"), probeServerCpuPerMinute},
        {QStringLiteral("alerts_raised"), alertsRaised},
        {QStringLiteral("alerts_raised_steady"), alertsRaisedSteady},
        {QStringLiteral("alerts_active"), monitoring ? int(monitoring->monitoring.activeAlerts().size()) : 0},
        {QStringLiteral("event_log_appended"), eventsLogged},
        {QStringLiteral("event_log_appended_steady"), eventsLoggedSteady},
        {QStringLiteral("event_log_size"), monitoring ? monitoring->eventLog.size() : 0},
        {QStringLiteral("load_average_start"), loadAtStart},
        {QStringLiteral("load_average_end"), loadAtEnd},
    };
    controller.shutdown();
    if (probeServerProcess.state() != QProcess::NotRunning) {
        probeServerProcess.kill();
        probeServerProcess.waitForFinished(5000);
    }
    return writeJson(options.out, json) ? 0 : 1;
}

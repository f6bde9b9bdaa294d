// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The kumo executable: parses the command line and wires the layers together.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <optional>

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include "app/access/credentialbroker.h"
#include "app/cluster/clustercontroller.h"
#include "app/cluster/inventorywatcher.h"
#include "app/i18n/language.h"
#include "app/migration/migrationcontroller.h"
#include "app/monitoring/monitoringset.h"
#include "app/outage/evacuation.h"
#include "app/outage/outageexecution.h"
#include "app/outage/outagestore.h"
#include "cli/labcli.h"
#include "cli/outagecli.h"
#include "cli/quitsignals.h"
#include "core/threadhandoff.h"
#include "lab/lab.h"
#include "lab/labplan.h"
#include "ui/credentialdialog.h"
#include "ui/languagefont.h"
#include "ui/mainwindow.h"
#include "virt/libraryversion.h"

Q_LOGGING_CATEGORY(lcMain, "kumo.main")

namespace {

// Translation context for the command line and the start-up messages.
struct Main
{
    Q_DECLARE_TR_FUNCTIONS(kumo::Main)
};

// --lang is needed before the parser exists, because the parser's own texts are translated.
QString requestedLanguage(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg.startsWith(QLatin1String("--lang=")))
            return arg.mid(7);
        if (arg == QLatin1String("--lang") && i + 1 < argc)
            return QString::fromLocal8Bit(argv[i + 1]);
    }
    return {};
}

// Arguments with --lang (and its value) removed, for the lab subcommand.
QStringList withoutLanguage(const QStringList& args)
{
    QStringList result;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--lang")) {
            ++i;
            continue;
        }
        if (!args[i].startsWith(QLatin1String("--lang=")))
            result.append(args[i]);
    }
    return result;
}

bool runsWithoutWindow(int argc, char** argv)
{
    bool first = true; // the first argument that is not --lang: a subcommand?
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--lang") {
            ++i;
            continue;
        }
        if (arg.startsWith("--lang="))
            continue;
        if (first && (arg == "lab" || kumo::OutageCli::handles(QString::fromLocal8Bit(arg))))
            return true;
        first = false;
        if (arg == "--help" || arg == "-h" || arg == "--version" || arg == "-v")
            return true;
    }
    return false;
}

void printError(const QString& text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stderr);
}

// "kumo 0.1.0", then the libraries it runs with and the licence.
QString versionText()
{
    return Main::tr("kumo %1\nlibvirt %2, Qt %3\nLicence: GPL-3.0-or-later")
        .arg(QStringLiteral(KUMO_VERSION), kumo::virt::libraryVersion(), QString::fromLatin1(qVersion()));
}

void setUpApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("kumo"));
    QCoreApplication::setOrganizationName(QStringLiteral("kumo"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KUMO_VERSION));
}

void addOptions(QCommandLineParser& parser)
{
    parser.setApplicationDescription(
        Main::tr("Kumo: a console for a libvirt/KVM cloud spread over campuses."));
    // Qt's own help and version options are not translated (and --help-all lists Qt's options):
    // these are, in the UI language.
    parser.addOption({{QStringLiteral("h"), QStringLiteral("help")}, Main::tr("Show this help and exit.")});
    parser.addOption({{QStringLiteral("v"), QStringLiteral("version")},
                      Main::tr("Show the version of Kumo, libvirt and Qt, and exit.")});
    parser.addOption(
        {QStringLiteral("inventory"),
         Main::tr("Read campuses and nodes from <file> (default: %1).").arg(kumo::Inventory::defaultPath()),
         Main::tr("file")});
    parser.addOption(
        {QStringLiteral("demo"),
         Main::tr("Start a demo lab of real libvirt daemons and small guests on this machine and open the "
                  "console on it; the lab stops when the console closes.")});
    parser.addOption(
        {QStringLiteral("read-only"),
         Main::tr("Watch without changing anything: nodes are opened read-only and every action, migration "
                  "and evacuation is refused. For wall screens and for people who only look.")});
    parser.addOption({QStringLiteral("lang"),
                      Main::tr("Use the language <code>: ja or en (default: the system's)."),
                      Main::tr("code")});
    parser.addOption({QStringLiteral("quit-after-first-frame"),
                      Main::tr("Open the window, paint it once and quit (a check that an installed Kumo "
                               "starts).")});
    parser.addPositionalArgument(
        QStringLiteral("lab"),
        Main::tr("Run `kumo lab up|down|status` to manage demo labs without a window."),
        QStringLiteral("[lab ...]"));
    parser.addPositionalArgument(
        QStringLiteral("plan|evacuate|return"),
        Main::tr("Run `kumo plan|evacuate|return --site ID` to plan, run or undo the evacuation of a campus "
                 "for a planned outage without a window (see `kumo evacuate --help`). A run keeps going "
                 "when its terminal goes away (it ignores SIGHUP)."),
        QStringLiteral("[plan|evacuate|return ...]"));
}

int run(int argc, char** argv)
{
    // A file grown past the size limit fails its write (the journal counts and shows it) instead
    // of killing the console.
    ::signal(SIGXFSZ, SIG_IGN);
    // --lang wins, then the choice made in the window (View → Language), then the system locale.
    QString requested = requestedLanguage(argc, argv);
    if (requested.isEmpty())
        requested = QSettings(QStringLiteral("kumo"), QStringLiteral("kumo"))
                        .value(QStringLiteral("language"))
                        .toString();
    const QString language = kumo::language::resolve(requested);

    if (runsWithoutWindow(argc, argv)) {
        QCoreApplication app(argc, argv);
        setUpApplication();
        kumo::language::install(language);
        const QStringList args = withoutLanguage(QCoreApplication::arguments());
        if (args.value(1) == QLatin1String("lab"))
            return kumo::runLabCommand(args.mid(2));
        if (kumo::OutageCli::handles(args.value(1)))
            return kumo::OutageCli::run(args.mid(1));
        QCommandLineParser parser;
        addOptions(parser);
        if (!parser.parse(QCoreApplication::arguments())) {
            printError(parser.errorText());
            return 2;
        }
        if (parser.isSet(QStringLiteral("version"))) {
            std::fputs(qPrintable(versionText() + QLatin1Char('\n')), stdout);
            return 0;
        }
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }

    // Asked before the GUI exists: the GUI thread never calls libvirt.
    const QString libvirtVersion = kumo::virt::libraryVersion();
    QApplication app(argc, argv);
    setUpApplication();
    // The installed menu entry (packaging/): desktops match the window to its name and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.kumo.Kumo"));
    kumo::language::install(language);
    kumo::applyLanguageFont(language);
    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(QCoreApplication::arguments())) {
        printError(parser.errorText());
        return 2;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printError(Main::tr("Unknown argument: %1. See kumo --help.")
                       .arg(parser.positionalArguments().constFirst()));
        return 2;
    }

    // The window decides: mid-run a signal cancels the moves first, and SIGHUP stops no run.
    kumo::QuitSignals quitSignals(kumo::QuitSignals::Hangup::Quit, kumo::QuitSignals::Reaction::Report);
    // Outlives the sessions that ask it (created before the controller); its prompt comes later.
    kumo::CredentialBroker credentials(nullptr);
    kumo::ClusterController controller;
    controller.setCredentialProvider(&credentials);
    controller.setReadOnly(parser.isSet(QStringLiteral("read-only")));
    // A demo lab lives only as long as this console: its outage state and its journal stay out of
    // the real ones (a planned outage of your own campuses), in a directory removed at exit.
    std::unique_ptr<QTemporaryDir> demoState;
    std::unique_ptr<kumo::OutageStore> demoStore;
    if (parser.isSet(QStringLiteral("demo"))) {
        demoState = std::make_unique<QTemporaryDir>();
        if (demoState->isValid())
            demoStore = std::make_unique<kumo::OutageStore>(demoState->path());
    }
    // Destroyed before the controller: its queue cancels running migrations on the way out.
    kumo::MigrationController migrations(
        &controller, demoStore ? demoState->filePath(QStringLiteral("journal.jsonl")) : QString());
    migrations.queue()->setCredentialProvider(&credentials);
    // Destroyed before the migrations it runs through, and after the window that shows it.
    kumo::Evacuation evacuation(&controller, &migrations, demoStore.get());
    // Alerts from the cluster, the moves and the service probes, the log of what happened, and the
    // checks of the inventory's service probes of the instances that run; they outlive the window
    // that shows them and go before the controllers they follow.
    kumo::MonitoringSet monitoring(&controller, &migrations, &evacuation);
    // Outage runs record whether each moved instance's service answered after its move.
    evacuation.execution()->setServiceProber(&monitoring.prober);
    kumo::MainWindow window(&controller, &migrations);
    window.setEvacuation(&evacuation);
    window.setMonitoring(&monitoring.monitoring, &monitoring.eventLog);
    window.setServiceProber(&monitoring.prober);
    QObject::connect(&quitSignals, &kumo::QuitSignals::quitRequested, &window,
                     [&window](int signalNumber) { window.quitOnSignal(signalNumber == SIGHUP); });
    kumo::CredentialDialog credentialDialog(&window);
    credentials.setPrompter(&credentialDialog);
    window.setCredentialBroker(&credentials);
    std::unique_ptr<kumo::InventoryWatcher> watcher;
    QString labId;

    // `firstLoad`: the file as already read on a worker (Open Inventory); else it is read here.
    const auto watchInventory = [&](const QString& path,
                                    std::optional<kumo::Result<kumo::Inventory>> firstLoad = {}) -> bool {
        watcher = std::make_unique<kumo::InventoryWatcher>(path);
        const kumo::Result<kumo::Inventory> first =
            firstLoad ? watcher->start(std::move(*firstLoad)) : watcher->start();
        // No inventory yet (a first start): the window offers to make one; the watcher reads it
        // as soon as it exists, whoever writes it.
        const bool firstRun = !first && first.error().code == kumo::ErrorCode::NotFound;
        if (!first && !firstRun) {
            const QString text = first.error().toString();
            printError(text);
            QMessageBox::critical(&window, Main::tr("Cannot read the inventory"), text);
            return false;
        }
        QObject::connect(watcher.get(), &kumo::InventoryWatcher::inventoryChanged, &controller,
                         &kumo::ClusterController::setInventory);
        QObject::connect(watcher.get(), &kumo::InventoryWatcher::inventoryError, &window,
                         &kumo::MainWindow::showInventoryError);
        window.setInventoryPath(path);
        if (firstRun) {
            qCInfo(lcMain) << "no inventory at" << path << "yet: showing the first-run window";
            controller.setInventory({});
            window.setFirstRun(path);
        } else {
            window.setFirstRun({});
            controller.setInventory(first.value());
        }
        return true;
    };
    QObject::connect(&window, &kumo::MainWindow::openInventoryRequested, &window, [&](const QString& path) {
        // Read on a worker: the window keeps turning meanwhile. A file that cannot be read leaves
        // the console on the one it had.
        auto* reading = new QFutureWatcher<kumo::Result<kumo::Inventory>>(&window);
        QObject::connect(reading, &QFutureWatcherBase::finished, &window, [&, reading, path] {
            kumo::Result<kumo::Inventory> candidate = reading->result();
            reading->deleteLater();
            if (!candidate) {
                QMessageBox::warning(&window, Main::tr("Cannot read the inventory"),
                                     candidate.error().toString());
                return;
            }
            watchInventory(path, std::move(candidate));
        });
        reading->setFuture(QtConcurrent::run([path] { return kumo::Inventory::load(path); }));
    });
    QObject::connect(&window, &kumo::MainWindow::demoRequested, &window, [&] {
        // The same as starting `kumo --demo`: a new console that owns its lab, its journal and its
        // outage state apart from this one's; this window closes once it is on its way.
        QStringList arguments{QStringLiteral("--demo"), QStringLiteral("--lang"), kumo::language::current()};
        if (controller.readOnly())
            arguments.append(QStringLiteral("--read-only"));
        if (!QProcess::startDetached(QCoreApplication::applicationFilePath(), arguments)) {
            QMessageBox::warning(&window, Main::tr("The demo lab did not start"),
                                 Main::tr("Kumo could not be started again with --demo."));
            return;
        }
        window.close();
    });

    QObject::connect(&app, &QCoreApplication::aboutToQuit, &app, [&] {
        watcher.reset();
        // Sessions waiting for an answer are refused, so that their threads can stop.
        credentials.shutdown();
        credentials.setPrompter(nullptr);
        controller.shutdown();
        if (!labId.isEmpty()) {
            // Stopping the lab takes a moment; the window is already gone.
            const kumo::Result<void> down = kumo::Lab::down(labId);
            if (!down)
                printError(down.error().toString());
        }
    });

    window.setLibvirtVersion(libvirtVersion);
    window.show();
    if (parser.isSet(QStringLiteral("quit-after-first-frame"))) {
        // On the event loop's first turn after show(): every widget of the window painted once
        // (grab() renders them all), which is what a first frame needs to work.
        QTimer::singleShot(0, &window, [&window] {
            if (!window.isVisible() || window.grab().isNull()) {
                printError(Main::tr("The window could not be shown."));
                QCoreApplication::exit(1);
                return;
            }
            std::fputs("first frame\n", stdout);
            std::fflush(stdout);
            QCoreApplication::exit(0);
        });
    }

    if (parser.isSet(QStringLiteral("demo"))) {
        window.setBanner([] {
            return Main::tr("Starting the demo lab: four libvirt daemons on two campuses and their guests…");
        });
        auto* lab = new QFutureWatcher<kumo::Result<kumo::LabInfo>>(&app);
        QElapsedTimer sinceLaunch;
        sinceLaunch.start();
        QPointer<kumo::MainWindow> windowGuard(&window);
        QObject::connect(lab, &QFutureWatcherBase::finished, &app, [&, lab, sinceLaunch] {
            const kumo::Result<kumo::LabInfo> result = lab->result();
            lab->deleteLater();
            if (!result) {
                const QString text = result.error().toString();
                printError(text);
                QMessageBox::critical(&window, Main::tr("The demo lab did not start"), text);
                QCoreApplication::exit(1);
                return;
            }
            labId = result->id;
            qCInfo(lcMain) << "demo lab" << labId << "ready after" << sinceLaunch.elapsed() << "ms";
            // The demo password is shown here and on the terminal only; the lab keeps no copy of it.
            const auto demoAccess = [id = labId, user = result->demoUser, password = result->demoPassword] {
                return Main::tr("Demo lab %1: the node %2 asks for a password. User: %3, password: %4")
                    .arg(id, kumo::LabPlan::passwordNode(), user, password);
            };
            std::fputs(qPrintable(demoAccess() + u'\n'), stdout);
            std::fflush(stdout);
            window.setBanner(demoAccess);
            if (!watchInventory(result->inventoryPath))
                QCoreApplication::exit(1);
        });
        lab->setFuture(QtConcurrent::run([windowGuard] {
            kumo::Lab::UpOptions options;
            options.access = true;
            options.ownerPid = QCoreApplication::applicationPid();
            options.progress = [windowGuard](const QString& line) {
                kumo::handoff::post(qApp, [windowGuard, line] {
                    if (windowGuard)
                        windowGuard->setBanner(line);
                });
            };
            return kumo::Lab::up(options);
        }));
    } else {
        const QString path = parser.isSet(QStringLiteral("inventory"))
                                 ? parser.value(QStringLiteral("inventory"))
                                 : kumo::Inventory::defaultPath();
        if (!watchInventory(path))
            return 1;
    }

    return app.exec();
}

} // namespace

int main(int argc, char** argv)
{
    // Kumo reports errors as values; what still escapes (std::bad_alloc, say) ends the process with
    // a line that says so rather than through std::terminate.
    try {
        return run(argc, argv);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "kumo: %s\n", error.what());
    } catch (...) {
        std::fprintf(stderr, "kumo: unexpected exception\n");
    }
    return EXIT_FAILURE;
}

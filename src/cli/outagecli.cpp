// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/outagecli.h"

#include <functional>
#include <optional>
#include <utility>

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTextStream>
#include <QTimer>

#include "app/access/credentialbroker.h"
#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "app/migration/migrationcontroller.h"
#include "app/outage/evacuation.h"
#include "app/outage/outageexecution.h"
#include "app/outage/outagestore.h"
#include "app/probes/serviceprober.h"
#include "cli/consolestreams.h"
#include "cli/quitsignals.h"
#include "cli/terminalprompter.h"
#include "core/inventory.h"
#include "core/outagereport.h"
#include "core/savefile.h"
#include "core/sentences.h"

Q_LOGGING_CATEGORY(lcOutageCli, "kumo.outage.cli")

namespace kumo {

namespace {

// Exit codes scripts can tell apart.
constexpr int ExitOk = 0;
constexpr int ExitFailed = 1;     // a move failed, the run stopped, or something could not be read
constexpr int ExitUsage = 2;      // bad arguments
constexpr int ExitImpossible = 3; // the plan leaves instances behind or has problems
constexpr int ExitRefused = 4;    // the dry run refused a move
constexpr int ExitBusy = 5;       // another process runs this campus's outage
constexpr int ExitInterrupted = 130;
// After a second Ctrl+C: how long each step of the exit waits (the aborted moves' results, their
// threads, the nodes' sessions); what has not ended by then is left to the process exit.
constexpr int LeaveNowWaitMs = 300;

constexpr int HearFromNodesTimeoutMs = 30000;
constexpr int MaxParallel = 16;

void printLine(const QString& line)
{
    writeLine(standardOutput(), line);
}

void printError(const QString& line)
{
    writeLine(standardError(), line);
}

QString mib(quint64 kib)
{
    return OutageCli::tr("%1 MiB").arg(kib / 1024);
}

// QuitSignals ends event loops with QCoreApplication::quit(); waiting by processing events
// directly keeps these waits working after a SIGINT, so the run can still be wound down.
bool waitUntil(const std::function<bool()>& done, int timeoutMs = -1)
{
    QTimer wake;
    wake.start(100);
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timeoutMs >= 0 && timer.elapsed() >= timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

struct Options
{
    QString command;
    QString site;
    QString inventoryPath;
    QString stateDir;
    QString reportPath;
    bool dryRun = false;
    bool allowUnplaced = false;
    bool readOnly = false;
    std::optional<int> parallel;
    std::optional<int> perLink;
    std::optional<quint64> bandwidth;
    std::optional<int> headroom;
    FailurePolicy policy = FailurePolicy::StopAndAsk;
};

std::optional<int> intOption(const QCommandLineParser& parser, const QString& name, int min, int max,
                             bool* bad)
{
    if (!parser.isSet(name))
        return std::nullopt;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < min || value > max) {
        printError(OutageCli::tr("--%1 takes a number from %2 to %3, not \"%4\".")
                       .arg(name)
                       .arg(min)
                       .arg(max)
                       .arg(parser.value(name)));
        *bad = true;
        return std::nullopt;
    }
    return value;
}

// Parses the arguments; returns an exit code when the command must end here.
std::optional<int> parse(const QStringList& args, Options& options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        OutageCli::tr("Plan, run and undo the evacuation of a campus before its planned outage.") +
        QLatin1Char('\n') +
        OutageCli::tr("A run keeps going when its terminal goes away (SIGHUP is ignored: a dropped SSH "
                      "session stops nothing); Ctrl+C or SIGTERM stops it, resumable, and a second Ctrl+C "
                      "leaves at once without waiting for the running moves (exit code 130). One process "
                      "at a time runs a campus's outage: a second one is refused (exit code 5) and names "
                      "the first."));
    parser.addOptions({
        {{QStringLiteral("h"), QStringLiteral("help")}, OutageCli::tr("Show this help and exit.")},
        {QStringLiteral("site"), OutageCli::tr("The campus <id> (required)."), OutageCli::tr("id")},
        {QStringLiteral("inventory"),
         OutageCli::tr("Read campuses and nodes from <file> (default: %1).").arg(Inventory::defaultPath()),
         OutageCli::tr("file")},
        {QStringLiteral("dry-run"),
         OutageCli::tr("Check every move with the full pre-flight checks; move nothing.")},
        {QStringLiteral("parallel"), OutageCli::tr("Migrations at once in all, 1 to %1.").arg(MaxParallel),
         OutageCli::tr("n")},
        {QStringLiteral("per-link"), OutageCli::tr("Migrations at once between one pair of campuses."),
         OutageCli::tr("n")},
        {QStringLiteral("bandwidth"), OutageCli::tr("Bandwidth cap per migration in MiB/s (0: none)."),
         OutageCli::tr("mib")},
        {QStringLiteral("on-failure"),
         OutageCli::tr("What to do when a move fails: ask (stops here), retry or skip (default: ask)."),
         OutageCli::tr("policy")},
        {QStringLiteral("headroom"),
         OutageCli::tr("Memory and vCPUs kept free on every target node, in percent."),
         OutageCli::tr("percent")},
        {QStringLiteral("read-only"),
         OutageCli::tr("Connect read-only and change nothing: plan and --dry-run work, a run is refused.")},
        {QStringLiteral("allow-unplaced"),
         OutageCli::tr("Go on even when some instances have no place (they stay where they are).")},
        {QStringLiteral("report"), OutageCli::tr("Write the report of the run as CSV to <file>."),
         OutageCli::tr("file")},
        {QStringLiteral("state-dir"),
         OutageCli::tr("Keep the outage state files (and the journal) in <dir> (default: %1).")
             .arg(OutageStore::defaultDir()),
         OutageCli::tr("dir")},
    });
    parser.addPositionalArgument(QStringLiteral("command"), OutageCli::tr("plan, evacuate or return"));
    if (!parser.parse(QStringList{QStringLiteral("kumo")} + args)) {
        printError(parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        standardOutput() << parser.helpText();
        standardOutput().flush();
        return ExitOk;
    }
    if (parser.positionalArguments().size() != 1) {
        printError(
            OutageCli::tr("Unexpected argument: %1").arg(parser.positionalArguments().mid(1).join(u' ')));
        return ExitUsage;
    }
    options.command = parser.positionalArguments().constFirst();
    options.site = parser.value(QStringLiteral("site"));
    if (options.site.isEmpty()) {
        printError(OutageCli::tr("Say which campus with --site ID."));
        return ExitUsage;
    }
    options.inventoryPath = parser.isSet(QStringLiteral("inventory"))
                                ? parser.value(QStringLiteral("inventory"))
                                : Inventory::defaultPath();
    options.stateDir = parser.value(QStringLiteral("state-dir"));
    options.reportPath = parser.value(QStringLiteral("report"));
    options.dryRun = parser.isSet(QStringLiteral("dry-run"));
    options.allowUnplaced = parser.isSet(QStringLiteral("allow-unplaced"));
    options.readOnly = parser.isSet(QStringLiteral("read-only"));
    bool bad = false;
    options.parallel = intOption(parser, QStringLiteral("parallel"), 1, MaxParallel, &bad);
    options.perLink = intOption(parser, QStringLiteral("per-link"), 1, MaxParallel, &bad);
    options.headroom = intOption(parser, QStringLiteral("headroom"), 0, 99, &bad);
    if (const auto bandwidth = intOption(parser, QStringLiteral("bandwidth"), 0, 1000000, &bad))
        options.bandwidth = quint64(*bandwidth);
    if (parser.isSet(QStringLiteral("on-failure"))) {
        const QString policy = parser.value(QStringLiteral("on-failure"));
        if (policy == QLatin1String("retry"))
            options.policy = FailurePolicy::Retry;
        else if (policy == QLatin1String("skip"))
            options.policy = FailurePolicy::Skip;
        else if (policy == QLatin1String("ask"))
            options.policy = FailurePolicy::StopAndAsk; // nobody to ask: stop
        else {
            printError(OutageCli::tr("--on-failure takes ask, retry or skip, not \"%1\".").arg(policy));
            bad = true;
        }
    }
    if (bad)
        return ExitUsage;
    return std::nullopt;
}

OutageLimits limitsFrom(const Options& options, OutageLimits limits)
{
    if (options.parallel)
        limits.parallel = *options.parallel;
    if (options.perLink)
        limits.perLink = *options.perLink;
    if (options.bandwidth)
        limits.bandwidthMiBs = *options.bandwidth;
    return limits;
}

// Runs one command against the cluster; everything it needs lives on the stack of run().
class Session
{
public:
    Session(const Options& options, const Inventory& inventory)
        : m_options(options)
        , m_inventory(inventory)
        , m_store(options.stateDir)
        // A run keeps going when its terminal goes (a dropped SSH session); Ctrl+C still stops it.
        , m_quit(options.command != QLatin1String("plan") && !options.dryRun ? QuitSignals::Hangup::Ignore
                                                                             : QuitSignals::Hangup::Quit)
        , m_credentials(&m_prompter)
        , m_migrations(&m_cluster, options.stateDir.isEmpty()
                                       ? QString()
                                       : QDir(options.stateDir).filePath(QStringLiteral("journal.jsonl")))
        , m_evacuation(&m_cluster, &m_migrations, &m_store)
        , m_run(m_evacuation.execution())
    {
        QObject::connect(&m_quit, &QuitSignals::quitRequested, [this](int signalNumber) {
            qCDebug(lcOutageCli, "signal %d: stopping", signalNumber);
            if (m_interrupted) {
                // A second signal: leave now, without waiting for the moves to wind down. The
                // state file already says the run stopped; the next run checks where each
                // instance is before it goes on.
                m_leaveNow = true;
                return;
            }
            m_interrupted = true;
            if (m_run->isActive()) {
                printError(
                    OutageCli::tr("Interrupted: cancelling the running moves, the instances stay where "
                                  "they are…"));
                m_run->abortAll();
            }
        });
        QObject::connect(&m_evacuation, &Evacuation::message, [](const QString& line) { printLine(line); });
        QObject::connect(m_run, &OutageExecution::message, [](const QString& line) { printLine(line); });
        QObject::connect(m_run, &OutageExecution::storeFailed, [](const Error& error) {
            printError(OutageCli::tr("The outage state could not be written: %1").arg(error.toString()));
        });
        QObject::connect(m_run, &OutageExecution::runFinished,
                         [this](const OutageRun& run) { m_finished = run; });
        // What was done must be on record: a command that could not journal it does not succeed.
        QObject::connect(&m_migrations, &MigrationController::journalFailed, [this](const Error& error) {
            if (!m_journalFailed)
                printError(OutageCli::tr("The journal could not be written: %1").arg(error.toString()));
            m_journalFailed = true;
        });
        m_run->setFailurePolicy(options.policy);
        // Passwords come from the keychain, else from the terminal; never from a file.
        m_cluster.setCredentialProvider(&m_credentials);
        m_migrations.queue()->setCredentialProvider(&m_credentials);
        m_cluster.setReadOnly(options.readOnly);
        // A run checks the inventory's service probes around each move, as the window does; a plan
        // or a dry run moves nothing and probes nothing.
        if (options.command != QLatin1String("plan") && !options.dryRun) {
            m_prober.setCluster(&m_cluster);
            m_prober.setMigrationQueue(m_migrations.queue());
            m_run->setServiceProber(&m_prober);
        }
    }

    ~Session()
    {
        m_credentials.shutdown(); // a session still waiting for a password gives up first
        if (m_leaveNow)
            m_cluster.shutdown(LeaveNowWaitMs);
        else
            m_cluster.shutdown();
    }

    int exec();

private:
    int execCommand();
    [[nodiscard]] QString siteName() const
    {
        const Site* site = m_inventory.site(m_options.site);
        return site ? site->displayName(language::current()) : m_options.site;
    }
    bool connectNodes();
    void printPlan(const OutagePlan& plan) const;
    std::optional<int> checkPlan(const OutagePlan& plan) const;
    int dryRun(const OutagePlan& plan);
    // The full pre-flight of every move; a move its target refuses is re-planned (Evacuation::dryRun).
    // The checked plan and its results; nothing when interrupted.
    std::optional<std::pair<OutagePlan, QList<PreflightResult>>> check(const OutagePlan& plan);
    // One line per move of the checked plan; the number refused.
    int printChecks(const OutagePlan& plan, const QList<PreflightResult>& results) const;
    int execute(const OutagePlan* plan);
    // Prints the plan, checks it, then dry-runs or executes it.
    int runPlan(OutagePlan plan);
    // Takes over the site's unfinished run from the state file.
    int resume(const OutageLimits& storedLimits);
    int plan();
    int evacuate();
    int returnHome();

    const Options& m_options;
    Inventory m_inventory;
    OutageStore m_store;
    QuitSignals m_quit;
    TerminalPrompter m_prompter;
    CredentialBroker m_credentials; // outlives the sessions that ask it
    ClusterController m_cluster;
    MigrationController m_migrations;
    Evacuation m_evacuation;
    OutageExecution* m_run; // the Evacuation's run owner
    ServiceProber m_prober; // destroyed before the cluster and migrations it follows
    bool m_interrupted = false;
    bool m_leaveNow = false; // a second signal: do not wait for the run to end
    bool m_journalFailed = false;
    std::optional<OutageRun> m_finished;
};

bool Session::connectNodes()
{
    m_cluster.setInventory(m_inventory);
    const bool heard =
        waitUntil([this] { return m_interrupted || m_evacuation.hasHeardFrom(); }, HearFromNodesTimeoutMs);
    if (m_interrupted)
        return false;
    for (const QString& name : m_cluster.nodeNames()) {
        const NodeSnapshot* node = m_cluster.node(name);
        if (node && node->state == NodeState::Connected)
            continue;
        const QString why = node && node->error.code != ErrorCode::None ? node->error.message
                                                                        : OutageCli::tr("no answer yet");
        printError(OutageCli::tr("Node %1 is not reachable: %2").arg(name, why));
    }
    if (!heard)
        printError(OutageCli::tr("Not every node answered within %1 s; planning with what is known.")
                       .arg(HearFromNodesTimeoutMs / 1000));
    return true;
}

void Session::printPlan(const OutagePlan& plan) const
{
    printLine(plan.direction == OutageDirection::Evacuate
                  ? OutageCli::tr("Evacuation plan for %1: %n move(s), %2", nullptr, int(plan.moves.size()))
                        .arg(siteName(), mib(plan.totalMemoryKiB()))
                  : OutageCli::tr("Return plan for %1: %n move(s), %2", nullptr, int(plan.moves.size()))
                        .arg(siteName(), mib(plan.totalMemoryKiB())));
    printLine(OutageCli::tr("Limits: %1 at once, %2 per pair of campuses, bandwidth %3")
                  .arg(plan.limits.parallel)
                  .arg(plan.limits.perLink)
                  .arg(plan.limits.bandwidthMiBs > 0
                           ? OutageCli::tr("%1 MiB/s").arg(plan.limits.bandwidthMiBs)
                           : OutageCli::tr("unlimited")));
    for (int i = 0; i < plan.moves.size(); ++i) {
        const PlannedMove& move = plan.moves.at(i);
        QString line = OutageCli::tr("%1. %2: %3 → %4, %5")
                           .arg(i + 1)
                           .arg(move.name, move.fromNode, move.toNode, mib(move.memoryKiB));
        if (!move.note.isEmpty())
            line += OutageCli::tr(" (%1)").arg(move.note);
        printLine(QStringLiteral("  ") + line);
    }
    if (!plan.unplaced.isEmpty()) {
        printLine(OutageCli::tr("Not placed: %n instance(s)", nullptr, int(plan.unplaced.size())));
        for (const UnplacedInstance& unplaced : plan.unplaced)
            printLine(QStringLiteral("  ") + OutageCli::tr("%1 on %2, %3: %4 [%5]")
                                                 .arg(unplaced.name, unplaced.fromNode,
                                                      mib(unplaced.memoryKiB), unplaced.reason,
                                                      unplacedChoiceText(unplaced.choice)));
    }
}

// Exit code when the plan cannot run headless: problems, or instances left behind unasked.
std::optional<int> Session::checkPlan(const OutagePlan& plan) const
{
    const QList<PlanProblem> problems = m_evacuation.validate(plan);
    for (const PlanProblem& problem : problems)
        printError(OutageCli::tr("Problem: %1").arg(problem.message));
    bool leaves = false;
    for (const UnplacedInstance& unplaced : plan.unplaced)
        leaves = leaves || unplaced.choice == UnplacedChoice::Leave;
    if (leaves && !m_options.allowUnplaced) {
        printError(
            OutageCli::tr("The plan leaves instances behind (see \"Not placed\"); free capacity, lower "
                          "--headroom, or pass --allow-unplaced to go on without them."));
        return ExitImpossible;
    }
    if (!problems.isEmpty())
        return ExitImpossible;
    return std::nullopt;
}

std::optional<std::pair<OutagePlan, QList<PreflightResult>>> Session::check(const OutagePlan& plan)
{
    std::optional<std::pair<OutagePlan, QList<PreflightResult>>> checked;
    QObject context; // ends the connection with this function
    QObject::connect(&m_evacuation, &Evacuation::dryRunFinished, &context,
                     [&checked](const OutagePlan& checkedPlan, const QList<PreflightResult>& answers) {
                         checked.emplace(checkedPlan, answers);
                     });
    m_evacuation.dryRun(plan);
    waitUntil([&] { return checked.has_value() || m_interrupted; });
    if (m_interrupted)
        return std::nullopt;
    return checked;
}

int Session::printChecks(const OutagePlan& plan, const QList<PreflightResult>& results) const
{
    int refused = 0;
    for (int i = 0; i < plan.moves.size() && i < results.size(); ++i) {
        const PlannedMove& move = plan.moves.at(i);
        const PreflightResult& result = results.at(i);
        const CheckSeverity verdict = result.verdict();
        refused += verdict == CheckSeverity::Refused ? 1 : 0;
        const QStringList reasons = result.reasons(CheckSeverity::Warning);
        printLine(OutageCli::tr("Pre-flight %1 → %2: %3%4")
                      .arg(move.name, move.toNode, severityText(verdict),
                           reasons.isEmpty() ? QString() : QStringLiteral(": ") + reasons.join(u' ')));
    }
    return refused;
}

int Session::dryRun(const OutagePlan& plan)
{
    const auto checked = check(plan);
    if (!checked)
        return ExitInterrupted;
    if (checked->first.moves != plan.moves) {
        printLine(OutageCli::tr("The nodes refused part of the plan; the plan that was checked:"));
        printPlan(checked->first);
    }
    const int refused = printChecks(checked->first, checked->second);
    if (refused > 0) {
        printError(OutageCli::tr("The dry run refused %n move(s).", nullptr, refused));
        return ExitRefused;
    }
    printLine(OutageCli::tr("Dry run passed: every move can go."));
    return ExitOk;
}

// Waits for the run (its owner, m_run), prints the report and tells how it went.
int Session::execute(const OutagePlan* plan)
{
    if (plan) {
        const Result<void> started = m_evacuation.start(*plan);
        if (!started) {
            printError(started.error().toString());
            return ExitFailed;
        }
    }
    waitUntil([&] {
        if (m_run->waitingDecision() >= 0 && !m_interrupted) {
            // Nobody to ask headless: stop, and let the running moves end.
            m_run->resolveFailure(FailureDecision::Stop);
        }
        return m_finished.has_value() || m_leaveNow;
    });
    if (!m_finished) {
        m_migrations.setExitResultWait(LeaveNowWaitMs);
        m_migrations.queue()->setShutdownWait(LeaveNowWaitMs);
        printError(OutageCli::tr("Left without waiting for the running moves; they may still finish. Run the "
                                 "same command again to resume: it checks where every instance is first."));
        return ExitInterrupted;
    }
    const OutageRun& run = *m_finished;
    const OutageReport report = OutageReport::fromRun(run, siteName());
    for (const QString& line : report.toTextLines())
        printLine(line);
    if (!m_options.reportPath.isEmpty()) {
        if (const auto failed = saveFile(m_options.reportPath, report.toCsv()))
            printError(
                OutageCli::tr("Could not write the report to %1: %2").arg(m_options.reportPath, *failed));
        else
            printLine(OutageCli::tr("Report written to %1").arg(m_options.reportPath));
    }
    if (m_interrupted) {
        printError(OutageCli::tr("Stopped. Run the same command again to resume."));
        return ExitInterrupted;
    }
    bool allDone = run.state == RunState::Completed;
    for (const MoveRecord& record : run.records)
        allDone = allDone && record.status == MoveStatus::Done;
    // Instances that had to be shut down (evacuation) or started again (return).
    if (const OutageState* state = m_run->state()) {
        const bool evacuating = run.plan.direction == OutageDirection::Evacuate;
        for (const UnplacedInstance& unplaced : run.plan.toShutDown())
            allDone = allDone && (!evacuating || state->homes.value(unplaced.uuid).shutDown);
        for (const HomeRecord& home : state->homes)
            allDone = allDone && (evacuating || !home.shutDown);
    }
    if (!allDone && run.state == RunState::Stopped)
        printError(OutageCli::tr("The run stopped before every instance moved. Run the same command again to "
                                 "resume."));
    return allDone ? ExitOk : ExitFailed;
}

int Session::plan()
{
    const Result<OutageState> state = m_store.load(m_options.site);
    const bool returning =
        state && (state->phase == OutagePhase::InMaintenance || state->phase == OutagePhase::Returning);
    OutagePlan plan;
    if (returning) {
        const Result<OutagePlan> planned = m_evacuation.planReturn(m_options.site);
        if (!planned) {
            printError(planned.error().toString());
            return ExitFailed;
        }
        plan = planned.value();
        printLine(OutageCli::tr("%1 is evacuated (%2): this is the plan to bring its instances home.")
                      .arg(siteName(), outagePhaseText(state->phase)));
    } else {
        PlannerRules rules = m_evacuation.rules();
        if (m_options.headroom)
            rules.headroomPercent = *m_options.headroom;
        plan = m_evacuation.planEvacuation(m_options.site, rules);
    }
    plan.limits = limitsFrom(m_options, plan.limits);
    // Checked as a run would check each move: a move its target would refuse is not printed as the
    // plan; it is placed where the nodes accept it, and its note says why. A read-only console
    // checks nothing (every move would be refused as read-only).
    int refused = 0;
    if (m_cluster.checkWritable({})) {
        const auto checked = check(plan);
        if (!checked)
            return ExitInterrupted;
        plan = checked->first;
        printPlan(plan);
        refused = printChecks(plan, checked->second);
    } else {
        printPlan(plan);
        printLine(OutageCli::tr("Read-only: the moves were not checked with the nodes."));
    }
    for (const PlanProblem& problem : m_evacuation.validate(plan))
        printError(OutageCli::tr("Problem: %1").arg(problem.message));
    return plan.unplaced.isEmpty() && refused == 0 ? ExitOk : ExitImpossible;
}

int Session::evacuate()
{
    const Result<OutageState> state = m_store.load(m_options.site);
    if (!state && state.error().code != ErrorCode::NotFound) {
        printError(state.error().toString());
        return ExitFailed;
    }
    if (state && state->isUnfinished() && !m_options.dryRun) {
        if (state->phase == OutagePhase::Returning) {
            printError(
                OutageCli::tr("The return of %1 did not finish; run `kumo return --site %2` to resume it.")
                    .arg(siteName(), m_options.site));
            return ExitFailed;
        }
        printLine(OutageCli::tr("Resuming the unfinished evacuation of %1 (%2).")
                      .arg(siteName(), m_store.pathFor(m_options.site)));
        return resume(state->evacuation.plan.limits);
    }
    PlannerRules rules = m_evacuation.rules();
    if (m_options.headroom)
        rules.headroomPercent = *m_options.headroom;
    return runPlan(m_evacuation.planEvacuation(m_options.site, rules));
}

int Session::returnHome()
{
    const Result<OutageState> state = m_store.load(m_options.site);
    if (!state) {
        printError(state.error().code == ErrorCode::NotFound
                       ? OutageCli::tr("No planned outage of %1 is recorded in %2.")
                             .arg(siteName(), m_store.pathFor(m_options.site))
                       : state.error().toString());
        return ExitFailed;
    }
    if (state->phase == OutagePhase::Returning && state->isUnfinished() && !m_options.dryRun) {
        printLine(OutageCli::tr("Resuming the unfinished return to %1 (%2).")
                      .arg(siteName(), m_store.pathFor(m_options.site)));
        return resume(state->returnRun.plan.limits);
    }
    const Result<OutagePlan> planned = m_evacuation.planReturn(m_options.site);
    if (!planned) {
        printError(planned.error().toString());
        return ExitFailed;
    }
    // Nobody to ask headless: the return goes on, and says which services to look at.
    const QList<MoveRecord> silent = state->silentAfterEvacuation();
    if (!silent.isEmpty() && !m_options.dryRun) {
        QStringList names;
        for (const MoveRecord& record : silent)
            names.append(record.move.name);
        printError(OutageCli::tr("Warning: the service of %n instance(s) did not answer after the evacuation "
                                 "moved them: %1. The return goes on; check these services.",
                                 nullptr, int(names.size()))
                       .arg(Sentences::names(names)));
    }
    return runPlan(planned.value());
}

int Session::runPlan(OutagePlan plan)
{
    plan.limits = limitsFrom(m_options, plan.limits);
    printPlan(plan);
    if (const std::optional<int> refused = checkPlan(plan))
        return *refused;
    if (m_options.dryRun)
        return dryRun(plan);
    return execute(&plan);
}

int Session::resume(const OutageLimits& storedLimits)
{
    const Result<void> resumed = m_evacuation.resumeUnfinished(m_options.site);
    if (!resumed) {
        printError(resumed.error().toString());
        return ExitFailed;
    }
    // Limits given on the command line apply to the resumed run (e.g. a faster bandwidth).
    if (m_options.parallel || m_options.perLink || m_options.bandwidth) {
        const Result<void> changed = m_run->setLimits(limitsFrom(m_options, storedLimits));
        if (!changed)
            printError(changed.error().toString());
    }
    return execute(nullptr);
}

int Session::exec()
{
    const int code = execCommand();
    if (!m_journalFailed)
        return code;
    printError(OutageCli::tr("%n journal entries could not be written: what they say is not on record.",
                             nullptr, m_migrations.journalFailures()));
    return code == ExitOk ? ExitFailed : code;
}

int Session::execCommand()
{
    // Refused before any node is contacted: a read-only console runs nothing.
    if (m_options.command != QLatin1String("plan") && !m_options.dryRun) {
        if (const Result<void> writable = m_cluster.checkWritable({}); !writable) {
            printError(writable.error().toString());
            return ExitFailed;
        }
    }
    // One owner per campus run, before any node is contacted: a second run of the same campus
    // stops here and names the first.
    if (m_options.command != QLatin1String("plan") && !m_options.dryRun) {
        if (const Result<void> locked = m_evacuation.takeLock(m_options.site); !locked) {
            printError(locked.error().message);
            return ExitBusy;
        }
    }
    if (!connectNodes())
        return ExitInterrupted;
    if (m_options.command == QLatin1String("plan"))
        return plan();
    if (m_options.command == QLatin1String("evacuate"))
        return evacuate();
    return returnHome();
}

} // namespace

bool OutageCli::handles(const QString& command)
{
    return command == QLatin1String("plan") || command == QLatin1String("evacuate") ||
           command == QLatin1String("return");
}

int OutageCli::run(const QStringList& args)
{
    Options options;
    if (const std::optional<int> early = parse(args, options))
        return *early;
    if (!handles(options.command)) {
        printError(tr("Unknown command: %1").arg(options.command));
        return ExitUsage;
    }
    const Result<Inventory> inventory = Inventory::load(options.inventoryPath);
    if (!inventory) {
        printError(tr("Cannot read the inventory: %1").arg(inventory.error().toString()));
        return ExitFailed;
    }
    if (!inventory->site(options.site)) {
        QStringList known;
        for (const Site& site : inventory->sites)
            known.append(site.id);
        printError(tr("Unknown site \"%1\". Known sites: %2").arg(options.site, Sentences::names(known)));
        return ExitUsage;
    }
    Session session(options, inventory.value());
    const int code = session.exec();
    standardOutput().flush();
    standardError().flush();
    return code;
}

} // namespace kumo

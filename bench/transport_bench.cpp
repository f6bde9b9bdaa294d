// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The migration transports measured on the demo lab: N live migrations of one guest per transport
// (plain TCP, tunnelled through the source daemon, and TLS when the lab's nodes have migration_tls),
// back and forth between a node of each campus, through the real MigrationController and
// MigrationRunner. Prints, per transport, the median wall time (migrate() to the job's end, pre-flight
// included), job time (MigrationResult::totalTimeMs, libvirt's) and downtime (downtimeMs), as a
// Markdown table. Starts and stops its own lab; takes minutes.
//
//   kumo_transport_bench [--rounds N] [--guest NAME]
#include <algorithm>
#include <cstdio>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QList>
#include <QTimer>

#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "app/migration/migrationqueue.h"
#include "core/migrationpath.h"
#include "support/labfixture.h"

using namespace kumo;

namespace {

struct Sample
{
    qint64 wallMs = -1;
    qint64 jobMs = -1;
    qint64 downtimeMs = -1;
};

qint64 median(QList<qint64> values)
{
    values.removeAll(-1);
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    const qsizetype mid = values.size() / 2;
    return values.size() % 2 == 1 ? values.at(mid) : (values.at(mid - 1) + values.at(mid)) / 2;
}

QString cell(qint64 ms)
{
    return ms < 0 ? QStringLiteral("n/a") : QStringLiteral("%1 ms").arg(ms);
}

// One move through the controller; an empty sample with the reason on stderr when it does not end.
Sample migrateOnce(MigrationController& controller, const QString& uuid, const QString& to,
                   const MigrationOptions& options)
{
    Sample sample;
    QEventLoop loop;
    QElapsedTimer wall;
    quint64 id = 0;
    bool done = false;
    QObject context;
    QObject::connect(&controller, &MigrationController::migrationRefused, &context,
                     [&](quint64 requestId, const QString&, const QString&, const PreflightResult& result) {
                         if (requestId != id)
                             return;
                         std::fprintf(stderr, "refused: %s\n",
                                      qPrintable(result.reasons(CheckSeverity::Refused).join(u' ')));
                         done = true;
                         loop.quit();
                     });
    QObject::connect(controller.queue(), &MigrationQueue::jobFinished, &context,
                     [&](const MigrationRequest& request, const MigrationResult& result) {
                         if (request.id != id)
                             return;
                         if (result.phase == MigrationPhase::Completed) {
                             sample.wallMs = wall.elapsed();
                             sample.jobMs = result.totalTimeMs;
                             sample.downtimeMs = result.downtimeMs;
                         } else {
                             std::fprintf(stderr, "failed: %s\n", qPrintable(result.error.toString()));
                         }
                         done = true;
                         loop.quit();
                     });
    QTimer::singleShot(180000, &loop, &QEventLoop::quit);
    wall.start();
    id = controller.migrate(uuid, to, options);
    if (!done)
        loop.exec();
    return sample;
}

// Waits until the console sees the guest on `node` (the move's end reaches it by a poll).
bool waitUntilOn(const LabFixture& lab, const QString& name, const QString& node)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 30000) {
        if (lab.nodeOf(name) == node)
            return true;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return false;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption roundsOption(QStringLiteral("rounds"),
                                          QStringLiteral("Migrations per transport (default 3)."),
                                          QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption guestOption(QStringLiteral("guest"),
                                         QStringLiteral("The lab guest to move (default mail)."),
                                         QStringLiteral("NAME"), QStringLiteral("mail"));
    parser.addOptions({roundsOption, guestOption});
    parser.process(app);
    const int rounds = std::max(1, parser.value(roundsOption).toInt());
    const QString guest = parser.value(guestOption);

    LabFixture lab(QStringLiteral("kumo_transport_bench"));
    const Result<void> up = lab.setUp(LabFixture::Console::Cluster);
    if (!up.ok()) {
        std::fprintf(stderr, "lab: %s\n", qPrintable(up.error().toString()));
        return 1;
    }
    // Moves of a guest that has not filled its memory yet would move almost nothing.
    if (const Result<void> filled = lab.waitForFilledMemory(); !filled.ok())
        std::fprintf(stderr, "warning: %s\n", qPrintable(filled.error().toString()));

    const QString home = lab.nodeOf(guest);
    const NodeConfig* homeConfig = lab.node(home);
    if (!homeConfig) {
        std::fprintf(stderr, "no guest %s in the lab\n", qPrintable(guest));
        return 1;
    }
    // A node of the other campus.
    QString away;
    for (const NodeConfig& node : lab.inventory().nodes) {
        if (node.site != homeConfig->site && away.isEmpty())
            away = node.name;
    }
    const bool tls = homeConfig->migrationTls && lab.node(away)->migrationTls;

    QList<MigrationTransport> transports{MigrationTransport::Plain, MigrationTransport::Tunnelled};
    if (tls)
        transports.append(MigrationTransport::Tls);

    // Its journal goes to the fixture's own standard paths (test mode), not the person's.
    MigrationController controller(lab.cluster());
    const QString uuid = lab.uuidOf(guest);
    std::printf("| Transport | Moves | Median wall time | Median job time | Median downtime |\n");
    std::printf("|---|---|---|---|---|\n");
    std::fflush(stdout);
    int failures = 0;
    for (MigrationTransport transport : std::as_const(transports)) {
        MigrationOptions options = controller.defaultOptions();
        options.transport = transport;
        QList<qint64> wall;
        QList<qint64> job;
        QList<qint64> downtime;
        for (int i = 0; i < rounds; ++i) {
            // Alternating direction: away and back, so every round starts from where the last ended.
            const QString from = lab.nodeOf(guest);
            const QString to = from == home ? away : home;
            const Sample sample = migrateOnce(controller, uuid, to, options);
            if (sample.wallMs < 0 || !waitUntilOn(lab, guest, to)) {
                ++failures;
                continue;
            }
            std::fprintf(stderr, "%s %s -> %s: wall %lld ms, job %lld ms, downtime %lld ms\n",
                         qPrintable(MigrationPath::key(transport)), qPrintable(from), qPrintable(to),
                         sample.wallMs, sample.jobMs, sample.downtimeMs);
            wall.append(sample.wallMs);
            job.append(sample.jobMs);
            downtime.append(sample.downtimeMs);
        }
        std::printf("| %s | %lld | %s | %s | %s |\n", qPrintable(MigrationPath::describe(transport)),
                    qint64(wall.size()), qPrintable(cell(median(wall))), qPrintable(cell(median(job))),
                    qPrintable(cell(median(downtime))));
        std::fflush(stdout);
    }
    if (!tls)
        std::printf("\nTLS: not measured, the lab's nodes have no migration_tls.\n");
    (void)lab.tearDown();
    return failures == 0 ? 0 : 1;
}

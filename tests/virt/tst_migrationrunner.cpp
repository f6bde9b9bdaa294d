// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MigrationRunner and the pre-flight facts of HostSession against the demo lab: real libvirtd
// daemons and QEMU guests, checked afterwards through separate libvirt connections and by
// reading the guests' memory. Parsing a domain's XML needs no daemon: tst_hostfacts. What the
// queue does with jobs (limits, order, cancel, tuning relayed): tst_migrationqueue, fake jobs.
#include <algorithm>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QProcess>
#include <QScopeGuard>
#include <QTest>
#include <QThread>

#include "core/threadhandoff.h"
#include "lab/labplan.h"
#include "support/labfixture.h"
#include "virt/directconnection.h"
#include "virt/hostfacts.h"
#include "virt/hostsession.h"
#include "virt/migrationrunner.h"

using namespace kumo;

namespace {

constexpr int MigrationTimeoutMs = 180000;

struct Outcome
{
    QList<MigrationProgress> progress;
    QList<Error> tuningErrors;
    QList<MigrationResult> results;
    qint64 observedMs = 0; // from start() to finished() as the caller sees it
};

qint64 median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? -1 : values.at(values.size() / 2);
}

} // namespace

class TestMigrationRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void livePeerToPeerMovesTheRunningGuest();
    void cancelKeepsTheGuestOnItsSource();
    void clientManagedMigrationWorks();
    void unreachableDestinationFails();
    void sessionsCollectPreflightFacts();
    void bandwidthAndDowntimeChangeWhileRunning();
    void measuresAgainstVirsh();

private:
    [[nodiscard]] MigrationRequest request(const QString& guest, const QString& from, const QString& to,
                                           MigrationOptions options) const;
    [[nodiscard]] QString where(const QString& guest) const; // the node that runs it, empty: none
    void checkGuestAlive(const QString& guest, const QString& nodeName);

    // Runs one migration on a runner thread; `onProgress` may act on the runner (queued).
    Outcome migrate(const MigrationRequest& request,
                    const std::function<void(MigrationRunner*, const MigrationProgress&)>& onProgress = {});

    LabFixture m_lab{QStringLiteral("tst_migrationrunner")};
};

void TestMigrationRunner::initTestCase()
{
    // The runners make their own connections: no console on the lab.
    const Result<void> up = m_lab.setUp(LabFixture::Console::None);
    QVERIFY2(up.ok(), qPrintable(up ? QString() : up.error().toString()));
    // The guests fill their memory with the pattern after boot; a migration measured before that
    // would move almost nothing and finish before the first progress report.
    const Result<void> filled = m_lab.waitForFilledMemory();
    QVERIFY2(filled.ok(), qPrintable(filled ? QString() : filled.error().toString()));
}

void TestMigrationRunner::cleanupTestCase()
{
    const Result<void> down = m_lab.tearDown();
    QVERIFY2(down.ok(), qPrintable(down ? QString() : down.error().toString()));
}

MigrationRequest TestMigrationRunner::request(const QString& guest, const QString& from, const QString& to,
                                              MigrationOptions options) const
{
    static quint64 nextId = 1;
    MigrationRequest r;
    r.id = nextId++;
    r.uuid = m_lab.libvirtUuidOf(guest, from);
    r.name = guest;
    r.sourceNode = from;
    r.destinationNode = to;
    r.sourceUri = m_lab.node(from)->uri;
    r.destinationUri = m_lab.node(to)->uri;
    r.migrationUri = m_lab.node(to)->migrationUri;
    // The lab's migration network is loopback, which its inventory marks as trusted.
    r.transport = MigrationTransport::Plain;
    r.options = options;
    return r;
}

QString TestMigrationRunner::where(const QString& guest) const
{
    QString found;
    for (const NodeConfig& n : m_lab.inventory().nodes) {
        Result<DirectConnection> conn = DirectConnection::open(n.uri);
        if (!conn)
            continue;
        const Result<QStringList> running = conn.value().runningDomainNames();
        if (running && running.value().contains(guest)) {
            if (!found.isEmpty())
                return QStringLiteral("two nodes: %1 and %2").arg(found, n.name);
            found = n.name;
        }
    }
    return found;
}

void TestMigrationRunner::checkGuestAlive(const QString& guest, const QString& nodeName)
{
    Result<DirectConnection> opened = DirectConnection::open(m_lab.node(nodeName)->uri);
    QVERIFY2(opened.ok(), qPrintable(opened ? QString() : opened.error().toString()));
    const DirectConnection& conn = opened.value();
    const Result<quint32> state = conn.readPhysicalWord(guest, LabPlan::GuestStateAddress);
    QVERIFY2(state.ok(), qPrintable(state ? QString() : state.error().toString()));
    QCOMPARE(state.value(), LabPlan::GuestStateFilled);
    QCOMPARE(conn.readPhysicalWord(guest, LabPlan::GuestFaultAddress).value(), 0u);

    // The memory the guest filled before it moved still holds the pattern, start to end.
    const quint32 start = conn.readPhysicalWord(guest, LabPlan::GuestFillStartAddress).value();
    const quint32 end = conn.readPhysicalWord(guest, LabPlan::GuestFillEndAddress).value();
    QVERIFY(end > start + 4096);
    const quint64 step = std::max<quint64>(4, ((end - start) / 97) & ~quint64(3));
    for (quint64 address = start; address + 4 <= end; address += step) {
        const Result<quint32> word = conn.readPhysicalWord(guest, address);
        QVERIFY(word.ok());
        QCOMPARE(word.value(), static_cast<quint32>(address) ^ LabPlan::GuestPattern);
    }
    const Result<quint32> last = conn.readPhysicalWord(guest, end - 4);
    QVERIFY(last.ok());
    QCOMPARE(last.value(), static_cast<quint32>(end - 4) ^ LabPlan::GuestPattern);

    // And it keeps running: its timer tick counter moves on.
    const quint32 ticks = conn.readPhysicalWord(guest, LabPlan::GuestTicksAddress).value();
    QTRY_VERIFY_WITH_TIMEOUT(conn.readPhysicalWord(guest, LabPlan::GuestTicksAddress).value() > ticks, 10000);
}

Outcome TestMigrationRunner::migrate(
    const MigrationRequest& request,
    const std::function<void(MigrationRunner*, const MigrationProgress&)>& onProgress)
{
    Outcome outcome;
    QThread thread;
    thread.setObjectName(QStringLiteral("migration %1").arg(request.id));
    auto* runner = new MigrationRunner(request);
    runner->moveToThread(&thread);
    connect(&thread, &QThread::finished, runner, &QObject::deleteLater);
    connect(runner, &MigrationRunner::progress, this, [&, runner](const MigrationProgress& p) {
        outcome.progress.append(p);
        if (onProgress)
            onProgress(runner, p);
    });
    connect(runner, &MigrationRunner::tuningFailed, this,
            [&](quint64, const Error& error) { outcome.tuningErrors.append(error); });
    QElapsedTimer clock;
    connect(runner, &MigrationRunner::finished, this, [&](const MigrationResult& result) {
        outcome.observedMs = clock.elapsed();
        outcome.results.append(result);
    });
    thread.start();
    clock.start();
    handoff::post(runner, &MigrationRunner::start);
    // Callers check the result count, so a timeout shows as a failed comparison there.
    QDeadlineTimer deadline(MigrationTimeoutMs);
    while (outcome.results.isEmpty() && !deadline.hasExpired())
        QTest::qWait(20);
    thread.quit();
    thread.wait();
    // Nothing arrives after finished(): no second result, no late progress.
    QCoreApplication::processEvents();
    return outcome;
}

void TestMigrationRunner::livePeerToPeerMovesTheRunningGuest()
{
    MigrationOptions options;
    options.bandwidthMiBs = 16; // ~40 MiB to move: a few seconds, several progress reports
    const MigrationRequest r =
        request(QStringLiteral("wiki"), QStringLiteral("yamate-02"), QStringLiteral("myodaiji-02"), options);
    QVERIFY(!r.uuid.isEmpty());
    QVERIFY(!r.migrationUri.isEmpty());

    const Outcome outcome = migrate(r);
    QCOMPARE(outcome.results.size(), 1);
    const MigrationResult& result = outcome.results.first();
    QVERIFY2(result.phase == MigrationPhase::Completed, qPrintable(result.error.toString()));
    QCOMPARE(result.id, r.id);
    QCOMPARE(result.error.code, ErrorCode::None);
    QVERIFY(result.downtimeMs >= 0);
    QVERIFY(result.totalTimeMs > 0);
    QVERIFY(result.dataTransferred > 0);
    QVERIFY(result.wallTimeMs > 0);
    qInfo("wiki: wall %lld ms, libvirt total %lld ms, downtime %lld ms, %llu bytes, %lld progress reports",
          result.wallTimeMs, result.totalTimeMs, result.downtimeMs, result.dataTransferred,
          static_cast<qint64>(outcome.progress.size()));

    QVERIFY(!outcome.progress.isEmpty());
    QCOMPARE(outcome.progress.first().phase, MigrationPhase::Starting);
    const auto transferring =
        std::find_if(outcome.progress.cbegin(), outcome.progress.cend(), [](const MigrationProgress& p) {
            return p.phase == MigrationPhase::Transferring && p.dataTotal > 0;
        });
    QVERIFY(transferring != outcome.progress.cend());
    QVERIFY(transferring->percent() >= 0);
    QVERIFY(outcome.tuningErrors.isEmpty());

    QCOMPARE(where(QStringLiteral("wiki")), QStringLiteral("myodaiji-02"));
    QVERIFY(!m_lab.definedOn(QStringLiteral("wiki"), QStringLiteral("yamate-02")));
    checkGuestAlive(QStringLiteral("wiki"), QStringLiteral("myodaiji-02"));
}

void TestMigrationRunner::cancelKeepsTheGuestOnItsSource()
{
    MigrationOptions options;
    options.bandwidthMiBs = 1; // ~60 MiB at 1 MiB/s: a minute, far longer than the test waits
    const MigrationRequest r =
        request(QStringLiteral("mail"), QStringLiteral("myodaiji-01"), QStringLiteral("yamate-01"), options);
    QVERIFY(!r.uuid.isEmpty());
    bool cancelSent = false;
    const Outcome outcome = migrate(r, [&](MigrationRunner* runner, const MigrationProgress& p) {
        if (!cancelSent && p.phase == MigrationPhase::Transferring) {
            cancelSent = true;
            handoff::post(runner, &MigrationRunner::cancel);
        }
    });
    QVERIFY(cancelSent);
    QCOMPARE(outcome.results.size(), 1);
    const MigrationResult& result = outcome.results.first();
    QCOMPARE(result.phase, MigrationPhase::Cancelled);
    QCOMPARE(result.error.code, ErrorCode::Cancelled);
    QVERIFY2(result.error.message.contains(QStringLiteral("myodaiji-01")), qPrintable(result.error.message));
    qInfo("cancel: %s", qPrintable(result.error.toString()));

    QCOMPARE(where(QStringLiteral("mail")), QStringLiteral("myodaiji-01"));
    QVERIFY(m_lab.definedOn(QStringLiteral("mail"), QStringLiteral("myodaiji-01")));
    QVERIFY(!m_lab.definedOn(QStringLiteral("mail"), QStringLiteral("yamate-01")));
    checkGuestAlive(QStringLiteral("mail"), QStringLiteral("myodaiji-01"));
}

void TestMigrationRunner::clientManagedMigrationWorks()
{
    MigrationOptions options;
    options.peerToPeer = false;
    const MigrationRequest r =
        request(QStringLiteral("dns2"), QStringLiteral("yamate-01"), QStringLiteral("myodaiji-01"), options);
    QVERIFY(!r.uuid.isEmpty());
    const Outcome outcome = migrate(r);
    QCOMPARE(outcome.results.size(), 1);
    const MigrationResult& result = outcome.results.first();
    QVERIFY2(result.phase == MigrationPhase::Completed, qPrintable(result.error.toString()));
    QVERIFY(result.downtimeMs >= 0);
    QCOMPARE(where(QStringLiteral("dns2")), QStringLiteral("myodaiji-01"));
    QVERIFY(m_lab.definedOn(QStringLiteral("dns2"), QStringLiteral("myodaiji-01")));
    QVERIFY(!m_lab.definedOn(QStringLiteral("dns2"), QStringLiteral("yamate-01")));
    checkGuestAlive(QStringLiteral("dns2"), QStringLiteral("myodaiji-01"));
}

void TestMigrationRunner::unreachableDestinationFails()
{
    MigrationRequest r =
        request(QStringLiteral("calc01"), QStringLiteral("myodaiji-01"), QStringLiteral("yamate-01"), {});
    r.destinationUri =
        QStringLiteral("qemu+unix:///session?socket=%1/nowhere/libvirt-sock").arg(m_lab.info().dir);
    const Outcome outcome = migrate(r);
    QCOMPARE(outcome.results.size(), 1);
    const MigrationResult& result = outcome.results.first();
    QCOMPARE(result.phase, MigrationPhase::Failed);
    QVERIFY(result.error.code != ErrorCode::None);
    QVERIFY(!result.error.detail.isEmpty()); // libvirt's reason
    QVERIFY(result.error.message.contains(QStringLiteral("calc01")));
    QCOMPARE(where(QStringLiteral("calc01")), QStringLiteral("myodaiji-01"));

    // A guest that is not on the source fails before anything moves.
    MigrationRequest missing = r;
    missing.uuid = QStringLiteral("00000000-0000-4000-8000-000000000000");
    const Outcome none = migrate(missing);
    QCOMPARE(none.results.size(), 1);
    QCOMPARE(none.results.first().phase, MigrationPhase::Failed);
    QCOMPARE(none.results.first().error.code, ErrorCode::NotFound);
}

void TestMigrationRunner::sessionsCollectPreflightFacts()
{
    const Inventory inventory = LabPlan::inventory(m_lab.info().dir);
    auto config = [&](const QString& name) {
        for (const NodeConfig& n : inventory.nodes) {
            if (n.name == name)
                return n;
        }
        return NodeConfig{};
    };
    QThread sourceThread;
    QThread destinationThread;
    auto* source = new HostSession(config(QStringLiteral("yamate-01")));
    auto* destination = new HostSession(config(QStringLiteral("myodaiji-02")));
    source->moveToThread(&sourceThread);
    destination->moveToThread(&destinationThread);
    connect(&sourceThread, &QThread::finished, source, &QObject::deleteLater);
    connect(&destinationThread, &QThread::finished, destination, &QObject::deleteLater);
    connect(&sourceThread, &QThread::started, source, &HostSession::start);
    connect(&destinationThread, &QThread::started, destination, &HostSession::start);
    QSet<QString> connected;
    auto onNode = [&](const NodeSnapshot& n) {
        if (n.state == NodeState::Connected)
            connected.insert(n.node);
    };
    connect(source, &NodeSession::nodeUpdated, this, onNode);
    connect(destination, &NodeSession::nodeUpdated, this, onNode);
    QList<QPair<quint64, GuestFacts>> guests;
    QList<QPair<quint64, DestinationFacts>> destinations;
    for (HostSession* s : {source, destination}) {
        connect(s, &NodeSession::guestFactsReady, this, [&](quint64 id, const GuestFacts& facts) {
            guests.append({id, facts});
        });
        connect(s, &NodeSession::destinationFactsReady, this, [&](quint64 id, const DestinationFacts& facts) {
            destinations.append({id, facts});
        });
    }
    const auto stop = qScopeGuard([&] {
        sourceThread.quit();
        destinationThread.quit();
        sourceThread.wait();
        destinationThread.wait();
    });
    sourceThread.start();
    destinationThread.start();
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 20000);

    const QString uuid = m_lab.libvirtUuidOf(QStringLiteral("calc02"), QStringLiteral("yamate-01"));
    QVERIFY(!uuid.isEmpty());
    handoff::post(source, [source, uuid] { source->collectGuestFacts(7, uuid); });
    QTRY_COMPARE_WITH_TIMEOUT(guests.size(), 1, 20000);
    QCOMPARE(guests.first().first, quint64(7));
    const GuestFacts facts = guests.first().second;
    QVERIFY2(facts.valid, qPrintable(facts.error.toString()));
    QCOMPARE(facts.uuid, uuid);
    QCOMPARE(facts.name, QStringLiteral("calc02"));
    QCOMPARE(facts.state, InstanceState::Running);
    QCOMPARE(facts.vcpus, 1);
    QCOMPARE(facts.memoryKiB, quint64(48 * 1024));
    QCOMPARE(facts.arch, QStringLiteral("x86_64"));
    QCOMPARE(facts.domainType, QStringLiteral("qemu"));
    QVERIFY(!facts.machine.isEmpty());
    QVERIFY(!facts.emulator.isEmpty());
    QCOMPARE(facts.localDisks, 0);
    QCOMPARE(facts.sharedDisks, 0);
    QVERIFY(facts.networks.isEmpty());

    // An unknown guest: an error, not a crash or a silent empty answer.
    handoff::post(source, [source] {
        source->collectGuestFacts(8, QStringLiteral("00000000-0000-4000-8000-000000000000"));
    });
    QTRY_COMPARE_WITH_TIMEOUT(guests.size(), 2, 20000);
    QVERIFY(!guests.at(1).second.valid);
    QCOMPARE(guests.at(1).second.error.code, ErrorCode::NotFound);

    handoff::post(destination, [destination, facts] { destination->collectDestinationFacts(9, facts); });
    handoff::post(source, [source, facts] { source->collectDestinationFacts(10, facts); });
    QTRY_COMPARE_WITH_TIMEOUT(destinations.size(), 2, 20000);
    std::sort(destinations.begin(), destinations.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    const DestinationFacts other = destinations.at(0).second;
    const DestinationFacts own = destinations.at(1).second;
    QCOMPARE(other.node, QStringLiteral("myodaiji-02"));
    QVERIFY2(other.reachable, qPrintable(other.error.toString()));
    QVERIFY(other.cpu != CpuCompatibility::Incompatible);
    qInfo("cpu comparison on myodaiji-02: %d (%s), max vcpus %d, interfaces known %d: %s",
          static_cast<int>(other.cpu), qPrintable(other.cpuDetail), other.maxVcpus, other.bridgesKnown,
          qPrintable(other.bridges.join(u',')));
    QVERIFY(!other.nameTaken);
    QVERIFY(!other.uuidTaken);
    QVERIFY(other.maxVcpus >= 1);
    QCOMPARE(own.node, QStringLiteral("yamate-01"));
    QVERIFY(own.reachable);
    QVERIFY(own.nameTaken);
    QVERIFY(own.uuidTaken);
}

void TestMigrationRunner::bandwidthAndDowntimeChangeWhileRunning()
{
    MigrationOptions options;
    options.bandwidthMiBs = 32;
    options.maxDowntimeMs = 300;
    const MigrationRequest r =
        request(QStringLiteral("ldap"), QStringLiteral("myodaiji-02"), QStringLiteral("yamate-02"), options);
    QVERIFY(!r.uuid.isEmpty());
    int transferring = 0;
    int movingAfterLowering = 0;
    quint64 rateBefore = 0;
    quint64 rateAfter = 0;
    // Tuning is asked for at the first report, usually while the job still sets up (no data yet):
    // the runner must carry it over to when memory moves.
    const Outcome outcome = migrate(r, [&](MigrationRunner* runner, const MigrationProgress& p) {
        if (p.phase != MigrationPhase::Transferring)
            return;
        qInfo("ldap: %lld ms, %llu of %llu bytes left, %llu B/s", p.elapsedMs, p.dataRemaining, p.dataTotal,
              p.rateBytesPerSec);
        ++transferring;
        if (transferring == 1) {
            handoff::post(runner, [runner] { runner->setBandwidth(2); });
            handoff::post(runner, [runner] { runner->setMaxDowntime(500); });
        } else if (p.dataTotal > 0 && ++movingAfterLowering == 4) {
            rateAfter = p.rateBytesPerSec;
            // Unlimited again, so the test does not wait for the slow rate.
            handoff::post(runner, [runner] { runner->setBandwidth(0); });
        } else if (p.dataTotal > 0 && rateBefore == 0) {
            rateBefore = p.rateBytesPerSec;
        }
    });
    qInfo("rate before lowering %llu B/s, after %llu B/s", rateBefore, rateAfter);
    for (const Error& e : outcome.tuningErrors)
        qWarning("tuning failed: %s", qPrintable(e.toString()));
    QVERIFY(outcome.tuningErrors.isEmpty());
    // At 32 MiB/s the guest would have moved within about two reports; lowered to 2 MiB/s it
    // is still moving at the fourth report after the change.
    QVERIFY(movingAfterLowering >= 4);
    QCOMPARE(outcome.results.size(), 1);
    QVERIFY2(outcome.results.first().phase == MigrationPhase::Completed,
             qPrintable(outcome.results.first().error.toString()));
    QCOMPARE(where(QStringLiteral("ldap")), QStringLiteral("yamate-02"));
}

void TestMigrationRunner::measuresAgainstVirsh()
{
    // www (64 MiB) back and forth between the campuses: Kumo one way, virsh the other, five times.
    const QString guest = QStringLiteral("www");
    const QString a = QStringLiteral("myodaiji-01");
    const QString b = QStringLiteral("yamate-01");
    QList<qint64> kumoWall;
    QList<qint64> kumoObserved;
    QList<qint64> downtime;
    QList<qint64> virshWall;
    for (int i = 0; i < 5; ++i) {
        const Outcome outcome = migrate(request(guest, a, b, {}));
        QCOMPARE(outcome.results.size(), 1);
        const MigrationResult& result = outcome.results.first();
        QVERIFY2(result.phase == MigrationPhase::Completed, qPrintable(result.error.toString()));
        kumoWall.append(result.wallTimeMs);
        kumoObserved.append(outcome.observedMs);
        downtime.append(result.downtimeMs);

        QProcess virsh;
        QElapsedTimer clock;
        clock.start();
        virsh.start(QStringLiteral("virsh"),
                    {QStringLiteral("-c"), m_lab.node(b)->uri, QStringLiteral("migrate"),
                     QStringLiteral("--live"), QStringLiteral("--p2p"), QStringLiteral("--persistent"),
                     QStringLiteral("--undefinesource"), guest, m_lab.node(a)->uri,
                     QStringLiteral("--migrateuri"), m_lab.node(a)->migrationUri});
        QVERIFY(virsh.waitForFinished(MigrationTimeoutMs));
        virshWall.append(clock.elapsed());
        QVERIFY2(virsh.exitCode() == 0, virsh.readAllStandardError().constData());
        QCOMPARE(where(guest), a);
    }
    qInfo("www 64 MiB, median of 5: Kumo wall %lld ms (seen by caller %lld ms), downtime %lld ms; "
          "virsh migrate --live --p2p %lld ms",
          median(kumoWall), median(kumoObserved), median(downtime), median(virshWall));
    checkGuestAlive(guest, a);
}

QTEST_GUILESS_MAIN(TestMigrationRunner)
#include "tst_migrationrunner.moc"

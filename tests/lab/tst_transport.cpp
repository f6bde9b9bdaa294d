// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The migration transport on the demo lab: a running guest moves tunnelled through the source
// daemon's connection when the inventory does not trust the migration network; plain TCP on such a
// network is refused before anything is sent (no job on the source, no connection into the
// destination's migration ports); and, when the lab's nodes have QEMU's migration TLS certificates
// (migration_tls), a guest moves over TLS. Every finished move's journal line names its transport.
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "app/access/journal.h"
#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "app/migration/migrationqueue.h"
#include "core/inventory.h"
#include "core/migrationpath.h"
#include "support/labfixture.h"

using namespace kumo;

namespace {

constexpr int MigrationTimeoutMs = 90000;

// The lab's inventory with no migration network trusted: neither the sites nor any node.
Inventory untrusted(const Inventory& inventory)
{
    Inventory edited = inventory;
    for (Site& site : edited.sites)
        site.trustedMigrationNetwork = false;
    for (NodeConfig& node : edited.nodes)
        node.trustedMigrationNetwork = false;
    return edited;
}

// TCP sockets on this machine (IPv4 and IPv6) whose local or remote port lies in [min, max], as
// "local -> remote" hex pairs from /proc/net/tcp*; the lab's daemons all run here.
QStringList socketsInRange(int min, int max)
{
    QStringList found;
    for (const char* table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile file(QString::fromLatin1(table));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> lines = file.readAll().split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> fields = lines.at(i).simplified().split(' ');
            if (fields.size() < 3)
                continue;
            for (int column : {1, 2}) {
                const QByteArray& address = fields.at(column);
                bool ok = false;
                const int port = address.mid(address.lastIndexOf(':') + 1).toInt(&ok, 16);
                if (ok && port >= min && port <= max) {
                    found.append(QString::fromLatin1(fields.at(1) + " -> " + fields.at(2)));
                    break;
                }
            }
        }
    }
    return found;
}

// libvirt's word on the domain's current job: "None" when it has none ("virsh domjobinfo").
QString jobTypeOn(const QString& uri, const QString& name)
{
    QProcess virsh;
    virsh.start(QStringLiteral("virsh"), {QStringLiteral("-c"), uri, QStringLiteral("domjobinfo"), name});
    if (!virsh.waitForFinished(30000) || virsh.exitCode() != 0)
        return QStringLiteral("<virsh failed: %1>").arg(QString::fromUtf8(virsh.readAllStandardError()));
    for (const QString& line : QString::fromUtf8(virsh.readAllStandardOutput()).split(u'\n')) {
        if (line.startsWith(QStringLiteral("Job type:")))
            return line.mid(int(qstrlen("Job type:"))).trimmed();
    }
    return QStringLiteral("<no job type>");
}

} // namespace

class TestTransport : public QObject
{
    Q_OBJECT

private:
    LabFixture m_lab{QStringLiteral("tst_transport")};
    ClusterController* m_cluster = nullptr; // the fixture's

    // Moves `name` from `from` to `to` with `options` through a MigrationController journaling into
    // `dir`; returns the journal line of the move.
    QJsonObject migrate(const QString& name, const QString& from, const QString& to,
                        const MigrationOptions& options, const QTemporaryDir& dir)
    {
        MigrationController controller(m_cluster, dir.filePath(QStringLiteral("journal.jsonl")));
        QSignalSpy queued(&controller, &MigrationController::migrationQueued);
        QSignalSpy refused(&controller, &MigrationController::migrationRefused);
        QSignalSpy finished(controller.queue(), &MigrationQueue::jobFinished);
        const quint64 id = controller.migrate(m_lab.uuidOf(name), to, options);
        [&] {
            QTRY_COMPARE_WITH_TIMEOUT(queued.size() + refused.size(), 1, 30000);
            QVERIFY2(refused.isEmpty(), refused.isEmpty() ? ""
                                                          : qPrintable(refused.at(0)
                                                                           .at(3)
                                                                           .value<PreflightResult>()
                                                                           .reasons(CheckSeverity::Refused)
                                                                           .join(u' ')));
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, MigrationTimeoutMs);
            const MigrationResult result = finished.at(0).at(1).value<MigrationResult>();
            QVERIFY2(result.phase == MigrationPhase::Completed, qPrintable(result.error.toString()));
            QTRY_VERIFY_WITH_TIMEOUT(m_lab.movedTo(name, from, to), 20000);
        }();
        const QList<QJsonObject> entries = controller.journal()->readAll();
        for (const QJsonObject& entry : entries) {
            if (entry.value(QStringLiteral("job")).toInteger() == qint64(id) &&
                entry.value(QStringLiteral("action")).toString() == QLatin1String("migrate"))
                return entry;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        const Result<void> up = m_lab.setUp(LabFixture::Console::Cluster);
        QVERIFY2(up.ok(), up.ok() ? "" : qPrintable(up.error().toString()));
        m_cluster = m_lab.cluster();
        QCOMPARE(m_lab.nodeOf(QStringLiteral("mail")), QStringLiteral("myodaiji-01"));
    }

    void cleanupTestCase() { (void)m_lab.tearDown(); }

    void cleanup()
    {
        m_cluster->setInventory(m_lab.inventory());
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster->connectedNodeCount(), 4, 30000);
    }

    void untrustedNetworkMovesTunnelled()
    {
        m_cluster->setInventory(untrusted(m_lab.inventory()));
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster->connectedNodeCount(), 4, 30000);
        const bool tls = m_lab.node(QStringLiteral("myodaiji-01"))->migrationTls &&
                         m_lab.node(QStringLiteral("yamate-01"))->migrationTls;
        QTemporaryDir dir;
        MigrationOptions options;
        // Automatic takes the tunnel on an untrusted network, unless both nodes have TLS (then ask
        // for the tunnel by name).
        options.transport = tls ? MigrationTransport::Tunnelled : MigrationTransport::Automatic;
        const QJsonObject entry = migrate(QStringLiteral("mail"), QStringLiteral("myodaiji-01"),
                                          QStringLiteral("yamate-01"), options, dir);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!entry.isEmpty());
        QCOMPARE(entry.value(QStringLiteral("result")).toString(), QStringLiteral("completed"));
        QCOMPARE(entry.value(QStringLiteral("transport")).toString(), QStringLiteral("tunnelled"));
        QCOMPARE(m_lab.stateOn(QStringLiteral("yamate-01"), QStringLiteral("mail")),
                 QStringLiteral("running"));
    }

    void plainRefusedOnUntrustedNetworkBeforeAnythingIsSent()
    {
        m_cluster->setInventory(untrusted(m_lab.inventory()));
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster->connectedNodeCount(), 4, 30000);
        const QString name = QStringLiteral("www");
        const QString from = m_lab.nodeOf(name);
        QVERIFY(!from.isEmpty());
        const QString to =
            from == QStringLiteral("yamate-02") ? QStringLiteral("myodaiji-02") : QStringLiteral("yamate-02");
        int portMin = 0;
        int portMax = 0;
        for (const LabNode& node : m_lab.info().nodes) {
            if (node.name == to) {
                portMin = node.migrationPortMin;
                portMax = node.migrationPortMax;
            }
        }
        QVERIFY2(portMin > 0 && portMax >= portMin, "the lab names the destination's migration ports");
        QCOMPARE(socketsInRange(portMin, portMax), QStringList());

        QTemporaryDir dir;
        MigrationController controller(m_cluster, dir.filePath(QStringLiteral("journal.jsonl")));
        QSignalSpy refused(&controller, &MigrationController::migrationRefused);
        QSignalSpy queued(&controller, &MigrationController::migrationQueued);
        QSignalSpy jobQueued(controller.queue(), &MigrationQueue::jobQueued);
        QSignalSpy guestFacts(m_cluster, &ClusterController::guestFactsReady);
        MigrationOptions options;
        options.transport = MigrationTransport::Plain;
        const quint64 id = controller.migrate(m_lab.uuidOf(name), to, options);
        // Watch the destination's migration ports while the refusal comes and a while after.
        QStringList seen;
        QElapsedTimer watch;
        watch.start();
        while (watch.elapsed() < 1000) {
            seen += socketsInRange(portMin, portMax);
            QTest::qWait(10);
        }
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.at(0).at(0).toULongLong(), id);
        const PreflightResult result = refused.at(0).at(3).value<PreflightResult>();
        QCOMPARE(result.verdict(), CheckSeverity::Refused);
        const PreflightCheck* transport = result.check(QStringLiteral("transport"));
        QVERIFY(transport);
        QCOMPARE(transport->severity, CheckSeverity::Refused);
        QVERIFY2(transport->message.contains(QStringLiteral("trusted_migration_network")),
                 qPrintable(transport->message));

        QCOMPARE(seen, QStringList());
        QCOMPARE(queued.size(), 0);
        QCOMPARE(jobQueued.size(), 0);
        QCOMPARE(guestFacts.size(), 0);
        QVERIFY(controller.queue()->jobs().isEmpty());
        QCOMPARE(jobTypeOn(m_lab.uriOf(from), name), QStringLiteral("None"));
        QCOMPARE(m_lab.stateOn(from, name), QStringLiteral("running"));
        QVERIFY(m_lab.stateOn(to, name).isEmpty());
        QVERIFY(controller.journal()->readAll().isEmpty());
    }

    void tlsMoveWhereTheLabHasCertificates()
    {
        const QString from = m_lab.nodeOf(QStringLiteral("dns1"));
        QVERIFY(!from.isEmpty());
        const QString to =
            from == QStringLiteral("yamate-02") ? QStringLiteral("myodaiji-02") : QStringLiteral("yamate-02");
        if (!m_lab.node(from)->migrationTls || !m_lab.node(to)->migrationTls)
            QSKIP("The lab inventory does not give these nodes migration_tls: this lab's QEMU has no "
                  "migration TLS certificates, so no TLS move can be tried.");
        QTemporaryDir dir;
        MigrationOptions options;
        options.transport = MigrationTransport::Tls;
        const QJsonObject entry = migrate(QStringLiteral("dns1"), from, to, options, dir);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(entry.value(QStringLiteral("result")).toString(), QStringLiteral("completed"));
        QCOMPARE(entry.value(QStringLiteral("transport")).toString(), QStringLiteral("tls"));
        QCOMPARE(m_lab.stateOn(to, QStringLiteral("dns1")), QStringLiteral("running"));
    }
};

QTEST_GUILESS_MAIN(TestTransport)
#include "tst_transport.moc"

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The demo lab's secure access, against real daemons (one lab for the whole file, started with
// --access): the password node asks for a SASL password over TLS and Kumo's CredentialBroker
// answers it from a (scripted) prompt and then from a real keychain (gnome-keyring in a private
// D-Bus session, tests/support/keychain-session.sh); a live migration into the password node runs
// with its QEMU data over TLS, and fails with QEMU's certificate error when the TLS name is
// wrong; afterwards no file of the lab, no log, the journal, the settings and this test's own
// messages hold the passwords used.
#include <atomic>
#include <csignal>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libvirt/libvirt.h>

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "app/access/credentialbroker.h"
#include "app/access/journal.h"
#include "app/access/keychain.h"
#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "app/migration/migrationqueue.h"
#include "core/migrationpath.h"
#include "lab/labplan.h"
#include "support/labfixture.h"
#include "support/scriptedprompter.h"
#include "virt/hostfacts.h"

using namespace kumo;

namespace {

constexpr int MigrationTimeoutMs = 90000;

// Every message this process logs, to search for the passwords at the end.
std::mutex s_messagesMutex;
QByteArray s_messages;
QtMessageHandler s_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        const std::lock_guard lock(s_messagesMutex);
        s_messages += message.toUtf8() + '\n';
    }
    if (s_previousHandler)
        s_previousHandler(type, context, message);
}

// What a person types at the prompt, remembering it.
CredentialAnswer typed(const CredentialPrompt& prompt, const QString& user, const QString& password)
{
    return typedAnswer(prompt, user, password, true);
}

// One connection attempt on a thread of its own, as a node session makes it.
struct Attempt
{
    bool ok = false;
    Error error;
};

Attempt connectOnce(const QString& uri, const QString& node, CredentialProvider* provider)
{
    std::atomic<bool> done{false};
    Attempt attempt;
    std::thread thread([&] {
        Error error;
        virConnectPtr conn = HostFacts::openConnection(uri, node, provider, error);
        attempt.ok = conn != nullptr;
        if (conn)
            virConnectClose(conn);
        attempt.error = error;
        done = true;
    });
    // The broker answers on this (its) thread.
    (void)QTest::qWaitFor([&] { return done.load(); }, 60000);
    thread.join();
    QTest::qWait(50); // finished() is queued to the broker: let it arrive (and store)
    return attempt;
}

// What the keychain holds under `key`; the secret itself is compared, never printed.
Keychain::Status readStatus(Keychain& keychain, const QString& key, QString* secret = nullptr)
{
    std::optional<Keychain::Status> status;
    keychain.read(key, [&](Keychain::Reply& reply) {
        status = reply.status;
        if (secret)
            *secret = reply.secret;
    });
    if (!QTest::qWaitFor([&] { return status.has_value(); }, 20000))
        return Keychain::Status::Failed;
    return *status;
}

QString randomSecret(const char* prefix)
{
    return QString::fromLatin1(prefix) + QString::number(QRandomGenerator::system()->generate64(), 36);
}

} // namespace

class TestSecureLab : public QObject
{
    Q_OBJECT

private:
    // libvirt's own view through the node's unix socket (the password node's TLS URI needs a password).
    QString stateOn(const QString& node, const QString& name) const
    {
        const Result<DirectConnection> connection =
            DirectConnection::open(LabPlan::uri(m_lab.info().dir, node));
        if (!connection.ok())
            return QStringLiteral("<unreachable>");
        const Result<QList<DirectConnection::Domain>> domains = connection->domains();
        if (!domains.ok())
            return QStringLiteral("<unreadable>");
        for (const DirectConnection::Domain& domain : domains.value()) {
            if (domain.name == name)
                return domain.state;
        }
        return {};
    }

    QString uuidOf(const QString& name) const
    {
        for (const InstanceSnapshot& instance : m_cluster->instances()) {
            if (instance.name == name)
                return instance.uuid;
        }
        return {};
    }

    LabFixture m_lab{QStringLiteral("tst_securelab")};
    QTemporaryDir m_dir;
    QString m_password;
    QString m_wrongPassword;
    QString m_wrongUser;
    std::vector<std::unique_ptr<ScriptedPrompter>> m_prompters;
    std::vector<std::unique_ptr<CredentialBroker>> m_brokers;
    ScriptedPrompter* m_prompter = nullptr;
    CredentialBroker* m_broker = nullptr;
    std::unique_ptr<ClusterController> m_cluster;

private Q_SLOTS:
    void initTestCase()
    {
        s_previousHandler = qInstallMessageHandler(captureMessage);
        std::signal(SIGPIPE, SIG_IGN);
        QCOMPARE(qEnvironmentVariable("KUMO_TEST_KEYCHAIN"), QStringLiteral("unlocked"));
        QVERIFY(m_dir.isValid());
        virInitialize();
        const Result<void> up = m_lab.setUp(LabFixture::Console::None, true);
        QVERIFY2(up.ok(), up.ok() ? "" : qPrintable(up.error().toString()));
        m_password = m_lab.info().demoPassword;
        QVERIFY(m_password.size() >= 12);
        QCOMPARE(m_lab.info().demoUser, LabPlan::demoUser());
        m_wrongPassword = randomSecret("wrong-");
        m_wrongUser = LabPlan::demoUser();
    }

    void inventoryAndFilesAreSecured()
    {
        const QString dir = m_lab.info().dir;
        const NodeConfig* passwordNode = m_lab.node(LabPlan::passwordNode());
        QVERIFY(passwordNode);
        QVERIFY2(passwordNode->uri.startsWith(QStringLiteral("qemu+tls://127.0.0.1:")),
                 qPrintable(passwordNode->uri));
        QVERIFY(passwordNode->uri.endsWith(QStringLiteral("/session?pkipath=") + LabPlan::clientPkiDir(dir)));
        QVERIFY(m_lab.node(LabPlan::readOnlyNode())->readOnly);
        for (const NodeConfig& node : m_lab.inventory().nodes) {
            QVERIFY(node.migrationTls);
            QCOMPARE(node.migrationTlsName, QStringLiteral("localhost"));
            QCOMPARE(node.readOnly, node.name == LabPlan::readOnlyNode());
            if (node.name != LabPlan::passwordNode())
                QVERIFY2(node.uri.startsWith(QStringLiteral("qemu+unix:///session?socket=")),
                         qPrintable(node.uri));
        }

        // Keys and credentials: 0600 in 0700 folders, owned by the daemons' user.
        uid_t owner = geteuid();
        if (owner == 0) {
            const passwd* entry = getpwnam(LabPlan::labUser().toLocal8Bit().constData());
            QVERIFY(entry);
            owner = entry->pw_uid;
        }
        const auto mode = [](const QString& path, uid_t* uid = nullptr) {
            struct stat info = {};
            if (lstat(QFile::encodeName(path).constData(), &info) != 0)
                return -1;
            if (uid)
                *uid = info.st_uid;
            return int(info.st_mode & 07777);
        };
        QStringList secrets{LabPlan::clientPkiDir(dir) + QStringLiteral("/clientkey.pem"),
                            LabPlan::saslDatabase(dir)};
        for (const LabPlan::Node& node : LabPlan::nodes()) {
            secrets << LabPlan::libvirtPkiDir(dir, node.name) + QStringLiteral("/serverkey.pem")
                    << LabPlan::qemuTlsDir(dir, node.name) + QStringLiteral("/server-key.pem");
            const QString auth = LabPlan::authFile(dir, node.name);
            if (node.name == LabPlan::passwordNode())
                QVERIFY(!QFileInfo::exists(auth));
            else
                secrets << auth;
        }
        for (const QString& path : std::as_const(secrets)) {
            uid_t uid = 0;
            QVERIFY2(mode(path, &uid) == 0600, qPrintable(path));
            QCOMPARE(uid, owner);
            // Keys and the sasldb in 0700 folders; auth.conf where libvirt reads it (cfg/libvirt).
            if (!path.endsWith(QStringLiteral("/auth.conf")))
                QVERIFY2(mode(QFileInfo(path).absolutePath()) == 0700, qPrintable(path));
        }
        // The CA key is gone once the certificates are signed.
        QVERIFY(!QFileInfo::exists(LabPlan::certificateDir(dir)));
    }

    void passwordAuthentication()
    {
        const QString uri = m_lab.uriOf(LabPlan::passwordNode());
        const QString node = LabPlan::passwordNode();
        // Brokers (one per "start of the console") live to the end of the test: a keychain job
        // of theirs may still be finishing.
        const auto newBroker = [this] {
            m_prompters.push_back(std::make_unique<ScriptedPrompter>());
            m_brokers.push_back(std::make_unique<CredentialBroker>(m_prompters.back().get()));
            return std::pair{m_prompters.back().get(), m_brokers.back().get()};
        };
        Keychain keychain;
        const QString passwordKey = Keychain::keyFor(uri, CredentialRequest::Type::Passphrase);

        // A wrong password: refused in words, and not stored.
        {
            auto [prompter, broker] = newBroker();
            prompter->script = [this](const CredentialPrompt& p) {
                return typed(p, m_wrongUser, m_wrongPassword);
            };
            const Attempt attempt = connectOnce(uri, node, broker);
            QVERIFY(!attempt.ok);
            QCOMPARE(attempt.error.code, ErrorCode::AuthFailed);
            QVERIFY2(attempt.error.message.contains(QStringLiteral("refused the credentials")),
                     qPrintable(attempt.error.toString()));
            QVERIFY(!prompter->prompts.isEmpty());
            QCOMPARE(prompter->prompts.first().kind, CredentialPrompt::Kind::Credentials);
            QVERIFY(prompter->prompts.first().canRemember);
            QCOMPARE(readStatus(keychain, passwordKey), Keychain::Status::NotFound);
        }
        // The first connection with the right password prompts (a new broker: nothing was stored)
        // and remembers it once libvirt accepted it.
        {
            auto [prompter, broker] = newBroker();
            prompter->script = [this](const CredentialPrompt& p) {
                return typed(p, LabPlan::demoUser(), m_password);
            };
            const Attempt attempt = connectOnce(uri, node, broker);
            QVERIFY2(attempt.ok, qPrintable(attempt.error.toString()));
            QVERIFY(!prompter->prompts.isEmpty());
            bool askedPassword = false;
            for (const CredentialPrompt& prompt : std::as_const(prompter->prompts)) {
                for (const CredentialRequest::Item& item : prompt.items)
                    askedPassword = askedPassword || item.type == CredentialRequest::Type::Passphrase;
            }
            QVERIFY(askedPassword);
            QString stored;
            QTRY_COMPARE_WITH_TIMEOUT(readStatus(keychain, passwordKey, &stored), Keychain::Status::Ok,
                                      20000);
            QVERIFY(stored == m_password);
        }
        // The next connection (another broker, as after a restart) prompts nothing: the keychain answers.
        std::tie(m_prompter, m_broker) = newBroker();
        const Attempt attempt = connectOnce(uri, node, m_broker);
        QVERIFY2(attempt.ok, qPrintable(attempt.error.toString()));
        QCOMPARE(m_prompter->prompts.size(), 0);
    }

    void migrationOverTls()
    {
        QVERIFY(m_broker);
        // The console on the lab's inventory, the password node answered from the keychain.
        m_cluster = std::make_unique<ClusterController>();
        m_cluster->setCredentialProvider(m_broker);
        m_cluster->setInventory(m_lab.inventory());
        const Result<void> heard = m_lab.waitUntilHeard(*m_cluster);
        QVERIFY2(heard.ok(), heard.ok() ? "" : qPrintable(heard.error().toString()));
        QCOMPARE(m_prompter->prompts.size(), 0);

        MigrationController controller(m_cluster.get(), m_dir.filePath(QStringLiteral("journal.jsonl")));
        controller.queue()->setCredentialProvider(m_broker);
        QSignalSpy refused(&controller, &MigrationController::migrationRefused);
        QSignalSpy finished(controller.queue(), &MigrationQueue::jobFinished);

        // myodaiji-01 -> the password node: the source daemon logs in with its auth.conf, QEMU's
        // data goes over TLS, checked against the name localhost.
        const QString from = QStringLiteral("myodaiji-01");
        const QString to = LabPlan::passwordNode();
        controller.migrate(uuidOf(QStringLiteral("mail")), to, controller.defaultOptions(),
                           QStringLiteral("securelab"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size() + refused.size(), 1, MigrationTimeoutMs);
        QVERIFY(refused.isEmpty());
        {
            const MigrationRequest request = finished.at(0).at(0).value<MigrationRequest>();
            const MigrationResult result = finished.at(0).at(1).value<MigrationResult>();
            QCOMPARE(request.transport, MigrationTransport::Tls);
            QCOMPARE(request.tlsDestination, QStringLiteral("localhost"));
            QVERIFY2(result.phase == MigrationPhase::Completed, qPrintable(result.error.toString()));
        }
        QTRY_COMPARE_WITH_TIMEOUT(stateOn(to, QStringLiteral("mail")), QStringLiteral("running"), 20000);
        QVERIFY(stateOn(from, QStringLiteral("mail")).isEmpty());
        // The move's start entry, then its result.
        const QList<QJsonObject> entries = controller.journal()->readAll();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).value(QStringLiteral("action")).toString(), QStringLiteral("migrate-start"));
        QCOMPARE(entries.at(1).value(QStringLiteral("transport")).toString(), QStringLiteral("tls"));
        QCOMPARE(entries.at(1).value(QStringLiteral("result")).toString(), QStringLiteral("completed"));

        // The same way back with the wrong name for the destination's certificate: QEMU's TLS
        // handshake fails, so the first migration really was TLS-checked. The guest stays.
        Inventory wrong = m_lab.inventory();
        for (NodeConfig& node : wrong.nodes) {
            if (node.name == from)
                node.migrationTlsName = QStringLiteral("wrong.example");
        }
        m_cluster->setInventory(wrong);
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster->connectedNodeCount(), int(wrong.nodes.size()), 30000);
        finished.clear();
        controller.migrate(uuidOf(QStringLiteral("mail")), from, controller.defaultOptions());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size() + refused.size(), 1, MigrationTimeoutMs);
        QVERIFY(refused.isEmpty());
        {
            const MigrationRequest request = finished.at(0).at(0).value<MigrationRequest>();
            const MigrationResult result = finished.at(0).at(1).value<MigrationResult>();
            QCOMPARE(request.tlsDestination, QStringLiteral("wrong.example"));
            QCOMPARE(result.phase, MigrationPhase::Failed);
            // libvirt reports whichever QEMU gave up first: the source ("Certificate does not match the
            // hostname wrong.example") or the destination, reading the TLS channel the source closed.
            QVERIFY2(
                result.error.detail.contains(QStringLiteral("does not match the hostname wrong.example")) ||
                    result.error.detail.contains(QStringLiteral("Cannot read from TLS channel")),
                qPrintable(result.error.toString()));
        }
        QTRY_COMPARE_WITH_TIMEOUT(stateOn(to, QStringLiteral("mail")), QStringLiteral("running"), 20000);
        QVERIFY(stateOn(from, QStringLiteral("mail")).isEmpty());
        m_cluster->setInventory(m_lab.inventory());
    }

    void passwordsAreNowhere()
    {
        const QList<QByteArray> needles{m_password.toUtf8(), m_wrongPassword.toUtf8()};
        QVERIFY(!needles.at(0).isEmpty());
        const QString dir = m_lab.info().dir;
        QStringList files;
        QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
        // Every file of the lab (inventory, lab.json, progress, logs of the supervisor, the daemons
        // and QEMU), the journal and Kumo's settings. The source daemons' auth.conf hold the lab
        // password by design (peer-to-peer migration into the password node); nothing else may.
        QVERIFY(files.contains(LabPlan::inventoryFile(dir)));
        QVERIFY(files.contains(LabPlan::stateFile(dir)));
        QVERIFY(files.contains(LabPlan::supervisorLog(dir)));
        QVERIFY(files.contains(LabPlan::saslDatabase(dir)));
        files.append(m_dir.filePath(QStringLiteral("journal.jsonl")));
        QVERIFY(QFileInfo::exists(files.last()));
        QSettings().sync();
        files.append(QSettings().fileName());
        int logs = 0;
        for (const QString& path : std::as_const(files)) {
            if (path.endsWith(QStringLiteral("/libvirt/auth.conf")))
                continue;
            logs += path.endsWith(QStringLiteral(".log")) ? 1 : 0;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue; // a socket or a file gone meanwhile
            const QByteArray data = file.readAll();
            for (int i = 0; i < needles.size(); ++i) {
                if (i == 0 && path == LabPlan::saslDatabase(dir))
                    continue; // the node's own password database (below)
                QVERIFY2(!data.contains(needles.at(i)),
                         qPrintable(QStringLiteral("password %1 found in %2").arg(i).arg(path)));
            }
        }
        QVERIFY(logs >= 5); // the supervisor's and every daemon's
        // The sasldb is the node's own password database (what /etc/sasldb2 is on a real node), not
        // Kumo's: Cyrus SASL 2.1.28 (Debian 12) keeps the password there as userPassword, so it is
        // outside this search. It must hold the demo user.
        QFile sasldb(LabPlan::saslDatabase(dir));
        QVERIFY(sasldb.open(QIODevice::ReadOnly));
        const QByteArray secrets = sasldb.readAll();
        QVERIFY(secrets.contains(LabPlan::demoUser().toUtf8()));
        const std::lock_guard lock(s_messagesMutex);
        for (const QByteArray& needle : needles)
            QVERIFY(!s_messages.contains(needle));
    }

    void cleanupTestCase()
    {
        const QString dir = m_lab.info().dir;
        for (const auto& broker : m_brokers)
            broker->shutdown();
        if (m_cluster)
            m_cluster->shutdown();
        m_cluster.reset();
        QTest::qWait(200); // keychain jobs still under way end before their brokers go
        m_brokers.clear();
        m_prompters.clear();
        QVERIFY(m_lab.tearDown().ok());
        // Every key, the sasldb and the auth.conf files went with the lab's directory.
        QVERIFY(dir.isEmpty() || !QFileInfo::exists(dir));
        qInstallMessageHandler(s_previousHandler);
    }
};

QTEST_GUILESS_MAIN(TestSecureLab)
#include "tst_securelab.moc"

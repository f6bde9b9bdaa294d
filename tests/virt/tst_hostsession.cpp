// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// HostSession against libvirt's test driver: generated node files, test:///default (whose
// state every connection of the process shares) and a URI whose daemon does not exist.
#include <cstdio>
#include <memory>
#include <mutex>

#include <fcntl.h>
#include <unistd.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include "core/credentialprovider.h"
#include "core/threadhandoff.h"
#include "support/testdriver.h"
#include "virt/eventloop.h"
#include "virt/hostsession.h"
#include "virt/virterror.h"

using namespace kumo;

namespace {

// One session on its own thread, wired the way the application wires it; the received values
// are kept on the test thread.
class Harness
{
public:
    explicit Harness(const NodeConfig& node, int pollIntervalMs = HostSession::DefaultPollIntervalMs,
                     CredentialProvider* credentials = nullptr)
        : session(new HostSession(node, credentials))
    {
        session->setPollInterval(pollIntervalMs);
        session->moveToThread(&thread);
        QObject::connect(&thread, &QThread::started, session, &HostSession::start);
        QObject::connect(&thread, &QThread::finished, session, &QObject::deleteLater);
        QObject::connect(session, &NodeSession::nodeUpdated, &receiver,
                         [this](const NodeSnapshot& s) { nodes.append(s); });
        QObject::connect(session, &NodeSession::instancesUpdated, &receiver,
                         [this](const QString& name, const QList<InstanceSnapshot>& list) {
                             instanceNodes.append(name);
                             instanceLists.append(list);
                         });
        thread.start();
    }
    ~Harness() { stop(); }

    void stop()
    {
        if (!thread.isRunning())
            return;
        handoff::callBlocking(session, [s = session] { s->stop(); });
        thread.quit();
        thread.wait();
    }

    [[nodiscard]] bool connected() const
    {
        return !nodes.isEmpty() && nodes.last().state == NodeState::Connected;
    }
    [[nodiscard]] const InstanceSnapshot* instance(const QString& name) const
    {
        if (instanceLists.isEmpty())
            return nullptr;
        for (const InstanceSnapshot& i : instanceLists.last()) {
            if (i.name == name)
                return &i;
        }
        return nullptr;
    }

    QObject receiver; // lives on the test thread: the lambdas above run there
    QThread thread;
    HostSession* session = nullptr;
    QList<NodeSnapshot> nodes;
    QStringList instanceNodes;
    QList<QList<InstanceSnapshot>> instanceLists;
};

class FixedCredentials : public CredentialProvider
{
public:
    FixedCredentials(QString user, QString password)
        : m_user(std::move(user))
        , m_password(std::move(password))
    {}

    bool provide(CredentialRequest& request) override
    {
        std::lock_guard lock(m_mutex);
        m_requests.append(request);
        request.ticket = quint64(m_requests.size());
        for (CredentialRequest::Item& item : request.items) {
            if (item.type == CredentialRequest::Type::Username ||
                item.type == CredentialRequest::Type::AuthName)
                item.result = m_user;
            else if (item.type == CredentialRequest::Type::Passphrase)
                item.result = m_password;
            else
                continue;
            item.answered = true;
        }
        return true;
    }

    void finished(const CredentialRequest& request, bool accepted) override
    {
        std::lock_guard lock(m_mutex);
        m_outcomes.append({request.ticket, accepted});
    }

    QList<CredentialRequest> requests()
    {
        std::lock_guard lock(m_mutex);
        return m_requests;
    }

    // (ticket, accepted) per finished() call.
    QList<std::pair<quint64, bool>> outcomes()
    {
        std::lock_guard lock(m_mutex);
        return m_outcomes;
    }

private:
    std::mutex m_mutex;
    QString m_user;
    QString m_password;
    QList<CredentialRequest> m_requests;
    QList<std::pair<quint64, bool>> m_outcomes;
};

// Everything written to file descriptor 2 while it lives, to prove that libvirt prints nothing.
class StderrCapture
{
public:
    explicit StderrCapture(const QString& path)
        : m_path(path)
    {
        std::fflush(stderr);
        m_saved = ::dup(STDERR_FILENO);
        const int fd = ::open(QFile::encodeName(path).constData(), O_CREAT | O_TRUNC | O_WRONLY, 0600);
        ::dup2(fd, STDERR_FILENO);
        ::close(fd);
    }
    ~StderrCapture() { restore(); }
    QByteArray restore()
    {
        if (m_saved >= 0) {
            std::fflush(stderr);
            ::dup2(m_saved, STDERR_FILENO);
            ::close(m_saved);
            m_saved = -1;
        }
        QFile file(m_path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private:
    QString m_path;
    int m_saved = -1;
};

QStringList s_qtMessages;
QMutex s_qtMessagesMutex;
void collectQtMessage(QtMsgType, const QMessageLogContext&, const QString& message)
{
    QMutexLocker lock(&s_qtMessagesMutex);
    s_qtMessages.append(message);
}

} // namespace

class TestHostSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void generatedCluster();
    void lifecycleEventRefreshesPromptly();
    void unreachableNode();
    void credentialsFromProvider();
    void noCredentialProviderFailsAuth();
    void pollIntervalChanges();
    void stopAndRestart();
    void virtErrorMapping();
    void insecureTransportRefusedBeforeConnecting();
    void insecureTransportAllowed();
    void readOnlyConnectionRefusesChanges();
    void pollCostThousandDomains();
    void storagePoolsAndMissingStats();

private:
    QTemporaryDir m_dir;
};

void TestHostSession::initTestCase()
{
    QVERIFY(m_dir.isValid());
    EventLoop::ensureRunning();
    QVERIFY(EventLoop::isRunning());
}

void TestHostSession::generatedCluster()
{
    const TestCluster cluster = generateTestCluster(m_dir.filePath(QStringLiteral("cluster")), 2, 2, 5);
    QCOMPARE(cluster.inventory.nodes.size(), 4);
    QCOMPARE(cluster.inventory.sites.at(0).id, QStringLiteral("myodaiji"));
    QCOMPARE(cluster.inventory.sites.at(1).id, QStringLiteral("yamate"));
    QCOMPARE(cluster.inventory.nodes.at(0).name, QStringLiteral("myodaiji-01"));
    QVERIFY(cluster.inventory.nodes.at(0).uri.startsWith(QStringLiteral("test:///")));

    std::vector<std::unique_ptr<Harness>> harnesses;
    for (const NodeConfig& node : cluster.inventory.nodes)
        harnesses.push_back(std::make_unique<Harness>(node));
    for (const auto& h : harnesses) {
        QTRY_VERIFY_WITH_TIMEOUT(h->connected() && !h->instanceLists.isEmpty(), 10000);
        QCOMPARE(h->nodes.first().state, NodeState::Connecting);
    }

    QSet<QString> uuids;
    for (qsizetype n = 0; n < cluster.nodes.size(); ++n) {
        const TestNode& expected = cluster.nodes.at(n);
        const Harness& h = *harnesses.at(static_cast<size_t>(n));
        const NodeSnapshot& node = h.nodes.last();
        QCOMPARE(node.node, expected.name);
        QCOMPARE(node.error.code, ErrorCode::None);
        QCOMPARE(node.cpus, expected.cpus);
        QCOMPARE(node.mhz, expected.mhz);
        QCOMPARE(node.cpuModel, expected.cpuModel);
        QCOMPARE(node.memoryTotalKiB, expected.memoryKiB);
        QCOMPARE(node.hypervisor, QStringLiteral("TEST"));
        QVERIFY(node.libvirtVersion >= 9000000);
        QVERIFY(!node.hostname.isEmpty());
        QCOMPARE(node.instanceCount, 5);
        QCOMPARE(node.runningCount, 5);
        QVERIFY(node.sampledAtMs > 0);

        QCOMPARE(h.instanceNodes.last(), expected.name);
        const QList<InstanceSnapshot>& list = h.instanceLists.last();
        QCOMPARE(list.size(), expected.domains.size());
        for (const TestDomain& d : expected.domains) {
            const InstanceSnapshot* i = h.instance(d.name);
            QVERIFY2(i, qPrintable(d.name));
            QCOMPARE(i->uuid, d.uuid);
            QCOMPARE(i->node, expected.name);
            QCOMPARE(i->state, InstanceState::Running);
            QCOMPARE(i->vcpus, d.vcpus);
            QCOMPARE(i->memoryKiB, d.memoryKiB);
            QCOMPARE(i->maxMemoryKiB, d.memoryKiB);
            QVERIFY(i->persistent);
            QVERIFY(!i->autostart);
            uuids.insert(i->uuid);
        }
    }
    QCOMPARE(uuids.size(), 20);
}

void TestHostSession::lifecycleEventRefreshesPromptly()
{
    NodeConfig node;
    node.name = QStringLiteral("default");
    node.site = QStringLiteral("myodaiji");
    node.uri = QStringLiteral("test:///default");
    // The poll interval is far longer than the wait below: only a domain event can bring the change.
    Harness h(node, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(h.instance(QStringLiteral("test")), 10000);
    QCOMPARE(h.instance(QStringLiteral("test"))->state, InstanceState::Running);
    const qsizetype listsBefore = h.instanceLists.size();

    virConnectPtr conn = virConnectOpen("test:///default");
    QVERIFY(conn);
    virDomainPtr domain = virDomainLookupByName(conn, "test");
    QVERIFY(domain);
    QCOMPARE(virDomainDestroy(domain), 0);

    QTRY_VERIFY_WITH_TIMEOUT(h.instance(QStringLiteral("test"))->state == InstanceState::ShutOff, 5000);
    // One destroy is one event: it must not cause a poll per list received so far.
    QVERIFY(h.instanceLists.size() - listsBefore <= 2);
    QCOMPARE(h.nodes.last().runningCount, 0);

    QCOMPARE(virDomainCreate(domain), 0);
    QTRY_VERIFY_WITH_TIMEOUT(h.instance(QStringLiteral("test"))->state == InstanceState::Running, 5000);
    QCOMPARE(h.nodes.last().runningCount, 1);
    virDomainFree(domain);

    // An action refreshes its domain without waiting for the interval.
    const QString uuid = h.instance(QStringLiteral("test"))->uuid;
    handoff::post(h.session, [s = h.session, uuid] { s->performAction(1, uuid, InstanceAction::Suspend); });
    QTRY_VERIFY_WITH_TIMEOUT(h.instance(QStringLiteral("test"))->state == InstanceState::Paused, 5000);
    handoff::post(h.session, [s = h.session, uuid] { s->performAction(2, uuid, InstanceAction::Resume); });
    QTRY_VERIFY_WITH_TIMEOUT(h.instance(QStringLiteral("test"))->state == InstanceState::Running, 5000);

    // A domain the last poll did not know (an event about it) brings the whole list.
    const char* xml = "<domain type='test'><name>newcomer</name><memory>65536</memory>"
                      "<os><type>hvm</type></os></domain>";
    virDomainPtr newcomer = virDomainCreateXML(conn, xml, 0);
    QVERIFY(newcomer);
    QTRY_VERIFY_WITH_TIMEOUT(h.instance(QStringLiteral("newcomer")), 5000);
    QCOMPARE(h.instance(QStringLiteral("newcomer"))->state, InstanceState::Running);
    QCOMPARE(h.nodes.last().runningCount, 2);
    QCOMPARE(virDomainDestroy(newcomer), 0); // transient: gone with it
    virDomainFree(newcomer);
    QTRY_VERIFY_WITH_TIMEOUT(!h.instance(QStringLiteral("newcomer")), 5000);
    virConnectClose(conn);
}

void TestHostSession::unreachableNode()
{
    NodeConfig node;
    node.name = QStringLiteral("yamate-99");
    node.site = QStringLiteral("yamate");
    node.uri = QStringLiteral("qemu+unix:///session?socket=/nonexistent/kumo-test.sock");

    QByteArray printed;
    {
        const QtMessageHandler previous = qInstallMessageHandler(collectQtMessage);
        StderrCapture capture(m_dir.filePath(QStringLiteral("stderr.txt")));
        Harness h(node, 500);
        auto unreachable = [&h] {
            QList<NodeSnapshot> result;
            for (const NodeSnapshot& s : h.nodes) {
                if (s.state == NodeState::Unreachable)
                    result.append(s);
            }
            return result;
        };
        // Two failed attempts: the second one proves the retry and the growing backoff.
        QTRY_VERIFY_WITH_TIMEOUT(unreachable().size() >= 2, 10000);
        h.stop();
        printed = capture.restore();
        qInstallMessageHandler(previous);

        const QList<NodeSnapshot> failures = unreachable();
        const NodeSnapshot& first = failures.at(0);
        QCOMPARE(first.node, node.name);
        QCOMPARE(first.error.code, ErrorCode::ConnectionFailed);
        QCOMPARE(first.error.object, node.name);
        QCOMPARE(first.error.message, VirtError::messageFor(ErrorCode::ConnectionFailed));
        QVERIFY(!first.error.message.isEmpty());
        QVERIFY2(first.error.detail.contains(QStringLiteral("/nonexistent/kumo-test.sock")),
                 qPrintable(first.error.detail));
        QCOMPARE(first.reconnectInMs, HostSession::FirstReconnectDelayMs);
        QCOMPARE(failures.at(1).reconnectInMs, 2 * HostSession::FirstReconnectDelayMs);
        QVERIFY(h.instanceLists.isEmpty());
    }
    QVERIFY2(printed.isEmpty(), printed.constData());
}

void TestHostSession::credentialsFromProvider()
{
    TestNode node;
    node.name = QStringLiteral("auth-01");
    node.cpus = 4;
    node.mhz = 1000;
    node.cpuModel = QStringLiteral("x86_64");
    node.memoryKiB = 1024 * 1024;
    node.domains.append(testDomain(node.name, 0));
    node.authUser = QStringLiteral("alice");
    node.authPassword = QStringLiteral("s3cret");
    const QString path = m_dir.filePath(QStringLiteral("auth.xml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(testNodeXml(node));
    file.close();

    NodeConfig config;
    config.name = node.name;
    config.uri = QStringLiteral("test://%1").arg(path);
    {
        FixedCredentials good(QStringLiteral("alice"), QStringLiteral("s3cret"));
        Harness h(config, 60000, &good);
        QTRY_VERIFY_WITH_TIMEOUT(h.connected() && h.instance(node.domains.at(0).name), 10000);
        h.stop();
        const QList<CredentialRequest> requests = good.requests();
        QVERIFY(!requests.isEmpty());
        QCOMPARE(requests.first().node, config.name);
        QCOMPARE(requests.first().uri, config.uri);
        // Every answered request hears its outcome: accepted, for the ticket it was given.
        const QList<std::pair<quint64, bool>> outcomes = good.outcomes();
        QCOMPARE(outcomes.size(), requests.size());
        QCOMPARE(outcomes.first(), std::make_pair(quint64(1), true));
    }
    {
        FixedCredentials bad(QStringLiteral("alice"), QStringLiteral("wrong"));
        Harness h(config, 60000, &bad);
        QTRY_VERIFY_WITH_TIMEOUT(!h.nodes.isEmpty() && h.nodes.last().state == NodeState::Unreachable, 10000);
        h.stop();
        QCOMPARE(h.nodes.last().error.code, ErrorCode::AuthFailed);
        QVERIFY(!h.nodes.last().error.detail.isEmpty());
        const QList<std::pair<quint64, bool>> outcomes = bad.outcomes();
        QVERIFY(!outcomes.isEmpty());
        for (const auto& outcome : outcomes)
            QVERIFY(!outcome.second); // a wrong password is never reported as accepted
    }
}

void TestHostSession::noCredentialProviderFailsAuth()
{
    TestNode node;
    node.name = QStringLiteral("auth-02");
    node.cpus = 2;
    node.mhz = 1000;
    node.cpuModel = QStringLiteral("x86_64");
    node.memoryKiB = 1024 * 1024;
    node.authUser = QStringLiteral("bob");
    node.authPassword = QStringLiteral("pw");
    const QString path = m_dir.filePath(QStringLiteral("auth2.xml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(testNodeXml(node));
    file.close();

    NodeConfig config;
    config.name = node.name;
    config.uri = QStringLiteral("test://%1").arg(path);
    Harness h(config, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!h.nodes.isEmpty() && h.nodes.last().state == NodeState::Unreachable, 10000);
    h.stop();
    QCOMPARE(h.nodes.last().error.code, ErrorCode::AuthFailed);
}

void TestHostSession::pollIntervalChanges()
{
    const TestCluster cluster = generateTestCluster(m_dir.filePath(QStringLiteral("interval")), 1, 1, 2);
    QCOMPARE(cluster.inventory.nodes.size(), 1);
    Harness h(cluster.inventory.nodes.first(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(h.connected() && !h.instanceLists.isEmpty(), 10000);
    const qsizetype before = h.instanceLists.size();
    handoff::post(h.session, [s = h.session] { s->setPollInterval(100); });
    // With the 60 s interval no further poll could come in this wait.
    QTRY_VERIFY_WITH_TIMEOUT(h.instanceLists.size() >= before + 5, 10000);

    handoff::callBlocking(h.session, [s = h.session] { s->setPollInterval(60000); });
    const qsizetype afterSlowing = h.instanceLists.size();
    handoff::post(h.session, &HostSession::refreshNow);
    QTRY_VERIFY_WITH_TIMEOUT(h.instanceLists.size() > afterSlowing, 5000);
}

void TestHostSession::stopAndRestart()
{
    const TestCluster cluster = generateTestCluster(m_dir.filePath(QStringLiteral("restart")), 1, 1, 3);
    for (int round = 0; round < 2; ++round) {
        Harness h(cluster.inventory.nodes.first(), 100);
        QTRY_VERIFY_WITH_TIMEOUT(h.connected() && h.instanceLists.size() >= 2, 10000);
        h.stop();
        const qsizetype received = h.nodes.size() + h.instanceLists.size();
        QCoreApplication::processEvents();
        QTest::qWait(200);
        // stop() promises silence: nothing may arrive after it returned.
        QCOMPARE(h.nodes.size() + h.instanceLists.size(), received);
    }
    // A session stopped twice and destroyed without ever running its thread must be harmless too.
    {
        HostSession idle(cluster.inventory.nodes.first());
        idle.stop();
        idle.stop();
    }
}

void TestHostSession::virtErrorMapping()
{
    QCOMPARE(VirtError::codeFor(VIR_ERR_AUTH_FAILED, VIR_FROM_NONE), ErrorCode::AuthFailed);
    QCOMPARE(VirtError::codeFor(VIR_ERR_AUTH_CANCELLED, VIR_FROM_NONE), ErrorCode::AuthFailed);
    QCOMPARE(VirtError::codeFor(VIR_ERR_NO_DOMAIN, VIR_FROM_QEMU), ErrorCode::NotFound);
    QCOMPARE(VirtError::codeFor(VIR_ERR_NO_SUPPORT, VIR_FROM_NONE), ErrorCode::Unsupported);
    QCOMPARE(VirtError::codeFor(VIR_ERR_OPERATION_ABORTED, VIR_FROM_QEMU), ErrorCode::Cancelled);
    QCOMPARE(VirtError::codeFor(VIR_ERR_OPERATION_TIMEOUT, VIR_FROM_QEMU), ErrorCode::Timeout);
    QCOMPARE(VirtError::codeFor(VIR_ERR_XML_DETAIL, VIR_FROM_DOMAIN), ErrorCode::InvalidInput);
    QCOMPARE(VirtError::codeFor(VIR_ERR_SYSTEM_ERROR, VIR_FROM_RPC), ErrorCode::ConnectionFailed);
    QCOMPARE(VirtError::codeFor(VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE, ErrorCode::ConnectionFailed),
             ErrorCode::ConnectionFailed);
    QCOMPARE(VirtError::codeFor(VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU), ErrorCode::OperationFailed);

    // A real failure on this thread: looking up a domain that does not exist.
    virConnectPtr conn = virConnectOpen("test:///default");
    QVERIFY(conn);
    QVERIFY(!virDomainLookupByName(conn, "kumo-no-such-domain"));
    const Error error = VirtError::lastError(QStringLiteral("kumo-no-such-domain"));
    QCOMPARE(error.code, ErrorCode::NotFound);
    QCOMPARE(error.object, QStringLiteral("kumo-no-such-domain"));
    QVERIFY(!error.detail.isEmpty());
    QVERIFY(!error.message.isEmpty());
    QVERIFY(!virGetLastError()); // converted errors are cleared
    virConnectClose(conn);
}

void TestHostSession::insecureTransportRefusedBeforeConnecting()
{
    // A daemon that would accept the connection: nothing may reach it.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QSignalSpy connections(&server, &QTcpServer::newConnection);
    NodeConfig node;
    node.name = QStringLiteral("plain-01");
    node.site = QStringLiteral("lab");
    node.uri = QStringLiteral("qemu+tcp://127.0.0.1:%1/system").arg(server.serverPort());

    Harness h(node, 500);
    QTRY_VERIFY_WITH_TIMEOUT(!h.nodes.isEmpty() && h.nodes.last().state == NodeState::Unreachable, 10000);
    const NodeSnapshot refused = h.nodes.last();
    QCOMPARE(refused.error.code, ErrorCode::Insecure);
    QCOMPARE(refused.error.object, node.name);
    QVERIFY2(refused.error.message.contains(QStringLiteral("allow_insecure")),
             qPrintable(refused.error.message));
    // Not retried on the backoff timer: only a new configuration (a new session) tries again.
    QCOMPARE(refused.reconnectInMs, 0);
    QTest::qWait(3 * HostSession::FirstReconnectDelayMs);
    int attempts = 0;
    for (const NodeSnapshot& s : std::as_const(h.nodes))
        attempts += s.state == NodeState::Unreachable ? 1 : 0;
    QCOMPARE(attempts, 1);
    QCOMPARE(connections.count(), 0);
    QVERIFY(!server.hasPendingConnections());
    h.stop();
}

void TestHostSession::insecureTransportAllowed()
{
    // The same node with allow_insecure = true: the session does try (and the fake daemon hangs up).
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QSignalSpy connections(&server, &QTcpServer::newConnection);
    NodeConfig node;
    node.name = QStringLiteral("plain-02");
    node.site = QStringLiteral("lab");
    node.uri = QStringLiteral("qemu+tcp://127.0.0.1:%1/system").arg(server.serverPort());
    node.allowInsecure = true;

    Harness h(node, 500);
    QTRY_VERIFY_WITH_TIMEOUT(connections.count() >= 1, 10000);
    while (QTcpSocket* socket = server.nextPendingConnection())
        socket->abort();
    server.close(); // later attempts find nobody listening
    QTRY_VERIFY_WITH_TIMEOUT(!h.nodes.isEmpty() && h.nodes.last().state == NodeState::Unreachable, 10000);
    QVERIFY(h.nodes.last().error.code != ErrorCode::Insecure);
    QVERIFY(h.nodes.last().reconnectInMs > 0);
    h.stop();
}

void TestHostSession::readOnlyConnectionRefusesChanges()
{
    // read_only opens with VIR_CONNECT_RO: an action that reaches libvirt anyway (the controller
    // bypassed) is refused by libvirt itself, and the guest keeps running.
    const TestCluster cluster = generateTestCluster(m_dir.filePath(QStringLiteral("readonly")), 1, 1, 1);
    QCOMPARE(cluster.inventory.nodes.size(), 1);
    NodeConfig node = cluster.inventory.nodes.first();
    node.readOnly = true;
    const QString vm = cluster.nodes.first().domains.first().name;

    Harness h(node, 200);
    QTRY_VERIFY_WITH_TIMEOUT(h.connected() && h.instance(vm), 10000);
    QCOMPARE(h.instance(vm)->state, InstanceState::Running);
    const QString uuid = h.instance(vm)->uuid;

    QList<Error> answers;
    QObject::connect(
        h.session, &NodeSession::actionFinished, &h.receiver,
        [&answers](quint64, const QString&, InstanceAction, const Error& error) { answers.append(error); });
    HostSession* session = h.session;
    handoff::post(session, [session, uuid] { session->performAction(7, uuid, InstanceAction::Suspend); });
    QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 1, 10000);
    QVERIFY(answers.first().code != ErrorCode::None);
    QVERIFY2(answers.first().detail.contains(QStringLiteral("read only")),
             qPrintable(answers.first().detail));

    // Still running after the next polls.
    const qsizetype lists = h.instanceLists.size();
    QTRY_VERIFY_WITH_TIMEOUT(h.instanceLists.size() >= lists + 2, 10000);
    QCOMPARE(h.instance(vm)->state, InstanceState::Running);
    h.stop();
}

void TestHostSession::pollCostThousandDomains()
{
    const TestCluster cluster = generateTestCluster(m_dir.filePath(QStringLiteral("big")), 1, 1, 1000);
    // On the test thread, so that each refreshNow() is one synchronous poll that can be timed.
    HostSession session(cluster.inventory.nodes.first());
    session.setPollInterval(600000);
    QList<InstanceSnapshot> last;
    int polls = 0;
    connect(&session, &NodeSession::instancesUpdated, this,
            [&](const QString&, const QList<InstanceSnapshot>& list) {
                last = list;
                ++polls;
            });
    session.start();
    QCOMPARE(polls, 1);
    QCOMPARE(last.size(), 1000);

    constexpr int Rounds = 10;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < Rounds; ++i)
        session.refreshNow();
    const double perPollMs = static_cast<double>(timer.nsecsElapsed()) / 1e6 / Rounds;
    QCOMPARE(polls, 1 + Rounds);
    QCOMPARE(last.size(), 1000);
    qInfo("one poll of a 1000-domain test-driver node: %.2f ms (mean of %d)", perPollMs, Rounds);
    session.stop();
}

void TestHostSession::storagePoolsAndMissingStats()
{
    // The test driver's pools are not read (listing them from several connections at once
    // corrupted memory); its bulk stats have the state group only, so the I/O rates, steal and
    // RSS stay unknown rather than made up.
    NodeConfig node;
    node.name = QStringLiteral("pools");
    node.site = QStringLiteral("myodaiji");
    node.uri = QStringLiteral("test:///default");
    Harness h(node, 200);
    QTRY_VERIFY_WITH_TIMEOUT(h.connected() && h.instanceLists.size() >= 2, 10000);
    const NodeSnapshot& snapshot = h.nodes.last();
    QCOMPARE(snapshot.hypervisor, QStringLiteral("TEST"));
    QVERIFY(!snapshot.poolsKnown);
    QVERIFY(snapshot.pools.isEmpty());
    const InstanceSnapshot* test = h.instance(QStringLiteral("test"));
    QVERIFY(test);
    QCOMPARE(test->diskReadBps, -1.0);
    QCOMPARE(test->netTxBps, -1.0);
    QCOMPARE(test->cpuStealPercent, -1.0);
    QCOMPARE(test->rssKiB, quint64(0));
}

QTEST_GUILESS_MAIN(TestHostSession)
#include "tst_hostsession.moc"

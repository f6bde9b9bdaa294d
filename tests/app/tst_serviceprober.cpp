// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ServiceProber against real servers this test starts on 127.0.0.1: a TCP listener, an SMTP
// greeter (220 or a wrong banner, EHLO answered with 250), an HTTP server (200 with text, 500,
// or silence), and a closed port. No daemons.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "app/monitoring/monitoringcontroller.h"
#include "app/probes/serviceprober.h"
#include "lab/labservices.h"

using namespace kumo;

namespace {

// A loopback server speaking just enough SMTP or HTTP for a probe.
class TestServer : public QObject
{
public:
    enum class Mode
    {
        Accept,     // accept and say nothing (plain TCP)
        Smtp,       // "220 ..." greeting, EHLO answered with 250
        SmtpWrong,  // "554 ..." greeting
        Http,       // status and body after a request
        HttpSilent, // reads the request, never answers
    };

    explicit TestServer(Mode mode, int status = 200, QByteArray body = "OK")
        : m_mode(mode)
        , m_status(status)
        , m_body(std::move(body))
    {
        connect(&m_server, &QTcpServer::newConnection, this, &TestServer::onConnection);
    }

    bool listen(quint16 port = 0) { return m_server.listen(QHostAddress::LocalHost, port); }
    void close() { m_server.close(); }
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    [[nodiscard]] QByteArray received() const { return m_received; }
    [[nodiscard]] int connections() const { return m_connections; }

private:
    void onConnection()
    {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            ++m_connections;
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            if (m_mode == Mode::Smtp)
                socket->write("220 lab.example ESMTP ready\r\n");
            else if (m_mode == Mode::SmtpWrong)
                socket->write("554 lab.example no service here\r\n");
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
        }
    }

    void onData(QTcpSocket* socket)
    {
        const QByteArray data = socket->readAll();
        m_received += data;
        if (m_mode == Mode::Smtp) {
            if (data.startsWith("EHLO"))
                socket->write("250-lab.example\r\n250-PIPELINING\r\n250 8BITMIME\r\n");
            else if (data.startsWith("QUIT"))
                socket->disconnectFromHost();
        } else if (m_mode == Mode::Http && m_received.contains("\r\n\r\n")) {
            socket->write("HTTP/1.0 " + QByteArray::number(m_status) +
                          " Status\r\nContent-Type: text/plain\r\n\r\n" + m_body);
            socket->disconnectFromHost();
        }
    }

    Mode m_mode;
    int m_status;
    QByteArray m_body;
    QTcpServer m_server;
    QByteArray m_received;
    int m_connections = 0;
};

quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

ServiceProbe probe(const QString& url, int timeoutMs = 2000, int intervalMs = 60000)
{
    QString problem;
    ServiceProbe p = parseProbeUrl(url, &problem).value_or(ServiceProbe{});
    p.timeoutMs = timeoutMs;
    p.intervalMs = intervalMs;
    return p;
}

ProbeTarget target(const QList<ServiceProbe>& probes, const QString& uuid = QStringLiteral("u-1"))
{
    return {uuid, QStringLiteral("mail"), QStringLiteral("lab-01"), QStringLiteral("lab"), probes};
}

// The first verdict of the instance's only probe.
ProbeResult firstResult(ServiceProber& prober, const QString& uuid = QStringLiteral("u-1"))
{
    QElapsedTimer waited;
    waited.start();
    while (prober.summary(uuid).state == ProbeState::Unknown && waited.elapsed() < 15000)
        QTest::qWait(20);
    return prober.summary(uuid);
}

// The first verdict of `check`, the only probe of the prober's only instance.
ProbeResult firstResult(ServiceProber& prober, const ServiceProbe& check)
{
    prober.setTargets({target({check})});
    return firstResult(prober);
}

QString url(const char* scheme, quint16 port, const char* path = "")
{
    return QStringLiteral("%1://127.0.0.1:%2%3")
        .arg(QLatin1String(scheme))
        .arg(port)
        .arg(QLatin1String(path));
}

// An HTTP health check of a server on `port` that expects "OK" in the answer.
ServiceProbe healthCheck(quint16 port)
{
    ServiceProbe http = probe(url("http", port, "/health"));
    http.expect = QStringLiteral("OK");
    return http;
}

} // namespace

class TestServiceProber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tcpUp();
    void tcpRefused();
    void smtpBannerAndEhlo();
    void smtpWrongBanner();
    void httpUpWithText();
    void http500();
    void httpTextMissing();
    void slowServiceTimesOut();
    void failuresRaiseAndClearAnAlert();
    void removedTargetStopsAndClears();
    void serviceGapOfAnOutage();
    void demoLabStandInsAnswer();
};

void TestServiceProber::tcpUp()
{
    TestServer server(TestServer::Mode::Accept);
    QVERIFY(server.listen());
    ServiceProber prober;
    const ProbeResult result = firstResult(prober, probe(url("tcp", server.port())));
    QCOMPARE(result.state, ProbeState::Up);
    QCOMPARE(result.error, ProbeError::None);
    QVERIFY(result.latencyMs >= 0);
    QCOMPARE(result.consecutiveFailures, 0);
    QVERIFY(result.wallMs > 0);
    QCOMPARE(prober.statuses(QStringLiteral("u-1")).at(0).history.size(), 1);
    QVERIFY(probeResultText(result).startsWith(QStringLiteral("up ")));
    qInfo("FIGURE probe-tcp-latency-ms=%d", result.latencyMs);
}

void TestServiceProber::tcpRefused()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    ServiceProber prober;
    const ProbeResult result = firstResult(prober, probe(url("tcp", port)));
    QCOMPARE(result.state, ProbeState::Down);
    QCOMPARE(result.error, ProbeError::Refused);
    QCOMPARE(result.consecutiveFailures, 1);
    QCOMPARE(probeResultText(result), QStringLiteral("down: refused"));
    QVERIFY(!probeErrorText(result).isEmpty());
}

void TestServiceProber::smtpBannerAndEhlo()
{
    TestServer server(TestServer::Mode::Smtp);
    QVERIFY(server.listen());
    ServiceProbe smtp = probe(url("smtp", server.port()));
    smtp.ehlo = QStringLiteral("kumo.example");
    ServiceProber prober;
    const ProbeResult result = firstResult(prober, smtp);
    QCOMPARE(result.state, ProbeState::Up);
    QVERIFY2(server.received().startsWith("EHLO kumo.example\r\n"), server.received().constData());
}

void TestServiceProber::smtpWrongBanner()
{
    TestServer server(TestServer::Mode::SmtpWrong);
    QVERIFY(server.listen());
    ServiceProber prober;
    const ProbeResult result = firstResult(prober, probe(url("smtp", server.port())));
    QCOMPARE(result.state, ProbeState::Down);
    QCOMPARE(result.error, ProbeError::Banner);
    QCOMPARE(result.detail, QStringLiteral("554 lab.example no service here"));
    QCOMPARE(probeResultText(result), QStringLiteral("down: wrong banner"));
    QVERIFY(probeErrorText(result).contains(QStringLiteral("554 lab.example")));
}

void TestServiceProber::httpUpWithText()
{
    TestServer server(TestServer::Mode::Http, 200, "status: OK\n");
    QVERIFY(server.listen());
    ServiceProber prober;
    const ProbeResult result = firstResult(prober, healthCheck(server.port()));
    QCOMPARE(result.state, ProbeState::Up);
    QVERIFY2(server.received().startsWith("GET /health HTTP/1.0\r\n"), server.received().constData());
    QVERIFY(server.received().contains("\r\nConnection: close\r\n"));
}

void TestServiceProber::http500()
{
    TestServer server(TestServer::Mode::Http, 500, "broken");
    QVERIFY(server.listen());
    ServiceProber prober;
    const ProbeResult result = firstResult(prober, probe(url("http", server.port(), "/")));
    QCOMPARE(result.state, ProbeState::Down);
    QCOMPARE(result.error, ProbeError::HttpStatus);
    QCOMPARE(probeResultText(result), QStringLiteral("down: HTTP 500"));
}

void TestServiceProber::httpTextMissing()
{
    TestServer server(TestServer::Mode::Http, 200, "maintenance page");
    QVERIFY(server.listen());
    ServiceProber prober;
    const ProbeResult result = firstResult(prober, healthCheck(server.port()));
    QCOMPARE(result.state, ProbeState::Down);
    QCOMPARE(result.error, ProbeError::TextMissing);
}

void TestServiceProber::slowServiceTimesOut()
{
    TestServer server(TestServer::Mode::HttpSilent);
    QVERIFY(server.listen());
    ServiceProber prober;
    const ProbeResult result = firstResult(prober, probe(url("http", server.port(), "/"), 400));
    QCOMPARE(result.state, ProbeState::Down);
    QCOMPARE(result.error, ProbeError::Timeout);
    QVERIFY(result.latencyMs >= 400);
    QCOMPARE(prober.checksInFlight(), 0);
    qInfo("FIGURE probe-timeout-400-verdict-ms=%d", result.latencyMs);
}

void TestServiceProber::failuresRaiseAndClearAnAlert()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    MonitoringController monitoring;
    QSignalSpy raised(&monitoring, &MonitoringController::alertRaised);
    QSignalSpy cleared(&monitoring, &MonitoringController::alertCleared);
    ServiceProber prober;
    monitoring.watchProber(&prober);
    // Interval far below the inventory's minimum, to count failures quickly.
    prober.setTargets({target({probe(url("tcp", port), 1000, 100)})});
    QTRY_VERIFY_WITH_TIMEOUT(prober.summary(QStringLiteral("u-1")).consecutiveFailures >= 2, 15000);
    QCOMPARE(raised.count(), 0); // the rule raises at 3
    QTRY_COMPARE_WITH_TIMEOUT(raised.count(), 1, 15000);
    const Alert alert = raised.at(0).at(0).value<Alert>();
    QCOMPARE(alert.kind, AlertKind::ProbeFailing);
    QCOMPARE(alert.subject.instance, QStringLiteral("u-1"));
    QCOMPARE(alert.subject.node, QStringLiteral("lab-01"));
    QCOMPARE(alert.subject.item, url("tcp", port));

    // The service comes up on that port: the next answer clears the alert.
    TestServer server(TestServer::Mode::Accept);
    QVERIFY(server.listen(port));
    QTRY_COMPARE_WITH_TIMEOUT(cleared.count(), 1, 15000);
    QCOMPARE(prober.summary(QStringLiteral("u-1")).state, ProbeState::Up);
    QVERIFY(monitoring.activeAlerts().isEmpty());
}

void TestServiceProber::removedTargetStopsAndClears()
{
    const quint16 port = closedPort();
    MonitoringController monitoring;
    ServiceProber prober;
    monitoring.watchProber(&prober);
    prober.setTargets({target({probe(url("tcp", port), 1000, 100)})});
    QTRY_COMPARE_WITH_TIMEOUT(monitoring.activeAlerts().size(), 1, 15000);
    QSignalSpy changed(&prober, &ServiceProber::targetsChanged);
    prober.setTargets({});
    QCOMPARE(changed.count(), 1);
    QVERIFY(!prober.hasProbes(QStringLiteral("u-1")));
    QVERIFY(prober.statuses(QStringLiteral("u-1")).isEmpty());
    QVERIFY(monitoring.activeAlerts().isEmpty());
    QCOMPARE(prober.checksInFlight(), 0);
}

void TestServiceProber::serviceGapOfAnOutage()
{
    TestServer server(TestServer::Mode::Accept);
    QVERIFY(server.listen());
    const quint16 port = server.port();
    ServiceProber prober;
    // Normally checked once a minute; during the move every 200 ms.
    prober.setTargets({target({probe(url("tcp", port), 2000, 60000)})});
    QCOMPARE(firstResult(prober).state, ProbeState::Up);
    QSignalSpy measured(&prober, &ServiceProber::serviceGapMeasured);

    prober.moveStarted(42, QStringLiteral("u-1"), QStringLiteral("mail"));
    QVERIFY(prober.isMoving(QStringLiteral("u-1")));
    QTest::qWait(600);
    const int connectionsBefore = server.connections();
    QVERIFY2(connectionsBefore >= 3, qPrintable(QString::number(connectionsBefore)));
    // The service stops answering for 1.0 s.
    QElapsedTimer outage;
    outage.start();
    server.close();
    QTest::qWait(1000);
    QVERIFY(server.listen(port));
    const qint64 outageMs = outage.elapsed();
    QTest::qWait(400);
    prober.moveFinished(42);
    QTRY_COMPARE_WITH_TIMEOUT(measured.count(), 1, 15000);
    const ServiceGap gap = measured.at(0).at(0).value<ServiceGap>();
    QCOMPARE(gap.migrationId, quint64(42));
    QCOMPARE(gap.uuid, QStringLiteral("u-1"));
    QCOMPARE(gap.name, QStringLiteral("mail"));
    QVERIFY(gap.answeredAfter);
    QVERIFY2(gap.gapMs >= outageMs, qPrintable(QString::number(gap.gapMs)));
    QVERIFY2(gap.gapMs < outageMs + 5000, qPrintable(QString::number(gap.gapMs)));
    QVERIFY(gap.failures >= 2);
    QCOMPARE(prober.serviceGap(42), gap);
    QCOMPARE(prober.lastServiceGap(QStringLiteral("u-1")), gap);
    QVERIFY(!prober.isMoving(QStringLiteral("u-1")));
    qInfo("FIGURE probe-service-gap-ms=%lld outage-ms=%lld checks=%d failures=%d", gap.gapMs, outageMs,
          gap.checks, gap.failures);
}

void TestServiceProber::demoLabStandInsAnswer()
{
    // The demo lab's stand-in services answer the probes it writes into its inventory.
    LabServices services;
    const QStringList guests{QStringLiteral("mail"), QStringLiteral("www"), QStringLiteral("ldap")};
    const auto started = services.start(guests);
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
    const QHash<QString, QList<ServiceProbe>> probes = services.probes();
    QCOMPARE(probes.value(QStringLiteral("mail")).at(0).kind, QStringLiteral("smtp"));
    QCOMPARE(probes.value(QStringLiteral("www")).at(0).kind, QStringLiteral("http"));
    QCOMPARE(probes.value(QStringLiteral("ldap")).at(0).kind, QStringLiteral("tcp"));
    QList<ProbeTarget> targets;
    for (const QString& guest : guests) {
        QCOMPARE(probes.value(guest).at(0).host, QStringLiteral("127.0.0.1"));
        targets.append({QStringLiteral("u-") + guest, guest, QStringLiteral("lab-01"), QStringLiteral("lab"),
                        probes.value(guest)});
    }
    ServiceProber prober;
    prober.setTargets(targets);
    for (const QString& guest : guests) {
        const ProbeResult result = firstResult(prober, QStringLiteral("u-") + guest);
        QVERIFY2(result.state == ProbeState::Up,
                 qPrintable(guest + QLatin1Char(' ') + probeResultText(result)));
    }
}

QTEST_GUILESS_MAIN(TestServiceProber)
#include "tst_serviceprober.moc"

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/probes/probecheck.h"

#include <QCoreApplication>
#include <QNetworkProxy>
#include <QSslSocket>
#include <QStringList>
#include <QUrl>

namespace kumo {

namespace {

bool isWeb(const ServiceProbe& probe)
{
    return probe.kind == QLatin1String("http") || probe.kind == QLatin1String("https");
}

QString line(const QByteArray& bytes)
{
    // A reply quoted in a tooltip: one line, printable, not endless.
    QString text = QString::fromUtf8(bytes.left(200)).trimmed();
    for (QChar& c : text) {
        if (!c.isPrint())
            c = QLatin1Char(' ');
    }
    return text;
}

} // namespace

ProbeCheck::ProbeCheck(const ServiceProbe& probe, int timeoutMs, QObject* parent)
    : QObject(parent)
    , m_probe(probe)
    , m_timeoutMs(timeoutMs)
{
    m_timeout.setSingleShot(true);
    // A coarse timer may fire up to 5 % early: the verdict must not come before the timeout.
    m_timeout.setTimerType(Qt::PreciseTimer);
    connect(&m_timeout, &QTimer::timeout, this, [this] { finishDown(ProbeError::Timeout); });
}

ProbeCheck::~ProbeCheck() = default;

void ProbeCheck::start()
{
    m_elapsed.start();
    m_timeout.start(m_timeoutMs);
    m_socket = new QSslSocket(this);
    m_socket->setProxy(QNetworkProxy::NoProxy);
    connect(m_socket, &QAbstractSocket::readyRead, this, &ProbeCheck::onReadyRead);
    connect(m_socket, &QAbstractSocket::disconnected, this, &ProbeCheck::onDisconnected);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &ProbeCheck::onSocketError);
    if (m_probe.kind == QLatin1String("https")) {
        if (!QSslSocket::supportsSsl()) {
            // Reported from the event loop like every other verdict, never from inside start().
            QTimer::singleShot(0, this, [this] {
                finishDown(ProbeError::Tls, QCoreApplication::translate(
                                                "kumo::ServiceProbe", "TLS is not available on this system"));
            });
            return;
        }
        connect(m_socket, &QSslSocket::encrypted, this, &ProbeCheck::onConnected);
        connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
            QStringList words;
            for (const QSslError& error : errors)
                words.append(error.errorString());
            finishDown(ProbeError::Tls, words.join(QStringLiteral("; ")));
        });
        m_socket->connectToHostEncrypted(m_probe.host, quint16(m_probe.port));
    } else {
        connect(m_socket, &QAbstractSocket::connected, this, &ProbeCheck::onConnected);
        m_socket->connectToHost(m_probe.host, quint16(m_probe.port));
    }
}

void ProbeCheck::onConnected()
{
    if (m_done)
        return;
    if (m_probe.kind == QLatin1String("tcp")) {
        finishUp();
    } else if (isWeb(m_probe)) {
        QByteArray path = QUrl::toPercentEncoding(m_probe.path.isEmpty() ? QStringLiteral("/") : m_probe.path,
                                                  "/?&=%:@!$'()*+,;~-._");
        const bool defaultPort = m_probe.port == (m_probe.kind == QLatin1String("https") ? 443 : 80);
        QByteArray host = m_probe.host.contains(QLatin1Char(':')) ? '[' + m_probe.host.toUtf8() + ']'
                                                                  : m_probe.host.toUtf8();
        if (!defaultPort)
            host += ':' + QByteArray::number(m_probe.port);
        // HTTP/1.0 and Connection: close: the body ends when the connection does, never chunked.
        m_socket->write("GET " + path + " HTTP/1.0\r\nHost: " + host +
                        "\r\nUser-Agent: Kumo-probe\r\nAccept: */*\r\nConnection: close\r\n\r\n");
    }
    // smtp: the service speaks first.
}

QByteArray ProbeCheck::smtpReply()
{
    qsizetype from = 0;
    while (from < m_buffer.size()) {
        const qsizetype end = m_buffer.indexOf('\n', from);
        if (end < 0)
            return {};
        QByteArray text = m_buffer.mid(from, end - from).trimmed();
        from = end + 1;
        if (text.size() >= 4 && text.at(3) == '-')
            continue; // a continuation line ("250-PIPELINING")
        return text;
    }
    return {};
}

void ProbeCheck::onReadyRead()
{
    if (m_done)
        return;
    m_buffer += m_socket->read(MaxReplyBytes - m_buffer.size());
    if (isWeb(m_probe)) {
        checkHttp(false);
        return;
    }
    if (m_probe.kind != QLatin1String("smtp"))
        return;
    const QByteArray reply = smtpReply();
    if (reply.isEmpty()) {
        if (m_buffer.size() >= MaxReplyBytes)
            finishDown(m_sentEhlo ? ProbeError::Ehlo : ProbeError::Banner, line(m_buffer));
        return;
    }
    if (!m_sentEhlo) {
        if (!reply.startsWith("220")) {
            finishDown(ProbeError::Banner, line(reply));
        } else if (m_probe.ehlo.isEmpty()) {
            finishUp();
        } else {
            m_sentEhlo = true;
            m_buffer.clear();
            m_socket->write("EHLO " + m_probe.ehlo.toUtf8() + "\r\n");
        }
    } else if (reply.startsWith("250")) {
        finishUp();
    } else {
        finishDown(ProbeError::Ehlo, line(reply));
    }
}

void ProbeCheck::checkHttp(bool complete)
{
    const qsizetype lineEnd = m_buffer.indexOf('\n');
    if (lineEnd < 0) {
        if (complete || m_buffer.size() >= MaxReplyBytes)
            finishDown(ProbeError::Closed);
        return;
    }
    const QByteArray statusLine = m_buffer.left(lineEnd).trimmed();
    const QList<QByteArray> parts = statusLine.split(' ');
    bool number = false;
    const int status = parts.size() >= 2 && statusLine.startsWith("HTTP/") ? parts.at(1).toInt(&number) : 0;
    if (!number || status < 200 || status >= 400) {
        finishDown(ProbeError::HttpStatus, line(statusLine));
        return;
    }
    if (m_probe.expect.isEmpty()) {
        finishUp();
        return;
    }
    const qsizetype bodyStart = m_buffer.indexOf("\r\n\r\n");
    if (bodyStart >= 0 && m_buffer.indexOf(m_probe.expect.toUtf8(), bodyStart + 4) >= 0)
        finishUp();
    else if (complete || m_buffer.size() >= MaxReplyBytes)
        finishDown(ProbeError::TextMissing);
}

void ProbeCheck::onDisconnected()
{
    if (m_done)
        return;
    // What was sent before the close still counts (a server that answers and closes at once).
    m_buffer += m_socket->read(MaxReplyBytes - m_buffer.size());
    if (isWeb(m_probe))
        checkHttp(true);
    else if (m_probe.kind == QLatin1String("smtp"))
        onReadyRead();
    if (!m_done)
        finishDown(ProbeError::Closed);
}

void ProbeCheck::onSocketError()
{
    if (m_done)
        return;
    switch (m_socket->error()) {
    case QAbstractSocket::RemoteHostClosedError:
        onDisconnected();
        return;
    case QAbstractSocket::ConnectionRefusedError:
        finishDown(ProbeError::Refused);
        return;
    case QAbstractSocket::HostNotFoundError:
        finishDown(ProbeError::HostNotFound);
        return;
    case QAbstractSocket::NetworkError:
        finishDown(ProbeError::Unreachable, m_socket->errorString());
        return;
    case QAbstractSocket::SocketTimeoutError:
        finishDown(ProbeError::Timeout);
        return;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        finishDown(ProbeError::Tls, m_socket->errorString());
        return;
    default:
        finishDown(ProbeError::Network, m_socket->errorString());
        return;
    }
}

void ProbeCheck::finishUp()
{
    if (m_done)
        return;
    ProbeResult result;
    result.state = ProbeState::Up;
    result.latencyMs = int(m_elapsed.elapsed());
    if (m_probe.kind == QLatin1String("smtp")) {
        m_socket->write("QUIT\r\n");
        m_socket->flush();
    }
    m_done = true;
    m_timeout.stop();
    disconnect(m_socket, nullptr, this, nullptr);
    m_socket->abort();
    Q_EMIT finished(result);
}

void ProbeCheck::finishDown(ProbeError error, const QString& detail)
{
    if (m_done)
        return;
    ProbeResult result;
    result.state = ProbeState::Down;
    result.error = error;
    result.detail = detail;
    result.latencyMs = int(m_elapsed.elapsed());
    m_done = true;
    m_timeout.stop();
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
    }
    Q_EMIT finished(result);
}

} // namespace kumo

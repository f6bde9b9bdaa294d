// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/labservices.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace kumo {

LabServices::LabServices(QObject* parent)
    : QObject(parent)
{}

LabServices::~LabServices()
{
    stop();
}

Result<void> LabServices::start(const QStringList& guests)
{
    for (const QString& guest : guests) {
        Kind kind = Kind::Tcp;
        if (guest == QLatin1String("mail"))
            kind = Kind::Smtp;
        else if (guest == QLatin1String("www") || guest == QLatin1String("wiki"))
            kind = Kind::Http;
        auto* server = new QTcpServer(this);
        if (!server->listen(QHostAddress::LocalHost, 0)) {
            const Error error{ErrorCode::Io, guest,
                              tr("The stand-in service of %1 could not listen on 127.0.0.1.").arg(guest),
                              server->errorString()};
            delete server;
            return error;
        }
        m_servers.append(server);
        connect(server, &QTcpServer::newConnection, this,
                [this, server, kind, guest] { onConnection(server, kind, guest); });
        ServiceProbe probe;
        probe.host = QStringLiteral("127.0.0.1");
        probe.port = server->serverPort();
        switch (kind) {
        case Kind::Tcp:
            probe.kind = QStringLiteral("tcp");
            break;
        case Kind::Smtp:
            probe.kind = QStringLiteral("smtp");
            probe.ehlo = QStringLiteral("kumo.example");
            break;
        case Kind::Http:
            probe.kind = QStringLiteral("http");
            probe.path = QStringLiteral("/health");
            probe.expect = QStringLiteral("OK");
            break;
        }
        m_probes[guest].append(probe);
    }
    return {};
}

void LabServices::stop()
{
    for (QTcpServer* server : std::as_const(m_servers))
        server->close();
    qDeleteAll(m_servers);
    m_servers.clear();
}

void LabServices::onConnection(QTcpServer* server, Kind kind, const QString& guest)
{
    while (QTcpSocket* socket = server->nextPendingConnection()) {
        if (m_connections >= MaxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++m_connections;
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            --m_connections;
            socket->deleteLater();
        });
        connect(socket, &QTcpSocket::readyRead, this,
                [this, socket, kind, guest] { onData(socket, kind, guest); });
        if (kind == Kind::Smtp)
            socket->write("220 " + guest.toUtf8() + ".lab.example ESMTP stand-in of the demo lab\r\n");
    }
}

void LabServices::onData(QTcpSocket* socket, Kind kind, const QString& guest)
{
    QByteArray buffer = socket->property("request").toByteArray() + socket->readAll();
    if (buffer.size() > MaxRequestBytes) {
        socket->disconnectFromHost();
        return;
    }
    if (kind == Kind::Smtp) {
        while (buffer.contains('\n')) {
            const qsizetype end = buffer.indexOf('\n');
            const QByteArray command = buffer.left(end).trimmed().toUpper();
            buffer.remove(0, end + 1);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                socket->write("250-" + guest.toUtf8() + ".lab.example\r\n250 8BITMIME\r\n");
            } else if (command.startsWith("QUIT")) {
                socket->write("221 bye\r\n");
                socket->disconnectFromHost();
                return;
            } else {
                socket->write("502 not implemented by the stand-in\r\n");
            }
        }
    } else if (kind == Kind::Http && buffer.contains("\r\n\r\n")) {
        const bool health = buffer.startsWith("GET /health ");
        const QByteArray body = health ? "OK " + guest.toUtf8() + "\n" : QByteArray("not found\n");
        socket->write((health ? "HTTP/1.0 200 OK\r\n" : "HTTP/1.0 404 Not Found\r\n") +
                      QByteArray("Content-Type: text/plain\r\nContent-Length: ") +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->disconnectFromHost();
        return;
    }
    socket->setProperty("request", buffer);
}

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// LabServices: small loopback services that stand in for the demo guests' real ones, so that the
// console's service probes have something to check: an SMTP greeter for "mail", an HTTP server
// answering "OK" on /health for "www" and "wiki", a plain TCP listener for the others. Each
// listens on 127.0.0.1 on a port the system picks; probes() gives the probe URLs written into
// the lab's inventory. The guests themselves (a few KiB of kernel) run no network services.
// Thread: the lab supervisor's main thread (its event loop serves the connections).
// Owner: LabSupervisor.
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include "core/result.h"
#include "core/serviceprobe.h"

class QTcpServer;
class QTcpSocket;

namespace kumo {

class LabServices : public QObject
{
    Q_OBJECT
public:
    // Bounds what one connection may send before it is closed.
    static constexpr int MaxRequestBytes = 16 * 1024;
    static constexpr int MaxConnections = 64;

    explicit LabServices(QObject* parent = nullptr);
    ~LabServices() override;

    // Starts one service per guest name.
    [[nodiscard]] Result<void> start(const QStringList& guests);
    void stop();
    // The probes of each guest, by name.
    [[nodiscard]] QHash<QString, QList<ServiceProbe>> probes() const { return m_probes; }

private:
    enum class Kind
    {
        Tcp,
        Smtp,
        Http,
    };
    void onConnection(QTcpServer* server, Kind kind, const QString& guest);
    void onData(QTcpSocket* socket, Kind kind, const QString& guest);

    QList<QTcpServer*> m_servers;
    QHash<QString, QList<ServiceProbe>> m_probes;
    int m_connections = 0;
};

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ProbeCheck: one check of one service probe, on the event loop of the thread that made it: a TCP
// connect; an SMTP greeting (220) and optional EHLO (250); an HTTP(S) GET whose status must be
// 2xx or 3xx and whose body may have to contain a text. Each check opens its own connection (no
// keep-alive: a service that stopped accepting must not look alive through an old connection),
// reads at most MaxReplyBytes and ends within the probe's timeout whatever the service does.
// Thread: GUI (any thread with an event loop; it never blocks).
// Owner: ServiceProber, which deletes it (deleteLater) once it reported finished().
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include "core/serviceprobe.h"

class QSslSocket;

namespace kumo {

class ProbeCheck : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxReplyBytes = 64 * 1024;

    // timeoutMs overrides the probe's own (a move checks more often and waits less).
    ProbeCheck(const ServiceProbe& probe, int timeoutMs, QObject* parent = nullptr);
    ~ProbeCheck() override;

    void start();

Q_SIGNALS:
    // Exactly once per start(): state Up or Down with the error and the latency. The check's
    // time fields and consecutive failures are the prober's to fill.
    void finished(const kumo::ProbeResult& result);

private:
    void onConnected();
    void onReadyRead();
    void onDisconnected();
    void onSocketError();
    void finishUp();
    void finishDown(ProbeError error, const QString& detail = {});
    // The complete last line of an SMTP reply ("250 ..." after "250-..." lines), or empty.
    [[nodiscard]] QByteArray smtpReply();
    void checkHttp(bool complete);

    ServiceProbe m_probe;
    int m_timeoutMs;
    QSslSocket* m_socket = nullptr;
    QTimer m_timeout;
    QElapsedTimer m_elapsed;
    QByteArray m_buffer;
    bool m_sentEhlo = false;
    bool m_done = false;
};

} // namespace kumo

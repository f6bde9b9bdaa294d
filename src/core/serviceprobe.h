// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Service probes as values: what the inventory asks to check on an instance (a TCP connect, an
// SMTP banner, an HTTP(S) status), what one check found, and the service gap of a move (the
// longest stretch without an answer while an instance migrated). The checks themselves run in
// app/monitoring (ServiceProber); here is only what they are and what they found, and the words
// for it.
// Thread: any (values and pure functions).
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace kumo {

struct ServiceProbe
{
    static constexpr int DefaultTimeoutMs = 3000;
    static constexpr int DefaultIntervalMs = 10000;
    static constexpr int MinTimeoutMs = 100;
    static constexpr int MaxTimeoutMs = 60000;
    static constexpr int MinIntervalMs = 1000;
    static constexpr int MaxIntervalMs = 3600000;

    QString kind; // "tcp", "smtp", "http" or "https"
    QString host;
    int port = 0;
    QString path{};   // for http(s): what follows the host, from "/" (may hold a query)
    QString expect{}; // http(s): text the body must contain; empty: any body
    QString ehlo{};   // smtp: the name sent with EHLO after the banner; empty: no EHLO
    int timeoutMs = DefaultTimeoutMs;
    int intervalMs = DefaultIntervalMs;

    bool operator==(const ServiceProbe&) const = default;

    // The probe as a URL, e.g. "smtp://192.0.2.10:25" or "http://192.0.2.11:80/health": the
    // probe's identity in alerts and views.
    [[nodiscard]] QString url() const;
    // Only kind, host, port and path are set: the probe can be written as a plain URL.
    [[nodiscard]] bool hasOptions() const;
};

// Parses "tcp://host:port", "smtp://host[:port]", "http://host[:port][/path]" or
// "https://host[:port][/path]" (IPv6 hosts in brackets). On a problem returns nullopt and sets
// `problem` to words that say what to write instead.
[[nodiscard]] std::optional<ServiceProbe> parseProbeUrl(const QString& url, QString* problem);

enum class ProbeState
{
    Unknown, // not checked yet
    Up,
    Down,
};

enum class ProbeError
{
    None,
    Refused,      // connection refused
    Timeout,      // no verdict within the probe's timeout
    HostNotFound, // the name did not resolve
    Unreachable,  // no route, network down
    Closed,       // the service closed the connection before it answered
    Banner,       // SMTP: the greeting was not 220 (detail: the line)
    Ehlo,         // SMTP: EHLO was not answered with 250 (detail: the line)
    HttpStatus,   // HTTP: status not 2xx/3xx (detail: the status line)
    TextMissing,  // HTTP: the expected text is not in the body
    Tls,          // the TLS handshake failed (detail: why)
    Network,      // any other socket error (detail: Qt's words)
};

struct ProbeResult
{
    ProbeState state = ProbeState::Unknown;
    ProbeError error = ProbeError::None;
    QString detail;     // the banner, status line or socket error behind `error`
    int latencyMs = -1; // from the start of the check to its verdict; -1 when none
    int consecutiveFailures = 0;
    qint64 monotonicMs = 0; // when the verdict came (core/clock.h monotonic)
    qint64 wallMs = 0;      // the same moment on the wall clock

    bool operator==(const ProbeResult&) const = default;
};

// "up 3 ms", "down: refused", "not checked yet".
[[nodiscard]] QString probeResultText(const ProbeResult& result);
// The failure in a sentence for a tooltip, e.g. "The connection was refused."; empty when up.
[[nodiscard]] QString probeErrorText(const ProbeResult& result);
// The short word after "down: " (refused, timeout, HTTP 500...).
[[nodiscard]] QString probeErrorWord(const ProbeResult& result);

// What the probes of one instance saw while it migrated. gapMs is the longest stretch in which no
// probe of the instance answered, from the start of the move until the first answer after it.
struct ServiceGap
{
    quint64 migrationId = 0;
    QString uuid;
    QString name;
    qint64 gapMs = 0;
    bool answeredAfter = false; // a probe answered after the move ended
    int checks = 0;             // verdicts during the move and until the first answer after it
    int failures = 0;

    bool operator==(const ServiceGap&) const = default;
};

// Measures a service gap from probe verdicts in time order (monotonic ms). The stretch before the
// first answer counts from start(); a probe that answers every 200 ms measures about 200 ms.
class ServiceGapMeter
{
public:
    void start(qint64 nowMs);
    void answer(qint64 nowMs, bool up);
    // The move ended; the meter keeps counting until the first answer after now.
    void moveEnded(qint64 nowMs);
    [[nodiscard]] bool hasEnded() const { return m_endedMs >= 0; }
    [[nodiscard]] bool answeredAfterEnd() const { return m_answeredAfter; }
    // The longest stretch so far, counting the open one up to nowMs.
    [[nodiscard]] qint64 gapMs(qint64 nowMs) const;
    [[nodiscard]] int checks() const { return m_checks; }
    [[nodiscard]] int failures() const { return m_failures; }

private:
    qint64 m_lastAnswerMs = 0;
    qint64 m_longestMs = 0;
    qint64 m_endedMs = -1;
    bool m_answeredAfter = false;
    int m_checks = 0;
    int m_failures = 0;
};

} // namespace kumo

Q_DECLARE_METATYPE(kumo::ProbeResult)
Q_DECLARE_METATYPE(kumo::ServiceGap)

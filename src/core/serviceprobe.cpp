// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/serviceprobe.h"

#include <algorithm>

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace kumo {

namespace {

int defaultPort(const QString& kind)
{
    if (kind == QLatin1String("smtp"))
        return 25;
    if (kind == QLatin1String("http"))
        return 80;
    if (kind == QLatin1String("https"))
        return 443;
    return 0;
}

} // namespace

QString ServiceProbe::url() const
{
    const QString hostPart =
        host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    QString url = kind + QLatin1String("://") + hostPart + QLatin1Char(':') + QString::number(port);
    if (kind == QLatin1String("http") || kind == QLatin1String("https"))
        url += path.isEmpty() ? QStringLiteral("/") : path;
    return url;
}

bool ServiceProbe::hasOptions() const
{
    return !expect.isEmpty() || !ehlo.isEmpty() || timeoutMs != DefaultTimeoutMs ||
           intervalMs != DefaultIntervalMs;
}

std::optional<ServiceProbe> parseProbeUrl(const QString& url, QString* problem)
{
    static const QStringList kinds{QStringLiteral("tcp"), QStringLiteral("smtp"), QStringLiteral("http"),
                                   QStringLiteral("https")};
    static const QRegularExpression space(QStringLiteral("\\s"));
    static const QRegularExpression hostName(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$"));
    static const QRegularExpression ipv6(QStringLiteral("^[0-9A-Fa-f:.]+$"));
    const auto failWith = [problem](const QString& text) {
        if (problem)
            *problem = text;
        return std::nullopt;
    };
    const QString form = QStringLiteral("tcp://host:port, smtp://host[:port], http://host[:port]/path, "
                                        "https://host[:port]/path");

    if (url.contains(space))
        return failWith(
            QCoreApplication::translate("kumo::Inventory",
                                        "The probe URL \"%1\" contains whitespace; a probe URL looks like "
                                        "one of: %2.")
                .arg(url, form));
    const qsizetype sep = url.indexOf(QLatin1String("://"));
    if (sep <= 0)
        return failWith(
            QCoreApplication::translate(
                "kumo::Inventory", "The probe URL \"%1\" has no scheme; a probe URL looks like one of: %2.")
                .arg(url, form));
    ServiceProbe probe;
    probe.kind = url.left(sep).toLower();
    if (!kinds.contains(probe.kind))
        return failWith(
            QCoreApplication::translate(
                "kumo::Inventory", "The probe URL \"%1\" has the unknown scheme \"%2\"; expected one of: %3.")
                .arg(url, url.left(sep), kinds.join(QStringLiteral(", "))));
    const QString rest = url.mid(sep + 3);
    const qsizetype pathStart = rest.indexOf(QLatin1Char('/'));
    const QString authority = pathStart < 0 ? rest : rest.left(pathStart);
    probe.path = pathStart < 0 ? QString() : rest.mid(pathStart);
    const bool web = probe.kind == QLatin1String("http") || probe.kind == QLatin1String("https");
    if (authority.contains(QLatin1Char('@')) ||
        (!web && !probe.path.isEmpty() && probe.path != QLatin1String("/")) ||
        (!web && rest.contains(QLatin1Char('?'))) || rest.contains(QLatin1Char('#')))
        return failWith(QCoreApplication::translate(
                            "kumo::Inventory",
                            "The probe URL \"%1\" is not valid; a %2 probe has only a host and a port, "
                            "e.g. \"%2://192.0.2.10:%3\".")
                            .arg(url, probe.kind)
                            .arg(probe.kind == QLatin1String("tcp") ? 389 : defaultPort(probe.kind)));
    if (!web)
        probe.path.clear();

    QString portText;
    if (authority.startsWith(QLatin1Char('['))) {
        const qsizetype close = authority.indexOf(QLatin1Char(']'));
        if (close < 0)
            return failWith(
                QCoreApplication::translate(
                    "kumo::Inventory", "The probe URL \"%1\" has an unclosed \"[\" around its IPv6 address.")
                    .arg(url));
        probe.host = authority.mid(1, close - 1);
        const QString after = authority.mid(close + 1);
        if (!after.isEmpty() && !after.startsWith(QLatin1Char(':')))
            return failWith(QCoreApplication::translate(
                                "kumo::Inventory",
                                "The probe URL \"%1\" is not valid; after the host comes \":port\" or "
                                "the path.")
                                .arg(url));
        if (!ipv6.match(probe.host).hasMatch())
            return failWith(QCoreApplication::translate(
                                "kumo::Inventory", "The probe URL \"%1\" has an invalid IPv6 address \"%2\".")
                                .arg(url, probe.host));
        if (after.startsWith(QLatin1Char(':')))
            portText = after.mid(1);
    } else {
        const qsizetype colon = authority.indexOf(QLatin1Char(':'));
        probe.host = colon < 0 ? authority : authority.left(colon);
        if (colon >= 0)
            portText = authority.mid(colon + 1);
        if (!probe.host.isEmpty() && !hostName.match(probe.host).hasMatch())
            return failWith(QCoreApplication::translate(
                                "kumo::Inventory",
                                "The probe URL \"%1\" has an invalid host name \"%2\"; use a name or "
                                "an address such as 192.0.2.10.")
                                .arg(url, probe.host));
    }
    if (probe.host.isEmpty())
        return failWith(
            QCoreApplication::translate("kumo::Inventory", "The probe URL \"%1\" has no host.").arg(url));

    const bool portGiven = authority.endsWith(QLatin1Char(':')) || !portText.isEmpty();
    if (portGiven) {
        bool number = false;
        const int port = portText.toInt(&number);
        if (!number || port < 1 || port > 65535)
            return failWith(QCoreApplication::translate(
                                "kumo::Inventory",
                                "The probe URL \"%1\" has the port \"%2\"; a port is a number from 1 "
                                "to 65535.")
                                .arg(url, portText));
        probe.port = port;
    } else {
        probe.port = defaultPort(probe.kind);
        if (probe.port == 0)
            return failWith(
                QCoreApplication::translate("kumo::Inventory",
                                            "The probe URL \"%1\" needs a port: a tcp probe connects to "
                                            "host:port, e.g. \"tcp://192.0.2.12:389\".")
                    .arg(url));
    }
    if (web && probe.path.isEmpty())
        probe.path = QStringLiteral("/");
    return probe;
}

QString probeErrorWord(const ProbeResult& result)
{
    switch (result.error) {
    case ProbeError::None:
        return {};
    case ProbeError::Refused:
        return QCoreApplication::translate("kumo::ServiceProbe", "refused", "probe error");
    case ProbeError::Timeout:
        return QCoreApplication::translate("kumo::ServiceProbe", "timeout", "probe error");
    case ProbeError::HostNotFound:
        return QCoreApplication::translate("kumo::ServiceProbe", "host not found", "probe error");
    case ProbeError::Unreachable:
        return QCoreApplication::translate("kumo::ServiceProbe", "unreachable", "probe error");
    case ProbeError::Closed:
        return QCoreApplication::translate("kumo::ServiceProbe", "closed", "probe error");
    case ProbeError::Banner:
        return QCoreApplication::translate("kumo::ServiceProbe", "wrong banner", "probe error");
    case ProbeError::Ehlo:
        return QCoreApplication::translate("kumo::ServiceProbe", "EHLO refused", "probe error");
    case ProbeError::HttpStatus:
        return QCoreApplication::translate("kumo::ServiceProbe", "HTTP %1", "probe error")
            .arg(result.detail.section(QLatin1Char(' '), 1, 1));
    case ProbeError::TextMissing:
        return QCoreApplication::translate("kumo::ServiceProbe", "text missing", "probe error");
    case ProbeError::Tls:
        return QCoreApplication::translate("kumo::ServiceProbe", "TLS failed", "probe error");
    case ProbeError::Network:
        return QCoreApplication::translate("kumo::ServiceProbe", "network error", "probe error");
    }
    return {};
}

QString probeErrorText(const ProbeResult& result)
{
    switch (result.error) {
    case ProbeError::None:
        return {};
    case ProbeError::Refused:
        return QCoreApplication::translate("kumo::ServiceProbe",
                                           "The connection was refused: nothing listens on that port.");
    case ProbeError::Timeout:
        return QCoreApplication::translate("kumo::ServiceProbe", "The service gave no answer in time.");
    case ProbeError::HostNotFound:
        return QCoreApplication::translate("kumo::ServiceProbe", "The host name could not be resolved.");
    case ProbeError::Unreachable:
        return QCoreApplication::translate("kumo::ServiceProbe", "The network did not reach the host.");
    case ProbeError::Closed:
        return QCoreApplication::translate("kumo::ServiceProbe",
                                           "The service closed the connection before it answered.");
    case ProbeError::Banner:
        return QCoreApplication::translate("kumo::ServiceProbe",
                                           "The mail service greeted with \"%1\" instead of 220.")
            .arg(result.detail);
    case ProbeError::Ehlo:
        return QCoreApplication::translate("kumo::ServiceProbe",
                                           "The mail service answered EHLO with \"%1\" instead of 250.")
            .arg(result.detail);
    case ProbeError::HttpStatus:
        return QCoreApplication::translate("kumo::ServiceProbe", "The web service answered \"%1\".")
            .arg(result.detail);
    case ProbeError::TextMissing:
        return QCoreApplication::translate("kumo::ServiceProbe",
                                           "The web service answered, but without the expected text.");
    case ProbeError::Tls:
        return QCoreApplication::translate("kumo::ServiceProbe", "The TLS handshake failed: %1")
            .arg(result.detail);
    case ProbeError::Network:
        return QCoreApplication::translate("kumo::ServiceProbe", "The check failed: %1").arg(result.detail);
    }
    return {};
}

QString probeResultText(const ProbeResult& result)
{
    switch (result.state) {
    case ProbeState::Unknown:
        return QCoreApplication::translate("kumo::ServiceProbe", "not checked yet", "probe state");
    case ProbeState::Up:
        return QCoreApplication::translate("kumo::ServiceProbe", "up %1 ms", "probe state")
            .arg(result.latencyMs);
    case ProbeState::Down:
        return QCoreApplication::translate("kumo::ServiceProbe", "down: %1", "probe state")
            .arg(probeErrorWord(result));
    }
    return {};
}

void ServiceGapMeter::start(qint64 nowMs)
{
    *this = ServiceGapMeter();
    m_lastAnswerMs = nowMs;
}

void ServiceGapMeter::answer(qint64 nowMs, bool up)
{
    if (m_answeredAfter)
        return;
    ++m_checks;
    if (!up) {
        ++m_failures;
        return;
    }
    m_longestMs = std::max(m_longestMs, nowMs - m_lastAnswerMs);
    m_lastAnswerMs = nowMs;
    if (m_endedMs >= 0)
        m_answeredAfter = true;
}

void ServiceGapMeter::moveEnded(qint64 nowMs)
{
    if (m_endedMs < 0)
        m_endedMs = nowMs;
}

qint64 ServiceGapMeter::gapMs(qint64 nowMs) const
{
    if (m_answeredAfter)
        return m_longestMs;
    return std::max(m_longestMs, nowMs - m_lastAnswerMs);
}

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/nodeaddress.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include "core/inventoryparser.h"

namespace kumo {

namespace {

// Characters kept as they are in a query value; everything else is percent-encoded, which libvirt
// decodes (virURIParse) before it uses the value.
QString encodeValue(const QString& value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value, "/~-._"));
}

QString encodeUser(const QString& user)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(user, "-._~"));
}

} // namespace

QString NodeAddress::transportKey(Transport transport)
{
    switch (transport) {
    case Transport::Local:
        return {};
    case Transport::Ssh:
        return QStringLiteral("ssh");
    case Transport::Libssh:
        return QStringLiteral("libssh");
    case Transport::Tls:
        return QStringLiteral("tls");
    case Transport::Tcp:
        return QStringLiteral("tcp");
    }
    return {};
}

std::optional<NodeAddress::Transport> NodeAddress::transportFromKey(const QString& key)
{
    for (Transport t :
         {Transport::Local, Transport::Ssh, Transport::Libssh, Transport::Tls, Transport::Tcp}) {
        if (transportKey(t) == key)
            return t;
    }
    return std::nullopt;
}

QString NodeAddress::toUri() const
{
    QString uri = driver;
    if (isRemote())
        uri += QLatin1Char('+') + transportKey(transport);
    uri += QStringLiteral("://");
    if (!user.isEmpty())
        uri += encodeUser(user) + QLatin1Char('@');
    uri += host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    if (port > 0)
        uri += QLatin1Char(':') + QString::number(port);
    uri += path;
    QStringList query;
    if (!keyfile.isEmpty())
        query.append(QStringLiteral("keyfile=") + encodeValue(keyfile));
    if (!knownHosts.isEmpty())
        query.append(QStringLiteral("known_hosts=") + encodeValue(knownHosts));
    if (noVerify)
        query.append(QStringLiteral("no_verify=1"));
    if (!query.isEmpty())
        uri += QLatin1Char('?') + query.join(QLatin1Char('&'));
    return uri;
}

std::optional<NodeAddress> NodeAddress::fromUri(const QString& uri)
{
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() || url.hasFragment() || !url.password().isEmpty())
        return std::nullopt;
    NodeAddress address;
    const QString scheme = url.scheme();
    const qsizetype plus = scheme.indexOf(QLatin1Char('+'));
    address.driver = plus < 0 ? scheme : scheme.left(plus);
    if (address.driver != u"qemu")
        return std::nullopt;
    const QString key = plus < 0 ? QString() : scheme.mid(plus + 1);
    const auto transport = transportFromKey(key);
    if (!transport || (plus >= 0 && key.isEmpty()))
        return std::nullopt;
    address.transport = *transport;
    address.user = url.userName(QUrl::FullyDecoded);
    address.host = url.host(QUrl::FullyDecoded);
    address.port = url.port(0);
    address.path = url.path(QUrl::FullyDecoded);
    const QUrlQuery query(url);
    for (const auto& [name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (name == u"keyfile")
            address.keyfile = value;
        else if (name == u"known_hosts")
            address.knownHosts = value;
        else if (name == u"no_verify" && value == u"1")
            address.noVerify = true;
        else
            return std::nullopt;
    }
    // Only what the dialog would write itself: anything else (order of options, escaping, case)
    // stays the user's text.
    if (address.toUri() != uri)
        return std::nullopt;
    return address;
}

QStringList NodeAddress::validate() const
{
    static const QRegularExpression hostPattern(QStringLiteral("^[A-Za-z0-9._-]+$"));
    static const QRegularExpression ipv6Pattern(QStringLiteral("^[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?$"));
    static const QRegularExpression space(QStringLiteral("\\s"));
    QStringList problems;
    const QString name = transportKey(transport);
    if (isRemote()) {
        if (host.isEmpty())
            problems.append(
                tr("The %1 transport connects to another machine: enter its host name or address.")
                    .arg(name));
        else if (host.contains(QLatin1Char(':')) ? !ipv6Pattern.match(host).hasMatch()
                                                 : !hostPattern.match(host).hasMatch())
            problems.append(
                tr("\"%1\" is not a host name or an IP address; use letters, digits, \".\" and \"-\" "
                   "(or an IPv6 address).")
                    .arg(host));
    } else {
        if (!host.isEmpty())
            problems.append(tr("The local transport connects to this machine: leave the host empty or "
                               "choose a remote transport."));
        if (!user.isEmpty())
            problems.append(tr("A user name is only used by a remote transport: leave it empty for a local "
                               "connection."));
        if (port != 0)
            problems.append(tr("A port is only used by a remote transport: leave it empty for a local "
                               "connection."));
    }
    if (user.contains(space))
        problems.append(tr("The user name must not contain spaces."));
    if (port < 0 || port > 65535)
        problems.append(tr("The port must be between 1 and 65535 (or empty for the default)."));
    if (path != u"/system" && path != u"/session")
        problems.append(
            tr("The path must be /system (the system daemon) or /session (a user's own daemon)."));
    const bool ssh = transport == Transport::Ssh || transport == Transport::Libssh;
    if (!keyfile.isEmpty() && !ssh)
        problems.append(tr("A key file is only used by the ssh and libssh transports; the %1 transport "
                           "ignores it.")
                            .arg(isRemote() ? name : tr("local", "transport")));
    if (!knownHosts.isEmpty() && transport != Transport::Libssh)
        problems.append(tr("A known_hosts file is only read by the libssh transport (ssh uses OpenSSH's "
                           "own settings)."));
    if (noVerify && transport != Transport::Tls && !ssh)
        problems.append(tr("no_verify only applies to the tls, ssh and libssh transports."));
    // Whatever passed the checks above must also pass the inventory's own URI check.
    if (problems.isEmpty()) {
        const QString problem = detail::uriProblem(toUri());
        if (!problem.isEmpty())
            problems.append(problem);
    }
    return problems;
}

QString NodeAddress::uriProblem(const QString& uri)
{
    return detail::uriProblem(uri);
}

} // namespace kumo

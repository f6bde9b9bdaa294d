// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connectionsecurity.h"

#include <QUrl>
#include <QUrlQuery>

namespace kumo {

ConnectionSecurity ConnectionSecurity::of(const QString& uri)
{
    ConnectionSecurity security;
    const QUrl url(uri);
    const QString scheme = url.scheme().toLower();
    const qsizetype plus = scheme.indexOf(QLatin1Char('+'));
    const QString driver = plus < 0 ? scheme : scheme.left(plus);
    QString transport = plus < 0 ? QString() : scheme.mid(plus + 1);
    // libvirt: no transport and a host name means TLS; no host means the local unix socket.
    if (transport.isEmpty())
        transport =
            url.host().isEmpty() || driver == u"test" ? QStringLiteral("unix") : QStringLiteral("tls");
    security.transport = transport;

    if (transport == u"unix") {
        security.kind = Kind::Local;
    } else if (transport == u"tcp") {
        security.kind = Kind::Insecure;
        security.reason = tr("Plain TCP: the connection, including passwords, crosses the network "
                             "unencrypted.");
    } else if (transport == u"tls") {
        const QString noVerify = QUrlQuery(url).queryItemValue(QStringLiteral("no_verify"));
        if (!noVerify.isEmpty() && noVerify != u"0") {
            security.kind = Kind::Insecure;
            security.reason = tr("TLS with no_verify=1: the node's certificate is not checked, so anyone "
                                 "on the path can pose as the node.");
        } else {
            security.kind = Kind::Encrypted;
        }
    } else if (transport == u"ssh" || transport == u"libssh" || transport == u"libssh2") {
        security.kind = Kind::Encrypted;
    } else {
        // "ext" runs a command of the inventory's choosing: Kumo cannot tell what it does.
        security.kind = Kind::Insecure;
        security.reason = tr("The transport \"%1\" is not one Kumo can vouch for.").arg(transport);
    }
    return security;
}

Result<void> ConnectionSecurity::check(const NodeConfig& node)
{
    const ConnectionSecurity security = of(node.uri);
    if (security.kind != Kind::Insecure || node.allowInsecure)
        return {};
    Error error;
    error.code = ErrorCode::Insecure;
    error.object = node.name;
    error.message = tr("Kumo refuses to connect: %1 Use ssh or tls, or set allow_insecure = true on this "
                       "node in the inventory if the network is trusted.")
                        .arg(security.reason);
    error.detail = node.uri;
    return error;
}

bool ConnectionSecurity::insecureAllowed(const NodeConfig& node)
{
    return node.allowInsecure && of(node.uri).kind == Kind::Insecure;
}

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// NodeAddress: a node's libvirt URI taken apart into what the node dialog edits — driver,
// transport, user, host, port, path and the query options libvirt understands (keyfile,
// known_hosts, no_verify) — and put back together with the escaping libvirt expects. A URI
// fromUri() cannot represent exactly (another driver, other options, odd spelling) stays text:
// the dialog then edits it as a URI.
// Thread: any (value type).
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace kumo {

struct NodeAddress
{
    Q_DECLARE_TR_FUNCTIONS(kumo::NodeAddress)

public:
    enum class Transport
    {
        Local,  // the unix socket on this machine (no "+transport" in the URI)
        Ssh,    // OpenSSH's ssh command
        Libssh, // libvirt's built-in libssh client
        Tls,    // TLS with certificates
        Tcp,    // plain TCP: unencrypted
    };

    QString driver = QStringLiteral("qemu");
    Transport transport = Transport::Local;
    QString user;
    QString host; // a name, an IPv4 address or an IPv6 address (without brackets)
    int port = 0; // 0: the transport's default
    QString path = QStringLiteral("/system");
    QString keyfile;    // ssh, libssh: the private key to use
    QString knownHosts; // libssh: the known_hosts file to check the node's key against
    bool noVerify = false;

    // "qemu+ssh://admin@[fd00::2]:2222/system?keyfile=%2Fhome%2Fa%2Fid" and so on.
    [[nodiscard]] QString toUri() const;
    // The address a URI describes, if toUri() gives exactly that URI back; otherwise nullopt.
    [[nodiscard]] static std::optional<NodeAddress> fromUri(const QString& uri);
    // One translated sentence per problem; empty when the address can be used.
    [[nodiscard]] QStringList validate() const;
    // The inventory's check of a URI typed as text: one translated sentence, or empty when valid.
    [[nodiscard]] static QString uriProblem(const QString& uri);

    [[nodiscard]] bool isRemote() const { return transport != Transport::Local; }
    // "ssh", "libssh", "tls", "tcp"; empty for Local.
    [[nodiscard]] static QString transportKey(Transport transport);
    [[nodiscard]] static std::optional<Transport> transportFromKey(const QString& key);

    bool operator==(const NodeAddress&) const = default;
};

} // namespace kumo

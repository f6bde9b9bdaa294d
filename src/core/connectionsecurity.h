// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ConnectionSecurity: what a node's libvirt URI says about the path between this console and the
// node — local, encrypted (ssh, libssh, tls) or insecure (plain tcp, tls with no_verify=1) — and
// the rule that insecure paths need allow_insecure = true on the node. The session checks it
// before it opens anything; the window shows a warning badge on nodes that use the permission.
// Thread: any (pure functions on values).
#pragma once

#include <QCoreApplication>
#include <QString>

#include "core/inventory.h"
#include "core/result.h"

namespace kumo {

struct ConnectionSecurity
{
    Q_DECLARE_TR_FUNCTIONS(kumo::ConnectionSecurity)

public:
    enum class Kind
    {
        Local,     // a unix socket on this machine, or libvirt's test driver
        Encrypted, // ssh, libssh, libssh2 or tls with the certificate checked
        Insecure,  // plain tcp, or tls that does not check the node's certificate
    };

    Kind kind = Kind::Local;
    QString transport; // the URI's transport: "unix", "ssh", "libssh", "libssh2", "tls", "tcp", "ext"
    QString reason;    // for Insecure: why, one translated sentence

    [[nodiscard]] static ConnectionSecurity of(const QString& uri);
    // An Insecure error (before anything is sent) when the node's URI is insecure and the node
    // does not carry allow_insecure = true.
    [[nodiscard]] static Result<void> check(const NodeConfig& node);
    // True for a node that reaches its daemon insecurely with the inventory's permission: the
    // window marks it with a warning badge.
    [[nodiscard]] static bool insecureAllowed(const NodeConfig& node);
};

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ConnectionTest: opens a node's URI once — with Kumo's credential callback, read-only when the
// node is, refused before anything is sent when the URI is insecure without allow_insecure —
// reads what the daemon says about itself and closes again. Behind the node dialog's
// "Test connection"; the session machinery is not involved.
// Thread: any but the GUI thread: run() blocks on the network and may wait for a credential prompt.
#pragma once

#include <QCoreApplication>

#include "core/connectionfacts.h"
#include "core/inventory.h"
#include "core/result.h"

namespace kumo {

class CredentialProvider;

class ConnectionTest
{
    Q_DECLARE_TR_FUNCTIONS(kumo::ConnectionTest)

public:
    ConnectionTest() = delete;

    // `credentials` may be nullptr: every credential request is then refused.
    [[nodiscard]] static Result<ConnectionFacts> run(const NodeConfig& node, CredentialProvider* credentials);
    // 9000002 -> "9.0.2", as libvirt encodes versions.
    [[nodiscard]] static QString versionText(unsigned long version);
};

} // namespace kumo

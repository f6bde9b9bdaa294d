// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MigrationPath: the way one migration's memory stream travels between two nodes, chosen from the
// inventory. Encrypted by default: QEMU's TLS where both nodes have it set up (migration_tls), else
// tunnelled through the source daemon's connection to the destination; plain TCP only where both
// ends trust their migration network (trusted_migration_network). An explicit choice the inventory
// does not allow is refused here, before anything is sent. Pre-flight, the migration dialog, the
// outage plan and the journal name the path with the words below.
// Thread: any (pure functions on values).
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

#include "core/inventory.h"
#include "core/migration.h"
#include "core/result.h"

namespace kumo {

struct MigrationPath
{
    Q_DECLARE_TR_FUNCTIONS(kumo::MigrationPath)

public:
    MigrationTransport transport = MigrationTransport::Tunnelled;
    QString migrationUri;   // where QEMU sends the stream (Tls, Plain); empty: libvirt decides
    QString tlsDestination; // Tls: the name checked in the destination's certificate; empty: default
    bool encrypted = true;  // false only for Plain, or a tunnel through an insecure node connection

    // Resolves options.transport for a move from source to destination (inventory node names).
    [[nodiscard]] static Result<MigrationPath> choose(const Inventory& inventory, const QString& source,
                                                      const QString& destination,
                                                      const MigrationOptions& options);
    // The options that do not combine with the transport, one translated sentence each.
    [[nodiscard]] static QStringList conflicts(MigrationTransport transport, const MigrationOptions& options);
    // "encrypted (TLS)", "tunnelled through the node connection", "unencrypted — allowed by the
    // inventory": translated words for the dialog, pre-flight and the plan.
    [[nodiscard]] static QString describe(MigrationTransport transport);
    // "tls", "tunnelled", "plain", "automatic": stable keys for the journal and files.
    [[nodiscard]] static QString key(MigrationTransport transport);
    [[nodiscard]] static std::optional<MigrationTransport> fromKey(const QString& key);
    // "tcp://host" for a node's migration_uri or migration_address; empty when it has neither.
    [[nodiscard]] static QString migrationUriOf(const NodeConfig& node);
};

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/migrationpath.h"

#include "core/connectionsecurity.h"

namespace kumo {

namespace {

Error refused(ErrorCode code, const QString& object, const QString& message)
{
    Error error;
    error.code = code;
    error.object = object;
    error.message = message;
    return error;
}

} // namespace

Result<MigrationPath> MigrationPath::choose(const Inventory& inventory, const QString& source,
                                            const QString& destination, const MigrationOptions& options)
{
    const NodeConfig* from = inventory.node(source);
    const NodeConfig* to = inventory.node(destination);
    if (!from || !to)
        return refused(ErrorCode::NotFound, from ? destination : source,
                       tr("The node is not in the inventory."));
    const bool bothTls = from->migrationTls && to->migrationTls;
    const bool trusted =
        inventory.trustsMigrationNetwork(source) && inventory.trustsMigrationNetwork(destination);

    MigrationPath path;
    switch (options.transport) {
    case MigrationTransport::Automatic:
        path.transport = bothTls   ? MigrationTransport::Tls
                         : trusted ? MigrationTransport::Plain
                                   : MigrationTransport::Tunnelled;
        break;
    case MigrationTransport::Tls:
        if (!bothTls)
            return refused(
                ErrorCode::Unsupported, from->migrationTls ? destination : source,
                tr("TLS migration needs QEMU's TLS certificates on both nodes (migration_tls = true in "
                   "the inventory, migrate_tls_x509_cert_dir in the node's qemu.conf)."));
        path.transport = MigrationTransport::Tls;
        break;
    case MigrationTransport::Tunnelled:
    case MigrationTransport::Plain:
        path.transport = options.transport;
        break;
    }

    if (path.transport == MigrationTransport::Tunnelled) {
        // The tunnel is the source daemon's connection to the destination's URI: as safe as that.
        path.encrypted = ConnectionSecurity::of(to->uri).kind != ConnectionSecurity::Kind::Insecure;
        if (!path.encrypted && !trusted)
            return refused(ErrorCode::Insecure, destination,
                           tr("The tunnel would cross the destination's unencrypted connection (%1), and the "
                              "inventory does not mark this migration network as trusted.")
                               .arg(to->uri));
        return path;
    }

    path.migrationUri = migrationUriOf(*to);
    if (path.transport == MigrationTransport::Plain) {
        path.encrypted = false;
        if (!trusted)
            return refused(ErrorCode::Insecure, source,
                           tr("Unencrypted migration is refused: the inventory does not mark the migration "
                              "network of both nodes as trusted (trusted_migration_network = true)."));
        return path;
    }
    path.tlsDestination = to->migrationTlsName;
    return path;
}

QStringList MigrationPath::conflicts(MigrationTransport transport, const MigrationOptions& options)
{
    QStringList found;
    if (transport != MigrationTransport::Tunnelled)
        return found;
    if (!options.peerToPeer)
        found.append(tr("A tunnelled migration needs \"peer to peer\": the source daemon carries the data."));
    if (options.allowPostCopy)
        found.append(tr("Post-copy does not combine with a tunnelled migration."));
    if (options.copyStorage)
        found.append(tr("Copying local disks does not combine with a tunnelled migration."));
    return found;
}

QString MigrationPath::describe(MigrationTransport transport)
{
    switch (transport) {
    case MigrationTransport::Automatic:
        return tr("chosen from the inventory");
    case MigrationTransport::Tls:
        return tr("encrypted (TLS)");
    case MigrationTransport::Tunnelled:
        return tr("tunnelled through the node connection");
    case MigrationTransport::Plain:
        return tr("unencrypted — allowed by the inventory");
    }
    return {};
}

QString MigrationPath::key(MigrationTransport transport)
{
    switch (transport) {
    case MigrationTransport::Automatic:
        return QStringLiteral("automatic");
    case MigrationTransport::Tls:
        return QStringLiteral("tls");
    case MigrationTransport::Tunnelled:
        return QStringLiteral("tunnelled");
    case MigrationTransport::Plain:
        return QStringLiteral("plain");
    }
    return {};
}

std::optional<MigrationTransport> MigrationPath::fromKey(const QString& key)
{
    for (MigrationTransport t : {MigrationTransport::Automatic, MigrationTransport::Tls,
                                 MigrationTransport::Tunnelled, MigrationTransport::Plain}) {
        if (MigrationPath::key(t) == key)
            return t;
    }
    return std::nullopt;
}

QString MigrationPath::migrationUriOf(const NodeConfig& node)
{
    if (!node.migrationUri.isEmpty())
        return node.migrationUri;
    if (node.migrationAddress.isEmpty())
        return {};
    const QString host = node.migrationAddress.contains(QLatin1Char(':'))
                             ? QStringLiteral("[%1]").arg(node.migrationAddress)
                             : node.migrationAddress;
    return QStringLiteral("tcp://%1").arg(host);
}

} // namespace kumo

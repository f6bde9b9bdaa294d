// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Inventory: the campuses (sites), their nodes and optional per-instance metadata, as read
// from the TOML inventory file. Parsing reports the first problem with file, line and column.
// Thread: any (value type; parse/load/save are reentrant).
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QPointF>
#include <QString>

#include <optional>

#include "core/alerts.h"
#include "core/result.h"
#include "core/serviceprobe.h"

namespace kumo {

struct Site
{
    QString id;       // stable key, e.g. "myodaiji"
    QString name;     // English display name, e.g. "Myodaiji"
    QString nameJa;   // Japanese display name, e.g. "明大寺地区"; empty falls back to name
    QString color;    // "#rrggbb"
    QPointF position; // where the site's area sits on the map (scene units)
    // The site's migration network is private and trusted: migration data between two trusted
    // nodes may cross it unencrypted (plain TCP), which is faster. Nodes can override it.
    bool trustedMigrationNetwork = false;

    // The name to show for a UI language ("ja" or anything else for English).
    [[nodiscard]] QString displayName(const QString& language) const;
    bool operator==(const Site&) const = default;
};

struct NodeConfig
{
    QString name;               // unique across the inventory
    QString site;               // Site::id
    QString uri;                // libvirt connection URI
    QString migrationUri;       // optional: where migration data goes, e.g. "tcp://10.0.0.2:49152"
    QString migrationAddress;   // optional: address of the node on the migration network
    bool maintenance = false;   // takes no new instances
    bool allowInsecure = false; // permits unencrypted transports such as qemu+tcp
    bool readOnly = false;      // opened read-only (virConnectOpenReadOnly): monitored, never changed
    // This node's QEMU has TLS certificates for migration (migrate_tls_x509_cert_dir in qemu.conf):
    // between two such nodes the memory stream is encrypted with TLS.
    bool migrationTls = false;
    // The name QEMU checks in this node's certificate when it is the destination of a TLS
    // migration (libvirt's tls.destination); empty: the host name of the migration address.
    QString migrationTlsName;
    // Overrides the site's trusted_migration_network for this node; unset: the site decides.
    std::optional<bool> trustedMigrationNetwork;
    quint64 memoryReserveMiB = 0; // kept free for the node itself: migrations that would use it are refused
    bool operator==(const NodeConfig&) const = default;
};

struct InstanceConfig
{
    QString name;               // libvirt domain name
    QString homeNode;           // optional: where it lives normally
    int evacuationPriority = 0; // higher moves first
    QString antiAffinityGroup;  // optional: instances of one group never share a node
    QList<ServiceProbe> probes; // probes = [...] and [[instance.probe]] tables, in file order of kind
    bool operator==(const InstanceConfig&) const = default;
};

// One change to an alert rule from the [alerts] tables: for everyone (node and instance empty),
// for one node or for one instance (by its libvirt name). What is not set stays as it was.
struct AlertSetting
{
    QString node;
    QString instance;
    AlertKind kind = AlertKind::NodeUnreachable;
    std::optional<bool> enabled;
    std::optional<double> raiseAt;
    std::optional<double> clearAt;
    std::optional<qint64> sustainMs;
    bool operator==(const AlertSetting&) const = default;
};

class Inventory
{
    Q_DECLARE_TR_FUNCTIONS(kumo::Inventory)

public:
    static constexpr int DefaultPollIntervalMs = 2000;

    QList<Site> sites;
    QList<NodeConfig> nodes;
    QList<InstanceConfig> instances;
    int pollIntervalMs = DefaultPollIntervalMs; // [console] poll_interval_ms
    // [alerts], then [alerts.node.NAME] and [alerts.instance.NAME].
    QList<AlertSetting> alertSettings;

    // Parses TOML text; fileName is used in error messages only.
    [[nodiscard]] static Result<Inventory> parse(const QByteArray& data, const QString& fileName);
    [[nodiscard]] static Result<Inventory> load(const QString& path);
    // Writes the inventory atomically (QSaveFile). The file is rewritten from the values:
    // comments in the previous file are not kept (toml++ does not keep them). Only for files Kumo
    // creates itself; a person's inventory is changed in place by InventoryEditor.
    [[nodiscard]] Result<void> save(const QString& path) const;
    [[nodiscard]] QByteArray toToml() const;

    // $XDG_CONFIG_HOME/kumo/inventory.toml
    [[nodiscard]] static QString defaultPath();

    [[nodiscard]] const Site* site(const QString& id) const;
    [[nodiscard]] const NodeConfig* node(const QString& name) const;
    [[nodiscard]] const InstanceConfig* instance(const QString& name) const;
    [[nodiscard]] QList<NodeConfig> nodesOfSite(const QString& siteId) const;
    // The node's own trusted_migration_network, else its site's; false for an unknown node.
    [[nodiscard]] bool trustsMigrationNetwork(const QString& nodeName) const;

    bool operator==(const Inventory&) const = default;
};

} // namespace kumo

Q_DECLARE_METATYPE(kumo::Inventory)

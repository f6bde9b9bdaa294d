// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inventory.h"
#include "core/inventoryfile.h"
#include "core/inventoryparser.h"
#include "core/savefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QStringList>

namespace kumo {

namespace {

// TOML basic string: quotes, backslashes and control characters escaped, the rest as UTF-8.
void appendString(QByteArray& out, const QString& value)
{
    out += '"';
    for (const char c : value.toUtf8()) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\')
            out += QByteArray("\\") + c;
        else if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else if (u < 0x20 || u == 0x7F)
            out += "\\u" + QByteArray::number(u, 16).rightJustified(4, '0');
        else
            out += c;
    }
    out += '"';
}

void appendKey(QByteArray& out, const char* key, const QString& value)
{
    out += key;
    out += " = ";
    appendString(out, value);
    out += '\n';
}

// Shortest text that reads back as the same double, always with a "." or an exponent so
// that TOML reads a float.
QByteArray number(double value)
{
    QByteArray text = QString::number(value, 'g', QLocale::FloatingPointShortest).toLatin1();
    if (!text.contains('.') && !text.contains('e') && !text.contains('n') && !text.contains('i'))
        text += ".0";
    return text;
}

} // namespace

QString Site::displayName(const QString& language) const
{
    if (language.startsWith(QLatin1String("ja")) && !nameJa.isEmpty())
        return nameJa;
    return name;
}

Result<Inventory> Inventory::parse(const QByteArray& data, const QString& fileName)
{
    return detail::parseInventoryToml(data, fileName);
}

Result<Inventory> Inventory::load(const QString& path)
{
    Result<QByteArray> data = InventoryFile::read(path);
    if (!data)
        return data.error();
    return parse(data.value(), path);
}

Result<void> Inventory::save(const QString& path) const
{
    const QByteArray text = toToml();
    // Kumo never writes a file it could not read back.
    auto check = parse(text, path);
    if (!check) {
        Error error = check.error();
        error.line = 0;
        error.column = 0;
        return error;
    }

    auto ioError = [&path](const QString& detail) {
        Error error;
        error.code = ErrorCode::Io;
        error.object = path;
        error.message = tr("The inventory file cannot be written; check that its folder is writable.");
        error.detail = detail;
        return error;
    };
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir))
        return ioError(tr("Cannot create the folder %1.").arg(dir));
    if (const auto failed = saveFile(path, text))
        return ioError(*failed);
    return {};
}

QByteArray Inventory::toToml() const
{
    QByteArray out;
    out += "# Kumo inventory: campuses (sites), their nodes and per-instance metadata.\n"
           "# Written by Kumo. Comments are not preserved when Kumo saves this file.\n\n";
    out += "[console]\npoll_interval_ms = " + QByteArray::number(pollIntervalMs) + "\n";

    for (const Site& site : sites) {
        out += "\n[[site]]\n";
        appendKey(out, "id", site.id);
        appendKey(out, "name", site.name);
        if (!site.nameJa.isEmpty())
            appendKey(out, "name_ja", site.nameJa);
        if (!site.color.isEmpty())
            appendKey(out, "color", site.color);
        out += "position = [" + number(site.position.x()) + ", " + number(site.position.y()) + "]\n";
        if (site.trustedMigrationNetwork)
            out += "trusted_migration_network = true\n";
    }
    for (const NodeConfig& node : nodes) {
        out += "\n[[node]]\n";
        appendKey(out, "name", node.name);
        appendKey(out, "site", node.site);
        appendKey(out, "uri", node.uri);
        if (!node.migrationUri.isEmpty())
            appendKey(out, "migration_uri", node.migrationUri);
        if (!node.migrationAddress.isEmpty())
            appendKey(out, "migration_address", node.migrationAddress);
        out += QByteArray("maintenance = ") + (node.maintenance ? "true" : "false") + "\n";
        out += QByteArray("allow_insecure = ") + (node.allowInsecure ? "true" : "false") + "\n";
        if (node.memoryReserveMiB > 0)
            out += "memory_reserve_mib = " + QByteArray::number(node.memoryReserveMiB) + "\n";
        if (node.readOnly)
            out += "read_only = true\n";
        if (node.migrationTls)
            out += "migration_tls = true\n";
        if (!node.migrationTlsName.isEmpty())
            appendKey(out, "migration_tls_name", node.migrationTlsName);
        if (node.trustedMigrationNetwork)
            out += QByteArray("trusted_migration_network = ") +
                   (*node.trustedMigrationNetwork ? "true" : "false") + "\n";
    }
    for (const InstanceConfig& instance : instances) {
        out += "\n[[instance]]\n";
        appendKey(out, "name", instance.name);
        if (!instance.homeNode.isEmpty())
            appendKey(out, "home_node", instance.homeNode);
        if (instance.evacuationPriority != 0)
            out += "evacuation_priority = " + QByteArray::number(instance.evacuationPriority) + "\n";
        if (!instance.antiAffinityGroup.isEmpty())
            appendKey(out, "anti_affinity", instance.antiAffinityGroup);
        for (const ServiceProbe& probe : instance.probes) {
            out += "\n  [[instance.probe]]\n  ";
            appendKey(out, "kind", probe.kind);
            out += "  ";
            appendKey(out, "host", probe.host);
            out += "  port = " + QByteArray::number(probe.port) + "\n";
            if (!probe.path.isEmpty()) {
                out += "  ";
                appendKey(out, "path", probe.path);
            }
            if (!probe.expect.isEmpty()) {
                out += "  ";
                appendKey(out, "expect", probe.expect);
            }
            if (!probe.ehlo.isEmpty()) {
                out += "  ";
                appendKey(out, "ehlo", probe.ehlo);
            }
            if (probe.timeoutMs != ServiceProbe::DefaultTimeoutMs)
                out += "  timeout_ms = " + QByteArray::number(probe.timeoutMs) + "\n";
            if (probe.intervalMs != ServiceProbe::DefaultIntervalMs)
                out += "  interval_ms = " + QByteArray::number(probe.intervalMs) + "\n";
        }
    }
    return out;
}

QString Inventory::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/kumo/inventory.toml");
}

const Site* Inventory::site(const QString& id) const
{
    const auto it = std::find_if(sites.cbegin(), sites.cend(), [&id](const Site& s) { return s.id == id; });
    return it == sites.cend() ? nullptr : &*it;
}

const NodeConfig* Inventory::node(const QString& name) const
{
    const auto it =
        std::find_if(nodes.cbegin(), nodes.cend(), [&name](const NodeConfig& n) { return n.name == name; });
    return it == nodes.cend() ? nullptr : &*it;
}

const InstanceConfig* Inventory::instance(const QString& name) const
{
    const auto it = std::find_if(instances.cbegin(), instances.cend(),
                                 [&name](const InstanceConfig& i) { return i.name == name; });
    return it == instances.cend() ? nullptr : &*it;
}

bool Inventory::trustsMigrationNetwork(const QString& nodeName) const
{
    const NodeConfig* config = node(nodeName);
    if (!config)
        return false;
    if (config->trustedMigrationNetwork)
        return *config->trustedMigrationNetwork;
    const Site* s = site(config->site);
    return s && s->trustedMigrationNetwork;
}

QList<NodeConfig> Inventory::nodesOfSite(const QString& siteId) const
{
    QList<NodeConfig> result;
    for (const NodeConfig& node : nodes) {
        if (node.site == siteId)
            result.append(node);
    }
    return result;
}

} // namespace kumo

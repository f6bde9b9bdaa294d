// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/labplan.h"

#include <unistd.h>

#include <QDir>

namespace kumo {

QList<Site> LabPlan::sites()
{
    return {
        Site{QStringLiteral("myodaiji"), QStringLiteral("Myodaiji"), QStringLiteral("明大寺地区"),
             QStringLiteral("#2f6fb3"), QPointF(0.0, 0.0)},
        Site{QStringLiteral("yamate"), QStringLiteral("Yamate"), QStringLiteral("山手地区"),
             QStringLiteral("#3b9a57"), QPointF(640.0, 0.0)},
    };
}

QList<LabPlan::Node> LabPlan::nodes()
{
    return {
        {QStringLiteral("myodaiji-01"), QStringLiteral("myodaiji")},
        {QStringLiteral("myodaiji-02"), QStringLiteral("myodaiji")},
        {QStringLiteral("yamate-01"), QStringLiteral("yamate")},
        {QStringLiteral("yamate-02"), QStringLiteral("yamate")},
    };
}

QList<LabPlan::Guest> LabPlan::guests()
{
    // Myodaiji holds most services so that evacuating it to Yamate is the interesting case.
    return {
        {QStringLiteral("mail"), QStringLiteral("myodaiji-01"), 64, 100, {}},
        {QStringLiteral("www"), QStringLiteral("myodaiji-01"), 64, 90, {}},
        {QStringLiteral("calc01"), QStringLiteral("myodaiji-01"), 48, 20, {}},
        {QStringLiteral("dns1"), QStringLiteral("myodaiji-02"), 48, 80, QStringLiteral("dns")},
        {QStringLiteral("ldap"), QStringLiteral("myodaiji-02"), 48, 70, {}},
        {QStringLiteral("dns2"), QStringLiteral("yamate-01"), 48, 80, QStringLiteral("dns")},
        {QStringLiteral("calc02"), QStringLiteral("yamate-01"), 48, 20, {}},
        {QStringLiteral("wiki"), QStringLiteral("yamate-02"), 48, 50, {}},
    };
}

QStringList LabPlan::guestsOf(const QString& node)
{
    QStringList names;
    for (const Guest& guest : guests()) {
        if (guest.homeNode == node)
            names.append(guest.name);
    }
    return names;
}

QString LabPlan::baseDir()
{
    return QStringLiteral("/tmp/kumo-%1").arg(getuid());
}

QString LabPlan::labDir(const QString& id)
{
    return baseDir() + u'/' + id;
}

QString LabPlan::nodeDir(const QString& labDir, const QString& node)
{
    return labDir + u'/' + node;
}

QString LabPlan::configHome(const QString& labDir, const QString& node)
{
    return nodeDir(labDir, node) + QStringLiteral("/cfg");
}

QString LabPlan::runtimeDir(const QString& labDir, const QString& node)
{
    return nodeDir(labDir, node) + QStringLiteral("/run");
}

QString LabPlan::cacheHome(const QString& labDir, const QString& node)
{
    return nodeDir(labDir, node) + QStringLiteral("/cache");
}

QString LabPlan::dataHome(const QString& labDir, const QString& node)
{
    return nodeDir(labDir, node) + QStringLiteral("/data");
}

QString LabPlan::socketPath(const QString& labDir, const QString& node)
{
    return runtimeDir(labDir, node) + QStringLiteral("/libvirt/libvirt-sock");
}

QString LabPlan::uri(const QString& labDir, const QString& node)
{
    // qemu+unix, not qemu:///session?socket=: inside a daemon (peer-to-peer migration) the
    // plain form would open the daemon's own driver instead of the peer.
    return QStringLiteral("qemu+unix:///session?socket=%1").arg(socketPath(labDir, node));
}

QString LabPlan::migrationUri()
{
    return QStringLiteral("tcp://127.0.0.1");
}

QString LabPlan::migrationAddress()
{
    return QStringLiteral("127.0.0.1");
}

QString LabPlan::stateFile(const QString& labDir)
{
    return labDir + QStringLiteral("/lab.json");
}

QString LabPlan::readyFile(const QString& labDir)
{
    return labDir + QStringLiteral("/ready");
}

QString LabPlan::errorFile(const QString& labDir)
{
    return labDir + QStringLiteral("/error");
}

QString LabPlan::progressFile(const QString& labDir)
{
    return labDir + QStringLiteral("/progress");
}

QString LabPlan::supervisorPidFile(const QString& labDir)
{
    return labDir + QStringLiteral("/supervisor.pid");
}

QString LabPlan::portsFile(const QString& labDir)
{
    return labDir + QStringLiteral("/ports");
}

QString LabPlan::kernelFile(const QString& labDir)
{
    return labDir + QStringLiteral("/guest.elf");
}

QString LabPlan::inventoryFile(const QString& labDir)
{
    return labDir + QStringLiteral("/inventory.toml");
}

QString LabPlan::supervisorLog(const QString& labDir)
{
    return labDir + QStringLiteral("/supervisor.log");
}

QByteArray LabPlan::libvirtdConf(const QString& hostUuid)
{
    // A distinct host UUID per daemon: libvirt refuses to migrate between two daemons that
    // report the same one ("Attempt to migrate guest to the same host").
    return QStringLiteral("host_uuid = \"%1\"\n").arg(hostUuid).toUtf8();
}

QByteArray LabPlan::qemuConf(int portMin, int portMax)
{
    // stdio_handler "file": QEMU's output goes to plain log files, so no virtlogd is started
    // that would outlive the daemon. No migration_address: libvirt rejects loopback there; the
    // inventory's migration URI names 127.0.0.1 instead.
    return QStringLiteral("migration_port_min = %1\n"
                          "migration_port_max = %2\n"
                          "stdio_handler = \"file\"\n")
        .arg(portMin)
        .arg(portMax)
        .toUtf8();
}

QString LabPlan::domainXml(const Guest& guest, const QString& kernelPath)
{
    return QStringLiteral("<domain type='qemu'>\n"
                          "  <name>%1</name>\n"
                          "  <memory unit='MiB'>%2</memory>\n"
                          "  <vcpu>1</vcpu>\n"
                          "  <os>\n"
                          "    <type arch='x86_64' machine='pc'>hvm</type>\n"
                          "    <kernel>%3</kernel>\n"
                          "  </os>\n"
                          "  <on_poweroff>destroy</on_poweroff>\n"
                          "  <on_reboot>restart</on_reboot>\n"
                          "  <on_crash>destroy</on_crash>\n"
                          "  <devices>\n"
                          "    <emulator>/usr/bin/qemu-system-x86_64</emulator>\n"
                          "    <memballoon model='none'/>\n"
                          "  </devices>\n"
                          "</domain>\n")
        .arg(guest.name)
        .arg(guest.memoryMiB)
        .arg(kernelPath.toHtmlEscaped());
}

Inventory LabPlan::inventory(const QString& labDir)
{
    Inventory inventory;
    inventory.sites = sites();
    // Every lab node lives on this machine: the migration network is loopback.
    for (Site& site : inventory.sites)
        site.trustedMigrationNetwork = true;
    for (const Node& node : nodes()) {
        NodeConfig config;
        config.name = node.name;
        config.site = node.site;
        config.uri = uri(labDir, node.name);
        config.migrationUri = migrationUri();
        config.migrationAddress = migrationAddress();
        inventory.nodes.append(config);
    }
    for (const Guest& guest : guests()) {
        InstanceConfig instance;
        instance.name = guest.name;
        instance.homeNode = guest.homeNode;
        instance.evacuationPriority = guest.evacuationPriority;
        instance.antiAffinityGroup = guest.antiAffinityGroup;
        inventory.instances.append(instance);
    }
    return inventory;
}

QString LabPlan::labUser()
{
    return QStringLiteral("kumo-lab");
}

} // namespace kumo

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

QString LabPlan::migrationTlsName()
{
    return QStringLiteral("localhost");
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

QString LabPlan::processesFile(const QString& labDir)
{
    return labDir + QStringLiteral("/processes");
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

QString LabPlan::passwordNode()
{
    return QStringLiteral("yamate-02");
}

QString LabPlan::readOnlyNode()
{
    return QStringLiteral("yamate-01");
}

QString LabPlan::demoUser()
{
    return QStringLiteral("kumo");
}

int LabPlan::tlsPort(int portBase)
{
    return portBase + PortsPerNode * int(nodes().size());
}

QString LabPlan::tlsUri(const QString& labDir, int tlsPort)
{
    // 127.0.0.1, which the server certificate names, and Kumo's own client certificate.
    return QStringLiteral("qemu+tls://127.0.0.1:%1/session?pkipath=%2")
        .arg(tlsPort)
        .arg(clientPkiDir(labDir));
}

QString LabPlan::certificateDir(const QString& labDir)
{
    return labDir + QStringLiteral("/ca");
}

QString LabPlan::clientPkiDir(const QString& labDir)
{
    return labDir + QStringLiteral("/pki");
}

QString LabPlan::libvirtPkiDir(const QString& labDir, const QString& node)
{
    // Session-mode libvirtd's default: $HOME/.pki/libvirt, CA included (not $HOME/.pki/CA).
    return nodeDir(labDir, node) + QStringLiteral("/.pki/libvirt");
}

QString LabPlan::qemuTlsDir(const QString& labDir, const QString& node)
{
    return nodeDir(labDir, node) + QStringLiteral("/qemu-tls");
}

QString LabPlan::saslDir(const QString& labDir)
{
    return nodeDir(labDir, passwordNode()) + QStringLiteral("/sasl2");
}

QString LabPlan::saslDatabase(const QString& labDir)
{
    return saslDir(labDir) + QStringLiteral("/passwd.db");
}

QString LabPlan::authFile(const QString& labDir, const QString& node)
{
    return configHome(labDir, node) + QStringLiteral("/libvirt/auth.conf");
}

QByteArray LabPlan::libvirtdConf(const QString& hostUuid, int tlsPort)
{
    // A distinct host UUID per daemon: libvirt refuses to migrate between two daemons that
    // report the same one ("Attempt to migrate guest to the same host").
    QString conf = QStringLiteral("host_uuid = \"%1\"\n").arg(hostUuid);
    // Only with --listen on the command line; the certificates are in $HOME/.pki/libvirt.
    if (tlsPort > 0)
        conf += QStringLiteral("listen_tls = 1\n"
                               "listen_tcp = 0\n"
                               "listen_addr = \"127.0.0.1\"\n"
                               "tls_port = \"%1\"\n"
                               "auth_tls = \"sasl\"\n")
                    .arg(tlsPort);
    return conf.toUtf8();
}

QByteArray LabPlan::qemuConf(int portMin, int portMax, const QString& tlsDir)
{
    // stdio_handler "file": QEMU's output goes to plain log files, so no virtlogd is started
    // that would outlive the daemon. No migration_address: libvirt rejects loopback there; the
    // inventory's migration URI names 127.0.0.1 instead. The TLS folder replaces /etc/pki/qemu,
    // and verify makes the destination check the source's certificate too.
    return QStringLiteral("migration_port_min = %1\n"
                          "migration_port_max = %2\n"
                          "stdio_handler = \"file\"\n"
                          "migrate_tls_x509_cert_dir = \"%3\"\n"
                          "migrate_tls_x509_verify = 1\n")
        .arg(portMin)
        .arg(portMax)
        .arg(tlsDir)
        .toUtf8();
}

QByteArray LabPlan::saslConf(const QString& labDir)
{
    // Read from SASL_CONF_PATH in the daemon's environment: without it libsasl2 looks in /etc.
    return QStringLiteral("mech_list: scram-sha-256\n"
                          "sasldb_path: %1\n")
        .arg(saslDatabase(labDir))
        .toUtf8();
}

QByteArray LabPlan::authConf(const QString& user, const QString& password)
{
    // What a source daemon answers when a peer-to-peer migration reaches the password node.
    return QStringLiteral("[credentials-lab]\n"
                          "authname=%1\n"
                          "password=%2\n"
                          "[auth-libvirt-127.0.0.1]\n"
                          "credentials=lab\n"
                          "[auth-libvirt-localhost]\n"
                          "credentials=lab\n")
        .arg(user, password)
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

Inventory LabPlan::inventory(const QString& labDir, int tlsPort, bool access,
                             const QHash<QString, QList<ServiceProbe>>& probes)
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
        // Every daemon's QEMU has the lab's migration certificates: TLS wins over the trusted network.
        config.migrationTls = true;
        config.migrationTlsName = migrationTlsName();
        if (access && node.name == passwordNode() && tlsPort > 0)
            config.uri = tlsUri(labDir, tlsPort);
        if (access && node.name == readOnlyNode())
            config.readOnly = true;
        inventory.nodes.append(config);
    }
    for (const Guest& guest : guests()) {
        InstanceConfig instance;
        instance.name = guest.name;
        instance.homeNode = guest.homeNode;
        instance.evacuationPriority = guest.evacuationPriority;
        instance.antiAffinityGroup = guest.antiAffinityGroup;
        instance.probes = probes.value(guest.name);
        inventory.instances.append(instance);
    }
    return inventory;
}

QString LabPlan::labUser()
{
    return QStringLiteral("kumo-lab");
}

} // namespace kumo

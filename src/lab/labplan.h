// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// LabPlan: what the demo lab consists of (two campuses, four nodes, eight guests) and where
// its files live. Lab (the client side) and LabSupervisor (the process that runs the daemons)
// both derive every path, URI and piece of configuration from here so they always agree.
// Thread: any (pure functions).
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include "core/inventory.h"

namespace kumo {

class LabPlan
{
public:
    LabPlan() = delete;

    struct Node
    {
        QString name;
        QString site;
    };
    struct Guest
    {
        QString name;
        QString homeNode;
        int memoryMiB = 48;
        int evacuationPriority = 0;
        QString antiAffinityGroup;
    };

    // Migration ports: every lab takes one block, split evenly between its nodes, so that two
    // labs and several concurrent incoming migrations into one node never share a port.
    static constexpr int PortsPerNode = 8;
    static constexpr int PortFirst = 49408; // above libvirt's default 49152-49215
    static constexpr int PortLast = 60999;
    // One more port after the nodes' blocks: the password node's TLS listener.
    static constexpr int PortsPerLab = PortsPerNode * 4 + 1;

    // Physical addresses the guest kernel (resources/guest/guest.S) publishes.
    static constexpr quint64 GuestTicksAddress = 0x500;
    static constexpr quint64 GuestFillStartAddress = 0x504;
    static constexpr quint64 GuestFillEndAddress = 0x508;
    static constexpr quint64 GuestStateAddress = 0x50c;
    static constexpr quint64 GuestFaultAddress = 0x510;
    static constexpr quint32 GuestStateFilled = 0x4f4d554b;
    static constexpr quint32 GuestPattern = 0x4b554d4f; // word at address A holds A ^ GuestPattern

    [[nodiscard]] static QList<Site> sites();
    [[nodiscard]] static QList<Node> nodes();
    [[nodiscard]] static QList<Guest> guests();
    [[nodiscard]] static QStringList guestsOf(const QString& node);

    // /tmp/kumo-<uid>: short on purpose, unix socket paths must stay under 108 bytes.
    [[nodiscard]] static QString baseDir();
    [[nodiscard]] static QString labDir(const QString& id);
    [[nodiscard]] static QString nodeDir(const QString& labDir, const QString& node);
    [[nodiscard]] static QString configHome(const QString& labDir, const QString& node);
    [[nodiscard]] static QString runtimeDir(const QString& labDir, const QString& node);
    [[nodiscard]] static QString cacheHome(const QString& labDir, const QString& node);
    [[nodiscard]] static QString dataHome(const QString& labDir, const QString& node);
    [[nodiscard]] static QString socketPath(const QString& labDir, const QString& node);
    [[nodiscard]] static QString uri(const QString& labDir, const QString& node);
    [[nodiscard]] static QString migrationUri();
    // The name QEMU checks in the destination's migration certificate (the lab's server
    // certificate names localhost; QEMU would otherwise check the machine's hostname).
    [[nodiscard]] static QString migrationTlsName();
    [[nodiscard]] static QString migrationAddress();

    // Files inside a lab directory.
    [[nodiscard]] static QString stateFile(const QString& labDir);         // lab.json, written when ready
    [[nodiscard]] static QString readyFile(const QString& labDir);         // exists once every guest runs
    [[nodiscard]] static QString errorFile(const QString& labDir);         // the supervisor's failure
    [[nodiscard]] static QString progressFile(const QString& labDir);      // one step per line
    [[nodiscard]] static QString supervisorPidFile(const QString& labDir); // "PID STARTTIME"
    // The supervisor's descendants, "PID STARTTIME" per line: what a stale lab's clean-up may kill.
    [[nodiscard]] static QString processesFile(const QString& labDir);
    [[nodiscard]] static QString portsFile(const QString& labDir); // first migration port of the lab
    [[nodiscard]] static QString kernelFile(const QString& labDir);
    [[nodiscard]] static QString inventoryFile(const QString& labDir);
    [[nodiscard]] static QString supervisorLog(const QString& labDir);

    // Secure access. Every daemon has the lab's certificates (libvirt's for peer-to-peer TLS, QEMU's
    // for migration TLS); one node, the password node, also listens for TLS on loopback and asks
    // for a SASL (SCRAM-SHA-256) user name and password; the other daemons hold those credentials
    // in their auth.conf so that they can migrate to it peer-to-peer. With `access` (kumo lab up
    // --access, kumo --demo) the inventory reaches the password node over TLS and marks another
    // node read-only; without it every node is reached on its unix socket as before.
    [[nodiscard]] static QString passwordNode();
    [[nodiscard]] static QString readOnlyNode();
    [[nodiscard]] static QString demoUser();
    [[nodiscard]] static int tlsPort(int portBase); // portBase: the lab's first migration port
    [[nodiscard]] static QString tlsUri(const QString& labDir, int tlsPort);
    [[nodiscard]] static QString certificateDir(const QString& labDir); // CA and originals
    [[nodiscard]] static QString clientPkiDir(const QString& labDir);   // Kumo's pkipath
    [[nodiscard]] static QString libvirtPkiDir(const QString& labDir, const QString& node);
    [[nodiscard]] static QString qemuTlsDir(const QString& labDir, const QString& node);
    [[nodiscard]] static QString saslDir(const QString& labDir); // SASL_CONF_PATH of the password node
    [[nodiscard]] static QString saslDatabase(const QString& labDir);
    [[nodiscard]] static QString authFile(const QString& labDir, const QString& node);

    // tlsPort 0: no TLS listener.
    [[nodiscard]] static QByteArray libvirtdConf(const QString& hostUuid, int tlsPort = 0);
    [[nodiscard]] static QByteArray qemuConf(int portMin, int portMax, const QString& tlsDir);
    [[nodiscard]] static QByteArray saslConf(const QString& labDir);
    [[nodiscard]] static QByteArray authConf(const QString& user, const QString& password);
    [[nodiscard]] static QString domainXml(const Guest& guest, const QString& kernelPath);
    // tlsPort: the password node's listener, used only with `access`. probes: each guest's service
    // probes, by guest name (the lab's stand-in services, see LabServices).
    [[nodiscard]] static Inventory inventory(const QString& labDir, int tlsPort = 0, bool access = false,
                                             const QHash<QString, QList<ServiceProbe>>& probes = {});

    // The system user that runs the daemons when the lab is started by root.
    [[nodiscard]] static QString labUser();
};

} // namespace kumo

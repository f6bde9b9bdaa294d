// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// LabPlan: what the demo lab consists of (two campuses, four nodes, eight guests) and where
// its files live. Lab (the client side) and LabSupervisor (the process that runs the daemons)
// both derive every path, URI and piece of configuration from here so they always agree.
// Thread: any (pure functions).
#pragma once

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
    static constexpr int PortsPerLab = PortsPerNode * 4;

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
    [[nodiscard]] static QString migrationAddress();

    // Files inside a lab directory.
    [[nodiscard]] static QString stateFile(const QString& labDir);    // lab.json, written when ready
    [[nodiscard]] static QString readyFile(const QString& labDir);    // exists once every guest runs
    [[nodiscard]] static QString errorFile(const QString& labDir);    // the supervisor's failure
    [[nodiscard]] static QString progressFile(const QString& labDir); // one step per line
    [[nodiscard]] static QString supervisorPidFile(const QString& labDir);
    [[nodiscard]] static QString portsFile(const QString& labDir); // first migration port of the lab
    [[nodiscard]] static QString kernelFile(const QString& labDir);
    [[nodiscard]] static QString inventoryFile(const QString& labDir);
    [[nodiscard]] static QString supervisorLog(const QString& labDir);

    [[nodiscard]] static QByteArray libvirtdConf(const QString& hostUuid);
    [[nodiscard]] static QByteArray qemuConf(int portMin, int portMax);
    [[nodiscard]] static QString domainXml(const Guest& guest, const QString& kernelPath);
    [[nodiscard]] static Inventory inventory(const QString& labDir);

    // The system user that runs the daemons when the lab is started by root.
    [[nodiscard]] static QString labUser();
};

} // namespace kumo

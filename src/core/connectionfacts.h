// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ConnectionFacts: what a node's daemon says about itself when Kumo tests a connection to it
// (the node dialog's "Test connection"): host name, libvirt and hypervisor versions, CPU model
// and memory.
// Thread: any (immutable value).
#pragma once

#include <QMetaType>
#include <QString>

namespace kumo {

struct ConnectionFacts
{
    QString uri;
    QString hostname;
    QString libvirtVersion;    // "9.0.0"
    QString hypervisor;        // virConnectGetType: "QEMU", "TEST", ...
    QString hypervisorVersion; // "7.2.0"; empty when the driver does not say
    QString cpuModel;          // /capabilities/host/cpu/model; empty when unknown
    int cpus = 0;
    quint64 memoryKiB = 0;
    bool readOnly = false; // opened with VIR_CONNECT_RO
    bool operator==(const ConnectionFacts&) const = default;
};

} // namespace kumo

Q_DECLARE_METATYPE(kumo::ConnectionFacts)

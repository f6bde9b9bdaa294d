// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// InstanceEvent: something a node's hypervisor reported about one instance that a person must
// hear of, beyond a change of state: it crashed, an I/O error paused it, its watchdog fired.
// Sent by a node session as it happens (from libvirt's domain events), read by monitoring.
// Thread: any (an immutable value).
#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace kumo {

enum class InstanceEventKind
{
    Crashed,  // the guest or its emulator died (libvirt: stopped "failed" with reason crashed, crashed)
    IoError,  // a disk I/O error paused it or was reported
    Watchdog, // its watchdog device fired
};

struct InstanceEvent
{
    QString node; // inventory node it happened on
    QString uuid;
    QString name;
    InstanceEventKind kind = InstanceEventKind::Crashed;
    // The hypervisor's own words, untranslated (libvirt's reason, device and action names),
    // e.g. {"panicked"} or {"vda", "/var/lib/disk.qcow2", "pause", "enospc"}.
    QStringList detail;
    qint64 wallMs = 0; // when the node reported it (ms since the epoch)

    bool operator==(const InstanceEvent&) const = default;
};

} // namespace kumo

Q_DECLARE_METATYPE(kumo::InstanceEvent)

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// runDomainAction: carries out one InstanceAction on a domain with the libvirt call it maps to.
// Internal to src/virt (it takes a libvirt connection); HostSession calls it.
// Thread: the thread that owns the connection.
#pragma once

#include <libvirt/libvirt.h>

#include <QString>

#include "core/instanceaction.h"
#include "core/result.h"

namespace kumo {

// Returns an Error with code None on success. `node` names the node in error messages.
[[nodiscard]] Error runDomainAction(virConnectPtr conn, const QString& uuid, InstanceAction action,
                                    const QString& node);

} // namespace kumo

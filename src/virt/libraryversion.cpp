// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "virt/libraryversion.h"

#include <libvirt/libvirt.h>

namespace kumo::virt {

QString libraryVersion()
{
    unsigned long version = 0;
    if (virGetVersion(&version, nullptr, nullptr) != 0)
        return QStringLiteral("?");
    return QStringLiteral("%1.%2.%3").arg(version / 1000000).arg(version / 1000 % 1000).arg(version % 1000);
}

} // namespace kumo::virt

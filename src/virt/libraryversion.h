// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The version of the libvirt library this process runs with ("9.0.0"), not a node's daemon's:
// a local call that opens no connection. "?" when libvirt cannot say.
// Thread: any.
#pragma once

#include <QString>

namespace kumo::virt {

[[nodiscard]] QString libraryVersion();

} // namespace kumo::virt

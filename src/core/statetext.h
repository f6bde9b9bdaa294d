// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The words for node and instance states, the same in the window and on the command line.
// Thread: any.
#pragma once

#include <QString>

#include "core/snapshot.h"

namespace kumo {

[[nodiscard]] QString nodeStateText(NodeState state);
[[nodiscard]] QString instanceStateText(InstanceState state);

} // namespace kumo

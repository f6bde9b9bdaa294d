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
// The state a split instance shows instead of its own, naming every node it runs on.
[[nodiscard]] QString splitStateText(const QStringList& nodes);
// Why a running instance runs (libvirt's reason code), e.g. "after a migration into this node";
// empty for other states and unknown reasons.
[[nodiscard]] QString runningReasonText(InstanceState state, int reason);

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// State presentation shared by the table models: the node state a person sees (connection state
// combined with the inventory's maintenance flag), its words, and small painted icons whose
// shape differs per state, so state never depends on colour alone. No icon files are needed.
// Thread: GUI (icons need a QGuiApplication).
#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

#include "core/snapshot.h"

namespace kumo {

enum class NodeDisplayState
{
    Connecting,
    Connected,
    Unreachable,
    NotResponding,
    Maintenance, // NodeConfig::maintenance; wins over the connection state (tooltips tell both)
};

[[nodiscard]] NodeDisplayState nodeDisplayState(NodeState state, bool maintenance);
[[nodiscard]] QString nodeDisplayStateText(NodeDisplayState state);
// Stable English word for filters and logs, e.g. "unreachable".
[[nodiscard]] QString nodeDisplayStateKey(NodeDisplayState state);

// The accent colour of a state; invalid when the state needs no emphasis.
[[nodiscard]] QColor nodeDisplayStateColor(NodeDisplayState state);
[[nodiscard]] QColor instanceStateColor(InstanceState state);

// Freshly painted icons (16 and 32 px); callers cache them.
[[nodiscard]] QIcon paintNodeStateIcon(NodeDisplayState state);
[[nodiscard]] QIcon paintInstanceStateIcon(InstanceState state);

} // namespace kumo

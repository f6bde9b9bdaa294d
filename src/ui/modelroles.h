// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The item data roles of all of Kumo's table models (one numbering), so that the filter proxy
// sorts and filters any of them, and delegates read them, without knowing which model they see.
// Thread: any (constants).
#pragma once

#include <Qt>

namespace kumo {

enum ModelRole : int
{
    // Raw value for sorting: numbers stay numbers (CPU %, KiB, seconds), so sorting is numeric.
    SortRole = Qt::UserRole + 1,
    // The row's key: node name, instance UUID or job id. Same value in every column.
    KeyRole,
    // Text the filter matches: the display text plus stable aliases (site id, English state word),
    // so "state:running" and "site:myodaiji" work whatever the UI language is.
    FilterRole,
    // For combobox editors: what the choices read like and the values they stand for.
    ChoiceTextsRole,
    ChoiceValuesRole,
    // Progress bars: percent done (int 0-100, -1 unknown) and the phase (int(MigrationPhase)).
    PercentRole,
    PhaseRole,
    // Nodes: true when the node is reached over an insecure transport that the inventory allows
    // (allow_insecure): the name carries a warning badge and its tooltip says why.
    InsecureRole,
};

} // namespace kumo

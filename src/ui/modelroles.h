// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The item data roles shared by the node and instance table models and the filter proxy, so
// that the proxy sorts and filters either model without knowing which one it wraps.
// Thread: any (constants).
#pragma once

#include <Qt>

namespace kumo {

enum ClusterModelRole : int
{
    // Raw value for sorting: numbers stay numbers (CPU %, KiB, seconds), so sorting is numeric.
    SortRole = Qt::UserRole + 1,
    // The row's key: node name or instance UUID. Same value in every column.
    KeyRole,
    // Text the filter matches: the display text plus stable aliases (site id, English state word),
    // so "state:running" and "site:myodaiji" work whatever the UI language is.
    FilterRole,
};

} // namespace kumo

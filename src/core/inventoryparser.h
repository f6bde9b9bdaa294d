// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The TOML reader behind Inventory::parse(): checks the text is UTF-8 and not nested deeper than
// InventoryFile::MaxNesting, parses it with toml++ and turns it into an Inventory, or into the first
// problem with its line and column.
// Thread: any (reentrant).
#pragma once

#include <QByteArray>
#include <QString>

#include "core/inventory.h"
#include "core/inventoryfile.h"
#include "core/result.h"

namespace kumo::detail {

// The error for a file over InventoryFile::MaxBytes, shared by the file reader and the parser.
[[nodiscard]] Error fileTooLarge(const QString& fileName);
[[nodiscard]] Result<Inventory> parseInventoryToml(const QByteArray& data, const QString& fileName);
// The parser's check of a node's libvirt URI: one translated sentence saying what is wrong with
// it, or an empty string when it has the form driver[+transport]://[user@][host][:port]/path[?query].
[[nodiscard]] QString uriProblem(const QString& uri);

} // namespace kumo::detail

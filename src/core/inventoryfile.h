// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// InventoryFile: how an inventory file is read before it is parsed, and the limits that keep a
// damaged or hostile file from exhausting memory or the stack. An inventory for hundreds of nodes
// stays far below each limit.
// Thread: any (reentrant).
#pragma once

#include <QByteArray>
#include <QString>

#include "core/result.h"

namespace kumo {

class InventoryFile
{
public:
    InventoryFile() = delete;

    static constexpr qint64 MaxBytes = qint64{4} * 1024 * 1024;
    // Tables, arrays and dotted keys inside each other; checked before toml++ recurses into them.
    static constexpr int MaxNesting = 32;
    // Characters in a campus, node or instance name.
    static constexpr int MaxNameLength = 255;

    // The bytes of an inventory file: a regular file of at most MaxBytes. A folder, a pipe, a
    // device or a socket is refused at once, without reading from it or waiting for a writer.
    [[nodiscard]] static Result<QByteArray> read(const QString& path);
};

} // namespace kumo

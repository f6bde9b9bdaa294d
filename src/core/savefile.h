// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Replacing a file Kumo writes (the inventory, outage state, reports, exports, lab files) in one
// step: a reader sees the old file or the new, never a part of it, and a write that fails (a full
// disk, a file size limit) leaves the old file as it was and says so.
// Thread: any.
#pragma once

#include <QFileDevice>
#include <QString>

#include <optional>

class QByteArray;

namespace kumo {

// Writes `bytes` to `path` through a temporary file renamed over it. With `permissions`, the new
// file has them from before its first byte. Returns the reason on failure, nothing on success.
// QSaveFile::commit() alone does not notice a failed final flush and would keep the part that
// was written; this flushes and checks first.
[[nodiscard]] std::optional<QString> saveFile(const QString& path, const QByteArray& bytes,
                                              std::optional<QFileDevice::Permissions> permissions = {});

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// makePrivateDirs: the folders of files nobody else should read (the journal, outage state).
// Thread: any.
#pragma once

#include <QString>

namespace kumo {

// Creates the missing directories of `path` with mode exactly 0700 (whatever the umask);
// directories that already exist keep their modes and owners: a folder given by a person is used
// as it is, never chmodded. True if `path` is a directory afterwards.
[[nodiscard]] bool makePrivateDirs(const QString& path);

} // namespace kumo

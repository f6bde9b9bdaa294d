// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// CopyFacts: what one node says about its copy of an instance (CPU time, why it runs, how much
// memory it dirties), read in two steps around libvirt's dirty-rate measurement so that the
// session's thread is never blocked while QEMU measures.
// Thread: the node session's worker thread (the connection's).
#pragma once

#include <QString>

#include "core/snapshot.h"

struct _virConnect;

namespace kumo::CopyFacts {

// Seconds libvirt measures the dirty rate over.
inline constexpr int DirtyRateSeconds = 1;

// Reads state and CPU time and starts the dirty-rate measurement. `dirtyRateStarted` tells the
// caller whether to call finish() DirtyRateSeconds later.
[[nodiscard]] InstanceCopyFacts start(_virConnect* conn, const QString& node, const QString& uuid,
                                      bool& dirtyRateStarted);
// Reads the measured dirty rate (and state and CPU time again) into `facts`.
void finish(_virConnect* conn, InstanceCopyFacts& facts);

} // namespace kumo::CopyFacts

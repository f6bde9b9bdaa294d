// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Helpers for tests that run against a demo lab: libvirt's own view of a domain on one node,
// independent of the console's state.
// Thread: any (each call opens its own short connection).
#pragma once

#include <QString>

namespace kumo {

// The domain's state key ("running", "paused", ...) as libvirt on `uri` reports it, empty when
// that node does not know the domain, "<unreachable>" or "<unreadable>" when libvirt fails.
[[nodiscard]] QString domainStateOn(const QString& uri, const QString& name);

} // namespace kumo

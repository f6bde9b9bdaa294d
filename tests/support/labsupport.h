// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Helpers for tests that run against a demo lab: starting one for the test process, and libvirt's
// own view of a domain on one node, independent of the console's state.
// Thread: the test's main thread (startLab); any (domainStateOn opens its own short connection).
#pragma once

#include <QString>

#include "core/inventory.h"
#include "core/result.h"
#include "lab/lab.h"

namespace kumo {

struct StartedLab
{
    LabInfo info;
    Inventory inventory; // read from info.inventoryPath
};

// Gives the test its own settings and standard paths (QStandardPaths test mode, organisation
// "kumo-tests", application `testName`, settings cleared) and starts a demo lab owned by this
// process with the kumo executable `kumoBinary`. Stop it with Lab::down(info.id).
[[nodiscard]] Result<StartedLab> startLab(const QString& testName, const QString& kumoBinary);

// The domain's state key ("running", "paused", ...) as libvirt on `uri` reports it, empty when
// that node does not know the domain, "<unreachable>" or "<unreadable>" when libvirt fails.
[[nodiscard]] QString domainStateOn(const QString& uri, const QString& name);

} // namespace kumo

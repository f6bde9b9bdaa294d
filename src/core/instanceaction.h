// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// InstanceAction: what a person can ask of one instance from the console, and which actions
// make sense in which state. The UI enables actions from this; the node session carries them out.
// Thread: any.
#pragma once

#include <QMetaType>
#include <QString>

#include "core/snapshot.h"

namespace kumo {

enum class InstanceAction
{
    Start,    // boot a shut-off instance
    Shutdown, // ask the guest to power off (ACPI)
    Reboot,   // ask the guest to restart
    ForceOff, // pull the plug: the guest loses what it did not write
    Suspend,  // pause the vCPUs; memory stays
    Resume,   // continue after Suspend
    // Remove a shut-off copy's definition from its node; its disks stay. Not in the menus: the
    // split-brain fix offers it for the copy it stopped.
    Undefine,
};

// Every action of the menus, in menu order.
[[nodiscard]] QList<InstanceAction> allInstanceActions();
// Whether the action makes sense for an instance in `state`.
[[nodiscard]] bool isActionAllowed(InstanceAction action, InstanceState state);
// Menu text with an accelerator, e.g. "&Start".
[[nodiscard]] QString instanceActionText(InstanceAction action);
// Past-tense sentence for the event log and status bar, e.g. "%1 was started."
[[nodiscard]] QString instanceActionDoneText(InstanceAction action);
// Whether a person must confirm before it runs (it can lose data).
[[nodiscard]] bool isActionDestructive(InstanceAction action);
// Stable English key for logs and the audit journal, e.g. "force-off".
[[nodiscard]] QString instanceActionKey(InstanceAction action);

} // namespace kumo

Q_DECLARE_METATYPE(kumo::InstanceAction)

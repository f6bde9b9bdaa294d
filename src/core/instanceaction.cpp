// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/instanceaction.h"

#include <QCoreApplication>
#include <QList>

namespace kumo {

QList<InstanceAction> allInstanceActions()
{
    return {InstanceAction::Start,    InstanceAction::Shutdown, InstanceAction::Reboot,
            InstanceAction::ForceOff, InstanceAction::Suspend,  InstanceAction::Resume};
}

bool isActionAllowed(InstanceAction action, InstanceState state)
{
    const bool active = state == InstanceState::Running || state == InstanceState::Blocked ||
                        state == InstanceState::Paused || state == InstanceState::ShuttingDown ||
                        state == InstanceState::PmSuspended;
    switch (action) {
    case InstanceAction::Start:
        return state == InstanceState::ShutOff || state == InstanceState::Crashed;
    case InstanceAction::Shutdown:
    case InstanceAction::Reboot:
        return state == InstanceState::Running || state == InstanceState::Blocked;
    case InstanceAction::ForceOff:
        return active;
    case InstanceAction::Suspend:
        return state == InstanceState::Running || state == InstanceState::Blocked;
    case InstanceAction::Resume:
        return state == InstanceState::Paused;
    case InstanceAction::Undefine:
        return state == InstanceState::ShutOff || state == InstanceState::Crashed;
    }
    return false;
}

QString instanceActionText(InstanceAction action)
{
    switch (action) {
    case InstanceAction::Start:
        return QCoreApplication::translate("kumo::InstanceAction", "&Start");
    case InstanceAction::Shutdown:
        return QCoreApplication::translate("kumo::InstanceAction", "Shut &Down");
    case InstanceAction::Reboot:
        return QCoreApplication::translate("kumo::InstanceAction", "&Reboot");
    case InstanceAction::ForceOff:
        return QCoreApplication::translate("kumo::InstanceAction", "&Force Off…");
    case InstanceAction::Suspend:
        return QCoreApplication::translate("kumo::InstanceAction", "S&uspend");
    case InstanceAction::Resume:
        return QCoreApplication::translate("kumo::InstanceAction", "R&esume");
    case InstanceAction::Undefine:
        return QCoreApplication::translate("kumo::InstanceAction", "Remove &Definition");
    }
    return {};
}

QString instanceActionDoneText(InstanceAction action)
{
    switch (action) {
    case InstanceAction::Start:
        return QCoreApplication::translate("kumo::InstanceAction", "%1 was started.");
    case InstanceAction::Shutdown:
        return QCoreApplication::translate("kumo::InstanceAction", "%1 was asked to shut down.");
    case InstanceAction::Reboot:
        return QCoreApplication::translate("kumo::InstanceAction", "%1 was asked to reboot.");
    case InstanceAction::ForceOff:
        return QCoreApplication::translate("kumo::InstanceAction", "%1 was forced off.");
    case InstanceAction::Suspend:
        return QCoreApplication::translate("kumo::InstanceAction", "%1 was suspended.");
    case InstanceAction::Resume:
        return QCoreApplication::translate("kumo::InstanceAction", "%1 was resumed.");
    case InstanceAction::Undefine:
        return QCoreApplication::translate("kumo::InstanceAction",
                                           "The definition of %1 was removed; its disks were kept.");
    }
    return {};
}

bool isActionDestructive(InstanceAction action)
{
    return action == InstanceAction::ForceOff || action == InstanceAction::Undefine;
}

QString instanceActionKey(InstanceAction action)
{
    switch (action) {
    case InstanceAction::Start:
        return QStringLiteral("start");
    case InstanceAction::Shutdown:
        return QStringLiteral("shutdown");
    case InstanceAction::Reboot:
        return QStringLiteral("reboot");
    case InstanceAction::ForceOff:
        return QStringLiteral("force-off");
    case InstanceAction::Suspend:
        return QStringLiteral("suspend");
    case InstanceAction::Resume:
        return QStringLiteral("resume");
    case InstanceAction::Undefine:
        return QStringLiteral("undefine");
    }
    return {};
}

} // namespace kumo

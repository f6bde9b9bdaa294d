// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/statetext.h"

#include <QCoreApplication>

namespace kumo {

QString nodeStateText(NodeState state)
{
    switch (state) {
    case NodeState::Connecting:
        return QCoreApplication::translate("kumo::State", "Connecting", "node state");
    case NodeState::Connected:
        return QCoreApplication::translate("kumo::State", "Connected", "node state");
    case NodeState::Unreachable:
        return QCoreApplication::translate("kumo::State", "Unreachable", "node state");
    case NodeState::NotResponding:
        return QCoreApplication::translate("kumo::State", "Not responding", "node state");
    }
    return {};
}

QString instanceStateText(InstanceState state)
{
    switch (state) {
    case InstanceState::NoState:
        return QCoreApplication::translate("kumo::State", "Unknown", "instance state");
    case InstanceState::Running:
        return QCoreApplication::translate("kumo::State", "Running", "instance state");
    case InstanceState::Blocked:
        return QCoreApplication::translate("kumo::State", "Blocked", "instance state");
    case InstanceState::Paused:
        return QCoreApplication::translate("kumo::State", "Paused", "instance state");
    case InstanceState::ShuttingDown:
        return QCoreApplication::translate("kumo::State", "Shutting down", "instance state");
    case InstanceState::ShutOff:
        return QCoreApplication::translate("kumo::State", "Shut off", "instance state");
    case InstanceState::Crashed:
        return QCoreApplication::translate("kumo::State", "Crashed", "instance state");
    case InstanceState::PmSuspended:
        return QCoreApplication::translate("kumo::State", "Suspended by guest", "instance state");
    }
    return {};
}

} // namespace kumo

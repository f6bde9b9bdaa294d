// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/statetext.h"

#include <QCoreApplication>

#include "core/sentences.h"

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

QString splitStateText(const QStringList& nodes)
{
    return QCoreApplication::translate("kumo::State", "Split: running on %1").arg(Sentences::names(nodes));
}

QString runningReasonText(InstanceState state, int reason)
{
    if (state != InstanceState::Running)
        return {};
    // virDomainRunningReason
    switch (reason) {
    case 1:
        return QCoreApplication::translate("kumo::State", "booted here");
    case 2:
        return QCoreApplication::translate("kumo::State", "resumed here after a migration into this node");
    case 3:
        return QCoreApplication::translate("kumo::State", "restored from a saved state");
    case 5:
        return QCoreApplication::translate("kumo::State", "resumed after a pause");
    case 6:
        return QCoreApplication::translate("kumo::State", "resumed here after its migration away failed");
    case 10:
        return QCoreApplication::translate("kumo::State", "running in post-copy migration");
    case 11:
        return QCoreApplication::translate("kumo::State", "post-copy migration failed");
    default:
        return {};
    }
}

} // namespace kumo

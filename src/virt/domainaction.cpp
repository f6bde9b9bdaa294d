// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "virt/domainaction.h"

#include <QCoreApplication>

#include "virt/virterror.h"

namespace kumo {

Error runDomainAction(virConnectPtr conn, const QString& uuid, InstanceAction action, const QString& node)
{
    virDomainPtr domain = virDomainLookupByUUIDString(conn, uuid.toLatin1().constData());
    if (!domain)
        return VirtError::lastError(node, ErrorCode::NotFound);
    int rc = -1;
    switch (action) {
    case InstanceAction::Start:
        rc = virDomainCreate(domain);
        break;
    case InstanceAction::Shutdown:
        rc = virDomainShutdown(domain);
        break;
    case InstanceAction::Reboot:
        rc = virDomainReboot(domain, 0);
        break;
    case InstanceAction::ForceOff:
        rc = virDomainDestroy(domain);
        break;
    case InstanceAction::Suspend:
        rc = virDomainSuspend(domain);
        break;
    case InstanceAction::Resume:
        rc = virDomainResume(domain);
        break;
    case InstanceAction::Undefine: {
        // No flag: libvirt never deletes storage on undefine, and without KEEP/REMOVE flags it
        // refuses a domain with NVRAM or snapshots instead of dropping any of it. A running
        // domain would only lose its persistence: refused here, not left transient.
        const int active = virDomainIsActive(domain);
        if (active > 0) {
            virDomainFree(domain);
            VirtError::clearLastError();
            return Error{ErrorCode::InvalidInput,
                         uuid,
                         QCoreApplication::translate(
                             "kumo::DomainAction",
                             "The copy on %1 still runs: only a stopped copy's definition is removed.")
                             .arg(node),
                         {},
                         0,
                         0};
        }
        rc = active < 0 ? -1 : virDomainUndefineFlags(domain, 0);
        break;
    }
    }
    Error error;
    if (rc < 0) {
        // Read before any other call: every libvirt call (virDomainGetName too) clears the error.
        error = VirtError::lastError(uuid, ErrorCode::OperationFailed);
        if (const char* name = virDomainGetName(domain))
            error.object = QString::fromUtf8(name);
        VirtError::clearLastError();
    }
    virDomainFree(domain);
    return error;
}

} // namespace kumo

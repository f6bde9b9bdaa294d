// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "virt/copyfacts.h"

#include <QCoreApplication>

#include <libvirt/libvirt.h>

#include "virt/virterror.h"

namespace kumo::CopyFacts {

namespace {

bool readState(virDomainPtr domain, const QString& node, InstanceCopyFacts& facts)
{
    virDomainInfo info{};
    int state = VIR_DOMAIN_NOSTATE;
    int reason = 0;
    if (virDomainGetInfo(domain, &info) < 0 || virDomainGetState(domain, &state, &reason, 0) < 0) {
        facts.error = VirtError::lastError(node);
        return false;
    }
    facts.state = InstanceState(state);
    facts.stateReason = reason;
    facts.cpuTimeNs = info.cpuTime;
    facts.memoryKiB = info.memory;
    return true;
}

} // namespace

InstanceCopyFacts start(virConnectPtr conn, const QString& node, const QString& uuid, bool& dirtyRateStarted)
{
    dirtyRateStarted = false;
    InstanceCopyFacts facts;
    facts.uuid = uuid;
    facts.node = node;
    if (!conn) {
        facts.error = VirtError::withoutDetail(ErrorCode::ConnectionFailed, node);
        return facts;
    }
    virDomainPtr domain = virDomainLookupByUUIDString(conn, uuid.toUtf8().constData());
    if (!domain) {
        facts.error = VirtError::lastError(node);
        return facts;
    }
    if (readState(domain, node, facts)) {
        if (virDomainStartDirtyRateCalc(domain, DirtyRateSeconds, 0) == 0) {
            dirtyRateStarted = true;
            facts.dirtyRateSeconds = DirtyRateSeconds;
        } else {
            const Error error = VirtError::lastError(node);
            facts.dirtyRateNote =
                QCoreApplication::translate("kumo::CopyFacts", "libvirt could not measure it: %1")
                    .arg(error.detail);
        }
    }
    virDomainFree(domain);
    return facts;
}

void finish(virConnectPtr conn, InstanceCopyFacts& facts)
{
    if (!conn) {
        facts.dirtyRateNote = QCoreApplication::translate(
            "kumo::CopyFacts", "The node's connection closed during the measurement.");
        return;
    }
    virDomainPtr domain = virDomainLookupByUUIDString(conn, facts.uuid.toUtf8().constData());
    if (!domain) {
        facts.error = VirtError::lastError(facts.node);
        return;
    }
    readState(domain, facts.node, facts);
    virDomainPtr domains[] = {domain, nullptr};
    virDomainStatsRecordPtr* records = nullptr;
    const int count = virDomainListGetStats(domains, VIR_DOMAIN_STATS_DIRTYRATE, &records, 0);
    if (count < 0) {
        facts.dirtyRateNote =
            QCoreApplication::translate("kumo::CopyFacts", "libvirt could not report it: %1")
                .arg(VirtError::lastError(facts.node).detail);
    } else {
        int status = -1;
        long long rate = -1;
        for (int r = 0; r < count; ++r) {
            for (int i = 0; i < records[r]->nparams; ++i) {
                const virTypedParameter& param = records[r]->params[i];
                const QByteArray field(param.field);
                if (field == "dirtyrate.calc_status" && param.type == VIR_TYPED_PARAM_INT)
                    status = param.value.i;
                else if (field == "dirtyrate.megabytes_per_second" && param.type == VIR_TYPED_PARAM_LLONG)
                    rate = param.value.l;
            }
        }
        virDomainStatsRecordListFree(records);
        // calc_status: 0 not started, 1 measuring, 2 measured.
        if (status == 2 && rate >= 0)
            facts.dirtyRateMiBs = double(rate);
        else if (status == 1)
            facts.dirtyRateNote = QCoreApplication::translate("kumo::CopyFacts", "still measuring");
        else
            facts.dirtyRateNote =
                QCoreApplication::translate("kumo::CopyFacts", "not reported by this hypervisor");
    }
    virDomainFree(domain);
}

} // namespace kumo::CopyFacts

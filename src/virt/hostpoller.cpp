// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "virt/hostpoller.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <utility>
#include <vector>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <QDateTime>
#include <QScopeGuard>

#include "core/metricrates.h"
#include "virt/virterror.h"

namespace kumo {

namespace {

quint64 paramValue(const virTypedParameter& param)
{
    switch (param.type) {
    case VIR_TYPED_PARAM_INT:
        return param.value.i < 0 ? 0 : static_cast<quint64>(param.value.i);
    case VIR_TYPED_PARAM_UINT:
        return param.value.ui;
    case VIR_TYPED_PARAM_LLONG:
        return param.value.l < 0 ? 0 : static_cast<quint64>(param.value.l);
    case VIR_TYPED_PARAM_ULLONG:
        return param.value.ul;
    case VIR_TYPED_PARAM_DOUBLE:
        return param.value.d < 0 ? 0 : static_cast<quint64>(param.value.d);
    case VIR_TYPED_PARAM_BOOLEAN:
        return param.value.b ? 1 : 0;
    default:
        return 0;
    }
}

// The share of its vCPUs an instance used since an earlier sample; -1 when that cannot be told.
template <typename Sample>
double cpuPercentSince(const InstanceSnapshot& instance, const Sample& previous, qint64 nowNs)
{
    if (nowNs <= previous.atNs || instance.cpuTimeNs < previous.cpuTimeNs || instance.vcpus <= 0)
        return -1;
    const double busy = static_cast<double>(instance.cpuTimeNs - previous.cpuTimeNs) /
                        static_cast<double>(nowNs - previous.atNs) / instance.vcpus;
    return std::clamp(busy * 100.0, 0.0, 100.0);
}

InstanceState instanceState(quint64 state)
{
    return state <= static_cast<quint64>(InstanceState::PmSuspended) ? static_cast<InstanceState>(state)
                                                                     : InstanceState::NoState;
}

// virDomainGetInfo's figures; the state is the caller's to set (with its reason).
void setFigures(InstanceSnapshot& instance, const virDomainInfo& info)
{
    instance.vcpus = info.nrVirtCpu;
    instance.memoryKiB = info.memory;
    instance.maxMemoryKiB = info.maxMem;
    instance.cpuTimeNs = info.cpuTime;
}

// "block.3.rd.bytes": the field has `prefix`, then anything, then `suffix`.
bool fieldMatches(const char* field, const char* prefix, const char* suffix)
{
    const size_t length = std::strlen(field);
    const size_t prefixLength = std::strlen(prefix);
    const size_t suffixLength = std::strlen(suffix);
    return length > prefixLength + suffixLength && std::strncmp(field, prefix, prefixLength) == 0 &&
           std::strcmp(field + length - suffixLength, suffix) == 0;
}

int runningCount(const QList<InstanceSnapshot>& instances)
{
    return static_cast<int>(std::count_if(instances.cbegin(), instances.cend(),
                                          [](const InstanceSnapshot& i) { return i.isActive(); }));
}

} // namespace

HostPoller::DomainInfo HostPoller::DomainInfo::of(const InstanceSnapshot& instance)
{
    return DomainInfo{instance.state,
                      instance.vcpus,
                      instance.memoryKiB,
                      instance.maxMemoryKiB,
                      instance.cpuTimeNs,
                      instance.cpuPercent,
                      0};
}

HostPoller::HostPoller(virConnectPtr conn, QString node, bool hasDomainEvents)
    : m_conn(conn)
    , m_node(std::move(node))
    , m_hasDomainEvents(hasDomainEvents)
{
    m_clock.start();
}

HostPoller::~HostPoller()
{
    replaceHandles({});
}

void HostPoller::replaceHandles(QHash<QString, virDomainPtr> next)
{
    for (virDomainPtr domain : std::as_const(m_handles))
        virDomainFree(domain);
    m_handles = std::move(next);
}

HostPoller::Identity HostPoller::identity(virDomainPtr domain)
{
    const char* name = virDomainGetName(domain);
    if (!name) {
        virResetLastError();
        return {};
    }
    const auto it = m_identities.constFind(QByteArray::fromRawData(name, qsizetype(std::strlen(name))));
    if (it != m_identities.cend())
        return *it;
    char text[VIR_UUID_STRING_BUFLEN] = {};
    if (virDomainGetUUIDString(domain, text) < 0) {
        virResetLastError();
        return {};
    }
    return *m_identities.insert(QByteArray(name),
                                Identity{QString::fromLatin1(text), QString::fromUtf8(name)});
}

HostPoller::Metadata HostPoller::metadataFor(virDomainPtr domain, const QString& uuid)
{
    if (const auto it = m_metadata.constFind(uuid); it != m_metadata.constEnd())
        return *it;
    Metadata m;
    m.persistent = virDomainIsPersistent(domain) == 1;
    int autostart = 0;
    m.autostart = virDomainGetAutostart(domain, &autostart) == 0 && autostart != 0;
    virResetLastError(); // a domain that vanished meanwhile is dropped by the next poll
    m_metadata.insert(uuid, m);
    return m;
}

bool HostPoller::poll(NodeSnapshot node, Error& error)
{
    QList<InstanceSnapshot> instances;
    if (!pollDomains(instances, error) || !pollNode(node, error))
        return false;
    node.instanceCount = static_cast<int>(instances.size());
    node.runningCount = runningCount(instances);
    m_lastNode = std::move(node);
    m_lastInstances = std::move(instances);
    m_havePolled = true;
    return true;
}

bool HostPoller::refreshDomains(const QSet<QString>& uuids, bool& runningChanged)
{
    if (!m_havePolled || uuids.isEmpty())
        return false;
    // Everything is checked before anything is kept, so a failure falls back to a full poll
    // without having sent half an update.
    QList<InstanceSnapshot> instances = m_lastInstances;
    const qint64 sampledAtMs = QDateTime::currentMSecsSinceEpoch();
    for (const QString& uuid : uuids) {
        const auto it = std::find_if(instances.begin(), instances.end(),
                                     [&uuid](const InstanceSnapshot& i) { return i.uuid == uuid; });
        if (it == instances.end())
            return false;
        virDomainPtr kept = m_handles.value(uuid);
        virDomainPtr domain = kept ? kept : virDomainLookupByUUIDString(m_conn, uuid.toLatin1().constData());
        if (!domain) {
            virResetLastError();
            return false;
        }
        int state = 0;
        int reason = 0;
        const int got = virDomainGetState(domain, &state, &reason, 0);
        const qint64 readEndMs = QDateTime::currentMSecsSinceEpoch();
        if (!kept)
            virDomainFree(domain);
        if (got < 0) {
            virResetLastError();
            return false;
        }
        it->state = instanceState(static_cast<quint64>(state));
        it->stateReason = reason;
        it->sampledAtMs = sampledAtMs;
        it->stateSeenAtMs = sampledAtMs;
        it->stateReadEndMs = readEndMs;
        if (!it->isActive())
            it->cpuPercent = 0;
        // Memory, vCPUs and the CPU percentage stay as the last poll saw them until the next one.
    }
    const int running = runningCount(instances);
    runningChanged = running != m_lastNode.runningCount;
    m_lastNode.runningCount = running;
    m_lastNode.sampledAtMs = sampledAtMs;
    m_lastInstances = std::move(instances);
    return true;
}

bool HostPoller::optionalFailed(bool& works, Error& error) const
{
    const Error failure = VirtError::lastError(m_node);
    if (virConnectIsAlive(m_conn) != 1) {
        error = failure;
        return true;
    }
    works = false;
    return false;
}

bool HostPoller::pollNode(NodeSnapshot& snapshot, Error& error)
{
    // The host's model, CPUs and memory size hardly ever change: read again with the metadata.
    if (m_nodeInfoPolls == 0) {
        virNodeInfo info{};
        if (virNodeGetInfo(m_conn, &info) < 0) {
            error = VirtError::lastError(m_node);
            return false;
        }
        m_cpuModel =
            QString::fromUtf8(info.model, static_cast<qsizetype>(strnlen(info.model, sizeof info.model)));
        m_cpus = static_cast<int>(info.cpus);
        m_mhz = static_cast<int>(info.mhz);
        m_memoryTotalKiB = info.memory;
    }
    m_nodeInfoPolls = (m_nodeInfoPolls + 1) % MetadataRefreshPolls;
    pollPools(snapshot);
    snapshot.cpuModel = m_cpuModel;
    snapshot.cpus = m_cpus;
    snapshot.mhz = m_mhz;
    snapshot.memoryTotalKiB = m_memoryTotalKiB;

    // Optional figures: a driver that cannot give one is not asked again on this connection.
    if (m_freeMemoryWorks) {
        virResetLastError();
        const unsigned long long freeBytes = virNodeGetFreeMemory(m_conn);
        if (freeBytes == 0 && virGetLastError()) {
            if (optionalFailed(m_freeMemoryWorks, error))
                return false;
        } else {
            snapshot.memoryFreeKiB = freeBytes / 1024;
        }
    }
    if (m_cpuStatsWorks && m_cpuStatsCount == 0) {
        if (virNodeGetCPUStats(m_conn, VIR_NODE_CPU_STATS_ALL_CPUS, nullptr, &m_cpuStatsCount, 0) < 0 ||
            m_cpuStatsCount <= 0) {
            m_cpuStatsCount = 0;
            if (optionalFailed(m_cpuStatsWorks, error))
                return false;
        }
    }
    if (m_cpuStatsWorks && m_cpuStatsCount > 0) {
        std::vector<virNodeCPUStats> stats(static_cast<size_t>(m_cpuStatsCount));
        int count = m_cpuStatsCount;
        if (virNodeGetCPUStats(m_conn, VIR_NODE_CPU_STATS_ALL_CPUS, stats.data(), &count, 0) < 0) {
            if (optionalFailed(m_cpuStatsWorks, error))
                return false;
        } else {
            quint64 busy = 0;
            quint64 total = 0;
            quint64 user = 0;
            quint64 kernel = 0;
            quint64 iowait = 0;
            double utilization = -1;
            for (int i = 0; i < count; ++i) {
                const virNodeCPUStats& s = stats[static_cast<size_t>(i)];
                if (std::strcmp(s.field, VIR_NODE_CPU_STATS_UTILIZATION) == 0) {
                    utilization = static_cast<double>(s.value);
                } else if (std::strcmp(s.field, VIR_NODE_CPU_STATS_KERNEL) == 0) {
                    kernel = s.value;
                    busy += s.value;
                    total += s.value;
                } else if (std::strcmp(s.field, VIR_NODE_CPU_STATS_USER) == 0) {
                    user = s.value;
                    busy += s.value;
                    total += s.value;
                } else if (std::strcmp(s.field, VIR_NODE_CPU_STATS_IOWAIT) == 0) {
                    iowait = s.value;
                    total += s.value;
                } else if (std::strcmp(s.field, VIR_NODE_CPU_STATS_IDLE) == 0) {
                    total += s.value;
                }
            }
            if (utilization >= 0) {
                snapshot.cpuUsagePercent = std::clamp(utilization, 0.0, 100.0);
            } else if (m_haveCpuSample && total > m_lastCpuTotal && busy >= m_lastCpuBusy) {
                snapshot.cpuUsagePercent = std::clamp(100.0 * static_cast<double>(busy - m_lastCpuBusy) /
                                                          static_cast<double>(total - m_lastCpuTotal),
                                                      0.0, 100.0);
            }
            if (m_haveCpuSample && total > m_lastCpuTotal) {
                snapshot.cpuUserPercent =
                    MetricRates::sharePercent(m_lastCpuUser, user, m_lastCpuTotal, total);
                snapshot.cpuKernelPercent =
                    MetricRates::sharePercent(m_lastCpuKernel, kernel, m_lastCpuTotal, total);
                snapshot.cpuIowaitPercent =
                    MetricRates::sharePercent(m_lastCpuIowait, iowait, m_lastCpuTotal, total);
            }
            m_haveCpuSample = true;
            m_lastCpuBusy = busy;
            m_lastCpuTotal = total;
            m_lastCpuUser = user;
            m_lastCpuKernel = kernel;
            m_lastCpuIowait = iowait;
        }
    }
    virResetLastError();
    return true;
}

void HostPoller::pollPools(NodeSnapshot& snapshot)
{
    // The test driver is left out: with several of its connections polled at once, listing their
    // pools corrupted memory now and then (a crash elsewhere in the process, in tst_accessui).
    if (snapshot.hypervisor == QLatin1String("TEST"))
        m_poolsWork = false;
    if (m_poolsWork && m_poolPolls == 0) {
        virStoragePoolPtr* pools = nullptr;
        const int count = virConnectListAllStoragePools(m_conn, &pools, 0);
        if (count < 0) {
            // Not offered by the driver or not allowed to this account: the figures stay unknown.
            m_poolsWork = false;
            virResetLastError();
        } else {
            QList<StoragePoolSnapshot> read;
            read.reserve(count);
            for (int i = 0; i < count; ++i) {
                StoragePoolSnapshot pool;
                if (const char* name = virStoragePoolGetName(pools[i]))
                    pool.name = QString::fromUtf8(name);
                virStoragePoolInfo info{};
                if (virStoragePoolGetInfo(pools[i], &info) == 0) {
                    pool.active =
                        info.state == VIR_STORAGE_POOL_RUNNING || info.state == VIR_STORAGE_POOL_DEGRADED;
                    if (pool.active) {
                        pool.capacityBytes = info.capacity;
                        pool.allocationBytes = info.allocation;
                        pool.availableBytes = info.available;
                    }
                }
                virResetLastError(); // a pool removed meanwhile is left out at the next read
                virStoragePoolFree(pools[i]);
                if (!pool.name.isEmpty())
                    read.append(pool);
            }
            std::free(pools);
            std::sort(
                read.begin(), read.end(),
                [](const StoragePoolSnapshot& a, const StoragePoolSnapshot& b) { return a.name < b.name; });
            m_pools = std::move(read);
            m_poolsSampledAtMs = QDateTime::currentMSecsSinceEpoch();
        }
    }
    m_poolPolls = (m_poolPolls + 1) % PoolRefreshPolls;
    snapshot.poolsKnown = m_poolsWork || m_poolsSampledAtMs > 0;
    snapshot.pools = m_pools;
    snapshot.poolsSampledAtMs = m_poolsSampledAtMs;
}

bool HostPoller::pollDomains(QList<InstanceSnapshot>& instances, Error& error)
{
    const int refreshPolls = keepsHandles() ? HandleListRefreshPolls : MetadataRefreshPolls;
    bool listDue = m_metadataStale || ++m_pollsSinceMetadata >= refreshPolls;
    if (!listDue && keepsHandles() && m_havePolled && !m_handles.isEmpty()) {
        // A domain defined or gone without an event still changes the counts, checked as often as
        // the figures of each domain are read.
        bool countsAgree = true;
        if (m_pollsSinceMetadata % InfoRefreshPolls == 0) {
            const int active = virConnectNumOfDomains(m_conn);
            const int inactive = active < 0 ? -1 : virConnectNumOfDefinedDomains(m_conn);
            virResetLastError();
            countsAgree = inactive >= 0 && active + inactive == m_lastInstances.size();
        }
        if (countsAgree && pollKnownDomains(instances))
            return true;
        instances.clear();
        listDue = true; // a domain went away or a call failed: list again, with fresh metadata
    }
    if (listDue) {
        m_metadata.clear();
        m_identities.clear();
        m_metadataStale = false;
        m_pollsSinceMetadata = 0;
    }

    const qint64 sampledAtMs = QDateTime::currentMSecsSinceEpoch();
    const qint64 nowNs = m_clock.nsecsElapsed();
    QHash<QString, CpuSample> samples;
    samples.reserve(m_cpuSamples.size());

    QHash<QString, DomainInfo> domainInfo;
    // What this domain's bulk stats record held besides CPU and memory (set per record below).
    bool recordHasIo = false;
    bool recordHasDelay = false;

    // Identity, metadata and CPU percentage; the caller has set state, vcpus, memory, cpu time.
    // `cached`: the figures are from an earlier poll, so is the CPU percentage.
    qint64 statsReadEndMs = 0; // when the bulk stats call returned (set below, before any finish())
    auto finish = [&](virDomainPtr domain, InstanceSnapshot& instance, const DomainInfo* cached) {
        const Identity id = identity(domain);
        instance.uuid = id.uuid;
        instance.name = id.name;
        instance.node = m_node;
        instance.sampledAtMs = sampledAtMs;
        instance.stateSeenAtMs = sampledAtMs; // the bulk stats record carries the state
        instance.stateReadEndMs = statsReadEndMs;
        const Metadata meta = metadataFor(domain, instance.uuid);
        instance.persistent = meta.persistent;
        instance.autostart = meta.autostart;
        if (cached) {
            instance.cpuPercent = cached->cpuPercent;
            samples.insert(instance.uuid, m_cpuSamples.value(instance.uuid));
            instances.append(instance);
            return;
        }
        const auto previous = m_cpuSamples.constFind(instance.uuid);
        const bool havePrevious = previous != m_cpuSamples.constEnd();
        if (!instance.isActive()) {
            instance.cpuPercent = 0;
        } else if (havePrevious) {
            instance.cpuPercent = cpuPercentSince(instance, *previous, nowNs);
        }
        CpuSample sample{instance.cpuTimeNs,
                         nowNs,
                         recordHasIo,
                         recordHasDelay,
                         instance.diskReadBytes,
                         instance.diskWriteBytes,
                         instance.netRxBytes,
                         instance.netTxBytes,
                         instance.cpuDelayNs};
        if (recordHasIo) {
            if (!instance.isActive()) {
                instance.diskReadBps = instance.diskWriteBps = instance.netRxBps = instance.netTxBps = 0;
            } else if (havePrevious && previous->haveIo) {
                const qint64 elapsed = nowNs - previous->atNs;
                instance.diskReadBps =
                    MetricRates::perSecond(previous->diskReadBytes, instance.diskReadBytes, elapsed);
                instance.diskWriteBps =
                    MetricRates::perSecond(previous->diskWriteBytes, instance.diskWriteBytes, elapsed);
                instance.netRxBps =
                    MetricRates::perSecond(previous->netRxBytes, instance.netRxBytes, elapsed);
                instance.netTxBps =
                    MetricRates::perSecond(previous->netTxBytes, instance.netTxBytes, elapsed);
            }
        }
        if (recordHasDelay && instance.isActive() && havePrevious && previous->haveDelay) {
            instance.cpuStealPercent = MetricRates::stealPercent(previous->cpuDelayNs, instance.cpuDelayNs,
                                                                 nowNs - previous->atNs, instance.vcpus);
        }
        samples.insert(instance.uuid, sample);
        instances.append(instance);
    };

    // Without ENFORCE_STATS, drivers silently drop the groups they lack (the test driver only
    // has STATE); with it they fail, which tells which mode works for this connection.
    const unsigned int groups = m_mode == DomainStatsMode::Full
                                    ? VIR_DOMAIN_STATS_STATE | VIR_DOMAIN_STATS_CPU_TOTAL |
                                          VIR_DOMAIN_STATS_BALLOON | VIR_DOMAIN_STATS_VCPU |
                                          VIR_DOMAIN_STATS_INTERFACE | VIR_DOMAIN_STATS_BLOCK
                                    : VIR_DOMAIN_STATS_STATE;
    virDomainStatsRecordPtr* records = nullptr;
    // NOWAIT: a domain busy with a job (a migration, an abort) must not hold the whole poll; its
    // missing figures are filled in per domain below. Only drivers with bulk stats know the flag.
    const unsigned int flags =
        VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS |
        (m_mode == DomainStatsMode::Full ? VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT : 0u);
    const int count = virConnectGetAllDomainStats(m_conn, groups, &records, flags);
    statsReadEndMs = QDateTime::currentMSecsSinceEpoch();
    if (count < 0) {
        if (m_mode == DomainStatsMode::Full && VirtError::lastErrorIsUnsupported()) {
            virResetLastError();
            m_mode = DomainStatsMode::StateOnly;
            qDebug("%s: driver lacks bulk domain stats, adding per-domain info", qUtf8Printable(m_node));
            return pollDomains(instances, error);
        }
        error = VirtError::lastError(m_node);
        return false;
    }
    instances.reserve(count);
    QHash<QString, virDomainPtr> handles;
    const bool keepHandles = keepsHandles();
    for (int i = 0; i < count; ++i) {
        const virDomainStatsRecord& record = *records[i];
        // Kept for the next polls once this domain's snapshot is in the list.
        const qsizetype listed = instances.size();
        const auto keep = qScopeGuard([&] {
            if (keepHandles && instances.size() > listed && virDomainRef(record.dom) == 0)
                handles.insert(instances.constLast().uuid, record.dom);
        });
        InstanceSnapshot instance;
        bool haveVcpus = false;
        bool haveMemory = false;
        recordHasIo = m_mode == DomainStatsMode::Full;
        recordHasDelay = false;
        for (int p = 0; p < record.nparams; ++p) {
            const virTypedParameter& param = record.params[p];
            const char* field = param.field;
            if (std::strcmp(field, "state.state") == 0) {
                instance.state = instanceState(paramValue(param));
            } else if (std::strcmp(field, "state.reason") == 0) {
                instance.stateReason = static_cast<int>(paramValue(param));
            } else if (std::strcmp(field, "cpu.time") == 0) {
                instance.cpuTimeNs = paramValue(param);
            } else if (std::strcmp(field, "balloon.current") == 0) {
                instance.memoryKiB = paramValue(param);
            } else if (std::strcmp(field, "balloon.maximum") == 0) {
                instance.maxMemoryKiB = paramValue(param);
                haveMemory = true;
            } else if (std::strcmp(field, "vcpu.current") == 0) {
                instance.vcpus = static_cast<int>(paramValue(param));
                haveVcpus = true;
            } else if (std::strcmp(field, "balloon.rss") == 0) {
                instance.rssKiB = paramValue(param);
            } else if (std::strcmp(field, "balloon.available") == 0) {
                instance.guestAvailableKiB = paramValue(param);
            } else if (std::strcmp(field, "balloon.unused") == 0) {
                instance.guestUnusedKiB = paramValue(param);
            } else if (fieldMatches(field, "block.", ".rd.bytes")) {
                instance.diskReadBytes += paramValue(param);
            } else if (fieldMatches(field, "block.", ".wr.bytes")) {
                instance.diskWriteBytes += paramValue(param);
            } else if (fieldMatches(field, "net.", ".rx.bytes")) {
                instance.netRxBytes += paramValue(param);
            } else if (fieldMatches(field, "net.", ".tx.bytes")) {
                instance.netTxBytes += paramValue(param);
            } else if (fieldMatches(field, "vcpu.", ".delay")) {
                instance.cpuDelayNs += paramValue(param);
                recordHasDelay = true;
            }
        }
        // State-only mode, or a driver that left groups out for a domain: ask that domain, unless
        // its figures are recent and its state has not changed.
        if (!haveVcpus || !haveMemory) {
            instance.uuid = identity(record.dom).uuid;
            const auto known = m_domainInfo.constFind(instance.uuid);
            if (known != m_domainInfo.cend() && known->state == instance.state &&
                known->age + 1 < InfoRefreshPolls) {
                DomainInfo info = *known;
                ++info.age;
                instance.vcpus = info.vcpus;
                instance.memoryKiB = info.memoryKiB;
                instance.maxMemoryKiB = info.maxMemoryKiB;
                instance.cpuTimeNs = info.cpuTimeNs;
                finish(record.dom, instance, &info);
                domainInfo.insert(instance.uuid, info);
                continue;
            }
            virDomainInfo info{};
            if (virDomainGetInfo(record.dom, &info) < 0) {
                virResetLastError(); // gone since the stats call: the next poll drops it
                continue;
            }
            setFigures(instance, info);
            finish(record.dom, instance, nullptr);
            domainInfo.insert(instance.uuid, DomainInfo::of(instances.constLast()));
            continue;
        }
        finish(record.dom, instance, nullptr);
    }
    virDomainStatsRecordListFree(records);
    m_cpuSamples = std::move(samples);
    m_domainInfo = std::move(domainInfo);
    replaceHandles(std::move(handles));
    return true;
}

bool HostPoller::pollKnownDomains(QList<InstanceSnapshot>& instances)
{
    const qint64 sampledAtMs = QDateTime::currentMSecsSinceEpoch();
    const qint64 nowNs = m_clock.nsecsElapsed();
    // The last list with its states as events left them; only figures that are due are read.
    instances = m_lastInstances;
    for (InstanceSnapshot& instance : instances) {
        instance.sampledAtMs = sampledAtMs;
        const auto known = m_domainInfo.find(instance.uuid);
        if (known != m_domainInfo.end() && known->state == instance.state &&
            known->age + 1 < InfoRefreshPolls) {
            ++known->age;
            continue;
        }
        virDomainPtr domain = m_handles.value(instance.uuid);
        virDomainInfo info{};
        if (!domain || virDomainGetInfo(domain, &info) < 0) {
            virResetLastError();
            return false;
        }
        const InstanceState state = instanceState(info.state);
        instance.stateSeenAtMs = sampledAtMs;
        instance.stateReadEndMs = QDateTime::currentMSecsSinceEpoch();
        if (state != instance.state) {
            // A change no event told of: its reason too.
            int current = 0;
            int reason = 0;
            if (virDomainGetState(domain, &current, &reason, 0) == 0)
                instance.stateReason = reason;
            virResetLastError();
            instance.state = state;
        }
        setFigures(instance, info);
        const auto sample = m_cpuSamples.constFind(instance.uuid);
        instance.cpuPercent = !instance.isActive()            ? 0
                              : sample != m_cpuSamples.cend() ? cpuPercentSince(instance, *sample, nowNs)
                                                              : -1;
        m_cpuSamples.insert(instance.uuid, CpuSample{.cpuTimeNs = instance.cpuTimeNs, .atNs = nowNs});
        m_domainInfo.insert(instance.uuid, DomainInfo::of(instance));
    }
    return true;
}

} // namespace kumo

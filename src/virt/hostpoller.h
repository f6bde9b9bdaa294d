// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// HostPoller: reads one open connection's node figures and domains for HostSession, as cheaply as
// the driver allows at thousands of domains: one bulk stats call per poll where the driver has it,
// otherwise the kept handles of the last poll's domains, asking only those whose figures are due.
// It keeps what the figures are compared with from poll to poll (CPU samples, per-domain info and
// its age, metadata, the counters that say when to read everything again) and what the last poll
// published, so that an event about one domain refreshes just that domain.
// Internal to the virt layer: libvirt's handles are only forward-declared here.
// Thread: the owning HostSession's worker thread, the thread of the connection it reads.
// Owner: its HostSession, one poller per connection opened (it holds domain handles of that
// connection and is deleted before the connection closes).
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include "core/result.h"
#include "core/snapshot.h"

struct _virConnect;
struct _virDomain;

namespace kumo {

class HostPoller
{
public:
    // Which stats call works on the current connection, to skip failing calls on later polls.
    enum class DomainStatsMode
    {
        Full,      // state, cpu, balloon, vcpu, interface and block groups in one call
        StateOnly, // state group only, plus virDomainGetInfo per domain (the test driver)
    };

    // `hasDomainEvents`: lifecycle events keep the states current between polls.
    HostPoller(_virConnect* conn, QString node, bool hasDomainEvents);
    ~HostPoller();
    HostPoller(const HostPoller&) = delete;
    HostPoller& operator=(const HostPoller&) = delete;

    // Reads every domain, then the node's figures into `node` (the caller has set its name, state
    // and the connection's facts). On success the results become lastNode() and lastInstances();
    // false, with `error` set, when a call failed (nothing is published then).
    [[nodiscard]] bool poll(NodeSnapshot node, Error& error);
    // Re-reads the state of a few domains of the last poll and patches lastInstances() (and the
    // running count of lastNode(), `runningChanged` when it changed); false when that is not
    // enough (a domain unknown to the last poll, a failed call): poll instead.
    [[nodiscard]] bool refreshDomains(const QSet<QString>& uuids, bool& runningChanged);
    // The list and the metadata are read again at the next poll (the list changed).
    void markListStale() { m_metadataStale = true; }

    [[nodiscard]] const NodeSnapshot& lastNode() const { return m_lastNode; }
    [[nodiscard]] const QList<InstanceSnapshot>& lastInstances() const { return m_lastInstances; }

private:
    // A domain's UUID (as text) and name. Every public virDomain* call that takes a domain formats
    // its UUID for libvirt's debug log (VIR_DOMAIN_DEBUG), logging on or not, and at thousands of
    // domains a second that printf work was the largest single cost of polling; virDomainGetName
    // does not. So both are looked up by the name's bytes (no allocation per poll), in a table
    // cleared with the metadata: after define/undefine/rename events and every
    // MetadataRefreshPolls polls.
    struct Identity
    {
        QString uuid;
        QString name;
    };
    // Persistence and autostart cost one call each per domain: cached, refreshed after
    // lifecycle events (define/undefine) and every MetadataRefreshPolls polls.
    struct Metadata
    {
        bool persistent = false;
        bool autostart = false;
    };
    struct CpuSample
    {
        quint64 cpuTimeNs = 0;
        qint64 atNs = 0;
        // The bulk stats' I/O and delay counters at the same time (Full mode only).
        bool haveIo = false;
        bool haveDelay = false;
        quint64 diskReadBytes = 0;
        quint64 diskWriteBytes = 0;
        quint64 netRxBytes = 0;
        quint64 netTxBytes = 0;
        quint64 cpuDelayNs = 0;
    };
    struct DomainInfo
    {
        InstanceState state = InstanceState::NoState;
        int vcpus = 0;
        quint64 memoryKiB = 0;
        quint64 maxMemoryKiB = 0;
        quint64 cpuTimeNs = 0;
        double cpuPercent = -1;
        int age = 0;
        // The figures `instance` has now, read this poll.
        [[nodiscard]] static DomainInfo of(const InstanceSnapshot& instance);
    };

    static constexpr int MetadataRefreshPolls = 15;
    // With kept handles, events tell of changes to the list and a count of the domains is checked
    // every InfoRefreshPolls polls, so the list and its metadata are read again less often: each
    // domain listed costs several UUID formattings inside libvirt (its lookups are keyed by the
    // UUID's text).
    static constexpr int HandleListRefreshPolls = 60;
    // Drivers without bulk statistics need one virDomainGetInfo per domain; on a remote
    // connection each is a round trip. Their figures are re-read every InfoRefreshPolls polls,
    // and at once when the domain's state changes.
    static constexpr int InfoRefreshPolls = 5;
    // Pools change size slowly and listing them costs a round trip per pool.
    static constexpr int PoolRefreshPolls = 10;

    [[nodiscard]] bool pollNode(NodeSnapshot& snapshot, Error& error);
    // The storage pools, every PoolRefreshPolls polls (kept in between); a driver or account that
    // cannot list them is not asked again on this connection.
    void pollPools(NodeSnapshot& snapshot);
    [[nodiscard]] bool pollDomains(QList<InstanceSnapshot>& instances, Error& error);
    // The last poll's domains through their kept handles, reading only the figures that are due;
    // false when a domain is gone or a call fails (list again instead).
    [[nodiscard]] bool pollKnownDomains(QList<InstanceSnapshot>& instances);
    // Whether a failed call of an optional figure ends the poll (the connection is gone, `error`
    // is set); otherwise `works` turns false and the figure is not asked again.
    [[nodiscard]] bool optionalFailed(bool& works, Error& error) const;

    [[nodiscard]] Identity identity(_virDomain* domain);
    [[nodiscard]] Metadata metadataFor(_virDomain* domain, const QString& uuid);
    // Drivers with lifecycle events but without bulk statistics (the test driver) keep the handles
    // of the listed domains between polls. A poll then asks only the domains whose figures are due,
    // with the state kept current by events, instead of listing every domain again: each listed
    // domain is a new libvirt object whose release formats its UUID. The list is read again after
    // an event that changes it, after a failed call and with the metadata.
    [[nodiscard]] bool keepsHandles() const
    {
        return m_mode == DomainStatsMode::StateOnly && m_hasDomainEvents;
    }
    void replaceHandles(QHash<QString, _virDomain*> next);

    _virConnect* m_conn = nullptr;
    QString m_node;
    bool m_hasDomainEvents = false;
    DomainStatsMode m_mode = DomainStatsMode::Full;
    QElapsedTimer m_clock; // monotonic time base for CPU percentages

    QHash<QByteArray, Identity> m_identities;
    QHash<QString, _virDomain*> m_handles;

    // virNodeGetInfo's figures, re-read every MetadataRefreshPolls polls.
    QString m_cpuModel;
    int m_cpus = 0;
    int m_mhz = 0;
    quint64 m_memoryTotalKiB = 0;
    int m_nodeInfoPolls = 0;

    bool m_freeMemoryWorks = true;
    bool m_cpuStatsWorks = true;
    int m_cpuStatsCount = 0;
    bool m_haveCpuSample = false;
    quint64 m_lastCpuBusy = 0;
    quint64 m_lastCpuTotal = 0;
    quint64 m_lastCpuUser = 0;
    quint64 m_lastCpuKernel = 0;
    quint64 m_lastCpuIowait = 0;

    bool m_poolsWork = true;
    int m_poolPolls = 0;
    QList<StoragePoolSnapshot> m_pools;
    qint64 m_poolsSampledAtMs = 0;

    QHash<QString, CpuSample> m_cpuSamples;
    QHash<QString, DomainInfo> m_domainInfo;
    QHash<QString, Metadata> m_metadata;
    int m_pollsSinceMetadata = 0;
    bool m_metadataStale = false;

    // What the last poll published.
    NodeSnapshot m_lastNode;
    QList<InstanceSnapshot> m_lastInstances;
    bool m_havePolled = false;
};

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/fakecloud.h"

#include <QDateTime>
#include <QMutexLocker>
#include <QObject>

#include "core/migrationjob.h"
#include "core/threadhandoff.h"
#include "support/fakemigrationjob.h"
#include "support/fakenodesession.h"

namespace kumo {

namespace {

Error failure(ErrorCode code, const QString& object, const QString& message)
{
    return Error{code, object, message, {}, 0, 0};
}

} // namespace

void FakeCloud::addSite(const QString& id)
{
    const QMutexLocker locker(&m_lock);
    Site site;
    site.id = id;
    site.name = id;
    m_sites.append(site);
}

void FakeCloud::addNode(const QString& site, const QString& name, int cpus, quint64 memoryKiB)
{
    const QMutexLocker locker(&m_lock);
    Node node;
    node.config.name = name;
    node.config.site = site;
    node.config.uri = QStringLiteral("fake://%1").arg(name);
    node.cpus = cpus;
    node.memoryKiB = memoryKiB;
    m_nodes.append(node);
}

QString FakeCloud::addInstance(const QString& node, const QString& name, int vcpus, quint64 memoryKiB)
{
    const QMutexLocker locker(&m_lock);
    InstanceSnapshot instance;
    instance.uuid =
        QStringLiteral("00000000-0000-4000-8000-%1").arg(m_order.size() + 1, 12, 10, QLatin1Char('0'));
    instance.name = name;
    instance.node = node;
    instance.state = InstanceState::Running;
    instance.persistent = true;
    instance.vcpus = vcpus;
    instance.memoryKiB = memoryKiB;
    instance.maxMemoryKiB = memoryKiB;
    instance.cpuPercent = 0;
    m_instances.insert(instance.uuid, instance);
    m_order.append(instance.uuid);
    return instance.uuid;
}

Inventory FakeCloud::inventory() const
{
    const QMutexLocker locker(&m_lock);
    Inventory inventory;
    inventory.sites = m_sites;
    for (const Node& node : m_nodes)
        inventory.nodes.append(node.config);
    return inventory;
}

std::function<NodeSession*(const NodeConfig&)> FakeCloud::sessionFactory()
{
    return [this](const NodeConfig& config) -> NodeSession* { return new FakeNodeSession(this, config); };
}

std::function<MigrationJob*(const MigrationRequest&)> FakeCloud::jobFactory(FakeMigrationJobFactory* jobs)
{
    return [this, make = jobs->factory()](const MigrationRequest& request) -> MigrationJob* {
        MigrationJob* job = make(request);
        // Direct, on the job's thread, before the queue hears of the end: a completed move has
        // moved the instance by the time anyone is told.
        QObject::connect(
            job, &MigrationJob::finished, job,
            [this, request](const MigrationResult& result) {
                if (result.phase == MigrationPhase::Completed)
                    move(request.uuid, request.sourceNode, request.destinationNode);
            },
            Qt::DirectConnection);
        return job;
    };
}

QString FakeCloud::nodeOf(const QString& uuid) const
{
    const QMutexLocker locker(&m_lock);
    return m_instances.value(uuid).node;
}

InstanceState FakeCloud::stateOf(const QString& uuid) const
{
    const QMutexLocker locker(&m_lock);
    return m_instances.value(uuid).state;
}

QStringList FakeCloud::instancesOn(const QString& node) const
{
    const QMutexLocker locker(&m_lock);
    QStringList result;
    for (const QString& uuid : m_order) {
        if (m_instances.value(uuid).node == node)
            result.append(uuid);
    }
    return result;
}

int FakeCloud::moveCount() const
{
    const QMutexLocker locker(&m_lock);
    return m_moves;
}

int FakeCloud::guestFactsAsked(const QString& uuid) const
{
    const QMutexLocker locker(&m_lock);
    return m_guestFactsAsked.value(uuid);
}

NodeSnapshot FakeCloud::nodeSnapshot(const QString& name) const
{
    const QMutexLocker locker(&m_lock);
    NodeSnapshot snapshot;
    snapshot.node = name;
    for (const Node& node : m_nodes) {
        if (node.config.name != name)
            continue;
        snapshot.state = NodeState::Connected;
        snapshot.hostname = name;
        snapshot.hostUuid = QStringLiteral("host-%1").arg(name);
        snapshot.hypervisor = QStringLiteral("FAKE");
        snapshot.libvirtVersion = 9000000;
        snapshot.cpuModel = QStringLiteral("fake");
        snapshot.cpus = node.cpus;
        snapshot.mhz = 2000;
        snapshot.memoryTotalKiB = node.memoryKiB;
        quint64 used = 0;
        for (const InstanceSnapshot& instance : m_instances) {
            if (instance.node != name)
                continue;
            ++snapshot.instanceCount;
            if (instance.isActive()) {
                ++snapshot.runningCount;
                used += instance.memoryKiB;
            }
        }
        snapshot.memoryFreeKiB = node.memoryKiB > used ? node.memoryKiB - used : 0;
        snapshot.cpuUsagePercent = 0;
        snapshot.sampledAtMs = QDateTime::currentMSecsSinceEpoch();
    }
    return snapshot;
}

QList<InstanceSnapshot> FakeCloud::instanceSnapshots(const QString& node) const
{
    const QMutexLocker locker(&m_lock);
    QList<InstanceSnapshot> result;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QString& uuid : m_order) {
        InstanceSnapshot instance = m_instances.value(uuid);
        if (instance.node != node)
            continue;
        instance.sampledAtMs = now;
        result.append(instance);
    }
    return result;
}

Error FakeCloud::perform(const QString& node, const QString& uuid, InstanceAction action)
{
    const QMutexLocker locker(&m_lock);
    const auto found = m_instances.find(uuid);
    if (found == m_instances.end() || found->node != node)
        return failure(ErrorCode::NotFound, uuid, QStringLiteral("no such instance on %1").arg(node));
    if (!isActionAllowed(action, found->state))
        return failure(ErrorCode::InvalidInput, found->name, QStringLiteral("not allowed in this state"));
    switch (action) {
    case InstanceAction::Start:
    case InstanceAction::Resume:
    case InstanceAction::Reboot:
        found->state = InstanceState::Running;
        break;
    case InstanceAction::Shutdown:
    case InstanceAction::ForceOff:
        found->state = InstanceState::ShutOff;
        break;
    case InstanceAction::Suspend:
        found->state = InstanceState::Paused;
        break;
    case InstanceAction::Undefine:
        m_instances.erase(found);
        break;
    }
    return {};
}

GuestFacts FakeCloud::guestFacts(const QString& node, const QString& uuid) const
{
    const QMutexLocker locker(&m_lock);
    ++m_guestFactsAsked[uuid];
    GuestFacts facts;
    facts.uuid = uuid;
    const auto found = m_instances.constFind(uuid);
    if (found == m_instances.cend() || found->node != node) {
        facts.error = failure(ErrorCode::NotFound, uuid, QStringLiteral("no such instance on %1").arg(node));
        return facts;
    }
    facts.name = found->name;
    facts.state = found->state;
    facts.vcpus = found->vcpus;
    facts.memoryKiB = found->memoryKiB;
    facts.arch = QStringLiteral("x86_64");
    facts.machine = QStringLiteral("pc-q35-7.2");
    facts.domainType = QStringLiteral("kvm");
    facts.networks = {QStringLiteral("default")};
    facts.sharedDisks = 1;
    facts.valid = true;
    return facts;
}

DestinationFacts FakeCloud::destinationFacts(const QString& node, const GuestFacts& guest) const
{
    const QMutexLocker locker(&m_lock);
    DestinationFacts facts;
    facts.node = node;
    facts.reachable = true;
    facts.cpu = CpuCompatibility::Compatible;
    facts.activeNetworks = {QStringLiteral("default")};
    for (const InstanceSnapshot& instance : m_instances) {
        if (instance.node != node)
            continue;
        facts.nameTaken = facts.nameTaken || instance.name == guest.name;
        facts.uuidTaken = facts.uuidTaken || instance.uuid == guest.uuid;
    }
    return facts;
}

void FakeCloud::attach(FakeNodeSession* session)
{
    const QMutexLocker locker(&m_lock);
    m_sessions.insert(session->nodeName(), session);
}

void FakeCloud::detach(FakeNodeSession* session)
{
    const QMutexLocker locker(&m_lock);
    if (m_sessions.value(session->nodeName()) == session)
        m_sessions.remove(session->nodeName());
}

void FakeCloud::move(const QString& uuid, const QString& from, const QString& to)
{
    const QMutexLocker locker(&m_lock);
    const auto found = m_instances.find(uuid);
    if (found == m_instances.end() || found->node != from)
        return;
    found->node = to;
    ++m_moves;
    refreshLocked(to);
    refreshLocked(from);
}

void FakeCloud::refreshLocked(const QString& node) const
{
    // Posted under the lock, so the session cannot be deleted in between (its destructor detaches
    // under the lock); Qt drops the call if it is deleted before its thread gets to it.
    FakeNodeSession* session = m_sessions.value(node);
    if (session)
        handoff::post(session, [session] { session->refreshNow(); });
}

} // namespace kumo

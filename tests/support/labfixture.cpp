// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/labfixture.h"

#include <utility>

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QtGlobal>

#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "lab/labplan.h"

namespace kumo {

namespace {

// What every lab test relies on: LabPlan's layout of two campuses.
constexpr int LabNodes = 4;
constexpr int LabGuests = 8;
constexpr int HeardTimeoutMs = 30000;

Error fixtureError(ErrorCode code, const QString& object, const QString& message)
{
    Error error;
    error.code = code;
    error.object = object;
    error.message = message;
    return error;
}

// libvirt on `uri` asked for the domain `name`: nullopt when it does not know it; an error
// ConnectionFailed when it cannot be reached, another when it does not answer.
Result<std::optional<DirectConnection::Domain>> lookUp(const QString& uri, const QString& name)
{
    const Result<DirectConnection> connection = DirectConnection::open(uri);
    if (!connection.ok()) {
        Error error = connection.error();
        error.code = ErrorCode::ConnectionFailed;
        return error;
    }
    const Result<QList<DirectConnection::Domain>> domains = connection->domains();
    if (!domains.ok())
        return fixtureError(ErrorCode::OperationFailed, uri, QStringLiteral("cannot list domains"));
    for (const DirectConnection::Domain& domain : domains.value()) {
        if (domain.name == name)
            return std::optional<DirectConnection::Domain>(domain);
    }
    return std::optional<DirectConnection::Domain>();
}

} // namespace

LabFixture::LabFixture(QString testName)
    : m_testName(std::move(testName))
{}

LabFixture::~LabFixture()
{
    (void)tearDown();
}

Result<void> LabFixture::setUp(Console console, bool access)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("kumo-tests"));
    QCoreApplication::setApplicationName(m_testName);
    QSettings().clear();

    Lab::UpOptions options;
    options.kumoExecutable = QStringLiteral(KUMO_BINARY);
    options.ownerPid = QCoreApplication::applicationPid();
    options.access = access;
    Result<LabInfo> lab = Lab::up(options);
    if (!lab.ok())
        return lab.error();
    m_lab = lab.value();
    m_info = lab.value();
    if (m_info.nodes.size() != LabNodes || m_info.guests.size() != LabGuests) {
        return fixtureError(ErrorCode::Internal, m_info.id,
                            QStringLiteral("the lab has %1 nodes and %2 guests, not %3 and %4")
                                .arg(m_info.nodes.size())
                                .arg(m_info.guests.size())
                                .arg(LabNodes)
                                .arg(LabGuests));
    }
    Result<Inventory> inventory = Inventory::load(m_info.inventoryPath);
    if (!inventory.ok())
        return inventory.error();
    m_inventory = inventory.value();
    if (console == Console::None)
        return {};

    m_cluster = std::make_unique<ClusterController>();
    m_cluster->setInventory(m_inventory);
    if (Result<void> heard = waitUntilHeard(*m_cluster); !heard.ok())
        return heard;
    if (console == Console::ClusterAndMigrations) {
        if (!m_dir.isValid())
            return fixtureError(ErrorCode::Io, m_dir.path(), QStringLiteral("no temporary directory"));
        m_migrations = std::make_unique<MigrationController>(m_cluster.get(),
                                                             m_dir.filePath(QStringLiteral("journal.jsonl")));
    }
    return {};
}

Result<void> LabFixture::tearDown()
{
    m_migrations.reset();
    if (m_cluster)
        m_cluster->shutdown();
    m_cluster.reset();
    Result<void> down;
    if (m_lab) {
        down = Lab::down(m_lab->id);
        m_lab.reset();
        QSettings().clear();
    }
    return down;
}

Result<void> LabFixture::waitUntilHeard(const ClusterController& cluster) const
{
    if (!QTest::qWaitFor([&] { return cluster.connectedNodeCount() == LabNodes; }, HeardTimeoutMs)) {
        return fixtureError(
            ErrorCode::Timeout, m_info.id,
            QStringLiteral("%1 of %2 nodes connected").arg(cluster.connectedNodeCount()).arg(LabNodes));
    }
    if (!QTest::qWaitFor([&] { return cluster.runningInstanceCount() == LabGuests; }, HeardTimeoutMs)) {
        return fixtureError(
            ErrorCode::Timeout, m_info.id,
            QStringLiteral("%1 of %2 guests running").arg(cluster.runningInstanceCount()).arg(LabGuests));
    }
    return {};
}

Result<void> LabFixture::waitForFilledMemory(int timeoutMsPerGuest) const
{
    for (const LabPlan::Guest& guest : LabPlan::guests()) {
        if (!QTest::qWaitFor([&] { return hasFilledMemory(guest.name, guest.homeNode); }, timeoutMsPerGuest))
            return fixtureError(ErrorCode::Timeout, guest.name, QStringLiteral("memory not filled"));
    }
    return {};
}

const NodeConfig* LabFixture::node(const QString& name) const
{
    return m_inventory.node(name);
}

QString LabFixture::uriOf(const QString& node) const
{
    const NodeConfig* config = m_inventory.node(node);
    return config ? config->uri : QString();
}

QString LabFixture::uuidOf(const QString& name) const
{
    for (const InstanceSnapshot& instance : m_cluster->instances()) {
        if (instance.name == name)
            return instance.uuid;
    }
    return {};
}

QString LabFixture::nodeOf(const QString& name) const
{
    const InstanceSnapshot* instance = m_cluster->instance(uuidOf(name));
    return instance ? instance->node : QString();
}

bool LabFixture::movedTo(const QString& name, const QString& from, const QString& to) const
{
    return nodeOf(name) == to && libvirtMovedTo(name, from, to);
}

QString LabFixture::stateOn(const QString& node, const QString& name) const
{
    return domainStateOn(uriOf(node), name);
}

bool LabFixture::libvirtMovedTo(const QString& name, const QString& from, const QString& to) const
{
    return stateOn(to, name) == QStringLiteral("running") && stateOn(from, name).isEmpty();
}

QStringList LabFixture::nodesKnowing(const QString& name, QStringList* running) const
{
    QStringList known;
    for (const NodeConfig& node : m_inventory.nodes) {
        const QString state = domainStateOn(node.uri, name);
        if (state.isEmpty())
            continue;
        known.append(node.name);
        if (running && state == QStringLiteral("running"))
            running->append(node.name);
    }
    return known;
}

QStringList LabFixture::nodesPersisting(const QString& name) const
{
    QStringList persisting;
    for (const NodeConfig& node : m_inventory.nodes) {
        const std::optional<DirectConnection::Domain> domain = domainOn(node.uri, name);
        if (domain && domain->persistent)
            persisting.append(node.name);
    }
    return persisting;
}

Result<void> LabFixture::restartDaemons()
{
    if (!m_lab)
        return fixtureError(ErrorCode::Internal, m_testName, QStringLiteral("no lab is up"));
    Result<LabInfo> state = Lab::restartDaemons(m_info.dir);
    if (!state)
        return state.error();
    m_info.nodes = state.value().nodes;
    return {};
}

bool LabFixture::definedOn(const QString& name, const QString& node) const
{
    return domainOn(uriOf(node), name).has_value();
}

QString LabFixture::libvirtUuidOf(const QString& name, const QString& node) const
{
    const std::optional<DirectConnection::Domain> domain = domainOn(uriOf(node), name);
    return domain ? domain->uuid : QString();
}

bool LabFixture::hasFilledMemory(const QString& name, const QString& node) const
{
    const Result<DirectConnection> connection = DirectConnection::open(uriOf(node));
    return connection.ok() && hasFilledMemory(connection.value(), name);
}

bool LabFixture::hasFilledMemory(const DirectConnection& connection, const QString& name)
{
    const Result<quint32> state = connection.readPhysicalWord(name, LabPlan::GuestStateAddress);
    return state.ok() && state.value() == LabPlan::GuestStateFilled;
}

std::optional<DirectConnection::Domain> LabFixture::domainOn(const QString& uri, const QString& name)
{
    const Result<std::optional<DirectConnection::Domain>> domain = lookUp(uri, name);
    return domain.ok() ? domain.value() : std::nullopt;
}

QString LabFixture::domainStateOn(const QString& uri, const QString& name)
{
    const Result<std::optional<DirectConnection::Domain>> domain = lookUp(uri, name);
    if (!domain.ok()) {
        if (domain.error().code != ErrorCode::ConnectionFailed)
            return QStringLiteral("<unreadable>");
        qWarning("cannot open %s: %s", qPrintable(uri), qPrintable(domain.error().toString()));
        return QStringLiteral("<unreachable>");
    }
    return domain.value() ? domain.value()->state : QString();
}

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "virt/directconnection.h"

#include <cstring>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <QByteArray>

#include "virt/eventloop.h"
#include "virt/hostfacts.h"
#include "virt/virterror.h"

namespace kumo {

namespace {

struct DomainDeleter
{
    void operator()(virDomainPtr domain) const
    {
        if (domain)
            virDomainFree(domain);
    }
};
using DomainHandle = std::unique_ptr<virDomain, DomainDeleter>;

QString stateKey(int state)
{
    switch (state) {
    case VIR_DOMAIN_RUNNING:
        return QStringLiteral("running");
    case VIR_DOMAIN_BLOCKED:
        return QStringLiteral("blocked");
    case VIR_DOMAIN_PAUSED:
        return QStringLiteral("paused");
    case VIR_DOMAIN_SHUTDOWN:
        return QStringLiteral("shutdown");
    case VIR_DOMAIN_SHUTOFF:
        return QStringLiteral("shutoff");
    case VIR_DOMAIN_CRASHED:
        return QStringLiteral("crashed");
    case VIR_DOMAIN_PMSUSPENDED:
        return QStringLiteral("pmsuspended");
    default:
        return QStringLiteral("nostate");
    }
}

} // namespace

struct DirectConnection::Impl
{
    virConnectPtr connection = nullptr;
    QString uri;

    ~Impl()
    {
        if (connection)
            virConnectClose(connection);
    }

    [[nodiscard]] Result<DomainHandle> lookup(const QString& name) const
    {
        DomainHandle domain(virDomainLookupByName(connection, name.toUtf8().constData()));
        if (!domain)
            return VirtError::lastError(name, ErrorCode::NotFound);
        return domain;
    }
};

DirectConnection::DirectConnection(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{}

DirectConnection::DirectConnection(DirectConnection&& other) noexcept = default;
DirectConnection& DirectConnection::operator=(DirectConnection&& other) noexcept = default;
DirectConnection::~DirectConnection() = default;

Result<DirectConnection> DirectConnection::open(const QString& uri)
{
    EventLoop::ensureRunning();
    auto impl = std::make_unique<Impl>();
    impl->uri = uri;
    impl->connection = virConnectOpen(uri.toUtf8().constData());
    if (!impl->connection)
        return VirtError::lastError(uri, ErrorCode::ConnectionFailed);
    if (virConnectSetKeepAlive(impl->connection, HostFacts::KeepAliveIntervalS, HostFacts::KeepAliveCount) <
        0)
        virResetLastError(); // not supported by the test driver: harmless
    return DirectConnection(std::move(impl));
}

QString DirectConnection::uri() const
{
    return m_impl->uri;
}

Result<QString> DirectConnection::hostname() const
{
    char* name = virConnectGetHostname(m_impl->connection);
    if (!name)
        return VirtError::lastError(m_impl->uri);
    const QString result = QString::fromUtf8(name);
    free(name);
    return result;
}

Result<void> DirectConnection::defineAndStart(const QString& domainXml)
{
    const DomainHandle domain(virDomainDefineXML(m_impl->connection, domainXml.toUtf8().constData()));
    if (!domain)
        return VirtError::lastError(m_impl->uri);
    if (virDomainCreate(domain.get()) < 0)
        return VirtError::lastError(QString::fromUtf8(virDomainGetName(domain.get())));
    return {};
}

Result<void> DirectConnection::destroy(const QString& domainName)
{
    auto domain = m_impl->lookup(domainName);
    if (!domain)
        return domain.error();
    if (virDomainDestroy(domain.value().get()) < 0)
        return VirtError::lastError(domainName);
    return {};
}

Result<QList<DirectConnection::Domain>> DirectConnection::domains() const
{
    virDomainPtr* list = nullptr;
    const int count = virConnectListAllDomains(m_impl->connection, &list, 0);
    if (count < 0)
        return VirtError::lastError(m_impl->uri);
    QList<Domain> result;
    for (int i = 0; i < count; ++i) {
        const DomainHandle domain(list[i]);
        Domain entry;
        entry.name = QString::fromUtf8(virDomainGetName(domain.get()));
        char uuid[VIR_UUID_STRING_BUFLEN] = {};
        if (virDomainGetUUIDString(domain.get(), uuid) == 0)
            entry.uuid = QString::fromLatin1(uuid);
        int state = VIR_DOMAIN_NOSTATE;
        int reason = 0;
        if (virDomainGetState(domain.get(), &state, &reason, 0) == 0)
            entry.state = stateKey(state);
        else
            entry.state = stateKey(VIR_DOMAIN_NOSTATE);
        entry.persistent = virDomainIsPersistent(domain.get()) == 1;
        result.append(entry);
    }
    free(list);
    return result;
}

Result<QStringList> DirectConnection::runningDomainNames() const
{
    virDomainPtr* list = nullptr;
    const int count = virConnectListAllDomains(m_impl->connection, &list, VIR_CONNECT_LIST_DOMAINS_ACTIVE);
    if (count < 0)
        return VirtError::lastError(m_impl->uri);
    QStringList names;
    for (int i = 0; i < count; ++i) {
        const DomainHandle domain(list[i]);
        names.append(QString::fromUtf8(virDomainGetName(domain.get())));
    }
    free(list);
    names.sort();
    return names;
}

Result<QByteArray> DirectConnection::readPhysicalMemory(const QString& domainName, quint64 address,
                                                        int size) const
{
    if (size <= 0 || size > 65536)
        return Error{
            ErrorCode::InvalidInput, domainName, tr("A memory read must cover 1 to 65536 bytes."), {}};
    auto domain = m_impl->lookup(domainName);
    if (!domain)
        return domain.error();
    QByteArray buffer(size, '\0');
    if (virDomainMemoryPeek(domain.value().get(), address, static_cast<size_t>(size), buffer.data(),
                            VIR_MEMORY_PHYSICAL) < 0)
        return VirtError::lastError(domainName);
    return buffer;
}

Result<quint32> DirectConnection::readPhysicalWord(const QString& domainName, quint64 address) const
{
    auto bytes = readPhysicalMemory(domainName, address, 4);
    if (!bytes)
        return bytes.error();
    const auto* data = reinterpret_cast<const uchar*>(bytes.value().constData());
    // Guest memory of an x86 guest is little endian whatever the host is.
    return quint32(data[0]) | quint32(data[1]) << 8 | quint32(data[2]) << 16 | quint32(data[3]) << 24;
}

} // namespace kumo

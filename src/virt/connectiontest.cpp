// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "virt/connectiontest.h"

#include <cstdlib>
#include <memory>

#include <libvirt/libvirt.h>

#include <QXmlStreamReader>

#include "core/connectionsecurity.h"
#include "virt/hostfacts.h"
#include "virt/virterror.h"

namespace kumo {

namespace {

struct CloseConnection
{
    void operator()(virConnectPtr conn) const { virConnectClose(conn); }
};

// /capabilities/host/cpu/model
QString cpuModel(const char* xml)
{
    QXmlStreamReader reader{QByteArray(xml)};
    QStringList path;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            path.append(reader.name().toString());
            if (path == QStringList{QStringLiteral("capabilities"), QStringLiteral("host"),
                                    QStringLiteral("cpu"), QStringLiteral("model")})
                return reader.readElementText().trimmed();
        } else if (token == QXmlStreamReader::EndElement) {
            path.removeLast();
        }
    }
    return {};
}

} // namespace

QString ConnectionTest::versionText(unsigned long version)
{
    return QStringLiteral("%1.%2.%3").arg(version / 1000000).arg((version / 1000) % 1000).arg(version % 1000);
}

Result<ConnectionFacts> ConnectionTest::run(const NodeConfig& node, CredentialProvider* credentials)
{
    // Checked here too, so the refusal does not depend on how openConnection() is reached.
    if (const Result<void> secure = ConnectionSecurity::check(node); !secure)
        return secure.error();
    Error error;
    std::unique_ptr<virConnect, CloseConnection> conn(HostFacts::openConnection(node, credentials, error));
    if (!conn)
        return error;

    ConnectionFacts facts;
    facts.uri = node.uri;
    facts.readOnly = node.readOnly;
    if (char* hostname = virConnectGetHostname(conn.get())) {
        facts.hostname = QString::fromUtf8(hostname);
        std::free(hostname);
    } else {
        return VirtError::lastError(node.name);
    }
    unsigned long version = 0;
    if (virConnectGetLibVersion(conn.get(), &version) == 0)
        facts.libvirtVersion = versionText(version);
    if (const char* type = virConnectGetType(conn.get()))
        facts.hypervisor = QString::fromUtf8(type); // owned by libvirt: not freed
    version = 0;
    if (virConnectGetVersion(conn.get(), &version) == 0 && version > 0)
        facts.hypervisorVersion = versionText(version);
    if (char* capabilities = virConnectGetCapabilities(conn.get())) {
        facts.cpuModel = cpuModel(capabilities);
        std::free(capabilities);
    }
    virNodeInfo info{};
    if (virNodeGetInfo(conn.get(), &info) == 0) {
        facts.memoryKiB = info.memory;
        facts.cpus = static_cast<int>(info.cpus);
    } else {
        return VirtError::lastError(node.name);
    }
    return facts;
}

} // namespace kumo

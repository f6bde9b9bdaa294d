// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "virt/hostfacts.h"

#include <cstdlib>
#include <cstring>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include "core/connectionsecurity.h"
#include "core/credentialprovider.h"
#include "virt/eventloop.h"
#include "virt/virterror.h"

namespace kumo {

namespace {

struct AuthContext
{
    CredentialProvider* provider = nullptr;
    QString node;
    QString uri;
    // Requests the provider answered, kept until the outcome is known (finished()) and wiped then.
    QList<CredentialRequest> answered;
    QString refusal; // the provider's words when it refused
};

static_assert(static_cast<int>(CredentialRequest::Type::Username) == VIR_CRED_USERNAME);
static_assert(static_cast<int>(CredentialRequest::Type::Passphrase) == VIR_CRED_PASSPHRASE);
static_assert(static_cast<int>(CredentialRequest::Type::External) == VIR_CRED_EXTERNAL);

QString fromC(const char* text)
{
    return text ? QString::fromUtf8(text) : QString();
}

// Runs inside virConnectOpenAuth on the opening thread.
int authenticate(virConnectCredentialPtr creds, unsigned int count, void* data)
{
    auto* context = static_cast<AuthContext*>(data);
    if (!context->provider)
        return -1;
    CredentialRequest request;
    request.node = context->node;
    request.uri = context->uri;
    for (unsigned int i = 0; i < count; ++i) {
        CredentialRequest::Item item;
        item.type = static_cast<CredentialRequest::Type>(creds[i].type);
        item.prompt = fromC(creds[i].prompt);
        item.challenge = fromC(creds[i].challenge);
        item.defaultResult = fromC(creds[i].defresult);
        request.items.append(item);
    }
    bool provided = false;
    {
        const WaitingForPerson waiting;
        provided = context->provider->provide(request);
    }
    if (!provided) {
        context->refusal = request.refusal;
        request.wipe();
        return -1;
    }
    // From here on the provider hears the outcome, whatever libvirt makes of the answers.
    context->answered.append(request);
    request.wipe();
    const CredentialRequest& answered = context->answered.constLast();
    if (answered.items.size() != static_cast<qsizetype>(count))
        return -1;
    for (unsigned int i = 0; i < count; ++i) {
        if (!answered.items.at(i).answered)
            return -1;
    }
    for (unsigned int i = 0; i < count; ++i) {
        QByteArray value = answered.items.at(i).result.toUtf8();
        // libvirt frees the result with free(), so it must come from malloc.
        auto* copy = static_cast<char*>(std::malloc(static_cast<size_t>(value.size()) + 1));
        if (!copy)
            return -1;
        std::memcpy(copy, value.constData(), static_cast<size_t>(value.size()) + 1);
        creds[i].result = copy;
        creds[i].resultlen = static_cast<unsigned int>(value.size());
        value.fill('\0');
    }
    return 0;
}

quint64 toKiB(quint64 value, QStringView unit)
{
    const QString u = unit.toString().toLower();
    if (u.isEmpty() || u == u"k" || u == u"kib")
        return value;
    if (u == u"b" || u == u"bytes")
        return value / 1024;
    if (u == u"kb")
        return value * 1000 / 1024;
    if (u == u"m" || u == u"mib")
        return value * 1024;
    if (u == u"mb")
        return value * 1000 * 1000 / 1024;
    if (u == u"g" || u == u"gib")
        return value * 1024 * 1024;
    if (u == u"gb")
        return value * 1000 * 1000 * 1000 / 1024;
    if (u == u"t" || u == u"tib")
        return value * 1024 * 1024 * 1024;
    return value;
}

InstanceState stateFrom(int state)
{
    return state >= 0 && state <= static_cast<int>(InstanceState::PmSuspended)
               ? static_cast<InstanceState>(state)
               : InstanceState::NoState;
}

// Serializes the element the reader stands on, with everything inside it.
QString copySubtree(QXmlStreamReader& reader)
{
    QString text;
    QXmlStreamWriter writer(&text);
    int depth = 0;
    do {
        if (reader.tokenType() == QXmlStreamReader::StartElement)
            ++depth;
        else if (reader.tokenType() == QXmlStreamReader::EndElement)
            --depth;
        writer.writeCurrentToken(reader);
        if (depth == 0)
            break;
        reader.readNext();
    } while (!reader.atEnd());
    return text;
}

// Names, not stale handles: libvirt lists return objects the caller must free.
template <typename T, typename Free> void freeAll(T** list, int count, Free release)
{
    for (int i = 0; i < count; ++i)
        release(list[i]);
    std::free(list);
}

} // namespace

virConnectPtr HostFacts::openConnection(const QString& uri, const QString& node,
                                        CredentialProvider* credentials, Error& error)
{
    NodeConfig config;
    config.name = node;
    config.uri = uri;
    return openConnection(config, credentials, error);
}

virConnectPtr HostFacts::openConnection(const NodeConfig& config, CredentialProvider* credentials,
                                        Error& error)
{
    // Before libvirt resolves a host or opens a socket: nothing, not even a user name, goes out
    // over a path the inventory did not allow.
    if (const Result<void> secure = ConnectionSecurity::check(config); !secure) {
        error = secure.error();
        return nullptr;
    }
    const QString& uri = config.uri;
    const QString& node = config.name;
    static int credentialTypes[] = {VIR_CRED_USERNAME,     VIR_CRED_AUTHNAME,   VIR_CRED_LANGUAGE,
                                    VIR_CRED_CNONCE,       VIR_CRED_PASSPHRASE, VIR_CRED_ECHOPROMPT,
                                    VIR_CRED_NOECHOPROMPT, VIR_CRED_REALM,      VIR_CRED_EXTERNAL};
    AuthContext context{credentials, node, uri, {}, {}};
    virConnectAuth auth{credentialTypes, static_cast<unsigned int>(std::size(credentialTypes)), authenticate,
                        &context};
    const QByteArray utf8 = uri.toUtf8();
    const unsigned int flags = config.readOnly ? VIR_CONNECT_RO : 0;
    // Keepalive (below) needs libvirt's event loop registered before the connection opens.
    EventLoop::ensureRunning();
    virConnectPtr conn = virConnectOpenAuth(utf8.constData(), &auth, flags);
    if (!conn) {
        error = VirtError::lastError(node, ErrorCode::ConnectionFailed);
        // A refused prompt is the reason, not libvirt's generic "failed to collect credentials".
        if (!context.refusal.isEmpty()) {
            error.code = ErrorCode::AuthFailed;
            error.message = context.refusal;
        }
    }
    for (CredentialRequest& request : context.answered) {
        credentials->finished(request, conn != nullptr);
        request.wipe();
    }
    // Every connection Kumo opens has keepalive: a daemon that stops answering closes it (and
    // fails the call waiting on it) instead of holding the calling thread for good. Drivers
    // without keepalive (test, local embedded) answer -1 with "not supported": harmless.
    if (conn) {
        if (virConnectSetKeepAlive(conn, KeepAliveIntervalS, KeepAliveCount) < 0)
            virResetLastError();
    }
    return conn;
}

GuestFacts HostFacts::parseDomainXml(const QByteArray& xml)
{
    GuestFacts facts;
    QXmlStreamReader reader(xml);
    QStringList path; // element names from <domain> down to the current element
    // The <interface> or <disk> being read, until its end tag.
    QString interfaceType;
    QString diskType;
    bool diskHasSource = false;

    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::EndElement) {
            if (path.size() == 3 && path.at(1) == u"devices" && path.at(2) == u"disk") {
                // Network disks live off the node; a file or block device on the node has to be
                // copied. A drive without a source (an empty CD-ROM) carries nothing.
                if (diskType == u"network")
                    ++facts.sharedDisks;
                else if (diskHasSource)
                    ++facts.localDisks;
            }
            path.removeLast();
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = reader.name();
        const QXmlStreamAttributes attributes = reader.attributes();
        if (path.isEmpty()) {
            if (name != u"domain") {
                facts.error =
                    Error{ErrorCode::InvalidInput, {}, tr("The domain description is not a <domain>."),
                          name.toString(),         0,  0};
                return facts;
            }
            facts.domainType = attributes.value(QLatin1StringView("type")).toString();
        } else if (path.size() == 1) {
            if (name == u"cpu") {
                facts.cpuXml = copySubtree(reader);
                continue; // the reader stands on </cpu>: the path is unchanged
            }
            if (name == u"name") {
                facts.name = reader.readElementText().trimmed();
                continue;
            }
            if (name == u"uuid") {
                facts.uuid = reader.readElementText().trimmed().toLower();
                continue;
            }
            if (name == u"vcpu") {
                const QString current = attributes.value(QLatin1StringView("current")).toString();
                const QString text = reader.readElementText().trimmed();
                facts.vcpus = (current.isEmpty() ? text : current).toInt();
                continue;
            }
            if (name == u"memory") {
                const QString unit = attributes.value(QLatin1StringView("unit")).toString();
                facts.memoryKiB = toKiB(reader.readElementText().trimmed().toULongLong(), unit);
                continue;
            }
        } else if (path.size() == 2 && path.at(1) == u"os" && name == u"type") {
            facts.arch = attributes.value(QLatin1StringView("arch")).toString();
            facts.machine = attributes.value(QLatin1StringView("machine")).toString();
        } else if (path.size() == 2 && path.at(1) == u"devices") {
            if (name == u"emulator") {
                facts.emulator = reader.readElementText().trimmed();
                continue;
            }
            if (name == u"interface") {
                interfaceType = attributes.value(QLatin1StringView("type")).toString();
            } else if (name == u"disk") {
                diskType = attributes.value(QLatin1StringView("type")).toString();
                diskHasSource = false;
            }
        } else if (path.size() == 3 && path.at(1) == u"devices" && name == u"source") {
            if (path.at(2) == u"interface") {
                if (interfaceType == u"network" && attributes.hasAttribute(QLatin1StringView("network")))
                    facts.networks.append(attributes.value(QLatin1StringView("network")).toString());
                else if (interfaceType == u"bridge" && attributes.hasAttribute(QLatin1StringView("bridge")))
                    facts.bridges.append(attributes.value(QLatin1StringView("bridge")).toString());
            } else if (path.at(2) == u"disk") {
                diskHasSource = attributes.hasAttribute(QLatin1StringView("file")) ||
                                attributes.hasAttribute(QLatin1StringView("dev")) ||
                                attributes.hasAttribute(QLatin1StringView("volume")) ||
                                attributes.hasAttribute(QLatin1StringView("name")) ||
                                attributes.hasAttribute(QLatin1StringView("dir"));
            }
        }
        path.append(name.toString());
    }
    if (reader.hasError()) {
        facts.error = Error{ErrorCode::InvalidInput,
                            {},
                            tr("The domain description from libvirt could not be read."),
                            reader.errorString(),
                            static_cast<int>(reader.lineNumber()),
                            static_cast<int>(reader.columnNumber())};
        return facts;
    }
    facts.networks.removeDuplicates();
    facts.bridges.removeDuplicates();
    facts.valid = !facts.uuid.isEmpty();
    return facts;
}

GuestFacts HostFacts::guestFacts(virConnectPtr conn, const QString& node, const QString& uuid)
{
    GuestFacts facts;
    facts.uuid = uuid;
    auto failed = [&](Error error) {
        facts.valid = false;
        facts.error = std::move(error);
        return facts;
    };
    if (!conn)
        return failed(VirtError::withoutDetail(ErrorCode::ConnectionFailed, node));

    const QByteArray uuidUtf8 = uuid.toUtf8();
    virDomainPtr domain = virDomainLookupByUUIDString(conn, uuidUtf8.constData());
    if (!domain)
        return failed(VirtError::lastError(node));
    // The migratable form is what the destination will receive (no runtime-only details).
    char* xml = virDomainGetXMLDesc(domain, VIR_DOMAIN_XML_MIGRATABLE);
    if (!xml) {
        VirtError::clearLastError();
        xml = virDomainGetXMLDesc(domain, 0);
    }
    if (!xml) {
        const Error error = VirtError::lastError(node);
        virDomainFree(domain);
        return failed(error);
    }
    GuestFacts parsed = parseDomainXml(QByteArray(xml));
    std::free(xml);
    int state = VIR_DOMAIN_NOSTATE;
    int reason = 0;
    if (virDomainGetState(domain, &state, &reason, 0) < 0) {
        const Error error = VirtError::lastError(node);
        virDomainFree(domain);
        return failed(error);
    }
    virDomainFree(domain);
    if (!parsed.error.message.isEmpty()) {
        parsed.error.object = node;
        parsed.uuid = uuid;
        return parsed;
    }
    parsed.state = stateFrom(state);
    return parsed;
}

DestinationFacts HostFacts::destinationFacts(virConnectPtr conn, const QString& node, const GuestFacts& guest)
{
    DestinationFacts facts;
    facts.node = node;
    if (!conn) {
        facts.error = VirtError::withoutDetail(ErrorCode::ConnectionFailed, node);
        return facts;
    }
    if (virConnectIsAlive(conn) != 1) {
        facts.error = VirtError::lastError(node, ErrorCode::ConnectionFailed);
        return facts;
    }
    facts.reachable = true;

    if (!guest.cpuXml.isEmpty()) {
        const QByteArray cpu = guest.cpuXml.toUtf8();
        const QByteArray emulator = guest.emulator.toUtf8();
        const QByteArray arch = guest.arch.toUtf8();
        const QByteArray machine = guest.machine.toUtf8();
        const QByteArray virtType = guest.domainType.toUtf8();
        auto orNull = [](const QByteArray& value) { return value.isEmpty() ? nullptr : value.constData(); };
        // FAIL_INCOMPATIBLE makes libvirt say why, instead of only answering "incompatible".
        const int result = virConnectCompareHypervisorCPU(conn, orNull(emulator), orNull(arch),
                                                          orNull(machine), orNull(virtType), cpu.constData(),
                                                          VIR_CONNECT_COMPARE_CPU_FAIL_INCOMPATIBLE);
        if (result == VIR_CPU_COMPARE_IDENTICAL || result == VIR_CPU_COMPARE_SUPERSET) {
            facts.cpu = CpuCompatibility::Compatible;
        } else if (result == VIR_CPU_COMPARE_INCOMPATIBLE) {
            facts.cpu = CpuCompatibility::Incompatible;
        } else {
            const virErrorPtr err = virGetLastError();
            if (err && err->code == VIR_ERR_CPU_INCOMPATIBLE) {
                facts.cpu = CpuCompatibility::Incompatible;
                facts.cpuDetail = fromC(err->message);
            } else {
                // host-passthrough, a driver without CPU models, TCG: the check cannot decide.
                facts.cpuDetail = err ? fromC(err->message) : QString();
            }
            VirtError::clearLastError();
        }
    }

    virNetworkPtr* networks = nullptr;
    const int networkCount = virConnectListAllNetworks(conn, &networks, 0);
    if (networkCount >= 0) {
        for (int i = 0; i < networkCount; ++i) {
            const QString name = fromC(virNetworkGetName(networks[i]));
            (virNetworkIsActive(networks[i]) == 1 ? facts.activeNetworks : facts.inactiveNetworks)
                .append(name);
        }
        freeAll(networks, networkCount, virNetworkFree);
    }
    VirtError::clearLastError(); // a session daemon may have no network driver

    virInterfacePtr* interfaces = nullptr;
    const int interfaceCount = virConnectListAllInterfaces(conn, &interfaces, 0);
    if (interfaceCount >= 0) {
        facts.bridgesKnown = true;
        for (int i = 0; i < interfaceCount; ++i)
            facts.bridges.append(fromC(virInterfaceGetName(interfaces[i])));
        freeAll(interfaces, interfaceCount, virInterfaceFree);
    }
    VirtError::clearLastError();

    if (!guest.name.isEmpty()) {
        const QByteArray name = guest.name.toUtf8();
        if (virDomainPtr domain = virDomainLookupByName(conn, name.constData())) {
            facts.nameTaken = true;
            virDomainFree(domain);
        }
    }
    if (!guest.uuid.isEmpty()) {
        const QByteArray uuid = guest.uuid.toUtf8();
        if (virDomainPtr domain = virDomainLookupByUUIDString(conn, uuid.constData())) {
            facts.uuidTaken = true;
            virDomainFree(domain);
        }
    }
    VirtError::clearLastError();

    const QByteArray virtType = guest.domainType.toUtf8();
    const int maxVcpus = virConnectGetMaxVcpus(conn, virtType.isEmpty() ? nullptr : virtType.constData());
    facts.maxVcpus = maxVcpus > 0 ? maxVcpus : 0;
    VirtError::clearLastError();
    return facts;
}

} // namespace kumo

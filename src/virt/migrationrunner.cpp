// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "virt/migrationrunner.h"

#include <atomic>
#include <cstdlib>
#include <limits>
#include <optional>
#include <thread>
#include <utility>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include "core/threadhandoff.h"
#include "virt/eventloop.h"
#include "virt/hostfacts.h"
#include "virt/virterror.h"

namespace kumo {

namespace {

// The two ends as HostFacts::openConnection checks them (transport security). Never read-only:
// the controller refuses migrations that touch a read-only node before a runner exists.
NodeConfig sourceConfig(const MigrationRequest& r)
{
    NodeConfig config;
    config.name = r.sourceNode;
    config.uri = r.sourceUri;
    config.allowInsecure = r.sourceAllowInsecure;
    return config;
}

NodeConfig destinationConfig(const MigrationRequest& r)
{
    NodeConfig config;
    config.name = r.destinationNode;
    config.uri = r.destinationUri;
    config.allowInsecure = r.destinationAllowInsecure;
    return config;
}

constexpr int PollIntervalMs = 500;
// What libvirt's QEMU driver uses for "no limit" (its default): bandwidth 0 means unlimited to
// Kumo but is a real value to libvirt.
constexpr unsigned long UnlimitedBandwidthMiBs =
    static_cast<unsigned long>(std::numeric_limits<qint64>::max() / (qint64{1024} * 1024));

class Messages
{
    Q_DECLARE_TR_FUNCTIONS(kumo::MigrationRunner)

public:
    static QString cancelled(const QString& name, const QString& node)
    {
        return tr("The migration of %1 was cancelled. The instance keeps running on %2.").arg(name, node);
    }
    static QString failed(const QString& name, const QString& from, const QString& to)
    {
        return tr("%1 could not be moved from %2 to %3. It stays on %2; the details give libvirt's reason.")
            .arg(name, from, to);
    }
    static QString sourceLost(const QString& name, const QString& from, const QString& to)
    {
        return tr("The connection to libvirtd on %2, the source, was lost while %1 was moving to %3, so "
                  "the outcome is not known. Where %1 runs is shown once both nodes answer again.")
            .arg(name, from, to);
    }
    static QString noJob() { return tr("No migration is running for this instance."); }
    static QString noPostCopy()
    {
        return tr("Post-copy was not allowed when this migration started, so it cannot switch to post-copy.");
    }
};

quint64 jobField(virTypedParameterPtr params, int count, const char* name)
{
    unsigned long long value = 0;
    return virTypedParamsGetULLong(params, count, name, &value) == 1 ? value : 0;
}

bool hasField(virTypedParameterPtr params, int count, const char* name)
{
    return virTypedParamsGet(params, count, name) != nullptr;
}

} // namespace

struct MigrationRunner::Impl
{
    virConnectPtr source = nullptr;
    virConnectPtr destination = nullptr;
    virDomainPtr domain = nullptr;
    // A second connection to the source for polling, abort and tuning: on the connection that
    // carries the blocking migrate call, the daemon answers tuning calls only after it returns.
    virConnectPtr control = nullptr;
    virDomainPtr controlDomain = nullptr;
    std::thread job;
    QTimer* pollTimer = nullptr;
    QElapsedTimer wall;

    // Written by the job thread before it posts jobFinished(); read after join().
    bool migrateOk = false;
    Error migrateError;

    bool started = false;
    bool finished = false;
    bool cancelRequested = false;
    bool abortSent = false;
    bool postCopyRequested = false;
    // Tuning asked for before memory moves is held back: while the job sets up, libvirt may block
    // the call until setup ends and then overwrites the bandwidth with the start parameters.
    bool dataFlowing = false;
    std::optional<quint64> pendingBandwidth;
    std::optional<qint64> pendingDowntime;
    quint64 lastRemaining = 0;
    bool haveRemaining = false;
    MigrationProgress lastProgress;

    void release()
    {
        if (domain)
            virDomainFree(domain);
        if (controlDomain)
            virDomainFree(controlDomain);
        if (control)
            virConnectClose(control);
        controlDomain = nullptr;
        control = nullptr;
        if (destination)
            virConnectClose(destination);
        if (source)
            virConnectClose(source);
        domain = nullptr;
        destination = nullptr;
        source = nullptr;
        VirtError::clearLastError();
    }
};

MigrationRunner::MigrationRunner(MigrationRequest request, CredentialProvider* credentials, QObject* parent)
    : MigrationJob(parent)
    , m_request(std::move(request))
    , m_credentials(credentials)
    , m_impl(std::make_unique<Impl>())
{
    m_impl->pollTimer = new QTimer(this);
    m_impl->pollTimer->setInterval(PollIntervalMs);
    connect(m_impl->pollTimer, &QTimer::timeout, this, [this] { poll(); });
}

MigrationRunner::~MigrationRunner()
{
    // Deleted while the call still blocks (application shutdown): abort it rather than leave a
    // thread behind that uses freed handles.
    if (m_impl->job.joinable()) {
        if (m_impl->domain)
            virDomainAbortJob(m_impl->controlDomain);
        m_impl->job.join();
    }
    m_impl->release();
}

void MigrationRunner::finish(MigrationResult result)
{
    if (m_impl->finished)
        return;
    m_impl->finished = true;
    m_impl->pollTimer->stop();
    if (m_impl->job.joinable())
        m_impl->job.join();
    m_impl->release();
    result.id = m_request.id;
    if (result.wallTimeMs == 0 && m_impl->wall.isValid())
        result.wallTimeMs = m_impl->wall.elapsed();
    handoff::emitAcross(this, &MigrationJob::finished, result);
}

void MigrationRunner::fail(const Error& error)
{
    MigrationResult result;
    result.phase = error.code == ErrorCode::Cancelled ? MigrationPhase::Cancelled : MigrationPhase::Failed;
    result.error = error;
    finish(result);
}

void MigrationRunner::start()
{
    if (m_impl->started)
        return;
    m_impl->started = true;
    m_impl->wall.start();
    const MigrationRequest& r = m_request;
    const MigrationOptions& o = r.options;
    if (m_impl->cancelRequested) {
        fail(Error{ErrorCode::Cancelled, r.name, Messages::cancelled(r.name, r.sourceNode), {}, 0, 0});
        return;
    }
    // Keepalive and close callbacks of the remote driver need libvirt's event loop.
    EventLoop::ensureRunning();

    Error error;
    m_impl->source = HostFacts::openConnection(sourceConfig(r), m_credentials, error);
    if (!m_impl->source) {
        fail(error);
        return;
    }
    const QByteArray uuid = r.uuid.toUtf8();
    m_impl->domain = virDomainLookupByUUIDString(m_impl->source, uuid.constData());
    if (!m_impl->domain) {
        fail(VirtError::lastError(r.name));
        return;
    }
    m_impl->control = HostFacts::openConnection(sourceConfig(r), m_credentials, error);
    if (!m_impl->control) {
        fail(error);
        return;
    }
    m_impl->controlDomain = virDomainLookupByUUIDString(m_impl->control, uuid.constData());
    if (!m_impl->controlDomain) {
        fail(VirtError::lastError(r.name));
        return;
    }
    if (!o.peerToPeer && r.transport != MigrationTransport::Tunnelled) {
        m_impl->destination = HostFacts::openConnection(destinationConfig(r), m_credentials, error);
        if (!m_impl->destination) {
            fail(error);
            return;
        }
    }

    // QEMU keeps the downtime limit as a migration parameter of the running guest, so it can be
    // set before the job starts (libvirt 9 has no migrate parameter for it).
    if (o.maxDowntimeMs > 0 && virDomainMigrateSetMaxDowntime(
                                   m_impl->domain, static_cast<unsigned long long>(o.maxDowntimeMs), 0) < 0)
        handoff::emitAcross(this, &MigrationJob::tuningFailed, r.id, VirtError::lastError(r.name));

    virTypedParameterPtr params = nullptr;
    int count = 0;
    int capacity = 0;
    bool paramsOk = true;
    // A tunnel carries the stream inside the daemons' connection: there is no data URI.
    const bool tunnelled = r.transport == MigrationTransport::Tunnelled;
    const QByteArray migrationUri = tunnelled ? QByteArray() : r.migrationUri.toUtf8();
    if (!migrationUri.isEmpty())
        paramsOk = virTypedParamsAddString(&params, &count, &capacity, VIR_MIGRATE_PARAM_URI,
                                           migrationUri.constData()) == 0;
    // QEMU checks the destination's certificate against this name (LAB.md: "tls.destination").
    const QByteArray tlsDestination = r.tlsDestination.toUtf8();
    if (paramsOk && r.transport == MigrationTransport::Tls && !tlsDestination.isEmpty())
        paramsOk = virTypedParamsAddString(&params, &count, &capacity, VIR_MIGRATE_PARAM_TLS_DESTINATION,
                                           tlsDestination.constData()) == 0;
    if (paramsOk && o.bandwidthMiBs > 0)
        paramsOk = virTypedParamsAddULLong(&params, &count, &capacity, VIR_MIGRATE_PARAM_BANDWIDTH,
                                           o.bandwidthMiBs) == 0;
    if (!paramsOk) {
        virTypedParamsFree(params, count);
        fail(VirtError::lastError(r.name));
        return;
    }

    // Offline here means "not live": the running guest is paused while its memory moves and
    // resumes on the destination. (VIR_MIGRATE_OFFLINE moves only the definition of a stopped
    // guest; the pre-flight check only lets running or paused guests through.)
    unsigned int flags = 0;
    if (o.live)
        flags |= VIR_MIGRATE_LIVE;
    if (o.persistDestination)
        flags |= VIR_MIGRATE_PERSIST_DEST;
    if (o.undefineSource)
        flags |= VIR_MIGRATE_UNDEFINE_SOURCE;
    if (o.autoConverge)
        flags |= VIR_MIGRATE_AUTO_CONVERGE;
    if (o.compression)
        flags |= VIR_MIGRATE_COMPRESSED;
    if (o.allowPostCopy)
        flags |= VIR_MIGRATE_POSTCOPY;
    if (o.copyStorage)
        flags |= VIR_MIGRATE_NON_SHARED_DISK;
    if (o.peerToPeer || tunnelled)
        flags |= VIR_MIGRATE_PEER2PEER;
    if (tunnelled)
        flags |= VIR_MIGRATE_TUNNELLED;
    else if (r.transport == MigrationTransport::Tls)
        flags |= VIR_MIGRATE_TLS;

    MigrationProgress starting;
    starting.id = r.id;
    starting.phase = MigrationPhase::Starting;
    m_impl->lastProgress = starting;
    handoff::emitAcross(this, &MigrationJob::progress, starting);

    virDomainPtr domain = m_impl->domain;
    virConnectPtr destination = m_impl->destination;
    const QByteArray destinationUri = r.destinationUri.toUtf8();
    const QString name = r.name;
    m_impl->job = std::thread([this, domain, destination, destinationUri, params, count, flags, name] {
        bool ok = false;
        if (destination) {
            virDomainPtr moved =
                virDomainMigrate3(domain, destination, params, static_cast<unsigned int>(count), flags);
            ok = moved != nullptr;
            if (moved)
                virDomainFree(moved);
        } else {
            ok = virDomainMigrateToURI3(domain, destinationUri.constData(), params,
                                        static_cast<unsigned int>(count), flags) == 0;
        }
        // libvirt keeps errors per thread: read it here, where the call failed.
        m_impl->migrateOk = ok;
        if (!ok)
            m_impl->migrateError = VirtError::lastError(name);
        virTypedParamsFree(params, count);
        QMetaObject::invokeMethod(
            this, [this] { jobFinished(); }, Qt::QueuedConnection);
    });
    m_impl->pollTimer->start();
}

void MigrationRunner::poll()
{
    if (m_impl->finished || !m_impl->controlDomain)
        return;
    if (m_impl->cancelRequested && !m_impl->abortSent)
        sendAbort();

    int type = VIR_DOMAIN_JOB_NONE;
    virTypedParameterPtr params = nullptr;
    int count = 0;
    if (virDomainGetJobStats(m_impl->controlDomain, &type, &params, &count, 0) < 0) {
        // The job may have ended between two polls; jobFinished() reports the outcome.
        VirtError::clearLastError();
        return;
    }
    if (type == VIR_DOMAIN_JOB_NONE) {
        virTypedParamsFree(params, count);
        return;
    }
    MigrationProgress p;
    p.id = m_request.id;
    p.phase = MigrationPhase::Transferring;
    p.elapsedMs = static_cast<qint64>(jobField(params, count, VIR_DOMAIN_JOB_TIME_ELAPSED));
    p.dataProcessed = jobField(params, count, VIR_DOMAIN_JOB_DATA_PROCESSED);
    p.dataRemaining = jobField(params, count, VIR_DOMAIN_JOB_DATA_REMAINING);
    p.dataTotal = jobField(params, count, VIR_DOMAIN_JOB_DATA_TOTAL);
    p.rateBytesPerSec = jobField(params, count, VIR_DOMAIN_JOB_MEMORY_BPS);
    p.dirtyPagesPerSec = jobField(params, count, VIR_DOMAIN_JOB_MEMORY_DIRTY_RATE);
    p.iteration = jobField(params, count, VIR_DOMAIN_JOB_MEMORY_ITERATION);
    const bool haveRemaining = hasField(params, count, VIR_DOMAIN_JOB_DATA_REMAINING);
    virTypedParamsFree(params, count);

    if (p.rateBytesPerSec > 0 && haveRemaining)
        p.etaMs = static_cast<qint64>(p.dataRemaining * 1000 / p.rateBytesPerSec);
    if (haveRemaining) {
        p.wentBackwards = m_impl->haveRemaining && p.dataRemaining > m_impl->lastRemaining;
        m_impl->lastRemaining = p.dataRemaining;
        m_impl->haveRemaining = true;
    }
    // In post-copy the source is paused for good while the destination runs and pulls pages.
    int state = 0;
    int reason = 0;
    if (m_impl->postCopyRequested || (virDomainGetState(m_impl->controlDomain, &state, &reason, 0) == 0 &&
                                      state == VIR_DOMAIN_PAUSED && reason == VIR_DOMAIN_PAUSED_POSTCOPY))
        p.phase = MigrationPhase::PostCopy;
    VirtError::clearLastError();
    m_impl->lastProgress = p;
    handoff::emitAcross(this, &MigrationJob::progress, p);

    if (!m_impl->dataFlowing && p.dataTotal > 0) {
        m_impl->dataFlowing = true;
        if (const auto bandwidth = std::exchange(m_impl->pendingBandwidth, std::nullopt))
            applyBandwidth(*bandwidth);
        if (const auto downtime = std::exchange(m_impl->pendingDowntime, std::nullopt))
            applyMaxDowntime(*downtime);
    }
}

void MigrationRunner::sendAbort()
{
    // Before the source daemon has registered the job, there is nothing to abort yet: the next
    // poll tries again.
    if (virDomainAbortJob(m_impl->controlDomain) == 0)
        m_impl->abortSent = true;
    else
        VirtError::clearLastError();
}

void MigrationRunner::jobFinished()
{
    if (m_impl->finished)
        return;
    m_impl->pollTimer->stop();
    if (m_impl->job.joinable())
        m_impl->job.join();
    const qint64 wallMs = m_impl->wall.elapsed();
    const MigrationRequest& r = m_request;

    MigrationResult result;
    result.wallTimeMs = wallMs;
    if (!m_impl->migrateOk) {
        Error error = m_impl->migrateError;
        if (error.code == ErrorCode::Cancelled || (m_impl->cancelRequested && m_impl->abortSent)) {
            result.phase = MigrationPhase::Cancelled;
            error.code = ErrorCode::Cancelled;
            error.message = Messages::cancelled(r.name, r.sourceNode);
        } else if (m_impl->source && virConnectIsAlive(m_impl->source) == 0) {
            // The daemon that drove the move went away (killed, restarted, keepalive timed out):
            // neither "it stays on the source" nor "it moved" is known from here.
            result.phase = MigrationPhase::Failed;
            result.sourceLost = true;
            error.code = ErrorCode::ConnectionFailed;
            error.message = Messages::sourceLost(r.name, r.sourceNode, r.destinationNode);
        } else {
            result.phase = MigrationPhase::Failed;
            error.message = Messages::failed(r.name, r.sourceNode, r.destinationNode);
        }
        error.object = r.name;
        result.error = error;
        finish(result);
        return;
    }

    result.phase = MigrationPhase::Completed;
    result.totalTimeMs = wallMs;
    result.dataTransferred = m_impl->lastProgress.dataProcessed;
    readCompletedStats(result);
    finish(result);
}

// The source domain is usually gone (undefined) once the call returns, so the destination's
// record of the incoming job is read first: on libvirt 9 it carries the downtime, elapsed time and
// data processed. KEEP_COMPLETED leaves it for `virsh domjobinfo --completed`.
void MigrationRunner::readCompletedStats(MigrationResult& result)
{
    const MigrationRequest& r = m_request;
    const QByteArray uuid = r.uuid.toUtf8();
    auto readFrom = [&](virDomainPtr domain) {
        int type = VIR_DOMAIN_JOB_NONE;
        virTypedParameterPtr params = nullptr;
        int count = 0;
        if (virDomainGetJobStats(domain, &type, &params, &count,
                                 VIR_DOMAIN_JOB_STATS_COMPLETED | VIR_DOMAIN_JOB_STATS_KEEP_COMPLETED) < 0 ||
            type != VIR_DOMAIN_JOB_COMPLETED) {
            virTypedParamsFree(params, count);
            VirtError::clearLastError();
            return false;
        }
        if (hasField(params, count, VIR_DOMAIN_JOB_DOWNTIME))
            result.downtimeMs = static_cast<qint64>(jobField(params, count, VIR_DOMAIN_JOB_DOWNTIME));
        if (hasField(params, count, VIR_DOMAIN_JOB_TIME_ELAPSED))
            result.totalTimeMs = static_cast<qint64>(jobField(params, count, VIR_DOMAIN_JOB_TIME_ELAPSED));
        if (hasField(params, count, VIR_DOMAIN_JOB_DATA_PROCESSED))
            result.dataTransferred = jobField(params, count, VIR_DOMAIN_JOB_DATA_PROCESSED);
        virTypedParamsFree(params, count);
        return true;
    };

    if (!m_impl->destination) {
        Error error;
        m_impl->destination = HostFacts::openConnection(destinationConfig(r), m_credentials, error);
        if (!m_impl->destination)
            qWarning("%s: no completed job statistics, destination unreachable: %s", qUtf8Printable(r.name),
                     qUtf8Printable(error.toString()));
    }
    bool found = false;
    if (m_impl->destination) {
        if (virDomainPtr moved = virDomainLookupByUUIDString(m_impl->destination, uuid.constData())) {
            found = readFrom(moved);
            virDomainFree(moved);
        }
        VirtError::clearLastError();
    }
    if (!found && m_impl->domain)
        found = readFrom(m_impl->domain);
    if (!found)
        qWarning("%s: libvirt kept no completed job statistics; times are Kumo's own",
                 qUtf8Printable(r.name));
}

void MigrationRunner::cancel()
{
    if (m_impl->finished || m_impl->cancelRequested)
        return;
    m_impl->cancelRequested = true;
    if (m_impl->controlDomain && m_impl->job.joinable())
        sendAbort();
}

void MigrationRunner::setBandwidth(quint64 mebibytesPerSecond)
{
    if (!tuningTarget())
        return;
    if (m_impl->dataFlowing)
        applyBandwidth(mebibytesPerSecond);
    else
        m_impl->pendingBandwidth = mebibytesPerSecond;
}

void MigrationRunner::applyBandwidth(quint64 mebibytesPerSecond)
{
    const unsigned long value =
        mebibytesPerSecond == 0 ? UnlimitedBandwidthMiBs : static_cast<unsigned long>(mebibytesPerSecond);
    if (virDomainMigrateSetMaxSpeed(m_impl->controlDomain, value, 0) < 0)
        handoff::emitAcross(this, &MigrationJob::tuningFailed, m_request.id,
                            VirtError::lastError(m_request.name));
}

void MigrationRunner::setMaxDowntime(qint64 milliseconds)
{
    if (!tuningTarget())
        return;
    if (milliseconds <= 0) {
        handoff::emitAcross(this, &MigrationJob::tuningFailed, m_request.id,
                            Error{ErrorCode::InvalidInput,
                                  m_request.name,
                                  VirtError::messageFor(ErrorCode::InvalidInput),
                                  {},
                                  0,
                                  0});
        return;
    }
    if (m_impl->dataFlowing)
        applyMaxDowntime(milliseconds);
    else
        m_impl->pendingDowntime = milliseconds;
}

void MigrationRunner::applyMaxDowntime(qint64 milliseconds)
{
    if (virDomainMigrateSetMaxDowntime(m_impl->controlDomain, static_cast<unsigned long long>(milliseconds),
                                       0) < 0)
        handoff::emitAcross(this, &MigrationJob::tuningFailed, m_request.id,
                            VirtError::lastError(m_request.name));
}

void MigrationRunner::switchToPostCopy()
{
    if (!tuningTarget())
        return;
    if (!m_request.options.allowPostCopy) {
        handoff::emitAcross(this, &MigrationJob::tuningFailed, m_request.id,
                            Error{ErrorCode::InvalidInput, m_request.name, Messages::noPostCopy(), {}, 0, 0});
        return;
    }
    if (virDomainMigrateStartPostCopy(m_impl->controlDomain, 0) < 0)
        handoff::emitAcross(this, &MigrationJob::tuningFailed, m_request.id,
                            VirtError::lastError(m_request.name));
    else
        m_impl->postCopyRequested = true;
}

bool MigrationRunner::tuningTarget()
{
    if (m_impl->controlDomain && m_impl->job.joinable() && !m_impl->finished)
        return true;
    handoff::emitAcross(this, &MigrationJob::tuningFailed, m_request.id,
                        Error{ErrorCode::NotFound, m_request.name, Messages::noJob(), {}, 0, 0});
    return false;
}

} // namespace kumo

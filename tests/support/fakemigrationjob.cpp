// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/fakemigrationjob.h"

#include <utility>

#include <QMutexLocker>
#include <QThread>

#include "core/threadhandoff.h"

namespace kumo {

FakeMigrationJobFactory::~FakeMigrationJobFactory() = default;

std::function<MigrationJob*(const MigrationRequest&)> FakeMigrationJobFactory::factory()
{
    return [this](const MigrationRequest& request) -> MigrationJob* {
        auto shared = std::make_shared<Shared>();
        shared->record.request = request;
        shared->record.script = m_scripts.value(request.uuid, m_script);
        auto* job = new FakeMigrationJob(shared);
        m_made.append(shared);
        return job;
    };
}

int FakeMigrationJobFactory::count() const
{
    return int(m_made.size());
}

QList<quint64> FakeMigrationJobFactory::madeIds() const
{
    QList<quint64> ids;
    for (const std::shared_ptr<Shared>& shared : m_made) {
        const QMutexLocker locker(&shared->lock);
        ids.append(shared->record.request.id);
    }
    return ids;
}

bool FakeMigrationJobFactory::made(quint64 id) const
{
    return shared(id) != nullptr;
}

FakeMigrationJobRecord FakeMigrationJobFactory::record(quint64 id) const
{
    const std::shared_ptr<Shared> found = shared(id);
    if (!found)
        return {};
    const QMutexLocker locker(&found->lock);
    return found->record;
}

bool FakeMigrationJobFactory::advance(quint64 id)
{
    return post(id, [](FakeMigrationJob* job) { job->advance(); });
}

bool FakeMigrationJobFactory::reportWithForeignId(quint64 id, quint64 foreignId)
{
    return post(id, [foreignId](FakeMigrationJob* job) { job->reportWithForeignId(foreignId); });
}

std::shared_ptr<FakeMigrationJobFactory::Shared> FakeMigrationJobFactory::shared(quint64 id) const
{
    for (const std::shared_ptr<Shared>& shared : m_made) {
        // The request is written once, before the job exists: no lock needed to read it.
        if (shared->record.request.id == id)
            return shared;
    }
    return nullptr;
}

bool FakeMigrationJobFactory::post(quint64 id, const std::function<void(FakeMigrationJob*)>& call)
{
    const std::shared_ptr<Shared> found = shared(id);
    if (!found)
        return false;
    // Posted under the lock, so the job cannot be deleted in between; once posted, Qt drops the
    // call if the job is deleted before its thread gets to it.
    const QMutexLocker locker(&found->lock);
    FakeMigrationJob* job = found->job;
    if (!job || found->record.finished)
        return false;
    handoff::post(job, [job, call] { call(job); });
    return true;
}

FakeMigrationJob::FakeMigrationJob(std::shared_ptr<FakeMigrationJobFactory::Shared> shared)
    : m_shared(std::move(shared))
{
    const QMutexLocker locker(&m_shared->lock);
    m_shared->job = this;
    m_request = m_shared->record.request;
    m_script = m_shared->record.script;
}

FakeMigrationJob::~FakeMigrationJob()
{
    const QMutexLocker locker(&m_shared->lock);
    m_shared->job = nullptr;
    m_shared->record.destroyed = true;
}

template <typename F> void FakeMigrationJob::note(F&& change)
{
    const QMutexLocker locker(&m_shared->lock);
    change(m_shared->record);
}

void FakeMigrationJob::start()
{
    if (m_started)
        return;
    m_started = true;
    note([](FakeMigrationJobRecord& r) {
        r.started = true;
        r.thread = QThread::currentThread();
    });
    if (m_cancelRequested) {
        finish(MigrationPhase::Cancelled, Error{ErrorCode::Cancelled,
                                                m_request.name,
                                                QStringLiteral("cancelled before it started"),
                                                {},
                                                0,
                                                0});
        return;
    }
    MigrationProgress starting;
    starting.id = m_request.id;
    starting.phase = MigrationPhase::Starting;
    handoff::emitAcross(this, &MigrationJob::progress, starting);
}

void FakeMigrationJob::cancel()
{
    note([](FakeMigrationJobRecord& r) { ++r.cancelCalls; });
    if (m_finished || m_script.ignoresCancel)
        return;
    if (!m_started) {
        m_cancelRequested = true; // start() finishes at once, as the contract says
        return;
    }
    finish(MigrationPhase::Cancelled,
           Error{ErrorCode::Cancelled, m_request.name, QStringLiteral("cancelled"), {}, 0, 0});
}

void FakeMigrationJob::setBandwidth(quint64 mebibytesPerSecond)
{
    note([&](FakeMigrationJobRecord& r) { r.bandwidths.append(mebibytesPerSecond); });
    if (!running())
        handoff::emitAcross(this, &MigrationJob::tuningFailed, m_request.id, notRunning());
}

void FakeMigrationJob::setMaxDowntime(qint64 milliseconds)
{
    note([&](FakeMigrationJobRecord& r) { r.downtimes.append(milliseconds); });
    if (!running())
        handoff::emitAcross(this, &MigrationJob::tuningFailed, m_request.id, notRunning());
    else if (milliseconds <= 0)
        handoff::emitAcross(this, &MigrationJob::tuningFailed, m_request.id,
                            Error{ErrorCode::InvalidInput,
                                  m_request.name,
                                  QStringLiteral("downtime must be positive"),
                                  {},
                                  0,
                                  0});
}

void FakeMigrationJob::switchToPostCopy()
{
    note([](FakeMigrationJobRecord& r) { ++r.postCopyCalls; });
    if (!running()) {
        handoff::emitAcross(this, &MigrationJob::tuningFailed, m_request.id, notRunning());
        return;
    }
    if (m_script.rejectPostCopy || !m_request.options.allowPostCopy) {
        handoff::emitAcross(
            this, &MigrationJob::tuningFailed, m_request.id,
            Error{ErrorCode::InvalidInput, m_request.name, QStringLiteral("post-copy refused"), {}, 0, 0});
        return;
    }
    MigrationProgress postCopy;
    postCopy.id = m_request.id;
    postCopy.phase = MigrationPhase::PostCopy;
    postCopy.dataTotal = m_script.bytes;
    handoff::emitAcross(this, &MigrationJob::progress, postCopy);
}

void FakeMigrationJob::advance()
{
    if (!running())
        return;
    if (m_sent < m_script.progressSteps || m_script.outcome == FakeMigrationScript::Outcome::Hang) {
        ++m_sent;
        note([this](FakeMigrationJobRecord& r) { r.progressSent = m_sent; });
        MigrationProgress p;
        p.id = m_request.id;
        p.phase = MigrationPhase::Transferring;
        p.elapsedMs = 1000 * m_sent;
        p.dataTotal = m_script.bytes;
        // Half of what is left moves with every step: never done before the outcome says so.
        p.dataRemaining = m_script.bytes >> m_sent;
        p.dataProcessed = m_script.bytes - p.dataRemaining;
        p.rateBytesPerSec = 100 * 1024 * 1024;
        p.iteration = 1;
        handoff::emitAcross(this, &MigrationJob::progress, p);
        return;
    }
    if (m_script.outcome == FakeMigrationScript::Outcome::Fail) {
        Error error = m_script.failure;
        error.object = m_request.name;
        finish(MigrationPhase::Failed, error);
        return;
    }
    finish(MigrationPhase::Completed, {});
}

void FakeMigrationJob::reportWithForeignId(quint64 foreignId)
{
    if (!running())
        return;
    MigrationProgress p;
    p.id = foreignId;
    p.phase = MigrationPhase::Transferring;
    p.dataTotal = m_script.bytes;
    p.dataRemaining = m_script.bytes;
    handoff::emitAcross(this, &MigrationJob::progress, p);
}

void FakeMigrationJob::finish(MigrationPhase phase, const Error& error)
{
    if (m_finished)
        return;
    m_finished = true;
    note([phase](FakeMigrationJobRecord& r) {
        r.finished = true;
        r.outcome = phase;
    });
    MigrationResult result;
    result.id = m_request.id;
    result.phase = phase;
    result.error = error;
    if (phase == MigrationPhase::Completed) {
        result.dataTransferred = m_script.bytes;
        result.totalTimeMs = 1000 * (m_sent + 1);
        result.wallTimeMs = result.totalTimeMs;
        result.downtimeMs = 20;
    }
    handoff::emitAcross(this, &MigrationJob::finished, result);
}

bool FakeMigrationJob::running() const
{
    return m_started && !m_finished;
}

Error FakeMigrationJob::notRunning() const
{
    return Error{ErrorCode::NotFound, m_request.name, QStringLiteral("no migration is running"), {}, 0, 0};
}

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// FakeMigrationJob: a MigrationJob that moves nothing and does what its script says when the test
// drives it — report N progress steps and then complete or fail, hang until cancelled, refuse
// post-copy — so that the queue, the controller and the jobs model are tested without daemons.
// FakeMigrationJobFactory makes them for a MigrationQueue and keeps a record of every job it made
// (the request it was made for and every call it received), which outlives the job.
// Nothing happens by time: a job acts only when a slot is called or the test calls advance().
// Thread: the job lives on the thread the queue gives it (its slots run there, its record is
// locked); the factory and the records are used from the test's thread.
// Owner: the queue owns the jobs; the test owns the factory, which must outlive the queue.
#pragma once

#include <functional>
#include <memory>

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include "core/migration.h"
#include "core/migrationjob.h"
#include "core/result.h"

class QThread;

namespace kumo {

class FakeMigrationJob;

struct FakeMigrationScript
{
    enum class Outcome
    {
        Complete, // after `progressSteps` reports, the next advance() completes it
        Fail,     // likewise, but it fails with `failure`
        Hang,     // reports progress on every advance() and ends only when cancelled
    };
    Outcome outcome = Outcome::Complete;
    int progressSteps = 0;
    Error failure{ErrorCode::OperationFailed, {}, QStringLiteral("the fake was told to fail"), {}, 0, 0};
    bool rejectPostCopy = false; // as a backend that cannot switch would
    bool ignoresCancel = false;  // as a backend stuck in a call that an abort cannot reach
    quint64 bytes = 1024 * 1024 * 1024;
};

// What happened to one job; written on the job's thread, read on the test's (copy it with
// snapshot()).
struct FakeMigrationJobRecord
{
    MigrationRequest request;
    FakeMigrationScript script;
    bool started = false;
    bool finished = false;
    bool destroyed = false;
    MigrationPhase outcome = MigrationPhase::Queued;
    int cancelCalls = 0;
    int postCopyCalls = 0;
    QList<quint64> bandwidths;
    QList<qint64> downtimes;
    int progressSent = 0;
    QThread* thread = nullptr; // the thread start() ran on
};

class FakeMigrationJobFactory
{
public:
    FakeMigrationJobFactory() = default;
    ~FakeMigrationJobFactory();
    FakeMigrationJobFactory(const FakeMigrationJobFactory&) = delete;
    FakeMigrationJobFactory& operator=(const FakeMigrationJobFactory&) = delete;

    // The script of jobs made from now on; one for an instance (uuid) wins over the default.
    void setScript(const FakeMigrationScript& script) { m_script = script; }
    void setScript(const QString& uuid, const FakeMigrationScript& script) { m_scripts.insert(uuid, script); }

    // For MigrationQueue / MigrationController.
    [[nodiscard]] std::function<MigrationJob*(const MigrationRequest&)> factory();

    // Every job made so far, in the order they were made (= the order the queue started them).
    [[nodiscard]] int count() const;
    [[nodiscard]] QList<quint64> madeIds() const;
    [[nodiscard]] bool made(quint64 id) const;
    // A copy of the job's record (empty request when no job was made for `id`).
    [[nodiscard]] FakeMigrationJobRecord record(quint64 id) const;

    // Has the job take its next scripted step on its own thread: one progress report, or the
    // outcome once its progress is spent. Returns false when the job is gone or finished.
    bool advance(quint64 id);
    // Has a running job emit a progress report whose id is not the request's (a backend's own
    // numbering); the queue must relay it under the move's id.
    bool reportWithForeignId(quint64 id, quint64 foreignId);

    // What a job and the factory share; `job` is cleared by the job's destructor, under the lock.
    struct Shared
    {
        QMutex lock;
        FakeMigrationJobRecord record;
        FakeMigrationJob* job = nullptr;
    };

private:
    [[nodiscard]] std::shared_ptr<Shared> shared(quint64 id) const;
    // Posts `call` to the job's thread unless the job is gone or finished.
    bool post(quint64 id, const std::function<void(FakeMigrationJob*)>& call);

    FakeMigrationScript m_script;
    QHash<QString, FakeMigrationScript> m_scripts;
    QList<std::shared_ptr<Shared>> m_made;
};

class FakeMigrationJob : public MigrationJob
{
    Q_OBJECT

public:
    explicit FakeMigrationJob(std::shared_ptr<FakeMigrationJobFactory::Shared> shared);
    ~FakeMigrationJob() override;

    void start() override;
    void cancel() override;
    void setBandwidth(quint64 mebibytesPerSecond) override;
    void setMaxDowntime(qint64 milliseconds) override;
    void switchToPostCopy() override;

    // The next scripted step (see FakeMigrationScript); runs on the job's thread.
    void advance();
    void reportWithForeignId(quint64 foreignId);

private:
    void finish(MigrationPhase phase, const Error& error);
    [[nodiscard]] bool running() const;
    [[nodiscard]] Error notRunning() const;

    template <typename F> void note(F&& change);

    std::shared_ptr<FakeMigrationJobFactory::Shared> m_shared;
    MigrationRequest m_request;
    FakeMigrationScript m_script;
    bool m_started = false;
    bool m_cancelRequested = false;
    bool m_finished = false;
    int m_sent = 0;
};

} // namespace kumo

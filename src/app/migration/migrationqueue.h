// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MigrationQueue: runs migration jobs with concurrency limits — at most `global` at once and at
// most `perSourceNode` leaving one node — and starts the rest in the order they came. Each
// running job is a MigrationJob made by the job factory (a MigrationRunner unless told
// otherwise) on a thread of its own; the queue relays its progress and its result under the
// request's id, and lets the user cancel or tune a job while it runs.
// Thread: GUI.
// Owner: MigrationController.
#pragma once

#include <functional>

#include <QHash>
#include <QList>
#include <QObject>

#include "core/migration.h"

class QThread;

namespace kumo {

class CredentialProvider;
class MigrationJob;

class MigrationQueue : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultGlobalLimit = 2;
    static constexpr int DefaultPerSourceLimit = 1;
    // An abort normally returns in milliseconds but can block until a memory pass ends (LAB.md:
    // up to ~4 s). A move whose source daemon waits on a frozen destination answers only when
    // the daemons' keepalive gives up (30 s with libvirt's defaults): the queue stops waiting
    // for it after DefaultAbortAnswerMs and ends the move with an unknown outcome, so that
    // "abort all" ends in bounded time. Its late result is still reported (lateResult()).
    static constexpr int DefaultAbortAnswerMs = 8000;
    // At exit the threads of aborted jobs get this long; the window closes within seconds.
    static constexpr int DefaultShutdownWaitMs = 1500;

    // Makes the job for a request when its turn comes; the queue moves it to a thread of its own
    // and deletes it after it finished. It always returns a job: a backend that cannot carry out
    // a request says so through the job's finished(). The default makes a MigrationRunner
    // (libvirt) that asks the credential provider.
    using JobFactory = std::function<MigrationJob*(const MigrationRequest&)>;

    explicit MigrationQueue(JobFactory factory = {}, QObject* parent = nullptr);
    ~MigrationQueue() override; // cancels running jobs and waits for their threads

    // For the default factory's runners (jobs made after the call).
    void setCredentialProvider(CredentialProvider* credentials) { m_credentials = credentials; }
    void setLimits(int global, int perSourceNode);
    // How long the destructor waits for the threads of aborted jobs (DefaultShutdownWaitMs); a
    // command leaving at once (a second Ctrl+C) waits less and leaves slower ones behind.
    void setShutdownWait(int milliseconds) { m_shutdownWaitMs = milliseconds; }
    // How long a running job has to answer an abort before its move ends with an unknown outcome.
    void setAbortAnswerWait(int milliseconds) { m_abortAnswerMs = milliseconds; }
    [[nodiscard]] int globalLimit() const { return m_globalLimit; }
    [[nodiscard]] int perSourceLimit() const { return m_perSourceLimit; }

    // Queues the job under request.id (assigned when 0) and starts it when a slot is free.
    // Returns the id; 0 when a job with that id is already queued or running (not queued again).
    quint64 enqueue(MigrationRequest request);
    // Queued: dropped (finished with Cancelled). Running: aborted; the instance stays on its source.
    // A running job that has not answered the abort after the abort answer wait is given up:
    // its move finishes as Failed with outcomeKnown false, and its thread is left to end on its
    // own (its real result then comes as lateResult()).
    void cancel(quint64 id);
    void cancelAll();
    // Running: passed to the job. Queued: kept in the request, which the job starts with.
    void setBandwidth(quint64 id, quint64 mebibytesPerSecond);
    void setMaxDowntime(quint64 id, qint64 milliseconds);
    // Running only: refused with tuningFailed() while the job waits.
    void switchToPostCopy(quint64 id);

    [[nodiscard]] QList<MigrationRequest> jobs() const; // queued and running, in order
    [[nodiscard]] MigrationProgress progress(quint64 id) const;
    [[nodiscard]] bool isRunning(quint64 id) const;
    [[nodiscard]] int runningCount() const;
    [[nodiscard]] int queuedCount() const;
    // Memory (request.memoryKiB) of the instances queued or moving to `node`, for the
    // pre-flight memory check.
    [[nodiscard]] quint64 incomingMemoryKiB(const QString& node) const;
    // Whether a job for this instance is queued or running.
    [[nodiscard]] bool hasJobFor(const QString& uuid) const;
    // Moves given up after an abort whose jobs have not ended yet.
    [[nodiscard]] int givenUpCount() const { return int(m_givenUp.size()); }

Q_SIGNALS:
    void jobQueued(const kumo::MigrationRequest& request);
    void jobStarted(quint64 id);
    void jobProgress(const kumo::MigrationProgress& progress);
    void jobFinished(const kumo::MigrationRequest& request, const kumo::MigrationResult& result);
    // The real result of a move given up after an abort (see cancel()), when its job finally ends.
    void lateResult(const kumo::MigrationRequest& request, const kumo::MigrationResult& result);
    void tuningFailed(quint64 id, const kumo::Error& error);
    void countsChanged();

private:
    struct Job;
    void startReady();
    void startJob(quint64 id, Job* job);
    void onFinished(const MigrationResult& result);
    void giveUp(quint64 id);

    JobFactory m_factory;
    CredentialProvider* m_credentials = nullptr;
    int m_globalLimit = DefaultGlobalLimit;
    int m_perSourceLimit = DefaultPerSourceLimit;
    int m_shutdownWaitMs = DefaultShutdownWaitMs;
    int m_abortAnswerMs = DefaultAbortAnswerMs;
    quint64 m_nextId = 1;
    QList<quint64> m_order;
    QHash<quint64, Job*> m_jobs;
    QHash<quint64, Job*> m_givenUp; // ended for the console, their jobs still running
};

} // namespace kumo

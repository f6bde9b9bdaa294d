// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/migration/migrationqueue.h"

#include <algorithm>
#include <memory>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMutex>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include "core/migrationjob.h"
#include "core/threadhandoff.h"
#include "virt/migrationrunner.h"

namespace kumo {

namespace {

// The way from the queue (GUI thread) to a running job. The job is deleted on its own thread as
// soon as that thread finishes, which can happen while the queue has not yet heard its result
// and still posts to it (cancel, tuning). A QPointer read here while the job is destroyed there
// can hand out a dangling pointer, so posting and the job's destruction exclude each other: the
// job forgets itself here, under the lock, before its QObject part goes (and Qt drops what was
// posted to it but not yet run).
class WorkerLink
{
public:
    explicit WorkerLink(MigrationJob* worker)
        : m_worker(worker)
    {}

    // Queues `call` to the job's thread; false when the job is gone.
    template <typename Call> bool post(Call call)
    {
        const QMutexLocker locker(&m_lock);
        MigrationJob* worker = m_worker;
        if (!worker)
            return false;
        handoff::post(worker, [worker, call] { call(worker); });
        return true;
    }

    void forget()
    {
        const QMutexLocker locker(&m_lock);
        m_worker = nullptr;
    }

private:
    QMutex m_lock;
    MigrationJob* m_worker;
};

} // namespace

struct MigrationQueue::Job
{
    MigrationRequest request;
    MigrationProgress progress;
    bool running = false;
    bool abortTimed = false;  // an abort was sent and its answer is being waited for
    QPointer<QThread> thread; // lives on the GUI thread, deleted there
    std::shared_ptr<WorkerLink> worker;
};

MigrationQueue::MigrationQueue(JobFactory factory, QObject* parent)
    : QObject(parent)
    , m_factory(std::move(factory))
{
    if (!m_factory) {
        m_factory = [this](const MigrationRequest& request) -> MigrationJob* {
            return new MigrationRunner(request, m_credentials);
        };
    }
    qRegisterMetaType<kumo::MigrationRequest>();
    qRegisterMetaType<kumo::MigrationProgress>();
    qRegisterMetaType<kumo::MigrationResult>();
    qRegisterMetaType<kumo::Error>();
}

MigrationQueue::~MigrationQueue()
{
    // Running jobs are aborted, not left behind: a migration that outlives the console would
    // finish with nobody recording it. Their threads quit by themselves once the job finishes.
    QList<QPointer<QThread>> threads;
    for (const Job* job : std::as_const(m_givenUp)) {
        if (job->thread)
            threads.append(job->thread);
    }
    for (Job* job : std::as_const(m_jobs)) {
        if (job->running && job->worker)
            job->worker->post([](MigrationJob* worker) { worker->cancel(); });
        if (job->thread)
            threads.append(job->thread);
    }
    const QDeadlineTimer deadline(std::max(m_shutdownWaitMs, 0));
    for (const QPointer<QThread>& thread : std::as_const(threads)) {
        if (!thread)
            continue;
        if (!thread->wait(deadline)) {
            qWarning("Migration job thread did not finish within %d ms; leaving it behind", m_shutdownWaitMs);
            continue;
        }
        delete thread.data();
    }
    qDeleteAll(m_jobs);
    qDeleteAll(m_givenUp);
}

void MigrationQueue::setLimits(int global, int perSourceNode)
{
    m_globalLimit = std::max(1, global);
    m_perSourceLimit = std::max(1, perSourceNode);
    startReady();
}

quint64 MigrationQueue::enqueue(MigrationRequest request)
{
    // The id is the move's own (given by the controller): renumbering it would give the move a
    // second id, so a clash is refused instead.
    if (request.id != 0 && m_jobs.contains(request.id)) {
        qWarning("Migration %llu is already queued; not queued again", request.id);
        return 0;
    }
    if (request.id == 0)
        request.id = m_nextId;
    m_nextId = std::max(m_nextId, request.id + 1);

    auto* job = new Job;
    job->request = request;
    job->progress.id = request.id;
    job->progress.phase = MigrationPhase::Queued;
    m_jobs.insert(request.id, job);
    m_order.append(request.id);
    Q_EMIT jobQueued(request);
    Q_EMIT countsChanged();
    // Started from the event loop, so that the caller learns the id (and sees jobQueued) before
    // jobStarted.
    QMetaObject::invokeMethod(this, &MigrationQueue::startReady, Qt::QueuedConnection);
    return request.id;
}

void MigrationQueue::cancel(quint64 id)
{
    Job* job = m_jobs.value(id);
    if (!job)
        return;
    if (job->running) {
        if (job->worker)
            job->worker->post([](MigrationJob* worker) { worker->cancel(); });
        if (!job->abortTimed) {
            job->abortTimed = true;
            QTimer::singleShot(std::max(m_abortAnswerMs, 0), this, [this, id] { giveUp(id); });
        }
        return;
    }
    MigrationResult result;
    result.id = id;
    result.phase = MigrationPhase::Cancelled;
    result.error = Error{ErrorCode::Cancelled,
                         job->request.name,
                         QCoreApplication::translate("kumo::MigrationQueue",
                                                     "Cancelled before it started; the instance stays on %1.")
                             .arg(job->request.sourceNode),
                         {},
                         0,
                         0};
    onFinished(result);
}

void MigrationQueue::cancelAll()
{
    // Queued ones first, so that no cancelled slot lets a waiting job start.
    const QList<quint64> order = m_order;
    for (quint64 id : order) {
        if (const Job* job = m_jobs.value(id); job && !job->running)
            cancel(id);
    }
    for (quint64 id : order) {
        if (const Job* job = m_jobs.value(id); job && job->running)
            cancel(id);
    }
}

void MigrationQueue::setBandwidth(quint64 id, quint64 mebibytesPerSecond)
{
    Job* job = m_jobs.value(id);
    if (!job)
        return;
    if (!job->running) {
        job->request.options.bandwidthMiBs = mebibytesPerSecond;
        return;
    }
    if (job->worker)
        job->worker->post(
            [mebibytesPerSecond](MigrationJob* worker) { worker->setBandwidth(mebibytesPerSecond); });
}

void MigrationQueue::setMaxDowntime(quint64 id, qint64 milliseconds)
{
    Job* job = m_jobs.value(id);
    if (!job)
        return;
    if (!job->running) {
        job->request.options.maxDowntimeMs = milliseconds;
        return;
    }
    if (job->worker)
        job->worker->post([milliseconds](MigrationJob* worker) { worker->setMaxDowntime(milliseconds); });
}

void MigrationQueue::switchToPostCopy(quint64 id)
{
    Job* job = m_jobs.value(id);
    if (!job)
        return;
    if (!job->running || !job->worker ||
        !job->worker->post([](MigrationJob* worker) { worker->switchToPostCopy(); })) {
        Q_EMIT tuningFailed(id,
                            Error{ErrorCode::InvalidInput,
                                  job->request.name,
                                  QCoreApplication::translate("kumo::MigrationQueue",
                                                              "The migration has not started yet; switch to "
                                                              "post-copy once memory is being copied."),
                                  {},
                                  0,
                                  0});
        return;
    }
}

QList<MigrationRequest> MigrationQueue::jobs() const
{
    QList<MigrationRequest> out;
    out.reserve(m_order.size());
    for (quint64 id : m_order)
        out.append(m_jobs.value(id)->request);
    return out;
}

MigrationProgress MigrationQueue::progress(quint64 id) const
{
    if (const Job* job = m_jobs.value(id))
        return job->progress;
    MigrationProgress none;
    none.id = id;
    return none;
}

bool MigrationQueue::isRunning(quint64 id) const
{
    const Job* job = m_jobs.value(id);
    return job && job->running;
}

int MigrationQueue::runningCount() const
{
    return int(std::count_if(m_jobs.cbegin(), m_jobs.cend(), [](const Job* job) { return job->running; }));
}

int MigrationQueue::queuedCount() const
{
    return int(m_jobs.size()) - runningCount();
}

quint64 MigrationQueue::incomingMemoryKiB(const QString& node) const
{
    quint64 sum = 0;
    for (const Job* job : m_jobs) {
        if (job->request.destinationNode == node)
            sum += job->request.memoryKiB;
    }
    return sum;
}

bool MigrationQueue::hasJobFor(const QString& uuid) const
{
    return std::any_of(m_jobs.cbegin(), m_jobs.cend(),
                       [&](const Job* job) { return job->request.uuid == uuid; });
}

void MigrationQueue::startReady()
{
    int running = 0;
    QHash<QString, int> perSource;
    for (const Job* job : std::as_const(m_jobs)) {
        if (job->running) {
            ++running;
            ++perSource[job->request.sourceNode];
        }
    }
    bool started = false;
    // In order, but a job whose source is busy does not hold back a later one from elsewhere.
    for (quint64 id : std::as_const(m_order)) {
        if (running >= m_globalLimit)
            break;
        Job* job = m_jobs.value(id);
        if (job->running || perSource.value(job->request.sourceNode) >= m_perSourceLimit)
            continue;

        startJob(id, job);
        ++running;
        ++perSource[job->request.sourceNode];
        started = true;
    }
    if (started)
        Q_EMIT countsChanged();
}

void MigrationQueue::startJob(quint64 id, Job* job)
{
    MigrationJob* worker = m_factory(job->request);
    Q_ASSERT_X(worker, "MigrationQueue", "the job factory returned no job");
    auto* thread = new QThread;
    thread->setObjectName(QStringLiteral("migration-%1").arg(id));
    worker->moveToThread(thread);
    connect(thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    // The thread ends as soon as the job is done, whether or not the queue is still there.
    connect(worker, &MigrationJob::finished, thread, &QThread::quit, Qt::DirectConnection);
    // The job's own ids are overwritten with the move's: a backend need not know it.
    // The job is destroyed on its thread, still connected: the slots go with it there.
    connect(worker, &MigrationJob::progress, this,
            handoff::slotAcross([this, id](const MigrationProgress& progress) {
                Job* current = m_jobs.value(id);
                if (!current)
                    return;
                current->progress = progress;
                current->progress.id = id;
                Q_EMIT jobProgress(current->progress);
            }));
    connect(worker, &MigrationJob::finished, this,
            handoff::slotAcross([this, id](const MigrationResult& result) {
                MigrationResult withId = result;
                withId.id = id;
                onFinished(withId);
            }));
    connect(worker, &MigrationJob::tuningFailed, this,
            handoff::slotAcross([this, id](quint64, const Error& error) { Q_EMIT tuningFailed(id, error); }));

    // Called directly on the job's thread while it is destroyed, before its QObject part goes.
    auto link = std::make_shared<WorkerLink>(worker);
    connect(worker, &QObject::destroyed, [link] { link->forget(); });

    job->running = true;
    job->thread = thread;
    job->worker = link;
    job->progress.phase = MigrationPhase::Starting;
    // Announced before the thread starts: the journal records the move before its migrate call.
    Q_EMIT jobStarted(id);
    thread->start();
    link->post([](MigrationJob* started) { started->start(); });
    Q_EMIT jobProgress(job->progress);
}

void MigrationQueue::giveUp(quint64 id)
{
    Job* job = m_jobs.value(id);
    if (!job || !job->running)
        return;
    m_jobs.remove(id);
    m_order.removeAll(id);
    m_givenUp.insert(id, job);
    const MigrationRequest& request = job->request;
    qWarning("Migration %llu of %s did not answer its abort within %d ms; its outcome is not known", id,
             qPrintable(request.name), m_abortAnswerMs);
    MigrationResult result;
    result.id = id;
    result.phase = MigrationPhase::Failed;
    result.outcomeKnown = false;
    result.error =
        Error{ErrorCode::Timeout,
              request.name,
              QCoreApplication::translate("kumo::MigrationQueue",
                                          "The abort was sent, but the migration did not end within "
                                          "%1 s (a node is not answering); Kumo stopped waiting. It "
                                          "may still end either way: the map shows where %2 runs "
                                          "once %3 and %4 answer, and the journal records the "
                                          "outcome when it comes.")
                  .arg((m_abortAnswerMs + 999) / 1000)
                  .arg(request.name, request.sourceNode, request.destinationNode),
              {},
              0,
              0};
    Q_EMIT jobFinished(request, result);
    Q_EMIT countsChanged();
    startReady();
}

void MigrationQueue::onFinished(const MigrationResult& result)
{
    if (Job* late = m_givenUp.take(result.id)) {
        const MigrationRequest request = late->request;
        delete late;
        Q_EMIT lateResult(request, result);
        return;
    }
    Job* job = m_jobs.take(result.id);
    if (!job)
        return;
    m_order.removeAll(result.id);
    // The runner's thread quits on its own (see startReady) and deletes itself afterwards.
    const MigrationRequest request = job->request;
    delete job;
    Q_EMIT jobFinished(request, result);
    Q_EMIT countsChanged();
    startReady();
}

} // namespace kumo

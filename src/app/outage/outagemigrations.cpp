// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/outage/outagemigrations.h"

#include <algorithm>

#include "app/migration/migrationcontroller.h"
#include "app/migration/migrationqueue.h"
#include "core/preflight.h"

namespace kumo {

OutageMigrations::OutageMigrations(MigrationController* migrations, QObject* parent)
    : QObject(parent)
    , m_migrations(migrations)
{
    connect(m_migrations, &MigrationController::migrationQueued, this,
            [this](quint64 id, const MigrationRequest&) {
                const int index = indexOf(id);
                if (index < 0)
                    return;
                Live& entry = m_live[index];
                entry.queued = true;
                if (entry.cancel)
                    m_migrations->queue()->cancel(id);
            });
    connect(m_migrations, &MigrationController::migrationRefused, this,
            [this](quint64 requestId, const QString&, const QString&, const PreflightResult& result) {
                const int index = indexOf(requestId);
                if (index < 0)
                    return;
                const bool cancelled = m_live.take(index).cancel;
                const QString why = result.reasons(CheckSeverity::Refused).join(u' ');
                if (cancelled)
                    Q_EMIT refusedAfterCancel(index, why);
                else
                    Q_EMIT refused(index, result);
            });
    connect(m_migrations->queue(), &MigrationQueue::jobProgress, this,
            [this](const MigrationProgress& progress) {
                const int index = indexOf(progress.id);
                if (index >= 0)
                    m_live[index].bytes = progress.dataProcessed;
            });
    connect(m_migrations->queue(), &MigrationQueue::jobFinished, this,
            [this](const MigrationRequest& request, const MigrationResult& result) {
                const int index = indexOf(request.id);
                if (index < 0)
                    return;
                m_live.remove(index);
                if (result.phase == MigrationPhase::Failed)
                    Q_EMIT failed(index, result.error.message.isEmpty() ? result.error.toString()
                                                                        : result.error.message);
                else
                    Q_EMIT ended(index, request, result);
            });
}

quint64 OutageMigrations::start(int index, const PlannedMove& move, const OutageLimits& limits,
                                const QString& reason)
{
    Live entry;
    entry.id = m_migrations->migrate(move.uuid, move.toNode, optionsFor(limits), reason);
    m_live.insert(index, entry);
    return entry.id;
}

void OutageMigrations::cancelAll()
{
    for (Live& entry : m_live) {
        if (entry.queued)
            m_migrations->queue()->cancel(entry.id);
        else
            entry.cancel = true; // cancelled as soon as the pre-flight hands it to the queue
    }
}

void OutageMigrations::setBandwidth(quint64 mebibytesPerSecond)
{
    for (const Live& entry : std::as_const(m_live)) {
        if (entry.queued)
            m_migrations->queue()->setBandwidth(entry.id, mebibytesPerSecond);
    }
}

void OutageMigrations::raiseQueueLimits(const OutageLimits& limits)
{
    MigrationQueue* queue = m_migrations->queue();
    if (!m_savedQueueLimits)
        m_savedQueueLimits = std::make_pair(queue->globalLimit(), queue->perSourceLimit());
    // The plan's limits govern the run; the queue's own must not throttle below them.
    const int parallel = std::max(1, limits.parallel);
    queue->setLimits(std::max(m_savedQueueLimits->first, parallel),
                     std::max(m_savedQueueLimits->second, parallel));
}

void OutageMigrations::restoreQueueLimits()
{
    if (!m_savedQueueLimits)
        return;
    m_migrations->queue()->setLimits(m_savedQueueLimits->first, m_savedQueueLimits->second);
    m_savedQueueLimits.reset();
}

int OutageMigrations::indexOf(quint64 id) const
{
    for (auto it = m_live.cbegin(); it != m_live.cend(); ++it) {
        if (it->id == id)
            return it.key();
    }
    return -1;
}

MigrationOptions OutageMigrations::optionsFor(const OutageLimits& limits) const
{
    MigrationOptions options = m_migrations->defaultOptions();
    if (limits.bandwidthMiBs > 0)
        options.bandwidthMiBs = limits.bandwidthMiBs;
    // Kumo keeps the home node itself: a shut-off copy left on the source, or none kept on the
    // destination, would leave the instance on two nodes or on none after the power comes back.
    options.persistDestination = true;
    options.undefineSource = true;
    options.live = true;
    return options;
}

} // namespace kumo

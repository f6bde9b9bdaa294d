// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/migration/jobsmodel.h"

#include <algorithm>

#include <QColor>
#include <QCoreApplication>
#include <QLocale>

#include "app/migration/migrationqueue.h"
#include "app/probes/serviceprober.h"
#include "core/migrationpath.h"
#include "ui/languagewatcher.h"
#include "ui/plaintext.h"

namespace kumo {

namespace {

QString bytesText(quint64 bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1);
}

QString durationText(qint64 ms)
{
    const QLocale locale;
    if (ms < 0)
        return QCoreApplication::translate("kumo::JobsModel", "—", "unknown duration");
    if (ms < 60'000)
        return QCoreApplication::translate("kumo::JobsModel", "%1 s")
            .arg(locale.toString(double(ms) / 1000.0, 'f', 1));
    const qint64 seconds = ms / 1000;
    if (seconds < 3600)
        return QCoreApplication::translate("kumo::JobsModel", "%1 min %2 s")
            .arg(seconds / 60)
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("kumo::JobsModel", "%1 h %2 min")
        .arg(seconds / 3600)
        .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

bool isActivePhase(MigrationPhase phase)
{
    return phase == MigrationPhase::Starting || phase == MigrationPhase::Transferring ||
           phase == MigrationPhase::PostCopy;
}

} // namespace

JobsModel::JobsModel(MigrationQueue* queue, QObject* parent)
    : KeyedTableModel(parent)
    , m_queue(queue)
{
    connect(queue, &MigrationQueue::jobQueued, this, &JobsModel::onQueued);
    connect(queue, &MigrationQueue::jobStarted, this, &JobsModel::onStarted);
    connect(queue, &MigrationQueue::jobProgress, this, &JobsModel::onProgress);
    connect(queue, &MigrationQueue::jobFinished, this, &JobsModel::onFinished);
    // A move given up after an unanswered abort shows its real outcome when that comes.
    connect(queue, &MigrationQueue::lateResult, this, &JobsModel::onFinished);
    const QList<MigrationRequest> existing = queue->jobs();
    for (const MigrationRequest& request : existing) {
        appendJob(request);
        m_jobs.last().progress = queue->progress(request.id);
    }
    connect(new LanguageWatcher(this), &LanguageWatcher::languageChanged, this, &JobsModel::retranslate);
}

JobsModel::~JobsModel() = default;

int JobsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int JobsModel::rowOf(quint64 id) const
{
    return KeyedTableModel::rowOf(QString::number(id));
}

quint64 JobsModel::jobAt(int row) const
{
    return row >= 0 && row < m_jobs.size() ? m_jobs.at(row).request.id : 0;
}

MigrationPhase JobsModel::phase(quint64 id) const
{
    const int row = rowOf(id);
    return row < 0 ? MigrationPhase::Queued : m_jobs.at(row).progress.phase;
}

bool JobsModel::isFinished(quint64 id) const
{
    const int row = rowOf(id);
    return row >= 0 && m_jobs.at(row).result.has_value();
}

MigrationRequest JobsModel::request(quint64 id) const
{
    const int row = rowOf(id);
    return row < 0 ? MigrationRequest() : m_jobs.at(row).request;
}

std::optional<MigrationResult> JobsModel::result(quint64 id) const
{
    const int row = rowOf(id);
    return row < 0 ? std::nullopt : m_jobs.at(row).result;
}

MigrationProgress JobsModel::progress(quint64 id) const
{
    const int row = rowOf(id);
    return row < 0 ? MigrationProgress() : m_jobs.at(row).progress;
}

QString JobsModel::outcomeText(quint64 id) const
{
    const int row = rowOf(id);
    return row < 0 ? QString() : outcome(m_jobs.at(row));
}

void JobsModel::noteBandwidth(quint64 id, quint64 mebibytesPerSecond)
{
    const int row = rowOf(id);
    if (row >= 0)
        m_jobs[row].request.options.bandwidthMiBs = mebibytesPerSecond;
}

void JobsModel::noteMaxDowntime(quint64 id, qint64 milliseconds)
{
    const int row = rowOf(id);
    if (row >= 0)
        m_jobs[row].request.options.maxDowntimeMs = milliseconds;
}

void JobsModel::appendJob(const MigrationRequest& request)
{
    Job job;
    job.request = request;
    job.progress.id = request.id;
    appendRows({QString::number(request.id)}, [&](const QString&) { m_jobs.append(job); });
}

void JobsModel::rowChanged(int row, const Job& before)
{
    // Only the changed cells, in runs of neighbouring columns: a progress report changes the
    // figures, not the instance's name or route.
    const Job& after = m_jobs.at(row);
    auto differs = [&](int column) {
        const auto c = Column(column);
        QList<int> roles{Qt::DisplayRole, Qt::ToolTipRole, Qt::ForegroundRole};
        if (c == Column::Progress)
            roles << PercentRole << PhaseRole; // what the progress bar is painted from
        return std::any_of(roles.cbegin(), roles.cend(),
                           [&](int role) { return value(before, c, role) != value(after, c, role); });
    };
    int first = -1;
    for (int column = 0; column <= ColumnCount; ++column) {
        const bool changed = column < ColumnCount && differs(column);
        if (changed && first < 0)
            first = column;
        if (!changed && first >= 0) {
            columnsChanged(row, first, column - 1);
            first = -1;
        }
    }
}

void JobsModel::onQueued(const MigrationRequest& request)
{
    if (rowOf(request.id) < 0)
        appendJob(request);
}

void JobsModel::onStarted(quint64 id)
{
    const int row = rowOf(id);
    if (row < 0 || m_jobs.at(row).result)
        return;
    const Job before = m_jobs.at(row);
    m_jobs[row].progress.phase = MigrationPhase::Starting;
    rowChanged(row, before);
}

void JobsModel::onProgress(const MigrationProgress& progress)
{
    const int row = rowOf(progress.id);
    if (row < 0 || m_jobs.at(row).result)
        return;
    const Job before = m_jobs.at(row);
    Job& job = m_jobs[row];
    // A new memory pass starts with more remaining by design; within one pass growth means the
    // guest dirties memory faster than it moves, which staff should see rather than a smooth bar.
    if (progress.iteration != job.progress.iteration)
        job.grew = false;
    job.grew = job.grew || progress.wentBackwards;
    job.progress = progress;
    rowChanged(row, before);
}

void JobsModel::onFinished(const MigrationRequest& request, const MigrationResult& result)
{
    int row = rowOf(request.id);
    if (row < 0) {
        appendJob(request);
        row = int(m_jobs.size()) - 1;
    }
    const Job before = m_jobs.at(row);
    Job& job = m_jobs[row];
    job.result = result;
    job.progress.phase = result.phase;
    if (result.totalTimeMs > 0)
        job.progress.elapsedMs = result.totalTimeMs;
    job.progress.etaMs = -1;
    rowChanged(row, before);
}

void JobsModel::clearFinished()
{
    for (int row = int(m_jobs.size()) - 1; row >= 0; --row) {
        if (!m_jobs.at(row).result)
            continue;
        removeRowAt(row, [this](int at) { m_jobs.removeAt(at); });
    }
}

QString JobsModel::outcome(const Job& job) const
{
    if (job.result) {
        const MigrationResult& result = *job.result;
        switch (result.phase) {
        case MigrationPhase::Completed: {
            const QString downtime =
                result.downtimeMs >= 0 ? tr("%1 ms").arg(result.downtimeMs) : tr("not reported", "downtime");
            return tr("Took %1, moved %2, downtime %3")
                .arg(durationText(result.totalTimeMs > 0 ? result.totalTimeMs : result.wallTimeMs),
                     bytesText(result.dataTransferred), downtime);
        }
        case MigrationPhase::Cancelled:
            return tr("Cancelled: still running on %1").arg(job.request.sourceNode);
        case MigrationPhase::Failed: {
            QString reason = result.error.message;
            if (!result.error.detail.isEmpty() && result.error.detail != reason)
                reason = reason.isEmpty()
                             ? result.error.detail
                             : tr("%1 (%2)", "message (libvirt detail)").arg(reason, result.error.detail);
            if (reason.isEmpty())
                reason = tr("libvirt gave no reason");
            return tr("Failed: %1. Still on %2.").arg(reason, job.request.sourceNode);
        }
        default:
            break;
        }
    }
    switch (job.progress.phase) {
    case MigrationPhase::Queued:
        return tr("Waiting for a free migration slot");
    case MigrationPhase::Starting:
        return tr("Connecting the two nodes");
    case MigrationPhase::PostCopy:
        return tr("Running on %1; fetching the rest of its memory").arg(job.request.destinationNode);
    default:
        break;
    }
    if (job.grew)
        return tr("Remaining grew: the guest is writing memory faster than it moves");
    return {};
}

QVariant JobsModel::display(const Job& job, Column column) const
{
    const MigrationProgress& p = job.progress;
    const QLocale locale;
    const bool known = p.dataTotal > 0 || p.dataProcessed > 0;
    switch (column) {
    case Column::Instance:
        return job.request.name.isEmpty() ? job.request.uuid : job.request.name;
    case Column::Route:
        return tr("%1 → %2", "source → destination").arg(job.request.sourceNode, job.request.destinationNode);
    case Column::Phase:
        return migrationPhaseText(p.phase);
    case Column::Progress: {
        if (p.phase == MigrationPhase::Completed)
            return tr("%1%").arg(100);
        const int percent = p.percent();
        return percent < 0 ? QString() : tr("%1%").arg(percent);
    }
    case Column::Data:
        if (job.result && job.result->phase == MigrationPhase::Completed)
            return tr("%1 moved").arg(bytesText(job.result->dataTransferred));
        if (!known)
            return QString();
        return tr("%1 / %2 / %3", "processed / remaining / total")
            .arg(bytesText(p.dataProcessed), bytesText(p.dataRemaining), bytesText(p.dataTotal));
    case Column::Rate:
        return isActivePhase(p.phase) && known ? tr("%1/s").arg(bytesText(p.rateBytesPerSec)) : QString();
    case Column::DirtyRate:
        return isActivePhase(p.phase) && known ? tr("%1 pages/s").arg(locale.toString(p.dirtyPagesPerSec))
                                               : QString();
    case Column::Iteration:
        return p.iteration > 0 ? locale.toString(p.iteration) : QString();
    case Column::Elapsed:
        return p.phase == MigrationPhase::Queued ? QString() : durationText(p.elapsedMs);
    case Column::Eta:
        return isActivePhase(p.phase) && p.etaMs >= 0 ? durationText(p.etaMs) : QString();
    case Column::Outcome:
        return outcome(job);
    case Column::ServiceGap:
        return serviceGapText(job);
    }
    return {};
}

QString JobsModel::serviceGapText(const Job& job) const
{
    if (!m_prober)
        return {};
    if (const auto gap = m_prober->serviceGap(job.request.id)) {
        if (!gap->answeredAfter)
            return tr("no answer after %1").arg(durationText(gap->gapMs));
        return durationText(gap->gapMs);
    }
    if (job.progress.phase != MigrationPhase::Queued && m_prober->isMoving(job.request.uuid))
        return tr("measuring…");
    return {};
}

QString JobsModel::toolTip(const Job& job, Column column) const
{
    switch (column) {
    case Column::Progress:
    case Column::Data:
        if (job.grew && !job.result)
            return tr(
                "The data still to copy grew since the last report: the guest changes its memory faster "
                "than the network moves it. Raise the bandwidth, allow auto-converge or switch to "
                "post-copy.");
        return tr("Processed / remaining / total memory of this pass");
    case Column::DirtyRate:
        return tr("Memory pages the guest changes per second; they must be copied again");
    case Column::Iteration:
        return tr("Memory pass: each pass copies what the guest changed during the previous one");
    case Column::Outcome:
        return outcome(job);
    case Column::ServiceGap:
        if (const auto gap = m_prober ? m_prober->serviceGap(job.request.id) : std::nullopt) {
            if (!gap->answeredAfter)
                return tr("No service probe of %1 answered after the move, for %2.")
                    .arg(gap->name, durationText(gap->gapMs));
            return tr("The longest stretch in which no service probe of %1 answered, from the start of the "
                      "move to its first answer after it: %2 (%n check(s) without an answer).",
                      nullptr, gap->failures)
                .arg(gap->name, durationText(gap->gapMs));
        }
        return {};
    case Column::Instance:
    case Column::Route:
        // The path the memory stream takes, as the controller resolved it for this move.
        return tr("Transport: %1").arg(MigrationPath::describe(job.request.transport));
    default:
        return {};
    }
}

QVariant JobsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return value(m_jobs.at(index.row()), Column(index.column()), role);
}

QVariant JobsModel::value(const Job& job, Column column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return display(job, column);
    case Qt::ToolTipRole:
        return plainToolTip(toolTip(job, column));
    case JobIdRole:
        return job.request.id;
    case PercentRole:
        return job.progress.phase == MigrationPhase::Completed ? 100 : job.progress.percent();
    case PhaseRole:
        return int(job.progress.phase);
    case Qt::ForegroundRole:
        if (column == Column::Outcome || column == Column::Phase) {
            if (job.progress.phase == MigrationPhase::Failed)
                return QColor(0xb0, 0x20, 0x20);
            if (job.grew && !job.result)
                return QColor(0x9a, 0x60, 0x00);
        }
        return {};
    case Qt::TextAlignmentRole:
        switch (column) {
        case Column::Rate:
        case Column::DirtyRate:
        case Column::Iteration:
        case Column::Elapsed:
        case Column::Eta:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant JobsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(section)) {
    case Column::Instance:
        return tr("Instance");
    case Column::Route:
        return tr("From → to");
    case Column::Phase:
        return tr("Phase");
    case Column::Progress:
        return tr("Progress");
    case Column::Data:
        return role == Qt::ToolTipRole ? tr("Processed / remaining / total") : tr("Data");
    case Column::Rate:
        return tr("Rate");
    case Column::DirtyRate:
        return tr("Dirty rate");
    case Column::Iteration:
        return tr("Pass");
    case Column::Elapsed:
        return tr("Elapsed");
    case Column::Eta:
        return role == Qt::ToolTipRole ? tr("Estimated time remaining") : tr("ETA");
    case Column::Outcome:
        return tr("Notes");
    case Column::ServiceGap:
        return role == Qt::ToolTipRole ? tr("The longest stretch without an answer from the instance's "
                                            "service probes during the move")
                                       : tr("Service gap");
    }
    return {};
}

void JobsModel::setServiceProber(ServiceProber* prober)
{
    if (m_prober)
        disconnect(m_prober, nullptr, this, nullptr);
    m_prober = prober;
    if (prober) {
        connect(prober, &ServiceProber::serviceGapMeasured, this, [this](const ServiceGap& gap) {
            const int row = rowOf(gap.migrationId);
            if (row >= 0)
                columnsChanged(row, int(Column::ServiceGap), int(Column::ServiceGap));
        });
    }
}

void JobsModel::retranslate()
{
    allChanged();
}

} // namespace kumo

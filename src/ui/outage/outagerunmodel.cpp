// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/outage/outagerunmodel.h"

#include <algorithm>

#include <QLocale>

#include "core/outagereport.h"
#include "ui/checkpresentation.h"
#include "ui/languagewatcher.h"
#include "ui/modelformat.h"
#include "ui/modelroles.h"
#include "ui/plaintext.h"

namespace kumo {

namespace {

int progressPercent(const MoveRecord& record)
{
    if (record.status == MoveStatus::Done)
        return 100;
    if (record.status != MoveStatus::Running || record.move.memoryKiB == 0)
        return -1;
    // Memory is what a live migration sends at least once: a fair measure of how far it got.
    const double fraction = double(record.dataBytes) / (double(record.move.memoryKiB) * 1024.0);
    return std::clamp(int(fraction * 100), 0, 99);
}

QString serviceToolTip(const MoveRecord& record)
{
    if (record.serviceAfter == ServiceAnswer::None && record.serviceBefore == ServiceAnswer::None)
        return OutageRunModel::tr("No service probes for this instance.");
    QStringList lines;
    lines.append(OutageRunModel::tr("Before the move: %1").arg(serviceAnswerText(record.serviceBefore)));
    lines.append(OutageRunModel::tr("After the move: %1").arg(serviceAnswerText(record.serviceAfter)));
    if (record.serviceGapMs >= 0)
        lines.append(OutageRunModel::tr("Service gap: %1").arg(formatDurationMs(record.serviceGapMs)));
    return lines.join(u'\n');
}

} // namespace

OutageRunModel::OutageRunModel(QObject* parent)
    : KeyedTableModel(parent)
{
    connect(new LanguageWatcher(this), &LanguageWatcher::languageChanged, this, &OutageRunModel::retranslate);
}

int OutageRunModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

void OutageRunModel::setRun(const OutageRun& run)
{
    const OutageRun before = m_run;
    QHash<QString, int> beforeIndex = m_index;
    m_run = run;
    m_index.clear();
    QStringList keys;
    for (int i = 0; i < run.records.size(); ++i) {
        keys.append(run.records.at(i).move.uuid);
        m_index.insert(run.records.at(i).move.uuid, i);
    }
    const QSet<QString> had(KeyedTableModel::keys().cbegin(), KeyedTableModel::keys().cend());
    if (!syncKeys(keys))
        return;
    for (int row = 0; row < rowCount(); ++row) {
        const QString uuid = keyAt(row);
        if (!had.contains(uuid))
            continue;
        const int old = beforeIndex.value(uuid, -1);
        if (old < 0 || before.records.value(old) != m_run.records.at(m_index.value(uuid)))
            columnsChanged(row);
    }
}

void OutageRunModel::tick()
{
    for (int row = 0; row < rowCount(); ++row) {
        const MoveRecord* record = recordAt(row);
        if (record && record->status == MoveStatus::Running)
            columnsChanged(row, int(Column::Progress), int(Column::Duration));
    }
}

void OutageRunModel::retranslate()
{
    allChanged();
}

const MoveRecord* OutageRunModel::recordAt(int row) const
{
    const int i = m_index.value(keyAt(row), -1);
    return i < 0 ? nullptr : &m_run.records.at(i);
}

QVariant OutageRunModel::data(const QModelIndex& index, int role) const
{
    const MoveRecord* record = index.isValid() ? recordAt(index.row()) : nullptr;
    if (!record)
        return {};
    const auto column = Column(index.column());
    const PlannedMove& move = record->move;
    // A finished move's duration is the one measured on the monotonic clock; a running one's is
    // counted from its start time for the moment.
    qint64 durationMs = -1;
    if (record->finished.isValid())
        durationMs = record->durationMs;
    else if (record->started.isValid())
        durationMs = std::max<qint64>(0, record->started.msecsTo(QDateTime::currentDateTimeUtc()));
    switch (role) {
    case KeyRole:
        return move.uuid;
    case Qt::DisplayRole:
        switch (column) {
        case Column::Instance:
            return move.name;
        case Column::From:
            return move.fromNode;
        case Column::To:
            return move.toNode;
        case Column::Status:
            return moveStatusText(record->status);
        case Column::Progress: {
            const int percent = progressPercent(*record);
            if (percent < 0)
                return record->dataBytes > 0 ? format::memoryKiB(record->dataBytes / 1024) : QString();
            return tr("%1% · %2").arg(percent).arg(format::memoryKiB(record->dataBytes / 1024));
        }
        case Column::Duration:
            return formatDurationMs(durationMs);
        case Column::Downtime:
            return formatDurationMs(record->downtimeMs);
        case Column::ServiceAfter:
            return serviceAnswerText(record->serviceAfter);
        case Column::Error:
            return record->error;
        case Column::Count:
            break;
        }
        break;
    case SortRole:
        switch (column) {
        case Column::Progress:
            return progressPercent(*record);
        case Column::Duration:
            return durationMs;
        case Column::Downtime:
            return record->downtimeMs;
        case Column::ServiceAfter:
            return int(record->serviceAfter);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DecorationRole:
        if (column == Column::ServiceAfter) {
            if (record->serviceAfter == ServiceAnswer::Answered)
                return checkSeverityIcon(CheckSeverity::Ok);
            if (record->serviceAfter == ServiceAnswer::NoAnswer)
                return checkSeverityIcon(CheckSeverity::Refused);
            break;
        }
        if (column != Column::Status)
            break;
        switch (record->status) {
        case MoveStatus::Done:
            return checkSeverityIcon(CheckSeverity::Ok);
        case MoveStatus::Failed:
            return checkSeverityIcon(CheckSeverity::Refused);
        case MoveStatus::Skipped:
        case MoveStatus::Cancelled:
            return checkSeverityIcon(CheckSeverity::Warning);
        case MoveStatus::Running:
            return checkPendingIcon();
        case MoveStatus::Pending:
            break;
        }
        break;
    case Qt::ToolTipRole:
        if (column == Column::Error && !record->error.isEmpty())
            return plainToolTip(record->error);
        if (column == Column::ServiceAfter)
            return serviceToolTip(*record);
        if (record->attempts > 1)
            return tr("Attempt %1").arg(record->attempts);
        break;
    case Qt::TextAlignmentRole:
        if (column == Column::Progress || column == Column::Duration || column == Column::Downtime)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant OutageRunModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::Instance:
        return tr("Instance");
    case Column::From:
        return tr("From");
    case Column::To:
        return tr("To");
    case Column::Status:
        return tr("Status");
    case Column::Progress:
        return tr("Progress");
    case Column::Duration:
        return tr("Duration");
    case Column::Downtime:
        return tr("Downtime");
    case Column::ServiceAfter:
        return tr("Service after move");
    case Column::Error:
        return tr("Error");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/outageprogress.h"

#include "core/outagestate.h"

namespace kumo {

OutageProgress OutageProgress::of(const OutageRun& run, const QHash<int, quint64>& runningBytes,
                                  qint64 elapsedMs, quint64 doneBytesThisSession)
{
    OutageProgress progress;
    progress.total = int(run.records.size());
    progress.done = run.count(MoveStatus::Done);
    progress.failed = run.count(MoveStatus::Failed);
    progress.skipped = run.count(MoveStatus::Skipped) + run.count(MoveStatus::Cancelled);
    progress.running = run.count(MoveStatus::Running);
    quint64 remaining = 0;
    for (int i = 0; i < run.records.size(); ++i) {
        const MoveRecord& record = run.records.at(i);
        const quint64 memory = record.move.memoryKiB * 1024;
        progress.bytesTotal += memory;
        if (record.status == MoveStatus::Done) {
            progress.bytesMoved += record.dataBytes;
        } else if (record.status == MoveStatus::Running) {
            const quint64 sent = runningBytes.value(i);
            progress.bytesMoved += sent;
            remaining += memory > sent ? memory - sent : 0;
        } else if (record.status == MoveStatus::Pending) {
            remaining += memory;
        }
    }
    progress.elapsedMs = elapsedMs;
    if (doneBytesThisSession > 0 && progress.elapsedMs > 0) {
        // The run's own pace so far, parallel moves included.
        const double bytesPerMs = double(doneBytesThisSession) / double(progress.elapsedMs);
        progress.etaMs = qint64(double(remaining) / bytesPerMs);
    }
    return progress;
}

} // namespace kumo

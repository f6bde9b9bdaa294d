// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OutageProgress: the overall figures of an outage run (moves, data, time), computed from the
// run's records, the bytes sent so far by its running moves and this console session's pace.
// Thread: any (value).
// Owner: whoever holds the value.
#pragma once

#include <QHash>
#include <QtGlobal>

namespace kumo {

struct OutageRun;

struct OutageProgress
{
    int total = 0;   // moves in the run
    int done = 0;    // Done
    int failed = 0;  // Failed
    int skipped = 0; // Skipped or Cancelled
    int running = 0;
    quint64 bytesTotal = 0; // memory of every move (an estimate of the data to send)
    quint64 bytesMoved = 0; // transferred by finished moves plus running ones so far
    qint64 elapsedMs = 0;   // since the run started (this console session's share after a resume)
    qint64 etaMs = -1;      // -1: not known yet

    // runningBytes: record index -> bytes its running move has sent so far. doneBytesThisSession:
    // data of the moves this session finished, over elapsedMs: the run's own pace (parallel moves
    // included), from which the time left is estimated.
    [[nodiscard]] static OutageProgress of(const OutageRun& run, const QHash<int, quint64>& runningBytes,
                                           qint64 elapsedMs, quint64 doneBytesThisSession);
};

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MigrationJob: the interface between the MigrationQueue and one migration carried out by a
// backend. MigrationRunner (libvirt) implements it today; another backend (a cloud manager's
// API) can implement it later without the queue, the controller or the ui changing. A fake in
// tests/support lets the logic above it be tested without daemons.
//
// Contract:
// - A job moves the one request it was made for; every value it emits carries that request's id.
// - start() is called once. finished() is emitted exactly once, whatever happens: Completed,
//   Failed (error says why) or Cancelled; nothing is emitted after it.
// - cancel() before start(): start() finishes at once with Cancelled, the instance untouched.
//   cancel() while running: the backend is asked to abort; finished() follows with Cancelled
//   (or Completed when the move ended first). cancel() after finished(): nothing.
// - Tuning (setBandwidth, setMaxDowntime, switchToPostCopy) applies to the running move. When
//   nothing runs (not started, or finished) or the backend refuses, tuningFailed() says why and
//   the job goes on unchanged; tuning never ends a job. The queue keeps tuning asked for before
//   the start in the request instead of calling the job.
//
// Thread: a worker thread of its own. Call its slots only queued (QMetaObject::invokeMethod
// with a functor and Qt::QueuedConnection); its signals carry values and are received queued.
// Owner: the MigrationQueue, which moves it to its thread and deletes it when the thread finishes.
#pragma once

#include <QObject>

#include "core/migration.h"
#include "core/result.h"

namespace kumo {

class MigrationJob : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~MigrationJob() override = default;

public Q_SLOTS:
    virtual void start() = 0;
    // Aborts; the instance stays on its source.
    virtual void cancel() = 0;
    // 0: unlimited.
    virtual void setBandwidth(quint64 mebibytesPerSecond) = 0;
    // The longest pause the switch-over may cause; refused when not positive.
    virtual void setMaxDowntime(qint64 milliseconds) = 0;
    // Only when the request allowed post-copy.
    virtual void switchToPostCopy() = 0;

Q_SIGNALS:
    void progress(const kumo::MigrationProgress& progress);
    void finished(const kumo::MigrationResult& result);
    // A live change was refused or could not be applied; the job goes on.
    void tuningFailed(quint64 id, const kumo::Error& error);
};

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OutageStore: the outage state files, one per campus, under $XDG_STATE_HOME/kumo/
// (outage-<site>.json). Every save replaces the file atomically (QSaveFile: written beside it,
// flushed to disk, renamed over it), so a crash at any moment leaves the previous or the new
// state, never a torn one.
// One owner per campus run: a run is started or resumed only by the holder of the campus's lock
// (outage-<site>.lock beside the state file; an advisory flock(2) the kernel drops when its
// process ends, with the owner's program, pid, host and start time written inside). A lock whose
// owner is gone is taken over with a note saying whose it was. A store that does not hold the
// lock writes the state file only while it can take the lock for the write, and every write keeps
// the home nodes already on disk that it does not know (a second writer never drops them). A
// state file that names another campus than its file name is refused.
// Thread: any for files; the locks a store holds belong to the thread that uses the store.
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <optional>

#include "core/outagestate.h"
#include "core/result.h"

namespace kumo {

// Who holds a campus's lock.
struct OutageLockOwner
{
    Q_DECLARE_TR_FUNCTIONS(kumo::OutageLockOwner)

public:
    qint64 pid = 0;
    QString host;
    QDateTime started; // when it took the lock (UTC)
    QString program;
    // "kumo (process 4242 on yamate-admin, since 2026-03-01 09:05 UTC)" (translated).
    [[nodiscard]] QString describe() const;
};

class OutageStore
{
    Q_DECLARE_TR_FUNCTIONS(kumo::OutageStore)

public:
    // dir: where the files live (default: defaultDir()). Created on the first save.
    explicit OutageStore(const QString& dir = {});
    ~OutageStore(); // releases the locks it holds
    OutageStore(const OutageStore&) = delete;
    OutageStore& operator=(const OutageStore&) = delete;

    // $XDG_STATE_HOME/kumo (~/.local/state/kumo).
    [[nodiscard]] static QString defaultDir();
    [[nodiscard]] QString dir() const { return m_dir; }
    [[nodiscard]] QString pathFor(const QString& site) const;
    [[nodiscard]] QString lockPathFor(const QString& site) const;

    // Takes the lock of `site`'s runs for this store until unlock() or the store's end (again: no
    // change). Refused, naming the owner, while another process (or store) holds it. A lock left
    // by an owner that is gone is taken over; `note` (when given) then says whose it was.
    [[nodiscard]] Result<void> lock(const QString& site, QString* note = nullptr);
    void unlock(const QString& site);
    [[nodiscard]] bool holdsLock(const QString& site) const { return m_locks.contains(site); }
    // Who else holds the lock of `site`; nullopt when nobody does or this store does.
    [[nodiscard]] std::optional<OutageLockOwner> lockOwner(const QString& site) const;

    // ErrorCode::NotFound when the site has no file; InvalidInput (with the reason) when it is
    // unreadable or names another campus.
    [[nodiscard]] Result<OutageState> load(const QString& site) const;
    // Sets updatedAt and writes atomically, under the site's lock (held, or taken for the write;
    // refused naming the owner when another holds it). Home records on disk that `state` lacks
    // are kept, unless the outage on disk has ended.
    [[nodiscard]] Result<void> save(OutageState state) const;
    [[nodiscard]] Result<void> remove(const QString& site) const;
    // Every readable state file (unreadable ones are reported in `errors` when given).
    [[nodiscard]] QList<OutageState> all(QList<Error>* errors = nullptr) const;

private:
    [[nodiscard]] Result<void> write(OutageState state) const;

    QString m_dir;
    QHash<QString, int> m_locks; // site -> descriptor of its locked file
};

} // namespace kumo

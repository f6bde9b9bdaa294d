// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OutageStore: the outage state files, one per campus, under $XDG_STATE_HOME/kumo/
// (outage-<site>.json). Every save replaces the file atomically (QSaveFile: written beside it,
// flushed to disk, renamed over it), so a crash at any moment leaves the previous or the new
// state, never a torn one.
// Thread: any (no shared state; each call opens the file).
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include "core/outagestate.h"
#include "core/result.h"

namespace kumo {

class OutageStore
{
    Q_DECLARE_TR_FUNCTIONS(kumo::OutageStore)

public:
    // dir: where the files live (default: defaultDir()). Created on the first save.
    explicit OutageStore(QString dir = {});

    // $XDG_STATE_HOME/kumo (~/.local/state/kumo).
    [[nodiscard]] static QString defaultDir();
    [[nodiscard]] QString dir() const { return m_dir; }
    [[nodiscard]] QString pathFor(const QString& site) const;

    // ErrorCode::NotFound when the site has no file; InvalidInput (with the reason) when it is unreadable.
    [[nodiscard]] Result<OutageState> load(const QString& site) const;
    // Sets updatedAt and writes atomically.
    [[nodiscard]] Result<void> save(OutageState state) const;
    [[nodiscard]] Result<void> remove(const QString& site) const;
    // Every readable state file (unreadable ones are reported in `errors` when given).
    [[nodiscard]] QList<OutageState> all(QList<Error>* errors = nullptr) const;

private:
    QString m_dir;
};

} // namespace kumo

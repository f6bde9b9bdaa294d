// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// InventoryWatcher: keeps the console's inventory in step with the file on disk. It reloads
// the file shortly after it changes, whether an editor rewrote it in place or saved a new
// file and renamed it over the old one, and reports either the new inventory or why the file
// cannot be read. A file that does not parse never replaces the last good inventory: Kumo
// keeps working with what it had and never overwrites a file it could not parse.
//
// The file's folder is watched too, because a rename replaces the file the watcher was attached
// to. The folder need not exist yet (a first start, before anyone wrote an inventory): then the
// nearest folder above it that exists is watched, and the watch climbs down as folders appear, so
// a file created later (`mkdir -p … && cat > …`, or by a dialog) is read at once. A folder that
// goes away moves the watch up again.
//
// Reading and parsing happen on a worker (QtConcurrent), so a large or broken file never stalls the
// window; the result is applied on the watcher's thread, and a read that finishes after a newer
// one began is dropped. Meanwhile current() stays the last good inventory.
//
// Thread: GUI (or the main thread of a headless command); the reads run on the global thread pool.
// Owner: whoever creates it (QObject parent).
#pragma once

#include <functional>
#include <optional>

#include <QFileSystemWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

#include "core/inventory.h"
#include "core/result.h"

namespace kumo {

class InventoryWatcher : public QObject
{
    Q_OBJECT

public:
    // How long the file must be quiet before it is read: an editor's save is often several writes.
    static constexpr int DebounceMs = 200;

    explicit InventoryWatcher(const QString& path, QObject* parent = nullptr);

    // How a file is read: Inventory::load unless a test replaces it (to hold a read back, say).
    // Called on a worker thread; it must not touch the watcher.
    using Loader = std::function<Result<Inventory>(const QString& path)>;

    // Loads the file once, on the calling thread (the window is not shown yet), and starts
    // watching it. Watching starts even when the first load fails, so fixing the file later still
    // delivers inventoryChanged.
    Result<Inventory> start();
    // The same with the first load already done (on a worker, say): starts watching and reads the
    // file once more on a worker, so that a change between that load and the watch is not missed.
    Result<Inventory> start(Result<Inventory> firstLoad);
    void setLoader(Loader loader) { m_loader = std::move(loader); }

    // The last inventory that parsed; empty before the first good load.
    [[nodiscard]] const Inventory& current() const { return m_current; }
    [[nodiscard]] QString path() const { return m_path; }

public slots:
    // Reads the file now on a worker (for example on a "Reload" action); what changed is emitted
    // when the read ends, unless a newer reload() began meanwhile.
    void reload();

signals:
    // The file parsed and differs from current(), or it parses again after an error.
    void inventoryChanged(const kumo::Inventory& inventory);
    // The file cannot be read or parsed; current() is kept. Repeated identical errors are
    // reported once.
    void inventoryError(const kumo::Error& error);

private:
    Result<Inventory> takeFirstLoad(Result<Inventory> result);
    void onPathChanged();
    void apply(quint64 generation, Result<Inventory> result);
    void watchFile();
    // Watches the file's folder, or the nearest existing folder above it, and nothing else.
    void watchFolder();

    QString m_path;
    QString m_folder; // the folder watched now: the file's own, or an ancestor while it is missing
    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
    Inventory m_current;
    std::optional<Error> m_lastError;
    Loader m_loader = &Inventory::load;
    quint64 m_generation = 0; // of the newest read begun; older results are dropped
};

} // namespace kumo

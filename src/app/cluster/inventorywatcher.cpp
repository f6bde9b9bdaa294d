// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cluster/inventorywatcher.h"

#include <QFileInfo>
#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

namespace kumo {

InventoryWatcher::InventoryWatcher(const QString& path, QObject* parent)
    : QObject(parent)
    , m_path(QFileInfo(path).absoluteFilePath())
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &InventoryWatcher::reload);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &InventoryWatcher::onPathChanged);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &InventoryWatcher::onPathChanged);
}

Result<Inventory> InventoryWatcher::start()
{
    watchFolder();
    watchFile();
    return takeFirstLoad(m_loader(m_path));
}

Result<Inventory> InventoryWatcher::start(Result<Inventory> firstLoad)
{
    watchFolder();
    watchFile();
    m_debounce.start();
    return takeFirstLoad(std::move(firstLoad));
}

Result<Inventory> InventoryWatcher::takeFirstLoad(Result<Inventory> result)
{
    if (result.ok()) {
        m_current = result.value();
        m_lastError.reset();
    } else {
        m_lastError = result.error();
    }
    return result;
}

void InventoryWatcher::onPathChanged()
{
    // A folder on the way to the file may have appeared (or gone): move the watch first, so that
    // what happens inside the new folder from now on is seen.
    watchFolder();
    // A rename drops the old file from the watch list; attach to the new one at once so
    // that a write right after the rename is not missed.
    watchFile();
    m_debounce.start();
}

void InventoryWatcher::watchFolder()
{
    const QString target = QFileInfo(m_path).absolutePath();
    // Repeated until nothing changes: a folder made below the new watch before the watch existed
    // (mkdir -p makes them all at once) sends no event, so look again after every move.
    for (;;) {
        QString folder = target;
        while (!QFileInfo(folder).isDir()) {
            const QString parent = QFileInfo(folder).absolutePath();
            if (parent == folder)
                break; // even the root is gone: nothing left to watch
            folder = parent;
        }
        if (folder == m_folder && m_watcher.directories().contains(folder))
            return;
        if (!m_folder.isEmpty() && m_watcher.directories().contains(m_folder))
            m_watcher.removePath(m_folder);
        m_folder = folder;
        if (!m_watcher.addPath(folder)) {
            qWarning("InventoryWatcher: cannot watch folder %s", qPrintable(folder));
            return;
        }
    }
}

void InventoryWatcher::watchFile()
{
    if (!m_watcher.files().contains(m_path) && QFileInfo::exists(m_path))
        m_watcher.addPath(m_path);
}

void InventoryWatcher::reload()
{
    m_debounce.stop();
    watchFile();
    const quint64 generation = ++m_generation;
    // The continuation runs on this object's thread, and not at all once this object is gone; the
    // read itself holds only copies, so it may outlive the watcher.
    QtConcurrent::run([loader = m_loader, path = m_path] {
        return std::optional(loader(path));
    }).then(this, [this, generation](std::optional<Result<Inventory>> result) {
        apply(generation, std::move(*result));
    });
}

void InventoryWatcher::apply(quint64 generation, Result<Inventory> result)
{
    if (generation != m_generation)
        return; // a newer read began after this one: its result is the one that counts
    if (!result.ok()) {
        if (m_lastError == result.error())
            return;
        m_lastError = result.error();
        qWarning("InventoryWatcher: keeping the last good inventory: %s",
                 qPrintable(result.error().toString()));
        emit inventoryError(result.error());
        return;
    }
    const bool recovered = m_lastError.has_value();
    m_lastError.reset();
    if (!recovered && result.value() == m_current)
        return;
    m_current = std::move(result).value();
    emit inventoryChanged(m_current);
}

} // namespace kumo

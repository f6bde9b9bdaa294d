// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// InventoryEditor: changes the [[node]] tables of an inventory file in place, so that everything a
// person wrote around them — comments, blank lines, order, other tables, formatting — stays byte
// for byte. Adding appends a [[node]] table after the last node; editing rewrites only the values
// that changed (a key line keeps its comment); removing deletes the table and the comment lines
// directly above its header. A node may come with a new campus: its [[site]] table is appended
// after the last site. Adding to a file that does not exist yet (a first start) creates it, and its
// folder, with the new campus and node. Every result is parsed again and must give exactly the intended
// Inventory, or nothing is written. Inventory::save() rewrites the whole file and is only for files
// Kumo creates itself.
// Thread: any (pure functions on text; the file functions block on disk I/O).
#pragma once

#include <optional>

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include "core/inventory.h"
#include "core/result.h"

namespace kumo {

class InventoryEditor
{
    Q_DECLARE_TR_FUNCTIONS(kumo::InventoryEditor)

public:
    InventoryEditor() = delete;

    // On the text of an inventory; `fileName` appears in error messages only.
    // `newSite`: a campus the inventory does not have yet, added with the node (node.site is its id).
    [[nodiscard]] static Result<QByteArray> addNode(const QByteArray& text, const NodeConfig& node,
                                                    const QString& fileName,
                                                    const std::optional<Site>& newSite = std::nullopt);
    [[nodiscard]] static Result<QByteArray> replaceNode(const QByteArray& text, const QString& name,
                                                        const NodeConfig& node, const QString& fileName);
    [[nodiscard]] static Result<QByteArray> removeNode(const QByteArray& text, const QString& name,
                                                       const QString& fileName);

    // The same on a file: read, edit, check, then replace it atomically (QSaveFile), keeping
    // its permissions. Returns the inventory the file now holds.
    [[nodiscard]] static Result<Inventory> addNode(const QString& path, const NodeConfig& node,
                                                   const std::optional<Site>& newSite = std::nullopt);
    [[nodiscard]] static Result<Inventory> replaceNode(const QString& path, const QString& name,
                                                       const NodeConfig& node);
    [[nodiscard]] static Result<Inventory> removeNode(const QString& path, const QString& name);

    // A campus named as a person typed it, with an id made from the name that `inventory` does not
    // use yet ("Yamate" gives "yamate"; a name without Latin letters gives "campus-N") and a colour
    // no other campus has, while there are colours left.
    [[nodiscard]] static Site newSite(const QString& name, const Inventory& inventory);
};

} // namespace kumo

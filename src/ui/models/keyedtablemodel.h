// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// KeyedTableModel: the base of Kumo's table models, whose rows are found by a key (node name,
// instance UUID, job id). It keeps the keys in row order and a hash from key to row, so finding a
// row costs O(1); it inserts and removes rows (with the subclass's row data, kept in step in the
// same order) and emits dataChanged over a span of columns. syncKeys() brings the rows to a new
// list of keys with insertions and removals (a reset only when existing rows changed order), so
// views keep their selection and scroll position. Every model answers the roles of modelroles.h.
// Thread: GUI.
// Owner: the widget or window that shows the model.
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

#include "ui/modelroles.h"

namespace kumo {

class KeyedTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    using QAbstractTableModel::QAbstractTableModel;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    // Row of a key, or -1.
    [[nodiscard]] int rowOf(const QString& key) const { return m_rowOf.value(key, -1); }
    // Key of a row, or an empty string.
    [[nodiscard]] QString keyAt(int row) const { return m_keys.value(row); }
    [[nodiscard]] QString uuidAt(int row) const { return keyAt(row); }
    [[nodiscard]] QModelIndex indexOfKey(const QString& key, int column = 0) const;

protected:
    // Appends one block of rows (one rowsInserted however many): `appendData(key)` is called for
    // each key in order, between beginInsertRows and endInsertRows, and appends the row's data.
    template <typename AppendData> void appendRows(const QStringList& keys, AppendData&& appendData)
    {
        if (keys.isEmpty())
            return;
        const int at = int(m_keys.size());
        beginInsertRows({}, at, at + int(keys.size()) - 1);
        if (at == 0) {
            // Only for a first fill: reserving exactly at every batch would defeat geometric growth.
            m_keys.reserve(keys.size());
            m_rowOf.reserve(keys.size());
        }
        for (const QString& key : keys) {
            m_rowOf.insert(key, int(m_keys.size()));
            m_keys.append(key);
            appendData(key);
        }
        endInsertRows();
    }
    // Removes one row: `removeData(row)` removes the subclass's data of it. Later rows move up,
    // so their hash entries are renumbered: O(rows), but only when a row leaves.
    template <typename RemoveData> void removeRowAt(int row, RemoveData&& removeData)
    {
        if (row < 0 || row >= m_keys.size())
            return;
        beginRemoveRows({}, row, row);
        m_rowOf.remove(m_keys.at(row));
        m_keys.removeAt(row);
        removeData(row);
        renumberFrom(row);
        endRemoveRows();
    }
    // Inserts and removes rows so that the keys become `next`; returns false when it had to reset.
    // For models whose row data is looked up by key (not kept in row order).
    bool syncKeys(const QStringList& next);
    // One dataChanged over the columns first..last (last -1: the last column) of one row, or of
    // rows firstRow..lastRow; nothing when the span is empty.
    void columnsChanged(int row, int first = 0, int last = -1, const QList<int>& roles = {});
    void columnsChanged(int firstRow, int lastRow, int first, int last, const QList<int>& roles = {});
    // Every cell (e.g. after a language switch) and the horizontal headers.
    void allChanged(const QList<int>& roles = {});
    [[nodiscard]] const QStringList& keys() const { return m_keys; }

private:
    void renumberFrom(int row);

    QStringList m_keys;
    QHash<QString, int> m_rowOf;
};

} // namespace kumo

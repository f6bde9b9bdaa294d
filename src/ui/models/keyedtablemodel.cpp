// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/keyedtablemodel.h"

#include <QSet>

namespace kumo {

int KeyedTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

QModelIndex KeyedTableModel::indexOfKey(const QString& key, int column) const
{
    const int row = rowOf(key);
    return row < 0 ? QModelIndex() : index(row, column);
}

void KeyedTableModel::renumberFrom(int row)
{
    for (int i = row; i < m_keys.size(); ++i)
        m_rowOf.insert(m_keys.at(i), i);
}

bool KeyedTableModel::syncKeys(const QStringList& next)
{
    const QSet<QString> wanted(next.cbegin(), next.cend());
    for (int i = int(m_keys.size()) - 1; i >= 0; --i) {
        if (wanted.contains(m_keys.at(i)))
            continue;
        removeRowAt(i, [](int) {});
    }
    for (int i = 0; i < next.size(); ++i) {
        if (i < m_keys.size() && m_keys.at(i) == next.at(i))
            continue;
        if (m_rowOf.contains(next.at(i))) {
            // An existing row moved: rare (the plan's order is fixed), so a reset is fine.
            beginResetModel();
            m_keys = next;
            m_rowOf.clear();
            renumberFrom(0);
            endResetModel();
            return false;
        }
        beginInsertRows({}, i, i);
        m_keys.insert(i, next.at(i));
        renumberFrom(i);
        endInsertRows();
    }
    return true;
}

void KeyedTableModel::columnsChanged(int row, int first, int last, const QList<int>& roles)
{
    columnsChanged(row, row, first, last, roles);
}

void KeyedTableModel::columnsChanged(int firstRow, int lastRow, int first, int last, const QList<int>& roles)
{
    if (last < 0)
        last = columnCount() - 1;
    if (firstRow < 0 || lastRow < firstRow || lastRow >= m_keys.size() || first < 0 || last < first)
        return;
    Q_EMIT dataChanged(index(firstRow, first), index(lastRow, last), roles);
}

void KeyedTableModel::allChanged(const QList<int>& roles)
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    if (!m_keys.isEmpty())
        columnsChanged(0, int(m_keys.size()) - 1, 0, -1, roles);
}

} // namespace kumo

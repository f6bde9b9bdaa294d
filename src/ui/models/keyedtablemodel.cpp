// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/keyedtablemodel.h"

#include <QSet>

namespace kumo {

int KeyedTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

bool KeyedTableModel::syncKeys(const QStringList& next)
{
    const QSet<QString> wanted(next.cbegin(), next.cend());
    for (int i = int(m_keys.size()) - 1; i >= 0; --i) {
        if (wanted.contains(m_keys.at(i)))
            continue;
        beginRemoveRows({}, i, i);
        m_keys.removeAt(i);
        endRemoveRows();
    }
    const QSet<QString> present(m_keys.cbegin(), m_keys.cend());
    for (int i = 0; i < next.size(); ++i) {
        if (i < m_keys.size() && m_keys.at(i) == next.at(i))
            continue;
        if (present.contains(next.at(i))) {
            // An existing row moved: rare (the plan's order is fixed), so a reset is fine.
            beginResetModel();
            m_keys = next;
            endResetModel();
            return false;
        }
        beginInsertRows({}, i, i);
        m_keys.insert(i, next.at(i));
        endInsertRows();
    }
    return true;
}

void KeyedTableModel::rowChanged(int row)
{
    if (row < 0 || row >= m_keys.size() || columnCount() == 0)
        return;
    Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
}

} // namespace kumo

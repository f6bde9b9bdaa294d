// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// KeyedTableModel: the base of the outage tables, whose rows are found by instance UUID. It
// brings the row list to a new list of keys with row insertions and removals (a reset only when
// the order of existing rows changed), so views keep their selection and scroll position.
// Thread: GUI.
// Owner: the widget that shows the model.
#pragma once

#include <QAbstractTableModel>
#include <QStringList>

namespace kumo {

class KeyedTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role : int
    {
        UuidRole = Qt::UserRole + 40,
        // For combobox editors: what the choices read like and the values they stand for.
        ChoiceTextsRole,
        ChoiceValuesRole,
    };

    using QAbstractTableModel::QAbstractTableModel;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int rowOf(const QString& uuid) const { return int(m_keys.indexOf(uuid)); }
    [[nodiscard]] QString uuidAt(int row) const { return m_keys.value(row); }

protected:
    // Inserts and removes rows so that the keys become `next`; returns false when it had to reset.
    bool syncKeys(const QStringList& next);
    // One dataChanged for the whole row.
    void rowChanged(int row);

    QStringList m_keys;
};

} // namespace kumo

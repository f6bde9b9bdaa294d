// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// UnplacedTableModel: the instances the planner could not place (instance, from, memory, why)
// with the person's choice for each — leave it, or shut it down and restart it after the outage
// — editable in the "Choice" column.
// Thread: GUI.
// Owner: OutageWizard (or a test).
#pragma once

#include <QHash>

#include "core/outageplan.h"
#include "ui/models/keyedtablemodel.h"

namespace kumo {

class OutagePlanEditor;

class UnplacedTableModel : public KeyedTableModel
{
    Q_OBJECT

public:
    enum class Column
    {
        Instance,
        From,
        Memory,
        Reason,
        Choice,
        Count
    };

    explicit UnplacedTableModel(OutagePlanEditor* editor, QObject* parent = nullptr);

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

private:
    void refresh();
    void retranslate();

    OutagePlanEditor* m_editor;
    QHash<QString, UnplacedInstance> m_rows;
};

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// PlanTableModel: the moves of the plan being edited, one row per instance in execution order
// (order, instance, from, to, memory, note or problem). The "To" column is editable (a combobox
// of candidate nodes: the keyboard twin of dragging the chip on the plan map). Rows with a
// problem show a refusal icon and the problem as tooltip. Follows the OutagePlanEditor with
// dataChanged for the rows that changed only.
// Thread: GUI.
// Owner: OutageWizard (or a test).
#pragma once

#include <QHash>

#include "core/outageplan.h"
#include "ui/models/keyedtablemodel.h"

namespace kumo {

class OutagePlanEditor;

class PlanTableModel : public KeyedTableModel
{
    Q_OBJECT

public:
    enum class Column
    {
        Order,
        Instance,
        From,
        To,
        Memory,
        Transport, // the path the memory stream takes (MigrationPath::describe)
        Note,
        Count
    };

    explicit PlanTableModel(OutagePlanEditor* editor, QObject* parent = nullptr);

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    // Rows with a problem.
    [[nodiscard]] int problemRowCount() const;

private:
    struct Row
    {
        PlannedMove move;
        int order = 0;
        QStringList problems;
        bool operator==(const Row&) const = default;
    };
    void refresh();
    void retranslate();

    OutagePlanEditor* m_editor;
    QHash<QString, Row> m_rows;
};

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ChoiceDelegate: edits a cell with a combobox of the choices the model offers for it
// (ChoiceTextsRole / ChoiceValuesRole of ui/modelroles.h); choosing an entry commits at once.
// Thread: GUI.
// Owner: the view it is set on.
#pragma once

#include <QStyledItemDelegate>

namespace kumo {

class ChoiceDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
};

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// PropertyForm: a two-column list of "label: value" rows whose values can be selected and
// copied, with rows that can be hidden when they do not apply. The details panel keeps one
// for nodes and one for instances and only changes texts, so a refresh never rebuilds widgets.
// A grid, not a QFormLayout: Qt 6.4's form layout writes out of bounds when it lays out hidden
// rows beside word-wrapped ones (seen under valgrind in the details panel); a grid row whose
// widgets are hidden simply takes no room.
// Thread: GUI.
// Owner: its parent widget.
#pragma once

#include <QList>
#include <QWidget>

class QGridLayout;
class QLabel;

namespace kumo {

class PropertyForm : public QWidget
{
    Q_OBJECT

public:
    explicit PropertyForm(QWidget* parent = nullptr);

    // Adds a row and returns its index. objectName names the value label (for tests and
    // accessibility tools); wrap lets long values (error texts, URIs) break over lines.
    int addRow(const QString& objectName, bool wrap = false);

    void setLabel(int row, const QString& text);
    void setValue(int row, const QString& text);
    void setRowVisible(int row, bool visible);

    [[nodiscard]] QLabel* valueLabel(int row) const;
    [[nodiscard]] QLabel* nameLabel(int row) const;

private:
    struct Row
    {
        QLabel* name = nullptr;
        QLabel* value = nullptr;
    };

    QGridLayout* m_layout = nullptr;
    QList<Row> m_rows;
};

} // namespace kumo

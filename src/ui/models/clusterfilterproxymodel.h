// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ClusterFilterProxyModel: sorting and the filter box over the node and instance tables.
// Sorts by SortRole (numbers as numbers). The filter text is parsed once when it changes into
// terms that must all match: a plain word matches any of the text-filter columns, a
// "key:value" term (state:running node:yamate-01 site:myodaiji) matches one column. Values
// are compared case-insensitively as substrings of the source model's FilterRole text, which
// carries stable English aliases too, so filters work in either UI language; a state term must
// begin one of the state's words (state:shut finds "Shut off", 状態:停止 finds 停止中 but not
// 一時停止中). Keys are the English column keys or the column's translated header.
// Thread: GUI.
// Owner: whoever creates it (normally MainWindow).
#pragma once

#include <QHash>
#include <QList>
#include <QSortFilterProxyModel>
#include <QString>

#include "ui/modelroles.h"

namespace kumo {

class ClusterFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    // The shared roles (modelroles.h), reachable through the proxy for code that only sees it.
    static constexpr int SortRole = kumo::SortRole;
    static constexpr int KeyRole = kumo::KeyRole;
    static constexpr int FilterRole = kumo::FilterRole;

    explicit ClusterFilterProxyModel(QObject* parent = nullptr);

    // Also picks the filter columns and keys for a NodeTableModel or an InstanceTableModel
    // (name, state, node, site); other models keep what was configured.
    void setSourceModel(QAbstractItemModel* model) override;

    // Columns a plain word is matched against.
    void setTextFilterColumns(const QList<int>& columns);
    [[nodiscard]] QList<int> textFilterColumns() const { return m_textColumns; }
    // Makes "key:value" search `column`; keys are case-insensitive.
    void setFilterKey(const QString& key, int column);
    void clearFilterKeys();

    [[nodiscard]] QString filterText() const { return m_filterText; }

    // The proxy index of the row whose KeyRole is `key` (node name or instance UUID); invalid
    // when there is no such row or the filter hides it. O(1) for the two Kumo table models.
    [[nodiscard]] QModelIndex indexOfKey(const QString& key, int column = 0) const;

public Q_SLOTS:
    void setFilterText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    struct Term
    {
        QString text;
        int column = -1;        // -1: any text-filter column
        bool wordStart = false; // must begin a word of the cell (state terms), not match inside one
    };

    void parse();
    [[nodiscard]] int columnForKey(const QString& key) const;

    QString m_filterText;
    QList<int> m_textColumns;
    QHash<QString, int> m_keys; // lower-case key -> column
    int m_stateColumn = -1;     // matched by word starts when named by a key
    QList<Term> m_terms;
    QList<int> m_usedColumns; // every column the terms read, each once
};

} // namespace kumo

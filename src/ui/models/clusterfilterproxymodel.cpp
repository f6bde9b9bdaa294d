// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/clusterfilterproxymodel.h"

#include <QVarLengthArray>

#include "ui/modelroles.h"
#include "ui/models/instancetablemodel.h"
#include "ui/models/nodetablemodel.h"

namespace kumo {

namespace {

// Splits on white space; double quotes keep a value with spaces together (site:"Yamate campus").
QStringList tokenize(const QString& text)
{
    QStringList tokens;
    QString current;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('"')) {
            quoted = !quoted;
        } else if (c.isSpace() && !quoted) {
            if (!current.isEmpty())
                tokens.append(current);
            current.clear();
        } else {
            current.append(c);
        }
    }
    if (!current.isEmpty())
        tokens.append(current);
    return tokens;
}

// Whether `term` appears in `text` at the start of a word (the text's start or after a space).
bool beginsAWord(const QString& text, const QString& term)
{
    for (qsizetype at = text.indexOf(term, 0, Qt::CaseInsensitive); at >= 0;
         at = text.indexOf(term, at + 1, Qt::CaseInsensitive)) {
        if (at == 0 || text.at(at - 1).isSpace())
            return true;
    }
    return false;
}

} // namespace

ClusterFilterProxyModel::ClusterFilterProxyModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setFilterRole(FilterRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void ClusterFilterProxyModel::setSourceModel(QAbstractItemModel* model)
{
    if (qobject_cast<InstanceTableModel*>(model)) {
        using C = InstanceTableModel::Column;
        m_textColumns = {int(C::Name), int(C::State), int(C::Node), int(C::Site)};
        m_stateColumn = int(C::State);
        m_keys = {{QStringLiteral("name"), int(C::Name)},
                  {QStringLiteral("state"), int(C::State)},
                  {QStringLiteral("node"), int(C::Node)},
                  {QStringLiteral("site"), int(C::Site)},
                  {QStringLiteral("service"), int(C::Service)}};
    } else if (qobject_cast<NodeTableModel*>(model)) {
        using C = NodeTableModel::Column;
        m_textColumns = {int(C::Name), int(C::State), int(C::Site)};
        m_stateColumn = int(C::State);
        m_keys = {{QStringLiteral("name"), int(C::Name)},
                  {QStringLiteral("node"), int(C::Name)},
                  {QStringLiteral("state"), int(C::State)},
                  {QStringLiteral("site"), int(C::Site)},
                  {QStringLiteral("uri"), int(C::Uri)}};
    }
    QSortFilterProxyModel::setSourceModel(model);
    parse();
    invalidateRowsFilter();
}

void ClusterFilterProxyModel::setTextFilterColumns(const QList<int>& columns)
{
    m_textColumns = columns;
    parse();
    invalidateRowsFilter();
}

void ClusterFilterProxyModel::setFilterKey(const QString& key, int column)
{
    m_keys.insert(key.toLower(), column);
    parse();
    invalidateRowsFilter();
}

void ClusterFilterProxyModel::clearFilterKeys()
{
    m_keys.clear();
    parse();
    invalidateRowsFilter();
}

void ClusterFilterProxyModel::setFilterText(const QString& text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    parse();
    invalidateRowsFilter();
}

QModelIndex ClusterFilterProxyModel::indexOfKey(const QString& key, int column) const
{
    QAbstractItemModel* model = sourceModel();
    if (!model || key.isEmpty())
        return {};
    int sourceRow = -1;
    if (const auto* instances = qobject_cast<const InstanceTableModel*>(model)) {
        sourceRow = instances->rowOf(key);
    } else if (const auto* nodes = qobject_cast<const NodeTableModel*>(model)) {
        sourceRow = nodes->rowOf(key);
    } else {
        const QModelIndexList found =
            model->match(model->index(0, 0), KeyRole, key, 1, Qt::MatchExactly | Qt::MatchCaseSensitive);
        sourceRow = found.isEmpty() ? -1 : found.constFirst().row();
    }
    if (sourceRow < 0)
        return {};
    return mapFromSource(model->index(sourceRow, column));
}

int ClusterFilterProxyModel::columnForKey(const QString& key) const
{
    const QString lower = key.toLower();
    const auto it = m_keys.constFind(lower);
    if (it != m_keys.cend())
        return it.value();
    // The header as shown in the current language also works as a key (状態:稼働中).
    if (const QAbstractItemModel* model = sourceModel()) {
        for (int column = 0; column < model->columnCount(); ++column) {
            if (model->headerData(column, Qt::Horizontal).toString().compare(key, Qt::CaseInsensitive) == 0)
                return column;
        }
    }
    return -1;
}

void ClusterFilterProxyModel::parse()
{
    m_terms.clear();
    m_usedColumns.clear();
    bool anyColumn = false;
    for (const QString& token : tokenize(m_filterText)) {
        Term term;
        const qsizetype colon = token.indexOf(QLatin1Char(':'));
        if (colon > 0) {
            const int column = columnForKey(token.left(colon));
            if (column >= 0) {
                term.column = column;
                term.wordStart = column == m_stateColumn;
                term.text = token.mid(colon + 1);
                if (term.text.isEmpty())
                    continue; // "state:" while the person is still typing: no constraint yet
            }
        }
        if (term.column < 0) {
            term.text = token;
            anyColumn = true;
        } else if (!m_usedColumns.contains(term.column)) {
            m_usedColumns.append(term.column);
        }
        m_terms.append(term);
    }
    if (anyColumn) {
        for (const int column : std::as_const(m_textColumns)) {
            if (!m_usedColumns.contains(column))
                m_usedColumns.append(column);
        }
    }
}

bool ClusterFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_terms.isEmpty())
        return true;
    const QAbstractItemModel* model = sourceModel();
    // Each cell is read once per call however many terms use it.
    QVarLengthArray<QString, 8> texts;
    texts.reserve(m_usedColumns.size());
    for (const int column : m_usedColumns)
        texts.append(model->data(model->index(sourceRow, column, sourceParent), filterRole()).toString());
    const auto textOf = [&](int column) -> const QString& { return texts[m_usedColumns.indexOf(column)]; };

    for (const Term& term : m_terms) {
        if (term.column >= 0) {
            if (term.wordStart ? !beginsAWord(textOf(term.column), term.text)
                               : !textOf(term.column).contains(term.text, Qt::CaseInsensitive))
                return false;
            continue;
        }
        bool found = false;
        for (const int column : m_textColumns) {
            if (textOf(column).contains(term.text, Qt::CaseInsensitive)) {
                found = true;
                break;
            }
        }
        if (!found)
            return false;
    }
    return true;
}

} // namespace kumo

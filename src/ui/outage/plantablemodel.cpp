// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/outage/plantablemodel.h"

#include "core/migrationpath.h"
#include "core/sentences.h"
#include "ui/checkpresentation.h"
#include "ui/languagewatcher.h"
#include "ui/modelformat.h"
#include "ui/modelroles.h"
#include "ui/outage/outageplaneditor.h"
#include "ui/plaintext.h"

namespace kumo {

PlanTableModel::PlanTableModel(OutagePlanEditor* editor, QObject* parent)
    : KeyedTableModel(parent)
    , m_editor(editor)
{
    connect(editor, &OutagePlanEditor::planChanged, this, &PlanTableModel::refresh);
    connect(new LanguageWatcher(this), &LanguageWatcher::languageChanged, this, &PlanTableModel::retranslate);
    refresh();
}

int PlanTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

void PlanTableModel::refresh()
{
    const OutagePlan& plan = m_editor->plan();
    QStringList keys;
    QHash<QString, Row> rows;
    for (int i = 0; i < plan.moves.size(); ++i) {
        const PlannedMove& move = plan.moves.at(i);
        keys.append(move.uuid);
        rows.insert(move.uuid, Row{move, i + 1, m_editor->problemsOf(move.uuid)});
    }
    const QHash<QString, Row> before = m_rows;
    m_rows = rows;
    const QSet<QString> had(KeyedTableModel::keys().cbegin(), KeyedTableModel::keys().cend());
    if (!syncKeys(keys))
        return;
    for (int row = 0; row < rowCount(); ++row) {
        const QString uuid = keyAt(row);
        if (had.contains(uuid) && before.value(uuid) != m_rows.value(uuid))
            columnsChanged(row);
    }
}

void PlanTableModel::retranslate()
{
    allChanged();
}

int PlanTableModel::problemRowCount() const
{
    int count = 0;
    for (const Row& row : m_rows)
        count += row.problems.isEmpty() ? 0 : 1;
    return count;
}

QVariant PlanTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const QString uuid = keyAt(index.row());
    const Row& row = *m_rows.constFind(uuid);
    const PlannedMove& move = row.move;
    const auto column = Column(index.column());
    switch (role) {
    case KeyRole:
        return uuid;
    case Qt::DisplayRole:
        switch (column) {
        case Column::Order:
            return row.order;
        case Column::Instance:
            return move.name;
        case Column::From:
            return move.fromNode;
        case Column::To:
            return move.toNode;
        case Column::Memory:
            return format::memoryKiB(move.memoryKiB);
        case Column::Transport:
            return move.transport == MigrationTransport::Automatic ? QString()
                                                                   : MigrationPath::describe(move.transport);
        case Column::Note:
            if (!row.problems.isEmpty())
                return row.problems.constFirst();
            if (!move.note.isEmpty())
                return move.note;
            return move.edited ? tr("Target chosen by hand") : QString();
        case Column::Count:
            break;
        }
        break;
    case Qt::EditRole:
        if (column == Column::To)
            return move.toNode;
        break;
    case SortRole:
        if (column == Column::Memory)
            return move.memoryKiB;
        return data(index, Qt::DisplayRole);
    case Qt::DecorationRole:
        if (column == Column::Note && !row.problems.isEmpty())
            return checkSeverityIcon(CheckSeverity::Refused);
        if (column == Column::To && move.edited)
            return checkSeverityIcon(row.problems.isEmpty() ? CheckSeverity::Ok : CheckSeverity::Refused);
        break;
    case Qt::ToolTipRole:
        if (!row.problems.isEmpty())
            return plainToolTip(row.problems.join(QLatin1Char('\n')));
        if (column == Column::To)
            return tr("Press F2 or double-click to choose another node.");
        if (column == Column::Note && !move.note.isEmpty())
            return plainToolTip(move.note);
        if (column == Column::Transport && move.transport != MigrationTransport::Automatic)
            return tr("Transport: %1").arg(MigrationPath::describe(move.transport));
        break;
    case Qt::AccessibleDescriptionRole:
        if (!row.problems.isEmpty())
            return tr("Problem: %1").arg(Sentences::join(row.problems));
        break;
    case Qt::TextAlignmentRole:
        if (column == Column::Order || column == Column::Memory)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ChoiceTextsRole:
    case ChoiceValuesRole:
        if (column == Column::To) {
            const QStringList nodes = m_editor->candidateNodes(uuid);
            if (role == ChoiceTextsRole)
                return nodes;
            QVariantList values;
            for (const QString& node : nodes)
                values.append(node);
            return values;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant PlanTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::Order:
        return tr("#", "plan order");
    case Column::Instance:
        return tr("Instance");
    case Column::From:
        return tr("From");
    case Column::To:
        return tr("To");
    case Column::Memory:
        return tr("Memory");
    case Column::Transport:
        return tr("Transport");
    case Column::Note:
        return tr("Note");
    case Column::Count:
        break;
    }
    return {};
}

Qt::ItemFlags PlanTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags result = KeyedTableModel::flags(index);
    if (index.isValid() && Column(index.column()) == Column::To)
        result |= Qt::ItemIsEditable;
    return result;
}

bool PlanTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || Column(index.column()) != Column::To)
        return false;
    const QString node = value.toString();
    if (node.isEmpty())
        return false;
    // The editor validates and announces the change; the rows follow from planChanged().
    return m_editor->retarget(keyAt(index.row()), node);
}

} // namespace kumo

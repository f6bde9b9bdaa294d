// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/outage/unplacedtablemodel.h"

#include "ui/languagewatcher.h"
#include "ui/modelformat.h"
#include "ui/modelroles.h"
#include "ui/outage/outageplaneditor.h"
#include "ui/plaintext.h"

namespace kumo {

UnplacedTableModel::UnplacedTableModel(OutagePlanEditor* editor, QObject* parent)
    : KeyedTableModel(parent)
    , m_editor(editor)
{
    connect(editor, &OutagePlanEditor::planChanged, this, &UnplacedTableModel::refresh);
    connect(new LanguageWatcher(this), &LanguageWatcher::languageChanged, this,
            &UnplacedTableModel::retranslate);
    refresh();
}

int UnplacedTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

void UnplacedTableModel::refresh()
{
    const OutagePlan& plan = m_editor->plan();
    QStringList keys;
    QHash<QString, UnplacedInstance> rows;
    for (const UnplacedInstance& instance : plan.unplaced) {
        keys.append(instance.uuid);
        rows.insert(instance.uuid, instance);
    }
    const QHash<QString, UnplacedInstance> before = m_rows;
    const QSet<QString> had(KeyedTableModel::keys().cbegin(), KeyedTableModel::keys().cend());
    m_rows = rows;
    if (!syncKeys(keys))
        return;
    for (int row = 0; row < rowCount(); ++row) {
        const QString uuid = keyAt(row);
        if (had.contains(uuid) && before.value(uuid) != m_rows.value(uuid))
            columnsChanged(row);
    }
}

void UnplacedTableModel::retranslate()
{
    allChanged();
}

QVariant UnplacedTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const QString uuid = keyAt(index.row());
    const UnplacedInstance& row = *m_rows.constFind(uuid);
    const auto column = Column(index.column());
    switch (role) {
    case KeyRole:
        return uuid;
    case Qt::DisplayRole:
        switch (column) {
        case Column::Instance:
            return row.name;
        case Column::From:
            return row.fromNode;
        case Column::Memory:
            return format::memoryKiB(row.memoryKiB);
        case Column::Reason:
            return row.reason;
        case Column::Choice:
            return unplacedChoiceText(row.choice);
        case Column::Count:
            break;
        }
        break;
    case Qt::EditRole:
        if (column == Column::Choice)
            return int(row.choice);
        break;
    case Qt::ToolTipRole:
        if (column == Column::Reason)
            return plainToolTip(row.reason);
        if (column == Column::Choice)
            return plainToolTip(
                tr("What to do with %1 during the outage. Press F2 to change.").arg(isolatedName(row.name)));
        break;
    case Qt::TextAlignmentRole:
        if (column == Column::Memory)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ChoiceTextsRole:
        if (column == Column::Choice)
            return QStringList{unplacedChoiceText(UnplacedChoice::Leave),
                               unplacedChoiceText(UnplacedChoice::ShutDownAndRestartLater)};
        break;
    case ChoiceValuesRole:
        if (column == Column::Choice)
            return QVariantList{int(UnplacedChoice::Leave), int(UnplacedChoice::ShutDownAndRestartLater)};
        break;
    default:
        break;
    }
    return {};
}

QVariant UnplacedTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::Instance:
        return tr("Instance");
    case Column::From:
        return tr("On node");
    case Column::Memory:
        return tr("Memory");
    case Column::Reason:
        return tr("Why it cannot move");
    case Column::Choice:
        return tr("During the outage");
    case Column::Count:
        break;
    }
    return {};
}

Qt::ItemFlags UnplacedTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags result = KeyedTableModel::flags(index);
    if (index.isValid() && Column(index.column()) == Column::Choice)
        result |= Qt::ItemIsEditable;
    return result;
}

bool UnplacedTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || Column(index.column()) != Column::Choice)
        return false;
    bool ok = false;
    const int choice = value.toInt(&ok);
    if (!ok ||
        (choice != int(UnplacedChoice::Leave) && choice != int(UnplacedChoice::ShutDownAndRestartLater)))
        return false;
    m_editor->setChoice(keyAt(index.row()), UnplacedChoice(choice));
    return true;
}

} // namespace kumo

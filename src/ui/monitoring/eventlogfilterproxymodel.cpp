// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitoring/eventlogfilterproxymodel.h"

#include "ui/monitoring/eventlogmodel.h"

namespace kumo {

void EventLogFilterProxyModel::setMinimumSeverity(EventSeverity severity)
{
    if (severity == m_severity)
        return;
    m_severity = severity;
    invalidateRowsFilter();
}

void EventLogFilterProxyModel::setKind(std::optional<EventKind> kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    invalidateRowsFilter();
}

void EventLogFilterProxyModel::setNode(const QString& node)
{
    if (node == m_node)
        return;
    m_node = node;
    invalidateRowsFilter();
}

void EventLogFilterProxyModel::setInstance(const QString& instance)
{
    const QString trimmed = instance.trimmed();
    if (trimmed == m_instance)
        return;
    m_instance = trimmed;
    invalidateRowsFilter();
}

void EventLogFilterProxyModel::setText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateRowsFilter();
}

bool EventLogFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QAbstractItemModel* source = sourceModel();
    const QModelIndex first = source->index(sourceRow, 0, sourceParent);
    if (first.data(EventLogModel::SeverityRole).toInt() < int(m_severity))
        return false;
    if (m_kind && first.data(EventLogModel::KindRole).toInt() != int(*m_kind))
        return false;
    if (!m_node.isEmpty() && first.data(EventLogModel::NodeRole).toString() != m_node)
        return false;
    if (!m_instance.isEmpty() && first.data(EventLogModel::InstanceRole).toString() != m_instance &&
        !source->index(sourceRow, EventLogModel::InstanceColumn, sourceParent)
             .data()
             .toString()
             .contains(m_instance, Qt::CaseInsensitive))
        return false;
    if (m_text.isEmpty())
        return true;
    for (int column = 0; column < source->columnCount(sourceParent); ++column) {
        if (source->index(sourceRow, column, sourceParent)
                .data()
                .toString()
                .contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return first.data(EventLogModel::InstanceRole).toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// EventLogFilterProxyModel: the event log's filters — at least a severity, one kind, one node,
// one instance (its uuid, or a part of its name), and free text matched against every column
// (case-insensitive) — over an EventLogModel. Empty filters let everything through. Thread: GUI. Owner:
// EventLogDock (or a test).
#pragma once

#include <optional>

#include <QSortFilterProxyModel>

#include "app/monitoring/eventlog.h"

namespace kumo {

class EventLogFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setMinimumSeverity(EventSeverity severity);
    void setKind(std::optional<EventKind> kind);
    void setNode(const QString& node);
    void setInstance(const QString& instance);
    void setText(const QString& text);

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    EventSeverity m_severity = EventSeverity::Info;
    std::optional<EventKind> m_kind;
    QString m_node;
    QString m_instance;
    QString m_text;
};

} // namespace kumo

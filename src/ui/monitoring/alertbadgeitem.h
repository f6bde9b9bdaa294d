// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// AlertBadgeItem: a small severity mark with a count on a node card or an instance chip of the
// campus map, for the alerts about it that still want a person; its tooltip says them in words.
// It rides on its card or chip as a child item, so it moves, hides and goes with it.
// Thread: GUI.
// Owner: the card or chip (parent item).
#pragma once

#include <QGraphicsItem>

#include "app/monitoring/eventlog.h"

namespace kumo {

class AlertBadgeItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 30
    };

    explicit AlertBadgeItem(QGraphicsItem* parent);

    [[nodiscard]] int type() const override { return Type; }
    [[nodiscard]] int count() const { return m_count; }
    [[nodiscard]] EventSeverity severity() const { return m_severity; }
    // The worst severity, how many, and the words (tooltip).
    void setAlerts(EventSeverity severity, int count, const QString& text);
    // At the parent's top right corner; the same size in pixels at every zoom.
    void place();

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    EventSeverity m_severity = EventSeverity::Warning;
    int m_count = 0;
};

} // namespace kumo

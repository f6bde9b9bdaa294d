// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitoring/alertbadgeitem.h"

#include <QPainter>

#include "ui/monitoring/alertmarks.h"
#include "ui/plaintext.h"

namespace kumo {

namespace {
constexpr qreal BadgeHeight = 14;
constexpr qreal BadgeWidth = 28;
} // namespace

AlertBadgeItem::AlertBadgeItem(QGraphicsItem* parent)
    : QGraphicsItem(parent)
{
    setAcceptedMouseButtons(Qt::NoButton);
    // Readable at every zoom: the map zoomed out to fit a campus still shows the count.
    setFlag(ItemIgnoresTransformations);
    setZValue(50);
    place();
}

void AlertBadgeItem::setAlerts(EventSeverity severity, int count, const QString& text)
{
    if (severity != m_severity || count != m_count) {
        m_severity = severity;
        m_count = count;
        update();
    }
    setToolTip(plainToolTip(text));
}

void AlertBadgeItem::place()
{
    if (!parentItem())
        return;
    setPos(parentItem()->boundingRect().topRight());
}

QRectF AlertBadgeItem::boundingRect() const
{
    // Around the parent's corner (the item's origin), in pixels.
    return {-BadgeWidth + 4, -BadgeHeight / 2, BadgeWidth, BadgeHeight};
}

void AlertBadgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF box = boundingRect();
    painter->setPen(QPen(QColor(0, 0, 0, 90), 0.8));
    painter->setBrush(QColor(255, 255, 255, 235));
    painter->drawRoundedRect(box, BadgeHeight / 2, BadgeHeight / 2);
    paintSeverityMark(painter, QRectF(box.left() + 1.5, box.top() + 1.5, BadgeHeight - 3, BadgeHeight - 3),
                      m_severity);
    QFont font = painter->font();
    font.setBold(true);
    font.setPixelSize(10);
    painter->setFont(font);
    painter->setPen(QColor(0x20, 0x20, 0x20));
    painter->drawText(
        QRectF(box.left() + BadgeHeight - 1, box.top(), box.width() - BadgeHeight, box.height()),
        Qt::AlignCenter, m_count > 99 ? QStringLiteral("99+") : QString::number(m_count));
    painter->restore();
}

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/map/sitetitleitem.h"

#include <QPainter>

#include "ui/map/mapstyle.h"

namespace kumo {

namespace {

constexpr qreal PlateHeight = 28;
constexpr qreal Dot = 10;
constexpr qreal TextLeft = 10 + Dot + 8;

} // namespace

SiteTitleItem::SiteTitleItem(QGraphicsItem* parent)
    : QGraphicsItem(parent)
{
    setFlag(ItemIgnoresTransformations);
    setAcceptedMouseButtons(Qt::NoButton);
    setZValue(10);
}

void SiteTitleItem::setTitle(const QString& text, const QColor& color)
{
    if (text == m_text.text() && color == m_color)
        return;
    prepareGeometryChange();
    m_text.setText(text);
    m_text.setTextFormat(Qt::PlainText);
    m_text.prepare(QTransform(), mapstyle::siteTitleFont());
    m_color = color;
    update();
}

qreal SiteTitleItem::width() const
{
    return TextLeft + m_text.size().width() + 12;
}

QRectF SiteTitleItem::boundingRect() const
{
    return QRectF(0, 0, width(), PlateHeight);
}

void SiteTitleItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(QPen(mapstyle::tint(m_color, 0.4), 1));
    painter->setBrush(QColor(255, 255, 255, 235));
    painter->drawRoundedRect(boundingRect().adjusted(0.5, 0.5, -0.5, -0.5), PlateHeight / 2, PlateHeight / 2);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_color);
    painter->drawEllipse(QRectF(10, (PlateHeight - Dot) / 2, Dot, Dot));
    painter->setPen(mapstyle::textColor());
    painter->setFont(mapstyle::siteTitleFont());
    painter->drawStaticText(QPointF(TextLeft, (PlateHeight - m_text.size().height()) / 2), m_text);
}

} // namespace kumo

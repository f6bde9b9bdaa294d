// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/map/sitetitleitem.h"

#include <algorithm>

#include <QPainter>

#include "ui/map/mapstyle.h"

namespace kumo {

namespace {

constexpr qreal PlateHeight = 28;
constexpr qreal Dot = 10;
constexpr qreal TextLeft = 10 + Dot + 8;
constexpr qreal DetailGap = 3;
constexpr qreal DetailHeight = 20;

QFont detailFont()
{
    return mapstyle::cardTextFont();
}

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

void SiteTitleItem::setDetail(const QString& text, bool warning)
{
    if (text == m_detail.text() && warning == m_detailWarning)
        return;
    prepareGeometryChange();
    m_detail.setText(text);
    m_detail.setTextFormat(Qt::PlainText);
    m_detail.prepare(QTransform(), detailFont());
    m_detailWarning = warning;
    update();
}

qreal SiteTitleItem::width() const
{
    const qreal plate = TextLeft + m_text.size().width() + 12;
    if (m_detail.text().isEmpty())
        return plate;
    return std::max(plate, m_detail.size().width() + 20);
}

qreal SiteTitleItem::height() const
{
    return m_detail.text().isEmpty() ? PlateHeight : PlateHeight + DetailGap + DetailHeight;
}

QRectF SiteTitleItem::boundingRect() const
{
    return QRectF(0, 0, width(), height());
}

void SiteTitleItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(QPen(mapstyle::tint(m_color, 0.4), 1));
    painter->setBrush(QColor(255, 255, 255, 235));
    const QRectF plate(0, 0, TextLeft + m_text.size().width() + 12, PlateHeight);
    painter->drawRoundedRect(plate.adjusted(0.5, 0.5, -0.5, -0.5), PlateHeight / 2, PlateHeight / 2);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_color);
    painter->drawEllipse(QRectF(10, (PlateHeight - Dot) / 2, Dot, Dot));
    painter->setPen(mapstyle::textColor());
    painter->setFont(mapstyle::siteTitleFont());
    painter->drawStaticText(QPointF(TextLeft, (PlateHeight - m_text.size().height()) / 2), m_text);
    if (m_detail.text().isEmpty())
        return;
    const QRectF line(0, PlateHeight + DetailGap, m_detail.size().width() + 20, DetailHeight);
    const QColor warning(0xc6, 0x28, 0x28);
    painter->setPen(m_detailWarning ? QPen(warning, 1) : Qt::NoPen);
    painter->setBrush(m_detailWarning ? QColor(0xfd, 0xec, 0xea, 240) : QColor(255, 255, 255, 200));
    painter->drawRoundedRect(line.adjusted(0.5, 0.5, -0.5, -0.5), DetailHeight / 2, DetailHeight / 2);
    painter->setFont(detailFont());
    painter->setPen(m_detailWarning ? warning : mapstyle::mutedTextColor());
    painter->drawStaticText(QPointF(10, line.top() + (DetailHeight - m_detail.size().height()) / 2),
                            m_detail);
}

} // namespace kumo

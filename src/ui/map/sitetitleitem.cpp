// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/map/sitetitleitem.h"

#include <algorithm>

#include <QFontMetricsF>
#include <QPainter>

#include "ui/map/mapstyle.h"

namespace kumo {

namespace {

constexpr qreal PlateHeight = 28;
constexpr qreal Dot = 10;
constexpr qreal TextLeft = 10 + Dot + 8;
constexpr qreal TextRight = 12;
constexpr qreal DetailGap = 3;
constexpr qreal DetailHeight = 20;
constexpr qreal DetailPadding = 10;

const QFont& titleFont()
{
    return mapstyle::siteTitleFont();
}

const QFont& detailFont()
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
    if (text == m_title && color == m_color)
        return;
    prepareGeometryChange();
    m_title = text;
    m_titleNatural = QFontMetricsF(titleFont()).horizontalAdvance(text);
    m_color = color;
    elide();
    update();
}

void SiteTitleItem::setDetail(const QString& text, bool warning)
{
    if (text == m_detail && warning == m_detailWarning)
        return;
    prepareGeometryChange();
    m_detail = text;
    m_detailNatural = QFontMetricsF(detailFont()).horizontalAdvance(text);
    m_detailWarning = warning;
    elide();
    update();
}

void SiteTitleItem::setAvailableWidth(qreal pixels)
{
    if (qFuzzyCompare(pixels, m_available))
        return;
    prepareGeometryChange();
    m_available = pixels;
    elide();
    update();
}

void SiteTitleItem::elide()
{
    // The whole text when it fits (no ellipsis from rounding), else the longest start that does.
    const qreal titleRoom = m_available - TextLeft - TextRight;
    m_titleText =
        mapstyle::elidedStaticText(m_title, titleFont(), m_titleNatural <= titleRoom ? 1e6 : titleRoom);
    const qreal detailRoom = m_available - 2 * DetailPadding;
    m_detailText =
        mapstyle::elidedStaticText(m_detail, detailFont(), m_detailNatural <= detailRoom ? 1e6 : detailRoom);
}

qreal SiteTitleItem::plateWidth() const
{
    return std::min(TextLeft + m_titleNatural + TextRight, std::max(m_available, TextLeft + TextRight));
}

qreal SiteTitleItem::lineWidth() const
{
    if (m_detail.isEmpty())
        return 0;
    return std::min(m_detailNatural + 2 * DetailPadding, std::max(m_available, 2 * DetailPadding));
}

qreal SiteTitleItem::naturalWidth() const
{
    const qreal plate = TextLeft + m_titleNatural + TextRight;
    return m_detail.isEmpty() ? plate : std::max(plate, m_detailNatural + 2 * DetailPadding);
}

qreal SiteTitleItem::width() const
{
    return std::max(plateWidth(), lineWidth());
}

qreal SiteTitleItem::height() const
{
    return m_detail.isEmpty() ? PlateHeight : PlateHeight + DetailGap + DetailHeight;
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
    const QRectF plate(0, 0, plateWidth(), PlateHeight);
    painter->drawRoundedRect(plate.adjusted(0.5, 0.5, -0.5, -0.5), PlateHeight / 2, PlateHeight / 2);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_color);
    painter->drawEllipse(QRectF(10, (PlateHeight - Dot) / 2, Dot, Dot));
    painter->setPen(mapstyle::textColor());
    painter->setFont(titleFont());
    painter->drawStaticText(QPointF(TextLeft, (PlateHeight - m_titleText.size().height()) / 2), m_titleText);
    if (m_detail.isEmpty())
        return;
    const QRectF line(0, PlateHeight + DetailGap, lineWidth(), DetailHeight);
    const QColor warning(0xc6, 0x28, 0x28);
    painter->setPen(m_detailWarning ? QPen(warning, 1) : Qt::NoPen);
    painter->setBrush(m_detailWarning ? QColor(0xfd, 0xec, 0xea, 240) : QColor(255, 255, 255, 200));
    painter->drawRoundedRect(line.adjusted(0.5, 0.5, -0.5, -0.5), DetailHeight / 2, DetailHeight / 2);
    painter->setFont(detailFont());
    painter->setPen(m_detailWarning ? warning : mapstyle::mutedTextColor());
    painter->drawStaticText(
        QPointF(DetailPadding, line.top() + (DetailHeight - m_detailText.size().height()) / 2), m_detailText);
}

} // namespace kumo

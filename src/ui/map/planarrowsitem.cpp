// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/map/planarrowsitem.h"

#include <algorithm>
#include <cmath>

#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

#include "ui/clusterselection.h"
#include "ui/map/campusmapscene.h"
#include "ui/map/instancechipitem.h"
#include "ui/map/mapstyle.h"
#include "ui/map/nodecarditem.h"

namespace kumo {

using namespace mapstyle;

namespace {

const QColor ArrowColor(0x1f, 0x5f, 0xbf);
const QColor ProblemColor(0xc9, 0x2a, 0x2a);

// The point where the segment from the centre of `rect` towards `towards` leaves the rectangle.
QPointF edgePoint(const QRectF& rect, const QPointF& towards)
{
    const QPointF c = rect.center();
    const QPointF d = towards - c;
    if (qFuzzyIsNull(d.x()) && qFuzzyIsNull(d.y()))
        return c;
    const double sx = qFuzzyIsNull(d.x()) ? 1e9 : (rect.width() / 2) / std::abs(d.x());
    const double sy = qFuzzyIsNull(d.y()) ? 1e9 : (rect.height() / 2) / std::abs(d.y());
    const double s = std::min({sx, sy, 1.0});
    return c + d * s;
}

} // namespace

PlanArrowsItem::PlanArrowsItem(CampusMapScene* scene)
    : m_map(scene)
{
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
    // Above the sites (and so the cards and chips), under the site titles' plates.
    setZValue(5);
    // Without arrows the item takes no space: an item covering the map would be asked to paint
    // for every chip that repaints.
    setVisible(false);
}

void PlanArrowsItem::setArrows(const QList<PlanArrow>& arrows)
{
    if (arrows == m_arrows)
        return;
    m_arrows = arrows;
    updateBounds();
    setVisible(!m_arrows.isEmpty());
    update();
}

void PlanArrowsItem::updateBounds()
{
    const QRectF bounds = m_arrows.isEmpty() ? QRectF() : m_map->contentRect().adjusted(-80, -80, 80, 80);
    if (bounds == m_bounds)
        return;
    prepareGeometryChange();
    m_bounds = bounds;
}

QRectF PlanArrowsItem::boundingRect() const
{
    return m_bounds;
}

bool PlanArrowsItem::endsOf(const PlanArrow& arrow, QPointF* from, QPointF* to) const
{
    const NodeCardItem* target = m_map->nodeCard(arrow.toNode);
    if (!target)
        return false;
    QRectF source;
    if (const InstanceChipItem* chip = m_map->chip(arrow.uuid))
        source = chip->sceneBoundingRect();
    else if (const NodeCardItem* card = m_map->nodeCard(arrow.fromNode))
        source = card->sceneBoundingRect();
    else
        return false;
    const QRectF targetRect = target->sceneBoundingRect();
    *from = edgePoint(source, targetRect.center());
    *to = edgePoint(targetRect.adjusted(6, 6, -6, -6), source.center());
    return true;
}

void PlanArrowsItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    if (m_arrows.isEmpty())
        return;
    const qreal lod = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    const qreal px = 1.0 / std::max(lod, 0.01); // one device pixel in scene units
    painter->setRenderHint(QPainter::Antialiasing, true);
    int index = 0;
    for (const PlanArrow& arrow : std::as_const(m_arrows)) {
        QPointF from;
        QPointF to;
        if (!endsOf(arrow, &from, &to))
            continue;
        // Curved to one side, alternating a little per arrow, so parallel moves stay apart.
        const QPointF d = to - from;
        const double length = std::hypot(d.x(), d.y());
        if (length < 1)
            continue;
        const QPointF normal(-d.y() / length, d.x() / length);
        const double bend = std::min(length * 0.18, 120.0) * (1.0 + 0.15 * (index % 3));
        const QPointF control = (from + to) / 2 + normal * bend;
        QPainterPath path(from);
        path.quadTo(control, to);

        const QColor color = arrow.problem ? ProblemColor : ArrowColor;
        const qreal width = std::max(arrow.running ? 3.5 : 2.5, (arrow.running ? 2.5 : 1.8) * px);
        // A white casing keeps the arrow readable over cards and chips.
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(QColor(255, 255, 255, 200), width + 3 * px, Qt::SolidLine, Qt::RoundCap));
        painter->drawPath(path);
        QPen pen(color, width, arrow.problem ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        painter->setPen(pen);
        painter->drawPath(path);

        // Head along the curve's last tangent.
        const QPointF tangent = to - control;
        const double tl = std::max(1e-6, std::hypot(tangent.x(), tangent.y()));
        const QPointF u = tangent / tl;
        const QPointF n(-u.y(), u.x());
        const qreal head = std::max(12.0, 9 * px);
        QPolygonF triangle({to, to - u * head + n * head * 0.45, to - u * head - n * head * 0.45});
        painter->setPen(QPen(QColor(255, 255, 255, 220), px));
        painter->setBrush(color);
        painter->drawPolygon(triangle);
        // The start: a dot, so the direction reads without the head.
        painter->drawEllipse(from, std::max(3.0, 2.5 * px), std::max(3.0, 2.5 * px));

        if (lod >= DetailLod && !arrow.name.isEmpty()) {
            const QPointF mid = path.pointAtPercent(0.5);
            painter->setFont(chipFont());
            const QFontMetricsF metrics(chipFont());
            const QRectF label(
                mid - QPointF(metrics.horizontalAdvance(arrow.name) / 2 + 4, metrics.height() / 2),
                QSizeF(metrics.horizontalAdvance(arrow.name) + 8, metrics.height()));
            painter->setPen(QPen(color, 1));
            painter->setBrush(QColor(255, 255, 255, 230));
            painter->drawRoundedRect(label, 3, 3);
            painter->setPen(color.darker(120));
            painter->drawText(label, Qt::AlignCenter, arrow.name);
        }
        ++index;
    }
}

} // namespace kumo

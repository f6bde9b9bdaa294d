// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/stateicons.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include "core/statetext.h"

namespace kumo {

namespace {

enum class Glyph
{
    Check,
    Cross,
    Ring,
    Wrench,
    Play,
    Pause,
    Stop,
    Minus,
    Exclamation,
    Moon,
    Question,
};

// Draws in a 16x16 design grid scaled to the pixmap; the glyph is white on a coloured disc so
// that the shape alone tells the state apart (for colour-blind staff and monochrome themes).
void drawGlyph(QPainter& p, Glyph glyph, const QColor& color)
{
    p.setRenderHint(QPainter::Antialiasing);
    const QColor white(Qt::white);
    if (glyph == Glyph::Ring) {
        p.setPen(QPen(color, 2.2));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QRectF(2, 2, 12, 12));
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(QRectF(6, 6, 4, 4));
        return;
    }
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    if (glyph == Glyph::Wrench) {
        // Maintenance: a diamond instead of a disc, so it differs in outline too.
        QPainterPath diamond;
        diamond.moveTo(8, 0.5);
        diamond.lineTo(15.5, 8);
        diamond.lineTo(8, 15.5);
        diamond.lineTo(0.5, 8);
        diamond.closeSubpath();
        p.drawPath(diamond);
    } else {
        p.drawEllipse(QRectF(1, 1, 14, 14));
    }

    QPen stroke(white, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (glyph) {
    case Glyph::Check:
        p.setPen(stroke);
        p.drawPolyline(QPolygonF({QPointF(4.5, 8.5), QPointF(7, 11), QPointF(11.5, 5.5)}));
        break;
    case Glyph::Cross:
        p.setPen(stroke);
        p.drawLine(QPointF(5, 5), QPointF(11, 11));
        p.drawLine(QPointF(11, 5), QPointF(5, 11));
        break;
    case Glyph::Wrench:
        p.setPen(stroke);
        p.drawLine(QPointF(5.5, 10.5), QPointF(9, 7));
        p.setPen(QPen(white, 1.6));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QRectF(8.3, 4.2, 3.6, 3.6));
        break;
    case Glyph::Play:
        p.setBrush(white);
        p.drawPolygon(QPolygonF({QPointF(6, 4.5), QPointF(11.5, 8), QPointF(6, 11.5)}));
        break;
    case Glyph::Pause:
        p.setBrush(white);
        p.drawRect(QRectF(5, 4.5, 2.2, 7));
        p.drawRect(QRectF(8.8, 4.5, 2.2, 7));
        break;
    case Glyph::Stop:
        p.setBrush(white);
        p.drawRect(QRectF(5, 5, 6, 6));
        break;
    case Glyph::Minus:
        p.setPen(stroke);
        p.drawLine(QPointF(4.5, 8), QPointF(11.5, 8));
        break;
    case Glyph::Exclamation:
        p.setPen(stroke);
        p.drawLine(QPointF(8, 4), QPointF(8, 8.8));
        p.drawPoint(QPointF(8, 11.6));
        break;
    case Glyph::Moon: {
        QPainterPath moon;
        moon.addEllipse(QRectF(4, 4, 8, 8));
        QPainterPath bite;
        bite.addEllipse(QRectF(6.5, 2.5, 8, 8));
        p.setBrush(white);
        p.drawPath(moon.subtracted(bite));
        break;
    }
    case Glyph::Question: {
        p.setPen(stroke);
        p.setBrush(Qt::NoBrush);
        QPainterPath hook;
        hook.moveTo(5.8, 6.2);
        hook.cubicTo(5.8, 3.6, 10.4, 3.6, 10.4, 6.2);
        hook.cubicTo(10.4, 7.8, 8, 7.8, 8, 9.4);
        p.drawPath(hook);
        p.drawPoint(QPointF(8, 12));
        break;
    }
    case Glyph::Ring:
        break;
    }
}

QIcon paintIcon(Glyph glyph, const QColor& color)
{
    QIcon icon;
    for (const int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.scale(size / 16.0, size / 16.0);
        drawGlyph(p, glyph, color);
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

const QColor kGreen(0x2e, 0x8b, 0x3e);
const QColor kRed(0xc6, 0x28, 0x28);
const QColor kAmber(0xc7, 0x7c, 0x02);
const QColor kGrey(0x75, 0x75, 0x75);
const QColor kBlue(0x2f, 0x6f, 0xb3);

} // namespace

NodeDisplayState nodeDisplayState(NodeState state, bool maintenance)
{
    if (maintenance)
        return NodeDisplayState::Maintenance;
    switch (state) {
    case NodeState::Connecting:
        return NodeDisplayState::Connecting;
    case NodeState::Connected:
        return NodeDisplayState::Connected;
    case NodeState::Unreachable:
        return NodeDisplayState::Unreachable;
    case NodeState::NotResponding:
        return NodeDisplayState::NotResponding;
    }
    return NodeDisplayState::Connecting;
}

QString nodeDisplayStateText(NodeDisplayState state)
{
    switch (state) {
    case NodeDisplayState::Connecting:
        return nodeStateText(NodeState::Connecting);
    case NodeDisplayState::Connected:
        return nodeStateText(NodeState::Connected);
    case NodeDisplayState::Unreachable:
        return nodeStateText(NodeState::Unreachable);
    case NodeDisplayState::NotResponding:
        return nodeStateText(NodeState::NotResponding);
    case NodeDisplayState::Maintenance:
        return QCoreApplication::translate("kumo::State", "Maintenance", "node state");
    }
    return {};
}

QString nodeDisplayStateKey(NodeDisplayState state)
{
    switch (state) {
    case NodeDisplayState::Connecting:
        return QStringLiteral("connecting");
    case NodeDisplayState::Connected:
        return QStringLiteral("connected");
    case NodeDisplayState::Unreachable:
        return QStringLiteral("unreachable");
    case NodeDisplayState::NotResponding:
        return QStringLiteral("not-responding");
    case NodeDisplayState::Maintenance:
        return QStringLiteral("maintenance");
    }
    return {};
}

QColor nodeDisplayStateColor(NodeDisplayState state)
{
    switch (state) {
    case NodeDisplayState::Connecting:
        return kGrey;
    case NodeDisplayState::Connected:
        return kGreen;
    case NodeDisplayState::Unreachable:
    case NodeDisplayState::NotResponding:
        return kRed;
    case NodeDisplayState::Maintenance:
        return kAmber;
    }
    return {};
}

QColor instanceStateColor(InstanceState state)
{
    switch (state) {
    case InstanceState::Running:
        return kGreen;
    case InstanceState::Blocked:
    case InstanceState::Paused:
        return kAmber;
    case InstanceState::Crashed:
        return kRed;
    case InstanceState::PmSuspended:
        return kBlue;
    case InstanceState::NoState:
    case InstanceState::ShuttingDown:
    case InstanceState::ShutOff:
        return kGrey;
    }
    return {};
}

QIcon paintNodeStateIcon(NodeDisplayState state)
{
    const QColor color = nodeDisplayStateColor(state);
    switch (state) {
    case NodeDisplayState::Connecting:
        return paintIcon(Glyph::Ring, color);
    case NodeDisplayState::Connected:
        return paintIcon(Glyph::Check, color);
    case NodeDisplayState::Unreachable:
    case NodeDisplayState::NotResponding:
        return paintIcon(Glyph::Cross, color);
    case NodeDisplayState::Maintenance:
        return paintIcon(Glyph::Wrench, color);
    }
    return {};
}

QIcon paintInstanceStateIcon(InstanceState state)
{
    const QColor color = instanceStateColor(state);
    switch (state) {
    case InstanceState::NoState:
        return paintIcon(Glyph::Question, color);
    case InstanceState::Running:
        return paintIcon(Glyph::Play, color);
    case InstanceState::Blocked:
        return paintIcon(Glyph::Exclamation, color);
    case InstanceState::Paused:
        return paintIcon(Glyph::Pause, color);
    case InstanceState::ShuttingDown:
        return paintIcon(Glyph::Minus, color);
    case InstanceState::ShutOff:
        return paintIcon(Glyph::Stop, color);
    case InstanceState::Crashed:
        return paintIcon(Glyph::Cross, color);
    case InstanceState::PmSuspended:
        return paintIcon(Glyph::Moon, color);
    }
    return {};
}

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/map/instancechipitem.h"

#include <QApplication>
#include <QGraphicsSceneMouseEvent>
#include <QLocale>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include "core/statetext.h"
#include "ui/clusterselection.h"
#include "ui/map/campusmapscene.h"
#include "ui/map/mapstyle.h"

namespace kumo {

using namespace mapstyle;

namespace {

constexpr qreal NameLeft = 20;

} // namespace

InstanceChipItem::InstanceChipItem(const InstanceSnapshot& snapshot, QGraphicsItem* parent)
    : QGraphicsItem(parent)
    , m_snapshot(snapshot)
{
    setAcceptedMouseButtons(Qt::LeftButton | Qt::RightButton);
}

QString InstanceChipItem::stateText() const
{
    if (m_snapshot.isSplit())
        return splitStateText(m_snapshot.splitNodes);
    return instanceStateText(m_snapshot.state);
}

QString InstanceChipItem::toolTipText() const
{
    const QLocale locale;
    QString text = tr("%1 — %2").arg(m_snapshot.name, stateText());
    text += QLatin1Char('\n') + tr("Node: %1").arg(m_snapshot.node);
    if (m_snapshot.isSplit())
        text += QLatin1Char('\n') +
                tr("One instance running twice: actions are locked. Use Fix split brain to stop one copy.");
    text += QLatin1Char('\n') + tr("vCPUs: %1, memory: %2 MiB")
                                    .arg(m_snapshot.vcpus)
                                    .arg(locale.toString(m_snapshot.memoryKiB / 1024));
    if (m_snapshot.cpuPercent >= 0 && m_snapshot.isActive())
        text += QLatin1Char('\n') + tr("CPU: %1%").arg(locale.toString(m_snapshot.cpuPercent, 'f', 0));
    return text;
}

bool InstanceChipItem::setSnapshot(const InstanceSnapshot& snapshot)
{
    const bool stateChanged =
        snapshot.state != m_snapshot.state || snapshot.splitNodes != m_snapshot.splitNodes;
    const bool nameChanged = snapshot.name != m_snapshot.name;
    m_snapshot = snapshot;
    if (nameChanged)
        m_nameText = QStaticText();
    if (stateChanged || nameChanged)
        repaint();
    return stateChanged;
}

void InstanceChipItem::setPaintedByCard(bool byCard)
{
    if (byCard == isPaintedByCard())
        return;
    repaint();
    setFlag(ItemHasNoContents, byCard);
    repaint();
}

void InstanceChipItem::repaint()
{
    if (isPaintedByCard()) {
        if (QGraphicsItem* card = parentItem())
            card->update(mapRectToParent(boundingRect()));
        return;
    }
    update();
}

void InstanceChipItem::setHighlighted(bool highlighted)
{
    if (m_highlighted == highlighted)
        return;
    m_highlighted = highlighted;
    repaint();
}

QRectF InstanceChipItem::boundingRect() const
{
    // Room for the 2-unit selection frame drawn on the edge.
    return QRectF(-1, -1, ChipWidth + 2, ChipHeight + 2);
}

void InstanceChipItem::paintCell(QPainter* painter, QPointF at) const
{
    // The fill pattern tells the state apart without relying on colour.
    const QColor color = instanceStateColor(m_snapshot.state);
    const QRectF cell(at, QSizeF(ChipWidth, ChipHeight));
    switch (m_snapshot.state) {
    case InstanceState::Running:
    case InstanceState::Blocked:
        // Calm for the usual state, so that the exceptions stand out on an overview.
        painter->fillRect(cell, tint(color, 0.45));
        break;
    case InstanceState::Crashed:
        painter->fillRect(cell, color);
        break;
    case InstanceState::Paused:
    case InstanceState::PmSuspended:
    case InstanceState::ShuttingDown:
        painter->fillRect(cell, tint(color, 0.6));
        painter->fillRect(QRectF(at, QSizeF(ChipWidth / 2, ChipHeight)), color);
        break;
    case InstanceState::ShutOff:
    case InstanceState::NoState:
        painter->fillRect(cell, tint(color, 0.7));
        break;
    }
    if (m_snapshot.isSplit()) {
        // Critical: the crash colour, crossed, so that it stands out without relying on colour.
        painter->fillRect(cell, QBrush(instanceStateColor(InstanceState::Crashed), Qt::DiagCrossPattern));
    }
    if (m_highlighted) {
        painter->setPen(QPen(accentColor(), 4));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(cell);
    }
}

void InstanceChipItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    const qreal lod = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    if (lod < DetailLod) {
        paintCell(painter);
        return;
    }
    const QColor color = instanceStateColor(m_snapshot.state);
    const bool off = m_snapshot.state == InstanceState::ShutOff || m_snapshot.state == InstanceState::NoState;
    const QRectF chip(0.5, 0.5, ChipWidth - 1, ChipHeight - 1);
    painter->setPen(m_highlighted ? QPen(accentColor(), 2) : QPen(tint(color, 0.45), 1));
    painter->setBrush(m_highlighted ? tint(accentColor(), 0.82) : tint(color, off ? 0.88 : 0.84));
    painter->drawRoundedRect(chip, 4, 4);

    painter->setPen(color.darker(115));
    painter->setFont(glyphFont());
    const QStaticText& glyph = instanceStateGlyph(m_snapshot.state);
    painter->drawStaticText(QPointF(6, (ChipHeight - glyph.size().height()) / 2), glyph);

    if (m_nameText.text().isEmpty() && !m_snapshot.name.isEmpty()) {
        // Laid out on first paint at full detail: most chips of a large map are never seen
        // that close. The middle is elided so that the distinguishing end stays visible.
        m_nameText = elidedStaticText(m_snapshot.name, chipFont(), ChipWidth - NameLeft - 6, Qt::ElideMiddle);
    }
    if (m_snapshot.isSplit()) {
        const QColor critical = instanceStateColor(InstanceState::Crashed);
        painter->setPen(QPen(critical, 2, Qt::DashLine));
        painter->setBrush(QBrush(tint(critical, 0.7), Qt::BDiagPattern));
        painter->drawRoundedRect(chip.adjusted(1, 1, -1, -1), 4, 4);
    }
    painter->setPen(off ? mutedTextColor() : textColor());
    painter->setFont(chipFont());
    painter->drawStaticText(QPointF(NameLeft, (ChipHeight - m_nameText.size().height()) / 2), m_nameText);
}

void InstanceChipItem::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    // Accepting makes this chip the mouse grabber: the view does not pan, and a later drag
    // can start from mouseMoveEvent. The scene turns the press into a selection.
    event->accept();
}

void InstanceChipItem::mouseMoveEvent(QGraphicsSceneMouseEvent* event)
{
    if (!(event->buttons() & Qt::LeftButton))
        return;
    // Measured on the screen, so that the distance does not depend on the zoom.
    const QPoint moved = event->screenPos() - event->buttonDownScreenPos(Qt::LeftButton);
    if (moved.manhattanLength() < QApplication::startDragDistance())
        return;
    // A split instance is not moved: first one of its copies has to go.
    if (m_snapshot.isSplit())
        return;
    if (auto* map = qobject_cast<CampusMapScene*>(scene()))
        map->startDrag(this, event->widget());
}

} // namespace kumo

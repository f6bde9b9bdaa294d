// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// InstanceChipItem: one instance on the campus map, a small chip on its node's card showing the
// instance's name and state (glyph and colour; a fill pattern when zoomed out). It knows its
// UUID and node, so a drag can carry them. Selection is decided by CampusMapScene; the chip
// accepts the press so that the view does not start panning under it, and past the start-drag
// distance asks the scene to start dragging it (with the rest of the selection).
// Thread: GUI.
// Owner: its NodeCardItem (parent item).
#pragma once

#include <QCoreApplication>
#include <QGraphicsItem>
#include <QStaticText>

#include "core/snapshot.h"

namespace kumo {

class InstanceChipItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(kumo::InstanceChipItem)

public:
    enum
    {
        Type = UserType + 3
    };

    explicit InstanceChipItem(const InstanceSnapshot& snapshot, QGraphicsItem* parent = nullptr);

    [[nodiscard]] int type() const override { return Type; }
    [[nodiscard]] QString uuid() const { return m_snapshot.uuid; }
    [[nodiscard]] QString name() const { return m_snapshot.name; }
    [[nodiscard]] QString nodeName() const { return m_snapshot.node; }
    [[nodiscard]] InstanceState state() const { return m_snapshot.state; }
    [[nodiscard]] const InstanceSnapshot& snapshot() const { return m_snapshot; }
    [[nodiscard]] QString stateText() const;
    [[nodiscard]] QString toolTipText() const;

    // Keeps the snapshot; repaints only when the name or state (what the chip shows) changed.
    // Returns whether the state changed.
    bool setSnapshot(const InstanceSnapshot& snapshot);

    [[nodiscard]] bool isHighlighted() const { return m_highlighted; }
    void setHighlighted(bool highlighted);

    // At overview zoom the card paints its chips in its own paint (NodeCardItem::setPaintsChips()):
    // ten thousand chips each drawn by the view cost a full repaint 20 ms, most of it the view's
    // work per item. The chip then has no contents of its own (ItemHasNoContents) but stays the
    // item that is hit, shows the tooltip and starts the drag; its repaints go to the card.
    void setPaintedByCard(bool byCard);
    [[nodiscard]] bool isPaintedByCard() const { return flags() & ItemHasNoContents; }
    // The zoomed-out look, a cell whose colour and fill pattern tell the state, at `at` in the
    // painter's coordinates (the card's, when the card paints it).
    void paintCell(QPainter* painter, QPointF at = {}) const;

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;

private:
    // update(), or the card's update of the chip's area when the card paints it.
    void repaint();

    InstanceSnapshot m_snapshot;
    QStaticText m_nameText;
    bool m_highlighted = false;
};

} // namespace kumo

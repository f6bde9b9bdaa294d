// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// PlanArrowsItem: an evacuation plan on the campus map — one curved arrow per move, from the
// instance's chip (or its node's card when the chip is not on the map) to the target node's card.
// Positions are read from the scene when painting, so arrows follow relayouts. Arrows of moves
// with a problem are drawn dashed in red; the instance name is written along the arrow when
// zoomed in. The item takes no mouse input and is not a map item (hit tests ignore it).
// Thread: GUI.
// Owner: CampusMapScene.
#pragma once

#include <QGraphicsItem>
#include <QList>
#include <QString>

namespace kumo {

class CampusMapScene;

struct PlanArrow
{
    QString uuid;
    QString name;
    QString fromNode;
    QString toNode;
    bool problem = false; // the move does not validate
    bool running = false; // the move is in progress (drawn stronger)
    bool operator==(const PlanArrow&) const = default;
};

class PlanArrowsItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 20
    };

    explicit PlanArrowsItem(CampusMapScene* scene);

    [[nodiscard]] int type() const override { return Type; }
    void setArrows(const QList<PlanArrow>& arrows);
    [[nodiscard]] const QList<PlanArrow>& arrows() const { return m_arrows; }
    [[nodiscard]] qsizetype arrowCount() const { return m_arrows.size(); }
    // The two ends of an arrow in scene coordinates; false when a node is not on the map.
    bool endsOf(const PlanArrow& arrow, QPointF* from, QPointF* to) const;
    // Re-reads the map's extent (after a relayout).
    void updateBounds();

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    CampusMapScene* m_map;
    QList<PlanArrow> m_arrows;
    QRectF m_bounds;
};

} // namespace kumo

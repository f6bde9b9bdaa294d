// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// NodeCardItem: one node on the campus map. Shows the node's name, its state by colour, glyph
// and word (connected, connecting, unreachable, maintenance), CPU and memory bars, the instance
// count and the instances as chips laid out in a grid. Zoomed out it paints a plain block (with
// a hatch when unreachable) so 500 cards stay cheap. Texts are laid out when a change is first
// painted in detail: zoomed out they are not drawn, and a burst of changes lays them out once.
// While instances are dragged, the card shows whether it can take them (a drop hint: colour,
// glyph and the reason, over the card) and whether it is the card under the cursor.
// Thread: GUI.
// Owner: its SiteAreaItem (parent item).
#pragma once

#include <QCoreApplication>
#include <QGraphicsItem>
#include <QList>
#include <QStaticText>

#include "core/snapshot.h"
#include "ui/map/mapstyle.h"

namespace kumo {

class InstanceChipItem;

class NodeCardItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(kumo::NodeCardItem)

public:
    enum
    {
        Type = UserType + 2
    };
    using Look = mapstyle::NodeLook;

    explicit NodeCardItem(const QString& nodeName, QGraphicsItem* parent = nullptr);

    [[nodiscard]] int type() const override { return Type; }
    [[nodiscard]] QString nodeName() const { return m_name; }

    // Returns whether anything shown changed (and then repaints).
    bool setNode(const NodeSnapshot& snapshot, bool maintenance);
    [[nodiscard]] const NodeSnapshot& snapshot() const { return m_snapshot; }
    [[nodiscard]] bool isMaintenance() const { return m_maintenance; }
    [[nodiscard]] Look look() const;
    [[nodiscard]] bool isUnreachable() const { return look() == Look::Unreachable; }

    // A warning badge in the header: the node is reached over an insecure transport the inventory
    // allows (allow_insecure). `reason` (empty: no badge) goes into the tooltip.
    void setInsecureWarning(const QString& reason);
    [[nodiscard]] bool hasInsecureWarning() const { return !m_insecureReason.isEmpty(); }
    [[nodiscard]] QString insecureWarning() const { return m_insecureReason; }

    // The texts the card shows, in the current language.
    [[nodiscard]] QString stateText() const;
    [[nodiscard]] QString cpuText() const;
    [[nodiscard]] QString memoryText() const;
    [[nodiscard]] QString instanceCountText() const;
    [[nodiscard]] QString toolTipText() const;

    // Chips are children; the card keeps them sorted by name for a stable grid.
    void addChip(InstanceChipItem* chip);
    void removeChip(InstanceChipItem* chip);
    [[nodiscard]] const QList<InstanceChipItem*>& chips() const { return m_chips; }
    // Places the chips and returns whether the card's natural height changed.
    bool layoutChips();
    // Zoomed out the card paints its chips itself (InstanceChipItem::setPaintedByCard()); the
    // scene switches every card with the zoom, and a chip added later follows its card.
    void setPaintsChips(bool paints);
    [[nodiscard]] bool paintsChips() const { return m_paintsChips; }
    // Recounts running instances after a chip changed state; repaints when the text changed.
    void updateCounts();
    [[nodiscard]] qreal naturalHeight() const;
    // The site stretches the cards of one grid row to the same height.
    void setDisplayHeight(qreal height);

    [[nodiscard]] bool isHighlighted() const { return m_highlighted; }
    void setHighlighted(bool highlighted);

    // What a drop here would do; None outside drags.
    enum class DropHint
    {
        None,
        Allowed,
        Warning,
        Refused,
    };
    // `pending`: only the quick checks have answered so far.
    void setDropHint(DropHint hint, const QString& reason = {}, bool pending = false);
    [[nodiscard]] DropHint dropHint() const { return m_dropHint; }
    [[nodiscard]] QString dropReason() const { return m_dropReason; }
    [[nodiscard]] QString dropHintText() const;
    // The card under the cursor during a drag.
    void setDropTarget(bool target);
    [[nodiscard]] bool isDropTarget() const { return m_dropTarget; }

    // Re-reads every translated text.
    void retranslate();

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;

private:
    // Marks the texts for layout at the next detailed paint.
    void invalidateTexts();
    void ensureTexts() const;
    void paintBlock(QPainter* painter, qreal lod) const;
    void paintBar(QPainter* painter, qreal y, double fraction, const QColor& color) const;
    void paintDropHint(QPainter* painter, qreal lod) const;
    // The chips, when the card paints them (setPaintsChips()).
    void paintChips(QPainter* painter, qreal lod) const;

    QString m_name;
    NodeSnapshot m_snapshot;
    bool m_maintenance = false;
    bool m_highlighted = false;
    DropHint m_dropHint = DropHint::None;
    QString m_dropReason;
    bool m_dropPending = false;
    bool m_dropTarget = false;
    QList<InstanceChipItem*> m_chips;
    // Where layoutChips() put each of m_chips, for painting them without touching every chip
    // item; stale (and the chips' own positions used) from an add or remove until the next layout.
    QList<QPointF> m_chipPositions;
    bool m_chipPositionsValid = false;
    bool m_paintsChips = false;
    QString m_insecureReason;
    int m_runningCount = 0;
    qsizetype m_countedChips = 0; // the chips m_runningCount was counted on
    int m_chipRows = 0;
    qreal m_height = 0;

    // Laid-out texts: a cache that paint() fills (see ensureTexts()).
    mutable bool m_textsDirty = true;
    mutable bool m_countDirty = true;
    mutable QStaticText m_nameText;
    mutable QStaticText m_stateText;
    mutable QStaticText m_cpuLabel;
    mutable QStaticText m_cpuText;
    mutable QStaticText m_memoryLabel;
    mutable QStaticText m_memoryText;
    mutable QStaticText m_countText;
    mutable QStaticText m_errorText;
};

} // namespace kumo

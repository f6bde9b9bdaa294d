// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// CampusMapScene: the campus map's items kept in step with the ClusterController — one area per
// site, one card per node, one chip per instance. It updates only the items a controller signal
// names; membership changes relayout only the cards and sites involved, once per event-loop pass.
// Clicks on chips and cards write the shared ClusterSelection; selection changes made elsewhere
// are shown as highlights. Chips are the map's drag sources: a drag carries the chip, or the
// whole selection when the chip is part of it, as an InstanceDrag payload. Each campus shows its
// headroom (what the others could take if it went dark) as CampusHeadroomWatch computes it.
// Thread: GUI.
// Owner: CampusMapView.
#pragma once

#include <QGraphicsScene>
#include <QHash>
#include <QPixmap>
#include <QPointer>
#include <QSet>
#include <QTimer>

class QMimeData;

namespace kumo {

class CampusHeadroomWatch;
class ClusterController;
class ClusterSelection;
class InstanceChipItem;
class NodeCardItem;
class PlanArrowsItem;
class SiteAreaItem;
struct InstanceSnapshot;

class CampusMapScene : public QGraphicsScene
{
    Q_OBJECT

public:
    CampusMapScene(ClusterController* controller, ClusterSelection* selection, QObject* parent = nullptr);
    ~CampusMapScene() override;

    [[nodiscard]] ClusterController* controller() const { return m_controller; }
    [[nodiscard]] ClusterSelection* selection() const { return m_selection; }

    [[nodiscard]] SiteAreaItem* siteArea(const QString& id) const { return m_sites.value(id); }
    [[nodiscard]] NodeCardItem* nodeCard(const QString& name) const { return m_cards.value(name); }
    [[nodiscard]] InstanceChipItem* chip(const QString& uuid) const { return m_chips.value(uuid); }
    [[nodiscard]] QList<SiteAreaItem*> siteAreas() const;
    [[nodiscard]] QList<NodeCardItem*> nodeCards() const { return m_cards.values(); }
    [[nodiscard]] qsizetype chipCount() const { return m_chips.size(); }
    // The arrows of an evacuation plan drawn over the map (none until a plan is shown).
    [[nodiscard]] PlanArrowsItem* planArrows() const { return m_planArrows; }
    // What keeps the campuses' headroom lines current.
    [[nodiscard]] CampusHeadroomWatch* headroomWatch() const { return m_headroomWatch; }

    // The chip, card or site area at a scene point (topmost), or nullptr.
    [[nodiscard]] QGraphicsItem* mapItemAt(const QPointF& scenePos) const;
    // The item showing a node name or instance UUID.
    [[nodiscard]] QGraphicsItem* itemForKey(const QString& key) const;
    // What the map covers: every site area, with a margin.
    [[nodiscard]] QRectF contentRect() const;
    // The same as it would be at `zoom`: the sites' title bands keep their screen height, so they
    // take more scene units zoomed out. Nothing moves but the bands' tops.
    [[nodiscard]] QRectF contentRect(double zoom) const;

    // The view's zoom, which sizes the title bands (CampusMapView calls it on every change).
    void setViewZoom(double zoom);

    // Applies pending layout now instead of at the next event-loop pass.
    void flushLayout();
    // Whether a layout is scheduled: chips added or moved are in place only after it.
    [[nodiscard]] bool isLayoutPending() const { return m_layoutTimer.isActive(); }
    // Re-reads every translated text (site names, state words) after a language switch.
    void retranslate();
    // Zoomed out, the cards paint their chips (NodeCardItem::setPaintsChips()); the view says
    // when. Cards added later follow the current choice.
    void setChipsPaintedByCards(bool byCards);
    [[nodiscard]] bool chipsPaintedByCards() const { return m_chipsByCards; }

    // Selection as a click on `item` with `modifiers` makes it; returns whether it was a map item.
    bool selectFromClick(QGraphicsItem* item, Qt::KeyboardModifiers modifiers);

    // What dragging `chip` carries: every selected instance when the chip is selected, else the chip.
    [[nodiscard]] QStringList dragInstances(const InstanceChipItem* chip) const;
    // The drag's payload (InstanceDrag::mimeType()); the caller owns it.
    [[nodiscard]] QMimeData* createDragMimeData(const InstanceChipItem* chip) const;
    // The chips of `uuids` (up to a few, stacked) as the drag cursor shows them.
    [[nodiscard]] QPixmap dragPixmap(const QStringList& uuids, qreal devicePixelRatio) const;
    // Runs the drag (QDrag::exec: returns when it ends). dragStarted and dragEnded bracket it.
    void startDrag(InstanceChipItem* chip, QWidget* source);

Q_SIGNALS:
    // The size or placement of some area changed (after a relayout).
    void layoutChanged();
    // The selection's current item, after a change; fromMap is true when a click here made it.
    void currentItemChanged(QGraphicsItem* item, bool fromMap);
    void dragStarted(const QStringList& uuids);
    void dragEnded();

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void helpEvent(QGraphicsSceneHelpEvent* event) override;

private:
    void onNodeAdded(const QString& name);
    void onNodeChanged(const QString& name);
    void onNodeRemoved(const QString& name);
    void onInstanceAdded(const QString& uuid);
    void onInstanceChanged(const QString& uuid);
    void onInstanceMoved(const QString& uuid, const QString& from, const QString& to);
    void onInstanceRemoved(const QString& uuid);
    void onInventoryChanged();
    void onSelectionChanged();

    SiteAreaItem* ensureSite(const QString& id);
    void syncSites();
    void syncMaintenance();
    void placeCard(NodeCardItem* card);
    void addChip(const InstanceSnapshot& snapshot);
    void removeChip(InstanceChipItem* chip);
    void markCardDirty(NodeCardItem* card);
    void markSiteDirty(SiteAreaItem* site);
    void scheduleLayout();
    void placeSites();
    void applyHeadroom();
    // Gives every site the band its title needs at the current zoom; returns whether any changed.
    bool applyTitleLayout();
    [[nodiscard]] static qreal unitsPerPixel(double zoom);

    ClusterController* m_controller;
    QPointer<ClusterSelection> m_selection;
    QHash<QString, SiteAreaItem*> m_sites;
    QHash<QString, NodeCardItem*> m_cards;
    QHash<QString, InstanceChipItem*> m_chips;
    bool m_chipsByCards = false;
    QSet<QString> m_highlighted;
    PlanArrowsItem* m_planArrows = nullptr;
    CampusHeadroomWatch* m_headroomWatch = nullptr;
    double m_viewZoom = 1.0;

    QSet<NodeCardItem*> m_dirtyCards;
    QSet<SiteAreaItem*> m_dirtySites;
    bool m_placementDirty = false;
    bool m_rankDirty = true;
    QHash<QString, int> m_nodeRank;
    QTimer m_layoutTimer;

    bool m_writingSelection = false;
    // A press on an item that was already part of a multiple selection narrows the selection on
    // release only, so that a later drag can carry the whole selection.
    QString m_narrowOnRelease;
};

} // namespace kumo

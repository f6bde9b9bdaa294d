// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// SiteAreaItem: one campus on the map, a tinted area in the site's colour holding its node
// cards in a grid (inventory order, about as many columns as rows). The site's name is a
// title that keeps its screen size at every zoom, so the campuses stay readable zoomed out.
// The title sits in a band above the cards that the scene sizes for the view's zoom
// (setTitleLayout()): the band grows upwards, so the cards keep their place when the zoom changes.
// The item's origin is the top left of the cards' part; the band is at negative y.
// A campus in maintenance mode (evacuated for a planned outage) is hatched and carries a
// "Maintenance mode" badge. Under the title, a line says what the other campuses could take if this
// one went dark (its headroom), red when not everything would fit.
// Thread: GUI.
// Owner: CampusMapScene.
#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QGraphicsItem>
#include <QHash>
#include <QList>

#include "core/inventory.h"

namespace kumo {

class NodeCardItem;
class SiteTitleItem;

class SiteAreaItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(kumo::SiteAreaItem)

public:
    enum
    {
        Type = UserType + 1
    };

    explicit SiteAreaItem(const Site& site, QGraphicsItem* parent = nullptr);

    [[nodiscard]] int type() const override { return Type; }
    [[nodiscard]] QString siteId() const { return m_site.id; }
    [[nodiscard]] const Site& site() const { return m_site; }
    // The name shown, in the current UI language.
    [[nodiscard]] QString displayName() const;
    [[nodiscard]] QColor color() const;
    // The name as drawn now (updated on a language change).
    [[nodiscard]] QString titleText() const;

    // Returns whether the shown name or colour changed (and then repaints).
    bool setSite(const Site& site);
    // Re-reads the display name for the current language.
    void retranslate();

    // Maintenance mode of the whole site (ClusterController::maintenanceSites()).
    void setMaintenance(bool on);
    [[nodiscard]] bool isMaintenance() const { return m_maintenance; }
    // The badge's text in the current language (empty when not in maintenance).
    [[nodiscard]] QString maintenanceText() const;
    [[nodiscard]] QString toolTipText() const;

    // The headroom line and its sentences (CampusHeadroom::line() and toolTip()); an empty line
    // removes it. Returns whether the area's layout must be redone (the line changed).
    bool setHeadroom(const QString& line, bool warning, const QString& toolTip);
    [[nodiscard]] QString headroomText() const;
    [[nodiscard]] bool headroomWarns() const;

    void addCard(NodeCardItem* card);
    void removeCard(NodeCardItem* card);
    [[nodiscard]] const QList<NodeCardItem*>& cards() const { return m_cards; }
    // Places the cards by their rank (inventory order) and returns whether the area's size changed.
    bool layoutCards(const QHash<QString, int>& rank);
    // The cards' part of the area (without the title band).
    [[nodiscard]] QSizeF size() const { return m_size; }

    // Screen pixels the title block needs: the plate, the headroom line and their margins.
    [[nodiscard]] qreal titleBlockPixels() const;
    // Sizes the title band: `bandPixels` high on screen, `unitsPerPixel` scene units per screen
    // pixel at the view's zoom (the title does not scale with the map). Returns whether the area's
    // outline changed.
    bool setTitleLayout(qreal unitsPerPixel, qreal bandPixels);
    [[nodiscard]] qreal titleBandPixels() const { return m_bandPixels; }
    // The band's height in scene units.
    [[nodiscard]] qreal titleBandHeight() const { return m_bandPixels * m_unitsPerPixel; }
    // The whole area, title band included, in item coordinates.
    [[nodiscard]] QRectF areaRect() const;
    // The title block (plate and headroom line), in screen pixels relative to the title's anchor.
    [[nodiscard]] const SiteTitleItem* titleItem() const { return m_title; }
    // Whether the headroom line is drawn shortened (the tooltip then carries it whole).
    [[nodiscard]] bool headroomElided() const;

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    void updateTitle();
    void placeTitle();
    void paintMaintenance(QPainter* painter, qreal lod) const;

    Site m_site;
    QList<NodeCardItem*> m_cards;
    QSizeF m_size;
    SiteTitleItem* m_title = nullptr;
    bool m_maintenance = false;
    QString m_badgeText;
    QString m_headroomTip;
    qreal m_unitsPerPixel = 1;
    qreal m_bandPixels = 0;
};

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// SiteAreaItem: one campus on the map, a tinted area in the site's colour holding its node
// cards in a grid (inventory order, about as many columns as rows). The site's name is a
// title that keeps its screen size at every zoom, so the campuses stay readable zoomed out.
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
    // removes it. Returns whether the area's layout must be redone (the line came or went).
    bool setHeadroom(const QString& line, bool warning, const QString& toolTip);
    [[nodiscard]] QString headroomText() const;
    [[nodiscard]] bool headroomWarns() const;

    void addCard(NodeCardItem* card);
    void removeCard(NodeCardItem* card);
    [[nodiscard]] const QList<NodeCardItem*>& cards() const { return m_cards; }
    // Places the cards by their rank (inventory order) and returns whether the area's size changed.
    bool layoutCards(const QHash<QString, int>& rank);
    [[nodiscard]] QSizeF size() const { return m_size; }

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    void updateTitle();
    void paintMaintenance(QPainter* painter, qreal lod) const;

    Site m_site;
    QList<NodeCardItem*> m_cards;
    QSizeF m_size;
    SiteTitleItem* m_title = nullptr;
    bool m_maintenance = false;
    QString m_badgeText;
    QString m_headroomTip;
};

} // namespace kumo

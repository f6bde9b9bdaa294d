// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/map/siteareaitem.h"

#include <algorithm>
#include <climits>
#include <cmath>

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include "app/i18n/language.h"
#include "ui/map/mapstyle.h"
#include "ui/map/nodecarditem.h"
#include "ui/map/sitetitleitem.h"

namespace kumo {

using namespace mapstyle;

namespace {

// The title block's margins, in screen pixels.
constexpr qreal TitleInset = 12;
constexpr qreal TitleTop = 8;
constexpr qreal TitleBottom = 8;
// Narrower than this on screen, the title is not drawn at all (the tooltip still names the site).
constexpr qreal MinTitleWidth = 48;

} // namespace

SiteAreaItem::SiteAreaItem(const Site& site, QGraphicsItem* parent)
    : QGraphicsItem(parent)
    , m_site(site)
    , m_title(new SiteTitleItem(this))
{
    // Presses on the area itself pan the view; right clicks reach the view's context menu.
    setAcceptedMouseButtons(Qt::NoButton);
    updateTitle();
    m_bandPixels = titleBlockPixels();
    layoutCards({});
}

QString SiteAreaItem::displayName() const
{
    return m_site.displayName(language::current());
}

QColor SiteAreaItem::color() const
{
    const QColor color(m_site.color);
    return color.isValid() ? color : QColor(0x6b, 0x7c, 0x93);
}

QString SiteAreaItem::titleText() const
{
    return m_title->text();
}

bool SiteAreaItem::setSite(const Site& site)
{
    const bool shownChanged =
        site.name != m_site.name || site.nameJa != m_site.nameJa || site.color != m_site.color;
    m_site = site;
    if (shownChanged) {
        updateTitle();
        update();
    }
    return shownChanged;
}

void SiteAreaItem::retranslate()
{
    updateTitle();
    if (m_maintenance) {
        m_badgeText = tr("Maintenance mode");
        update();
    }
}

void SiteAreaItem::setMaintenance(bool on)
{
    if (on == m_maintenance)
        return;
    m_maintenance = on;
    m_badgeText = on ? tr("Maintenance mode") : QString();
    update();
}

QString SiteAreaItem::maintenanceText() const
{
    return m_badgeText;
}

QString SiteAreaItem::toolTipText() const
{
    QString text = displayName();
    if (m_maintenance)
        text =
            tr("%1\nIn maintenance mode: takes no new instances until the outage ends.").arg(displayName());
    if (headroomElided())
        text += QLatin1Char('\n') + headroomText();
    if (!m_headroomTip.isEmpty())
        text += QLatin1Char('\n') + m_headroomTip;
    return text;
}

bool SiteAreaItem::setHeadroom(const QString& line, bool warning, const QString& toolTip)
{
    m_headroomTip = toolTip;
    const QString before = m_title->detailText();
    m_title->setDetail(line, warning);
    // The band's height follows the line's presence, the area's width at 100% its length.
    return line != before;
}

QString SiteAreaItem::headroomText() const
{
    return m_title->detailText();
}

bool SiteAreaItem::headroomWarns() const
{
    return m_title->detailWarns();
}

bool SiteAreaItem::headroomElided() const
{
    return m_title->detailElided() || (!m_title->detailText().isEmpty() && !m_title->isVisible());
}

qreal SiteAreaItem::titleBlockPixels() const
{
    return TitleTop + m_title->height() + TitleBottom;
}

bool SiteAreaItem::setTitleLayout(qreal unitsPerPixel, qreal bandPixels)
{
    if (qFuzzyCompare(unitsPerPixel, m_unitsPerPixel) && qFuzzyCompare(bandPixels, m_bandPixels))
        return false;
    prepareGeometryChange();
    m_unitsPerPixel = unitsPerPixel;
    m_bandPixels = bandPixels;
    placeTitle();
    return true;
}

QRectF SiteAreaItem::areaRect() const
{
    const qreal band = titleBandHeight();
    return QRectF(0, -band, m_size.width(), m_size.height() + band);
}

void SiteAreaItem::placeTitle()
{
    const qreal units = m_unitsPerPixel;
    m_title->setPos(TitleInset * units, -titleBandHeight() + TitleTop * units);
    const qreal available = m_size.width() / units - 2 * TitleInset;
    m_title->setAvailableWidth(available);
    m_title->setVisible(available >= MinTitleWidth);
}

void SiteAreaItem::updateTitle()
{
    m_title->setTitle(displayName(), color());
}

void SiteAreaItem::addCard(NodeCardItem* card)
{
    card->setParentItem(this);
    m_cards.append(card);
}

void SiteAreaItem::removeCard(NodeCardItem* card)
{
    m_cards.removeOne(card);
}

bool SiteAreaItem::layoutCards(const QHash<QString, int>& rank)
{
    std::stable_sort(m_cards.begin(), m_cards.end(), [&rank](const NodeCardItem* a, const NodeCardItem* b) {
        return rank.value(a->nodeName(), INT_MAX) < rank.value(b->nodeName(), INT_MAX);
    });
    const int count = int(m_cards.size());
    const int columns = std::max(1, int(std::ceil(std::sqrt(double(count)))));
    // The title's band is above y = 0.
    qreal y = 0;
    for (int rowStart = 0; rowStart < count; rowStart += columns) {
        const int rowEnd = std::min(count, rowStart + columns);
        qreal rowHeight = 0;
        for (int i = rowStart; i < rowEnd; ++i)
            rowHeight = std::max(rowHeight, m_cards.at(i)->naturalHeight());
        for (int i = rowStart; i < rowEnd; ++i) {
            NodeCardItem* card = m_cards.at(i);
            card->setDisplayHeight(rowHeight);
            const QPointF where(SitePadding + (i - rowStart) * (CardWidth + CardGap), y);
            if (card->pos() != where)
                card->setPos(where);
        }
        y += rowHeight + CardGap;
    }
    const int usedColumns = std::min(count, columns);
    const qreal cardsWidth = usedColumns * CardWidth + std::max(0, usedColumns - 1) * CardGap;
    // Wide enough for the whole title at 100%; zoomed out, the title is elided to the area.
    const qreal width =
        std::max({SiteMinWidth, cardsWidth + 2 * SitePadding, m_title->naturalWidth() + 2 * TitleInset});
    const qreal height = count == 0 ? 60 : y - CardGap + SitePadding;
    const QSizeF size(width, height);
    if (size == m_size) {
        placeTitle();
        return false;
    }
    prepareGeometryChange();
    m_size = size;
    placeTitle();
    return true;
}

QRectF SiteAreaItem::boundingRect() const
{
    return areaRect().adjusted(-1, -1, 1, 1);
}

void SiteAreaItem::paintMaintenance(QPainter* painter, qreal lod) const
{
    // Hatched, so that it reads without colour, at a spacing that stays the same on screen.
    const QColor color = nodeLookColor(NodeLook::Maintenance);
    const QRectF area = areaRect().adjusted(0.5, 0.5, -0.5, -0.5);
    QBrush hatch(tint(color, 0.55), Qt::BDiagPattern);
    hatch.setTransform(QTransform::fromScale(1.5 / lod, 1.5 / lod));
    painter->setPen(QPen(color, std::max(2.0, 2.5 / lod), Qt::DashLine));
    painter->setBrush(hatch);
    painter->drawRoundedRect(area, 10, 10);
    // The badge at the top right, in the title's row.
    QFont font = cardTitleFont();
    font.setBold(true);
    const QFontMetricsF metrics(font);
    const qreal width = metrics.horizontalAdvance(m_badgeText) + 20;
    const qreal height = metrics.height() + 8;
    const QRectF badge(m_size.width() - SitePadding - width, area.top() + 10, width, height);
    painter->setPen(QPen(color.darker(120), 1));
    painter->setBrush(color);
    painter->drawRoundedRect(badge, height / 2, height / 2);
    painter->setPen(Qt::white);
    painter->setFont(font);
    painter->drawText(badge, Qt::AlignCenter, m_badgeText);
}

void SiteAreaItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    const qreal lod = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    const QColor base = color();
    const QRectF area = areaRect().adjusted(0.5, 0.5, -0.5, -0.5);
    painter->setPen(QPen(tint(base, 0.35), std::max(1.0, 1.5 / lod)));
    painter->setBrush(tint(base, 0.93));
    painter->drawRoundedRect(area, 10, 10);
    if (m_maintenance)
        paintMaintenance(painter, lod);
    if (m_cards.isEmpty() && lod >= CompactLod) {
        painter->setPen(mutedTextColor());
        painter->setFont(cardTextFont());
        painter->drawText(QRectF(0, 0, m_size.width(), 40), Qt::AlignCenter, tr("No nodes in this site"));
    }
}

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/map/campusmapscene.h"

#include <QDrag>
#include <QGraphicsSceneHelpEvent>
#include <QGraphicsSceneMouseEvent>
#include <QLocale>
#include <QMimeData>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QToolTip>

#include "app/cluster/clustercontroller.h"
#include "app/monitoring/campusheadroomwatch.h"
#include "core/connectionsecurity.h"
#include "core/instancedrag.h"
#include "ui/clusterselection.h"
#include "ui/map/instancechipitem.h"
#include "ui/map/mapstyle.h"
#include "ui/map/nodecarditem.h"
#include "ui/map/planarrowsitem.h"
#include "ui/map/siteareaitem.h"
#include "ui/models/nodetablemodel.h"
#include "ui/plaintext.h"

namespace kumo {

namespace {

// The card's badge: the same sentence as the node table's.
QString insecureWarning(const NodeConfig* config)
{
    return config && ConnectionSecurity::insecureAllowed(*config) ? NodeTableModel::insecureText(*config)
                                                                  : QString();
}

} // namespace

CampusMapScene::CampusMapScene(ClusterController* controller, ClusterSelection* selection, QObject* parent)
    : QGraphicsScene(parent)
    , m_controller(controller)
    , m_selection(selection)
{
    // Items move only when membership changes, so a BSP index pays for itself in hit tests
    // and in finding what to paint.
    setItemIndexMethod(BspTreeIndex);
    setBackgroundBrush(QColor(0xf4, 0xf6, 0xf8));
    m_layoutTimer.setSingleShot(true);
    m_layoutTimer.setInterval(0);
    connect(&m_layoutTimer, &QTimer::timeout, this, &CampusMapScene::flushLayout);

    connect(controller, &ClusterController::nodeAdded, this, &CampusMapScene::onNodeAdded);
    connect(controller, &ClusterController::nodeChanged, this, &CampusMapScene::onNodeChanged);
    connect(controller, &ClusterController::nodeRemoved, this, &CampusMapScene::onNodeRemoved);
    connect(controller, &ClusterController::instanceAdded, this, &CampusMapScene::onInstanceAdded);
    connect(controller, &ClusterController::instanceChanged, this, &CampusMapScene::onInstanceChanged);
    connect(controller, &ClusterController::instanceMoved, this, &CampusMapScene::onInstanceMoved);
    connect(controller, &ClusterController::instanceRemoved, this,
            [this](const QString& uuid, const QString&) { onInstanceRemoved(uuid); });
    connect(controller, &ClusterController::inventoryChanged, this, &CampusMapScene::onInventoryChanged);
    if (selection)
        connect(selection, &ClusterSelection::changed, this, &CampusMapScene::onSelectionChanged);

    m_planArrows = new PlanArrowsItem(this);
    addItem(m_planArrows);
    connect(this, &CampusMapScene::layoutChanged, this, [this] {
        m_planArrows->updateBounds();
        m_planArrows->update();
    });

    m_headroomWatch = new CampusHeadroomWatch(controller, this);
    connect(m_headroomWatch, &CampusHeadroomWatch::headroomChanged, this, &CampusMapScene::applyHeadroom);

    syncSites();
    const QStringList nodes = controller->nodeNames();
    for (const QString& name : nodes)
        onNodeAdded(name);
    onSelectionChanged();
    flushLayout();
}

CampusMapScene::~CampusMapScene() = default;

QList<SiteAreaItem*> CampusMapScene::siteAreas() const
{
    QList<SiteAreaItem*> ordered;
    for (const Site& site : m_controller->inventory().sites) {
        if (SiteAreaItem* area = m_sites.value(site.id))
            ordered.append(area);
    }
    for (SiteAreaItem* area : std::as_const(m_sites)) {
        if (!ordered.contains(area))
            ordered.append(area);
    }
    return ordered;
}

QGraphicsItem* CampusMapScene::mapItemAt(const QPointF& scenePos) const
{
    const QList<QGraphicsItem*> hits = items(scenePos, Qt::IntersectsItemShape, Qt::DescendingOrder);
    for (QGraphicsItem* item : hits) {
        const int type = item->type();
        if (type == InstanceChipItem::Type || type == NodeCardItem::Type || type == SiteAreaItem::Type)
            return item;
    }
    return nullptr;
}

QGraphicsItem* CampusMapScene::itemForKey(const QString& key) const
{
    if (InstanceChipItem* found = m_chips.value(key))
        return found;
    return m_cards.value(key);
}

QRectF CampusMapScene::contentRect() const
{
    return contentRect(m_viewZoom);
}

QRectF CampusMapScene::contentRect(double zoom) const
{
    const qreal units = unitsPerPixel(zoom);
    QRectF bounds;
    for (const SiteAreaItem* site : std::as_const(m_sites)) {
        const qreal band = site->titleBandPixels() * units;
        bounds = bounds.united(
            QRectF(site->x(), site->y() - band, site->size().width(), site->size().height() + band));
    }
    if (bounds.isEmpty())
        return QRectF(0, 0, 400, 300);
    return bounds.adjusted(-24, -24, 24, 24);
}

qreal CampusMapScene::unitsPerPixel(double zoom)
{
    // Zoomed in, the band keeps its scene height (it only gets roomier on screen).
    return zoom > 0 && zoom < 1 ? 1.0 / zoom : 1.0;
}

void CampusMapScene::setViewZoom(double zoom)
{
    if (zoom <= 0 || qFuzzyCompare(zoom, m_viewZoom))
        return;
    m_viewZoom = zoom;
    if (!applyTitleLayout())
        return;
    placeSites();
    setSceneRect(contentRect());
    Q_EMIT layoutChanged();
}

bool CampusMapScene::applyTitleLayout()
{
    // One band height for all, so that the campuses' tops and first card rows line up.
    qreal band = 0;
    for (const SiteAreaItem* site : std::as_const(m_sites))
        band = std::max(band, site->titleBlockPixels());
    const qreal units = unitsPerPixel(m_viewZoom);
    bool changed = false;
    for (SiteAreaItem* site : std::as_const(m_sites))
        changed = site->setTitleLayout(units, band) || changed;
    return changed;
}

SiteAreaItem* CampusMapScene::ensureSite(const QString& id)
{
    if (SiteAreaItem* existing = m_sites.value(id))
        return existing;
    const Site* config = m_controller->inventory().site(id);
    auto* area = new SiteAreaItem(config ? *config : Site{id, id, {}, {}, {}});
    addItem(area);
    m_sites.insert(id, area);
    m_placementDirty = true;
    scheduleLayout();
    return area;
}

void CampusMapScene::syncSites()
{
    const Inventory& inventory = m_controller->inventory();
    QSet<QString> wanted;
    for (const Site& site : inventory.sites) {
        wanted.insert(site.id);
        SiteAreaItem* area = ensureSite(site.id);
        const QPointF before = area->site().position;
        if (area->setSite(site))
            markSiteDirty(area);
        if (before != site.position)
            m_placementDirty = true;
    }
    syncMaintenance();
    if (m_headroomWatch)
        applyHeadroom();
    for (auto it = m_sites.begin(); it != m_sites.end();) {
        if (!wanted.contains(it.key()) && it.value()->cards().isEmpty()) {
            m_dirtySites.remove(it.value());
            delete it.value();
            it = m_sites.erase(it);
            m_placementDirty = true;
        } else {
            ++it;
        }
    }
    scheduleLayout();
}

void CampusMapScene::applyHeadroom()
{
    const int percent = m_headroomWatch->headroomPercent();
    for (SiteAreaItem* site : std::as_const(m_sites)) {
        const CampusHeadroom* headroom = m_headroomWatch->headroom(site->siteId());
        bool relayout = false;
        if (!headroom) {
            relayout = site->setHeadroom(QString(), false, QString());
        } else {
            QStringList others;
            for (const Site& other : m_controller->inventory().sites) {
                if (other.id == site->siteId())
                    continue;
                const SiteAreaItem* area = m_sites.value(other.id);
                others.append(area ? area->displayName() : other.name);
            }
            relayout = site->setHeadroom(
                headroom->line(), !headroom->fitsAll(),
                headroom->toolTip(site->displayName(), QLocale().createSeparatedList(others), percent));
        }
        if (relayout)
            markSiteDirty(site);
    }
}

void CampusMapScene::syncMaintenance()
{
    const QSet<QString> maintenance = m_controller->maintenanceSites();
    for (SiteAreaItem* site : std::as_const(m_sites))
        site->setMaintenance(maintenance.contains(site->siteId()));
}

void CampusMapScene::placeCard(NodeCardItem* card)
{
    const NodeConfig* config = m_controller->inventory().node(card->nodeName());
    const QString siteId = config ? config->site : QString();
    auto* current = qgraphicsitem_cast<SiteAreaItem*>(card->parentItem());
    if (current && current->siteId() == siteId)
        return;
    if (current) {
        current->removeCard(card);
        markSiteDirty(current);
    }
    SiteAreaItem* site = ensureSite(siteId);
    site->addCard(card);
    markSiteDirty(site);
}

void CampusMapScene::onNodeAdded(const QString& name)
{
    if (m_cards.contains(name))
        return;
    auto* card = new NodeCardItem(name);
    card->setPaintsChips(m_chipsByCards);
    m_cards.insert(name, card);
    placeCard(card);
    const NodeConfig* config = m_controller->inventory().node(name);
    if (const NodeSnapshot* snapshot = m_controller->node(name))
        card->setNode(*snapshot, config && config->maintenance);
    card->setInsecureWarning(insecureWarning(config));
    const QList<InstanceSnapshot> instances = m_controller->instancesOn(name);
    for (const InstanceSnapshot& instance : instances)
        addChip(instance);
    if (m_selection && m_selection->kind() == ClusterSelection::Kind::Nodes && m_selection->contains(name)) {
        card->setHighlighted(true);
        m_highlighted.insert(name);
    }
    m_rankDirty = true;
    markCardDirty(card);
}

void CampusMapScene::onNodeChanged(const QString& name)
{
    NodeCardItem* card = m_cards.value(name);
    const NodeSnapshot* snapshot = m_controller->node(name);
    if (!card || !snapshot)
        return;
    placeCard(card);
    const NodeConfig* config = m_controller->inventory().node(name);
    card->setNode(*snapshot, config && config->maintenance);
    card->setInsecureWarning(insecureWarning(config));
}

void CampusMapScene::onNodeRemoved(const QString& name)
{
    NodeCardItem* card = m_cards.take(name);
    if (!card)
        return;
    const QList<InstanceChipItem*> chips = card->chips();
    for (InstanceChipItem* chip : chips) {
        m_chips.remove(chip->uuid());
        m_highlighted.remove(chip->uuid());
    }
    m_highlighted.remove(name);
    if (auto* site = qgraphicsitem_cast<SiteAreaItem*>(card->parentItem())) {
        site->removeCard(card);
        markSiteDirty(site);
    }
    m_dirtyCards.remove(card);
    delete card;
    m_rankDirty = true;
}

void CampusMapScene::addChip(const InstanceSnapshot& snapshot)
{
    NodeCardItem* card = m_cards.value(snapshot.node);
    if (!card || m_chips.contains(snapshot.uuid))
        return;
    auto* chip = new InstanceChipItem(snapshot);
    card->addChip(chip);
    m_chips.insert(snapshot.uuid, chip);
    if (m_selection && m_selection->kind() == ClusterSelection::Kind::Instances &&
        m_selection->contains(snapshot.uuid)) {
        chip->setHighlighted(true);
        m_highlighted.insert(snapshot.uuid);
    }
    markCardDirty(card);
}

void CampusMapScene::removeChip(InstanceChipItem* chip)
{
    if (auto* card = qgraphicsitem_cast<NodeCardItem*>(chip->parentItem())) {
        card->removeChip(chip);
        markCardDirty(card);
    }
    m_chips.remove(chip->uuid());
    m_highlighted.remove(chip->uuid());
    delete chip;
}

void CampusMapScene::onInstanceAdded(const QString& uuid)
{
    if (const InstanceSnapshot* snapshot = m_controller->instance(uuid))
        addChip(*snapshot);
}

void CampusMapScene::onInstanceChanged(const QString& uuid)
{
    InstanceChipItem* found = m_chips.value(uuid);
    const InstanceSnapshot* snapshot = m_controller->instance(uuid);
    if (!found || !snapshot)
        return;
    if (snapshot->node != found->nodeName()) {
        onInstanceMoved(uuid, found->nodeName(), snapshot->node);
        return;
    }
    const bool renamed = snapshot->name != found->name();
    auto* card = qgraphicsitem_cast<NodeCardItem*>(found->parentItem());
    if (found->setSnapshot(*snapshot) && card)
        card->updateCounts();
    if (renamed && card)
        markCardDirty(card);
}

void CampusMapScene::onInstanceMoved(const QString& uuid, const QString&, const QString& to)
{
    InstanceChipItem* found = m_chips.value(uuid);
    const InstanceSnapshot* snapshot = m_controller->instance(uuid);
    if (!found || !snapshot)
        return;
    NodeCardItem* target = m_cards.value(to);
    if (!target) {
        removeChip(found);
        return;
    }
    if (auto* source = qgraphicsitem_cast<NodeCardItem*>(found->parentItem())) {
        source->removeChip(found);
        markCardDirty(source);
    }
    found->setSnapshot(*snapshot);
    target->addChip(found);
    markCardDirty(target);
}

void CampusMapScene::onInstanceRemoved(const QString& uuid)
{
    if (InstanceChipItem* found = m_chips.value(uuid))
        removeChip(found);
}

void CampusMapScene::onInventoryChanged()
{
    syncSites();
    for (NodeCardItem* card : std::as_const(m_cards)) {
        placeCard(card);
        if (const NodeSnapshot* snapshot = m_controller->node(card->nodeName())) {
            const NodeConfig* config = m_controller->inventory().node(card->nodeName());
            card->setNode(*snapshot, config && config->maintenance);
        }
        card->setInsecureWarning(insecureWarning(m_controller->inventory().node(card->nodeName())));
    }
    // The node order may have changed: every site lays its cards out again.
    m_rankDirty = true;
    for (SiteAreaItem* site : std::as_const(m_sites))
        markSiteDirty(site);
    m_placementDirty = true;
}

void CampusMapScene::markCardDirty(NodeCardItem* card)
{
    m_dirtyCards.insert(card);
    scheduleLayout();
}

void CampusMapScene::markSiteDirty(SiteAreaItem* site)
{
    m_dirtySites.insert(site);
    scheduleLayout();
}

void CampusMapScene::scheduleLayout()
{
    if (!m_layoutTimer.isActive())
        m_layoutTimer.start();
}

void CampusMapScene::flushLayout()
{
    m_layoutTimer.stop();
    // Chips that moved between cards move the plan's arrow ends even when no area changed size.
    if (m_planArrows && !m_planArrows->arrows().isEmpty() && !m_dirtyCards.isEmpty())
        m_planArrows->update();
    if (m_rankDirty) {
        m_nodeRank.clear();
        const QStringList names = m_controller->nodeNames();
        for (int i = 0; i < names.size(); ++i)
            m_nodeRank.insert(names.at(i), i);
        m_rankDirty = false;
    }
    bool geometryChanged = false;
    for (NodeCardItem* card : std::as_const(m_dirtyCards)) {
        if (card->layoutChips()) {
            if (auto* site = qgraphicsitem_cast<SiteAreaItem*>(card->parentItem()))
                m_dirtySites.insert(site);
        }
    }
    m_dirtyCards.clear();
    for (SiteAreaItem* site : std::as_const(m_dirtySites)) {
        if (site->layoutCards(m_nodeRank))
            m_placementDirty = true;
        geometryChanged = true;
    }
    m_dirtySites.clear();
    // A headroom line that came or went, or a new site, changes the band.
    if (applyTitleLayout()) {
        m_placementDirty = true;
        geometryChanged = true;
    }
    if (m_placementDirty) {
        placeSites();
        m_placementDirty = false;
        geometryChanged = true;
    }
    if (geometryChanged) {
        setSceneRect(contentRect());
        Q_EMIT layoutChanged();
    }
}

void CampusMapScene::placeSites()
{
    // Sites go where the inventory puts them; one that would overlap an earlier one moves
    // right until it is clear, so default (equal) positions give a row in inventory order. The
    // position is the top left of the cards' part; the title band is above it.
    using mapstyle::SiteGap;
    QList<QRectF> placed;
    const QList<SiteAreaItem*> ordered = siteAreas();
    for (SiteAreaItem* site : ordered) {
        const QRectF local = site->areaRect();
        QRectF rect = local.translated(site->site().position);
        bool moved = true;
        while (moved) {
            moved = false;
            for (const QRectF& other : std::as_const(placed)) {
                if (rect.intersects(other.adjusted(-SiteGap, -SiteGap, SiteGap, SiteGap))) {
                    rect.moveLeft(other.right() + SiteGap);
                    moved = true;
                }
            }
        }
        const QPointF where = rect.topLeft() - local.topLeft();
        if (site->pos() != where)
            site->setPos(where);
        placed.append(rect);
    }
}

void CampusMapScene::setChipsPaintedByCards(bool byCards)
{
    if (byCards == m_chipsByCards)
        return;
    m_chipsByCards = byCards;
    for (NodeCardItem* card : std::as_const(m_cards))
        card->setPaintsChips(byCards);
}

void CampusMapScene::retranslate()
{
    for (SiteAreaItem* site : std::as_const(m_sites)) {
        site->retranslate();
        markSiteDirty(site);
    }
    applyHeadroom();
    for (NodeCardItem* card : std::as_const(m_cards))
        card->retranslate();
    // Chips read their state words when painted or asked; their glyphs do not change.
    update();
}

void CampusMapScene::onSelectionChanged()
{
    QSet<QString> next;
    QString current;
    if (m_selection) {
        const QStringList keys = m_selection->keys();
        next = QSet<QString>(keys.cbegin(), keys.cend());
        current = m_selection->current();
    }
    const bool instances = m_selection && m_selection->kind() == ClusterSelection::Kind::Instances;
    const auto setHighlight = [this](const QString& key, bool on, bool chips) {
        if (chips) {
            if (InstanceChipItem* found = m_chips.value(key))
                found->setHighlighted(on);
        } else if (NodeCardItem* card = m_cards.value(key)) {
            card->setHighlighted(on);
        }
    };
    for (const QString& key : std::as_const(m_highlighted)) {
        // Unhighlight both kinds: the selection may have switched between nodes and instances.
        setHighlight(key, false, true);
        setHighlight(key, false, false);
    }
    for (const QString& key : std::as_const(next))
        setHighlight(key, true, instances);
    m_highlighted = next;
    QGraphicsItem* item = nullptr;
    if (!current.isEmpty())
        item = instances ? static_cast<QGraphicsItem*>(m_chips.value(current)) : m_cards.value(current);
    Q_EMIT currentItemChanged(item, m_writingSelection);
}

bool CampusMapScene::selectFromClick(QGraphicsItem* item, Qt::KeyboardModifiers modifiers)
{
    if (!item || !m_selection)
        return false;
    ClusterSelection::Kind kind;
    QString key;
    if (auto* chipItem = qgraphicsitem_cast<InstanceChipItem*>(item)) {
        kind = ClusterSelection::Kind::Instances;
        key = chipItem->uuid();
    } else if (auto* card = qgraphicsitem_cast<NodeCardItem*>(item)) {
        kind = ClusterSelection::Kind::Nodes;
        key = card->nodeName();
    } else {
        return false;
    }
    QStringList keys = m_selection->kind() == kind ? m_selection->keys() : QStringList();
    if (modifiers & (Qt::ControlModifier | Qt::ShiftModifier)) {
        if (keys.contains(key))
            keys.removeAll(key);
        else
            keys.append(key);
    } else if (keys.contains(key) && keys.size() > 1) {
        m_narrowOnRelease = key;
        return true;
    } else {
        keys = {key};
    }
    m_writingSelection = true;
    if (kind == ClusterSelection::Kind::Instances)
        m_selection->selectInstances(keys);
    else
        m_selection->selectNodes(keys);
    m_writingSelection = false;
    return true;
}

void CampusMapScene::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    QGraphicsScene::mousePressEvent(event);
    m_narrowOnRelease.clear();
    if (event->button() == Qt::LeftButton)
        selectFromClick(mapItemAt(event->scenePos()), event->modifiers());
}

void CampusMapScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    QGraphicsScene::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || m_narrowOnRelease.isEmpty())
        return;
    const QString key = m_narrowOnRelease;
    m_narrowOnRelease.clear();
    m_writingSelection = true;
    if (m_selection && m_selection->kind() == ClusterSelection::Kind::Instances)
        m_selection->selectInstances({key});
    else if (m_selection)
        m_selection->selectNodes({key});
    m_writingSelection = false;
}

QStringList CampusMapScene::dragInstances(const InstanceChipItem* chip) const
{
    if (m_selection && m_selection->kind() == ClusterSelection::Kind::Instances &&
        m_selection->contains(chip->uuid())) {
        QStringList uuids;
        const QStringList keys = m_selection->keys();
        for (const QString& key : keys) {
            if (m_chips.contains(key))
                uuids.append(key);
        }
        return uuids;
    }
    return {chip->uuid()};
}

QMimeData* CampusMapScene::createDragMimeData(const InstanceChipItem* chip) const
{
    auto* mime = new QMimeData;
    mime->setData(InstanceDrag::mimeType(), InstanceDrag{dragInstances(chip), chip->nodeName()}.encode());
    return mime;
}

QPixmap CampusMapScene::dragPixmap(const QStringList& uuids, qreal devicePixelRatio) const
{
    // A few chips stacked with an offset say "several" without covering the map.
    constexpr int Shown = 3;
    constexpr qreal Offset = 6;
    QList<InstanceChipItem*> chips;
    for (const QString& uuid : uuids) {
        if (InstanceChipItem* found = m_chips.value(uuid); found && chips.size() < Shown)
            chips.append(found);
    }
    const qreal extra = Offset * qreal(std::max<qsizetype>(chips.size() - 1, 0));
    const QSizeF size(mapstyle::ChipWidth + 2 + extra, mapstyle::ChipHeight + 2 + extra);
    QPixmap pixmap((size * devicePixelRatio).toSize());
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    painter.setOpacity(0.9);
    const QStyleOptionGraphicsItem option;
    for (qsizetype i = chips.size() - 1; i >= 0; --i) {
        painter.save();
        painter.translate(1 + Offset * qreal(i), 1 + Offset * qreal(i));
        chips.at(i)->paint(&painter, &option, nullptr);
        painter.restore();
    }
    if (uuids.size() > 1) {
        // The count, for selections larger than the stack.
        const QString count = QString::number(uuids.size());
        QFont font = mapstyle::chipFont();
        font.setBold(true);
        painter.setFont(font);
        const QRectF badge(size.width() - 24, 0, 22, 16);
        painter.setOpacity(1);
        painter.setPen(Qt::NoPen);
        painter.setBrush(mapstyle::accentColor());
        painter.drawRoundedRect(badge, 8, 8);
        painter.setPen(Qt::white);
        painter.drawText(badge, Qt::AlignCenter, count);
    }
    return pixmap;
}

void CampusMapScene::startDrag(InstanceChipItem* chip, QWidget* source)
{
    // The drag swallows the release: a pending narrowing of the selection no longer applies.
    m_narrowOnRelease.clear();
    const QStringList uuids = dragInstances(chip);
    auto* drag = new QDrag(source ? static_cast<QObject*>(source) : this);
    drag->setMimeData(createDragMimeData(chip));
    const qreal ratio = source ? source->devicePixelRatioF() : 1.0;
    drag->setPixmap(dragPixmap(uuids, ratio));
    drag->setHotSpot(QPoint(12, int(mapstyle::ChipHeight / 2)));
    Q_EMIT dragStarted(uuids);
    drag->exec(Qt::MoveAction, Qt::MoveAction);
    Q_EMIT dragEnded();
}

void CampusMapScene::helpEvent(QGraphicsSceneHelpEvent* event)
{
    // Tooltips are written when asked for, not stored on 10,000 items.
    QString text;
    QGraphicsItem* item = mapItemAt(event->scenePos());
    if (auto* chipItem = qgraphicsitem_cast<InstanceChipItem*>(item))
        text = chipItem->toolTipText();
    else if (auto* card = qgraphicsitem_cast<NodeCardItem*>(item))
        text = card->toolTipText();
    else if (auto* site = qgraphicsitem_cast<SiteAreaItem*>(item))
        text = site->toolTipText();
    if (text.isEmpty()) {
        QToolTip::hideText();
        event->ignore();
        return;
    }
    QToolTip::showText(event->screenPos(), plainToolTip(text), event->widget());
    event->accept();
}

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/map/campusmapview.h"

#include <algorithm>
#include <cmath>

#include <QApplication>
#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include "core/instancedrag.h"
#include "ui/clusterselection.h"
#include "ui/drophandler.h"
#include "ui/map/campusmapscene.h"
#include "ui/map/instancechipitem.h"
#include "ui/map/mapstyle.h"
#include "ui/map/nodecarditem.h"
#include "ui/map/siteareaitem.h"
#include "ui/plaintext.h"

namespace kumo {

namespace {

constexpr double ZoomStep = 1.25;
// Fitting a small map does not blow it up beyond a comfortable size.
constexpr double MaximumFitZoom = 1.25;

QString keyOf(QGraphicsItem* item)
{
    if (auto* chip = qgraphicsitem_cast<InstanceChipItem*>(item))
        return chip->uuid();
    if (auto* card = qgraphicsitem_cast<NodeCardItem*>(item))
        return card->nodeName();
    return {};
}

} // namespace

CampusMapView::CampusMapView(ClusterController* controller, ClusterSelection* selection, QWidget* parent)
    : QGraphicsView(parent)
    , m_scene(new CampusMapScene(controller, selection, this))
    , m_selection(selection)
{
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(ScrollHandDrag);
    // Items set every pen, brush and font they use, so the view need not save and restore
    // the painter around each of thousands of chips.
    setOptimizationFlags(DontSavePainterState | DontAdjustForAntialiasing);
    setViewportUpdateMode(SmartViewportUpdate);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    connect(m_scene, &CampusMapScene::layoutChanged, this, [this] {
        // A change of zoom resizes the title bands: the fit already counted on that.
        if (m_fitting && !m_followingZoom)
            fitToWindow();
    });
    connect(m_scene, &CampusMapScene::currentItemChanged, this, &CampusMapView::followCurrent);
    // Scroll bars, arrow keys and a sideways wheel move the map by actions: the person panned, so
    // a later resize keeps their view instead of fitting again. Programmatic scrolls do not count.
    for (QScrollBar* bar : {horizontalScrollBar(), verticalScrollBar()})
        connect(bar, &QAbstractSlider::actionTriggered, this, [this] { m_fitting = false; });
    // A drag from a chip asks for checks before it even reaches a card.
    connect(m_scene, &CampusMapScene::dragStarted, this, [this](const QStringList& uuids) {
        if (!m_dropHandler)
            return;
        m_ownDrag = true;
        beginDropHints(uuids);
    });
    connect(m_scene, &CampusMapScene::dragEnded, this, [this] {
        if (!m_ownDrag)
            return;
        m_ownDrag = false;
        endDropHints();
    });
    retranslateUi();
    fitToWindow();
}

CampusMapView::~CampusMapView() = default;

double CampusMapView::zoom() const
{
    return transform().m11();
}

void CampusMapView::applyZoom(double zoom, ViewportAnchor anchor)
{
    const double target = std::clamp(zoom, MinimumZoom, MaximumZoom);
    const double before = this->zoom();
    if (qFuzzyCompare(target, before))
        return;
    const ViewportAnchor previous = transformationAnchor();
    setTransformationAnchor(anchor);
    scale(target / before, target / before);
    setTransformationAnchor(previous);
    followZoom();
    Q_EMIT zoomChanged(this->zoom());
}

void CampusMapView::setZoom(double zoom)
{
    m_fitting = false;
    applyZoom(zoom, AnchorViewCenter);
}

void CampusMapView::zoomIn()
{
    setZoom(zoom() * ZoomStep);
}

void CampusMapView::zoomOut()
{
    setZoom(zoom() / ZoomStep);
}

void CampusMapView::resetZoom()
{
    setZoom(1.0);
}

void CampusMapView::followZoom()
{
    m_scene->setChipsPaintedByCards(zoom() < mapstyle::DetailLod);
    m_followingZoom = true;
    m_scene->setViewZoom(zoom());
    m_followingZoom = false;
}

double CampusMapView::fitZoom() const
{
    const QSizeF available = viewport()->size();
    const QRectF full = m_scene->contentRect(1.0);
    if (full.isEmpty() || available.isEmpty())
        return zoom();
    // Zoomed out, the title bands keep their screen height: the content is `rest` scene units
    // high plus `band` screen pixels, band / zoom in scene units. Solved for the zoom at which
    // that fills the height (the bands are the same for every site, so this is exact).
    const double band = m_scene->contentRect(0.5).height() - full.height();
    const double rest = full.height() - band;
    double fitHeight = (available.height() - band) / rest;
    if (fitHeight >= 1.0 || rest <= 0)
        fitHeight = available.height() / full.height();
    const double fit = std::min(available.width() / full.width(), fitHeight);
    return std::clamp(std::min(fit, MaximumFitZoom), MinimumZoom, MaximumZoom);
}

void CampusMapView::fitToWindow()
{
    m_fitting = true;
    if (viewport()->size().isEmpty())
        return;
    const double before = zoom();
    const double target = fitZoom();
    setTransform(QTransform::fromScale(target, target));
    followZoom();
    centerOn(m_scene->contentRect().center());
    if (!qFuzzyCompare(before, target))
        Q_EMIT zoomChanged(target);
}

void CampusMapView::wheelEvent(QWheelEvent* event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    m_fitting = false;
    // 120 units is one notch of a common wheel: about 19% per notch, smooth on touchpads.
    applyZoom(zoom() * std::pow(2.0, delta / 480.0), AnchorUnderMouse);
    event->accept();
}

void CampusMapView::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_0:
        resetZoom();
        return;
    case Qt::Key_Home:
        fitToWindow();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_selection && !m_selection->current().isEmpty()) {
            Q_EMIT activated(m_selection->current());
            return;
        }
        break;
    default:
        break;
    }
    QGraphicsView::keyPressEvent(event);
}

void CampusMapView::contextMenuEvent(QContextMenuEvent* event)
{
    if (event->reason() == QContextMenuEvent::Keyboard) {
        QGraphicsItem* item = m_selection ? m_scene->itemForKey(m_selection->current()) : nullptr;
        if (!item)
            return;
        const QPoint where = mapFromScene(item->sceneBoundingRect().center());
        Q_EMIT contextMenuRequested(viewport()->mapToGlobal(where));
        return;
    }
    QGraphicsItem* item = m_scene->mapItemAt(mapToScene(event->pos()));
    if (auto* site = qgraphicsitem_cast<SiteAreaItem*>(item)) {
        Q_EMIT siteContextMenuRequested(site->siteId(), event->globalPos());
        return;
    }
    if (!item)
        return;
    // A right click inside the selection keeps it (a menu for several instances); outside it,
    // the item under the cursor becomes the selection.
    if (!m_selection || !m_selection->contains(keyOf(item)))
        m_scene->selectFromClick(item, Qt::NoModifier);
    Q_EMIT contextMenuRequested(event->globalPos());
}

void CampusMapView::mousePressEvent(QMouseEvent* event)
{
    m_pressPos = event->pos();
    m_pressScroll = QPoint(horizontalScrollBar()->value(), verticalScrollBar()->value());
    QGraphicsView::mousePressEvent(event);
}

void CampusMapView::mouseReleaseEvent(QMouseEvent* event)
{
    QGraphicsView::mouseReleaseEvent(event);
    // Dragging empty space pans the map (ScrollHandDrag).
    if (QPoint(horizontalScrollBar()->value(), verticalScrollBar()->value()) != m_pressScroll)
        m_fitting = false;
    if (event->button() != Qt::LeftButton || !m_selection)
        return;
    // A click (not a pan) on empty space or a site's background clears the selection.
    if ((event->pos() - m_pressPos).manhattanLength() >= QApplication::startDragDistance())
        return;
    QGraphicsItem* item = m_scene->mapItemAt(mapToScene(event->pos()));
    if (keyOf(item).isEmpty())
        m_selection->clear();
}

void CampusMapView::mouseDoubleClickEvent(QMouseEvent* event)
{
    QGraphicsView::mouseDoubleClickEvent(event);
    const QString key = keyOf(m_scene->mapItemAt(mapToScene(event->pos())));
    if (!key.isEmpty())
        Q_EMIT activated(key);
}

void CampusMapView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitting)
        fitToWindow();
}

void CampusMapView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_scene->retranslate();
    }
    QGraphicsView::changeEvent(event);
}

void CampusMapView::followCurrent(QGraphicsItem* item, bool fromMap)
{
    // A click on the map already shows the item; a selection made in a table scrolls to it.
    if (item && !fromMap)
        ensureVisible(item, 24, 24);
}

void CampusMapView::retranslateUi()
{
    setAccessibleName(tr("Campus map"));
    setAccessibleDescription(
        tr("Sites with their nodes and instances. Plus and minus zoom, 0 shows 100%, Home fits the map "
           "to the window, the arrow keys scroll, Enter opens the selection."));
}

void CampusMapView::setDropHandler(DropHandler* handler)
{
    if (m_dropHandler == handler)
        return;
    if (m_dropHandler)
        disconnect(m_dropHandler, nullptr, this, nullptr);
    endDropHints();
    m_dropHandler = handler;
    setAcceptDrops(handler != nullptr);
    viewport()->setAcceptDrops(handler != nullptr);
    if (handler)
        connect(handler, &DropHandler::verdictsChanged, this, &CampusMapView::updateDropHints);
}

DropHandler* CampusMapView::dropHandler() const
{
    return m_dropHandler;
}

NodeCardItem* CampusMapView::cardAt(const QPoint& viewportPos) const
{
    QGraphicsItem* item = m_scene->mapItemAt(mapToScene(viewportPos));
    if (auto* chip = qgraphicsitem_cast<InstanceChipItem*>(item))
        item = chip->parentItem();
    return qgraphicsitem_cast<NodeCardItem*>(item);
}

void CampusMapView::beginDropHints(const QStringList& uuids)
{
    if (!m_dropHandler || uuids.isEmpty())
        return;
    m_dragUuids = uuids;
    m_dropHandler->beginDrag(uuids);
    updateDropHints();
}

void CampusMapView::updateDropHints()
{
    if (!m_dropHandler || m_dragUuids.isEmpty())
        return;
    const QList<NodeCardItem*> cards = m_scene->nodeCards();
    for (NodeCardItem* card : cards) {
        const DropVerdict verdict = m_dropHandler->verdict(m_dragUuids, card->nodeName());
        NodeCardItem::DropHint hint = NodeCardItem::DropHint::Allowed;
        if (verdict.severity == CheckSeverity::Refused)
            hint = NodeCardItem::DropHint::Refused;
        else if (verdict.severity == CheckSeverity::Warning)
            hint = NodeCardItem::DropHint::Warning;
        QString reason = verdict.reasons.join(QLatin1Char('\n'));
        if (reason.isEmpty() && verdict.complete)
            reason = tr("Every check passed.");
        card->setDropHint(hint, reason, !verdict.complete);
        card->setDropTarget(card->nodeName() == m_dropTarget);
    }
}

void CampusMapView::endDropHints()
{
    const bool had = !m_dragUuids.isEmpty();
    m_dragUuids.clear();
    m_dropTarget.clear();
    const QList<NodeCardItem*> cards = m_scene->nodeCards();
    for (NodeCardItem* card : cards)
        card->setDropHint(NodeCardItem::DropHint::None);
    if (had && m_dropHandler)
        m_dropHandler->endDrag();
}

void CampusMapView::setDropTarget(NodeCardItem* card)
{
    const QString name = card ? card->nodeName() : QString();
    if (name == m_dropTarget)
        return;
    if (NodeCardItem* previous = m_scene->nodeCard(m_dropTarget))
        previous->setDropTarget(false);
    m_dropTarget = name;
    if (card)
        card->setDropTarget(true);
}

void CampusMapView::dragEnterEvent(QDragEnterEvent* event)
{
    const std::optional<InstanceDrag> drag =
        m_dropHandler && event->mimeData()->hasFormat(InstanceDrag::mimeType())
            ? InstanceDrag::decode(event->mimeData()->data(InstanceDrag::mimeType()))
            : std::nullopt;
    if (!drag) {
        event->ignore();
        return;
    }
    beginDropHints(drag->uuids);
    setDropTarget(cardAt(event->position().toPoint()));
    event->setDropAction(Qt::MoveAction);
    event->accept();
}

void CampusMapView::dragMoveEvent(QDragMoveEvent* event)
{
    if (m_dragUuids.isEmpty()) {
        event->ignore();
        return;
    }
    NodeCardItem* card = cardAt(event->position().toPoint());
    setDropTarget(card);
    // Refused cards accept the drop too: dropping there explains why nothing happens.
    if (card) {
        event->setDropAction(Qt::MoveAction);
        event->accept();
    } else {
        event->ignore();
    }
}

void CampusMapView::dragLeaveEvent(QDragLeaveEvent* event)
{
    // A drag from a chip keeps its hints until it ends (it may come back); others end here.
    setDropTarget(nullptr);
    event->accept();
    if (!m_ownDrag)
        endDropHints();
}

void CampusMapView::dropEvent(QDropEvent* event)
{
    const std::optional<InstanceDrag> drag =
        event->mimeData()->hasFormat(InstanceDrag::mimeType())
            ? InstanceDrag::decode(event->mimeData()->data(InstanceDrag::mimeType()))
            : std::nullopt;
    NodeCardItem* card = cardAt(event->position().toPoint());
    if (!drag || !card || !m_dropHandler) {
        endDropHints();
        event->ignore();
        return;
    }
    const DropVerdict verdict = m_dropHandler->verdict(drag->uuids, card->nodeName());
    endDropHints();
    const bool done = m_dropHandler->drop(drag->uuids, card->nodeName());
    if (!done) {
        // Said in the status bar too; here where the eyes are.
        QToolTip::showText(viewport()->mapToGlobal(event->position().toPoint()),
                           plainToolTip(tr("Cannot move here: %1").arg(verdict.reasons.value(0))),
                           viewport());
        event->setDropAction(Qt::IgnoreAction);
        event->accept();
        return;
    }
    event->setDropAction(Qt::MoveAction);
    event->accept();
}

} // namespace kumo

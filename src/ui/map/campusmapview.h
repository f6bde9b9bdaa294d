// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// CampusMapView: the campus map widget. Zooms with the wheel (around the cursor) and the
// +, - and 0 keys, fits the whole map to the window (from the start, and keeps fitting on resize
// until the person zooms or pans), pans by dragging empty space, with the arrow keys or the scroll bars.
// Follows the shared selection and scrolls to it when it was made elsewhere (the tables). Context menus are
// built by the window: the view only says where and updates the selection first. With a DropHandler it is
// also the drop target of instance drags (from its own chips or the tables): every card shows the handler's
// verdict on the instances, the card under the cursor lights up, and a drop goes to the handler (the window's
// map: the migration UI, which explains a refusal; the outage wizard's plan map: the plan editor, which
// changes a plan's target). Thread: GUI. Owner: the window that embeds it.
#pragma once

#include <QGraphicsView>
#include <QPointer>
#include <QStringList>

#include "ui/checkpresentation.h"

namespace kumo {

class CampusMapScene;
class ClusterController;
class ClusterSelection;
class DropHandler;
class NodeCardItem;

class CampusMapView : public QGraphicsView
{
    Q_OBJECT

public:
    static constexpr double MinimumZoom = 0.02;
    static constexpr double MaximumZoom = 4.0;

    CampusMapView(ClusterController* controller, ClusterSelection* selection, QWidget* parent = nullptr);
    ~CampusMapView() override;

    [[nodiscard]] CampusMapScene* mapScene() const { return m_scene; }
    // Scale factor: 1.0 shows the map at 100%.
    [[nodiscard]] double zoom() const;
    // True while the view fits the whole map to the window (the default, and after fitToWindow()).
    [[nodiscard]] bool isFittingToWindow() const { return m_fitting; }

    // Enables dropping instances on node cards, handled by `handler`. nullptr disables it.
    void setDropHandler(DropHandler* handler);
    [[nodiscard]] DropHandler* dropHandler() const;
    [[nodiscard]] bool hasDropHandler() const { return !m_dropHandler.isNull(); }
    // The instances of the drag in progress over the map (empty when none).
    [[nodiscard]] QStringList draggedInstances() const { return m_dragUuids; }

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void fitToWindow();
    void setZoom(double zoom);

Q_SIGNALS:
    void zoomChanged(double zoom);
    // After the selection was set to the item under the cursor (or kept, if it was part of it).
    void contextMenuRequested(const QPoint& globalPos);
    // Right click on a site's area outside its cards.
    void siteContextMenuRequested(const QString& siteId, const QPoint& globalPos);
    // Enter or double-click on the selection: `key` is the node name or instance UUID.
    void activated(const QString& key);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void applyZoom(double zoom, ViewportAnchor anchor);
    // After every change of scale: who paints the chips at this zoom.
    void followZoom();
    // The zoom at which the whole map fits the viewport.
    [[nodiscard]] double fitZoom() const;
    void followCurrent(QGraphicsItem* item, bool fromMap);
    void retranslateUi();
    [[nodiscard]] NodeCardItem* cardAt(const QPoint& viewportPos) const;
    void beginDropHints(const QStringList& uuids);
    void updateDropHints();
    void endDropHints();
    void setDropTarget(NodeCardItem* card);

    CampusMapScene* m_scene;
    ClusterSelection* m_selection;
    bool m_fitting = true;
    bool m_followingZoom = false;
    QPoint m_pressPos;
    QPoint m_pressScroll; // the scroll bars' values at the press: a drag that moved them is a pan
    QPointer<DropHandler> m_dropHandler;
    QStringList m_dragUuids;
    QString m_dropTarget;
    bool m_ownDrag = false; // the drag started on one of this map's chips
};

} // namespace kumo

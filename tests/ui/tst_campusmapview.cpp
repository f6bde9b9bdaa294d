// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// CampusMapView and its scene: on a test-driver cluster with real HostSessions the map shows
// every site, node and instance where it belongs, follows libvirt state changes and the shared
// selection, renders unreachable nodes as such and retranslates. A 10,000-instance cluster fed
// straight into a controller shows the map builds and paints at scale (times are printed, not
// asserted), that a refresh with no visible change repaints nothing, and that zoomed out the
// cards paint their chips while the chips stay what a click hits.
#include <QContextMenuEvent>
#include <QElapsedTimer>
#include <QPaintEvent>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "core/statetext.h"
#include "support/testdriver.h"
#include "ui/clusterselection.h"
#include "ui/map/campusmapscene.h"
#include "ui/map/campusmapview.h"
#include "ui/map/instancechipitem.h"
#include "ui/map/mapstyle.h"
#include "ui/map/nodecarditem.h"
#include "ui/map/siteareaitem.h"

using namespace kumo;

namespace {

QPoint viewPos(const CampusMapView& view, const QGraphicsItem* item, QPointF offset = {})
{
    const QRectF rect = item->sceneBoundingRect();
    return view.mapFromScene(offset.isNull() ? rect.center() : rect.topLeft() + offset);
}

void saveShot(QWidget& widget, const QString& name)
{
    const QString path = QDir::temp().filePath(name);
    QVERIFY(widget.grab().save(path));
    qInfo("screenshot: %s", qPrintable(path));
}

// A controller without sessions, filled with sites x nodes x instances of mixed states.
void feedLargeCluster(ClusterController& controller, int sites, int nodesPerSite, int instancesPerNode)
{
    Inventory inventory;
    for (int s = 0; s < sites; ++s) {
        Site site;
        site.id = QStringLiteral("site%1").arg(s);
        site.name = QStringLiteral("Campus %1").arg(s + 1);
        site.nameJa = QStringLiteral("キャンパス%1").arg(s + 1);
        site.color = s == 0 ? QStringLiteral("#2f6fb3") : QStringLiteral("#c0622f");
        inventory.sites.append(site);
        for (int n = 0; n < nodesPerSite; ++n) {
            NodeConfig node;
            node.name = QStringLiteral("%1-node%2").arg(site.id).arg(n + 1, 3, 10, QLatin1Char('0'));
            node.site = site.id;
            node.uri = QStringLiteral("test:///default");
            node.maintenance = n % 97 == 5;
            inventory.nodes.append(node);
        }
    }
    controller.setInventory(inventory);
    int nodeIndex = 0;
    for (const NodeConfig& config : std::as_const(inventory.nodes)) {
        NodeSnapshot node;
        node.node = config.name;
        node.state = nodeIndex % 50 == 17 ? NodeState::Unreachable : NodeState::Connected;
        if (node.state == NodeState::Unreachable)
            node.error.message = QStringLiteral("Cannot connect to the hypervisor.");
        node.cpus = 32;
        node.memoryTotalKiB = quint64{128} * 1024 * 1024;
        node.memoryFreeKiB = quint64(128 - (nodeIndex % 100)) * 1024 * 1024;
        node.cpuUsagePercent = nodeIndex % 90;
        controller.applyNodeSnapshot(node);
        QList<InstanceSnapshot> instances;
        for (int i = 0; node.state == NodeState::Connected && i < instancesPerNode; ++i) {
            InstanceSnapshot instance;
            instance.uuid = QStringLiteral("%1-%2").arg(config.name).arg(i);
            instance.name = QStringLiteral("%1-vm%2").arg(config.name).arg(i + 1, 2, 10, QLatin1Char('0'));
            instance.node = config.name;
            const int kind = (nodeIndex * 7 + i) % 20;
            instance.state = kind == 7    ? InstanceState::Paused
                             : kind == 13 ? InstanceState::ShutOff
                             : kind == 19 ? InstanceState::Crashed
                                          : InstanceState::Running;
            instance.vcpus = 2;
            instance.memoryKiB = instance.maxMemoryKiB = 2 * 1024 * 1024;
            instance.cpuPercent = 10;
            instances.append(instance);
        }
        controller.applyInstances(config.name, instances);
        ++nodeIndex;
    }
}

// Collects what a widget is asked to repaint.
class PaintRecorder : public QObject
{
public:
    explicit PaintRecorder(QWidget* widget)
        : QObject(widget)
    {
        widget->installEventFilter(this);
    }
    QRegion painted;

protected:
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            painted += static_cast<QPaintEvent*>(event)->region();
        return false;
    }
};

} // namespace

class TestCampusMapView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void showsEveryNodeAndInstance();
    void libvirtStateChangeReachesTheChip();
    void clickSelects();
    void followsTheSharedSelection();
    void contextMenusUpdateTheSelectionFirst();
    void zoomChangesTheTransform();
    void opensFittedAndFollowsResizesUntilPanned();
    void siteNamesFollowTheLanguage();
    void unreachableNodeRendersAsSuch();
    void largeClusterBuildsAndPaints();
    void zoomedOutCardsPaintTheirChips();

private:
    QTemporaryDir m_dir;
    TestCluster m_cluster;
    ClusterController* m_controller = nullptr;
    ClusterSelection* m_selection = nullptr;
    CampusMapView* m_view = nullptr;
};

void TestCampusMapView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cluster = generateTestCluster(m_dir.path(), 2, 2, 5);
    QCOMPARE(m_cluster.nodes.size(), 4);
    m_cluster.inventory.pollIntervalMs = 500;
    m_controller = new ClusterController(this);
    m_selection = new ClusterSelection(this);
    m_view = new CampusMapView(m_controller, m_selection);
    m_view->resize(1000, 760);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    m_controller->setInventory(m_cluster.inventory);
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->connectedNodeCount(), 4, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->instanceCount(), 20, 20000);
    m_view->mapScene()->flushLayout();
}

void TestCampusMapView::cleanupTestCase()
{
    delete m_view;
    m_controller->shutdown();
}

void TestCampusMapView::showsEveryNodeAndInstance()
{
    CampusMapScene* scene = m_view->mapScene();
    QCOMPARE(scene->siteAreas().size(), 2);
    QCOMPARE(scene->chipCount(), 20);
    for (const Site& site : std::as_const(m_cluster.inventory.sites))
        QVERIFY(scene->siteArea(site.id));
    for (const TestNode& node : std::as_const(m_cluster.nodes)) {
        NodeCardItem* card = scene->nodeCard(node.name);
        QVERIFY2(card, qPrintable(node.name));
        QCOMPARE(card->parentItem(), scene->siteArea(node.site));
        QCOMPARE(card->stateText(), nodeStateText(NodeState::Connected));
        QCOMPARE(card->chips().size(), 5);
        QVERIFY(card->memoryText().contains(QStringLiteral("GiB")));
        for (const TestDomain& domain : node.domains) {
            InstanceChipItem* chip = scene->chip(domain.uuid);
            QVERIFY2(chip, qPrintable(domain.name));
            QCOMPARE(chip->parentItem(), card);
            QCOMPARE(chip->name(), domain.name);
            QCOMPARE(chip->stateText(), instanceStateText(InstanceState::Running));
            // Inside its card, not overlapping another chip.
            QVERIFY(card->sceneBoundingRect().contains(chip->sceneBoundingRect().adjusted(1, 1, -1, -1)));
        }
    }
    // Nothing overlaps: the sites (the test inventory places them 600 units apart, closer than
    // they are wide) and the cards of each site.
    const QList<SiteAreaItem*> sites = scene->siteAreas();
    QVERIFY(!sites.at(0)->sceneBoundingRect().intersects(sites.at(1)->sceneBoundingRect()));
    QVERIFY(sites.at(0)->x() < sites.at(1)->x()); // inventory order, left to right
    const NodeCardItem* a = scene->nodeCard(m_cluster.nodes.at(0).name);
    const NodeCardItem* b = scene->nodeCard(m_cluster.nodes.at(1).name);
    QVERIFY(!a->sceneBoundingRect().adjusted(2, 2, -2, -2).intersects(b->sceneBoundingRect()));
    saveShot(*m_view, QStringLiteral("kumo-map-4nodes-en.png"));
}

void TestCampusMapView::libvirtStateChangeReachesTheChip()
{
    const TestDomain domain = m_cluster.nodes.at(2).domains.at(1);
    InstanceChipItem* chip = m_view->mapScene()->chip(domain.uuid);
    QVERIFY(chip);
    NodeCardItem* card = m_view->mapScene()->nodeCard(m_cluster.nodes.at(2).name);
    const QString countBefore = card->instanceCountText();
    m_controller->requestAction(domain.uuid, InstanceAction::ForceOff);
    // The session polls every 500 ms and refreshes after an action: one refresh is enough.
    QTRY_COMPARE_WITH_TIMEOUT(chip->stateText(), instanceStateText(InstanceState::ShutOff), 3000);
    QCOMPARE(chip->state(), InstanceState::ShutOff);
    QVERIFY(card->instanceCountText() != countBefore);
    QCOMPARE(m_view->mapScene()->chip(domain.uuid), chip); // updated in place, not rebuilt
    m_controller->requestAction(m_cluster.nodes.at(2).domains.at(2).uuid, InstanceAction::Suspend);
    QTRY_COMPARE_WITH_TIMEOUT(m_view->mapScene()->chip(m_cluster.nodes.at(2).domains.at(2).uuid)->state(),
                              InstanceState::Paused, 3000);
}

void TestCampusMapView::clickSelects()
{
    CampusMapScene* scene = m_view->mapScene();
    m_view->fitToWindow();
    m_selection->clear();
    const QString first = m_cluster.nodes.at(0).domains.at(0).uuid;
    const QString second = m_cluster.nodes.at(1).domains.at(3).uuid;
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, viewPos(*m_view, scene->chip(first)));
    QCOMPARE(m_selection->kind(), ClusterSelection::Kind::Instances);
    QCOMPARE(m_selection->keys(), QStringList{first});
    QVERIFY(scene->chip(first)->isHighlighted());

    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      viewPos(*m_view, scene->chip(second)));
    QCOMPARE(m_selection->keys(), (QStringList{first, second}));

    // A plain click inside a multiple selection narrows it to the clicked chip on release.
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, viewPos(*m_view, scene->chip(second)));
    QCOMPARE(m_selection->keys(), QStringList{second});
    QVERIFY(!scene->chip(first)->isHighlighted());

    // The card's header selects the node.
    NodeCardItem* card = scene->nodeCard(m_cluster.nodes.at(3).name);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, viewPos(*m_view, card, QPointF(40, 12)));
    QCOMPARE(m_selection->kind(), ClusterSelection::Kind::Nodes);
    QCOMPARE(m_selection->keys(), QStringList{m_cluster.nodes.at(3).name});
    QVERIFY(card->isHighlighted());
    QVERIFY(!scene->chip(second)->isHighlighted());

    // A click on empty space clears it.
    const QPoint empty = m_view->mapFromScene(scene->contentRect().topLeft() + QPointF(4, 4));
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, empty);
    QCOMPARE(m_selection->kind(), ClusterSelection::Kind::None);
    QVERIFY(!card->isHighlighted());
}

void TestCampusMapView::followsTheSharedSelection()
{
    CampusMapScene* scene = m_view->mapScene();
    const QString uuid = m_cluster.nodes.at(3).domains.at(4).uuid;
    // Zoomed in so that the chip starts off screen: a selection made in a table scrolls to it.
    m_view->setZoom(2.0);
    m_view->centerOn(scene->nodeCard(m_cluster.nodes.at(0).name));
    QVERIFY(!m_view->viewport()->rect().contains(viewPos(*m_view, scene->chip(uuid))));
    QSignalSpy changed(m_selection, &ClusterSelection::changed);
    m_selection->selectInstances({uuid});
    QCOMPARE(changed.size(), 1); // the map does not write back
    QVERIFY(scene->chip(uuid)->isHighlighted());
    QVERIFY(m_view->viewport()->rect().contains(viewPos(*m_view, scene->chip(uuid))));

    m_selection->selectNodes({m_cluster.nodes.at(1).name});
    QVERIFY(!scene->chip(uuid)->isHighlighted());
    QVERIFY(scene->nodeCard(m_cluster.nodes.at(1).name)->isHighlighted());
    QCOMPARE(changed.size(), 2);
    m_selection->clear();
    m_view->fitToWindow();
}

void TestCampusMapView::contextMenusUpdateTheSelectionFirst()
{
    CampusMapScene* scene = m_view->mapScene();
    m_view->fitToWindow();
    QSignalSpy menu(m_view, &CampusMapView::contextMenuRequested);
    QSignalSpy siteMenu(m_view, &CampusMapView::siteContextMenuRequested);
    const QString uuid = m_cluster.nodes.at(1).domains.at(2).uuid;
    const QPoint at = viewPos(*m_view, scene->chip(uuid));
    QContextMenuEvent onChip(QContextMenuEvent::Mouse, at, m_view->viewport()->mapToGlobal(at));
    QApplication::sendEvent(m_view->viewport(), &onChip);
    QCOMPARE(menu.size(), 1);
    QCOMPARE(m_selection->keys(), QStringList{uuid});
    QCOMPARE(menu.at(0).at(0).toPoint(), m_view->viewport()->mapToGlobal(at));

    // On a site's background, outside its cards.
    SiteAreaItem* yamate = scene->siteArea(QStringLiteral("yamate"));
    const QPoint background = viewPos(*m_view, yamate, QPointF(yamate->size().width() - 6, 6));
    QContextMenuEvent onSite(QContextMenuEvent::Mouse, background,
                             m_view->viewport()->mapToGlobal(background));
    QApplication::sendEvent(m_view->viewport(), &onSite);
    QCOMPARE(siteMenu.size(), 1);
    QCOMPARE(siteMenu.at(0).at(0).toString(), QStringLiteral("yamate"));
    QCOMPARE(menu.size(), 1);
    m_selection->clear();
}

void TestCampusMapView::zoomChangesTheTransform()
{
    m_view->fitToWindow();
    QVERIFY(m_view->isFittingToWindow());
    const double fitted = m_view->zoom();
    QVERIFY(fitted > 0.1 && fitted <= 1.25);
    QSignalSpy zoomed(m_view, &CampusMapView::zoomChanged);
    m_view->zoomIn();
    QVERIFY(!m_view->isFittingToWindow());
    QCOMPARE(m_view->zoom(), fitted * 1.25);
    QCOMPARE(m_view->transform().m11(), m_view->zoom());
    m_view->zoomOut();
    QCOMPARE(m_view->zoom(), fitted);
    m_view->resetZoom();
    QCOMPARE(m_view->zoom(), 1.0);
    m_view->setZoom(100.0);
    QCOMPARE(m_view->zoom(), CampusMapView::MaximumZoom);
    QVERIFY(zoomed.size() >= 4);

    // Keys and the wheel.
    m_view->setZoom(1.0);
    m_view->setFocus();
    QTest::keyClick(m_view, Qt::Key_Minus);
    QCOMPARE(m_view->zoom(), 0.8);
    QTest::keyClick(m_view, Qt::Key_0);
    QCOMPARE(m_view->zoom(), 1.0);
    const QPoint center = m_view->viewport()->rect().center();
    QWheelEvent wheel(center, m_view->viewport()->mapToGlobal(center), {}, QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_view->viewport(), &wheel);
    QVERIFY(m_view->zoom() > 1.1);
    QTest::keyClick(m_view, Qt::Key_Home);
    QVERIFY(m_view->isFittingToWindow());
    QCOMPARE(m_view->zoom(), fitted);
}

void TestCampusMapView::opensFittedAndFollowsResizesUntilPanned()
{
    CampusMapView view(m_controller, m_selection);
    view.resize(520, 380);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.mapScene()->flushLayout();
    QVERIFY(view.isFittingToWindow());
    // The whole map is in view, and it fills the window one way or the other.
    const auto shown = [&] { return view.mapToScene(view.viewport()->rect()).boundingRect(); };
    const QRectF content = view.mapScene()->contentRect();
    QVERIFY2(shown().adjusted(-2, -2, 2, 2).contains(content),
             qPrintable(QStringLiteral("zoom %1").arg(view.zoom())));
    QVERIFY(content.width() >= shown().width() * 0.9 || content.height() >= shown().height() * 0.9);
    const double small = view.zoom();

    view.resize(900, 680);
    QTRY_VERIFY(view.zoom() > small * 1.3);
    const double large = view.zoom();
    QVERIFY(view.isFittingToWindow());

    // Scrolling (scroll bar, arrow keys, a sideways wheel) is the person's own view: kept.
    view.verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    QVERIFY(!view.isFittingToWindow());
    view.resize(520, 380);
    QTest::qWait(50);
    QCOMPARE(view.zoom(), large);
}

void TestCampusMapView::siteNamesFollowTheLanguage()
{
    CampusMapScene* scene = m_view->mapScene();
    QCOMPARE(scene->siteArea(QStringLiteral("myodaiji"))->displayName(), QStringLiteral("Myodaiji"));
    QVERIFY(language::install(QStringLiteral("ja")));
    // The drawn title follows once the view has had its LanguageChange event.
    QTRY_COMPARE(scene->siteArea(QStringLiteral("myodaiji"))->titleText(), QStringLiteral("明大寺地区"));
    QCOMPARE(scene->siteArea(QStringLiteral("myodaiji"))->displayName(), QStringLiteral("明大寺地区"));
    QCOMPARE(scene->siteArea(QStringLiteral("yamate"))->titleText(), QStringLiteral("山手地区"));
    const QString connectedJa = nodeStateText(NodeState::Connected);
    QCOMPARE(scene->nodeCard(m_cluster.nodes.at(0).name)->stateText(), connectedJa);
    m_selection->selectInstances({m_cluster.nodes.at(0).domains.at(1).uuid});
    saveShot(*m_view, QStringLiteral("kumo-map-4nodes-ja.png"));
    m_selection->clear();
    QVERIFY(language::install(QStringLiteral("en")));
    QTRY_COMPARE(scene->siteArea(QStringLiteral("myodaiji"))->titleText(), QStringLiteral("Myodaiji"));
}

void TestCampusMapView::unreachableNodeRendersAsSuch()
{
    Inventory inventory = m_cluster.inventory;
    NodeConfig lost;
    lost.name = QStringLiteral("yamate-lost");
    lost.site = QStringLiteral("yamate");
    lost.uri = QStringLiteral("qemu+unix:///session?socket=/nonexistent/sock");
    inventory.nodes.append(lost);
    ClusterController controller;
    ClusterSelection selection;
    CampusMapView view(&controller, &selection);
    view.resize(1000, 760);
    view.show();
    controller.setInventory(inventory);
    QTRY_VERIFY_WITH_TIMEOUT(view.mapScene()->nodeCard(lost.name), 5000);
    NodeCardItem* card = view.mapScene()->nodeCard(lost.name);
    QTRY_VERIFY_WITH_TIMEOUT(card->isUnreachable(), 20000);
    QCOMPARE(card->stateText(), nodeStateText(NodeState::Unreachable));
    QVERIFY(!controller.node(lost.name)->error.message.isEmpty());
    QVERIFY(card->toolTipText().contains(controller.node(lost.name)->error.message));
    QCOMPARE(card->chips().size(), 0);
    QCOMPARE(card->parentItem(), view.mapScene()->siteArea(QStringLiteral("yamate")));
    QTRY_COMPARE_WITH_TIMEOUT(controller.connectedNodeCount(), 4, 20000);
    view.mapScene()->flushLayout();
    saveShot(view, QStringLiteral("kumo-map-unreachable-en.png"));

    // Maintenance is a state of its own.
    inventory.nodes[0].maintenance = true;
    controller.setInventory(inventory);
    NodeCardItem* maintained = view.mapScene()->nodeCard(inventory.nodes[0].name);
    QCOMPARE(maintained->look(), NodeCardItem::Look::Maintenance);
    QVERIFY(maintained->stateText() != nodeStateText(NodeState::Connected));
    controller.shutdown();
}

void TestCampusMapView::largeClusterBuildsAndPaints()
{
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    ClusterSelection selection;
    QElapsedTimer timer;
    timer.start();
    feedLargeCluster(controller, 2, 250, 20);
    const qint64 feedMs = timer.restart();
    QCOMPARE(controller.instanceCount(), 9800); // 10 of the 500 nodes are unreachable

    CampusMapView view(&controller, &selection);
    const qint64 buildMs = timer.restart();
    QCOMPARE(view.mapScene()->chipCount(), 9800);
    view.resize(1600, 1000);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.fitToWindow();
    QApplication::processEvents();
    timer.restart();
    const QPixmap fitted = view.grab();
    const qint64 fitPaintMs = timer.restart();
    QVERIFY(fitted.save(QDir::temp().filePath(QStringLiteral("kumo-map-500-fit.png"))));

    view.setZoom(0.35);
    view.centerOn(view.mapScene()->nodeCard(QStringLiteral("site0-node017")));
    QApplication::processEvents();
    timer.restart();
    const QPixmap compact = view.grab();
    const qint64 compactPaintMs = timer.restart();
    QVERIFY(compact.save(QDir::temp().filePath(QStringLiteral("kumo-map-500-35pct.png"))));

    view.resetZoom();
    view.centerOn(view.mapScene()->nodeCard(QStringLiteral("site0-node017")));
    QApplication::processEvents();
    timer.restart();
    const QPixmap full = view.grab();
    const qint64 fullPaintMs = timer.restart();
    QVERIFY(full.save(QDir::temp().filePath(QStringLiteral("kumo-map-500-100pct.png"))));

    // Built incrementally instead: the view exists first and the snapshots arrive.
    ClusterController incremental([](const NodeConfig&) { return nullptr; });
    CampusMapView growing(&incremental, &selection);
    timer.restart();
    feedLargeCluster(incremental, 2, 250, 20);
    growing.mapScene()->flushLayout();
    const qint64 incrementalMs = timer.restart();
    QCOMPARE(growing.mapScene()->chipCount(), 9800);

    qInfo("500 nodes x 20: feed controller %lld ms, build scene %lld ms, incremental build %lld ms", feedMs,
          buildMs, incrementalMs);
    qInfo("500 nodes x 20: paint at fit %lld ms, at 35%% %lld ms, at 100%% %lld ms (1600x1000, offscreen)",
          fitPaintMs, compactPaintMs, fullPaintMs);

    // Each change of zoom sizes the campuses' title bands anew; the cards stay where they are.
    const QPointF cardBefore = view.mapScene()->nodeCard(QStringLiteral("site1-node042"))->scenePos();
    qint64 zoomMaxMs = 0;
    timer.restart();
    for (int step = 0; step < 10; ++step) {
        QElapsedTimer one;
        one.start();
        if (step < 5)
            view.zoomOut();
        else
            view.zoomIn();
        QApplication::processEvents();
        zoomMaxMs = std::max(zoomMaxMs, one.elapsed());
    }
    qInfo("FIGURE map-10000-zoom-step-avg-ms=%lld max-ms=%lld (offscreen, repaint included)",
          timer.elapsed() / 10, zoomMaxMs);
    QCOMPARE(view.mapScene()->nodeCard(QStringLiteral("site1-node042"))->scenePos(), cardBefore);

    // A refresh that changes nothing, or only what the map does not show (an instance's CPU),
    // repaints nothing; a state change repaints about one chip and its card's count line. What
    // the view repaints is read from its viewport's paint events (the card is in sight).
    const QString node = QStringLiteral("site1-node042");
    NodeCardItem* card = view.mapScene()->nodeCard(node);
    // At 100%, whatever the zoom steps above left: every chip is drawn in full there.
    view.setZoom(1.0);
    QApplication::processEvents();
    QVERIFY(!view.isFittingToWindow());
    view.centerOn(card);
    QApplication::processEvents();
    QTest::qWait(50); // whatever the scroll left to paint
    auto* recorder = new PaintRecorder(view.viewport());
    QList<InstanceSnapshot> same = controller.instancesOn(node);
    const NodeSnapshot nodeSame = *controller.node(node);
    controller.applyNodeSnapshot(nodeSame);
    controller.applyInstances(node, same);
    same[3].cpuPercent = 55;
    controller.applyInstances(node, same);
    QTest::qWait(50);
    QVERIFY2(recorder->painted.isEmpty(),
             qPrintable(QStringLiteral("%1 rectangles repainted").arg(recorder->painted.rectCount())));
    same[3].state = InstanceState::Paused;
    controller.applyInstances(node, same);
    QCOMPARE(view.mapScene()->chip(same[3].uuid)->state(), InstanceState::Paused);
    // Under a loaded sanitizer build the repaint can take seconds.
    QTRY_VERIFY_WITH_TIMEOUT(!recorder->painted.isEmpty(), 20000);
    QTest::qWait(50);
    const QRectF dirty = view.mapToScene(recorder->painted.boundingRect()).boundingRect();
    // The viewport's rectangles are whole pixels around the scene's: a pixel of slack each side.
    const QRectF cardRect = card->sceneBoundingRect();
    const qreal slack = 2.0 / view.zoom();
    QVERIFY2(cardRect.adjusted(-slack, -slack, slack, slack).contains(dirty),
             qPrintable(QStringLiteral("dirty %1,%2 %3x%4 outside the card %5,%6 %7x%8")
                            .arg(dirty.x())
                            .arg(dirty.y())
                            .arg(dirty.width())
                            .arg(dirty.height())
                            .arg(cardRect.x())
                            .arg(cardRect.y())
                            .arg(cardRect.width())
                            .arg(cardRect.height())));
    delete recorder;
}

void TestCampusMapView::zoomedOutCardsPaintTheirChips()
{
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    ClusterSelection selection;
    feedLargeCluster(controller, 2, 100, 20);
    CampusMapView view(&controller, &selection);
    view.resize(1200, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    CampusMapScene* scene = view.mapScene();
    scene->flushLayout();
    view.fitToWindow();
    QVERIFY2(view.zoom() < mapstyle::DetailLod, qPrintable(QString::number(view.zoom())));

    // site0-node002 is the second node: its instances 5 and 6 (vm05, vm06) run (see feedLargeCluster).
    const QString node = QStringLiteral("site0-node002");
    QList<InstanceSnapshot> list = controller.instancesOn(node);
    std::sort(list.begin(), list.end(),
              [](const InstanceSnapshot& a, const InstanceSnapshot& b) { return a.name < b.name; });
    NodeCardItem* card = scene->nodeCard(node);
    InstanceChipItem* selected = scene->chip(list.at(4).uuid);
    InstanceChipItem* changing = scene->chip(list.at(5).uuid);
    QCOMPARE(changing->state(), InstanceState::Running);
    QVERIFY(card->paintsChips());
    QVERIFY(selected->isPaintedByCard());
    QVERIFY(changing->isPaintedByCard());

    // The chip still takes the click.
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, viewPos(view, selected));
    QCOMPARE(selection.keys(), QStringList{list.at(4).uuid});
    QVERIFY(selected->isHighlighted());

    // A chip that changes look has the card repaint just the chip's area (here: it becomes
    // selected, which leaves the card's own texts as they were).
    selection.clear();
    QTest::qWait(20);
    PaintRecorder recorder(view.viewport());
    selection.selectInstances({list.at(5).uuid});
    QVERIFY(changing->isHighlighted());
    QTRY_VERIFY(!recorder.painted.isEmpty());
    const QRect chipArea = view.mapFromScene(changing->sceneBoundingRect()).boundingRect();
    const QRect cardArea = view.mapFromScene(card->sceneBoundingRect()).boundingRect();
    const QRect painted = recorder.painted.boundingRect();
    QVERIFY2(chipArea.adjusted(-3, -3, 3, 3).contains(painted),
             qPrintable(QStringLiteral("repainted %1x%2 for a %3x%4 chip in a %5x%6 card")
                            .arg(painted.width())
                            .arg(painted.height())
                            .arg(chipArea.width())
                            .arg(chipArea.height())
                            .arg(cardArea.width())
                            .arg(cardArea.height())));
    selection.clear();

    // The card paints the chip's cell in the state's look.
    const QPoint cell = viewPos(view, changing);
    QCOMPARE(view.grab().toImage().pixelColor(cell),
             mapstyle::tint(mapstyle::instanceStateColor(InstanceState::Running), 0.45));
    list[5].state = InstanceState::Crashed;
    controller.applyInstances(node, list);
    QCOMPARE(changing->state(), InstanceState::Crashed);
    QCOMPARE(view.grab().toImage().pixelColor(cell), mapstyle::instanceStateColor(InstanceState::Crashed));

    // Zoomed in, every chip paints itself again.
    view.resetZoom();
    QVERIFY(!card->paintsChips());
    QVERIFY(!changing->isPaintedByCard());
    QVERIFY(!selected->isPaintedByCard());
}

QTEST_MAIN(TestCampusMapView)
#include "tst_campusmapview.moc"

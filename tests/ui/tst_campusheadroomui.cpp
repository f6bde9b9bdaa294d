// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Campus headroom on the map: each campus's line under its title says what the other campus could
// take if it went dark, red when not everything fits, with the sentences in the tooltip; it follows
// capacity (a node gaining memory, an instance stopping), is recomputed at most once per interval
// and not at all for changes the planner does not count (CPU use), and follows the language. At
// 10,000 instances the recomputation's cost is printed (not asserted). The title and its line keep
// to a band above the cards and inside their campus at every zoom, in the window at two sizes and in
// both languages, elided when the campus is narrow on screen. Screenshots in both languages go to
// $KUMO_SCREENSHOTS when it is set.
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "app/monitoring/campusheadroomwatch.h"
#include "support/testdriver.h"
#include "ui/clusterselection.h"
#include "ui/mainwindow.h"
#include "ui/map/campusmapscene.h"
#include "ui/map/campusmapview.h"
#include "ui/map/nodecarditem.h"
#include "ui/map/siteareaitem.h"
#include "ui/map/sitetitleitem.h"

#include "support/testinventory.h"

using namespace kumo;

namespace {

constexpr quint64 GiB = 1024 * 1024;
const QString Myodaiji = QStringLiteral("myodaiji");
const QString Yamate = QStringLiteral("yamate");

Inventory twoCampuses(int nodesPerSite)
{
    Inventory inventory = twoCampusInventory(nodesPerSite);
    inventory.sites[0].color = QStringLiteral("#2f6fb3");
    inventory.sites[1].color = QStringLiteral("#b3592f");
    return inventory;
}

NodeSnapshot nodeSnapshot(const QString& name, quint64 memoryKiB, double cpu = 10)
{
    NodeSnapshot node;
    node.node = name;
    node.state = NodeState::Connected;
    node.cpus = 16;
    node.memoryTotalKiB = memoryKiB;
    node.memoryFreeKiB = memoryKiB;
    node.cpuUsagePercent = cpu;
    node.sampledAtMs = QDateTime::currentMSecsSinceEpoch();
    return node;
}

InstanceSnapshot vm(const QString& name, const QString& node, quint64 memoryKiB,
                    InstanceState state = InstanceState::Running)
{
    InstanceSnapshot instance = testInstance(QStringLiteral("uuid-") + name, name, node, state, memoryKiB);
    instance.cpuPercent = 5;
    return instance;
}

// Where the view draws a campus's title block (it keeps its screen size), in scene coordinates.
QRectF titleSceneRect(const CampusMapView& view, const SiteAreaItem* site)
{
    const SiteTitleItem* title = site->titleItem();
    const QTransform toViewport = view.viewportTransform();
    const QRectF onScreen = title->deviceTransform(toViewport).mapRect(title->boundingRect());
    return toViewport.inverted().mapRect(onScreen);
}

// Empty when every drawn title block lies inside its campus and clear of its cards.
QString titleLayoutProblem(const CampusMapView& view)
{
    const QString at = QStringLiteral(" at zoom %1 in %2x%3")
                           .arg(view.zoom())
                           .arg(view.viewport()->width())
                           .arg(view.viewport()->height());
    const auto text = [](const QRectF& r) {
        return QStringLiteral("(%1,%2 %3x%4)").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
    };
    for (const SiteAreaItem* site : view.mapScene()->siteAreas()) {
        if (!site->titleItem()->isVisible())
            continue;
        const QRectF title = titleSceneRect(view, site);
        const QRectF area = site->mapRectToScene(site->areaRect());
        if (!area.contains(title))
            return site->siteId() + QStringLiteral(": title ") + text(title) +
                   QStringLiteral(" outside area ") + text(area) + at;
        for (const NodeCardItem* card : site->cards()) {
            if (card->sceneBoundingRect().intersects(title))
                return site->siteId() + QStringLiteral(": title ") + text(title) + QStringLiteral(" over ") +
                       card->nodeName() + QLatin1Char(' ') + text(card->sceneBoundingRect()) + at;
        }
    }
    return {};
}

} // namespace

class TestCampusHeadroomUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void lineFollowsCapacity();
    void titleKeepsToItsBandAtEveryZoom();
    void largeClusterCost();
};

void TestCampusHeadroomUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear(); // the planner's default 10 % headroom
}

void TestCampusHeadroomUi::lineFollowsCapacity()
{
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    controller.setInventory(twoCampuses(2));
    // Myodaiji: two 32 GiB nodes running 8 + 8 + 6 and 4 GiB. Yamate: one 16 GiB node running
    // 2 GiB and one 8 GiB node: with 10 % headroom Yamate has 12.4 + 7.2 GiB for 26 GiB.
    controller.applyNodeSnapshot(nodeSnapshot(QStringLiteral("myodaiji-01"), 32 * GiB));
    controller.applyNodeSnapshot(nodeSnapshot(QStringLiteral("myodaiji-02"), 32 * GiB));
    controller.applyNodeSnapshot(nodeSnapshot(QStringLiteral("yamate-01"), 16 * GiB));
    controller.applyNodeSnapshot(nodeSnapshot(QStringLiteral("yamate-02"), 8 * GiB));
    controller.applyInstances(QStringLiteral("myodaiji-01"),
                              {vm(QStringLiteral("mail"), QStringLiteral("myodaiji-01"), 8 * GiB),
                               vm(QStringLiteral("db"), QStringLiteral("myodaiji-01"), 8 * GiB),
                               vm(QStringLiteral("web"), QStringLiteral("myodaiji-01"), 6 * GiB)});
    controller.applyInstances(QStringLiteral("myodaiji-02"),
                              {vm(QStringLiteral("ldap"), QStringLiteral("myodaiji-02"), 4 * GiB)});
    controller.applyInstances(
        QStringLiteral("yamate-01"),
        {vm(QStringLiteral("wiki"), QStringLiteral("yamate-01"), 2 * GiB),
         vm(QStringLiteral("old"), QStringLiteral("yamate-01"), 4 * GiB, InstanceState::ShutOff)});
    QApplication::processEvents();

    ClusterSelection selection;
    CampusMapView view(&controller, &selection);
    CampusMapScene* scene = view.mapScene();
    CampusHeadroomWatch* watch = scene->headroomWatch();
    watch->setMinIntervalMs(200);
    SiteAreaItem* myodaiji = scene->siteArea(Myodaiji);
    SiteAreaItem* yamate = scene->siteArea(Yamate);
    QTRY_VERIFY_WITH_TIMEOUT(!myodaiji->headroomText().isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!watch->isPending(), 10000);

    // Largest first, ties by name, each to the node left with least: db (8) to yamate-01 (12.4 GiB
    // room, 4.4 left), mail (8) finds no room, web (6) to yamate-02 (7.2, 1.2 left), ldap (4) to
    // yamate-01 (0.4 left): 3 of 4, red; 1677721 KiB (1.6 GiB) left.
    QVERIFY2(myodaiji->headroomText().contains(QStringLiteral("3 of 4")),
             qPrintable(myodaiji->headroomText()));
    QVERIFY2(myodaiji->headroomText().contains(QStringLiteral("1.6 GiB")),
             qPrintable(myodaiji->headroomText()));
    QVERIFY(myodaiji->headroomWarns());
    const QString tip = myodaiji->toolTipText();
    QVERIFY2(tip.contains(QStringLiteral("If Myodaiji went dark now, Yamate could take only 3")),
             qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("mail.")), qPrintable(tip));
    // Yamate dark: wiki (2 GiB) fits on Myodaiji; the shut-off instance is not counted.
    QVERIFY2(yamate->headroomText().contains(QStringLiteral("1 of 1")), qPrintable(yamate->headroomText()));
    QVERIFY(!yamate->headroomWarns());
    // The cards sit below the line, which stays inside its campus.
    QString problem = titleLayoutProblem(view);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // Polls that change only CPU use do not call for a new plan.
    const int before = watch->computations();
    for (int i = 0; i < 20; ++i) {
        controller.applyNodeSnapshot(nodeSnapshot(QStringLiteral("yamate-01"), 16 * GiB, 10 + i));
        QTest::qWait(20);
    }
    QTest::qWait(400);
    QCOMPARE(watch->computations(), before);
    QVERIFY(!watch->isPending());

    // Many capacity changes in a burst are one or two recomputations, not one each.
    QSignalSpy changed(watch, &CampusHeadroomWatch::headroomChanged);
    for (int i = 0; i < 20; ++i)
        controller.applyNodeSnapshot(nodeSnapshot(QStringLiteral("yamate-02"), (8 + i) * GiB));
    QTRY_VERIFY_WITH_TIMEOUT(!watch->isPending(), 10000);
    QVERIFY2(watch->computations() - before <= 2,
             qPrintable(QString::number(watch->computations() - before)));
    // yamate-02 now has 27 GiB: 24.3 GiB room takes db, web and ldap besides mail on yamate-01.
    QTRY_VERIFY2_WITH_TIMEOUT(myodaiji->headroomText().contains(QStringLiteral("4 of 4")),
                              qPrintable(myodaiji->headroomText()), 10000);
    QVERIFY(!myodaiji->headroomWarns());

    // Back to 8 GiB, and ldap stops: db and web fit as before, mail does not: 2 of 3.
    controller.applyNodeSnapshot(nodeSnapshot(QStringLiteral("yamate-02"), 8 * GiB));
    controller.applyInstances(
        QStringLiteral("myodaiji-02"),
        {vm(QStringLiteral("ldap"), QStringLiteral("myodaiji-02"), 4 * GiB, InstanceState::ShutOff)});
    QTRY_VERIFY_WITH_TIMEOUT(myodaiji->headroomText().contains(QStringLiteral("2 of 3")), 10000);
    QVERIFY(myodaiji->headroomWarns());
    qInfo("FIGURE headroom-computations=%d last-ms=%lld", watch->computations(), watch->lastCostMs());

    view.resize(1400, 440);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.fitToWindow();
    QApplication::processEvents();
    problem = titleLayoutProblem(view);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString dir = qEnvironmentVariable("KUMO_SCREENSHOTS");
    if (!dir.isEmpty())
        QVERIFY(view.grab().save(QDir(dir).filePath(QStringLiteral("headroom-en.png"))));

    QVERIFY(language::install(QStringLiteral("ja")));
    QTRY_COMPARE(myodaiji->titleText(), QStringLiteral("明大寺地区"));
    QVERIFY2(myodaiji->headroomText().contains(QStringLiteral("3 台中 2 台")),
             qPrintable(myodaiji->headroomText()));
    QVERIFY2(myodaiji->toolTipText().contains(QStringLiteral("山手地区")),
             qPrintable(myodaiji->toolTipText()));
    QApplication::processEvents();
    problem = titleLayoutProblem(view);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    if (!dir.isEmpty())
        QVERIFY(view.grab().save(QDir(dir).filePath(QStringLiteral("headroom-ja.png"))));
    QVERIFY(language::install(QStringLiteral("en")));
    QTRY_COMPARE(myodaiji->titleText(), QStringLiteral("Myodaiji"));
}

void TestCampusHeadroomUi::titleKeepsToItsBandAtEveryZoom()
{
    // The demo lab's shape on the test driver: two campuses of two nodes, Yamate where the lab puts it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TestCluster cluster = generateTestCluster(dir.path(), 2, 2, 4);
    QCOMPARE(cluster.inventory.sites.size(), 2);
    cluster.inventory.sites[1].position = QPointF(640, 0);
    ClusterController controller;
    controller.setInventory(cluster.inventory);
    QTRY_COMPARE_WITH_TIMEOUT(controller.connectedNodeCount(), 4, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(controller.instanceCount(), 16, 30000);

    const QString shots = qEnvironmentVariable("KUMO_SCREENSHOTS");
    {
        MainWindow window(&controller);
        CampusMapView* view = window.map();
        CampusMapScene* scene = view->mapScene();
        scene->headroomWatch()->setMinIntervalMs(100);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("ja")}) {
            QVERIFY(language::install(language));
            for (const QSize& size : {QSize(1600, 1000), QSize(1000, 700)}) {
                window.resize(size);
                view->fitToWindow();
                QTRY_VERIFY_WITH_TIMEOUT(!scene->siteArea(QStringLiteral("yamate"))->headroomText().isEmpty(),
                                         10000);
                QTRY_VERIFY_WITH_TIMEOUT(!scene->headroomWatch()->isPending(), 10000);
                scene->flushLayout();
                QApplication::processEvents();
                QVERIFY(view->isFittingToWindow());
                QString problem = titleLayoutProblem(*view);
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
                // The whole map fits: every campus, title band included, is inside the viewport.
                const QRect viewport = view->viewport()->rect();
                for (const SiteAreaItem* site : scene->siteAreas()) {
                    const QRectF area =
                        view->viewportTransform().mapRect(site->mapRectToScene(site->areaRect()));
                    QVERIFY2(QRectF(viewport).adjusted(-1, -1, 1, 1).contains(area),
                             qPrintable(QStringLiteral("%1 %2x%3")
                                            .arg(site->siteId())
                                            .arg(size.width())
                                            .arg(size.height())));
                }
                if (!shots.isEmpty())
                    QVERIFY(window.grab().save(QDir(shots).filePath(
                        QStringLiteral("headroom-window-%1-%2.png").arg(language).arg(size.width()))));
                for (const double zoom : {0.12, 0.25, 0.4, 0.7, 1.0, 2.0}) {
                    view->setZoom(zoom);
                    QApplication::processEvents();
                    problem = titleLayoutProblem(*view);
                    QVERIFY2(problem.isEmpty(), qPrintable(problem));
                }
                view->fitToWindow();
            }
        }
        // Narrow on screen, the line is elided and the tooltip carries it whole; at 100% it fits.
        QVERIFY(language::install(QStringLiteral("en")));
        scene->flushLayout();
        const SiteAreaItem* yamate = scene->siteArea(QStringLiteral("yamate"));
        view->setZoom(0.3);
        QApplication::processEvents();
        QVERIFY(yamate->titleItem()->isVisible());
        QVERIFY(yamate->headroomElided());
        QVERIFY(yamate->titleItem()->detailShown().endsWith(QChar(0x2026)));
        QVERIFY2(yamate->toolTipText().contains(yamate->headroomText()), qPrintable(yamate->toolTipText()));
        view->setZoom(1.0);
        QApplication::processEvents();
        QVERIFY(!yamate->headroomElided());
        QCOMPARE(yamate->titleItem()->detailShown(), yamate->headroomText());
        // The cards do not move when the zoom changes: only the band above them grows.
        const QPointF card = scene->nodeCard(yamate->cards().first()->nodeName())->scenePos();
        view->setZoom(0.2);
        QCOMPARE(yamate->cards().first()->scenePos(), card);
        QVERIFY(yamate->titleBandHeight() > 4 * yamate->titleBandPixels());
    }
    controller.shutdown();
}

void TestCampusHeadroomUi::largeClusterCost()
{
    // The benchmark's shape: 2 campuses x 250 nodes x 20 instances of 2 GiB on 128 GiB nodes.
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    const Inventory inventory = twoCampuses(250);
    controller.setInventory(inventory);
    for (const NodeConfig& node : inventory.nodes) {
        controller.applyNodeSnapshot(nodeSnapshot(node.name, 128 * GiB));
        QList<InstanceSnapshot> instances;
        for (int i = 0; i < 20; ++i)
            instances.append(vm(QStringLiteral("%1-vm%2").arg(node.name).arg(i), node.name, 2 * GiB));
        controller.applyInstances(node.name, instances);
    }
    QCOMPARE(controller.instanceCount(), 10000);
    ClusterSelection selection;
    QElapsedTimer timer;
    timer.start();
    CampusMapView view(&controller, &selection);
    CampusHeadroomWatch* watch = view.mapScene()->headroomWatch();
    QTRY_VERIFY_WITH_TIMEOUT(watch->computations() >= 1 && !watch->isPending(), 60000);
    const SiteAreaItem* myodaiji = view.mapScene()->siteArea(Myodaiji);
    QVERIFY2(myodaiji->headroomText().contains(QStringLiteral("5000 of 5000")),
             qPrintable(myodaiji->headroomText()));
    qInfo("FIGURE headroom-10000-pool-thread-ms=%lld gui-gather-ms=%lld wall-to-first-ms=%lld",
          watch->lastCostMs(), watch->lastGatherMs(), timer.elapsed());
    // A change of capacity later: the recomputation's cost once everything is warm.
    const int before = watch->computations();
    NodeSnapshot bigger = *controller.node(QStringLiteral("yamate-01"));
    bigger.memoryTotalKiB = bigger.memoryFreeKiB = 256 * GiB;
    controller.applyNodeSnapshot(bigger);
    QTRY_VERIFY_WITH_TIMEOUT(watch->computations() > before && !watch->isPending(), 60000);
    qInfo("FIGURE headroom-10000-recompute pool-thread-ms=%lld gui-gather-ms=%lld", watch->lastCostMs(),
          watch->lastGatherMs());
}

QTEST_MAIN(TestCampusHeadroomUi)
#include "tst_campusheadroomui.moc"

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Alerts dock and what goes with it in the window, fed by a MonitoringController on a stepped
// clock: the model follows raise, change and clear row by row (never a reset), "since" says for how
// long, Acknowledge works from the button and the key, selecting an alert selects its instance or
// node, the status bar counts what still wants a person and shows the dock, and the map's cards
// and chips carry badges with the count and the words. Where the person put the Alerts and Event
// Log docks (area, tab group, shown or hidden) is there again in the next window.
//
// Screenshots for docs/: KUMO_SCREENSHOTS=<dir> ./tst_alertsdock screenshots
// writes alerts-dock.en.png, alerts-dock.ja.png, alerts-window.en.png and alerts-window.ja.png.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "app/monitoring/alerttexts.h"
#include "app/monitoring/eventlog.h"
#include "app/monitoring/monitoringcontroller.h"
#include "ui/clusterselection.h"
#include "ui/mainwindow.h"
#include "ui/map/campusmapscene.h"
#include "ui/map/campusmapview.h"
#include "ui/map/instancechipitem.h"
#include "ui/map/nodecarditem.h"
#include "ui/modelroles.h"
#include "ui/monitoring/alertbadgeitem.h"
#include "ui/monitoring/alertbadges.h"
#include "ui/monitoring/alertsdock.h"
#include "ui/monitoring/alertsmodel.h"
#include "ui/monitoring/alertstatusbutton.h"
#include "ui/monitoring/eventlogdock.h"
#include "ui/monitoring/monitoringuicontroller.h"

#include "support/testinventory.h"

using namespace kumo;

namespace {

// A monitoring controller whose clock the test steps.
struct SteppedMonitoring
{
    SteppedMonitoring()
    {
        monitoring.setClock(Clock{[this] { return nowMs; }, [this] { return 1'700'000'000'000 + nowMs; }});
    }
    qint64 nowMs = 1'000'000;
    MonitoringController monitoring;
};

AlertSubject instanceSubject(const QString& site, const QString& node, const QString& uuid,
                             const QString& name)
{
    AlertSubject subject;
    subject.site = site;
    subject.node = node;
    subject.instance = uuid;
    subject.name = name;
    return subject;
}

AlertSubject nodeSubject(const QString& site, const QString& node)
{
    AlertSubject subject;
    subject.site = site;
    subject.node = node;
    return subject;
}

// Two campuses, two nodes each, three instances per node; no sessions.
void feedCluster(ClusterController& controller)
{
    Inventory inventory = twoCampusInventory(2);
    inventory.sites[0].color = QStringLiteral("#2f6fb3");
    inventory.sites[1].color = QStringLiteral("#c0622f");
    inventory.sites[1].position = QPointF(900, 0);
    controller.setInventory(inventory);
    for (const NodeConfig& config : std::as_const(inventory.nodes)) {
        NodeSnapshot node;
        node.node = config.name;
        node.state = NodeState::Connected;
        node.cpus = 16;
        node.memoryTotalKiB = quint64{64} * 1024 * 1024;
        node.memoryFreeKiB = quint64{40} * 1024 * 1024;
        controller.applyNodeSnapshot(node);
        QList<InstanceSnapshot> instances;
        for (int i = 1; i <= 3; ++i) {
            InstanceSnapshot instance = testInstance(QStringLiteral("%1-uuid-%2").arg(config.name).arg(i),
                                                     QStringLiteral("%1-vm%2").arg(config.name).arg(i),
                                                     config.name, InstanceState::Running, 2 * 1024 * 1024);
            instance.vcpus = 2;
            instances.append(instance);
        }
        controller.applyInstances(config.name, instances);
    }
}

} // namespace

class TestAlertsDock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The window sends desktop notifications while it is not active: never to the desktop of
        // whoever runs the tests (tst_notifier checks them on a bus of its own).
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/kumo-test-no-bus");
        QStandardPaths::setTestModeEnabled(true);
        // Windows save their layout on close: into a directory of this run only.
        QVERIFY(m_config.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
        QSettings().clear();
    }
    void init() { QVERIFY(language::install(QStringLiteral("en"))); }

    void modelFollowsSignalsRowByRow();
    void sinceSaysForHowLong();
    void acknowledgeFromButtonAndKey();
    void selectingAnAlertSelectsItsSubject();
    void statusBarCountsAndShowsTheDock();
    void badgesOnCardsAndChips();
    void dockPlacementPersists();
    void retranslates();
    void screenshots();

private:
    QTemporaryDir m_config;
};

void TestAlertsDock::modelFollowsSignalsRowByRow()
{
    SteppedMonitoring m;
    AlertEngine& engine = m.monitoring.engine();
    // One alert before the model exists: it is there from the start.
    engine.event(AlertKind::InstanceCrashed,
                 instanceSubject(QStringLiteral("myodaiji"), QStringLiteral("n1"), QStringLiteral("u1"),
                                 QStringLiteral("web1")),
                 QStringLiteral("guest panicked"), m.nowMs);
    AlertsModel model(&m.monitoring);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // A level alert: unreachable for 30 s.
    const AlertSubject node = nodeSubject(QStringLiteral("yamate"), QStringLiteral("n2"));
    engine.observe(AlertKind::NodeUnreachable, node, 1, m.nowMs);
    QCOMPARE(inserted.size(), 0);
    m.nowMs += 31'000;
    engine.observe(AlertKind::NodeUnreachable, node, 1, m.nowMs);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    const int nodeRow = 1;
    QCOMPARE(model.index(nodeRow, AlertsModel::NodeColumn).data().toString(), QStringLiteral("n2"));
    QCOMPARE(model.index(nodeRow, AlertsModel::SeverityColumn).data().toString(),
             AlertTexts::severityText(engine.rule(AlertKind::NodeUnreachable).severity));
    QVERIFY(
        !model.index(nodeRow, AlertsModel::SeverityColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(model.index(nodeRow, AlertsModel::TextColumn).data().toString(),
             QStringLiteral("n2 cannot be reached"));
    QCOMPARE(model.index(0, AlertsModel::InstanceColumn).data().toString(), QStringLiteral("web1"));
    QCOMPARE(model.index(0, AlertsModel::TextColumn).data().toString(),
             QStringLiteral("web1 crashed: guest panicked"));
    QVERIFY(model.index(nodeRow, AlertsModel::StateColumn).data().toString().isEmpty());

    // Acknowledged: the row changes in place.
    const quint64 nodeAlert = model.index(nodeRow, 0).data(KeyRole).toULongLong();
    QVERIFY(m.monitoring.acknowledge(nodeAlert));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.constFirst().at(0).toModelIndex().row(), nodeRow);
    QCOMPARE(model.index(nodeRow, AlertsModel::StateColumn).data().toString(),
             QStringLiteral("Acknowledged"));
    QCOMPARE(model.rowCount(), 2);

    // Silenced campus: changed again, marked.
    m.monitoring.setSiteSilenced(QStringLiteral("myodaiji"), true);
    QCOMPARE(model.index(0, AlertsModel::StateColumn).data().toString(),
             QStringLiteral("Silenced (campus in maintenance)"));

    // The node answers again: its row goes, the other stays.
    engine.observe(AlertKind::NodeUnreachable, node, 0, m.nowMs);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.constFirst().at(1).toInt(), nodeRow);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, AlertsModel::InstanceColumn).data().toString(), QStringLiteral("web1"));
    QCOMPARE(reset.size(), 0);
}

void TestAlertsDock::sinceSaysForHowLong()
{
    SteppedMonitoring m;
    AlertsModel model(&m.monitoring);
    m.monitoring.engine().event(
        AlertKind::InstanceWatchdog,
        instanceSubject({}, QStringLiteral("n1"), QStringLiteral("u1"), QStringLiteral("db1")), {}, m.nowMs);
    QVERIFY(model.index(0, AlertsModel::SinceColumn).data().toString().contains(QStringLiteral("< 1 min")));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    m.nowMs += 3 * 60'000 + 5'000;
    model.refreshSince();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.constFirst().at(0).toModelIndex().column(), int(AlertsModel::SinceColumn));
    const QString since = model.index(0, AlertsModel::SinceColumn).data().toString();
    QVERIFY2(since.contains(QStringLiteral("(for 3 min)")), qPrintable(since));
    // The local time of day it was raised, as hh:mm:ss.
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d ")).match(since).hasMatch(),
             qPrintable(since));
}

void TestAlertsDock::acknowledgeFromButtonAndKey()
{
    SteppedMonitoring m;
    ClusterSelection selection;
    AlertsDock dock(&m.monitoring, nullptr, &selection);
    dock.resize(900, 300);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    AlertEngine& engine = m.monitoring.engine();
    engine.event(AlertKind::InstanceCrashed,
                 instanceSubject({}, QStringLiteral("n1"), QStringLiteral("u1"), QStringLiteral("web1")), {},
                 m.nowMs);
    AlertRule cpu = engine.rule(AlertKind::HostCpuHigh);
    cpu.sustainMs = 0;
    engine.setRule(cpu);
    engine.observe(AlertKind::HostCpuHigh, nodeSubject({}, QStringLiteral("n2")), 99, m.nowMs);
    QCOMPARE(dock.model()->rowCount(), 2);
    QCOMPARE(m.monitoring.unattendedCount(), 2);
    QVERIFY(dock.summary()->text().contains(QStringLiteral("2 active alerts")));
    QVERIFY(!dock.acknowledgeButton()->isEnabled());

    // The button acknowledges the selected row: an event alert goes.
    const int crashRow = dock.model()->rowOf(engine.active().constFirst().id);
    dock.table()->selectRow(dock.proxy()->mapFromSource(dock.model()->index(crashRow, 0)).row());
    QVERIFY(dock.acknowledgeButton()->isEnabled());
    QTest::mouseClick(dock.acknowledgeButton(), Qt::LeftButton);
    QCOMPARE(dock.model()->rowCount(), 1);
    QCOMPARE(m.monitoring.unattendedCount(), 1);

    // The key on the table: a level alert stays, acknowledged.
    dock.table()->setFocus();
    dock.table()->selectRow(0);
    QTest::keyClick(dock.table(), Qt::Key_K, Qt::ControlModifier);
    QCOMPARE(dock.model()->rowCount(), 1);
    QCOMPARE(m.monitoring.unattendedCount(), 0);
    QVERIFY(dock.model()->index(0, 0).data(AlertsModel::AcknowledgedRole).toBool());
    QVERIFY(!dock.acknowledgeAction()->isEnabled());
    QVERIFY(dock.summary()->text().contains(QStringLiteral("0 not acknowledged")));
}

void TestAlertsDock::selectingAnAlertSelectsItsSubject()
{
    SteppedMonitoring m;
    ClusterSelection selection;
    AlertsDock dock(&m.monitoring, nullptr, &selection);
    AlertEngine& engine = m.monitoring.engine();
    engine.event(AlertKind::InstanceIoError,
                 instanceSubject({}, QStringLiteral("n1"), QStringLiteral("u1"), QStringLiteral("web1")), {},
                 m.nowMs);
    engine.event(AlertKind::MigrationFailed, nodeSubject({}, QStringLiteral("n2")), QStringLiteral("x"),
                 m.nowMs);
    const auto select = [&](int sourceRow) {
        dock.table()->selectionModel()->select(dock.proxy()->mapFromSource(dock.model()->index(sourceRow, 0)),
                                               QItemSelectionModel::ClearAndSelect |
                                                   QItemSelectionModel::Rows);
    };
    select(0);
    QCOMPARE(selection.kind(), ClusterSelection::Kind::Instances);
    QCOMPARE(selection.keys(), QStringList{QStringLiteral("u1")});
    select(1);
    QCOMPARE(selection.kind(), ClusterSelection::Kind::Nodes);
    QCOMPARE(selection.keys(), QStringList{QStringLiteral("n2")});
}

void TestAlertsDock::statusBarCountsAndShowsTheDock()
{
    SteppedMonitoring m;
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    MainWindow window(&controller);
    window.setMonitoring(&m.monitoring);
    AlertStatusButton* status = window.monitoringUi()->statusButton();
    QCOMPARE(status->text(), QStringLiteral("Alerts: none"));
    AlertEngine& engine = m.monitoring.engine();
    engine.event(AlertKind::InstanceCrashed,
                 instanceSubject({}, QStringLiteral("n1"), QStringLiteral("u1"), {}), {}, m.nowMs);
    engine.event(AlertKind::InstanceCrashed,
                 instanceSubject({}, QStringLiteral("n1"), QStringLiteral("u2"), {}), {}, m.nowMs);
    engine.event(AlertKind::InstanceWatchdog,
                 instanceSubject({}, QStringLiteral("n1"), QStringLiteral("u3"), {}), {}, m.nowMs);
    const int critical = m.monitoring.unattendedCount(AlertSeverity::Critical);
    const int warnings = m.monitoring.unattendedCount(AlertSeverity::Warning);
    QCOMPARE(critical + warnings, 3);
    QVERIFY2(status->text().contains(QString::number(critical > 0 ? critical : warnings)),
             qPrintable(status->text()));
    QVERIFY(!status->icon().isNull());

    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.monitoringUi()->alertsDock()->hide();
    QVERIFY(!window.monitoringUi()->alertsDock()->isVisible());
    QTest::mouseClick(status, Qt::LeftButton);
    QTRY_VERIFY(window.monitoringUi()->alertsDock()->isVisible());

    for (const Alert& alert : engine.active())
        m.monitoring.acknowledge(alert.id);
    QCOMPARE(status->text(), QStringLiteral("Alerts: none"));
}

void TestAlertsDock::badgesOnCardsAndChips()
{
    SteppedMonitoring m;
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    feedCluster(controller);
    MainWindow window(&controller);
    window.setMonitoring(&m.monitoring);
    CampusMapScene* scene = window.map()->mapScene();
    scene->flushLayout();
    AlertBadges* badges = window.monitoringUi()->badges();
    QVERIFY(badges);
    const QString uuid = QStringLiteral("myodaiji-01-uuid-2");
    QVERIFY(scene->chip(uuid));
    QVERIFY(!badges->badge(uuid));

    AlertEngine& engine = m.monitoring.engine();
    const AlertSubject instance = instanceSubject(QStringLiteral("myodaiji"), QStringLiteral("myodaiji-01"),
                                                  uuid, QStringLiteral("myodaiji-01-vm2"));
    engine.event(AlertKind::InstanceCrashed, instance, {}, m.nowMs);
    AlertBadgeItem* chipBadge = badges->badge(uuid);
    QVERIFY(chipBadge);
    QCOMPARE(chipBadge->parentItem(), static_cast<QGraphicsItem*>(scene->chip(uuid)));
    QCOMPARE(chipBadge->count(), 1);
    QVERIFY(chipBadge->toolTip().contains(QStringLiteral("myodaiji-01-vm2 crashed")));
    engine.event(AlertKind::InstanceWatchdog, instance, {}, m.nowMs);
    QCOMPARE(badges->badge(uuid)->count(), 2);

    // A node's own alert on its card; the card's chips keep theirs.
    AlertRule cpu = engine.rule(AlertKind::HostCpuHigh);
    cpu.sustainMs = 0;
    engine.setRule(cpu);
    engine.observe(AlertKind::HostCpuHigh, nodeSubject(QStringLiteral("yamate"), QStringLiteral("yamate-02")),
                   97, m.nowMs);
    AlertBadgeItem* cardBadge = badges->badge(QStringLiteral("yamate-02"));
    QVERIFY(cardBadge);
    QCOMPARE(cardBadge->parentItem(),
             static_cast<QGraphicsItem*>(scene->nodeCard(QStringLiteral("yamate-02"))));
    QVERIFY(cardBadge->toolTip().contains(QStringLiteral("Host CPU of yamate-02 at 97%")));

    // Acknowledged or cleared: the badges go.
    for (const Alert& alert : engine.active())
        m.monitoring.acknowledge(alert.id);
    QVERIFY(!badges->badge(uuid));
    QVERIFY(!badges->badge(QStringLiteral("yamate-02")));
    QCOMPARE(engine.active().size(), 1); // the level alert stays, acknowledged
}

void TestAlertsDock::retranslates()
{
    SteppedMonitoring m;
    AlertsDock dock(&m.monitoring, nullptr, nullptr);
    m.monitoring.engine().event(
        AlertKind::InstanceCrashed,
        instanceSubject({}, QStringLiteral("n1"), QStringLiteral("u1"), QStringLiteral("web1")), {}, m.nowMs);
    QCOMPARE(dock.windowTitle(), QStringLiteral("Alerts"));
    QVERIFY(language::install(QStringLiteral("ja")));
    // The application posts the change to its windows.
    QTRY_COMPARE(dock.windowTitle(), QStringLiteral("アラート"));
    QCOMPARE(dock.model()->headerData(AlertsModel::SeverityColumn, Qt::Horizontal).toString(),
             QStringLiteral("重要度"));
    QVERIFY(
        dock.model()->index(0, AlertsModel::TextColumn).data().toString().contains(QStringLiteral("web1")));
    QVERIFY(language::install(QStringLiteral("en")));
    QTRY_COMPARE(dock.windowTitle(), QStringLiteral("Alerts"));
}

void TestAlertsDock::screenshots()
{
    const QString dir = qEnvironmentVariable("KUMO_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("Set KUMO_SCREENSHOTS=<dir> to write the documentation's screenshots.");
    QVERIFY(QDir().mkpath(dir));
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("ja")}) {
        QVERIFY(language::install(language));
        SteppedMonitoring m;
        ClusterController controller([](const NodeConfig&) { return nullptr; });
        feedCluster(controller);
        ClusterSelection selection;
        AlertsDock dock(&m.monitoring, &controller, &selection);
        const qint64 morning = QDateTime(QDate(2026, 12, 4), QTime(9, 12, 3)).toMSecsSinceEpoch() - m.nowMs;
        dock.model()->setWallClock([&m, morning] { return morning + m.nowMs; });
        AlertEngine& engine = m.monitoring.engine();
        AlertSubject unreachable = nodeSubject(QStringLiteral("yamate"), QStringLiteral("yamate-02"));
        engine.observe(AlertKind::NodeUnreachable, unreachable, 1, m.nowMs);
        m.nowMs += 40'000;
        engine.observe(AlertKind::NodeUnreachable, unreachable, 1, m.nowMs);
        m.nowMs += 200'000;
        engine.event(AlertKind::InstanceCrashed,
                     instanceSubject(QStringLiteral("myodaiji"), QStringLiteral("myodaiji-01"),
                                     QStringLiteral("myodaiji-01-uuid-2"), QStringLiteral("mail")),
                     QStringLiteral("guest panicked"), m.nowMs);
        m.nowMs += 60'000;
        AlertSubject pool = nodeSubject(QStringLiteral("myodaiji"), QStringLiteral("myodaiji-02"));
        pool.item = QStringLiteral("images");
        engine.observe(AlertKind::StoragePoolLow, pool, 7, m.nowMs);
        m.nowMs += 30'000;
        engine.event(AlertKind::MigrationFailed,
                     instanceSubject(QStringLiteral("myodaiji"), QStringLiteral("myodaiji-02"),
                                     QStringLiteral("myodaiji-02-uuid-1"), QStringLiteral("ldap")),
                     QStringLiteral("unable to connect to yamate-01"), m.nowMs);
        const quint64 pooled = engine.active().at(2).id;
        m.monitoring.acknowledge(pooled);
        m.nowMs += 95'000;
        dock.model()->refreshSince();
        dock.resize(1100, 260);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        dock.table()->selectRow(0);
        QTest::qWait(200);
        QVERIFY(dock.grab().save(QDir(dir).filePath(QStringLiteral("alerts-dock.%1.png").arg(language))));

        // The same alerts in the window: the status bar's counts and the badges on the map.
        MainWindow window(&controller);
        window.setMonitoring(&m.monitoring);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.map()->mapScene()->flushLayout();
        QTest::qWait(300);
        QVERIFY(window.grab().save(QDir(dir).filePath(QStringLiteral("alerts-window.%1.png").arg(language))));
    }
    QVERIFY(language::install(QStringLiteral("en")));
}

void TestAlertsDock::dockPlacementPersists()
{
    QSettings().clear();
    SteppedMonitoring m;
    EventLog log;
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    const auto open = [&](MainWindow& window) {
        window.setMonitoring(&m.monitoring, &log);
        window.resize(1280, 800);
        window.show();
        return QTest::qWaitForWindowExposed(&window);
    };
    const auto shown = [](QDockWidget* dock) { return dock->toggleViewAction()->isChecked(); };
    {
        // A first start: both shown, tabbed together at the bottom, the Alerts tab in front.
        MainWindow window(&controller);
        QVERIFY(open(window));
        QDockWidget* alerts = window.monitoringUi()->alertsDock();
        QDockWidget* events = window.monitoringUi()->eventLogDock();
        QVERIFY(events);
        QCOMPARE(alerts->objectName(), QStringLiteral("alertsDock"));
        QCOMPARE(events->objectName(), QStringLiteral("eventLogDock"));
        QCOMPARE(window.dockWidgetArea(alerts), Qt::BottomDockWidgetArea);
        QCOMPARE(window.dockWidgetArea(events), Qt::BottomDockWidgetArea);
        QVERIFY(window.tabifiedDockWidgets(alerts).contains(events));
        QVERIFY(shown(alerts) && shown(events));
        QVERIFY(alerts->isVisible());
        // The person puts the alerts on the left and closes the event log.
        window.addDockWidget(Qt::LeftDockWidgetArea, alerts);
        events->close();
        QVERIFY(window.close());
    }
    QVERIFY(QSettings().contains(QStringLiteral("window/state")));
    {
        MainWindow window(&controller);
        QVERIFY(open(window));
        QDockWidget* alerts = window.monitoringUi()->alertsDock();
        QDockWidget* events = window.monitoringUi()->eventLogDock();
        QCOMPARE(window.dockWidgetArea(alerts), Qt::LeftDockWidgetArea);
        QVERIFY(alerts->isVisible());
        QVERIFY(!shown(events));
        QVERIFY(!window.tabifiedDockWidgets(alerts).contains(events));
        // Now both at the top, tabbed, the event log in front.
        window.addDockWidget(Qt::TopDockWidgetArea, alerts);
        window.tabifyDockWidget(alerts, events);
        events->show();
        events->raise();
        QApplication::processEvents();
        QVERIFY(events->isVisible());
        QVERIFY(window.close());
    }
    {
        MainWindow window(&controller);
        QVERIFY(open(window));
        QDockWidget* alerts = window.monitoringUi()->alertsDock();
        QDockWidget* events = window.monitoringUi()->eventLogDock();
        QCOMPARE(window.dockWidgetArea(alerts), Qt::TopDockWidgetArea);
        QCOMPARE(window.dockWidgetArea(events), Qt::TopDockWidgetArea);
        QVERIFY(window.tabifiedDockWidgets(alerts).contains(events));
        QVERIFY(shown(alerts) && shown(events));
        QVERIFY(events->isVisible());
        window.hide();
    }
    QSettings().clear();
}

QTEST_MAIN(TestAlertsDock)
#include "tst_alertsdock.moc"

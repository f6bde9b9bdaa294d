// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The window's side of access control, on real node sessions (libvirt's test driver, no daemons):
// the first-run page while there is no inventory (and the nodes once the file is written), read-only
// mode and read-only nodes (actions disabled and saying why, drops refused, the title and the status
// bar saying "Read-only"), and the warning badge of nodes reached insecurely with allow_insecure.
//
// Screenshots for docs/: KUMO_SCREENSHOTS=<dir> ./tst_accessui screenshots
// writes first-run-en.png, first-run-ja.png and read-only-en.png.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "app/cluster/clustercontroller.h"
#include "app/cluster/inventorywatcher.h"
#include "app/i18n/language.h"
#include "app/migration/migrationcontroller.h"
#include "app/outage/evacuation.h"
#include "app/outage/outagestore.h"
#include "support/testdriver.h"
#include "ui/clusterselection.h"
#include "ui/firstrunwidget.h"
#include "ui/mainwindow.h"
#include "ui/map/campusmapscene.h"
#include "ui/map/campusmapview.h"
#include "ui/map/nodecarditem.h"
#include "ui/migration/migrationuicontroller.h"
#include "ui/modelroles.h"
#include "ui/models/nodetablemodel.h"
#include "ui/nodedialog.h"

using namespace kumo;

namespace {

// A console as main() builds it, on the test driver: the cluster, migrations, an evacuation whose
// state stays in a temporary folder, and the window.
struct Console
{
    explicit Console(const QString& stateDir)
        : store(stateDir)
        , migrations(&cluster, QDir(stateDir).filePath(QStringLiteral("journal.jsonl")))
        , evacuation(&cluster, &migrations, &store)
        , window(&cluster, &migrations)
    {
        window.setEvacuation(&evacuation);
        window.setConfirmDestructiveActions(false);
    }
    ~Console() { cluster.shutdown(); }

    [[nodiscard]] bool connected(int nodes, int instances)
    {
        return QTest::qWaitFor(
            [&] { return cluster.connectedNodeCount() == nodes && cluster.instanceCount() == instances; },
            20000);
    }

    ClusterController cluster;
    OutageStore store;
    MigrationController migrations;
    Evacuation evacuation;
    MainWindow window;
};

QList<QMessageBox*> visibleMessageBoxes()
{
    QList<QMessageBox*> boxes;
    for (QWidget* widget : QApplication::topLevelWidgets()) {
        if (auto* box = qobject_cast<QMessageBox*>(widget); box && box->isVisible())
            boxes.append(box);
    }
    return boxes;
}

} // namespace

class TestAccessUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }
    void init()
    {
        QSettings().clear();
        QVERIFY(language::install(QStringLiteral("en")));
    }

    void firstRunWithoutInventory();
    void addNodeWithoutDialogExplainsTheFormat();
    void firstNodeFromTheFirstRunPage();
    void readOnlyModeDisablesEveryChange();
    void readOnlyNodeDisablesItsInstances();
    void insecureBadgeOnlyForAllowedNodes();
    void screenshots();

private:
    QTemporaryDir m_dir;
    int m_next = 0;
    QString freshDir() { return m_dir.filePath(QStringLiteral("run%1").arg(++m_next)); }
};

void TestAccessUi::firstRunWithoutInventory()
{
    const QString root = freshDir();
    Console console(root + QStringLiteral("/state"));
    // $XDG_CONFIG_HOME/kumo does not exist either.
    const QString path = root + QStringLiteral("/config/kumo/inventory.toml");
    InventoryWatcher watcher(path);
    connect(&watcher, &InventoryWatcher::inventoryChanged, &console.cluster,
            &ClusterController::setInventory);
    const Result<Inventory> first = watcher.start();
    QVERIFY(!first.ok());
    QCOMPARE(first.error().code, ErrorCode::NotFound);
    console.window.setFirstRun(path);
    console.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&console.window));

    QVERIFY(visibleMessageBoxes().isEmpty());
    QVERIFY(console.window.isShowingFirstRun());
    FirstRunWidget* page = console.window.firstRun();
    QVERIFY(page->isVisible());
    QVERIFY(!console.window.map()->isVisible());
    for (QPushButton* button : {page->addNodeButton(), page->openInventoryButton(), page->demoButton()}) {
        QVERIFY(button->isVisible());
        QVERIFY(button->isEnabled());
    }
    QCOMPARE(page->addNodeButton()->text(), QStringLiteral("Add Node…"));
    QCOMPARE(page->openInventoryButton()->text(), QStringLiteral("Open Inventory…"));
    QCOMPARE(page->demoButton()->text(), QStringLiteral("Start the Demo Lab"));
    QVERIFY(page->findChild<QLabel*>() != nullptr);
    QSignalSpy demo(&console.window, &MainWindow::demoRequested);
    page->demoButton()->click();
    QCOMPARE(demo.size(), 1);

    // Someone writes the inventory (mkdir -p, then the file): the nodes appear.
    const TestCluster cluster = generateTestCluster(root + QStringLiteral("/nodes"), 2, 1, 2);
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QVERIFY(cluster.inventory.save(path).ok());
    QVERIFY(console.connected(2, 4));
    QTRY_VERIFY(!console.window.isShowingFirstRun());
    QVERIFY(console.window.map()->isVisible());
    QCOMPARE(console.window.nodeModel()->rowCount(), 2);
    QVERIFY(visibleMessageBoxes().isEmpty());
}

void TestAccessUi::addNodeWithoutDialogExplainsTheFormat()
{
    const QString root = freshDir();
    Console console(root + QStringLiteral("/state"));
    const QString path = root + QStringLiteral("/kumo/inventory.toml");
    console.window.setFirstRun(path);
    console.window.show();
    QVERIFY(console.window.addNodeAction());

    // Nothing connected: a message says where the file goes and what it holds.
    console.window.firstRun()->addNodeButton()->click();
    QTRY_COMPARE(visibleMessageBoxes().size(), 1);
    QMessageBox* box = visibleMessageBoxes().constFirst();
    QVERIFY2(box->text().contains(QDir::toNativeSeparators(path)), qPrintable(box->text()));
    QVERIFY(box->informativeText().contains(QStringLiteral("[[node]]")));
    box->close();
    QTRY_VERIFY(visibleMessageBoxes().isEmpty());

    // A node dialog listening: it gets the request (with the path), and no message shows.
    QStringList requested;
    connect(&console.window, &MainWindow::addNodeRequested, this,
            [&requested](const QString& inventory) { requested.append(inventory); });
    console.window.addNodeAction()->trigger();
    QCOMPARE(requested, QStringList{path});
    QTest::qWait(50);
    QVERIFY(visibleMessageBoxes().isEmpty());
}

void TestAccessUi::firstNodeFromTheFirstRunPage()
{
    const QString root = freshDir();
    Console console(root + QStringLiteral("/state"));
    const QString path = root + QStringLiteral("/config/kumo/inventory.toml");
    InventoryWatcher watcher(path);
    connect(&watcher, &InventoryWatcher::inventoryChanged, &console.cluster,
            &ClusterController::setInventory);
    QCOMPARE(watcher.start().error().code, ErrorCode::NotFound);
    // As main() does on a first start.
    console.window.setInventoryPath(path);
    console.window.setFirstRun(path);
    console.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&console.window));

    QSignalSpy requested(&console.window, &MainWindow::addNodeRequested);
    console.window.firstRun()->addNodeButton()->click();
    NodeDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = console.window.findChild<NodeDialog*>()) && dialog->isVisible());
    QVERIFY(visibleMessageBoxes().isEmpty());
    QCOMPARE(requested.size(), 0);

    // The person names the node, types a campus (there is none yet) and gives the URI as text.
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("lab"));
    QTest::keyClicks(dialog->siteBox()->lineEdit(), QStringLiteral("Myodaiji"));
    dialog->transportBox()->setCurrentIndex(dialog->transportBox()->findData(QStringLiteral("advanced")));
    dialog->uriTextEdit()->selectAll();
    QTest::keyClicks(dialog->uriTextEdit(), QStringLiteral("test:///default"));
    QVERIFY2(dialog->okButton()->isEnabled(), qPrintable(dialog->problemLabel()->text()));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);

    // The file is made, the watcher reads it, the node connects and the map replaces the page.
    QVERIFY(console.connected(1, 1));
    QTRY_VERIFY(!console.window.isShowingFirstRun());
    QVERIFY(console.window.map()->isVisible());
    QVERIFY(QFileInfo::exists(path));
    QCOMPARE(console.cluster.inventory().sites.constFirst().name, QStringLiteral("Myodaiji"));
    QVERIFY(visibleMessageBoxes().isEmpty());
}

void TestAccessUi::readOnlyModeDisablesEveryChange()
{
    const QString root = freshDir();
    Console console(root + QStringLiteral("/state"));
    console.cluster.setReadOnly(true);
    const TestCluster cluster = generateTestCluster(root + QStringLiteral("/nodes"), 2, 1, 2);
    console.cluster.setInventory(cluster.inventory);
    console.window.show();
    QVERIFY(console.connected(2, 4));

    QVERIFY(console.window.windowTitle().contains(QStringLiteral("Read-only")));
    QVERIFY2(console.window.statusText().startsWith(QStringLiteral("Read-only")),
             qPrintable(console.window.statusText()));

    const TestDomain vm = cluster.nodes.constFirst().domains.constFirst();
    console.window.selection()->selectInstances({vm.uuid});
    const QString why = console.window.readOnlyReason();
    QVERIFY(why.contains(QStringLiteral("read-only mode")));
    for (InstanceAction kind : allInstanceActions()) {
        QVERIFY(!console.window.action(kind)->isEnabled());
        QCOMPARE(console.window.action(kind)->toolTip(), why);
    }
    QVERIFY(!console.window.migrateToAction()->isEnabled());
    QCOMPARE(console.window.migrateToAction()->toolTip(), why);
    QVERIFY(!console.window.prepareOutageAction()->isEnabled());
    QVERIFY(console.window.prepareOutageAction()->toolTip().contains(QStringLiteral("Read-only")));
    QVERIFY(!console.window.endOutageAction()->isEnabled());

    // A shortcut or a script calling the slot anyway: the controller refuses, libvirt is not asked.
    QSignalSpy finished(&console.cluster, &ClusterController::actionFinished);
    const quint64 id = console.cluster.requestAction(vm.uuid, InstanceAction::Suspend);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toULongLong(), id);
    QCOMPARE(finished.at(0).at(3).value<Error>().code, ErrorCode::ReadOnly);
    QCOMPARE(console.cluster.instance(vm.uuid)->state, InstanceState::Running);

    // A drop on another node is refused, with the reason where drops say why.
    QSignalSpy said(console.window.migrationUi(), &MigrationUiController::statusMessage);
    const QString other = cluster.nodes.at(1).name;
    QVERIFY(!console.window.migrationUi()->drop({vm.uuid}, other));
    QCOMPARE(said.size(), 1);
    QVERIFY2(said.at(0).at(0).toString().contains(QStringLiteral("read-only mode")),
             qPrintable(said.at(0).at(0).toString()));

    // Back to normal: the actions that apply are enabled again, with their own tooltips.
    console.cluster.setReadOnly(false);
    QVERIFY(console.connected(2, 4));
    QVERIFY(!console.window.windowTitle().contains(QStringLiteral("Read-only")));
    QVERIFY(console.window.readOnlyReason().isEmpty());
    QVERIFY(console.window.action(InstanceAction::Suspend)->isEnabled());
    QVERIFY(console.window.action(InstanceAction::Suspend)->toolTip() != why);
    QVERIFY(console.window.migrateToAction()->isEnabled());
}

void TestAccessUi::readOnlyNodeDisablesItsInstances()
{
    const QString root = freshDir();
    Console console(root + QStringLiteral("/state"));
    TestCluster cluster = generateTestCluster(root + QStringLiteral("/nodes"), 2, 1, 1);
    cluster.inventory.nodes[1].readOnly = true;
    console.cluster.setInventory(cluster.inventory);
    console.window.show();
    QVERIFY(console.connected(2, 2));
    const QString readOnlyNode = cluster.nodes.at(1).name;
    const QString writableVm = cluster.nodes.at(0).domains.constFirst().uuid;
    const QString readOnlyVm = cluster.nodes.at(1).domains.constFirst().uuid;

    QVERIFY(!console.window.windowTitle().contains(QStringLiteral("Read-only")));
    console.window.selection()->selectInstances({readOnlyVm});
    QVERIFY(!console.window.action(InstanceAction::Suspend)->isEnabled());
    QVERIFY(console.window.action(InstanceAction::Suspend)->toolTip().contains(readOnlyNode));
    QVERIFY(!console.window.migrateToAction()->isEnabled());

    console.window.selection()->selectInstances({writableVm});
    QVERIFY(console.window.action(InstanceAction::Suspend)->isEnabled());
    // Moving it onto the read-only node is refused: a migration changes both ends.
    QSignalSpy said(console.window.migrationUi(), &MigrationUiController::statusMessage);
    QVERIFY(!console.window.migrationUi()->drop({writableVm}, readOnlyNode));
    QCOMPARE(said.size(), 1);
    QVERIFY(said.at(0).at(0).toString().contains(readOnlyNode));
}

void TestAccessUi::insecureBadgeOnlyForAllowedNodes()
{
    const QString root = freshDir();
    // No sessions: the badge depends on the inventory only, and these nodes are not dialled.
    ClusterController cluster([](const NodeConfig&) { return nullptr; });
    MainWindow window(&cluster);
    QAbstractItemModelTester tester(window.nodeModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    Inventory inventory = generateTestCluster(root, 1, 3, 0).inventory;
    QCOMPARE(inventory.nodes.size(), 3);
    inventory.nodes[0].uri = QStringLiteral("qemu+tcp://127.0.0.1:1/system");
    inventory.nodes[0].allowInsecure = true;                                  // allowed: badge
    inventory.nodes[1].uri = QStringLiteral("qemu+tcp://127.0.0.1:1/system"); // refused: no badge
    inventory.nodes[2].allowInsecure = true; // test driver: local, nothing to warn about
    cluster.setInventory(inventory);
    window.show();

    NodeTableModel* model = window.nodeModel();
    QCOMPARE(model->rowCount(), 3);
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex name = model->index(row, int(NodeTableModel::Column::Name));
        const QString node = name.data(KeyRole).toString();
        const bool expected = node == inventory.nodes[0].name;
        QCOMPARE(name.data(InsecureRole).toBool(), expected);
        QCOMPARE(!name.data(Qt::DecorationRole).value<QIcon>().isNull(), expected);
        QCOMPARE(name.data(Qt::ToolTipRole).toString().contains(QStringLiteral("allow_insecure")), expected);
        NodeCardItem* card = window.map()->mapScene()->nodeCard(node);
        QVERIFY(card);
        QCOMPARE(card->hasInsecureWarning(), expected);
        QCOMPARE(card->toolTipText().contains(QStringLiteral("allow_insecure")), expected);
    }

    // Taking the permission away removes the badge.
    inventory.nodes[0].allowInsecure = false;
    cluster.setInventory(inventory);
    for (int row = 0; row < model->rowCount(); ++row)
        QVERIFY(!model->index(row, 0).data(InsecureRole).toBool());
    QVERIFY(!window.map()->mapScene()->nodeCard(inventory.nodes[0].name)->hasInsecureWarning());
    cluster.shutdown();
}

void TestAccessUi::screenshots()
{
    const QString dir = qEnvironmentVariable("KUMO_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("Set KUMO_SCREENSHOTS=<dir> to write the documentation's screenshots.");
    QVERIFY(QDir().mkpath(dir));
    const QString root = freshDir();
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("ja")}) {
        QVERIFY(language::install(language));
        Console console(root + QStringLiteral("/state-") + language);
        console.window.setFirstRun(QStringLiteral("/home/kenji/.config/kumo/inventory.toml"));
        console.window.resize(1280, 800);
        console.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&console.window));
        QTest::qWait(200);
        QVERIFY(
            console.window.grab().save(QDir(dir).filePath(QStringLiteral("first-run-%1.png").arg(language))));
    }
    QVERIFY(language::install(QStringLiteral("en")));
    Console console(root + QStringLiteral("/state-ro"));
    console.cluster.setReadOnly(true);
    const TestCluster cluster = generateTestCluster(root + QStringLiteral("/nodes"), 2, 2, 3);
    console.cluster.setInventory(cluster.inventory);
    console.window.resize(1280, 800);
    console.window.show();
    QVERIFY(console.connected(4, 12));
    console.window.selection()->selectInstances({cluster.nodes.constFirst().domains.constFirst().uuid});
    QTest::qWait(300);
    QVERIFY(console.window.grab().save(QDir(dir).filePath(QStringLiteral("read-only-en.png"))));
}

QTEST_MAIN(TestAccessUi)
#include "tst_accessui.moc"

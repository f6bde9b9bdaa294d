// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MainWindow on real node sessions: a generated libvirt test-driver cluster, then the demo lab
// (real libvirtd daemons and QEMU guests), in English and Japanese. Screenshots of the demo
// window are written to $KUMO_SCREENSHOT_DIR when it is set.
#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include "clustercontroller.h"
#include "inventory.h"
#include "lab.h"
#include "language.h"
#include "mainwindow.h"
#include "testdriver.h"

using namespace kumo;

namespace {

QStringList childTexts(const QTreeWidgetItem* item, int column = MainWindow::NameColumn)
{
    QStringList texts;
    for (int i = 0; i < item->childCount(); ++i)
        texts.append(item->child(i)->text(column));
    texts.sort();
    return texts;
}

void saveScreenshot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("KUMO_SCREENSHOT_DIR");
    const QPixmap shot = widget->grab();
    QVERIFY(!shot.isNull());
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        QVERIFY(shot.save(QDir(dir).filePath(name)));
    }
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(language::install(QStringLiteral("en"))); }
    void showsEveryNodeAndInstanceOfATestCluster();
    void showsTheDemoLabInBothLanguages();
};

void TestMainWindow::showsEveryNodeAndInstanceOfATestCluster()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const TestCluster cluster = generateTestCluster(dir.path(), 2, 2, 4);
    ClusterController controller;
    MainWindow window(&controller);
    controller.setInventory(cluster.inventory);
    window.show();

    QTRY_COMPARE_WITH_TIMEOUT(controller.connectedNodeCount(), 4, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(controller.instanceCount(), 16, 20000);
    QCOMPARE(window.tree()->topLevelItemCount(), 2);
    for (const TestNode& node : cluster.nodes) {
        QTreeWidgetItem* item = window.nodeItem(node.name);
        QVERIFY2(item, qPrintable(node.name));
        QTRY_COMPARE(item->text(MainWindow::StateColumn), QStringLiteral("Connected"));
        QStringList expected;
        for (const TestDomain& domain : node.domains)
            expected.append(domain.name);
        expected.sort();
        QCOMPARE(childTexts(item), expected);
        const Site* site = cluster.inventory.site(cluster.inventory.node(node.name)->site);
        QCOMPARE(item->parent()->text(MainWindow::NameColumn), site->name);
    }
    controller.shutdown();
}

void TestMainWindow::showsTheDemoLabInBothLanguages()
{
    Lab::UpOptions options;
    options.kumoExecutable = QStringLiteral(KUMO_BINARY);
    options.ownerPid = QCoreApplication::applicationPid();
    const Result<LabInfo> lab = Lab::up(options);
    QVERIFY2(lab.ok(), lab.ok() ? "" : qPrintable(lab.error().toString()));
    const auto cleanup = qScopeGuard([&] { (void)Lab::down(lab->id); });

    const Result<Inventory> inventory = Inventory::load(lab->inventoryPath);
    QVERIFY(inventory.ok());
    ClusterController controller;
    MainWindow window(&controller);
    window.resize(1000, 640);
    controller.setInventory(inventory.value());
    window.show();

    QTRY_COMPARE_WITH_TIMEOUT(controller.connectedNodeCount(), 4, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(controller.runningInstanceCount(), int(lab->guests.size()), 30000);
    for (const LabGuest& guest : lab->guests) {
        QTreeWidgetItem* node = window.nodeItem(guest.node);
        QVERIFY(node);
        QVERIFY2(childTexts(node).contains(guest.name), qPrintable(guest.name));
    }
    QStringList sites;
    for (int i = 0; i < window.tree()->topLevelItemCount(); ++i)
        sites.append(window.tree()->topLevelItem(i)->text(MainWindow::NameColumn));
    sites.sort();
    QCOMPARE(sites, (QStringList{QStringLiteral("Myodaiji"), QStringLiteral("Yamate")}));
    // Let one more poll fill in CPU figures before the picture is taken.
    QTest::qWait(2500);
    saveScreenshot(&window, QStringLiteral("mainwindow-en.png"));

    QVERIFY(language::install(QStringLiteral("ja")));
    QTRY_COMPARE(window.windowTitle(), QStringLiteral("Kumo — キャンパスクラウド コンソール"));
    sites.clear();
    for (int i = 0; i < window.tree()->topLevelItemCount(); ++i)
        sites.append(window.tree()->topLevelItem(i)->text(MainWindow::NameColumn));
    sites.sort();
    QCOMPARE(sites, (QStringList{QStringLiteral("山手地区"), QStringLiteral("明大寺地区")}));
    QCOMPARE(window.nodeItem(lab->nodes.constFirst().name)->text(MainWindow::StateColumn),
             QStringLiteral("接続中"));
    saveScreenshot(&window, QStringLiteral("mainwindow-ja.png"));
    controller.shutdown();
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

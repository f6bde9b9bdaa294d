// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MainWindow on real node sessions: generated libvirt test-driver clusters for the map, tables,
// selection, filter, actions and language; then the demo lab (real libvirtd daemons and QEMU
// guests) in English and Japanese. Screenshots go to $KUMO_SCREENSHOT_DIR when it is set.
#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QDockWidget>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "app/migration/migrationcontroller.h"
#include "app/migration/migrationqueue.h"
#include "core/inventory.h"
#include "lab/lab.h"
#include "support/labfixture.h"
#include "support/testdriver.h"
#include "ui/clusterselection.h"
#include "ui/languagefont.h"
#include "ui/mainwindow.h"
#include "ui/map/campusmapscene.h"
#include "ui/map/campusmapview.h"
#include "ui/map/instancechipitem.h"
#include "ui/map/nodecarditem.h"
#include "ui/map/siteareaitem.h"
#include "ui/migration/jobsmodel.h"
#include "ui/migration/jobspanel.h"
#include "ui/migration/migrationdialog.h"
#include "ui/models/clusterfilterproxymodel.h"
#include "ui/models/instancetablemodel.h"
#include "ui/plaintext.h"
#include "ui/preferencesdialog.h"
#include "virt/directconnection.h"

using namespace kumo;

namespace {

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

QStringList column(const QAbstractItemModel* model, int col)
{
    QStringList values;
    for (int row = 0; row < model->rowCount(); ++row)
        values.append(model->index(row, col).data().toString());
    return values;
}

// Waits until every node is connected and every domain of the cluster is known.
bool waitForCluster(ClusterController& controller, int nodes, int instances)
{
    return QTest::qWaitFor(
        [&] { return controller.connectedNodeCount() == nodes && controller.instanceCount() == instances; },
        20000);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        QSettings().clear();
        QVERIFY(language::install(QStringLiteral("en")));
    }
    void mapAndTablesShowEveryNodeAndInstance();
    void selectionIsSharedBetweenMapAndTable();
    void filterNarrowsTheTable();
    void externalDestroyChangesChipAndRow();
    void actionsCallThroughToLibvirt();
    void unreachableNodeRendersAsSuch();
    void languageSwitchesAtRuntimeAndPersists();
    void layoutPersists();
    void preferencesApplyToTheQueue();
    void jobsPanelFitsTheDefaultWindow();
    void toolBarShowsNeitherMnemonicsNorEllipses();
    void noMenuOrDialogRepeatsAMnemonic();
    void japaneseUsesOneCjkFontAndQtsCatalogue();
    void showsTheDemoLabInBothLanguages();

private:
    LabFixture m_lab{QStringLiteral("tst_mainwindow")}; // up only in showsTheDemoLabInBothLanguages
};

void TestMainWindow::mapAndTablesShowEveryNodeAndInstance()
{
    QTemporaryDir dir;
    const TestCluster cluster = generateTestCluster(dir.path(), 2, 2, 4);
    ClusterController controller;
    MainWindow window(&controller);
    controller.setInventory(cluster.inventory);
    window.show();
    QVERIFY(waitForCluster(controller, 4, 16));

    CampusMapScene* scene = window.map()->mapScene();
    QCOMPARE(window.instanceTable()->model()->rowCount(), 16);
    QCOMPARE(window.nodeTable()->model()->rowCount(), 4);
    for (const TestNode& node : cluster.nodes) {
        NodeCardItem* card = scene->nodeCard(node.name);
        QVERIFY2(card, qPrintable(node.name));
        QVERIFY(!card->isUnreachable());
        for (const TestDomain& domain : node.domains) {
            InstanceChipItem* chip = scene->chip(domain.uuid);
            QVERIFY2(chip, qPrintable(domain.name));
            QCOMPARE(chip->nodeName(), node.name);
            QCOMPARE(chip->name(), domain.name);
            QVERIFY(window.instanceProxy()->indexOfKey(domain.uuid).isValid());
        }
    }
    QTRY_COMPARE(window.statusText(),
                 QStringLiteral("Nodes up: 4/4 · Instances running: 16/16 · Jobs running: 0"));
    controller.shutdown();
}

void TestMainWindow::selectionIsSharedBetweenMapAndTable()
{
    QTemporaryDir dir;
    const TestCluster cluster = generateTestCluster(dir.path(), 2, 1, 3);
    ClusterController controller;
    MainWindow window(&controller);
    controller.setInventory(cluster.inventory);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(waitForCluster(controller, 2, 6));
    // Lay the map out for what has arrived before finding where to click.
    window.map()->mapScene()->flushLayout();
    window.map()->fitToWindow();
    QCoreApplication::processEvents();

    // Click a chip on the map: its row becomes the table's selection.
    const TestDomain domain = cluster.nodes.at(1).domains.at(2);
    InstanceChipItem* chip = window.map()->mapScene()->chip(domain.uuid);
    QVERIFY(chip);
    const QPoint where = window.map()->mapFromScene(chip->sceneBoundingRect().center());
    QTest::mouseClick(window.map()->viewport(), Qt::LeftButton, {}, where);
    QTRY_COMPARE(window.selection()->keys(), QStringList{domain.uuid});
    const QModelIndexList rows = window.instanceTable()->selectionModel()->selectedRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.constFirst().data(ClusterFilterProxyModel::KeyRole).toString(), domain.uuid);

    // Select a row in the table: the chip is highlighted on the map.
    const TestDomain other = cluster.nodes.at(0).domains.at(0);
    const QModelIndex index = window.instanceProxy()->indexOfKey(other.uuid);
    window.instanceTable()->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                                QItemSelectionModel::Rows);
    QCOMPARE(window.selection()->keys(), QStringList{other.uuid});
    QTRY_VERIFY(window.map()->mapScene()->chip(other.uuid)->isHighlighted());
    QVERIFY(!chip->isHighlighted());
    // Actions follow the selection: a running instance can be shut down but not resumed.
    QVERIFY(window.action(InstanceAction::Shutdown)->isEnabled());
    QVERIFY(!window.action(InstanceAction::Resume)->isEnabled());
    controller.shutdown();
}

void TestMainWindow::filterNarrowsTheTable()
{
    QTemporaryDir dir;
    const TestCluster cluster = generateTestCluster(dir.path(), 2, 2, 3);
    ClusterController controller;
    MainWindow window(&controller);
    controller.setInventory(cluster.inventory);
    window.show();
    QVERIFY(waitForCluster(controller, 4, 12));
    QAbstractItemModel* table = window.instanceTable()->model();
    QCOMPARE(table->rowCount(), 12);

    const QString node = cluster.nodes.at(2).name;
    QTest::keyClicks(window.instanceFilter(), node);
    QCOMPARE(table->rowCount(), 3);
    for (const QString& name : column(table, int(InstanceTableModel::Column::Name)))
        QVERIFY2(name.startsWith(node), qPrintable(name));

    window.instanceFilter()->setText(cluster.nodes.at(0).domains.at(1).name);
    QCOMPARE(table->rowCount(), 1);
    window.instanceFilter()->setText(QStringLiteral("no-such-instance"));
    QCOMPARE(table->rowCount(), 0);
    window.instanceFilter()->clear();
    QCOMPARE(table->rowCount(), 12);
    controller.shutdown();
}

void TestMainWindow::externalDestroyChangesChipAndRow()
{
    // test:///default is shared by every connection of a process: a destroy through another
    // connection is a change the console did not make.
    Inventory inventory;
    inventory.sites = {Site{QStringLiteral("myodaiji"), QStringLiteral("Myodaiji"), {}, {}, {}}};
    NodeConfig shared;
    shared.name = QStringLiteral("shared");
    shared.site = QStringLiteral("myodaiji");
    shared.uri = QStringLiteral("test:///default");
    inventory.nodes = {shared};
    inventory.pollIntervalMs = 1000;
    ClusterController controller;
    MainWindow window(&controller);
    controller.setInventory(inventory);
    window.show();
    QVERIFY(QTest::qWaitFor([&] { return controller.runningInstanceCount() == 1; }, 20000));
    const QString uuid = controller.instances().constFirst().uuid;
    InstanceChipItem* chip = window.map()->mapScene()->chip(uuid);
    QVERIFY(chip);
    QCOMPARE(chip->stateText(), QStringLiteral("Running"));

    Result<DirectConnection> other = DirectConnection::open(QStringLiteral("test:///default"));
    QVERIFY(other.ok());
    QVERIFY(other.value().destroy(QStringLiteral("test")).ok());
    // Within one refresh (1 s here; the lifecycle event usually makes it sooner).
    QTRY_COMPARE_WITH_TIMEOUT(chip->stateText(), QStringLiteral("Shut off"), 3000);
    const QModelIndex row = window.instanceProxy()->indexOfKey(uuid, int(InstanceTableModel::Column::State));
    QCOMPARE(row.data().toString(), QStringLiteral("Shut off"));

    controller.requestAction(uuid, InstanceAction::Start); // leave test:///default as found
    QTRY_COMPARE_WITH_TIMEOUT(chip->stateText(), QStringLiteral("Running"), 5000);
    controller.shutdown();
}

void TestMainWindow::actionsCallThroughToLibvirt()
{
    QTemporaryDir dir;
    const TestCluster cluster = generateTestCluster(dir.path(), 1, 1, 2);
    ClusterController controller;
    MainWindow window(&controller);
    window.setConfirmDestructiveActions(false);
    controller.setInventory(cluster.inventory);
    window.show();
    QVERIFY(waitForCluster(controller, 1, 2));
    const QString uuid = cluster.nodes.at(0).domains.at(0).uuid;
    window.selection()->selectInstances({uuid});

    window.action(InstanceAction::Shutdown)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(controller.instance(uuid)->state, InstanceState::ShutOff, 5000);
    QTRY_VERIFY(window.action(InstanceAction::Start)->isEnabled());
    QVERIFY(!window.action(InstanceAction::Shutdown)->isEnabled());
    window.action(InstanceAction::Start)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(controller.instance(uuid)->state, InstanceState::Running, 5000);
    window.action(InstanceAction::Suspend)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(controller.instance(uuid)->state, InstanceState::Paused, 5000);
    QTRY_COMPARE(window.map()->mapScene()->chip(uuid)->stateText(), QStringLiteral("Paused"));
    window.action(InstanceAction::Resume)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(controller.instance(uuid)->state, InstanceState::Running, 5000);
    window.action(InstanceAction::ForceOff)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(controller.instance(uuid)->state, InstanceState::ShutOff, 5000);
    // The other instance was never selected and never touched.
    QCOMPARE(controller.instance(cluster.nodes.at(0).domains.at(1).uuid)->state, InstanceState::Running);
    controller.shutdown();
}

void TestMainWindow::unreachableNodeRendersAsSuch()
{
    QTemporaryDir dir;
    TestCluster cluster = generateTestCluster(dir.path(), 1, 1, 1);
    NodeConfig lost;
    lost.name = QStringLiteral("lost-01");
    lost.site = cluster.inventory.sites.constFirst().id;
    lost.uri = QStringLiteral("qemu+unix:///session?socket=/nonexistent/libvirt-sock");
    cluster.inventory.nodes.append(lost);
    ClusterController controller;
    MainWindow window(&controller);
    controller.setInventory(cluster.inventory);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(controller.node(lost.name)->state == NodeState::Unreachable, 10000);
    NodeCardItem* card = window.map()->mapScene()->nodeCard(lost.name);
    QVERIFY(card);
    QTRY_VERIFY(card->isUnreachable());
    QCOMPARE(card->stateText(), QStringLiteral("Unreachable"));
    QVERIFY(card->toolTipText().contains(QStringLiteral("/nonexistent/libvirt-sock")));
    QTRY_COMPARE(window.statusText(),
                 QStringLiteral("Nodes up: 1/2 · Instances running: 1/1 · Jobs running: 0"));
    controller.shutdown();
}

void TestMainWindow::languageSwitchesAtRuntimeAndPersists()
{
    QTemporaryDir dir;
    const TestCluster cluster = generateTestCluster(dir.path(), 2, 1, 1);
    ClusterController controller;
    MainWindow window(&controller);
    controller.setInventory(cluster.inventory);
    window.show();
    QVERIFY(waitForCluster(controller, 2, 2));
    const QString englishHeader = window.instanceTable()
                                      ->model()
                                      ->headerData(int(InstanceTableModel::Column::State), Qt::Horizontal)
                                      .toString();
    QCOMPARE(englishHeader, QStringLiteral("State"));

    window.setLanguage(QStringLiteral("ja"));
    QTRY_COMPARE(window.windowTitle(), QStringLiteral("Kumo — キャンパスクラウド コンソール"));
    QCOMPARE(window.instanceTable()
                 ->model()
                 ->headerData(int(InstanceTableModel::Column::State), Qt::Horizontal)
                 .toString(),
             QStringLiteral("状態"));
    QCOMPARE(window.menuBar()->actions().at(1)->text(), QStringLiteral("表示(&V)"));
    QCOMPARE(window.action(InstanceAction::Start)->text(), QStringLiteral("起動(&S)"));
    QCOMPARE(window.map()->mapScene()->siteArea(QStringLiteral("myodaiji"))->displayName(),
             QStringLiteral("明大寺地区"));
    QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("ja"));

    window.setLanguage(QStringLiteral("en"));
    QTRY_COMPARE(window.windowTitle(), QStringLiteral("Kumo — campus cloud console"));
    QCOMPARE(window.map()->mapScene()->siteArea(QStringLiteral("myodaiji"))->displayName(),
             QStringLiteral("Myodaiji"));
    controller.shutdown();
}

void TestMainWindow::layoutPersists()
{
    QTemporaryDir dir;
    const TestCluster cluster = generateTestCluster(dir.path(), 1, 1, 1);
    ClusterController controller;
    controller.setInventory(cluster.inventory);
    double zoom = 0;
    {
        MainWindow window(&controller);
        window.show();
        window.map()->setZoom(1.75);
        zoom = window.map()->zoom();
        window.instanceTable()->horizontalHeader()->setSectionHidden(int(InstanceTableModel::Column::Uptime),
                                                                     true);
        window.close();
    }
    MainWindow again(&controller);
    again.show();
    // The map is not restored at a zoom made for another window: it opens fitted.
    QVERIFY(zoom != again.map()->zoom());
    QVERIFY(again.map()->isFittingToWindow());
    QVERIFY(
        again.instanceTable()->horizontalHeader()->isSectionHidden(int(InstanceTableModel::Column::Uptime)));
    controller.shutdown();
}

void TestMainWindow::preferencesApplyToTheQueue()
{
    QTemporaryDir dir;
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    MigrationController migrations(&controller, dir.filePath(QStringLiteral("journal.jsonl")));
    QCOMPARE(migrations.queue()->globalLimit(), MigrationQueue::DefaultGlobalLimit);
    PreferencesDialog dialog(&migrations);
    dialog.findChild<QSpinBox*>(QStringLiteral("globalLimitSpin"))->setValue(3);
    dialog.findChild<QSpinBox*>(QStringLiteral("perSourceLimitSpin"))->setValue(2);
    dialog.findChild<QSpinBox*>(QStringLiteral("reserveSpin"))->setValue(1024);
    dialog.findChild<QCheckBox*>(QStringLiteral("skipConfirmCheck"))->setChecked(true);
    dialog.accept();
    QCOMPARE(migrations.queue()->globalLimit(), 3);
    QCOMPARE(migrations.queue()->perSourceLimit(), 2);
    QCOMPARE(QSettings().value(QStringLiteral("migration/reserveMiB")).toInt(), 1024);
    QVERIFY(MigrationDialog::skipSameCampusConfirmation());
    // A new controller starts from the saved limits.
    MigrationController again(&controller, dir.filePath(QStringLiteral("journal.jsonl")));
    QCOMPARE(again.queue()->globalLimit(), 3);
    QCOMPARE(again.queue()->perSourceLimit(), 2);
}

void TestMainWindow::jobsPanelFitsTheDefaultWindow()
{
    // The window as it first opens (1280 x 800, details on the right, jobs below): every column of
    // the jobs table is in view, in either language, the last one with room for its header.
    QTemporaryDir dir;
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    MigrationController migrations(&controller, dir.filePath(QStringLiteral("journal.jsonl")));
    for (const QString& code : {QStringLiteral("en"), QStringLiteral("ja")}) {
        MainWindow window(&controller, &migrations);
        window.setLanguage(code);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.size(), QSize(1280, 800));
        // The panel shows itself for the first job; shown here as it will be then.
        window.findChild<QDockWidget*>(QStringLiteral("jobsDock"))->show();
        QTableView* table = window.jobsPanel()->table();
        QTRY_VERIFY(table->isVisible());
        QTest::qWait(100); // the new language's texts are laid out
        QHeaderView* header = table->horizontalHeader();
        const int last = header->logicalIndex(header->count() - 1);
        // The notes hold the outcome, the longest text of a row: room for one.
        const int notes = int(JobsModel::Column::Outcome);
        const QString outcome = QStringLiteral("Took 12.5 s, moved 2.1 GiB, downtime 40 ms");
        QVERIFY2(header->sectionSize(notes) >= header->fontMetrics().horizontalAdvance(outcome),
                 qPrintable(QStringLiteral("%1: notes %2 px, the outcome needs %3 px")
                                .arg(code)
                                .arg(header->sectionSize(notes))
                                .arg(header->fontMetrics().horizontalAdvance(outcome))));
        const int lastHint = header->fontMetrics().horizontalAdvance(
                                 table->model()->headerData(last, Qt::Horizontal).toString()) +
                             12;
        QVERIFY2(header->length() <= table->viewport()->width(),
                 qPrintable(QStringLiteral("%1: columns %2 px, view %3 px")
                                .arg(code)
                                .arg(header->length())
                                .arg(table->viewport()->width())));
        QVERIFY2(header->sectionSize(last) >= lastHint,
                 qPrintable(QStringLiteral("%1: last column %2 px, its header needs %3 px")
                                .arg(code)
                                .arg(header->sectionSize(last))
                                .arg(lastHint)));
        saveScreenshot(&window, QStringLiteral("default-window-%1.png").arg(code));
        window.setLanguage(QStringLiteral("en"));
    }
}

void TestMainWindow::toolBarShowsNeitherMnemonicsNorEllipses()
{
    QTemporaryDir dir;
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    MigrationController migrations(&controller, dir.filePath(QStringLiteral("journal.jsonl")));
    MainWindow window(&controller, &migrations); // with "Migrate to…" on the toolbar
    window.setLanguage(QStringLiteral("ja"));
    QTRY_COMPARE(window.action(InstanceAction::Start)->text(), QStringLiteral("起動(&S)"));
    QCOMPARE(window.action(InstanceAction::Start)->iconText(), QStringLiteral("起動"));
    QVERIFY(window.action(InstanceAction::ForceOff)->text().endsWith(QStringLiteral("…")));
    QCOMPARE(window.action(InstanceAction::ForceOff)->iconText(), QStringLiteral("強制停止"));
    for (QToolBar* bar : window.findChildren<QToolBar*>()) {
        for (QAction* action : bar->actions()) {
            const QString shown = action->iconText();
            QVERIFY2(!shown.contains(QLatin1Char('&')) && !shown.contains(QLatin1Char('(')) &&
                         !shown.contains(QStringLiteral("…")) && !shown.contains(QStringLiteral("...")),
                     qPrintable(shown));
        }
    }
    window.setLanguage(QStringLiteral("en"));
    QTRY_COMPARE(window.action(InstanceAction::ForceOff)->iconText(), QStringLiteral("Force Off"));
    QCOMPARE(toolBarText(QStringLiteral("Save && &Quit…")), QStringLiteral("Save & Quit"));
    QCOMPARE(toolBarText(QStringLiteral("拡大（&I）")), QStringLiteral("拡大"));
}

namespace {

// "&Start" -> "S"; "起動(&S)" -> "S"; none for "&&" or no mnemonic.
QString mnemonicOf(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) != QLatin1Char('&'))
            return text.at(i + 1).toUpper();
        ++i;
    }
    return {};
}

// The texts of `widget`'s own mnemonic carriers (labels with a buddy, buttons, check boxes, group
// boxes) listed by the mnemonic they share, when two or more share one.
QStringList repeatedMnemonics(const QStringList& texts)
{
    QMultiHash<QString, QString> byKey;
    for (const QString& text : texts) {
        const QString key = mnemonicOf(text);
        if (!key.isEmpty())
            byKey.insert(key, text);
    }
    QStringList repeated;
    for (const QString& key : byKey.uniqueKeys()) {
        if (byKey.count(key) > 1)
            repeated.append(key + QStringLiteral(": ") +
                            QStringList(byKey.values(key)).join(QStringLiteral(" | ")));
    }
    return repeated;
}

QStringList mnemonicTexts(const QWidget* dialog)
{
    QStringList texts;
    for (const QLabel* label : dialog->findChildren<QLabel*>()) {
        if (label->buddy())
            texts.append(label->text());
    }
    for (const QAbstractButton* button : dialog->findChildren<QAbstractButton*>())
        texts.append(button->text());
    for (const QGroupBox* box : dialog->findChildren<QGroupBox*>())
        texts.append(box->title());
    return texts;
}

} // namespace

void TestMainWindow::noMenuOrDialogRepeatsAMnemonic()
{
    QTemporaryDir dir;
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    MigrationController migrations(&controller, dir.filePath(QStringLiteral("journal.jsonl")));
    MainWindow window(&controller, &migrations);
    for (const QString& code : {QStringLiteral("en"), QStringLiteral("ja")}) {
        window.setLanguage(code);
        QTRY_COMPARE(language::current(), code);
        QCoreApplication::processEvents();
        QStringList menuBarTexts;
        for (QAction* menuAction : window.menuBar()->actions()) {
            menuBarTexts.append(menuAction->text());
            QStringList texts;
            for (QAction* action : menuAction->menu()->actions())
                texts.append(action->text());
            const QStringList repeated = repeatedMnemonics(texts);
            QVERIFY2(repeated.isEmpty(),
                     qPrintable(code + QLatin1Char(' ') + menuAction->text() + QStringLiteral(": ") +
                                repeated.join(QStringLiteral("; "))));
        }
        QVERIFY2(repeatedMnemonics(menuBarTexts).isEmpty(),
                 qPrintable(repeatedMnemonics(menuBarTexts).join(u';')));
        PreferencesDialog preferences(&migrations);
        const QStringList repeated = repeatedMnemonics(mnemonicTexts(&preferences));
        QVERIFY2(repeated.isEmpty(),
                 qPrintable(code + QStringLiteral(" Preferences: ") + repeated.join(u';')));
    }
    window.setLanguage(QStringLiteral("en"));
    QCOMPARE(mnemonicOf(QStringLiteral("起動(&S)")), QStringLiteral("S"));
    QCOMPARE(
        repeatedMnemonics({QStringLiteral("&Fit"), QStringLiteral("&Filter"), QStringLiteral("Save && Go")})
            .size(),
        1);
}

void TestMainWindow::japaneseUsesOneCjkFontAndQtsCatalogue()
{
    QTemporaryDir dir;
    ClusterController controller([](const NodeConfig&) { return nullptr; });
    MainWindow window(&controller);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QFont english = QApplication::font();
    QVERIFY2(!japaneseUiFamily().isEmpty(), "Noto Sans CJK JP (fonts-noto-cjk) is not installed");
    window.setLanguage(QStringLiteral("ja"));
    QTRY_COMPARE(QApplication::font().family(), japaneseUiFamily());
    QTRY_COMPARE(window.font().family(), japaneseUiFamily());
    QCOMPARE(window.statusBar()->font().family(), japaneseUiFamily());
    saveScreenshot(&window, QStringLiteral("japanese-font.png"));
    QCOMPARE(QApplication::font().pointSizeF(), english.pointSizeF());
    // Qt's own buttons: qtbase_ja.qm from Qt's translations directory.
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("キャンセル"));
    window.setLanguage(QStringLiteral("en"));
    QTRY_COMPARE(QApplication::font(), english);
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
}

void TestMainWindow::showsTheDemoLabInBothLanguages()
{
    // The window gets its own controller, given the inventory only once the window exists.
    const Result<void> up = m_lab.setUp(LabFixture::Console::None);
    QVERIFY2(up.ok(), up.ok() ? "" : qPrintable(up.error().toString()));
    const auto cleanup = qScopeGuard([&] { (void)m_lab.tearDown(); });

    ClusterController controller;
    QTemporaryDir journalDir;
    MigrationController migrations(&controller, journalDir.filePath(QStringLiteral("journal.jsonl")));
    MainWindow window(&controller, &migrations);
    window.resize(1500, 900);
    controller.setInventory(m_lab.inventory());
    window.show();

    const Result<void> heard = m_lab.waitUntilHeard(controller);
    QVERIFY2(heard.ok(), heard.ok() ? "" : qPrintable(heard.error().toString()));
    for (const LabGuest& guest : m_lab.info().guests) {
        const QList<InstanceSnapshot> on = controller.instancesOn(guest.node);
        QVERIFY2(std::any_of(on.cbegin(), on.cend(),
                             [&](const InstanceSnapshot& s) { return s.name == guest.name; }),
                 qPrintable(guest.name));
    }
    // Select mail, so the details panel has something to show, and let a few polls fill its charts.
    for (const InstanceSnapshot& instance : controller.instances()) {
        if (instance.name == QLatin1String("mail"))
            window.selection()->selectInstances({instance.uuid});
    }
    window.map()->fitToWindow();
    QTest::qWait(6500);
    saveScreenshot(&window, QStringLiteral("mainwindow-en.png"));

    window.setLanguage(QStringLiteral("ja"));
    QTRY_COMPARE(window.windowTitle(), QStringLiteral("Kumo — キャンパスクラウド コンソール"));
    QCOMPARE(window.map()->mapScene()->siteArea(QStringLiteral("yamate"))->displayName(),
             QStringLiteral("山手地区"));
    QTest::qWait(500); // the window lays itself out again for the new texts
    saveScreenshot(&window, QStringLiteral("mainwindow-ja.png"));
    window.setLanguage(QStringLiteral("en"));
    controller.shutdown();
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

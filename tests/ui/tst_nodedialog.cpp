// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// NodeDialog offscreen: typed fields build the URI shown, invalid input keeps OK disabled with the
// reason, an existing node opens prefilled (or as URI text), "Test connection" asks libvirt's test
// driver through ConnectionTester and shows the facts or the error, closing mid-test is harmless,
// and saving through NodeUiController changes the file in place and the watcher shows the node.
// Screenshots for docs/: KUMO_SCREENSHOTS=<dir> ./tst_nodedialog screenshots writes
// node-dialog-en.png and node-dialog-ja.png.
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include "app/cluster/clustercontroller.h"
#include "app/cluster/inventorywatcher.h"
#include "app/i18n/language.h"
#include "core/inventoryeditor.h"
#include "ui/clusterselection.h"
#include "ui/nodedialog.h"
#include "ui/nodeuicontroller.h"

using namespace kumo;

namespace {

const QByteArray InventoryText =
    "# Our two campuses. Keep this comment.\n"
    "[[site]]\n"
    "id = \"myodaiji\"\n"
    "name = \"Myodaiji\"\n"
    "name_ja = \"明大寺地区\"\n"
    "\n"
    "[[site]]\n"
    "id = \"yamate\"\n"
    "name = \"Yamate\"\n"
    "name_ja = \"山手地区\"\n"
    "\n"
    "# The first node.\n"
    "[[node]]\n"
    "name = \"kvm1\"\n"
    "site = \"myodaiji\"\n"
    "uri = \"qemu+libssh://ops@kvm1.example:2222/system?known_hosts=/etc/kumo/known_hosts\"  # via the "
    "bastion\n"
    "\n"
    "[[node]]\n"
    "name = \"lab\"\n"
    "site = \"yamate\"\n"
    "uri = \"test:///default\"\n"
    "read_only = true\n";

Inventory inventory()
{
    return Inventory::parse(InventoryText, {}).value();
}

void setPort(QSpinBox* box, const QString& text)
{
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, text);
}

} // namespace

class TestNodeDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(language::install(QStringLiteral("en")));
        QCoreApplication::processEvents();
    }
    void keyboardBuildsTheUri();
    void invalidInputDisablesOk();
    void noVerifyWarnsAndNeedsThePermission();
    void editOpensPrefilled();
    void testConnectionReportsFacts();
    void testConnectionReportsErrors();
    void closingWhileTestingDropsTheAnswer();
    void savingChangesTheFileAndTheWatcherSeesIt();
    void typedCampusIsNew();
    void firstNodeCreatesTheInventory();
    void screenshots();
};

void TestNodeDialog::keyboardBuildsTheUri()
{
    NodeDialog dialog(inventory(), nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.transportBox()->currentData().toString(), QStringLiteral("ssh"));
    QVERIFY(!dialog.okButton()->isEnabled());

    dialog.nameEdit()->setFocus();
    QTest::keyClicks(dialog.nameEdit(), QStringLiteral("kvm9"));
    QTest::keyClick(dialog.nameEdit(), Qt::Key_Tab);
    QVERIFY(dialog.siteBox()->hasFocus());
    QTest::keyClick(dialog.siteBox(), Qt::Key_Down); // yamate
    QTest::keyClick(dialog.siteBox(), Qt::Key_Tab);
    QVERIFY(dialog.transportBox()->hasFocus());
    QTest::keyClick(dialog.transportBox(), Qt::Key_Tab);
    QVERIFY(dialog.hostEdit()->hasFocus());
    QTest::keyClicks(dialog.hostEdit(), QStringLiteral("fd00::9"));
    QTest::keyClick(dialog.hostEdit(), Qt::Key_Tab);
    QTest::keyClicks(dialog.userEdit(), QStringLiteral("ops"));
    setPort(dialog.portBox(), QStringLiteral("2222"));
    dialog.keyfileEdit()->setFocus();
    QTest::keyClicks(dialog.keyfileEdit(), QStringLiteral("/home/ops/.ssh/id ed25519"));

    QCOMPARE(dialog.uriView()->text(),
             QStringLiteral("qemu+ssh://ops@[fd00::9]:2222/system?keyfile=/home/ops/.ssh/id%20ed25519"));
    QVERIFY(dialog.uriView()->isReadOnly());
    QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.problemLabel()->text()));
    const NodeConfig node = dialog.nodeConfig();
    QCOMPARE(node.name, QStringLiteral("kvm9"));
    QCOMPARE(node.site, QStringLiteral("yamate"));
    QCOMPARE(node.uri, dialog.uriView()->text());

    // Enter accepts.
    QTest::keyClick(dialog.keyfileEdit(), Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestNodeDialog::invalidInputDisablesOk()
{
    NodeDialog dialog(inventory(), nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(dialog.nameEdit(), QStringLiteral("kvm1"));
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(dialog.problemLabel()->isVisible());
    QVERIFY(dialog.problemLabel()->text().contains(QStringLiteral("already in the inventory")));
    QVERIFY(dialog.problemLabel()->text().contains(QStringLiteral("enter its host name or address")));
    QCOMPARE(dialog.okButton()->toolTip(), dialog.problems().constFirst());

    dialog.nameEdit()->clear();
    QTest::keyClicks(dialog.nameEdit(), QStringLiteral("kvm2"));
    QTest::keyClicks(dialog.hostEdit(), QStringLiteral("kvm2.example"));
    QVERIFY(dialog.okButton()->isEnabled());
    QVERIFY(!dialog.problemLabel()->isVisible());

    // Plain TCP needs the permission, and says why.
    dialog.transportBox()->setCurrentIndex(dialog.transportBox()->findData(QStringLiteral("tcp")));
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(dialog.problemLabel()->text().contains(QStringLiteral("unencrypted")));
    QTest::mouseClick(dialog.allowInsecureBox(), Qt::LeftButton);
    QVERIFY(dialog.okButton()->isEnabled());
    QVERIFY(dialog.nodeConfig().allowInsecure);

    // A user with the local transport.
    dialog.transportBox()->setCurrentIndex(dialog.transportBox()->findData(QString()));
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(!dialog.hostEdit()->isEnabled());

    // Esc cancels.
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void TestNodeDialog::noVerifyWarnsAndNeedsThePermission()
{
    NodeDialog dialog(inventory(), nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(dialog.nameEdit(), QStringLiteral("kvm3"));
    dialog.transportBox()->setCurrentIndex(dialog.transportBox()->findData(QStringLiteral("tls")));
    QTest::keyClicks(dialog.hostEdit(), QStringLiteral("kvm3.example"));
    QVERIFY(dialog.okButton()->isEnabled());
    QVERIFY(!dialog.noVerifyWarning()->isVisible());
    QTest::mouseClick(dialog.noVerifyBox(), Qt::LeftButton);
    QVERIFY(dialog.noVerifyWarning()->isVisible());
    QVERIFY(dialog.noVerifyWarning()->text().contains(QStringLiteral("Allow insecure connection")));
    QCOMPARE(dialog.uriView()->text(), QStringLiteral("qemu+tls://kvm3.example/system?no_verify=1"));
    QVERIFY(!dialog.okButton()->isEnabled());
    QTest::mouseClick(dialog.allowInsecureBox(), Qt::LeftButton);
    QVERIFY(dialog.okButton()->isEnabled());
}

void TestNodeDialog::editOpensPrefilled()
{
    NodeDialog dialog(inventory(), nullptr, QStringLiteral("kvm1"));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Edit Node kvm1"));
    QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("kvm1"));
    QCOMPARE(dialog.siteBox()->currentData().toString(), QStringLiteral("myodaiji"));
    QCOMPARE(dialog.transportBox()->currentData().toString(), QStringLiteral("libssh"));
    QCOMPARE(dialog.hostEdit()->text(), QStringLiteral("kvm1.example"));
    QCOMPARE(dialog.userEdit()->text(), QStringLiteral("ops"));
    QCOMPARE(dialog.portBox()->value(), 2222);
    QCOMPARE(dialog.knownHostsEdit()->text(), QStringLiteral("/etc/kumo/known_hosts"));
    QVERIFY(dialog.okButton()->isEnabled());
    QCOMPARE(dialog.nodeConfig(), *inventory().node(QStringLiteral("kvm1")));

    // A URI the fields cannot say opens as text.
    NodeDialog lab(inventory(), nullptr, QStringLiteral("lab"));
    QVERIFY(lab.isAdvanced());
    QCOMPARE(lab.uriTextEdit()->text(), QStringLiteral("test:///default"));
    QVERIFY(lab.readOnlyBox()->isChecked());
    QCOMPARE(lab.nodeConfig(), *inventory().node(QStringLiteral("lab")));
    lab.uriTextEdit()->setText(QStringLiteral("test:/broken"));
    QVERIFY(!lab.okButton()->isEnabled());
    QVERIFY(lab.problemLabel()->text().contains(QStringLiteral("not a valid libvirt URI")));
}

void TestNodeDialog::testConnectionReportsFacts()
{
    NodeDialog dialog(inventory(), nullptr, QStringLiteral("lab"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.testButton()->isEnabled());
    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
    QVERIFY(!dialog.testButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(dialog.testResult()->text().startsWith(QStringLiteral("Connected to")), 20000);
    const QString text = dialog.testResult()->text();
    QVERIFY2(text.contains(QStringLiteral("libvirt ")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("TEST")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("CPUs: 16")), qPrintable(text)); // the test driver's node
    QVERIFY2(text.contains(QStringLiteral("Memory: ")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Opened read-only.")), qPrintable(text));
    QVERIFY(dialog.testButton()->isEnabled());
}

void TestNodeDialog::testConnectionReportsErrors()
{
    NodeDialog dialog(inventory(), nullptr, QStringLiteral("lab"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.uriTextEdit()->setText(QStringLiteral("test:///no/such/file.xml"));
    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.testResult()->text().startsWith(QStringLiteral("The connection failed")),
                             20000);

    // An insecure URI without the permission never reaches libvirt; with it, the error is libvirt's.
    dialog.uriTextEdit()->setText(QStringLiteral("qemu+tcp://127.0.0.1:1/system"));
    QVERIFY(!dialog.testButton()->isEnabled());
    QVERIFY(dialog.problemLabel()->text().contains(QStringLiteral("unencrypted")));
}

void TestNodeDialog::closingWhileTestingDropsTheAnswer()
{
    auto* dialog = new NodeDialog(inventory(), nullptr, QStringLiteral("lab"));
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTest::mouseClick(dialog->testButton(), Qt::LeftButton);
    QTest::keyClick(dialog, Qt::Key_Escape);
    QCOMPARE(dialog->result(), int(QDialog::Rejected));
    delete dialog;
    // The test ends on its own; its answer finds no dialog and is dropped.
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();

    NodeDialog again(inventory(), nullptr, QStringLiteral("lab"));
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QTest::mouseClick(again.testButton(), Qt::LeftButton);
    const QString waiting = again.testResult()->text();
    QVERIFY(waiting.startsWith(QStringLiteral("Connecting read-only to")));
    again.reject();
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    QCOMPARE(again.testResult()->text(), waiting);
}

void TestNodeDialog::savingChangesTheFileAndTheWatcherSeesIt()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("inventory.toml"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(InventoryText);
    }
    ClusterController controller([](const NodeConfig&) -> NodeSession* { return nullptr; });
    InventoryWatcher watcher(path);
    const auto first = watcher.start();
    QVERIFY(first);
    controller.setInventory(first.value());
    connect(&watcher, &InventoryWatcher::inventoryChanged, &controller, &ClusterController::setInventory);
    QWidget window;
    ClusterSelection selection;
    NodeUiController nodes(&controller, &selection, &window);
    QVERIFY(!nodes.addAction()->isEnabled());
    nodes.setInventoryPath(path);
    QVERIFY(nodes.addAction()->isEnabled());
    QVERIFY(!nodes.editAction()->isEnabled());

    NodeDialog* dialog = nodes.openAddDialog();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("kvm2"));
    QTest::keyClicks(dialog->hostEdit(), QStringLiteral("kvm2.example"));
    QTest::mouseClick(dialog->migrationTlsBox(), Qt::LeftButton);
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY(controller.inventory().node(QStringLiteral("kvm2")));
    QCOMPARE(controller.inventory().node(QStringLiteral("kvm2"))->uri,
             QStringLiteral("qemu+ssh://kvm2.example/system"));
    QVERIFY(controller.inventory().node(QStringLiteral("kvm2"))->migrationTls);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    file.close();
    QVERIFY(saved.startsWith(InventoryText));

    selection.selectNodes({QStringLiteral("kvm1")});
    QVERIFY(nodes.editAction()->isEnabled());
    dialog = nodes.openEditDialog(QStringLiteral("kvm1"));
    QTest::mouseClick(dialog->readOnlyBox(), Qt::LeftButton);
    QTest::keyClick(dialog->nameEdit(), Qt::Key_Return);
    QTRY_VERIFY(controller.inventory().node(QStringLiteral("kvm1"))->readOnly);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("# via the bastion\nread_only = true\n"));
    file.close();

    nodes.setConfirmRemoval(false);
    nodes.removeNode(QStringLiteral("kvm2"));
    QTRY_VERIFY(!controller.inventory().node(QStringLiteral("kvm2")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray expected = InventoryText;
    expected.replace("# via the bastion\n", "# via the bastion\nread_only = true\n");
    QCOMPARE(file.readAll(), expected);
}

void TestNodeDialog::typedCampusIsNew()
{
    NodeDialog dialog(inventory(), nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(dialog.nameEdit(), QStringLiteral("kvm9"));
    QTest::keyClicks(dialog.hostEdit(), QStringLiteral("kvm9.example"));
    QVERIFY(dialog.okButton()->isEnabled());
    QCOMPARE(dialog.nodeConfig().site, QStringLiteral("myodaiji"));
    QVERIFY(!dialog.newSite());
    QVERIFY(!dialog.siteNote()->isVisible());

    // A name none of the campuses has: a new campus, said so under the field.
    dialog.siteBox()->lineEdit()->selectAll();
    QTest::keyClicks(dialog.siteBox()->lineEdit(), QStringLiteral("Tokyo Annex"));
    const std::optional<Site> site = dialog.newSite();
    QVERIFY(site);
    QCOMPARE(site->id, QStringLiteral("tokyo-annex"));
    QCOMPARE(site->name, QStringLiteral("Tokyo Annex"));
    QCOMPARE(dialog.nodeConfig().site, site->id);
    QVERIFY(dialog.siteNote()->isVisible());
    QVERIFY2(dialog.siteNote()->text().contains(QStringLiteral("Tokyo Annex")),
             qPrintable(dialog.siteNote()->text()));
    QVERIFY(dialog.okButton()->isEnabled());

    // A campus typed by its Japanese name or its id is the one the inventory has.
    for (const QString& typed : {QStringLiteral("山手地区"), QStringLiteral("yamate")}) {
        dialog.siteBox()->setEditText(typed); // QTest types Latin-1 only
        QCOMPARE(dialog.siteBox()->currentText(), typed);
        QVERIFY(!dialog.newSite());
        QCOMPARE(dialog.nodeConfig().site, QStringLiteral("yamate"));
        QVERIFY(!dialog.siteNote()->isVisible());
    }

    // No campus at all: OK waits for one.
    dialog.siteBox()->lineEdit()->clear();
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY2(dialog.problemLabel()->text().contains(QStringLiteral("campus")),
             qPrintable(dialog.problemLabel()->text()));
}

void TestNodeDialog::firstNodeCreatesTheInventory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A first start: no inventory and no folder for it; the watcher waits for the file.
    const QString path = dir.filePath(QStringLiteral("config/kumo/inventory.toml"));
    ClusterController controller([](const NodeConfig&) -> NodeSession* { return nullptr; });
    InventoryWatcher watcher(path);
    QCOMPARE(watcher.start().error().code, ErrorCode::NotFound);
    connect(&watcher, &InventoryWatcher::inventoryChanged, &controller, &ClusterController::setInventory);
    QWidget window;
    ClusterSelection selection;
    NodeUiController nodes(&controller, &selection, &window);
    nodes.setInventoryPath(path);
    QVERIFY(nodes.addAction()->isEnabled());

    NodeDialog* dialog = nodes.openAddDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QCOMPARE(dialog->siteBox()->count(), 0);
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("kvm1"));
    QTest::keyClicks(dialog->hostEdit(), QStringLiteral("kvm1.example"));
    QVERIFY(!dialog->okButton()->isEnabled());
    QTest::keyClicks(dialog->siteBox()->lineEdit(), QStringLiteral("Myodaiji"));
    QVERIFY2(dialog->okButton()->isEnabled(), qPrintable(dialog->problemLabel()->text()));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);

    QTRY_VERIFY(controller.inventory().node(QStringLiteral("kvm1")));
    QCOMPARE(controller.inventory().sites.size(), 1);
    QCOMPARE(controller.inventory().sites.constFirst().id, QStringLiteral("myodaiji"));
    QCOMPARE(controller.inventory().sites.constFirst().name, QStringLiteral("Myodaiji"));
    QCOMPARE(controller.inventory().node(QStringLiteral("kvm1"))->uri,
             QStringLiteral("qemu+ssh://kvm1.example/system"));
}

void TestNodeDialog::screenshots()
{
    const QString dir = qEnvironmentVariable("KUMO_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("Set KUMO_SCREENSHOTS=<dir> to write the documentation's screenshots.");
    QDir().mkpath(dir);
    Inventory shown = inventory();
    NodeConfig tls;
    tls.name = QStringLiteral("yamate-kvm3");
    tls.site = QStringLiteral("yamate");
    tls.uri = QStringLiteral("qemu+tls://yamate-kvm3.example.net/system");
    tls.migrationTls = true;
    shown.nodes.append(tls);
    for (const QString& lang : {QStringLiteral("en"), QStringLiteral("ja")}) {
        QVERIFY(language::install(lang));
        NodeDialog dialog(shown, nullptr, QStringLiteral("lab"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QVERIFY(!dialog.testButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(dialog.testButton()->isEnabled(), 20000);
        dialog.resize(dialog.width(), dialog.layout()->totalHeightForWidth(dialog.width()));
        // Above it, the fields of a TLS node with no_verify ticked: the warning and why OK is disabled.
        NodeDialog fields(shown, nullptr, QStringLiteral("yamate-kvm3"));
        fields.show();
        QVERIFY(QTest::qWaitForWindowExposed(&fields));
        QTest::mouseClick(fields.noVerifyBox(), Qt::LeftButton);
        fields.resize(dialog.width(), fields.layout()->totalHeightForWidth(dialog.width()));
        QCoreApplication::processEvents();
        const QPixmap top = fields.grab();
        const QPixmap bottom = dialog.grab();
        QPixmap both(std::max(top.width(), bottom.width()), top.height() + bottom.height() + 12);
        both.fill(Qt::white);
        QPainter painter(&both);
        painter.drawPixmap(0, 0, top);
        painter.drawPixmap(0, top.height() + 12, bottom);
        painter.end();
        QVERIFY(both.save(QDir(dir).filePath(QStringLiteral("node-dialog-%1.png").arg(lang))));
    }
    QVERIFY(language::install(QStringLiteral("en")));
}

QTEST_MAIN(TestNodeDialog)
#include "tst_nodedialog.moc"

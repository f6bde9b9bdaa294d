// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// NodeTableModel: fed by a ClusterController without sessions (snapshots applied directly)
// with QAbstractItemModelTester attached: state text, icon and tooltip of an unreachable node,
// maintenance from the inventory, one row per change, numeric sorting, filtering and
// retranslation; then real HostSessions on libvirt test-driver nodes, one of them unreachable.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "support/testdriver.h"
#include "ui/modelroles.h"
#include "ui/models/clusterfilterproxymodel.h"
#include "ui/models/nodetablemodel.h"

using namespace kumo;
using Column = NodeTableModel::Column;

namespace {

NodeConfig nodeConfig(const QString& name, const QString& site)
{
    NodeConfig n;
    n.name = name;
    n.site = site;
    n.uri = QStringLiteral("test:///default");
    return n;
}

Inventory threeNodes()
{
    Inventory inventory;
    inventory.sites = {
        Site{QStringLiteral("myodaiji"), QStringLiteral("Myodaiji"), QStringLiteral("明大寺地区"), {}, {}},
        Site{QStringLiteral("yamate"), QStringLiteral("Yamate"), QStringLiteral("山手地区"), {}, {}}};
    inventory.nodes = {nodeConfig(QStringLiteral("myodaiji-01"), QStringLiteral("myodaiji")),
                       nodeConfig(QStringLiteral("myodaiji-02"), QStringLiteral("myodaiji")),
                       nodeConfig(QStringLiteral("yamate-01"), QStringLiteral("yamate"))};
    return inventory;
}

constexpr quint64 kGiB = 1024 * 1024;

NodeSnapshot connected(const QString& node, double cpu = 5, quint64 totalKiB = 16 * kGiB,
                       quint64 freeKiB = 8 * kGiB)
{
    NodeSnapshot s;
    s.node = node;
    s.state = NodeState::Connected;
    s.cpus = 4;
    s.memoryTotalKiB = totalKiB;
    s.memoryFreeKiB = freeKiB;
    s.cpuUsagePercent = cpu;
    s.instanceCount = 3;
    s.runningCount = 2;
    return s;
}

NodeSnapshot unreachable(const QString& node)
{
    NodeSnapshot s;
    s.node = node;
    s.state = NodeState::Unreachable;
    s.error.code = ErrorCode::ConnectionFailed;
    s.error.object = node;
    s.error.message = QStringLiteral("Cannot reach the node's libvirt daemon.");
    s.error.detail = QStringLiteral("Failed to connect socket: Connection refused");
    s.reconnectInMs = 4000;
    return s;
}

ClusterController::SessionFactory noSessions()
{
    return [](const NodeConfig&) -> NodeSession* { return nullptr; };
}

QString cell(const QAbstractItemModel& model, int row, Column column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, int(column)), role).toString();
}

QStringList names(const QAbstractItemModel& model)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(cell(model, row, Column::Name));
    return values;
}

} // namespace

class TestNodeTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(language::install(QStringLiteral("en")));
        QCoreApplication::processEvents();
    }
    void rowsFollowTheInventory();
    void connectedNodeShowsFigures();
    void unreachableNodeShowsTextIconAndError();
    void maintenanceComesFromTheInventory();
    void notRespondingNodeShowsWords();
    void oneNodeChangeEmitsOneRow();
    void churnKeepsModelAndProxyConsistent();
    void sortAndFilter();
    void headersRetranslate();
    void realSessionsOnTheTestDriver();
};

void TestNodeTableModel::rowsFollowTheInventory()
{
    ClusterController controller(noSessions());
    Inventory inventory = threeNodes();
    controller.setInventory(inventory);
    NodeTableModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), NodeTableModel::ColumnCount);
    QCOMPARE(names(model), (QStringList{QStringLiteral("myodaiji-01"), QStringLiteral("myodaiji-02"),
                                        QStringLiteral("yamate-01")}));
    QCOMPARE(cell(model, 0, Column::Site), QStringLiteral("Myodaiji"));
    QCOMPARE(cell(model, 2, Column::Site), QStringLiteral("Yamate"));
    QCOMPARE(cell(model, 0, Column::Uri), QStringLiteral("test:///default"));
    QCOMPARE(cell(model, 0, Column::State), QStringLiteral("Connecting"));
    QCOMPARE(cell(model, 1, Column::Name, KeyRole), QStringLiteral("myodaiji-02"));

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    inventory.nodes.removeAt(1);
    inventory.nodes.append(nodeConfig(QStringLiteral("yamate-02"), QStringLiteral("yamate")));
    controller.setInventory(inventory);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(names(model), (QStringList{QStringLiteral("myodaiji-01"), QStringLiteral("yamate-01"),
                                        QStringLiteral("yamate-02")}));
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.rowOf(model.keyAt(row)), row);
    QCOMPARE(model.rowOf(QStringLiteral("myodaiji-02")), -1);
    QCOMPARE(model.indexOf(QStringLiteral("yamate-02"), Column::Site).data().toString(),
             QStringLiteral("Yamate"));
}

void TestNodeTableModel::connectedNodeShowsFigures()
{
    ClusterController controller(noSessions());
    controller.setInventory(threeNodes());
    NodeTableModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // 15.6 GiB total, 12.4 GiB free: 3.2 GiB used.
    controller.applyNodeSnapshot(connected(QStringLiteral("myodaiji-02"), 12.34, quint64(15.6 * double(kGiB)),
                                           quint64(12.4 * double(kGiB))));
    const int row = model.rowOf(QStringLiteral("myodaiji-02"));
    QCOMPARE(cell(model, row, Column::State), QStringLiteral("Connected"));
    QCOMPARE(cell(model, row, Column::Cpu), QStringLiteral("12 %"));
    QCOMPARE(cell(model, row, Column::Memory), QStringLiteral("3.2 / 15.6 GiB"));
    QCOMPARE(cell(model, row, Column::Instances), QStringLiteral("3"));
    QVERIFY(cell(model, row, Column::Instances, Qt::ToolTipRole).contains(QStringLiteral("2 running")));
    QCOMPARE(model.data(model.index(row, int(Column::Cpu)), SortRole).toDouble(), 12.34);
    QVERIFY(model.data(model.index(row, int(Column::Memory)), Qt::TextAlignmentRole).value<Qt::Alignment>() &
            Qt::AlignRight);
    // Not connected yet: no figures rather than zeros.
    QCOMPARE(cell(model, model.rowOf(QStringLiteral("yamate-01")), Column::Cpu), QStringLiteral("\u2014"));
}

void TestNodeTableModel::unreachableNodeShowsTextIconAndError()
{
    ClusterController controller(noSessions());
    controller.setInventory(threeNodes());
    NodeTableModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    controller.applyNodeSnapshot(connected(QStringLiteral("myodaiji-01")));
    controller.applyNodeSnapshot(unreachable(QStringLiteral("yamate-01")));

    const int row = model.rowOf(QStringLiteral("yamate-01"));
    const QModelIndex state = model.index(row, int(Column::State));
    QCOMPARE(state.data().toString(), QStringLiteral("Unreachable"));
    QCOMPARE(model.displayStateAt(row), NodeDisplayState::Unreachable);
    const QIcon icon = state.data(Qt::DecorationRole).value<QIcon>();
    QVERIFY(!icon.isNull());
    // The icon's shape differs from the connected node's, not just its colour.
    const QIcon connectedIcon = model.index(model.rowOf(QStringLiteral("myodaiji-01")), int(Column::State))
                                    .data(Qt::DecorationRole)
                                    .value<QIcon>();
    QVERIFY(icon.pixmap(16).toImage() != connectedIcon.pixmap(16).toImage());
    const QString tip = state.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("Cannot reach the node's libvirt daemon.")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Connection refused")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("4 s")), qPrintable(tip));
    QVERIFY(state.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("Unreachable")));
    QVERIFY(state.data(Qt::ForegroundRole).isValid());
    QCOMPARE(cell(model, row, Column::Memory), QStringLiteral("\u2014"));
}

void TestNodeTableModel::maintenanceComesFromTheInventory()
{
    ClusterController controller(noSessions());
    Inventory inventory = threeNodes();
    controller.setInventory(inventory);
    controller.applyNodeSnapshot(connected(QStringLiteral("myodaiji-02")));
    NodeTableModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    inventory.nodes[1].maintenance = true;
    controller.setInventory(inventory);
    const int row = model.rowOf(QStringLiteral("myodaiji-02"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.index(row, 0));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), model.index(row, NodeTableModel::ColumnCount - 1));
    QCOMPARE(cell(model, row, Column::State), QStringLiteral("Maintenance"));
    QCOMPARE(model.displayStateAt(row), NodeDisplayState::Maintenance);
    QVERIFY(!model.index(row, int(Column::State)).data(Qt::DecorationRole).value<QIcon>().isNull());
    // The tooltip still tells the connection state.
    QVERIFY(cell(model, row, Column::State, Qt::ToolTipRole).contains(QStringLiteral("Connected")));

    inventory.nodes[1].maintenance = false;
    controller.setInventory(inventory);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(cell(model, row, Column::State), QStringLiteral("Connected"));
}

void TestNodeTableModel::notRespondingNodeShowsWords()
{
    ClusterController controller(noSessions());
    controller.setInventory(threeNodes());
    NodeTableModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    NodeSnapshot hung;
    hung.node = QStringLiteral("myodaiji-02");
    hung.state = NodeState::NotResponding;
    hung.error =
        Error{ErrorCode::Timeout, hung.node, QStringLiteral("The node is not responding."), {}, 0, 0};
    controller.applyNodeSnapshot(hung);
    const int row = model.rowOf(hung.node);
    QCOMPARE(cell(model, row, Column::State), QStringLiteral("Not responding"));
    QCOMPARE(model.displayStateAt(row), NodeDisplayState::NotResponding);
    QVERIFY(!model.index(row, int(Column::State)).data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(model.index(row, int(Column::State)).data(Qt::ForegroundRole).isValid());
    QVERIFY(cell(model, row, Column::State, Qt::ToolTipRole).contains(QStringLiteral("not responding")));
    QCOMPARE(cell(model, row, Column::Memory), QStringLiteral("\u2014"));
}

void TestNodeTableModel::oneNodeChangeEmitsOneRow()
{
    ClusterController controller(noSessions());
    controller.setInventory(threeNodes());
    for (const QString& name : controller.nodeNames())
        controller.applyNodeSnapshot(connected(name));
    NodeTableModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // The same figures polled again: nothing.
    for (const QString& name : controller.nodeNames()) {
        NodeSnapshot again = connected(name);
        again.sampledAtMs = 5000;
        controller.applyNodeSnapshot(again);
    }
    QCOMPARE(changed.size(), 0);

    controller.applyNodeSnapshot(connected(QStringLiteral("myodaiji-02"), 77));
    QCOMPARE(changed.size(), 1);
    const int row = model.rowOf(QStringLiteral("myodaiji-02"));
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.index(row, int(Column::Cpu)));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), model.index(row, int(Column::Cpu)));
    QCOMPARE(cell(model, row, Column::Cpu), QStringLiteral("77 %"));

    // Losing the connection changes every figure of the row: still one signal.
    controller.applyNodeSnapshot(unreachable(QStringLiteral("myodaiji-02")));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(1).at(0).value<QModelIndex>(), model.index(row, 0));
    QCOMPARE(changed.at(1).at(1).value<QModelIndex>(), model.index(row, NodeTableModel::ColumnCount - 1));
}

void TestNodeTableModel::churnKeepsModelAndProxyConsistent()
{
    ClusterController controller(noSessions());
    Inventory inventory = threeNodes();
    controller.setInventory(inventory);
    NodeTableModel model(&controller);
    ClusterFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(int(Column::Cpu), Qt::AscendingOrder);
    proxy.setFilterText(QStringLiteral("site:yamate"));
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    QRandomGenerator random(7);
    int next = 10;
    for (int round = 0; round < 200; ++round) {
        const int kind = random.bounded(6);
        if (kind == 0) {
            inventory.nodes.append(
                nodeConfig(QStringLiteral("%1-%2")
                               .arg(random.bounded(2) ? QStringLiteral("yamate") : QStringLiteral("myodaiji"))
                               .arg(next++),
                           random.bounded(2) ? QStringLiteral("yamate") : QStringLiteral("myodaiji")));
            controller.setInventory(inventory);
        } else if (kind == 1 && inventory.nodes.size() > 1) {
            inventory.nodes.removeAt(random.bounded(int(inventory.nodes.size())));
            controller.setInventory(inventory);
        } else if (kind == 2) {
            NodeConfig& config = inventory.nodes[random.bounded(int(inventory.nodes.size()))];
            config.maintenance = !config.maintenance;
            if (random.bounded(2))
                config.site = config.site == QStringLiteral("yamate") ? QStringLiteral("myodaiji")
                                                                      : QStringLiteral("yamate");
            controller.setInventory(inventory);
        } else {
            const QString name = inventory.nodes.at(random.bounded(int(inventory.nodes.size()))).name;
            controller.applyNodeSnapshot(kind == 3 ? unreachable(name)
                                                   : connected(name, random.bounded(100.0)));
        }

        QCOMPARE(model.rowCount(), int(inventory.nodes.size()));
        int yamate = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString name = model.keyAt(row);
            QCOMPARE(model.rowOf(name), row);
            const NodeConfig* config = inventory.node(name);
            QVERIFY(config);
            QCOMPARE(model.displayStateAt(row) == NodeDisplayState::Maintenance, config->maintenance);
            yamate += config->site == QStringLiteral("yamate") ? 1 : 0;
        }
        QCOMPARE(proxy.rowCount(), yamate);
        for (int row = 1; row < proxy.rowCount(); ++row)
            QVERIFY(proxy.index(row - 1, int(Column::Cpu)).data(SortRole).toDouble() <=
                    proxy.index(row, int(Column::Cpu)).data(SortRole).toDouble());
    }
}

void TestNodeTableModel::sortAndFilter()
{
    ClusterController controller(noSessions());
    controller.setInventory(threeNodes());
    NodeTableModel model(&controller);
    ClusterFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // As text, "100 %" < "9 %" and "10.0 / ..." < "9.0 / ...".
    controller.applyNodeSnapshot(connected(QStringLiteral("myodaiji-01"), 100, 64 * kGiB, 54 * kGiB));
    controller.applyNodeSnapshot(connected(QStringLiteral("myodaiji-02"), 9, 64 * kGiB, 55 * kGiB));
    controller.applyNodeSnapshot(unreachable(QStringLiteral("yamate-01")));

    proxy.sort(int(Column::Cpu), Qt::DescendingOrder);
    QCOMPARE(names(proxy), (QStringList{QStringLiteral("myodaiji-01"), QStringLiteral("myodaiji-02"),
                                        QStringLiteral("yamate-01")}));
    proxy.sort(int(Column::Memory), Qt::AscendingOrder);
    QCOMPARE(names(proxy), (QStringList{QStringLiteral("yamate-01"), QStringLiteral("myodaiji-02"),
                                        QStringLiteral("myodaiji-01")}));

    proxy.setFilterText(QStringLiteral("state:unreachable"));
    QCOMPARE(names(proxy), QStringList{QStringLiteral("yamate-01")});
    proxy.setFilterText(QStringLiteral("site:myodaiji"));
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setFilterText(QStringLiteral("02"));
    QCOMPARE(names(proxy), QStringList{QStringLiteral("myodaiji-02")});
    QVERIFY(proxy.indexOfKey(QStringLiteral("myodaiji-02")).isValid());
    QVERIFY(!proxy.indexOfKey(QStringLiteral("myodaiji-01")).isValid()); // filtered out
    proxy.setFilterText(QString());
    QCOMPARE(proxy.indexOfKey(QStringLiteral("yamate-01"), int(Column::State)).data().toString(),
             QStringLiteral("Unreachable"));
}

void TestNodeTableModel::headersRetranslate()
{
    ClusterController controller(noSessions());
    controller.setInventory(threeNodes());
    NodeTableModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    QVERIFY(language::install(QStringLiteral("ja")));
    QTRY_COMPARE(headers.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(headers.at(0).at(1).toInt(), 0);
    QCOMPARE(headers.at(0).at(2).toInt(), NodeTableModel::ColumnCount - 1);
    QCOMPARE(model.headerData(int(Column::Site), Qt::Horizontal).toString(),
             QCoreApplication::translate("kumo::NodeTableModel", "Site"));
    QCOMPARE(cell(model, 0, Column::Site), QStringLiteral("明大寺地区"));
    QCOMPARE(cell(model, 0, Column::State),
             QCoreApplication::translate("kumo::State", "Connecting", "node state"));
    QVERIFY(cell(model, 0, Column::State) != QStringLiteral("Connecting"));

    QVERIFY(language::install(QStringLiteral("en")));
    QTRY_COMPARE(headers.size(), 2);
    QCOMPARE(cell(model, 0, Column::Site), QStringLiteral("Myodaiji"));
    QCOMPARE(model.headerData(int(Column::Site), Qt::Horizontal).toString(), QStringLiteral("Site"));
}

void TestNodeTableModel::realSessionsOnTheTestDriver()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TestCluster cluster = generateTestCluster(dir.path(), 2, 1, 3);
    QCOMPARE(cluster.nodes.size(), 2);
    // A third node whose test-driver file does not exist: libvirt refuses to open it.
    NodeConfig missing = nodeConfig(QStringLiteral("yamate-99"), QStringLiteral("yamate"));
    missing.uri = QStringLiteral("test://") + QDir(dir.path()).filePath(QStringLiteral("missing.xml"));
    cluster.inventory.nodes.append(missing);

    ClusterController controller;
    NodeTableModel model(&controller);
    ClusterFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    controller.setInventory(cluster.inventory);
    QCOMPARE(model.rowCount(), 3);

    QTRY_COMPARE_WITH_TIMEOUT(controller.connectedNodeCount(), 2, 20000);
    for (const TestNode& node : cluster.nodes) {
        const int row = model.rowOf(node.name);
        QTRY_COMPARE_WITH_TIMEOUT(cell(model, row, Column::Instances), QStringLiteral("3"), 20000);
        QCOMPARE(cell(model, row, Column::State), QStringLiteral("Connected"));
        QVERIFY(cell(model, row, Column::Memory).contains(QStringLiteral(" / ")));
        QCOMPARE(cell(model, row, Column::Uri), cluster.inventory.node(node.name)->uri);
    }
    const int bad = model.rowOf(missing.name);
    QTRY_COMPARE_WITH_TIMEOUT(model.displayStateAt(bad), NodeDisplayState::Unreachable, 20000);
    QCOMPARE(cell(model, bad, Column::State), QStringLiteral("Unreachable"));
    QVERIFY(!cell(model, bad, Column::State, Qt::ToolTipRole).isEmpty());
    QVERIFY(!model.index(bad, int(Column::State)).data(Qt::DecorationRole).value<QIcon>().isNull());
    proxy.setFilterText(QStringLiteral("state:unreachable"));
    QCOMPARE(proxy.rowCount(), 1);
    controller.shutdown();
}

QTEST_MAIN(TestNodeTableModel)
#include "tst_nodetablemodel.moc"

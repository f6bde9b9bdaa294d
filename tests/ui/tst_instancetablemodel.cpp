// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// InstanceTableModel and ClusterFilterProxyModel: fed by a ClusterController without sessions
// (snapshots applied directly) under random churn with QAbstractItemModelTester attached, the
// "no change, no signal" rule, numeric sorting, the filter language, uptime and retranslation;
// then on a generated libvirt test-driver cluster with real HostSessions.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "app/probes/serviceprober.h"
#include "support/testdriver.h"
#include "ui/modelformat.h"
#include "ui/modelroles.h"
#include "ui/models/clusterfilterproxymodel.h"
#include "ui/models/instancetablemodel.h"

using namespace kumo;
using Column = InstanceTableModel::Column;

namespace {

Inventory threeNodes()
{
    Inventory inventory;
    inventory.sites = {
        Site{QStringLiteral("myodaiji"), QStringLiteral("Myodaiji"), QStringLiteral("明大寺地区"), {}, {}},
        Site{QStringLiteral("yamate"), QStringLiteral("Yamate"), QStringLiteral("山手地区"), {}, {}}};
    const auto node = [](const QString& name, const QString& site) {
        NodeConfig n;
        n.name = name;
        n.site = site;
        n.uri = QStringLiteral("test:///default");
        return n;
    };
    inventory.nodes = {node(QStringLiteral("myodaiji-01"), QStringLiteral("myodaiji")),
                       node(QStringLiteral("myodaiji-02"), QStringLiteral("myodaiji")),
                       node(QStringLiteral("yamate-01"), QStringLiteral("yamate"))};
    return inventory;
}

InstanceSnapshot vm(const QString& name, const QString& node, InstanceState state = InstanceState::Running,
                    double cpu = 1.0, quint64 memoryKiB = 1024 * 1024)
{
    InstanceSnapshot s;
    s.uuid = QStringLiteral("uuid-") + name;
    s.name = name;
    s.node = node;
    s.state = state;
    s.vcpus = 1;
    s.memoryKiB = memoryKiB;
    s.maxMemoryKiB = memoryKiB;
    s.cpuPercent = cpu;
    return s;
}

NodeSnapshot connected(const QString& node)
{
    NodeSnapshot s;
    s.node = node;
    s.state = NodeState::Connected;
    s.cpus = 4;
    s.memoryTotalKiB = 8 * 1024 * 1024;
    s.memoryFreeKiB = 4 * 1024 * 1024;
    s.cpuUsagePercent = 5;
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

QStringList columnValues(const QAbstractItemModel& model, Column column)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(cell(model, row, column));
    return values;
}

} // namespace

class TestInstanceTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(language::install(QStringLiteral("en")));
        QCoreApplication::processEvents(); // models of earlier tests are gone; nothing is pending
    }
    void populatesFromTheControllerAndFollowsMembership();
    void refreshWithoutChangeEmitsNothing();
    void oneCpuChangeEmitsOneRow();
    void moveEmitsOneRowWithTheNewNode();
    void aBatchOfNewInstancesIsOneBlockOfRows();
    void churnKeepsModelAndProxyConsistent();
    void filterNarrowsTheProxy();
    void sortingIsNumeric();
    void uptimeIsALowerBoundWhenFirstSeenRunning();
    void inventoryChangeUpdatesOnlyAffectedRows();
    void durationsAreCoarse();
    void headersRetranslate();
    void realSessionsOnTheTestDriver();
    void serviceColumnFollowsTheProber();
};

void TestInstanceTableModel::populatesFromTheControllerAndFollowsMembership()
{
    ClusterController controller(noSessions());
    controller.setInventory(threeNodes());
    controller.applyInstances(QStringLiteral("myodaiji-01"),
                              {vm(QStringLiteral("mail"), QStringLiteral("myodaiji-01")),
                               vm(QStringLiteral("dns"), QStringLiteral("myodaiji-01"))});
    InstanceTableModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), InstanceTableModel::ColumnCount);
    const int mail = model.rowOf(QStringLiteral("uuid-mail"));
    QVERIFY(mail >= 0);
    QCOMPARE(cell(model, mail, Column::Name), QStringLiteral("mail"));
    QCOMPARE(cell(model, mail, Column::State), QStringLiteral("Running"));
    QCOMPARE(cell(model, mail, Column::Node), QStringLiteral("myodaiji-01"));
    QCOMPARE(cell(model, mail, Column::Site), QStringLiteral("Myodaiji"));
    QCOMPARE(cell(model, mail, Column::Vcpus), QStringLiteral("1"));
    QCOMPARE(cell(model, mail, Column::Memory), QStringLiteral("1.0 GiB"));
    QCOMPARE(cell(model, mail, Column::Cpu), QStringLiteral("1 %"));
    QCOMPARE(cell(model, mail, Column::Name, KeyRole), QStringLiteral("uuid-mail"));
    QVERIFY(!model.data(model.index(mail, int(Column::State)), Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(model.data(model.index(mail, int(Column::Cpu)), Qt::TextAlignmentRole).value<Qt::Alignment>() &
            Qt::AlignRight);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    controller.applyInstances(QStringLiteral("myodaiji-01"),
                              {vm(QStringLiteral("dns"), QStringLiteral("myodaiji-01")),
                               vm(QStringLiteral("web"), QStringLiteral("myodaiji-01"))});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(QStringLiteral("uuid-mail")), -1);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.rowOf(model.keyAt(row)), row);
    QCOMPARE(cell(model, model.rowOf(QStringLiteral("uuid-web")), Column::Name), QStringLiteral("web"));
}

void TestInstanceTableModel::refreshWithoutChangeEmitsNothing()
{
    ClusterController controller(noSessions());
    controller.setInventory(threeNodes());
    const QList<InstanceSnapshot> list = {
        vm(QStringLiteral("a"), QStringLiteral("yamate-01")),
        vm(QStringLiteral("b"), QStringLiteral("yamate-01"), InstanceState::ShutOff)};
    controller.applyNodeSnapshot(connected(QStringLiteral("yamate-01")));
    controller.applyInstances(QStringLiteral("yamate-01"), list);
    InstanceTableModel model(&controller);
    ClusterFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy layout(&proxy, &QAbstractItemModel::layoutChanged);
    QSignalSpy proxyChanged(&proxy, &QAbstractItemModel::dataChanged);

    QList<InstanceSnapshot> later = list;
    for (InstanceSnapshot& s : later)
        s.sampledAtMs += 2000; // a later poll seeing the same figures
    controller.applyInstances(QStringLiteral("yamate-01"), later);
    controller.applyNodeSnapshot(connected(QStringLiteral("yamate-01")));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(proxyChanged.size(), 0);
    QCOMPARE(layout.size(), 0);
}

void TestInstanceTableModel::oneCpuChangeEmitsOneRow()
{
    ClusterController controller(noSessions());
    controller.setInventory(threeNodes());
    QList<InstanceSnapshot> list;
    for (int i = 0; i < 10; ++i)
        list.append(vm(QStringLiteral("vm%1").arg(i), QStringLiteral("myodaiji-02")));
    controller.applyInstances(QStringLiteral("myodaiji-02"), list);
    InstanceTableModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    list[6].cpuPercent = 42.5;
    controller.applyInstances(QStringLiteral("myodaiji-02"), list);
    QCOMPARE(changed.size(), 1);
    const int row = model.rowOf(QStringLiteral("uuid-vm6"));
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), row);
    QCOMPARE(bottomRight.row(), row);
    // Only the CPU cell: a proxy sorted by another column has nothing to re-sort.
    QCOMPARE(topLeft.column(), int(Column::Cpu));
    QCOMPARE(bottomRight.column(), int(Column::Cpu));
    QCOMPARE(cell(model, row, Column::Cpu), QStringLiteral("43 %"));
    QCOMPARE(model.data(model.index(row, int(Column::Cpu)), SortRole).toDouble(), 42.5);

    // A state change spans State to Uptime (CPU and uptime follow the state).
    list[6].state = InstanceState::ShutOff;
    controller.applyInstances(QStringLiteral("myodaiji-02"), list);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(1).at(0).value<QModelIndex>(), model.index(row, int(Column::State)));
    QCOMPARE(changed.at(1).at(1).value<QModelIndex>(), model.index(row, int(Column::Uptime)));

    // The controller reports a change the table does not show (autostart): no signal.
    QSignalSpy controllerChanged(&controller, &ClusterController::instanceChanged);
    list[3].autostart = true;
    controller.applyInstances(QStringLiteral("myodaiji-02"), list);
    QCOMPARE(controllerChanged.size(), 1);
    QCOMPARE(changed.size(), 2);
}

void TestInstanceTableModel::aBatchOfNewInstancesIsOneBlockOfRows()
{
    ClusterController controller(noSessions());
    controller.setInventory(threeNodes());
    InstanceTableModel model(&controller);
    ClusterFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(int(Column::Name), Qt::AscendingOrder);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    // One list of 20 new instances: one insertion of 20 rows, there as soon as the list is applied.
    QList<InstanceSnapshot> list;
    for (int i = 19; i >= 0; --i)
        list.append(vm(QStringLiteral("vm%1").arg(i, 2, 10, QLatin1Char('0')), QStringLiteral("yamate-01")));
    controller.applyInstances(QStringLiteral("yamate-01"), list);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 19);
    QCOMPARE(model.rowCount(), 20);
    QCOMPARE(model.keyAt(0), QStringLiteral("uuid-vm19")); // in the order the node listed them
    QCOMPARE(proxy.rowCount(), 20);
    for (int row = 0; row < 20; ++row)
        QCOMPARE(cell(proxy, row, Column::Name), QStringLiteral("vm%1").arg(row, 2, 10, QLatin1Char('0')));

    // An instance announced and gone again before the batch ends never becomes a row.
    inserted.clear();
    Q_EMIT controller.instanceAdded(QStringLiteral("uuid-gone"));
    Q_EMIT controller.instancesSettled();
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(model.rowCount(), 20);

    // A batch that ends without instancesSettled still arrives, on the next pass of the event loop,
    // as the controller shows the instance then.
    controller.blockSignals(true);
    controller.applyInstances(QStringLiteral("myodaiji-01"),
                              {vm(QStringLiteral("late"), QStringLiteral("myodaiji-01"))});
    controller.blockSignals(false);
    Q_EMIT controller.instanceAdded(QStringLiteral("uuid-late"));
    controller.blockSignals(true);
    controller.applyInstances(
        QStringLiteral("myodaiji-01"),
        {vm(QStringLiteral("late"), QStringLiteral("myodaiji-01"), InstanceState::Paused)});
    controller.blockSignals(false);
    QCOMPARE(model.rowOf(QStringLiteral("uuid-late")), -1);
    QTRY_COMPARE(model.rowCount(), 21);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(cell(model, model.rowOf(QStringLiteral("uuid-late")), Column::State), QStringLiteral("Paused"));
}

void TestInstanceTableModel::moveEmitsOneRowWithTheNewNode()
{
    ClusterController controller(noSessions());
    controller.setInventory(threeNodes());
    InstanceSnapshot mail = vm(QStringLiteral("mail"), QStringLiteral("myodaiji-01"));
    controller.applyInstances(QStringLiteral("myodaiji-01"), {mail});
    InstanceTableModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    // Migration finished: gone from the source, running on the destination, CPU changed too.
    InstanceSnapshot moved = mail;
    moved.node = QStringLiteral("yamate-01");
    moved.cpuPercent = 7;
    controller.applyInstances(QStringLiteral("yamate-01"), {moved});
    controller.applyInstances(QStringLiteral("myodaiji-01"), {});
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(cell(model, 0, Column::Node), QStringLiteral("yamate-01"));
    QCOMPARE(cell(model, 0, Column::Site), QStringLiteral("Yamate"));
    QCOMPARE(cell(model, 0, Column::Cpu), QStringLiteral("7 %"));
}

void TestInstanceTableModel::churnKeepsModelAndProxyConsistent()
{
    ClusterController controller(noSessions());
    const Inventory inventory = threeNodes();
    controller.setInventory(inventory);
    InstanceTableModel model(&controller);
    ClusterFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(int(Column::Cpu), Qt::DescendingOrder);
    proxy.setFilterText(QStringLiteral("state:running"));
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    // What each node reports; the same UUID on another node means a move.
    QHash<QString, QList<InstanceSnapshot>> perNode;
    QRandomGenerator random(20260401);
    int nextName = 0;
    const InstanceState states[] = {InstanceState::Running, InstanceState::Paused, InstanceState::ShutOff,
                                    InstanceState::Crashed};
    for (int round = 0; round < 150; ++round) {
        const QString node = inventory.nodes.at(random.bounded(int(inventory.nodes.size()))).name;
        QList<InstanceSnapshot>& list = perNode[node];
        const int ops = 1 + random.bounded(5);
        for (int op = 0; op < ops; ++op) {
            const int kind = random.bounded(4);
            if (kind == 0 || list.isEmpty()) {
                list.append(vm(QStringLiteral("vm%1").arg(nextName++), node, states[random.bounded(4)],
                               random.bounded(100.0), quint64(256 + random.bounded(8192)) * 1024));
            } else if (kind == 1) {
                list.removeAt(random.bounded(int(list.size())));
            } else if (kind == 2) {
                InstanceSnapshot& s = list[random.bounded(int(list.size()))];
                s.cpuPercent = random.bounded(100.0);
                if (random.bounded(3) == 0)
                    s.state = states[random.bounded(4)];
            } else {
                const QString to = inventory.nodes.at(random.bounded(int(inventory.nodes.size()))).name;
                if (to == node)
                    continue;
                InstanceSnapshot s = list.takeAt(random.bounded(int(list.size())));
                s.node = to;
                perNode[to].append(s);
                controller.applyInstances(to, perNode[to]);
            }
        }
        controller.applyInstances(node, list);

        QCOMPARE(model.rowCount(), controller.instanceCount());
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString uuid = model.keyAt(row);
            QCOMPARE(model.rowOf(uuid), row);
            const InstanceSnapshot* s = controller.instance(uuid);
            QVERIFY(s);
            QCOMPARE(cell(model, row, Column::Name), s->name);
            QCOMPARE(cell(model, row, Column::Node), s->node);
        }
        int running = 0;
        for (const InstanceSnapshot& s : controller.instances())
            running += s.state == InstanceState::Running ? 1 : 0;
        QCOMPARE(proxy.rowCount(), running);
        for (int row = 1; row < proxy.rowCount(); ++row)
            QVERIFY(proxy.index(row - 1, int(Column::Cpu)).data(SortRole).toDouble() >=
                    proxy.index(row, int(Column::Cpu)).data(SortRole).toDouble());
    }
    QVERIFY(nextName > 50);
}

void TestInstanceTableModel::filterNarrowsTheProxy()
{
    ClusterController controller(noSessions());
    controller.setInventory(threeNodes());
    controller.applyInstances(
        QStringLiteral("myodaiji-01"),
        {vm(QStringLiteral("mail"), QStringLiteral("myodaiji-01")),
         vm(QStringLiteral("dns"), QStringLiteral("myodaiji-01"), InstanceState::ShutOff)});
    controller.applyInstances(
        QStringLiteral("yamate-01"),
        {vm(QStringLiteral("web"), QStringLiteral("yamate-01")),
         vm(QStringLiteral("mailbackup"), QStringLiteral("yamate-01"), InstanceState::Paused)});
    InstanceTableModel model(&controller);
    ClusterFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(int(Column::Name));
    QCOMPARE(proxy.rowCount(), 4);

    const auto names = [&](const QString& filter) {
        proxy.setFilterText(filter);
        return columnValues(proxy, Column::Name);
    };
    QCOMPARE(names(QStringLiteral("MAIL")),
             (QStringList{QStringLiteral("mail"), QStringLiteral("mailbackup")}));
    QCOMPARE(names(QStringLiteral("shut")), QStringList{QStringLiteral("dns")});
    QCOMPARE(names(QStringLiteral("yamate-01")),
             (QStringList{QStringLiteral("mailbackup"), QStringLiteral("web")}));
    QCOMPARE(names(QStringLiteral("Myodaiji")), (QStringList{QStringLiteral("dns"), QStringLiteral("mail")}));
    QCOMPARE(names(QStringLiteral("state:running")),
             (QStringList{QStringLiteral("mail"), QStringLiteral("web")}));
    QCOMPARE(names(QStringLiteral("state:running node:yamate-01")), QStringList{QStringLiteral("web")});
    QCOMPARE(names(QStringLiteral("site:yamate mail")), QStringList{QStringLiteral("mailbackup")});
    QCOMPARE(names(QStringLiteral("State:\"shut off\"")), QStringList{QStringLiteral("dns")});
    // A key alone (still typing) does not hide anything; a word that matches nothing hides all.
    QCOMPARE(names(QStringLiteral("state:")).size(), 4);
    QCOMPARE(names(QStringLiteral("nothing-like-this")).size(), 0);
    // "node:" matches the node column only, not the name that happens to contain it.
    QCOMPARE(names(QStringLiteral("node:mail")).size(), 0);
    QCOMPARE(names(QString()).size(), 4);

    // A state term begins a state word: "run" finds running, "unning" nothing; in Japanese 停止
    // (shut off is 停止中) does not find 一時停止中 (paused), though it contains it.
    QCOMPARE(names(QStringLiteral("state:run")),
             (QStringList{QStringLiteral("mail"), QStringLiteral("web")}));
    QCOMPARE(names(QStringLiteral("state:unning")).size(), 0);
    QCOMPARE(names(QStringLiteral("state:off")), QStringList{QStringLiteral("dns")});
    QVERIFY(language::install(QStringLiteral("ja")));
    QTRY_COMPARE(cell(model, model.rowOf(QStringLiteral("uuid-mailbackup")), Column::State),
                 QStringLiteral("一時停止中"));
    QCOMPARE(cell(model, model.rowOf(QStringLiteral("uuid-dns")), Column::State), QStringLiteral("停止中"));
    QCOMPARE(names(QStringLiteral("状態:停止")), QStringList{QStringLiteral("dns")});
    QCOMPARE(names(QStringLiteral("状態:一時停止")), QStringList{QStringLiteral("mailbackup")});
    QCOMPARE(names(QStringLiteral("state:paused")), QStringList{QStringLiteral("mailbackup")});
    QVERIFY(language::install(QStringLiteral("en")));
    QTRY_COMPARE(cell(model, model.rowOf(QStringLiteral("uuid-dns")), Column::State),
                 QStringLiteral("Shut off"));

    // The filter follows changes: dns starts and now matches state:running.
    proxy.setFilterText(QStringLiteral("state:running"));
    controller.applyInstances(QStringLiteral("myodaiji-01"),
                              {vm(QStringLiteral("mail"), QStringLiteral("myodaiji-01")),
                               vm(QStringLiteral("dns"), QStringLiteral("myodaiji-01"))});
    QCOMPARE(columnValues(proxy, Column::Name),
             (QStringList{QStringLiteral("dns"), QStringLiteral("mail"), QStringLiteral("web")}));
}

void TestInstanceTableModel::sortingIsNumeric()
{
    ClusterController controller(noSessions());
    controller.setInventory(threeNodes());
    // As text these would sort "10", "100", "9" and "16 GiB" < "2 GiB" < "512 MiB".
    controller.applyInstances(
        QStringLiteral("myodaiji-01"),
        {vm(QStringLiteral("a"), QStringLiteral("myodaiji-01"), InstanceState::Running, 100, 2 * 1024 * 1024),
         vm(QStringLiteral("b"), QStringLiteral("myodaiji-01"), InstanceState::Running, 9, 16 * 1024 * 1024),
         vm(QStringLiteral("c"), QStringLiteral("myodaiji-01"), InstanceState::Running, 10, 512 * 1024)});
    InstanceTableModel model(&controller);
    ClusterFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    proxy.sort(int(Column::Cpu), Qt::AscendingOrder);
    QCOMPARE(columnValues(proxy, Column::Name),
             (QStringList{QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("a")}));
    proxy.sort(int(Column::Memory), Qt::AscendingOrder);
    QCOMPARE(columnValues(proxy, Column::Name),
             (QStringList{QStringLiteral("c"), QStringLiteral("a"), QStringLiteral("b")}));
    proxy.sort(int(Column::Memory), Qt::DescendingOrder);
    QCOMPARE(columnValues(proxy, Column::Name),
             (QStringList{QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c")}));

    // Dynamic sorting: a CPU change moves the row.
    proxy.sort(int(Column::Cpu), Qt::AscendingOrder);
    controller.applyInstances(
        QStringLiteral("myodaiji-01"),
        {vm(QStringLiteral("a"), QStringLiteral("myodaiji-01"), InstanceState::Running, 1, 2 * 1024 * 1024),
         vm(QStringLiteral("b"), QStringLiteral("myodaiji-01"), InstanceState::Running, 9, 16 * 1024 * 1024),
         vm(QStringLiteral("c"), QStringLiteral("myodaiji-01"), InstanceState::Running, 10, 512 * 1024)});
    QCOMPARE(columnValues(proxy, Column::Name),
             (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
}

void TestInstanceTableModel::uptimeIsALowerBoundWhenFirstSeenRunning()
{
    ClusterController controller(noSessions());
    controller.setInventory(threeNodes());
    InstanceSnapshot early = vm(QStringLiteral("early"), QStringLiteral("yamate-01"));
    InstanceSnapshot later = vm(QStringLiteral("later"), QStringLiteral("yamate-01"), InstanceState::ShutOff);
    controller.applyInstances(QStringLiteral("yamate-01"), {early, later});
    InstanceTableModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int earlyRow = model.rowOf(early.uuid);
    const int laterRow = model.rowOf(later.uuid);

    bool exact = true;
    QVERIFY(model.uptimeSeconds(earlyRow, &exact) >= 0);
    QVERIFY(!exact);
    // Seen running for less than a minute, started who knows when: no figure rather than "≥ 0 min".
    QCOMPARE(cell(model, earlyRow, Column::Uptime), QString());
    QVERIFY(!cell(model, earlyRow, Column::Uptime, Qt::ToolTipRole).isEmpty());
    QCOMPARE(model.uptimeSeconds(laterRow), -1);
    QCOMPARE(model.data(model.index(laterRow, int(Column::Uptime)), SortRole).toLongLong(), -1);

    // Seen starting: the console knows the uptime exactly.
    later.state = InstanceState::Running;
    controller.applyInstances(QStringLiteral("yamate-01"), {early, later});
    QVERIFY(model.uptimeSeconds(laterRow, &exact) >= 0);
    QVERIFY(exact);
    QCOMPARE(cell(model, laterRow, Column::Uptime), QStringLiteral("< 1 min"));
    // Suspending keeps the guest up; shutting it off ends the uptime.
    later.state = InstanceState::Paused;
    controller.applyInstances(QStringLiteral("yamate-01"), {early, later});
    QVERIFY(model.uptimeSeconds(laterRow) >= 0);
    later.state = InstanceState::ShutOff;
    controller.applyInstances(QStringLiteral("yamate-01"), {early, later});
    QCOMPARE(model.uptimeSeconds(laterRow), -1);

    // The minute tick: one dataChanged spanning the Uptime column of every row.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.refreshUptime();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.index(0, int(Column::Uptime)));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(),
             model.index(model.rowCount() - 1, int(Column::Uptime)));
}

void TestInstanceTableModel::inventoryChangeUpdatesOnlyAffectedRows()
{
    ClusterController controller(noSessions());
    Inventory inventory = threeNodes();
    controller.setInventory(inventory);
    controller.applyInstances(QStringLiteral("myodaiji-01"),
                              {vm(QStringLiteral("a"), QStringLiteral("myodaiji-01"))});
    controller.applyInstances(QStringLiteral("yamate-01"),
                              {vm(QStringLiteral("b"), QStringLiteral("yamate-01"))});
    InstanceTableModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    inventory.sites[1].name = QStringLiteral("Yamate campus");
    controller.setInventory(inventory);
    QCOMPARE(changed.size(), 1);
    const int row = model.rowOf(QStringLiteral("uuid-b"));
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.index(row, int(Column::Site)));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), model.index(row, int(Column::Site)));
    QCOMPARE(cell(model, row, Column::Site), QStringLiteral("Yamate campus"));

    // A change that no instance row shows emits nothing.
    inventory.pollIntervalMs = 5000;
    controller.setInventory(inventory);
    QCOMPARE(changed.size(), 1);
}

void TestInstanceTableModel::durationsAreCoarse()
{
    QCOMPARE(format::duration(59), QStringLiteral("< 1 min"));
    QCOMPARE(format::duration(5 * 60 + 59), QStringLiteral("5 min"));
    QCOMPARE(format::duration(3 * 3600 + 12 * 60 + 5), QStringLiteral("3 h 12 min"));
    QCOMPARE(format::duration(2 * 86400 + 4 * 3600 + 59 * 60), QStringLiteral("2 d 4 h"));
    QCOMPARE(format::durationAtLeast(30), QString());
    QCOMPARE(format::durationAtLeast(300), QStringLiteral("≥ 5 min"));
    QCOMPARE(format::memoryKiB(512 * 1024), QStringLiteral("512 MiB"));
    QCOMPARE(format::usedOfTotalKiB(256 * 1024, 512 * 1024), QStringLiteral("256 / 512 MiB"));
    QCOMPARE(format::percent(-1), QStringLiteral("\u2014"));
}

void TestInstanceTableModel::headersRetranslate()
{
    ClusterController controller(noSessions());
    controller.setInventory(threeNodes());
    controller.applyInstances(QStringLiteral("myodaiji-01"),
                              {vm(QStringLiteral("a"), QStringLiteral("myodaiji-01"))});
    InstanceTableModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.headerData(int(Column::State), Qt::Horizontal).toString(), QStringLiteral("State"));
    QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    QVERIFY(language::install(QStringLiteral("ja")));
    // Queued once per switch, however many translators the switch replaced.
    QTRY_COMPARE(headers.size(), 1);
    QCoreApplication::processEvents();
    QCOMPARE(headers.size(), 1);
    QCOMPARE(headers.at(0).at(0).value<Qt::Orientation>(), Qt::Horizontal);
    QCOMPARE(headers.at(0).at(1).toInt(), 0);
    QCOMPARE(headers.at(0).at(2).toInt(), InstanceTableModel::ColumnCount - 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.headerData(int(Column::State), Qt::Horizontal).toString(),
             QCoreApplication::translate("kumo::InstanceTableModel", "State"));
    // Site names come from the inventory in the UI language; state words from the catalogue.
    QCOMPARE(cell(model, 0, Column::Site), QStringLiteral("明大寺地区"));
    QCOMPARE(cell(model, 0, Column::State),
             QCoreApplication::translate("kumo::State", "Running", "instance state"));
    QVERIFY(cell(model, 0, Column::State) != QStringLiteral("Running"));

    // The filter still understands the English words and site ids in Japanese.
    ClusterFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterText(QStringLiteral("state:running site:myodaiji"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterText(QStringLiteral("明大寺"));
    QCOMPARE(proxy.rowCount(), 1);

    QVERIFY(language::install(QStringLiteral("en")));
    QTRY_COMPARE(headers.size(), 2);
    QCOMPARE(model.headerData(int(Column::State), Qt::Horizontal).toString(), QStringLiteral("State"));
    QCOMPARE(cell(model, 0, Column::Site), QStringLiteral("Myodaiji"));
}

void TestInstanceTableModel::realSessionsOnTheTestDriver()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const TestCluster cluster = generateTestCluster(dir.path(), 2, 2, 3);
    QCOMPARE(cluster.nodes.size(), 4);
    ClusterController controller;
    InstanceTableModel model(&controller);
    ClusterFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(int(Column::Name));
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    controller.setInventory(cluster.inventory);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 12, 20000);
    for (const TestNode& node : cluster.nodes) {
        for (const TestDomain& domain : node.domains) {
            const int row = model.rowOf(domain.uuid);
            QVERIFY(row >= 0);
            QCOMPARE(cell(model, row, Column::Name), domain.name);
            QCOMPARE(cell(model, row, Column::Node), node.name);
            QCOMPARE(model.data(model.index(row, int(Column::Memory)), SortRole).toULongLong(),
                     domain.memoryKiB);
        }
    }
    proxy.setFilterText(QStringLiteral("site:yamate"));
    QCOMPARE(proxy.rowCount(), 6);

    // A state change through libvirt reaches the row; only real changes emit.
    const TestDomain target = cluster.nodes.constFirst().domains.constFirst();
    const int row = model.rowOf(target.uuid);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    controller.requestAction(target.uuid, InstanceAction::ForceOff);
    QTRY_COMPARE_WITH_TIMEOUT(cell(model, row, Column::State), QStringLiteral("Shut off"), 10000);
    QVERIFY(changed.size() >= 1);
    // Polls update rows one by one (other instances' CPU figures move too), never in bulk.
    for (const QList<QVariant>& call : std::as_const(changed))
        QCOMPARE(call.at(0).value<QModelIndex>().row(), call.at(1).value<QModelIndex>().row());
    QCOMPARE(model.uptimeSeconds(row), -1);
    proxy.setFilterText(QStringLiteral("state:shut"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data(KeyRole).toString(), target.uuid);

    controller.requestAction(target.uuid, InstanceAction::Start);
    QTRY_COMPARE_WITH_TIMEOUT(cell(model, row, Column::State), QStringLiteral("Running"), 10000);
    bool exact = false;
    QVERIFY(model.uptimeSeconds(row, &exact) >= 0);
    QVERIFY(exact);
    QCOMPARE(model.rowCount(), 12);
    controller.shutdown();
}

void TestInstanceTableModel::serviceColumnFollowsTheProber()
{
    // Real loopback services: one that accepts, one port where nothing listens.
    QTcpServer service;
    QVERIFY(service.listen(QHostAddress::LocalHost, 0));
    quint16 closedPort = 0;
    {
        QTcpServer gone;
        QVERIFY(gone.listen(QHostAddress::LocalHost, 0));
        closedPort = gone.serverPort();
    }
    Inventory inventory = threeNodes();
    const auto withProbe = [](const QString& name, quint16 port) {
        InstanceConfig config;
        config.name = name;
        config.probes.append(
            {QStringLiteral("tcp"), QStringLiteral("127.0.0.1"), port, {}, {}, {}, 2000, 60000});
        return config;
    };
    inventory.instances = {withProbe(QStringLiteral("mail"), service.serverPort()),
                           withProbe(QStringLiteral("dns"), closedPort)};
    ClusterController controller(noSessions());
    controller.setInventory(inventory);
    controller.applyInstances(QStringLiteral("myodaiji-01"),
                              {vm(QStringLiteral("mail"), QStringLiteral("myodaiji-01")),
                               vm(QStringLiteral("dns"), QStringLiteral("myodaiji-01")),
                               vm(QStringLiteral("calc"), QStringLiteral("myodaiji-01"))});
    InstanceTableModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ServiceProber prober;
    prober.setCluster(&controller);
    model.setServiceProber(&prober);
    const int mail = model.rowOf(QStringLiteral("uuid-mail"));
    const int dns = model.rowOf(QStringLiteral("uuid-dns"));
    const int calc = model.rowOf(QStringLiteral("uuid-calc"));
    QTRY_VERIFY_WITH_TIMEOUT(cell(model, mail, Column::Service).startsWith(QStringLiteral("up ")), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(cell(model, dns, Column::Service), QStringLiteral("down: refused"), 15000);
    QCOMPARE(cell(model, calc, Column::Service), QString());
    QVERIFY(cell(model, dns, Column::Service, Qt::ToolTipRole).contains(QStringLiteral("refused")));
    QVERIFY(cell(model, mail, Column::Service, Qt::ToolTipRole)
                .startsWith(QStringLiteral("tcp://127.0.0.1:%1: up ").arg(service.serverPort())));
    // Ascending: no probes, answering, down.
    const auto sortKey = [&](int row) {
        return model.data(model.index(row, int(Column::Service)), SortRole).toLongLong();
    };
    QVERIFY(sortKey(calc) < sortKey(mail));
    QVERIFY(sortKey(mail) < sortKey(dns));
    QCOMPARE(model.headerData(int(Column::Service), Qt::Horizontal).toString(), QStringLiteral("Service"));

    // The filter knows the column ("service:down").
    ClusterFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterText(QStringLiteral("service:down"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.data(proxy.index(0, int(Column::Name))).toString(), QStringLiteral("dns"));

    // Shut off: not probed any more, the cell empties.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    controller.applyInstances(
        QStringLiteral("myodaiji-01"),
        {vm(QStringLiteral("mail"), QStringLiteral("myodaiji-01")),
         vm(QStringLiteral("dns"), QStringLiteral("myodaiji-01"), InstanceState::ShutOff),
         vm(QStringLiteral("calc"), QStringLiteral("myodaiji-01"))});
    QTRY_VERIFY_WITH_TIMEOUT(!prober.hasProbes(QStringLiteral("uuid-dns")), 5000);
    QCOMPARE(cell(model, dns, Column::Service), QString());
    QVERIFY(prober.hasProbes(QStringLiteral("uuid-mail")));

    // Started again: probed again.
    controller.applyInstances(QStringLiteral("myodaiji-01"),
                              {vm(QStringLiteral("mail"), QStringLiteral("myodaiji-01")),
                               vm(QStringLiteral("dns"), QStringLiteral("myodaiji-01")),
                               vm(QStringLiteral("calc"), QStringLiteral("myodaiji-01"))});
    QTRY_VERIFY_WITH_TIMEOUT(prober.hasProbes(QStringLiteral("uuid-dns")), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(cell(model, dns, Column::Service), QStringLiteral("down: refused"), 15000);
}

QTEST_MAIN(TestInstanceTableModel)
#include "tst_instancetablemodel.moc"

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// DetailsPanel and HistoryChart: properties of the selected node or instance, following changes
// and removal, history charts fed from the controller's own history (fed snapshots, then real
// test-driver polls), retranslation at runtime, and screenshots in both languages.
#include <algorithm>
#include <cmath>

#include <QDateTime>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "app/probes/serviceprober.h"
#include "core/statetext.h"
#include "support/testdriver.h"
#include "ui/clusterselection.h"
#include "ui/details/campussummarytable.h"
#include "ui/details/detailspanel.h"
#include "ui/details/historychart.h"
#include "ui/details/probelatencychart.h"
#include "ui/details/topconsumerstable.h"

using namespace kumo;

namespace {

const QString Node1 = QStringLiteral("myodaiji-01");
const QString Node2 = QStringLiteral("yamate-01");
const QString MailUuid = QStringLiteral("6f0c1a52-1111-4c1e-9d2a-000000000001");
const QString WebUuid = QStringLiteral("6f0c1a52-1111-4c1e-9d2a-000000000002");

Inventory labInventory()
{
    Inventory inventory;
    inventory.sites = {Site{QStringLiteral("myodaiji"),
                            QStringLiteral("Myodaiji"),
                            QStringLiteral("明大寺地区"),
                            QStringLiteral("#2f6fb3"),
                            {}},
                       Site{QStringLiteral("yamate"),
                            QStringLiteral("Yamate"),
                            QStringLiteral("山手地区"),
                            QStringLiteral("#b3592f"),
                            {}}};
    NodeConfig n1;
    n1.name = Node1;
    n1.site = QStringLiteral("myodaiji");
    n1.uri = QStringLiteral("qemu+ssh://kumo@myodaiji-01.example.org/system");
    n1.migrationUri = QStringLiteral("tcp://10.0.1.11");
    NodeConfig n2;
    n2.name = Node2;
    n2.site = QStringLiteral("yamate");
    n2.uri = QStringLiteral("qemu+ssh://kumo@yamate-01.example.org/system");
    n2.maintenance = true;
    inventory.nodes = {n1, n2};
    InstanceConfig mail;
    mail.name = QStringLiteral("mail");
    mail.homeNode = Node1;
    mail.evacuationPriority = 100;
    mail.antiAffinityGroup = QStringLiteral("mx");
    inventory.instances = {mail};
    return inventory;
}

NodeSnapshot nodeAt(const QString& name, qint64 atMs, double cpu)
{
    NodeSnapshot s;
    s.node = name;
    s.state = NodeState::Connected;
    s.hostname = name + QStringLiteral(".example.org");
    s.hostUuid = QStringLiteral("host-") + name;
    s.hypervisor = QStringLiteral("QEMU");
    s.libvirtVersion = 9000000;
    s.cpuModel = QStringLiteral("x86_64");
    s.cpus = 16;
    s.mhz = 2400;
    s.memoryTotalKiB = 64ull * 1024 * 1024;
    s.memoryFreeKiB = 40ull * 1024 * 1024;
    s.cpuUsagePercent = cpu;
    s.instanceCount = 2;
    s.runningCount = 1;
    s.sampledAtMs = atMs;
    return s;
}

InstanceSnapshot vm(const QString& uuid, const QString& name, qint64 atMs, InstanceState state, double cpu)
{
    InstanceSnapshot s;
    s.uuid = uuid;
    s.name = name;
    s.node = Node1;
    s.state = state;
    s.persistent = true;
    s.autostart = true;
    s.vcpus = 2;
    s.memoryKiB = 2 * 1024 * 1024;
    s.maxMemoryKiB = 4 * 1024 * 1024;
    s.cpuPercent = cpu;
    s.sampledAtMs = atMs;
    return s;
}

// The label a form shows in front of the value label called `valueName`.
QLabel* nameLabelOf(const QWidget* panel, const QString& valueName)
{
    const QLabel* value = panel->findChild<QLabel*>(valueName);
    if (!value)
        return nullptr;
    for (QLabel* label : panel->findChildren<QLabel*>()) {
        if (label->buddy() == value)
            return label;
    }
    return nullptr;
}

QString valueOf(const QWidget* panel, const QString& valueName)
{
    const QLabel* value = panel->findChild<QLabel*>(valueName);
    return value ? value->text() : QStringLiteral("<missing %1>").arg(valueName);
}

// Marks every text of the panel's and chart's contexts, so that a test can tell a text that was
// translated again from one set once at construction.
class MarkingTranslator : public QTranslator
{
public:
    using QTranslator::QTranslator;
    bool isEmpty() const override { return false; }
    QString translate(const char* context, const char* sourceText, const char* disambiguation,
                      int n) const override
    {
        Q_UNUSED(disambiguation)
        const QByteArray ctx(context);
        if (ctx != "kumo::DetailsPanel" && ctx != "kumo::HistoryChart")
            return {};
        QString text = QStringLiteral("«%1»").arg(QString::fromUtf8(sourceText));
        if (n >= 0)
            text.replace(QStringLiteral("%n"), QString::number(n));
        return text;
    }
};

// A controller without sessions, fed with polls of node 1 (two seconds apart), node 2 failing,
// and instance polls of "mail" and "web" (five seconds apart, the history's instance step).
struct Fixture
{
    // lively: ten minutes of varying figures, for screenshots; otherwise a few fixed ones.
    explicit Fixture(bool lively = false)
        : controller([](const NodeConfig&) { return nullptr; })
    {
        controller.setInventory(labInventory());
        now = QDateTime::currentMSecsSinceEpoch();
        // The history's clocks follow the polls' times, so that each poll lands where it was taken.
        controller.history().setClock(Clock{[this] { return monotonic; }, [this] { return wall; }});
        const int polls = lively ? 300 : 5;
        for (int i = 0; i < polls; ++i) {
            cpu.append(lively ? 30 + 20 * std::sin(i / 15.0) + (i % 7) * 2
                              : QList<double>{10, 20, 35, 50, 42}.at(i));
            times.append(now - (polls - i) * 2000);
            setClocks(times.constLast());
            NodeSnapshot s = nodeAt(Node1, times.constLast(), cpu.constLast());
            if (lively) {
                s.memoryFreeKiB = quint64((40.0 - 8.0 * std::sin(i / 40.0)) * 1024 * 1024);
                s.cpuUserPercent = cpu.constLast() * 0.8;
                s.cpuKernelPercent = cpu.constLast() * 0.2;
                s.cpuIowaitPercent = 1;
                s.poolsKnown = true;
                s.pools = {StoragePoolSnapshot{QStringLiteral("default"), true, 500ull << 30, 310ull << 30,
                                               190ull << 30}};
            }
            controller.applyNodeSnapshot(s);
            if (lively ? i % 3 == 0 : i < 3) {
                const qint64 at = lively ? times.constLast() : now - (3 - i) * 5000;
                const double mailCpu = lively ? 10 + 8 * std::cos(i / 10.0) : 12.5 + i;
                setClocks(at);
                InstanceSnapshot mail =
                    vm(MailUuid, QStringLiteral("mail"), at, InstanceState::Running, mailCpu);
                InstanceSnapshot web = vm(WebUuid, QStringLiteral("web"), at, InstanceState::Running, 3.0);
                if (lively) {
                    mail.diskReadBps = 400'000 + 300'000 * std::sin(i / 12.0);
                    mail.diskWriteBps = 900'000 + 600'000 * std::cos(i / 9.0);
                    mail.netRxBps = 120'000 + 80'000 * std::sin(i / 7.0);
                    mail.netTxBps = 60'000 + 30'000 * std::cos(i / 5.0);
                    mail.cpuStealPercent = 1.5;
                    mail.rssKiB = quint64(2.3 * 1024 * 1024);
                    mail.guestAvailableKiB = 2 * 1024 * 1024;
                    mail.guestUnusedKiB = quint64(1.2 * 1024 * 1024);
                    web.diskReadBps = web.diskWriteBps = 2048;
                    web.netRxBps = web.netTxBps = 4096;
                }
                controller.applyInstances(Node1, {mail, web});
            }
        }
        NodeSnapshot down;
        down.node = Node2;
        down.state = NodeState::Unreachable;
        down.error = Error{ErrorCode::ConnectionFailed,
                           Node2,
                           QStringLiteral("The node does not answer."),
                           QStringLiteral("Cannot recv data: Connection reset by peer"),
                           0,
                           0};
        controller.applyNodeSnapshot(down);
        setClocks(now);
    }

    // Both clocks at the wall time `atMs` (the monotonic one as far from its origin).
    void setClocks(qint64 atMs)
    {
        wall = atMs;
        monotonic = MonotonicOrigin + (atMs - now);
    }

    static constexpr qint64 MonotonicOrigin = 1'000'000'000;
    qint64 now = 0;
    qint64 wall = 0;
    qint64 monotonic = MonotonicOrigin;
    ClusterController controller;
    ClusterSelection selection;
    QList<double> cpu;
    QList<qint64> times;
};

void save(QWidget* widget, const QString& name)
{
    const QString path = QDir::temp().filePath(name);
    QVERIFY2(widget->grab().save(path), qPrintable(path));
    qInfo("screenshot: %s", qPrintable(path));
}

} // namespace

class TestDetailsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void hintWhenNothingSelected();
    void nodeShowsPropertiesAndHistory();
    void unreachableNodeSaysWhy();
    void instanceShowsPropertiesAndMetadata();
    void changeOfShownInstanceUpdatesIt();
    void removedInstanceSaysSo();
    void retranslatesOnLanguageChange();
    void screenshots();
    void metricsTopConsumersAndCampuses();
    void realPollsFillTheNodeChart();
    void wallClockStepsMoveNoPoint_data();
    void wallClockStepsMoveNoPoint();
    void probeChartOfTheShownInstance();
};

void TestDetailsPanel::cleanup()
{
    language::install(QStringLiteral("en"));
    QCoreApplication::processEvents();
}

void TestDetailsPanel::hintWhenNothingSelected()
{
    Fixture f;
    DetailsPanel panel(&f.controller, &f.selection);
    QCOMPARE(panel.shownKind(), ClusterSelection::Kind::None);
    QCOMPARE(panel.messageText(),
             QCoreApplication::translate("kumo::DetailsPanel",
                                         "Select a node or an instance to see its details."));
    f.selection.selectNodes({Node1});
    QCOMPARE(panel.shownKind(), ClusterSelection::Kind::Nodes);
    QVERIFY(panel.messageText().isEmpty());
    f.selection.clear();
    QCOMPARE(panel.shownKind(), ClusterSelection::Kind::None);
    QVERIFY(!panel.messageText().isEmpty());
}

void TestDetailsPanel::nodeShowsPropertiesAndHistory()
{
    Fixture f;
    DetailsPanel panel(&f.controller, &f.selection);
    f.selection.selectNodes({Node1});
    QCOMPARE(panel.shownKey(), Node1);
    QCOMPARE(valueOf(&panel, QStringLiteral("nodeName")), Node1);
    QCOMPARE(valueOf(&panel, QStringLiteral("nodeState")), nodeStateText(NodeState::Connected));
    QCOMPARE(valueOf(&panel, QStringLiteral("nodeSite")), QStringLiteral("Myodaiji"));
    QCOMPARE(valueOf(&panel, QStringLiteral("nodeLibvirt")), QStringLiteral("9.0.0"));
    QCOMPARE(valueOf(&panel, QStringLiteral("nodeMigrationUri")), QStringLiteral("tcp://10.0.1.11"));
    QVERIFY(valueOf(&panel, QStringLiteral("nodeCpuUsage")).startsWith(QStringLiteral("42")));

    // Every fed poll is on the CPU chart, at its time, with its value.
    const QList<QPointF> cpu = panel.cpuChart()->points();
    QCOMPARE(cpu.size(), f.cpu.size());
    for (int i = 0; i < cpu.size(); ++i) {
        QCOMPARE(qint64(cpu.at(i).x()), f.times.at(i));
        QCOMPARE(cpu.at(i).y(), f.cpu.at(i));
    }
    // 24 GiB used of 64: shown in GiB.
    const QList<QPointF> memory = panel.memoryChart()->points();
    QCOMPARE(memory.size(), f.cpu.size());
    QCOMPARE(panel.memoryChart()->unitText(),
             QCoreApplication::translate("kumo::HistoryChart", "GiB", "binary gigabytes"));
    QCOMPARE(memory.constLast().y(), 24.0);

    // A new poll of the shown node reaches the chart at once (nodeChanged), not only on the timer.
    const qint64 next = f.times.constLast() + 2000;
    f.controller.applyNodeSnapshot(nodeAt(Node1, next, 77));
    QCOMPARE(panel.cpuChart()->points().size(), f.cpu.size() + 1);
    QCOMPARE(panel.cpuChart()->points().constLast(), QPointF(double(next), 77.0));
    QVERIFY(valueOf(&panel, QStringLiteral("nodeCpuUsage")).startsWith(QStringLiteral("77")));
}

void TestDetailsPanel::unreachableNodeSaysWhy()
{
    Fixture f;
    DetailsPanel panel(&f.controller, &f.selection);
    panel.show();
    f.selection.selectNodes({Node2});
    QCOMPARE(valueOf(&panel, QStringLiteral("nodeState")), nodeStateText(NodeState::Unreachable));
    const QLabel* problem = panel.findChild<QLabel*>(QStringLiteral("nodeError"));
    QVERIFY(problem);
    QVERIFY(problem->isVisible());
    QVERIFY(problem->text().contains(QStringLiteral("The node does not answer.")));
    QVERIFY(valueOf(&panel, QStringLiteral("nodeMaintenance")) !=
            QCoreApplication::translate("kumo::DetailsPanel", "No"));
    // No poll succeeded: the charts are empty rather than showing made-up figures, and say so.
    QVERIFY(panel.cpuChart()->points().isEmpty());
    QCOMPARE(panel.cpuChart()->accessibleDescription(),
             QCoreApplication::translate("kumo::HistoryChart", "No figures yet"));

    f.selection.selectNodes({Node1});
    QVERIFY(!problem->isVisible());
}

void TestDetailsPanel::instanceShowsPropertiesAndMetadata()
{
    Fixture f;
    DetailsPanel panel(&f.controller, &f.selection);
    panel.show();
    f.selection.selectInstances({MailUuid});
    QCOMPARE(panel.shownKind(), ClusterSelection::Kind::Instances);
    QCOMPARE(valueOf(&panel, QStringLiteral("instanceName")), QStringLiteral("mail"));
    QCOMPARE(valueOf(&panel, QStringLiteral("instanceUuid")), MailUuid);
    QCOMPARE(valueOf(&panel, QStringLiteral("instanceState")), instanceStateText(InstanceState::Running));
    QCOMPARE(valueOf(&panel, QStringLiteral("instanceNode")), Node1);
    QCOMPARE(valueOf(&panel, QStringLiteral("instanceSite")), QStringLiteral("Myodaiji"));
    QCOMPARE(valueOf(&panel, QStringLiteral("instanceVcpus")), QStringLiteral("2"));
    QCOMPARE(valueOf(&panel, QStringLiteral("instanceHomeNode")), Node1);
    QCOMPARE(valueOf(&panel, QStringLiteral("instancePriority")), QStringLiteral("100"));
    QCOMPARE(valueOf(&panel, QStringLiteral("instanceAntiAffinity")), QStringLiteral("mx"));
    QVERIFY(panel.findChild<QLabel*>(QStringLiteral("instanceHomeNode"))->isVisible());

    // Too narrow for the UUID: it ends in "…" (painted), stays whole for copying, and shows in
    // full as its tool tip; wide enough again, the tool tip goes.
    auto* uuid = panel.findChild<QLabel*>(QStringLiteral("instanceUuid"));
    const int wide = panel.width();
    panel.resize(uuid->x() + uuid->fontMetrics().horizontalAdvance(MailUuid) / 2, panel.height());
    QTRY_VERIFY(uuid->width() < uuid->fontMetrics().horizontalAdvance(MailUuid));
    QCOMPARE(uuid->text(), MailUuid);
    QCOMPARE(uuid->toolTip(), MailUuid);
    const QImage clipped = uuid->grab().toImage();
    QLabel plain(MailUuid);
    plain.setFont(uuid->font());
    plain.setAlignment(uuid->alignment());
    plain.resize(uuid->size());
    QVERIFY(clipped != plain.grab().toImage()); // not the plain label cut off at its edge
    panel.resize(std::max(wide, uuid->x() + uuid->fontMetrics().horizontalAdvance(MailUuid) * 2),
                 panel.height());
    QTRY_VERIFY(uuid->width() > uuid->fontMetrics().horizontalAdvance(MailUuid));
    QVERIFY(uuid->toolTip().isEmpty());

    const QList<QPointF> cpu = panel.cpuChart()->points();
    QCOMPARE(cpu.size(), 3);
    QCOMPARE(cpu.at(0).y(), 12.5);
    QCOMPARE(cpu.at(2).y(), 14.5);
    QCOMPARE(panel.memoryChart()->points().constLast().y(), 2048.0 / 1024.0);

    // An instance without inventory metadata hides those rows.
    f.selection.selectInstances({WebUuid});
    QCOMPARE(valueOf(&panel, QStringLiteral("instanceName")), QStringLiteral("web"));
    QVERIFY(!panel.findChild<QLabel*>(QStringLiteral("instanceHomeNode"))->isVisible());
    QCOMPARE(panel.cpuChart()->points().constLast().y(), 3.0);
}

void TestDetailsPanel::changeOfShownInstanceUpdatesIt()
{
    Fixture f;
    DetailsPanel panel(&f.controller, &f.selection);
    f.selection.selectInstances({MailUuid});
    const qint64 at = QDateTime::currentMSecsSinceEpoch();
    f.controller.applyInstances(Node1, {vm(MailUuid, QStringLiteral("mail"), at, InstanceState::Paused, 0),
                                        vm(WebUuid, QStringLiteral("web"), at, InstanceState::Running, 3.0)});
    QCOMPARE(valueOf(&panel, QStringLiteral("instanceState")), instanceStateText(InstanceState::Paused));

    // A migration: the destination runs it while the source still holds it paused, so it moves.
    QSignalSpy movedSpy(&f.controller, &ClusterController::instanceMoved);
    InstanceSnapshot moved = vm(MailUuid, QStringLiteral("mail"), at, InstanceState::Running, 8.0);
    moved.node = Node2;
    f.controller.applyInstances(Node2, {moved});
    QCOMPARE(movedSpy.size(), 1);
    QCOMPARE(panel.shownKind(), ClusterSelection::Kind::Instances);
    QCOMPARE(valueOf(&panel, QStringLiteral("instanceNode")), Node2);
    QCOMPARE(valueOf(&panel, QStringLiteral("instanceSite")), QStringLiteral("Yamate"));
}

void TestDetailsPanel::removedInstanceSaysSo()
{
    Fixture f;
    DetailsPanel panel(&f.controller, &f.selection);
    f.selection.selectInstances({MailUuid});
    QCOMPARE(panel.shownKind(), ClusterSelection::Kind::Instances);
    f.controller.applyInstances(Node1,
                                {vm(WebUuid, QStringLiteral("web"), QDateTime::currentMSecsSinceEpoch(),
                                    InstanceState::Running, 3.0)});
    QCOMPARE(panel.shownKind(), ClusterSelection::Kind::None);
    QCOMPARE(panel.messageText(),
             QCoreApplication::translate("kumo::DetailsPanel", "The instance “%1” no longer exists.")
                 .arg(QStringLiteral("mail")));

    // When the selection lets go of it, the hint comes back.
    f.selection.forget(MailUuid);
    QCOMPARE(panel.messageText(),
             QCoreApplication::translate("kumo::DetailsPanel",
                                         "Select a node or an instance to see its details."));
}

void TestDetailsPanel::retranslatesOnLanguageChange()
{
    Fixture f;
    DetailsPanel panel(&f.controller, &f.selection);
    f.selection.selectNodes({Node1});
    const QString englishState = valueOf(&panel, QStringLiteral("nodeState"));
    QCOMPARE(englishState, QStringLiteral("Connected"));
    const QString englishTitle = panel.cpuChart()->chart()->title();

    QVERIFY(language::install(QStringLiteral("ja")));
    MarkingTranslator marker;
    QVERIFY(QCoreApplication::installTranslator(&marker));
    QCoreApplication::processEvents(); // LanguageChange is posted
    // State words come from the shared catalogue, site names from the inventory.
    QCOMPARE(valueOf(&panel, QStringLiteral("nodeState")), nodeStateText(NodeState::Connected));
    QVERIFY(valueOf(&panel, QStringLiteral("nodeState")) != englishState);
    QCOMPARE(valueOf(&panel, QStringLiteral("nodeSite")), QStringLiteral("明大寺地区"));
    // Labels and chart texts were translated again.
    QCOMPARE(nameLabelOf(&panel, QStringLiteral("nodeState"))->text(), QStringLiteral("«State:»"));
    QCOMPARE(nameLabelOf(&panel, QStringLiteral("nodeMigrationUri"))->text(),
             QStringLiteral("«Migration URI:»"));
    QCOMPARE(panel.cpuChart()->chart()->title(), QStringLiteral("«CPU usage, last 10 min»"));
    QCOMPARE(panel.cpuChart()->accessibleName(), QStringLiteral("«CPU usage history»"));
    QCOMPARE(panel.memoryChart()->accessibleName(), QStringLiteral("«Memory usage history»"));

    QCoreApplication::removeTranslator(&marker);
    QVERIFY(language::install(QStringLiteral("en")));
    QCoreApplication::processEvents();
    QCOMPARE(valueOf(&panel, QStringLiteral("nodeState")), englishState);
    QCOMPARE(nameLabelOf(&panel, QStringLiteral("nodeState"))->text(), QStringLiteral("State:"));
    QCOMPARE(panel.cpuChart()->chart()->title(), englishTitle);
}

void TestDetailsPanel::screenshots()
{
    Fixture f(true);
    DetailsPanel panel(&f.controller, &f.selection);
    panel.resize(440, 820);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));

    for (const QString& lang : {QStringLiteral("en"), QStringLiteral("ja")}) {
        QVERIFY(language::install(lang));
        QCoreApplication::processEvents();
        f.selection.selectNodes({Node1});
        QCOMPARE(panel.cpuChart()->points().size(), f.cpu.size());
        save(&panel, QStringLiteral("kumo-details-node-%1.png").arg(lang));
        f.selection.selectNodes({Node2});
        save(&panel, QStringLiteral("kumo-details-unreachable-%1.png").arg(lang));
        f.selection.selectInstances({MailUuid});
        QVERIFY(!panel.cpuChart()->points().isEmpty());
        save(&panel, QStringLiteral("kumo-details-instance-%1.png").arg(lang));
        f.selection.clear();
        save(&panel, QStringLiteral("kumo-details-hint-%1.png").arg(lang));
        // For docs/: KUMO_SCREENSHOTS=<dir> writes the whole node (top consumers and campuses
        // included) and the whole instance (its I/O graphs included) in each language.
        if (const QString dir = qEnvironmentVariable("KUMO_SCREENSHOTS"); !dir.isEmpty()) {
            panel.resize(460, 1640);
            f.selection.selectNodes({Node1});
            QVERIFY(panel.grab().save(QDir(dir).filePath(QStringLiteral("details-node-%1.png").arg(lang))));
            panel.resize(460, 1560);
            f.selection.selectInstances({MailUuid});
            QVERIFY(!panel.diskChart()->isHidden());
            QVERIFY(
                panel.grab().save(QDir(dir).filePath(QStringLiteral("details-instance-%1.png").arg(lang))));
            panel.resize(440, 820);
            f.selection.clear();
        }
    }
}

void TestDetailsPanel::metricsTopConsumersAndCampuses()
{
    Fixture f;
    constexpr quint64 GiB = 1ull << 30;
    NodeSnapshot node = nodeAt(Node1, f.now + 1000, 40);
    node.cpuUserPercent = 30;
    node.cpuKernelPercent = 8;
    node.cpuIowaitPercent = 2;
    node.poolsKnown = true;
    node.pools = {StoragePoolSnapshot{QStringLiteral("default"), true, 100 * GiB, 60 * GiB, 40 * GiB},
                  StoragePoolSnapshot{QStringLiteral("iso"), false, 0, 0, 0}};
    f.setClocks(f.now + 1000);
    f.controller.applyNodeSnapshot(node);
    const qint64 at = f.now + 6000;
    InstanceSnapshot mail = vm(MailUuid, QStringLiteral("mail"), at, InstanceState::Running, 12);
    mail.diskReadBps = 2 * 1024 * 1024;
    mail.diskWriteBps = 512 * 1024;
    mail.netRxBps = 100;
    mail.netTxBps = 300;
    mail.cpuStealPercent = 3;
    mail.rssKiB = 3 * 1024 * 1024;
    mail.guestAvailableKiB = 2 * 1024 * 1024;
    mail.guestUnusedKiB = 1024 * 1024;
    InstanceSnapshot web = vm(WebUuid, QStringLiteral("web"), at, InstanceState::Running, 55);
    web.diskReadBps = web.diskWriteBps = 0;
    web.netRxBps = web.netTxBps = 5000;
    f.setClocks(at);
    f.controller.applyInstances(Node1, {mail, web});

    DetailsPanel panel(&f.controller, &f.selection);
    f.selection.selectNodes({Node1});
    QCOMPARE(valueOf(&panel, QStringLiteral("nodeLoad")),
             QStringLiteral("user 30 %, kernel 8 %, waiting for I/O 2 %"));
    const QString pools = valueOf(&panel, QStringLiteral("nodePools"));
    QVERIFY2(pools.startsWith(QStringLiteral("default: ")) && pools.contains(QStringLiteral("(40 %)")),
             qPrintable(pools));
    QVERIFY2(pools.contains(QStringLiteral("iso: inactive")), qPrintable(pools));
    // Heaviest CPU first; a click on the disk heading sorts by disk I/O.
    TopConsumersTable* top = panel.topConsumers();
    QVERIFY(!top->isHidden());
    QCOMPARE(top->shownNames(), (QStringList{QStringLiteral("web"), QStringLiteral("mail")}));
    top->sortByColumn(TopConsumersTable::DiskColumn, Qt::DescendingOrder);
    QCOMPARE(top->shownNames(), (QStringList{QStringLiteral("mail"), QStringLiteral("web")}));
    top->sortByColumn(TopConsumersTable::NetworkColumn, Qt::DescendingOrder);
    QCOMPARE(top->shownNames(), (QStringList{QStringLiteral("web"), QStringLiteral("mail")}));
    QCOMPARE(top->item(1, TopConsumersTable::MemoryColumn)->text(), QStringLiteral("3.0 GiB")); // RSS
    // The campus totals: Myodaiji has its one node up, Yamate's node is unreachable.
    CampusSummaryTable* campuses = panel.campusSummary();
    QCOMPARE(campuses->rowCount(), 2);
    QCOMPARE(campuses->item(0, CampusSummaryTable::NodesColumn)->text(), QStringLiteral("1 of 1"));
    QCOMPARE(campuses->item(1, CampusSummaryTable::NodesColumn)->text(), QStringLiteral("0 of 1"));
    QVERIFY2(campuses->item(0, CampusSummaryTable::PoolColumn)->text().contains(QStringLiteral("40 %")),
             qPrintable(campuses->item(0, CampusSummaryTable::PoolColumn)->text()));
    // A double click on a consumer shows that instance.
    Q_EMIT top->cellDoubleClicked(0, 0);
    QCOMPARE(panel.shownKind(), ClusterSelection::Kind::Instances);
    QCOMPARE(panel.shownKey(), WebUuid);

    f.selection.selectInstances({MailUuid});
    QVERIFY(top->isHidden());
    QCOMPARE(valueOf(&panel, QStringLiteral("instanceDisk")),
             QStringLiteral("read 2.0 MiB/s, write 512.0 KiB/s"));
    QCOMPARE(valueOf(&panel, QStringLiteral("instanceNetwork")),
             QStringLiteral("received 100 B/s, sent 300 B/s"));
    QCOMPARE(valueOf(&panel, QStringLiteral("instanceSteal")), QStringLiteral("3 %"));
    QCOMPARE(
        valueOf(&panel, QStringLiteral("instanceHostMemory")),
        QStringLiteral("3.0 GiB resident on the host\nthe guest reports 2.0 GiB available, 1.0 GiB unused"));
    QVERIFY(!panel.diskChart()->isHidden());
    QCOMPARE(panel.diskChart()->points().size(), 1);
    QCOMPARE(panel.diskChart()->unitText(), QStringLiteral("MiB/s"));
    QCOMPARE(panel.diskChart()->points().constFirst().y(), 2.5);
    // An instance without such figures shows no rows and no empty graphs for them.
    f.controller.applyInstances(Node1,
                                {vm(MailUuid, QStringLiteral("mail"), at + 5000, InstanceState::Running, 1)});
    f.controller.history().forgetInstance(MailUuid);
    f.selection.selectNodes({Node1});
    f.selection.selectInstances({MailUuid});
    QVERIFY(panel.diskChart()->isHidden());
    QVERIFY(!nameLabelOf(&panel, QStringLiteral("instanceDisk"))->isVisibleTo(&panel));
}

void TestDetailsPanel::realPollsFillTheNodeChart()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TestCluster cluster = generateTestCluster(dir.path(), 1, 1, 2);
    QVERIFY(!cluster.nodes.isEmpty());
    cluster.inventory.pollIntervalMs = 200;
    const QString node = cluster.inventory.nodes.constFirst().name;

    ClusterController controller;
    ClusterSelection selection;
    DetailsPanel panel(&controller, &selection);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    controller.setInventory(cluster.inventory);
    selection.selectNodes({node});
    QTRY_COMPARE_WITH_TIMEOUT(valueOf(&panel, QStringLiteral("nodeState")),
                              nodeStateText(NodeState::Connected), 20000);
    QCOMPARE(valueOf(&panel, QStringLiteral("nodeCpuModel")), cluster.nodes.constFirst().cpuModel);

    // Polls that change nothing emit nothing, so the timer is what keeps the chart growing.
    QTRY_VERIFY_WITH_TIMEOUT(panel.memoryChart()->points().size() >= 5, 20000);
    const QList<MetricsHistory::Sample> history = controller.history().node(node);
    QVERIFY(history.size() >= 5);
    const QList<QPointF> memory = panel.memoryChart()->points();
    for (qsizetype i = 1; i < memory.size(); ++i)
        QVERIFY(memory.at(i).x() > memory.at(i - 1).x());
    // The chart holds what the history held at its last redraw: a prefix of today's history,
    // spaced as the monotonic clock spaced the polls.
    for (qsizetype i = 1; i < memory.size(); ++i)
        QCOMPARE(qint64(memory.at(i).x() - memory.at(0).x()), history.at(i).atMs - history.at(0).atMs);

    controller.shutdown();
}

void TestDetailsPanel::wallClockStepsMoveNoPoint_data()
{
    QTest::addColumn<qint64>("step");
    QTest::newRow("forward an hour") << qint64(3600 * 1000);
    QTest::newRow("back an hour") << qint64(-3600 * 1000);
}

void TestDetailsPanel::wallClockStepsMoveNoPoint()
{
    // The wall clock steps while the node's chart is open: every point keeps its place against
    // the axis (only the axis' "when" labels move with the wall clock), and polls after the step
    // land after the ones before it.
    QFETCH(qint64, step);
    Fixture f;
    DetailsPanel panel(&f.controller, &f.selection);
    f.selection.selectNodes({Node1});
    const auto placed = [](const HistoryChart* chart) {
        QList<QPointF> relative;
        for (const QPointF& p : chart->points())
            relative.append(QPointF(p.x() - double(chart->timeFromMs()), p.y()));
        return relative;
    };
    const QList<QPointF> before = placed(panel.cpuChart());
    QCOMPARE(before.size(), f.cpu.size());
    const qint64 axisBefore = panel.cpuChart()->timeToMs() - panel.cpuChart()->timeFromMs();

    f.wall += step;
    // Redrawn by showing the node again.
    f.selection.clear();
    f.selection.selectNodes({Node1});
    QCOMPARE(placed(panel.cpuChart()), before);
    QCOMPARE(panel.cpuChart()->timeToMs() - panel.cpuChart()->timeFromMs(), axisBefore);
    QCOMPARE(panel.cpuChart()->timeToMs(), f.wall);

    // The next poll, two seconds on: one more point, at the end, as far after the last one as
    // the monotonic clock says (the last fed poll was two seconds before "now").
    f.monotonic += 2000;
    f.wall += 2000;
    f.controller.applyNodeSnapshot(nodeAt(Node1, f.wall, 64));
    const QList<QPointF> after = placed(panel.cpuChart());
    QCOMPARE(after.size(), before.size() + 1);
    QCOMPARE(after.constLast().y(), 64.0);
    QCOMPARE(after.constLast().x() - after.at(after.size() - 2).x(),
             double(2000 + f.now - f.times.constLast()));
    QCOMPARE(after.constLast().x(), double(axisBefore));
    for (qsizetype i = 0; i < before.size(); ++i)
        QCOMPARE(after.at(i), QPointF(before.at(i).x() - 2000.0, before.at(i).y()));
}

void TestDetailsPanel::probeChartOfTheShownInstance()
{
    QTcpServer service;
    QVERIFY(service.listen(QHostAddress::LocalHost, 0));
    quint16 closedPort = 0;
    {
        QTcpServer gone;
        QVERIFY(gone.listen(QHostAddress::LocalHost, 0));
        closedPort = gone.serverPort();
    }
    Fixture f;
    ServiceProber prober;
    prober.setTargets(
        {{MailUuid,
          QStringLiteral("mail"),
          Node1,
          QStringLiteral("myodaiji"),
          {{QStringLiteral("tcp"), QStringLiteral("127.0.0.1"), service.serverPort(), {}, {}, {}, 2000, 100},
           {QStringLiteral("tcp"), QStringLiteral("127.0.0.1"), closedPort, {}, {}, {}, 2000, 100}}}});
    DetailsPanel panel(&f.controller, &f.selection);
    panel.setServiceProber(&prober);
    panel.show();
    ProbeLatencyChart* chart = panel.probeChart();
    QVERIFY(chart);
    QVERIFY(chart->isHidden());
    f.selection.selectInstances({MailUuid});
    QCOMPARE(chart->shownInstance(), MailUuid);
    QTRY_VERIFY_WITH_TIMEOUT(chart->failureCount() >= 2, 15000);
    QVERIFY(!chart->isHidden());
    QCOMPARE(chart->lineCount(), 2);
    QVERIFY(chart->summaryText().contains(QStringLiteral("down: refused")));
    // The first checks are spread over a second: the other probe may answer later.
    QTRY_VERIFY_WITH_TIMEOUT(
        chart->summaryText().contains(QStringLiteral("tcp://127.0.0.1:%1: up ").arg(service.serverPort())),
        15000);
    QCOMPARE(chart->toolTip(), chart->summaryText());
    // An instance without probes hides the chart.
    f.selection.selectInstances({WebUuid});
    QCOMPARE(chart->shownInstance(), WebUuid);
    QVERIFY(chart->isHidden());
}

QTEST_MAIN(TestDetailsPanel)
#include "tst_detailspanel.moc"

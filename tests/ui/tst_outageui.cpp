// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The planned-outage UI on real node sessions (libvirt's test driver, no daemons): the wizard's
// plan for a campus (tables, arrows on its map), changing targets through the table model and
// through a drop on the wizard's map, unplaced instances with a choice, the run panel fed by the
// signals of the run's owner (the test driver cannot migrate, so the run is an OutageRun value), the
// report as CSV and PDF, the site menu, maintenance on the map and a language switch.
//
// Screenshots for docs/: KUMO_SCREENSHOTS=<dir> ./tst_outageui screenshots
// writes outage-plan-map.png, outage-plan-wizard.png, outage-panel.png, outage-report-pdf.png and
// outage-report-service.<lang>.png (the "Service after move" column; its PDF page beside it)
// (the report from a realistic run of the demo lab's five Myodaiji guests; add KUMO_LANG=ja for
// Japanese; KUMO_INVENTORY=<file> shows real nodes, e.g. a demo lab's; KUMO_OUTAGE_STATE=
// <outage-myodaiji.json> takes the report from a real run's state file).
#include <functional>
#include <utility>

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QProcess>
#include <QPushButton>
#include <QSaveFile>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>
#include <QUuid>

#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "app/migration/migrationcontroller.h"
#include "app/outage/evacuation.h"
#include "app/outage/outageexecution.h"
#include "app/outage/outagestore.h"
#include "core/instancedrag.h"
#include "core/outagereport.h"
#include "lab/labplan.h"
#include "support/fakecloud.h"
#include "support/fakemigrationjob.h"
#include "support/testdriver.h"
#include "ui/clusterselection.h"
#include "ui/drophandler.h"
#include "ui/mainwindow.h"
#include "ui/map/campusmapscene.h"
#include "ui/map/campusmapview.h"
#include "ui/map/instancechipitem.h"
#include "ui/map/nodecarditem.h"
#include "ui/map/planarrowsitem.h"
#include "ui/map/siteareaitem.h"
#include "ui/outage/outagepanel.h"
#include "ui/outage/outageplaneditor.h"
#include "ui/outage/outagereportpdf.h"
#include "ui/outage/outagerunmodel.h"
#include "ui/outage/outagewizard.h"
#include "ui/outage/outagewizardpages.h"
#include "ui/outage/plantablemodel.h"
#include "ui/outage/unplacedtablemodel.h"

using namespace kumo;

namespace {

const QString Myodaiji = QStringLiteral("myodaiji");
const QString Yamate = QStringLiteral("yamate");

// The demo lab's campuses, nodes and guests (names, memory, priorities, anti-affinity) on the
// test driver: what the console shows for `kumo --demo`, without daemons.
TestCluster labLikeCluster(const QString& dir)
{
    TestCluster cluster;
    QDir().mkpath(dir);
    cluster.inventory.sites = LabPlan::sites();
    const QUuid space(QStringLiteral("{5f1b7a3e-0c1d-4d6e-9a51-2b0c3d4e5f60}"));
    for (const LabPlan::Node& labNode : LabPlan::nodes()) {
        TestNode node;
        node.name = labNode.name;
        node.site = labNode.site;
        node.file = QDir(dir).absoluteFilePath(node.name + QStringLiteral(".xml"));
        node.cpus = 8;
        node.mhz = 2400;
        node.cpuModel = QStringLiteral("x86_64");
        node.memoryKiB = quint64{4} * 1024 * 1024;
        for (const LabPlan::Guest& guest : LabPlan::guests()) {
            if (guest.homeNode != node.name)
                continue;
            TestDomain domain;
            domain.name = guest.name;
            domain.uuid = QUuid::createUuidV5(space, guest.name).toString(QUuid::WithoutBraces);
            domain.vcpus = 1;
            domain.memoryKiB = quint64(guest.memoryMiB) * 1024;
            node.domains.append(domain);
        }
        QFile file(node.file);
        if (!file.open(QIODevice::WriteOnly) || file.write(testNodeXml(node)) < 0)
            return {};
        file.close();
        NodeConfig config;
        config.name = node.name;
        config.site = node.site;
        config.uri = QStringLiteral("test://%1").arg(node.file);
        cluster.inventory.nodes.append(config);
        cluster.files.append(node.file);
        cluster.nodes.append(node);
    }
    for (const LabPlan::Guest& guest : LabPlan::guests()) {
        InstanceConfig instance;
        instance.name = guest.name;
        instance.homeNode = guest.homeNode;
        instance.evacuationPriority = guest.evacuationPriority;
        instance.antiAffinityGroup = guest.antiAffinityGroup;
        cluster.inventory.instances.append(instance);
    }
    return cluster;
}

QStringList uuidsOfSite(const TestCluster& cluster, const QString& site)
{
    QStringList uuids;
    for (const TestNode& node : cluster.nodes) {
        if (node.site == site) {
            for (const TestDomain& domain : node.domains)
                uuids.append(domain.uuid);
        }
    }
    return uuids;
}

// A run of the demo lab's five Myodaiji guests to Yamate as it typically goes with parallel 2.
OutageRun demoRun(bool withFailure = false)
{
    OutagePlan plan;
    plan.id = QStringLiteral("3f2c1d4e-0000-4000-8000-000000000001");
    plan.site = Myodaiji;
    plan.reason = QStringLiteral("Annual electrical inspection");
    plan.windowStart = QDateTime(QDate(2026, 3, 14), QTime(9, 0)).toUTC();
    plan.windowEnd = QDateTime(QDate(2026, 3, 14), QTime(17, 0)).toUTC();
    plan.createdAt = QDateTime(QDate(2026, 3, 13), QTime(16, 20)).toUTC();
    struct Step
    {
        const char* name;
        const char* from;
        const char* to;
        int memoryMiB;
        int startMs;
        int durationMs;
        int downtimeMs;
    };
    const QList<Step> steps{
        {"mail", "myodaiji-01", "yamate-02", 64, 0, 6400, 41},
        {"www", "myodaiji-01", "yamate-01", 64, 200, 5900, 37},
        {"dns1", "myodaiji-02", "yamate-02", 48, 6500, 4300, 28},
        {"ldap", "myodaiji-02", "yamate-01", 48, 6200, 4700, 33},
        {"calc01", "myodaiji-01", "yamate-01", 48, 10900, 4100, 26},
    };
    const QDateTime t0 = QDateTime(QDate(2026, 3, 14), QTime(9, 2, 10)).toUTC();
    for (int i = 0; i < steps.size(); ++i) {
        PlannedMove move;
        move.uuid =
            QUuid::createUuidV5(QUuid(), QString::fromLatin1(steps[i].name)).toString(QUuid::WithoutBraces);
        move.name = QString::fromLatin1(steps[i].name);
        move.fromNode = QString::fromLatin1(steps[i].from);
        move.toNode = QString::fromLatin1(steps[i].to);
        move.homeNode = move.fromNode;
        move.memoryKiB = quint64(steps[i].memoryMiB) * 1024;
        move.vcpus = 1;
        plan.moves.append(move);
    }
    OutageRun run = OutageRun::fromPlan(plan);
    run.state = RunState::Completed;
    run.started = t0;
    for (int i = 0; i < steps.size(); ++i) {
        MoveRecord& record = run.records[i];
        record.status = MoveStatus::Done;
        record.started = t0.addMSecs(steps[i].startMs);
        record.finished = record.started.addMSecs(steps[i].durationMs);
        record.durationMs = steps[i].durationMs;
        record.downtimeMs = steps[i].downtimeMs;
        record.dataBytes = quint64(steps[i].memoryMiB) * 1024 * 1024 * 11 / 10;
        record.attempts = 1;
        run.finished = std::max(run.finished, record.finished);
    }
    if (withFailure) {
        MoveRecord& failed = run.records[2];
        failed.status = MoveStatus::Failed;
        failed.downtimeMs = -1;
        failed.attempts = 3;
        failed.error = QStringLiteral("The destination refused the incoming migration.");
        run.state = RunState::Stopped;
    }
    return run;
}

// Marks every text of the outage UI, so a test sees a retranslation without a finished catalogue.
class MarkingTranslator : public QTranslator
{
public:
    QString translate(const char* context, const char* sourceText, const char*, int) const override
    {
        const QByteArray ctx(context);
        if (ctx.startsWith("kumo::Outage"))
            return QStringLiteral("[ja] ") + QString::fromUtf8(sourceText);
        return {};
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class TestOutageUi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestCluster m_cluster;
    std::unique_ptr<ClusterController> m_controller;
    std::unique_ptr<MigrationController> m_migrations;
    std::unique_ptr<OutageStore> m_store;
    std::unique_ptr<Evacuation> m_evacuation;

    bool startCluster(const TestCluster& cluster)
    {
        m_cluster = cluster;
        m_controller = std::make_unique<ClusterController>();
        m_migrations = std::make_unique<MigrationController>(m_controller.get(),
                                                             m_dir.filePath(QStringLiteral("journal.jsonl")));
        m_store = std::make_unique<OutageStore>(m_dir.filePath(QStringLiteral("state")));
        m_evacuation = std::make_unique<Evacuation>(m_controller.get(), m_migrations.get(), m_store.get());
        m_controller->setInventory(cluster.inventory);
        int instances = 0;
        for (const TestNode& node : cluster.nodes)
            instances += int(node.domains.size());
        return QTest::qWaitFor(
            [&] {
                return m_controller->connectedNodeCount() == cluster.nodes.size() &&
                       m_controller->instanceCount() == instances;
            },
            20000);
    }
    // Real node sessions on an inventory file (e.g. a demo lab's, for the screenshots): waits until
    // every node answered and the instance count held still for a second.
    bool startInventory(const QString& path)
    {
        const Result<Inventory> inventory = Inventory::load(path);
        if (!inventory.ok())
            return false;
        TestCluster cluster;
        cluster.inventory = inventory.value();
        m_cluster = cluster;
        m_controller = std::make_unique<ClusterController>();
        m_migrations = std::make_unique<MigrationController>(m_controller.get(),
                                                             m_dir.filePath(QStringLiteral("journal.jsonl")));
        m_store = std::make_unique<OutageStore>(m_dir.filePath(QStringLiteral("state")));
        m_evacuation = std::make_unique<Evacuation>(m_controller.get(), m_migrations.get(), m_store.get());
        m_controller->setInventory(cluster.inventory);
        if (!QTest::qWaitFor(
                [&] { return m_controller->connectedNodeCount() == cluster.inventory.nodes.size(); }, 20000))
            return false;
        int seen = -1;
        return QTest::qWaitFor(
            [&] {
                const int now = m_controller->instanceCount();
                const bool settled = now > 0 && now == seen;
                seen = now;
                return settled;
            },
            20000);
    }
    // A drop of `uuid`'s chip on `node`'s card, as QDrag delivers it to the map.
    bool dropOn(CampusMapView* map, const QString& uuid, const QString& node)
    {
        map->mapScene()->flushLayout();
        InstanceChipItem* chip = map->mapScene()->chip(uuid);
        NodeCardItem* card = map->mapScene()->nodeCard(node);
        if (!chip || !card)
            return false;
        std::unique_ptr<QMimeData> mime(map->mapScene()->createDragMimeData(chip));
        map->ensureVisible(card, 4, 4);
        const QPoint at = map->mapFromScene(card->sceneBoundingRect().center());
        QDragEnterEvent enter(at, Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(map->viewport(), &enter);
        if (!enter.isAccepted())
            return false;
        QDragMoveEvent move(at, Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(map->viewport(), &move);
        QDropEvent drop(QPointF(at), Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(map->viewport(), &drop);
        return true;
    }

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
    void cleanup()
    {
        m_evacuation.reset();
        m_migrations.reset();
        if (m_controller)
            m_controller->shutdown();
        m_controller.reset();
        m_store.reset();
    }

    void wizardPlansEveryInstanceOfTheSite();
    void retargetThroughTheModelRevalidates();
    void dropOnTheWizardMapRetargets();
    void unplacedInstancesOfferAChoice();
    void reportPdfHasPagesAndPixels();
    void panelShowsProgressFailureAndReport();
    void siteMenuAndMaintenanceOnTheMap();
    void dryRunPageShowsEveryVerdict();
    void returnModeShowsHomesAndEndsMaintenance();
    void returnWarnsAboutServicesThatDidNotAnswer();
    void unfinishedRunIsOfferedForResume();
    void runOfAnotherProcessIsShownReadOnly();
    void closingMidRunAsks();
    void quitSignalsMidRun();
    void wizardRetranslates();
    void screenshots();
};

void TestOutageUi::wizardPlansEveryInstanceOfTheSite()
{
    QVERIFY(startCluster(generateTestCluster(m_dir.filePath(QStringLiteral("c1")), 2, 2, 3)));
    OutageWizard wizard(m_evacuation.get(), OutageDirection::Evacuate, Myodaiji);
    wizard.show();
    QCOMPARE(wizard.sitePage()->site(), Myodaiji);
    QVERIFY(wizard.sitePage()->isComplete());
    QSignalSpy arrowsSpy(&wizard, &OutageWizard::arrowsChanged);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(OutageWizard::PlanPageId));
    QVERIFY(arrowsSpy.count() >= 1);

    PlanTableModel* model = wizard.planPage()->planModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QStringList expected = uuidsOfSite(m_cluster, Myodaiji);
    QCOMPARE(model->rowCount() + wizard.planPage()->unplacedModel()->rowCount(), int(expected.size()));
    QCOMPARE(model->rowCount(), int(expected.size())); // plenty of room on Yamate
    for (const QString& uuid : expected) {
        const int row = model->rowOf(uuid);
        QVERIFY2(row >= 0, qPrintable(uuid));
        const QString to = model->index(row, int(PlanTableModel::Column::To)).data().toString();
        QVERIFY2(to.startsWith(Yamate), qPrintable(to));
        QCOMPARE(model->index(row, int(PlanTableModel::Column::Order)).data().toInt(), row + 1);
    }
    // One arrow per move on the wizard's map, each with both ends on the map.
    PlanArrowsItem* arrows = wizard.planPage()->map()->mapScene()->planArrows();
    QCOMPARE(arrows->arrowCount(), model->rowCount());
    for (const PlanArrow& arrow : arrows->arrows()) {
        QPointF from;
        QPointF to;
        QVERIFY(arrows->endsOf(arrow, &from, &to));
        QVERIFY(from != to);
    }
    QVERIFY(wizard.planPage()->isComplete());
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QCOMPARE(arrowsSpy.last().at(0).value<QList<PlanArrow>>().size(), model->rowCount());
}

void TestOutageUi::retargetThroughTheModelRevalidates()
{
    QVERIFY(startCluster(generateTestCluster(m_dir.filePath(QStringLiteral("c2")), 2, 2, 3)));
    OutageWizard wizard(m_evacuation.get(), OutageDirection::Evacuate, Myodaiji);
    wizard.show();
    wizard.next();
    PlanTableModel* model = wizard.planPage()->planModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model->rowCount() > 2);
    const int row = 1;
    const QString uuid = model->uuidAt(row);
    const QModelIndex to = model->index(row, int(PlanTableModel::Column::To));
    const QStringList candidates = to.data(ChoiceTextsRole).toStringList();
    QVERIFY(!candidates.isEmpty());
    for (const QString& node : candidates)
        QVERIFY2(node.startsWith(Yamate), qPrintable(node)); // never a node of the campus emptied

    // A node of the campus being evacuated is a problem: shown on the row, Next disabled.
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    QVERIFY(model->setData(to, QStringLiteral("myodaiji-02")));
    QCOMPARE(wizard.editor()->plan().moves.at(wizard.editor()->plan().indexOfMove(uuid)).toNode,
             QStringLiteral("myodaiji-02"));
    QVERIFY(wizard.editor()->hasProblems());
    QVERIFY(!wizard.editor()->problemsOf(uuid).isEmpty());
    QCOMPARE(model->problemRowCount(), 1);
    const QModelIndex note = model->index(row, int(PlanTableModel::Column::Note));
    QVERIFY(!note.data(Qt::ToolTipRole).toString().isEmpty());
    QVERIFY(!note.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!wizard.planPage()->isComplete());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(wizard.planPage()->summaryText().contains(wizard.editor()->problemsOf(uuid).constFirst()));
    // Only the edited row changed.
    QVERIFY(changed.count() >= 1);
    for (const QList<QVariant>& args : std::as_const(changed)) {
        QCOMPARE(args.at(0).toModelIndex().row(), row);
        QCOMPARE(args.at(1).toModelIndex().row(), row);
    }
    // The arrow of that move is marked.
    const QList<PlanArrow> arrows = wizard.planPage()->map()->mapScene()->planArrows()->arrows();
    const auto marked =
        std::find_if(arrows.cbegin(), arrows.cend(), [&](const PlanArrow& a) { return a.uuid == uuid; });
    QVERIFY(marked != arrows.cend() && marked->problem && marked->toNode == QStringLiteral("myodaiji-02"));

    // A good node again: no problem, Next enabled.
    QVERIFY(model->setData(to, candidates.constLast()));
    QVERIFY(!wizard.editor()->hasProblems());
    QCOMPARE(to.data().toString(), candidates.constLast());
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
}

void TestOutageUi::dropOnTheWizardMapRetargets()
{
    QVERIFY(startCluster(generateTestCluster(m_dir.filePath(QStringLiteral("c3")), 2, 2, 2)));
    OutageWizard wizard(m_evacuation.get(), OutageDirection::Evacuate, Myodaiji);
    wizard.resize(1300, 800);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    wizard.next();
    CampusMapView* map = wizard.planPage()->map();
    QVERIFY(map->hasDropHandler());
    // Drops go to the plan, not to a migration.
    QCOMPARE(map->dropHandler(), static_cast<DropHandler*>(wizard.editor()));
    const OutagePlan before = wizard.editor()->plan();
    QVERIFY(!before.moves.isEmpty());
    const PlannedMove move = before.moves.constFirst();
    const QString other = move.toNode == QStringLiteral("yamate-01") ? QStringLiteral("yamate-02")
                                                                     : QStringLiteral("yamate-01");

    // The chip dropped on another Yamate node: the plan's target changes, nothing migrates.
    QSignalSpy queued(m_migrations.get(), &MigrationController::migrationQueued);
    QVERIFY(dropOn(map, move.uuid, other));
    const OutagePlan after = wizard.editor()->plan();
    QCOMPARE(after.moves.at(after.indexOfMove(move.uuid)).toNode, other);
    QVERIFY(after.moves.at(after.indexOfMove(move.uuid)).edited);
    QVERIFY(!wizard.editor()->hasProblems());
    QCOMPARE(wizard.planPage()
                 ->planModel()
                 ->index(wizard.planPage()->planModel()->rowOf(move.uuid), int(PlanTableModel::Column::To))
                 .data()
                 .toString(),
             other);
    // The chip still sits on its own node: the map shows where instances are, arrows where they go.
    QCOMPARE(map->mapScene()->chip(move.uuid)->nodeName(), move.fromNode);

    // On a node of the campus being emptied the verdict refuses and the plan stays.
    const DropVerdict refused = wizard.editor()->verdict({move.uuid}, QStringLiteral("myodaiji-02"));
    QCOMPARE(refused.severity, CheckSeverity::Refused);
    QVERIFY(!refused.reasons.isEmpty());
    QVERIFY(dropOn(map, move.uuid, QStringLiteral("myodaiji-02")));
    QCOMPARE(wizard.editor()->plan(), after);
    // The main window's migration path is untouched: no migration was queued.
    QCOMPARE(queued.count(), 0);
}

void TestOutageUi::unplacedInstancesOfferAChoice()
{
    // Yamate in maintenance: nothing can take Myodaiji's instances.
    TestCluster cluster = generateTestCluster(m_dir.filePath(QStringLiteral("c4")), 2, 2, 2);
    for (NodeConfig& node : cluster.inventory.nodes)
        node.maintenance = node.site == Yamate;
    QVERIFY(startCluster(cluster));
    OutageWizard wizard(m_evacuation.get(), OutageDirection::Evacuate, Myodaiji);
    wizard.show();
    wizard.next();
    UnplacedTableModel* unplaced = wizard.planPage()->unplacedModel();
    QAbstractItemModelTester tester(unplaced, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(unplaced->rowCount(), int(uuidsOfSite(cluster, Myodaiji).size()));
    QCOMPARE(wizard.planPage()->planModel()->rowCount(), 0);
    QVERIFY(wizard.planPage()->unplacedTable()->isVisibleTo(&wizard));
    const QModelIndex reason = unplaced->index(0, int(UnplacedTableModel::Column::Reason));
    QVERIFY(!reason.data().toString().isEmpty());
    const QModelIndex choice = unplaced->index(0, int(UnplacedTableModel::Column::Choice));
    QVERIFY(choice.flags() & Qt::ItemIsEditable);
    QCOMPARE(choice.data(ChoiceTextsRole).toStringList().size(), 2);
    QCOMPARE(choice.data(Qt::EditRole).toInt(), int(UnplacedChoice::Leave));
    QVERIFY(unplaced->setData(choice, int(UnplacedChoice::ShutDownAndRestartLater)));
    QCOMPARE(choice.data(Qt::EditRole).toInt(), int(UnplacedChoice::ShutDownAndRestartLater));
    QCOMPARE(choice.data().toString(), unplacedChoiceText(UnplacedChoice::ShutDownAndRestartLater));
    QCOMPARE(wizard.editor()->plan().toShutDown().size(), 1);
    QCOMPARE(wizard.editor()->plan().toShutDown().constFirst().uuid, unplaced->uuidAt(0));
}

void TestOutageUi::reportPdfHasPagesAndPixels()
{
    const OutageReport report = OutageReport::fromRun(demoRun(true), QStringLiteral("Myodaiji"));
    QCOMPARE(report.rows.size(), 5);
    const OutageReportPdf pdf(report);
    QCOMPARE(pdf.pageCount(), 1);
    const QString path = m_dir.filePath(QStringLiteral("report.pdf"));
    QVERIFY(pdf.write(path).ok());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("%PDF"));
    QVERIFY2(bytes.size() > 8 * 1024, qPrintable(QString::number(bytes.size())));

    const QImage page = pdf.renderPage(0, 600);
    QCOMPARE(page.width(), 600);
    int inked = 0;
    int red = 0;
    for (int y = 0; y < page.height(); y += 2) {
        for (int x = 0; x < page.width(); x += 2) {
            const QColor c = page.pixelColor(x, y);
            inked += c != QColor(Qt::white) ? 1 : 0;
            red += c.red() > 180 && c.green() < 80 && c.blue() < 80 ? 1 : 0;
        }
    }
    QVERIFY2(inked > 2000, qPrintable(QString::number(inked)));
    QVERIFY(red > 0); // the failed move's bar

    // Many instances continue the table on further pages.
    OutageRun big = demoRun();
    const MoveRecord model = big.records.constFirst();
    for (int i = 0; i < 120; ++i) {
        MoveRecord extra = model;
        extra.move.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        extra.move.name = QStringLiteral("guest-%1").arg(i, 3, 10, QLatin1Char('0'));
        big.plan.moves.append(extra.move);
        big.records.append(extra);
    }
    const OutageReportPdf longPdf(OutageReport::fromRun(big, QStringLiteral("Myodaiji")));
    QVERIFY(longPdf.pageCount() >= 3);
    QVERIFY(longPdf.write(m_dir.filePath(QStringLiteral("long.pdf"))).ok());
    QVERIFY(!longPdf.renderPage(longPdf.pageCount() - 1, 300).isNull());

    // Japanese: the CJK title is laid out (the site name in kanji) without trouble.
    QVERIFY(language::install(QStringLiteral("ja")));
    const OutageReportPdf ja(OutageReport::fromRun(demoRun(), QStringLiteral("明大寺地区")));
    QVERIFY(ja.write(m_dir.filePath(QStringLiteral("ja.pdf"))).ok());
    QVERIFY(QFileInfo(m_dir.filePath(QStringLiteral("ja.pdf"))).size() > 8 * 1024);
}

void TestOutageUi::panelShowsProgressFailureAndReport()
{
    QVERIFY(startCluster(labLikeCluster(m_dir.filePath(QStringLiteral("c5")))));
    OutagePanel panel(m_evacuation.get());
    panel.resize(1000, 400);
    panel.show();
    QSignalSpy shown(&panel, &OutagePanel::runShown);
    QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    OutageRun run = demoRun();
    run.state = RunState::Running;
    for (int i = 2; i < run.records.size(); ++i) {
        run.records[i].status = MoveStatus::Pending;
        run.records[i].started = {};
        run.records[i].finished = {};
        run.records[i].downtimeMs = -1;
        run.records[i].dataBytes = 0;
    }
    run.records[2].status = MoveStatus::Running;
    run.records[2].started = QDateTime::currentDateTimeUtc().addSecs(-3);
    run.records[2].dataBytes = 24 * 1024 * 1024;
    panel.showRun(run);
    QCOMPARE(shown.count(), 1);
    QCOMPARE(panel.model()->rowCount(), 5);
    const QModelIndex progress = panel.model()->index(2, int(OutageRunModel::Column::Progress));
    QVERIFY2(progress.data().toString().startsWith(QStringLiteral("50%")),
             qPrintable(progress.data().toString()));
    QCOMPARE(panel.model()->index(0, int(OutageRunModel::Column::Status)).data().toString(),
             moveStatusText(MoveStatus::Done));

    OutageProgress figures;
    figures.total = 5;
    figures.done = 2;
    figures.running = 1;
    figures.bytesTotal = quint64(272) * 1024 * 1024;
    figures.bytesMoved = quint64(165) * 1024 * 1024;
    figures.elapsedMs = 7000;
    figures.etaMs = 9000;
    panel.setProgress(figures);
    QVERIFY2(panel.progressText().contains(QStringLiteral("2 of 5")), qPrintable(panel.progressText()));
    QVERIFY(panel.progressText().contains(formatDurationMs(9000)));

    // One record changes: one row changes.
    QSignalSpy changed(panel.model(), &QAbstractItemModel::dataChanged);
    run.records[2].dataBytes = 40 * 1024 * 1024;
    panel.showRun(run);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 2);

    // A failure under stop-and-ask: a prompt in the panel, with the error in words.
    QVERIFY(!panel.isFailurePromptShown());
    Q_EMIT m_evacuation->execution()->moveFailed(
        2, QStringLiteral("The destination refused the incoming migration."));
    QVERIFY(panel.isFailurePromptShown());
    QVERIFY(panel.failureText().contains(QStringLiteral("dns1")));
    QVERIFY(panel.failureText().contains(QStringLiteral("refused the incoming migration")));
    QVERIFY(panel.retryButton()->isVisible() && panel.skipButton()->isVisible() &&
            panel.stopButton()->isVisible());
    QVERIFY(!panel.retryButton()->hasFocus());
    panel.skipButton()->click();
    QVERIFY(!panel.isFailurePromptShown());

    // The run ends: the report with its totals, exported as CSV.
    QVERIFY(!panel.exportCsvButton()->isEnabled());
    Q_EMIT m_evacuation->execution()->runFinished(demoRun());
    QVERIFY(panel.report().has_value());
    QCOMPARE(panel.report()->moved, 5);
    QVERIFY(panel.exportCsvButton()->isEnabled() && panel.exportPdfButton()->isEnabled());
    const QString csv = m_dir.filePath(QStringLiteral("report.csv"));
    QVERIFY(panel.exportCsv(csv));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    for (const char* name : {"mail", "www", "dns1", "ldap", "calc01"})
        QVERIFY2(text.contains(QString::fromLatin1(name)), name);
    QVERIFY(text.count(QLatin1Char('\n')) >= 6);
    QVERIFY(panel.exportPdf(m_dir.filePath(QStringLiteral("panel.pdf"))));
    QString error;
    QVERIFY(!panel.exportCsv(m_dir.filePath(QStringLiteral("no/such/dir/report.csv")), &error));
    QVERIFY(!error.isEmpty());
}

void TestOutageUi::siteMenuAndMaintenanceOnTheMap()
{
    QVERIFY(startCluster(labLikeCluster(m_dir.filePath(QStringLiteral("c6")))));
    MainWindow window(m_controller.get(), m_migrations.get());
    window.setEvacuation(m_evacuation.get());
    window.show();
    QVERIFY(!window.resumeBar()->isVisible());
    QVERIFY(window.outageDock() && !window.outageDock()->isVisible());

    // The Site menu in the menu bar, between Instance and Help.
    const QList<QAction*> menus = window.menuBar()->actions();
    const qsizetype site = menus.indexOf(window.siteMenu()->menuAction());
    QVERIFY(site > 0 && site < menus.size() - 1);
    QVERIFY(window.siteMenu()->actions().contains(window.prepareOutageAction()));
    QVERIFY(window.siteMenu()->actions().contains(window.endOutageAction()));
    QVERIFY(window.prepareOutageAction()->isEnabled());
    QVERIFY(!window.endOutageAction()->isEnabled()); // nothing to end yet

    // The map's site context menu has both actions, enabled by state.
    std::unique_ptr<QMenu> menu(window.createSiteMenu(Myodaiji, &window));
    QCOMPARE(menu->actions().size(), 2);
    QCOMPARE(menu->actions().at(0)->text(), window.prepareOutageAction()->text());
    QCOMPARE(menu->actions().at(1)->text(), window.endOutageAction()->text());
    QVERIFY(menu->actions().at(0)->isEnabled());
    QVERIFY(!menu->actions().at(1)->isEnabled());

    // Maintenance: the site area shows it, and the outage can be ended.
    SiteAreaItem* area = window.map()->mapScene()->siteArea(Myodaiji);
    QVERIFY(area && !area->isMaintenance());
    m_controller->setSiteMaintenance(Myodaiji, true);
    QTRY_VERIFY(area->isMaintenance());
    QCOMPARE(area->maintenanceText(), QStringLiteral("Maintenance mode"));
    QVERIFY(!window.map()->mapScene()->siteArea(Yamate)->isMaintenance());
    menu.reset(window.createSiteMenu(Myodaiji, &window));
    QVERIFY(menu->actions().at(1)->isEnabled());
    std::unique_ptr<QMenu> yamateMenu(window.createSiteMenu(Yamate, &window));
    QVERIFY(!yamateMenu->actions().at(1)->isEnabled());
    m_controller->setSiteMaintenance(Myodaiji, false);
    QTRY_VERIFY(!area->isMaintenance());
    QVERIFY(area->maintenanceText().isEmpty());

    // "Prepare…" from the context menu opens the wizard for that site; its plan is drawn on the
    // main map too, and goes away when the wizard is cancelled.
    menu.reset(window.createSiteMenu(Myodaiji, &window));
    menu->actions().at(0)->trigger();
    QPointer<OutageWizard> wizard = window.outageWizard();
    QVERIFY(wizard);
    QCOMPARE(wizard->sitePage()->site(), Myodaiji);
    QCOMPARE(wizard->windowModality(), Qt::WindowModal);
    QVERIFY(!window.prepareOutageAction()->isEnabled()); // one wizard at a time
    wizard->next();
    const int moves = int(wizard->editor()->plan().moves.size());
    QCOMPARE(moves, 5);
    QCOMPARE(window.map()->mapScene()->planArrows()->arrowCount(), moves);
    wizard->reject();
    QTRY_VERIFY(!wizard);
    QCOMPARE(window.map()->mapScene()->planArrows()->arrowCount(), 0);
    QVERIFY(window.prepareOutageAction()->isEnabled());
}

void TestOutageUi::dryRunPageShowsEveryVerdict()
{
    QVERIFY(startCluster(labLikeCluster(m_dir.filePath(QStringLiteral("c8")))));
    OutageWizard wizard(m_evacuation.get(), OutageDirection::Evacuate, Myodaiji);
    wizard.show();
    wizard.next();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(OutageWizard::DryRunPageId));
    OutageDryRunPage* page = wizard.dryRunPage();
    // Started on entering; Finish waits for the answer.
    QVERIFY(page->isRunning() || page->hasResult());
    if (page->isRunning())
        QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(page->hasResult(), 30000);
    QCOMPARE(page->results()->rowCount(), int(wizard.editor()->plan().moves.size()));
    for (int row = 0; row < page->results()->rowCount(); ++row) {
        QVERIFY(!page->results()->item(row, 2)->text().isEmpty());
        QVERIFY(!page->results()->item(row, 3)->text().isEmpty());
    }
    QCOMPARE(wizard.button(QWizard::FinishButton)->isEnabled(), page->refusedCount() == 0);
    QCOMPARE(wizard.button(QWizard::FinishButton)->text(), QStringLiteral("&Start evacuation"));
    // A changed plan needs a new dry run.
    PlanTableModel* model = wizard.planPage()->planModel();
    const QModelIndex to = model->index(0, int(PlanTableModel::Column::To));
    const QStringList candidates = to.data(ChoiceTextsRole).toStringList();
    const QString other =
        candidates.constFirst() == to.data().toString() ? candidates.constLast() : candidates.constFirst();
    QVERIFY(model->setData(to, other));
    QVERIFY(!page->isComplete());
}

void TestOutageUi::returnModeShowsHomesAndEndsMaintenance()
{
    QVERIFY(startCluster(labLikeCluster(m_dir.filePath(QStringLiteral("c9")))));
    // As if dns2 and calc02 had been evacuated from myodaiji-01 to where they run now.
    OutageState state;
    state.site = Myodaiji;
    state.phase = OutagePhase::InMaintenance;
    state.evacuation.plan.site = Myodaiji;
    state.returnRun.plan.site = Myodaiji;
    for (const InstanceSnapshot& instance : m_controller->instances()) {
        if (instance.name == QStringLiteral("dns2") || instance.name == QStringLiteral("calc02"))
            state.homes.insert(instance.uuid,
                               HomeRecord{instance.name, QStringLiteral("myodaiji-01"), false});
    }
    QCOMPARE(state.homes.size(), 2);
    QVERIFY(m_store->save(state).ok());
    const Result<OutageState> loaded = m_store->load(Myodaiji);
    QVERIFY2(loaded.ok(), qPrintable(loaded ? QString() : loaded.error().toString()));
    m_controller->setSiteMaintenance(Myodaiji, true);

    OutageWizard wizard(m_evacuation.get(), OutageDirection::Return, Myodaiji);
    wizard.show();
    OutageSitePage* page = wizard.sitePage();
    QCOMPARE(page->site(), Myodaiji);
    QTableWidget* homes = page->findChild<QTableWidget*>(QStringLiteral("homesTable"));
    QVERIFY(homes && homes->isVisibleTo(&wizard));
    QCOMPARE(homes->rowCount(), 2);
    QCOMPARE(homes->item(0, 0)->text(), QStringLiteral("calc02"));
    QCOMPARE(homes->item(0, 1)->text(), QStringLiteral("myodaiji-01"));
    QCOMPARE(homes->item(0, 2)->text(), QStringLiteral("yamate-01"));
    // The campus stays in maintenance until the person says power is back.
    QVERIFY(!page->isComplete());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QCheckBox* endMaintenance = page->findChild<QCheckBox*>(QStringLiteral("endMaintenanceCheck"));
    QVERIFY(endMaintenance);
    endMaintenance->setChecked(true);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(OutageWizard::PlanPageId));
    QVERIFY(!m_controller->maintenanceSites().contains(Myodaiji));
    const OutagePlan plan = wizard.editor()->plan();
    QCOMPARE(plan.direction, OutageDirection::Return);
    QCOMPARE(plan.moves.size(), 2);
    for (const PlannedMove& move : plan.moves)
        QCOMPARE(move.toNode, QStringLiteral("myodaiji-01"));
    QCOMPARE(wizard.planPage()->map()->mapScene()->planArrows()->arrowCount(), 2);
    QCOMPARE(wizard.planPage()->title(), QStringLiteral("Return plan"));

    // No service went silent after the evacuation: nothing to warn about.
    QVERIFY(wizard.silentServices().isEmpty());
    QVERIFY(wizard.confirmServices());
    QVERIFY(!wizard.serviceWarning());
}

void TestOutageUi::returnWarnsAboutServicesThatDidNotAnswer()
{
    QVERIFY(startCluster(labLikeCluster(m_dir.filePath(QStringLiteral("c9s")))));
    // dns2 and calc02 were evacuated; dns2's service did not answer after its move.
    OutageState state;
    state.site = Myodaiji;
    state.phase = OutagePhase::InMaintenance;
    state.returnRun.plan.site = Myodaiji;
    OutagePlan evacuated;
    evacuated.site = Myodaiji;
    for (const InstanceSnapshot& instance : m_controller->instances()) {
        if (instance.name != QStringLiteral("dns2") && instance.name != QStringLiteral("calc02"))
            continue;
        state.homes.insert(instance.uuid, HomeRecord{instance.name, QStringLiteral("myodaiji-01"), false});
        PlannedMove move;
        move.uuid = instance.uuid;
        move.name = instance.name;
        move.fromNode = QStringLiteral("myodaiji-01");
        move.toNode = instance.node;
        move.homeNode = move.fromNode;
        evacuated.moves.append(move);
    }
    QCOMPARE(evacuated.moves.size(), 2);
    state.evacuation = OutageRun::fromPlan(evacuated);
    state.evacuation.state = RunState::Completed;
    for (MoveRecord& record : state.evacuation.records) {
        record.status = MoveStatus::Done;
        record.serviceBefore = ServiceAnswer::Answered;
        const bool silent = record.move.name == QStringLiteral("dns2");
        record.serviceAfter = silent ? ServiceAnswer::NoAnswer : ServiceAnswer::Answered;
        record.serviceGapMs = silent ? 30000 : 400;
    }
    QVERIFY(m_store->save(state).ok());

    OutageWizard wizard(m_evacuation.get(), OutageDirection::Return, Myodaiji);
    wizard.show();
    wizard.sitePage()->findChild<QCheckBox*>(QStringLiteral("endMaintenanceCheck"))->setChecked(true);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(OutageWizard::PlanPageId));
    QCOMPARE(wizard.silentServices(), QStringList{QStringLiteral("dns2")});

    // Before the return starts: a warning naming dns2; going back leaves the wizard as it is.
    QVERIFY(!wizard.confirmServices());
    QPointer<QMessageBox> warning = wizard.serviceWarning();
    QVERIFY(warning);
    QTRY_VERIFY(warning->isVisible());
    QVERIFY2(warning->text().contains(QStringLiteral("dns2")), qPrintable(warning->text()));
    QVERIFY(!warning->text().contains(QStringLiteral("calc02")));
    QCOMPARE(warning->defaultButton(), warning->button(QMessageBox::Cancel));
    warning->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!warning);
    QVERIFY(wizard.isVisible());

    // Asked again, the person goes on: from then on the return may start.
    QVERIFY(!wizard.confirmServices());
    warning = wizard.serviceWarning();
    QVERIFY(warning);
    QAbstractButton* goOn = nullptr;
    for (QAbstractButton* button : warning->buttons()) {
        if (warning->buttonRole(button) == QMessageBox::AcceptRole)
            goOn = button;
    }
    QVERIFY(goOn);
    goOn->click();
    QTRY_VERIFY(!warning);
    QVERIFY(wizard.confirmServices());
    QVERIFY(!wizard.serviceWarning());

    // The run panel's column says the same for the evacuation run.
    OutagePanel panel(m_evacuation.get());
    panel.showRun(state.evacuation);
    OutageRunModel* model = panel.model();
    QCOMPARE(model->headerData(int(OutageRunModel::Column::ServiceAfter), Qt::Horizontal).toString(),
             QStringLiteral("Service after move"));
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString name = model->index(row, int(OutageRunModel::Column::Instance)).data().toString();
        const QModelIndex service = model->index(row, int(OutageRunModel::Column::ServiceAfter));
        QCOMPARE(service.data().toString(),
                 name == QStringLiteral("dns2") ? QStringLiteral("no answer") : QStringLiteral("answered"));
        QVERIFY(service.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Service gap")));
    }
}

void TestOutageUi::unfinishedRunIsOfferedForResume()
{
    QVERIFY(startCluster(labLikeCluster(m_dir.filePath(QStringLiteral("c10")))));
    OutagePlan plan = m_evacuation->planEvacuation(Myodaiji);
    QVERIFY(!plan.moves.isEmpty());
    plan.id = QStringLiteral("unfinished-run");
    OutageState state;
    state.site = Myodaiji;
    state.phase = OutagePhase::Evacuating;
    state.evacuation = OutageRun::fromPlan(plan);
    state.evacuation.state = RunState::Running;
    state.evacuation.started = QDateTime::currentDateTimeUtc();
    state.returnRun.plan.site = Myodaiji;
    for (const PlannedMove& move : plan.moves)
        state.homes.insert(move.uuid, HomeRecord{move.name, move.fromNode, false});
    QVERIFY(state.isUnfinished());
    QVERIFY(m_store->save(state).ok());
    const Result<OutageState> loaded = m_store->load(Myodaiji);
    QVERIFY2(loaded.ok(), qPrintable(loaded ? QString() : loaded.error().toString()));
    QVERIFY(loaded->isUnfinished());
    QCOMPARE(m_evacuation->unfinished().size(), 1);

    MainWindow window(m_controller.get(), m_migrations.get());
    window.setEvacuation(m_evacuation.get());
    window.show();
    QVERIFY(window.resumeBar()->isVisible());
    QVERIFY(window.resumeButton()->isEnabled());
    QVERIFY(window.resumeBar()->findChild<QLabel*>()->text().contains(QStringLiteral("Myodaiji")));
    // Recorded homes: the outage of Myodaiji can be ended from the Site menu.
    QVERIFY(window.endOutageAction()->isEnabled());
}

namespace {

OutageState unfinishedEvacuation(const OutagePlan& plan)
{
    OutageState state;
    state.site = plan.site;
    state.phase = OutagePhase::Evacuating;
    state.evacuation = OutageRun::fromPlan(plan);
    state.evacuation.state = RunState::Running;
    state.evacuation.started = QDateTime::currentDateTimeUtc();
    state.returnRun.plan.site = plan.site;
    state.returnRun.plan.direction = OutageDirection::Return;
    for (const PlannedMove& move : plan.moves)
        state.homes.insert(move.uuid, HomeRecord{move.name, move.fromNode, false});
    return state;
}

// What the owner of a run writes, as that process would (this one may not: it does not hold the lock).
bool writeAsOwner(const QString& path, const OutageState& state)
{
    QSaveFile file(path);
    const QByteArray data = QJsonDocument(state.toJson()).toJson();
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit();
}

} // namespace

void TestOutageUi::runOfAnotherProcessIsShownReadOnly()
{
    QVERIFY(startCluster(labLikeCluster(m_dir.filePath(QStringLiteral("c11")))));
    QVERIFY(m_store->remove(Myodaiji).ok());
    OutagePlan plan = m_evacuation->planEvacuation(Myodaiji);
    QVERIFY(plan.moves.size() >= 2);
    plan.id = QStringLiteral("run-elsewhere");
    OutageState state = unfinishedEvacuation(plan);
    state.evacuation.records[0].status = MoveStatus::Running;
    QVERIFY(m_store->save(state).ok());

    // Another process takes the campus's lock and writes its record, as a headless run does.
    QProcess owner;
    const auto stopOwner = qScopeGuard([&owner] {
        owner.kill();
        owner.waitForFinished(10000);
    });
    owner.start(QStringLiteral("sh"),
                {QStringLiteral("-c"),
                 QStringLiteral(
                     "exec 9>>\"$1\" && flock -x 9 && printf "
                     "'{\"pid\":%s,\"host\":\"%s\",\"started\":\"%s\",\"program\":\"kumo\"}\\n' "
                     "$$ \"$2\" \"$(date -u +%Y-%m-%dT%H:%M:%S.000Z)\" >&9 && echo locked && exec sleep 120"),
                 QStringLiteral("sh"), m_store->lockPathFor(Myodaiji), QSysInfo::machineHostName()});
    QVERIFY(owner.waitForStarted(10000));
    QByteArray said;
    QTRY_VERIFY_WITH_TIMEOUT((said += owner.readAllStandardOutput()).contains("locked"), 10000);
    const QString ownerPid = QString::number(owner.processId());

    QVERIFY(m_evacuation->unfinished().isEmpty()); // nothing to offer: it is running elsewhere
    QCOMPARE(m_evacuation->runningElsewhere().size(), 1);
    QCOMPARE(m_evacuation->runningElsewhere().constFirst().second.pid, owner.processId());

    MainWindow window(m_controller.get(), m_migrations.get());
    window.setEvacuation(m_evacuation.get());
    window.show();
    QVERIFY(window.resumeBar()->isVisible());
    QVERIFY(!window.resumeButton()->isVisible()); // no resume here
    const QString barText = window.resumeBar()->findChild<QLabel*>()->text();
    QVERIFY2(barText.contains(ownerPid) && barText.contains(QStringLiteral("Myodaiji")) &&
                 barText.contains(QStringLiteral("read-only")),
             qPrintable(barText));
    QCOMPARE(window.outageUi()->watchedSite(), Myodaiji);
    OutagePanel* panel = window.outagePanel();
    QVERIFY(panel->isWatching());
    QTRY_VERIFY_WITH_TIMEOUT(window.outageDock()->isVisible(), 10000);
    QVERIFY2(panel->headerText().contains(ownerPid), qPrintable(panel->headerText()));
    QVERIFY(!panel->pauseButton()->isEnabled());
    QVERIFY(!panel->resumeButton()->isEnabled());
    QVERIFY(!panel->abortButton()->isEnabled());
    QCOMPARE(panel->run().records.at(0).status, MoveStatus::Running);
    // Resuming it here is refused, naming the owner; nothing was written.
    const Result<void> resumed = m_evacuation->resumeUnfinished(Myodaiji);
    QVERIFY(!resumed.ok());
    QVERIFY2(resumed.error().message.contains(ownerPid), qPrintable(resumed.error().message));
    QVERIFY(!m_evacuation->execution()->isActive());

    // Live: the owner's next write shows up.
    state.evacuation.records[0].status = MoveStatus::Done;
    state.evacuation.records[1].status = MoveStatus::Running;
    QVERIFY(writeAsOwner(m_store->pathFor(Myodaiji), state));
    QTRY_COMPARE_WITH_TIMEOUT(panel->run().records.at(0).status, MoveStatus::Done, 10000);
    QCOMPARE(panel->run().records.at(1).status, MoveStatus::Running);
    QVERIFY(panel->isWatching());

    // The owner dies mid-run: its lock is stale, the run is offered for resume here.
    owner.kill();
    QVERIFY(owner.waitForFinished(10000));
    QTRY_VERIFY_WITH_TIMEOUT(window.resumeButton()->isVisible(), 10000);
    QVERIFY(!panel->isWatching());
    QVERIFY(window.outageUi()->watchedSite().isEmpty());
    QCOMPARE(m_evacuation->unfinished().size(), 1);
    QVERIFY(m_store->remove(Myodaiji).ok());
}

void TestOutageUi::closingMidRunAsks()
{
    QVERIFY(startCluster(labLikeCluster(m_dir.filePath(QStringLiteral("c12")))));
    QVERIFY(m_store->remove(Myodaiji).ok());
    MainWindow window(m_controller.get(), m_migrations.get());
    window.setEvacuation(m_evacuation.get());
    window.show();
    OutageExecution* execution = m_evacuation->execution();
    execution->setFailurePolicy(FailurePolicy::StopAndAsk);
    const auto question = [&window]() -> QMessageBox* {
        return window.findChild<QMessageBox*>(QStringLiteral("closeDuringRunQuestion"));
    };
    const auto answer = [&](const char* button) {
        QMessageBox* box = window.outageUi()->closeQuestion();
        QVERIFY(box);
        QVERIFY(box->isVisible());
        auto* choice = box->findChild<QPushButton*>(QLatin1String(button));
        QVERIFY(choice);
        choice->click();
    };

    // Nothing running: the window closes without a question.
    QVERIFY(window.close());
    QVERIFY(!question());
    window.show();

    OutagePlan plan = m_evacuation->planEvacuation(Myodaiji);
    QVERIFY(!plan.moves.isEmpty());
    const Result<void> started = m_evacuation->start(plan);
    QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().toString()));
    QCOMPARE(execution->run()->state, RunState::Running);

    // 1. Keep the window: nothing changes.
    QVERIFY(!window.close());
    QVERIFY(window.isVisible());
    answer("keepWindow");
    QVERIFY(window.isVisible());
    QVERIFY(!window.outageUi()->isClosingAfterMoves());
    QCOMPARE(execution->run()->state, RunState::Running);

    // 2. Let the running moves finish, then close: no new move starts, the run stays resumable.
    QVERIFY(!window.close());
    answer("finishThenClose");
    QCOMPARE(execution->run()->state, RunState::Paused);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 30000);
    QCOMPARE(execution->migrationsInFlight(), 0);
    QCOMPARE(execution->run()->state, RunState::Paused);
    QVERIFY(m_store->holdsLock(Myodaiji)); // still this console's run
    QVERIFY(m_store->load(Myodaiji)->isUnfinished());

    // 3. Cancel the moves and close: they are cancelled, the run stops (resumable), then it closes.
    window.show();
    execution->resume(); // moves start at the next turn of the event loop
    QCOMPARE(execution->run()->state, RunState::Running);
    QVERIFY(!window.close());
    answer("cancelAndClose");
    QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 30000);
    QCOMPARE(execution->migrationsInFlight(), 0);
    QCOMPARE(execution->run()->state, RunState::Stopped);
    QVERIFY(m_store->load(Myodaiji)->isUnfinished());
}

namespace {

// Runs the application's event loop as main() does, with `act` called in it: exec()'s code, or
// 99 when nothing quit within `timeoutMs`.
int execWith(const std::function<void()>& act, int timeoutMs)
{
    QTimer::singleShot(0, qApp, act);
    QTimer watchdog;
    watchdog.setSingleShot(true);
    QObject::connect(&watchdog, &QTimer::timeout, qApp, [] { QCoreApplication::exit(99); });
    watchdog.start(timeoutMs);
    return QCoreApplication::exec();
}

int runningJobs(const FakeMigrationJobFactory& jobs)
{
    int running = 0;
    for (const quint64 id : jobs.madeIds()) {
        const FakeMigrationJobRecord record = jobs.record(id);
        running += record.started && !record.finished ? 1 : 0;
    }
    return running;
}

} // namespace

void TestOutageUi::quitSignalsMidRun()
{
    // Moves that take as long as the test says (fake jobs), on a small cloud of two campuses.
    FakeCloud cloud;
    FakeMigrationJobFactory jobs; // outlives the queue
    cloud.addSite(Myodaiji);
    cloud.addSite(Yamate);
    constexpr quint64 GiBInKiB = 1024 * 1024;
    cloud.addNode(Myodaiji, QStringLiteral("myodaiji-01"), 8, 32 * GiBInKiB);
    cloud.addNode(Yamate, QStringLiteral("yamate-01"), 8, 32 * GiBInKiB);
    for (const char* name : {"mail", "web"})
        cloud.addInstance(QStringLiteral("myodaiji-01"), QLatin1String(name), 1, GiBInKiB);
    FakeMigrationScript hanging;
    hanging.outcome = FakeMigrationScript::Outcome::Hang;
    jobs.setScript(hanging);
    const QString stateDir = m_dir.filePath(QStringLiteral("signals-state"));
    auto cluster = std::make_unique<ClusterController>(cloud.sessionFactory());
    cluster->setInventory(cloud.inventory());
    auto migrations = std::make_unique<MigrationController>(
        cluster.get(), m_dir.filePath(QStringLiteral("signals-journal.jsonl")), cloud.jobFactory(&jobs));
    auto store = std::make_unique<OutageStore>(stateDir);
    auto evacuation = std::make_unique<Evacuation>(cluster.get(), migrations.get(), store.get());
    auto window = std::make_unique<MainWindow>(cluster.get(), migrations.get());
    const auto teardown = qScopeGuard([&] {
        window.reset();
        evacuation.reset();
        migrations.reset();
        cluster->shutdown();
    });
    window->setEvacuation(evacuation.get());
    window->show();
    OutageExecution* execution = evacuation->execution();
    execution->setFailurePolicy(FailurePolicy::StopAndAsk);
    QTRY_VERIFY_WITH_TIMEOUT(cluster->instanceCount() == 2 && evacuation->hasHeardFrom(), 10000);

    // Outside a run every signal quits.
    QCOMPARE(window->outageUi()->answerQuitSignal(false), OutageUiController::SignalAnswer::Quit);
    QCOMPARE(window->outageUi()->answerQuitSignal(true), OutageUiController::SignalAnswer::Quit);

    const OutagePlan plan = evacuation->planEvacuation(Myodaiji);
    QCOMPARE(plan.moves.size(), 2);
    const Result<void> started = evacuation->start(plan);
    QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().toString()));
    QTRY_VERIFY_WITH_TIMEOUT(runningJobs(jobs) > 0, 10000);

    // SIGHUP (the terminal went away) stops nothing and says so.
    QSignalSpy status(window->outageUi(), &OutageUiController::statusMessage);
    window->quitOnSignal(true);
    QCOMPARE(execution->run()->state, RunState::Running);
    QVERIFY(window->isVisible());
    for (const quint64 id : jobs.madeIds())
        QCOMPARE(jobs.record(id).cancelCalls, 0);
    QVERIFY(!status.isEmpty());
    QVERIFY2(status.last().at(0).toString().contains(QStringLiteral("terminal")),
             qPrintable(status.last().at(0).toString()));

    // SIGINT while the close question is open: answered as "cancel the moves and close" (the
    // question goes), and the application quits once no move is in flight.
    QVERIFY(!window->close());
    QVERIFY(window->outageUi()->closeQuestion());
    QElapsedTimer quitting;
    quitting.start();
    QCOMPARE(execWith([&] { window->quitOnSignal(false); }, 30000), 0);
    qInfo("FIGURE window-signal-cancel-and-quit-ms=%lld", quitting.elapsed());
    QVERIFY(!window->outageUi()->closeQuestion());
    QVERIFY(!window->isVisible());
    QCOMPARE(execution->migrationsInFlight(), 0);
    QCOMPARE(execution->run()->state, RunState::Stopped);
    for (const quint64 id : jobs.madeIds()) {
        QVERIFY(jobs.record(id).cancelCalls >= 1);
        QCOMPARE(jobs.record(id).outcome, MigrationPhase::Cancelled);
    }
    const Result<OutageState> stopped = OutageStore(stateDir).load(Myodaiji);
    QVERIFY(stopped.ok());
    QVERIFY(stopped->isUnfinished());
    QCOMPARE(stopped->evacuation.state, RunState::Stopped);
    QVERIFY(stopped->evacuation.count(MoveStatus::Cancelled) > 0);
    // The campus is free: a headless run (here: another store) can take it.
    QVERIFY(!store->holdsLock(Myodaiji));
    {
        OutageStore other(stateDir);
        QVERIFY(other.lock(Myodaiji).ok());
    }

    // Again, with moves an abort cannot reach: the first signal cancels and waits, the second
    // quits at once, the run stopped and resumable.
    FakeMigrationScript stuck;
    stuck.ignoresCancel = true;
    stuck.progressSteps = 2;
    jobs.setScript(stuck);
    const int madeBefore = jobs.count();
    window->show();
    execution->resume(); // takes the campus again and looks where every instance is first
    QTRY_VERIFY_WITH_TIMEOUT(jobs.count() > madeBefore && runningJobs(jobs) > 0, 10000);
    QVERIFY(store->holdsLock(Myodaiji));
    bool visibleAfterFirst = false;
    int inFlightAfterFirst = 0;
    const int code = execWith(
        [&] {
            window->quitOnSignal(false);
            QTimer::singleShot(300, qApp, [&] {
                visibleAfterFirst = window->isVisible();
                inFlightAfterFirst = execution->migrationsInFlight();
                quitting.restart();
                window->quitOnSignal(false);
            });
        },
        30000);
    qInfo("FIGURE window-second-signal-quit-ms=%lld", quitting.elapsed());
    QCOMPARE(code, 0);
    QVERIFY(visibleAfterFirst);
    QVERIFY(inFlightAfterFirst > 0);
    QCOMPARE(execution->run()->state, RunState::Stopped);
    const Result<OutageState> left = OutageStore(stateDir).load(Myodaiji);
    QVERIFY(left.ok());
    QVERIFY(left->isUnfinished());
    QCOMPARE(left->evacuation.state, RunState::Stopped);

    // The stuck moves end after all (as a migration may after exit), so the fixture closes cleanly.
    QVERIFY(QTest::qWaitFor(
        [&] {
            for (const quint64 id : jobs.madeIds()) {
                const FakeMigrationJobRecord record = jobs.record(id);
                if (record.started && !record.finished)
                    jobs.advance(id);
            }
            return runningJobs(jobs) == 0 && execution->migrationsInFlight() == 0;
        },
        10000));
}

void TestOutageUi::wizardRetranslates()
{
    QVERIFY(startCluster(labLikeCluster(m_dir.filePath(QStringLiteral("c7")))));
    OutageWizard wizard(m_evacuation.get(), OutageDirection::Evacuate, Myodaiji);
    wizard.show();
    wizard.next();
    QCOMPARE(wizard.windowTitle(), QStringLiteral("Prepare for planned outage"));
    const QString siteEnglish = wizard.sitePage()->title();
    MarkingTranslator marking;
    QVERIFY(language::install(QStringLiteral("ja")));
    QCoreApplication::installTranslator(&marking);
    QCoreApplication::processEvents();
    QCOMPARE(wizard.windowTitle(), QStringLiteral("[ja] Prepare for planned outage"));
    QCOMPARE(wizard.sitePage()->title(), QStringLiteral("[ja] ") + siteEnglish);
    QVERIFY(wizard.planPage()->title().startsWith(QStringLiteral("[ja] ")));
    QVERIFY(wizard.dryRunPage()->title().startsWith(QStringLiteral("[ja] ")));
    QVERIFY(wizard.button(QWizard::FinishButton)->text().startsWith(QStringLiteral("[ja] ")));
    // The campus names follow the language.
    QCOMPARE(wizard.sitePage()->form() ? QStringLiteral("ok") : QString(), QStringLiteral("ok"));
    QCoreApplication::removeTranslator(&marking);
    QVERIFY(language::install(QStringLiteral("en")));
    QCoreApplication::processEvents();
    QCOMPARE(wizard.windowTitle(), QStringLiteral("Prepare for planned outage"));
}

void TestOutageUi::screenshots()
{
    const QString dir = qEnvironmentVariable("KUMO_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("Set KUMO_SCREENSHOTS=<dir> to write the documentation's screenshots.");
    QDir().mkpath(dir);
    const QString lang = qEnvironmentVariable("KUMO_LANG", QStringLiteral("en"));
    QVERIFY(language::install(lang));
    // KUMO_INVENTORY=<file>: on real nodes (a running demo lab's inventory) instead of test-driver copies.
    if (const QString inventory = qEnvironmentVariable("KUMO_INVENTORY"); !inventory.isEmpty())
        QVERIFY(startInventory(inventory));
    else
        QVERIFY(startCluster(labLikeCluster(m_dir.filePath(QStringLiteral("shots")))));

    // The main window with the wizard's plan drawn on its map, and the wizard's plan page.
    MainWindow window(m_controller.get(), m_migrations.get());
    window.setEvacuation(m_evacuation.get());
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    OutageWizard* wizard = window.openOutageWizard(OutageDirection::Evacuate, Myodaiji);
    QVERIFY(wizard);
    wizard->resize(1280, 760);
    wizard->next();
    QTest::qWait(200);
    window.map()->mapScene()->flushLayout();
    window.map()->fitToWindow();
    wizard->planPage()->map()->mapScene()->flushLayout();
    wizard->planPage()->map()->fitToWindow();
    QCoreApplication::processEvents();
    QVERIFY(window.grab().save(QDir(dir).filePath(QStringLiteral("outage-plan-map.png"))));
    QVERIFY(wizard->grab().save(QDir(dir).filePath(QStringLiteral("outage-plan-wizard.png"))));
    wizard->reject();

    // The run panel mid-evacuation with a failed move waiting for a decision.
    OutagePanel panel(m_evacuation.get());
    panel.resize(1100, 330);
    OutageRun run = demoRun();
    run.state = RunState::Stopped;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < run.records.size(); ++i) {
        run.records[i].started = now.addMSecs(-12000 + 2000 * i);
        run.records[i].finished = run.records[i].started.addMSecs(5000 + 300 * i);
        run.records[i].durationMs = 5000 + 300 * i;
    }
    run.records[2].status = MoveStatus::Failed;
    run.records[2].downtimeMs = -1;
    run.records[2].error = QStringLiteral("The destination refused the incoming migration.");
    run.records[3].status = MoveStatus::Running;
    run.records[3].finished = {};
    run.records[3].downtimeMs = -1;
    run.records[3].dataBytes = 31 * 1024 * 1024;
    run.records[4].status = MoveStatus::Pending;
    run.records[4].started = {};
    run.records[4].finished = {};
    run.records[4].downtimeMs = -1;
    run.records[4].dataBytes = 0;
    panel.show();
    panel.showRun(run);
    OutageProgress figures;
    figures.total = 5;
    figures.done = 2;
    figures.failed = 1;
    figures.running = 1;
    figures.bytesTotal = quint64(272) * 1024 * 1024;
    figures.bytesMoved = quint64(172) * 1024 * 1024;
    figures.elapsedMs = 12400;
    figures.etaMs = 8000;
    panel.setProgress(figures);
    panel.showFailure(2, run.records[2].error);
    QCoreApplication::processEvents();
    QVERIFY(panel.grab().save(QDir(dir).filePath(QStringLiteral("outage-panel.png"))));

    // The report's first page, painted by the code that writes the PDF: of a real run when
    // KUMO_OUTAGE_STATE names a state file (e.g. written by `kumo evacuate --state-dir DIR`).
    OutageRun reported = demoRun();
    if (const QString statePath = qEnvironmentVariable("KUMO_OUTAGE_STATE"); !statePath.isEmpty()) {
        QFile file(statePath);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(statePath));
        const Result<OutageState> state =
            OutageState::fromJson(QJsonDocument::fromJson(file.readAll()).object());
        QVERIFY2(state.ok(), qPrintable(state.ok() ? QString() : state.error().message));
        reported = state->evacuation;
    }
    const Site* site = m_controller->inventory().site(Myodaiji);
    const OutageReport report = OutageReport::fromRun(reported, site->displayName(lang));
    const OutageReportPdf pdf(report);
    QVERIFY(pdf.renderPage(0, 1240).save(QDir(dir).filePath(QStringLiteral("outage-report-pdf.png"))));
    QVERIFY(pdf.write(QDir(dir).filePath(QStringLiteral("outage-report.pdf"))).ok());

    // The report of a run whose moves were checked by service probes: the "Service after move"
    // column in the panel, and the same column in the PDF.
    OutageRun checked = demoRun();
    const QList<std::pair<ServiceAnswer, qint64>> services{{ServiceAnswer::Answered, 380},
                                                           {ServiceAnswer::Answered, 410},
                                                           {ServiceAnswer::NoAnswer, 30200},
                                                           {ServiceAnswer::Answered, 350},
                                                           {ServiceAnswer::None, -1}};
    for (int i = 0; i < checked.records.size() && i < services.size(); ++i) {
        MoveRecord& record = checked.records[i];
        record.serviceBefore =
            services.at(i).first == ServiceAnswer::None ? ServiceAnswer::None : ServiceAnswer::Answered;
        record.serviceAfter = services.at(i).first;
        record.serviceGapMs = services.at(i).second;
    }
    OutagePanel reportPanel(m_evacuation.get());
    reportPanel.resize(1100, 360);
    reportPanel.show();
    reportPanel.showReport(checked);
    QCoreApplication::processEvents();
    QVERIFY(reportPanel.grab().save(
        QDir(dir).filePath(QStringLiteral("outage-report-service.%1.png").arg(lang))));
    const OutageReportPdf checkedPdf(OutageReport::fromRun(checked, site->displayName(lang)));
    QVERIFY(checkedPdf.renderPage(0, 1240).save(
        QDir(dir).filePath(QStringLiteral("outage-report-service-pdf.%1.png").arg(lang))));
}

QTEST_MAIN(TestOutageUi)
#include "tst_outageui.moc"

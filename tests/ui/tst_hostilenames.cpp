// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Names are text, never markup: test-driver domains, a node and a campus whose names look like
// HTML, hold an entity and %1, run to 1,000 characters, break the line or carry right-to-left
// controls, shown on every screen of the console — map, tables, details, migration dialogs, the
// force-off confirmation, "Action failed", jobs, alerts, event log, outage wizard, run and
// report. Every label, tool tip and model text is read as a person sees it (rich text rendered,
// plain text as is) and must show each name exactly as libvirt holds it. Screenshots go to
// $KUMO_SCREENSHOT_DIR when it is set.
#include <memory>

#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QGraphicsItem>
#include <QGraphicsView>
#include <QHelpEvent>
#include <QLabel>
#include <QMessageBox>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTimer>

#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "app/migration/migrationcontroller.h"
#include "app/migration/migrationqueue.h"
#include "app/monitoring/eventlog.h"
#include "app/monitoring/monitoringcontroller.h"
#include "app/outage/evacuation.h"
#include "app/outage/outagestore.h"
#include "core/outagestate.h"
#include "support/fakecloud.h"
#include "support/fakemigrationjob.h"
#include "support/testconsole.h"
#include "support/testdriver.h"
#include "ui/clusterselection.h"
#include "ui/details/detailspanel.h"
#include "ui/mainwindow.h"
#include "ui/map/campusmapscene.h"
#include "ui/map/campusmapview.h"
#include "ui/map/instancechipitem.h"
#include "ui/map/nodecarditem.h"
#include "ui/migration/jobsmodel.h"
#include "ui/migration/jobspanel.h"
#include "ui/migration/migratetodialog.h"
#include "ui/migration/migrationdialog.h"
#include "ui/monitoring/alertsdock.h"
#include "ui/monitoring/alertsmodel.h"
#include "ui/monitoring/eventlogdock.h"
#include "ui/monitoring/eventlogmodel.h"
#include "ui/monitoring/monitoringuicontroller.h"
#include "ui/outage/outagepanel.h"
#include "ui/outage/outagewizard.h"
#include "ui/plaintext.h"

using namespace kumo;

namespace {

// Each hostile name carries a token found nowhere else; wherever the token shows, the whole
// name must show with it, character for character.
struct Marked
{
    QString token;
    QString name;
};

const QString Rlo = QString(QChar(0x202e));
const QString Rlm = QString(QChar(0x200f));

// libvirt refuses '/' in a domain name (so no closing tag there); the node and the campus, named
// by the inventory, carry closing tags instead.
const QList<Marked> DomainNames{
    {QStringLiteral("boldvm"), QStringLiteral("<b>boldvm")},
    {QStringLiteral("imgvm"), QStringLiteral("imgvm<img src=y>")},
    {QStringLiteral("ampvm"), QStringLiteral("ampvm&amp;%1 %2")},
    {QStringLiteral("linevm"), QStringLiteral("linevm\nsecond line")},
    {QStringLiteral("rtlvm"), QStringLiteral("rtlvm") + Rlo + QStringLiteral("gpj.exe") + Rlm},
    {QStringLiteral("longvm"), QStringLiteral("longvm") + QString(994, QLatin1Char('x'))},
};
// Only on the fake cloud of the jobs test: libvirt refuses the '/'.
const Marked ClosingTagName{QStringLiteral("closevm"), QStringLiteral("<b>closevm</b>")};
const Marked NodeName{QStringLiteral("nodeA"), QStringLiteral("<i>nodeA</i>-01")};
const Marked SiteName{QStringLiteral("campusU"), QStringLiteral("<u>campusU</u> & co")};

QList<Marked> allMarked()
{
    return DomainNames + QList<Marked>{ClosingTagName, NodeName, SiteName};
}

// What a person sees of `text` in a widget with `format`, as QLabel and QToolTip decide.
QString shownText(const QString& text, Qt::TextFormat format)
{
    if (format == Qt::PlainText || (format == Qt::AutoText && !Qt::mightBeRichText(text)))
        return text;
    QTextDocument document;
    document.setHtml(text);
    return document.toPlainText();
}

void saveScreenshot(QWidget* widget, const QString& name)
{
    const QPixmap shot = widget->grab();
    QVERIFY(!shot.isNull());
    const QString dir = qEnvironmentVariable("KUMO_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        QVERIFY(shot.save(QDir(dir).filePath(name)));
    }
}

// Reads every text a widget tree shows and collects where a name is not shown as written.
class Scanner
{
public:
    explicit Scanner(QString screen)
        : m_screen(std::move(screen))
    {}

    void text(const QString& raw, Qt::TextFormat format, const QString& where)
    {
        if (raw.isEmpty())
            return;
        const QString shown = shownText(raw, format);
        for (const Marked& m : allMarked()) {
            const qsizetype tokens = shown.count(m.token);
            if (tokens == 0)
                continue;
            m_seen.insert(m.token);
            // Sentences shorten a very long name in the middle; the rest show it whole.
            const QString shortened = shortenedName(m.name);
            const qsizetype whole = shown.count(m.name) + (shortened != m.name ? shown.count(shortened) : 0);
            if (whole != tokens)
                m_failures.append(QStringLiteral("%1 / %2: %3 not shown as written in: %4")
                                      .arg(m_screen, where, m.token, shown.left(300)));
        }
    }

    void model(const QAbstractItemModel* model, const QModelIndex& parent, const QString& where)
    {
        const int rows = std::min(model->rowCount(parent), 200);
        for (int row = 0; row < rows; ++row) {
            for (int column = 0; column < model->columnCount(parent); ++column) {
                const QModelIndex index = model->index(row, column, parent);
                // Item views draw DisplayRole as plain text; tool tips guess.
                text(index.data(Qt::DisplayRole).toString(), Qt::PlainText, where + QStringLiteral(" cell"));
                text(index.data(Qt::ToolTipRole).toString(), Qt::AutoText, where + QStringLiteral(" tip"));
                if (column == 0 && model->hasChildren(index))
                    this->model(model, index, where);
            }
        }
    }

    void widget(QWidget* root)
    {
        QList<QWidget*> widgets = root->findChildren<QWidget*>();
        widgets.prepend(root);
        for (QWidget* w : std::as_const(widgets)) {
            const QString where =
                QString::fromLatin1(w->metaObject()->className()) + QLatin1Char(' ') + w->objectName();
            if (auto* label = qobject_cast<QLabel*>(w))
                text(label->text(), label->textFormat(), where);
            text(w->toolTip(), Qt::AutoText, where + QStringLiteral(" tip"));
            if (auto* view = qobject_cast<QAbstractItemView*>(w); view && view->model())
                model(view->model(), {}, where);
            if (auto* graphics = qobject_cast<QGraphicsView*>(w); graphics && graphics->scene()) {
                for (QGraphicsItem* item : graphics->scene()->items())
                    text(item->toolTip(), Qt::AutoText, where + QStringLiteral(" item tip"));
            }
        }
        for (QAction* action : root->findChildren<QAction*>())
            text(action->toolTip(), Qt::AutoText, QStringLiteral("action ") + action->objectName());
    }

    [[nodiscard]] bool saw(const QString& token) const { return m_seen.contains(token); }
    [[nodiscard]] int seenCount() const { return int(m_seen.size()); }
    [[nodiscard]] const QStringList& failures() const { return m_failures; }
    [[nodiscard]] QByteArray report() const { return m_failures.join(QLatin1Char('\n')).toUtf8(); }

private:
    QString m_screen;
    QSet<QString> m_seen;
    QStringList m_failures;
};

QLabel* visibleToolTip()
{
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (w->inherits("QTipLabel") && w->isVisible())
            return qobject_cast<QLabel*>(w);
    }
    return nullptr;
}

} // namespace

class TestHostileNames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void mapShowsNamesAsText();
    void tablesAndDetailsShowNamesAsText();
    void migrationDialogsShowNamesAsText();
    void forceOffConfirmationShowsNamesAsText();
    void jobsPanelShowsNamesAsText();
    void alertsAndEventLogShowNamesAsText();
    void outageWizardRunAndReportShowNamesAsText();
    void actionFailedShowsNameAsText();

private:
    [[nodiscard]] QStringList hostileUuids() const;
    [[nodiscard]] QString uuidOf(const QString& token) const;

    QTemporaryDir m_dir;
    TestCluster m_cluster;
    QString m_hostileNode; // NodeName
    QString m_otherNode;
    QString m_hostileSite;
    std::unique_ptr<TestConsole> m_console;
    ClusterController* m_controller = nullptr;
    MigrationController* m_migrations = nullptr;
    Evacuation* m_evacuation = nullptr;
    MonitoringController* m_monitoring = nullptr;
    EventLog* m_eventLog = nullptr;
    MainWindow* m_window = nullptr;
};

void TestHostileNames::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY(language::install(QStringLiteral("en")));
    QVERIFY(m_dir.isValid());
    m_cluster = generateTestCluster(m_dir.filePath(QStringLiteral("nodes")), 2, 1, int(DomainNames.size()));
    QCOMPARE(m_cluster.nodes.size(), 2);
    // Node 0 holds the hostile domains, under a hostile node name on a hostile campus.
    TestNode& node = m_cluster.nodes[0];
    for (int i = 0; i < DomainNames.size(); ++i) {
        node.domains[i].name = DomainNames.at(i).name;
        node.domains[i].memoryKiB = 256 * 1024;
    }
    QFile file(node.file);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QVERIFY(file.write(testNodeXml(node)) > 0);
    file.close();
    m_hostileNode = NodeName.name;
    m_otherNode = m_cluster.nodes.at(1).name;
    Inventory& inventory = m_cluster.inventory;
    QCOMPARE(inventory.nodes.constFirst().name, node.name);
    inventory.nodes[0].name = m_hostileNode;
    m_hostileSite = inventory.nodes.constFirst().site;
    for (Site& site : inventory.sites) {
        if (site.id == m_hostileSite) {
            site.name = SiteName.name;
            site.nameJa = SiteName.name;
        }
    }

    m_console = std::make_unique<TestConsole>(m_dir.path());
    m_controller = m_console->controller.get();
    m_migrations = m_console->migrations.get();
    m_evacuation = m_console->evacuation.get();
    m_monitoring = m_console->monitoring.get();
    m_eventLog = m_console->eventLog.get();
    m_window = m_console->window.get();
    QVERIFY(m_console->open(inventory));
    const int instances = int(DomainNames.size()) * 2;
    // A test-driver file libvirt refuses leaves its node unreachable; say which, then fail.
    const bool up = QTest::qWaitFor(
        [&] { return m_controller->connectedNodeCount() == 2 && m_controller->instanceCount() == instances; },
        30000);
    if (!up) {
        for (const NodeConfig& config : std::as_const(inventory.nodes)) {
            const NodeSnapshot* snapshot = m_controller->node(config.name);
            qInfo() << "node" << config.name << (snapshot ? snapshot->error.message : QStringLiteral("?"));
        }
    }
    QVERIFY2(up, "libvirt's test driver did not take every hostile name");
    for (const QString& uuid : hostileUuids())
        QVERIFY(m_controller->instance(uuid));
}

void TestHostileNames::cleanupTestCase()
{
    m_console.reset();
}

QStringList TestHostileNames::hostileUuids() const
{
    QStringList uuids;
    for (const TestDomain& domain : m_cluster.nodes.constFirst().domains)
        uuids.append(domain.uuid);
    return uuids;
}

QString TestHostileNames::uuidOf(const QString& token) const
{
    for (const TestDomain& domain : m_cluster.nodes.constFirst().domains) {
        if (domain.name.startsWith(token) || domain.name.contains(token))
            return domain.uuid;
    }
    return {};
}

void TestHostileNames::mapShowsNamesAsText()
{
    CampusMapScene* scene = m_window->map()->mapScene();
    scene->flushLayout();
    m_window->map()->fitToWindow();
    QCoreApplication::processEvents();
    for (const Marked& m : DomainNames) {
        InstanceChipItem* chip = scene->chip(uuidOf(m.token));
        QVERIFY2(chip, qPrintable(m.token));
        QCOMPARE(chip->name(), m.name);
        QCOMPARE(chip->nodeName(), m_hostileNode);
    }
    NodeCardItem* card = scene->nodeCard(m_hostileNode);
    QVERIFY(card);

    // The tool tips the map shows when the pointer rests on a chip and on the card.
    Scanner scanner(QStringLiteral("map"));
    QList<QGraphicsItem*> items;
    for (const Marked& m : DomainNames)
        items.append(scene->chip(uuidOf(m.token)));
    items.append(card);
    QGraphicsView* view = m_window->map();
    int tips = 0;
    for (QGraphicsItem* item : std::as_const(items)) {
        const QPoint at = view->mapFromScene(item->sceneBoundingRect().center());
        QHelpEvent help(QEvent::ToolTip, at, view->viewport()->mapToGlobal(at));
        QApplication::sendEvent(view->viewport(), &help);
        QLabel* tip = visibleToolTip();
        if (!tip)
            continue; // off the visible part of the map
        ++tips;
        scanner.text(tip->text(), tip->textFormat(), QStringLiteral("tool tip"));
    }
    QVERIFY(tips > 0);
    QVERIFY2(scanner.failures().isEmpty(), scanner.report());
    QVERIFY(scanner.seenCount() > 0);
    saveScreenshot(m_window, QStringLiteral("hostile-map.png"));
}

void TestHostileNames::tablesAndDetailsShowNamesAsText()
{
    Scanner scanner(QStringLiteral("window"));
    for (const Marked& m : DomainNames) {
        m_window->selection()->selectInstances({uuidOf(m.token)});
        QCoreApplication::processEvents();
        scanner.widget(m_window);
        QVERIFY2(m_window->details()->findChildren<QLabel*>().size() > 0, "no details");
    }
    m_window->selection()->selectNodes({m_hostileNode});
    QCoreApplication::processEvents();
    scanner.widget(m_window);
    QVERIFY2(scanner.failures().isEmpty(), scanner.report());
    for (const Marked& m : DomainNames + QList<Marked>{NodeName})
        QVERIFY2(scanner.saw(m.token), qPrintable(m.token));
    m_window->selection()->selectInstances({uuidOf(QStringLiteral("longvm"))});
    QCoreApplication::processEvents();
    saveScreenshot(m_window, QStringLiteral("hostile-window.png"));
    qInfo("FIGURE hostile-window-min-width=%d", m_window->minimumSizeHint().width());
}

void TestHostileNames::migrationDialogsShowNamesAsText()
{
    const QStringList uuids = hostileUuids();
    {
        MigrationDialog dialog(m_migrations, uuids, m_otherNode);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::qWait(300); // pre-flight answers, if they come, are shown too
        Scanner scanner(QStringLiteral("migration dialog"));
        scanner.widget(&dialog);
        QVERIFY2(scanner.failures().isEmpty(), scanner.report());
        for (const Marked& m : DomainNames)
            QVERIFY2(scanner.saw(m.token), qPrintable(m.token));
        saveScreenshot(&dialog, QStringLiteral("hostile-migration-dialog.png"));
        const int width = dialog.sizeHint().width();
        qInfo("FIGURE hostile-migration-dialog-width=%d", width);
        // The checks name the 1,000-character instance: they wrap, the dialog stays on a screen.
        QVERIFY2(width <= 1200, qPrintable(QString::number(width)));
        dialog.reject();
    }
    {
        MigrateToDialog dialog(m_migrations, uuids);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        Scanner scanner(QStringLiteral("migrate-to dialog"));
        scanner.widget(&dialog);
        QVERIFY2(scanner.failures().isEmpty(), scanner.report());
        QVERIFY(scanner.saw(QStringLiteral("boldvm")));
        QVERIFY(scanner.saw(SiteName.token) || scanner.saw(NodeName.token));
        saveScreenshot(&dialog, QStringLiteral("hostile-migrate-to.png"));
        dialog.reject();
    }
}

void TestHostileNames::forceOffConfirmationShowsNamesAsText()
{
    m_window->setConfirmDestructiveActions(true);
    m_window->selection()->selectInstances(hostileUuids());
    QTRY_VERIFY(m_window->action(InstanceAction::ForceOff)->isEnabled());
    bool seen = false;
    bool plain = true;
    int width = 0;
    Scanner scanner(QStringLiteral("force-off confirmation"));
    // The box is modal: read it from inside its event loop, then cancel it (in any case, so that
    // the test cannot hang on it).
    QTimer::singleShot(0, this, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            return;
        seen = true;
        scanner.widget(box);
        for (QLabel* label : box->findChildren<QLabel*>()) {
            if (label->text().contains(QStringLiteral("boldvm")) && label->textFormat() != Qt::PlainText)
                plain = false;
        }
        saveScreenshot(box, QStringLiteral("hostile-force-off.png"));
        width = box->sizeHint().width();
        qInfo("FIGURE hostile-force-off-box-width=%d", width);
        box->reject();
    });
    QTimer safety;
    safety.setSingleShot(true);
    connect(&safety, &QTimer::timeout, this, [] {
        if (QWidget* modal = QApplication::activeModalWidget())
            modal->close();
    });
    safety.start(20000);
    m_window->action(InstanceAction::ForceOff)->trigger();
    QVERIFY(seen);
    QVERIFY(plain);
    // The 1,000-character name is shortened in the sentence: the box fits on a screen.
    QVERIFY2(width > 0 && width <= 1200, qPrintable(QString::number(width)));
    QVERIFY2(scanner.failures().isEmpty(), scanner.report());
    for (const Marked& m : DomainNames)
        QVERIFY2(scanner.saw(m.token), qPrintable(m.token));
    // Cancelled: nothing was switched off.
    for (const QString& uuid : hostileUuids())
        QCOMPARE(m_controller->instance(uuid)->state, InstanceState::Running);
}

void TestHostileNames::jobsPanelShowsNamesAsText()
{
    // The test driver reports no free memory, so the checks refuse every move to it: these jobs
    // run on a fake cloud, with the same names and one with a closing tag that libvirt refuses.
    FakeCloud cloud;
    FakeMigrationJobFactory jobs; // outlives the queue
    const QString from = NodeName.name;
    const QString to = QStringLiteral("yamate-01");
    cloud.addSite(QStringLiteral("myodaiji"));
    cloud.addSite(QStringLiteral("yamate"));
    constexpr quint64 GiBInKiB = 1024 * 1024;
    cloud.addNode(QStringLiteral("myodaiji"), from, 16, 64 * GiBInKiB);
    cloud.addNode(QStringLiteral("yamate"), to, 16, 64 * GiBInKiB);
    QStringList uuids;
    for (const Marked& m : DomainNames + QList<Marked>{ClosingTagName})
        uuids.append(cloud.addInstance(from, m.name, 1, GiBInKiB));
    FakeMigrationScript failing;
    failing.outcome = FakeMigrationScript::Outcome::Fail;
    failing.failure.message = QStringLiteral("the destination refused the incoming migration");
    jobs.setScript(failing);
    auto cluster = std::make_unique<ClusterController>(cloud.sessionFactory());
    cluster->setInventory(cloud.inventory());
    auto migrations = std::make_unique<MigrationController>(
        cluster.get(), m_dir.filePath(QStringLiteral("fake-journal.jsonl")), cloud.jobFactory(&jobs));
    auto window = std::make_unique<MainWindow>(cluster.get(), migrations.get());
    const auto teardown = qScopeGuard([&] {
        window.reset();
        migrations.reset();
        cluster->shutdown();
    });
    window->resize(1400, 900);
    window->show();
    QTRY_VERIFY_WITH_TIMEOUT(cluster->instanceCount() == uuids.size(), 10000);

    QSignalSpy queued(migrations.get(), &MigrationController::migrationQueued);
    QSignalSpy refused(migrations.get(), &MigrationController::migrationRefused);
    for (const QString& uuid : std::as_const(uuids))
        migrations->migrate(uuid, to, migrations->defaultOptions());
    QTRY_VERIFY_WITH_TIMEOUT(queued.size() + refused.size() == uuids.size(), 20000);
    QCOMPARE(queued.size(), uuids.size());
    // Each job fails at its first step; the queue starts the next ones as they end.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const quint64 id : jobs.madeIds())
                jobs.advance(id);
            return jobs.count() == uuids.size() && migrations->queue()->runningCount() == 0;
        }(),
        30000);
    JobsModel* model = window->jobsPanel()->model();
    QCOMPARE(model->rowCount(), int(uuids.size()));
    Scanner scanner(QStringLiteral("jobs panel"));
    scanner.widget(window->jobsPanel());
    QVERIFY2(scanner.failures().isEmpty(), scanner.report());
    for (const Marked& m : DomainNames + QList<Marked>{ClosingTagName, NodeName})
        QVERIFY2(scanner.saw(m.token), qPrintable(m.token));
    saveScreenshot(window->jobsPanel(), QStringLiteral("hostile-jobs.png"));
}

void TestHostileNames::alertsAndEventLogShowNamesAsText()
{
    AlertEngine& engine = m_monitoring->engine();
    for (const Marked& m : DomainNames) {
        AlertSubject subject;
        subject.site = m_hostileSite;
        subject.node = m_hostileNode;
        subject.instance = uuidOf(m.token);
        subject.name = m.name;
        engine.event(AlertKind::InstanceCrashed, subject, {}, m_monitoring->nowMs());
        EventEntry entry;
        entry.time = QDateTime::currentDateTimeUtc();
        entry.severity = EventSeverity::Warning;
        entry.kind = EventKind::Instance;
        entry.site = m_hostileSite;
        entry.node = m_hostileNode;
        entry.instance = subject.instance;
        entry.instanceName = m.name;
        entry.text = QStringLiteral("%1 stopped on %2").arg(m.name, m_hostileNode);
        m_eventLog->append(entry);
    }
    AlertsDock* alerts = m_window->monitoringUi()->alertsDock();
    EventLogDock* events = m_window->monitoringUi()->eventLogDock();
    QVERIFY(alerts && events);
    QTRY_VERIFY(alerts->model()->rowCount() >= int(DomainNames.size()));
    QTRY_VERIFY(events->model()->rowCount() >= int(DomainNames.size()));
    Scanner scanner(QStringLiteral("alerts and event log"));
    scanner.widget(alerts);
    scanner.widget(events);
    scanner.widget(m_window); // badges on the map and the status bar
    QVERIFY2(scanner.failures().isEmpty(), scanner.report());
    for (const Marked& m : DomainNames)
        QVERIFY2(scanner.saw(m.token), qPrintable(m.token));
    saveScreenshot(alerts, QStringLiteral("hostile-alerts.png"));
    saveScreenshot(events, QStringLiteral("hostile-events.png"));

    // The export a spreadsheet opens: one record per event, no cell it would run.
    const QString path = m_dir.filePath(QStringLiteral("events.csv"));
    QVERIFY(events->exportCsv(path));
    QFile csv(path);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(csv.readAll());
    for (const Marked& m : DomainNames)
        QVERIFY2(text.contains(m.name), qPrintable(m.token));
}

void TestHostileNames::outageWizardRunAndReportShowNamesAsText()
{
    OutageWizard* wizard = m_window->openOutageWizard(OutageDirection::Evacuate, m_hostileSite);
    QVERIFY(wizard);
    wizard->resize(1280, 760);
    wizard->next();
    QTest::qWait(300);
    {
        Scanner scanner(QStringLiteral("outage wizard"));
        scanner.widget(wizard);
        QVERIFY2(scanner.failures().isEmpty(), scanner.report());
        for (const Marked& m : DomainNames)
            QVERIFY2(scanner.saw(m.token), qPrintable(m.token));
        QVERIFY(scanner.saw(NodeName.token));
        saveScreenshot(wizard, QStringLiteral("hostile-outage-wizard.png"));
    }
    wizard->reject();

    // A run with a failed move waiting for a decision, then its report.
    const OutagePlan plan = m_evacuation->planEvacuation(m_hostileSite);
    OutagePlan everything = plan;
    everything.moves.clear();
    for (const TestDomain& domain : m_cluster.nodes.constFirst().domains) {
        PlannedMove move;
        move.uuid = domain.uuid;
        move.name = domain.name;
        move.fromNode = m_hostileNode;
        move.homeNode = m_hostileNode;
        move.toNode = m_otherNode;
        move.memoryKiB = domain.memoryKiB;
        move.vcpus = domain.vcpus;
        everything.moves.append(move);
    }
    OutageRun run = OutageRun::fromPlan(everything);
    run.state = RunState::Stopped;
    for (MoveRecord& record : run.records) {
        record.status = MoveStatus::Failed;
        record.error = QStringLiteral("%1 refused by %2").arg(record.move.name, m_otherNode);
    }
    OutagePanel panel(m_evacuation);
    panel.resize(1100, 400);
    panel.show();
    panel.showRun(run);
    panel.showFailure(0, run.records.constFirst().error);
    QVERIFY(panel.isFailurePromptShown());
    {
        Scanner scanner(QStringLiteral("outage run"));
        scanner.widget(&panel);
        QVERIFY2(scanner.failures().isEmpty(), scanner.report());
        for (const Marked& m : DomainNames)
            QVERIFY2(scanner.saw(m.token), qPrintable(m.token));
        QVERIFY(shownText(panel.failureText(), Qt::RichText).contains(DomainNames.constFirst().name));
        saveScreenshot(&panel, QStringLiteral("hostile-outage-run.png"));
    }
    panel.showReport(run);
    {
        Scanner scanner(QStringLiteral("outage report"));
        scanner.widget(&panel);
        QVERIFY2(scanner.failures().isEmpty(), scanner.report());
        QVERIFY(scanner.seenCount() > 0);
        saveScreenshot(&panel, QStringLiteral("hostile-outage-report.png"));
    }
}

void TestHostileNames::actionFailedShowsNameAsText()
{
    // Two force-offs of one instance in a row: the second reaches libvirt after the first and fails.
    m_window->setConfirmDestructiveActions(false);
    const QString uuid = uuidOf(QStringLiteral("imgvm"));
    m_window->selection()->selectInstances({uuid});
    QTRY_VERIFY(m_window->action(InstanceAction::ForceOff)->isEnabled());
    m_window->action(InstanceAction::ForceOff)->trigger();
    m_window->action(InstanceAction::ForceOff)->trigger();
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (QMessageBox* b : m_window->findChildren<QMessageBox*>()) {
                if (b->windowTitle() == QStringLiteral("Action failed") && b->isVisible())
                    box = b;
            }
            return box != nullptr;
        }(),
        20000);
    Scanner scanner(QStringLiteral("action failed"));
    scanner.widget(box);
    QVERIFY2(scanner.failures().isEmpty(), scanner.report());
    QVERIFY(scanner.saw(QStringLiteral("imgvm")));
    QCOMPARE(box->textFormat(), Qt::PlainText);
    saveScreenshot(box, QStringLiteral("hostile-action-failed.png"));
    box->close();
}

QTEST_MAIN(TestHostileNames)
#include "tst_hostilenames.moc"

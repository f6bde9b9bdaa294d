// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The migration UI on the demo lab (real daemons, real migrations): a drag of a guest's chip
// from a Myodaiji node card to a Yamate one, delivered as the real drag events with the payload
// the chip's drag code builds, through the map's real drop handler, confirmed with Enter in the
// dialog; libvirt on both nodes then agrees the guest moved and the jobs panel reports the
// downtime. Hints during a drag, refused drops (same node, maintenance) that start nothing, a
// multi-selection drop, "Migrate to…", and a throttled job shown running, then cancelled.
#include <algorithm>
#include <memory>
#include <optional>

#include <QAbstractItemModelTester>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTest>
#include <QVBoxLayout>

#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "app/migration/migrationqueue.h"
#include "core/instancedrag.h"
#include "core/inventory.h"
#include "support/labfixture.h"
#include "ui/clusterselection.h"
#include "ui/map/campusmapscene.h"
#include "ui/map/campusmapview.h"
#include "ui/map/instancechipitem.h"
#include "ui/map/nodecarditem.h"
#include "ui/migration/jobsmodel.h"
#include "ui/migration/jobspanel.h"
#include "ui/migration/migratetodialog.h"
#include "ui/migration/migrationdialog.h"
#include "ui/migration/migrationuicontroller.h"

using namespace kumo;

namespace {

constexpr int MigrationTimeoutMs = 90000;

} // namespace

class TestMigrationUi : public QObject
{
    Q_OBJECT

private:
    LabFixture m_lab{QStringLiteral("tst_migrationui")};
    ClusterController* m_cluster = nullptr;      // the fixture's
    MigrationController* m_migrations = nullptr; // the fixture's
    std::unique_ptr<QWidget> m_window;
    ClusterSelection* m_selection = nullptr;
    CampusMapView* m_map = nullptr;
    JobsPanel* m_jobs = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_jobsTester;
    QLabel* m_status = nullptr;
    MigrationUiController* m_ui = nullptr;

    NodeCardItem* card(const QString& node) const { return m_map->mapScene()->nodeCard(node); }
    QPoint pointOf(const QString& node) const
    {
        m_map->ensureVisible(card(node), 8, 8);
        return m_map->mapFromScene(card(node)->sceneBoundingRect().center());
    }

    // The payload exactly as a drag of this chip carries it.
    std::unique_ptr<QMimeData> dragOf(const QString& name) const
    {
        InstanceChipItem* chip = m_map->mapScene()->chip(m_lab.uuidOf(name));
        return std::unique_ptr<QMimeData>(chip ? m_map->mapScene()->createDragMimeData(chip) : nullptr);
    }
    // Enter the map and move over `node`'s card, as QDrag delivers it.
    bool dragOver(const QMimeData* mime, const QString& node)
    {
        const QPoint at = pointOf(node);
        QDragEnterEvent enter(at, Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_map->viewport(), &enter);
        if (!enter.isAccepted())
            return false;
        QDragMoveEvent move(at, Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_map->viewport(), &move);
        return move.isAccepted();
    }
    void dropOn(const QMimeData* mime, const QString& node)
    {
        QDropEvent drop(QPointF(pointOf(node)), Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_map->viewport(), &drop);
    }
    void leave()
    {
        QDragLeaveEvent leaveEvent;
        QApplication::sendEvent(m_map->viewport(), &leaveEvent);
    }
    bool hintsComplete() const
    {
        const QList<NodeCardItem*> cards = m_map->mapScene()->nodeCards();
        for (const NodeCardItem* c : cards) {
            if (c->dropHint() == NodeCardItem::DropHint::None ||
                (c->dropHint() != NodeCardItem::DropHint::Refused && c->dropHintText().contains(u"checking")))
                return false;
        }
        return true;
    }
    // Confirms the open dialog with Enter once its checks are in; returns the jobs it queued.
    void confirmWithEnter(const MigrationOptions* options = nullptr, const QString& screenshot = {})
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_ui->openDialog() && m_ui->openDialog()->isVisible(), 5000);
        MigrationDialog* dialog = m_ui->openDialog();
        QVERIFY(QApplication::activeModalWidget() == dialog || dialog->isModal());
        QTRY_VERIFY_WITH_TIMEOUT(dialog->checksComplete(), 30000);
        QVERIFY(dialog->migrateButton()->isEnabled());
        QVERIFY(dialog->migrateButton()->isDefault());
        if (options)
            dialog->setOptions(*options);
        QVERIFY(dialog->options().live);
        if (!screenshot.isEmpty())
            QVERIFY(dialog->grab().save(screenshot));
        QTest::keyClick(dialog, Qt::Key_Enter);
        QVERIFY(!m_ui->openDialog() || !m_ui->openDialog()->isVisible());
    }
    quint64 waitForFinishedJob(const QString& name)
    {
        JobsModel* model = m_jobs->model();
        quint64 found = 0;
        const auto finished = [&] {
            for (int row = 0; row < model->rowCount(); ++row) {
                const quint64 id = model->jobAt(row);
                if (model->request(id).name == name && model->isFinished(id))
                    found = id;
            }
            return found != 0;
        };
        (void)QTest::qWaitFor(finished, MigrationTimeoutMs);
        return found;
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void hintsDuringADragAndRefusedDrops();
    void dragAndDropMovesAGuestAcrossCampuses();
    void multiSelectDropMovesBoth();
    void migrateToIsTheKeyboardTwin();
    void jobsPanelShowsARunningJobAndCancels();
};

void TestMigrationUi::initTestCase()
{
    const Result<void> up = m_lab.setUp(LabFixture::Console::ClusterAndMigrations);
    QVERIFY2(up.ok(), up.ok() ? "" : qPrintable(up.error().toString()));
    m_cluster = m_lab.cluster();
    m_migrations = m_lab.migrations();

    // The harness: the map above the jobs panel, a status line, as the window docks them.
    m_window = std::make_unique<QWidget>();
    m_window->setWindowTitle(QStringLiteral("Kumo"));
    m_selection = new ClusterSelection(m_window.get());
    auto* layout = new QVBoxLayout(m_window.get());
    layout->setContentsMargins(0, 0, 0, 0);
    auto* splitter = new QSplitter(Qt::Vertical, m_window.get());
    m_map = new CampusMapView(m_cluster, m_selection, splitter);
    m_jobs = new JobsPanel(m_migrations->queue(), splitter);
    // Checks every row insertion, removal and change of the jobs model for the whole run.
    m_jobsTester = std::make_unique<QAbstractItemModelTester>(
        m_jobs->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    splitter->addWidget(m_map);
    splitter->addWidget(m_jobs);
    splitter->setSizes({620, 260});
    layout->addWidget(splitter);
    m_status = new QLabel(m_window.get());
    m_status->setContentsMargins(6, 2, 6, 4);
    layout->addWidget(m_status);
    m_ui = new MigrationUiController(m_migrations, m_window.get(), m_window.get());
    connect(m_ui, &MigrationUiController::statusMessage, m_status, &QLabel::setText);
    connect(m_ui, &MigrationUiController::statusMessageEnded, m_status, [this](const QString& text) {
        if (m_status->text() == text)
            m_status->clear();
    });
    m_map->setDropHandler(m_ui);
    m_window->resize(1360, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_map->mapScene()->flushLayout();
    QTRY_VERIFY(m_map->mapScene()->chip(m_lab.uuidOf(QStringLiteral("mail"))));
}

void TestMigrationUi::cleanupTestCase()
{
    m_jobsTester.reset();
    m_window.reset();
    (void)m_lab.tearDown();
}

void TestMigrationUi::hintsDuringADragAndRefusedDrops()
{
    Inventory edited = m_lab.inventory();
    for (NodeConfig& node : edited.nodes) {
        if (node.name == QStringLiteral("yamate-02"))
            node.maintenance = true;
    }
    m_cluster->setInventory(edited);
    const auto restore = qScopeGuard([&] { m_cluster->setInventory(m_lab.inventory()); });
    QTRY_COMPARE_WITH_TIMEOUT(m_cluster->connectedNodeCount(), 4, 30000);
    QSignalSpy jobs(m_migrations->queue(), &MigrationQueue::jobQueued);
    QSignalSpy status(m_ui, &MigrationUiController::statusMessage);

    const std::unique_ptr<QMimeData> mime = dragOf(QStringLiteral("mail"));
    QVERIFY(mime);
    const std::optional<InstanceDrag> payload = InstanceDrag::decode(mime->data(InstanceDrag::mimeType()));
    QVERIFY(payload);
    QCOMPARE(payload->uuids, QStringList{m_lab.uuidOf(QStringLiteral("mail"))});
    QCOMPARE(payload->sourceNode, QStringLiteral("myodaiji-01"));

    QVERIFY(dragOver(mime.get(), QStringLiteral("yamate-01")));
    QCOMPARE(m_map->draggedInstances(), payload->uuids);
    // Every card says something at once (quick checks), then the full checks arrive.
    for (const NodeCardItem* c : m_map->mapScene()->nodeCards())
        QVERIFY2(c->dropHint() != NodeCardItem::DropHint::None, qPrintable(c->nodeName()));
    QTRY_VERIFY_WITH_TIMEOUT(hintsComplete(), 30000);
    QVERIFY(card(QStringLiteral("yamate-01"))->isDropTarget());
    QCOMPARE(card(QStringLiteral("yamate-02"))->dropHint(), NodeCardItem::DropHint::Refused);
    QVERIFY2(card(QStringLiteral("yamate-02"))->dropReason().contains(u"maintenance"),
             qPrintable(card(QStringLiteral("yamate-02"))->dropReason()));
    QVERIFY(card(QStringLiteral("yamate-02"))
                ->toolTipText()
                .contains(card(QStringLiteral("yamate-02"))->dropReason()));
    QCOMPARE(card(QStringLiteral("myodaiji-01"))->dropHint(), NodeCardItem::DropHint::Refused);
    QVERIFY(card(QStringLiteral("yamate-01"))->dropHint() != NodeCardItem::DropHint::Refused);
    QVERIFY(card(QStringLiteral("myodaiji-02"))->dropHint() != NodeCardItem::DropHint::Refused);
    QVERIFY(m_window->grab().save(QStringLiteral("/tmp/kumo-migration-drag.png")));

    // Dropping on the maintenance node: nothing starts, the reason is said.
    dropOn(mime.get(), QStringLiteral("yamate-02"));
    QCOMPARE(m_ui->openDialog(), nullptr);
    QCOMPARE(status.size(), 1);
    QVERIFY2(status.constFirst().constFirst().toString().contains(u"maintenance"),
             qPrintable(status.constFirst().constFirst().toString()));
    QCOMPARE(card(QStringLiteral("yamate-02"))->dropHint(), NodeCardItem::DropHint::None);

    // Dropping on its own node: same.
    QVERIFY(dragOver(mime.get(), QStringLiteral("myodaiji-01")));
    dropOn(mime.get(), QStringLiteral("myodaiji-01"));
    QCOMPARE(m_ui->openDialog(), nullptr);
    QCOMPARE(status.size(), 2);
    QVERIFY2(status.at(1).constFirst().toString().contains(u"myodaiji-01"),
             qPrintable(status.at(1).constFirst().toString()));

    // Leaving the map ends the hints.
    QVERIFY(dragOver(mime.get(), QStringLiteral("yamate-01")));
    leave();
    for (const NodeCardItem* c : m_map->mapScene()->nodeCards())
        QCOMPARE(c->dropHint(), NodeCardItem::DropHint::None);

    // Not our payload: refused at the door.
    QMimeData text;
    text.setText(QStringLiteral("mail"));
    QDragEnterEvent enter(pointOf(QStringLiteral("yamate-01")), Qt::MoveAction, &text, Qt::LeftButton,
                          Qt::NoModifier);
    QApplication::sendEvent(m_map->viewport(), &enter);
    QVERIFY(!enter.isAccepted());

    QTest::qWait(300);
    QCOMPARE(jobs.size(), 0);
    QCOMPARE(m_lab.nodeOf(QStringLiteral("mail")), QStringLiteral("myodaiji-01"));
    QCOMPARE(m_lab.stateOn(QStringLiteral("myodaiji-01"), QStringLiteral("mail")), QStringLiteral("running"));
}

void TestMigrationUi::dragAndDropMovesAGuestAcrossCampuses()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_cluster->connectedNodeCount(), 4, 30000);
    const QString mail = m_lab.uuidOf(QStringLiteral("mail"));
    const std::unique_ptr<QMimeData> mime = dragOf(QStringLiteral("mail"));
    QVERIFY(dragOver(mime.get(), QStringLiteral("yamate-01")));
    dropOn(mime.get(), QStringLiteral("yamate-01"));
    MigrationDialog* dialog = m_ui->openDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->instances(), QStringList{mail});
    QCOMPARE(dialog->destinationNode(), QStringLiteral("yamate-01"));
    QSignalSpy said(m_ui, &MigrationUiController::statusMessage);
    QSignalSpy ended(m_ui, &MigrationUiController::statusMessageEnded);
    confirmWithEnter(nullptr, QStringLiteral("/tmp/kumo-migration-dialog.png"));

    const quint64 job = waitForFinishedJob(QStringLiteral("mail"));
    QVERIFY(job != 0);
    // The status line announced the move and no longer claims it once it has ended.
    const QString moving = QStringLiteral("Moving mail from myodaiji-01 to yamate-01.");
    QVERIFY(
        std::any_of(said.cbegin(), said.cend(), [&](const QList<QVariant>& s) { return s.at(0) == moving; }));
    QTRY_COMPARE(ended.size(), 1);
    QCOMPARE(ended.at(0).at(0).toString(), moving);
    QVERIFY(m_status->text() != moving);
    const std::optional<MigrationResult> result = m_jobs->model()->result(job);
    QVERIFY(result);
    QVERIFY2(result->phase == MigrationPhase::Completed, qPrintable(m_jobs->model()->outcomeText(job)));
    QVERIFY(m_lab.libvirtMovedTo(QStringLiteral("mail"), QStringLiteral("myodaiji-01"),
                                 QStringLiteral("yamate-01")));
    QVERIFY2(result->downtimeMs >= 0, "libvirt reported no downtime");
    const int row = m_jobs->model()->rowOf(job);
    const QString phase = m_jobs->model()->index(row, int(JobsModel::Column::Phase)).data().toString();
    QCOMPARE(phase, migrationPhaseText(MigrationPhase::Completed));
    const QString outcome = m_jobs->model()->index(row, int(JobsModel::Column::Outcome)).data().toString();
    QVERIFY2(outcome.contains(QStringLiteral("downtime %1 ms").arg(result->downtimeMs)), qPrintable(outcome));
    // The chip follows the guest.
    QTRY_COMPARE_WITH_TIMEOUT(m_map->mapScene()->chip(mail) ? m_map->mapScene()->chip(mail)->nodeName()
                                                            : QString(),
                              QStringLiteral("yamate-01"), 15000);
}

void TestMigrationUi::multiSelectDropMovesBoth()
{
    const QString dns1 = m_lab.uuidOf(QStringLiteral("dns1"));
    const QString ldap = m_lab.uuidOf(QStringLiteral("ldap"));
    m_selection->selectInstances({dns1, ldap});
    const std::unique_ptr<QMimeData> mime = dragOf(QStringLiteral("ldap"));
    const std::optional<InstanceDrag> payload = InstanceDrag::decode(mime->data(InstanceDrag::mimeType()));
    QVERIFY(payload);
    QCOMPARE(payload->uuids, (QStringList{dns1, ldap}));
    QVERIFY(!m_map->mapScene()->dragPixmap(payload->uuids, 1.0).isNull());

    QVERIFY(dragOver(mime.get(), QStringLiteral("yamate-02")));
    dropOn(mime.get(), QStringLiteral("yamate-02"));
    QVERIFY(m_ui->openDialog());
    QCOMPARE(m_ui->openDialog()->instances(), (QStringList{dns1, ldap}));
    confirmWithEnter();
    QVERIFY(waitForFinishedJob(QStringLiteral("dns1")) != 0);
    QVERIFY(waitForFinishedJob(QStringLiteral("ldap")) != 0);
    for (const char* name : {"dns1", "ldap"}) {
        const quint64 id = waitForFinishedJob(QString::fromLatin1(name));
        QCOMPARE(m_jobs->model()->phase(id), MigrationPhase::Completed);
        QVERIFY2(m_lab.libvirtMovedTo(QString::fromLatin1(name), QStringLiteral("myodaiji-02"),
                                      QStringLiteral("yamate-02")),
                 name);
    }
    m_selection->clear();
}

void TestMigrationUi::migrateToIsTheKeyboardTwin()
{
    QSignalSpy jobs(m_migrations->queue(), &MigrationQueue::jobQueued);
    const QString calc01 = m_lab.uuidOf(QStringLiteral("calc01"));
    MigrateToDialog* picker = m_ui->migrateTo({calc01});
    QVERIFY(picker);
    QTRY_VERIFY_WITH_TIMEOUT(picker->verdictFor(QStringLiteral("myodaiji-01")) == CheckSeverity::Refused,
                             5000);
    QVERIFY(!picker->selectNode(QStringLiteral("myodaiji-01")));
    QVERIFY(picker->selectNode(QStringLiteral("myodaiji-02")));
    QVERIFY(picker->pickButton()->isEnabled());
    QTest::keyClick(picker, Qt::Key_Enter);
    QTRY_VERIFY_WITH_TIMEOUT(m_ui->openDialog() && m_ui->openDialog()->isVisible(), 5000);
    QCOMPARE(m_ui->openDialog()->destinationNode(), QStringLiteral("myodaiji-02"));
    QCOMPARE(m_ui->openDialog()->instances(), QStringList{calc01});
    // Esc: nothing moves.
    QTest::keyClick(m_ui->openDialog(), Qt::Key_Escape);
    QTRY_VERIFY(!m_ui->openDialog());
    QTest::qWait(200);
    QCOMPARE(jobs.size(), 0);
    QCOMPARE(m_lab.nodeOf(QStringLiteral("calc01")), QStringLiteral("myodaiji-01"));
}

void TestMigrationUi::jobsPanelShowsARunningJobAndCancels()
{
    const std::unique_ptr<QMimeData> mime = dragOf(QStringLiteral("www"));
    QVERIFY(dragOver(mime.get(), QStringLiteral("yamate-01")));
    dropOn(mime.get(), QStringLiteral("yamate-01"));
    MigrationOptions slow = m_migrations->defaultOptions();
    slow.bandwidthMiBs = 2; // slow enough to watch and cancel
    confirmWithEnter(&slow);

    JobsModel* model = m_jobs->model();
    quint64 job = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (int row = 0; row < model->rowCount(); ++row) {
                const quint64 id = model->jobAt(row);
                if (model->request(id).name == QStringLiteral("www") &&
                    model->phase(id) == MigrationPhase::Transferring && model->progress(id).percent() >= 8) {
                    job = id;
                    return true;
                }
            }
            return false;
        }(),
        60000);
    QCOMPARE(model->request(job).options.bandwidthMiBs, quint64(2));
    m_jobs->selectJob(job);
    QCOMPARE(m_jobs->selectedJob(), job);
    QVERIFY(m_jobs->cancelAction()->isEnabled());
    QVERIFY(m_jobs->bandwidthAction()->isEnabled());
    QVERIFY(!m_jobs->postCopyAction()->isEnabled()); // not allowed by the options
    QVERIFY(m_jobs->clearFinishedAction()->isEnabled());
    QVERIFY(m_jobs->grab().save(QStringLiteral("/tmp/kumo-migration-jobs.png")));
    QVERIFY(m_window->grab().save(QStringLiteral("/tmp/kumo-migration-window.png")));

    m_jobs->cancelAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(model->isFinished(job), 30000);
    QCOMPARE(model->phase(job), MigrationPhase::Cancelled);
    QVERIFY2(model->outcomeText(job).contains(u"still running on myodaiji-01"),
             qPrintable(model->outcomeText(job)));
    QCOMPARE(m_lab.stateOn(QStringLiteral("myodaiji-01"), QStringLiteral("www")), QStringLiteral("running"));
    QVERIFY(m_lab.stateOn(QStringLiteral("yamate-01"), QStringLiteral("www")).isEmpty());

    const int before = model->rowCount();
    m_jobs->clearFinishedAction()->trigger();
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(before > 0);
}

QTEST_MAIN(TestMigrationUi)
#include "tst_migrationui.moc"

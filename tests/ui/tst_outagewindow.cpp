// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// A planned outage in the window, on the demo lab (real libvirt daemons and QEMU guests): the
// wizard plans, dry-runs and starts the evacuation of Myodaiji; the panel follows it to its report
// (exported as CSV and PDF); libvirt itself says every guest now runs on Yamate and the campus is in
// maintenance; then "End outage and return home…" brings every guest back to its exact home node.
#include <QAbstractButton>
#include <QDockWidget>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "app/migration/migrationcontroller.h"
#include "app/outage/evacuation.h"
#include "app/outage/outageexecution.h"
#include "app/outage/outagestore.h"
#include "core/inventory.h"
#include "lab/labplan.h"
#include "support/labfixture.h"
#include "ui/mainwindow.h"
#include "ui/outage/outagepanel.h"
#include "ui/outage/outageplaneditor.h"
#include "ui/outage/outagewizard.h"
#include "ui/outage/outagewizardpages.h"

using namespace kumo;

namespace {

const QString Myodaiji = QStringLiteral("myodaiji");
const QString Yamate = QStringLiteral("yamate");

} // namespace

class TestOutageWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void evacuateAndReturnThroughTheWindow();

private:
    // Runs the open wizard to its end: the plan page, the dry run, Finish.
    void finishWizard(OutageWizard* wizard);
    // libvirt's own answer: the node (of the inventory) on which `name` runs, empty when not exactly one.
    [[nodiscard]] QString runningNodeOf(const QString& name) const;

    QTemporaryDir m_dir;
    LabFixture m_lab{QStringLiteral("tst_outagewindow")};
    ClusterController* m_cluster = nullptr;      // the fixture's
    MigrationController* m_migrations = nullptr; // the fixture's
    std::unique_ptr<OutageStore> m_store;
    std::unique_ptr<Evacuation> m_evacuation;
};

void TestOutageWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(language::install(QStringLiteral("en")));

    const Result<void> up = m_lab.setUp(LabFixture::Console::ClusterAndMigrations);
    QVERIFY2(up.ok(), up.ok() ? "" : qPrintable(up.error().toString()));
    m_cluster = m_lab.cluster();
    m_migrations = m_lab.migrations();
    m_store = std::make_unique<OutageStore>(m_dir.filePath(QStringLiteral("state")));
    m_evacuation = std::make_unique<Evacuation>(m_cluster, m_migrations, m_store.get());
}

void TestOutageWindow::cleanupTestCase()
{
    m_evacuation.reset();
    (void)m_lab.tearDown();
}

void TestOutageWindow::finishWizard(OutageWizard* wizard)
{
    QVERIFY(wizard);
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    wizard->next();
    QCOMPARE(wizard->currentId(), int(OutageWizard::PlanPageId));
    QVERIFY(!wizard->editor()->plan().moves.isEmpty());
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    wizard->next();
    QCOMPARE(wizard->currentId(), int(OutageWizard::DryRunPageId));
    // The full pre-flight checks ask both nodes' libvirt for every move.
    QTRY_VERIFY_WITH_TIMEOUT(wizard->dryRunPage()->hasResult(), 60000);
    QCOMPARE(wizard->dryRunPage()->refusedCount(), 0);
    QAbstractButton* finish = wizard->button(QWizard::FinishButton);
    QVERIFY(finish->isEnabled());
    finish->click();
}

QString TestOutageWindow::runningNodeOf(const QString& name) const
{
    QStringList running;
    (void)m_lab.nodesKnowing(name, &running);
    return running.size() == 1 ? running.constFirst() : QString();
}

void TestOutageWindow::evacuateAndReturnThroughTheWindow()
{
    const QStringList guests =
        LabPlan::guestsOf(QStringLiteral("myodaiji-01")) + LabPlan::guestsOf(QStringLiteral("myodaiji-02"));
    QCOMPARE(guests.size(), 5);

    MainWindow window(m_cluster, m_migrations);
    window.setEvacuation(m_evacuation.get());
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.prepareOutageAction()->isEnabled());
    QVERIFY(!window.endOutageAction()->isEnabled());

    // Evacuate Myodaiji through the wizard.
    QSignalSpy finished(m_evacuation->execution(), &OutageExecution::runFinished);
    finishWizard(window.openOutageWizard(OutageDirection::Evacuate, Myodaiji));
    QTRY_VERIFY_WITH_TIMEOUT(window.outageDock()->isVisible(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
    QCOMPARE(finished.at(0).at(0).value<OutageRun>().state, RunState::Completed);

    // The panel shows the report; both exports are written.
    OutagePanel* panel = window.outagePanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->report().has_value(), 5000);
    QCOMPARE(panel->report()->moved, 5);
    QCOMPARE(panel->report()->failed, 0);
    const QString csv = m_dir.filePath(QStringLiteral("evacuation.csv"));
    const QString pdf = m_dir.filePath(QStringLiteral("evacuation.pdf"));
    QString error;
    QVERIFY2(panel->exportCsv(csv, &error), qPrintable(error));
    QVERIFY2(panel->exportPdf(pdf, &error), qPrintable(error));
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.read(4) == "%PDF");

    // libvirt says every Myodaiji guest runs on exactly one Yamate node now.
    for (const QString& name : guests) {
        const QString node = runningNodeOf(name);
        QVERIFY2(m_lab.inventory().node(node) && m_lab.inventory().node(node)->site == Yamate,
                 qPrintable(name + u' ' + node));
    }
    QVERIFY(m_cluster->maintenanceSites().contains(Myodaiji));
    QVERIFY(window.endOutageAction()->isEnabled());
    // As a person would: the return is planned once the map shows where libvirt has the guests.
    // (Planning it in the same instant can meet a poll that is not merged yet; see the issue on
    // the worst day.)
    for (const QString& name : guests)
        QTRY_COMPARE_WITH_TIMEOUT(m_lab.nodeOf(name), runningNodeOf(name), 10000);

    // End the outage: back to the exact home nodes.
    OutageWizard* back = window.openOutageWizard(OutageDirection::Return, Myodaiji);
    QVERIFY(back);
    auto* endMaintenance =
        back->sitePage()->findChild<QAbstractButton*>(QStringLiteral("endMaintenanceCheck"));
    QVERIFY(endMaintenance);
    endMaintenance->setChecked(true);
    finishWizard(back);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 120000);
    QCOMPARE(finished.at(1).at(0).value<OutageRun>().state, RunState::Completed);
    for (const LabPlan::Guest& guest : LabPlan::guests())
        QCOMPARE(runningNodeOf(guest.name), guest.homeNode);
    QVERIFY(!m_cluster->maintenanceSites().contains(Myodaiji));
    const Result<OutageState> state = m_store->load(Myodaiji);
    QVERIFY(state.ok());
    QCOMPARE(state->phase, OutagePhase::Ended);
}

QTEST_MAIN(TestOutageWindow)
#include "tst_outagewindow.moc"

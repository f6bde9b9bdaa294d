// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Split brain in the window, offscreen: two test-driver nodes run a domain with the same UUID. The
// instance table, the map chip and the details name both nodes as a critical state, the actions
// are disabled, and the fix dialog shows each copy, asks before it stops one (cancel stops
// nothing) and, after the stop, shows a normal instance again. In English and in Japanese.
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "app/access/journal.h"
#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "app/migration/migrationcontroller.h"
#include "core/statetext.h"
#include "support/testdriver.h"
#include "ui/details/detailspanel.h"
#include "ui/mainwindow.h"
#include "ui/map/instancechipitem.h"
#include "ui/models/instancetablemodel.h"
#include "ui/splitbraindialog.h"

using namespace kumo;

namespace {

// Answers the next stop confirmation with `stop` (true) or Cancel, from the event loop.
void answerConfirmation(bool stop)
{
    QTimer::singleShot(100, qApp, [stop] {
        for (QWidget* widget : QApplication::topLevelWidgets()) {
            auto* box = qobject_cast<QMessageBox*>(widget);
            if (!box || box->objectName() != QStringLiteral("confirmStopCopy") || !box->isVisible())
                continue;
            for (QAbstractButton* button : box->buttons()) {
                const QMessageBox::ButtonRole role = box->buttonRole(button);
                if ((stop && role == QMessageBox::DestructiveRole) ||
                    (!stop && role == QMessageBox::RejectRole))
                    button->click();
            }
        }
    });
}

} // namespace

class TestSplitBrainUi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestCluster m_cluster;
    QString m_uuid;
    QString m_first;
    QString m_second;

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void criticalStateEverywhereAndFixDialog_data();
    void criticalStateEverywhereAndFixDialog();
};

void TestSplitBrainUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    m_cluster = generateTestCluster(m_dir.path(), 2, 1, 1);
    QCOMPARE(m_cluster.nodes.size(), 2);
    const TestDomain shared = m_cluster.nodes.at(0).domains.at(0);
    TestNode second = m_cluster.nodes.at(1);
    second.domains = {shared};
    QFile file(second.file);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QVERIFY(file.write(testNodeXml(second)) > 0);
    file.close();
    m_cluster.inventory.pollIntervalMs = 300;
    m_uuid = shared.uuid;
    m_first = m_cluster.nodes.at(0).name;
    m_second = second.name;
}

void TestSplitBrainUi::cleanup()
{
    QVERIFY(language::install(QStringLiteral("en")));
}

void TestSplitBrainUi::criticalStateEverywhereAndFixDialog_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("splitWords"); // in the state text
    QTest::addColumn<QString>("stopWords");  // in the stop button
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("Split")
                        << QStringLiteral("Stop the copy on");
    QTest::newRow("ja") << QStringLiteral("ja") << QStringLiteral("二重起動") << QStringLiteral("停止");
}

void TestSplitBrainUi::criticalStateEverywhereAndFixDialog()
{
    QFETCH(QString, language);
    QFETCH(QString, splitWords);
    QFETCH(QString, stopWords);
    QVERIFY(language::install(language));

    // Each run starts from the files: both copies run again.
    ClusterController controller;
    QTemporaryDir journalDir;
    MigrationController migrations(&controller, journalDir.filePath(QStringLiteral("journal.jsonl")));
    MainWindow window(&controller, &migrations);
    window.resize(1200, 800);
    window.show();
    QSignalSpy split(&controller, &ClusterController::splitBrainChanged);
    controller.setInventory(m_cluster.inventory);
    QTRY_COMPARE_WITH_TIMEOUT(split.size(), 1, 20000);

    // The instance table: one row, the critical state naming both nodes.
    InstanceTableModel* model = window.instanceModel();
    QCOMPARE(model->rowCount({}), 1);
    const QModelIndex state = model->index(0, int(InstanceTableModel::Column::State));
    const QString stateText = state.data().toString();
    QVERIFY2(stateText.contains(splitWords) && stateText.contains(m_first) && stateText.contains(m_second),
             qPrintable(stateText));
    QVERIFY(state.data(Qt::ForegroundRole).isValid());
    QVERIFY(state.data(Qt::ToolTipRole).toString().contains(m_second));

    // The map chip says the same.
    InstanceChipItem chip(*controller.instance(m_uuid));
    QVERIFY2(chip.toolTipText().contains(m_first) && chip.toolTipText().contains(m_second),
             qPrintable(chip.toolTipText()));

    // The details, with the way to the fix; the actions are off.
    window.selection()->selectInstances({m_uuid});
    DetailsPanel* details = window.details();
    auto* detailState = details->findChild<QLabel*>(QStringLiteral("instanceState"));
    QVERIFY(detailState->text().contains(m_second));
    QVERIFY(details->findChild<QLabel*>(QStringLiteral("instanceSplit"))->isVisible());
    auto* fixButton = details->findChild<QPushButton*>(QStringLiteral("fixSplitBrainButton"));
    QVERIFY(fixButton && fixButton->isVisible());
    for (InstanceAction action : allInstanceActions())
        QVERIFY(!window.action(action)->isEnabled());
    QVERIFY(!window.migrateToAction()->isEnabled());
    QVERIFY(window.fixSplitBrainAction()->isEnabled());

    // The fix dialog from the details.
    fixButton->click();
    auto* dialog = window.findChild<SplitBrainDialog*>();
    QVERIFY(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->pendingFacts(), 0, 10000);
    QTableWidget* table = dialog->copiesTable();
    QCOMPARE(table->rowCount(), 2);
    QVERIFY(table->item(0, SplitBrainDialog::NodeColumn)->text().startsWith(m_first));
    QVERIFY(table->item(1, SplitBrainDialog::NodeColumn)->text().startsWith(m_second));
    QVERIFY(!table->item(1, SplitBrainDialog::StateColumn)->text().isEmpty());
    QVERIFY(!table->item(1, SplitBrainDialog::DirtyColumn)->text().isEmpty());
    QVERIFY(!dialog->lastMigrationText().isEmpty()); // no migration on record: it says so
    QPushButton* stopSecond = dialog->stopButton(m_second);
    QVERIFY(stopSecond && dialog->stopButton(m_first));
    QVERIFY2(stopSecond->text().contains(stopWords), qPrintable(stopSecond->text()));
    // For docs/: KUMO_SCREENSHOTS=<dir> writes the window and the fix dialog in each language.
    if (const QString dir = qEnvironmentVariable("KUMO_SCREENSHOTS"); !dir.isEmpty()) {
        QVERIFY(window.grab().save(
            QDir(dir).filePath(QStringLiteral("split-brain-window-%1.png").arg(language))));
        QVERIFY(dialog->grab().save(QDir(dir).filePath(QStringLiteral("split-brain-%1.png").arg(language))));
    }

    // Cancelled: nothing stops, nothing is recorded but the detection.
    answerConfirmation(false);
    QVERIFY(!dialog->stopCopy(m_second));
    QVERIFY(controller.instance(m_uuid)->isSplit());
    QCOMPARE(migrations.journal()->readAll().size(), 1);

    // Confirmed: the copy on the second node goes, the instance is normal again.
    QSignalSpy stopped(dialog, &SplitBrainDialog::copyStopped);
    answerConfirmation(true);
    QVERIFY(dialog->stopCopy(m_second));
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 10000);
    QCOMPARE(stopped.at(0).at(1).value<Error>().code, ErrorCode::None);
    QTRY_COMPARE_WITH_TIMEOUT(split.size(), 2, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->stopButton(m_second) == nullptr, 5000);
    QVERIFY(!dialog->statusText().isEmpty());
    QVERIFY(!model->index(0, int(InstanceTableModel::Column::State)).data().toString().contains(splitWords));
    QTRY_VERIFY(!details->findChild<QLabel*>(QStringLiteral("instanceSplit"))->isVisible());
    QVERIFY(window.action(InstanceAction::Suspend)->isEnabled());
    QCOMPARE(migrations.journal()->readAll().size(), 4);
    dialog->close();
    controller.shutdown();
}

QTEST_MAIN(TestSplitBrainUi)
#include "tst_splitbrainui.moc"

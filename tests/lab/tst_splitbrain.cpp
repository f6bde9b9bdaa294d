// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Split brain on the demo lab, made the way it happens: a peer-to-peer migration whose
// destination daemon is frozen (SIGSTOP) while the memory moves. QEMU's own stream completes, the
// source daemon's call into the frozen destination times out on keepalive and the source resumes
// its guest; thawed (SIGCONT), the destination resumes its copy too. The console must show the
// instance split within a refresh, lock it, show what each copy reports in the fix dialog, and
// after "stop the copy on X" (journalled) show one normal instance that libvirt runs on one node.
// When the kept copy is persistent, the fix also removes the stopped copy's definition (offered
// and on by default): libvirt then knows the guest on exactly one node.
#include <csignal>

#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

#include <sys/types.h>

#include "app/access/journal.h"
#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "app/migration/migrationqueue.h"
#include "support/labfixture.h"
#include "ui/splitbraindialog.h"

using namespace kumo;

namespace {

const QString Guest = QStringLiteral("mail");
const QString From = QStringLiteral("myodaiji-01");
const QString To = QStringLiteral("yamate-01");

// libvirt's word on the domain's current job: "None" when it has none ("virsh domjobinfo").
QString jobTypeOn(const QString& uri, const QString& name)
{
    QProcess virsh;
    virsh.start(QStringLiteral("virsh"), {QStringLiteral("-c"), uri, QStringLiteral("domjobinfo"), name});
    if (!virsh.waitForFinished(30000) || virsh.exitCode() != 0)
        return QStringLiteral("<virsh failed>");
    for (const QString& line : QString::fromUtf8(virsh.readAllStandardOutput()).split(u'\n')) {
        if (line.startsWith(QStringLiteral("Job type:")))
            return line.mid(int(qstrlen("Job type:"))).trimmed();
    }
    return QStringLiteral("<no job type>");
}

} // namespace

class TestSplitBrain : public QObject
{
    Q_OBJECT

private:
    LabFixture m_lab{QStringLiteral("tst_splitbrain")};
    qint64 m_frozenPid = 0;

    qint64 daemonPidOf(const QString& node) const
    {
        for (const LabNode& labNode : m_lab.info().nodes) {
            if (labNode.name == node)
                return labNode.daemonPid;
        }
        return 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const Result<void> up = m_lab.setUp(LabFixture::Console::ClusterAndMigrations);
        QVERIFY2(up.ok(), up.ok() ? "" : qPrintable(up.error().toString()));
        QCOMPARE(m_lab.nodeOf(Guest), From);
        const Result<void> filled = m_lab.waitForFilledMemory();
        QVERIFY2(filled.ok(), filled.ok() ? "" : qPrintable(filled.error().toString()));
    }

    void cleanupTestCase()
    {
        // Never leave a frozen daemon behind, whatever failed.
        if (m_frozenPid > 0)
            ::kill(pid_t(m_frozenPid), SIGCONT);
        (void)m_lab.tearDown();
    }

    void frozenDestinationLeavesTwoCopies()
    {
        ClusterController* cluster = m_lab.cluster();
        MigrationController* migrations = m_lab.migrations();
        const QString uuid = m_lab.uuidOf(Guest);
        QVERIFY(!uuid.isEmpty());
        const qint64 destinationPid = daemonPidOf(To);
        QVERIFY(destinationPid > 0);

        QSignalSpy queued(migrations, &MigrationController::migrationQueued);
        QSignalSpy refused(migrations, &MigrationController::migrationRefused);
        QSignalSpy split(cluster, &ClusterController::splitBrainChanged);
        MigrationOptions options = migrations->defaultOptions();
        options.peerToPeer = true;
        options.bandwidthMiBs = 10; // several seconds of memory transfer: time to freeze
        migrations->migrate(uuid, To, options, QStringLiteral("split brain test"));
        QTRY_COMPARE_WITH_TIMEOUT(queued.size() + refused.size(), 1, 30000);
        QCOMPARE(refused.size(), 0);

        // Freeze the destination daemon at the switch-over: QEMU has sent the memory, the source
        // paused its guest and asks the destination daemon to finish (resume its copy).
        QTRY_VERIFY_WITH_TIMEOUT(jobTypeOn(m_lab.uriOf(From), Guest) == QStringLiteral("Unbounded"), 30000);
        QVERIFY(
            QTest::qWaitFor([&] { return m_lab.stateOn(From, Guest) == QStringLiteral("paused"); }, 60000));
        QCOMPARE(::kill(pid_t(destinationPid), SIGSTOP), 0);
        m_frozenPid = destinationPid;
        QElapsedTimer frozen;
        frozen.start();

        // The source daemon gives up on the frozen peer (keepalive) and its guest runs on.
        QVERIFY(QTest::qWaitFor(
            [&] {
                return jobTypeOn(m_lab.uriOf(From), Guest) == QStringLiteral("None") &&
                       m_lab.stateOn(From, Guest) == QStringLiteral("running");
            },
            120000));
        qInfo("FIGURE source-gave-up-after-freeze-ms=%lld", frozen.elapsed());
        QCOMPARE(split.size(), 0);

        QCOMPARE(::kill(pid_t(destinationPid), SIGCONT), 0);
        m_frozenPid = 0;
        QElapsedTimer thawed;
        thawed.start();
        // The destination resumes its copy: libvirt itself says it runs on both nodes.
        QStringList running;
        const bool both = QTest::qWaitFor(
            [&] {
                running.clear();
                (void)m_lab.nodesKnowing(Guest, &running);
                return running.size() == 2;
            },
            60000);
        qInfo("FIGURE thaw-to-libvirt-two-copies-ms=%lld running=%s destination-state=%s", thawed.elapsed(),
              qPrintable(running.join(u',')), qPrintable(m_lab.stateOn(To, Guest)));
        if (!both)
            QSKIP("libvirt did not leave two running copies this time (the destination daemon was frozen "
                  "outside the window in which it finishes the incoming migration): nothing to detect.");
        const qint64 libvirtBothMs = thawed.elapsed();

        QTRY_VERIFY_WITH_TIMEOUT(!split.isEmpty(), 30000);
        qInfo(
            "FIGURE split-detected-after-thaw-ms=%lld after-libvirt-showed-both-ms=%lld poll-interval-ms=%d",
            thawed.elapsed(), thawed.elapsed() - libvirtBothMs, m_lab.inventory().pollIntervalMs);
        QCOMPARE(split.at(0).at(0).toString(), uuid);
        QCOMPARE(split.at(0).at(1).toStringList(), (QStringList{From, To}));
        const InstanceSnapshot* shown = cluster->instance(uuid);
        QVERIFY(shown && shown->isSplit());

        // Locked: an action and a migration are refused with the reason.
        QSignalSpy finished(cluster, &ClusterController::actionFinished);
        cluster->requestAction(uuid, InstanceAction::Suspend);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(finished.at(0).at(3).value<Error>().code, ErrorCode::InvalidInput);
        QCOMPARE(migrations->quickCheck(uuid, QStringLiteral("yamate-02")).verdict(), CheckSeverity::Refused);
        QCOMPARE(m_lab.stateOn(From, Guest), QStringLiteral("running"));

        // The fix dialog: what each copy reports, and what the last migration meant.
        auto* dialog = new SplitBrainDialog(migrations, uuid);
        dialog->show();
        QTRY_COMPARE_WITH_TIMEOUT(dialog->pendingFacts(), 0, 20000);
        QTableWidget* table = dialog->copiesTable();
        QCOMPARE(table->rowCount(), 2);
        qInfo("DIALOG last migration: %s", qPrintable(dialog->lastMigrationText()));
        for (int row = 0; row < table->rowCount(); ++row) {
            QStringList cells;
            for (int column = 0; column < table->columnCount(); ++column)
                cells.append(table->item(row, column)->text());
            qInfo("DIALOG copy: %s", qPrintable(cells.join(QStringLiteral(" | "))));
        }
        QVERIFY2(dialog->lastMigrationText().contains(To), qPrintable(dialog->lastMigrationText()));
        QVERIFY(dialog->stopButton(From));
        QVERIFY(dialog->stopButton(To));

        // Keep the copy the migration meant (the destination); stop the source's, confirmed.
        finished.clear();
        const bool keptPersistent = cluster->canRemoveCopyDefinition(uuid, From);
        qInfo("kept copy on %s persistent: %s", qPrintable(To), keptPersistent ? "yes" : "no");
        bool removalOffered = false;
        QSignalSpy removed(dialog, &SplitBrainDialog::definitionRemoved);
        QTimer::singleShot(200, dialog, [&removalOffered] {
            for (QWidget* widget : QApplication::topLevelWidgets()) {
                if (auto* box = qobject_cast<QMessageBox*>(widget);
                    box && box->objectName() == QStringLiteral("confirmStopCopy")) {
                    removalOffered = box->checkBox() && box->checkBox()->isChecked();
                    for (QAbstractButton* button : box->buttons()) {
                        if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                            button->click();
                    }
                }
            }
        });
        QElapsedTimer fix;
        fix.start();
        QVERIFY(dialog->stopCopy(From));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(finished.at(0).at(3).value<Error>().code, ErrorCode::None);
        QTRY_COMPARE_WITH_TIMEOUT(split.size(), 2, 30000);
        qInfo("FIGURE fix-to-normal-ms=%lld", fix.elapsed());
        qInfo("DIALOG status: %s", qPrintable(dialog->statusText()));
        QVERIFY(split.at(1).at(1).toStringList().isEmpty());
        QVERIFY(!cluster->instance(uuid)->isSplit());
        QCOMPARE(cluster->instance(uuid)->node, To);
        running.clear();
        const QStringList knowing = m_lab.nodesKnowing(Guest, &running);
        qInfo("libvirt: defined on %s, running on %s", qPrintable(knowing.join(u',')),
              qPrintable(running.join(u',')));
        QCOMPARE(running, QStringList{To});
        QCOMPARE(removalOffered, keptPersistent);
        if (removalOffered) {
            QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 30000);
            const Error removal = removed.at(0).at(1).value<Error>();
            QVERIFY2(removal.code == ErrorCode::None, qPrintable(removal.toString()));
            qInfo("DIALOG status: %s", qPrintable(dialog->statusText()));
            QTRY_COMPARE_WITH_TIMEOUT(m_lab.nodesKnowing(Guest), QStringList{To}, 30000);
            QTRY_COMPARE_WITH_TIMEOUT(cluster->locationsOf(uuid), QStringList{To}, 30000);
        }
        dialog->close();

        QStringList actions;
        for (const QJsonObject& entry : migrations->journal()->readAll())
            actions.append(entry.value(QStringLiteral("action")).toString() + QLatin1Char(':') +
                           entry.value(QStringLiteral("result")).toString());
        qInfo("journal: %s", qPrintable(actions.join(u' ')));
        QVERIFY(actions.contains(QStringLiteral("split-brain:")));
        QVERIFY(actions.contains(QStringLiteral("stop-copy:started")));
        QVERIFY(actions.contains(QStringLiteral("stop-copy:completed")));
        QVERIFY(actions.contains(QStringLiteral("split-brain-ended:")));
        QCOMPARE(actions.contains(QStringLiteral("remove-copy-definition:completed")), removalOffered);
        // The migration's own outcome reaches the journal too (it failed on the source's side).
        QTRY_VERIFY_WITH_TIMEOUT(
            migrations->queue()->jobs().isEmpty() || !migrations->lastMigrationOf(uuid).isEmpty(), 60000);
    }
};

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestSplitBrain test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_splitbrain.moc"

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The migration dialog's transport choice on a FakeCloud (no daemons): Automatic says what it
// resolves to, the transports the inventory does not allow are disabled with the reason, the
// resolved path and the options that do not combine with it are shown as the options change, and
// the chosen transport reaches MigrationOptions. Moves on real daemons: tst_migrationui (lab).
#include <memory>

#include <QComboBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "core/migrationpath.h"
#include "support/fakecloud.h"
#include "support/fakemigrationjob.h"
#include "ui/migration/migrationdialog.h"

using namespace kumo;

namespace {

constexpr quint64 GiBInKiB = 1024 * 1024;

struct World
{
    QTemporaryDir dir;
    FakeCloud cloud;
    FakeMigrationJobFactory jobs;
    QString mail;
    std::unique_ptr<ClusterController> cluster;
    std::unique_ptr<MigrationController> controller;
};

// mail on myodaiji-01; yamate-01 the destination. edit: changes the inventory first.
std::unique_ptr<World> makeWorld(const std::function<void(Inventory&)>& edit = {})
{
    auto world = std::make_unique<World>();
    for (const QString& site : {QStringLiteral("myodaiji"), QStringLiteral("yamate")}) {
        world->cloud.addSite(site);
        world->cloud.addNode(site, site + QStringLiteral("-01"), 16, 64 * GiBInKiB);
    }
    world->mail =
        world->cloud.addInstance(QStringLiteral("myodaiji-01"), QStringLiteral("mail"), 2, 4 * GiBInKiB);
    Inventory inventory = world->cloud.inventory();
    if (edit)
        edit(inventory);
    world->cluster = std::make_unique<ClusterController>(world->cloud.sessionFactory());
    world->cluster->setInventory(inventory);
    world->controller = std::make_unique<MigrationController>(
        world->cluster.get(), world->dir.filePath(QStringLiteral("journal.jsonl")),
        world->cloud.jobFactory(&world->jobs));
    return world;
}

bool connected(const World& world)
{
    return QTest::qWaitFor(
        [&] { return world.cluster->connectedNodeCount() == 2 && world.cluster->instanceCount() == 1; },
        5000);
}

QComboBox* transportCombo(MigrationDialog& dialog)
{
    return dialog.findChild<QComboBox*>(QStringLiteral("transportCombo"));
}

void choose(MigrationDialog& dialog, MigrationTransport transport)
{
    QComboBox* combo = transportCombo(dialog);
    combo->setCurrentIndex(combo->findData(int(transport)));
}

} // namespace

class TestMigrationDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("kumo-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_migrationdialog"));
        QSettings().clear();
    }

    void untrustedWithoutCertificatesOffersTheTunnelOnly()
    {
        const auto world = makeWorld();
        QVERIFY(connected(*world));
        MigrationDialog dialog(world->controller.get(), {world->mail}, QStringLiteral("yamate-01"));
        QComboBox* combo = transportCombo(dialog);
        QVERIFY(combo);
        QCOMPARE(combo->count(), 4);
        QCOMPARE(combo->currentData().toInt(), int(MigrationTransport::Automatic));
        QCOMPARE(combo->currentText(),
                 QStringLiteral("Automatic: %1").arg(MigrationPath::describe(MigrationTransport::Tunnelled)));
        QVERIFY(dialog.transportAllowed(MigrationTransport::Automatic));
        QVERIFY(dialog.transportAllowed(MigrationTransport::Tunnelled));
        QVERIFY(!dialog.transportAllowed(MigrationTransport::Tls));
        QVERIFY(!dialog.transportAllowed(MigrationTransport::Plain));
        // Disabled entries say why.
        const QString tlsWhy =
            combo->itemData(combo->findData(int(MigrationTransport::Tls)), Qt::ToolTipRole).toString();
        QVERIFY2(tlsWhy.contains(QStringLiteral("migration_tls = true")), qPrintable(tlsWhy));
        const QString plainWhy =
            combo->itemData(combo->findData(int(MigrationTransport::Plain)), Qt::ToolTipRole).toString();
        QVERIFY2(plainWhy.contains(QStringLiteral("trusted_migration_network = true")), qPrintable(plainWhy));
        const auto* model = qobject_cast<QStandardItemModel*>(combo->model());
        QVERIFY(!model->item(combo->findData(int(MigrationTransport::Tls)))->isEnabled());

        QCOMPARE(dialog.transportPathText(),
                 QStringLiteral("Transport: tunnelled through the node connection."));
        QCOMPARE(dialog.options().transport, MigrationTransport::Automatic);
        choose(dialog, MigrationTransport::Tunnelled);
        QCOMPARE(dialog.options().transport, MigrationTransport::Tunnelled);
    }

    void conflictsShowLiveAndRefuse()
    {
        const auto world = makeWorld();
        QVERIFY(connected(*world));
        MigrationDialog dialog(world->controller.get(), {world->mail}, QStringLiteral("yamate-01"));
        choose(dialog, MigrationTransport::Tunnelled);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.checksComplete(), 5000);
        QVERIFY(dialog.verdict() != CheckSeverity::Refused);
        QVERIFY(dialog.migrateButton()->isEnabled());

        MigrationOptions options = dialog.options();
        options.allowPostCopy = true;
        dialog.setOptions(options);
        QVERIFY2(dialog.transportPathText().contains(
                     QStringLiteral("Post-copy does not combine with a tunnelled migration.")),
                 qPrintable(dialog.transportPathText()));
        QCOMPARE(dialog.verdict(), CheckSeverity::Refused);
        QVERIFY(!dialog.migrateButton()->isEnabled());

        options.allowPostCopy = false;
        dialog.setOptions(options);
        QCOMPARE(dialog.transportPathText(),
                 QStringLiteral("Transport: tunnelled through the node connection."));
        QVERIFY(dialog.verdict() != CheckSeverity::Refused);
        QVERIFY(dialog.migrateButton()->isEnabled());
    }

    void trustedWithCertificatesAllowsEverything()
    {
        const auto world = makeWorld([](Inventory& inventory) {
            for (Site& site : inventory.sites)
                site.trustedMigrationNetwork = true;
            for (NodeConfig& node : inventory.nodes)
                node.migrationTls = true;
        });
        QVERIFY(connected(*world));
        MigrationDialog dialog(world->controller.get(), {world->mail}, QStringLiteral("yamate-01"));
        QComboBox* combo = transportCombo(dialog);
        QCOMPARE(combo->currentText(),
                 QStringLiteral("Automatic: %1").arg(MigrationPath::describe(MigrationTransport::Tls)));
        for (MigrationTransport transport : {MigrationTransport::Automatic, MigrationTransport::Tls,
                                             MigrationTransport::Tunnelled, MigrationTransport::Plain})
            QVERIFY(dialog.transportAllowed(transport));
        choose(dialog, MigrationTransport::Plain);
        QCOMPARE(dialog.transportPathText(),
                 QStringLiteral("Transport: %1.").arg(MigrationPath::describe(MigrationTransport::Plain)));
        // The chosen transport is what the move asks for.
        QSignalSpy queued(world->controller.get(), &MigrationController::migrationQueued);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.checksComplete(), 5000);
        dialog.accept();
        QTRY_COMPARE_WITH_TIMEOUT(queued.size(), 1, 5000);
        const MigrationRequest request = queued.at(0).at(1).value<MigrationRequest>();
        QCOMPARE(request.options.transport, MigrationTransport::Plain);
        QCOMPARE(request.transport, MigrationTransport::Plain);
    }
};

QTEST_MAIN(TestMigrationDialog)
#include "tst_migrationdialog.moc"

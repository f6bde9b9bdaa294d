// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/testconsole.h"

#include <QDir>
#include <QTest>

#include "core/inventory.h"

namespace kumo {

TestConsole::TestConsole(const QString& dir)
    : controller(std::make_unique<ClusterController>())
    , migrations(std::make_unique<MigrationController>(controller.get(),
                                                       QDir(dir).filePath(QStringLiteral("journal.jsonl"))))
    , store(std::make_unique<OutageStore>(QDir(dir).filePath(QStringLiteral("state"))))
    , evacuation(std::make_unique<Evacuation>(controller.get(), migrations.get(), store.get()))
    , monitoring(std::make_unique<MonitoringController>())
    , eventLog(std::make_unique<EventLog>())
{
    monitoring->watchCluster(controller.get());
    window = std::make_unique<MainWindow>(controller.get(), migrations.get());
    window->setEvacuation(evacuation.get());
    window->setMonitoring(monitoring.get(), eventLog.get());
}

TestConsole::~TestConsole()
{
    window.reset();
    evacuation.reset();
    migrations.reset();
    controller->shutdown();
}

bool TestConsole::open(const Inventory& inventory, QSize size)
{
    controller->setInventory(inventory);
    window->resize(size);
    window->show();
    return QTest::qWaitForWindowExposed(window.get());
}

} // namespace kumo

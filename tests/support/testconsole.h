// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The console as main() wires it, for widget tests on the libvirt test driver: the cluster
// controller, migrations with their journal, the outage store and evacuation, monitoring with its
// event log, and the main window on all of them. Files go into `dir`.
#pragma once

#include <memory>

#include <QSize>
#include <QString>

#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"
#include "app/monitoring/eventlog.h"
#include "app/monitoring/monitoringcontroller.h"
#include "app/outage/evacuation.h"
#include "app/outage/outagestore.h"
#include "ui/mainwindow.h"

namespace kumo {

class Inventory;

class TestConsole
{
public:
    explicit TestConsole(const QString& dir);
    ~TestConsole();
    TestConsole(const TestConsole&) = delete;
    TestConsole& operator=(const TestConsole&) = delete;

    // Gives the controller `inventory` and shows the window; false if it was not exposed.
    [[nodiscard]] bool open(const Inventory& inventory, QSize size = {1400, 900});

    std::unique_ptr<ClusterController> controller;
    std::unique_ptr<MigrationController> migrations;
    std::unique_ptr<OutageStore> store;
    std::unique_ptr<Evacuation> evacuation;
    std::unique_ptr<MonitoringController> monitoring;
    std::unique_ptr<EventLog> eventLog;
    std::unique_ptr<MainWindow> window;
};

} // namespace kumo

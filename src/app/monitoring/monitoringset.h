// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MonitoringSet: the console's monitoring as one piece: the alerts (MonitoringController), the event
// log and what writes into it (EventLog, EventRecorder) and the service probes (ServiceProber), wired
// to the cluster and, when given, to the migrations and the outage runs. The console and the
// benchmark build it the same way, so that what is measured is what runs.
// Thread: GUI.
// Owner: main() (or the benchmark); the controllers it watches outlive it, and it outlives the window
// that shows it (MainWindow::setMonitoring, setServiceProber).
#pragma once

#include "app/monitoring/eventlog.h"
#include "app/monitoring/eventrecorder.h"
#include "app/monitoring/monitoringcontroller.h"
#include "app/probes/serviceprober.h"

namespace kumo {

class ClusterController;
class Evacuation;
class MigrationController;

class MonitoringSet
{
public:
    // migrations and evacuation may be null (nothing moves then).
    explicit MonitoringSet(ClusterController* cluster, MigrationController* migrations = nullptr,
                           Evacuation* evacuation = nullptr);
    MonitoringSet(const MonitoringSet&) = delete;
    MonitoringSet& operator=(const MonitoringSet&) = delete;

    // Declared in the order they are built; the prober, which reports to the others, goes first.
    MonitoringController monitoring;
    EventLog eventLog;
    EventRecorder eventRecorder{&eventLog};
    ServiceProber prober;
};

} // namespace kumo

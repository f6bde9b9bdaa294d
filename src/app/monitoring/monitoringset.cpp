// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/monitoring/monitoringset.h"

#include "app/migration/migrationcontroller.h"

namespace kumo {

MonitoringSet::MonitoringSet(ClusterController* cluster, MigrationController* migrations,
                             Evacuation* evacuation)
{
    // In this order, as the console always connected them: whoever hears a signal first stays first.
    monitoring.watchCluster(cluster);
    if (migrations)
        monitoring.watchMigrations(migrations);
    eventRecorder.watchCluster(cluster);
    if (migrations)
        eventRecorder.watchMigrations(migrations);
    eventRecorder.watchMonitoring(&monitoring);
    if (evacuation)
        eventRecorder.watchOutage(evacuation);
    prober.setCluster(cluster);
    if (migrations)
        prober.setMigrationQueue(migrations->queue());
    monitoring.watchProber(&prober);
}

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// AlertBadges: keeps the campus map's alert badges in step with the alerts — one AlertBadgeItem on
// each instance chip and node card that has alerts still wanting a person (an instance's on its
// chip, a node's own on its card). Only the subjects named by an alert signal are touched; a chip
// or card created later (a node that connects, an instance that appears) gets its badge then.
// Thread: GUI.
// Owner: MainWindow (or a test); the scene, the controllers outlive it.
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include "core/alerts.h"

class QGraphicsItem;

namespace kumo {

class AlertBadgeItem;
class CampusMapScene;
class ClusterController;
class MonitoringController;

class AlertBadges : public QObject
{
    Q_OBJECT

public:
    AlertBadges(MonitoringController* monitoring, CampusMapScene* scene, QObject* parent = nullptr);

    // The badge on a node card or instance chip (key: node name or instance uuid), or nullptr.
    [[nodiscard]] AlertBadgeItem* badge(const QString& key) const;

private:
    void onAlert(const Alert& alert);
    void onCleared(const Alert& alert);
    // Makes the badge of `key` show what is known now.
    void apply(const QString& key);
    [[nodiscard]] QGraphicsItem* itemFor(const QString& key) const;
    [[nodiscard]] static QString keyOf(const Alert& alert);

    MonitoringController* m_monitoring;
    CampusMapScene* m_scene;
    QHash<QString, QList<Alert>> m_alerts; // key -> its active alerts
};

} // namespace kumo

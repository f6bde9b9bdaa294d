// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitoring/alertbadges.h"

#include <QGraphicsItem>

#include "app/cluster/clustercontroller.h"
#include "app/monitoring/alerttexts.h"
#include "app/monitoring/monitoringcontroller.h"
#include "ui/clusterselection.h"
#include "ui/map/campusmapscene.h"
#include "ui/map/instancechipitem.h"
#include "ui/map/nodecarditem.h"
#include "ui/monitoring/alertbadgeitem.h"
#include "ui/monitoring/alertmarks.h"

namespace kumo {

AlertBadges::AlertBadges(MonitoringController* monitoring, CampusMapScene* scene, QObject* parent)
    : QObject(parent)
    , m_monitoring(monitoring)
    , m_scene(scene)
{
    for (const Alert& alert : monitoring->activeAlerts())
        m_alerts[keyOf(alert)].append(alert);
    connect(monitoring, &MonitoringController::alertRaised, this, &AlertBadges::onAlert);
    connect(monitoring, &MonitoringController::alertChanged, this, &AlertBadges::onAlert);
    connect(monitoring, &MonitoringController::alertCleared, this, &AlertBadges::onCleared);
    // The scene makes cards and chips on these signals (it was connected first).
    ClusterController* cluster = scene->controller();
    const auto applyIfKnown = [this](const QString& key) {
        if (m_alerts.contains(key))
            apply(key);
    };
    connect(cluster, &ClusterController::nodeAdded, this, applyIfKnown);
    connect(cluster, &ClusterController::instanceAdded, this, applyIfKnown);
    connect(cluster, &ClusterController::instanceMoved, this,
            [applyIfKnown](const QString& uuid, const QString&, const QString&) { applyIfKnown(uuid); });
    // A relayout may size cards anew: badges keep to the corner.
    connect(scene, &CampusMapScene::layoutChanged, this, [this] {
        for (auto it = m_alerts.cbegin(); it != m_alerts.cend(); ++it)
            apply(it.key());
    });
    for (auto it = m_alerts.cbegin(); it != m_alerts.cend(); ++it)
        apply(it.key());
}

QString AlertBadges::keyOf(const Alert& alert)
{
    return alert.subject.instance.isEmpty() ? alert.subject.node : alert.subject.instance;
}

QGraphicsItem* AlertBadges::itemFor(const QString& key) const
{
    if (InstanceChipItem* chip = m_scene->chip(key))
        return chip;
    return m_scene->nodeCard(key);
}

AlertBadgeItem* AlertBadges::badge(const QString& key) const
{
    QGraphicsItem* item = itemFor(key);
    if (!item)
        return nullptr;
    const QList<QGraphicsItem*> children = item->childItems();
    for (QGraphicsItem* child : children) {
        if (child->type() == AlertBadgeItem::Type)
            return static_cast<AlertBadgeItem*>(child);
    }
    return nullptr;
}

void AlertBadges::onAlert(const Alert& alert)
{
    const QString key = keyOf(alert);
    QList<Alert>& alerts = m_alerts[key];
    bool found = false;
    for (Alert& known : alerts) {
        if (known.id == alert.id) {
            known = alert;
            found = true;
        }
    }
    if (!found)
        alerts.append(alert);
    apply(key);
}

void AlertBadges::onCleared(const Alert& alert)
{
    const QString key = keyOf(alert);
    const auto found = m_alerts.find(key);
    if (found == m_alerts.end())
        return;
    found->removeIf([&alert](const Alert& known) { return known.id == alert.id; });
    if (found->isEmpty())
        m_alerts.erase(found);
    apply(key);
}

void AlertBadges::apply(const QString& key)
{
    QGraphicsItem* item = itemFor(key);
    if (!item)
        return;
    int count = 0;
    bool critical = false;
    QStringList lines;
    for (const Alert& alert : m_alerts.value(key)) {
        if (alert.acknowledged || alert.silenced)
            continue;
        ++count;
        critical = critical || alert.severity == AlertSeverity::Critical;
        lines.append(QStringLiteral("%1: %2").arg(AlertTexts::severityText(alert.severity),
                                                  AlertTexts::describe(alert)));
    }
    AlertBadgeItem* existing = badge(key);
    if (count == 0) {
        delete existing;
        return;
    }
    if (!existing)
        existing = new AlertBadgeItem(item);
    existing->place();
    existing->setAlerts(critical ? EventSeverity::Critical : EventSeverity::Warning, count,
                        lines.join(QLatin1Char('\n')));
}

} // namespace kumo

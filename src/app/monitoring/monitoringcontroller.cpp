// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/monitoring/monitoringcontroller.h"

namespace kumo {

MonitoringController::MonitoringController(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<kumo::Alert>();
    m_engine.onRaised = [this](const Alert& alert) { Q_EMIT alertRaised(alert); };
    m_engine.onChanged = [this](const Alert& alert) { Q_EMIT alertChanged(alert); };
    m_engine.onCleared = [this](const Alert& alert) { Q_EMIT alertCleared(alert); };
}

MonitoringController::~MonitoringController()
{
    // The engine's callbacks name this object: none may run while it is taken apart.
    m_engine.onRaised = nullptr;
    m_engine.onChanged = nullptr;
    m_engine.onCleared = nullptr;
}

bool MonitoringController::acknowledge(quint64 id)
{
    return m_engine.acknowledge(id);
}

void MonitoringController::setSiteSilenced(const QString& site, bool silenced)
{
    m_engine.setSiteSilenced(site, silenced);
}

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MonitoringController: the console's alerts over time. It owns the AlertEngine, keeps its clock
// (the monotonic one), and tells views as Qt signals what the engine raises, changes and clears.
// What it watches (the cluster's nodes and instances, migrations, service probes) feeds the engine
// through it, so that the rules and their state live in one place for the whole console.
// Thread: GUI (or the main thread of a headless command).
// Owner: main(); it must outlive the window that shows its alerts.
#pragma once

#include <optional>

#include <QList>
#include <QObject>
#include <QString>

#include "core/alerts.h"
#include "core/clock.h"

namespace kumo {

class MonitoringController : public QObject
{
    Q_OBJECT
public:
    explicit MonitoringController(QObject* parent = nullptr);
    ~MonitoringController() override;

    // Tests step the clock.
    void setClock(const Clock& clock) { m_clock = clock; }
    [[nodiscard]] qint64 nowMs() const { return m_clock.monotonicMs(); }

    [[nodiscard]] AlertEngine& engine() { return m_engine; }
    [[nodiscard]] const AlertEngine& engine() const { return m_engine; }

    [[nodiscard]] QList<Alert> activeAlerts() const { return m_engine.active(); }
    [[nodiscard]] std::optional<Alert> alert(quint64 id) const { return m_engine.alert(id); }
    [[nodiscard]] int unattendedCount(std::optional<AlertSeverity> severity = std::nullopt) const
    {
        return m_engine.unattendedCount(severity);
    }

public Q_SLOTS:
    bool acknowledge(quint64 id);
    void setSiteSilenced(const QString& site, bool silenced);

Q_SIGNALS:
    void alertRaised(const kumo::Alert& alert);
    // Acknowledged, silenced or a new value.
    void alertChanged(const kumo::Alert& alert);
    void alertCleared(const kumo::Alert& alert);

private:
    AlertEngine m_engine;
    Clock m_clock = Clock::system();
};

} // namespace kumo

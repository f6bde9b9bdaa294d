// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// DesktopNotifier: tells a person about new alerts through the desktop's notification service
// (org.freedesktop.Notifications on the session bus) while the console's window is not the
// active one — the window itself shows them otherwise. Silenced and acknowledged alerts reach
// nobody. During an outage run (setGrouping) alerts are gathered: one notice per wave of the run,
// sent when the wave's window ends or the run does, instead of one per instance. Calls are
// asynchronous: a slow or absent notification service never holds up the console.
// Thread: GUI.
// Owner: the window (or a test); the MonitoringController outlives it.
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include "core/alerts.h"

namespace kumo {

class MonitoringController;

class DesktopNotifier : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultWaveMs = 20000;

    explicit DesktopNotifier(MonitoringController* monitoring, QObject* parent = nullptr);

    // While the window is active nothing is sent.
    void setWindowActive(bool active) { m_windowActive = active; }
    [[nodiscard]] bool isWindowActive() const { return m_windowActive; }
    // A run is going on (its title, e.g. "Evacuation of Myodaiji"); empty ends it and sends what
    // was gathered.
    void setGrouping(const QString& runTitle);
    [[nodiscard]] bool isGrouping() const { return !m_runTitle.isEmpty(); }
    // How long one wave gathers alerts, from the first one.
    void setWaveMs(int ms) { m_wave.setInterval(ms); }
    // Sends the gathered alerts now (the wave ends).
    void flush();

    // The notices sent so far (for the status and tests).
    [[nodiscard]] int sentCount() const { return m_sent; }

Q_SIGNALS:
    // A notice went to the bus (not whether a service took it).
    void notified(const QString& summary, const QString& body, int urgency);

private:
    void onRaised(const Alert& alert);
    void send(const QString& summary, const QString& body, int urgency);

    MonitoringController* m_monitoring;
    bool m_windowActive = false;
    QString m_runTitle;
    QList<Alert> m_gathered;
    QTimer m_wave;
    int m_sent = 0;
};

} // namespace kumo

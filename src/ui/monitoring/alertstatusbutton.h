// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// AlertStatusButton: the status bar's count of alerts that still want a person (not acknowledged,
// not silenced), by severity, with the mark of the worst; a click shows the Alerts dock.
// Thread: GUI.
// Owner: the status bar (MainWindow); the MonitoringController outlives it.
#pragma once

#include <QToolButton>

namespace kumo {

class MonitoringController;

class AlertStatusButton : public QToolButton
{
    Q_OBJECT

public:
    explicit AlertStatusButton(MonitoringController* monitoring, QWidget* parent = nullptr);

public Q_SLOTS:
    void updateCounts();

protected:
    void changeEvent(QEvent* event) override;

private:
    MonitoringController* m_monitoring;
};

} // namespace kumo

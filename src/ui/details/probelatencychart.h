// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ProbeLatencyChart: the answer times of one instance's service probes over their kept history,
// one line per probe, with the checks that got no answer marked on the time axis. Its tooltip and
// accessible description say the same in words. Hidden while the instance has no probes.
// Thread: GUI.
// Owner: its parent widget (the details panel).
#pragma once

#include <QChartView>
#include <QPointer>
#include <QString>

class QChart;
class QDateTimeAxis;
class QScatterSeries;
class QValueAxis;

namespace kumo {

class ServiceProber;

class ProbeLatencyChart : public QChartView
{
    Q_OBJECT
public:
    explicit ProbeLatencyChart(QWidget* parent = nullptr);

    void setServiceProber(ServiceProber* prober);
    // The instance to show (a uuid); empty: none.
    void showInstance(const QString& uuid);
    [[nodiscard]] QString shownInstance() const { return m_uuid; }
    // How many probe lines and points without an answer are drawn.
    [[nodiscard]] int lineCount() const;
    [[nodiscard]] int failureCount() const;
    // The probes' last results in words, one line each (also the tooltip).
    [[nodiscard]] QString summaryText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void redraw();

    QPointer<ServiceProber> m_prober;
    QString m_uuid;
    QChart* m_chart = nullptr;
    QDateTimeAxis* m_timeAxis = nullptr;
    QValueAxis* m_valueAxis = nullptr;
    QScatterSeries* m_failures = nullptr;
};

} // namespace kumo

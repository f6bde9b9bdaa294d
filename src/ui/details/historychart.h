// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// HistoryChart: one line chart of a figure over the last minutes (CPU % or memory), drawn from
// samples the console already holds. Built to be redrawn often: the whole series is swapped in
// one replace() call, nothing animates, and axes change only when their range does.
// Thread: GUI.
// Owner: its parent widget (the details panel).
#pragma once

#include <QChartView>
#include <QList>
#include <QPointF>

class QChart;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace kumo {

class HistoryChart : public QChartView
{
    Q_OBJECT

public:
    enum class Metric
    {
        CpuPercent, // 0-100 %, fixed range
        MemoryMiB,  // automatic range, shown in MiB or GiB
        // Bytes per second, automatic range, shown in KiB/s or MiB/s.
        DiskBytesPerSecond,    // read + written
        NetworkBytesPerSecond, // received + sent
    };

    explicit HistoryChart(Metric metric, QWidget* parent = nullptr);

    [[nodiscard]] Metric metric() const { return m_metric; }
    using QChartView::metric; // QPaintDevice's, which the line above would hide

    // x: the wall-clock time shown for the point, ms since epoch (the caller places it by its age
    // on the monotonic clock); y: percent, MiB or bytes per second; oldest first. A negative y means
    // "not known" and is left out, so the line joins the known points around it.
    void setSamples(const QList<QPointF>& samples);
    // The time span the X axis shows, in ms since epoch.
    void setTimeRange(qint64 fromMs, qint64 toMs);
    [[nodiscard]] qint64 timeFromMs() const { return m_fromMs; }
    [[nodiscard]] qint64 timeToMs() const { return m_toMs; }

    // What the series holds, in the unit shown (percent, MiB or GiB).
    [[nodiscard]] QList<QPointF> points() const;
    // "MiB" or "GiB" for memory, "KiB/s" or "MiB/s" for rates, "%" for CPU: the unit of points().
    [[nodiscard]] QString unitText() const;

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void retranslate();
    void applyTheme();
    void updateValueAxis(double maximum);
    void placeEmptyNote();
    void updateDescription();

    Metric m_metric;
    QChart* m_chart = nullptr;
    QLineSeries* m_series = nullptr;
    QDateTimeAxis* m_timeAxis = nullptr;
    QValueAxis* m_valueAxis = nullptr;
    QLabel* m_emptyNote = nullptr; // over the plot while there is nothing to draw
    QList<QPointF> m_input;
    bool m_gib = false; // shown in the larger unit (GiB, MiB/s)
    double m_axisMax = 0;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    int m_minutes = 0;
};

} // namespace kumo

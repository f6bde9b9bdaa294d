// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/details/historychart.h"

#include <algorithm>
#include <cmath>

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGraphicsLayout>
#include <QLabel>
#include <QLineSeries>
#include <QValueAxis>

namespace kumo {

namespace {

// Memory above this many MiB is shown in GiB, so that axis labels stay short.
constexpr double GibThresholdMiB = 2048.0;
// Rates from this many bytes per second up are shown in MiB/s, below in KiB/s.
constexpr double MibPerSecondThreshold = 1024.0 * 1024.0;

// 1, 2 or 5 times a power of ten, at least `value`: tick steps people read at a glance.
double niceStep(double value)
{
    if (value <= 0)
        return 1;
    const double base = std::pow(10.0, std::floor(std::log10(value)));
    for (const double factor : {1.0, 2.0, 5.0}) {
        if (factor * base >= value)
            return factor * base;
    }
    return 10.0 * base;
}

} // namespace

HistoryChart::HistoryChart(Metric metric, QWidget* parent)
    // The chart goes to the constructor: QChartView(QWidget*) makes a chart of its own, which
    // setChart() would release but never delete (LeakSanitizer found one per graph).
    : QChartView(new QChart, parent)
    , m_metric(metric)
    , m_chart(chart())
    , m_series(new QLineSeries(m_chart))
    , m_timeAxis(new QDateTimeAxis(m_chart))
    , m_valueAxis(new QValueAxis(m_chart))
{
    m_emptyNote = new QLabel(viewport());
    m_emptyNote->setAlignment(Qt::AlignCenter);
    m_emptyNote->setForegroundRole(QPalette::PlaceholderText);
    m_emptyNote->setAttribute(Qt::WA_TransparentForMouseEvents);
    // Redrawn every few seconds for as long as the panel is open: no animation, one series.
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->hide();
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 4, 8, 4));
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->addSeries(m_series);

    m_timeAxis->setFormat(QStringLiteral("HH:mm"));
    m_timeAxis->setTickCount(6);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);
    m_series->attachAxis(m_timeAxis);
    m_series->attachAxis(m_valueAxis);

    m_valueAxis->setTickType(QValueAxis::TicksDynamic);
    m_valueAxis->setTickAnchor(0);
    m_valueAxis->setMinorTickCount(0);
    if (m_metric == Metric::CpuPercent) {
        m_valueAxis->setRange(0, 100);
        m_valueAxis->setTickInterval(25);
        m_valueAxis->setLabelFormat(QStringLiteral("%.0f"));
    } else {
        updateValueAxis(0);
    }

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    setTimeRange(now - qint64{10} * 60 * 1000, now);

    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(260, 180);
    setFrameShape(QFrame::NoFrame);
    applyTheme();
    retranslate();
}

void HistoryChart::setSamples(const QList<QPointF>& samples)
{
    if (samples == m_input)
        return;
    m_input = samples;

    double maximum = 0;
    for (const QPointF& p : samples)
        maximum = std::max(maximum, p.y());
    const bool rate = m_metric == Metric::DiskBytesPerSecond || m_metric == Metric::NetworkBytesPerSecond;
    const bool gib = (m_metric == Metric::MemoryMiB && maximum >= GibThresholdMiB) ||
                     (rate && maximum >= MibPerSecondThreshold);
    const double scale = rate ? (gib ? 1.0 / (1024.0 * 1024.0) : 1.0 / 1024.0) : (gib ? 1.0 / 1024.0 : 1.0);

    QList<QPointF> shown;
    shown.reserve(samples.size());
    for (const QPointF& p : samples) {
        if (p.y() >= 0)
            shown.append(QPointF(p.x(), p.y() * scale));
    }
    // One replace() redraws once; appending point by point would redraw per point.
    m_series->replace(shown);

    if (m_metric != Metric::CpuPercent) {
        if (gib != m_gib) {
            m_gib = gib;
            retranslate();
        }
        updateValueAxis(maximum * scale);
    }

    updateDescription();
    // Without figures the value axis would show a made-up scale. The labels are made transparent
    // rather than hidden: Qt Charts does not make room for them again once hidden.
    m_valueAxis->setLabelsBrush(shown.isEmpty() ? QBrush(Qt::transparent)
                                                : palette().brush(QPalette::WindowText));
    m_emptyNote->setVisible(shown.isEmpty());
    placeEmptyNote();
}

void HistoryChart::updateDescription()
{
    // Screen readers get the latest figure, which the drawing only shows as a line.
    const QList<QPointF> shown = m_series->points();
    if (shown.isEmpty()) {
        setAccessibleDescription(m_emptyNote->text());
    } else if (m_metric == Metric::CpuPercent) {
        setAccessibleDescription(tr("Latest: %1 %").arg(locale().toString(shown.constLast().y(), 'f', 1)));
    } else {
        setAccessibleDescription(
            tr("Latest: %1 %2")
                .arg(locale().toString(shown.constLast().y(), 'f', m_gib ? 2 : 0), unitText()));
    }
}

void HistoryChart::placeEmptyNote()
{
    if (m_emptyNote->isHidden())
        return;
    m_emptyNote->adjustSize();
    const QRect plot = mapFromScene(m_chart->mapToScene(m_chart->plotArea())).boundingRect();
    QRect note = m_emptyNote->rect();
    note.moveCenter(plot.isValid() ? plot.center() : viewport()->rect().center());
    m_emptyNote->setGeometry(note);
}

void HistoryChart::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    placeEmptyNote();
}

void HistoryChart::setTimeRange(qint64 fromMs, qint64 toMs)
{
    if (fromMs == m_fromMs && toMs == m_toMs)
        return;
    m_fromMs = fromMs;
    m_toMs = toMs;
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(fromMs), QDateTime::fromMSecsSinceEpoch(toMs));
    const int minutes = int(std::lround(double(toMs - fromMs) / 60000.0));
    if (minutes != m_minutes) {
        m_minutes = minutes;
        retranslate();
    }
}

QList<QPointF> HistoryChart::points() const
{
    return m_series->points();
}

QString HistoryChart::unitText() const
{
    if (m_metric == Metric::CpuPercent)
        return QStringLiteral("%");
    if (m_metric == Metric::DiskBytesPerSecond || m_metric == Metric::NetworkBytesPerSecond)
        return m_gib ? tr("MiB/s", "binary megabytes per second")
                     : tr("KiB/s", "binary kilobytes per second");
    return m_gib ? tr("GiB", "binary gigabytes") : tr("MiB", "binary megabytes");
}

void HistoryChart::updateValueAxis(double maximum)
{
    // Four or five intervals of a round step, with a little headroom over the highest value.
    const double step = niceStep(std::max(maximum * 1.05, m_gib ? 0.5 : 64.0) / 4.0);
    const double top = std::ceil(std::max(maximum * 1.05, step) / step) * step;
    if (top == m_axisMax)
        return;
    m_axisMax = top;
    // Interval and format first: Qt lays the ticks out again on the range change only.
    m_valueAxis->setTickInterval(step);
    m_valueAxis->setLabelFormat(step < 1 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    m_valueAxis->setRange(0, top);
}

void HistoryChart::applyTheme()
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    m_chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    // The theme resets colours and fonts: set ours after it.
    m_chart->setBackgroundBrush(palette().brush(QPalette::Base));
    m_chart->setBackgroundRoundness(0);
    QFont titleFont = font();
    titleFont.setBold(true);
    m_chart->setTitleFont(titleFont);
    m_chart->setTitleBrush(palette().brush(QPalette::WindowText));
    QFont labelFont = font();
    labelFont.setPointSizeF(std::max(7.0, labelFont.pointSizeF() * 0.85));
    for (QAbstractAxis* axis :
         {static_cast<QAbstractAxis*>(m_timeAxis), static_cast<QAbstractAxis*>(m_valueAxis)}) {
        axis->setLabelsFont(labelFont);
        axis->setTitleFont(labelFont);
        const bool blank = axis == m_valueAxis && m_series->points().isEmpty();
        axis->setLabelsBrush(blank ? QBrush(Qt::transparent) : palette().brush(QPalette::WindowText));
        axis->setTitleBrush(palette().brush(QPalette::WindowText));
    }
    QColor line;
    switch (m_metric) {
    case Metric::CpuPercent:
        line = QColor(0x2f, 0x6f, 0xb3);
        break;
    case Metric::MemoryMiB:
        line = QColor(0x2e, 0x8b, 0x57);
        break;
    case Metric::DiskBytesPerSecond:
        line = QColor(0xc0, 0x62, 0x2f);
        break;
    case Metric::NetworkBytesPerSecond:
        line = QColor(0x7b, 0x4f, 0xa6);
        break;
    }
    if (dark)
        line = line.lighter(150);
    QPen pen(line);
    pen.setWidthF(2.0);
    m_series->setPen(pen);
}

void HistoryChart::retranslate()
{
    if (m_metric == Metric::CpuPercent) {
        m_chart->setTitle(tr("CPU usage, last %1 min").arg(m_minutes));
        m_valueAxis->setTitleText(tr("Percent", "axis title"));
        setAccessibleName(tr("CPU usage history"));
    } else if (m_metric == Metric::MemoryMiB) {
        m_chart->setTitle(tr("Memory used, last %1 min").arg(m_minutes));
        m_valueAxis->setTitleText(unitText());
        setAccessibleName(tr("Memory usage history"));
    } else if (m_metric == Metric::DiskBytesPerSecond) {
        m_chart->setTitle(tr("Disk I/O (read + write), last %1 min").arg(m_minutes));
        m_valueAxis->setTitleText(unitText());
        setAccessibleName(tr("Disk I/O history"));
    } else {
        m_chart->setTitle(tr("Network (received + sent), last %1 min").arg(m_minutes));
        m_valueAxis->setTitleText(unitText());
        setAccessibleName(tr("Network traffic history"));
    }
    m_emptyNote->setText(tr("No figures yet"));
    placeEmptyNote();
    updateDescription();
}

void HistoryChart::changeEvent(QEvent* event)
{
    switch (event->type()) {
    case QEvent::LanguageChange:
        retranslate();
        break;
    case QEvent::PaletteChange:
        applyTheme();
        break;
    case QEvent::FontChange:
        applyTheme();
        placeEmptyNote(); // its size follows the font (the window's changes with the language)
        break;
    default:
        break;
    }
    QChartView::changeEvent(event);
}

} // namespace kumo

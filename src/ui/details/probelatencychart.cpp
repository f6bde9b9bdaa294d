// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/details/probelatencychart.h"

#include <algorithm>
#include <limits>

#include <QChart>
#include <QColor>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include "app/probes/serviceprober.h"
#include "core/sentences.h"
#include "ui/plaintext.h"

namespace kumo {

ProbeLatencyChart::ProbeLatencyChart(QWidget* parent)
    // The chart goes to the constructor: QChartView(QWidget*) makes one of its own that
    // setChart() would not delete.
    : QChartView(new QChart, parent)
    , m_chart(chart())
    , m_timeAxis(new QDateTimeAxis)
    , m_valueAxis(new QValueAxis)
    , m_failures(new QScatterSeries)
{
    setObjectName(QStringLiteral("probeLatencyChart"));
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);
    m_timeAxis->setFormat(QStringLiteral("HH:mm"));
    m_valueAxis->setLabelFormat(QStringLiteral("%d"));
    m_failures->setColor(QColor(0xc0, 0x30, 0x30));
    m_failures->setMarkerSize(7);
    m_chart->addSeries(m_failures);
    m_failures->attachAxis(m_timeAxis);
    m_failures->attachAxis(m_valueAxis);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(160);
    hide();
    changeEvent(nullptr);
}

void ProbeLatencyChart::setServiceProber(ServiceProber* prober)
{
    if (m_prober)
        disconnect(m_prober, nullptr, this, nullptr);
    m_prober = prober;
    if (prober) {
        connect(prober, &ServiceProber::resultChanged, this, [this](const QString& uuid) {
            if (uuid == m_uuid)
                redraw();
        });
        connect(prober, &ServiceProber::targetsChanged, this, &ProbeLatencyChart::redraw);
    }
    redraw();
}

void ProbeLatencyChart::showInstance(const QString& uuid)
{
    if (uuid == m_uuid)
        return;
    m_uuid = uuid;
    redraw();
}

int ProbeLatencyChart::lineCount() const
{
    return int(m_chart->series().size()) - 1;
}

int ProbeLatencyChart::failureCount() const
{
    return int(m_failures->count());
}

QString ProbeLatencyChart::summaryText() const
{
    if (!m_prober)
        return {};
    QStringList lines;
    for (const ServiceProber::ProbeStatus& status : m_prober->statuses(m_uuid)) {
        const ProbeResult& r = status.last;
        QString text = tr("%1: %2").arg(status.probe.url(), probeResultText(r));
        if (r.state == ProbeState::Down)
            text = Sentences::join({text, probeErrorText(r)});
        lines.append(text);
    }
    return lines.join(QLatin1Char('\n'));
}

void ProbeLatencyChart::redraw()
{
    const QList<ServiceProber::ProbeStatus> statuses =
        m_prober && !m_uuid.isEmpty() ? m_prober->statuses(m_uuid) : QList<ServiceProber::ProbeStatus>();
    setVisible(!statuses.isEmpty());
    // One line per probe: the set of probes changes rarely, so lines are replaced, not reused.
    for (QAbstractSeries* series : m_chart->series()) {
        if (series != m_failures) {
            m_chart->removeSeries(series);
            delete series;
        }
    }
    QList<QPointF> failures;
    qint64 from = std::numeric_limits<qint64>::max();
    qint64 to = 0;
    int maximum = 10;
    for (const ServiceProber::ProbeStatus& status : statuses) {
        auto* line = new QLineSeries;
        line->setName(status.probe.url());
        QList<QPointF> points;
        for (const ProbeResult& r : status.history) {
            from = std::min(from, r.wallMs);
            to = std::max(to, r.wallMs);
            if (r.state == ProbeState::Up) {
                points.append(QPointF(double(r.wallMs), r.latencyMs));
                maximum = std::max(maximum, r.latencyMs);
            } else {
                failures.append(QPointF(double(r.wallMs), 0));
            }
        }
        line->replace(points);
        m_chart->addSeries(line);
        line->attachAxis(m_timeAxis);
        line->attachAxis(m_valueAxis);
    }
    m_failures->replace(failures);
    if (to == 0) {
        to = QDateTime::currentMSecsSinceEpoch();
        from = to - 60000;
    }
    if (to - from < 60000)
        from = to - 60000;
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
    m_valueAxis->setRange(0, maximum * 1.2);
    const QString summary = summaryText();
    setToolTip(plainToolTip(summary));
    setAccessibleDescription(summary);
}

void ProbeLatencyChart::changeEvent(QEvent* event)
{
    if (!event || event->type() == QEvent::LanguageChange) {
        m_chart->setTitle(tr("Service answer time"));
        m_valueAxis->setTitleText(tr("ms", "unit of the answer time axis"));
        m_failures->setName(tr("No answer"));
        setAccessibleName(tr("Service answer time"));
        if (event)
            redraw();
    }
    if (event)
        QChartView::changeEvent(event);
}

} // namespace kumo

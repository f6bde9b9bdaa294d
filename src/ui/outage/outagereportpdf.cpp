// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/outage/outagereportpdf.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include <QFileInfo>
#include <QFontMetricsF>
#include <QLocale>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>

#include "ui/modelformat.h"

namespace kumo {

namespace {

constexpr qreal Margin = 42;
constexpr qreal ContentWidth = OutageReportPdf::PageWidth - 2 * Margin;
constexpr qreal Bottom = OutageReportPdf::PageHeight - Margin - 18; // above the footer
constexpr qreal TableRowHeight = 15;
constexpr qreal NameColumn = 92;
// Instance, from, to, transport, start, end, duration, downtime, service after the move, service
// gap, result.
constexpr int TableColumnCount = 11;
constexpr int ServiceColumn = 8;
constexpr int ResultColumn = 10;
constexpr qreal CellPadding = 4;
// The narrowest a column of names (instance, nodes) or the result may become on a crowded page.
constexpr qreal NarrowestTextColumn = 40;
constexpr qreal TableHeaderHeight = 22; // two lines of the header's font

const QColor TextColor(0x21, 0x25, 0x29);
const QColor MutedColor(0x6c, 0x75, 0x7d);
const QColor RuleColor(0xce, 0xd4, 0xda);
const QColor DowntimeColor(0x21, 0x25, 0x29);

QFont reportFont(int pixelSize, bool bold = false)
{
    QFont font;
    // Noto Sans CJK has Latin glyphs too: one family for every language keeps the page even.
    font.setFamilies(
        {QStringLiteral("Noto Sans CJK JP"), QStringLiteral("Noto Sans"), QStringLiteral("DejaVu Sans")});
    font.setPixelSize(pixelSize);
    font.setBold(bold);
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

QColor statusColor(MoveStatus status)
{
    switch (status) {
    case MoveStatus::Done:
        return QColor(0x2b, 0x8a, 0x3e);
    case MoveStatus::Failed:
        return QColor(0xc9, 0x2a, 0x2a);
    case MoveStatus::Running:
        return QColor(0x1f, 0x5f, 0xbf);
    case MoveStatus::Skipped:
    case MoveStatus::Cancelled:
        return QColor(0x86, 0x8e, 0x96);
    case MoveStatus::Pending:
        break;
    }
    return QColor(0xce, 0xd4, 0xda);
}

QString clock(const QDateTime& time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("HH:mm:ss")) : QStringLiteral("–");
}

QString dateTime(const QDateTime& time)
{
    return time.isValid() ? format::dateTime(time) : QStringLiteral("–");
}

void drawText(QPainter* painter, const QRectF& rect, int flags, const QString& text)
{
    const QString elided = painter->fontMetrics().elidedText(text, Qt::ElideRight, int(rect.width()));
    painter->drawText(rect, flags, elided);
}

// A tick step (ms) giving at most about `ticks` ticks over `span`.
qint64 tickStep(qint64 span, int ticks)
{
    static constexpr std::array<qint64, 16> steps{1000,    2000,    5000,     10000,   15000,  30000,
                                                  60000,   120000,  300000,   600000,  900000, 1800000,
                                                  3600000, 7200000, 14400000, 43200000};
    for (const qint64 step : steps) {
        if (span / step <= ticks)
            return step;
    }
    return steps.back();
}

} // namespace

OutageReportPdf::OutageReportPdf(OutageReport report)
    : m_report(std::move(report))
{}

OutageReportPdf::Layout OutageReportPdf::layout() const
{
    Layout result;
    // Header: title, six lines of facts and the totals band (see paintHeader).
    result.chartTop = Margin + 32 + 6 * 15 + 12 + 46 + 26;
    const int rows = std::max<int>(1, int(m_report.rows.size()));
    // The chart takes up to about a third of the page; many instances get thinner bars.
    result.chartRowHeight = std::clamp(260.0 / rows, 5.0, 16.0);
    const qreal chartHeight = rows * result.chartRowHeight + 40; // axis and legend below
    result.tableTop = result.chartTop + chartHeight + 30;
    const qreal headerHeight = 22 + TableHeaderHeight;
    result.firstPageRows = std::max(0, int((Bottom - result.tableTop - headerHeight) / TableRowHeight));
    result.otherPageRows = std::max(1, int((Bottom - Margin - headerHeight) / TableRowHeight));
    return result;
}

int OutageReportPdf::pageCount() const
{
    const Layout l = layout();
    const int rest = std::max(0, int(m_report.rows.size()) - l.firstPageRows);
    return 1 + (rest + l.otherPageRows - 1) / l.otherPageRows;
}

qreal OutageReportPdf::paintHeader(QPainter* painter) const
{
    const bool returning = m_report.direction == OutageDirection::Return;
    qreal y = Margin;
    painter->setPen(TextColor);
    painter->setFont(reportFont(20, true));
    const QString title = returning ? tr("Return home report — %1").arg(m_report.siteName)
                                    : tr("Planned outage report — %1").arg(m_report.siteName);
    drawText(painter, QRectF(Margin, y, ContentWidth, 28), Qt::AlignLeft | Qt::AlignVCenter, title);
    y += 32;
    painter->setPen(QPen(RuleColor, 0.8));
    painter->drawLine(QPointF(Margin, y - 3), QPointF(Margin + ContentWidth, y - 3));

    const QString window = m_report.windowStart.isValid() ? tr("%1 – %2").arg(dateTime(m_report.windowStart),
                                                                              dateTime(m_report.windowEnd))
                                                          : tr("not set");
    const QList<QPair<QString, QString>> facts{
        {tr("Campus"), m_report.siteName},
        {tr("Run"), returning ? tr("Return home") : tr("Evacuation")},
        {tr("Reason"), m_report.reason.isEmpty() ? tr("not given") : m_report.reason},
        {tr("Outage window"), window},
        {tr("Started"), dateTime(m_report.started)},
        {tr("Finished"), dateTime(m_report.finished)},
    };
    painter->setFont(reportFont(10));
    for (const auto& [label, value] : facts) {
        painter->setPen(MutedColor);
        drawText(painter, QRectF(Margin, y, 110, 15), Qt::AlignLeft | Qt::AlignVCenter, label);
        painter->setPen(TextColor);
        drawText(painter, QRectF(Margin + 110, y, ContentWidth - 110, 15), Qt::AlignLeft | Qt::AlignVCenter,
                 value);
        y += 15;
    }
    y += 12;

    // Totals: a band of figures.
    const QList<QPair<QString, QString>> totals{
        {tr("Moved"), QString::number(m_report.moved)},
        {tr("Failed"), QString::number(m_report.failed)},
        {tr("Skipped"), QString::number(m_report.skipped)},
        {tr("Total time"), formatDurationMs(m_report.totalMs)},
        {tr("Data moved"), format::memoryKiB(m_report.totalBytes / 1024)},
        {tr("Longest downtime"), formatDurationMs(m_report.maxDowntimeMs)},
    };
    const QRectF band(Margin, y, ContentWidth, 46);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0xf1, 0xf3, 0xf5));
    painter->drawRoundedRect(band, 4, 4);
    const qreal cell = ContentWidth / qreal(totals.size());
    for (int i = 0; i < totals.size(); ++i) {
        const QRectF r(Margin + i * cell, y + 5, cell, 18);
        painter->setPen(i == 1 && m_report.failed > 0 ? statusColor(MoveStatus::Failed) : TextColor);
        painter->setFont(reportFont(14, true));
        drawText(painter, r, Qt::AlignCenter, totals.at(i).second);
        painter->setPen(MutedColor);
        painter->setFont(reportFont(8));
        drawText(painter, r.translated(0, 20), Qt::AlignCenter, totals.at(i).first);
    }
    y += 46;
    return y;
}

void OutageReportPdf::paintTimeline(QPainter* painter, const Layout& l) const
{
    qreal y = l.chartTop - 22;
    painter->setPen(TextColor);
    painter->setFont(reportFont(12, true));
    drawText(painter, QRectF(Margin, y, ContentWidth, 18), Qt::AlignLeft | Qt::AlignVCenter, tr("Timeline"));
    y = l.chartTop;

    // The shared time axis: from the first start to the last end.
    QDateTime t0;
    QDateTime t1;
    for (const OutageReportRow& row : m_report.rows) {
        if (row.started.isValid() && (!t0.isValid() || row.started < t0))
            t0 = row.started;
        const QDateTime end = row.finished.isValid() ? row.finished : row.started;
        if (end.isValid() && (!t1.isValid() || end > t1))
            t1 = end;
    }
    const qreal barLeft = Margin + NameColumn;
    const qreal barWidth = ContentWidth - NameColumn - 8;
    const int rows = int(m_report.rows.size());
    const qreal chartHeight = std::max(1, rows) * l.chartRowHeight;
    painter->setPen(QPen(RuleColor, 0.6));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(QRectF(barLeft, y, barWidth, chartHeight));
    if (!t0.isValid()) {
        painter->setPen(MutedColor);
        painter->setFont(reportFont(10));
        painter->drawText(QRectF(barLeft, y, barWidth, chartHeight), Qt::AlignCenter, tr("No move started."));
        return;
    }
    const qint64 span = std::max<qint64>(1000, t0.msecsTo(t1));
    const auto xOf = [&](const QDateTime& t) {
        return barLeft + barWidth * double(t0.msecsTo(t)) / double(span);
    };

    // Grid and ticks.
    const qint64 step = tickStep(span, 6);
    painter->setFont(reportFont(8));
    for (qint64 at = 0; at <= span; at += step) {
        const qreal x = barLeft + barWidth * double(at) / double(span);
        painter->setPen(QPen(RuleColor, 0.4, Qt::DotLine));
        painter->drawLine(QPointF(x, y), QPointF(x, y + chartHeight));
        painter->setPen(MutedColor);
        painter->drawText(QRectF(x - 30, y + chartHeight + 2, 60, 12), Qt::AlignCenter,
                          clock(t0.addMSecs(at)));
    }

    const qreal barHeight = std::max(3.0, l.chartRowHeight * 0.62);
    painter->setFont(reportFont(std::clamp(int(l.chartRowHeight * 0.62), 5, 9)));
    for (int i = 0; i < rows; ++i) {
        const OutageReportRow& row = m_report.rows.at(i);
        const qreal rowTop = y + i * l.chartRowHeight;
        painter->setPen(TextColor);
        drawText(painter, QRectF(Margin, rowTop, NameColumn - 6, l.chartRowHeight),
                 Qt::AlignRight | Qt::AlignVCenter, row.name);
        if (!row.started.isValid())
            continue;
        const qreal x0 = xOf(row.started);
        const qreal x1 = std::max(x0 + 1.5, row.finished.isValid() ? xOf(row.finished) : x0 + 1.5);
        const QRectF bar(x0, rowTop + (l.chartRowHeight - barHeight) / 2, x1 - x0, barHeight);
        painter->setPen(Qt::NoPen);
        painter->setBrush(statusColor(row.status));
        painter->drawRoundedRect(bar, 1.5, 1.5);
        if (row.downtimeMs >= 0 && row.finished.isValid()) {
            // Downtime happens at the switch-over, at the end of the move: a dark mark there.
            const qreal w = std::max(1.6, barWidth * double(row.downtimeMs) / double(span));
            painter->setBrush(DowntimeColor);
            painter->drawRect(QRectF(x1 - w, bar.top() - 1.5, w, bar.height() + 3));
        }
    }

    // Legend.
    const qreal ly = y + chartHeight + 18;
    qreal lx = barLeft;
    painter->setFont(reportFont(8));
    const auto legend = [&](const QColor& color, const QString& text, bool thin) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawRect(thin ? QRectF(lx + 4, ly + 1, 2, 9) : QRectF(lx, ly + 2, 12, 7));
        painter->setPen(MutedColor);
        const qreal w = QFontMetricsF(painter->font()).horizontalAdvance(text);
        painter->drawText(QRectF(lx + 16, ly, w + 2, 11), Qt::AlignLeft | Qt::AlignVCenter, text);
        lx += 16 + w + 14;
    };
    legend(statusColor(MoveStatus::Done), moveStatusText(MoveStatus::Done), false);
    legend(statusColor(MoveStatus::Failed), moveStatusText(MoveStatus::Failed), false);
    legend(statusColor(MoveStatus::Skipped), moveStatusText(MoveStatus::Skipped), false);
    legend(DowntimeColor, tr("Downtime (switch-over)"), true);
}

QStringList OutageReportPdf::tableHeaders()
{
    return {tr("Instance"), tr("From"),     tr("To"),       tr("Transport"),          tr("Start"),
            tr("End"),      tr("Duration"), tr("Downtime"), tr("Service after move"), tr("Service gap"),
            tr("Result")};
}

QStringList OutageReportPdf::rowCells(const OutageReportRow& row)
{
    QString result = moveStatusText(row.status);
    if (!row.error.isEmpty())
        result = tr("%1: %2").arg(result, row.error);
    return {row.name,
            row.fromNode,
            row.toNode,
            transportWord(row.transport),
            clock(row.started),
            clock(row.finished),
            formatDurationMs(row.durationMs),
            formatDurationMs(row.downtimeMs),
            serviceAnswerText(row.serviceAfter),
            formatDurationMs(row.serviceGapMs),
            result};
}

QList<qreal> OutageReportPdf::tableColumns() const
{
    // Each column as wide as its widest cell and its header on up to two lines; the result takes
    // what is left. On a page too narrow for that, the names and the result give up width (they
    // elide), figures and times never do.
    const QFontMetricsF cellMetrics(reportFont(8));
    const QFontMetricsF headerMetrics(reportFont(8, true));
    const QStringList headers = tableHeaders();
    QList<qreal> widths(TableColumnCount, 0);
    for (int c = 0; c < TableColumnCount; ++c) {
        const QString& header = headers.at(c);
        // A header wraps at a space, or anywhere in Japanese; a single Latin word cannot.
        const bool wraps =
            header.contains(QLatin1Char(' ')) ||
            std::any_of(header.cbegin(), header.cend(), [](QChar ch) { return ch.unicode() > 0x2e7f; });
        const qreal headerWidth = headerMetrics.horizontalAdvance(header);
        widths[c] = (wraps ? headerWidth / 2 + headerMetrics.averageCharWidth() : headerWidth) + CellPadding;
    }
    const int counted = std::min<int>(int(m_report.rows.size()), 1000);
    for (int i = 0; i < counted; ++i) {
        const QStringList cells = rowCells(m_report.rows.at(i));
        for (int c = 0; c < TableColumnCount; ++c) {
            if (c != ResultColumn)
                widths[c] =
                    std::max(widths[c], std::ceil(cellMetrics.horizontalAdvance(cells.at(c))) + CellPadding);
        }
    }
    const auto sum = [&widths] { return std::accumulate(widths.cbegin(), widths.cend(), qreal(0)); };
    widths[ResultColumn] = 0;
    const qreal over = sum() + NarrowestTextColumn - ContentWidth;
    if (over > 0) {
        // Take it from the names, in proportion to what each has above the narrowest.
        const std::array<int, 3> names{0, 1, 2};
        qreal spare = 0;
        for (int c : names)
            spare += std::max<qreal>(0, widths[c] - NarrowestTextColumn);
        const qreal share = spare > 0 ? std::min<qreal>(1, over / spare) : 0;
        for (int c : names)
            widths[c] -= std::max<qreal>(0, widths[c] - NarrowestTextColumn) * share;
    }
    widths[ResultColumn] = std::max<qreal>(0, ContentWidth - sum());
    return widths;
}

qreal OutageReportPdf::paintTableHeader(QPainter* painter, qreal y, const QList<qreal>& columns) const
{
    painter->setPen(TextColor);
    painter->setFont(reportFont(12, true));
    drawText(painter, QRectF(Margin, y, ContentWidth, 18), Qt::AlignLeft | Qt::AlignVCenter, tr("Instances"));
    y += 22;
    const QStringList headers = tableHeaders();
    painter->setFont(reportFont(8, true));
    painter->setPen(MutedColor);
    qreal x = Margin;
    for (int i = 0; i < headers.size(); ++i) {
        // Up to two lines: the narrow columns' headers wrap instead of losing their words.
        painter->drawText(QRectF(x + 2, y, columns.at(i) - CellPadding, TableHeaderHeight),
                          Qt::AlignLeft | Qt::AlignBottom | Qt::TextWordWrap, headers.at(i));
        x += columns.at(i);
    }
    painter->setPen(QPen(TextColor, 0.6));
    painter->drawLine(QPointF(Margin, y + TableHeaderHeight + 1),
                      QPointF(Margin + ContentWidth, y + TableHeaderHeight + 1));
    return y + TableHeaderHeight + 1;
}

QString OutageReportPdf::transportWord(MigrationTransport transport)
{
    // A narrow column: the short word; the CSV and the text lines carry the whole description.
    switch (transport) {
    case MigrationTransport::Tls:
        return tr("TLS", "transport, short");
    case MigrationTransport::Tunnelled:
        return tr("tunnelled", "transport, short");
    case MigrationTransport::Plain:
        return tr("unencrypted", "transport, short");
    case MigrationTransport::Automatic:
        break;
    }
    return {};
}

void OutageReportPdf::paintTableRows(QPainter* painter, qreal y, int first, int count,
                                     const QList<qreal>& columns) const
{
    painter->setFont(reportFont(8));
    for (int i = first; i < std::min<int>(first + count, int(m_report.rows.size())); ++i) {
        const OutageReportRow& row = m_report.rows.at(i);
        if ((i - first) % 2 == 1) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(QColor(0xf8, 0xf9, 0xfa));
            painter->drawRect(QRectF(Margin, y, ContentWidth, TableRowHeight));
        }
        const QStringList cells = rowCells(row);
        qreal x = Margin;
        for (int c = 0; c < cells.size(); ++c) {
            QColor pen = TextColor;
            if (c == ResultColumn)
                pen = statusColor(row.status).darker(115);
            else if (c == ServiceColumn && row.serviceAfter == ServiceAnswer::Answered)
                pen = statusColor(MoveStatus::Done).darker(115);
            else if (c == ServiceColumn && row.serviceAfter == ServiceAnswer::NoAnswer)
                pen = statusColor(MoveStatus::Failed);
            painter->setPen(pen);
            const bool numeric = c == 6 || c == 7 || c == 9;
            drawText(painter, QRectF(x + 2, y, columns.at(c) - CellPadding, TableRowHeight),
                     static_cast<int>((numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter),
                     cells.at(c));
            x += columns.at(c);
        }
        y += TableRowHeight;
    }
}

void OutageReportPdf::paintFooter(QPainter* painter, int page) const
{
    painter->setFont(reportFont(7));
    painter->setPen(MutedColor);
    const QRectF footer(Margin, PageHeight - Margin, ContentWidth, 12);
    painter->drawText(footer, Qt::AlignLeft | Qt::AlignVCenter,
                      tr("Kumo %1 · %2").arg(QCoreApplication::applicationVersion(), m_report.siteName));
    painter->drawText(footer, Qt::AlignRight | Qt::AlignVCenter,
                      tr("Page %1 of %2").arg(page + 1).arg(pageCount()));
}

void OutageReportPdf::paintPage(QPainter* painter, int page) const
{
    painter->save();
    painter->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    const Layout l = layout();
    if (page == 0) {
        paintHeader(painter);
        paintTimeline(painter, l);
        const QList<qreal> columns = tableColumns();
        const qreal y = paintTableHeader(painter, l.tableTop, columns);
        paintTableRows(painter, y, 0, l.firstPageRows, columns);
    } else {
        const QList<qreal> columns = tableColumns();
        const int first = l.firstPageRows + (page - 1) * l.otherPageRows;
        const qreal y = paintTableHeader(painter, Margin, columns);
        paintTableRows(painter, y, first, l.otherPageRows, columns);
    }
    paintFooter(painter, page);
    painter->restore();
}

void OutageReportPdf::paint(QPaintDevice* device, int first, int last) const
{
    const int pages = pageCount();
    last = last < 0 ? pages - 1 : std::min(last, pages - 1);
    auto* paged = dynamic_cast<QPagedPaintDevice*>(device);
    QPainter painter(device);
    const qreal scale = device->width() / PageWidth;
    for (int page = first; page <= last; ++page) {
        if (page > first) {
            if (!paged)
                break;
            paged->newPage();
        }
        painter.resetTransform();
        painter.scale(scale, scale);
        paintPage(&painter, page);
    }
}

Result<void> OutageReportPdf::write(const QString& path) const
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setResolution(300);
    writer.setCreator(QStringLiteral("Kumo %1").arg(QCoreApplication::applicationVersion()));
    writer.setTitle(m_report.direction == OutageDirection::Return
                        ? tr("Return home report — %1").arg(m_report.siteName)
                        : tr("Planned outage report — %1").arg(m_report.siteName));
    paint(&writer);
    // QPdfWriter says nothing about failures: look at the file.
    const QFileInfo written(path);
    if (!written.exists() || written.size() == 0)
        return Error{ErrorCode::Io, path, tr("The report could not be written."), {}, 0, 0};
    return {};
}

QImage OutageReportPdf::renderPage(int page, int width) const
{
    QImage image(width, int(std::lround(width * PageHeight / PageWidth)),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    image.setDotsPerMeterX(int(width / 0.210));
    image.setDotsPerMeterY(int(width / 0.210));
    paint(&image, page, page);
    return image;
}

} // namespace kumo

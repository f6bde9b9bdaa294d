// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OutageReportPdf: the report of an outage run as an A4 document in the UI language — title,
// campus, reason, time window, start and end, totals, a timeline chart of the moves (one bar per
// instance on a shared time axis, coloured by result, downtime marked) and the per-instance
// table, continued on further pages when needed. The same painting serves a PDF (QPdfWriter), a
// printer or an image of one page (the documentation's screenshot, the tests).
// Thread: GUI (painting text needs a QGuiApplication).
// Owner: whoever creates it (a value holding the report).
#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QSizeF>

#include "core/outagereport.h"
#include "core/result.h"

class QPaintDevice;
class QPainter;

namespace kumo {

class OutageReportPdf
{
    Q_DECLARE_TR_FUNCTIONS(kumo::OutageReportPdf)

public:
    // The painting's units are PostScript points on an A4 page.
    static constexpr qreal PageWidth = 595.0;
    static constexpr qreal PageHeight = 842.0;

    explicit OutageReportPdf(OutageReport report);

    [[nodiscard]] const OutageReport& report() const { return m_report; }
    [[nodiscard]] int pageCount() const;

    // Paints pages [first, last] on `device`, each scaled to the device's width; a paged device
    // (QPdfWriter, QPrinter) gets a new page for each, any other device only `first`.
    void paint(QPaintDevice* device, int first = 0, int last = -1) const;
    // One page in points (0,0)-(PageWidth,PageHeight) on a painter already scaled to points.
    void paintPage(QPainter* painter, int page) const;
    // Writes the PDF; Io error when the file cannot be written.
    [[nodiscard]] Result<void> write(const QString& path) const;
    // One page as an image `width` pixels wide (white background).
    [[nodiscard]] QImage renderPage(int page, int width) const;

private:
    struct Layout
    {
        qreal chartTop = 0;
        qreal chartRowHeight = 0;
        qreal tableTop = 0;    // page 1
        int firstPageRows = 0; // table rows on page 1
        int otherPageRows = 0; // on each further page
    };
    [[nodiscard]] Layout layout() const;
    qreal paintHeader(QPainter* painter) const;
    void paintTimeline(QPainter* painter, const Layout& layout) const;
    // The table's column widths in points, for the report's rows in the current language.
    [[nodiscard]] QList<qreal> tableColumns() const;
    [[nodiscard]] static QStringList tableHeaders();
    [[nodiscard]] static QStringList rowCells(const OutageReportRow& row);
    qreal paintTableHeader(QPainter* painter, qreal y, const QList<qreal>& columns) const;
    void paintTableRows(QPainter* painter, qreal y, int first, int count, const QList<qreal>& columns) const;
    // The transport in a word for the table ("TLS", "tunnelled", "unencrypted").
    [[nodiscard]] static QString transportWord(MigrationTransport transport);
    void paintFooter(QPainter* painter, int page) const;

    OutageReport m_report;
};

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// How alert severities look wherever the window shows them (the Alerts dock, the event log, the
// status bar, the map's badges): a colour and a painted mark whose shape differs per severity
// (a red octagon with "!", an amber triangle, a blue circle with "i"), so severity never depends
// on colour alone. No icon files are needed.
// Thread: GUI (painting needs a QGuiApplication).
#pragma once

#include <QColor>
#include <QIcon>
#include <QRectF>

#include "app/monitoring/eventlog.h"
#include "core/alerts.h"

class QPainter;

namespace kumo {

[[nodiscard]] QColor alertSeverityColor(AlertSeverity severity);
// Paints the mark of `severity` into `rect`.
void paintSeverityMark(QPainter* painter, const QRectF& rect, EventSeverity severity);
// 16 and 32 px icons of the mark, cached.
[[nodiscard]] QIcon severityIcon(EventSeverity severity);
[[nodiscard]] inline QIcon severityIcon(AlertSeverity severity)
{
    return severityIcon(eventSeverityOf(severity));
}

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/monitoring/alertmarks.h"

#include <cmath>

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPixmapCache>

namespace kumo {

QColor alertSeverityColor(AlertSeverity severity)
{
    return severity == AlertSeverity::Critical ? QColor(0xc6, 0x28, 0x28) : QColor(0xe0, 0x8a, 0x00);
}

void paintSeverityMark(QPainter* painter, const QRectF& rect, EventSeverity severity)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const qreal side = std::min(rect.width(), rect.height());
    const QRectF box(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side);
    QPainterPath shape;
    QColor fill;
    QString glyph = QStringLiteral("!");
    switch (severity) {
    case EventSeverity::Critical: {
        fill = alertSeverityColor(AlertSeverity::Critical);
        QPolygonF octagon;
        for (int i = 0; i < 8; ++i) {
            const double angle = M_PI / 8 + i * M_PI / 4;
            octagon << box.center() + QPointF(std::cos(angle), std::sin(angle)) * side / 2;
        }
        shape.addPolygon(octagon);
        break;
    }
    case EventSeverity::Warning: {
        fill = alertSeverityColor(AlertSeverity::Warning);
        shape.addPolygon(
            QPolygonF{QPointF(box.center().x(), box.top()), box.bottomRight(), box.bottomLeft()});
        break;
    }
    case EventSeverity::Info:
        fill = QColor(0x1e, 0x6f, 0xc8);
        shape.addEllipse(box);
        glyph = QStringLiteral("i");
        break;
    }
    shape.closeSubpath();
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawPath(shape);
    QFont font = painter->font();
    font.setBold(true);
    font.setPixelSize(std::max(6, int(side * (severity == EventSeverity::Warning ? 0.6 : 0.7))));
    painter->setFont(font);
    painter->setPen(Qt::white);
    QRectF textRect = box;
    if (severity == EventSeverity::Warning)
        textRect.setTop(box.top() + side * 0.2);
    painter->drawText(textRect, Qt::AlignCenter, glyph);
    painter->restore();
}

QIcon severityIcon(EventSeverity severity)
{
    // Pixmaps in Qt's cache, which goes with the application (a static QIcon would outlive it).
    QIcon icon;
    for (const int size : {16, 32}) {
        const QString key = QStringLiteral("kumo-severity-%1-%2").arg(int(severity)).arg(size);
        QPixmap pixmap;
        if (!QPixmapCache::find(key, &pixmap)) {
            pixmap = QPixmap(size, size);
            pixmap.fill(Qt::transparent);
            QPainter painter(&pixmap);
            paintSeverityMark(&painter, QRectF(1, 1, size - 2, size - 2), severity);
            painter.end();
            QPixmapCache::insert(key, pixmap);
        }
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace kumo

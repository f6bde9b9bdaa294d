// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/checkpresentation.h"

#include <array>

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include "app/cluster/clustercontroller.h"
#include "app/migration/migrationcontroller.h"

namespace kumo {

namespace {

QPixmap paintSeverity(int size, CheckSeverity severity)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 16.0, size / 16.0);
    p.setPen(Qt::NoPen);
    p.setBrush(checkSeverityColor(severity));
    const QPen stroke(Qt::white, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (severity) {
    case CheckSeverity::Ok:
        p.drawEllipse(QRectF(1, 1, 14, 14));
        p.setPen(stroke);
        p.drawPolyline(QPolygonF({QPointF(4.5, 8.5), QPointF(7, 11), QPointF(11.5, 5.5)}));
        break;
    case CheckSeverity::Warning: {
        // A triangle, not a disc: the outline alone tells a warning from the other two.
        QPainterPath triangle;
        triangle.moveTo(8, 0.8);
        triangle.lineTo(15.4, 14.6);
        triangle.lineTo(0.6, 14.6);
        triangle.closeSubpath();
        p.drawPath(triangle);
        p.setPen(stroke);
        p.drawLine(QPointF(8, 5.5), QPointF(8, 9.5));
        p.drawPoint(QPointF(8, 12.3));
        break;
    }
    case CheckSeverity::Refused:
        p.drawRoundedRect(QRectF(1, 1, 14, 14), 3, 3);
        p.setPen(stroke);
        p.drawLine(QPointF(5, 5), QPointF(11, 11));
        p.drawLine(QPointF(11, 5), QPointF(5, 11));
        break;
    }
    return pixmap;
}

QPixmap paintPending(int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 16.0, size / 16.0);
    p.setPen(QPen(QColor(0x8a, 0x94, 0x9e), 1.8));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(QRectF(2, 2, 12, 12));
    p.drawLine(QPointF(8, 8), QPointF(8, 4.5));
    p.drawLine(QPointF(8, 8), QPointF(10.5, 9.5));
    return pixmap;
}

} // namespace

QColor checkSeverityColor(CheckSeverity severity)
{
    switch (severity) {
    case CheckSeverity::Ok:
        return {0x2e, 0x8b, 0x57};
    case CheckSeverity::Warning:
        return {0xd9, 0x8a, 0x00};
    case CheckSeverity::Refused:
        return {0xc9, 0x2a, 0x2a};
    }
    return {};
}

QString checkSeverityGlyph(CheckSeverity severity)
{
    switch (severity) {
    case CheckSeverity::Ok:
        return QStringLiteral("\u2713");
    case CheckSeverity::Warning:
        return QStringLiteral("!");
    case CheckSeverity::Refused:
        return QStringLiteral("\u2715");
    }
    return {};
}

QIcon checkSeverityIcon(CheckSeverity severity)
{
    static std::array<QIcon, 3> icons;
    QIcon& icon = icons.at(std::size_t(severity));
    if (icon.isNull()) {
        icon.addPixmap(paintSeverity(16, severity));
        icon.addPixmap(paintSeverity(32, severity));
    }
    return icon;
}

QIcon checkPendingIcon()
{
    static QIcon icon;
    if (icon.isNull()) {
        icon.addPixmap(paintPending(16));
        icon.addPixmap(paintPending(32));
    }
    return icon;
}

QString DropVerdict::summary() const
{
    QString word = severityText(severity);
    if (reasons.isEmpty())
        return word;
    return QCoreApplication::translate("kumo::DropVerdict", "%1: %2", "verdict: reason")
        .arg(word, reasons.first());
}

DropVerdict dropVerdict(const MigrationController* controller, const QStringList& uuids, const QString& node)
{
    DropVerdict verdict;
    QStringList refusals;
    QStringList warnings;
    const bool several = uuids.size() > 1;
    for (const QString& uuid : uuids) {
        const PreflightResult result = controller->bestKnownCheck(uuid, node);
        verdict.severity = std::max(verdict.severity, result.verdict());
        verdict.complete = verdict.complete && result.complete;
        verdict.storageCopyNeeded = verdict.storageCopyNeeded || result.storageCopyNeeded;
        QString name = uuid;
        if (const InstanceSnapshot* instance = controller->cluster()->instance(uuid))
            name = instance->name;
        const auto add = [&](QStringList& into, CheckSeverity severity) {
            for (const PreflightCheck& check : result.checks) {
                if (check.severity != severity)
                    continue;
                const QString line =
                    several ? QCoreApplication::translate("kumo::DropVerdict", "%1: %2", "instance: reason")
                                  .arg(name, check.message)
                            : check.message;
                if (!into.contains(line))
                    into.append(line);
            }
        };
        add(refusals, CheckSeverity::Refused);
        add(warnings, CheckSeverity::Warning);
    }
    verdict.reasons = refusals + warnings;
    return verdict;
}

} // namespace kumo

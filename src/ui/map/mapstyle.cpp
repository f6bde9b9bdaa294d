// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/map/mapstyle.h"

#include <array>

#include <QFontMetricsF>
#include <QHash>

namespace kumo::mapstyle {

namespace {

QStaticText preparedGlyph(const QString& text, const QFont& font = glyphFont())
{
    QStaticText s(text);
    s.setTextFormat(Qt::PlainText);
    s.prepare(QTransform(), font);
    return s;
}

QFont makeFont(int pixelSize, bool bold)
{
    QFont font;
    font.setPixelSize(pixelSize);
    font.setBold(bold);
    return font;
}

} // namespace

QColor nodeLookColor(NodeLook look)
{
    switch (look) {
    case NodeLook::Connecting:
        return QColor(0x4a, 0x78, 0xb0);
    case NodeLook::Connected:
        return QColor(0x2b, 0x8a, 0x3e);
    case NodeLook::Unreachable:
        return QColor(0xc9, 0x2a, 0x2a);
    case NodeLook::Maintenance:
        return QColor(0xc2, 0x7c, 0x0e);
    }
    return Qt::gray;
}

const QStaticText& nodeLookGlyph(NodeLook look)
{
    // Connecting, connected, unreachable, maintenance.
    static const std::array<QStaticText, 4> glyphs{
        preparedGlyph(QStringLiteral("\u25CC")), preparedGlyph(QStringLiteral("\u25CF")),
        preparedGlyph(QStringLiteral("\u2715")), preparedGlyph(QStringLiteral("\u26A0"))};
    return glyphs[static_cast<size_t>(look)];
}

QColor instanceStateColor(InstanceState state)
{
    switch (state) {
    case InstanceState::Running:
    case InstanceState::Blocked:
        return QColor(0x2f, 0x9e, 0x44);
    case InstanceState::Paused:
    case InstanceState::PmSuspended:
        return QColor(0xe0, 0x98, 0x00);
    case InstanceState::ShuttingDown:
        return QColor(0xd9, 0x70, 0x0b);
    case InstanceState::Crashed:
        return QColor(0xd6, 0x33, 0x33);
    case InstanceState::ShutOff:
    case InstanceState::NoState:
        return QColor(0x86, 0x8e, 0x96);
    }
    return Qt::gray;
}

QString instanceStateGlyphText(InstanceState state)
{
    switch (state) {
    case InstanceState::Running:
        return QStringLiteral("\u25B6");
    case InstanceState::Blocked:
        return QStringLiteral("\u25B7");
    case InstanceState::Paused:
        return QStringLiteral("\u2016");
    case InstanceState::PmSuspended:
        return QStringLiteral("\u263E");
    case InstanceState::ShuttingDown:
        return QStringLiteral("\u25BC");
    case InstanceState::ShutOff:
        return QStringLiteral("\u25A0");
    case InstanceState::Crashed:
        return QStringLiteral("\u2715");
    case InstanceState::NoState:
        return QStringLiteral("?");
    }
    return QStringLiteral("?");
}

const QStaticText& instanceStateGlyph(InstanceState state)
{
    static const std::array<QStaticText, 8> glyphs = [] {
        std::array<QStaticText, 8> all;
        for (int i = 0; i < 8; ++i)
            all[static_cast<size_t>(i)] =
                preparedGlyph(instanceStateGlyphText(static_cast<InstanceState>(i)));
        return all;
    }();
    const int index = static_cast<int>(state);
    return glyphs[static_cast<size_t>(index >= 0 && index < 8 ? index : 0)];
}

QColor tint(const QColor& color, qreal amount)
{
    const auto mix = [amount](int c) { return int(c + (255 - c) * amount); };
    return QColor(mix(color.red()), mix(color.green()), mix(color.blue()));
}

QColor accentColor()
{
    return QColor(0x1c, 0x64, 0xd8);
}

QColor textColor()
{
    return QColor(0x1f, 0x25, 0x2b);
}

QColor mutedTextColor()
{
    return QColor(0x5c, 0x66, 0x70);
}

const QFont& chipFont()
{
    static const QFont font = makeFont(11, false);
    return font;
}

const QFont& glyphFont()
{
    static const QFont font = makeFont(10, false);
    return font;
}

const QFont& nodeGlyphFont()
{
    static const QFont font = makeFont(13, false);
    return font;
}

const QFont& cardTitleFont()
{
    static const QFont font = makeFont(13, true);
    return font;
}

const QFont& cardTextFont()
{
    static const QFont font = makeFont(11, false);
    return font;
}

const QFont& siteTitleFont()
{
    static const QFont font = makeFont(15, true);
    return font;
}

QStaticText elidedStaticText(const QString& text, const QFont& font, qreal width, Qt::TextElideMode mode)
{
    // The map's fonts are the few statics above: keep one metrics object per font.
    static QHash<const QFont*, QFontMetricsF> metricsCache;
    auto it = metricsCache.find(&font);
    if (it == metricsCache.end())
        it = metricsCache.insert(&font, QFontMetricsF(font));
    QStaticText s(it->elidedText(text, mode, width));
    s.setTextFormat(Qt::PlainText);
    s.prepare(QTransform(), font);
    return s;
}

} // namespace kumo::mapstyle

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Map style: sizes, colours, glyphs and fonts shared by the campus map's items, so that every
// card and chip measures and paints alike. States are told apart by colour AND by a glyph
// (and by a fill pattern when zoomed out), never by colour alone.
// Thread: GUI (fonts and static texts are created on first use).
#pragma once

#include <QColor>
#include <QFont>
#include <QStaticText>
#include <QString>

#include "core/snapshot.h"

namespace kumo::mapstyle {

// Scene units are device pixels at 100% zoom.
inline constexpr qreal ChipWidth = 136;
inline constexpr qreal ChipHeight = 22;
inline constexpr qreal ChipGap = 4;
inline constexpr int ChipColumns = 2;
inline constexpr qreal CardPadding = 8;
inline constexpr qreal CardWidth = 2 * CardPadding + ChipColumns * ChipWidth + (ChipColumns - 1) * ChipGap;
inline constexpr qreal CardHeaderHeight = 30;
inline constexpr qreal CardBodyTop = CardHeaderHeight + 6;
inline constexpr qreal CardLineHeight = 18;
// Header, CPU, memory and the instance count line; the chips start below.
inline constexpr qreal CardChipsTop = CardBodyTop + 3 * CardLineHeight + 6;
inline constexpr qreal CardGap = 12;
inline constexpr qreal SitePadding = 16;
inline constexpr qreal SiteMinWidth = 320;
inline constexpr qreal SiteGap = 48;
inline constexpr qreal Radius = 5;

// Level of detail (device pixels per scene unit) below which items simplify their painting.
inline constexpr qreal DetailLod = 0.5;
inline constexpr qreal CompactLod = 0.2;

enum class NodeLook
{
    Connecting,
    Connected,
    Unreachable,
    Maintenance,
};

[[nodiscard]] QColor nodeLookColor(NodeLook look);
[[nodiscard]] const QStaticText& nodeLookGlyph(NodeLook look);
[[nodiscard]] QColor instanceStateColor(InstanceState state);
[[nodiscard]] const QStaticText& instanceStateGlyph(InstanceState state);
[[nodiscard]] QString instanceStateGlyphText(InstanceState state);

// Mixes a colour towards white: amount 0 keeps it, 1 gives white.
[[nodiscard]] QColor tint(const QColor& color, qreal amount);
[[nodiscard]] QColor accentColor();
[[nodiscard]] QColor textColor();
[[nodiscard]] QColor mutedTextColor();

[[nodiscard]] const QFont& chipFont();
[[nodiscard]] const QFont& glyphFont();
[[nodiscard]] const QFont& nodeGlyphFont();
[[nodiscard]] const QFont& cardTitleFont();
[[nodiscard]] const QFont& cardTextFont();
[[nodiscard]] const QFont& siteTitleFont();

// A QStaticText of `text` elided to `width` in `font`, laid out once.
[[nodiscard]] QStaticText elidedStaticText(const QString& text, const QFont& font, qreal width,
                                           Qt::TextElideMode mode = Qt::ElideRight);

} // namespace kumo::mapstyle

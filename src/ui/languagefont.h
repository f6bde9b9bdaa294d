// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The application font for a UI language. Japanese text falls back, glyph by glyph, to a CJK
// family while Latin text stays in the default one (DejaVu Sans), and the two sit on different
// baselines in one line. In Japanese the whole application therefore uses a CJK family, which has
// Latin glyphs too (as the PDF report does); other languages get the font back they started with.
// Thread: GUI.
#pragma once

#include <QString>

namespace kumo {

// The CJK family used for Japanese when the system has it ("Noto Sans CJK JP"), else empty.
[[nodiscard]] QString japaneseUiFamily();

// Sets QApplication's font for `language` ("ja" or "en"); does nothing when it already is.
void applyLanguageFont(const QString& language);

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Names come from anyone who can define a libvirt domain or edit the inventory, so they are
// text to show, never instructions to a terminal, a log reader or a spreadsheet. These helpers
// make such text safe for the two plain outputs Kumo writes: one line per event on a console, and
// cells of a CSV file opened in a spreadsheet.
// Thread: any (pure functions).
#pragma once

#include <QString>

namespace kumo {

// True for characters that would break a line of output or reorder what follows it: C0 and C1
// controls, DEL, the Unicode line and paragraph separators and the bidirectional controls
// (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
[[nodiscard]] bool isUnsafeForOneLine(char16_t c);

// `text` with every such character written as an escape (\n, \r, \t, else \uXXXX) and
// backslashes doubled, so that it stays on one line, reads left to right, and the original can
// be told apart from any other name.
[[nodiscard]] QString oneLineText(const QString& text);

// One CSV cell (RFC 4180): a cell that a spreadsheet would read as a formula — it starts with
// = + - @, a tab or a carriage return — gets a leading apostrophe; a cell with a comma, a quote
// or a line break is then quoted, its quotes doubled.
[[nodiscard]] QString csvCell(const QString& text);

} // namespace kumo

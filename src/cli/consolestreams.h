// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The standard output and error of the headless commands (`kumo lab`, `kumo plan|evacuate|return`)
// as text streams shared by all of them, so that lines from different parts of one command never
// interleave through separate buffers.
// Thread: the main thread of a headless command.
#pragma once

#include <QTextStream>

namespace kumo {

[[nodiscard]] QTextStream& standardOutput();
[[nodiscard]] QTextStream& standardError();

// Writes `line` and a line end, with every character that could break the line or reorder it on
// a terminal escaped (oneLineText()): one message, one line, whatever names it carries.
void writeLine(QTextStream& stream, const QString& line);

} // namespace kumo

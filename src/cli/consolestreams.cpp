// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/consolestreams.h"

#include <cstdio>

#include "core/safetext.h"

namespace kumo {

QTextStream& standardOutput()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& standardError()
{
    static QTextStream stream(stderr);
    return stream;
}

void writeLine(QTextStream& stream, const QString& line)
{
    stream << oneLineText(line) << Qt::endl;
}

} // namespace kumo

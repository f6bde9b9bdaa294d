// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/result.h"

namespace kumo {

QString Error::toString() const
{
    QString text;
    if (!object.isEmpty()) {
        text = object;
        if (line > 0)
            text += QStringLiteral(":%1:%2").arg(line).arg(column);
        text += QStringLiteral(": ");
    }
    text += message;
    if (!detail.isEmpty() && detail != message)
        text += QStringLiteral(" (%1)").arg(detail);
    return text;
}

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sentences.h"

#include <QLocale>

namespace kumo {

QString Sentences::join(const QStringList& sentences)
{
    QString text;
    for (const QString& sentence : sentences) {
        if (sentence.isEmpty())
            continue;
        if (text.isEmpty()) {
            text = sentence;
            continue;
        }
        // After Latin text (a libvirt message in English, say) a space, whatever the language;
        // after a CJK full stop the language decides (Japanese puts nothing after 。).
        const bool afterLatin = text.back().unicode() < 0x2E80;
        text = afterLatin
                   ? text + QLatin1Char(' ') + sentence
                   : tr("%1 %2", "two sentences in a row, the first ends in a CJK character such as 。")
                         .arg(text, sentence);
    }
    return text;
}

QString Sentences::figures(const QStringList& parts)
{
    QString text;
    for (const QString& part : parts) {
        if (part.isEmpty())
            continue;
        text = text.isEmpty() ? part
                              : tr("%1 · %2", "two figures side by side in a status line").arg(text, part);
    }
    return text;
}

QString Sentences::names(const QStringList& names)
{
    return QLocale().createSeparatedList(names);
}

} // namespace kumo

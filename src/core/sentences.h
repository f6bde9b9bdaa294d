// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Text assembled from translated parts, the way the current language writes it: sentences in a
// row (a space in English, nothing after 。 in Japanese, a space after Latin text in any
// language), figures side by side, lists of names ("mail, www and db" / "mail、www、db").
// Thread: any (reads the installed translators and the default QLocale).
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace kumo {

class Sentences
{
    Q_DECLARE_TR_FUNCTIONS(kumo::Sentences)

public:
    // Whole sentences one after the other; empty ones are left out.
    [[nodiscard]] static QString join(const QStringList& sentences);
    // Short figures side by side in one line (a status bar, a progress line): "a · b".
    [[nodiscard]] static QString figures(const QStringList& parts);
    // Names in a running list, as QLocale::createSeparatedList writes them.
    [[nodiscard]] static QString names(const QStringList& names);
};

} // namespace kumo

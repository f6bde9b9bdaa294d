// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/languagefont.h"

#include <optional>

#include <QApplication>
#include <QFont>
#include <QFontDatabase>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcLanguageFont, "kumo.language")

namespace kumo {

namespace {
std::optional<QFont> g_original; // the font the application had before Japanese replaced it
bool g_missingReported = false;
} // namespace

QString japaneseUiFamily()
{
    const QStringList families = QFontDatabase::families(QFontDatabase::Japanese);
    for (const QString& wanted :
         {QStringLiteral("Noto Sans CJK JP"), QStringLiteral("Noto Sans JP"),
          QStringLiteral("Source Han Sans JP"), QStringLiteral("IPAexGothic"), QStringLiteral("IPAGothic")}) {
        if (families.contains(wanted))
            return wanted;
    }
    return {};
}

void applyLanguageFont(const QString& language)
{
    if (!qobject_cast<QApplication*>(QCoreApplication::instance()))
        return;
    if (!g_original)
        g_original = QApplication::font();
    QFont wanted = *g_original;
    if (language == QLatin1String("ja")) {
        const QString family = japaneseUiFamily();
        if (family.isEmpty()) {
            if (!g_missingReported)
                qCWarning(lcLanguageFont) << "no Japanese UI font (Noto Sans CJK JP, package fonts-noto-cjk):"
                                          << "Japanese and Latin text may sit on different baselines";
            g_missingReported = true;
        } else {
            wanted.setFamilies({family});
        }
    }
    if (QApplication::font() != wanted)
        QApplication::setFont(wanted);
}

} // namespace kumo

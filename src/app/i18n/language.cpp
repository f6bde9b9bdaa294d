// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/i18n/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcLanguage, "kumo.language")

namespace kumo::language {

namespace {
QTranslator* g_kumo = nullptr;
QTranslator* g_qt = nullptr;
QString g_current = QStringLiteral("en");
bool g_qtMissingReported = false;
} // namespace

QStringList available()
{
    return {QStringLiteral("en"), QStringLiteral("ja")};
}

QString resolve(const QString& requested)
{
    QString wanted = requested.trimmed().toLower();
    if (available().contains(wanted))
        return wanted;
    const QStringList ui = QLocale::system().uiLanguages();
    for (const QString& tag : ui) {
        if (tag.startsWith(QLatin1String("ja")))
            return QStringLiteral("ja");
        if (tag.startsWith(QLatin1String("en")))
            return QStringLiteral("en");
    }
    return QStringLiteral("en");
}

bool install(const QString& language)
{
    auto* app = QCoreApplication::instance();
    if (!app)
        return false;
    // Set first: widgets read current() while they handle the LanguageChange events below.
    g_current = language;
    // Dates, numbers and lists follow the UI language too ("2026/03/14", "mail、www"); English keeps
    // the system's conventions unless they are Japanese ones.
    const QLocale system = QLocale::system();
    if (language == QLatin1String("ja"))
        QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
    else
        QLocale::setDefault(system.language() == QLocale::Japanese
                                ? QLocale(QLocale::English, QLocale::UnitedStates)
                                : system);
    if (g_kumo) {
        QCoreApplication::removeTranslator(g_kumo);
        delete g_kumo;
        g_kumo = nullptr;
    }
    if (g_qt) {
        QCoreApplication::removeTranslator(g_qt);
        delete g_qt;
        g_qt = nullptr;
    }

    bool ok = true;
    auto kumo = std::make_unique<QTranslator>();
    if (kumo->load(QStringLiteral(":/i18n/kumo_%1.qm").arg(language))) {
        QCoreApplication::installTranslator(kumo.get());
        g_kumo = kumo.release();
    } else {
        qCWarning(lcLanguage) << "no Kumo catalogue for" << language;
        ok = false;
    }
    // Qt's own words (OK, Cancel, the standard dialogs) come from Qt's catalogue, installed with
    // Qt's translations (Debian: qt6-translations-l10n). English needs none.
    auto qt = std::make_unique<QTranslator>();
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (qt->load(QStringLiteral("qtbase_%1").arg(language), qtDir)) {
        QCoreApplication::installTranslator(qt.get());
        g_qt = qt.release();
    } else if (language != QLatin1String("en") && !g_qtMissingReported) {
        g_qtMissingReported = true;
        qCWarning(lcLanguage).noquote()
            << QStringLiteral("Qt's catalogue qtbase_%1.qm is not in %2: Qt's own buttons and dialogs stay "
                              "in English (install Qt's translations, e.g. qt6-translations-l10n)")
                   .arg(language, qtDir);
    }
    return ok;
}

QString current()
{
    return g_current;
}

} // namespace kumo::language

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Japanese catalogue is complete: every message has a finished translation, plural forms
// included, and running lupdate over today's sources finds no string the catalogue lacks.
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Catalogue
{
    int messages = 0;
    QStringList unfinished; // "context: source" of each entry without a finished translation
    QStringList placeholderMismatch;
};

Catalogue readCatalogue(const QString& path)
{
    Catalogue result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return result;
    QXmlStreamReader xml(&file);
    QString context, source, translationType, translation;
    QStringList numerus;
    bool isNumerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name") && source.isNull())
                context = xml.readElementText();
            else if (name == QLatin1String("message")) {
                source = QString();
                translation.clear();
                numerus.clear();
                translationType.clear();
                isNumerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (name == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                translationType = xml.attributes().value(QLatin1String("type")).toString();
                if (!isNumerus)
                    translation = xml.readElementText();
            } else if (name == QLatin1String("numerusform")) {
                numerus.append(xml.readElementText());
            }
        } else if (xml.isEndElement()) {
            if (xml.name() == QLatin1String("message")) {
                if (translationType == QLatin1String("vanished") ||
                    translationType == QLatin1String("obsolete")) {
                    source = QString();
                    continue;
                }
                ++result.messages;
                const QString where = context + QStringLiteral(": ") + source;
                const bool empty = isNumerus ? (numerus.isEmpty() || numerus.contains(QString()))
                                             : translation.trimmed().isEmpty();
                if (translationType == QLatin1String("unfinished") || empty)
                    result.unfinished.append(where);
                // %1, %2 ... in the source must all appear in the translation.
                const QStringList targets = isNumerus ? numerus : QStringList{translation};
                for (int i = 1; i <= 9; ++i) {
                    const QString marker = QStringLiteral("%%1").arg(i);
                    if (!source.contains(marker))
                        continue;
                    for (const QString& target : targets) {
                        if (!target.isEmpty() && !target.contains(marker))
                            result.placeholderMismatch.append(where);
                    }
                }
                source = QString();
            } else if (xml.name() == QLatin1String("context")) {
                context.clear();
            }
        }
    }
    return result;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void japaneseIsComplete();
    void englishPluralsAreComplete();
    void catalogueCoversTheSources();
};

void TestTranslations::japaneseIsComplete()
{
    const Catalogue ja = readCatalogue(QStringLiteral(KUMO_SOURCE_DIR "/translations/kumo_ja.ts"));
    QVERIFY2(ja.messages > 0, "kumo_ja.ts has no messages");
    QVERIFY2(ja.unfinished.isEmpty(), qPrintable(QStringLiteral("unfinished in kumo_ja.ts:\n") +
                                                 ja.unfinished.join(QLatin1Char('\n'))));
    QVERIFY2(ja.placeholderMismatch.isEmpty(),
             qPrintable(QStringLiteral("placeholders lost in kumo_ja.ts:\n") +
                        ja.placeholderMismatch.join(QLatin1Char('\n'))));
}

void TestTranslations::englishPluralsAreComplete()
{
    const Catalogue en = readCatalogue(QStringLiteral(KUMO_SOURCE_DIR "/translations/kumo_en.ts"));
    QVERIFY2(en.unfinished.isEmpty(), qPrintable(QStringLiteral("unfinished in kumo_en.ts:\n") +
                                                 en.unfinished.join(QLatin1Char('\n'))));
}

void TestTranslations::catalogueCoversTheSources()
{
    // lupdate on a copy: any source string the catalogue does not have yet comes back unfinished.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("kumo_ja.ts"));
    QVERIFY(QFile::copy(QStringLiteral(KUMO_SOURCE_DIR "/translations/kumo_ja.ts"), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    QStringList args{QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none")};
    for (const QString& sources :
         {QStringLiteral(KUMO_SOURCE_DIR "/src"), QStringLiteral(KUMO_SOURCE_DIR "/ui")}) {
        if (QFileInfo::exists(sources))
            args.append(sources);
    }
    args << QStringLiteral("-ts") << copy;
    lupdate.start(QStringLiteral(KUMO_LUPDATE), args);
    QVERIFY(lupdate.waitForFinished(120000));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());
    const Catalogue updated = readCatalogue(copy);
    QVERIFY2(
        updated.unfinished.isEmpty(),
        qPrintable(QStringLiteral(
                       "strings in the sources missing from kumo_ja.ts (run scripts/update-translations.sh "
                       "and translate them):\n") +
                   updated.unfinished.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"

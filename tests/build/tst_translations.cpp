// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Japanese catalogue is complete: every message has a finished translation, plural forms
// included, and running lupdate over today's sources finds no string the catalogue lacks. Its
// translations use the words and number forms of GLOSSARY.md, not the retired ones.
#include <utility>

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Catalogue
{
    int messages = 0;
    QStringList unfinished; // "context: source" of each entry without a finished translation
    QStringList placeholderMismatch;
    QList<std::pair<QString, QStringList>> translations; // "context: source", its translation(s)
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
                result.translations.append({where, targets});
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

struct GlossaryRule
{
    QRegularExpression pattern;
    QString reason;
};

// The retired words and number forms of GLOSSARY.md. Each pattern is narrow enough not to match
// a legitimate word: 個 only as a counter after a number or placeholder (not 個々), a space
// before % only after a number or placeholder and not before another placeholder (%1 %2).
const QList<GlossaryRule>& glossaryRules()
{
    static const QString number = QStringLiteral("(?:%L?\\d+|%n|\\d)");
    static const QList<GlossaryRule> rules = {
        {QRegularExpression(QStringLiteral("移動")),
         QStringLiteral("migrate is 移行 (移行元, 移行先); 移動 is not used, not even for navigation")},
        {QRegularExpression(QStringLiteral("元のノードへ戻す")), QStringLiteral("return home is 切り戻し")},
        {QRegularExpression(QStringLiteral("地図")), QStringLiteral("map is マップ")},
        {QRegularExpression(QStringLiteral("フォルダー")), QStringLiteral("directory is ディレクトリ")},
        {QRegularExpression(QStringLiteral("合格")), QStringLiteral("a passed check is 問題ありません")},
        {QRegularExpression(QStringLiteral("インベントリ")), QStringLiteral("inventory is 構成ファイル")},
        {QRegularExpression(QStringLiteral("ジャーナル")), QStringLiteral("the journal is 操作ログ")},
        {QRegularExpression(number + QStringLiteral("\\s*個")),
         QStringLiteral("the counter for instances and nodes is 台, not 個")},
        {QRegularExpression(number + QStringLiteral("\\s+%(?![\\dLn])")), QStringLiteral("12% has no space")},
        {QRegularExpression(QStringLiteral("^\\s+%$")), QStringLiteral("a % suffix has no space")},
        {QRegularExpression(number + QStringLiteral("\\s+以上")), QStringLiteral("3以上 has no space")},
        {QRegularExpression(QStringLiteral("[KMG]iB/秒")), QStringLiteral("one form of MiB/s")},
    };
    return rules;
}

// Reasons the text breaks the glossary; empty when it keeps to it.
QStringList glossaryViolations(const QString& text)
{
    QStringList reasons;
    for (const GlossaryRule& rule : glossaryRules()) {
        if (rule.pattern.match(text).hasMatch())
            reasons.append(rule.reason);
    }
    static const QRegularExpression milliseconds(QStringLiteral("(?<![A-Za-z])ms(?![A-Za-z])"));
    if (text.contains(QStringLiteral("秒")) && milliseconds.match(text).hasMatch())
        reasons.append(QStringLiteral("ミリ秒, not ms, beside 秒"));
    return reasons;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void japaneseIsComplete();
    void englishPluralsAreComplete();
    void glossaryRulesAreExact_data();
    void glossaryRulesAreExact();
    void japaneseFollowsTheGlossary();
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

void TestTranslations::glossaryRulesAreExact_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("breaks");
    QTest::newRow("移動先") << QStringLiteral("移動先ノード") << true;
    QTest::newRow("移行先") << QStringLiteral("移行先ノード") << false;
    QTest::newRow("go to map") << QStringLiteral("地図へ移動(&M)") << true;
    QTest::newRow("元のノードへ戻す") << QStringLiteral("元のノードへ戻す計画") << true;
    QTest::newRow("切り戻す") << QStringLiteral("切り戻すものはありません。") << false;
    QTest::newRow("フォルダー") << QStringLiteral("フォルダーを作成できません。") << true;
    QTest::newRow("合格") << QStringLiteral("すべての事前チェックに合格しました。") << true;
    QTest::newRow("%n 個") << QStringLiteral("%n 個のインスタンス") << true;
    QTest::newRow("%2個中") << QStringLiteral("%2個中 %1個") << true;
    QTest::newRow("8 個") << QStringLiteral("ゲストが 8 個動きます") << true;
    QTest::newRow("個々") << QStringLiteral("インスタンスの個々のコピー") << false;
    QTest::newRow("台") << QStringLiteral("%2 台中 %1 台") << false;
    QTest::newRow("%1 %") << QStringLiteral("%1 %") << true;
    QTest::newRow("最新 %1 %") << QStringLiteral("最新: %1 %") << true;
    QTest::newRow("suffix") << QStringLiteral(" %") << true;
    QTest::newRow("%1%") << QStringLiteral("%1%") << false;
    QTest::newRow("%1 %2") << QStringLiteral("最新: %1 %2") << false;
    QTest::newRow("%1: %2 %n 回") << QStringLiteral("%1: %2 %n 回続けて失敗しています。") << false;
    QTest::newRow("100%") << QStringLiteral("0 で 100%") << false;
    QTest::newRow("%1 以上") << QStringLiteral("%1 以上") << true;
    QTest::newRow("%1以上") << QStringLiteral("%1以上") << false;
    QTest::newRow("ms beside 秒") << QStringLiteral("所要時間 %4 秒、停止時間 %5 ms") << true;
    QTest::newRow("ミリ秒") << QStringLiteral("所要時間 %4 秒、停止時間 %5 ミリ秒") << false;
    QTest::newRow("MiB/秒") << QStringLiteral(" MiB/秒") << true;
    QTest::newRow("MiB/s") << QStringLiteral("%1 MiB/s（%2 秒間）") << false;
}

void TestTranslations::glossaryRulesAreExact()
{
    QFETCH(QString, text);
    QFETCH(bool, breaks);
    const QStringList reasons = glossaryViolations(text);
    QVERIFY2(reasons.isEmpty() != breaks,
             qPrintable(text + QStringLiteral(": ") +
                        (reasons.isEmpty() ? QStringLiteral("no rule matched")
                                           : reasons.join(QStringLiteral("; ")))));
}

void TestTranslations::japaneseFollowsTheGlossary()
{
    const Catalogue ja = readCatalogue(QStringLiteral(KUMO_SOURCE_DIR "/translations/kumo_ja.ts"));
    QVERIFY2(!ja.translations.isEmpty(), "kumo_ja.ts has no messages");
    int broken = 0;
    for (const auto& [where, targets] : ja.translations) {
        for (const QString& target : targets) {
            const QStringList reasons = glossaryViolations(target);
            if (reasons.isEmpty())
                continue;
            ++broken;
            // One line each: a single failure message would be cut short.
            qWarning().noquote() << where + QStringLiteral(" → ") + target + QStringLiteral(" (") +
                                        reasons.join(QStringLiteral("; ")) + QLatin1Char(')');
        }
    }
    QVERIFY2(
        broken == 0,
        qPrintable(
            QStringLiteral("%1 translations in kumo_ja.ts break GLOSSARY.md (listed above)").arg(broken)));
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

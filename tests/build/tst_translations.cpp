// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Japanese catalogue is complete: every message has a finished translation, plural forms
// included, and running lupdate over today's sources finds no string the catalogue lacks. Its
// translations use the words and number forms of GLOSSARY.md, not the retired ones. Every tr(),
// translate() and QT_*_NOOP() in the sources passes its text as a literal, so lupdate sees it.
#include <algorithm>
#include <utility>

#include <QDir>
#include <QDirIterator>
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
        {QRegularExpression(QStringLiteral("動いて|稼働中")),
         QStringLiteral("running is 実行中 (a daemon or service: 実行されている)")},
        {QRegularExpression(QStringLiteral("ではなく[^。]*でなければなりません")),
         QStringLiteral("an expected value reads 「…を指定してください（…が指定されています）」")},
        {QRegularExpression(QStringLiteral("\\(&(?:amp;)?.\\)[:：] ")),
         QStringLiteral("a choice explains itself in parentheses before its mnemonic, not after a colon")},
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

// --- Calls lupdate cannot read ---------------------------------------------------------------
// lupdate only extracts string literals: tr(variable) compiles and even translates whatever
// another call happened to extract, but a string passed through a helper is never in the
// catalogue, so it shows in English. The scan below finds every tr(), translate() and
// QT_*_NOOP() call in the sources and checks that its text arguments are literals.

// The file with comments blanked and the inside of string and character literals replaced by
// '_', keeping every offset, so the code can be searched without being fooled by either.
QString maskedSource(const QString& text)
{
    QString out = text;
    const qsizetype n = text.size();
    auto blank = [&](qsizetype from, qsizetype to, QChar with) {
        for (qsizetype i = from; i < to && i < n; ++i) {
            if (out[i] != QLatin1Char('\n'))
                out[i] = with;
        }
    };
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text[i];
        const QChar next = i + 1 < n ? text[i + 1] : QChar();
        if (c == QLatin1Char('/') && next == QLatin1Char('/')) {
            const qsizetype end = text.indexOf(QLatin1Char('\n'), i);
            const qsizetype stop = end < 0 ? n : end;
            blank(i, stop, QLatin1Char(' '));
            i = stop;
        } else if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            const qsizetype end = text.indexOf(QStringLiteral("*/"), i + 2);
            const qsizetype stop = end < 0 ? n : end + 2;
            blank(i, stop, QLatin1Char(' '));
            i = stop;
        } else if (c == QLatin1Char('R') && next == QLatin1Char('"') &&
                   (i == 0 || !(text[i - 1].isLetterOrNumber() || text[i - 1] == QLatin1Char('_')) ||
                    text[i - 1] == QLatin1Char('8') || text[i - 1] == QLatin1Char('u') ||
                    text[i - 1] == QLatin1Char('U') || text[i - 1] == QLatin1Char('L'))) {
            const qsizetype open = text.indexOf(QLatin1Char('('), i + 2);
            if (open < 0)
                return out;
            const QString close = QLatin1Char(')') + text.mid(i + 2, open - i - 2) + QLatin1Char('"');
            const qsizetype end = text.indexOf(close, open);
            const qsizetype stop = end < 0 ? n : end + close.size();
            out[i] = QLatin1Char(' '); // R"...": a plain literal once masked
            blank(i + 2, stop - 1, QLatin1Char('_'));
            i = stop;
        } else if (c == QLatin1Char('"') || (c == QLatin1Char('\'') && !(i > 0 && text[i - 1].isDigit()))) {
            qsizetype j = i + 1;
            while (j < n && text[j] != c && text[j] != QLatin1Char('\n'))
                j += text[j] == QLatin1Char('\\') ? 2 : 1;
            blank(i + 1, j, QLatin1Char('_'));
            i = j + 1;
        } else {
            ++i;
        }
    }
    return out;
}

// One string literal, or adjacent literals the compiler joins, as masked by maskedSource().
bool isLiteral(const QString& masked)
{
    static const QRegularExpression literal(QStringLiteral("^\\s*(?:(?:u8|u|U|L)?\\s*\"_*\"\\s*)+$"));
    return literal.match(masked).hasMatch();
}

struct TranslationCall
{
    QString name; // tr, translate, QT_TRANSLATE_NOOP ...
    int line = 0;
    QString call; // the call as written, on one line
    QStringList problems;
};

// Each call: which of its arguments must be literals (the text, the context, the disambiguation,
// which may also be nullptr), and what is wrong with those that are not.
QList<TranslationCall> translationCalls(const QString& text)
{
    const QString masked = maskedSource(text);
    static const QRegularExpression call(QStringLiteral(
        "(?<![\\w.>])(?:(?:Q(?:Core|Gui)?Application::|qApp->)(translate)|(?:\\b\\w+::)?\\b(tr|trUtf8|qtTrId|"
        "QT_TR_NOOP|QT_TR_NOOP_UTF8|QT_TR_N_NOOP|QT_TRANSLATE_NOOP|QT_TRANSLATE_NOOP_UTF8|"
        "QT_TRANSLATE_NOOP3|QT_TRANSLATE_N_NOOP|QT_TRANSLATE_N_NOOP3))\\s*\\("));
    QList<TranslationCall> calls;
    auto it = call.globalMatch(masked);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        TranslationCall found;
        found.name = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
        found.line = int(masked.left(match.capturedStart()).count(QLatin1Char('\n'))) + 1;
        // The arguments, split at the commas outside brackets.
        QList<std::pair<qsizetype, qsizetype>> arguments;
        qsizetype depth = 0;
        qsizetype start = match.capturedEnd();
        qsizetype i = start;
        for (; i < masked.size(); ++i) {
            const QChar c = masked[i];
            if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{')) {
                ++depth;
            } else if (c == QLatin1Char(')') || c == QLatin1Char(']') || c == QLatin1Char('}')) {
                if (depth == 0)
                    break;
                --depth;
            } else if (c == QLatin1Char(',') && depth == 0) {
                arguments.append({start, i});
                start = i + 1;
            }
        }
        arguments.append({start, i});
        found.call = text.mid(match.capturedStart(), i + 1 - match.capturedStart()).simplified();
        // Declarations such as "QString tr(const char*)" are no calls.
        if (arguments.size() == 1 && masked.mid(start, i - start).trimmed().isEmpty())
            continue;
        const bool hasContext =
            found.name == QLatin1String("translate") || found.name.contains(QLatin1String("TRANSLATE"));
        const qsizetype textIndex = hasContext ? 1 : 0;
        for (qsizetype a = 0; a < arguments.size() && a <= textIndex + 1; ++a) {
            const QString argument = masked.mid(arguments[a].first, arguments[a].second - arguments[a].first);
            const bool optional = a == textIndex + 1; // disambiguation or comment
            if (optional && found.name.contains(QLatin1String("N_NOOP")) &&
                !found.name.endsWith(QLatin1Char('3')))
                continue;
            if (isLiteral(argument) || (optional && argument.trimmed() == QLatin1String("nullptr")))
                continue;
            const QString what = a == textIndex  ? QStringLiteral("text")
                                 : a < textIndex ? QStringLiteral("context")
                                                 : QStringLiteral("disambiguation");
            found.problems.append(
                what + QStringLiteral(" is not a literal: ") +
                text.mid(arguments[a].first, arguments[a].second - arguments[a].first).simplified());
        }
        calls.append(found);
    }
    return calls;
}

// A table of QT_TR_NOOP / QT_TRANSLATE_NOOP texts, such as column headers, may be passed to tr()
// by name: lupdate reads the macros. The argument must name a table the same file fills with them.
bool namesNoopTable(const QString& masked, const QString& argument)
{
    static const QRegularExpression root(QStringLiteral("^\\s*([A-Za-z_]\\w*)\\s*(?:\\[|\\.at\\s*\\()"));
    const QRegularExpressionMatch match = root.match(argument);
    if (!match.hasMatch())
        return false;
    const QRegularExpression table(
        QStringLiteral("\\b%1\\s*(?:\\[[^\\]]*\\])?\\s*=\\s*\\{([^;]*)\\}\\s*;").arg(match.captured(1)));
    const QRegularExpressionMatch body = table.match(masked);
    static const QRegularExpression noop(QStringLiteral("\\bQT_TR(?:ANSLATE)?_NOOP\\s*\\("));
    return body.hasMatch() && noop.match(body.captured(1)).hasMatch();
}

QStringList nonLiteralProblems(const QString& text)
{
    const QString masked = maskedSource(text);
    QStringList problems;
    for (TranslationCall& call : translationCalls(text)) {
        QStringList remaining;
        for (const QString& problem : std::as_const(call.problems)) {
            const QString argument = problem.section(QStringLiteral(": "), 1);
            if (problem.startsWith(QLatin1String("text")) && namesNoopTable(masked, argument))
                continue;
            remaining.append(problem);
        }
        for (const QString& problem : std::as_const(remaining))
            problems.append(QStringLiteral("%1: %2 (%3)").arg(call.line).arg(problem, call.call));
    }
    return problems;
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
    void literalScanIsExact_data();
    void literalScanIsExact();
    void sourcesPassLiteralsToTr();
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
    QTest::newRow("動いています") << QStringLiteral("%1 はすでに %2 で動いています") << true;
    QTest::newRow("実行中です") << QStringLiteral("%1 はすでに %2 で実行中です") << false;
    QTest::newRow("稼働時間") << QStringLiteral("稼働時間") << false;
    QTest::newRow("でなければ") << QStringLiteral("キー「%1」は%3ではなく%2でなければなりません。") << true;
    QTest::newRow("指定してください")
        << QStringLiteral("キー「%1」には%2を指定してください（%3が指定されています）。") << false;
    QTest::newRow("label: explanation") << QStringLiteral("ライブ(&L): 移行中も止めない") << true;
    QTest::newRow("label (explanation)") << QStringLiteral("ライブ（移行中も止めない）(&L)") << false;
    QTest::newRow("label with colon") << QStringLiteral("言語(&L):") << false;
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

void TestTranslations::literalScanIsExact_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("problems");
    QTest::newRow("tr literal") << QStringLiteral("tr(\"Start\");") << 0;
    QTest::newRow("joined literals") << QStringLiteral("tr(\"a \"\n   \"b\", \"why\", n);") << 0;
    QTest::newRow("qualified") << QStringLiteral("Preflight::tr(\"%n vCPU(s)\", nullptr, 4);") << 0;
    QTest::newRow("translate") << QStringLiteral(
                                      "QCoreApplication::translate(\"kumo::X\", \"Start, (now)\");")
                               << 0;
    QTest::newRow("noop") << QStringLiteral("QT_TRANSLATE_NOOP(\"kumo::X\", \"Name\")") << 0;
    QTest::newRow("painter") << QStringLiteral("painter->translate(0, 0); p.translate(x, y);") << 0;
    QTest::newRow("retranslate") << QStringLiteral("retranslate(); m_model->retranslate();") << 0;
    QTest::newRow("comment") << QStringLiteral("// tr(source) would be wrong\n/* tr(x) */") << 0;
    QTest::newRow("in a string") << QStringLiteral("QStringLiteral(\"tr(x)\");") << 0;
    QTest::newRow("noop table")
        << QStringLiteral("static const char* const k[] = {QT_TR_NOOP(\"A\"), QT_TR_NOOP(\"B\")};\n"
                          "tr(k[i]);")
        << 0;
    QTest::newRow("variable") << QStringLiteral("tr(source);") << 1;
    QTest::newRow("helper")
        << QStringLiteral("QString text(const char* s) { return QCoreApplication::translate(\"X\", s); }")
        << 1;
    QTest::newRow("context") << QStringLiteral("QCoreApplication::translate(className(), \"A\");") << 1;
    QTest::newRow("built") << QStringLiteral("tr(QByteArray(\"a\") + b);") << 1;
    QTest::newRow("disambiguation") << QStringLiteral("tr(\"A\", comment);") << 1;
    QTest::newRow("plain table") << QStringLiteral(
                                        "static const char* const k[] = {\"A\", \"B\"};\ntr(k[i]);")
                                 << 1;
    QTest::newRow("noop variable") << QStringLiteral("QT_TR_NOOP(name)") << 1;
}

void TestTranslations::literalScanIsExact()
{
    QFETCH(QString, code);
    QFETCH(int, problems);
    const QStringList found = nonLiteralProblems(code);
    QVERIFY2(found.size() == problems, qPrintable(found.join(QLatin1Char('\n'))));
}

void TestTranslations::sourcesPassLiteralsToTr()
{
    // Calls that may pass a non-literal, each with the reason lupdate still sees its texts.
    const QList<std::pair<QString, QString>> allowed = {
        {QStringLiteral("src/ui/monitoring/monitoringtablemodel.cpp"),
         QStringLiteral("QCoreApplication::translate(metaObject()->className(), column.header)")},
        // Each subclass marks its own column headers with QT_TRANSLATE_NOOP in its own context.
    };
    QStringList problems;
    int calls = 0;
    QDirIterator files(QStringLiteral(KUMO_SOURCE_DIR "/src"),
                       {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        const QString relative = QDir(QStringLiteral(KUMO_SOURCE_DIR)).relativeFilePath(path);
        calls += int(translationCalls(text).size());
        for (const QString& problem : nonLiteralProblems(text)) {
            const bool isAllowed = std::any_of(allowed.cbegin(), allowed.cend(), [&](const auto& entry) {
                return entry.first == relative && problem.contains(entry.second);
            });
            if (!isAllowed)
                problems.append(relative + QLatin1Char(':') + problem);
        }
    }
    QVERIFY2(calls > 500, qPrintable(QStringLiteral("only %1 translation calls found").arg(calls)));
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("lupdate cannot read these (pass the text as a literal):\n") +
                        problems.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"

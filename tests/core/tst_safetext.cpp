// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Names are text: one line of console output per message whatever a name holds, and CSV cells a
// spreadsheet reads as text, never as a formula.
#include <QTest>

#include "core/safetext.h"

using namespace kumo;

class TestSafeText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneLineEscapesWhatBreaksALine_data();
    void oneLineEscapesWhatBreaksALine();
    void oneLineTellsNamesApart();
    void csvNeutralisesFormulas_data();
    void csvNeutralisesFormulas();
};

void TestSafeText::oneLineEscapesWhatBreaksALine_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("web-01") << QStringLiteral("web-01");
    QTest::newRow("japanese") << QStringLiteral("明大寺-01") << QStringLiteral("明大寺-01");
    QTest::newRow("markup stays as written")
        << QStringLiteral("x<img src=y>") << QStringLiteral("x<img src=y>");
    QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("a\\nb");
    QTest::newRow("cr lf tab") << QStringLiteral("a\r\n\tb") << QStringLiteral("a\\r\\n\\tb");
    QTest::newRow("escape sequence") << QStringLiteral("\x1b[31mred") << QStringLiteral("\\u001B[31mred");
    QTest::newRow("nul and del") << QString(QChar(0)) + QChar(0x7f) << QStringLiteral("\\u0000\\u007F");
    QTest::newRow("c1 next line") << QString(QChar(0x85)) << QStringLiteral("\\u0085");
    QTest::newRow("right-to-left override")
        << QStringLiteral("abc") + QChar(0x202e) + QStringLiteral("fed") << QStringLiteral("abc\\u202Efed");
    QTest::newRow("right-to-left mark") << QString(QChar(0x200f)) << QStringLiteral("\\u200F");
    QTest::newRow("isolates") << QString(QChar(0x2066)) + QChar(0x2069) << QStringLiteral("\\u2066\\u2069");
    QTest::newRow("line separator") << QString(QChar(0x2028)) << QStringLiteral("\\u2028");
    QTest::newRow("backslash") << QStringLiteral("a\\nb") << QStringLiteral("a\\\\nb");
    QTest::newRow("zero-width joiner kept") << QString(QChar(0x200d)) << QString(QChar(0x200d));
}

void TestSafeText::oneLineEscapesWhatBreaksALine()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const QString line = oneLineText(text);
    QCOMPARE(line, expected);
    for (const QChar c : line)
        QVERIFY2(!isUnsafeForOneLine(c.unicode()), qPrintable(QString::number(c.unicode(), 16)));
}

void TestSafeText::oneLineTellsNamesApart()
{
    // A name with a real newline and one with a backslash and an n must not print alike.
    QVERIFY(oneLineText(QStringLiteral("a\nb")) != oneLineText(QStringLiteral("a\\nb")));
    QVERIFY(oneLineText(QString(QChar(0x202e))) != oneLineText(QStringLiteral("\\u202E")));
}

void TestSafeText::csvNeutralisesFormulas_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("web-01") << QStringLiteral("web-01");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("equals") << QStringLiteral("=1+2") << QStringLiteral("'=1+2");
    QTest::newRow("hyperlink") << QStringLiteral("=HYPERLINK(\"http://x\",\"y\")")
                               << QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    QTest::newRow("plus") << QStringLiteral("+cmd") << QStringLiteral("'+cmd");
    QTest::newRow("minus") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
    QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
    QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
    QTest::newRow("carriage return") << QStringLiteral("\r=1") << QStringLiteral("\"'\r=1\"");
    QTest::newRow("inside is fine") << QStringLiteral("a=b") << QStringLiteral("a=b");
    QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
    QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
    QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
}

void TestSafeText::csvNeutralisesFormulas()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(csvCell(text), expected);
}

QTEST_GUILESS_MAIN(TestSafeText)
#include "tst_safetext.moc"

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Sentences: text put together from translated parts reads as the language writes it. English
// puts a space between sentences; Japanese nothing after 。 (but a space after an English libvirt
// message). Figures side by side and lists of names follow the language too.
#include <QTest>

#include "app/i18n/language.h"
#include "core/sentences.h"

using namespace kumo;

class TestSentences : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { QVERIFY(language::install(QStringLiteral("en"))); }
    void english();
    void japanese();
};

void TestSentences::english()
{
    QVERIFY(language::install(QStringLiteral("en")));
    QCOMPARE(Sentences::join({QStringLiteral("yamate-01 has 2 GiB free."), QString(),
                              QStringLiteral("Choose another node.")}),
             QStringLiteral("yamate-01 has 2 GiB free. Choose another node."));
    QCOMPARE(Sentences::join({QStringLiteral("One.")}), QStringLiteral("One."));
    QCOMPARE(Sentences::join({}), QString());
    QCOMPARE(Sentences::figures({QStringLiteral("Nodes up: 4/4"), QStringLiteral("Jobs running: 0")}),
             QStringLiteral("Nodes up: 4/4 · Jobs running: 0"));
    QCOMPARE(Sentences::names({QStringLiteral("mail")}), QStringLiteral("mail"));
    QCOMPARE(Sentences::names({QStringLiteral("mail"), QStringLiteral("www")}),
             QLocale().createSeparatedList({QStringLiteral("mail"), QStringLiteral("www")}));
}

void TestSentences::japanese()
{
    QVERIFY(language::install(QStringLiteral("ja")));
    QCOMPARE(
        Sentences::join({QStringLiteral("移行できません。"), QStringLiteral("別のノードを選んでください。")}),
        QStringLiteral("移行できません。別のノードを選んでください。"));
    // libvirt's own words stay English: a space after them, as a Japanese reader would put it.
    QCOMPARE(Sentences::join({QStringLiteral("Requested operation is not valid"),
                              QStringLiteral("別のノードを選んでください。")}),
             QStringLiteral("Requested operation is not valid 別のノードを選んでください。"));
    QCOMPARE(Sentences::names({QStringLiteral("mail"), QStringLiteral("www"), QStringLiteral("db")}),
             QStringLiteral("mail、www、db"));
    const QString figures =
        Sentences::figures({QStringLiteral("接続済みノード: 4/4"), QStringLiteral("実行中のジョブ: 0")});
    QVERIFY2(!figures.contains(QStringLiteral("·")), qPrintable(figures));
    QVERIFY(figures.startsWith(QStringLiteral("接続済みノード: 4/4")));
    QVERIFY(figures.endsWith(QStringLiteral("実行中のジョブ: 0")));
}

QTEST_GUILESS_MAIN(TestSentences)
#include "tst_sentences.moc"

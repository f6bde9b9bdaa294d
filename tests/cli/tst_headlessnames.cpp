// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// `kumo plan` on libvirt test-driver nodes whose domains have hostile names (a newline, a line
// separator, an 8-bit terminal escape, a right-to-left override, markup): every message stays on
// one line, reads left to right, and names each instance so that it can be told apart. (A carriage
// return cannot reach libvirt through its XML: it arrives as a newline.)
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "core/safetext.h"
#include "support/kumoprocess.h"
#include "support/testdriver.h"

using namespace kumo;

class TestHeadlessNames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void planPrintsOneLinePerMessage();
};

void TestHeadlessNames::planPrintsOneLinePerMessage()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList names{
        QStringLiteral("newline\nfake-line: all moved"),
        QStringLiteral("separator") + QChar(0x2028) + QStringLiteral("OVERWRITTEN"),
        QStringLiteral("csi") + QChar(0x9b) + QStringLiteral("2J"), // the 8-bit escape; XML holds no ESC
        QStringLiteral("rtl") + QChar(0x202e) + QStringLiteral("gpj.exe") + QChar(0x200f),
        QStringLiteral("tab\there <b>bold<\\b>"),
    };
    TestCluster cluster = generateTestCluster(dir.filePath(QStringLiteral("nodes")), 2, 1, int(names.size()));
    QCOMPARE(cluster.nodes.size(), 2);
    TestNode& node = cluster.nodes[0];
    for (int i = 0; i < names.size(); ++i) {
        node.domains[i].name = names.at(i);
        node.domains[i].memoryKiB = 128 * 1024;
    }
    QFile xml(node.file);
    QVERIFY(xml.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QVERIFY(xml.write(testNodeXml(node)) > 0);
    xml.close();
    const QString inventoryPath = dir.filePath(QStringLiteral("inventory.toml"));
    QFile inventory(inventoryPath);
    QVERIFY(inventory.open(QIODevice::WriteOnly));
    QVERIFY(inventory.write(cluster.inventory.toToml()) > 0);
    inventory.close();

    const QString site = cluster.inventory.nodes.constFirst().site;
    const KumoRun run =
        runKumo({QStringLiteral("plan"), QStringLiteral("--site"), site, QStringLiteral("--inventory"),
                 inventoryPath, QStringLiteral("--allow-unplaced")},
                dir.path(), 120000);
    QVERIFY2(run.exitCode >= 0, run.describe());
    const QString all = run.out + run.err;
    qInfo().noquote() << all;
    // Nothing a terminal would act on or that breaks or reorders a line, anywhere.
    for (const QChar c : all) {
        if (c == u'\n')
            continue;
        QVERIFY2(!isUnsafeForOneLine(c.unicode()),
                 qPrintable(QStringLiteral("U+%1 in the output").arg(c.unicode(), 4, 16, QLatin1Char('0'))));
    }
    // Each name is printed escaped, on the line of its own move, once per line.
    const QStringList lines = run.out.split(QLatin1Char('\n'));
    for (const QString& name : names) {
        const QString escaped = oneLineText(name);
        QVERIFY2(escaped != name, qPrintable(escaped));
        const auto found = std::count_if(lines.cbegin(), lines.cend(),
                                         [&](const QString& line) { return line.contains(escaped); });
        QVERIFY2(found >= 1, qPrintable(escaped + QStringLiteral(" missing in:\n") + run.out));
    }
    QVERIFY(!run.out.contains(QStringLiteral("\nfake-line")));
}

QTEST_GUILESS_MAIN(TestHeadlessNames)
#include "tst_headlessnames.moc"

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QSignalSpy>
#include <QTest>

#include "ui/clusterselection.h"

using namespace kumo;

class TestClusterSelection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void changesOnlyOnRealChange()
    {
        ClusterSelection selection;
        QSignalSpy changed(&selection, &ClusterSelection::changed);
        selection.selectInstances({QStringLiteral("u1"), QStringLiteral("u2")});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(selection.kind(), ClusterSelection::Kind::Instances);
        QCOMPARE(selection.current(), QStringLiteral("u2"));
        selection.selectInstances({QStringLiteral("u1"), QStringLiteral("u2")});
        QCOMPARE(changed.size(), 1);
        selection.selectNodes({QStringLiteral("n1")});
        QCOMPARE(changed.size(), 2);
        QCOMPARE(selection.kind(), ClusterSelection::Kind::Nodes);
        selection.forget(QStringLiteral("u1"));
        QCOMPARE(changed.size(), 2);
        selection.forget(QStringLiteral("n1"));
        QCOMPARE(changed.size(), 3);
        QCOMPARE(selection.kind(), ClusterSelection::Kind::None);
        QVERIFY(selection.current().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestClusterSelection)
#include "tst_clusterselection.moc"

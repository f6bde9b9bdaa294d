// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The instance drag payload: what the map and the tables put on the clipboard of a drag must
// come back unchanged, and anything else must be refused rather than misread.
#include <QDataStream>
#include <QIODevice>
#include <QTest>

#include "core/instancedrag.h"

using namespace kumo;

class TestInstanceDrag : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrips_data();
    void roundTrips();
    void rejectsGarbage_data();
    void rejectsGarbage();
    void rejectsOtherVersions();
    void rejectsTruncatedPayloads();
    void rejectsTrailingBytes();
    void rejectsForgedCounts();
};

void TestInstanceDrag::roundTrips_data()
{
    QTest::addColumn<QStringList>("uuids");
    QTest::addColumn<QString>("source");
    QTest::newRow("one") << QStringList{QStringLiteral("2f6a0c1e-0d1b-4c59-9b8c-111111111111")}
                         << QStringLiteral("myodaiji-01");
    QTest::newRow("several") << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}
                             << QStringLiteral("yamate-02");
    QTest::newRow("no source") << QStringList{QStringLiteral("a")} << QString();
    QTest::newRow("non-ascii") << QStringList{QStringLiteral("a")} << QStringLiteral("明大寺-01");
}

void TestInstanceDrag::roundTrips()
{
    QFETCH(QStringList, uuids);
    QFETCH(QString, source);
    const InstanceDrag drag{uuids, source};
    const QByteArray bytes = drag.encode();
    const std::optional<InstanceDrag> back = InstanceDrag::decode(bytes);
    QVERIFY(back.has_value());
    QCOMPARE(back->uuids, uuids);
    QCOMPARE(back->sourceNode, source);
    QCOMPARE(InstanceDrag::mimeType(), QStringLiteral("application/x-kumo-instance"));
}

void TestInstanceDrag::rejectsGarbage_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("text") << QByteArrayLiteral("2f6a0c1e-0d1b-4c59-9b8c-111111111111");
    QTest::newRow("zeros") << QByteArray(64, '\0');
    QTest::newRow("ones") << QByteArray(64, '\xff');

    QByteArray wrongMagic;
    QDataStream out(&wrongMagic, QIODevice::WriteOnly);
    out << quint32(0x12345678) << InstanceDrag::Version << QStringList{QStringLiteral("a")} << QString();
    QTest::newRow("wrong magic") << wrongMagic;

    QByteArray noUuid;
    QDataStream out2(&noUuid, QIODevice::WriteOnly);
    out2 << InstanceDrag::Magic << InstanceDrag::Version << QStringList() << QStringLiteral("n");
    QTest::newRow("no uuid") << noUuid;

    QByteArray emptyUuid;
    QDataStream out3(&emptyUuid, QIODevice::WriteOnly);
    out3 << InstanceDrag::Magic << InstanceDrag::Version << QStringList{QString()} << QStringLiteral("n");
    QTest::newRow("empty uuid") << emptyUuid;
}

void TestInstanceDrag::rejectsGarbage()
{
    QFETCH(QByteArray, bytes);
    QVERIFY(!InstanceDrag::decode(bytes).has_value());
}

void TestInstanceDrag::rejectsOtherVersions()
{
    // A later Kumo may add fields: this one must not guess at them.
    for (const quint16 version : {quint16(0), quint16(InstanceDrag::Version + 1), quint16(0xffff)}) {
        QByteArray bytes;
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_0);
        out << InstanceDrag::Magic << version << QStringList{QStringLiteral("a")} << QStringLiteral("n");
        QVERIFY2(!InstanceDrag::decode(bytes).has_value(), qPrintable(QString::number(version)));
    }
}

void TestInstanceDrag::rejectsTruncatedPayloads()
{
    const QByteArray whole =
        InstanceDrag{{QStringLiteral("a"), QStringLiteral("bb")}, QStringLiteral("myodaiji-01")}.encode();
    QVERIFY(InstanceDrag::decode(whole).has_value());
    for (qsizetype length = 0; length < whole.size(); ++length)
        QVERIFY2(!InstanceDrag::decode(whole.left(length)).has_value(), qPrintable(QString::number(length)));
}

void TestInstanceDrag::rejectsTrailingBytes()
{
    QByteArray bytes = InstanceDrag{{QStringLiteral("a")}, QStringLiteral("n")}.encode();
    bytes.append('\0');
    QVERIFY(!InstanceDrag::decode(bytes).has_value());
}

void TestInstanceDrag::rejectsForgedCounts()
{
    // A count of two billion UUIDs before one real one: QDataStream's QStringList reader reserved
    // room for all of them first (50 GB, found by fuzz_instancedrag) and Kumo died.
    for (const quint32 count : {quint32(0x82000000), quint32(0xffffffff), quint32(2)}) {
        QByteArray bytes;
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_0);
        out << InstanceDrag::Magic << InstanceDrag::Version << count << QStringLiteral("a")
            << QStringLiteral("n");
        QVERIFY2(!InstanceDrag::decode(bytes).has_value(), qPrintable(QString::number(count)));
    }
    // The same with the honest count is a drag.
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    out << InstanceDrag::Magic << InstanceDrag::Version << quint32(1) << QStringLiteral("a")
        << QStringLiteral("n");
    const auto drag = InstanceDrag::decode(bytes);
    QVERIFY(drag.has_value());
    QCOMPARE(drag->uuids, QStringList{QStringLiteral("a")});
    QCOMPARE(drag->sourceNode, QStringLiteral("n"));
}

QTEST_GUILESS_MAIN(TestInstanceDrag)
#include "tst_instancedrag.moc"

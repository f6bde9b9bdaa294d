// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// KeyedTableModel, the base of the six table models, on its own with QAbstractItemModelTester
// attached: the key -> row hash stays right across block insertions, removals and syncKeys(),
// a block of rows is one insertion, syncKeys() inserts and removes without a reset unless rows
// changed order, and dataChanged spans exactly the columns asked for.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "ui/models/keyedtablemodel.h"

using namespace kumo;

namespace {

// Row data (m_values) kept in step with the keys by append() and remove(), as the node, instance
// and jobs models keep theirs; sync() is for models that look their data up by key.
class NumberModel : public KeyedTableModel
{
public:
    using KeyedTableModel::KeyedTableModel;

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : 3;
    }
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        if (role == KeyRole)
            return keyAt(index.row());
        if (role == Qt::DisplayRole)
            return keyAt(index.row()).mid(1).toInt() * (index.column() + 1);
        return {};
    }

    void append(const QStringList& keys)
    {
        appendRows(keys, [this](const QString& key) { m_values.append(key.mid(1).toInt()); });
    }
    void remove(const QString& key)
    {
        removeRowAt(rowOf(key), [this](int row) { m_values.removeAt(row); });
    }
    bool sync(const QStringList& keys) { return syncKeys(keys); }
    void change(int row, int first, int last) { columnsChanged(row, first, last); }
    void changeAll() { allChanged(); }

    QList<int> m_values;
};

QStringList keysOf(std::initializer_list<int> numbers)
{
    QStringList keys;
    for (const int n : numbers)
        keys.append(QStringLiteral("k%1").arg(n));
    return keys;
}

} // namespace

class TestKeyedTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void blockInsertionAndRemovalKeepTheHashRight()
    {
        NumberModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.append(keysOf({1, 2, 3, 4, 5}));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.constFirst().at(1).toInt(), 0);
        QCOMPARE(inserted.constFirst().at(2).toInt(), 4);
        model.append({});
        QCOMPARE(inserted.size(), 1);
        model.append(keysOf({6}));
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.m_values.size(), 6);

        model.remove(QStringLiteral("k2"));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.constFirst().at(1).toInt(), 1);
        // The rows after the removed one moved up, and the hash says so.
        QCOMPARE(model.rowOf(QStringLiteral("k2")), -1);
        QCOMPARE(model.rowOf(QStringLiteral("k1")), 0);
        QCOMPARE(model.rowOf(QStringLiteral("k3")), 1);
        QCOMPARE(model.rowOf(QStringLiteral("k6")), 4);
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.rowOf(model.keyAt(row)), row);
            QCOMPARE(model.index(row, 0).data(KeyRole).toString(), model.keyAt(row));
            QCOMPARE(model.m_values.at(row), model.keyAt(row).mid(1).toInt());
        }
        QCOMPARE(model.indexOfKey(QStringLiteral("k6"), 2), model.index(4, 2));
        QVERIFY(!model.indexOfKey(QStringLiteral("k2")).isValid());
        QCOMPARE(model.keyAt(99), QString());
        model.remove(QStringLiteral("nope"));
        QCOMPARE(removed.size(), 1);
    }

    void syncKeysInsertsAndRemovesWithoutAReset()
    {
        NumberModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QVERIFY(model.sync(keysOf({1, 2, 3})));
        QCOMPARE(inserted.size(), 3);
        QVERIFY(model.sync(keysOf({1, 4, 3, 5})));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 5);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.rowCount(), 4);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.rowOf(model.keyAt(row)), row);
        QCOMPARE(model.rowOf(QStringLiteral("k2")), -1);

        // Existing rows in another order: one reset, and the hash follows.
        QVERIFY(!model.sync(keysOf({5, 3, 1})));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.keyAt(0), QStringLiteral("k5"));
        QCOMPARE(model.rowOf(QStringLiteral("k1")), 2);
        QCOMPARE(model.rowOf(QStringLiteral("k4")), -1);
    }

    void dataChangedSpansTheColumnsAskedFor()
    {
        NumberModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append(keysOf({1, 2}));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
        model.change(1, 1, 2);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.constLast().at(0).toModelIndex(), model.index(1, 1));
        QCOMPARE(changed.constLast().at(1).toModelIndex(), model.index(1, 2));
        model.change(0, 0, -1); // -1: up to the last column
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.constLast().at(1).toModelIndex(), model.index(0, 2));
        model.change(5, 0, 1); // no such row: nothing
        model.change(0, 2, 1); // empty span: nothing
        QCOMPARE(changed.size(), 2);
        model.changeAll();
        QCOMPARE(changed.size(), 3);
        QCOMPARE(changed.constLast().at(0).toModelIndex(), model.index(0, 0));
        QCOMPARE(changed.constLast().at(1).toModelIndex(), model.index(1, 2));
        QCOMPARE(headers.size(), 1);
    }
};

QTEST_MAIN(TestKeyedTableModel)
#include "tst_keyedtablemodel.moc"

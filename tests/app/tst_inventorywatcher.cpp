// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <sys/stat.h>

#include <atomic>
#include <cstdio>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "app/cluster/inventorywatcher.h"
#include "core/inventory.h"

using namespace kumo;

namespace {

// A good inventory whose only variable part is the poll interval and the node's URI.
QByteArray inventoryText(int pollIntervalMs, const char* uri = "test:///default")
{
    return QByteArray("[console]\npoll_interval_ms = ") + QByteArray::number(pollIntervalMs) +
           "\n\n[[site]]\nid = \"lab\"\nname = \"Lab\"\nname_ja = \"実験室\"\n\n[[node]]\nname = \"lab-01\"\n"
           "site = \"lab\"\nuri = \"" +
           uri + "\"\n";
}

// Rewrites the file in place: same inode, as editors that truncate and write do.
bool writeInPlace(const QString& path, const QByteArray& data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(data) == data.size();
}

// Writes a new file beside the old one and renames it over it, as most editors save.
bool writeByRename(const QString& path, const QByteArray& data)
{
    const QString temporary = path + QStringLiteral(".new");
    if (!writeInPlace(temporary, data))
        return false;
    return std::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) == 0;
}

// A watcher started on a fresh inventory file, with spies on what it reports.
struct WatchedInventory
{
    explicit WatchedInventory(int pollIntervalMs)
        : path(dir.filePath(QStringLiteral("inventory.toml")))
        , written(writeInPlace(path, inventoryText(pollIntervalMs)))
        , started(written && watcher.start().ok())
    {}
    [[nodiscard]] bool ready() const { return dir.isValid() && written && started; }

    QTemporaryDir dir;
    QString path;
    bool written;
    InventoryWatcher watcher{path};
    bool started;
    QSignalSpy changed{&watcher, &InventoryWatcher::inventoryChanged};
    QSignalSpy failed{&watcher, &InventoryWatcher::inventoryError};
};

} // namespace

class TestInventoryWatcher : public QObject
{
    Q_OBJECT

private slots:
    void followsEditsAndKeepsLastGood();
    void identicalRewriteEmitsNothing();
    void startOnBrokenFileRecovers();
    void missingFile();
    void missingFolders();
    void folderRemovedAndRecreated();
    void specialFilesKeepLastGood();
    void deepNestingKeepsLastGood();
    void readsOffTheGuiThreadAndDropsStaleResults();
    void startWithALoadDoneElsewhere();
};

void TestInventoryWatcher::followsEditsAndKeepsLastGood()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("inventory.toml"));
    QVERIFY(writeInPlace(path, inventoryText(1000)));

    InventoryWatcher watcher(path);
    QCOMPARE(watcher.path(), path);
    const auto started = watcher.start();
    QVERIFY(started.ok());
    QCOMPARE(started->pollIntervalMs, 1000);
    QCOMPARE(watcher.current(), started.value());

    QSignalSpy changed(&watcher, &InventoryWatcher::inventoryChanged);
    QSignalSpy failed(&watcher, &InventoryWatcher::inventoryError);

    // In place.
    QVERIFY(writeInPlace(path, inventoryText(1500)));
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<Inventory>().pollIntervalMs, 1500);
    QCOMPARE(watcher.current().pollIntervalMs, 1500);

    // Atomically, by rename: the watched inode goes away.
    QVERIFY(writeByRename(path, inventoryText(2500, "qemu:///system")));
    QTRY_COMPARE(changed.count(), 2);
    const Inventory renamed = changed.at(1).at(0).value<Inventory>();
    QCOMPARE(renamed.pollIntervalMs, 2500);
    QCOMPARE(renamed.nodes.at(0).uri, QStringLiteral("qemu:///system"));
    QCOMPARE(watcher.current(), renamed);

    // The file that replaced the old one is watched too.
    QVERIFY(writeInPlace(path, inventoryText(3000)));
    QTRY_COMPARE(changed.count(), 3);
    QCOMPARE(watcher.current().pollIntervalMs, 3000);
    const Inventory lastGood = watcher.current();

    // Broken: an error with the position, and the last good inventory stays current.
    QVERIFY(writeInPlace(path, "[[site]]\nid = \"lab\"\nname = \"Lab\"\ncolour = \"#ffffff\"\n"));
    QTRY_COMPARE(failed.count(), 1);
    const Error error = failed.at(0).at(0).value<Error>();
    QCOMPARE(error.code, ErrorCode::InvalidInput);
    QCOMPARE(error.object, path);
    QCOMPARE(error.line, 4);
    QCOMPARE(error.column, 1);
    QVERIFY(error.message.contains(QStringLiteral("colour")));
    QCOMPARE(watcher.current(), lastGood);
    QCOMPARE(changed.count(), 3);

    // Fixed, by rename this time.
    QVERIFY(writeByRename(path, inventoryText(4000)));
    QTRY_COMPARE(changed.count(), 4);
    QCOMPARE(watcher.current().pollIntervalMs, 4000);
    QCOMPARE(failed.count(), 1);
}

void TestInventoryWatcher::identicalRewriteEmitsNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("inventory.toml"));
    QVERIFY(writeInPlace(path, inventoryText(1000)));

    InventoryWatcher watcher(path);
    QVERIFY(watcher.start().ok());
    QSignalSpy changed(&watcher, &InventoryWatcher::inventoryChanged);
    QSignalSpy failed(&watcher, &InventoryWatcher::inventoryError);

    // Same values, different bytes (a comment added), rewritten both ways.
    QVERIFY(writeInPlace(path, "# touched\n" + inventoryText(1000)));
    QVERIFY(writeByRename(path, inventoryText(1000)));
    // Give the file system notification and the debounce ample time to run.
    QTest::qWait(10 * InventoryWatcher::DebounceMs);
    watcher.reload();
    // The read runs on a worker: give it time to end and (wrongly) report something.
    QTest::qWait(10 * InventoryWatcher::DebounceMs);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(failed.count(), 0);

    // The same broken content twice is reported once.
    const QByteArray broken = "[[site]]\nid = \"lab\"\n";
    QVERIFY(writeInPlace(path, broken));
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(writeByRename(path, broken));
    QTest::qWait(10 * InventoryWatcher::DebounceMs);
    watcher.reload();
    QTest::qWait(10 * InventoryWatcher::DebounceMs);
    QCOMPARE(failed.count(), 1);

    // Going back to the same good values after an error is reported: listeners clear the error.
    QVERIFY(writeInPlace(path, inventoryText(1000)));
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(watcher.current().pollIntervalMs, 1000);
}

void TestInventoryWatcher::startOnBrokenFileRecovers()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("inventory.toml"));
    QVERIFY(writeInPlace(path, "[[site]]\nid = \"Lab\"\nname = \"Lab\"\n"));

    InventoryWatcher watcher(path);
    QSignalSpy changed(&watcher, &InventoryWatcher::inventoryChanged);
    const auto started = watcher.start();
    QVERIFY(!started.ok());
    QCOMPARE(started.error().line, 2);
    QCOMPARE(started.error().column, 6);
    QCOMPARE(watcher.current(), Inventory());

    QVERIFY(writeByRename(path, inventoryText(1200)));
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(watcher.current().pollIntervalMs, 1200);
    QCOMPARE(watcher.current().sites.at(0).nameJa, QStringLiteral("実験室"));
}

void TestInventoryWatcher::missingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("inventory.toml"));

    InventoryWatcher watcher(path);
    QSignalSpy changed(&watcher, &InventoryWatcher::inventoryChanged);
    QSignalSpy failed(&watcher, &InventoryWatcher::inventoryError);
    const auto started = watcher.start();
    QVERIFY(!started.ok());
    QCOMPARE(started.error().code, ErrorCode::NotFound);

    // Created later: the folder watch notices it.
    QVERIFY(writeByRename(path, inventoryText(900)));
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(watcher.current().pollIntervalMs, 900);

    // Deleted: an error, and the inventory stays.
    QVERIFY(QFile::remove(path));
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).value<Error>().code, ErrorCode::NotFound);
    QCOMPARE(watcher.current().pollIntervalMs, 900);
}

void TestInventoryWatcher::missingFolders()
{
    // A first start: not even the folders of the inventory exist ($XDG_CONFIG_HOME/kumo).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("config/kumo"));
    const QString path = folder + QStringLiteral("/inventory.toml");

    InventoryWatcher watcher(path);
    QSignalSpy changed(&watcher, &InventoryWatcher::inventoryChanged);
    QSignalSpy failed(&watcher, &InventoryWatcher::inventoryError);
    const auto started = watcher.start();
    QVERIFY(!started.ok());
    QCOMPARE(started.error().code, ErrorCode::NotFound);

    // mkdir -p && cat >: both folders at once, then the file.
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(writeInPlace(path, inventoryText(700)));
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 10000);
    QCOMPARE(watcher.current().pollIntervalMs, 700);
    QCOMPARE(failed.count(), 0);

    // Edited afterwards: the watch is on the file's own folder now.
    QVERIFY(writeByRename(path, inventoryText(800)));
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 2, 10000);
    QCOMPARE(watcher.current().pollIntervalMs, 800);

    // Deleted and created again.
    QVERIFY(QFile::remove(path));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    QCOMPARE(failed.at(0).at(0).value<Error>().code, ErrorCode::NotFound);
    QCOMPARE(watcher.current().pollIntervalMs, 800);
    QVERIFY(writeInPlace(path, inventoryText(600)));
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 3, 10000);
    QCOMPARE(watcher.current().pollIntervalMs, 600);
}

void TestInventoryWatcher::folderRemovedAndRecreated()
{
    // One folder at a time, and the whole tree removed in between: the watch climbs up and down.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString top = dir.filePath(QStringLiteral("config"));
    const QString folder = top + QStringLiteral("/kumo");
    const QString path = folder + QStringLiteral("/inventory.toml");

    InventoryWatcher watcher(path);
    QSignalSpy changed(&watcher, &InventoryWatcher::inventoryChanged);
    QSignalSpy failed(&watcher, &InventoryWatcher::inventoryError);
    QVERIFY(!watcher.start().ok());

    QVERIFY(QDir().mkdir(top));
    QTest::qWait(50);
    QVERIFY(QDir().mkdir(folder));
    QTest::qWait(50);
    QVERIFY(writeInPlace(path, inventoryText(1100)));
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 10000);
    QCOMPARE(watcher.current().pollIntervalMs, 1100);

    QVERIFY(QDir(top).removeRecursively());
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    QCOMPARE(watcher.current().pollIntervalMs, 1100);

    QVERIFY(QDir().mkpath(folder));
    QVERIFY(writeByRename(path, inventoryText(1300)));
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 2, 10000);
    QCOMPARE(watcher.current().pollIntervalMs, 1300);
}

void TestInventoryWatcher::specialFilesKeepLastGood()
{
    WatchedInventory watched(1000);
    QVERIFY(watched.ready());
    const QString& path = watched.path;
    InventoryWatcher& watcher = watched.watcher;
    QSignalSpy& changed = watched.changed;
    QSignalSpy& failed = watched.failed;

    // A named pipe with no writer: reading it would wait forever.
    QVERIFY(QFile::remove(path));
    QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    watcher.reload();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QCOMPARE(failed.at(0).at(0).value<Error>().code, ErrorCode::InvalidInput);
    QVERIFY(failed.at(0).at(0).value<Error>().message.contains(QStringLiteral("named pipe")));
    QCOMPARE(watcher.current().pollIntervalMs, 1000);

    // A folder in its place.
    QVERIFY(QFile::remove(path));
    QVERIFY(QDir().mkdir(path));
    watcher.reload();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 20000);
    QVERIFY(failed.at(1).at(0).value<Error>().message.contains(QStringLiteral("folder")));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(watcher.current().pollIntervalMs, 1000);

    QVERIFY(QDir().rmdir(path));
    QVERIFY(writeInPlace(path, inventoryText(3000)));
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 20000);
    QCOMPARE(watcher.current().pollIntervalMs, 3000);
}

void TestInventoryWatcher::deepNestingKeepsLastGood()
{
    WatchedInventory watched(1000);
    QVERIFY(watched.ready());
    const QString& path = watched.path;
    InventoryWatcher& watcher = watched.watcher;
    QSignalSpy& changed = watched.changed;
    QSignalSpy& failed = watched.failed;

    // 200,000 nested dotted keys in 400 KB overflowed toml++'s recursion (SIGSEGV).
    QByteArray deep = "a";
    for (int i = 0; i < 200000; ++i)
        deep += ".a";
    QVERIFY(writeByRename(path, inventoryText(1000) + deep + " = 1\n"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    const Error error = failed.at(0).at(0).value<Error>();
    QCOMPARE(error.code, ErrorCode::InvalidInput);
    // Under [[node]] (two levels) the 31st dot, at column 60 of line 13, is one level too deep.
    QCOMPARE(error.line, 13);
    QCOMPARE(error.column, 60);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(watcher.current().pollIntervalMs, 1000);
}

void TestInventoryWatcher::readsOffTheGuiThreadAndDropsStaleResults()
{
    WatchedInventory watched(1000);
    QVERIFY(watched.ready());
    const QString& path = watched.path;
    InventoryWatcher& watcher = watched.watcher;
    QSignalSpy& changed = watched.changed;
    QSignalSpy& failed = watched.failed;

    // The first read is held back until the second has been applied: it then ends last, with
    // an older view of the file, and must not replace what the newer read found.
    QSemaphore release;
    std::atomic<int> reads{0};
    std::atomic<bool> held{false};
    watcher.setLoader([&release, &reads, &held](const QString& file) -> Result<Inventory> {
        if (reads.fetch_add(1) == 0) {
            held = true;
            if (!release.tryAcquire(1, 30000))
                return Error{ErrorCode::Timeout, file, QStringLiteral("never released"), {}, 0, 0};
            return Inventory::parse(inventoryText(2000), file);
        }
        return Inventory::load(file);
    });
    watcher.reload();
    QTRY_VERIFY_WITH_TIMEOUT(held.load(), 20000);

    // The GUI thread turns while the read is held: timers fire on time.
    QElapsedTimer clock;
    clock.start();
    int ticks = 0;
    qint64 worstGapMs = 0;
    qint64 last = 0;
    while (clock.elapsed() < 500) {
        QTest::qWait(20);
        const qint64 now = clock.elapsed();
        worstGapMs = std::max(worstGapMs, now - last);
        last = now;
        ++ticks;
    }
    qInfo("FIGURE inventory-held-read-gui-ticks=%d worst-gap-ms=%lld", ticks,
          static_cast<long long>(worstGapMs));
    QVERIFY(ticks > 1);
    QCOMPARE(changed.count(), 0);

    // An edit: the watcher reads the file again, and this newer read ends first.
    QVERIFY(writeInPlace(path, inventoryText(5000)));
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 20000);
    QCOMPARE(watcher.current().pollIntervalMs, 5000);
    release.release();
    // The held read ends now; its older result is dropped.
    QTRY_VERIFY_WITH_TIMEOUT(reads.load() >= 2 && !release.available(), 20000);
    QTest::qWait(10 * InventoryWatcher::DebounceMs);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(watcher.current().pollIntervalMs, 5000);
}

// Open Inventory reads the file on a worker and hands that load to start(): a change made after
// that read and before the watch began still arrives.
void TestInventoryWatcher::startWithALoadDoneElsewhere()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("inventory.toml"));
    QVERIFY(writeInPlace(path, inventoryText(1000)));
    const Result<Inventory> early = Inventory::load(path);
    QVERIFY(early.ok());
    QVERIFY(writeInPlace(path, inventoryText(4000)));

    InventoryWatcher watcher(path);
    QSignalSpy changed(&watcher, &InventoryWatcher::inventoryChanged);
    QSignalSpy failed(&watcher, &InventoryWatcher::inventoryError);
    const Result<Inventory> started = watcher.start(early);
    QVERIFY(started.ok());
    QCOMPARE(started->pollIntervalMs, 1000);
    QCOMPARE(watcher.current().pollIntervalMs, 1000);
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 20000);
    QCOMPARE(watcher.current().pollIntervalMs, 4000);
    QCOMPARE(failed.count(), 0);
}

QTEST_GUILESS_MAIN(TestInventoryWatcher)
#include "tst_inventorywatcher.moc"

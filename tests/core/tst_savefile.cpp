// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// saveFile: the new file whole, or the old file untouched and a reason.
#include "core/savefile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace kumo;

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A file size limit for the life of the object: writes past it fail with EFBIG instead of
// killing the process (SIGXFSZ ignored meanwhile).
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_old);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_old;
        limit.rlim_cur = bytes;
        m_active = setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;
    [[nodiscard]] bool active() const { return m_active; }

private:
    rlimit m_old{};
    void (*m_oldHandler)(int) = nullptr;
    bool m_active = false;
};

} // namespace

class TestSaveFile : public QObject
{
    Q_OBJECT

private slots:
    void writesAndReplaces()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.json"));
        QVERIFY(!saveFile(path, "first"));
        QCOMPARE(readAll(path), QByteArray("first"));
        QVERIFY(!saveFile(path, "second, longer"));
        QCOMPARE(readAll(path), QByteArray("second, longer"));
        // Nothing is left beside it.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("state.json")});
    }

    void permissionsFromTheStart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("journal"));
        QVERIFY(!saveFile(path, "x", QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        struct stat st
        {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0600));
    }

    void failedWriteKeepsTheOldFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("inventory.toml"));
        QVERIFY(!saveFile(path, "old text"));
        const QByteArray big(256 * 1024, 'x');
        std::optional<QString> failed;
        {
            FileSizeLimit limit(64 * 1024);
            QVERIFY(limit.active());
            failed = saveFile(path, big);
        }
        QVERIFY(failed.has_value());
        QVERIFY(!failed->isEmpty());
        QCOMPARE(readAll(path), QByteArray("old text"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("inventory.toml")});
    }

    void missingDirectoryIsAReason()
    {
        QTemporaryDir dir;
        const auto failed = saveFile(dir.filePath(QStringLiteral("no/such/dir/file")), "x");
        QVERIFY(failed.has_value());
        QVERIFY(!failed->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSaveFile)
#include "tst_savefile.moc"

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/access/journal.h"

#include <cerrno>

#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSysInfo>

#include "core/migrationpath.h"

namespace kumo {

namespace {

// The account the process runs as, from the password database: $USER is whatever the
// environment says and proves nothing.
QString currentUser()
{
    if (const passwd* entry = ::getpwuid(::geteuid()))
        return QString::fromLocal8Bit(entry->pw_name);
    return QString::number(::geteuid());
}

// Creates the missing directories of `path` with mode 0700 (the journal says who did what);
// directories that already exist keep their modes.
bool makePrivatePath(const QString& path)
{
    QStringList missing;
    QString dir = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    while (!QFileInfo::exists(dir)) {
        missing.prepend(dir);
        const QString parent = QFileInfo(dir).absolutePath();
        if (parent == dir)
            break;
        dir = parent;
    }
    for (const QString& create : std::as_const(missing)) {
        const QByteArray native = QFile::encodeName(create);
        if (::mkdir(native.constData(), 0700) != 0 && errno != EEXIST)
            return false;
        // mkdir applies the umask, which could only take bits away; set exactly 0700.
        if (::chmod(native.constData(), 0700) != 0)
            return false;
    }
    return QFileInfo(path).isDir();
}

QString resultWord(MigrationPhase phase)
{
    switch (phase) {
    case MigrationPhase::Completed:
        return QStringLiteral("completed");
    case MigrationPhase::Cancelled:
        return QStringLiteral("cancelled");
    default:
        return QStringLiteral("failed");
    }
}

QJsonObject optionsObject(const MigrationOptions& options)
{
    return QJsonObject{
        {QStringLiteral("live"), options.live},
        {QStringLiteral("persist_destination"), options.persistDestination},
        {QStringLiteral("undefine_source"), options.undefineSource},
        {QStringLiteral("bandwidth_mibs"), qint64(options.bandwidthMiBs)},
        {QStringLiteral("auto_converge"), options.autoConverge},
        {QStringLiteral("compression"), options.compression},
        {QStringLiteral("allow_post_copy"), options.allowPostCopy},
        {QStringLiteral("max_downtime_ms"), options.maxDowntimeMs},
        {QStringLiteral("peer_to_peer"), options.peerToPeer},
        {QStringLiteral("copy_storage"), options.copyStorage},
    };
}

} // namespace

Journal::Journal(QString path)
    : m_path(path.isEmpty() ? defaultPath() : std::move(path))
{}

QString Journal::defaultPath()
{
    // Qt 6.4 has no StateLocation: follow the XDG base directory rules by hand.
    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    if (base.isEmpty() || QDir::isRelativePath(base))
        base = QDir::homePath() + QStringLiteral("/.local/state");
    return base + QStringLiteral("/kumo/journal.jsonl");
}

Result<void> Journal::append(QJsonObject entry)
{
    entry.insert(QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!entry.contains(QStringLiteral("user")))
        entry.insert(QStringLiteral("user"), currentUser());
    if (!entry.contains(QStringLiteral("host")))
        entry.insert(QStringLiteral("host"), QSysInfo::machineHostName());

    const QFileInfo info(m_path);
    if (!makePrivatePath(info.absolutePath())) {
        return Error{
            ErrorCode::Io,
            m_path,
            QCoreApplication::translate("kumo::Journal",
                                        "Could not create the folder of the journal; check its permissions."),
            info.absolutePath(),
            0,
            0};
    }
    // Append only: the journal is never truncated or rewritten, even by two consoles at once
    // (O_APPEND makes each line's write land at the end). A new journal is readable by its owner only.
    const QByteArray native = QFile::encodeName(m_path);
    const int fd = ::open(native.constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    QFile file;
    if (fd < 0 || !file.open(fd, QIODevice::WriteOnly | QIODevice::Append, QFileDevice::AutoCloseHandle)) {
        const QString detail = fd < 0 ? qt_error_string(errno) : file.errorString();
        if (fd >= 0)
            ::close(fd);
        return Error{ErrorCode::Io,
                     m_path,
                     QCoreApplication::translate("kumo::Journal", "Could not open the journal for writing."),
                     detail,
                     0,
                     0};
    }
    QByteArray line = QJsonDocument(entry).toJson(QJsonDocument::Compact);
    line.append('\n');
    if (file.write(line) != line.size() || !file.flush()) {
        return Error{ErrorCode::Io,
                     m_path,
                     QCoreApplication::translate("kumo::Journal", "Could not write to the journal."),
                     file.errorString(),
                     0,
                     0};
    }
    if (::fsync(file.handle()) != 0) {
        const int code = errno;
        return Error{ErrorCode::Io,
                     m_path,
                     QCoreApplication::translate("kumo::Journal", "Could not write the journal to disk."),
                     qt_error_string(code),
                     0,
                     0};
    }
    return {};
}

Result<void> Journal::recordMigration(const MigrationRequest& request, const MigrationResult& result)
{
    QJsonObject entry{
        {QStringLiteral("action"), QStringLiteral("migrate")},
        {QStringLiteral("job"), qint64(request.id)},
        {QStringLiteral("instance"),
         QJsonObject{{QStringLiteral("name"), request.name}, {QStringLiteral("uuid"), request.uuid}}},
        {QStringLiteral("from"), request.sourceNode},
        {QStringLiteral("to"), request.destinationNode},
        {QStringLiteral("options"), optionsObject(request.options)},
        {QStringLiteral("result"), resultWord(result.phase)},
        {QStringLiteral("downtime_ms"), result.downtimeMs},
        {QStringLiteral("total_ms"), result.totalTimeMs},
        {QStringLiteral("wall_ms"), result.wallTimeMs},
        {QStringLiteral("data_bytes"), qint64(result.dataTransferred)},
    };
    // How the memory stream travelled: "tls", "tunnelled" or "plain" (MigrationPath::key).
    entry.insert(QStringLiteral("transport"), MigrationPath::key(request.transport));
    if (!request.reason.isEmpty())
        entry.insert(QStringLiteral("reason"), request.reason);
    if (result.error.code != ErrorCode::None) {
        entry.insert(QStringLiteral("error"), result.error.message);
        if (!result.error.detail.isEmpty())
            entry.insert(QStringLiteral("error_detail"), result.error.detail);
    }
    return append(entry);
}

QList<QJsonObject> Journal::readAll() const
{
    QList<QJsonObject> entries;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return entries;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error == QJsonParseError::NoError && document.isObject())
            entries.append(document.object());
    }
    return entries;
}

} // namespace kumo

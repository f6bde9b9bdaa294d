// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/access/journal.h"

#include <cerrno>
#include <optional>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSysInfo>

#include "core/migrationpath.h"
#include "core/privatedir.h"
#include "core/systemuser.h"

namespace kumo {

namespace {

// The account the process runs as, from the password database: $USER is whatever the
// environment says and proves nothing.
QString currentUser()
{
    if (const auto user = systemUserWithId(::geteuid()))
        return user->name;
    return QString::number(::geteuid());
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

QString phaseWord(MigrationPhase phase)
{
    switch (phase) {
    case MigrationPhase::Queued:
        return QStringLiteral("queued");
    case MigrationPhase::Starting:
        return QStringLiteral("starting");
    case MigrationPhase::Transferring:
        return QStringLiteral("transferring");
    case MigrationPhase::PostCopy:
        return QStringLiteral("post-copy");
    default:
        return resultWord(phase);
    }
}

// What the start, result and unknown-result entries of a move share.
QJsonObject migrationEntry(const QString& action, const MigrationRequest& request)
{
    QJsonObject entry{
        {QStringLiteral("action"), action},
        {QStringLiteral("job"), qint64(request.id)},
        {QStringLiteral("instance"),
         QJsonObject{{QStringLiteral("name"), request.name}, {QStringLiteral("uuid"), request.uuid}}},
        {QStringLiteral("from"), request.sourceNode},
        {QStringLiteral("to"), request.destinationNode},
        {QStringLiteral("options"), optionsObject(request.options)},
    };
    // How the memory stream travelled: "tls", "tunnelled" or "plain" (MigrationPath::key).
    entry.insert(QStringLiteral("transport"), MigrationPath::key(request.transport));
    if (!request.reason.isEmpty())
        entry.insert(QStringLiteral("reason"), request.reason);
    return entry;
}

// The last whole JSON object at the end of a line that does not parse, if any.
std::optional<QJsonObject> wholeEntryAtEnd(const QByteArray& line)
{
    // Entries are a few hundred bytes: a longer line or many braces is not searched further.
    constexpr qsizetype MaxLine = qsizetype{64} * 1024;
    constexpr int MaxTries = 256;
    if (line.size() > MaxLine)
        return std::nullopt;
    int tries = 0;
    for (qsizetype from = line.indexOf('{', 1); from > 0 && tries < MaxTries;
         from = line.indexOf('{', from + 1), ++tries) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line.mid(from), &error);
        if (error.error == QJsonParseError::NoError && document.isObject())
            return document.object();
    }
    return std::nullopt;
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
    QByteArray line = QJsonDocument(entry).toJson(QJsonDocument::Compact);
    line.append('\n');
    Result<void> written = write(line);
    if (!written.ok())
        ++m_failedWrites;
    return written;
}

Result<void> Journal::write(const QByteArray& line)
{
    const QFileInfo info(m_path);
    if (!makePrivateDirs(info.absolutePath())) {
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
    const int fd = ::open(native.constData(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        const int code = errno;
        return Error{ErrorCode::Io,
                     m_path,
                     QCoreApplication::translate("kumo::Journal", "Could not open the journal for writing."),
                     qt_error_string(code),
                     0,
                     0};
    }
    const auto closeFd = qScopeGuard([fd] { ::close(fd); });

    // A write cut short earlier (a full disk) left the file without its final newline: end that
    // torn line first, in the same write, so that this entry starts a line of its own.
    QByteArray data = line;
    struct stat status
    {};
    if (::fstat(fd, &status) == 0 && status.st_size > 0) {
        char last = '\n';
        if (::pread(fd, &last, 1, status.st_size - 1) == 1 && last != '\n')
            data.prepend('\n');
    }
    qsizetype done = 0;
    for (int attempt = 0; done < data.size() && attempt < 1000; ++attempt) {
        const ssize_t n = ::write(fd, data.constData() + done, size_t(data.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int code = n < 0 ? errno : ENOSPC;
            return Error{ErrorCode::Io,
                         m_path,
                         QCoreApplication::translate("kumo::Journal", "Could not write to the journal."),
                         qt_error_string(code),
                         0,
                         0};
        }
        done += n;
    }
    if (done < data.size()) {
        return Error{ErrorCode::Io,
                     m_path,
                     QCoreApplication::translate("kumo::Journal", "Could not write to the journal."),
                     qt_error_string(EIO),
                     0,
                     0};
    }
    if (::fsync(fd) != 0) {
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

Result<void> Journal::recordMigration(const MigrationRequest& request, const MigrationResult& result,
                                      bool late)
{
    QJsonObject entry = migrationEntry(QStringLiteral("migrate"), request);
    // The job failed, but the move may have happened or not: the journal does not claim either.
    const bool unknown = result.sourceLost || !result.outcomeKnown;
    entry.insert(QStringLiteral("result"), unknown ? QStringLiteral("unknown") : resultWord(result.phase));
    if (result.sourceLost)
        entry.insert(QStringLiteral("cause"), QStringLiteral("source-daemon-lost"));
    else if (!result.outcomeKnown)
        entry.insert(QStringLiteral("cause"), QStringLiteral("abort-unanswered"));
    if (late)
        entry.insert(QStringLiteral("late"), true);
    entry.insert(QStringLiteral("downtime_ms"), result.downtimeMs);
    entry.insert(QStringLiteral("total_ms"), result.totalTimeMs);
    entry.insert(QStringLiteral("wall_ms"), result.wallTimeMs);
    entry.insert(QStringLiteral("data_bytes"), qint64(result.dataTransferred));
    if (result.error.code != ErrorCode::None) {
        entry.insert(QStringLiteral("error"), result.error.message);
        if (!result.error.detail.isEmpty())
            entry.insert(QStringLiteral("error_detail"), result.error.detail);
    }
    return append(entry);
}

Result<void> Journal::recordMigrationStart(const MigrationRequest& request)
{
    return append(migrationEntry(QStringLiteral("migrate-start"), request));
}

Result<void> Journal::recordMigrationUnknown(const MigrationRequest& request,
                                             const MigrationProgress& progress)
{
    QJsonObject entry = migrationEntry(QStringLiteral("migrate"), request);
    entry.insert(QStringLiteral("result"), QStringLiteral("unknown"));
    entry.insert(QStringLiteral("error"),
                 QCoreApplication::translate("kumo::Journal",
                                             "The console closed while the migration was running; its result "
                                             "is not known. Look on both nodes for the instance."));
    // What was known last: how far it had got.
    entry.insert(QStringLiteral("last_phase"), phaseWord(progress.phase));
    entry.insert(QStringLiteral("elapsed_ms"), progress.elapsedMs);
    entry.insert(QStringLiteral("data_bytes"), qint64(progress.dataProcessed));
    entry.insert(QStringLiteral("data_remaining_bytes"), qint64(progress.dataRemaining));
    return append(entry);
}

Journal::Contents Journal::read() const
{
    Contents contents;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return contents;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error == QJsonParseError::NoError && document.isObject()) {
            contents.entries.append(document.object());
            continue;
        }
        ++contents.tornLines;
        // A journal written before entries began on their own lines may hold a torn entry with a
        // whole one glued to its end: keep the whole one.
        if (std::optional<QJsonObject> tail = wholeEntryAtEnd(line))
            contents.entries.append(*tail);
    }
    return contents;
}

} // namespace kumo

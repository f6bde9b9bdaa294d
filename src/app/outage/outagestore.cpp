// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/outage/outagestore.h"

#include <QDateTime>
#include <QDir>
#include <QJsonObject>
#include <QSysInfo>
#include <QThread>

#include <cerrno>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QUrl>

#include <cstring>

#include "core/privatedir.h"
#include "core/savefile.h"

Q_LOGGING_CATEGORY(lcOutageStore, "kumo.outage.store")

namespace kumo {

namespace {

constexpr QLatin1StringView FilePrefix("outage-");
constexpr QLatin1StringView FileSuffix(".json");
constexpr auto LockSuffix = ".lock";
constexpr int LockAttempts = 5;
constexpr int LockRetryMs = 10;

Error storeError(ErrorCode code, const QString& path, const QString& message, const QString& detail = {})
{
    return Error{code, path, message, detail, 0, 0};
}

// The site a state file's name is for.
QString siteOfFileName(const QString& name)
{
    const qsizetype prefix = FilePrefix.size();
    const qsizetype suffix = FileSuffix.size();
    return QUrl::fromPercentEncoding(name.mid(prefix, name.size() - prefix - suffix).toLatin1());
}

QByteArray ownerRecord()
{
    QJsonObject json;
    json.insert(QStringLiteral("pid"), qint64(QCoreApplication::applicationPid()));
    json.insert(QStringLiteral("host"), QSysInfo::machineHostName());
    json.insert(QStringLiteral("started"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    json.insert(QStringLiteral("program"), QCoreApplication::applicationName().isEmpty()
                                               ? QStringLiteral("kumo")
                                               : QCoreApplication::applicationName());
    return QJsonDocument(json).toJson(QJsonDocument::Compact) + '\n';
}

// What the lock file at `fd` says about its owner (from its beginning); nullopt when empty.
std::optional<OutageLockOwner> readOwner(int fd)
{
    QByteArray data;
    char buffer[1024];
    for (int i = 0; i < 16; ++i) {
        const ssize_t got = ::pread(fd, buffer, sizeof buffer, off_t(data.size()));
        if (got <= 0)
            break;
        data.append(buffer, got);
    }
    if (data.trimmed().isEmpty())
        return std::nullopt;
    const QJsonObject json = QJsonDocument::fromJson(data).object();
    OutageLockOwner owner;
    owner.pid = json.value(QStringLiteral("pid")).toInteger();
    owner.host = json.value(QStringLiteral("host")).toString();
    owner.started =
        QDateTime::fromString(json.value(QStringLiteral("started")).toString(), Qt::ISODateWithMs);
    owner.program = json.value(QStringLiteral("program")).toString();
    return owner;
}

// A descriptor with the lock of `path` taken (exclusive), or -1 with the owner (when known) in
// `owner` and errno's text in `why` when it is not.
int takeLock(const QString& path, std::optional<OutageLockOwner>* owner, QString* why)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        *why = qt_error_string(errno);
        return -1;
    }
    // A refusal is only final after a few tries: someone merely looking holds it for an instant
    // (and the record inside may then still be a stale one).
    for (int attempt = 0; attempt < LockAttempts; ++attempt) {
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0)
            return fd;
        if (errno != EWOULDBLOCK && errno != EINTR) {
            *why = qt_error_string(errno);
            break;
        }
        QThread::msleep(LockRetryMs);
    }
    *owner = readOwner(fd);
    ::close(fd);
    return -1;
}

Error lockRefused(const QString& path, const QString& site, const std::optional<OutageLockOwner>& owner,
                  const QString& why)
{
    if (!owner && !why.isEmpty())
        return storeError(ErrorCode::Io, path,
                          OutageStore::tr("The lock of the outage state cannot be taken."), why);
    return storeError(ErrorCode::InvalidInput, path,
                      owner ? OutageStore::tr("The outage of %1 is being run by %2; only it can change it.")
                                  .arg(site, owner->describe())
                            : OutageStore::tr("The outage of %1 is being run by another process; only it "
                                              "can change it.")
                                  .arg(site));
}

Result<OutageState> readFile(const QString& path, const QString& site)
{
    QFile file(path);
    if (!file.exists())
        return storeError(ErrorCode::NotFound, path, OutageStore::tr("No outage state file was found."));
    if (!file.open(QIODevice::ReadOnly))
        return storeError(ErrorCode::InvalidInput, path,
                          OutageStore::tr("The outage state file cannot be opened; check its permissions."),
                          file.errorString());
    const QByteArray data = file.readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return storeError(ErrorCode::InvalidInput, path,
                          OutageStore::tr("The outage state file is not valid JSON; move it aside to start "
                                          "afresh."),
                          parseError.error != QJsonParseError::NoError
                              ? OutageStore::tr("%1 at offset %2", "JSON parse error, byte offset")
                                    .arg(parseError.errorString())
                                    .arg(parseError.offset)
                              : OutageStore::tr("the top level is not an object", "JSON"));
    Result<OutageState> state = OutageState::fromJson(document.object());
    if (!state) {
        Error error = state.error();
        // The path is what a person needs to find the file; the reason stays as the detail.
        error.code = ErrorCode::InvalidInput;
        if (!error.object.isEmpty() && error.object != path)
            error.detail =
                error.detail.isEmpty() ? error.object : error.object + QStringLiteral(": ") + error.detail;
        error.object = path;
        if (error.message.isEmpty())
            error.message = OutageStore::tr("The outage state file cannot be read.");
        return error;
    }
    if (state->site != site)
        return storeError(ErrorCode::InvalidInput, path,
                          OutageStore::tr("The outage state file for %1 says it is about %2; move it aside "
                                          "(it is not used).")
                              .arg(site, state->site),
                          QStringLiteral("site \"%1\" in the file for \"%2\"").arg(state->site, site));
    return state;
}

} // namespace

QString OutageLockOwner::describe() const
{
    return tr("%1 (process %2 on %3, since %4)")
        .arg(program.isEmpty() ? QStringLiteral("kumo") : program)
        .arg(pid)
        .arg(host.isEmpty() ? tr("an unknown host") : host,
             started.isValid() ? started.toUTC().toString(tr("yyyy-MM-dd HH:mm:ss 'UTC'"))
                               : tr("an unknown time"));
}

OutageStore::OutageStore(const QString& dir)
    : m_dir(dir.isEmpty() ? defaultDir() : QDir::cleanPath(dir))
{}

OutageStore::~OutageStore()
{
    const QStringList sites = m_locks.keys();
    for (const QString& site : sites)
        unlock(site);
}

QString OutageStore::defaultDir()
{
    // Qt 6.4 has no StateLocation: follow the XDG base directory rules by hand, as the journal does.
    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    if (base.isEmpty() || QDir::isRelativePath(base))
        base = QDir::homePath() + QStringLiteral("/.local/state");
    return base + QStringLiteral("/kumo");
}

QString OutageStore::pathFor(const QString& site) const
{
    // Site ids come from a file a person edits: percent-encoding keeps "/" and other surprises
    // out of the file name while keeping plain ids readable.
    const QString safe = QString::fromLatin1(QUrl::toPercentEncoding(site));
    return m_dir + u'/' + QLatin1String(FilePrefix) + safe + QLatin1String(FileSuffix);
}

QString OutageStore::lockPathFor(const QString& site) const
{
    const QString safe = QString::fromLatin1(QUrl::toPercentEncoding(site));
    return m_dir + u'/' + QLatin1String(FilePrefix) + safe + QLatin1String(LockSuffix);
}

Result<void> OutageStore::lock(const QString& site, QString* note)
{
    if (m_locks.contains(site))
        return {};
    if (!makePrivateDirs(m_dir))
        return storeError(ErrorCode::Io, m_dir,
                          tr("The directory for outage state files cannot be created; check its parent's "
                             "permissions."));
    const QString path = lockPathFor(site);
    std::optional<OutageLockOwner> owner;
    QString why;
    const int fd = takeLock(path, &owner, &why);
    if (fd < 0)
        return lockRefused(path, site, owner, why);
    // Released locks are emptied: what is left inside is an owner that ended without releasing.
    if (const std::optional<OutageLockOwner> stale = readOwner(fd)) {
        const QString line =
            tr("The lock of the outage of %1 was left by %2, which is gone; this process takes it over.")
                .arg(site, stale->describe());
        qCWarning(lcOutageStore, "%s", qUtf8Printable(line));
        if (note)
            *note = line;
    }
    const QByteArray record = ownerRecord();
    if (::ftruncate(fd, 0) != 0 ||
        ::pwrite(fd, record.constData(), size_t(record.size()), 0) != record.size()) {
        why = qt_error_string(errno);
        ::close(fd);
        return storeError(ErrorCode::Io, path, tr("The lock of the outage state cannot be taken."), why);
    }
    m_locks.insert(site, fd);
    return {};
}

void OutageStore::unlock(const QString& site)
{
    if (!m_locks.contains(site))
        return;
    const int fd = m_locks.take(site);
    // Emptied before it is released (the file stays: removing it would race with the next owner).
    [[maybe_unused]] const int truncated = ::ftruncate(fd, 0);
    ::flock(fd, LOCK_UN);
    ::close(fd);
}

std::optional<OutageLockOwner> OutageStore::lockOwner(const QString& site) const
{
    if (m_locks.contains(site))
        return std::nullopt;
    const int fd = ::open(QFile::encodeName(lockPathFor(site)).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    std::optional<OutageLockOwner> owner;
    if (::flock(fd, LOCK_SH | LOCK_NB) == 0) {
        ::flock(fd, LOCK_UN);
    } else {
        owner = readOwner(fd);
        if (!owner)
            owner = OutageLockOwner{}; // held, owner not written yet
    }
    ::close(fd);
    return owner;
}

Result<OutageState> OutageStore::load(const QString& site) const
{
    return readFile(pathFor(site), site);
}

Result<void> OutageStore::save(OutageState state) const
{
    if (m_locks.contains(state.site))
        return write(std::move(state));
    if (!makePrivateDirs(m_dir))
        return storeError(ErrorCode::Io, m_dir,
                          tr("The directory for outage state files cannot be created; check its parent's "
                             "permissions."));
    // Not this store's run: only while nobody else holds the lock, and only for this write.
    const QString lockPath = lockPathFor(state.site);
    std::optional<OutageLockOwner> owner;
    QString why;
    const int fd = takeLock(lockPath, &owner, &why);
    if (fd < 0)
        return lockRefused(lockPath, state.site, owner, why);
    Result<void> written = write(std::move(state));
    ::flock(fd, LOCK_UN);
    ::close(fd);
    return written;
}

Result<void> OutageStore::write(OutageState state) const
{
    // Home nodes and run history are nobody else's business: a directory made here is 0700, one
    // that exists (--state-dir) is used as it is.
    if (!makePrivateDirs(m_dir))
        return storeError(ErrorCode::Io, m_dir,
                          tr("The directory for outage state files cannot be created; check its parent's "
                             "permissions."));

    // Under the lock: home nodes another writer recorded are never dropped by this one.
    if (const Result<OutageState> onDisk = load(state.site); onDisk && onDisk->phase != OutagePhase::Ended) {
        for (auto it = onDisk->homes.cbegin(); it != onDisk->homes.cend(); ++it) {
            if (!state.homes.contains(it.key()))
                state.homes.insert(it.key(), it.value());
        }
    }
    state.updatedAt = QDateTime::currentDateTimeUtc();
    const QByteArray data = QJsonDocument(state.toJson()).toJson(QJsonDocument::Indented);
    const QString path = pathFor(state.site);
    // The new file is 0600 from before its first byte (QSaveFile would give it 0644, or the
    // old file's mode).
    if (const auto failed = saveFile(path, data, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return storeError(ErrorCode::Io, path, tr("The outage state file cannot be written."), *failed);
    return {};
}

Result<void> OutageStore::remove(const QString& site) const
{
    const QString path = pathFor(site);
    QFile file(path);
    if (!file.exists())
        return {};
    if (!file.remove())
        return storeError(ErrorCode::Io, path, tr("The outage state file cannot be removed."),
                          file.errorString());
    return {};
}

QList<OutageState> OutageStore::all(QList<Error>* errors) const
{
    QList<OutageState> states;
    const QDir dir(m_dir);
    if (!dir.exists())
        return states;
    const QStringList names = dir.entryList({QLatin1String(FilePrefix) + u'*' + QLatin1String(FileSuffix)},
                                            QDir::Files, QDir::Name);
    for (const QString& name : names) {
        const QString path = dir.filePath(name);
        Result<OutageState> state = readFile(path, siteOfFileName(name));
        if (!state) {
            qCWarning(lcOutageStore, "Skipping outage state file: %s",
                      qUtf8Printable(state.error().toString()));
            if (errors)
                errors->append(state.error());
            continue;
        }
        states.append(std::move(state).value());
    }
    return states;
}

} // namespace kumo

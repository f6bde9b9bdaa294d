// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/outage/outagestore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QUrl>

Q_LOGGING_CATEGORY(lcOutageStore, "kumo.outage.store")

namespace kumo {

namespace {

constexpr auto FilePrefix = "outage-";
constexpr auto FileSuffix = ".json";

Error storeError(ErrorCode code, const QString& path, const QString& message, const QString& detail = {})
{
    return Error{code, path, message, detail, 0, 0};
}

Result<OutageState> readFile(const QString& path)
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
        return storeError(
            ErrorCode::InvalidInput, path,
            OutageStore::tr("The outage state file is not valid JSON; move it aside to start "
                            "afresh."),
            parseError.error != QJsonParseError::NoError
                ? QStringLiteral("%1 at offset %2").arg(parseError.errorString()).arg(parseError.offset)
                : QStringLiteral("the top level is not an object"));
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
    return state;
}

} // namespace

OutageStore::OutageStore(QString dir)
    : m_dir(dir.isEmpty() ? defaultDir() : QDir::cleanPath(dir))
{}

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

Result<OutageState> OutageStore::load(const QString& site) const
{
    return readFile(pathFor(site));
}

Result<void> OutageStore::save(OutageState state) const
{
    QDir dir(m_dir);
    if (!dir.exists() && !QDir().mkpath(m_dir))
        return storeError(ErrorCode::Io, m_dir,
                          tr("The directory for outage state files cannot be created; check its parent's "
                             "permissions."));
    // Home nodes and run history are nobody else's business.
    QFile::setPermissions(m_dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    state.updatedAt = QDateTime::currentDateTimeUtc();
    const QByteArray data = QJsonDocument(state.toJson()).toJson(QJsonDocument::Indented);
    const QString path = pathFor(state.site);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return storeError(ErrorCode::Io, path, tr("The outage state file cannot be written."),
                          file.errorString());
    if (file.write(data) != data.size()) {
        const QString detail = file.errorString();
        file.cancelWriting();
        return storeError(ErrorCode::Io, path, tr("The outage state file cannot be written."), detail);
    }
    // commit() flushes the temporary file to disk and renames it over the old one.
    if (!file.commit())
        return storeError(ErrorCode::Io, path, tr("The outage state file cannot be written."),
                          file.errorString());
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
        Result<OutageState> state = readFile(path);
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

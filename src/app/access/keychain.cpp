// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/access/keychain.h"

#include <utility>

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>
#include <QMap>

#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcKeychain, "kumo.keychain")

namespace kumo {

namespace {

QString typeKey(CredentialRequest::Type type)
{
    switch (type) {
    case CredentialRequest::Type::Username:
        return QStringLiteral("username");
    case CredentialRequest::Type::AuthName:
        return QStringLiteral("authname");
    case CredentialRequest::Type::Passphrase:
        return QStringLiteral("passphrase");
    case CredentialRequest::Type::NoEchoPrompt:
        return QStringLiteral("noechoprompt");
    case CredentialRequest::Type::EchoPrompt:
        return QStringLiteral("echoprompt");
    case CredentialRequest::Type::Realm:
        return QStringLiteral("realm");
    case CredentialRequest::Type::Language:
        return QStringLiteral("language");
    case CredentialRequest::Type::CNonce:
        return QStringLiteral("cnonce");
    case CredentialRequest::Type::External:
        return QStringLiteral("external");
    }
    return QStringLiteral("unknown");
}

bool serviceMissing(const QDBusError& error)
{
    // No owner and nothing to activate, or an activation that failed to start.
    return error.type() == QDBusError::ServiceUnknown || error.type() == QDBusError::NoServer ||
           error.type() == QDBusError::Disconnected ||
           error.name().startsWith(QLatin1String("org.freedesktop.DBus.Error.Spawn"));
}

} // namespace

Keychain::Keychain(QString service, QObject* parent)
    : QObject(parent)
    , m_service(std::move(service))
{
    qDBusRegisterMetaType<QMap<QString, QString>>();
}

QString Keychain::keyFor(const QString& uri, CredentialRequest::Type type)
{
    return uri + QLatin1Char('#') + typeKey(type);
}

void Keychain::read(const QString& key, Callback done)
{
    // No parent: QtKeychain's Secret Service backend calls back into a job that is still running,
    // so a job deleted with its Keychain crashes the console. Jobs delete themselves when done;
    // the connection's context (this) keeps a late answer from reaching a Keychain that is gone.
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    connect(
        job, &QKeychain::Job::finished, this, [this, key, done = std::move(done)](QKeychain::Job* finished) {
            auto* readJob = static_cast<QKeychain::ReadPasswordJob*>(finished);
            Reply reply;
            if (finished->error() == QKeychain::NoError) {
                reply.status = Status::Ok;
                reply.secret = readJob->textData();
                Callback callback = done;
                callback(reply);
                reply.secret.fill(QChar(u'\0'));
                return;
            }
            reply.detail = finished->errorString();
            reply.status = finished->error() == QKeychain::EntryNotFound ? Status::NotFound : Status::Failed;
            if (finished->error() == QKeychain::AccessDenied ||
                finished->error() == QKeychain::AccessDeniedByUser)
                reply.status = Status::Locked;
            classify(Operation::Read, key, reply, done);
        });
    job->start();
}

void Keychain::write(const QString& key, const QString& secret, Callback done)
{
    auto* job = new QKeychain::WritePasswordJob(m_service); // parentless: see read()
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this,
            [this, key, done = std::move(done)](QKeychain::Job* finished) {
                Reply reply;
                if (finished->error() == QKeychain::NoError) {
                    reply.status = Status::Ok;
                    Callback callback = done;
                    callback(reply);
                    return;
                }
                reply.detail = finished->errorString();
                reply.status = finished->error() == QKeychain::AccessDenied ||
                                       finished->error() == QKeychain::AccessDeniedByUser
                                   ? Status::Locked
                                   : Status::Failed;
                classify(Operation::Write, key, reply, done);
            });
    job->start();
}

void Keychain::forget(const QString& key, Callback done)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service); // parentless: see read()
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this,
            [this, key, done = std::move(done)](QKeychain::Job* finished) {
                Reply reply;
                reply.detail = finished->errorString();
                switch (finished->error()) {
                case QKeychain::NoError:
                case QKeychain::EntryNotFound:
                    reply.status = Status::Ok;
                    break;
                case QKeychain::AccessDenied:
                case QKeychain::AccessDeniedByUser:
                    reply.status = Status::Locked;
                    break;
                default:
                    reply.status = Status::Failed;
                    break;
                }
                // A locked collection answers a delete with success and keeps the entry: check it is gone.
                classify(Operation::Forget, key, reply, done);
            });
    job->start();
}

void Keychain::classify(Operation operation, const QString& key, Reply reply, Callback done)
{
    if (reply.status == Status::Failed && reply.detail.isEmpty())
        reply.detail = QStringLiteral("The keychain reported no reason.");
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        reply.status = Status::NoService;
        if (bus.lastError().isValid())
            reply.detail = bus.lastError().message();
        done(reply);
        return;
    }
    // The attributes QtKeychain's Secret Service backend gives its items.
    const QMap<QString, QString> attributes{{QStringLiteral("user"), key},
                                            {QStringLiteral("server"), m_service}};
    QDBusMessage message = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("SearchItems"));
    message << QVariant::fromValue(attributes);
    auto* watcher = new QDBusPendingCallWatcher(bus.asyncCall(message), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [operation, reply, done = std::move(done)](QDBusPendingCallWatcher* call) mutable {
                call->deleteLater();
                const QDBusPendingReply<QList<QDBusObjectPath>, QList<QDBusObjectPath>> found = *call;
                if (found.isError()) {
                    if (serviceMissing(found.error())) {
                        reply.status = Status::NoService;
                        reply.detail = found.error().message();
                    } else if (reply.status == Status::Ok) {
                        // The delete succeeded; a failed check of it says nothing more.
                        qCInfo(lcKeychain, "Could not check a keychain delete: %s",
                               qUtf8Printable(found.error().message()));
                    }
                    done(reply);
                    return;
                }
                const bool unlocked = !found.argumentAt<0>().isEmpty();
                const bool locked = !found.argumentAt<1>().isEmpty();
                if (operation == Operation::Read && reply.status == Status::NotFound && locked) {
                    reply.status = Status::Locked;
                    reply.detail = QStringLiteral("The keychain holding the entry is locked.");
                } else if (operation == Operation::Forget && reply.status == Status::Ok &&
                           (locked || unlocked)) {
                    reply.status = locked ? Status::Locked : Status::Failed;
                    reply.detail = locked ? QStringLiteral("The keychain holding the entry is locked.")
                                          : QStringLiteral("The entry is still in the keychain.");
                }
                done(reply);
            });
}

} // namespace kumo

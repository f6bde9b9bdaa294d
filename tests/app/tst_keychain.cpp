// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Keychain against a real Secret Service (gnome-keyring in a private D-Bus session, see
// tests/support/keychain-session.sh): store, read and forget; a locked keyring is told apart from
// "not found"; and, run again without a Secret Service or without any bus, "no keychain service"
// is told apart from both.
#include <optional>

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QTest>

#include "app/access/keychain.h"

using namespace kumo;

namespace {

QString world()
{
    return qEnvironmentVariable("KUMO_TEST_KEYCHAIN");
}

struct Outcome
{
    Keychain::Status status = Keychain::Status::Failed;
    QString secret;
    QString detail;
};

template <typename Start> Outcome wait(Start start)
{
    std::optional<Outcome> outcome;
    start([&outcome](Keychain::Reply& reply) {
        outcome = Outcome{reply.status, reply.secret, reply.detail};
    });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 20000))
        return Outcome{Keychain::Status::Failed, {}, QStringLiteral("no answer within 20 s")};
    return *outcome;
}

Outcome read(Keychain& keychain, const QString& key)
{
    return wait([&](Keychain::Callback done) { keychain.read(key, std::move(done)); });
}

Outcome write(Keychain& keychain, const QString& key, const QString& secret)
{
    return wait([&](Keychain::Callback done) { keychain.write(key, secret, std::move(done)); });
}

Outcome forget(Keychain& keychain, const QString& key)
{
    return wait([&](Keychain::Callback done) { keychain.forget(key, std::move(done)); });
}

const char* name(Keychain::Status status)
{
    switch (status) {
    case Keychain::Status::Ok:
        return "Ok";
    case Keychain::Status::NotFound:
        return "NotFound";
    case Keychain::Status::Locked:
        return "Locked";
    case Keychain::Status::NoService:
        return "NoService";
    case Keychain::Status::Failed:
        return "Failed";
    }
    return "?";
}

#define COMPARE_STATUS(expression, expected)                                                                 \
    do {                                                                                                     \
        const Outcome got = (expression);                                                                    \
        QVERIFY2(got.status == (expected), qPrintable(QStringLiteral("got %1 (%2), expected %3")             \
                                                          .arg(QLatin1String(name(got.status)), got.detail,  \
                                                               QLatin1String(name(expected)))));             \
    } while (false)

// Locks the collection that holds Kumo's entries, the way a screen lock or the user would.
bool lockDefaultCollection()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    QDBusMessage alias = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("ReadAlias"));
    alias << QStringLiteral("default");
    const QDBusReply<QDBusObjectPath> collection = bus.call(alias);
    if (!collection.isValid() || collection.value().path() == QLatin1String("/"))
        return false;
    QDBusMessage lock = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"));
    lock << QVariant::fromValue(QList<QDBusObjectPath>{collection.value()});
    return bus.call(lock).type() == QDBusMessage::ReplyMessage;
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keysNameUriAndType()
    {
        QCOMPARE(
            Keychain::keyFor(QStringLiteral("qemu+tls://host/system"), CredentialRequest::Type::AuthName),
            QStringLiteral("qemu+tls://host/system#authname"));
        QCOMPARE(
            Keychain::keyFor(QStringLiteral("qemu+tls://host/system"), CredentialRequest::Type::Passphrase),
            QStringLiteral("qemu+tls://host/system#passphrase"));
    }

    void storeReadForget()
    {
        if (world() != QLatin1String("unlocked"))
            QSKIP("needs the unlocked keyring (ctest runs it there)");
        Keychain keychain;
        const QString key = QStringLiteral("qemu+tls://node-a/system#passphrase");
        COMPARE_STATUS(read(keychain, key), Keychain::Status::NotFound);
        COMPARE_STATUS(write(keychain, key, QStringLiteral("s3cret ü")), Keychain::Status::Ok);
        const Outcome found = read(keychain, key);
        COMPARE_STATUS(found, Keychain::Status::Ok);
        QCOMPARE(found.secret, QStringLiteral("s3cret ü"));
        // Another service's entry with the same key is not Kumo's.
        Keychain other(QStringLiteral("kumo-other"));
        COMPARE_STATUS(read(other, key), Keychain::Status::NotFound);

        COMPARE_STATUS(write(keychain, key, QStringLiteral("changed")), Keychain::Status::Ok);
        QCOMPARE(read(keychain, key).secret, QStringLiteral("changed"));
        COMPARE_STATUS(forget(keychain, key), Keychain::Status::Ok);
        COMPARE_STATUS(read(keychain, key), Keychain::Status::NotFound);
        // Forgetting what is not there is not an error.
        COMPARE_STATUS(forget(keychain, key), Keychain::Status::Ok);
    }

    // The console may close while a lookup is still on the bus: the late answer finds nobody and
    // nothing crashes (the job used to be deleted with its Keychain while still running).
    void closingWhileAJobRuns()
    {
        bool answered = false;
        {
            Keychain keychain;
            keychain.read(QStringLiteral("qemu+tls://node-b/system#passphrase"),
                          [&answered](Keychain::Reply&) { answered = true; });
            keychain.forget(QStringLiteral("qemu+tls://node-b/system#authname"),
                            [&answered](Keychain::Reply&) { answered = true; });
            QCoreApplication::processEvents(); // the jobs start and their calls go out on the bus
        }
        QTest::qWait(1500); // the jobs finish on their own, with no Keychain to tell
        QVERIFY(!answered);
    }

    // Last in the unlocked world: nothing here can unlock the keyring again without a prompt.
    void lockedIsNotNotFound()
    {
        if (world() != QLatin1String("unlocked"))
            QSKIP("needs the unlocked keyring (ctest runs it there)");
        Keychain keychain;
        const QString key = QStringLiteral("qemu+tls://node-b/system#passphrase");
        COMPARE_STATUS(write(keychain, key, QStringLiteral("kept")), Keychain::Status::Ok);
        QVERIFY(lockDefaultCollection());
        COMPARE_STATUS(read(keychain, key), Keychain::Status::Locked);
        COMPARE_STATUS(read(keychain, QStringLiteral("qemu+tls://node-b/system#authname")),
                       Keychain::Status::NotFound);
        COMPARE_STATUS(
            write(keychain, QStringLiteral("qemu+tls://node-c/system#passphrase"), QStringLiteral("new")),
            Keychain::Status::Locked);
        // A locked keyring keeps the entry: forgetting it cannot succeed.
        COMPARE_STATUS(forget(keychain, key), Keychain::Status::Locked);
    }

    void noServiceIsToldApart()
    {
        if (world() != QLatin1String("none") && world() != QLatin1String("nobus"))
            QSKIP("needs a session without a Secret Service (ctest runs it there)");
        Keychain keychain;
        const QString key = QStringLiteral("qemu+tls://node-a/system#passphrase");
        COMPARE_STATUS(read(keychain, key), Keychain::Status::NoService);
        COMPARE_STATUS(write(keychain, key, QStringLiteral("s3cret")), Keychain::Status::NoService);
        COMPARE_STATUS(forget(keychain, key), Keychain::Status::NoService);
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"

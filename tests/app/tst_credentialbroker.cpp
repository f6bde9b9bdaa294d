// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// CredentialBroker with the real pieces around it: libvirt's test driver asking for a user name
// and password on connect (through HostFacts::openConnection on worker threads, as node sessions
// do), a real keychain (gnome-keyring in a private D-Bus session, tests/support/keychain-session.sh)
// and a scripted prompter standing in for the dialog. Run again without a Secret Service, where
// every connection asks.
#include <atomic>
#include <functional>
#include <optional>
#include <thread>

#include <libvirt/libvirt.h>

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "app/access/credentialbroker.h"
#include "app/access/keychain.h"
#include "support/scriptedprompter.h"
#include "support/testdriver.h"
#include "virt/hostfacts.h"

using namespace kumo;

namespace {

QString world()
{
    return qEnvironmentVariable("KUMO_TEST_KEYCHAIN");
}

// What a person types (the test driver asks its name and its password in two callbacks, so two
// prompts per connection).
CredentialAnswer answer(const CredentialPrompt& prompt, const QString& user, const QString& password,
                        bool remember)
{
    return typedAnswer(prompt, user, password, remember);
}

CredentialAnswer cancelled()
{
    return CredentialAnswer{};
}

// One connection attempt on a thread of its own, as a node session makes it.
class Attempt
{
public:
    Attempt(const QString& uri, CredentialProvider* provider)
    {
        m_thread = std::thread([this, uri, provider] {
            Error error;
            virConnectPtr conn = HostFacts::openConnection(uri, QStringLiteral("node"), provider, error);
            m_ok = conn != nullptr;
            if (conn)
                virConnectClose(conn);
            m_error = error;
            m_done = true;
        });
    }
    ~Attempt()
    {
        if (m_thread.joinable())
            m_thread.join();
    }
    // Runs the event loop (the broker's thread) until the attempt ended.
    bool finish(int timeoutMs = 20000)
    {
        if (!QTest::qWaitFor([this] { return m_done.load(); }, timeoutMs))
            return false;
        m_thread.join();
        // The outcome (finished()) is queued to the broker: let it arrive.
        QTest::qWait(50);
        return true;
    }
    [[nodiscard]] bool done() const { return m_done; }
    [[nodiscard]] bool ok() const { return m_ok; }
    [[nodiscard]] const Error& error() const { return m_error; }

private:
    std::thread m_thread;
    std::atomic<bool> m_done{false};
    bool m_ok = false;
    Error m_error;
};

Keychain::Status readStatus(Keychain& keychain, const QString& key, QString* secret = nullptr)
{
    std::optional<Keychain::Status> status;
    keychain.read(key, [&](Keychain::Reply& reply) {
        status = reply.status;
        if (secret)
            *secret = reply.secret;
    });
    if (!QTest::qWaitFor([&] { return status.has_value(); }, 20000))
        return Keychain::Status::Failed;
    return *status;
}

bool writeSecret(Keychain& keychain, const QString& key, const QString& secret)
{
    std::optional<Keychain::Status> status;
    keychain.write(key, secret, [&](Keychain::Reply& reply) { status = reply.status; });
    return QTest::qWaitFor([&] { return status.has_value(); }, 20000) && *status == Keychain::Status::Ok;
}

} // namespace

class TestCredentialBroker : public QObject
{
    Q_OBJECT

private:
    // A test-driver node that asks for alice / "right pw" on connect; a URI of its own per test.
    QString node(const QString& name, const QString& password = QStringLiteral("right pw"))
    {
        TestNode n;
        n.name = name;
        n.cpus = 2;
        n.mhz = 1000;
        n.cpuModel = QStringLiteral("x86_64");
        n.memoryKiB = 1024 * 1024;
        n.authUser = QStringLiteral("alice");
        n.authPassword = password;
        const QString path = m_dir.filePath(name + QStringLiteral(".xml"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(testNodeXml(n));
        return QStringLiteral("test://") + path;
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        virInitialize();
    }

    void promptsThenRemembersOnlyAfterSuccess()
    {
        if (world() != QLatin1String("unlocked"))
            QSKIP("needs the unlocked keyring (ctest runs it there)");
        const QString uri = node(QStringLiteral("remember"));
        Keychain keychain;
        ScriptedPrompter prompter;
        prompter.script = [](const CredentialPrompt& p) {
            return answer(p, QStringLiteral("alice"), QStringLiteral("right pw"), true);
        };
        CredentialBroker broker(&prompter);

        Attempt first(uri, &broker);
        QVERIFY(first.finish());
        QVERIFY2(first.ok(), qPrintable(first.error().toString()));
        QCOMPARE(prompter.prompts.size(), 2); // the name, then the password
        for (const CredentialPrompt& prompt : std::as_const(prompter.prompts)) {
            QCOMPARE(prompt.kind, CredentialPrompt::Kind::Credentials);
            QCOMPARE(prompt.uri, uri);
            QVERIFY(prompt.canRemember);
            QVERIFY(prompt.previousRefusal.isEmpty());
            QCOMPARE(prompt.items.size(), 1);
        }
        QCOMPARE(prompter.prompts.at(0).items.at(0).type, CredentialRequest::Type::AuthName);
        QCOMPARE(prompter.prompts.at(1).items.at(0).type, CredentialRequest::Type::Passphrase);
        QString stored;
        QTRY_COMPARE(
            readStatus(keychain, Keychain::keyFor(uri, CredentialRequest::Type::Passphrase), &stored),
            Keychain::Status::Ok);
        QCOMPARE(stored, QStringLiteral("right pw"));

        Attempt second(uri, &broker);
        QVERIFY(second.finish());
        QVERIFY2(second.ok(), qPrintable(second.error().toString()));
        QCOMPARE(prompter.prompts.size(), 2); // answered from the keychain
    }

    void refusedAnswerIsNotStored()
    {
        if (world() != QLatin1String("unlocked"))
            QSKIP("needs the unlocked keyring (ctest runs it there)");
        const QString uri = node(QStringLiteral("wrong"));
        Keychain keychain;
        ScriptedPrompter prompter;
        QString password = QStringLiteral("wrong");
        bool remember = true;
        prompter.script = [&](const CredentialPrompt& p) {
            return answer(p, QStringLiteral("alice"), password, remember);
        };
        CredentialBroker broker(&prompter);

        Attempt first(uri, &broker);
        QVERIFY(first.finish());
        QVERIFY(!first.ok());
        QCOMPARE(first.error().code, ErrorCode::AuthFailed);
        QTest::qWait(200);
        QCOMPARE(readStatus(keychain, Keychain::keyFor(uri, CredentialRequest::Type::Passphrase)),
                 Keychain::Status::NotFound);
        QCOMPARE(readStatus(keychain, Keychain::keyFor(uri, CredentialRequest::Type::AuthName)),
                 Keychain::Status::NotFound);

        // Asked again, told why; the right answer without "remember" is used and not kept.
        password = QStringLiteral("right pw");
        remember = false;
        Attempt second(uri, &broker);
        QVERIFY(second.finish());
        QVERIFY2(second.ok(), qPrintable(second.error().toString()));
        QCOMPARE(prompter.prompts.size(), 4);
        QVERIFY(prompter.prompts.at(1).previousRefusal.isEmpty());
        QVERIFY(!prompter.prompts.at(3).previousRefusal.isEmpty());
        QTest::qWait(200);
        QCOMPARE(readStatus(keychain, Keychain::keyFor(uri, CredentialRequest::Type::Passphrase)),
                 Keychain::Status::NotFound);
    }

    void refusedStoredPasswordAsksAgain()
    {
        if (world() != QLatin1String("unlocked"))
            QSKIP("needs the unlocked keyring (ctest runs it there)");
        const QString uri = node(QStringLiteral("stale"));
        Keychain keychain;
        QVERIFY(writeSecret(keychain, Keychain::keyFor(uri, CredentialRequest::Type::AuthName),
                            QStringLiteral("alice")));
        QVERIFY(writeSecret(keychain, Keychain::keyFor(uri, CredentialRequest::Type::Passphrase),
                            QStringLiteral("old pw")));
        ScriptedPrompter prompter;
        prompter.script = [](const CredentialPrompt& p) {
            return answer(p, QStringLiteral("alice"), QStringLiteral("right pw"), true);
        };
        CredentialBroker broker(&prompter);

        Attempt first(uri, &broker);
        QVERIFY(first.finish());
        QVERIFY(!first.ok());
        QCOMPARE(prompter.prompts.size(), 0); // the stored password was tried

        Attempt second(uri, &broker);
        QVERIFY(second.finish());
        QVERIFY2(second.ok(), qPrintable(second.error().toString()));
        QCOMPARE(prompter.prompts.size(), 2); // not the stored ones again: prompts, told why
        QVERIFY(!prompter.prompts.at(1).previousRefusal.isEmpty());
        QCOMPARE(prompter.prompts.at(0).items.at(0).result, QStringLiteral("alice")); // the name is prefilled
        QCOMPARE(prompter.prompts.at(1).items.at(0).type, CredentialRequest::Type::Passphrase);
        QVERIFY(prompter.prompts.at(1).items.at(0).result.isEmpty()); // the secret is not shown
        QString stored;
        QTRY_VERIFY(readStatus(keychain, Keychain::keyFor(uri, CredentialRequest::Type::Passphrase),
                               &stored) == Keychain::Status::Ok &&
                    stored == QStringLiteral("right pw"));
    }

    void twoNodesAskOneDialogAtATime()
    {
        if (world() != QLatin1String("unlocked"))
            QSKIP("needs the unlocked keyring (ctest runs it there)");
        const QString uriA = node(QStringLiteral("queue-a"));
        const QString uriB = node(QStringLiteral("queue-b"));
        ScriptedPrompter prompter; // answers nothing by itself
        CredentialBroker broker(&prompter);

        Attempt a(uriA, &broker);
        Attempt b(uriB, &broker);
        QTRY_COMPARE(prompter.prompts.size(), 1);
        QTest::qWait(300); // the other node's request is waiting, not shown
        QCOMPARE(prompter.prompts.size(), 1);
        QCOMPARE(prompter.open, 1);
        const QString firstUri = prompter.prompts.at(0).uri;
        prompter.release(
            answer(prompter.prompts.constLast(), QStringLiteral("alice"), QStringLiteral("right pw"), false));
        // The node that waited is asked next, before the first one's password.
        QTRY_COMPARE(prompter.prompts.size(), 2);
        QVERIFY(prompter.prompts.at(1).uri != firstUri);
        for (int shown = 2; shown <= 4; ++shown) {
            QTRY_COMPARE(prompter.prompts.size(), shown);
            QCOMPARE(prompter.open, 1);
            prompter.release(answer(prompter.prompts.constLast(), QStringLiteral("alice"),
                                    QStringLiteral("right pw"), false));
        }
        QVERIFY(a.finish());
        QVERIFY(b.finish());
        QVERIFY(a.ok());
        QVERIFY(b.ok());
        QCOMPARE(prompter.maxOpen, 1);
    }

    void cancelRefusesUntilForgotten()
    {
        if (world() != QLatin1String("unlocked"))
            QSKIP("needs the unlocked keyring (ctest runs it there)");
        const QString uri = node(QStringLiteral("cancel"));
        ScriptedPrompter prompter;
        prompter.script = [](const CredentialPrompt&) { return cancelled(); };
        CredentialBroker broker(&prompter);

        Attempt first(uri, &broker);
        QVERIFY(first.finish());
        QVERIFY(!first.ok());
        QCOMPARE(first.error().code, ErrorCode::AuthFailed);
        QVERIFY2(first.error().message.contains(QLatin1String("cancelled")),
                 qPrintable(first.error().message));
        QCOMPARE(prompter.prompts.size(), 1);
        QVERIFY(broker.isRefused(uri));

        // The session retries with backoff: no new prompt, the same reason.
        Attempt retry(uri, &broker);
        QVERIFY(retry.finish());
        QVERIFY(!retry.ok());
        QCOMPARE(retry.error().message, first.error().message);
        QCOMPARE(prompter.prompts.size(), 1);

        QSignalSpy forgotten(&broker, &CredentialBroker::forgotten);
        broker.forget(QStringLiteral("node"), uri);
        QTRY_COMPARE(forgotten.size(), 1);
        QVERIFY(forgotten.at(0).at(1).toBool());
        prompter.script = [](const CredentialPrompt& p) {
            return answer(p, QStringLiteral("alice"), QStringLiteral("right pw"), false);
        };
        Attempt again(uri, &broker);
        QVERIFY(again.finish());
        QVERIFY(again.ok());
        QCOMPARE(prompter.prompts.size(), 3);
    }

    void forgetDeletesStoredCredentials()
    {
        if (world() != QLatin1String("unlocked"))
            QSKIP("needs the unlocked keyring (ctest runs it there)");
        const QString uri = node(QStringLiteral("forget"));
        Keychain keychain;
        QVERIFY(writeSecret(keychain, Keychain::keyFor(uri, CredentialRequest::Type::AuthName),
                            QStringLiteral("alice")));
        QVERIFY(writeSecret(keychain, Keychain::keyFor(uri, CredentialRequest::Type::Passphrase),
                            QStringLiteral("right pw")));
        ScriptedPrompter prompter;
        CredentialBroker broker(&prompter);
        QSignalSpy forgotten(&broker, &CredentialBroker::forgotten);
        broker.forget(QStringLiteral("node"), uri);
        QTRY_COMPARE(forgotten.size(), 1);
        QVERIFY(forgotten.at(0).at(1).toBool());
        QCOMPARE(readStatus(keychain, Keychain::keyFor(uri, CredentialRequest::Type::AuthName)),
                 Keychain::Status::NotFound);
        QCOMPARE(readStatus(keychain, Keychain::keyFor(uri, CredentialRequest::Type::Passphrase)),
                 Keychain::Status::NotFound);
    }

    void hostKeyIsAskedAndNeverStored()
    {
        if (world() != QLatin1String("unlocked"))
            QSKIP("needs the unlocked keyring (ctest runs it there)");
        // libvirt's SSH transports ask this as an echo prompt; the test driver cannot, so the
        // request is made here the way HostFacts makes it.
        const QString uri = QStringLiteral("qemu+libssh://root@node-ssh/system");
        ScriptedPrompter prompter;
        prompter.script = [](const CredentialPrompt& prompt) {
            CredentialAnswer a;
            a.accepted = prompt.kind == CredentialPrompt::Kind::HostKey;
            a.remember = true;
            return a;
        };
        CredentialBroker broker(&prompter);
        CredentialRequest::Item item;
        item.type = CredentialRequest::Type::EchoPrompt;
        item.prompt =
            QStringLiteral("Accept SSH host key with hash 'SHA256:Kx3v9' for host 'node-ssh:22' (y/n)?");
        CredentialRequest request;
        request.node = QStringLiteral("node-ssh");
        request.uri = uri;
        request.items = {item};
        std::atomic<bool> done{false};
        bool granted = false;
        std::thread worker([&] {
            granted = broker.provide(request);
            broker.finished(request, true);
            done = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return done.load(); }, 20000));
        worker.join();
        QVERIFY(granted);
        QCOMPARE(request.items.at(0).result, QStringLiteral("y"));
        QCOMPARE(prompter.prompts.size(), 1);
        QCOMPARE(prompter.prompts.at(0).kind, CredentialPrompt::Kind::HostKey);
        QCOMPARE(prompter.prompts.at(0).fingerprint, QStringLiteral("SHA256:Kx3v9"));
        QTest::qWait(200);
        Keychain keychain;
        QCOMPARE(readStatus(keychain, Keychain::keyFor(uri, CredentialRequest::Type::EchoPrompt)),
                 Keychain::Status::NotFound);

        // Rejected: refused, and not asked again on the next attempt.
        prompter.script = [](const CredentialPrompt&) { return cancelled(); };
        for (int attempt = 0; attempt < 2; ++attempt) {
            CredentialRequest again = request;
            again.items[0].result.clear();
            again.items[0].answered = false;
            done = false;
            std::thread rejecting([&] {
                granted = broker.provide(again);
                done = true;
            });
            QVERIFY(QTest::qWaitFor([&] { return done.load(); }, 20000));
            rejecting.join();
            QVERIFY(!granted);
            QVERIFY(again.refusal.contains(QLatin1String("host key")));
        }
        QCOMPARE(prompter.prompts.size(), 2);
    }

    void refusesOnItsOwnThreadAndWhenShutDown()
    {
        ScriptedPrompter prompter; // never answers
        CredentialBroker broker(&prompter);
        CredentialRequest::Item item;
        item.type = CredentialRequest::Type::Passphrase;
        CredentialRequest request;
        request.node = QStringLiteral("n");
        request.uri = QStringLiteral("test:///nowhere");
        request.items = {item};
        // On the broker's own thread it would wait for itself.
        QVERIFY(!broker.provide(request));
        QVERIFY(!request.refusal.isEmpty());

        // A worker waiting for a prompt is let go by shutdown(), and later ones are refused at once.
        std::atomic<bool> done{false};
        bool granted = true;
        CredentialRequest waiting = request;
        std::thread worker([&] {
            granted = broker.provide(waiting);
            done = true;
        });
        QTRY_COMPARE(prompter.prompts.size(), 1);
        QVERIFY(!done);
        broker.shutdown();
        QVERIFY(QTest::qWaitFor([&] { return done.load(); }, 5000));
        worker.join();
        QVERIFY(!granted);
        QCOMPARE(prompter.aborted, 1);
        CredentialRequest late = request;
        std::thread after([&] { granted = broker.provide(late); });
        after.join();
        QVERIFY(!granted);
    }

    void changedPasswordIsAskedAgain()
    {
        if (world() != QLatin1String("none"))
            QSKIP("runs without a Secret Service (ctest runs it there)");
        const QString uri = node(QStringLiteral("changing"));
        QString password = QStringLiteral("right pw");
        ScriptedPrompter prompter;
        prompter.script = [&password](const CredentialPrompt& p) {
            return answer(p, QStringLiteral("alice"), password, false);
        };
        CredentialBroker broker(&prompter);
        for (int round = 1; round <= 2; ++round) {
            Attempt attempt(uri, &broker);
            QVERIFY(attempt.finish());
            QVERIFY(attempt.ok());
            QCOMPARE(prompter.prompts.size(), 2); // the second connection asks nothing
        }
        // The node's password changes while the console runs: what worked is refused once, dropped,
        // and the next connection asks, saying why.
        password = QStringLiteral("new pw");
        QCOMPARE(node(QStringLiteral("changing"), password), uri);
        Attempt refused(uri, &broker);
        QVERIFY(refused.finish());
        QVERIFY(!refused.ok());
        QCOMPARE(prompter.prompts.size(), 2);
        Attempt again(uri, &broker);
        QVERIFY(again.finish());
        QVERIFY2(again.ok(), qPrintable(again.error().toString()));
        QCOMPARE(prompter.prompts.size(), 4);
        QVERIFY(!prompter.prompts.at(2).previousRefusal.isEmpty());
        // Forget Credentials drops it too.
        broker.forget(QStringLiteral("changing"), uri);
        Attempt afterForget(uri, &broker);
        QVERIFY(afterForget.finish());
        QVERIFY(afterForget.ok());
        QCOMPARE(prompter.prompts.size(), 6);
    }

    void withoutKeychainAsksEachTime()
    {
        if (world() != QLatin1String("none") && world() != QLatin1String("nobus"))
            QSKIP("needs a session without a Secret Service (ctest runs it there)");
        const QString uri = node(QStringLiteral("nokeychain"));
        ScriptedPrompter prompter;
        prompter.script = [](const CredentialPrompt& p) {
            return answer(p, QStringLiteral("alice"), QStringLiteral("right pw"), true);
        };
        // Each console asks once: what worked is kept in its memory, never in a file.
        for (int console = 1; console <= 2; ++console) {
            CredentialBroker broker(&prompter);
            QSignalSpy unavailable(&broker, &CredentialBroker::keychainUnavailable);
            for (int round = 1; round <= 3; ++round) {
                Attempt attempt(uri, &broker);
                QVERIFY(attempt.finish());
                QVERIFY2(attempt.ok(), qPrintable(attempt.error().toString()));
                QCOMPARE(prompter.prompts.size(), 2 * console);
                QVERIFY(!prompter.prompts.constLast().canRemember);
                QVERIFY(!prompter.prompts.constLast().rememberUnavailable.isEmpty());
            }
            QCOMPARE(unavailable.size(), 1); // said once
            QVERIFY(broker.keychainMissing());
        }
    }
};

QTEST_GUILESS_MAIN(TestCredentialBroker)
#include "tst_credentialbroker.moc"

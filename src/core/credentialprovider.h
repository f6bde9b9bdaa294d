// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// CredentialProvider: the hook through which a node session asks for the credentials a
// libvirt daemon wants (SASL user name and password, an SSH key passphrase, ...). The app
// layer implements it with the OS keychain and a prompt; core and virt only know this interface.
// Every provide() that answered is followed by one finished() with the connection's outcome, so a
// provider can keep ("remember") only credentials a daemon accepted.
// Thread: provide() and finished() are called on a session's (or migration job's) worker thread;
// implementations must be thread-safe.
// Owner: whoever creates the sessions; it must outlive every session it was given to.
#pragma once

#include <mutex>

#include <QHash>
#include <QList>
#include <QString>
#include <QThread>

namespace kumo {

struct CredentialRequest
{
    // What libvirt asks for; the values mirror virConnectCredentialType so that core needs no
    // libvirt header.
    enum class Type
    {
        Username = 1,     // the identity to act as
        AuthName = 2,     // the identity to authorize as
        Language = 3,     // RFC 1766 language code
        CNonce = 4,       // client-supplied nonce
        Passphrase = 5,   // password or key passphrase
        EchoPrompt = 6,   // free-form question, the answer may be shown
        NoEchoPrompt = 7, // free-form question, the answer must be hidden
        Realm = 8,        // authentication realm
        External = 9,     // externally managed credential
    };

    struct Item
    {
        Type type = Type::Username;
        QString prompt;        // libvirt's prompt text, untranslated
        QString challenge;     // additional challenge text, often empty
        QString defaultResult; // what libvirt proposes, often empty
        QString result;        // filled by the provider
        bool answered = false; // set by the provider for every item it filled
    };

    QString node; // inventory node name
    QString uri;  // libvirt connection URI
    QList<Item> items;
    quint64 ticket = 0; // set by the provider in provide(), to match finished() to its answer
    QString refusal;    // set by the provider when it refuses: why, in words for the node's error

    // Overwrites the answers in place before dropping them: results may hold passwords.
    void wipe()
    {
        for (Item& item : items) {
            item.result.fill(QChar(u'\0'));
            item.result.clear();
        }
    }
};

class CredentialProvider
{
public:
    CredentialProvider() = default;
    virtual ~CredentialProvider() = default;
    CredentialProvider(const CredentialProvider&) = delete;
    CredentialProvider& operator=(const CredentialProvider&) = delete;

    // Fills result and answered for the items it can answer. Called on a session's worker
    // thread and may block until the user answers; must be thread-safe because several sessions
    // can ask at once. Returns false to refuse: the connection attempt then fails with AuthFailed.
    virtual bool provide(CredentialRequest& request) = 0;
    // After a provide() that returned true, once the connection attempt it served has ended:
    // accepted is whether libvirt opened the connection with those answers. Same thread as provide().
    virtual void finished(const CredentialRequest& request, bool accepted) = 0;
};

// While one lives, the thread that made it waits for a person (a credential prompt), not for a
// daemon: the cluster's watchdog does not count that time against the node.
class WaitingForPerson
{
public:
    WaitingForPerson()
    {
        std::lock_guard lock(mutex());
        ++threads()[QThread::currentThread()];
    }
    ~WaitingForPerson()
    {
        std::lock_guard lock(mutex());
        auto it = threads().find(QThread::currentThread());
        if (it != threads().end() && --*it <= 0)
            threads().erase(it);
    }
    WaitingForPerson(const WaitingForPerson&) = delete;
    WaitingForPerson& operator=(const WaitingForPerson&) = delete;

    [[nodiscard]] static bool isWaiting(const QThread* thread)
    {
        std::lock_guard lock(mutex());
        return threads().contains(thread);
    }

private:
    static std::mutex& mutex()
    {
        static std::mutex instance;
        return instance;
    }
    static QHash<const QThread*, int>& threads()
    {
        static QHash<const QThread*, int> instance;
        return instance;
    }
};

} // namespace kumo

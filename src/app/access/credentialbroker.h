// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// CredentialBroker: Kumo's CredentialProvider. A node session (or a migration job) asking for
// credentials waits on its own thread while the broker, on the GUI thread, first looks in the
// keychain and only for what is missing asks a person through a CredentialPrompter, one prompt at
// a time for every node. Answers the person chose to remember are stored only after libvirt
// accepted them (finished()); a stored password libvirt refuses is not used again until it is
// replaced. A cancelled prompt or a rejected host key is remembered per URI, so a session retrying
// with backoff does not ask again, until forget() or allowAsking(). What a person typed and libvirt
// accepted is also kept in this process's memory until the console exits (or forget()), so that a
// node asks once per console, not again for each connection its migrations open; a kept answer the
// node refuses later is dropped. Nothing here writes secrets to a file or a log; requests are wiped
// when they are done and the kept answers when they are dropped.
// Thread: GUI; provide() and finished() are called on worker threads (thread-safe).
// Owner: whoever creates it (main(), tests); it must outlive every session given it, or be shut
// down (shutdown()) before they stop.
#pragma once

#include <memory>
#include <mutex>

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include "app/access/credentialprompter.h"
#include "core/credentialprovider.h"

namespace kumo {

class Keychain;

class CredentialBroker : public QObject, public CredentialProvider
{
    Q_OBJECT

public:
    // `keychain` may be nullptr: the broker then makes its own (service "kumo").
    explicit CredentialBroker(CredentialPrompter* prompter, Keychain* keychain = nullptr,
                              QObject* parent = nullptr);
    ~CredentialBroker() override;

    // Where prompts go from now on (nullptr: every missing answer is refused).
    void setPrompter(CredentialPrompter* prompter);

    // CredentialProvider (worker threads). provide() refuses at once on the broker's own thread,
    // which it would otherwise block forever.
    bool provide(CredentialRequest& request) override;
    void finished(const CredentialRequest& request, bool accepted) override;

    // Deletes what the keychain holds for `uri` and forgets refusals; answers with forgotten().
    void forget(const QString& node, const QString& uri);
    // Lets the next connection to `uri` prompt again after a cancel or a rejected host key.
    void allowAsking(const QString& uri);
    // Whether a refusal is remembered for `uri` (the next request is refused without a prompt).
    [[nodiscard]] bool isRefused(const QString& uri) const { return m_refusals.contains(uri); }

    // Refuses every waiting and later request and closes the open prompt; for the console's exit,
    // before the sessions are stopped.
    void shutdown();

    // Whether a keychain read found no keychain service (then every answer is asked for).
    [[nodiscard]] bool keychainMissing() const { return m_keychainMissing; }

Q_SIGNALS:
    // Once per broker: no keychain service, so credentials are asked for in each console.
    void keychainUnavailable(const QString& message);
    // Remembering failed after the daemon accepted the answers (locked keychain, no service...).
    void rememberFailed(const QString& node, const QString& message);
    // The outcome of forget(): ok, or why the keychain kept entries (translated).
    void forgotten(const QString& node, bool ok, const QString& message);

private:
    struct Waiter;
    struct Job;
    struct Outcome
    {
        QString node;
        QString uri;
        bool remember = false;
        bool fromKeychain = false; // the secrets came from the keychain, not from a person
        bool fromMemory = false;   // the secrets came from answers kept for this console
        bool prompted = false;
    };
    using Type = CredentialRequest::Type;

    void start(quint64 ticket);
    void lookUp(quint64 ticket);
    void afterLookUp(quint64 ticket);
    void queuePrompt(quint64 ticket);
    void promptNext();
    void onAnswer(quint64 ticket, CredentialAnswer& answer);
    void complete(quint64 ticket, bool granted, const QString& refusal = {});
    void onOutcome(CredentialRequest& request, bool accepted);
    void noteKeychainMissing(const QString& detail);
    void dropKept(const QString& uri);

    CredentialPrompter* m_prompter;
    Keychain* m_keychain;

    // Shared with the worker threads.
    mutable std::mutex m_mutex;
    bool m_closed = false;
    quint64 m_nextTicket = 0;
    QHash<quint64, std::shared_ptr<Waiter>> m_waiters;

    // GUI thread only.
    QHash<quint64, std::shared_ptr<Job>> m_jobs;
    QList<quint64> m_promptQueue;
    quint64 m_prompting = 0; // the ticket whose prompt is open, 0 when none
    QHash<quint64, Outcome> m_outcomes;
    QHash<QString, QString> m_refusals;          // URI -> why the broker refuses without asking
    QHash<QString, QString> m_lastRefusals;      // URI -> why the last answer did not work
    QSet<QString> m_storedRefused;               // URIs whose stored secrets libvirt refused
    QHash<QString, QHash<Type, QString>> m_kept; // URI -> accepted answers kept for this console
    bool m_keychainMissing = false;
};

} // namespace kumo

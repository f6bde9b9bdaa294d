// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// CredentialPrompter: how the CredentialBroker asks a person for what the keychain does not
// have. The window implements it with CredentialDialog; tests answer with a scripted prompter.
// One prompt at a time: the broker never calls ask() again before the reply of the last one.
// Thread: GUI (the broker's thread); ask() must not block, it answers later through `reply`.
// Owner: whoever creates it (main(), tests); it must outlive the broker it is given to.
#pragma once

#include <functional>

#include <QList>
#include <QString>

#include "core/credentialprovider.h"

namespace kumo {

struct CredentialPrompt
{
    enum class Kind
    {
        Credentials, // user name, password, passphrase, free questions
        HostKey,     // an SSH host key to accept or reject; never remembered
    };

    Kind kind = Kind::Credentials;
    QString node;
    QString uri;
    // What to ask, in libvirt's order. A result already set (a user name from the keychain or
    // libvirt's default) prefills the field.
    QList<CredentialRequest::Item> items;
    QString fingerprint;         // HostKey: the key's hash as libvirt gives it
    QString previousRefusal;     // why the last answer did not work (translated), or empty
    bool canRemember = false;    // a keychain service is there and unlocked
    QString rememberUnavailable; // why "remember" is off (translated), when canRemember is false
};

struct CredentialAnswer
{
    bool accepted = false; // false: cancelled (or, for a host key, rejected)
    bool remember = false; // store in the keychain once the daemon accepted the answers
    QStringList results;   // one per prompt item, in order; the broker wipes them after use
};

class CredentialPrompter
{
public:
    using Reply = std::function<void(CredentialAnswer& answer)>;

    CredentialPrompter() = default;
    virtual ~CredentialPrompter() = default;
    CredentialPrompter(const CredentialPrompter&) = delete;
    CredentialPrompter& operator=(const CredentialPrompter&) = delete;

    // Shows the prompt and returns at once; calls `reply` exactly once, unless abort() comes first.
    virtual void ask(const CredentialPrompt& prompt, Reply reply) = 0;
    // Closes the open prompt without a reply (the console is closing).
    virtual void abort() = 0;
};

} // namespace kumo

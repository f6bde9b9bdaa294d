// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Keychain: Kumo's entries in the OS keychain (the Secret Service on Linux, through QtKeychain):
// read, write and forget one secret by key, with an outcome that tells apart "no keychain
// service", "keychain locked or access denied" and "not found". Never falls back to a file.
// QtKeychain reports a locked collection as "not found" and a missing service as a generic
// error, so both are checked again on the Secret Service's D-Bus interface before answering.
// Every call is asynchronous and answers once through its callback, on this object's thread.
// Thread: GUI (or any thread with an event loop; jobs run on the object's thread).
// Owner: whoever creates it (CredentialBroker, tests).
#pragma once

#include <functional>

#include <QObject>
#include <QString>

#include "core/credentialprovider.h"

namespace kumo {

class Keychain : public QObject
{
    Q_OBJECT

public:
    enum class Status
    {
        Ok,
        NotFound,  // the keychain answered: no such entry
        Locked,    // the keychain is locked, or it refused access
        NoService, // no keychain service at all (no Secret Service on the session bus, no bus)
        Failed,    // anything else; the detail says what
    };

    struct Reply
    {
        Status status = Status::Failed;
        QString secret; // read only; the receiver wipes it when done
        QString detail; // the keychain's own words, untranslated, never a secret
    };
    using Callback = std::function<void(Reply& reply)>;

    explicit Keychain(QString service = QStringLiteral("kumo"), QObject* parent = nullptr);

    // "<uri>#<type>", e.g. "qemu+tls://host/system#authname".
    [[nodiscard]] static QString keyFor(const QString& uri, CredentialRequest::Type type);
    [[nodiscard]] QString service() const { return m_service; }

    void read(const QString& key, Callback done);
    void write(const QString& key, const QString& secret, Callback done);
    // Ok also when there was nothing to delete.
    void forget(const QString& key, Callback done);

private:
    enum class Operation
    {
        Read,
        Write,
        Forget,
    };
    // Decides between NotFound / Locked / NoService / Failed by asking the Secret Service itself.
    void classify(Operation operation, const QString& key, Reply reply, Callback done);

    QString m_service;
};

} // namespace kumo

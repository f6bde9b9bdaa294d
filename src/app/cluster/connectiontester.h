// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ConnectionTester: runs ConnectionTest for the window off the GUI thread (QtConcurrent) and
// reports the answer with a queued signal. Each test has an id; an answer that arrives after the
// tester is gone, or after cancel(), is dropped, so a dialog closed mid-test does not crash and
// does not see stale facts.
// Thread: GUI (the test itself runs on a thread-pool thread).
// Owner: its QObject parent (the node dialog).
#pragma once

#include <QObject>

#include "core/connectionfacts.h"
#include "core/inventory.h"
#include "core/result.h"

namespace kumo {

class CredentialProvider;

class ConnectionTester : public QObject
{
    Q_OBJECT

public:
    // `credentials` must outlive every test started (main()'s CredentialBroker does); may be nullptr.
    explicit ConnectionTester(CredentialProvider* credentials, QObject* parent = nullptr);

    // Starts a test of `node` (its uri, read_only and allow_insecure count); returns its id.
    quint64 test(const NodeConfig& node);
    // Forgets the running test: its answer is dropped.
    void cancel() { m_current = 0; }
    [[nodiscard]] bool isTesting() const { return m_current != 0; }

signals:
    // Exactly one per test that was not cancelled; `error.code` is None on success.
    void finished(quint64 id, const kumo::ConnectionFacts& facts, const kumo::Error& error);

private:
    CredentialProvider* m_credentials;
    quint64 m_nextId = 1;
    quint64 m_current = 0;
};

} // namespace kumo

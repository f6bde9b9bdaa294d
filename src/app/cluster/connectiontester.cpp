// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cluster/connectiontester.h"

#include <QCoreApplication>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include "core/threadhandoff.h"
#include "virt/connectiontest.h"

namespace kumo {

ConnectionTester::ConnectionTester(CredentialProvider* credentials, QObject* parent)
    : QObject(parent)
    , m_credentials(credentials)
{
    qRegisterMetaType<kumo::ConnectionFacts>();
    qRegisterMetaType<kumo::Error>();
}

quint64 ConnectionTester::test(const NodeConfig& node)
{
    const quint64 id = m_nextId++;
    m_current = id;
    QPointer<ConnectionTester> self(this);
    CredentialProvider* credentials = m_credentials;
    // The future is not kept: the answer comes back through the guarded queued call below.
    (void)QtConcurrent::run([self, node, credentials, id] {
        const Result<ConnectionFacts> result = ConnectionTest::run(node, credentials);
        const ConnectionFacts facts = result ? result.value() : ConnectionFacts{};
        const Error error = result ? Error{} : result.error();
        handoff::post(qApp, [self, id, facts, error] {
            if (!self || self->m_current != id)
                return;
            self->m_current = 0;
            emit self->finished(id, facts, error);
        });
    });
    return id;
}

} // namespace kumo

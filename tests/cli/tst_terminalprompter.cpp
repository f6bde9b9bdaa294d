// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The headless commands' credential prompt, typed into through a real pseudo-terminal: echo is
// off for the password, the default user name is kept on an empty line, and without a terminal it
// refuses at once instead of waiting.
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <unistd.h>

#include <optional>

#include <QTest>

#include "cli/terminalprompter.h"

using namespace kumo;

class TestTerminalPrompter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void asksUserAndPasswordWithEchoOff();
    void hostKeyNeedsAnExplicitYes();
    void refusesWithoutATerminal();
    void abortLeavesWithoutAReply();

private:
    // Everything the prompter wrote so far (and the terminal echoed), read from the master side.
    QByteArray drain(int waitMs = 0);
    // Waits until the prompter's output contains `text`.
    bool waitFor(const QByteArray& text);
    void type(const QByteArray& bytes);

    int m_master = -1;
    int m_slave = -1;
    QByteArray m_seen;
};

void TestTerminalPrompter::init()
{
    QVERIFY(::openpty(&m_master, &m_slave, nullptr, nullptr, nullptr) == 0);
    m_seen.clear();
}

void TestTerminalPrompter::cleanup()
{
    ::close(m_master);
    ::close(m_slave);
}

QByteArray TestTerminalPrompter::drain(int waitMs)
{
    pollfd fd{m_master, POLLIN, 0};
    while (::poll(&fd, 1, waitMs) > 0) {
        char buffer[256];
        const ssize_t n = ::read(m_master, buffer, sizeof buffer);
        if (n <= 0)
            break;
        m_seen.append(buffer, n);
        waitMs = 0;
    }
    return m_seen;
}

bool TestTerminalPrompter::waitFor(const QByteArray& text)
{
    for (int i = 0; i < 100; ++i) { // 10 s at most
        if (drain(100).contains(text))
            return true;
        QCoreApplication::processEvents();
    }
    return false;
}

void TestTerminalPrompter::type(const QByteArray& bytes)
{
    QCOMPARE(::write(m_master, bytes.constData(), size_t(bytes.size())), ssize_t(bytes.size()));
}

void TestTerminalPrompter::asksUserAndPasswordWithEchoOff()
{
    TerminalPrompter prompter(m_slave, m_slave);
    CredentialPrompt prompt;
    prompt.node = QStringLiteral("yamate-01");
    prompt.uri = QStringLiteral("qemu+tls://127.0.0.1:16611/session");
    prompt.items = {{CredentialRequest::Type::AuthName,
                     QStringLiteral("Please enter your authentication name"),
                     {},
                     {},
                     QStringLiteral("kumo"),
                     false},
                    {CredentialRequest::Type::Passphrase,
                     QStringLiteral("Please enter your password"),
                     {},
                     {},
                     {},
                     false}};
    prompt.canRemember = true;
    prompt.previousRefusal = QStringLiteral("The node refused the last password.");

    std::optional<CredentialAnswer> answer;
    prompter.ask(prompt, [&answer](CredentialAnswer& a) { answer = a; });
    QVERIFY(waitFor("User name [kumo]: "));
    QVERIFY(m_seen.contains("yamate-01"));
    QVERIFY(m_seen.contains("The node refused the last password."));
    type("\n"); // keeps the proposed name
    QVERIFY(waitFor("Password: "));
    const qsizetype beforePassword = m_seen.size();
    type("s3cret-pass\n");
    QVERIFY(waitFor("Remember in the keychain? [y/N] "));
    QVERIFY2(!m_seen.mid(beforePassword).contains("s3cret-pass"), "the password was echoed");
    type("y\n");
    QTRY_VERIFY(answer.has_value());
    QVERIFY(answer->accepted);
    QVERIFY(answer->remember);
    QCOMPARE(answer->results, (QStringList{QStringLiteral("kumo"), QStringLiteral("s3cret-pass")}));
}

void TestTerminalPrompter::hostKeyNeedsAnExplicitYes()
{
    TerminalPrompter prompter(m_slave, m_slave);
    CredentialPrompt prompt;
    prompt.kind = CredentialPrompt::Kind::HostKey;
    prompt.node = QStringLiteral("myodaiji-01");
    prompt.fingerprint = QStringLiteral("SHA256:abcdef");
    prompt.items = {{CredentialRequest::Type::EchoPrompt,
                     QStringLiteral("Accept SSH host key (y/n)?"),
                     {},
                     {},
                     {},
                     false}};

    std::optional<CredentialAnswer> answer;
    prompter.ask(prompt, [&answer](CredentialAnswer& a) { answer = a; });
    QVERIFY(waitFor("[y/N] "));
    QVERIFY(m_seen.contains("SHA256:abcdef"));
    type("\n"); // the default is no
    QTRY_VERIFY(answer.has_value());
    QVERIFY(!answer->accepted);

    answer.reset();
    m_seen.clear();
    prompter.ask(prompt, [&answer](CredentialAnswer& a) { answer = a; });
    QVERIFY(waitFor("[y/N] "));
    type("yes\n");
    QTRY_VERIFY(answer.has_value());
    QVERIFY(answer->accepted);
}

void TestTerminalPrompter::refusesWithoutATerminal()
{
    int pipeFds[2];
    QVERIFY(::pipe(pipeFds) == 0);
    TerminalPrompter prompter(pipeFds[0], pipeFds[1]);
    CredentialPrompt prompt;
    prompt.items = {{CredentialRequest::Type::Passphrase, QStringLiteral("Password"), {}, {}, {}, false}};
    std::optional<CredentialAnswer> answer;
    prompter.ask(prompt, [&answer](CredentialAnswer& a) { answer = a; });
    QVERIFY(answer.has_value()); // at once, not after a wait
    QVERIFY(!answer->accepted);
    ::close(pipeFds[0]);
    ::close(pipeFds[1]);
}

void TestTerminalPrompter::abortLeavesWithoutAReply()
{
    bool replied = false;
    {
        TerminalPrompter prompter(m_slave, m_slave);
        CredentialPrompt prompt;
        prompt.items = {{CredentialRequest::Type::Passphrase, QStringLiteral("Password"), {}, {}, {}, false}};
        prompter.ask(prompt, [&replied](CredentialAnswer&) { replied = true; });
        QVERIFY(waitFor("Password: "));
        prompter.abort(); // returns although nobody typed
    }
    QCoreApplication::processEvents();
    QVERIFY(!replied);
}

QTEST_GUILESS_MAIN(TestTerminalPrompter)
#include "tst_terminalprompter.moc"

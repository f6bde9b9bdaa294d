// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/terminalprompter.h"

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>

#include "core/safetext.h"
#include "core/threadhandoff.h"

namespace kumo {

namespace {

constexpr int PollSliceMs = 200; // how soon an abort is noticed while nobody types

bool isSecret(CredentialRequest::Type type)
{
    return type == CredentialRequest::Type::Passphrase || type == CredentialRequest::Type::NoEchoPrompt;
}

QString label(const CredentialRequest::Item& item)
{
    switch (item.type) {
    case CredentialRequest::Type::Username:
    case CredentialRequest::Type::AuthName:
        return TerminalPrompter::tr("User name");
    case CredentialRequest::Type::Passphrase:
        return TerminalPrompter::tr("Password");
    default:
        return item.prompt.trimmed().isEmpty() ? TerminalPrompter::tr("Answer") : item.prompt.trimmed();
    }
}

} // namespace

TerminalPrompter::TerminalPrompter(int inFd, int outFd, QObject* parent)
    : QObject(parent)
    , m_in(inFd)
    , m_out(outFd)
{
    if (m_in < 0) {
        m_in = ::open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
        m_out = m_in;
        m_ownsFds = m_in >= 0;
    }
}

TerminalPrompter::~TerminalPrompter()
{
    abort();
    if (m_ownsFds)
        ::close(m_in);
}

void TerminalPrompter::ask(const CredentialPrompt& prompt, Reply reply)
{
    finishReader();
    if (m_in < 0 || !::isatty(m_in)) {
        CredentialAnswer refused;
        reply(refused);
        return;
    }
    m_abort = false;
    QPointer<TerminalPrompter> self(this);
    m_reader = std::thread([this, self, prompt, reply = std::move(reply)]() mutable {
        auto answer = std::make_shared<CredentialAnswer>();
        if (!converse(prompt, *answer))
            return; // aborted: no reply, as the interface says
        handoff::post(this, [self, answer, reply = std::move(reply)]() mutable {
            if (self)
                reply(*answer);
            for (QString& result : answer->results)
                result.fill(QLatin1Char('\0'));
        });
    });
}

void TerminalPrompter::abort()
{
    m_abort = true;
    finishReader();
}

void TerminalPrompter::finishReader()
{
    if (m_reader.joinable())
        m_reader.join();
}

bool TerminalPrompter::converse(const CredentialPrompt& prompt, CredentialAnswer& answer)
{
    write(QLatin1Char('\n') + tr("Node %1 (%2)").arg(oneLineText(prompt.node), oneLineText(prompt.uri)) +
          QLatin1Char('\n'));
    if (!prompt.previousRefusal.isEmpty())
        write(prompt.previousRefusal + QLatin1Char('\n'));

    if (prompt.kind == CredentialPrompt::Kind::HostKey) {
        write(tr("The node's SSH host key is not known yet. Fingerprint: %1").arg(prompt.fingerprint) +
              QLatin1Char('\n'));
        QString line;
        if (!readLine(tr("Accept this host key? [y/N] "), line, true))
            return false;
        answer.accepted = line.trimmed().compare(QLatin1String("y"), Qt::CaseInsensitive) == 0 ||
                          line.trimmed().compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0;
        return true; // the broker answers libvirt's question itself
    }

    for (const CredentialRequest::Item& item : prompt.items) {
        const bool secret = isSecret(item.type);
        QString text = label(item);
        if (!secret && !item.result.isEmpty())
            text += QStringLiteral(" [%1]").arg(item.result);
        QString line;
        if (!readLine(text + QStringLiteral(": "), line, !secret))
            return false;
        if (secret)
            write(QStringLiteral("\n"));
        answer.results.append(line.isEmpty() && !secret ? item.result : line);
        line.fill(QLatin1Char('\0'));
    }
    if (prompt.canRemember) {
        QString line;
        if (!readLine(tr("Remember in the keychain? [y/N] "), line, true))
            return false;
        answer.remember = line.trimmed().compare(QLatin1String("y"), Qt::CaseInsensitive) == 0;
    }
    answer.accepted = true;
    return true;
}

bool TerminalPrompter::readLine(const QString& prompt, QString& line, bool echo)
{
    // Echo goes off before the prompt appears, so nothing typed after it is ever shown.
    termios saved{};
    const bool restore = !echo && ::tcgetattr(m_in, &saved) == 0;
    if (restore) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(m_in, TCSANOW, &quiet);
    }
    write(prompt);
    QByteArray bytes;
    bool ok = false;
    while (!m_abort) {
        pollfd fd{m_in, POLLIN, 0};
        const int ready = ::poll(&fd, 1, PollSliceMs);
        if (ready < 0 && errno != EINTR)
            break;
        if (ready <= 0)
            continue;
        char c = 0;
        const ssize_t n = ::read(m_in, &c, 1);
        if (n <= 0)
            break; // the terminal closed
        if (c == '\n' || c == '\r') {
            ok = true;
            break;
        }
        bytes.append(c);
    }
    if (restore)
        ::tcsetattr(m_in, TCSANOW, &saved);
    line = QString::fromLocal8Bit(bytes);
    bytes.fill('\0');
    return ok;
}

void TerminalPrompter::write(const QString& text)
{
    const QByteArray bytes = text.toLocal8Bit();
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(m_out, bytes.constData() + done, static_cast<size_t>(bytes.size() - done));
        if (n <= 0)
            return;
        done += n;
    }
}

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// TerminalPrompter: the headless commands' CredentialPrompter. It asks on the controlling
// terminal (/dev/tty, so it works with output redirected) with echo off for secrets, and shows an
// SSH host key's fingerprint before asking to accept it. With no terminal (cron, CI) it refuses at
// once, so a node that needs a password and has none in the keychain fails with a clear error
// instead of waiting forever.
// Thread: the command's main thread; the terminal is read on a thread of its own so that the
// event loop (and every other node) keeps going while a person types.
// Owner: the command's session; it must outlive the broker it is given to.
#pragma once

#include <atomic>
#include <memory>
#include <thread>

#include <QObject>
#include <QString>

#include "app/access/credentialprompter.h"

namespace kumo {

class TerminalPrompter : public QObject, public CredentialPrompter
{
    Q_OBJECT

public:
    // `inFd`/`outFd`: a terminal to use; -1 opens /dev/tty (tests pass a pseudo-terminal).
    explicit TerminalPrompter(int inFd = -1, int outFd = -1, QObject* parent = nullptr);
    ~TerminalPrompter() override;

    void ask(const CredentialPrompt& prompt, Reply reply) override;
    void abort() override;

private:
    // Runs on the reading thread; false when aborted or the terminal closed.
    bool converse(const CredentialPrompt& prompt, CredentialAnswer& answer);
    bool readLine(const QString& prompt, QString& line, bool echo);
    void write(const QString& text);
    void finishReader();

    int m_in = -1;
    int m_out = -1;
    bool m_ownsFds = false;
    std::atomic<bool> m_abort{false};
    std::thread m_reader;
};

} // namespace kumo

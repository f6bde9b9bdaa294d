// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/quitsignals.h"

#include <csignal>

#include <fcntl.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QSocketNotifier>

namespace kumo {

namespace {
int g_pipe[2] = {-1, -1};

void onSignal(int signalNumber)
{
    const unsigned char byte = static_cast<unsigned char>(signalNumber);
    // Nothing else is async-signal-safe here; a full pipe just means a quit is already pending.
    [[maybe_unused]] const ssize_t written = ::write(g_pipe[1], &byte, 1);
}
} // namespace

QuitSignals::QuitSignals(Hangup hangup, Reaction reaction, QObject* parent)
    : QObject(parent)
    , m_reaction(reaction)
{
    if (hangup == Hangup::Ignore) {
        // SIGPIPE stays ignored afterwards (libvirt's event loop ignores it too); SIGHUP gets its
        // default back in the destructor.
        ::signal(SIGHUP, SIG_IGN);
        ::signal(SIGPIPE, SIG_IGN);
    }
    if (::pipe2(g_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &QuitSignals::onReadable);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int signalNumber : {SIGINT, SIGTERM})
        ::sigaction(signalNumber, &action, nullptr);
    if (hangup == Hangup::Quit)
        ::sigaction(SIGHUP, &action, nullptr);
}

QuitSignals::~QuitSignals()
{
    struct sigaction action = {};
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    for (int signalNumber : {SIGINT, SIGTERM, SIGHUP})
        ::sigaction(signalNumber, &action, nullptr);
}

void QuitSignals::onReadable()
{
    unsigned char byte = 0;
    bool any = false;
    // One report per signal: a second Ctrl+C that arrived with the first still counts as second.
    while (::read(g_pipe[0], &byte, 1) == 1) {
        any = true;
        m_received = byte;
        Q_EMIT quitRequested(m_received);
    }
    if (any && m_reaction == Reaction::Quit)
        QCoreApplication::quit();
}

} // namespace kumo

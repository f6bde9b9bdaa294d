// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// QuitSignals: turns SIGINT, SIGTERM and SIGHUP into an orderly QCoreApplication::quit(), so
// that what the process started (the demo lab) is stopped the same way as when the window closes.
// The signal handler only writes a byte to a pipe; the quit happens on the main thread. Every
// signal is reported once (two Ctrl+C in quick succession are two quitRequested()), so a receiver
// can tell a second one. With Reaction::Report nothing quits by itself: the receiver decides (the
// window winds an outage run down first).
// A headless outage run outlives its terminal (Hangup::Ignore): SIGHUP and SIGPIPE (a pipe
// reader that went with the terminal) are ignored, so a dropped SSH session stops nothing.
// Thread: main.
// Owner: main(); install once.
#pragma once

#include <QObject>

class QSocketNotifier;

namespace kumo {

class QuitSignals : public QObject
{
    Q_OBJECT

public:
    enum class Hangup
    {
        Quit,   // SIGHUP quits like SIGINT and SIGTERM
        Ignore, // SIGHUP and SIGPIPE are ignored: the process keeps running when its terminal goes
    };

    enum class Reaction
    {
        Quit,   // quitRequested(), then QCoreApplication::quit()
        Report, // quitRequested() only: its receiver quits when it is ready
    };

    explicit QuitSignals(Hangup hangup = Hangup::Quit, Reaction reaction = Reaction::Quit,
                         QObject* parent = nullptr);
    ~QuitSignals() override;

    // The signal that asked to quit, 0 when none did.
    [[nodiscard]] int receivedSignal() const { return m_received; }

Q_SIGNALS:
    void quitRequested(int signalNumber);

private:
    void onReadable();

    QSocketNotifier* m_notifier = nullptr;
    Reaction m_reaction;
    int m_received = 0;
};

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// StallProbe: records the longest gap between ticks of a 10 ms timer, that is how long the event
// loop of the thread that made it stalled (the GUI thread's, in tests of "nothing freezes").
// Thread: the one it is made on; it needs that thread's event loop to run.
#pragma once

#include <algorithm>

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace kumo {

class StallProbe
{
public:
    StallProbe()
    {
        m_clock.start();
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.elapsed();
            m_maxGapMs = std::max(m_maxGapMs, now - m_last);
            m_last = now;
        });
        m_timer.start();
    }
    [[nodiscard]] qint64 maxGapMs() const { return m_maxGapMs; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_maxGapMs = 0;
};

} // namespace kumo

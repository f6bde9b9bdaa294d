// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// EventLoop: the one process-wide thread that runs libvirt's default event loop, which
// delivers domain events, keepalive messages and connection-close notifications.
// Call ensureRunning() before the first virConnectOpen* in the process; HostConnection does.
// Thread: ensureRunning() may be called from any thread. Callbacks that libvirt dispatches
// run on the loop's own thread and must only post work to the thread that owns the object.
// Owner: the process. The thread is detached and lives until the process exits: libvirt offers
// no way to unregister its default event implementation, and connections may still dispatch
// callbacks into it until they are closed, so stopping it early would only risk lost events.
#pragma once

namespace kumo {

class EventLoop
{
public:
    EventLoop() = delete;

    // Silences libvirt's stderr error output, registers the default event implementation and
    // starts the loop thread. Thread-safe and idempotent.
    static void ensureRunning();
    [[nodiscard]] static bool isRunning();
};

} // namespace kumo

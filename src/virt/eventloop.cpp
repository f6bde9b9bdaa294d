// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "virt/eventloop.h"

#include <csignal>

#include <atomic>
#include <mutex>
#include <thread>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <QtGlobal>

#include "virt/virterror.h"

namespace kumo {

namespace {
std::once_flag s_once;
std::atomic<bool> s_running{false};

void runLoop()
{
    for (;;) {
        if (virEventRunDefaultImpl() < 0) {
            // Only happens when the implementation is broken; avoid spinning on it.
            const virErrorPtr err = virGetLastError();
            qWarning("libvirt event loop iteration failed: %s",
                     err && err->message ? err->message : "unknown");
            virResetLastError();
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
}
} // namespace

void EventLoop::ensureRunning()
{
    std::call_once(s_once, [] {
        VirtError::silenceDefaultOutput();
        // A libvirt client must ignore SIGPIPE: writing to the socket of a daemon that went away
        // would otherwise kill the whole console. Only replace the default action, never a
        // handler the application installed.
        struct sigaction current = {};
        if (sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL)
            signal(SIGPIPE, SIG_IGN);
        if (virInitialize() < 0)
            qWarning("virInitialize failed");
        if (virEventRegisterDefaultImpl() < 0) {
            qWarning("virEventRegisterDefaultImpl failed: domain events and keepalive will not work");
            virResetLastError();
            return;
        }
        // Detached on purpose: see the header. The loop wakes by itself whenever a handle or
        // timer is added (libvirt's default implementation has an internal wake-up pipe).
        std::thread(runLoop).detach();
        s_running = true;
    });
}

bool EventLoop::isRunning()
{
    return s_running;
}

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Memory Kumo gives up on purpose: a session thread stuck inside a libvirt call cannot be destroyed
// while it runs, so it is left to the process exit. LeakSanitizer is told so; it still reports
// every other allocation that is never freed.
// Thread: any.
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

namespace kumo {

// `object` (the start of a heap allocation) and what it points to stay until the process exits.
inline void leaveToProcessExit(const void* object)
{
#if defined(__SANITIZE_ADDRESS__)
    __lsan_ignore_object(object);
#else
    static_cast<void>(object);
#endif
}

} // namespace kumo

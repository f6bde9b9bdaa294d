// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/threadhandoff.h"

#include <QCoreApplication>
#include <QThread>

#if defined(__SANITIZE_THREAD__)
#include <sanitizer/tsan_interface.h>

// Exported by ThreadSanitizer's runtime; its header declares acquire and release only.
extern "C" {
void __tsan_ignore_thread_begin();
void __tsan_ignore_thread_end();
}
#endif

namespace kumo::handoff {

const QThread* guiThread()
{
    const QCoreApplication* app = QCoreApplication::instance();
    return app ? app->thread() : nullptr;
}

#if defined(__SANITIZE_THREAD__)
namespace detail {

void releaseTowards(const QThread* receiver)
{
    if (receiver)
        __tsan_release(const_cast<QThread*>(receiver));
}

void release(const void* token)
{
    __tsan_release(const_cast<void*>(token));
}

void acquire(const void* token)
{
    __tsan_acquire(const_cast<void*>(token));
}

void ignoreAccessesBegin()
{
    __tsan_ignore_thread_begin();
}

void ignoreAccessesEnd()
{
    __tsan_ignore_thread_end();
}

namespace {

// Qt calls this on the receiving thread before it delivers any event (posted or sent).
bool acquireBeforeDelivery(void**)
{
    __tsan_acquire(QThread::currentThread());
    return false; // deliver the event as usual
}

// Linked into every program that hands anything over (releaseTowards is defined here only).
const bool s_registered = QInternal::registerCallback(QInternal::EventNotifyCallback, acquireBeforeDelivery);

} // namespace
} // namespace detail
#endif

} // namespace kumo::handoff

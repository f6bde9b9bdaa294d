// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Handing values from one thread to another through Qt's event queue, in a way ThreadSanitizer can
// follow. Qt is not built with ThreadSanitizer: it sees neither the lock that guards a thread's
// queue of posted events nor Qt's own copies of a queued call's arguments, so every value Kumo
// posts to another thread would look like a data race. These helpers tell it what Qt guarantees:
//
//   - handoff::post(context, call) queues `call` to run on `context`'s thread (like
//     QMetaObject::invokeMethod with Qt::QueuedConnection);
//   - handoff::emitAcross(sender, &Class::signal, args...) emits a signal whose receivers live on the
//     GUI thread (the session and migration threads' signals, received queued).
//
// In a ThreadSanitizer build, both "release" towards the receiving thread before anything is queued,
// and the copies Qt makes into the queued event are not recorded as accesses (they are made under
// Qt's lock, invisible here); every event a thread delivers first "acquires" what was released
// towards that thread. Values a thread shares in any other way are still checked. In any other
// build the helpers are the plain Qt calls.
// Thread: any.
#pragma once

#include <QMetaObject>
#include <QObject>

#include <type_traits>
#include <utility>

class QThread;

namespace kumo::handoff {

#if defined(__SANITIZE_THREAD__)
namespace detail {
// Everything this thread did so far happens before the next event `receiver` delivers.
void releaseTowards(const QThread* receiver);
// A plain release/acquire pair on an address both threads know.
void release(const void* token);
void acquire(const void* token);
void ignoreAccessesBegin();
void ignoreAccessesEnd();
} // namespace detail

// While it lives, this thread's memory accesses are not recorded (Qt copying into a queued event).
class QueuedCopy
{
public:
    explicit QueuedCopy(const QThread* receiver)
    {
        detail::releaseTowards(receiver);
        detail::ignoreAccessesBegin();
    }
    ~QueuedCopy() { detail::ignoreAccessesEnd(); }
    QueuedCopy(const QueuedCopy&) = delete;
    QueuedCopy& operator=(const QueuedCopy&) = delete;
};
#else
class QueuedCopy
{
public:
    explicit QueuedCopy(const QThread*) {}
};
namespace detail {
inline void release(const void*) {}
inline void acquire(const void*) {}
} // namespace detail
#endif

// The thread that receives the signals of session and migration objects: the application's.
const QThread* guiThread();

namespace detail {
// A functor Qt runs on one thread and may delete on another: a queued call (deleted by whichever
// thread lets go of it last, the receiver after running it or the poster if the receiver ran it
// first), or a slot whose sender lives on another thread and is destroyed there while connected.
// What the calls did happens before the deletion.
template <typename Function> class Released
{
public:
    explicit Released(Function function)
        : m_function(std::move(function))
    {}
    Released(Released&&) noexcept = default;
    Released& operator=(Released&&) noexcept = default;
    Released(const Released&) = delete;
    Released& operator=(const Released&) = delete;
    ~Released() { acquire(this); }

    template <typename... Args> void operator()(Args&&... args)
    {
        m_function(std::forward<Args>(args)...);
        release(this);
    }

private:
    Function m_function;
};
} // namespace detail

// For connect(sender, signal, receiver, handoff::slotAcross(functor)) when `sender` lives on
// another thread and is destroyed there while connected.
template <typename Slot> auto slotAcross(Slot slot)
{
    return detail::Released<Slot>(std::move(slot));
}

// Queues `call` (a functor, or a member function of `context` without arguments) to `context`'s
// thread; it runs there unless `context` is destroyed first.
template <typename Context, typename Call> bool post(Context* context, Call&& call)
{
    const QueuedCopy copy(context->thread());
    if constexpr (std::is_member_function_pointer_v<std::decay_t<Call>>) {
        auto bound = [context, call] { (context->*call)(); };
        return QMetaObject::invokeMethod(context, detail::Released<decltype(bound)>(std::move(bound)),
                                         Qt::QueuedConnection);
    } else {
        return QMetaObject::invokeMethod(
            context, detail::Released<std::decay_t<Call>>(std::forward<Call>(call)), Qt::QueuedConnection);
    }
}

// Runs `call` on `context`'s thread and waits for it (Qt::BlockingQueuedConnection: never from
// that thread itself); what it did is visible to the caller afterwards.
template <typename Context, typename Call> bool callBlocking(Context* context, Call&& call)
{
    const int token = 0;
    bool done = false;
    {
        const QueuedCopy copy(context->thread());
        done = QMetaObject::invokeMethod(
            context,
            [&call, &token] {
                call();
                detail::release(&token);
            },
            Qt::BlockingQueuedConnection);
    }
    detail::acquire(&token);
    return done;
}

// Emits `signal` of `sender`, whose receivers are on the GUI thread and connected queued. The
// arguments are evaluated by the caller, before the hand-off.
template <typename Sender, typename Class, typename... Params, typename... Args>
void emitAcross(Sender* sender, void (Class::*signal)(Params...), Args&&... args)
{
    const QueuedCopy copy(guiThread());
    (sender->*signal)(std::forward<Args>(args)...);
}

} // namespace kumo::handoff

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// VirtError: the one place where libvirt's errors become kumo::Error values: a Kumo error
// code, a translated sentence saying what to do, and libvirt's own text as the detail.
// No libvirt type appears here so that callers above virt need no libvirt header.
// Thread: any. libvirt keeps its last error per thread, so lastError() must run on the
// thread that made the failing call.
#pragma once

#include <QCoreApplication>
#include <QString>

#include "core/result.h"

namespace kumo {

class VirtError
{
    Q_DECLARE_TR_FUNCTIONS(kumo::VirtError)

public:
    VirtError() = delete;

    // Converts (and clears) the calling thread's last libvirt error. fallback is the code for
    // errors that say nothing more specific, e.g. ConnectionFailed while opening a connection.
    [[nodiscard]] static Error lastError(const QString& object,
                                         ErrorCode fallback = ErrorCode::OperationFailed);

    // The conversion itself, from libvirt's virErrorNumber and virErrorDomain values.
    [[nodiscard]] static Error fromLibvirt(int code, int domain, const QString& libvirtMessage,
                                           const QString& object,
                                           ErrorCode fallback = ErrorCode::OperationFailed);
    [[nodiscard]] static ErrorCode codeFor(int code, int domain,
                                           ErrorCode fallback = ErrorCode::OperationFailed);
    // The translated sentence shown for a Kumo error code that came from libvirt.
    [[nodiscard]] static QString messageFor(ErrorCode code);
    // What to do when qemu+ssh failed (no key in the agent, no askpass, unknown host key, no
    // sshd), from the ssh text libvirt relays; empty when the text is not about ssh.
    [[nodiscard]] static QString sshAdvice(const QString& libvirtMessage);
    // An error found without a failed libvirt call (e.g. no connection): `code` with its
    // sentence, about `object`, without detail.
    [[nodiscard]] static Error withoutDetail(ErrorCode code, const QString& object);

    // True when the calling thread's last libvirt error says the driver lacks a function or
    // flag: callers use it to fall back to an older API instead of failing.
    [[nodiscard]] static bool lastErrorIsUnsupported();
    static void clearLastError();

    // libvirt prints every error to stderr unless a handler is set; Kumo reports errors as
    // values instead. Idempotent; EventLoop::ensureRunning() calls it.
    static void silenceDefaultOutput();
};

} // namespace kumo

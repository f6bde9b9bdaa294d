// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "virt/virterror.h"

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

namespace kumo {

namespace {
void ignoreError(void* /*userData*/, virErrorPtr /*error*/)
{
    // Errors are read back with virGetLastError and reported as values.
}
} // namespace

ErrorCode VirtError::codeFor(int code, int domain, ErrorCode fallback)
{
    switch (code) {
    case VIR_ERR_AUTH_FAILED:
    case VIR_ERR_AUTH_CANCELLED:
    case VIR_ERR_AUTH_UNAVAILABLE:
        return ErrorCode::AuthFailed;
    case VIR_ERR_NO_CONNECT:
    case VIR_ERR_INVALID_CONN:
    case VIR_ERR_RPC:
        return ErrorCode::ConnectionFailed;
    case VIR_ERR_NO_DOMAIN:
        return ErrorCode::NotFound;
    case VIR_ERR_NO_SUPPORT:
    case VIR_ERR_ARGUMENT_UNSUPPORTED:
    case VIR_ERR_OPERATION_UNSUPPORTED:
        return ErrorCode::Unsupported;
    case VIR_ERR_OPERATION_ABORTED:
        return ErrorCode::Cancelled;
    case VIR_ERR_OPERATION_TIMEOUT:
        return ErrorCode::Timeout;
    case VIR_ERR_INVALID_ARG:
    case VIR_ERR_XML_ERROR:
    case VIR_ERR_XML_DETAIL:
    case VIR_ERR_XML_INVALID_SCHEMA:
        return ErrorCode::InvalidInput;
    default:
        break;
    }
    // Socket and protocol failures (EOF, reset, keepalive timeout) come from the RPC layer
    // under generic codes such as VIR_ERR_SYSTEM_ERROR or VIR_ERR_INTERNAL_ERROR.
    if (domain == VIR_FROM_RPC)
        return ErrorCode::ConnectionFailed;
    return fallback == ErrorCode::None ? ErrorCode::OperationFailed : fallback;
}

QString VirtError::messageFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::ConnectionFailed:
        return tr(
            "Cannot reach the node's libvirt daemon. Check that libvirtd runs on the node and that the URI "
            "is right.");
    case ErrorCode::AuthFailed:
        return tr(
            "The node's libvirt daemon refused the credentials or none were given. Check the user name and "
            "password for this node, or its certificates and SSH keys.");
    case ErrorCode::NotFound:
        return tr("The instance no longer exists on this node. Refresh the view and try again.");
    case ErrorCode::Unsupported:
        return tr("The node's hypervisor driver does not support this operation.");
    case ErrorCode::Cancelled:
        return tr("The operation was cancelled.");
    case ErrorCode::Timeout:
        return tr(
            "The node did not answer in time. Check the network between this console and the node, then "
            "try again.");
    case ErrorCode::InvalidInput:
        return tr("libvirt rejected the request as invalid. Check the values given for it.");
    case ErrorCode::None:
    case ErrorCode::OperationFailed:
    case ErrorCode::Io:
    case ErrorCode::Internal:
    case ErrorCode::Insecure:
    case ErrorCode::ReadOnly:
        break;
    }
    return tr("libvirt could not complete the operation. The details give libvirt's reason.");
}

QString VirtError::sshAdvice(const QString& libvirtMessage)
{
    // qemu+ssh runs the ssh command, which cannot ask anything inside Kumo: libvirt relays its
    // complaint. These are OpenSSH's own words.
    if (libvirtMessage.contains(u"Host key verification failed") ||
        libvirtMessage.contains(u"REMOTE HOST IDENTIFICATION HAS CHANGED"))
        return tr("The node's SSH host key is unknown or has changed. Check it and accept it once with "
                  "\"ssh\" in a terminal (it is then in known_hosts), or use qemu+libssh:// so Kumo shows "
                  "the fingerprint and asks.");
    if (libvirtMessage.contains(u"askpass") || libvirtMessage.contains(u"read_passphrase"))
        return tr("ssh needs a password or passphrase and cannot ask for it here. Load your key into "
                  "ssh-agent (ssh-add) before starting Kumo, or use qemu+libssh:// so Kumo can ask.");
    if (libvirtMessage.contains(u"Permission denied (publickey"))
        return tr("The node refused the SSH login: no key it accepts was offered. Load the right key into "
                  "ssh-agent (ssh-add), or use qemu+libssh:// with a password or a keyfile.");
    if (libvirtMessage.contains(u"ssh: connect to host") ||
        libvirtMessage.contains(u"ssh: Could not resolve"))
        return tr("No SSH server answers at that address. Check the host name and port in the URI and "
                  "that sshd runs on the node.");
    return {};
}

Error VirtError::fromLibvirt(int code, int domain, const QString& libvirtMessage, const QString& object,
                             ErrorCode fallback)
{
    Error error;
    error.code = codeFor(code, domain, fallback);
    error.object = object;
    error.message = messageFor(error.code);
    if (const QString advice = sshAdvice(libvirtMessage); !advice.isEmpty())
        error.message = advice;
    error.detail = libvirtMessage;
    return error;
}

Error VirtError::lastError(const QString& object, ErrorCode fallback)
{
    const virErrorPtr err = virGetLastError();
    if (!err || err->code == VIR_ERR_OK) {
        Error error;
        error.code = fallback == ErrorCode::None ? ErrorCode::OperationFailed : fallback;
        error.object = object;
        error.message = messageFor(error.code);
        error.detail = tr("libvirt reported no reason.");
        return error;
    }
    Error error = fromLibvirt(err->code, err->domain, QString::fromUtf8(err->message ? err->message : ""),
                              object, fallback);
    virResetLastError();
    return error;
}

Error VirtError::withoutDetail(ErrorCode code, const QString& object)
{
    return Error{code, object, messageFor(code), {}, 0, 0};
}

bool VirtError::lastErrorIsUnsupported()
{
    const virErrorPtr err = virGetLastError();
    // Drivers report unknown flags either as unsupported or as an invalid argument.
    return err && (err->code == VIR_ERR_NO_SUPPORT || err->code == VIR_ERR_ARGUMENT_UNSUPPORTED ||
                   err->code == VIR_ERR_OPERATION_UNSUPPORTED || err->code == VIR_ERR_INVALID_ARG);
}

void VirtError::clearLastError()
{
    virResetLastError();
}

void VirtError::silenceDefaultOutput()
{
    // Process-wide: covers threads libvirt creates itself, which have no per-thread handler.
    virSetErrorFunc(nullptr, ignoreError);
}

} // namespace kumo

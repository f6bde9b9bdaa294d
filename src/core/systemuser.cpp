// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/systemuser.h"

#include <QByteArray>

#include <cerrno>
#include <pwd.h>
#include <unistd.h>

namespace kumo {

namespace {

// Calls `lookup(entry, buffer, size, result)` (getpwnam_r or getpwuid_r) with a buffer that grows
// until the entry fits.
template <typename Lookup> std::optional<SystemUser> lookUp(Lookup lookup)
{
    const long hint = ::sysconf(_SC_GETPW_R_SIZE_MAX);
    QByteArray buffer(hint > 0 ? hint : 4096, Qt::Uninitialized);
    for (int attempt = 0; attempt < 8; ++attempt) {
        passwd entry{};
        passwd* found = nullptr;
        const int error = lookup(&entry, buffer.data(), size_t(buffer.size()), &found);
        if (error == ERANGE) {
            buffer.resize(buffer.size() * 2);
            continue;
        }
        if (error != 0 || !found)
            return std::nullopt;
        return SystemUser{QString::fromLocal8Bit(found->pw_name), found->pw_uid, found->pw_gid};
    }
    return std::nullopt;
}

} // namespace

std::optional<SystemUser> systemUserNamed(const QString& name)
{
    const QByteArray encoded = name.toLocal8Bit();
    return lookUp([&](passwd* entry, char* buffer, size_t size, passwd** found) {
        return ::getpwnam_r(encoded.constData(), entry, buffer, size, found);
    });
}

std::optional<SystemUser> systemUserWithId(uid_t uid)
{
    return lookUp([&](passwd* entry, char* buffer, size_t size, passwd** found) {
        return ::getpwuid_r(uid, entry, buffer, size, found);
    });
}

} // namespace kumo

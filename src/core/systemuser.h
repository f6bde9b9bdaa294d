// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Accounts from the password database (the journal's "who", the lab's daemon user), looked up with
// the reentrant calls: getpwnam() and getpwuid() share one static buffer between threads.
// Thread: any.
#pragma once

#include <QString>

#include <optional>
#include <sys/types.h>

namespace kumo {

struct SystemUser
{
    QString name;
    uid_t uid = 0;
    gid_t gid = 0;
};

[[nodiscard]] std::optional<SystemUser> systemUserNamed(const QString& name);
[[nodiscard]] std::optional<SystemUser> systemUserWithId(uid_t uid);

} // namespace kumo

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/privatedir.h"

#include <cerrno>

#include <sys/stat.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

namespace kumo {

bool makePrivateDirs(const QString& path)
{
    QStringList missing;
    QString dir = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    while (!QFileInfo::exists(dir)) {
        missing.prepend(dir);
        const QString parent = QFileInfo(dir).absolutePath();
        if (parent == dir)
            break;
        dir = parent;
    }
    for (const QString& create : std::as_const(missing)) {
        const QByteArray native = QFile::encodeName(create);
        if (::mkdir(native.constData(), 0700) != 0) {
            if (errno != EEXIST)
                return false;
            continue; // made meanwhile by someone else: theirs, left as it is
        }
        // mkdir applies the umask, which could only take bits away; set exactly 0700.
        if (::chmod(native.constData(), 0700) != 0)
            return false;
    }
    return QFileInfo(path).isDir();
}

} // namespace kumo

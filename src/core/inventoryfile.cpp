// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inventoryfile.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QFile>
#include <QScopeGuard>

#include "core/inventory.h"
#include "core/inventoryparser.h"

namespace kumo {

Result<QByteArray> InventoryFile::read(const QString& path)
{
    const auto failure = [&path](ErrorCode code, const QString& message, const QString& detail = {}) {
        Error error;
        error.code = code;
        error.object = path;
        error.message = message;
        error.detail = detail;
        return error;
    };
    const auto unreadable = [&failure](int errorNumber) {
        return failure(ErrorCode::Io,
                       Inventory::tr("The inventory file cannot be read; check its permissions."),
                       qt_error_string(errorNumber));
    };
    const auto notRegular = [&failure](mode_t mode) {
        QString kind = Inventory::tr("a special file");
        if (S_ISDIR(mode))
            kind = Inventory::tr("a folder");
        else if (S_ISFIFO(mode))
            kind = Inventory::tr("a named pipe");
        else if (S_ISCHR(mode) || S_ISBLK(mode))
            kind = Inventory::tr("a device");
        else if (S_ISSOCK(mode))
            kind = Inventory::tr("a socket");
        return failure(
            ErrorCode::InvalidInput,
            Inventory::tr("The inventory is %1, not a regular file; choose a TOML text file.").arg(kind));
    };

    const QByteArray name = QFile::encodeName(path);
    struct stat info = {};
    if (::stat(name.constData(), &info) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return failure(
                ErrorCode::NotFound,
                Inventory::tr("The inventory file does not exist; create it or choose another file."));
        return unreadable(errno);
    }
    if (!S_ISREG(info.st_mode))
        return notRegular(info.st_mode);
    // O_NONBLOCK: should the file be replaced by a pipe between stat() and open(), open() does not
    // wait for a writer; fstat() below then refuses it.
    const int fd = ::open(name.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return unreadable(errno);
    const auto closeFd = qScopeGuard([fd] { ::close(fd); });
    if (::fstat(fd, &info) != 0)
        return unreadable(errno);
    if (!S_ISREG(info.st_mode))
        return notRegular(info.st_mode);
    if (info.st_size > MaxBytes)
        return detail::fileTooLarge(path);

    // One byte more than allowed is read at most, so a file that grew meanwhile is still refused.
    QByteArray data(qsizetype(info.st_size) + 1, Qt::Uninitialized);
    qsizetype size = 0;
    for (;;) {
        if (size == data.size()) {
            if (size > MaxBytes)
                break;
            data.resize(qsizetype(std::min<qint64>(2 * qint64(size), MaxBytes + 1)));
        }
        const ssize_t got = ::read(fd, data.data() + size, std::size_t(data.size() - size));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return unreadable(errno);
        if (got == 0)
            break;
        size += got;
    }
    if (size > MaxBytes)
        return detail::fileTooLarge(path);
    data.truncate(size);
    data.squeeze();
    return data;
}

} // namespace kumo

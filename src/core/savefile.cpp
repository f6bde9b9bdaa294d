// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/savefile.h"

#include <QByteArray>
#include <QSaveFile>

namespace kumo {

std::optional<QString> saveFile(const QString& path, const QByteArray& bytes,
                                std::optional<QFileDevice::Permissions> permissions)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    if ((permissions && !file.setPermissions(*permissions)) || file.write(bytes) != bytes.size() ||
        !file.flush()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return reason;
    }
    if (!file.commit())
        return file.errorString();
    return std::nullopt;
}

} // namespace kumo

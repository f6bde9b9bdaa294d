// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/instancedrag.h"

#include <QDataStream>
#include <QIODevice>

namespace kumo {

namespace {

// Pinned so that two Kumo builds with different Qt versions read each other's drags.
constexpr QDataStream::Version StreamVersion = QDataStream::Qt_6_0;

} // namespace

QString InstanceDrag::mimeType()
{
    return QStringLiteral("application/x-kumo-instance");
}

QByteArray InstanceDrag::encode() const
{
    QByteArray data;
    QDataStream out(&data, QIODevice::WriteOnly);
    out.setVersion(StreamVersion);
    out << Magic << Version << uuids << sourceNode;
    return data;
}

std::optional<InstanceDrag> InstanceDrag::decode(const QByteArray& data)
{
    QDataStream in(data);
    in.setVersion(StreamVersion);
    quint32 magic = 0;
    quint16 version = 0;
    in >> magic >> version;
    if (in.status() != QDataStream::Ok || magic != Magic || version != Version)
        return std::nullopt;
    InstanceDrag drag;
    in >> drag.uuids >> drag.sourceNode;
    if (in.status() != QDataStream::Ok || !in.atEnd() || drag.uuids.isEmpty())
        return std::nullopt;
    for (const QString& uuid : std::as_const(drag.uuids)) {
        if (uuid.isEmpty())
            return std::nullopt;
    }
    return drag;
}

} // namespace kumo

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
    // The QStringList as QDataStream writes it (a count, then the strings), read one string at a
    // time: `in >> QStringList` reserves room for the count it reads before any string, so a forged
    // count of two billion asked for 50 GB. Each string takes at least four bytes, so a count
    // larger than a quarter of what is left cannot be honest.
    quint32 count = 0;
    in >> count;
    const qint64 left = data.size() - in.device()->pos();
    if (in.status() != QDataStream::Ok || count == 0 || qint64(count) > left / 4)
        return std::nullopt;
    InstanceDrag drag;
    drag.uuids.reserve(qsizetype(count));
    for (quint32 i = 0; i < count; ++i) {
        QString uuid;
        in >> uuid;
        if (in.status() != QDataStream::Ok || uuid.isEmpty())
            return std::nullopt;
        drag.uuids.append(uuid);
    }
    in >> drag.sourceNode;
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return std::nullopt;
    return drag;
}

} // namespace kumo

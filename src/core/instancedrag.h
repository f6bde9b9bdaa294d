// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The payload of an instance drag ("application/x-kumo-instance"): which instances and the node
// the drag started from, in a versioned QDataStream, so that the map and the tables carry the
// same thing and a payload from another Kumo version (or any other program) is rejected instead
// of misread. QtCore only: the widgets wrap the bytes in QMimeData.
// Thread: any.
#pragma once

#include <optional>

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace kumo {

struct InstanceDrag
{
    static constexpr quint32 Magic = 0x4b554d49; // "KUMI"
    static constexpr quint16 Version = 1;

    QStringList uuids;  // at least one
    QString sourceNode; // the node the drag started from (instances may live on several)

    [[nodiscard]] static QString mimeType();
    [[nodiscard]] QByteArray encode() const;
    // nullopt for a wrong magic number or version, a truncated payload, trailing bytes or no UUID.
    [[nodiscard]] static std::optional<InstanceDrag> decode(const QByteArray& data);

    bool operator==(const InstanceDrag&) const = default;
};

} // namespace kumo

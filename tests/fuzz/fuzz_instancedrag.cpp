// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Fuzz target: the decoder of the drag payload (application/x-kumo-instance), which any program
// can drop on Kumo's map and tables. A payload it accepts encodes back to the same bytes.
#include <cstdint>
#include <cstdlib>

#include <QByteArray>

#include "core/instancedrag.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray payload =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto drag = kumo::InstanceDrag::decode(payload);
    if (!drag)
        return 0;
    if (drag->uuids.isEmpty() || kumo::InstanceDrag::decode(drag->encode()) != drag)
        std::abort();
    return 0;
}

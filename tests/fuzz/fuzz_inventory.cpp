// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Fuzz target: the inventory reader (size, UTF-8 and nesting checks, toml++, validation). An
// inventory that parses must also survive what Kumo does with it next: written back by toToml()
// (save() refuses text it cannot read back), it reads back as the same sites, nodes and instances.
#include <cstdint>
#include <cstdlib>

#include <QByteArray>
#include <QString>

#include "core/inventory.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray text =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const QString name = QStringLiteral("fuzz.toml");
    const kumo::Result<kumo::Inventory> parsed = kumo::Inventory::parse(text, name);
    if (!parsed) {
        // Every refusal says where, except the checks of the whole file.
        (void)parsed.error().toString();
        return 0;
    }
    const kumo::Inventory& inventory = parsed.value();
    const kumo::Result<kumo::Inventory> again = kumo::Inventory::parse(inventory.toToml(), name);
    if (!again)
        std::abort();
    if (again->sites != inventory.sites || again->nodes != inventory.nodes ||
        again->instances != inventory.instances || again->pollIntervalMs != inventory.pollIntervalMs)
        std::abort();
    return 0;
}

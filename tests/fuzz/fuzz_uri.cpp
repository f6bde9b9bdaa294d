// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Fuzz target: URI handling. The input (as UTF-8 text) goes through the inventory's libvirt URI
// check, the node dialog's NodeAddress (which promises that an address it accepts gives exactly
// the same URI back) and the service probe URL parser.
#include <cstdint>
#include <cstdlib>

#include <QByteArray>
#include <QString>

#include "core/inventoryparser.h"
#include "core/nodeaddress.h"
#include "core/serviceprobe.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    (void)kumo::detail::uriProblem(text);
    (void)kumo::NodeAddress::uriProblem(text);
    if (const auto address = kumo::NodeAddress::fromUri(text)) {
        if (address->toUri() != text)
            std::abort();
        (void)address->validate();
    }
    QString problem;
    if (const auto probe = kumo::parseProbeUrl(text, &problem)) {
        if (probe->port < 1 || probe->port > 65535)
            std::abort();
    } else if (problem.isEmpty()) {
        std::abort(); // a refusal always says why
    }
    return 0;
}

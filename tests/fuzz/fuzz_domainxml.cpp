// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Fuzz target: the domain XML reader behind migration pre-flight checks (HostFacts::parseDomainXml).
// The XML comes from libvirtd, where any user who may define a domain chooses much of it.
#include <cstdint>

#include <QByteArray>

#include "virt/hostfacts.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray xml =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const kumo::GuestFacts facts = kumo::HostFacts::parseDomainXml(xml);
    (void)facts;
    return 0;
}

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Fuzz target: the readers of the outage state files (what OutageStore loads) and of a planned
// outage: JSON text through QJsonDocument into OutageState, OutageRun and OutagePlan. What one of
// them accepts must be written back by toJson() into something the same reader accepts again.
#include <cstdint>
#include <cstdlib>

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/outageplan.h"
#include "core/outagestate.h"

namespace {

template <typename T> void readBack(const QJsonObject& json)
{
    const kumo::Result<T> value = T::fromJson(json);
    if (!value) {
        (void)value.error().toString();
        return;
    }
    const QByteArray written = QJsonDocument(value->toJson()).toJson(QJsonDocument::Compact);
    if (!T::fromJson(QJsonDocument::fromJson(written).object()))
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray text =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return 0;
    const QJsonObject json = document.object();
    readBack<kumo::OutageState>(json);
    readBack<kumo::OutageRun>(json);
    readBack<kumo::OutagePlan>(json);
    return 0;
}

// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/drophandler.h"

namespace kumo {

DropHandler::~DropHandler() = default;

void DropHandler::beginDrag(const QStringList& uuids)
{
    Q_UNUSED(uuids);
}

void DropHandler::endDrag() {}

} // namespace kumo

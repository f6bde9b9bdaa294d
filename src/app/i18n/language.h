// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Language: picks the UI language (Japanese or English) and installs Kumo's and Qt's own
// translation catalogues into the application, replacing those installed before.
// Thread: main thread (QCoreApplication translators are process-wide).
#pragma once

#include <QString>
#include <QStringList>

namespace kumo::language {

// "ja" or "en". An explicit choice wins; otherwise the system locale decides.
[[nodiscard]] QString resolve(const QString& requested);

// Installs the catalogues for `language` ("ja" or "en"); returns false when Kumo's own catalogue
// for it is missing (a build problem). Qt's catalogue (qtbase) is loaded when the system has it.
bool install(const QString& language);

// The language installed last ("en" before any install).
[[nodiscard]] QString current();

// Languages Kumo ships, as codes.
[[nodiscard]] QStringList available();

} // namespace kumo::language

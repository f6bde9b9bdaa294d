#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Kumo contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Refreshes translations/*.ts from the sources. New strings appear as unfinished in kumo_ja.ts
# (tests/build/tst_translations fails until they are translated). kumo_en.ts holds plurals only.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)
dirs=(src)
[ -d ui ] && dirs+=(ui)
"$lupdate" -silent -no-obsolete -locations none "${dirs[@]}" -ts translations/kumo_ja.ts
"$lupdate" -silent -no-obsolete -locations none -pluralonly "${dirs[@]}" -ts translations/kumo_en.ts

#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Kumo contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Prints every sanitizer report a test run left in DIR (the log_path CMake gives each test) and
# fails when there is one. A plain build leaves none.
set -euo pipefail
reports=$1
shopt -s nullglob
found=("$reports"/*)
if [ ${#found[@]} -eq 0 ]; then
  exit 0
fi
for f in "${found[@]}"; do
  echo "=== sanitizer report: $f"
  cat "$f"
done
echo "${#found[@]} sanitizer report(s): failing" >&2
exit 1

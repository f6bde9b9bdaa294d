#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Kumo contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs dependencies, builds and runs the whole test suite with ctest; fails when a test
# skipped something tests/skip-allowlist.txt does not allow. Extra arguments go to ctest.
# With KUMO_SANITIZE=address,undefined (as CI runs it) or thread, the same suite runs in a
# sanitizer build, and any sanitizer report fails it (scripts/lib/variant.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source scripts/lib/variant.sh
scripts/install-deps.sh
scripts/build.sh
cd "$build_dir"
reports=$PWD/sanitizer-reports
rm -rf "$reports"
mkdir -p "$reports"
status=0
# Lab tests (real daemons and guests) run alone (RUN_SERIAL); the others side by side.
# Every test's whole output goes into the JUnit file: check-skips.sh reads the skips from it.
ctest --output-on-failure --timeout 900 --parallel "$(nproc)" --output-junit "$PWD/ctest-junit.xml" \
  --test-output-size-passed 8388608 --test-output-size-failed 8388608 "$@" || status=$?
"$root/scripts/check-skips.sh" "$PWD/ctest-junit.xml" || status=1
"$root/scripts/ci/sanitizer-reports.sh" "$reports" || status=1
exit "$status"

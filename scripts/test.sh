#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Kumo contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs dependencies, builds and runs the whole test suite with ctest; fails when a test
# skipped something tests/skip-allowlist.txt does not allow.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
cd build
# Every test's whole output goes into the JUnit file: check-skips.sh reads the skips from it.
status=0
ctest --output-on-failure --timeout 900 --output-junit "$PWD/ctest-junit.xml" \
  --test-output-size-passed 8388608 --test-output-size-failed 8388608 "$@" || status=$?
../scripts/check-skips.sh "$PWD/ctest-junit.xml" || status=1
exit "$status"

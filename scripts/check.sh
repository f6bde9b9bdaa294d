#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Kumo contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The checks CI runs after the test suite, each in its own build folder, each timed; stops at the
# first that fails.
#
#   scripts/check.sh             every check in `order` below whose script exists
#   scripts/check.sh asan tsan   only these, in this order
#
# tsan runs only when asked for: Qt is not built with ThreadSanitizer, so it does not see the
# lock that hands a queued call from one thread to another inside libQt6Core and reports every
# such hand-off as a race (128 reports in tst_migrationqueue, all through Qt's queued-call code).
# It joins `order` once tests/sanitizers/tsan.supp covers those hand-offs and nothing of Kumo's.
#
#   asan  scripts/ci/sanitizers.sh asan   AddressSanitizer + UBSan + LeakSanitizer, all tests
#   tsan  scripts/ci/sanitizers.sh tsan   ThreadSanitizer, the threaded parts' tests
#   fuzz  scripts/ci/fuzz.sh              libFuzzer targets (clang)
#   tidy  scripts/ci/tidy.sh              clang-tidy on src/
set -euo pipefail
cd "$(dirname "$0")/.."

# asan joins `order` once the whole suite (GUI and lab included) has run clean under it with the
# leak suppressions it needs; until then `scripts/check.sh asan` runs it by hand.
order=(fuzz tidy)
known=(asan tsan fuzz tidy)
declare -A command=(
  [asan]="scripts/ci/sanitizers.sh asan"
  [tsan]="scripts/ci/sanitizers.sh tsan"
  [fuzz]="scripts/ci/fuzz.sh"
  [tidy]="scripts/ci/tidy.sh"
)

selected=()
if [ $# -eq 0 ]; then
  for name in "${order[@]}"; do
    script=${command[$name]%% *}
    [ -x "$script" ] && selected+=("$name")
  done
else
  for name in "$@"; do
    if [ -z "${command[$name]+x}" ]; then
      echo "check.sh: unknown check '$name' (known: ${known[*]})" >&2
      exit 2
    fi
    script=${command[$name]%% *}
    if [ ! -x "$script" ]; then
      echo "check.sh: $script is missing" >&2
      exit 2
    fi
    selected+=("$name")
  done
fi

summary=()
for name in "${selected[@]}"; do
  echo "=== check $name: ${command[$name]}"
  start=$(date +%s)
  status=0
  ${command[$name]} || status=$?
  secs=$(($(date +%s) - start))
  if [ $status -ne 0 ]; then
    echo "=== check $name FAILED (status $status) after ${secs} s" >&2
    exit $status
  fi
  summary+=("$name ${secs} s")
  echo "=== check $name passed in ${secs} s"
done
echo "=== checks passed: ${summary[*]:-none}"

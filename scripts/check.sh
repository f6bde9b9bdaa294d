#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Kumo contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The checks CI runs after its test run (scripts/test.sh under AddressSanitizer + UBSan, see
# .ci/run), each in its own build folder, each timed; stops at the first that fails.
#
#   scripts/check.sh             every check in `order` below
#   scripts/check.sh tsan tidy   only these, in this order
#
#   fuzz  scripts/ci/fuzz.sh              libFuzzer targets (clang), 60 s each
#   tidy  scripts/ci/tidy.sh              clang-tidy on src/ (.clang-tidy)
#   asan  scripts/ci/sanitizers.sh asan   the whole suite under AddressSanitizer + UBSan +
#                                         LeakSanitizer: CI's test run, so not in `order`
#   tsan  scripts/ci/sanitizers.sh tsan   ThreadSanitizer, the threaded parts' tests (Qt is not
#                                         instrumented: Kumo's hand-offs through Qt's event queue
#                                         go through core/threadhandoff.h, which tells it)
#   package scripts/ci/package.sh         the .deb built, installed with apt-get, run, linted and
#                                         purged (root; last, since it removes the kumo-lab user
#                                         for a while)
set -euo pipefail
cd "$(dirname "$0")/.."

order=(tsan fuzz tidy package)
known=(asan tsan fuzz tidy package)
declare -A command=(
  [asan]="scripts/ci/sanitizers.sh asan"
  [tsan]="scripts/ci/sanitizers.sh tsan"
  [fuzz]="scripts/ci/fuzz.sh"
  [tidy]="scripts/ci/tidy.sh"
  [package]="scripts/ci/package.sh"
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

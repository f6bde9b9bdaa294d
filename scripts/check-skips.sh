#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Kumo contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails when a test skipped something that tests/skip-allowlist.txt does not allow: a skipped
# test cannot fail, so a broken feature would turn into a skip instead of a failure.
#   scripts/check-skips.sh JUNIT.xml [ALLOWLIST]
# JUNIT.xml is written by `ctest --output-junit`. Skips are the Qt Test "SKIP   :" lines in each
# test's output, and tests that ctest itself reports as skipped or not run.
set -euo pipefail

junit=${1:?usage: check-skips.sh JUNIT.xml [ALLOWLIST]}
allowlist=${2:-"$(cd "$(dirname "$0")/.." && pwd)/tests/skip-allowlist.txt"}
[[ -r $junit ]] || { echo "check-skips: cannot read $junit" >&2; exit 2; }
[[ -r $allowlist ]] || { echo "check-skips: cannot read $allowlist" >&2; exit 2; }

# "TEST FUNCTION" per skip; FUNCTION is * when ctest skipped the whole test.
skips=$(awk '
  /<testcase / {
    test = ""
    if (match($0, /name="[^"]*"/)) test = substr($0, RSTART + 6, RLENGTH - 7)
    if ($0 ~ /status="(notrun|disabled|skipped)"/) print test " *"
  }
  /<skipped/ { if (test != "") print test " *" }
  /SKIP   : / {
    line = substr($0, index($0, "SKIP   : ") + 9)
    sub(/\(.*/, "", line)          # TestClass::function(tag) message -> TestClass::function
    sub(/^.*::/, "", line)         # -> function
    if (test != "" && line != "") print test " " line
  }
' "$junit" | sort -u)

# "TEST FUNCTION" per allowed pair.
allowed=$(awk '
  /^[[:space:]]*(#|$)/ { next }
  { n = split($2, functions, ","); for (i = 1; i <= n; ++i) print $1 " " functions[i] }
' "$allowlist" | sort -u)

status=0
count=0
while read -r test function; do
  [[ -n $test ]] || continue
  count=$((count + 1))
  if grep -qxF "$test $function" <<<"$allowed" || grep -qxF "$test *" <<<"$allowed"; then
    echo "check-skips: allowed skip: $test $function"
  else
    echo "check-skips: SKIPPED and not in $(basename "$allowlist"): $test $function" >&2
    status=1
  fi
done <<<"$skips"
echo "check-skips: $count skip(s) seen"
exit $status

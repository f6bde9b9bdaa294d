#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Kumo contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds Kumo with sanitizers in its own build folder and runs tests under them. Any sanitizer
# report fails the run, whichever process wrote it (a test, a `kumo` helper, a detached lab
# supervisor): reports go to files in the build folder and are checked after ctest.
#
#   scripts/ci/sanitizers.sh asan [ctest args]   AddressSanitizer + UndefinedBehaviorSanitizer +
#                                                LeakSanitizer, every test (build-asan)
#   scripts/ci/sanitizers.sh tsan [ctest args]   ThreadSanitizer, the tests of the threaded parts
#                                                (build-tsan)
#
# Extra arguments go to ctest, e.g. `-R tst_migrationqueue` to run one test.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
variant=${1:-}
shift || true

# The threaded parts: node sessions, the cluster controller, the migration queue, runner and
# controller, a hung node, split detection, outage execution; and the lab with real daemons.
tsan_tests=(tst_hostsession tst_clustercontroller tst_migrationqueue tst_migrationcontrollerunit tst_hungnode
            tst_splitdetection tst_evacuation tst_migrationoutcomewatch tst_migrationrunner tst_lab tst_faults)

case "$variant" in
  asan)
    sanitize=address,undefined
    build="build-asan"
    targets=(kumo_tests)
    ;;
  tsan)
    sanitize=thread
    build="build-tsan"
    targets=(kumo "${tsan_tests[@]}")
    ;;
  *)
    echo "usage: $0 asan|tsan [ctest arguments]" >&2
    exit 2
    ;;
esac

launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="$root"
  export CCACHE_NOHASHDIR=1
fi

start=$(date +%s)
# -O1 -g1: a third quicker to build than the plain build's -O2 -g, with file:line in every stack.
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
  -DKUMO_SANITIZE="$sanitize" "${launcher[@]}"
cmake --build "$build" --target "${targets[@]}" --parallel "$(nproc)"
built=$(date +%s)
echo "sanitizers $variant: build took $((built - start)) s"

reports="$root/$build/sanitizer-reports"
rm -rf "$reports"
mkdir -p "$reports"
supp="$root/tests/sanitizers"
# halt_on_error: the first report ends the process with a non-zero status; log_path: every
# instrumented process writes its reports to files named after it and its pid.
common="halt_on_error=1:print_stacktrace=1:log_path=$reports/$variant:log_exe_name=1"
export ASAN_OPTIONS="$common:detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=0"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="$common:suppressions=$supp/ubsan.supp"
export TSAN_OPTIONS="$common:second_deadlock_stack=1:suppressions=$supp/tsan.supp"

status=0
cd "$build"
if [ "$variant" = asan ]; then
  if [ $# -gt 0 ]; then
    ctest --output-on-failure --timeout 900 "$@" || status=$?
  else
    # Unit, widget and test-driver tests side by side; lab tests one at a time (real daemons).
    ctest --output-on-failure --timeout 900 -LE lab --parallel "$(nproc)" || status=$?
    if [ $status -eq 0 ]; then
      ctest --output-on-failure --timeout 900 -L lab || status=$?
    fi
  fi
else
  if [ $# -gt 0 ]; then
    ctest --output-on-failure --timeout 900 "$@" || status=$?
  else
    regex="^($(IFS='|'; echo "${tsan_tests[*]}"))\$"
    ctest --output-on-failure --timeout 900 -R "$regex" || status=$?
  fi
fi
cd "$root"
echo "sanitizers $variant: tests took $(($(date +%s) - built)) s"

shopt -s nullglob
found=("$reports"/*)
if [ ${#found[@]} -gt 0 ]; then
  for f in "${found[@]}"; do
    echo "=== sanitizer report: ${f#"$root"/}"
    cat "$f"
  done
  echo "sanitizers $variant: ${#found[@]} report(s), failing" >&2
  exit 1
fi
if [ $status -ne 0 ]; then
  echo "sanitizers $variant: tests failed" >&2
  exit $status
fi
echo "sanitizers $variant: no reports, all tests passed"

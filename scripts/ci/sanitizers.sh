#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Kumo contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs tests under sanitizers, each variant in its own build folder (scripts/lib/variant.sh). Any
# sanitizer report fails the run, whichever process wrote it (a test, a `kumo` helper, a detached
# lab supervisor): reports go to files in the build folder and are checked after ctest.
#
#   scripts/ci/sanitizers.sh asan [ctest args]   AddressSanitizer + UndefinedBehaviorSanitizer +
#                                                LeakSanitizer, every test: scripts/test.sh in
#                                                build-asan (what CI runs as its test run)
#   scripts/ci/sanitizers.sh tsan [ctest args]   ThreadSanitizer, the tests of the threaded parts
#                                                (build-tsan): node sessions, controller, queue,
#                                                migration runner, outage runs, lab
#
# Extra arguments go to ctest, e.g. `-R tst_migrationqueue` to run one test.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
variant=${1:-}
shift || true

tsan_tests=(tst_threadhandoff tst_hostsession tst_clustercontroller tst_migrationqueue tst_migrationcontrollerunit tst_hungnode
            tst_splitdetection tst_evacuation tst_migrationoutcomewatch tst_migrationrunner tst_lab tst_faults)

case "$variant" in
  asan)
    KUMO_SANITIZE=address,undefined exec scripts/test.sh "$@"
    ;;
  tsan)
    export KUMO_SANITIZE=thread
    ;;
  *)
    echo "usage: $0 asan|tsan [ctest arguments]" >&2
    exit 2
    ;;
esac

start=$(date +%s)
scripts/build.sh --target kumo "${tsan_tests[@]}"
built=$(date +%s)
echo "sanitizers tsan: build took $((built - start)) s"

cd build-tsan
reports=$PWD/sanitizer-reports
rm -rf "$reports"
mkdir -p "$reports"
status=0
if [ $# -eq 0 ]; then
  set -- -R "^($(IFS='|'; echo "${tsan_tests[*]}"))\$"
fi
ctest --output-on-failure --timeout 900 --parallel "$(nproc)" "$@" || status=$?
echo "sanitizers tsan: tests took $(($(date +%s) - built)) s"
"$root/scripts/ci/sanitizer-reports.sh" "$reports" || status=1
exit $status

#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Kumo contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer targets (tests/fuzz, clang, ASan + UBSan) into ./build-fuzz, runs each for
# FUZZ_SECONDS seconds (default 60) starting from its seed corpus, then replays the seed corpus.
# A crash, a leak, a sanitizer report or an input slower than 10 s fails the run; the input that
# did it is kept in build-fuzz/fuzz-artifacts/ (add it to tests/fuzz/corpus/<target>/ with the fix).
# New inputs the fuzzer finds go to a scratch folder: the committed corpus stays small and chosen.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${FUZZ_SECONDS:-60}
targets=(inventory outage instancedrag domainxml uri)

launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="$PWD"
  export CCACHE_NOHASHDIR=1
fi
compiler=$(command -v clang++ || command -v clang++-14)
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$compiler" \
  -DKUMO_FUZZ=ON "${launcher[@]}"
cmake --build build-fuzz --target kumo_fuzzers --parallel "$(nproc)"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
artifacts=build-fuzz/fuzz-artifacts
mkdir -p "$artifacts"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export QT_LOGGING_RULES="*.debug=false;*.warning=false"

status=0
for target in "${targets[@]}"; do
  fuzzer=build-fuzz/tests/fuzz/fuzz_$target
  seeds=tests/fuzz/corpus/$target
  dict=()
  if [[ -f tests/fuzz/$target.dict ]]; then
    dict=(-dict="tests/fuzz/$target.dict")
  fi
  mkdir -p "$scratch/$target"
  log=build-fuzz/fuzz-$target.log
  echo "== fuzz_$target: ${seconds} s from $(find "$seeds" -type f | wc -l) seeds"
  if ! "$fuzzer" "${dict[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/$target-" "$scratch/$target" "$seeds" >"$log" 2>&1; then
    echo "fuzz_$target FAILED; the end of $log:"
    tail -n 60 "$log"
    status=1
    continue
  fi
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" | sed "s/^/  fuzz_$target /"
  echo "  fuzz_$target corpus found: $(find "$scratch/$target" -type f | wc -l) inputs"
  echo "== fuzz_$target: replaying the seed corpus"
  if ! "$fuzzer" -runs=0 -timeout=10 -rss_limit_mb=2048 "$seeds" >"$log.replay" 2>&1; then
    echo "fuzz_$target replay FAILED; the end of $log.replay:"
    tail -n 60 "$log.replay"
    status=1
  fi
done
exit $status

#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Kumo contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Configures and builds Kumo into ./build (Release with debug info, warnings as errors).
# KUMO_SANITIZE=address,undefined or thread builds a sanitizer variant instead (scripts/lib/variant.sh).
# Extra arguments go to `cmake --build` (e.g. --target kumo).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/variant.sh
launcher=()
# ccache, when installed, makes a rebuild of an unchanged file (a fresh clone, a second variant) free.
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="$PWD"
  # Debug builds hash the build folder by default; a clone in another folder would then miss.
  export CCACHE_NOHASHDIR=1
fi
variant=()
targets=()
if [ -n "$sanitize" ]; then
  variant=(-DKUMO_SANITIZE="$sanitize" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG")
  targets=(--target kumo_tests)
fi
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${variant[@]}" "${launcher[@]}"
if [ $# -gt 0 ]; then
  targets=("$@")
fi
cmake --build "$build_dir" --parallel "$(nproc)" "${targets[@]}"

#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Kumo contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the Debian package build-package/kumo_<version>_amd64.deb (CPack, packaging/CMakeLists.txt):
# only what it installs (no tests, no benchmarks), stripped, with Depends from dpkg-shlibdeps.
# Needs dpkg-dev (dpkg-shlibdeps) besides the build dependencies of scripts/install-deps.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=build-package
launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="$PWD"
  export CCACHE_NOHASHDIR=1
fi
# RelWithDebInfo like scripts/build.sh; CPack strips the binary. Hardened as Debian builds packages
# (dpkg-buildflags' hardening=+all, without its build-path flags so ccache serves any checkout).
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr \
  -DBUILD_TESTING=OFF -DKUMO_BENCH=OFF "${launcher[@]}" \
  -DCMAKE_CXX_FLAGS="-D_FORTIFY_SOURCE=2 -fstack-protector-strong -fstack-clash-protection -fcf-protection" \
  -DCMAKE_EXE_LINKER_FLAGS="-Wl,-z,relro -Wl,-z,now"
cmake --build "$build_dir" --parallel "$(nproc)"
rm -f "$build_dir"/kumo_*.deb
(cd "$build_dir" && cpack -G DEB)
ls "$build_dir"/kumo_*_amd64.deb

# SPDX-FileCopyrightText: 2026 Kumo contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced by build.sh and test.sh: the build variant from KUMO_SANITIZE.
#   (unset)             ./build       the build the README describes
#   address,undefined   ./build-asan  AddressSanitizer + UndefinedBehaviorSanitizer + LeakSanitizer
#   thread              ./build-tsan  ThreadSanitizer
# Sanitized builds are -O1 with line tables (readable stacks, quick tests) and build only what ctest
# runs; each test runs with the sanitizer options and suppressions CMake gives it (tests/sanitizers).
sanitize=${KUMO_SANITIZE:-}
case "$sanitize" in
  "") build_dir=build ;;
  address,undefined) build_dir=build-asan ;;
  thread) build_dir=build-tsan ;;
  *)
    echo "KUMO_SANITIZE must be unset, address,undefined or thread (not '$sanitize')" >&2
    exit 2
    ;;
esac

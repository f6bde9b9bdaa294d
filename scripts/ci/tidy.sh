#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Kumo contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# clang-tidy over every source file in src/ with the committed .clang-tidy; any warning fails.
# Runs in its own build folder (compile commands and the moc/uic output, nothing compiled).
# A file whose preprocessed text, command, configuration and clang-tidy version are unchanged since it
# last came out clean is not checked again (cache in ~/.cache/kumo-tidy, or KUMO_TIDY_CACHE).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
tidy=$(command -v clang-tidy-14 || command -v clang-tidy)
build=build-tidy
cache=${KUMO_TIDY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kumo-tidy}
mkdir -p "$cache"

start=$(date +%s)
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
# moc and uic straight from each target's AutogenInfo.json: the _autogen targets would build the
# libraries the targets link first. The resource targets are left out: they hold only the compiled
# translations (rcc output, not in src/), which do not exist before a build.
while IFS= read -r info; do
  cmake -E cmake_autogen "$info" RelWithDebInfo >/dev/null
done < <(find "$build/src" -path '*/CMakeFiles/*_autogen.dir/AutogenInfo.json' | grep -v '_resources_' | sort)

# One line per src/ file: "file<TAB>directory<TAB>preprocessor command".
mapfile -t entries < <(python3 - "$build/compile_commands.json" "$root/src/" <<'PY'
import json, sys, shlex
db, prefix = sys.argv[1], sys.argv[2]
for e in json.load(open(db)):
    f = e["file"]
    if f.startswith(prefix) and f.endswith(".cpp"):
        args = e.get("arguments") or shlex.split(e["command"])
        pre, skip = [], False
        for a in args:
            if skip:
                skip = False
            elif a == "-o":
                skip = True
            elif a not in ("-c", f):
                pre.append(a)
        print(f + "\t" + e["directory"] + "\t" + shlex.join(pre + ["-E", "-C", f]))
PY
)
echo "tidy: ${#entries[@]} files in src/"

fingerprint=$( { "$tidy" --version; cat .clang-tidy; } | sha256sum | cut -c1-64)
export tidy root cache fingerprint
check_one() {
  IFS=$'\t' read -r file dir cmd <<<"$1"
  # The preprocessed text with comments (NOLINT) stands for the file and everything it includes;
  # the checkout's own path is left out so that another clone of the same commit finds the cache.
  key=""
  if pre=$(cd "$dir" && eval "$cmd" 2>/dev/null); then
    key=$( { printf '%s\n%s\n%s\n' "$fingerprint" "${file#"$root"}" "${cmd//$root/@}"
      sed "s|$root|@|g" <<<"$pre"; } | sha256sum | cut -c1-64)
    if [ -f "$cache/$key" ]; then
      return 0
    fi
  fi
  out=$("$tidy" -p "$root/build-tidy" --quiet --header-filter="^$root/src/" \
    --extra-arg=-Wno-unknown-warning-option "$file" 2>&1) && status=0 || status=$?
  if [ $status -eq 0 ] && ! grep -q 'warning:\|error:' <<<"$out"; then
    [ -z "$key" ] || touch "$cache/$key"
    return 0
  fi
  echo "$out" | grep -v '^[0-9]* warnings\? generated\.$\|^Suppressed \|^Use -header-filter\|^Use -system-headers'
  return 1
}
export -f check_one
status=0
printf '%s\0' "${entries[@]}" | xargs -0 -n1 -P "$(nproc)" bash -c 'check_one "$0"' || status=$?
echo "tidy: took $(($(date +%s) - start)) s"
if [ $status -ne 0 ]; then
  echo "tidy: warnings above (each is an error)" >&2
  exit 1
fi
echo "tidy: clean"

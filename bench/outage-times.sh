#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Kumo contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Measures the planned outage on the demo lab: how long `kumo evacuate --site myodaiji` takes to
# move Myodaiji's five guests to Yamate, and `kumo return` to bring them home, with --parallel 1
# and 2 (one lab, each round on the lab as it came up). Wall time of each command (connecting to
# the four nodes included) and the run's own total from its report, then the figures as a table.
# Builds nothing: build the kumo target first.
#
#   bench/outage-times.sh [--kumo PATH] [--rounds N] [--parallel "1 2"]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
kumo="${KUMO_BINARY:-$repo/build/src/kumo}"
rounds=1
parallels="1 2"

while [[ $# -gt 0 ]]; do
    case "$1" in
    --kumo) kumo="$2"; shift ;;
    --rounds) rounds="$2"; shift ;;
    --parallel) parallels="$2"; shift ;;
    -h | --help) sed -n '5,11p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
done
[[ -x "$kumo" ]] || { echo "no kumo binary at $kumo (build it, or pass --kumo)" >&2; exit 2; }

work="$(mktemp -d)"
lab_id=""
cleanup() {
    if [[ -n "$lab_id" ]]; then
        "$kumo" lab down "$lab_id" >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# The runs must not read or write the person's own preferences or outage state.
export XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" LC_ALL=C.UTF-8

"$kumo" lab up >"$work/lab.out" 2>"$work/lab.err"
lab_id="$(sed -n 's/^Lab: //p' "$work/lab.out")"
inventory="$(sed -n 's/^Inventory: //p' "$work/lab.out")"
[[ -n "$lab_id" && -n "$inventory" ]] || { cat "$work/lab.err" >&2; exit 1; }
echo "lab $lab_id: $(tail -n 1 "$work/lab.err")"

now_ms() { date +%s%3N; }

# Runs one command, prints its wall time in seconds; the report's total goes to $work/total.
timed() {
    local log="$1"; shift
    local start end
    start="$(now_ms)"
    if ! "$kumo" "$@" >"$log" 2>&1; then
        echo "failed: kumo $*" >&2
        cat "$log" >&2
        exit 1
    fi
    end="$(now_ms)"
    awk -v ms="$((end - start))" 'BEGIN { printf "%.1f", ms / 1000 }'
}

# The run's own figure: from the first move's start to the last one's end (CSV totals row).
run_total() {
    python3 - "$1" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
header, total = rows[0], rows[-1]
for name, value in zip(header, total):
    if "ms" in name.lower() and "duration" in name.lower() and value:
        print(f"{int(value) / 1000:.1f}")
        break
else:
    print("?")
EOF
}

declare -a lines
for p in $parallels; do
    for r in $(seq 1 "$rounds"); do
        dir="$work/run-p$p-r$r"
        mkdir -p "$dir"
        common=(--site myodaiji --inventory "$inventory" --state-dir "$dir" --parallel "$p")
        evac_wall="$(timed "$dir/evacuate.log" evacuate "${common[@]}" --report "$dir/evacuate.csv")"
        evac_run="$(run_total "$dir/evacuate.csv")"
        back_wall="$(timed "$dir/return.log" return "${common[@]}" --report "$dir/return.csv")"
        back_run="$(run_total "$dir/return.csv")"
        line="parallel $p round $r: evacuate ${evac_run} s (command ${evac_wall} s), return ${back_run} s (command ${back_wall} s)"
        echo "$line"
        lines+=("| $p | $r | $evac_run | $evac_wall | $back_run | $back_wall |")
    done
done

echo
echo "Planned outage of Myodaiji on the demo lab (5 guests, 48-64 MiB, $(nproc) CPUs):"
echo "| parallel | round | evacuate run (s) | evacuate command (s) | return run (s) | return command (s) |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${lines[@]}"

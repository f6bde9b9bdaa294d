#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Kumo contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the console benchmark: Kumo (kumo_bench, offscreen) and virt-manager (under Xvfb) on the
# same generated libvirt test:/// inventories of 2 sites x {2, 50, 250} nodes x 20 instances,
# and writes bench/RESULTS.md. Builds nothing: build the tree first (kumo_bench is part of it).
#
#   bench/run-bench.sh [--quick] [--bench PATH] [--sizes "2 50 250"] [--work DIR]
#                      [--results FILE] [--no-virt-manager] [--monitoring-cost] [--seconds N]
#
# --quick shortens every steady phase to 10 s (for trying the script out; not for RESULTS.md);
# --seconds sets their length (default 60).
# --monitoring-cost measures only the cost of monitoring, at the largest size: Kumo without it, with
# --monitoring and with --monitoring --probes, each with churn 2% and 0, and rewrites only the
# section "Cost of monitoring" of RESULTS.md (no virt-manager, no other figures).
# Installs virt-manager, xvfb and dbus helpers with apt-get when they are missing (needs root).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
bench="${KUMO_BENCH:-$repo/build/bench/kumo_bench}"
sizes="2 50 250"
seconds=60
warmup_ms=2000
interval_ms=1000
churn=2
cap=120
instances_per_node=20
sites=2
work=""
results="$here/RESULTS.md"
with_vm=1
quick=0
monitoring_cost=0

while [[ $# -gt 0 ]]; do
    case "$1" in
    --quick) quick=1; seconds=10 ;;
    --seconds) seconds="$2"; shift ;;
    --bench) bench="$2"; shift ;;
    --sizes) sizes="$2"; shift ;;
    --work) work="$2"; shift ;;
    --results) results="$2"; shift ;;
    --no-virt-manager) with_vm=0 ;;
    --monitoring-cost) monitoring_cost=1; with_vm=0 ;;
    -h | --help) sed -n '5,17p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

if [[ ! -x "$bench" ]]; then
    echo "kumo_bench not found at $bench: build the tree first or pass --bench PATH" >&2
    exit 1
fi

need_packages=()
command -v python3 >/dev/null || need_packages+=(python3)
if [[ $with_vm == 1 ]]; then
    command -v virt-manager >/dev/null || need_packages+=(virt-manager)
    command -v xvfb-run >/dev/null || need_packages+=(xvfb xauth)
    command -v dbus-run-session >/dev/null || need_packages+=(dbus dbus-x11)
    command -v gsettings >/dev/null || need_packages+=(libglib2.0-bin)
    [[ -e /usr/libexec/at-spi-bus-launcher ]] || need_packages+=(at-spi2-core)
fi
if [[ ${#need_packages[@]} -gt 0 ]]; then
    echo "installing ${need_packages[*]}"
    if [[ $(id -u) != 0 ]]; then
        echo "need root to install ${need_packages[*]}; install them and run again" >&2
        exit 1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need_packages[@]}"
fi

if [[ -z "$work" ]]; then
    work="$(mktemp -d /tmp/kumo-bench.XXXXXX)"
fi
mkdir -p "$work"
echo "work directory: $work"

# Private configuration for both programs, so that earlier runs and the user's settings do not count.
export XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export QT_QPA_PLATFORM=offscreen
export LC_ALL=C.UTF-8

commands_file="$work/commands.txt"
: >"$commands_file"
run() {
    echo "+ $*" | tee -a "$commands_file"
    "$@"
}

kumo_env=(env HOME="$work/home-kumo" XDG_CONFIG_HOME="$work/home-kumo/config" XDG_CACHE_HOME="$work/home-kumo/cache"
    QT_LOGGING_RULES='*.debug=false;qt.qpa.*=false')

if [[ $monitoring_cost == 1 ]]; then
    # One size (the largest asked for); the three set-ups one after the other for each churn, so that
    # the machine's load changes as little as possible between the rows compared.
    n="${sizes##* }"
    dir="$work/n$n"
    run "$bench" --generate "$dir" --sites "$sites" --nodes-per-site "$n" \
        --instances-per-node "$instances_per_node" --interval-ms "$interval_ms"
    for c in "$churn" 0; do
        for setup in base monitoring probes; do
            extra=()
            [[ $setup == monitoring ]] && extra=(--monitoring)
            [[ $setup == probes ]] && extra=(--monitoring --probes)
            rm -rf "$work/home-kumo"
            echo "+ uptime: $(uptime)" | tee -a "$commands_file"
            run "${kumo_env[@]}" "$bench" --inventory "$dir/inventory.toml" --nodes-per-site "$n" \
                --instances-per-node "$instances_per_node" --seconds "$seconds" --probe-free-seconds "$seconds" \
                --interval-ms "$interval_ms" --churn-percent "$c" --warmup-ms "$warmup_ms" --timeout "$cap" \
                "${extra[@]}" --out "$work/cost-n$n-$setup-c$c.json" \
                2> >(grep -v 'lacks bulk domain stats' >"$work/cost-n$n-$setup-c$c.log") ||
                echo "kumo run n=$n $setup churn=$c failed (see $work/cost-n$n-$setup-c$c.log)"
        done
    done
    export BENCH_WORK="$work" BENCH_SIZE="$n" BENCH_SITES="$sites" BENCH_IPN="$instances_per_node"
    export BENCH_SECONDS="$seconds" BENCH_INTERVAL="$interval_ms" BENCH_CHURN="$churn"
    export BENCH_QUICK="$quick" BENCH_DATE="$(date -u '+%Y-%m-%d %H:%M UTC')"
    python3 "$here/write_results.py" --monitoring-cost "$commands_file" "$results"
    echo "wrote the section \"Cost of monitoring\" of $results"
    exit 0
fi

calibrate_seconds=10
[[ $quick == 1 ]] && calibrate_seconds=3
run "${kumo_env[@]}" "$bench" --calibrate-probe --seconds "$calibrate_seconds" --out "$work/probe.json"

for n in $sizes; do
    dir="$work/n$n"
    total=$((sites * n * instances_per_node))
    run "$bench" --generate "$dir" --sites "$sites" --nodes-per-site "$n" \
        --instances-per-node "$instances_per_node" --interval-ms "$interval_ms"

    # libvirt alone, three times (the machine's noise shows in the spread).
    floor="$(dirname "$bench")/kumo_driver_floor"
    if [[ -x "$floor" ]]; then
        for r in 1 2 3; do
            run "$floor" "$dir/uris.txt" "$(nproc)" "$work/floor-n$n-r$r.json" ||
                echo "driver floor run n=$n failed"
        done
    fi

    for c in "$churn" 0; do
        rm -rf "$work/home-kumo"
        run "${kumo_env[@]}" "$bench" --inventory "$dir/inventory.toml" --nodes-per-site "$n" \
            --instances-per-node "$instances_per_node" --seconds "$seconds" --probe-free-seconds "$seconds" --interval-ms "$interval_ms" \
            --churn-percent "$c" --warmup-ms "$warmup_ms" --timeout "$cap" \
            --screenshot "$work/kumo-n$n-c$c.png" --out "$work/kumo-n$n-c$c.json" \
            2> >(grep -v 'lacks bulk domain stats' >"$work/kumo-n$n-c$c.log") ||
            echo "kumo run n=$n churn=$c failed (see $work/kumo-n$n-c$c.log)"
    done

    if [[ $with_vm == 1 ]]; then
        home="$work/home-vm-n$n"
        rm -rf "$home"
        mkdir -p "$home"
        list="$(python3 -c 'import sys; print("[" + ", ".join(repr(l.strip()) for l in open(sys.argv[1]) if l.strip()) + "]")' "$dir/uris.txt")"
        vm_env=(env HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" GSETTINGS_BACKEND=keyfile)
        # Every node as an autoconnect connection; statistics every second like Kumo's polling.
        "${vm_env[@]}" gsettings set org.virt-manager.virt-manager.connections uris "$list"
        "${vm_env[@]}" gsettings set org.virt-manager.virt-manager.connections autoconnect "$list"
        "${vm_env[@]}" gsettings set org.virt-manager.virt-manager.stats update-interval 1
        "${vm_env[@]}" gsettings set org.virt-manager.virt-manager.stats enable-memory-poll true
        echo "+ gsettings: connections uris/autoconnect = the $((sites * n)) URIs of $dir/uris.txt; stats update-interval 1; enable-memory-poll true" >>"$commands_file"
        run "${vm_env[@]}" dbus-run-session -- xvfb-run -a -s "-screen 0 1600x1000x24" \
            python3 "$here/virt_manager_probe.py" --uris "$dir/uris.txt" --instances "$total" \
            --cap "$cap" --seconds "$seconds" --warmup "$((warmup_ms / 1000))" \
            --log "$work/vm-n$n.log" --out "$work/vm-n$n.json" 2>"$work/vm-n$n.stderr" >/dev/null ||
            echo "virt-manager run n=$n failed (see $work/vm-n$n.stderr)"
    fi
done

version() { dpkg-query -W -f '${Version}' "$1" 2>/dev/null || echo "not installed"; }
export BENCH_WORK="$work" BENCH_SIZES="$sizes" BENCH_SITES="$sites" BENCH_IPN="$instances_per_node"
export BENCH_SECONDS="$seconds" BENCH_INTERVAL="$interval_ms" BENCH_CHURN="$churn" BENCH_CAP="$cap"
export BENCH_QUICK="$quick" BENCH_WITH_VM="$with_vm"
export BENCH_NPROC="$(nproc)"
export BENCH_CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
export BENCH_MEM="$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
export BENCH_DEBIAN="$(cat /etc/debian_version)"
export BENCH_KERNEL="$(uname -r)"
export BENCH_QT="$(version libqt6core6)"
export BENCH_LIBVIRT="$(version libvirt0)"
export BENCH_VM="$(version virt-manager)"
export BENCH_DATE="$(date -u '+%Y-%m-%d %H:%M UTC')"
python3 "$here/write_results.py" "$commands_file" "$results"
echo "wrote $results"

#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Kumo contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs virt-manager (already configured through GSettings with every node URI as an autoconnect
# connection) and measures it the way kumo_bench measures Kumo: time from process start until
# every connection is active and every domain is listed, then CPU seconds per minute and peak
# RSS over a steady phase. Must run inside an X server (xvfb-run) and a D-Bus session.
#
# "Populated" is read from virt-manager's --debug output on stderr: one
# "conn=<uri> changed to state=Active" line per connection and one
# "domain=<name> status=<state> added" line per domain. Each line is time-stamped on arrival
# (the log's own timestamps have one-second resolution).
import argparse
import json
import os
import re
import select
import signal
import subprocess
import sys
import time

ACTIVE = re.compile(r"conn=(\S+) changed to state=Active")
ADDED = re.compile(r"domain=(\S+) status=\S+ added")
CLK_TCK = os.sysconf("SC_CLK_TCK")


def boot_ms():
    return time.clock_gettime(time.CLOCK_BOOTTIME) * 1000.0


def proc_stat(pid):
    """(start time in ms since boot, utime+stime+cutime+cstime in seconds) of pid."""
    with open(f"/proc/{pid}/stat", "rb") as f:
        data = f.read()
    fields = data[data.rindex(b")") + 2:].split()
    # fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17, start 22.
    ticks = sum(int(fields[i]) for i in (11, 12, 13, 14))
    return int(fields[19]) * 1000.0 / CLK_TCK, ticks / CLK_TCK


def descendants(pid):
    """Every live descendant of pid (virt-manager may start helpers)."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                data = f.read()
        except OSError:
            continue
        ppid = int(data[data.rindex(b")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    result, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            result.append(child)
            todo.append(child)
    return result


def tree_cpu(pid):
    total = 0.0
    for p in [pid] + descendants(pid):
        try:
            total += proc_stat(p)[1]
        except OSError:
            pass
    return total


def status_kib(pid, field):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--uris", required=True, help="file with one URI per line")
    parser.add_argument("--instances", type=int, required=True)
    parser.add_argument("--cap", type=float, default=120.0, help="seconds to wait for population")
    parser.add_argument("--seconds", type=float, default=60.0, help="steady phase length")
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--log", help="copy virt-manager's stderr here")
    parser.add_argument("--out", required=True)
    parser.add_argument("--virt-manager", default="virt-manager")
    args = parser.parse_args()

    with open(args.uris) as f:
        uris = {line.strip() for line in f if line.strip()}
    log = open(args.log, "w") if args.log else None

    proc = subprocess.Popen([args.virt_manager, "--debug", "--no-fork"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    start_ms, _ = proc_stat(proc.pid)
    active, domains = set(), set()
    populated_ms = None
    buffer = b""
    deadline = start_ms + args.cap * 1000.0
    steady_start = steady_end = None
    cpu_start = 0.0
    result = {"program": "virt-manager", "nodes": len(uris), "instances": args.instances,
              "cap_seconds": args.cap}

    def drain(timeout):
        nonlocal buffer, populated_ms
        ready, _, _ = select.select([proc.stderr], [], [], timeout)
        if not ready:
            return True
        chunk = os.read(proc.stderr.fileno(), 1 << 16)
        if not chunk:
            return False
        now = boot_ms()
        if log:
            log.write(chunk.decode(errors="replace"))
        buffer += chunk
        *lines, buffer = buffer.split(b"\n")
        for raw in lines:
            line = raw.decode(errors="replace")
            m = ACTIVE.search(line)
            if m and m.group(1) in uris:
                active.add(m.group(1))
            m = ADDED.search(line)
            if m:
                domains.add(m.group(1))
            if populated_ms is None and len(active) == len(uris) and len(domains) >= args.instances:
                populated_ms = now - start_ms
        return True

    alive = True
    while alive and populated_ms is None and boot_ms() < deadline:
        alive = drain(0.2)
    result["connections_active"] = len(active)
    result["domains_listed"] = len(domains)
    if populated_ms is None:
        result["populated_ms"] = None
        result["capped"] = alive
        result["exited"] = not alive
        result["cpu_seconds_during_cap"] = tree_cpu(proc.pid) if alive else None
        result["peak_rss_kib"] = status_kib(proc.pid, "VmHWM")
    else:
        result["populated_ms"] = populated_ms
        result["capped"] = False
        warm_until = boot_ms() + args.warmup * 1000.0
        while alive and boot_ms() < warm_until:
            alive = drain(0.2)
        cpu_start = tree_cpu(proc.pid)
        steady_start = boot_ms()
        while alive and boot_ms() < steady_start + args.seconds * 1000.0:
            alive = drain(0.2)
        steady_end = boot_ms()
        cpu = tree_cpu(proc.pid) - cpu_start
        minutes = (steady_end - steady_start) / 60000.0
        result["steady_seconds"] = minutes * 60.0
        result["cpu_seconds_per_minute"] = cpu / minutes
        result["peak_rss_kib"] = status_kib(proc.pid, "VmHWM")
        result["exited"] = not alive
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()
    if log:
        log.close()
    with open(args.out, "w") as f:
        json.dump(result, f, indent=2)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

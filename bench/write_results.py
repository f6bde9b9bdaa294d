#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Kumo contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Turns the JSON files of one run-bench.sh run into bench/RESULTS.md. Everything after the
# ANALYSIS_MARKER line of an existing RESULTS.md (profiling notes written by a person) is kept.
# With --monitoring-cost (run-bench.sh --monitoring-cost) it rewrites only the section between the
# COST_BEGIN and COST_END lines (added before the migration transports when missing).
import json
import os
import sys

ANALYSIS_MARKER = "<!-- analysis: kept when the figures are regenerated -->"
COST_BEGIN = "<!-- cost of monitoring: written by bench/run-bench.sh --monitoring-cost -->"
COST_END = "<!-- end of the cost of monitoring -->"
TARGETS = {"stall_p99_ms": 16.0, "stall_max_ms": 50.0, "cpu_percent": 10.0, "rss_mib": 300.0,
           "frame_ms": 2000.0}

env = os.environ
work = env["BENCH_WORK"]
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
commands_file, results_file = sys.argv[-2], sys.argv[-1]
sizes = [int(s) for s in env.get("BENCH_SIZES", "").split()]
sites = int(env["BENCH_SITES"])
per_node = int(env["BENCH_IPN"])
churn = env["BENCH_CHURN"]
cap = float(env.get("BENCH_CAP", "120"))


def load(name):
    try:
        with open(os.path.join(work, name)) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def mib(kib):
    return None if kib is None or kib < 0 else kib / 1024.0


def fmt(value, digits=0, suffix=""):
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}{suffix}"


def ratio(a, b):
    if a is None or b is None or b == 0:
        return "n/a"
    return f"{a / b:.2f}"


def launch_ratio(kumo_ms, vm, vm_ms):
    # A capped virt-manager took longer than the cap, so the ratio is below kumo / cap.
    if kumo_ms is not None and vm is not None and vm.get("populated_ms") is None and vm.get("capped"):
        return f"< {kumo_ms / (cap * 1000.0):.3f} (cap)"
    return ratio(kumo_ms, vm_ms)


def vm_populated(vm):
    if vm is None:
        return "not run", None
    if vm.get("populated_ms") is None:
        if vm.get("capped"):
            return (f"> {cap:.0f} s (cap; {vm['connections_active']}/{vm['nodes']} connections, "
                    f"{vm['domains_listed']}/{vm['instances']} domains)"), None
        return "exited before populated", None
    return fmt(vm["populated_ms"], 0, " ms"), vm["populated_ms"]


def tidy(text):
    return text.replace(work, "$WORK").replace(repo + "/", "").replace(repo, ".")


def cpu(k):
    """CPU and GUI-thread CPU per minute without the probe; runs without phase 2 give phase 1's."""
    free = k.get("cpu_seconds_per_minute_without_probe", -1)
    if free is None or free < 0:
        return k["cpu_seconds_per_minute"], k["gui_thread_cpu_seconds_per_minute"]
    return free, k["gui_thread_cpu_seconds_per_minute_without_probe"]


def write_monitoring_cost():
    n = int(env["BENCH_SIZE"])
    nodes = sites * n
    total = nodes * per_node
    setups = [("base", "without monitoring (baseline)"), ("monitoring", "`--monitoring`"),
              ("probes", "`--monitoring --probes`")]
    out = []
    add = out.append
    add(COST_BEGIN)
    add("")
    add("## Cost of monitoring")
    add("")
    add(f"Date: {env['BENCH_DATE']}" + ("  \n**Quick run: not the reference figures.**"
                                         if env["BENCH_QUICK"] == "1" else ""))
    add("")
    add(f"{total:,} instances ({nodes} nodes), the inventory and method of the figures above "
        f"(steady phases of {env['BENCH_SECONDS']} s with and then without the stall probe, poll and "
        f"churn every {env['BENCH_INTERVAL']} ms), in three set-ups run one after the other for each "
        "churn, so that they share the machine's conditions as far as it allows:")
    add("")
    add("- *Baseline*: `kumo_bench` as above (no monitoring).")
    add("- *`--monitoring`*: the monitoring the `kumo` executable wires (`MonitoringSet`: "
        "`MonitoringController` with the default alert rules, `EventLog` + `EventRecorder`, "
        "`ServiceProber`), and its docks, badges and status-bar button in the window "
        "(`MainWindow::setMonitoring`, `setServiceProber`). No migration controller (the benchmark "
        "moves nothing), no desktop notification service (none on this machine's session bus).")
    servers = max([(load(f"cost-n{n}-probes-c{c}.json") or {}).get("probe_servers", 0) for c in (churn, "0")])
    add("- *`--monitoring --probes`*: also one TCP service probe per instance "
        "(`probes = [\"tcp://127.0.0.x:port\"]` in the inventory), at Kumo's default interval "
        "(10 s) and timeout (3 s), checked by the console's `ServiceProber` (at most 64 checks at "
        "once). The services are loopback TCP servers ({servers}, on 127.0.0.2 and up) run by a "
        "**child process** of the benchmark (`kumo_bench --serve-probes`), so that their CPU is not "
        "in the console's figures; it is shown apart (from /proc/PID/stat, phase 2).".format(servers=servers))
    add("")
    add("*CPU* as above: user+system seconds of the console process per minute, without the stall "
        "probe (phase 2) and with it (phase 1). *Probe checks/s*: results the prober reported "
        "during both steady phases, per second (down: checks that failed). *Alerts raised* and "
        "*event-log entries*: during both steady phases (whole run in brackets; the log keeps at "
        "most 10,000). *Load*: the 1-minute load average when the steady phases started (the "
        "machine's 2 cores are shared; other builds ran beside some runs).")
    add("")
    add("| Churn | Set-up | CPU s/min without the stall probe (% of one core) | with the probe | "
        "GUI thread CPU s/min, without / with the probe | Peak RSS | Probe checks/s (down) | "
        "Alerts raised | Event-log entries | GUI stall p99 / max | Load |")
    add("|---|---|---|---|---|---|---|---|---|---|---|")
    deltas = []
    for c in (churn, "0"):
        runs = {key: load(f"cost-n{n}-{key}-c{c}.json") for key, _ in setups}
        for key, label in setups:
            k = runs[key]
            if k is None:
                add(f"| {c}% | {label} | failed (see log) | | | | | | | | |")
                continue
            free, gui_free = cpu(k)
            probes = (f"{k.get('probe_checks_per_second', 0):.1f} ({k.get('probe_checks_down', 0)})"
                      if k.get("probes") else "none")
            mon = k.get("monitoring")
            alerts = f"{k.get('alerts_raised_steady', 0)} ({k.get('alerts_raised', 0)})" if mon else "n/a"
            events = (f"{k.get('event_log_appended_steady', 0):,} ({k.get('event_log_appended', 0):,})"
                      if mon else "n/a")
            load_avg = (k.get("load_average_start") or "").split(" ")[0] or "n/a"
            add(f"| {c}% | {label} | {free:.2f} ({free / 60 * 100:.1f}%) | "
                f"{k['cpu_seconds_per_minute']:.2f} ({k['cpu_seconds_per_minute'] / 60 * 100:.1f}%) | "
                f"{gui_free:.2f} / {k['gui_thread_cpu_seconds_per_minute']:.2f} | "
                f"{mib(k['peak_rss_kib']):.0f} MiB | {probes} | {alerts} | {events} | "
                f"{k['stall_p99_ms']:.2f} / {k['stall_max_ms']:.1f} ms | {load_avg} |")
        base = runs["base"]
        for key, label in setups[1:]:
            k = runs[key]
            if base is None or k is None:
                continue
            server = k.get("probe_server_cpu_seconds_per_minute", -1)
            deltas.append(
                f"| {c}% | {label} | {cpu(k)[0] - cpu(base)[0]:+.2f} | {cpu(k)[1] - cpu(base)[1]:+.2f} | "
                f"{mib(k['peak_rss_kib']) - mib(base['peak_rss_kib']):+.0f} MiB | "
                + (f"{server:.2f} |" if k.get("probes") and server is not None and server >= 0 else "none |"))
    if deltas:
        add("")
        add("Against the baseline of the same churn (CPU without the stall probe):")
        add("")
        add("| Churn | Set-up | CPU s/min | GUI thread CPU s/min | Peak RSS | "
            "Probe servers' CPU s/min (child process, not in the console's figures) |")
        add("|---|---|---|---|---|---|")
        out.extend(deltas)
    add("")
    add("Commands:")
    add("")
    add("```")
    add(f"bench/run-bench.sh --monitoring-cost --sizes {n} --seconds {env['BENCH_SECONDS']}")
    with open(commands_file) as f:
        for line in f:
            add(tidy(line.rstrip("\n")))
    add("```")
    add("")
    add(COST_END)
    section = "\n".join(out) + "\n"

    with open(results_file) as f:
        text = f.read()
    if COST_BEGIN in text and COST_END in text:
        start = text.index(COST_BEGIN)
        end = text.index(COST_END) + len(COST_END)
        text = text[:start] + section.rstrip("\n") + text[end:]
    else:
        anchor = "## Migration transports"
        at = text.find(anchor)
        if at < 0:
            text = text.rstrip("\n") + "\n\n" + section
        else:
            text = text[:at] + section + "\n" + text[at:]
    with open(results_file, "w") as f:
        f.write(text)


if "--monitoring-cost" in sys.argv[1:-2]:
    write_monitoring_cost()
    sys.exit(0)


probe = load("probe.json")
lines = []
add = lines.append
add("# Console benchmark results")
add("")
add(f"Date: {env['BENCH_DATE']}" + ("  \n**Quick run (10 s steady phases): not the reference figures.**"
                                     if env["BENCH_QUICK"] == "1" else ""))
add("")
add("## Machine")
add("")
add(f"- CPU: {env['BENCH_CPU']}, {env['BENCH_NPROC']} logical CPUs (`nproc`)")
add(f"- Memory: {env['BENCH_MEM']}")
add(f"- Debian {env['BENCH_DEBIAN']}, kernel {env['BENCH_KERNEL']}")
add(f"- Qt {env['BENCH_QT']}, libvirt {env['BENCH_LIBVIRT']}, virt-manager {env['BENCH_VM']}")
add("")
add("## What is measured")
add("")
add(f"Inventories: {sites} sites x {{{', '.join(str(n) for n in sizes)}}} nodes per site x {per_node} "
    "instances per node, generated by `kumo_bench --generate` (tests/support/testdriver.h): one libvirt "
    "test-driver XML file per node, each opened as its own `test:///<file>` connection. Kumo and "
    "virt-manager are run on the very same files.")
add("")
add(f"**Kumo** (`kumo_bench`): the real `ClusterController` (one `HostSession` thread per node, "
    f"poll every {env['BENCH_INTERVAL']} ms) and the real `MainWindow`, 1600x1000, shown with "
    "`QT_QPA_PLATFORM=offscreen`.")
add("")
add("- *Launch to first full frame*: from the process start (kernel start time in /proc/self/stat "
    "against CLOCK_BOOTTIME, so dynamic loading counts) until every node is Connected, every "
    "instance is in the controller, the events queued by then are processed and `window.grab()` "
    "has painted the whole window.")
add("- *GUI stall*: a 1 ms `Qt::PreciseTimer` on the GUI thread; each tick records how much later "
    "than 1 ms after the previous tick it ran. p50/p99/max over the steady phase.")
add("- *Steady phases*: the first starts 2 s after the first full frame and lasts "
    f"{env['BENCH_SECONDS']} s with the stall probe running; the second follows at once, as long, "
    "with the probe stopped and the churn going on. *CPU* = user+system seconds of the whole process "
    "(all threads, `getrusage(RUSAGE_SELF)`) over a phase, per minute; 60 s/min is one core. "
    "*CPU without the probe* (phase 2) is what the console itself uses and is the figure held "
    "against the target and against virt-manager, which runs no probe; *CPU with the probe* "
    "(phase 1) is shown beside it. *Peak RSS* = VmHWM at the end. *Map repaints*: paint events of "
    "the map's viewport per second in phase 1.")
add(f"- *Churn*: every {env['BENCH_INTERVAL']} ms, {churn}% of the instances, picked at random, are "
    "suspended (when running) or resumed (when paused) with `ClusterController::requestAction`, the "
    "same path as the window's actions: the node's HostSession thread calls libvirt, answers "
    "`actionFinished` and polls the node at once, and the change reaches the window as "
    "`instanceChanged`. The counts of actions and signals are in the table.")
if probe:
    add(f"- The stall probe itself costs {probe['probe_cpu_seconds_per_minute']:.2f} CPU s/min "
        "when it runs alone in an empty Qt process; in the console's event loop its 1,000 "
        "wake-ups a second cost a different amount (some fall on wake-ups the console has anyway, "
        "some add a wake-up and delay other work), which the two phases show.")
add("")
add("**virt-manager** (`bench/virt_manager_probe.py`): Debian's package under Xvfb (1600x1000x24) "
    "and `dbus-run-session`, every node URI in GSettings "
    "`org.virt-manager.virt-manager.connections` `uris` and `autoconnect` (keyfile backend, private "
    "HOME), statistics `update-interval` 1 s (its default is 3 s) with CPU and memory polling.")
add("")
add("- *Launch to populated*: from the Python process's start time (/proc/PID/stat) until "
    "virt-manager's `--debug` log has shown `conn=<uri> changed to state=Active` for every URI and "
    "`domain=<name> status=<state> added` for every domain (lines time-stamped on arrival). No frame "
    "is forced, so this favours virt-manager slightly. Capped at "
    f"{cap:.0f} s.")
add("- *CPU*: utime+stime (+ reaped children) of virt-manager and any descendants over the same "
    f"{env['BENCH_SECONDS']} s steady phase; *peak RSS*: VmHWM of the Python process.")
add("- *No churn for virt-manager*: its test:/// connections are private to its own process (the "
    "test driver keeps state in memory per connection), so nothing outside can suspend or resume "
    "its domains. virt-manager is therefore measured idle. Kumo is measured both with churn "
    f"({churn}%/tick, which disadvantages Kumo against idle virt-manager) and with churn 0 (the "
    "like-for-like idle comparison). virt-manager has no GUI-stall figure.")
add("")
add("## Figures")
add("")
add("| Instances (nodes) | Program | Launch to populated | GUI stall p50 / p99 / max | "
    "CPU s/min (% of one core), without the probe | with the probe | GUI thread CPU s/min, without / "
    "with the probe | Map repaints/s | Peak RSS | Churn: actions sent / ok / failed; instanceChanged |")
add("|---|---|---|---|---|---|---|---|---|---|")

ratio_rows = []
target_rows = []
for n in sizes:
    nodes = sites * n
    total = nodes * per_node
    label = f"{total:,} ({nodes})"
    kumo = {c: load(f"kumo-n{n}-c{c}.json") for c in (churn, "0")}
    for c, k in kumo.items():
        name = f"Kumo, churn {c}%"
        if k is None:
            add(f"| {label} | {name} | failed (see log) | | | | | | | |")
            continue
        add(f"| {label} | {name} | {fmt(k['first_full_frame_ms'], 0, ' ms')} "
            f"(data {fmt(k['populated_ms'], 0, ' ms')}) | "
            f"{k['stall_p50_ms']:.2f} / {k['stall_p99_ms']:.2f} / {k['stall_max_ms']:.1f} ms | "
            f"{cpu(k)[0]:.2f} ({cpu(k)[0] / 60 * 100:.1f}%) | "
            f"{k['cpu_seconds_per_minute']:.2f} ({k['cpu_seconds_per_minute'] / 60 * 100:.1f}%) | "
            f"{cpu(k)[1]:.2f} / {k['gui_thread_cpu_seconds_per_minute']:.2f} | "
            f"{k.get('map_paints_per_second', 0):.1f} | {mib(k['peak_rss_kib']):.0f} MiB | "
            f"{k['actions_sent']} / {k['actions_succeeded']} / {k['actions_failed']}; "
            f"{k['instance_changed_signals']} |")
    vm = load(f"vm-n{n}.json") if env["BENCH_WITH_VM"] == "1" else None
    text, vm_ms = vm_populated(vm)
    vm_cpu = vm.get("cpu_seconds_per_minute") if vm else None
    vm_rss = mib(vm.get("peak_rss_kib")) if vm else None
    cpu_text = fmt(vm_cpu, 2) + (f" ({vm_cpu / 60 * 100:.1f}%)" if vm_cpu is not None else "")
    if vm and vm.get("populated_ms") is None and vm.get("cpu_seconds_during_cap") is not None:
        cpu_text = f"n/a (used {vm['cpu_seconds_during_cap']:.0f} s CPU during the {cap:.0f} s cap)"
    add(f"| {label} | virt-manager (idle) | {text} | n/a | {cpu_text} | no probe | n/a | n/a | "
        f"{fmt(vm_rss, 0, ' MiB')} | none possible |")

    busy, idle = kumo[churn], kumo["0"]
    if busy or idle:
        ratio_rows.append(
            f"| {label} | {launch_ratio(idle and idle['first_full_frame_ms'], vm, vm_ms)} | "
            f"{ratio(idle and cpu(idle)[0], vm_cpu)} | "
            f"{ratio(busy and cpu(busy)[0], vm_cpu)} | "
            f"{ratio(idle and mib(idle['peak_rss_kib']), vm_rss)} | "
            f"{ratio(busy and mib(busy['peak_rss_kib']), vm_rss)} |")
    if n == max(sizes) and busy:
        checks = [
            ("GUI stall p99", busy["stall_p99_ms"], TARGETS["stall_p99_ms"], "ms"),
            ("GUI stall max", busy["stall_max_ms"], TARGETS["stall_max_ms"], "ms"),
            ("CPU, % of one core (without the probe)", cpu(busy)[0] / 60 * 100, TARGETS["cpu_percent"], "%"),
            ("CPU, % of one core, with the stall probe running (for reference)",
             busy["cpu_seconds_per_minute"] / 60 * 100, TARGETS["cpu_percent"], "%"),
            ("Peak RSS", mib(busy["peak_rss_kib"]), TARGETS["rss_mib"], "MiB"),
            ("First full frame", busy["first_full_frame_ms"], TARGETS["frame_ms"], "ms"),
        ]
        for what, value, limit, unit in checks:
            verdict = "met" if value < limit else "**missed**"
            target_rows.append(f"| {what} | < {limit:g} {unit} | {value:.1f} {unit} | {verdict} |")

add("")
add("## Ratios Kumo / virt-manager (below 1 means Kumo is ahead)")
add("")
add("Launch uses Kumo's first full frame (idle run) against virt-manager's last populated log line. "
    "Where virt-manager hit the cap, the launch ratio is an upper bound and CPU (no steady phase) "
    "is n/a; the RSS ratio then uses virt-manager's peak RSS at the cap, before it had everything "
    "loaded, which favours virt-manager.")
add("")
add("| Instances (nodes) | Launch to populated | CPU/min, idle vs idle (Kumo without the probe) | CPU/min, Kumo churn vs idle | "
    "Peak RSS, idle | Peak RSS, Kumo churn |")
add("|---|---|---|---|---|---|")
lines.extend(ratio_rows)
add("")
floor_rows = []
for n in sizes:
    runs = [r for r in (load(f"floor-n{n}-r{i}.json") for i in (1, 2, 3)) if r]
    if not runs:
        continue
    walls = sorted(r["wall_ms"] for r in runs)
    cpus = sorted(r["cpu_seconds"] for r in runs)
    def span(values, spec):
        low, high = format(values[0], spec), format(values[-1], spec)
        return low if low == high else f"{low}–{high}"

    floor_rows.append(f"| {sites * n * per_node:,} ({sites * n}) | {runs[0]['threads']} | "
                      f"{span(walls, ',.0f')} ms | {span(cpus, '.2f')} s |")
if floor_rows:
    add("## libvirt alone (`kumo_driver_floor`)")
    add("")
    add("The same node files opened with plain libvirt calls, no console: `virConnectOpen`, "
        "`virConnectListAllDomains` and `virDomainGetInfo` for every domain, as many nodes at once "
        "as there are cores, three runs each (range shown). With the test driver this is the "
        "in-process parse of the node files, which any program pays before it can show them; "
        "it bounds the launch figure from below.")
    add("")
    add("| Instances (nodes) | Threads | Wall time | CPU |")
    add("|---|---|---|---|")
    lines.extend(floor_rows)
    add("")
if target_rows:
    add(f"## Targets at {sites * max(sizes) * per_node:,} instances (Kumo with churn {churn}%)")
    add("")
    add("| Target | Limit | Measured | |")
    add("|---|---|---|---|")
    lines.extend(target_rows)
    add("")
add("## Commands")
add("")
add("```")
add("bench/run-bench.sh" + (" --quick" if env["BENCH_QUICK"] == "1" else ""))
with open(commands_file) as f:
    for line in f:
        add(tidy(line.rstrip("\n")))
add("```")
add("")
add("`$WORK` is the run's scratch directory. Raw JSON, logs and a screenshot of Kumo's first full "
    "frame per run are kept there.")
add("")

kept = ""
if os.path.exists(results_file):
    with open(results_file) as f:
        old = f.read()
    if ANALYSIS_MARKER in old:
        kept = old[old.index(ANALYSIS_MARKER) + len(ANALYSIS_MARKER):].lstrip("\n")
add(ANALYSIS_MARKER)
add("")
with open(results_file, "w") as f:
    f.write("\n".join(lines) + "\n" + kept)

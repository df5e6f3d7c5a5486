"""An ``exokg build`` timed line by line: wall time, CPU time and the summed RSS of all its
processes between consecutive progress lines.

Usage::

    python benchmarks/buildphases.py CORPUS --work DIR [--workers N] [--interval 0.5]
                                     [--json FILE] [-- more exokg build arguments]

Runs ``exokg -v build CORPUS --out DIR/out --store DIR/store`` in a subprocess (``DIR`` is
emptied first), stamps every line it writes on standard error with the wall clock, and
samples its process tree (the build, its extraction and export workers, ``sort``) every
``--interval`` seconds from ``/proc``:

* **CPU**: user + system time of every live process of the tree plus what each has
  collected from its finished children (``cutime``/``cstime``); the total printed at the
  end adds up its increases (:func:`grown`). ``getrusage(RUSAGE_CHILDREN)``, printed beside
  it and kept as ``cpu_s`` in the JSON, misses the post-load phase workers (a
  ``forkserver`` the build never reaps forks them);
* **RSS**: the resident set sizes of the live processes added together (what the machine
  must hold at that moment; ``/usr/bin/time`` reports the largest single process instead).

It prints one row per progress line: the seconds since the start, the wall time, the CPU
seconds and the peak summed RSS since the previous line, and the line; then the totals and
the load average (``os.getloadavg``) before and after. The machine is shared: CPU seconds
per interval are the figures to compare between runs, wall times depend on the load.
Linux only (``/proc``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

_TICK = os.sysconf("SC_CLK_TCK")
_PAGE = os.sysconf("SC_PAGE_SIZE")


def _stat(pid: int) -> tuple[int, float, int] | None:
    """(parent pid, CPU seconds incl. reaped children, RSS bytes) of ``pid``, or None."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            text = handle.read().decode("ascii", "replace")
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    # fields[0] is state (field 3); utime is field 14 -> index 11
    ppid = int(fields[1])
    cpu = sum(int(fields[i]) for i in (11, 12, 13, 14)) / _TICK
    rss = int(fields[21]) * _PAGE
    return ppid, cpu, rss


def tree_sample(root: int) -> tuple[float, int, int]:
    """(CPU seconds, summed RSS bytes, processes) of ``root`` and its descendants."""
    stats: dict[int, tuple[int, float, int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            found = _stat(int(name))
            if found is not None:
                stats[int(name)] = found
    members = {root}
    grew = True
    while grew:
        grew = False
        for pid, (ppid, _, _) in stats.items():
            if ppid in members and pid not in members:
                members.add(pid)
                grew = True
    cpu = sum(stats[p][1] for p in members if p in stats)
    rss = sum(stats[p][2] for p in members if p in stats)
    return cpu, rss, len(members)


def grown(values: list[float]) -> float:
    """The sum of the increases between consecutive ``values`` (CPU totals of the tree).

    A process that leaves the tree without a member reaping it (the build's post-load phase
    workers are forked by a ``forkserver`` that the build never waits for) takes its CPU out
    of the total: the drop is not subtracted, so what it used while sampled is kept."""
    return sum(max(b - a, 0.0) for a, b in zip([0.0, *values], values))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--workers", type=int)
    parser.add_argument("--interval", type=float, default=0.5)
    parser.add_argument("--json", type=Path)
    parser.add_argument("rest", nargs="*", help="more exokg build arguments (after --)")
    args = parser.parse_args(argv)
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    exokg = Path(sys.executable).with_name("exokg")
    command = [str(exokg), "-v", "build", str(args.corpus), "--out", str(args.work / "out"),
               "--store", str(args.work / "store"), *args.rest]
    if args.workers is not None:
        command += ["--workers", str(args.workers)]
    load_before = os.getloadavg()
    started = time.perf_counter()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                               text=True)
    lines: list[tuple[float, str]] = []
    samples: list[tuple[float, float, int]] = []
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            cpu, rss, _ = tree_sample(process.pid)
            samples.append((time.perf_counter() - started, cpu, rss))
            done.wait(args.interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert process.stderr is not None
    for line in process.stderr:
        lines.append((time.perf_counter() - started, line.rstrip("\n")))
    code = process.wait()
    done.set()
    sampler.join()
    wall = time.perf_counter() - started
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    total_cpu = children.ru_utime + children.ru_stime
    load_after = os.getloadavg()

    rows: list[dict[str, Any]] = []
    previous = 0.0
    for at, text in lines + [(wall, "(end)")]:
        window = [s for s in samples if previous <= s[0] <= at]
        before = [s for s in samples if s[0] <= previous]
        cpu0 = before[-1][1] if before else 0.0
        cpu1 = window[-1][1] if window else cpu0
        peak = max((s[2] for s in window), default=0)
        rows.append({"at": round(at, 1), "wall": round(at - previous, 1),
                     "cpu": round(max(cpu1 - cpu0, 0.0), 1), "peak_rss_mb": round(peak / 2**20),
                     "line": text})
        previous = at
    print(f"{'at s':>8} {'wall s':>7} {'CPU s':>7} {'RSS MB':>7}  line")
    for row in rows:
        print(f"{row['at']:8.1f} {row['wall']:7.1f} {row['cpu']:7.1f} "
              f"{row['peak_rss_mb']:7d}  {row['line']}")
    peak = max((s[2] for s in samples), default=0)
    tree_cpu = grown([s[1] for s in samples])
    print(f"exit {code}; wall {wall:.1f} s; CPU {tree_cpu:.1f} s of the sampled tree "
          f"({tree_cpu / wall:.2f} cores on average; {total_cpu:.1f} s by getrusage, which "
          f"misses unreaped workers); peak summed RSS {peak / 2**20:.0f} MB; "
          f"largest process {children.ru_maxrss / 1024:.0f} MB; load average before "
          f"{load_before[0]:.2f}, after {load_after[0]:.2f}")
    if args.json is not None:
        args.json.write_text(json.dumps({
            "command": command, "exit": code, "wall_s": wall, "cpu_s": total_cpu,
            "tree_cpu_s": tree_cpu,
            "peak_summed_rss_mb": peak / 2**20, "largest_process_mb": children.ru_maxrss / 1024,
            "load_before": load_before, "load_after": load_after, "rows": rows}, indent=1))
    return code


if __name__ == "__main__":
    sys.exit(main())

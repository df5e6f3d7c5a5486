"""The phases of a large build after loading, run on a store a build has already written,
with one worker process and with several: wall time, CPU time and peak RSS of each phase,
the summed RSS of all processes, and whether every file is byte-identical to the build's.

Usage::

    python benchmarks/postphases.py STORE --work DIR [--workers 1,2] [--budget MB]
                                    [--check] [--json FILE]

``STORE`` is a store folder written by ``exokg build``; its current generation's database
is opened read-only by each phase (:func:`exokg.postload.run_phases`, the code ``exokg
build --workers N`` runs) and never changed. Each run writes into ``DIR/wN`` (a stand-in
for the new generation's folder: ``exports/``, ``view.sqlite``). The N-Quads and TriG
exports need the loader's partition file, which a build deletes: it is made once from the
generation's ``exokg.nq`` (``benchmarks/exportphase.py``'s ``make_partition``, cached in
``DIR``). ``--workers 1`` runs every phase in a fresh process of its own, one after the
other (a build with ``--workers 1`` runs them in the building process instead).

The summed RSS is sampled every half second from ``/proc`` over this process's children
(the fork server and the phases' workers, ``sort``), as ``benchmarks/buildphases.py``
does. On a shared machine compare CPU seconds; wall times depend on the load (printed).
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from buildphases import tree_sample  # noqa: E402
from exportphase import generation_of, make_partition  # noqa: E402


def run(store: Path, work: Path, workers: int, budget: float, partition: Path
        ) -> dict[str, Any]:
    from exokg.graph.store import generation_info
    from exokg.postload import PHASES, Job, describe, run_phases
    from exokg.query.stores import ontology_graph_name

    generation = generation_of(store)
    target = work / f"w{workers}"
    shutil.rmtree(target, ignore_errors=True)
    (target / "exports").mkdir(parents=True)
    (target / ".scratch").mkdir()
    info = generation_info(store)
    graphs = tuple(g for g in [ontology_graph_name()] if g)
    job = Job(str(generation / "oxigraph"), str(target), str(partition),
              str(target / ".scratch"), graphs, int(info["statements"]))
    samples: list[int] = []
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            samples.append(tree_sample(os.getpid())[1])
            done.wait(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    load = os.getloadavg()[0]
    sampler.start()
    began = time.perf_counter()
    lines: list[str] = []
    results = run_phases(job, PHASES, int(info.get("triples", 0)), workers, budget_mb=budget,
                         on_done=lambda p, r: (lines.append(describe(p, r)),
                                               print(f"  {lines[-1]}", flush=True)))
    wall = time.perf_counter() - began
    done.set()
    sampler.join()
    return {"workers": workers, "wall_s": round(wall, 1), "load_before": load,
            "load_after": os.getloadavg()[0],
            "cpu_s": round(sum(r.cpu_seconds for r in results.values()), 1),
            "peak_summed_rss_mb": round(max(samples, default=0) / 2**20),
            "phases": {n: {"wall_s": round(r.seconds, 1), "cpu_s": round(r.cpu_seconds, 1),
                           "peak_mb": round(r.peak_mb)} for n, r in results.items()},
            "lines": lines, "folder": str(target)}


def same_files(store: Path, folder: Path) -> list[str]:
    """Files of ``folder`` that differ from the generation's (empty: all the same)."""
    generation = generation_of(store)
    differ = []
    for path in sorted((folder / "exports").rglob("*")):
        if path.is_file():
            name = path.relative_to(folder / "exports")
            if not filecmp.cmp(path, generation / "exports" / name, shallow=False):
                differ.append(str(name))
    if not filecmp.cmp(folder / "view.sqlite", generation / "view.sqlite", shallow=False):
        differ.append("view.sqlite")
    return differ


def main(argv: list[str] | None = None) -> int:
    from exokg.postload import MEMORY_BUDGET_MB

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--budget", type=float, default=MEMORY_BUDGET_MB)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    partition = args.work / "partition.nq"
    if not partition.is_file():
        began = time.perf_counter()
        lines = make_partition(generation_of(args.store) / "exports" / "exokg.nq", partition)
        print(f"partition file: {lines:,} lines in {time.perf_counter() - began:.1f} s")
    runs = []
    for workers in (int(w) for w in args.workers.split(",")):
        print(f"--workers {workers} (load average {os.getloadavg()[0]:.2f})", flush=True)
        figures = run(args.store, args.work, workers, args.budget, partition)
        if args.check:
            figures["differ"] = same_files(args.store, Path(figures["folder"]))
        print(f"  wall {figures['wall_s']} s, CPU {figures['cpu_s']} s, peak summed RSS "
              f"{figures['peak_summed_rss_mb']} MB, load average after "
              f"{figures['load_after']:.2f}"
              + (f", files differing from the build's: {figures['differ'] or 'none'}"
                 if args.check else ""), flush=True)
        runs.append(figures)
    if args.json is not None:
        args.json.write_text(json.dumps(runs, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

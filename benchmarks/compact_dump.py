"""The raw ``Store.dump`` of a compacted copy of a database: the baseline of the RDF exports
for a store written before builds compacted their database.

Usage::

    python benchmarks/compact_dump.py DATABASE COPY

``DATABASE`` is an Oxigraph database folder (``STORE/current/oxigraph``), opened only to be
copied; ``COPY`` is made from it (kept, and reused when it is complete: the file
``COPY/.done``), compacted with ``Store.optimize()``, and its default graph dumped as
N-Triples into ``COPY.nt`` (removed afterwards). Prints the CPU and wall time of the
compaction and of the dump, and the load average before and after the dump.
"""

from __future__ import annotations

import argparse
import os
import shutil
import time
from pathlib import Path

import pyoxigraph as ox


def _cpu() -> float:
    times = os.times()
    return times.user + times.system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("database", type=Path)
    parser.add_argument("copy", type=Path)
    args = parser.parse_args()
    done = args.copy / ".done"
    if not done.exists():
        shutil.rmtree(args.copy, ignore_errors=True)
        shutil.copytree(args.database, args.copy)
        cpu, wall = _cpu(), time.perf_counter()
        store = ox.Store(str(args.copy))
        store.optimize()
        store.flush()
        del store
        print(f"optimize: CPU {_cpu() - cpu:.1f} s, wall {time.perf_counter() - wall:.1f} s",
              flush=True)
        done.touch()
    print(time.strftime("%H:%M:%S"), "load average", os.getloadavg(), flush=True)
    store = ox.Store.read_only(str(args.copy))
    target = args.copy.with_name(args.copy.name + ".nt")
    cpu, wall = _cpu(), time.perf_counter()
    store.dump(str(target), ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    print(f"dump of the compacted copy: CPU {_cpu() - cpu:.1f} s, wall "
          f"{time.perf_counter() - wall:.1f} s, {target.stat().st_size:,} bytes", flush=True)
    print(time.strftime("%H:%M:%S"), "load average", os.getloadavg(), flush=True)
    target.unlink()


if __name__ == "__main__":
    main()

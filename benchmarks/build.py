"""Build throughput and memory: the founding corpus replicated into N documents.

Usage::

    python benchmarks/build.py [--sizes 8,80,800] [--repeat 3]

For each size N it writes N documents (the corpus's excerpts, each under its own id) to a
temporary folder, runs ``exokg.pipeline.build`` on them and prints documents per second,
statements, triples and the peak Python memory (tracemalloc) of the build. Ratios are against
the smallest size, measured in the same process: time per document should stay flat
(ratio ~1) and peak memory should grow no faster than the graph itself.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

from exokg.pipeline import build, load_documents


def write_documents(folder: Path, n: int) -> None:
    excerpts = load_documents()
    for i in range(n):
        doc = excerpts[i % len(excerpts)]
        (folder / f"doc{i:05d}.md").write_text(f"---\nid: bench-{i:05d}\n---\n{doc.text}\n",
                                                encoding="utf-8")


def measure(n: int, repeat: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_documents(folder, n)
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            result = build([folder])
            times.append(time.perf_counter() - started)
        tracemalloc.start()
        result = build([folder])
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    seconds = statistics.median(times)
    return {"docs": n, "seconds": seconds, "docs_per_s": n / seconds,
            "statements": len(result.statements), "triples": len(result.graph),
            "peak_mib": peak / 2**20}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="8,80,800")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = [measure(n, args.repeat) for n in sizes]
    base = rows[0]
    print(f"{'docs':>6} {'seconds':>8} {'docs/s':>8} {'statements':>10} {'triples':>8} "
          f"{'peak MiB':>9} {'s/doc ratio':>11} {'MiB/triple ratio':>16}")
    for r in rows:
        per_doc = (r["seconds"] / r["docs"]) / (base["seconds"] / base["docs"])
        per_triple = (r["peak_mib"] / r["triples"]) / (base["peak_mib"] / base["triples"])
        print(f"{r['docs']:>6} {r['seconds']:>8.2f} {r['docs_per_s']:>8.1f} "
              f"{r['statements']:>10} {r['triples']:>8} {r['peak_mib']:>9.1f} "
              f"{per_doc:>11.2f} {per_triple:>16.2f}")


if __name__ == "__main__":
    main()

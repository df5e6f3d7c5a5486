"""Parallel extraction: ``--workers 1`` against ``--workers N`` on a few hundred documents.

Usage::

    python benchmarks/workers.py [--docs 400] [--workers 1,2] [--repeat 2]

The documents are the bundled founding corpus and the development set
(``tests/devset/documents``: abstracts, a review, a ClinicalTrials.gov record) repeated under
new ids until there are ``--docs`` of them. For each worker count the script times extraction
(:func:`exokg.pipeline.extract_statements`, which is what ``--workers`` parallelises) and
assembly plus the RDF graph (which stay serial), checks that every worker count gives
byte-identical Turtle, and prints the speed-up of extraction against the first count.

It also prints the CPU time extraction took in this process and in the worker processes:
their sum against the one-worker CPU time is the cost of going parallel (passing documents
and statements between processes), which does not depend on how busy the machine is; the
wall-clock speed-up does (the load average is printed before and after: on a shared
machine other processes take cores).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import resource
import statistics
import time
from pathlib import Path

from exokg.export.turtle import to_turtle
from exokg.model import Document
from exokg.pipeline import assemble_result, extract_statements, load_documents
from exokg.recognise import Recogniser

DEVSET = Path(__file__).resolve().parents[1] / "tests" / "devset" / "documents"


def documents(n: int) -> list[Document]:
    """``n`` documents: the corpus and the development set, repeated under new ids."""
    base = load_documents() + load_documents([DEVSET])
    return [dataclasses.replace(base[i % len(base)], id=f"{base[i % len(base)].id}-r{i:05d}")
            for i in range(n)]


def measure(docs: list[Document], workers: int, repeat: int,
            recogniser: Recogniser) -> dict[str, float | bytes]:
    extraction, assembly, cpu = [], [], []
    turtle = b""
    for _ in range(repeat):
        children = _children_cpu()
        own = time.process_time()
        started = time.perf_counter()
        raw, registry, sentences = extract_statements(iter(docs), recogniser, workers=workers)
        middle = time.perf_counter()
        cpu.append((time.process_time() - own, _children_cpu() - children))
        result = assemble_result(docs, raw, registry, sentences)
        extraction.append(middle - started)
        assembly.append(time.perf_counter() - middle)
        turtle = to_turtle(result.graph)
    return {"workers": workers, "extract_s": statistics.median(extraction),
            "own_cpu_s": statistics.median(c[0] for c in cpu),
            "worker_cpu_s": statistics.median(c[1] for c in cpu),
            "assemble_s": statistics.median(assembly), "statements": len(result.statements),
            "turtle": turtle}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    docs = documents(args.docs)
    recogniser = Recogniser.default()
    counts = [int(w) for w in args.workers.split(",")]
    print(f"{len(docs)} documents, {sum(len(d.text) for d in docs):,} characters; "
          f"cores available: {len(os.sched_getaffinity(0))}; load average before: "
          f"{os.getloadavg()[0]:.2f}")
    rows = [measure(docs, w, args.repeat, recogniser) for w in counts]
    base = rows[0]
    print(f"{'workers':>7} {'extract s':>10} {'docs/s':>8} {'speed-up':>9} {'CPU s':>6} "
          f"{'(own + workers)':>16} {'assemble s':>11} {'statements':>10} {'same Turtle':>11}")
    for row in rows:
        total = row['own_cpu_s'] + row['worker_cpu_s']
        print(f"{row['workers']:>7} {row['extract_s']:>10.2f} "
              f"{len(docs) / row['extract_s']:>8.1f} "
              f"{base['extract_s'] / row['extract_s']:>8.2f}x {total:>6.2f} "
              f"{'(' + format(row['own_cpu_s'], '.2f') + ' + ' + format(row['worker_cpu_s'], '.2f') + ')':>16} "
              f"{row['assemble_s']:>11.2f} {row['statements']:>10} "
              f"{str(row['turtle'] == base['turtle']):>11}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()

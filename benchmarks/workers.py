"""Parallel extraction: ``--workers 1`` against ``--workers N`` on a few hundred documents.

Usage::

    python benchmarks/workers.py [--docs 400] [--workers 1,2] [--repeat 2]

The documents are the bundled founding corpus and the development set
(``tests/devset/documents``: abstracts, a review, a ClinicalTrials.gov record) repeated under
new ids until there are ``--docs`` of them. For each worker count the script times extraction
(:func:`exokg.pipeline.extract_statements`, which is what ``--workers`` parallelises) and
assembly plus the RDF graph (which stay serial), checks that every worker count gives
byte-identical Turtle, and prints the speed-up of extraction against the first count.
The machine's load average is printed too: on a shared machine other processes take cores.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
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
    extraction, assembly = [], []
    turtle = b""
    for _ in range(repeat):
        started = time.perf_counter()
        raw, registry, sentences = extract_statements(iter(docs), recogniser, workers=workers)
        middle = time.perf_counter()
        result = assemble_result(docs, raw, registry, sentences)
        extraction.append(middle - started)
        assembly.append(time.perf_counter() - middle)
        turtle = to_turtle(result.graph)
    return {"workers": workers, "extract_s": statistics.median(extraction),
            "assemble_s": statistics.median(assembly), "statements": len(result.statements),
            "turtle": turtle}


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
    print(f"{'workers':>7} {'extract s':>10} {'docs/s':>8} {'speed-up':>9} {'assemble s':>11} "
          f"{'statements':>10} {'same Turtle':>11}")
    for row in rows:
        print(f"{row['workers']:>7} {row['extract_s']:>10.2f} "
              f"{len(docs) / row['extract_s']:>8.1f} "
              f"{base['extract_s'] / row['extract_s']:>8.2f}x {row['assemble_s']:>11.2f} "
              f"{row['statements']:>10} {str(row['turtle'] == base['turtle']):>11}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()

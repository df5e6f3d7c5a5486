"""Extraction throughput: abstracts per second, CPU per abstract, and where the time goes.

Usage::

    python benchmarks/extraction.py [PATH ...] [--limit N] [--workers 1,2] [--read] [--profile]

PATH are input files or folders as ``exokg build`` takes them (default: the development set
``tests/devset/documents``; the synthetic corpora of ``benchmarks/scale.py --generate-only``
are the large inputs). Documents are read first (timed apart), then for each worker count
the script runs what ``exokg build`` runs per document (:func:`exokg.pipeline.extract_into`:
segment, recognise, extract, and write each document's raw statements into an on-disk
claim table) and prints the wall time, abstracts/s, and the CPU time of this process and of
the worker processes. CPU time barely depends on how busy the machine is, wall time does:
the load average and the kernel's CPU pressure (``/proc/pressure/cpu``) are printed before
and after each run.

``--read`` reads the inputs again during each run, in this process, as ``exokg build`` does
(PubMed XML parsing and cleaning then count in this process's CPU, printed as its share of
the CPU of extraction for each worker count above 1).

``--profile`` runs extraction once more in this process under :mod:`cProfile` (timed by CPU
time, not wall time) and prints the time of each stage (reading, sentence splitting,
each recogniser, each extractor, claim building, the claim-table writes), the cost of
pickling the results as the worker processes do, and the functions with the most own time.

To compare code versions, run the same command from a ``git archive`` of the older commit
(with ``PYTHONPATH`` pointing at it) back to back with this one.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pickle
import pstats
import resource
import time
from collections.abc import Iterable
from itertools import islice
from pathlib import Path

from exokg.claimstore import ClaimStore
from exokg.model import Document
from exokg.pipeline import document_statements, extract_into, stream_documents
from exokg.recognise import Recogniser

DEVSET = Path(__file__).resolve().parents[1] / "tests" / "devset" / "documents"
#: (label, function name as pstats prints it: "file:line(name)" ends with this) per stage
STAGES = [
    ("segment (normalise, sentences, citations)", "segment.py", "(segment)"),
    ("abbreviations", "abbreviations.py", "(find_abbreviations)"),
    ("recognise: curated vocabulary matcher", "recognise/lexicon.py", "(find)"),
    ("recognise: open lexicon", "recognise/open.py", "(find)"),
    ("recognise: miRNA names", "mirna.py", "(find_mirnas)"),
    ("recognise: values (doses, p-values, ids)", "values.py", "(find_values)"),
    ("recognise: preparations", "composite.py", "(find_preparations)"),
    ("recognise: whole (all of the above per sentence)", "recognise/__init__.py",
     "(analyse)"),
    ("extract: whole (all rules)", "extract/__init__.py", "(extract_document)"),
    ("extract: effects", "effects.py", "(extract_effects)"),
    ("extract: biomarkers", "biomarkers.py", "(extract_biomarkers)"),
    ("extract: group levels", "groups.py", "(extract_group_levels)"),
    ("extract: regulation", "regulation.py", "(extract_regulation)"),
    ("extract: trials", "trials.py", "(extract_trial)"),
    ("extract: claim status and context (_situate)", "extract/__init__.py", "(_situate)"),
    ("claim building (statement)", "extract/base.py", "(statement)"),
    ("claim table writes", "claimstore.py", "(add_document)"),
]


#: the functions that call the recognisers of a sentence and the rules of a sentence: their
#: callees' time, as called from them, is the time per recognition step and per extractor
DISPATCHERS = [
    ("recognition steps (called from Recogniser.analyse)", "recognise/__init__.py",
     "(analyse)"),
    ("extractors (called from extract_sentence)", "extract/__init__.py",
     "(extract_sentence)"),
]


def _callees(entries: dict, label: str, filename: str, name: str, total: float) -> None:
    """Print the functions ``filename:name`` calls with the cumulative time spent in each
    when called from there (pstats keeps, per function, its time by caller)."""
    keys = [k for k in entries if k[0].endswith(filename) and f"({k[2]})" == name]
    rows = []
    for func, (_, _, _, _, callers) in entries.items():
        cum = sum(callers[k][3] for k in keys if k in callers)
        if cum:
            rows.append((cum, f"{Path(func[0]).parent.name}/{Path(func[0]).name}:{func[2]}"))
    print(f"\n  {label}, per call site (cumulative CPU s, share of all):")
    for cum, where in sorted(rows, reverse=True)[:30]:
        print(f"    {where:<60} {cum:>7.2f} s {100 * cum / total:>5.1f}%")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _busy() -> str:
    """The load average and CPU pressure ("some" avg10: % of time runnable tasks waited)."""
    text = f"load {os.getloadavg()[0]:.2f}"
    try:
        line = Path("/proc/pressure/cpu").read_text(encoding="ascii").splitlines()[0]
        text += f", CPU pressure {line.split()[1].split('=')[1]}%"
    except (OSError, IndexError):
        pass
    return text


def run(docs: Iterable[Document], recogniser: Recogniser, workers: int) -> dict[str, float]:
    """Extract ``docs`` into a claim table as a build does; wall and CPU seconds."""
    with ClaimStore() as claims:
        children, own, started = _children_cpu(), time.process_time(), time.perf_counter()
        extract_into(claims, iter(docs), recogniser, workers=workers)
        wall = time.perf_counter() - started
        return {"wall": wall, "own": time.process_time() - own,
                "workers": _children_cpu() - children, "raw": claims.raw_count}


def profile(docs: list[Document], recogniser: Recogniser, top: int) -> None:
    """Extraction in this process under cProfile (CPU time): stages and top functions."""
    profiler = cProfile.Profile(time.process_time)
    with ClaimStore() as claims:
        profiler.enable()
        extract_into(claims, iter(docs), recogniser, workers=1)
        profiler.disable()
    stats = pstats.Stats(profiler)
    total = stats.total_tt  # type: ignore[attr-defined]
    entries = stats.stats  # type: ignore[attr-defined]
    print(f"\nprofile (CPU s under cProfile, which inflates small calls): {total:.2f} s "
          f"for {len(docs)} documents")
    for label, filename, name in STAGES:
        cum = sum(v[3] for (f, _, n), v in entries.items()
                  if f.endswith(filename) and f"({n})" == name)
        print(f"  {label:<52} {cum:>7.2f} s {100 * cum / total:>5.1f}%")
    for label, filename, name in DISPATCHERS:
        _callees(entries, label, filename, name, total)
    sample = docs[:200]
    results = [document_statements(d, recogniser) for d in sample]
    started = time.process_time()
    blobs = [pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL) for r in results]
    dumped = time.process_time() - started
    started = time.process_time()
    for blob in blobs:
        pickle.loads(blob)
    loaded = time.process_time() - started
    size = sum(map(len, blobs))
    print(f"  worker->parent transfer: {size / len(sample) / 1024:.1f} KiB pickled per "
          f"document, {1000 * dumped / len(sample):.3f} ms to pickle and "
          f"{1000 * loaded / len(sample):.3f} ms to unpickle per document (outside cProfile)")
    print(f"\ntop {top} functions by own CPU time:")
    stats.sort_stats("tottime").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="input files or folders (default: dev set)")
    parser.add_argument("--limit", type=int, default=0, help="use the first N documents")
    parser.add_argument("--workers", default="1,2", help="worker counts to time (1,2)")
    parser.add_argument("--profile", action="store_true", help="also profile (one process)")
    parser.add_argument("--top", type=int, default=25, help="functions listed by --profile")
    parser.add_argument("--read", action="store_true",
                        help="read the inputs during each run, in this process, as exokg "
                             "build does (its CPU then includes XML parsing and cleaning)")
    args = parser.parse_args()
    started = time.perf_counter()
    docs = list(stream_documents(args.paths or [DEVSET]))
    if args.limit:
        docs = docs[:args.limit]
    read = time.perf_counter() - started
    started = time.perf_counter()
    recogniser = Recogniser.default()
    print(f"{len(docs)} documents, {sum(len(d.text) for d in docs):,} characters, read in "
          f"{read:.2f} s; recogniser built in {time.perf_counter() - started:.2f} s; cores: "
          f"{len(os.sched_getaffinity(0))}")
    print(f"{'workers':>7} {'wall s':>8} {'docs/s':>8} {'CPU s own + workers':>20} "
          f"{'docs/CPU-s':>10} {'raw stmts':>9}  machine before -> after")
    for workers in (int(w) for w in args.workers.split(",")):
        before = _busy()
        source: Iterable[Document] = docs
        if args.read:  # the documents again, read as extraction goes
            source = islice(stream_documents(args.paths or [DEVSET]), len(docs))
        row = run(source, recogniser, workers)
        cpu = row["own"] + row["workers"]
        print(f"{workers:>7} {row['wall']:>8.2f} {len(docs) / row['wall']:>8.1f} "
              f"{row['own']:>9.2f} + {row['workers']:>8.2f} {len(docs) / cpu:>10.1f} "
              f"{int(row['raw']):>9}  {before} -> {_busy()}", flush=True)
        if workers > 1:
            print(f"{'':>7} this process: {1000 * row['own'] / len(docs):.3f} ms of CPU per "
                  f"document, {100 * row['own'] / cpu:.1f}% of the CPU of extraction"
                  + (" (reading included)" if args.read else ""), flush=True)
    if args.profile:
        profile(docs, recogniser, args.top)


if __name__ == "__main__":
    main()

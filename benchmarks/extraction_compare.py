"""Old against new extraction code in one process: the CPU ratio on the same abstracts.

Usage::

    git archive OLD_COMMIT exokg | tar -x -C /tmp/old     # the old package, once
    python benchmarks/extraction_compare.py /tmp/old [PATH ...] [--limit N] [--rounds N]
        [--recognition | --rules]

On a shared machine the CPU time of the same code varies by 20% and more from minute to
minute with the contention, so two runs started apart cannot show a gain of a few percent.
This script copies the old tree's ``exokg`` package into a temporary folder as ``exokg_old``
(its ``exokg`` imports rewritten), imports it beside the working tree's ``exokg``, and runs
:func:`exokg.pipeline.document_statements` (with ``--recognition``:
:func:`exokg.pipeline.analyse_document`, segmentation and recognition without the rules;
with ``--rules``: :func:`exokg.extract.extract_document`, the rules alone, on the sentences
each code analysed once before the rounds)
over the same documents with the old and the new code alternately (recognition as
``document_statements`` runs it: without the names for annotation only, where the code has
that choice; ``--annotate`` with them), ``--rounds`` times
each; it prints each round's CPU seconds and the lower of each as milliseconds per document
and their ratio. PATH are inputs as ``exokg build`` takes them (default: the development
set). Both trees read the current open lexicon (each opens it once: about 500 MB each).
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import os
import re
import shutil
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

DEVSET = Path(__file__).resolve().parents[1] / "tests" / "devset" / "documents"
#: an import of the package at the start of a line: "from exokg.x import y", "import exokg"
_IMPORT = re.compile(r"^(\s*)(from|import) exokg\b", re.M)


def old_package(tree: Path, into: Path) -> None:
    """Copy ``tree/exokg`` to ``into/exokg_old`` with its imports of ``exokg`` renamed.

    Raises :class:`SystemExit` naming ``tree`` when it holds no ``exokg`` package."""
    source = tree / "exokg"
    if not (source / "__init__.py").is_file():
        raise SystemExit(f"extraction_compare: {tree}: no exokg package there (expected "
                         f"{source}/__init__.py)")
    target = into / "exokg_old"
    shutil.copytree(source, target, symlinks=True)  # resources link outside the package
    for path in target.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        path.write_text(_IMPORT.sub(r"\1\2 exokg_old", text), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path, help="a source tree of the old code (holds exokg/)")
    parser.add_argument("paths", nargs="*", help="input files or folders (default: dev set)")
    parser.add_argument("--limit", type=int, default=300, help="the first N documents (300)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of each code (3)")
    parser.add_argument("--recognition", action="store_true",
                        help="time segmentation and recognition only "
                             "(exokg.pipeline.analyse_document), not the rules")
    parser.add_argument("--rules", action="store_true",
                        help="time the rules only (exokg.extract.extract_document) on "
                             "sentences each code analysed once before the rounds")
    parser.add_argument("--annotate", action="store_true",
                        help="with --recognition: look for the names for annotation only "
                             "too (as exokg annotate does; a build leaves them out where "
                             "the code can: analyse_document(..., annotate=False))")
    args = parser.parse_args()
    step = "analyse_document" if args.recognition else \
        "extract_document" if args.rules else "document_statements"
    with tempfile.TemporaryDirectory(prefix="exokg-compare-") as scratch:
        old_package(args.old, Path(scratch))
        sys.path.insert(0, scratch)
        codes = {}
        for name, package in (("old", "exokg_old"), ("new", "exokg")):
            pipeline = importlib.import_module(f"{package}.pipeline")
            recogniser = importlib.import_module(f"{package}.recognise").Recogniser.default()
            docs = list(pipeline.stream_documents(args.paths or [DEVSET]))[:args.limit]
            for doc in docs[:20]:  # warm the caches and the lexicon's pages
                pipeline.document_statements(doc, recogniser)
            run = getattr(pipeline, step)
            if args.recognition and not args.annotate and \
                    "annotate" in inspect.signature(run).parameters:
                run = partial(run, annotate=False)  # as document_statements reads
            if args.rules:  # each document's sentences, analysed as a build does
                docs = [pipeline.analyse_document(doc, recogniser, annotate=False)
                        for doc in docs]
                rules = importlib.import_module(f"{package}.extract").extract_document
                run = lambda analysed, _recogniser, rules=rules: rules(analysed)  # noqa: E731
            codes[name] = (run, recogniser, docs)
        rounds: dict[str, list[float]] = {"old": [], "new": []}
        for _ in range(args.rounds):
            for name, (run, recogniser, docs) in codes.items():
                started = time.process_time()
                for doc in docs:
                    run(doc, recogniser)
                rounds[name].append(time.process_time() - started)
    n = len(codes["new"][2])
    old, new = min(rounds["old"]), min(rounds["new"])
    print(f"{n} documents, {step}, load {os.getloadavg()[0]:.1f}")
    for name in ("old", "new"):
        print(f"  {name}: rounds {', '.join(f'{s:.2f}' for s in rounds[name])} s; lower "
              f"{1000 * min(rounds[name]) / n:.2f} ms of CPU per document")
    print(f"  old / new: {old / new:.3f}x")


if __name__ == "__main__":
    main()

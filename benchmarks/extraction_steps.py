"""CPU time per recognition step and per extractor, without a profiler.

Usage::

    python benchmarks/extraction_steps.py [PATH ...] [--limit N]

cProfile inflates code made of many small calls and puts the time a regular expression
spends scanning into its caller, so this script times the steps themselves instead: it
wraps each step of recognition (:meth:`exokg.recognise.Recogniser.analyse` and what it
calls), of the document layer (segmentation, abbreviations, a sentence read again) and each
extractor called by :func:`exokg.extract.extract_sentence` with a CPU timer, runs
:func:`exokg.pipeline.document_statements` over the documents once in this process and
prints each step's CPU milliseconds per document, its share and its calls. A step's time is
its own: what a wrapped step calls that is itself wrapped is counted there (the open
lexicon's lookups for "patients" made by the species rule count as the open lexicon's,
named "open lexicon < species words"). The timers cost about 1 microsecond a call; the
total printed is the CPU time of the untimed run before it, for scale.

PATH are input files or folders as ``exokg build`` takes them (default: the development
set); the synthetic PubMed corpora of ``benchmarks/scale.py`` are the large inputs.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from exokg.pipeline import document_statements, stream_documents
from exokg.recognise import Recogniser

DEVSET = Path(__file__).resolve().parents[1] / "tests" / "devset" / "documents"

#: (module, attribute or Class.method, label): the steps timed, where they are looked up
#: when called (a function imported by name is patched in the importing module)
STEPS: list[tuple[str, str, str]] = [
    ("exokg.pipeline", "segment", "segment (normalise, sentences, citations)"),
    ("exokg.pipeline", "split_long_sentences", "segment: split long sentences"),
    ("exokg.recognise.document", "defined_aliases", "abbreviations (defined short forms)"),
    ("exokg.recognise", "Recogniser.analyse", "recognise: the rest of analyse"),
    ("exokg.recognise", "masked_text", "recognise: masked text"),
    ("exokg.recognise", "find_values", "recognise: values"),
    ("exokg.recognise", "Recogniser.base_mentions", "recognise: base mentions (glue)"),
    ("exokg.recognise", "find_mirnas", "recognise: miRNA names"),
    ("exokg.recognise.lexicon", "LexiconMatcher.find", "recognise: curated matcher"),
    ("exokg.recognise.open", "OpenLexicon.find", "recognise: open lexicon (rules)"),
    ("exokg.lexicon.matcher", "Lexicon.find", "recognise: open lexicon matcher"),
    ("exokg.recognise", "specific_cells", "recognise: specific cells"),
    ("exokg.recognise", "unlikely_anatomy", "recognise: unlikely anatomy"),
    ("exokg.recognise", "defined_cell_names", "recognise: defined cell names"),
    ("exokg.recognise", "alias_mentions", "recognise: alias mentions"),
    ("exokg.recognise", "elided_heads", "recognise: elided heads"),
    ("exokg.recognise", "elided_modifier_heads", "recognise: elided modifier heads"),
    ("exokg.recognise", "_resolve", "recognise: resolve overlaps"),
    ("exokg.recognise", "adjectival_sources", "recognise: adjectival sources"),
    ("exokg.recognise", "cell_nouns", "recognise: cell nouns"),
    ("exokg.recognise", "species_words", "recognise: species words"),
    ("exokg.recognise", "find_preparations", "recognise: preparations"),
    ("exokg.recognise", "engineered_short_forms", "recognise: engineered short forms"),
    ("exokg.recognise", "ProteinFinder.find", "recognise: protein names (annotation)"),
    ("exokg.recognise.open", "OpenLexicon.protein_genes", "recognise: protein genes"),
    ("exokg.recognise", "annotated_anatomy", "recognise: annotated anatomy"),
    ("exokg.extract", "extract_sentence", "extract: the rest of extract_sentence"),
    ("exokg.extract.biomarkers", "extract_levels", "level: the rest of extract_levels"),
    ("exokg.pipeline", "extract_document", "extract: extract_document (study scan)"),
    ("exokg.pipeline", "extract_record", "extract: registry records"),
]
#: the functions of these modules their rule runner calls by name are timed too, each
#: patched where it is looked up (derived from the runner's code, so a rule added to it is
#: timed without editing this list): the sentence rules, the level rules
RUNNERS = [("exokg.extract", "extract_sentence", "extract"),
           ("exokg.extract.levels", "extract_levels", "level")]


def called_by(module_name: str, runner: str) -> list[str]:
    """The functions of ``module_name``'s namespace that its function ``runner`` names
    (its global names that are exokg functions), in the order the code names them."""
    module = importlib.import_module(module_name)
    code = getattr(module, runner).__code__
    return [n for n in dict.fromkeys(code.co_names)
            if inspect.isfunction(getattr(module, n, None))
            and getattr(module, n).__module__.startswith("exokg")]


class Timers:
    """Own CPU time and calls per label; a stack so nested timed steps are not counted
    twice (a step's time excludes the timed steps it calls)."""

    def __init__(self) -> None:
        self.own: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self.stack: list[list[Any]] = []  # [label, time spent in timed callees]

    def wrap(self, label: str, func: Callable[..., Any]) -> Callable[..., Any]:
        clock = time.process_time

        def timed(*args: Any, **kwargs: Any) -> Any:
            parent = self.stack[-1][0] if self.stack else ""
            key = label if not parent or label.startswith(" ") or parent.startswith((
                "recognise: the rest", "extract: the rest", "level: the rest", " ")) \
                or parent == label else f"{label} < {parent.split(': ')[-1]}"
            frame = [key, 0.0]
            self.stack.append(frame)
            started = clock()
            try:
                return func(*args, **kwargs)
            finally:
                spent = clock() - started
                self.stack.pop()
                self.own[key] += spent - frame[1]
                self.calls[key] += 1
                if self.stack:
                    self.stack[-1][1] += spent

        return timed


def install(timers: Timers) -> list[str]:
    """Patch every step of :data:`STEPS` and the rules :data:`RUNNERS` call with a timer;
    returns the steps not found (renamed or removed since this list was written: their time
    is then counted in their caller's)."""
    missing = []
    rules = [(module_name, name, f"{prefix}: {name}") for module_name, runner, prefix
             in RUNNERS for name in called_by(module_name, runner)]
    for module_name, attr, label in STEPS + rules:
        module = importlib.import_module(module_name)
        owner_name, _, method = attr.rpartition(".")
        owner = getattr(module, owner_name) if owner_name else module
        if not hasattr(owner, method):
            missing.append(f"{module_name}.{attr}")
            continue
        setattr(owner, method, timers.wrap(label, getattr(owner, method)))
    return missing


def detail(timers: Timers, module_name: str) -> None:
    """Patch every exokg function in the namespace of ``module_name`` (its own and those it
    imports by name) with a timer, as called from that module's code."""
    module = importlib.import_module(module_name)
    short = module_name.rsplit(".", 1)[-1]
    for attr, value in list(vars(module).items()):
        if inspect.isfunction(value) and value.__module__.startswith("exokg"):
            setattr(module, attr, timers.wrap(f"  {short}.{attr}", value))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="input files or folders (default: dev set)")
    parser.add_argument("--limit", type=int, default=0, help="use the first N documents")
    parser.add_argument("--detail", action="append", default=[], metavar="MODULE",
                        help="also time every function of MODULE (e.g. "
                        "exokg.extract.biomarkers) as called from that module")
    args = parser.parse_args()
    docs = list(stream_documents(args.paths or [DEVSET]))
    if args.limit:
        docs = docs[:args.limit]
    recogniser = Recogniser.default()
    for doc in docs[:20]:  # warm the caches and the lexicon's pages
        document_statements(doc, recogniser)
    started = time.process_time()
    for doc in docs:
        document_statements(doc, recogniser)
    plain = time.process_time() - started
    timers = Timers()
    for name in install(timers):
        print(f"not timed (not found): {name}")
    for name in args.detail:
        detail(timers, name)
    started = time.process_time()
    for doc in docs:
        document_statements(doc, recogniser)
    timed = time.process_time() - started
    n = len(docs)
    print(f"{n} documents: {1000 * plain / n:.2f} ms of CPU per document untimed, "
          f"{1000 * timed / n:.2f} ms with the timers")
    total = sum(timers.own.values())
    print(f"{'step':<62} {'ms/doc':>7} {'share':>6} {'calls':>8}")
    for label, own in sorted(timers.own.items(), key=lambda kv: -kv[1]):
        print(f"{label:<62} {1000 * own / n:>7.3f} {100 * own / total:>5.1f}% "
              f"{timers.calls[label]:>8}")
    print(f"{'(outside the timed steps: reading the state, registering entities)':<62} "
          f"{1000 * (timed - total) / n:>7.3f}")


if __name__ == "__main__":
    main()

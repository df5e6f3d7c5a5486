"""Open-vocabulary lexicon: load time, memory and recognition time per abstract.

Usage::

    .venv/bin/python benchmarks/lexicon.py [--repeat N]

Loads the current lexicon (``exokg lexicon build`` first) in a fresh process and prints
its load time and peak resident memory (targets: <= 2 s, <= 500 MB), what the automaton
and its token table take, then the time
:meth:`exokg.lexicon.Lexicon.find` takes per abstract over the development-set documents
(tests/devset/documents) and the time the open lexicon adds to recognising their sentences
(its ``find`` on each sentence, beside the curated recognisers' ``base_mentions``; target:
<= 5 ms per abstract, an abstract taken as 1,500 characters), then all of recognition
(:func:`exokg.pipeline.analyse_document`: segmentation, every recogniser, abbreviations) in
CPU time, as a build runs it (without the names for annotation only) and with them (as
``exokg annotate`` runs it). Figures vary with the machine; run on an idle one.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "tests" / "devset" / "documents"
ABSTRACT_CHARS = 1500

_LOAD = """
import json, resource, sys, time
t = time.perf_counter()
from exokg.lexicon import load_lexicon
lexicon = load_lexicon()
seconds = time.perf_counter() - t
stats = lexicon._automaton.get_stats()
codes = lexicon._codes
token_mb = (sys.getsizeof(codes) + sum(sys.getsizeof(k) + sys.getsizeof(v)
                                       for k, v in codes.items())) / 2**20
with open("/proc/self/status", encoding="ascii") as f:
    now = next((int(line.split()[1]) / 1024 for line in f if line.startswith("VmRSS")), 0)
print(json.dumps({"seconds": seconds, "version": lexicon.version,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rss_mb": now, "automaton_mb": stats["total_size"] / 2**20,
                  "nodes": stats["nodes_count"], "keys": stats["words_count"],
                  "tokens": len(codes), "token_table_mb": token_mb}))
"""


def measure_load() -> dict:
    """Load the lexicon in a fresh interpreter; its load seconds and peak memory."""
    out = subprocess.run([sys.executable, "-c", _LOAD], check=True, capture_output=True,
                         text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timing repetitions (best kept)")
    args = parser.parse_args(argv)

    load = measure_load()
    print(f"lexicon {load['version']}: load {load['seconds']:.2f} s, "
          f"peak memory {load['peak_mb']:.0f} MB, resident after loading "
          f"{load['rss_mb']:.0f} MB")
    print(f"  automaton: {load['keys']} keys, {load['nodes']} nodes, "
          f"{load['automaton_mb']:.0f} MB (pyahocorasick's count); token table: "
          f"{load['tokens']} tokens, {load['token_table_mb']:.0f} MB")

    from exokg.lexicon import load_lexicon
    from exokg.pipeline import analyse_document, stream_documents
    from exokg.recognise import Recogniser, masked_text
    from exokg.recognise.mirna import MirnaGrounder
    from exokg.recognise.open import OpenLexicon
    from exokg.text.segment import segment
    from exokg.vocabulary import load_vocabulary

    lexicon = load_lexicon()
    docs = list(stream_documents([DOCUMENTS]))
    texts = [d.text for d in docs]
    chars = sum(len(t) for t in texts)
    lexicon.find(texts[0])  # warm the caches once
    best = min(_time(lambda: [lexicon.find(t) for t in texts]) for _ in range(args.repeat))
    per_abstract = best / chars * ABSTRACT_CHARS * 1000
    print(f"Lexicon.find: {len(texts)} documents, {chars} characters: {best * 1000:.1f} ms, "
          f"{per_abstract:.2f} ms per {ABSTRACT_CHARS}-character abstract")

    vocabulary = load_vocabulary()
    grounder = MirnaGrounder.default()
    plain = Recogniser.from_vocabulary(vocabulary, grounder)
    wrapped = OpenLexicon.over(lexicon, vocabulary)
    sentences = [masked_text(s) for d in docs for s in segment(d)]
    curated = min(_time(lambda: [plain.base_mentions(s) for s in sentences])
                  for _ in range(args.repeat))
    added = min(_time(lambda: [wrapped.find(s) for s in sentences])
                for _ in range(args.repeat))
    print(f"recognising {len(sentences)} sentences: curated recognisers {curated * 1000:.1f} ms; "
          f"the open lexicon adds {added * 1000:.1f} ms, "
          f"{added / chars * ABSTRACT_CHARS * 1000:.2f} ms per {ABSTRACT_CHARS}-character "
          "abstract")
    # all of recognition (segmentation, every recogniser, abbreviations), in CPU time: as a
    # build runs it (without the names for annotation only, which no rule reads) and as
    # exokg annotate runs it (with them)
    recogniser = Recogniser.default()
    for doc in docs[:10]:
        analyse_document(doc, recogniser)
    for label, annotate in (("as a build reads", False), ("with annotation names", True)):
        best = min(_cpu(partial(_recognise_all, docs, recogniser, annotate))
                   for _ in range(args.repeat))
        print(f"all of recognition, {label}: {best / len(docs) * 1000:.2f} ms of CPU per "
              f"document, {best / chars * ABSTRACT_CHARS * 1000:.2f} ms per "
              f"{ABSTRACT_CHARS}-character abstract")
    print(f"peak memory of this process: "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


def _recognise_all(docs: list, recogniser: object, annotate: bool) -> None:
    from exokg.pipeline import analyse_document
    for doc in docs:
        analyse_document(doc, recogniser, annotate=annotate)  # type: ignore[arg-type]


def _cpu(run) -> float:  # type: ignore[no-untyped-def]
    started = time.process_time()
    run()
    return time.process_time() - started


def _time(run) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


if __name__ == "__main__":
    raise SystemExit(main())

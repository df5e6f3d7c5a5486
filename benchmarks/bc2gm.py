"""Score exokg's gene/protein mentions on BioCreative II Gene Mention (BC2GM).

Usage::

    python benchmarks/bc2gm.py [SPLIT_DIR] [--json]

``SPLIT_DIR`` holds ``<name>.in`` (one sentence a line: ``ID text``), ``GENE.eval`` and
``ALTGENE.eval`` (default: ``../shared/benchmarks/bc2gm/devel-split/devel``). Each sentence
is annotated by exokg as a document of its own; its ``Gene`` mentions (exokg's Gene and
Protein classes) are scored the BioCreative II way:

* offsets count non-space characters (``start`` = non-space characters before the mention,
  ``end`` = non-space characters up to and including its last one);
* a gold mention is found when a prediction has its offsets or those of one of its
  acceptable alternatives (an ``ALTGENE.eval`` entry of the same sentence that overlaps it);
* a prediction is a false positive when it matches no gold mention or alternative.

Also printed: a lenient overlap figure (a prediction overlapping a gold mention or
alternative is right; a gold mention overlapped by a prediction is found). The split is from
the BC2GM training data: figures on it are development numbers.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared/benchmarks/bc2gm/devel-split/devel"
GENE_CLASSES = frozenset({"Gene"})

Span = tuple[int, int]


def read_sentences(path: Path) -> dict[str, str]:
    """``ID text`` lines (Latin-1, as distributed) -> {id: text}."""
    out = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.strip():
            sid, text = line.split(" ", 1)
            out[sid] = text
    return out


def read_eval(path: Path) -> dict[str, set[Span]]:
    """``ID|start end|text`` lines -> {id: {(start, end)}} (non-space offsets, inclusive)."""
    out: dict[str, set[Span]] = defaultdict(set)
    if not path.exists():
        return out
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.strip():
            sid, span, _ = line.split("|", 2)
            start, end = span.split()
            out[sid].add((int(start), int(end)))
    return out


def nonspace_span(text: str, start: int, end: int) -> Span:
    """Character span [start, end) -> BC2GM offsets (non-space characters, inclusive end)."""
    before = sum(1 for c in text[:start] if not c.isspace())
    inside = sum(1 for c in text[start:end] if not c.isspace())
    return before, before + inside - 1


def predict(sentences: dict[str, str]) -> tuple[dict[str, set[Span]], float]:
    from exokg.annotate import document_mentions
    from exokg.model import Document
    from exokg.recognise import Recogniser

    started = time.perf_counter()
    recogniser = Recogniser.default()
    out: dict[str, set[Span]] = defaultdict(set)
    for sid, text in sentences.items():
        for m in document_mentions(Document(sid, text, "bc2gm"), recogniser):
            if m.type in GENE_CLASSES:
                out[sid].add(nonspace_span(text, m.start, m.end))
    return out, time.perf_counter() - started


def score(gold: dict[str, set[Span]], alternatives: dict[str, set[Span]],
          pred: dict[str, set[Span]]) -> dict[str, float | int]:
    """BC2GM figures: exact (with alternatives) and lenient overlap."""
    def overlaps(a: Span, b: Span) -> bool:
        return a[0] <= b[1] and b[0] <= a[1]

    tp = fn = fp = 0
    gold_overlapped = pred_overlapping = 0
    for sid in set(gold) | set(pred):
        predicted = pred.get(sid, set())
        accepted: set[Span] = set()
        for g in gold.get(sid, set()):
            options = {g} | {a for a in alternatives.get(sid, set()) if overlaps(a, g)}
            accepted |= options
            if predicted & options:
                tp += 1
            else:
                fn += 1
            if any(overlaps(p, o) for p in predicted for o in options):
                gold_overlapped += 1
        fp += len(predicted - accepted)
        allowed = gold.get(sid, set()) | alternatives.get(sid, set())
        pred_overlapping += sum(1 for p in predicted if any(overlaps(p, o) for o in allowed))
    n_gold = tp + fn
    n_pred = sum(len(v) for v in pred.values())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / n_gold if n_gold else 0.0
    o_p = pred_overlapping / n_pred if n_pred else 0.0
    o_r = gold_overlapped / n_gold if n_gold else 0.0
    return {"gold": n_gold, "pred": n_pred, "tp": tp, "fp": fp, "fn": fn,
            "precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(2 * precision * recall / (precision + recall), 4)
            if precision + recall else 0.0,
            "overlap_precision": round(o_p, 4), "overlap_recall": round(o_r, 4),
            "overlap_f1": round(2 * o_p * o_r / (o_p + o_r), 4) if o_p + o_r else 0.0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", type=Path, nargs="?", default=DEFAULT_DIR)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    (sentence_file,) = sorted(args.split.glob("*.in"))
    sentences = read_sentences(sentence_file)
    gold = read_eval(args.split / "GENE.eval")
    alternatives = read_eval(args.split / "ALTGENE.eval")
    pred, seconds = predict(sentences)
    figures = score(gold, alternatives, pred)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"BC2GM {args.split}: {len(sentences)} sentences, {figures['gold']} gold mentions; "
          f"exokg in {seconds:.1f}s")
    print("| matching | P | R | F1 | pred | TP | FP | FN |\n|---|---|---|---|---|---|---|---|")
    print(f"| exact (with ALTGENE) | {figures['precision']:.3f} | {figures['recall']:.3f} | "
          f"{figures['f1']:.3f} | {figures['pred']} | {figures['tp']} | {figures['fp']} | "
          f"{figures['fn']} |")
    print(f"| overlap | {figures['overlap_precision']:.3f} | {figures['overlap_recall']:.3f} "
          f"| {figures['overlap_f1']:.3f} | {figures['pred']} | | | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

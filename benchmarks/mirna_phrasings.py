"""Score exokg's miRNA-gene and miRNA-disease reading on invented sentences of the field.

Usage::

    python benchmarks/mirna_phrasings.py [path/to/mirna_phrasings.yaml] [--errors] [--json]

The sentences (``benchmarks/data/mirna_phrasings.yaml``) were written for miRNA relations
round 4, in the wording miRNA papers use for the relations the SCAI corpus annotates, before
exokg was run on them; none is taken from a corpus. Each item is read as one abstract by the
code of ``exokg build`` (:func:`exokg.pipeline.document_statements`).

**Scoring.** Every non-negated statement between a miRNA and a gene, protein, disease or
phenotype is a predicted pair (as in ``benchmarks/scai_relations.py``). An end stands for an
expected name when the key of one of its mentions in the evidence sentence, or of its label
or a synonym, equals the name's key (lower case, letters and digits; miRNA prefixes unified).
Pairs are counted once per item; items with no expected pair measure precision (a miRNA
and a partner named together without a stated relation). Figures are per family of kinds
(``disease``, ``gene``, ``none``), overall, and per ``batch`` (batch 2 was written after the
rules for batch 1 changed, and scored before any rule changed for it); they describe these
sentences only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import yaml

from scai_relations import MIRNA_CATEGORIES, PARTNER_CATEGORIES, gold_key

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "mirna_phrasings.yaml"


def read_items(path: Path) -> list[dict]:
    """The items of a phrasings file. Raises OSError when it cannot be read and ValueError
    (naming the file and item) when an item lacks ``kind``, ``text`` or ``pairs``."""
    items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or not {"kind", "text", "pairs"} <= set(item):
            raise ValueError(f"{path}: item {n}: needs kind, text and pairs")
        if any(not isinstance(p, list) or len(p) != 2 for p in item["pairs"]):
            raise ValueError(f"{path}: item {n}: each pair is [miRNA, partner]")
    return items


def _keys(entity, mentions: list, start: int, end: int, kind: str) -> set[str]:
    names = [m.text for m in mentions if m.entity.id == entity.id
             and start <= m.start and m.end <= end]
    names += [entity.label, *entity.synonyms]
    return {gold_key(n, kind) for n in names} - {""}


def predicted(statements, mentions: list) -> list[tuple[frozenset, frozenset, str, str]]:
    """(miRNA keys, partner keys, partner family, predicate) of each predicted pair."""
    out = {}
    for s in statements:
        obj = s.object
        if s.negated or not hasattr(obj, "category"):
            continue
        ends = [s.subject, obj]
        mirnas = [e for e in ends if e.category in MIRNA_CATEGORIES]
        partners = [e for e in ends if e.category in PARTNER_CATEGORIES]
        if not mirnas or not partners:
            continue
        ev = s.evidence[0]
        family = PARTNER_CATEGORIES[partners[0].category]
        key = (mirnas[0].id, partners[0].id)
        out.setdefault(key, (frozenset(_keys(mirnas[0], mentions, ev.start, ev.end, "mirna")),
                             frozenset(_keys(partners[0], mentions, ev.start, ev.end, family)),
                             family, s.predicate))
    return list(out.values())


def evaluate(path: Path = DEFAULT_PATH) -> dict:
    """Read and score every item. Returns ``scores`` per family (``disease``, ``gene``,
    ``none``, ``all``) and per batch (``batch 1`` ...): predicted, tp, fp, gold, found,
    precision, recall, f1; ``missed`` and ``wrong`` lists
    and ``by_kind`` (kind -> [found, expected, false])."""
    from exokg.model import Document
    from exokg.pipeline import document_statements
    from exokg.recognise import Recogniser
    recogniser = Recogniser.default()
    counts: dict[str, Counter] = {f: Counter() for f in ("disease", "gene", "none", "all")}
    by_kind: dict[str, list[int]] = {}
    missed, wrong = [], []
    for n, item in enumerate(read_items(path), 1):
        family = item["kind"].split(".")[0]
        batch = f"batch {item.get('batch', 1)}"
        counts.setdefault(batch, Counter())
        mentions: list = []
        doc = Document(f"phrasing-{n}", item["text"], "mirna_phrasings.yaml", kind="abstract")
        statements, _, _ = document_statements(doc, recogniser, mentions)
        pairs = predicted(statements, mentions)
        gold = [(gold_key(m, "mirna"), p) for m, p in item["pairs"]]
        found = set()
        row = by_kind.setdefault(item["kind"], [0, 0, 0])
        row[1] += len(gold)
        for mk, pk, ptype, predicate in pairs:
            hit = [g for g in gold if g[0] in mk and (gold_key(g[1], ptype) in pk)]
            if hit:
                found.update(hit)
                counts[family]["tp"] += 1
                counts[batch]["tp"] += 1
            else:
                counts[family]["fp"] += 1
                counts[batch]["fp"] += 1
                row[2] += 1
                wrong.append((item["kind"], item["text"], sorted(mk), sorted(pk), predicate))
        row[0] += len(found)
        for key in (family, batch):
            counts[key]["gold"] += len(gold)
            counts[key]["found"] += len(found)
        missed += [(item["kind"], item["text"], g) for g in gold if g not in found]
    for f in ("disease", "gene", "none"):
        counts["all"].update(counts[f])
    scores = {}
    for f, c in counts.items():
        pred = c["tp"] + c["fp"]
        p = c["tp"] / pred if pred else 0.0
        r = c["found"] / c["gold"] if c["gold"] else 0.0
        scores[f] = {"predicted": pred, "tp": c["tp"], "fp": c["fp"], "gold": c["gold"],
                     "found": c["found"], "precision": p, "recall": r,
                     "f1": 2 * p * r / (p + r) if p + r else 0.0}
    return {"scores": scores, "missed": missed, "wrong": wrong, "by_kind": by_kind,
            "lexicon": recogniser.lexicon_version}


def main(argv: list[str] | None = None) -> int:
    """Command line entry: print the table (and errors). Returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--errors", action="store_true", help="list missed and false pairs")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    try:
        r = evaluate(args.path)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({k: r[k] for k in ("scores", "by_kind", "lexicon")}, indent=2))
        return 0
    print(f"miRNA relation phrasings: {args.path} (invented sentences; lexicon "
          f"{r['lexicon'] or 'none'})")
    print(f"{'family':8} {'P':>6} {'R':>6} {'F1':>6} {'pred':>5} {'TP':>4} {'gold':>5} "
          f"{'found':>5}")
    for f, x in r["scores"].items():
        print(f"{f:8} {x['precision']:6.3f} {x['recall']:6.3f} {x['f1']:6.3f} "
              f"{x['predicted']:5d} {x['tp']:4d} {x['gold']:5d} {x['found']:5d}")
    if args.errors:
        print("\nmissed:")
        for kind, text, g in r["missed"]:
            print(f"  {kind}: {g[0]} - {g[1]} | {text}")
        print("\nfalse:")
        for kind, text, mk, pk, predicate in r["wrong"]:
            print(f"  {kind}: {mk} {predicate} {pk} | {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

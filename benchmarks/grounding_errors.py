"""Count disease (or chemical) grounding failures by kind on a PubTator file.

Usage::

    python benchmarks/grounding_errors.py GOLD.PubTator [--class Disease] [--pred FILE]
                                          [--examples N]

Meant for error analysis on the TRAINING splits (tune on train, score dev with
``benchmarks/pubtator.py``). Without ``--pred`` exokg annotates the gold file's text
in-process, as ``benchmarks/pubtator.py`` does. Every gold mention of the class that has an
identifier falls in exactly one kind:

* ``grounded``: an exact-span prediction shares an id with it (what the benchmark counts);
* span not found (recognition), split into ``missed: composite`` (the corpus's composite
  mentions, or several ids on a coordinated span: "breast and ovarian cancer"),
  ``missed: abbreviation`` (no lower-case letter, no space), ``missed: other span``
  (a prediction overlaps it with other boundaries) and ``missed: nothing`` (no overlap);
* span found, id wrong, split into ``found: no MeSH/OMIM id`` (the entity has neither:
  MONDO-only, HPO-only or curated), ``found: abbreviation`` (the span is an abbreviation
  whose id is not the gold one), ``found: gold OMIM``, ``found: gold supplementary concept``
  (MeSH ``C...``) and ``found: other MeSH id`` (a broader/narrower or sibling record).

Gold mentions with several ids are counted on their own line as well (any one id counts
as a match in the benchmark). With ``--examples N`` the N most frequent texts of each kind
are printed with their gold and predicted ids.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from exokg.annotate.scoring import read_pubtator_annotations

_COMPOSITE_WORDS = (" and ", " or ", "/", ",", " and/or ")


def _gold(path: Path, wanted: str) -> tuple[dict[str, str], list[tuple]]:
    """Texts by PMID and gold mentions of class ``wanted`` as (pmid, start, end, text, raw
    type, ids): the raw type tells NCBI Disease's composite mentions apart."""
    texts, annotations = read_pubtator_annotations(path, raw_types=True)
    out = [(a.doc, a.start, a.end, texts[a.doc][a.start:a.end], a.raw_type, a.ids)
           for a in annotations if a.cls == wanted]
    return texts, out


def _pred(path: Path, wanted: str) -> dict[tuple[str, int, int], set[str]]:
    """Predicted spans of class ``wanted`` with their pooled, normalised ids."""
    out: dict[tuple[str, int, int], set[str]] = defaultdict(set)
    for a in read_pubtator_annotations(path)[1]:
        if a.cls == wanted:
            out[(a.doc, a.start, a.end)] |= a.ids
    return out


def _abbreviation(text: str) -> bool:
    return " " not in text and not any(c.islower() for c in text)


def classify(mention: tuple, pred: dict[tuple[str, int, int], set[str]],
             by_doc: dict[str, list[tuple[int, int]]]) -> str:
    """The kind of one gold mention (see the module docstring)."""
    pmid, start, end, text, typ, ids = mention
    got = pred.get((pmid, start, end))
    if got is not None and got & ids:
        return "grounded"
    if got is None:
        if typ == "CompositeMention" or (len(ids) > 1 and any(w in text
                                                               for w in _COMPOSITE_WORDS)):
            return "missed: composite"
        if _abbreviation(text):
            return "missed: abbreviation"
        if any(s < end and start < e for s, e in by_doc.get(pmid, ())):
            return "missed: other span"
        return "missed: nothing"
    if not any(i.startswith(("MESH:", "OMIM:")) for i in got):
        return "found: no MeSH/OMIM id"
    if _abbreviation(text):
        return "found: abbreviation"
    if all(i.startswith("OMIM:") for i in ids):
        return "found: gold OMIM"
    if all(i.startswith("MESH:C") for i in ids):
        return "found: gold supplementary concept"
    return "found: other MeSH id"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--class", dest="cls", default="Disease")
    parser.add_argument("--pred", type=Path, default=None)
    parser.add_argument("--examples", type=int, default=0)
    args = parser.parse_args(argv)
    _texts, gold = _gold(args.gold, args.cls)
    made = args.pred is None
    if made:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from pubtator import annotate_in_process
        pred_path, _seconds, _count = annotate_in_process(args.gold)
    else:
        pred_path = args.pred
    try:
        pred = _pred(pred_path, args.cls)
    finally:
        if made:
            pred_path.unlink()
    by_doc: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for pmid, s, e in pred:
        by_doc[pmid].append((s, e))
    kinds: Counter = Counter()
    examples: dict[str, Counter] = defaultdict(Counter)
    several = 0
    with_ids = [m for m in gold if m[5]]
    for m in with_ids:
        kind = classify(m, pred, by_doc)
        kinds[kind] += 1
        several += len(m[5]) > 1
        got = pred.get((m[0], m[1], m[2]))
        examples[kind][(m[3], " ".join(sorted(m[5])),
                        " ".join(sorted(got)) if got else "-")] += 1
    total = len(with_ids)
    print(f"gold: {args.gold} ({args.cls}: {len(gold)} mentions, {total} with ids, "
          f"{several} with several ids)")
    print("| kind | mentions | share |")
    print("|---|---|---|")
    for kind, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"| {kind} | {n} | {n / total:.3f} |")
    if args.examples:
        for kind in sorted(examples):
            if kind == "grounded":
                continue
            print(f"\n## {kind}")
            for (text, gids, pids), n in examples[kind].most_common(args.examples):
                print(f"{n:4d}  {text!r}  gold {gids}  pred {pids}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Sentence-strict precision and recall of exokg on the development set, per batch.

Usage::

    python benchmarks/devset_strict.py

benchmarks/devset.py (and tests/test_devset.py) match claims by key over a whole batch: a
gold claim is found when any statement extracted from the batch's documents has its subject,
predicate, object, direction, negation and hedging, whichever sentence it was read from. This
script prints the stricter figure beside it: a gold claim counts as found only when a
matching statement has evidence in a document the gold names for that claim, in a sentence
that contains the gold's sentence snippet; an extracted claim counts as correct only when it
is such a match for some gold claim of the batch. The difference is the matches read from
another sentence of the same abstract, or from another paper of the batch (docs/devset-batch5.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1] / "tests"


def main(argv: list[str]) -> int:
    """Print one line per batch with the key-matched and the sentence-strict figures; return
    the exit status (2 on an argument)."""
    if argv:
        print("usage: python benchmarks/devset_strict.py", file=sys.stderr)
        return 2
    sys.path.insert(0, str(TESTS))
    from devset_measure import DOCUMENTS, load_batches, statements_of
    from gold_matching import key_of, key_of_gold, matches, squash

    from exokg.pipeline import build

    result = build([DOCUMENTS])
    print("| batch | gold claims | extracted | found (key) | found (strict) | P strict | R strict |")
    print("|---|---|---|---|---|---|---|")
    for batch in load_batches():
        statements = statements_of(result.statements, batch.documents)
        places: dict[tuple, list[tuple[str, str]]] = {}
        for g in batch.claims:
            places.setdefault(key_of_gold(g), []).append((g["doc"], squash(g["sentence"])))

        def read_there(key: tuple, statement: object) -> bool:
            return any(e.document_id == doc and piece in squash(e.text)
                       for e in statement.evidence for doc, piece in places[key])

        by_key: dict[tuple, list] = {}
        for s in statements:
            by_key.setdefault(key_of(s), []).append(s)
        found_key = {k for k in places if any(matches(k, s) for s in statements)}
        found = {k for k in places if any(matches(k, s) and read_there(k, s) for s in statements)}
        correct = {k for k, group in by_key.items()
                   if any(matches(g, s) and read_there(g, s) for g in places for s in group)}
        p = len(correct) / len(by_key) if by_key else 0.0
        r = len(found) / len(places) if places else 0.0
        print(f"| {batch.number} | {len(places)} | {len(by_key)} | {len(found_key)} |"
              f" {len(found)} | {p:.3f} ({len(correct)}/{len(by_key)}) |"
              f" {r:.3f} ({len(found)}/{len(places)}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

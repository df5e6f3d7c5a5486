"""Precision and recall of exokg on the development set, per batch and overall.

Usage::

    python benchmarks/devset.py [--details]

Builds tests/devset/documents once and prints a Markdown table: per batch (gold.yaml is
batch 1, gold-batch<N>.yaml batch N) the documents, gold claims and extracted claims, P / R /
F1 over all claims, and the same for the claims marked ``main: true`` (recall over the main
gold claims; precision over the claims extracted from the sentences that state them).
``--details`` adds each batch's missed gold claims and spurious extracted claims. The
matching and the definitions live in tests/gold_matching.py and tests/devset_measure.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1] / "tests"


def main(argv: list[str]) -> int:
    """Print the table; return the exit status (2 on a bad argument)."""
    if any(a not in ("--details",) for a in argv):
        print("usage: python benchmarks/devset.py [--details]", file=sys.stderr)
        return 2
    sys.path.insert(0, str(TESTS))
    from devset_measure import DOCUMENTS, load_batches, score_all, table

    from exokg.pipeline import build

    result = build([DOCUMENTS])
    rows = score_all(load_batches(), result.statements)
    print(table(rows))
    if "--details" in argv:
        for row in rows[:-1]:
            print(f"\n## batch {row.number}\n\nmissed:")
            print("\n".join(f"  {m}" for m in row.all.missed) or "  (none)")
            print("spurious:")
            print("\n".join(f"  {s}" for s in row.all.spurious) or "  (none)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Benchmark exokg's miRNA grammar on the SCAI miRNA corpus (Specific_miRNAs mentions).

Usage::

    python benchmarks/scai_mirna.py [path/to/miRNA-train.xml]

The corpus is read in place (default: ``../shared/benchmarks/scai-mirna/miRNA-train.xml``
beside the repository) and never copied. Gold offsets are inclusive and relative to the
sentence text; they are turned into half-open spans here.

Three matchings are reported:

* ``strict``: predicted spans exactly as :func:`exokg.recognise.mirna.find_mirnas` gives them.
* ``exact``: identical spans after mapping predictions onto the SCAI annotation conventions:
  (1) SCAI annotates an enumeration with elliptic members as one mention
  ("miR-21, -155 and -146a", "miR-23a/b", "microRNAs 124a and 223"), while exokg gives one
  mention per member; members without their own head are joined back to the preceding
  mention; (2) SCAI leaves a star-arm ``*`` outside the mention ("miR-22*" -> "miR-22").
  These are differences of annotation convention, not of recognition, so this is the
  matching the tests hold to F1 >= 0.90.
* ``overlap``: a prediction (after the same mapping) is correct when it overlaps a gold
  mention, and a gold mention is found when a prediction overlaps it.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import defusedxml.ElementTree as SafeET

from exokg.recognise.mirna import MirnaMatch, find_mirnas

DEFAULT_PATH = (
    Path(__file__).resolve().parents[2] / "shared/benchmarks/scai-mirna/miRNA-train.xml"
)
GOLD_TYPE = "Specific_miRNAs"
_SEPARATOR_CHARS = frozenset(" ,/&\t\u00a0\u2009\u200a")
_SEPARATOR_WORDS = ("and", "or")


@dataclass(frozen=True)
class Sentence:
    """A corpus sentence with its gold Specific_miRNAs spans (half-open)."""

    id: str
    text: str
    gold: tuple[tuple[int, int], ...]


def read_corpus(path: Path) -> Iterator[Sentence]:
    """Read the SCAI corpus.

    Takes the XML path. Yields its sentences with their gold spans. Raises OSError when the
    file cannot be read and ValueError when an entity offset is malformed or disagrees with
    the entity text.
    """
    tree = SafeET.parse(path)
    for s in tree.iter("sentence"):
        text = s.get("text") or ""
        gold: list[tuple[int, int]] = []
        for e in s.iter("entity"):
            if e.get("type") != GOLD_TYPE:
                continue
            offset = e.get("charOffset") or ""
            try:
                a, b = (int(x) for x in offset.split("-"))
            except ValueError as exc:
                raise ValueError(
                    f"{path}: entity {e.get('id')}: bad charOffset {offset!r}"
                ) from exc
            if text[a : b + 1] != e.get("text"):
                raise ValueError(f"{path}: entity {e.get('id')}: offset does not match its text")
            gold.append((a, b + 1))
        yield Sentence(s.get("id") or "", text, tuple(sorted(gold)))


def _is_elliptic(match: MirnaMatch) -> bool:
    """True for an enumeration member without its own head ("-155", "221", "b")."""
    return not (len(match.text) >= 2 and match.text[:2].isalpha())


def _only_separators(gap: str) -> bool:
    """True when the text between two mentions only separates list members (", and ")."""
    words = "".join(c if c not in _SEPARATOR_CHARS else " " for c in gap).split()
    return all(w in _SEPARATOR_WORDS for w in words)


def scai_spans(text: str, matches: list[MirnaMatch]) -> list[tuple[int, int]]:
    """Map exokg mentions onto the SCAI conventions (see the module docstring).

    Takes the sentence text and its mentions. Returns half-open spans, sorted.
    """
    spans: list[list[int]] = []
    for m in matches:
        if spans and _is_elliptic(m) and _only_separators(text[spans[-1][1] : m.start]):
            spans[-1][1] = m.end
        else:
            spans.append([m.start, m.end])
    out = []
    for a, b in spans:
        while b > a and text[b - 1] == "*":
            b -= 1
        out.append((a, b))
    return sorted(out)


def _scores(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 from matched/total counts of predictions and gold."""
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def _overlaps(span: tuple[int, int], others: Sequence[tuple[int, int]]) -> bool:
    """True when ``span`` shares at least one character with one of ``others``."""
    return any(span[0] < b and a < span[1] for a, b in others)


def evaluate(path: Path | str = DEFAULT_PATH) -> dict:
    """Run the grammar over the corpus and score it against Specific_miRNAs.

    Takes the corpus path. Returns a dict with ``sentences``, ``gold``, per-matching
    results under ``strict``, ``exact`` and ``overlap`` (each: ``precision``, ``recall``,
    ``f1``, ``tp``, ``fp``, ``fn``), the exact-matching errors ``false_positives`` and
    ``false_negatives`` (lists of ``(sentence id, span text, context)``) and ``seconds``
    (time spent in the grammar). Raises FileNotFoundError when the corpus is missing.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"SCAI miRNA corpus not found: {path}")
    sentences = list(read_corpus(path))
    counts = {k: {"tp_pred": 0, "n_pred": 0, "tp_gold": 0} for k in ("strict", "exact", "overlap")}
    n_gold = 0
    fps: list[tuple[str, str, str]] = []
    fns: list[tuple[str, str, str]] = []
    seconds = 0.0
    for s in sentences:
        t0 = time.perf_counter()
        matches = find_mirnas(s.text)
        seconds += time.perf_counter() - t0
        gold = list(s.gold)
        gold_set = set(gold)
        n_gold += len(gold)
        strict = [(m.start, m.end) for m in matches]
        mapped = scai_spans(s.text, matches)
        for key, pred in (("strict", strict), ("exact", mapped)):
            pred_set = set(pred)
            c = counts[key]
            c["n_pred"] += len(pred)
            c["tp_pred"] += sum(1 for p in pred if p in gold_set)
            c["tp_gold"] += sum(1 for g in gold if g in pred_set)
        c = counts["overlap"]
        c["n_pred"] += len(mapped)
        c["tp_pred"] += sum(1 for p in mapped if _overlaps(p, gold))
        c["tp_gold"] += sum(1 for g in gold if _overlaps(g, mapped))
        for a, b in mapped:
            if (a, b) not in gold_set:
                fps.append((s.id, s.text[a:b], _context(s.text, a, b)))
        mapped_set = set(mapped)
        for a, b in gold:
            if (a, b) not in mapped_set:
                fns.append((s.id, s.text[a:b], _context(s.text, a, b)))
    result: dict = {"sentences": len(sentences), "gold": n_gold, "seconds": seconds}
    for key, c in counts.items():
        scores = _scores(c["tp_pred"], c["n_pred"], c["tp_gold"], n_gold)
        result[key] = {
            **scores,
            "predicted": c["n_pred"],
            "tp": c["tp_gold"],
            "fp": c["n_pred"] - c["tp_pred"],
            "fn": n_gold - c["tp_gold"],
        }
    result["false_positives"] = fps
    result["false_negatives"] = fns
    return result


def _context(text: str, a: int, b: int, width: int = 40) -> str:
    """The text around ``[a, b)`` with the span bracketed."""
    return f"{text[max(0, a - width):a]}[[{text[a:b]}]]{text[b:b + width]}".strip()


def main(argv: list[str] | None = None) -> int:
    """Command line entry: print the scores, errors and time. Returns the exit status."""
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else DEFAULT_PATH
    try:
        r = evaluate(path)
    except FileNotFoundError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"SCAI miRNA corpus: {path}")
    print(f"sentences {r['sentences']}, gold {GOLD_TYPE} mentions {r['gold']}")
    print(f"{'matching':10} {'P':>6} {'R':>6} {'F1':>6} {'pred':>5} {'TP':>5} {'FP':>4} {'FN':>4}")
    for key in ("strict", "exact", "overlap"):
        x = r[key]
        print(
            f"{key:10} {x['precision']:6.3f} {x['recall']:6.3f} {x['f1']:6.3f} "
            f"{x['predicted']:5d} {x['tp']:5d} {x['fp']:4d} {x['fn']:4d}"
        )
    for key in ("false_positives", "false_negatives"):
        errors = r[key]
        title = key.replace("_", " ")
        print(f"\n{title} (exact matching, {len(errors)}; first 30):")
        for sid, span, ctx in errors[:30]:
            print(f"  {sid}: {span!r}  | {ctx}")
    print(f"\ngrammar time {r['seconds']:.3f} s for {r['sentences']} sentences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The development set in batches, measured: shared by tests/test_devset.py and
benchmarks/devset.py.

Layout: tests/devset/documents/ holds every document; each batch has one gold list,
``gold.yaml`` (batch 1) and ``gold-batch<N>.yaml`` (batch N). A batch's documents are those
its gold list names; an entry with only ``doc`` (no ``s``/``p``/``o``) declares a document of
the batch in which the reader found no claim, so what exokg extracts from it is still
counted. Gold entries may carry ``main: true`` (a main finding of the paper) and ``status:
background|hypothesis|speculation`` (not a finding of this study); both are information for
the reader and the "main findings" figures, not part of the matching key.

Figures per batch (and over all batches):

* all claims: precision over the distinct claims extracted from the batch's documents,
  recall over the batch's distinct gold claims (see :func:`gold_matching.compare`);
* main findings: recall over the gold claims marked ``main: true``; precision over the
  distinct claims extracted from the sentences that state a main finding (a statement read
  there is correct when it matches any gold claim of the batch).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from exokg.model import Statement
from gold_matching import Score, compare, is_claim, key_of_gold, squash

DEVSET = Path(__file__).parent / "devset"
DOCUMENTS = DEVSET / "documents"
_GOLD_NAME = re.compile(r"gold(?:-batch(\d+))?\.yaml")
STATUSES = ("background", "hypothesis", "speculation")


@dataclass(frozen=True)
class Batch:
    """One gold list and the documents it covers."""

    number: int
    path: Path
    entries: tuple[dict, ...]

    @property
    def documents(self) -> frozenset[str]:
        return frozenset(e["doc"] for e in self.entries)

    @property
    def claims(self) -> tuple[dict, ...]:
        return tuple(e for e in self.entries if is_claim(e))

    @property
    def main_claims(self) -> tuple[dict, ...]:
        return tuple(e for e in self.claims if e.get("main"))


def load_batches(devset: Path = DEVSET) -> list[Batch]:
    """Every gold list of the set, by batch number. Raises ValueError naming the file when a
    gold list is not a YAML list of mappings with a ``doc``."""
    batches = []
    for path in sorted(devset.glob("gold*.yaml")):
        m = _GOLD_NAME.fullmatch(path.name)
        if not m:
            raise ValueError(f"{path}: gold lists are named gold.yaml or gold-batch<N>.yaml")
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        if not isinstance(entries, list):
            raise ValueError(f"{path}: expected a YAML list of gold entries")
        for i, e in enumerate(entries):
            if not isinstance(e, dict) or "doc" not in e:
                raise ValueError(f"{path}: entry {i + 1} has no doc: {e!r}")
        batches.append(Batch(int(m.group(1) or 1), path, tuple(entries)))
    batches.sort(key=lambda b: b.number)
    numbers = [b.number for b in batches]
    if len(set(numbers)) != len(numbers):
        raise ValueError(f"{devset}: two gold lists for one batch: {numbers}")
    return batches


def statements_of(statements: Sequence[Statement], documents: frozenset[str]
                  ) -> list[Statement]:
    """The statements with evidence in one of ``documents``."""
    return [s for s in statements if any(e.document_id in documents for e in s.evidence)]


def main_sentence_statements(statements: Sequence[Statement], main: Sequence[dict]
                             ) -> list[Statement]:
    """The statements with evidence in a sentence that states one of the ``main`` claims."""
    places = {(g["doc"], squash(g["sentence"])) for g in main}
    return [s for s in statements
            if any(doc == e.document_id and piece in squash(e.text)
                   for e in s.evidence for doc, piece in places)]


@dataclass(frozen=True)
class BatchScore:
    """The figures of one batch (or, with ``number`` 0, of all batches together)."""

    number: int
    documents: int
    all: Score
    main: Score


def score_batch(number: int, entries: Sequence[dict], statements: Sequence[Statement]
                ) -> BatchScore:
    """Score gold ``entries`` (one batch, or several) against a build's ``statements``."""
    documents = frozenset(e["doc"] for e in entries)
    claims = [e for e in entries if is_claim(e)]
    mine = statements_of(statements, documents)
    everything = compare((key_of_gold(g) for g in claims), mine)
    main = [g for g in claims if g.get("main")]
    main_recall = compare((key_of_gold(g) for g in main), mine)
    in_main_sentences = compare((key_of_gold(g) for g in claims),
                                main_sentence_statements(mine, main))
    main_score = Score(gold=main_recall.gold, found=main_recall.found,
                       extracted=in_main_sentences.extracted,
                       correct=in_main_sentences.correct, missed=main_recall.missed,
                       spurious=in_main_sentences.spurious)
    return BatchScore(number, len(documents), everything, main_score)


def score_all(batches: Sequence[Batch], statements: Sequence[Statement]) -> list[BatchScore]:
    """One score per batch, then the overall score (``number`` 0)."""
    rows = [score_batch(b.number, b.entries, statements) for b in batches]
    rows.append(score_batch(0, [e for b in batches for e in b.entries], statements))
    return rows


def table(rows: Sequence[BatchScore]) -> str:
    """A Markdown table of batch scores ("–" where a figure has nothing to count)."""
    lines = ["| batch | documents | gold claims | extracted | P | R | F1 | main findings "
             "| main R | extracted in main sentences | main P | main F1 |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    def fig(value: float, denominator: int) -> str:
        return f"{value:.3f}" if denominator else "–"

    for r in rows:
        a, m = r.all, r.main
        lines.append(
            f"| {r.number or 'all'} | {r.documents} | {a.gold} | {a.extracted} "
            f"| {fig(a.precision, a.extracted)} | {fig(a.recall, a.gold)} | {fig(a.f1, a.gold)} "
            f"| {m.gold} | {fig(m.recall, m.gold)} | {m.extracted} "
            f"| {fig(m.precision, m.extracted)} | {fig(m.f1, m.gold)} |")
    return "\n".join(lines)

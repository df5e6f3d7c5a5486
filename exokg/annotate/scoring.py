"""Score recognised mentions against a gold standard: the field's conventions.

Per class: exact-span precision, recall and F1 (a prediction is right when a gold mention of
the same class has exactly its document, start and end); lenient overlap figures beside
them (a prediction is right when it overlaps a gold mention of its class, a gold mention is
found when a prediction of its class overlaps it); and grounding accuracy, the fraction of
gold mentions with identifiers for which a prediction of the same class and exact span has
at least one of the gold identifiers (``grounding``; ``grounding_found`` divides by the
gold mentions whose span was found instead, to separate grounding from recognition).

Identifiers are compared after :func:`normalise_ids`: PubTator gold writes bare MeSH ids
(``D003409``), NCBI Gene and Taxonomy numbers, ``OMIM:`` ids, and several ids joined by
``|`` or ``,``; predictions write CURIEs with cross-references (``MONDO:...,MESH:D...``).
Classes are mapped onto one set of names first (:data:`CLASS_MAP`), so NCBI Disease's
``SpecificDisease``, BioRED's ``DiseaseOrPhenotypicFeature`` and exokg's ``Disease`` and
``Phenotype`` are all ``Disease``. Only the classes present in the gold standard are scored;
predictions of other classes (exokg's Outcome, Process, ...) are not counted.

>>> gold = [Annotation("d", 0, 6, "Disease", normalise_ids("D020521", "Disease"))]
>>> pred = [Annotation("d", 0, 6, "Disease", normalise_ids("MONDO:0005098,MESH:D020521",
...                                                          "Disease"))]
>>> s = score_mentions(gold, pred)["Disease"]
>>> (s.precision, s.recall, s.grounding)
(1.0, 1.0, 1.0)
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

__all__ = [
    "CLASS_MAP",
    "Annotation",
    "ClassScore",
    "format_scores",
    "normalise_ids",
    "read_pubtator_annotations",
    "score_mentions",
]

#: Corpus and exokg class names -> the class scored. NCBI Disease: SpecificDisease,
#: DiseaseClass, Modifier, CompositeMention; BC5CDR: Chemical, Disease; BioRED:
#: GeneOrGeneProduct, DiseaseOrPhenotypicFeature, ChemicalEntity, OrganismTaxon, CellLine,
#: SequenceVariant. exokg's Phenotype counts as Disease (the corpora's disease classes cover
#: signs, symptoms and phenotypic features).
CLASS_MAP: Mapping[str, str] = MappingProxyType({
    "SpecificDisease": "Disease", "DiseaseClass": "Disease", "Modifier": "Disease",
    "CompositeMention": "Disease", "DiseaseOrPhenotypicFeature": "Disease",
    "Phenotype": "Disease",
    "GeneOrGeneProduct": "Gene", "ChemicalEntity": "Chemical", "OrganismTaxon": "Species",
    "SequenceVariant": "Variant", "DNAMutation": "Variant", "ProteinMutation": "Variant",
})

_SPLIT = re.compile(r"[,;|+]")
_MESH = re.compile(r"[CD]\d{6,9}")
_BARE_NUMBER_PREFIX = {"Gene": "NCBIGENE", "Species": "NCBITAXON"}
_NO_ID = {"", "-", "-1", "none", "null"}


@dataclass(frozen=True)
class Annotation:
    """A mention to score: document id, half-open span, class, normalised identifiers, and
    (only when read with ``raw_types=True``) the class as the file writes it
    (``raw_type``: "CompositeMention", "SpecificDisease"; empty otherwise)."""

    doc: str
    start: int
    end: int
    cls: str
    ids: frozenset[str] = frozenset()
    raw_type: str = ""


def scored_class(name: str) -> str:
    """The class a corpus or exokg class name is scored as (unknown names unchanged)."""
    return CLASS_MAP.get(name, name)


def normalise_ids(raw: str, cls: str) -> frozenset[str]:
    """Identifiers of one annotation in one comparable form (``PREFIX:local``, prefix upper
    case): bare MeSH ids get ``MESH:``, bare numbers ``NCBIGENE:`` for genes and
    ``NCBITAXON:`` for species; ``-1``/``-`` mean none.

    >>> sorted(normalise_ids("D001943|D010051", "Disease"))
    ['MESH:D001943', 'MESH:D010051']
    >>> sorted(normalise_ids("NCBIGene:3934,HGNC:6526", "Gene")), normalise_ids("-1", "Chemical")
    (['HGNC:6526', 'NCBIGENE:3934'], frozenset())
    """
    out: set[str] = set()
    for part in _SPLIT.split(raw or ""):
        value = part.strip()
        if value.lower() in _NO_ID:
            continue
        if ":" in value:
            prefix, local = value.split(":", 1)
            out.add(f"{prefix.upper()}:{local}")
        elif _MESH.fullmatch(value):
            out.add(f"MESH:{value}")
        elif value.isdigit() and cls in _BARE_NUMBER_PREFIX:
            out.add(f"{_BARE_NUMBER_PREFIX[cls]}:{value}")
        else:
            out.add(value)
    return frozenset(out)


def read_pubtator_annotations(path: str | Path, *, raw_types: bool = False
                              ) -> tuple[dict[str, str], list[Annotation]]:
    """Texts (``title + " " + abstract`` by PMID) and annotations of a PubTator file.

    Classes are mapped with :data:`CLASS_MAP`, ids normalised. With ``raw_types`` each
    annotation also keeps the class as written in the file (``Annotation.raw_type``), which
    error analysis needs (NCBI Disease's "CompositeMention" is scored as "Disease").
    Relation lines are skipped. Raises ``ValueError`` naming the file and line when an
    annotation's text (spaces around it ignored) is not the document text at its offsets
    (offsets that do not fit the text cannot be scored).
    """
    texts: dict[str, str] = {}
    annotations: list[Annotation] = []
    pending: list[tuple[int, str, int, int, str, str, str]] = []
    with open(path, encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            line = line.rstrip("\r\n")
            head = line.split("\t", 1)[0]
            if "|t|" in head or "|a|" in head:
                pmid, kind, body = line.split("|", 2)
                texts[pmid] = body if kind == "t" else f"{texts.get(pmid, '')} {body}"
                continue
            cells = line.split("\t")
            if len(cells) >= 5 and cells[1].isdigit() and cells[2].isdigit():
                ids = cells[5] if len(cells) > 5 else ""
                pending.append((number, cells[0], int(cells[1]), int(cells[2]), cells[3],
                                cells[4], ids))
    for number, pmid, start, end, mention, typ, ids in pending:
        # a mention column padded with spaces (NCBI Disease training file, PMID 10923035)
        # still names the text at its offsets
        if texts.get(pmid, "")[start:end] not in (mention, mention.strip()):
            raise ValueError(f"{path}:{number}: {mention!r} is not the text at {start}-{end}")
        cls = scored_class(typ)
        annotations.append(Annotation(pmid, start, end, cls, normalise_ids(ids, cls),
                                      typ if raw_types else ""))
    return texts, annotations


@dataclass
class ClassScore:
    """Counts for one class; the figures are properties (0.0 when undefined)."""

    cls: str
    gold: int = 0
    pred: int = 0
    exact: int = 0  # predictions (= gold mentions) with an exact match
    pred_overlapping: int = 0
    gold_overlapped: int = 0
    gold_with_ids: int = 0
    found_with_ids: int = 0
    grounded: int = 0

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def precision(self) -> float:
        return self._ratio(self.exact, self.pred)

    @property
    def recall(self) -> float:
        return self._ratio(self.exact, self.gold)

    @property
    def f1(self) -> float:
        return self._f1(self.precision, self.recall)

    @property
    def overlap_precision(self) -> float:
        return self._ratio(self.pred_overlapping, self.pred)

    @property
    def overlap_recall(self) -> float:
        return self._ratio(self.gold_overlapped, self.gold)

    @property
    def overlap_f1(self) -> float:
        return self._f1(self.overlap_precision, self.overlap_recall)

    @property
    def grounding(self) -> float:
        return self._ratio(self.grounded, self.gold_with_ids)

    @property
    def grounding_found(self) -> float:
        return self._ratio(self.grounded, self.found_with_ids)

    def add(self, other: ClassScore) -> None:
        for name in ("gold", "pred", "exact", "pred_overlapping", "gold_overlapped",
                     "gold_with_ids", "found_with_ids", "grounded"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict[str, float | int | str]:
        return {"class": self.cls, "gold": self.gold, "pred": self.pred, "tp": self.exact,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "overlap_precision": round(self.overlap_precision, 4),
                "overlap_recall": round(self.overlap_recall, 4),
                "overlap_f1": round(self.overlap_f1, 4), "gold_with_ids": self.gold_with_ids,
                "grounded": self.grounded, "grounding": round(self.grounding, 4),
                "grounding_found": round(self.grounding_found, 4)}


def score_mentions(gold: Iterable[Annotation], pred: Iterable[Annotation],
                   classes: Iterable[str] | None = None) -> dict[str, ClassScore]:
    """Scores per class plus ``"all"`` (micro-average over the scored classes).

    ``classes`` defaults to the classes of ``gold``. Duplicate annotations (same document,
    span and class) count once; their identifiers are pooled.
    """
    def collapse(items: Iterable[Annotation]) -> dict[tuple[str, int, int, str], set[str]]:
        out: dict[tuple[str, int, int, str], set[str]] = defaultdict(set)
        for a in items:
            out[(a.doc, a.start, a.end, a.cls)] |= a.ids
        return out

    g, p = collapse(gold), collapse(pred)
    wanted = set(classes) if classes is not None else {k[3] for k in g}
    p = {k: v for k, v in p.items() if k[3] in wanted}
    by_doc_class: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for doc, s, e, cls in g:
        by_doc_class[(doc, cls)].append((s, e))
    pred_by_doc_class: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for doc, s, e, cls in p:
        pred_by_doc_class[(doc, cls)].append((s, e))
    scores = {cls: ClassScore(cls) for cls in sorted(wanted)}
    for key, ids in g.items():
        doc, s, e, cls = key
        score = scores[cls]
        score.gold += 1
        if key in p:
            score.exact += 1
        if any(ps < e and s < pe for ps, pe in pred_by_doc_class[(doc, cls)]):
            score.gold_overlapped += 1
        if ids:
            score.gold_with_ids += 1
            if key in p:
                score.found_with_ids += 1
                if p[key] & ids:
                    score.grounded += 1
    for (doc, s, e, cls) in p:
        score = scores[cls]
        score.pred += 1
        if any(gs < e and s < ge for gs, ge in by_doc_class[(doc, cls)]):
            score.pred_overlapping += 1
    total = ClassScore("all")
    for score in scores.values():
        total.add(score)
    return {**scores, "all": total}


def format_scores(scores: Mapping[str, ClassScore]) -> str:
    """A Markdown table of the scores (one row per class, ``all`` last)."""
    rows = ["| class | gold | pred | P | R | F1 | overlap P | overlap R | overlap F1 | "
            "grounding | grounding (found) |",
            "|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, s in scores.items():
        ground = f"{s.grounding:.3f} ({s.grounded}/{s.gold_with_ids})" if s.gold_with_ids \
            else "n/a"
        found = f"{s.grounding_found:.3f}" if s.found_with_ids else "n/a"
        rows.append(f"| {name} | {s.gold} | {s.pred} | {s.precision:.3f} | {s.recall:.3f} | "
                    f"{s.f1:.3f} | {s.overlap_precision:.3f} | {s.overlap_recall:.3f} | "
                    f"{s.overlap_f1:.3f} | {ground} | {found} |")
    return "\n".join(rows)

"""Benchmark exokg's relation extraction on the SCAI miRNA corpus: miRNA-gene and
miRNA-disease pairs.

Usage::

    python benchmarks/scai_relations.py [path/to/miRNA-train.xml] [--errors N] [--json]
        [--split tune|held-out|all]

The corpus (training part, 201 abstracts; Bagewadi et al. 2014, CC BY-NC 3.0) is read in
place (default ``../shared/benchmarks/scai-mirna/miRNA-train.xml`` beside the repository)
and never copied. Its sentences are put back together into one abstract per document (in
sentence order; the first sentence, the title, as the document's ``title`` field, as the
PubMed reader does) and read by the same code as ``exokg build``
(:func:`exokg.pipeline.document_statements`: segmentation, recognition with the open
lexicon when it is built, document-level extraction). The gold annotations are never shown
to exokg.

**What is scored.** Gold pairs are the SCAI pairs with ``interaction="True"`` between a
``Specific_miRNAs`` mention and a ``Genes/Proteins`` mention (type *gene*) or a
``Diseases`` mention (type *disease*). Pairs with a ``Non-Specific_miRNAs`` member
("microRNAs", "miRNA signature") are left out: they name no particular miRNA, and exokg
makes no statement about an unnamed one. A pair is scored once per document: its key is
(miRNA name key, partner name key, type), so the same pair stated in three sentences of an
abstract is one gold pair.

**Predicted pairs.** Every statement of the document, whatever its predicate, whose one
end is a miRNA (``MicroRNA``, ``MicroRNACluster``) and whose other end is a gene or protein
(``Gene``, ``Protein``: type *gene*) or a disease or phenotype (``Disease``, ``Phenotype``:
type *disease*) gives one predicted pair (SCAI pairs are undirected), counted once per
document and (miRNA entity, partner entity, type). A negated statement ("did not identify
an association of miR-X with D") states no relation and gives none.

**Matching rule.** An exokg entity stands for the gold entities (1) that one of its
recognised mentions overlaps by at least one character in the statement's evidence sentence,
and (2) whose name key equals the key of the entity's label or one of its synonyms. A name
key is the text lower-cased with everything but letters and digits removed; for miRNAs the
prefix is unified first ("microRNA-21", "miRNA-21", "hsa-miR-21" -> "mir21"). A predicted
pair is a true positive when the gold keys its two ends stand for form a gold pair of the
document and type; a gold pair is found when some predicted pair matches it. Precision =
matched predicted pairs / predicted pairs, recall = found gold pairs / gold pairs.

**Recognised at all.** Beside the pair scores, how many distinct gold partners (per
document and name key, from the gold pairs) exokg recognises at all: a partner counts when
one of its gold mentions is overlapped by an exokg mention of the right class (gene: Gene or
Protein; disease: Disease or Phenotype). Relation recall cannot exceed this.

**Split.** SCAI has only a training part here, so the documents are split
deterministically by a hash of the PubMed id (:func:`split_of`: SHA-256 of the id, first
byte even -> ``tune``, odd -> ``held-out``). Rules are tuned on ``tune`` only; ``held-out``
is reported untouched beside it. All figures are development numbers.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import defusedxml.ElementTree as SafeET

DEFAULT_PATH = (
    Path(__file__).resolve().parents[2] / "shared/benchmarks/scai-mirna/miRNA-train.xml"
)
MIRNA_GOLD = "Specific_miRNAs"
PARTNER_GOLD = {"Genes/Proteins": "gene", "Diseases": "disease"}
MIRNA_CATEGORIES = frozenset({"MicroRNA", "MicroRNACluster"})
PARTNER_CATEGORIES = {"Gene": "gene", "Protein": "gene", "Disease": "disease",
                      "Phenotype": "disease"}
TYPES = ("gene", "disease")
SPLITS = ("tune", "held-out")


@dataclass(frozen=True)
class GoldEntity:
    """One gold mention: its class (``mirna``, ``gene``, ``disease``), name key and span in
    the rebuilt document text (half-open)."""

    kind: str
    key: str
    start: int
    end: int
    text: str


@dataclass
class GoldDocument:
    """One SCAI document rebuilt as an abstract, with its gold mentions and pairs."""

    pmid: str
    text: str
    title_end: int
    entities: list[GoldEntity] = field(default_factory=list)
    #: (miRNA key, partner key, type) of the true pairs
    pairs: set[tuple[str, str, str]] = field(default_factory=set)
    #: a sentence stating each pair (for error listings)
    where: dict[tuple[str, str, str], str] = field(default_factory=dict)


def name_key(text: str) -> str:
    """Lower-case, letters and digits only: "IL-1beta" -> "il1beta"."""
    return re.sub(r"[^0-9a-z]+", "", text.lower())


_MIRNA_PREFIX = re.compile(r"^(?:[a-z]{3}-)?(?:micro[\s-]?rna|mirna|mir)s?[\s-]*", re.I)


def mirna_key(text: str) -> str:
    """A miRNA name key with a unified prefix: "microRNA-21", "hsa-miR-21" -> "mir21";
    "let-7a" -> "let7a"."""
    text = text.strip()
    m = _MIRNA_PREFIX.match(text)
    if m:
        return "mir" + name_key(text[m.end():])
    return name_key(text)


def gold_key(text: str, kind: str) -> str:
    """The name key of a mention of class ``kind`` (``mirna``, ``gene``, ``disease``): a
    disease's plural "s" is dropped ("medulloblastomas" -> "medulloblastoma")."""
    if kind == "mirna":
        return mirna_key(text)
    key = name_key(text)
    if kind == "disease" and len(key) > 4 and key.endswith("s"):
        key = key[:-1]
    return key


def split_of(pmid: str) -> str:
    """``tune`` or ``held-out`` for a document id (SHA-256, first byte even -> tune)."""
    return SPLITS[hashlib.sha256(pmid.encode("utf-8")).digest()[0] % 2]


def _sentence_number(origid: str) -> int:
    m = re.search(r"\.s(\d+)$", origid)
    return int(m.group(1)) if m else 0


def read_corpus(path: Path) -> Iterator[GoldDocument]:
    """The SCAI documents rebuilt as abstracts (sentences in order, joined by a space).

    Takes the XML path. Yields :class:`GoldDocument` records. Raises OSError when the file
    cannot be read and ValueError (naming the file and entity) when an offset is malformed
    or disagrees with the entity's text.
    """
    tree = SafeET.parse(path)
    for doc in tree.iter("document"):
        pmid = doc.get("origId") or doc.get("id") or ""
        sentences = sorted(doc.iter("sentence"), key=lambda s: _sentence_number(
            s.get("origId") or ""))
        text = ""
        out = GoldDocument(pmid, "", 0)
        for n, s in enumerate(sentences):
            stext = (s.get("text") or "").rstrip()
            base = len(text) + (1 if text else 0)
            text = f"{text} {stext}" if text else stext
            if n == 0:
                out.title_end = len(text)
            by_id: dict[str, GoldEntity] = {}
            for e in s.iter("entity"):
                kind = "mirna" if e.get("type") == MIRNA_GOLD else \
                    PARTNER_GOLD.get(e.get("type") or "")
                if kind is None:
                    continue
                offset = e.get("charOffset") or ""
                try:
                    a, b = (int(x) for x in offset.split("-"))
                except ValueError as exc:
                    raise ValueError(f"{path}: entity {e.get('id')}: bad charOffset "
                                     f"{offset!r}") from exc
                etext = e.get("text") or ""
                if stext[a:b + 1] != etext:
                    raise ValueError(f"{path}: entity {e.get('id')}: charOffset {offset} "
                                     "does not match its text")
                key = gold_key(etext, kind)
                g = GoldEntity(kind, key, base + a, base + b + 1, etext)
                by_id[e.get("id") or ""] = g
                out.entities.append(g)
            for p in s.iter("pair"):
                if p.get("interaction") != "True":
                    continue
                ends = [by_id.get(p.get("e1") or ""), by_id.get(p.get("e2") or "")]
                mirnas = [g for g in ends if g and g.kind == "mirna"]
                partners = [g for g in ends if g and g.kind in TYPES]
                if mirnas and partners:
                    key = (mirnas[0].key, partners[0].key, partners[0].kind)
                    out.pairs.add(key)
                    out.where.setdefault(key, stext)
        out.text = text
        _merge_abbreviations(out)
        yield out


def _merge_abbreviations(doc: GoldDocument) -> None:
    """Give a long form and the short form defined right after it ("Alzheimer's disease
    (AD)") one key, so that one disease or gene named two ways is one gold partner."""
    same: dict[str, str] = {}
    ordered = sorted(doc.entities, key=lambda g: g.start)
    for g1, g2 in zip(ordered, ordered[1:]):
        if g1.kind == g2.kind and re.fullmatch(r"\s*\(\s*", doc.text[g1.end:g2.start]) \
                and doc.text[g2.end:g2.end + 1] in (")", ";", ","):
            same[g2.key] = g1.key
    if not same:
        return

    def canon(key: str) -> str:
        seen = set()
        while key in same and key not in seen:
            seen.add(key)
            key = same[key]
        return key

    doc.entities = [GoldEntity(g.kind, canon(g.key), g.start, g.end, g.text)
                    for g in doc.entities]
    doc.pairs = {(canon(m), canon(p), t) for m, p, t in doc.pairs}
    doc.where = {(canon(m), canon(p), t): v for (m, p, t), v in sorted(doc.where.items())}


@dataclass(frozen=True)
class PredictedPair:
    """A miRNA-partner statement of exokg: entity ids, type, the gold keys each end stands
    for, and the statement (predicate, rule, sentence) for error listings."""

    mirna: str
    partner: str
    type: str
    mirna_keys: frozenset[str]
    partner_keys: frozenset[str]
    predicate: str
    rule: str
    sentence: str


def _entity_keys(entity, kind: str) -> set[str]:
    """Name keys of an entity's label and synonyms (``mirna_key`` for miRNAs)."""
    names = (entity.label, *entity.synonyms)
    return {gold_key(n, kind) for n in names} - {""}


def predicted_pairs(gold: GoldDocument, statements: Iterable, mentions: list
                    ) -> list[PredictedPair]:
    """exokg's miRNA-partner pairs of one document, each with the gold keys its ends stand
    for (see the module docs for the matching rule). ``mentions`` are the document's
    :class:`exokg.annotate.mentions.DocumentMention` records."""
    found: dict[tuple[str, str, str], PredictedPair] = {}
    for s in statements:
        obj = s.object
        if not hasattr(obj, "category") or s.negated:
            continue
        ends = [s.subject, obj]
        mirnas = [e for e in ends if e.category in MIRNA_CATEGORIES]
        partners = [e for e in ends if e.category in PARTNER_CATEGORIES]
        if not mirnas or not partners:
            continue
        mirna, partner = mirnas[0], partners[0]
        kind = PARTNER_CATEGORIES[partner.category]
        ev = s.evidence[0]
        keys = []
        for entity, gkind in ((mirna, "mirna"), (partner, kind)):
            spans = [(m.start, m.end) for m in mentions if m.entity.id == entity.id
                     and ev.start <= m.start and m.end <= ev.end]
            k = {g.key for g in gold.entities if g.kind == gkind
                 and any(a < g.end and g.start < b for a, b in spans)}
            names = _entity_keys(entity, gkind)
            k |= {g.key for g in gold.entities if g.kind == gkind and g.key in names}
            keys.append(frozenset(k))
        ident = (mirna.id, partner.id, kind)
        old = found.get(ident)
        pair = PredictedPair(mirna.id, partner.id, kind, keys[0], keys[1], s.predicate,
                             ev.rule, ev.text)
        if old is None:
            found[ident] = pair
        else:  # the same pair from another sentence: it stands for the gold keys of both
            found[ident] = PredictedPair(
                old.mirna, old.partner, kind, old.mirna_keys | pair.mirna_keys,
                old.partner_keys | pair.partner_keys, old.predicate, old.rule, old.sentence)
    return sorted(found.values(), key=lambda p: (p.type, p.mirna, p.partner))


def matches(pair: PredictedPair, gold_pairs: set[tuple[str, str, str]]
            ) -> set[tuple[str, str, str]]:
    """The gold pairs of a document that a predicted pair stands for."""
    return {g for g in gold_pairs if g[2] == pair.type and g[0] in pair.mirna_keys
            and g[1] in pair.partner_keys}


@dataclass
class Counts:
    """Pair counts of one (split, type) cell: predicted, matched predictions, gold, found
    gold; recognised partners / partners."""

    predicted: int = 0
    tp_pred: int = 0
    gold: int = 0
    tp_gold: int = 0
    partners: int = 0
    recognised: int = 0

    def add(self, other: Counts) -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def scores(self) -> dict[str, float | int]:
        p = self.tp_pred / self.predicted if self.predicted else 0.0
        r = self.tp_gold / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": p, "recall": r, "f1": f, **vars(self)}


def score_document(gold: GoldDocument, pairs: list[PredictedPair], mentions: list
                   ) -> tuple[dict[str, Counts], list[tuple[str, str, str]], list[PredictedPair]]:
    """Counts per type for one document, with its missed gold pairs and false predictions.

    Takes the gold document, its predicted pairs and exokg's mentions of it."""
    counts = {t: Counts() for t in TYPES}
    found: set[tuple[str, str, str]] = set()
    wrong: list[PredictedPair] = []
    for p in pairs:
        c = counts[p.type]
        c.predicted += 1
        hit = matches(p, gold.pairs)
        if hit:
            c.tp_pred += 1
            found |= hit
        else:
            wrong.append(p)
    for g in gold.pairs:
        counts[g[2]].gold += 1
        counts[g[2]].tp_gold += g in found
    missed = sorted(g for g in gold.pairs if g not in found)
    for kind in TYPES:
        partners = {g[1] for g in gold.pairs if g[2] == kind}
        classes = {c for c, t in PARTNER_CATEGORIES.items() if t == kind}
        seen = {g.key for g in gold.entities if g.kind == kind and g.key in partners and any(
            m.start < g.end and g.start < m.end and m.entity.category in classes
            for m in mentions)}
        counts[kind].partners += len(partners)
        counts[kind].recognised += len(seen)
    return counts, missed, wrong


def document_of(gold: GoldDocument):
    """The exokg :class:`~exokg.model.Document` for a rebuilt SCAI abstract (the title as
    its ``title`` field)."""
    from exokg.model import Document, RecordField
    title = gold.text[:gold.title_end]
    return Document(f"pmid-{gold.pmid}", gold.text, f"SCAI:{gold.pmid}", title=title,
                    kind="abstract", fields=(RecordField("title", title, 0, gold.title_end),))


def evaluate(path: Path | str = DEFAULT_PATH, recogniser=None) -> dict:
    """Read the corpus with exokg and score the pairs (see the module docs).

    Takes the corpus path and optionally a recogniser (default
    :meth:`exokg.recognise.Recogniser.default`). Returns a dict with ``documents`` (per
    split), ``lexicon``, ``seconds``, ``scores`` ({split: {type: Counts.scores()}}, splits
    ``tune``, ``held-out``, ``all``; types ``gene``, ``disease`` and ``both``), ``missed``
    and ``wrong`` (per split, for listings).
    Raises FileNotFoundError when the corpus is missing.
    """
    from exokg.pipeline import document_statements
    from exokg.recognise import Recogniser
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"SCAI miRNA corpus not found: {path}")
    recogniser = recogniser or Recogniser.default()
    totals = {s: {t: Counts() for t in TYPES} for s in (*SPLITS, "all")}
    docs = {s: 0 for s in SPLITS}
    missed: dict[str, list] = {s: [] for s in SPLITS}
    wrong: dict[str, list] = {s: [] for s in SPLITS}
    started = time.perf_counter()
    for gold in read_corpus(path):
        split = split_of(gold.pmid)
        docs[split] += 1
        mentions: list = []
        statements, _, _ = document_statements(document_of(gold), recogniser, mentions)
        pairs = predicted_pairs(gold, statements, mentions)
        counts, miss, bad = score_document(gold, pairs, mentions)
        for t in TYPES:
            totals[split][t].add(counts[t])
            totals["all"][t].add(counts[t])
        missed[split] += [(gold.pmid, *g, gold.where.get(g, "")) for g in miss]
        wrong[split] += [(gold.pmid, p) for p in bad]
    for by in totals.values():
        both = Counts()
        for t in TYPES:
            both.add(by[t])
        by["both"] = both
    return {"documents": docs, "lexicon": recogniser.lexicon_version,
            "seconds": time.perf_counter() - started,
            "scores": {s: {t: c.scores() for t, c in by.items()} for s, by in totals.items()},
            "missed": missed, "wrong": wrong}


def main(argv: list[str] | None = None) -> int:
    """Command line entry: print the table (and errors). Returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="list N missed gold pairs and N false pairs of the tune split")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--split", choices=(*SPLITS, "all"), default=None,
                        help="print only this split's rows (--split tune while changing the "
                             "rules keeps the held-out figures unseen)")
    args = parser.parse_args(argv)
    try:
        r = evaluate(args.path)
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({k: r[k] for k in ("documents", "lexicon", "scores")}, indent=2))
        return 0
    print(f"SCAI miRNA relations: {args.path} (development numbers)")
    print(f"documents: tune {r['documents']['tune']}, held-out {r['documents']['held-out']}; "
          f"lexicon {r['lexicon'] or 'none'}; {r['seconds']:.1f} s")
    print(f"{'split':9} {'type':8} {'P':>6} {'R':>6} {'F1':>6} {'pred':>5} {'TP':>4} "
          f"{'gold':>5} {'found':>5}  partners recognised")
    shown = (args.split,) if args.split else (*SPLITS, "all")
    for split in shown:
        for t in (*TYPES, "both"):
            x = r["scores"][split][t]
            print(f"{split:9} {t:8} {x['precision']:6.3f} {x['recall']:6.3f} {x['f1']:6.3f} "
                  f"{x['predicted']:5d} {x['tp_pred']:4d} {x['gold']:5d} {x['tp_gold']:5d}  "
                  f"{x['recognised']}/{x['partners']}")
    if args.errors:
        print(f"\nmissed gold pairs (tune, first {args.errors}):")
        for pmid, mk, pk, t, sentence in r["missed"]["tune"][:args.errors]:
            print(f"  {pmid} {t}: {mk} - {pk} | {sentence[:160]}")
        print(f"\nfalse pairs (tune, first {args.errors}):")
        for pmid, p in r["wrong"]["tune"][:args.errors]:
            print(f"  {pmid} {p.type}: {p.mirna} {p.predicate} {p.partner} [{p.rule}] "
                  f"| {p.sentence[:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark the direction of miRNA -> gene regulation on the Bhasuran miRNA-mRNA corpus.

Usage::

    python benchmarks/bhasuran.py [path/to/train_set_bioc_entity.xml] [--errors N] [--json]
        [--split tune|held-out|all]

The corpus (training part: 699 instances, one miRNA-gene pair each, labelled ``Positive``
or ``Negative`` regulation; Bhasuran et al., MIT per its README) is read in place (default
``../shared/benchmarks/mirna-gene-bhasuran/train_set_bioc_entity.xml``) and never copied.
Each instance's text carries inline ``<miRNA>``/``<Gene>`` markers around its pair, and
the annotation offsets count them; the markers are removed here and the offsets moved with
them, so exokg reads plain text.

**Reading.** Instances with the same PubMed id and the same plain text are one sentence
(the corpus repeats a sentence once per annotated pair); its gold pairs are the union of
those instances. Each distinct sentence is read as a one-sentence document by the same code
as ``exokg build`` (:func:`exokg.pipeline.document_statements`).

**Predicted pairs and direction.** Every statement between a miRNA (``MicroRNA``,
``MicroRNACluster``) and a gene or protein (``Gene``, ``Protein``) is a predicted pair of the
sentence (counted once per entity pair). A statement whose subject is the miRNA gives a
direction: ``RO:0002213`` (positively regulates), or ``biolink:affects`` with direction
"increased", is ``Positive``; ``RO:0002212`` (negatively regulates), or ``biolink:affects``
with direction "decreased", is ``Negative``; a negated statement gives none. When a pair
has statements of both directions, the one read first counts.

**Matching rule** (as in ``benchmarks/scai_relations.py``): a predicted end stands for a
gold end when one of its mentions overlaps the gold span by at least one character, or when
its label or a synonym has the gold text's name key (lower case, letters and digits only;
miRNA prefixes unified: "microRNA-21" = "miR-21").

**Figures.** Pair precision (predicted pairs that are a gold pair of their sentence /
predicted pairs; the corpus annotates only some of the pairs of a sentence, so this is a
lower bound), pair recall (gold pairs found / gold pairs), and direction: accuracy over the
found pairs with a direction (correct / found with a direction) and direction recall
(found with the correct direction / all gold pairs). Direction accuracy is also given by
the kind of cue (:func:`family`): a stated change ("miR-X reduced GENE", "negatively
regulates") or a targeting cue ("targets", "binds the 3'-UTR of", "a target of"), which exokg
reads as negative regulation (a miRNA binding its target represses it) while the corpus
labels most targeting sentences Positive.

**Split.** By a hash of the PubMed id as in ``scai_relations.split_of`` (SHA-256, first byte
even -> ``tune``, odd -> ``held-out``): rules are tuned on ``tune`` only; all figures are
development numbers.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import defusedxml.ElementTree as SafeET

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scai_relations import SPLITS, mirna_key, name_key, split_of  # noqa: E402

DEFAULT_PATH = (Path(__file__).resolve().parents[2]
                / "shared/benchmarks/mirna-gene-bhasuran/train_set_bioc_entity.xml")
MIRNA_CATEGORIES = frozenset({"MicroRNA", "MicroRNACluster"})
GENE_CATEGORIES = frozenset({"Gene", "Protein"})
POSITIVE = "Positive"
NEGATIVE = "Negative"
_MARKER = re.compile(r"</?(?:miRNA|Gene|mRNA)>")


@dataclass(frozen=True)
class GoldPair:
    """One annotated pair: spans in the plain text (half-open), texts and label."""

    mirna: tuple[int, int]
    gene: tuple[int, int]
    mirna_text: str
    gene_text: str
    label: str


@dataclass
class GoldSentence:
    """One distinct sentence of the corpus with all its annotated pairs."""

    pmid: str
    text: str
    pairs: list[GoldPair] = field(default_factory=list)


def strip_markers(text: str) -> tuple[str, list[int]]:
    """Remove the inline markers. Returns the plain text and, for every offset of the
    marked text (and one past its end), the offset in the plain text."""
    plain: list[str] = []
    where: list[int] = []
    i = 0
    for m in _MARKER.finditer(text):
        for ch in text[i:m.start()]:
            where.append(len(plain))
            plain.append(ch)
        where.extend([len(plain)] * (m.end() - m.start()))
        i = m.end()
    for ch in text[i:]:
        where.append(len(plain))
        plain.append(ch)
    where.append(len(plain))
    return "".join(plain), where


def read_corpus(path: Path) -> tuple[list[GoldSentence], list[str]]:
    """The corpus's distinct sentences with their pairs, in first-seen order, and the PubMed
    ids of the instances left out because they lack a miRNA, a gene or a Positive/Negative
    label (one instance of the training file annotates two miRNAs and no gene).

    Raises OSError when the file cannot be read and ValueError (naming the file and PubMed
    id) when an offset disagrees with its text."""
    tree = SafeET.parse(path)
    sentences: dict[tuple[str, str], GoldSentence] = {}
    skipped: list[str] = []
    for doc in tree.iter("document"):
        pmid = (doc.findtext("id") or "").strip()
        for passage in doc.iter("passage"):
            marked = html.unescape(passage.findtext("text") or "")
            plain, where = strip_markers(marked)
            spans: dict[str, tuple[int, int, str]] = {}
            label = None
            for ann in passage.iter("annotation"):
                kind = ann.findtext("infon[@key='type']")
                rel = ann.findtext("infon[@key='relation']")
                if rel:
                    label = rel.strip()
                loc = ann.find("location")
                if kind and loc is not None:
                    o, n = int(loc.get("offset") or 0), int(loc.get("length") or 0)
                    text = ann.findtext("text") or ""
                    if marked[o:o + n] != text:
                        raise ValueError(f"{path}: document {pmid}: annotation {text!r} "
                                         "does not match its offset")
                    spans[kind] = (where[o], where[o + n], text)
            if "miRNA" not in spans or "mRNA" not in spans or label not in (POSITIVE,
                                                                             NEGATIVE):
                skipped.append(pmid)
                continue
            m, g = spans["miRNA"], spans["mRNA"]
            sentence = sentences.setdefault((pmid, plain), GoldSentence(pmid, plain))
            pair = GoldPair((m[0], m[1]), (g[0], g[1]), m[2], g[2], label)
            if pair not in sentence.pairs:
                sentence.pairs.append(pair)
    return list(sentences.values()), skipped


@dataclass
class PredictedPair:
    """A miRNA-gene pair exokg states in a sentence: entity ids, their mention spans and
    name keys, and the direction (None when no statement of the miRNA on the gene gives
    one)."""

    mirna: str
    gene: str
    mirna_spans: list[tuple[int, int]]
    gene_spans: list[tuple[int, int]]
    mirna_keys: set[str]
    gene_keys: set[str]
    direction: str | None
    rule: str


def direction_of(statement) -> str | None:
    """``Positive``/``Negative`` for a statement of a miRNA on a gene, or None."""
    if statement.negated or statement.subject.category not in MIRNA_CATEGORIES:
        return None
    if statement.predicate == "RO:0002213":
        return POSITIVE
    if statement.predicate == "RO:0002212":
        return NEGATIVE
    if statement.predicate == "biolink:affects":
        return {"increased": POSITIVE, "decreased": NEGATIVE}.get(statement.direction or "")
    return None


def predicted_pairs(statements, mentions) -> list[PredictedPair]:
    """exokg's miRNA-gene pairs of one sentence (see the module docs)."""
    out: dict[tuple[str, str], PredictedPair] = {}
    for s in statements:
        obj = s.object
        if not hasattr(obj, "category"):
            continue
        ends = (s.subject, obj)
        mirnas = [e for e in ends if e.category in MIRNA_CATEGORIES]
        genes = [e for e in ends if e.category in GENE_CATEGORIES]
        if not mirnas or not genes:
            continue
        mirna, gene = mirnas[0], genes[0]
        pair = out.get((mirna.id, gene.id))
        if pair is None:
            pair = out[(mirna.id, gene.id)] = PredictedPair(
                mirna.id, gene.id,
                [(m.start, m.end) for m in mentions if m.entity.id == mirna.id],
                [(m.start, m.end) for m in mentions if m.entity.id == gene.id],
                {mirna_key(n) for n in (mirna.label, *mirna.synonyms)},
                {name_key(n) for n in (gene.label, *gene.synonyms)},
                None, s.evidence[0].rule)
        if pair.direction is None:
            pair.direction = direction_of(s)
            if pair.direction:
                pair.rule = s.evidence[0].rule
    return list(out.values())


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


def stands_for(pred: PredictedPair, gold: GoldPair) -> bool:
    """True when the predicted pair's two ends stand for the gold pair's (span overlap or
    name key, see the module docs)."""
    m = _overlaps(gold.mirna, pred.mirna_spans) or mirna_key(gold.mirna_text) in pred.mirna_keys
    g = _overlaps(gold.gene, pred.gene_spans) or name_key(gold.gene_text) in pred.gene_keys
    return m and g


#: rules that read a targeting / binding cue (a miRNA binding its target represses it)
_TARGETING_RULES = ("regulation.targeting", "regulation.target-of", "regulation.passive",
                    "regulation.utr", "regulation.apposition", "regulation.axis")


def family(rule: str) -> str:
    """``targeting`` for the targeting-cue rules, ``verb`` for a stated change ("miR-X
    reduced GENE", "negatively regulates")."""
    return "targeting" if rule.startswith(_TARGETING_RULES) else "verb"


@dataclass
class Counts:
    """Counts of one split: predicted pairs, those matching a gold pair, gold pairs, found,
    found with a direction, found with the right direction."""

    predicted: int = 0
    tp_pred: int = 0
    gold: int = 0
    found: int = 0
    directed: int = 0
    correct: int = 0
    directed_verb: int = 0  # found with a direction from a stated change
    correct_verb: int = 0
    directed_targeting: int = 0  # found with a direction from a targeting cue
    correct_targeting: int = 0

    def add(self, other: Counts) -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def scores(self) -> dict[str, float | int]:
        p = self.tp_pred / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                "direction_accuracy": self.correct / self.directed if self.directed else 0.0,
                "direction_recall": self.correct / self.gold if self.gold else 0.0,
                **vars(self)}


def score_sentence(gold: GoldSentence, pairs: list[PredictedPair]
                   ) -> tuple[Counts, list[tuple[GoldPair, str | None]]]:
    """Counts for one sentence and its errors: (gold pair, predicted direction or None)
    for each gold pair not found or found with the wrong or no direction."""
    c = Counts(predicted=len(pairs), gold=len(gold.pairs))
    c.tp_pred = sum(1 for p in pairs if any(stands_for(p, g) for g in gold.pairs))
    errors: list[tuple[GoldPair, str | None]] = []
    for g in gold.pairs:
        hits = [p for p in pairs if stands_for(p, g)]
        if not hits:
            errors.append((g, "not found"))
            continue
        c.found += 1
        directed = next((p for p in hits if p.direction), None)
        direction = directed.direction if directed else None
        if directed:
            c.directed += 1
            c.correct += direction == g.label
            kind = family(directed.rule)
            setattr(c, f"directed_{kind}", getattr(c, f"directed_{kind}") + 1)
            setattr(c, f"correct_{kind}", getattr(c, f"correct_{kind}") + (direction == g.label))
        if direction != g.label:
            errors.append((g, direction))
    return c, errors


def evaluate(path: Path | str = DEFAULT_PATH, recogniser=None) -> dict:
    """Read every sentence with exokg and score it (see the module docs).

    Returns a dict with ``sentences`` per split, ``skipped`` (PubMed ids of malformed
    instances left out), ``lexicon``, ``seconds``,
    ``scores`` ({split: Counts.scores()} for ``tune``, ``held-out``, ``all``) and
    ``errors`` ({split: [(pmid, text, GoldPair, predicted)]}). Raises FileNotFoundError when
    the corpus is missing."""
    from exokg.model import Document
    from exokg.pipeline import document_statements
    from exokg.recognise import Recogniser
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"Bhasuran miRNA-mRNA corpus not found: {path}")
    recogniser = recogniser or Recogniser.default()
    totals = {s: Counts() for s in (*SPLITS, "all")}
    sentences = {s: 0 for s in SPLITS}
    errors: dict[str, list] = {s: [] for s in SPLITS}
    started = time.perf_counter()
    corpus, skipped = read_corpus(path)
    for n, gold in enumerate(corpus):
        split = split_of(gold.pmid)
        sentences[split] += 1
        mentions: list = []
        doc = Document(f"pmid-{gold.pmid}-{n}", gold.text, f"Bhasuran:{gold.pmid}",
                       kind="abstract")
        statements, _, _ = document_statements(doc, recogniser, mentions)
        counts, errs = score_sentence(gold, predicted_pairs(statements, mentions))
        totals[split].add(counts)
        totals["all"].add(counts)
        errors[split] += [(gold.pmid, gold.text, g, d) for g, d in errs]
    return {"sentences": sentences, "skipped": skipped, "lexicon": recogniser.lexicon_version,
            "seconds": time.perf_counter() - started,
            "scores": {s: c.scores() for s, c in totals.items()}, "errors": errors}


def main(argv: list[str] | None = None) -> int:
    """Command line entry: print the table (and errors). Returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="list N errors of the tune split")
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
        print(json.dumps({k: r[k] for k in ("sentences", "lexicon", "scores")}, indent=2))
        return 0
    print(f"Bhasuran miRNA-gene regulation: {args.path} (development numbers)")
    print(f"sentences: tune {r['sentences']['tune']}, held-out {r['sentences']['held-out']}; "
          f"lexicon {r['lexicon'] or 'none'}; {r['seconds']:.1f} s")
    if r["skipped"]:
        print(f"left out {len(r['skipped'])} malformed instance(s): {', '.join(r['skipped'])}")
    print(f"{'split':9} {'P':>6} {'R':>6} {'F1':>6} {'pred':>5} {'gold':>5} {'found':>5} "
          f"{'dir.acc':>7} {'dir.R':>6} {'directed':>8} {'correct':>7}")
    shown = (args.split,) if args.split else (*SPLITS, "all")
    for split in shown:
        x = r["scores"][split]
        print(f"{split:9} {x['precision']:6.3f} {x['recall']:6.3f} {x['f1']:6.3f} "
              f"{x['predicted']:5d} {x['gold']:5d} {x['found']:5d} "
              f"{x['direction_accuracy']:7.3f} {x['direction_recall']:6.3f} "
              f"{x['directed']:8d} {x['correct']:7d}")
    print("direction accuracy by the kind of cue (stated change / targeting cue):")
    for split in shown:
        x = r["scores"][split]
        parts = []
        for kind in ("verb", "targeting"):
            n, k = x[f"directed_{kind}"], x[f"correct_{kind}"]
            parts.append(f"{kind} {k}/{n} = {k / n if n else 0:.3f}")
        print(f"  {split:9} " + ", ".join(parts))
    if args.errors:
        print(f"\nerrors (tune, first {args.errors}): gold label / exokg")
        for pmid, text, g, d in r["errors"]["tune"][:args.errors]:
            print(f"  {pmid} {g.mirna_text} -> {g.gene_text}: {g.label} / {d} | {text[:200]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

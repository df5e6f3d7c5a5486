"""How gold lists (tests/gold/, tests/devset/) are matched against a build: shared by the
founding-corpus and development-set measurements (tests/test_gold.py, tests/test_devset.py,
benchmarks/devset.py).

A gold entry names its subject and object as

* a CURIE (``GO:0070062``, ``exokg:mirna/mir-124``): the statement term has that id;
* ``{preparation: {parts}}``, ``{advantage: text}``, ``{outcome: text}`` (an open outcome by
  its label, docs/graph-model.md) or ``{value: text}``: the id exokg mints for that composite,
  advantage, open outcome or literal;
* ``{name: text}``: a statement term whose label or any synonym (a literal: its text) equals
  the text after :func:`normalise_name` (case, hyphens/spaces and a final plural "s"
  ignored), so the gold does not depend on which identifier a recogniser picks;
* ``{any: [CURIE, ...]}``: a statement term with any of those ids; a member may also be any
  of the forms above (``{any: [GO:0070062, {name: HExos}]}``).

A gold claim matches a statement when subject, predicate, object, direction, negated and
hedged all agree (a gold ``biolink:affects`` is also stated by the miRNA regulation
predicates ``RO:0002212`` / ``RO:0002213``, :data:`SPECIFIC_PREDICATES`). Gold claims are the distinct keys of a list (the same claim in two
sentences counts once); extracted claims are the distinct :func:`key_of` keys of a build.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from exokg.extract.outcomes import outcome_for_text
from exokg.ids import mint
from exokg.model import Entity, Statement, Value
from exokg.recognise.composite import preparation_id

# ``name``, ``sentence`` etc. are not claim fields: an entry holding only these declares a
# document of a batch that has no claim (so its spurious statements are counted).
CLAIM_FIELDS = ("s", "p", "o")


@dataclass(frozen=True, order=True)
class Name:
    """A gold term given by its name: ``key`` is :func:`normalise_name` of ``text`` and is
    what is compared; ``text`` is kept as written for reports."""

    key: str
    text: str = field(compare=False)

    def __str__(self) -> str:
        return f"name:{self.text}"

    def __repr__(self) -> str:
        return f"{{name: {self.text}}}"


@dataclass(frozen=True)
class AnyOf:
    """A gold term that any of several terms satisfies (CURIEs, or names / preparations)."""

    terms: tuple[str | Name, ...]

    def __str__(self) -> str:
        return "any:" + "|".join(map(str, self.terms))

    def __repr__(self) -> str:
        return "{any: [" + ", ".join(map(repr, self.terms)) + "]}"


GoldTerm = str | Name | AnyOf


def normalise_name(text: str) -> str:
    """Compare form of a name: lower case, hyphens/dashes/underscores and runs of spaces made
    one space, a final plural "s" of the last word dropped ("Neuronal-apoptoses " ->
    "neuronal apoptose")."""
    folded = re.sub(r"[\s\-‐‑‒–—_]+", " ", text.casefold()).strip()
    if len(folded) > 3 and folded.endswith("s") and not folded.endswith("ss"):
        folded = folded[:-1]
    return folded


def term(value: object) -> GoldTerm:
    """The gold term a YAML value stands for: a CURIE / minted id / literal text, or a
    :class:`Name` or :class:`AnyOf` matcher. Raises AssertionError on an unknown form."""
    if isinstance(value, str):
        return value
    assert isinstance(value, dict) and len(value) == 1, value
    (kind, body), = value.items()
    if kind == "preparation":
        return preparation_id({k: str(v) for k, v in body.items()})
    if kind == "advantage":
        return mint("advantage", str(body).lower())
    if kind == "value":
        return str(body)
    if kind == "name":
        return Name(normalise_name(str(body)), str(body))
    if kind == "any":
        assert isinstance(body, list) and body, value
        members = [term(item) for item in body]
        assert not any(isinstance(m, AnyOf) for m in members), f"nested any: {value}"
        return AnyOf(tuple(sorted(members, key=repr)))  # type: ignore[arg-type]
    if kind == "outcome":  # an open outcome, by its label (docs/graph-model.md)
        return outcome_for_text(str(body)).id
    raise AssertionError(f"unknown gold term kind {kind!r}")


def is_claim(entry: dict) -> bool:
    """Whether a gold entry is a claim (not just a document declared with no claims)."""
    return all(k in entry for k in CLAIM_FIELDS)


def key_of_gold(entry: dict) -> tuple:
    """(subject term, predicate, object term, direction, negated, hedged) of a gold claim."""
    return (term(entry["s"]), entry["p"], term(entry["o"]), entry.get("direction"),
            bool(entry.get("negated", False)), bool(entry.get("hedged", False)))


def key_of(s: Statement) -> tuple:
    """The same key for an extracted statement (object: its id, or a literal's text)."""
    obj = s.object.id if isinstance(s.object, Entity) else s.object.text
    return (s.subject.id, s.predicate, obj, s.direction, s.negated, s.hedged)


def _names(thing: Entity | Value) -> set[str]:
    if isinstance(thing, Value):
        return {normalise_name(thing.text)}
    return {normalise_name(n) for n in (thing.label, *thing.synonyms)}


def _id(thing: Entity | Value) -> str:
    return thing.id if isinstance(thing, Entity) else thing.text


def term_matches(gold: GoldTerm, thing: Entity | Value) -> bool:
    """Whether a statement's subject or object satisfies a gold term."""
    if isinstance(gold, Name):
        return gold.key in _names(thing)
    if isinstance(gold, AnyOf):
        return any(term_matches(member, thing) for member in gold.terms)
    return _id(thing) == gold


#: Predicates that state a gold predicate more specifically: a miRNA negatively / positively
#: regulating its target (docs/graph-model.md) is a directed ``biolink:affects`` (Biolink puts
#: ``regulates`` under ``affects``), so gold written as "miR-X affects GENE, decreased"
#: matches "miR-X RO:0002212 GENE, decreased"; the direction must still agree.
SPECIFIC_PREDICATES = {"biolink:affects": frozenset({"RO:0002212", "RO:0002213"})}


def predicate_matches(gold: str, extracted: str) -> bool:
    """Whether an extracted predicate states the gold predicate (the same, or a more
    specific one of :data:`SPECIFIC_PREDICATES`)."""
    return gold == extracted or extracted in SPECIFIC_PREDICATES.get(gold, ())


def matches(gold_key: tuple, s: Statement) -> bool:
    """Whether statement ``s`` makes the gold claim ``gold_key`` (see :func:`key_of_gold`)."""
    subject, predicate, obj, direction, negated, hedged = gold_key
    return (predicate_matches(predicate, s.predicate) and direction == s.direction
            and negated == s.negated and hedged == s.hedged
            and term_matches(subject, s.subject) and term_matches(obj, s.object))


@dataclass(frozen=True)
class Score:
    """Counts of one comparison of gold claims with extracted claims."""

    gold: int
    found: int          # gold claims matched by at least one extracted claim
    extracted: int
    correct: int        # extracted claims that match at least one gold claim
    missed: tuple[str, ...] = ()
    spurious: tuple[str, ...] = ()

    @property
    def precision(self) -> float:
        return self.correct / self.extracted if self.extracted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def compare(gold_keys: Iterable[tuple], statements: Sequence[Statement]) -> Score:
    """Match distinct gold claims with the distinct extracted claims of ``statements``.

    Recall counts gold claims some statement matches; precision counts extracted claims
    (distinct :func:`key_of` keys) that match some gold claim.
    """
    gold = sorted(set(gold_keys), key=repr)
    by_key: dict[tuple, Statement] = {}
    for s in statements:
        by_key.setdefault(key_of(s), s)
    hit_gold: set[tuple] = set()
    hit_found: set[tuple] = set()
    for g in gold:
        for k, s in by_key.items():
            if matches(g, s):
                hit_gold.add(g)
                hit_found.add(k)
    return Score(gold=len(gold), found=len(hit_gold), extracted=len(by_key),
                 correct=len(hit_found),
                 missed=tuple(str(g) for g in gold if g not in hit_gold),
                 spurious=tuple(sorted(str(k) for k in by_key if k not in hit_found)))


def squash(text: str) -> str:
    """Whitespace-insensitive form of a sentence or snippet."""
    return re.sub(r"\s+", " ", text).strip()

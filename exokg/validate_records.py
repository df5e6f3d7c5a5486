"""Checks of the SHACL-SPARQL constraints made on what the store loader wrote, so that a
constraint that cannot find anything is not run as SPARQL over the whole store.

The SHACL shapes (``ontology/shapes.ttl``) stay the source of truth: nothing here reports a
violation. A *precheck* is a necessary condition of a constraint's violations that can be
decided from the terms the loader wrote (:class:`UsedTerms`: every predicate and every
object of ``rdf:type`` of the data, gathered while the lines were written,
:mod:`exokg.graph.load`). When the condition does not hold, the constraint has no
violation and its query is skipped; when it holds (or the shape's query is not the one the
precheck was written for, or no terms were recorded) the query runs as before, so the
report is always the one SPARQL alone gives.

Each precheck is pinned to the digest of its constraint's ``sh:select`` text
(:data:`PRECHECKS`): a shape edited without its precheck falls back to SPARQL, and
``tests/test_validate_records.py`` fails until the precheck is brought in step.

One precheck so far, the costliest constraint of a large build's validation
(docs/benchmarks.md, "Store load and validation, round 2"):

* ``exo:VocabularyTermShape``: a violation needs an ``exo:`` IRI whose local name is not
  letters and digits as a predicate or a class of a node; if no predicate and no class
  the loader wrote is one, the query (``STR()`` of the predicate of every triple of every
  typed node: a quarter of the validation's CPU) has no solution.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF

__all__ = ["PRECHECKS", "UsedTerms", "select_digest", "skips"]

_EXO = "https://w3id.org/exokg/vocab/"
_TERM = re.compile(r"[A-Za-z][A-Za-z0-9]*")
TYPE = f"<{RDF.type}>"


@dataclass(frozen=True)
class UsedTerms:
    """The predicates and the objects of ``rdf:type`` of a graph's data, as N-Triples
    terms (``<IRI>``, or a literal's text)."""

    predicates: frozenset[str]
    classes: frozenset[str]

    @classmethod
    def of_lines(cls, triples: Iterable[tuple[str, str, str]]) -> UsedTerms:
        """The terms of triples given as N-Triples terms."""
        predicates: set[str] = set()
        classes: set[str] = set()
        for _, p, o in triples:
            predicates.add(p)
            if p == TYPE:
                classes.add(o)
        return cls(frozenset(predicates), frozenset(classes))

    def write(self, path: Path) -> None:
        """Save as JSON (sorted: the same terms give the same bytes)."""
        data = {"predicates": sorted(self.predicates), "classes": sorted(self.classes)}
        Path(path).write_text(json.dumps(data, indent=0) + "\n", encoding="utf-8")

    @classmethod
    def read(cls, path: Path) -> UsedTerms | None:
        """The terms saved at ``path``, or None when there is no readable file."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            return cls(frozenset(data["predicates"]), frozenset(data["classes"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None


def _malformed_vocabulary(used: UsedTerms) -> bool:
    """Whether a predicate or class is an ``exo:`` term of another form than letters and
    digits (a literal class is counted as possible: ``STR()`` of it is its text)."""
    for term in (*used.predicates, *used.classes):
        if not term.startswith("<"):
            return True
        iri = term[1:-1]
        if iri.startswith(_EXO) and _TERM.fullmatch(iri[len(_EXO):]) is None:
            return True
    return False


def select_digest(select: str) -> str:
    """The digest a precheck is pinned to: SHA-256 of the constraint's query as the
    validator runs it (its ``sh:prefixes`` declarations and ``sh:select`` text) with white
    space collapsed."""
    return hashlib.sha256(" ".join(select.split()).encode("utf-8")).hexdigest()[:16]


#: shape IRI -> (digest of the constraint's ``sh:select`` it was written for, a function
#: of the used terms that is False only when the constraint cannot have a violation)
PRECHECKS: dict[str, tuple[str, Callable[[UsedTerms], bool]]] = {
    f"{_EXO}VocabularyTermShape": ("30d81764b406a19e", _malformed_vocabulary),
}


def skips(shape: str, select: str, used: UsedTerms | None) -> bool:
    """Whether the SHACL-SPARQL constraint of ``shape`` with the query ``select`` can be
    skipped: it has a precheck pinned to this query and the precheck rules out every
    violation for the ``used`` terms (None: nothing recorded, never skipped)."""
    if used is None or shape not in PRECHECKS:
        return False
    digest, possible = PRECHECKS[shape]
    return digest == select_digest(select) and not possible(used)

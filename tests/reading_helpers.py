"""Shared helpers of the reading tests (tests/test_*_language.py): one invented abstract read
through the whole per-document pipeline, and its statements as comparable tuples."""

from __future__ import annotations

from exokg.extract.outcomes import outcome_entity
from exokg.model import Document, Entity, Statement
from exokg.pipeline import document_statements
from exokg.recognise import Recogniser

# predicates and entities the patient-study reading tests share
POS = "biolink:positively_correlated_with"
NEG = "biolink:negatively_correlated_with"
ASSOC = "biolink:associated_with"
GFAP = "NCBIGene:2670"
NFL = "exokg:protein/neurofilament-light"
NIHSS = "loinc:70182-1"
POOR = "exokg:phenotype/poor-prognosis"
# the MSC exosome preparation the therapy reading tests name
MSC_EXO = "exokg:preparation/sourcecell-cl-0000134-vesicletype-go-0070062-577599"


def read(recogniser: Recogniser, text: str) -> list[Statement]:
    """The statements exokg reads from ``text`` taken as a whole abstract."""
    statements, _, _ = document_statements(Document("t", text, "test", kind="abstract"),
                                           recogniser)
    return statements


def claim_tuples(statements: list[Statement], *fields: str) -> set[tuple]:
    """(subject id, predicate, object id or literal text, direction, then the statement
    attributes named in ``fields``) of each statement."""
    return {(s.subject.id, s.predicate, s.object.id if isinstance(s.object, Entity) else
             s.object.text, s.direction, *(getattr(s, f) for f in fields))
            for s in statements}


def outcome(label: str) -> str:
    """The id of the open outcome named ``label``."""
    return outcome_entity(label).id


def effect_triples(statements: list[Statement]) -> set[tuple[str, str, str | None]]:
    """(subject id, object label in lower case, direction) of each effect statement."""
    return {(s.subject.id, s.object.label.lower(), s.direction) for s in statements
            if s.predicate == "biolink:affects"}

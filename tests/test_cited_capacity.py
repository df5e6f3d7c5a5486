""""could" and "can" in a sentence that cites its source report what the cited work showed
("X could improve Y163."), so they do not hedge the claim; without a citation, or with another
hedging cue beside them, the claim stays hedged. Every text is invented for these tests, in
the language of the field; none is a sentence of the development set or the founding corpus."""

from __future__ import annotations

import pytest

from exokg.model import Document, Statement
from exokg.pipeline import document_statements
from exokg.recognise import Recogniser


def _read(recogniser: Recogniser, text: str) -> list[Statement]:
    """Statements of ``text`` as a passage of a paper (not an abstract)."""
    statements, _, _ = document_statements(Document("t", text, "test", kind="text"), recogniser)
    return statements


def _angiogenesis(statements: list[Statement]) -> list[Statement]:
    found = [s for s in statements if s.predicate == "biolink:affects"
             and getattr(s.object, "id", None) == "GO:0001525"]
    assert found, [(s.subject.label, s.predicate, s.object) for s in statements]
    return found


@pytest.mark.parametrize("text", [
    "Intravenous delivery of MSC-derived exosomes could enhance angiogenesis and "
    "neurogenesis in rats after stroke42.",
    "Systemic administration of MSC-derived exosomes could promote angiogenesis after "
    "cerebral ischemia [17, 18].",
    "MSC-derived exosomes can enhance angiogenesis in the ischemic boundary zone (12).",
])
def test_a_cited_capacity_is_not_hedged(text: str, recogniser: Recogniser) -> None:
    assert not any(s.hedged for s in _angiogenesis(_read(recogniser, text)))


@pytest.mark.parametrize("text", [
    # no citation: the writer's own possibility
    "Intravenous delivery of MSC-derived exosomes could enhance angiogenesis and "
    "neurogenesis in rats after stroke.",
    # cited, but another cue hedges it
    "MSC-derived exosomes could possibly promote angiogenesis after cerebral ischemia [17].",
])
def test_an_uncited_or_doubly_hedged_could_stays_hedged(text: str,
                                                        recogniser: Recogniser) -> None:
    assert all(s.hedged for s in _angiogenesis(_read(recogniser, text)))

"""Tuning round 9b: conditions and processes as subjects in relative clauses, coordinated
predicates, adjective predicates and changes without a sign (issue 9 kind 2: a disease is a
subject or a setting, never the object of an effect). Every text is invented for these tests,
in the language of the field; none is a sentence of the development set."""

from __future__ import annotations

from exokg.model import Entity, Statement
from exokg.recognise import Recogniser
from reading_helpers import read


def _read(text: str, recogniser: Recogniser) -> list[Statement]:
    return read(recogniser, text)


def _effects(statements: list[Statement]) -> set[tuple[str, str, str | None]]:
    return {(s.subject.label, s.object.label, s.direction) for s in statements
            if s.predicate == "biolink:affects" and isinstance(s.object, Entity)}


def test_kind2_second_verb_of_a_relative_clause_keeps_its_subject(
        recogniser: Recogniser) -> None:
    found = _read("Excitotoxicity is an early pathological change in cerebral ischemia that "
                  "accelerates the formation of cytotoxic edema and aggravates neuronal loss.",
                  recogniser)
    effects = _effects(found)
    assert all(subject == "excitotoxicity" for subject, _, _ in effects), effects
    assert ("excitotoxicity", "cytotoxic edema", "increased") in effects
    assert any(o.lower().startswith("neuronal loss") for _, o, d in effects if d == "increased")
    # the next verb is never part of an object, and the disease is never an object
    assert not any(o.startswith("aggravates") for _, o, _ in effects)
    assert not any(s.predicate == "biolink:affects" and s.object.id == "MONDO:0005299"
                   for s in found)


def test_kind2_a_disease_that_changes_something_without_a_sign_has_no_direction(
        recogniser: Recogniser) -> None:
    found = _read("Intracerebral hemorrhage substantially disturbs cerebral autoregulation. "
                  "Intracerebral hemorrhage affects more than two million people each year.",
                  recogniser)
    changes = [s for s in found if s.evidence[0].rule == "condition.alters"]
    assert [(s.object.label, s.direction) for s in changes] == [
        ("cerebral autoregulation", None)]


def test_kind2_adjective_predicates_give_the_direction_of_the_adjective(
        recogniser: Recogniser) -> None:
    found = _read("Glial scarring, harmful to axonal regrowth, persists for months. Blocking "
                  "inflammation is necessary for neurological recovery.", recogniser)
    adjective = [s for s in found if s.evidence[0].rule == "condition.adjective"]
    assert [(s.object.label, s.direction) for s in adjective] == [("axonal regrowth",
                                                                   "decreased")]

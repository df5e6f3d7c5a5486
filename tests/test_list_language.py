"""Tuning round 14c: lists of examples after a head noun ("the treatments for D include A, B
and C", "the mechanisms of D, such as A and B", "D is accompanied by complications, including
A and B"; :mod:`exokg.extract.inclusion_lists`). Every text is invented for these tests, in
the language of the field; none is a sentence of the development set."""

from __future__ import annotations

from reading_helpers import read

from exokg.model import Entity, Statement
from exokg.recognise import Recogniser

BENEFIT = "biolink:beneficial_in_models_for"
ASSOC = "biolink:associated_with"
STROKE = "MONDO:1060198"
TBI = "MONDO:0858950"


def _members(statements: list[Statement], predicate: str, disease: str) -> set[str]:
    """The labels of the subjects ``statements`` relate to ``disease`` by ``predicate``."""
    return {s.subject.label.casefold() for s in statements if s.predicate == predicate
            and isinstance(s.object, Entity) and s.object.id == disease}


def test_each_treatment_of_a_list_after_include_is_beneficial(recogniser: Recogniser) -> None:
    found = read(recogniser, "Standard therapies for ischemic stroke include intravenous "
                             "thrombolysis and mechanical thrombectomy.")
    assert _members(found, BENEFIT, STROKE) == {"intravenous thrombolysis",
                                                "mechanical thrombectomy"}


def test_a_modal_before_include_hedges_each_member(recogniser: Recogniser) -> None:
    found = read(recogniser, "Potential treatments for ischemic stroke may include "
                             "hypothermia and remote ischemic conditioning.")
    members = [s for s in found if s.evidence[0].rule == "list.treatment"]
    # "hypothermia" is the treatment here, not the phenotype
    assert {s.subject.label for s in members} == {"hypothermia",
                                                  "remote ischemic conditioning"}
    assert all(s.hedged and s.subject.category == "Therapy" for s in members)


def test_a_such_as_list_of_treatments_ends_with_its_last_member(
        recogniser: Recogniser) -> None:
    found = read(recogniser, "Treatment options for ischemic stroke, such as hematoma "
                             "evacuation, blood pressure control and rehabilitation, remain "
                             "limited by a narrow time window.")
    assert _members(found, BENEFIT, STROKE) == {"hematoma evacuation",
                                                "blood pressure control", "rehabilitation"}


def test_agent_nouns_for_a_disease_and_their_examples_are_treatments(
        recogniser: Recogniser) -> None:
    found = read(recogniser, "Ischemic stroke lacks effective drugs. Several scaffolds for "
                             "ischemic stroke, including collagen gels and silk fibroin, are "
                             "reviewed.")
    assert {"scaffold", "collagen gel", "silk fibroin"} <= _members(found, BENEFIT, STROKE)


def test_each_mechanism_of_a_disease_is_associated_with_it(recogniser: Recogniser) -> None:
    found = read(recogniser, "The pathological processes of traumatic brain injury include "
                             "oxidative stress, autophagy and apoptosis.")
    members = [s for s in found if s.evidence[0].rule == "list.mechanism"]
    assert {s.subject.label.casefold() for s in members} == {"oxidative stress", "autophagy",
                                                             "apoptosis"}
    # the member is the subject, the disease the object, with no direction
    assert all(s.object.id == TBI and s.direction is None for s in members)


def test_a_kind_with_examples_in_the_list_gives_way_to_its_examples(
        recogniser: Recogniser) -> None:
    found = read(recogniser, "The mechanisms underlying ischemic stroke include secondary "
                             "injuries such as excitotoxicity and autophagy.")
    assert _members(found, ASSOC, STROKE) == {"excitotoxicity", "autophagy"}


def test_complications_named_after_the_disease_of_the_clause(
        recogniser: Recogniser) -> None:
    found = read(recogniser, "Traumatic brain injury is frequently complicated by various "
                             "sequelae, including epilepsy and hydrocephalus.")
    members = _members(found, ASSOC, TBI)
    assert {"epilepsy", "hydrocephalus"} <= members
    # the head ("various sequelae") is no claim of its own once its members are read
    assert not any("sequela" in m for m in members)


def test_it_opening_the_sentence_stands_for_the_disease_named_before(
        recogniser: Recogniser) -> None:
    found = read(recogniser, "Ischemic stroke is a leading cause of disability. It is often "
                             "accompanied by complications, such as pneumonia and depression.")
    members = _members(found, ASSOC, STROKE)
    assert "pneumonia" in members and any("depress" in m for m in members)


def test_no_list_without_a_disease_for_its_head(recogniser: Recogniser) -> None:
    found = read(recogniser, "Several treatments, including hypothermia and rehabilitation, "
                             "were compared in patients.")
    assert not [s for s in found if s.evidence[0].rule.startswith("list.")]


def test_a_clause_after_the_cue_is_no_member(recogniser: Recogniser) -> None:
    found = read(recogniser, "The treatments for ischemic stroke include those that restore "
                             "blood flow.")
    assert not [s for s in found if s.evidence[0].rule.startswith("list.")]


def test_an_unknown_symbol_is_no_process_of_the_disease(recogniser: Recogniser) -> None:
    found = read(recogniser, "The pathways of ischemic stroke include XYZ1, ABCK and "
                             "autophagy.")
    assert _members(found, ASSOC, STROKE) == {"autophagy"}


def test_one_example_set_off_by_commas_ends_the_list(recogniser: Recogniser) -> None:
    # review14, invented sentences: the comma after a single example closes it, and the verb
    # phrase that follows is the sentence going on, no further member
    for text, kept in (
            ("Drugs for ischemic stroke, such as aspirin, did not improve recovery in the "
             "trial.", "aspirin"),
            ("Treatments for ischemic stroke, including hypothermia, failed to reduce "
             "mortality.", "hypothermia"),
            ("Therapies for ischemic stroke, e.g. thrombolysis, showed limited benefit.",
             "thrombolysis")):
        members = {s.subject.label.casefold() for s in read(recogniser, text)
                   if s.evidence[0].rule.startswith("list.")}
        assert kept in members, text
        assert not any(" " in m and m.split()[0] in {"did", "failed", "showed"}
                       for m in members), (text, members)


def test_a_negation_before_the_head_does_not_negate_the_members(recogniser: Recogniser
                                                                 ) -> None:
    # review14, invented sentences: what is not discussed is still a treatment for D
    for text in ("This review does not discuss treatments for stroke such as "
                 "thrombolysis and thrombectomy.",
                 "We did not study therapies for TBI, including hypothermia and "
                 "thrombolysis."):
        members = [s for s in read(recogniser, text) if s.evidence[0].rule.startswith("list.")]
        assert len(members) == 2, text
        assert not any(s.negated for s in members), text

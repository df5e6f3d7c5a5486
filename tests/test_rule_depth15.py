"""Rules at the right depth, round 15 (depth15): readings moved to the module that owns them,
and the wrong readings the review of round 14 left. Every sentence here is INVENTED for these
tests, in the language of the field; none is a sentence of the development set."""

from __future__ import annotations

import pytest

from exokg.extract.anaphora import IT_ANAPHOR
from exokg.extract.base import AGENTS, DocumentState
from exokg.extract.conditions import extract_condition_relations
from exokg.extract.outcomes import open_outcomes
from exokg.model import Document, Entity, Statement
from exokg.pipeline import analyse_document
from exokg.recognise import Recogniser
from tests.reading_helpers import read

BENEFIT = "biolink:beneficial_in_models_for"
STROKE = "MONDO:1060198"
TBI = "MONDO:0858950"


def _list_benefits(found: list[Statement]) -> set[tuple[str, str]]:
    """(subject label, disease id) of the benefit statements of a list."""
    return {(s.subject.label.casefold(), s.object.id) for s in found
            if s.predicate == BENEFIT and isinstance(s.object, Entity)}


# --- 1. one list reader (exokg.extract.inclusion_lists owns every list head) ---------------

def test_the_list_reader_owns_strategies_for_the_treatment_of_a_disease(
        recogniser: Recogniser) -> None:
    for text in ("At present, the best strategies for the treatment of ischemic stroke "
                 "include MSC-derived exosomes and stem-cell-based therapy.",
                 "The available options for the management of ischemic stroke, such as "
                 "MSC-derived exosomes and stem-cell-based therapy, remain few."):
        found = read(recogniser, text)
        assert {(label, d) for label, d in _list_benefits(found)} == {
            ("msc-derived exosomes", STROKE), ("cell therapy", STROKE)}, text
        # one reader: review_benefits no longer reads the list a second time
        assert {s.evidence[0].rule for s in found if s.predicate == BENEFIT} == {
            "list.treatment"}, text


def test_bare_strategy_heads_read_named_agents_only(recogniser: Recogniser) -> None:
    found = read(recogniser, "Strategies against traumatic brain injury include MSC-derived "
                             "exosomes and bone marrow stromal cells.")
    assert ("msc-derived exosomes", TBI) in _list_benefits(found)
    found = read(recogniser, "Approaches for ischemic stroke, such as MSC-derived exosomes, are "
                             "under study.")
    assert _list_benefits(found) == {("msc-derived exosomes", STROKE)}
    # a bare head names no treatment of its own: what it lists is no therapy unless named
    for text in ("Diagnostic strategies for ischemic stroke include computed tomography and "
                 "perfusion imaging.",
                 "Imaging approaches for traumatic brain injury include diffusion tensor "
                 "imaging and susceptibility-weighted imaging."):
        assert not _list_benefits(read(recogniser, text)), text


def test_each_disease_a_list_head_names_gets_each_member(recogniser: Recogniser) -> None:
    for text in ("Current treatment strategies for ischemic stroke and traumatic brain injury "
                 "include MSC-derived exosomes.",
                 "Therapies for ischemic stroke or traumatic brain injury, such as MSC-derived "
                 "exosomes and neural stem cells, are being tested."):
        benefits = _list_benefits(read(recogniser, text))
        assert {("msc-derived exosomes", STROKE), ("msc-derived exosomes", TBI)} <= benefits, text


def test_list_statements_carry_their_clause_context(recogniser: Recogniser) -> None:
    # the shared builder gives a list's statements the context every benefit and condition
    # rule gives (the clause's condition, species, route ...)
    for text in ("The mechanisms of ischemic stroke include oxidative stress and "
                 "neuroinflammation.",
                 "Therapies for ischemic stroke include MSC-derived exosomes and neural stem "
                 "cells."):
        listed = [s for s in read(recogniser, text) if s.evidence[0].rule.startswith("list.")]
        assert listed and all(STROKE in s.context.condition for s in listed), text


# --- 2. the role participle ends an open outcome list (exokg.extract.outcomes) -------------

@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("MSC exosomes increased dendritic spine density, acting as a bridge to synaptic repair.",
     "increased", ["dendritic spine density"]),
    ("Ischemic stroke causes white matter disruption and axonal swelling, serving as drivers "
     "of cognitive decline.", "causes", ["white matter disruption", "axonal swelling"]),
])
def test_a_role_participle_ends_the_open_outcomes_of_every_rule(
        recogniser: Recogniser, text: str, trigger: str, expected: list[str]) -> None:
    # the cutter every rule minting an open outcome calls (effects, conditions, necessity,
    # roles): ", acting / serving as ..." is a verb phrase, no member of the list
    (a,) = analyse_document(Document("t", text, "test"), recogniser)
    at = text.index(trigger) + len(trigger)
    found, _ = open_outcomes(a, at, len(text), agents=AGENTS)
    assert [m.entity.label for m in found] == expected


# --- 3. review14's leftovers ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "MSC-derived exosomes attenuated neuronal injury in rats; treatments for spinal cord injury "
    "include surgical decompression and rehabilitation.",
    "MSC-derived exosomes reduced axonal injury in mice, while the complications of traumatic "
    "brain injury include epilepsy and hydrocephalus.",
    "BMSC-Exos alleviated hippocampal neuron injury; the pathological processes of spinal cord "
    "injury include ischemia and inflammation.",
])
def test_an_outcome_sharing_one_word_with_a_list_head_is_kept(
        recogniser: Recogniser, text: str) -> None:
    # the open outcome a head made is dropped by its words, not by a six-letter prefix of
    # its last word found anywhere in the head ("injury" of the head's disease)
    found = read(recogniser, text)
    assert any(s.predicate == "biolink:affects" and s.object.label.endswith("injury")
               and s.direction == "decreased" for s in found)


def test_the_open_outcome_a_list_head_made_is_still_dropped(recogniser: Recogniser) -> None:
    found = read(recogniser, "Ischemic stroke is accompanied by a series of secondary outcomes, "
                             "such as brain edema and neuronal apoptosis.")
    labels = {getattr(s.object, "label", "") for s in found} | {s.subject.label for s in found}
    assert "brain edema" in labels
    assert not any("outcome" in label for label in labels)


@pytest.mark.parametrize(("text", "members"), [
    ("Treatments for ischemic stroke, such as thrombolysis, thrombectomy, hypothermia etc., "
     "have narrow time windows.", {"thrombolysis", "thrombectomy", "hypothermia"}),
    ("The mechanisms of traumatic brain injury include oxidative stress, neuroinflammation, "
     "apoptosis, etc.", {"oxidative stress", "inflammation", "apoptosis"}),
    ("Complications of spinal cord injury, e.g. neuropathic pain, spasticity, pressure ulcers "
     "and so on, reduce quality of life.", {"neuropathic pain", "spasticity", "decubitus ulcer"}),
])
def test_etc_closes_a_list_as_and_does(recogniser: Recogniser, text: str,
                                       members: set[str]) -> None:
    # "etc." / "and so on" after the last member closes the list: every member is read, and
    # "so on" is no member
    found = read(recogniser, text)
    assert {s.subject.label.casefold() for s in found
            if s.evidence[0].rule.startswith("list.")} == members


@pytest.mark.parametrize("text", [
    "We summarize the side effects and risks of MSC-derived exosomes in the treatment of "
    "traumatic brain injury.",
    "This review outlines the obstacles to the use of MSC-derived exosomes in the treatment of "
    "spinal cord injury.",
    "The main hurdles and safety concerns of MSC-derived exosomes in the treatment of ischemic "
    "stroke are discussed.",
    "This review highlights the drawbacks of MSC-derived exosomes in the treatment of traumatic "
    "brain injury.",
])
def test_a_review_of_what_stands_against_a_treatment_presupposes_no_benefit(
        recogniser: Recogniser, text: str) -> None:
    assert not [s for s in read(recogniser, text) if s.predicate == BENEFIT]


@pytest.mark.parametrize("text", [
    "This review summarizes the current research status of MSC-derived exosomes in the "
    "treatment of ischemic stroke.",
    "We summarize the advantages and limitations of MSC-derived exosomes in the treatment of "
    "ischemic stroke.",
])
def test_a_review_of_a_treatments_use_still_presupposes_its_benefit(
        recogniser: Recogniser, text: str) -> None:
    assert {s.evidence[0].rule for s in read(recogniser, text) if s.predicate == BENEFIT} == {
        "review.scope"}


@pytest.mark.parametrize("text", [
    "Ischemic stroke is a leading cause of death. Unlike ischemic stroke, it often leads to "
    "hydrocephalus.",
    "Traumatic brain injury is a leading cause of disability. Like traumatic brain injury, it "
    "often results in cognitive impairment.",
])
def test_a_comparison_before_it_is_no_adverbial(recogniser: Recogniser, text: str) -> None:
    # "it" after "Unlike / Like D," stands for something else than D
    assert not [s for s in read(recogniser, text) if s.evidence[0].rule.startswith("condition.")]


def test_an_adverbial_before_it_still_points_back(recogniser: Recogniser) -> None:
    found = read(recogniser, "Traumatic brain injury is a leading cause of disability. In young "
                             "adults, it often results in cognitive impairment.")
    assert [s for s in found if s.evidence[0].rule == "condition.causes"]
    for text in ("In rats, it also reduced apoptosis.", "Besides, it significantly reduced "
                 "apoptosis.", "Compared with controls, it further reduced apoptosis."):
        assert IT_ANAPHOR.match(text), text
    for text in ("Unlike edaravone, it also reduced apoptosis.", "In contrast to MSCs, it "
                 "reduced apoptosis.", "Similar to MSCs, it also reduced apoptosis."):
        assert not IT_ANAPHOR.match(text), text


def test_the_disease_a_sentence_opens_with_is_noted_by_the_document_reading(
        recogniser: Recogniser) -> None:
    # the rule reads the document state, it does not write it
    (a,) = analyse_document(Document("t", "Ischemic stroke is a leading cause of death "
                                          "worldwide.", "test"), recogniser)
    state = DocumentState()
    extract_condition_relations(a, state, [])
    assert state.opening_disease == (-1, None)
    # ... and "It" in the next sentence still points back at it
    found = read(recogniser, "Spinal cord injury is a devastating condition. It often results "
                             "in neuropathic pain and spasticity.")
    assert {s.subject.label for s in found if s.evidence[0].rule == "condition.causes"} == {
        "spinal cord injury"}


@pytest.mark.parametrize(("text", "mirna"), [
    ("MSC-exosomes decreased apoptosis and inflammation, which was reversed by miR-21 "
     "inhibitor.", "miR-21"),
    ("MSC-exosomes reduced neuronal apoptosis and microglial activation, both of which were "
     "abolished by miR-124 knockdown.", "miR-124"),
])
def test_a_mirna_loss_undoing_changes_that_share_one_verb_gives_the_mirna_each(
        recogniser: Recogniser, text: str, mirna: str) -> None:
    # "decreased A and B": both members share the word of change, so the miRNA carries both
    # decreases, and its loss has no lowering of its own
    found = read(recogniser, text)
    carried = [s for s in found if s.evidence[0].rule == "effect.undone-by-loss"]
    assert len(carried) == 2 and {s.subject.label for s in carried} == {mirna}
    assert {s.direction for s in carried} == {"decreased"}
    assert not [s for s in found if s.subject.label.startswith(mirna + " ")]

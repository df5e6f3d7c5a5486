"""Tuning round 14a: a claim's status from its clause: aims whatever noun names the effect,
open questions said as work to do, and a review's statements of scope and nominal titles
(exokg.extract.aim_questions, exokg.extract.status, exokg.extract.review_scope). Every text
is invented for these tests, in the language of the field; none is a sentence of the
development set."""

from __future__ import annotations

import pytest

from exokg.model import Document, Statement
from exokg.pipeline import document_statements
from exokg.recognise import Recogniser
from reading_helpers import read

MSC_EXO = "exokg:preparation/sourcecell-cl-0000134-vesicletype-go-0070062-577599"
EXO = "GO:0070062"
BENEFIT = "biolink:beneficial_in_models_for"
SCI = "MONDO:0043797"
ISCHEMIC_STROKE = "MONDO:1060198"


def _effects(statements: list[Statement]) -> set[tuple[str, str | None, bool, str]]:
    """(object label, direction, hedged, status) of each effect statement."""
    return {(s.object.label.lower(), s.direction, s.hedged, s.status) for s in statements
            if s.predicate == "biolink:affects"}


def _benefits(statements: list[Statement]) -> set[tuple[str, str, bool, str]]:
    """(subject, disease, hedged, status) of each benefit statement."""
    return {(s.subject.id, s.object.id, s.hedged, s.status) for s in statements
            if s.predicate == BENEFIT}


# --- aims: one reading whatever noun names the effect ---------------------------------------

@pytest.mark.parametrize("text", [
    "This study aimed to assess the potential of MSC-derived exosomes on functional recovery "
    "and neurogenesis after spinal cord injury.",
    "We explored the impact of MSC-derived exosomes on functional recovery and neurogenesis "
    "in rats with spinal cord injury.",
    "Our objective was to evaluate the action of MSC-derived exosomes on functional recovery "
    "and neurogenesis after spinal cord injury.",
])
def test_an_aim_names_each_object_whatever_noun_names_the_effect(
        text: str, recogniser: Recogniser) -> None:
    assert _effects(read(recogniser, text)) == {
        ("functional recovery", None, True, "hypothesis"),
        ("neurogenesis", None, True, "hypothesis")}


def test_an_aim_asking_whether_keeps_its_direction_as_a_hypothesis(
        recogniser: Recogniser) -> None:
    found = _effects(read(recogniser, "We investigated whether MSC-derived exosomes reduced "
                                      "neuronal apoptosis after stroke."))
    assert found and all(c[2:] == (True, "hypothesis") for c in found)


# --- open questions said as work to do ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The effect of MSC-derived exosomes on angiogenesis after spinal cord injury needs to be "
    "further explored.",
    "The impact of MSC-derived exosomes on angiogenesis after spinal cord injury remains to be "
    "investigated.",
    "However, the influence of MSC-derived exosomes on angiogenesis after spinal cord injury "
    "is poorly understood.",
])
def test_an_open_question_is_a_hypothesis_not_a_finding(text: str,
                                                       recogniser: Recogniser) -> None:
    assert _effects(read(recogniser, text)) == {("angiogenesis", None, True, "hypothesis")}


def test_a_question_said_as_work_to_do_gives_its_verb_no_finding(
        recogniser: Recogniser) -> None:
    found = read(recogniser, "Whether MSC-derived exosomes promote angiogenesis after stroke "
                             "remains to be investigated.")
    assert found and all(s.status == "hypothesis" and s.hedged for s in found)


# --- a review's scope -----------------------------------------------------------------------

@pytest.mark.parametrize("text, subject, disease", [
    ("In addition, we summarize the effect and mechanism by which various exosomes repair "
     "spinal cord injury.", EXO, SCI),
    ("This review summarizes the therapeutic effects of MSC-derived exosomes on ischemic "
     "stroke.", MSC_EXO, ISCHEMIC_STROKE),
    ("This review aims to summarize the protective effects and mechanisms of action of "
     "MSC-derived exosomes on ischemic stroke.", MSC_EXO, ISCHEMIC_STROKE),
    ("Here, we discuss the application of exosomes combined with hydrogels in the treatment of "
     "spinal cord injury.", EXO, SCI),
    ("This article reviews the current research status of MSC-derived exosomes in the "
     "treatment of ischemic stroke.", MSC_EXO, ISCHEMIC_STROKE),
    ("The roles of MSC-derived exosomes in ischemic stroke treatment are then discussed.",
     MSC_EXO, ISCHEMIC_STROKE),
])
def test_a_reviews_scope_names_a_treatment_of_the_disease(
        text: str, subject: str, disease: str, recogniser: Recogniser) -> None:
    assert (subject, disease, False, "finding") in _benefits(read(recogniser, text))


def test_a_scope_with_prospects_is_hedged(recogniser: Recogniser) -> None:
    found = _benefits(read(recogniser, "Finally, the challenges and prospects of the use of "
                                       "exosomes to repair spinal cord injury are described."))
    assert found == {(EXO, SCI, True, "finding")}


def test_the_vesicles_not_their_source_cells_are_the_treatment(
        recogniser: Recogniser) -> None:
    found = _benefits(read(recogniser, "This review summarizes the activities of exosomes from "
                                       "diverse sources, such as mesenchymal stem cells and "
                                       "neural stem cells, in spinal cord injury repair."))
    assert found and {s for s, *_ in found} <= {EXO}


@pytest.mark.parametrize("text", [
    # a survey of markers or diagnosis names no treatment
    "We review exosomal miR-124 as a biomarker in the treatment of ischemic stroke.",
    # a disease named as a cause is not the disease treated
    "We describe the role of MSC-derived exosomes in treating stroke-induced inflammation.",
    # the link names a purpose, not what the review covers
    "We overview the methods by which researchers engineered exosomes for stroke therapy.",
])
def test_no_treatment_where_the_scope_names_none(text: str, recogniser: Recogniser) -> None:
    assert not _benefits(read(recogniser, text))


# --- nominal titles -------------------------------------------------------------------------

def _title_benefits(recogniser: Recogniser, title: str) -> set[tuple[str, str, bool, str]]:
    document = Document("t", title + "\nExosomes were given to rats.", "test", kind="abstract",
                        title=title)
    statements, _, _ = document_statements(document, recogniser)
    return _benefits(statements)


@pytest.mark.parametrize("title", [
    "Exosomes combined with hydrogels in the treatment of spinal cord injury",
    "Application of exosomes in the treatment of spinal cord injury",
    "Exosomes in combination with scaffolds for the repair of spinal cord injury",
])
def test_a_nominal_title_names_a_treatment(title: str, recogniser: Recogniser) -> None:
    assert (EXO, SCI, False, "finding") in _title_benefits(recogniser, title)


def test_a_title_after_its_colon_is_another_phrase(recogniser: Recogniser) -> None:
    assert not _title_benefits(recogniser, "Exosomes: new roles in the treatment of spinal "
                                           "cord injury")


@pytest.mark.parametrize("text, kept", [
    ("We sought to evaluate the impact of MSC-derived exosomes on angiogenesis and mediators "
     "of neural plasticity in a swine model.", "angiogenesis"),
    ("We examined the effects of MSC-derived exosomes on neurogenesis and regulators of "
     "apoptosis after stroke.", "neurogenesis"),
])
def test_what_acts_on_a_process_is_not_the_process(text: str, kept: str,
                                                   recogniser: Recogniser) -> None:
    assert {c[0] for c in _effects(read(recogniser, text))} == {kept}


@pytest.mark.parametrize("text", [
    # review14, invented sentences: a survey verb before "that" reports a proposition, whose
    # own verb says what the treatment did; it names no scope
    "This review highlights that MSC-derived exosomes failed in the treatment of spinal cord "
    "injury.",
    "We summarize that MSC-derived exosomes were ineffective in the treatment of ischemic "
    "stroke.",
])
def test_a_survey_verb_reporting_a_proposition_names_no_scope(
        text: str, recogniser: Recogniser) -> None:
    assert not [s for s in read(recogniser, text) if s.evidence[0].rule == "review.scope"]


@pytest.mark.parametrize("text", [
    # review14, invented sentences: a finding, then a gap said in a clause of its own; the
    # "effects of X" that opened the sentence are not the open question
    "The effects of MSC-derived exosomes were examined in MCAO rats: exosomes reduced infarct "
    "volume, although the mechanism needs to be further explored.",
    "The effects of MSC-derived exosomes were examined in MCAO rats, and exosomes reduced "
    "infarct volume, but the mechanism remains unclear.",
])
def test_a_gap_in_a_later_clause_leaves_the_finding_a_finding(
        text: str, recogniser: Recogniser) -> None:
    effects = [s for s in read(recogniser, text) if s.predicate == "biolink:affects"]
    assert effects and all(s.status == "finding" and not s.hedged for s in effects)

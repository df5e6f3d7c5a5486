"""Patient studies, tuning round 10b: correlations whose subject is a count, a time or a score
(exokg/extract/measure_correlations.py), later partner lists of one marker association
(exokg/extract/later_lists.py), levels said of the patients' vesicles or of the condition
(exokg/extract/patient_vesicles.py) and vesicles named by a list of cells of origin
(exokg/recognise/composite.py). Every sentence is invented for these tests, each rule with
at least two phrasings."""

from __future__ import annotations

import pytest

from exokg.model import Document
from exokg.recognise import Recogniser
from exokg.text.segment import segment
from tests.reading_helpers import ASSOC, GFAP, NEG, NFL, NIHSS, POS, claim_tuples, outcome, read

COR = "biolink:correlated_with"
IL6 = "uniprot:P05231"
BDNF = "NCBIGene:627"
TBI = "MONDO:0858950"
STROKE = "MONDO:0005098"
AIS = "MONDO:1060198"
EV = "GO:1903561"


# --- a count, a time or a score as the subject of a correlation ------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The total number of concussions correlated with serum NfL and plasma IL-6.",
     {(outcome("total number of concussions"), COR, NFL, None),
      (outcome("total number of concussions"), COR, IL6, None)}),
    ("Moreover, a greater number of concussions correlated with lower serum BDNF.",
     {(outcome("number of concussions"), NEG, BDNF, None)}),
    ("The time from symptom onset correlated negatively with serum GFAP levels.",
     {(outcome("time from symptom onset"), NEG, GFAP, None)}),
    ("NIHSS scores were positively correlated with serum exosomal miR-134 levels.",
     {(NIHSS, POS, "exokg:mirna/mir-134", None)}),
    ("Infarct volume correlated with plasma exosomal miR-21-5p.",
     {(outcome("infarct volume"), COR, "exokg:mirna/mir-21-5p", None)}),
])
def test_a_measure_of_the_condition_is_the_subject(recogniser: Recogniser, text: str,
                                                   expected: set[tuple]) -> None:
    assert claim_tuples(read(recogniser, text)) == expected


def test_level_words_sign_each_member_and_no_earlier_marker_takes_the_correlation(
        recogniser: Recogniser) -> None:
    # invented: two clauses, the second measure after "while"; IL-6 of the first clause must
    # not become the subject of the second clause's correlations
    found = claim_tuples(read(recogniser, (
        "More years since the last concussion correlated with higher serum NfL and lower "
        "plasma IL-6 levels, while more years since the first concussion correlated with "
        "higher levels of serum NfL, as well as plasma GFAP.")))
    last = outcome("years since the last concussion")
    first = outcome("years since the first concussion")
    assert found == {(last, POS, NFL, None), (last, NEG, IL6, None),
                     (first, POS, NFL, None), (first, POS, GFAP, None)}
    assert not [t for t in found if t[0] == IL6]


@pytest.mark.parametrize("text, partner", [
    ("Serum NfL levels correlated positively with the number of prior concussions.",
     "number of prior concussions"),
    ("Plasma tau was correlated with the duration of hypertension.",
     "duration of hypertension"),
    ("Serum miR-21 expression was correlated with tumor size.", "tumor size"),
])
def test_a_count_or_time_of_a_condition_is_the_partner_not_the_condition(
        recogniser: Recogniser, text: str, partner: str) -> None:
    objects = {t[2] for t in claim_tuples(read(recogniser, text))}
    assert outcome(partner) in objects
    assert not objects & {"exokg:disease/concussion", "HP:0000822", "MONDO:0005070"}


# --- later partner lists of one association ---------------------------------------------------

def test_a_later_list_of_symptoms_is_a_signed_correlation(recogniser: Recogniser) -> None:
    found = claim_tuples(read(recogniser, (
        "Elevated serum levels of NfL were associated with traumatic brain injury and with "
        "chronic PTSD and depression symptoms.")))
    assert (NFL, ASSOC, TBI, "increased") in found
    assert (NFL, POS, "MONDO:0005146", None) in found  # post-traumatic stress disorder
    assert (NFL, POS, "MONDO:0002050", None) in found  # depression


def test_a_later_list_after_lower_levels_is_negative(recogniser: Recogniser) -> None:
    found = claim_tuples(read(recogniser, (
        "Lower plasma BDNF levels were related to stroke, as well as to higher NIHSS scores.")))
    assert (BDNF, NEG, NIHSS, None) in found


@pytest.mark.parametrize("text, marker, predicate", [
    ("Higher plasma GFAP levels were associated with stroke and with lower NIHSS scores.",
     GFAP, NEG),
    ("Elevated serum GFAP was correlated with stroke and also with decreased NIHSS scores.",
     GFAP, NEG),
    ("Lower plasma BDNF levels were related to stroke, as well as to lower NIHSS scores.",
     BDNF, POS),
])
def test_a_level_word_of_the_later_list_signs_it_with_the_markers_one(
        recogniser: Recogniser, text: str, marker: str, predicate: str) -> None:
    # review10: higher X with lower scores is a negative correlation (invented sentences);
    # the level word is no part of the measure's name
    found = claim_tuples(read(recogniser, text))
    assert (marker, predicate, NIHSS, None) in found
    assert not any(t[0] == marker and t[1] in (POS, NEG, COR) and t[3] is None and
                   t[2] != NIHSS and t[2].startswith("exokg:outcome/") for t in found)


def test_a_level_word_of_an_earlier_clause_signs_nothing(recogniser: Recogniser) -> None:
    found = claim_tuples(read(recogniser, (
        "Serum GFAP was higher in patients with stroke than in controls, and plasma BDNF "
        "levels were associated with stroke and with depression symptoms.")))
    assert (BDNF, COR, "MONDO:0002050", None) in found
    assert (BDNF, POS, "MONDO:0002050", None) not in found


def test_a_later_list_of_judged_scores_is_unsigned(recogniser: Recogniser) -> None:
    found = claim_tuples(read(recogniser, (
        "Higher serum exosomal miR-21 levels were associated with stroke and also with worse "
        "NIHSS scores.")))
    assert ("exokg:mirna/mir-21", COR, NIHSS, None) in found


# --- levels said of the patients' vesicles or of the condition ---------------------------------

@pytest.mark.parametrize("text, subject, disease, direction", [
    ("We found that EVs from subarachnoid hemorrhage patients had a larger size and a higher "
     "concentration compared to those from healthy controls.", EV, "MONDO:0005099", "increased"),
    ("Exosomes isolated from the plasma of stroke patients showed a higher particle number "
     "than those of healthy controls.", "GO:0070062", STROKE, "increased"),
    ("Altogether, our findings reveal an altered pattern of circulating EVs in stroke "
     "patients.", EV, STROKE, None),
    ("We observed a distinct profile of plasma miR-21 in patients with TBI.",
     "exokg:mirna/mir-21", TBI, None),
    ("Further study reveals that, upon intracerebral hemorrhage, miR-143-3p is robustly "
     "secreted by astrocytes.", "exokg:mirna/mir-143-3p", "MONDO:0013792", "increased"),
    ("HMGB1 was released from neurons after traumatic brain injury.", "NCBIGene:3146", TBI,
     "increased"),
])
def test_levels_said_of_the_patients_samples_or_the_condition(
        recogniser: Recogniser, text: str, subject: str, disease: str,
        direction: str | None) -> None:
    found = claim_tuples(read(recogniser, text))
    assert (subject, ASSOC, disease, direction) in found


def test_the_vesicles_size_or_concentration_is_no_outcome_they_raise(
        recogniser: Recogniser) -> None:
    found = read(recogniser, "EVs from stroke patients had a higher concentration compared to "
                             "those from healthy controls.")
    assert not [s for s in found if s.predicate == "biolink:affects"], found


@pytest.mark.parametrize("text", [
    "EVs from stroke patients were added to HUVECs, which showed higher levels of oxidants "
    "than cells given EVs from healthy controls.",
    "EVs from stroke patients induced higher levels of ROS in neurons than those from "
    "controls.",
])
def test_an_amount_of_something_else_is_the_vesicles_effect_not_their_level(
        recogniser: Recogniser, text: str) -> None:
    found = read(recogniser, text)
    assert not [s for s in found if s.evidence[0].rule == "biomarker.level-patient-vesicles"]


def test_a_comparison_with_another_patient_group_is_not_read(recogniser: Recogniser) -> None:
    found = read(recogniser, "EVs from stroke patients had a larger size than those from "
                             "patients with migraine.")
    assert not [s for s in found if s.evidence[0].rule == "biomarker.level-patient-vesicles"]


def test_the_most_abundant_population_in_patients(recogniser: Recogniser) -> None:
    found = claim_tuples(read(recogniser, (
        "Platelet-derived extracellular vesicles are the most abundant type of extracellular "
        "vesicle in the blood of patients with traumatic brain injury.")))
    assert ("exokg:preparation/sourcecell-cl-0000233-vesicletype-go-1903561-cc3ecb", ASSOC, TBI,
            None) in found


@pytest.mark.parametrize("text, marker, disease, direction", [
    ("The expression of exosomal miR-630 was markedly reduced in the treated endothelial cells "
     "and the same phenomenon occurred in subarachnoid hemorrhage patients compared with "
     "controls.", "exokg:mirna/mir-630", "MONDO:0005099", "decreased"),
    ("Plasma GFAP was increased in injured rats; the same was true for TBI patients.",
     GFAP, TBI, "increased"),
    ("Serum miR-21 levels were elevated in mice after MCAO, and a similar trend was observed "
     "in patients with ischemic stroke.", "exokg:mirna/mir-21", AIS, "increased"),
])
def test_the_same_finding_in_patients_repeats_marker_and_direction(
        recogniser: Recogniser, text: str, marker: str, disease: str, direction: str) -> None:
    assert (marker, ASSOC, disease, direction) in claim_tuples(read(recogniser, text))


# --- vesicles named by a list of cells of origin ------------------------------------------------

@pytest.mark.parametrize("text", [
    "When compared with controls, stroke patients exhibited a significantly higher number of "
    "circulating EVs originating from the endothelial cells, platelets, erythrocytes, and "
    "granulocytes.",
    "Patients with stroke showed increased numbers of circulating EVs derived from endothelial "
    "cells, platelets (CD41+), erythrocytes and granulocytes compared with healthy volunteers.",
])
def test_each_cell_of_origin_names_a_vesicle_population(recogniser: Recogniser,
                                                        text: str) -> None:
    found = read(recogniser, text)
    sources = {dict(s.subject.attributes).get("sourceCell") for s in found
               if s.predicate == ASSOC and s.direction == "increased"}
    assert sources == {"CL:0000115", "CL:0000233", "CL:0000232", "CL:0000094"}


def test_vesicles_packaged_with_their_own_mirna_are_not_engineered(
        recogniser: Recogniser) -> None:
    # invented: "EVs packaged miR-X" is the vesicles' natural cargo; "packaged with" loads them
    natural = recogniser.mentions("The level of EVs packaged miR-21 was higher in patients.")
    assert not [m for m in natural if dict(m.entity.attributes).get("engineering")]
    assert "exokg:mirna/mir-21" in {m.entity.id for m in natural}
    loaded = recogniser.mentions("Exosomes packaged with miR-124 reduced infarct volume.")
    assert any(dict(m.entity.attributes).get("engineering") == "loaded" for m in loaded)


# --- sentences glued by a lost space -------------------------------------------------------------

def test_a_full_stop_glued_to_a_capitalised_word_ends_the_sentence() -> None:
    sentences = segment(Document("d", "The relation was studied.When compared with controls, "
                                      "patients had more EVs. See E.coli.Then go.", "x"))
    assert [s.text for s in sentences] == ["The relation was studied.",
                                           "When compared with controls, patients had more EVs.",
                                           "See E.coli.Then go."]


@pytest.mark.parametrize("text", [
    "Stroke patients had higher levels of EVs derived from platelets than healthy volunteers.",
    "Stroke patients had higher numbers of platelet-derived EVs than controls.",
])
def test_a_level_of_the_bodys_vesicles_in_patients_is_no_treatment(recogniser: Recogniser,
                                                                   text: str) -> None:
    found = claim_tuples(read(recogniser, text))
    assert ("exokg:preparation/sourcecell-cl-0000233-vesicletype-go-1903561-cc3ecb", ASSOC,
            STROKE, "increased") in found


def test_a_level_after_a_therapeutic_preparation_stays_its_effect(
        recogniser: Recogniser) -> None:
    found = claim_tuples(read(recogniser, "Patients receiving MSC-derived exosomes showed higher "
                                          "levels of plasma BDNF than controls."))
    assert not [t for t in found if t[1] == ASSOC]

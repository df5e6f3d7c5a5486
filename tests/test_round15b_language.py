"""Tuning round 15b: two general readings of biomarker papers. A level compared between groups
(a measured quantity, a direction, the case group, the comparator, in any order:
:mod:`exokg.extract.level_comparisons`) and discrimination (discriminants, ROC / AUC, a
diagnostic tool, an aid in diagnosis: :mod:`exokg.extract.discrimination`). Every text is
INVENTED for these tests, in the language of the field (other ways of saying what the
round's rules read), never a sentence of a corpus or a paper."""

from __future__ import annotations

import pytest

from exokg.model import Entity, Statement
from exokg.recognise import Recogniser
from tests.reading_helpers import ASSOC, POS, read

MARKER = "biolink:biomarker_for"
TIA = "MONDO:0005264"
STROKE = "MONDO:1060198"  # ischemic stroke
ICH = "MONDO:0013792"
TBI = "MONDO:0858950"
ISCHEMIA = "MONDO:0005299"  # brain ischemia
EV = "GO:1903561"


def claims(statements: list[Statement]) -> set[tuple]:
    """(subject label, predicate, object id, direction) of each statement."""
    return {(s.subject.label, s.predicate, s.object.id if isinstance(s.object, Entity)
             else s.object.text, s.direction) for s in statements}


def by_rule(statements: list[Statement], prefix: str) -> list[Statement]:
    return [s for s in statements if s.evidence[0].rule.startswith(prefix)]


# --- 1. a level compared between groups, in any order -----------------------------------------

@pytest.mark.parametrize("text,marker,disease,direction", [
    # the measure first, the case group after "in", the comparator after "compared with"
    ("Plasma EV concentration increased in patients with ischemic stroke compared with "
     "healthy volunteers.", "extracellular vesicle", STROKE, "increased"),
    # the comparator first, the case group as the subject, the measure after the level word
    ("Rats were subjected to ischemic stroke by MCAO. Compared with the sham group, MCAO "
     "rats showed a decreasing expression level of miR-9.", "miR-9", STROKE, "decreased"),
    # a group named by an injury adjective stands for the study's condition
    ("We studied rats with transient ischemic attack. MiR-124 was downregulated in "
     "ischaemic rats compared with sham rats.", "miR-124", TIA, "decreased"),
    # a group named by the length of its ischaemia, likewise
    ("We studied plasma miRNAs in rats with transient ischemic attack. MiR-210 was "
     "upregulated in 10 min rats compared with control rats.", "miR-210", TIA, "increased"),
    # the direction said of the comparator in a relative clause is turned round
    ("Rats were subjected to ischemic stroke by MCAO. MiR-155, which was low in sham "
     "animals, rose after MCAO.", "miR-155", STROKE, "increased"),
    # plain "patients" against controls: the study's patients
    ("We enrolled 30 patients with intracerebral hemorrhage and 30 healthy volunteers. "
     "Patients had higher serum miR-126 than controls.", "miR-126", ICH, "increased"),
])
def test_level_compared_between_groups(recogniser: Recogniser, text: str, marker: str,
                                       disease: str, direction: str) -> None:
    found = read(recogniser, text)
    assert (marker, ASSOC, disease, direction) in claims(found)
    assert by_rule(found, "level.compared-groups")


def test_comparison_keeps_the_comparator(recogniser: Recogniser) -> None:
    found = by_rule(read(recogniser, "Plasma EV concentration increased in patients with "
                                     "ischemic stroke compared with healthy volunteers."),
                    "level.compared-groups")
    assert [s.context.comparator for s in found] == [("healthy volunteers",)]


@pytest.mark.parametrize("text", [
    # a treated group against controls is an effect of the treatment, no biomarker
    "MSC exosome-treated rats had lower TNF-alpha levels than controls.",
    "In MCAO rats, miR-21 levels were lower in the exosome group than in the control group.",
    "After MCAO, rats given MSC exosomes showed reduced IL-6 compared with sham rats.",
])
def test_a_treated_group_is_no_level_of_the_disease(recogniser: Recogniser, text: str) -> None:
    found = read(recogniser, text)
    assert not by_rule(found, "level.compared-groups")
    assert not [s for s in found if s.predicate == ASSOC and s.direction]


@pytest.mark.parametrize("text", [
    # review15: a class of molecules measured in the vesicles ("circRNAs ... in exosomes of
    # the patients"); the vesicles are where the molecules were measured, not the measured
    # quantity, whether the class is recognised or not (invented sentences)
    "We identified 358 dysregulated circRNAs (including 23 upregulated and 335 downregulated "
    "circRNAs) in the plasma brain-derived exosomes of the stroke patient group compared to "
    "those of the control group.",
    "We found 52 downregulated lncRNAs in circulating extracellular vesicles of patients with "
    "ischemic stroke compared with controls.",
    "We detected 12 upregulated transcripts within serum exosomes of ICH patients versus "
    "healthy controls.",
    "Serum exosomes of stroke patients contained 120 differentially expressed miRNAs, with 40 "
    "upregulated, compared with healthy controls.",
])
def test_vesicles_holding_the_measured_molecules_are_no_level(recogniser: Recogniser,
                                                              text: str) -> None:
    found = read(recogniser, text)
    assert not [s for s in found if s.subject.category in ("Vesicle", "ExosomePreparation")
                and s.predicate == ASSOC]


def test_vesicles_counted_are_still_a_level(recogniser: Recogniser) -> None:
    # invented: the vesicles themselves measured, the comparator first
    found = read(recogniser, "Compared with healthy controls, patients with ischemic stroke "
                             "showed elevated plasma EV concentration.")
    assert (EV, "increased") in {(s.subject.id, s.direction) for s in found
                                 if s.predicate == ASSOC and s.object.id == STROKE}


def test_an_adjective_group_is_the_study_condition_its_name_holds(
        recogniser: Recogniser) -> None:
    # review15 (invented): "ischemic rats" in a study of ischemic stroke are the stroke rats
    # (the condition-group adjective alone reads as ischaemia, the general state)
    found = by_rule(read(recogniser, "We studied rats with ischemic stroke. Plasma miR-126 was "
                                     "lower in ischemic rats than in sham rats."),
                    "level.compared-groups")
    assert claims(found) == {("miR-126", ASSOC, STROKE, "decreased")}
    # an adjective the study's condition does not hold keeps its own condition
    found = read(recogniser, "We studied stroke in rats with diabetes. Plasma miR-126 was "
                             "lower in diabetic rats than in control rats.")
    assert not [s for s in found if s.object.id in (STROKE, "MONDO:0005098")]


def test_two_patient_groups_without_controls_are_not_read_here(recogniser: Recogniser) -> None:
    # no control group: the new reading leaves a comparison of two diseases alone
    found = read(recogniser, "Serum S100B was higher in patients with TBI than in patients "
                             "with ischemic stroke.")
    assert not by_rule(found, "level.compared-groups")


# --- 2. discrimination ------------------------------------------------------------------------

@pytest.mark.parametrize("text,markers,disease", [
    ("CD14 and CD31 were identified as discriminants between patients with transient "
     "ischemic attack and controls.", {"CD14", "PECAM1"}, TIA),
    # "between groups": the study's groups, named earlier in the document
    ("We enrolled 40 patients with ischemic stroke and 20 healthy controls. Serum GFAP and "
     "miR-21 emerged as discriminators between groups.", {"GFAP", "miR-21"}, STROKE),
    ("ROC analysis showed high AUC values for miR-122 (0.96) and miR-300 (0.97) in rats "
     "with cerebral ischaemia.", {"miR-122", "miR-300"}, ISCHEMIA),
    ("Receiver operating characteristic analysis gave an area under the curve of 0.88 for "
     "serum GFAP in patients with traumatic brain injury.", {"GFAP"}, TBI),
    ("Plasma GFAP as a diagnostic tool in traumatic brain injury", {"GFAP"}, TBI),
    ("Extracellular vesicles are a promising screening tool for transient ischemic attack.",
     {"extracellular vesicle"}, TIA),
    ("Serum exosomal miR-134 might aid in the diagnosis of ischemic stroke.", {"miR-134"},
     STROKE),
    ("Circulating miR-223 could help to identify acute ischemic stroke.", {"miR-223"}, STROKE),
    # a marker noun coordinated with another role before the disease
    ("Serum miR-21 as a novel biomarker and therapeutic target for intracerebral hemorrhage",
     {"miR-21"}, ICH),
    ("Exosomal miR-134 as a diagnostic marker and drug target for ischemic stroke",
     {"miR-134"}, STROKE),
])
def test_discrimination_is_a_biomarker(recogniser: Recogniser, text: str, markers: set[str],
                                       disease: str) -> None:
    found = claims(read(recogniser, text))
    assert {(m, MARKER, disease, None) for m in markers} <= found


def test_a_marker_and_a_target_is_both(recogniser: Recogniser) -> None:
    # the miRNA-disease reading of "therapeutic target" stays beside the marker reading
    found = claims(read(recogniser, "MiR-124 is a potential biomarker and a therapeutic "
                                    "target in ischemic stroke."))
    assert {("miR-124", MARKER, STROKE, None), ("miR-124", ASSOC, STROKE, None)} <= found


def test_each_auc_value_stays_with_its_marker(recogniser: Recogniser) -> None:
    found = by_rule(read(recogniser, "ROC analysis showed high AUC values for miR-122 (0.96) "
                                     "and miR-300 (0.97) in rats with cerebral ischaemia."),
                    "biomarker.informative-roc")
    assert {s.subject.label: s.context.statistics[0] for s in found} == {
        "miR-122": "AUC 0.96", "miR-300": "AUC 0.97"}


def test_an_aid_in_diagnosis_is_hedged_by_its_modal(recogniser: Recogniser) -> None:
    found = by_rule(read(recogniser, "Serum exosomal miR-134 might aid in the diagnosis of "
                                     "ischemic stroke."), "biomarker.informative-aid")
    assert found and all(s.hedged for s in found)


@pytest.mark.parametrize("text", [
    # a therapy's tool or its aid in recovery is no marker
    "MSC-derived exosomes are a therapeutic tool for ischemic stroke.",
    "MSC exosomes might aid in the recovery of stroke rats.",
    # a class of molecules names no marker
    "In the validation cohort, ROC analysis identified two circRNAs with an AUC of 0.81 in "
    "patients with ischemic stroke.",
])
def test_no_marker_without_a_diagnostic_reading(recogniser: Recogniser, text: str) -> None:
    assert not [s for s in read(recogniser, text) if s.predicate == MARKER]


@pytest.mark.parametrize("adverb,predicate", [("directly", POS), ("positively", POS)])
def test_directly_correlated_is_positive(recogniser: Recogniser, adverb: str,
                                         predicate: str) -> None:
    found = claims(read(recogniser, f"Plasma miR-124 was {adverb} correlated with the NIHSS "
                                    "score in patients with ischemic stroke."))
    assert ("miR-124", predicate, "loinc:70182-1", None) in found

"""Patient studies, tuning round 11b: correlations whose subject is the patients' outcome or a
graded score and whose partners are a list of levels (exokg/extract/outcome_subjects.py).
Every sentence is invented for these tests, each rule with at least two phrasings."""

from __future__ import annotations

import pytest

from exokg.recognise import Recogniser
from tests.reading_helpers import ASSOC, GFAP, NEG, NIHSS, POOR, POS, claim_tuples, outcome, read

RECOVERY = "exokg:outcome/functional-recovery"
S100B = "NCBIGene:6285"


@pytest.mark.parametrize("text, expected", [
    # the outcome first, a marker and graded measures listed after it
    ("Patients with acute ischemic stroke were enrolled. An unfavourable outcome at 3 months "
     "was associated with higher plasma miR-124 levels and higher NIHSS score.",
     {("exokg:mirna/mir-124", POS, POOR), (NIHSS, POS, POOR)}),
    ("We studied 80 patients with subarachnoid hemorrhage. A poor outcome was associated with "
     "significantly lower levels of miR-21, higher Glasgow Coma grade, and higher Barrow "
     "score.",
     {("exokg:mirna/mir-21", NEG, POOR), (outcome("Glasgow Coma grade"), POS, POOR),
      (outcome("Barrow score"), POS, POOR)}),
])
def test_outcome_subject_gives_each_member_correlated_with_prognosis(
        recogniser: Recogniser, text: str, expected: set) -> None:
    found = {(s, p, o) for s, p, o, _ in claim_tuples(read(recogniser, text))}
    assert expected <= found
    # the outcome does not raise the markers, and the marker does not raise the scores
    assert not any(p == "biolink:affects" for _, p, _ in found)


def test_good_outcome_subject_is_recovery_with_the_level_direction(recogniser) -> None:
    found = claim_tuples(read(recogniser, "Patients with traumatic brain injury were "
                              "followed. A favourable outcome was associated with lower serum "
                              "S100B."))
    assert (S100B, ASSOC, RECOVERY, "decreased") in found


@pytest.mark.parametrize("text, expected", [
    ("An increasing MRI lesion score was significantly associated with decreasing levels of "
     "GFAP at 24 hours and increasing levels of S100B between 24 and 72 hours (p<0.01).",
     {(GFAP, NEG, outcome("MRI lesion score")), (S100B, POS, outcome("MRI lesion score"))}),
    # the subject's own level word flips the members' signs
    ("A decreasing Apgar score was associated with higher levels of GFAP and lower S100B.",
     {(GFAP, NEG, outcome("Apgar score")), (S100B, POS, outcome("Apgar score"))}),
])
def test_graded_score_subject_signs_each_conjunct(recogniser: Recogniser, text: str,
                                                   expected: set) -> None:
    found = {(s, p, o) for s, p, o, _ in claim_tuples(read(recogniser, text))}
    assert expected <= found
    assert not any(p == "biolink:affects" for _, p, _ in found)


def test_a_marker_subject_is_left_to_the_marker_rules(recogniser: Recogniser) -> None:
    # "X was associated with higher Y": no outcome or score is the subject, nothing here
    found = claim_tuples(read(recogniser, "Plasma GFAP was associated with higher NIHSS score "
                              "in patients with stroke."))
    assert not any(s == NIHSS for s, *_ in found)


@pytest.mark.parametrize("sentence", [
    "Age and GCS score were associated with higher levels of GFAP.",  # a list, not one score
    "This score was associated with lower levels of S100B.",  # a reference, not a name
])
def test_no_open_score_from_a_list_or_a_reference(recogniser: Recogniser, sentence: str) -> None:
    found = claim_tuples(read(recogniser, "Serum samples of 50 patients with stroke were "
                              "analysed. " + sentence))
    assert not any(o.startswith("exokg:outcome/") and ("and" in o or "this" in o)
                   for _, _, o, _ in found)

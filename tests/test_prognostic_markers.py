"""Prognostic markers named with the outcome they foretell, tuning round 11b
(exokg/extract/prognostic_markers.py). Every sentence is invented for these tests, the rule
with more than two phrasings."""

from __future__ import annotations

import pytest

from exokg.recognise import Recogniser
from tests.reading_helpers import POOR, claim_tuples, read

MARKER = "biolink:biomarker_for"
NEURO = "exokg:outcome/neurological-function"
PATIENTS = "Serum samples of 90 patients with intracerebral hemorrhage were analysed. "


@pytest.mark.parametrize("sentence, expected", [
    ("Plasma miR-21 is an indicator of poor functional outcome in patients with ICH.",
     ("exokg:mirna/mir-21", MARKER, POOR, False)),
    ("Serum GFAP was an independent predictive factor of unfavourable outcome at 6 months.",
     ("NCBIGene:2670", MARKER, POOR, False)),
    ("Only miR-126 at 24 h enabled prediction of neurological outcome at 3 months.",
     ("exokg:mirna/mir-126", MARKER, NEURO, False)),
    ("Circulating miR-155 may be a useful prognostic marker for poor outcome.",
     ("exokg:mirna/mir-155", MARKER, POOR, True)),
])
def test_marker_of_the_outcome_named_after_the_cue(recogniser: Recogniser, sentence: str,
                                                  expected: tuple) -> None:
    found = claim_tuples(read(recogniser, PATIENTS + sentence), "hedged")
    subject, predicate, obj, hedge = expected
    assert (subject, predicate, obj, None, hedge) in found


def test_good_outcome_is_not_a_marker_of_poor_prognosis(recogniser: Recogniser) -> None:
    found = claim_tuples(read(recogniser, PATIENTS + "Serum GFAP was an independent "
                              "predictor of favourable outcome."))
    assert not any(p == MARKER and o == POOR for _, p, o, _ in found)


@pytest.mark.parametrize("sentence, subject, diseases", [
    # each disease after "both"
    ("These results suggest that plasma GFAP has potential as a biomarker for both "
     "intracerebral hemorrhage and ischemic stroke.", "NCBIGene:2670",
     {"MONDO:0013792", "MONDO:1060198"}),
    ("Serum miR-21 may serve as a biomarker for both ischemic stroke and traumatic brain "
     "injury.", "exokg:mirna/mir-21", {"MONDO:1060198", "MONDO:0858950"}),
])
def test_a_biomarker_for_each_disease_after_both(recogniser: Recogniser, sentence: str,
                                                 subject: str, diseases: set) -> None:
    found = claim_tuples(read(recogniser, sentence))
    assert diseases <= {o for s, p, o, _ in found if p == MARKER and s == subject}


def test_vesicle_proteins_are_no_biomarker_themselves(recogniser: Recogniser) -> None:
    # "EV-derived proteins": the unnamed proteins are the markers, not the vesicles
    # (tests/data/reading_cases.yaml, vesicle-molecules-as-biomarkers)
    found = claim_tuples(read(recogniser, "EV-derived proteins have potential as biomarkers "
                              "for both intracerebral hemorrhage and ischemic stroke."))
    assert not any(p == MARKER for _, p, _, _ in found)

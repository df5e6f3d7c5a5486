"""Levels stated as a change noun in patient studies, tuning round 11b: "A and B showed
distinctive upregulations in qPCR [A: 9.5 fold ...]" (exokg/extract/biomarkers.py,
``_level_changes``). Every sentence is invented for these tests."""

from __future__ import annotations

import pytest

from exokg.recognise import Recogniser
from tests.reading_helpers import claim_tuples, read

ASSOC = "biolink:associated_with"
ICH = "MONDO:0013792"


PATIENTS = ("Serum samples of 40 patients with intracerebral hemorrhage and 20 healthy controls "
            "were analysed. ")


@pytest.mark.parametrize("sentence, expected", [
    # plural change nouns, with the figures in brackets after them
    ("miR-21 and miR-126 showed marked downregulations in RT-qPCR [miR-21: 0.3 fold in the "
     "early group; miR-126: 0.5 fold in the late group].",
     {("exokg:mirna/mir-21", ASSOC, ICH, "decreased"),
      ("exokg:mirna/mir-126", ASSOC, ICH, "decreased")}),
    ("miR-155 exhibited a significant upregulation by microarray.",
     {("exokg:mirna/mir-155", ASSOC, ICH, "increased")}),
    # "in both D groups": the disease after "both"
    ("Compared with controls, miR-21 and miR-155 showed an upregulation in both intracerebral "
     "hemorrhage groups.",
     {("exokg:mirna/mir-21", ASSOC, ICH, "increased"),
      ("exokg:mirna/mir-155", ASSOC, ICH, "increased")}),
])
def test_change_noun_in_a_patient_study_is_a_level_of_the_disease(
        recogniser: Recogniser, sentence: str, expected: set) -> None:
    found = claim_tuples(read(recogniser, PATIENTS + sentence))
    assert expected <= found
    # the miRNA named in the brackets is no object of the others
    assert not any(p == "biolink:affects" for _, p, _, _ in found)


def test_change_noun_after_a_treatment_is_left_to_the_effect_rules(recogniser) -> None:
    # a level change in treated patients may be the treatment's effect, not the disease's
    found = claim_tuples(read(recogniser, "Forty patients with intracerebral hemorrhage "
                              "received intravenous MSC-derived exosomes. miR-21 showed a "
                              "marked upregulation in serum."))
    assert not any(p == ASSOC and o == ICH for _, p, o, _ in found)

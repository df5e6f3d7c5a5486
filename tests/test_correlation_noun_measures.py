"""Correlations written as a noun with an open measure as the partner, tuning round 11b:
"significant correlations of X concentrations with severity in D" (exokg/extract/biomarkers.py
``_correlation_nouns`` with :func:`exokg.extract.association_nouns.open_measure`). Every
sentence is invented for these tests."""

from __future__ import annotations

import pytest

from exokg.extract.outcomes import outcome_entity
from exokg.recognise import Recogniser
from tests.reading_helpers import GFAP, NFL, claim_tuples, read

PATIENTS = "Plasma samples of 60 patients with traumatic brain injury were analysed. "


@pytest.mark.parametrize("sentence, expected", [
    ("There were significant correlations of serum NfL concentrations with severity in TBI.",
     (NFL, "biolink:correlated_with", outcome_entity("severity").id)),
    ("There was a strong correlation of serum NfL concentrations with injury severity.",
     (NFL, "biolink:correlated_with", outcome_entity("injury severity").id)),
    ("We found a significant negative correlation of GFAP levels in plasma with the functional "
     "independence score.",
     (GFAP, "biolink:negatively_correlated_with",
      outcome_entity("functional independence score").id)),
    # a curated scale is the partner by its own id (recognition round 9: the Glasgow Outcome
    # Scale is a scale, not an open measure)
    ("We found a significant negative correlation of GFAP levels in plasma with the Glasgow "
     "outcome score.",
     (GFAP, "biolink:negatively_correlated_with", "exokg:scale/glasgow-outcome-scale")),
])
def test_correlation_of_a_marker_with_an_open_measure(recogniser: Recogniser, sentence: str,
                                                      expected: tuple) -> None:
    found = {(s, p, o) for s, p, o, _ in claim_tuples(read(recogniser, PATIENTS + sentence))}
    assert expected in found


def test_no_open_measure_without_a_measure_head(recogniser: Recogniser) -> None:
    # "with the patients" names no measure: no partner, no claim
    found = claim_tuples(read(recogniser, PATIENTS + "There was a correlation of serum NfL "
                              "concentrations with the patients."))
    assert not any(s == NFL and "correlated" in p for s, p, _, _ in found)

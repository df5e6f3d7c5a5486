"""Tuning round 11d: statements that are no findings (purposes, burdens, aims, limitations).
Every text is invented for these tests, in the language of the field; none is a sentence of
the development set."""

from __future__ import annotations

import pytest

from exokg.recognise import Recogniser
from tests.reading_helpers import claim_tuples, read


@pytest.mark.parametrize("text", [
    "Rapid thrombolysis and thrombectomy are necessary to minimize brain damage and improve "
    "survival.",
    "Timely thrombolysis is required to limit infarct growth.",
    "Early recanalization is essential to preserve brain tissue and improve outcomes.",
])
def test_a_purpose_after_a_word_of_necessity_gives_no_claim(recogniser: Recogniser,
                                                            text: str) -> None:
    assert not [s for s in read(recogniser, text)
                if s.evidence[0].rule == "condition.adjective"]


@pytest.mark.parametrize("text, obj, direction", [
    ("Early rehabilitation is crucial for functional recovery.",
     "exokg:outcome/functional-recovery", "increased"),
    ("Glial scars are detrimental to axonal regeneration.", "HP:0003450", "decreased"),
])
def test_necessity_with_a_noun_is_still_read(recogniser: Recogniser, text: str, obj: str,
                                             direction: str) -> None:
    assert any(o == obj and d == direction
               for _, p, o, d in claim_tuples(read(recogniser, text)))


@pytest.mark.parametrize("text, kept", [
    ("Subarachnoid hemorrhage causes delayed cerebral ischemia and high mortality.",
     "MONDO:0005299"),
    ("Traumatic brain injury causes neuronal death and substantial mortality.",
     "exokg:outcome/neuronal-death"),
    ("Traumatic brain injury induces considerable morbidity and mortality.", None),
])
def test_mortality_after_causes_is_a_burden(recogniser: Recogniser, text: str,
                                            kept: str | None) -> None:
    """'D causes ... high mortality' ranks the disease's burden (as 'leads to disability and
    death' does): no claim on mortality or morbidity; the harms beside it stay."""
    objects = {o for _, _, o, _ in claim_tuples(read(recogniser, text))}
    assert not [o for o in objects if "mortality" in str(o) or "morbidity" in str(o)]
    if kept:
        assert kept in objects


@pytest.mark.parametrize("text", [
    "Knockdown experiments were carried out to determine the role of miR-124 in neurogenesis "
    "after stroke.",
    "A series of assays were performed to elucidate the role of exosomal miR-210 in "
    "angiogenesis after cerebral ischemia.",
    "We used transgenic mice to explore the function of exosomal miR-21 in neuronal apoptosis "
    "after traumatic brain injury.",
])
def test_an_aim_to_elucidate_a_role_is_a_hypothesis(recogniser: Recogniser, text: str) -> None:
    found = read(recogniser, text)
    assert found
    assert all(s.status == "hypothesis" and s.hedged for s in found)


def test_a_result_after_the_aim_stays_a_finding(recogniser: Recogniser) -> None:
    found = read(recogniser, "To clarify the role of miR-155 in microglial polarization, we "
                             "knocked it down and found that exosomes reduced apoptosis.")
    assert all(s.status == "finding" for s in found)


@pytest.mark.parametrize("text", [
    "MSC-derived exosomes improve recovery after stroke; however, their therapeutic efficacy "
    "is hindered by rapid clearance and limited duration of action.",
    "The clinical translation of MSC-derived exosomes is hampered by low yield and reduced "
    "stability.",
    "The efficacy of MSC-EVs was limited by poor homing and reduced survival of the grafted "
    "cells.",
])
def test_a_limitation_of_the_agent_is_no_effect(recogniser: Recogniser, text: str) -> None:
    found = read(recogniser, text)
    assert not [s for s in found if s.predicate == "biolink:affects"
                and s.direction == "decreased"]


def test_an_effect_before_the_limitation_is_kept(recogniser: Recogniser) -> None:
    found = claim_tuples(read(recogniser, "MSC exosomes reduced infarct volume, but their "
                                          "clinical application is limited by low yield."))
    assert any(o == "exokg:outcome/infarct-volume" and d == "decreased"
               for _, _, o, d in found)


@pytest.mark.parametrize("text", [
    "Serum exosomal miR-223 was elevated in rats after MCAO. A similar trend was observed in "
    "patients with ischemic stroke.",
    "Plasma EV counts rose in injured mice. The same pattern was found in patients with "
    "traumatic brain injury.",
])
def test_a_similar_trend_is_no_condition(recogniser: Recogniser, text: str) -> None:
    """'A similar trend was observed in patients with D' repeats a level finding (the level
    rule of exokg.extract.patient_vesicles reads it); 'similar trend' is no condition."""
    assert not [s for s in read(recogniser, text) if s.evidence[0].rule.startswith("condition.")]


def test_a_condition_observed_in_patients_is_still_read(recogniser: Recogniser) -> None:
    found = claim_tuples(read(recogniser, "Depression is commonly observed in patients with "
                                          "stroke."))
    assert ("MONDO:0005098", "biolink:associated_with", "MONDO:0002050", None) in found


@pytest.mark.parametrize("text", [
    "Protein levels were measured by ELISA and normalized to the exosome marker CD63.",
    "Biomarker levels were quantified by ELISA and normalised to exosome marker CD81.",
    "miRNA levels were expressed relative to the EV marker TSG101.",
])
def test_a_marker_used_for_normalisation_is_no_claim(recogniser: Recogniser,
                                                     text: str) -> None:
    assert not [s for s in read(recogniser, text) if s.predicate == "RO:0002607"]


def test_vesicle_markers_shown_are_still_read(recogniser: Recogniser) -> None:
    found = [s for s in read(recogniser, "Exosomes expressed the exosomal markers CD9, CD63 "
                                         "and TSG101.") if s.predicate == "RO:0002607"]
    assert len(found) == 3

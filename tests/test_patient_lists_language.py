"""Tuning round 14c: patient associations whose partner is a scale written in full, the
symptoms of a condition, or signed only by its coefficient; markers coordinated with their
sample ("EV GFAP and EV NfL"). Every text is invented for these tests, in the language of the
field; none is a sentence of the development set."""

from __future__ import annotations

from reading_helpers import ASSOC, GFAP, NEG, NFL, POS, claim_tuples, outcome, read

from exokg.recognise import Recogniser

GOSE = "exokg:scale/glasgow-outcome-scale-extended"
_SETTING = "We enrolled 60 patients with traumatic brain injury (TBI) and 25 controls. "


def test_a_scale_written_in_full_after_a_time_is_the_partner(recogniser: Recogniser) -> None:
    found = claim_tuples(read(recogniser, _SETTING + "Higher serum NfL levels were associated "
                                          "with lower 6-month Glasgow Outcome Scale-Extended "
                                          "(GOSE) scores."))
    assert (NFL, NEG, GOSE, None) in found


def test_markers_sharing_their_sample_word_are_coordinated(recogniser: Recogniser) -> None:
    found = claim_tuples(read(recogniser, _SETTING + "Elevated EV GFAP and EV NfL "
                                          "concentrations were associated with worse "
                                          "Glasgow Outcome Scale-Extended scores."))
    assert {(GFAP, NEG, GOSE, None), (NFL, NEG, GOSE, None)} <= found


def test_the_symptoms_of_a_condition_are_the_partner_signed_by_the_coefficient(
        recogniser: Recogniser) -> None:
    found = read(recogniser, _SETTING + "Plasma GFAP correlated with post-traumatic headache "
                                        "symptoms (r = 0.41, p = 0.02) and with PTSD "
                                        "symptoms in veterans (rho = -0.29, p = 0.03).")
    pairs = {(s.predicate, s.object.label) for s in found if s.subject.id == GFAP}
    assert (NEG, "PTSD symptoms") in pairs
    # the condition itself is no partner of the marker
    assert not any(s.object.id == "MONDO:0005146" for s in found if s.subject.id == GFAP)


def test_a_disease_named_as_the_setting_is_no_partner(recogniser: Recogniser) -> None:
    found = read(recogniser, _SETTING + "NfL correlated with depressive symptoms in TBI "
                                        "(rs = -0.35).")
    assert not any(s.object.id == "MONDO:0858950" and s.predicate != ASSOC
                   for s in found if s.subject.id == NFL)


def test_an_unsigned_correlation_keeps_no_sign_without_a_coefficient(
        recogniser: Recogniser) -> None:
    found = read(recogniser, _SETTING + "NfL correlated with PTSD symptoms.")
    assert ("biolink:correlated_with", outcome("PTSD symptoms")) in {
        (s.predicate, s.object.id) for s in found if s.subject.id == NFL}
    assert POS not in {s.predicate for s in found if s.subject.id == NFL}


def test_controls_named_first_still_make_a_marker_of_the_disease(
        recogniser: Recogniser) -> None:
    base = "We enrolled 40 patients with ischemic stroke and 30 controls. "
    for text in ("Serum NfL discriminated healthy controls from patients with acute ischemic "
                 "stroke (AUC = 0.91).",
                 "Serum NfL could distinguish controls from ischemic stroke (AUC = 0.84)."):
        found = read(recogniser, base + text)
        assert ("biolink:biomarker_for", "MONDO:1060198") in {
            (s.predicate, s.object.id) for s in found if s.subject.id == NFL}, text


def test_a_later_predicate_of_the_chain_relates_the_markers_to_each_measure(
        recogniser: Recogniser) -> None:
    # the sampling time between the markers and their verb keeps them the subject
    found = claim_tuples(read(recogniser, _SETTING + "Serum concentrations of GFAP and NfL "
                                          "collected at admission were higher in TBI patients "
                                          "than in controls, and were related to injury "
                                          "severity and mortality."))
    severity = outcome("injury severity")
    assert {(GFAP, "biolink:correlated_with", severity, None),
            (NFL, "biolink:correlated_with", severity, None)} <= found

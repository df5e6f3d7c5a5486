"""Tuning round 13b: level statements in patients, aims and open questions, hedge scope. Every
text is INVENTED for these tests, in the language of the field (other ways of saying what the
round's rules read), never a sentence of a corpus or a paper."""

from __future__ import annotations

from exokg.extract.epistemics import hedged
from exokg.model import Statement
from exokg.recognise import Recogniser
from tests.reading_helpers import ASSOC, claim_tuples, outcome, read

AIS = "MONDO:1060198"
ICH = "MONDO:0013792"
NEUROGENESIS = "GO:0022008"
ANGIOGENESIS = "GO:0001525"
MSC_EXOS = "exokg:preparation/sourcecell-cl-0000134-vesicletype-go-0070062-577599"


def claims(statements: list[Statement]) -> set[tuple]:
    """(subject id, predicate, object id, direction, negated, hedged, status)."""
    return claim_tuples(statements, "negated", "hedged", "status")


# --- level statements in patients -------------------------------------------------------------

def test_two_letter_family_member_keeps_a_mirrored_list_of_levels(recogniser: Recogniser) -> None:
    # the list holds a miR-548 family member with two letters; the control group's opposite
    # direction gives nothing
    found = claims(read(recogniser, "MiR-21, miR-126 and miR-548ah were markedly upregulated "
                                    "in the AIS group and downregulated in the healthy control "
                                    "group."))
    for mirna in ("mir-21", "mir-126", "mir-548ah"):
        assert (f"exokg:mirna/{mirna}", ASSOC, AIS, "increased", False, False,
                "finding") in found
    assert not [c for c in found if c[3] == "decreased"]


def test_difference_without_a_sign_is_a_level_without_direction(recogniser: Recogniser) -> None:
    found = claims(read(recogniser, "Serum exosomal miR-21 and miR-155 levels were "
                                    "significantly different in patients with ischemic stroke "
                                    "compared with healthy controls."))
    assert ("exokg:mirna/mir-21", ASSOC, AIS, None, False, False, "finding") in found
    assert ("exokg:mirna/mir-155", ASSOC, AIS, None, False, False, "finding") in found
    between = claims(read(recogniser, "The expression of miR-9 and miR-124 was different "
                                      "between AIS patients and healthy controls."))
    assert ("exokg:mirna/mir-9", ASSOC, AIS, None, False, False, "finding") in between


def test_differentially_expressed_is_not_cut_at_different(recogniser: Recogniser) -> None:
    found = claims(read(recogniser, "Five miRNAs, including miR-9 and miR-124, were "
                                    "differentially expressed between AIS patients and "
                                    "controls."))
    assert ("exokg:mirna/mir-9", ASSOC, AIS, None, False, False, "finding") in found


def test_no_difference_in_patients_is_negated(recogniser: Recogniser) -> None:
    found = claims(read(recogniser, "Plasma miR-146a levels were not significantly different "
                                    "in patients with intracerebral hemorrhage than in "
                                    "controls."))
    assert ("exokg:mirna/mir-146a", ASSOC, ICH, None, True, False, "finding") in found


def test_difference_in_a_treated_group_is_no_patient_level(recogniser: Recogniser) -> None:
    found = read(recogniser, "The level of miR-223 was significantly different in the "
                             "exosome-treated group than in the vehicle group.")
    assert not [s for s in found if s.predicate == ASSOC]


# --- aims and open questions ------------------------------------------------------------------

def test_efficacy_of_x_on_y_is_an_aim_per_object(recogniser: Recogniser) -> None:
    found = claims(read(recogniser, "In this study, we assessed the efficacy of MSC-derived "
                                    "exosomes on neurogenesis and functional recovery after "
                                    "stroke."))
    assert (MSC_EXOS, "biolink:affects", NEUROGENESIS, None, False, True,
            "hypothesis") in found
    assert (MSC_EXOS, "biolink:affects", outcome("functional recovery"), None, False, True,
            "hypothesis") in found


def test_effects_of_x_in_a_process_remain_unclear(recogniser: Recogniser) -> None:
    found = claims(read(recogniser, "However, the effects of MSC-derived exosomes in "
                                    "angiogenesis remain unclear."))
    assert (MSC_EXOS, "biolink:affects", ANGIOGENESIS, None, False, True,
            "hypothesis") in found
    # a setting after "in" names no object
    setting = read(recogniser, "The effects of MSC-derived exosomes in rats with stroke "
                               "remain unknown.")
    assert not [s for s in setting if s.predicate == "biolink:affects"]


# --- hedge scope ------------------------------------------------------------------------------

def test_cited_conjunct_is_outside_the_hedge_of_the_first() -> None:
    for text in ("MSCs hold great potential as a therapy for stroke and have previously been "
                 "shown to promote recovery in rats.",
                 "Exosomes might serve as a therapy for TBI and were recently reported to "
                 "reduce neuroinflammation in mice."):
        assert hedged(text, 0, text.index(" for "))
        for verb in ("promote", "reduce"):
            if verb in text:
                assert not hedged(text, 0, text.index(verb))


def test_potential_marker_with_a_list_of_uses_is_hedged() -> None:
    for text in ("miR-9 can be used as a potential diagnostic and prognostic biomarker for "
                 "stroke.",
                 "Serum miR-21 is a potential early diagnostic and prognostic marker for ICH."):
        assert hedged(text, 0, text.rindex(" for "))
    # no cue: the level of marker words alone hedges nothing
    plain = "miR-9 can be used as a diagnostic biomarker for stroke."
    assert not hedged(plain.replace("can be", "was"), 0, plain.index(" for "))


def test_encouraging_data_for_a_strategy_is_a_prospect() -> None:
    text = "We discuss encouraging data for EV-based therapeutic strategies in TBI."
    assert hedged(text, 0, text.index("therapeutic"))
    text = "Here we summarise encouraging evidence for exosome-based approaches in stroke."
    assert hedged(text, 0, text.index("approaches"))
    text = "Exosome-based therapy is an encouraging therapeutic strategy for ischemic stroke."
    assert hedged(text, 0, text.index(" for "))
    for shown in ("Exosomes showed encouraging results in rats, improving recovery.",
                  "Encouraging results were obtained: exosomes improving recovery in rats."):
        assert not hedged(shown, 0, shown.index("improving"))

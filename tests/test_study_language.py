"""Therapy-paper language of tuning round 6a, by the kinds of reading error of the project's
issue "Read the field, not the founding corpus" (1 too-generic subject, 3 qualifiers leaking,
8 background read as findings) and the new mechanisms of the round: the study's vesicles
named by a bare noun, relations between two conditions, reversal of a change, coordination.
Every text is invented for these tests; tests/data/reading_cases.yaml ("tuning round 6a")
holds the longer cases."""

from __future__ import annotations

from exokg.extract.effects import Trigger, reversals
from exokg.model import Entity, Statement
from exokg.recognise import Recogniser
from tests.reading_helpers import claim_tuples, read

MSC_EXO = "exokg:preparation/sourcecell-cl-0000134-vesicletype-go-0070062-577599"



def claims(statements: list[Statement]) -> set[tuple]:
    """(subject id, predicate, object id, direction) of each statement."""
    return claim_tuples(statements)


def test_kind1_bare_exosomes_of_a_finding_are_the_named_preparation(
        recogniser: Recogniser) -> None:
    found = read(recogniser, "We gave MSC-derived exosomes to rats after MCAO. In treated "
                             "rats, exosomes reduced neuronal apoptosis.")
    assert (MSC_EXO, "biolink:affects", "exokg:process/apoptosis", "decreased") in claims(found)
    assert not any(s.subject.id == "GO:0070062" for s in found)


def test_kind1_bare_exosomes_without_a_named_preparation_stay_vesicles(
        recogniser: Recogniser) -> None:
    found = read(recogniser, "In rats after MCAO, exosomes reduced neuronal apoptosis.")
    assert ("GO:0070062", "biolink:affects", "exokg:process/apoptosis", "decreased") \
        in claims(found)


def test_kind1_patients_vesicles_are_not_the_preparation(recogniser: Recogniser) -> None:
    found = read(recogniser, "We gave MSC-derived exosomes to rats after MCAO. In patients, "
                             "serum exosomes increased after stroke onset.")
    assert not any(s.subject.id == MSC_EXO and "serum" in s.evidence[0].text for s in found)


def test_kind1_state_of_the_source_cells_keeps_the_source(recogniser: Recogniser) -> None:
    found = read(recogniser, "In mice, exosomes from hypoxia-preconditioned MSCs reduced "
                             "infarct volume.")
    assert (MSC_EXO, "biolink:affects", "exokg:outcome/infarct-volume", "decreased") \
        in claims(found)


def test_kind3_adverb_after_the_object_is_no_part_of_it(recogniser: Recogniser) -> None:
    found = read(recogniser, "In rats, MSC-derived exosomes suppressed NLRP3 activity "
                             "markedly.")
    labels = {s.object.label for s in found if isinstance(s.object, Entity)}
    assert not any("markedly" in label for label in labels)


def test_kind3_association_is_no_effect(recogniser: Recogniser) -> None:
    found = read(recogniser, "Circulating EVs rise after stroke, and some of them are "
                             "associated with increased thrombosis.")
    assert not any(s.predicate == "biolink:affects" for s in found)


def test_kind8_burden_ranking_gives_no_claim(recogniser: Recogniser) -> None:
    found = read(recogniser, "Traumatic brain injury is a leading cause of death and "
                             "disability worldwide.")
    assert found == []


def test_kind8_risk_factor_is_a_background_association(recogniser: Recogniser) -> None:
    found = read(recogniser, "Atrial fibrillation is a major risk factor for ischemic stroke. "
                             "Here, we studied MSC-derived exosomes in rats.")
    risk = [s for s in found if s.predicate == "biolink:associated_with"]
    assert risk and all(s.status == "background" and s.direction is None for s in risk)


def test_reversal_turns_the_undone_change_around() -> None:
    text = "X reversed the suppression of Y"
    verb = Trigger("better", 2, 10, "reversed", False)
    noun = Trigger("down", 15, 26, "suppression", False)
    (only,) = reversals(text, [verb, noun])
    assert (only.kind, only.text, only.undone) == ("up", "suppression", True)
    # a verb of raising does not undo: both triggers stay
    assert len(reversals("X enhanced the suppression of Y",
                         [Trigger("up", 2, 10, "enhanced", False), noun])) == 2


def test_kind7_name_split_by_its_short_form_is_no_outcome(recogniser: Recogniser) -> None:
    found = read(recogniser, "In rats, MSC-derived exosomes increased the anti-inflammatory "
                             "interleukin (IL)-10.")
    labels = {s.object.label for s in found if isinstance(s.object, Entity)}
    assert "anti-inflammatory interleukin" not in labels

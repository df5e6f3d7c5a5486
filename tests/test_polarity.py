"""One list of harms for the rules that sign an effect by its outcome
(:mod:`exokg.extract.polarity`): the protection rule, the carried effects of a miRNA and the
effect rule's better / worse verbs read the same words. Every sentence is INVENTED for
these tests, in the language of the field; each difference the three old copies had is
tested where it changed a reading."""

from __future__ import annotations

import pytest

from exokg.extract.polarity import is_adverse, names_harm
from exokg.recognise import Recogniser
from reading_helpers import outcome, read

MSC_EXO = "exokg:preparation/sourcecell-cl-0000134-vesicletype-go-0070062-577599"


def _claims(recogniser: Recogniser, text: str) -> set[tuple]:
    """(subject, predicate, object, direction, rule) of each statement."""
    return {(s.subject.id, s.predicate, getattr(s.object, "id", None), s.direction,
             s.evidence[0].rule) for s in read(recogniser, text)}


@pytest.mark.parametrize("phrase", ["neuronal apoptosis", "BBB disruption", "memory deficits",
                                    "ER stress", "infarct volume", "glial scar formation",
                                    "lesion cavity volume", "ischemic insult"])
def test_a_harm_is_named_by_its_head(phrase: str) -> None:
    assert names_harm(phrase)


@pytest.mark.parametrize("phrase", ["functional recovery", "hippocampal volume",
                                    "synapse formation", "stroke recovery",
                                    # an adjective cut from its noun is no head
                                    "hypoxic/ischemic", "inflammatory"])
def test_a_good_or_an_adjective_names_no_harm(phrase: str) -> None:
    assert not names_harm(phrase)


def test_a_harm_stem_anywhere_makes_a_label_adverse() -> None:
    assert is_adverse("endoplasmic reticulum stress") and is_adverse("axonal degeneration")
    assert not is_adverse("neurogenesis")


@pytest.mark.parametrize("label", ["stroke recovery", "recovery of neurological deficits",
                                   "anti-inflammatory polarization", "antiapoptotic signalling",
                                   "hematoma clearance", "edema resolution", "thrombolysis",
                                   "ischemic tolerance"])
def test_a_good_named_after_a_harm_is_not_adverse(label: str) -> None:
    # review13: the harm stems matched inside these goods ("stroke", "inflamm", "thromb")
    assert not is_adverse(label) and not names_harm(label)


def test_a_harm_beside_a_word_against_another_harm_is_still_adverse() -> None:
    assert is_adverse("anti-inflammatory drug toxicity")
    assert is_adverse("post-stroke depression and neuronal loss")


@pytest.mark.parametrize("text, obj", [
    # the protection rule's copy lacked the stems of a barrier's failure and deficits
    ("In mice, EVs protected the blood-brain barrier against leakage after stroke.",
     outcome("leakage")),
    ("In rats, MSC exosomes protected the animals from memory deficits.",
     outcome("memory deficit")),
])
def test_what_is_protected_from_is_a_harm_lowered(text: str, obj: str,
                                                  recogniser: Recogniser) -> None:
    assert any(c[2] == obj and c[3] == "decreased" and c[4] == "effect.protects-from"
               for c in _claims(recogniser, text))


def test_an_adjective_before_and_is_nothing_protected_from(recogniser: Recogniser) -> None:
    claims = _claims(recogniser, "Engineered exosomes may protect neurons from hypoxic/ischemic "
                                 "and oxidative insults after stroke.")
    assert not [c for c in claims if c[4] == "effect.protects-from"
                and c[2] == outcome("hypoxic/ischemic")]


@pytest.mark.parametrize("text, mirna, obj", [
    # the carried-effect rule's copy lacked these harms: no direction, no claim
    ("In rats, miR-21 mediated the protective effect of MSC exosomes on BBB disruption.",
     "exokg:mirna/mir-21", outcome("BBB disruption")),
    ("In rats, miR-132 mediated the effect of MSC exosomes on cerebral vasospasm.",
     "exokg:mirna/mir-132", outcome("cerebral vasospasm")),
    ("In rats, miR-146a accounted for the beneficial effects of MSC-EVs on BBB leakage.",
     "exokg:mirna/mir-146a", outcome("BBB leakage")),
])
def test_a_carried_effect_on_a_harm_lowers_it(text: str, mirna: str, obj: str,
                                              recogniser: Recogniser) -> None:
    assert (mirna, "biolink:affects", obj, "decreased", "effect.carried") in \
        _claims(recogniser, text)


@pytest.mark.parametrize("text, obj", [
    # the effect rule's copy had only "oxidative stress": worsening ER stress lowered it
    ("In mice, LPS-primed exosomes aggravated ER stress in neurons.", outcome("ER stress")),
    ("In rats, exosomes of injured neurons exacerbated nitrosative stress in microglia.",
     outcome("nitrosative stress")),
])
def test_a_worsened_stress_is_raised(text: str, obj: str, recogniser: Recogniser) -> None:
    directions = {c[3] for c in _claims(recogniser, text) if c[2] == obj}
    assert directions == {"increased"}


@pytest.mark.parametrize("text, obj", [
    # an open outcome was read by its last word: "formation" and "volume" are no harms, so
    # bettering a harmful one raised it
    ("In rats, MSC exosomes ameliorated glial scar formation after SCI.",
     outcome("glial scar formation")),
    ("In mice, MSC-EVs alleviated thrombus formation in the cortex.",
     outcome("thrombus formation")),
    ("In rats, MSC exosomes ameliorated lesion cavity volume after SCI.",
     outcome("lesion cavity volume")),
])
def test_a_bettered_harmful_formation_or_volume_is_lowered(text: str, obj: str,
                                                           recogniser: Recogniser) -> None:
    directions = {c[3] for c in _claims(recogniser, text) if c[2] == obj}
    assert directions == {"decreased"}


def test_a_bettered_good_formation_is_raised(recogniser: Recogniser) -> None:
    claims = _claims(recogniser, "In rats, MSC exosomes improved synapse formation after "
                                 "stroke.")
    assert (MSC_EXO, "biolink:affects", outcome("synapse formation"), "increased",
            "effect.better") in claims

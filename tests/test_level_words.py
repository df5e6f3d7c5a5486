"""The shared level words (exokg.extract.level_words) and the rules that now read every one of
them. The sentences are invented for these tests, in the language of the field; none is a
sentence of the development set."""

from __future__ import annotations

import pytest

from exokg.extract.level_words import ASPECT, LEVEL, REGULATED, level_sign
from exokg.recognise import Recogniser
from tests.reading_helpers import claim_tuples, read


@pytest.mark.parametrize("word,sign", [
    ("higher", 1), ("Elevated", 1), ("raised", 1), ("up-regulated", 1), ("upregulated", 1),
    ("elevation", 1), ("lower", -1), ("diminished", -1), ("Down-regulated", -1),
    ("reduction", -1), ("larger", 1), ("smaller", -1), ("levels", 0), ("improved", 0)])
def test_level_sign(word: str, sign: int) -> None:
    assert level_sign(word) == sign


def test_every_word_of_the_alternations_has_a_sign() -> None:
    words = LEVEL.split("|") + [w.replace("-?", "") for w in REGULATED.split("|")]
    assert all(level_sign(w) != 0 for w in words)
    assert all(level_sign(w.rstrip("?s")) == 0 for w in ASPECT.split("|"))


@pytest.mark.parametrize("text,marker,sign", [
    # "raised" was missing from the comparative of the patient-group rule
    ("Patients with raised serum miR-124 levels had larger infarct volumes.",
     "exokg:mirna/mir-124", "positively"),
    # two downward comparatives: a positive correlation ("diminished" was missing too)
    ("Individuals with diminished plasma miR-126 levels had smaller infarct volumes.",
     "exokg:mirna/mir-126", "positively"),
    ("Patients with higher serum miR-21 levels had smaller infarct volumes.",
     "exokg:mirna/mir-21", "negatively"),
])
def test_level_groups_read_every_level_word(recogniser: Recogniser, text: str, marker: str,
                                            sign: str) -> None:
    claims = claim_tuples(read(recogniser, text))
    assert (marker, f"biolink:{sign}_correlated_with", "exokg:outcome/infarct-volume",
            None) in claims


@pytest.mark.parametrize("text", [
    "Ischemic stroke is associated with raised intracranial pressure.",
    "Severe traumatic brain injury is associated with elevated intracranial pressure.",
])
def test_association_with_a_raised_level_is_signed(recogniser: Recogniser, text: str) -> None:
    """'associated with raised Y' names Y and its direction; the level word is not part of
    the outcome's name."""
    claims = claim_tuples(read(recogniser, text))
    assert any(p == "biolink:associated_with" and o == "exokg:outcome/intracranial-pressure"
               and d == "increased" for _, p, o, d in claims)
    assert not any("raised" in str(o) for _, _, o, _ in claims)

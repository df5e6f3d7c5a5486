"""Tuning round 9b: miRNAs named in a mediating phrase ("via miR-A-mediated signalling",
"an effect mediated by miR-A") are the means of the sentence's effects, never objects the
agent raises (issue 9 kind 5). The text is invented for this test, in the language of the
field; it is no sentence of the development set."""

from __future__ import annotations

from exokg.model import Statement
from exokg.recognise import Recogniser
from reading_helpers import read


def _read(text: str, recogniser: Recogniser) -> list[Statement]:
    return read(recogniser, text)


def test_kind5_mirnas_of_a_mediating_phrase_take_part_and_are_never_raised(
        recogniser: Recogniser) -> None:
    found = _read("Hypoxia-preconditioned MSC exosomes enhanced angiogenesis via "
                  "miR-126-mediated mechanisms.", recogniser)
    assert not [s for s in found if s.object.id == "exokg:mirna/mir-126"]
    means = [s for s in found if s.evidence[0].rule == "effect.mediated-by"]
    assert [(s.subject.id, s.object.id, s.direction) for s in means] == [
        ("exokg:mirna/mir-126", "GO:0001525", "increased")]

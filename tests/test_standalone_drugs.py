"""A drug written as a noun phrase of its own is a claim participant; a chemical name inside
a longer noun phrase is not (exokg.recognise.drugs). Texts invented for these tests."""

from __future__ import annotations

import pytest

from exokg.model import Entity, Mention
from exokg.recognise.drugs import standalone_drug

CURCUMIN = Entity("mesh:D003474", "curcumin", "Chemical")
DRUG = Entity("drugbank:DB11672", "curcumin", "Chemical")
GLUCOSE = Entity("mesh:D005947", "glucose", "Chemical")


def _drugbank(name: str) -> list[Entity]:
    return [DRUG] if name.lower() == "curcumin" else []


def _mention(text: str, name: str, entity: Entity) -> Mention:
    start = text.index(name)
    return Mention(entity, start, start + len(name), name, "ontology")


@pytest.mark.parametrize(("text", "expected"), [
    ("Curcumin reduced neuroinflammation.", True),
    ("a formulation prepared with curcumin (an anti-inflammatory molecule)", True),
    ("mice given curcumin and exosomes", False),          # "given" is no function word
    ("exosomes with curcumin and NGF", True),
    ("curcumin-loaded exosomes", False),                  # a modifier
    ("serum curcumin levels rose", False),                # inside a noun phrase
])
def test_a_drug_counts_only_as_a_phrase_of_its_own(text: str, expected: bool) -> None:
    name = "Curcumin" if text.startswith("Curcumin") else "curcumin"
    assert standalone_drug(text, _mention(text, name, CURCUMIN), _drugbank) is expected


def test_a_chemical_drugbank_does_not_name_is_never_one() -> None:
    text = "Glucose rose."
    assert standalone_drug(text, _mention(text, "Glucose", GLUCOSE), _drugbank) is False

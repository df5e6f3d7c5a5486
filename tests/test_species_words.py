"""People and Latin animal adjectives as species mentions (exokg.recognise.species)."""

from __future__ import annotations

from exokg.model import Entity, Mention
from exokg.recognise.species import species_words

HUMAN = Entity("NCBITaxon:9606", "human", "Species")
MOUSE = Entity("NCBITaxon:10090", "mouse", "Species")
CATTLE = Entity("NCBITaxon:9913", "Bos taurus", "Species")
TAXA = {"human": HUMAN, "Mus musculus": MOUSE, "Bos taurus": CATTLE}


def recognise(text: str) -> list[Mention]:
    """A stand-in for the recogniser: the taxon names above, whole."""
    entity = TAXA.get(text)
    return [Mention(entity, 0, len(text), text, "ontology")] if entity else []


def found(text: str, mentions: list[Mention] | None = None) -> list[tuple[str, str]]:
    return [(m.text, m.entity.id) for m in species_words(text, mentions or [], recognise)]


def test_people_by_role_or_sex_are_human() -> None:
    assert found("Forty patients, 12 women and one man; an outpatient and in-patients.") == [
        ("patients", "NCBITaxon:9606"), ("women", "NCBITaxon:9606"),
        ("man", "NCBITaxon:9606"), ("outpatient", "NCBITaxon:9606"),
        ("in-patients", "NCBITaxon:9606")]


def test_latin_adjectives_name_the_animal() -> None:
    assert found("Murine macrophages grown in fetal bovine serum") == [
        ("Murine", "NCBITaxon:10090"), ("bovine", "NCBITaxon:9913")]


def test_words_that_are_not_people_or_species() -> None:
    # a capitalised "Man" inside a sentence is a name; "patient-derived" is no patient
    # mention of its own; an adjective whose taxon the recogniser does not know gives none
    assert found("the Isle of Man, patient-derived cells, patiently, caprine cells") == []
    assert found("Men were enrolled.") == [("Men", "NCBITaxon:9606")]


def test_a_word_inside_another_mention_is_left_alone() -> None:
    other = Mention(Entity("exokg:x", "patient blood", "Anatomy"), 0, 13, "patient blood",
                    "lexicon")
    assert found("patient blood and patients", [other]) == [("patients", "NCBITaxon:9606")]

"""Longer noun phrases that name a particular pathway or a site-named disease subtype are
not read as their generic head (exokg.recognise.specific_names). Every text is invented for
these tests."""

from __future__ import annotations

from exokg.model import Entity, Mention
from exokg.recognise.specific_names import SIGNAL_TRANSDUCTION, specific_names

SIGNALLING = Entity(SIGNAL_TRANSDUCTION, "signal transduction", "BiologicalProcess")
ARTERY = Entity("UBERON:0001637", "artery", "AnatomicalEntity")
ATHEROSCLEROSIS = Entity("MONDO:0005311", "atherosclerosis", "Disease")
CORONARY_ARTERY = Entity("UBERON:0001621", "coronary artery", "AnatomicalEntity")
STENOSIS = Entity("HP:0000001", "stenosis", "Disease")


def at(text: str, name: str, entity: Entity, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Mention(entity, start, start + len(name), name, "ontology")


def nothing(_: str) -> list[Entity]:
    return []


def test_a_pathway_named_after_molecules_is_that_pathway() -> None:
    text = "Exosomes suppressed the TLR4/NF-κB signalling pathway and the NF-κB signaling pathway."
    found = [at(text, "signalling pathway", SIGNALLING), at(text, "signaling pathway", SIGNALLING)]
    names = specific_names(text, found, nothing)
    assert [(m.text, m.category, m.source) for m in names] == [
        ("TLR4/NF-κB signalling pathway", "BiologicalProcess", "phrase"),
        ("NF-κB signaling pathway", "BiologicalProcess", "phrase")]
    assert all(m.entity.id.startswith("exokg:pathway/") for m in names)
    assert text[names[0].start:names[0].end] == names[0].text


def test_british_and_american_spellings_name_one_pathway() -> None:
    a = "the Wnt/β-catenin signalling pathway"
    b = "the Wnt/β-catenin signaling pathways"
    first = specific_names(a, [at(a, "signalling pathway", SIGNALLING)], nothing)
    second = specific_names(b, [at(b, "signaling pathways", SIGNALLING)], nothing)
    assert first[0].entity.id == second[0].entity.id


def test_a_plain_word_before_the_pathway_keeps_the_generic_reading() -> None:
    text = "The inflammatory signaling pathway was activated."
    assert specific_names(text, [at(text, "signaling pathway", SIGNALLING)], nothing) == []


def test_a_pathway_the_lexicon_names_takes_its_id() -> None:
    text = "the JAK2/STAT3 signaling pathway"
    go = Entity("GO:0000001", "JAK2/STAT3 signaling pathway", "BiologicalProcess")
    names = specific_names(text, [at(text, "signaling pathway", SIGNALLING)],
                           lambda name: [go] if name == "JAK2/STAT3 signaling pathway" else [])
    assert [m.entity for m in names] == [go]


def test_a_disease_named_by_its_site_is_one_subtype() -> None:
    text = "Levels were related to large artery atherosclerosis and cardioembolism."
    found = [at(text, "artery", ARTERY), at(text, "atherosclerosis", ATHEROSCLEROSIS)]
    names = specific_names(text, found, nothing)
    assert [(m.text, m.category) for m in names] == [
        ("large artery atherosclerosis", "Disease")]
    assert names[0].entity.id.startswith("exokg:disease/")


def test_a_site_and_disease_the_lexicon_names_as_a_whole_are_left_to_it() -> None:
    text = "patients with coronary artery stenosis"
    found = [at(text, "coronary artery", CORONARY_ARTERY), at(text, "stenosis", STENOSIS)]
    whole = Entity("MONDO:0000002", "coronary artery stenosis", "Disease")
    assert specific_names(text, found, lambda name: [whole] if name == text[14:] else []) == []
    # a site without a size word names the outcome, not a subtype
    text = "exosomes caused less brain swelling"
    brain = Entity("UBERON:0000955", "brain", "AnatomicalEntity")
    swelling = Entity("HP:0000002", "swelling", "Disease")
    assert specific_names(text, [at(text, "brain", brain), at(text, "swelling", swelling)],
                          nothing) == []
    # a site not right before the disease names no subtype
    text = "the large artery showed atherosclerosis"
    found = [at(text, "artery", ARTERY), at(text, "atherosclerosis", ATHEROSCLEROSIS)]
    assert specific_names(text, found, nothing) == []

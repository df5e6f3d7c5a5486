"""Cell types and anatomy as papers write them (exokg.recognise.anatomy), over a small
stand-in lexicon with the ontology names the rules look up."""

from __future__ import annotations

from exokg.model import Entity, Mention
from exokg.recognise.anatomy import (
    adjective_entity,
    annotated_anatomy,
    defined_cell_names,
    derived_nouns,
    unlikely_anatomy,
)

ENTITIES = [
    Entity("CL:0000000", "cell", "Cell"),
    Entity("UBERON:0000479", "tissue", "AnatomicalEntity"),
    Entity("UBERON:0000062", "organ", "AnatomicalEntity"),
    Entity("CL:0001063", "neoplastic cell", "Cell"),
    Entity("CL:0000540", "neuron", "Cell"),
    Entity("CL:0000127", "astrocyte", "Cell"),
    Entity("CL:0000115", "endothelial cell", "Cell"),
    Entity("CL:0000623", "natural killer cell", "Cell"),
    Entity("UBERON:0001851", "cortex", "AnatomicalEntity"),
    Entity("UBERON:0002435", "striatum", "AnatomicalEntity"),
    Entity("UBERON:0002113", "kidney", "AnatomicalEntity"),
    Entity("UBERON:0002048", "lung", "AnatomicalEntity"),
    Entity("UBERON:0000310", "breast", "AnatomicalEntity"),
    Entity("UBERON:0001885", "dorsum", "AnatomicalEntity"),
]
BY_NAME = {e.label: e for e in ENTITIES}
BY_ID = {e.id: e for e in ENTITIES}


class FakeLexicon:
    def lookup(self, name: str) -> list[Entity]:
        return [BY_NAME[name]] if name in BY_NAME else []

    def entity(self, curie: str) -> Entity | None:
        return BY_ID.get(curie)


LEX = FakeLexicon()


def mention(text: str, phrase: str, entity: Entity, source: str = "ontology") -> Mention:
    start = text.index(phrase)
    return Mention(entity, start, start + len(phrase), phrase, source)


def spans(text: str, mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.entity.id) for m in
            annotated_anatomy(text, mentions, LEX)]


def test_adjectives_by_suffix_and_classical_root() -> None:
    assert "cortex" in derived_nouns("cortical") and "astrocyte" in derived_nouns("astrocytic")
    assert adjective_entity("neuronal", LEX).id == "CL:0000540"
    assert adjective_entity("astrocytic", LEX).id == "CL:0000127"
    assert adjective_entity("striatal", LEX).id == "UBERON:0002435"
    assert adjective_entity("renal", LEX).id == "UBERON:0002113"  # kidney, a Latin root
    # positional adjectives place a structure and name none; short stems are not nouns
    assert adjective_entity("dorsal", LEX) is None
    assert adjective_entity("final", LEX) is None


def test_cells_named_by_a_tumour_an_organ_a_cell_line_or_a_marker() -> None:
    text = "breast cancer cells, lung cells, MCF-7 cells, GFAP-positive cells and tumor cells"
    disease = Entity("MONDO:0007254", "breast cancer", "Disease")
    found = spans(text, [mention(text, "breast cancer", disease),
                         mention(text, "lung", BY_NAME["lung"])])
    assert ("breast cancer cells", "CL:0001063") in found
    assert ("lung cells", "CL:0000000") in found
    assert ("MCF-7 cells", "CL:0000000") in found
    assert ("GFAP-positive cells", "CL:0000000") in found
    assert ("tumor cells", "CL:0001063") in found


def test_modifiers_and_adjectives_join_the_name_they_modify() -> None:
    text = "in the peri-infarct cortex and pulmonary endothelial cells"
    found = spans(text, [mention(text, "cortex", BY_NAME["cortex"]),
                         mention(text, "endothelial cells", BY_NAME["endothelial cell"])])
    assert ("peri-infarct cortex", "UBERON:0001851") in found
    assert ("pulmonary endothelial cells", "CL:0000115") in found


def test_generic_nouns_alone_and_cells_inside_a_process_name() -> None:
    text = "Cells and tissue samples; cell proliferation; astrocyte activation"
    process = Entity("GO:0008283", "cell population proliferation", "BiologicalProcess")
    activation = Entity("GO:0048143", "astrocyte activation", "BiologicalProcess")
    found = spans(text, [mention(text, "cell proliferation", process),
                         mention(text, "astrocyte activation", activation)])
    assert found == [("Cells", "CL:0000000"), ("tissue", "UBERON:0000479"),
                     ("cell", "CL:0000000"), ("astrocyte", "CL:0000127")]


def test_words_inside_other_mentions_are_left_alone() -> None:
    text = "vascular endothelial growth factor"
    gene = Entity("NCBIGene:7422", "VEGFA", "Gene")
    assert spans(text, [mention(text, text, gene)]) == []


def test_a_short_form_defined_inside_a_cell_name() -> None:
    text = "natural killer (NK) cells were counted"
    found = defined_cell_names(text, [], LEX)
    assert [(m.text, m.entity.id) for m in found] == [("natural killer (NK) cells",
                                                        "CL:0000623")]


def test_unlikely_anatomy_readings_are_dropped() -> None:
    text = "IL levels, the fin bar, H. pylori, on the other hand, adults and the SP"
    fish = Entity("UBERON:2001463", "bar", "AnatomicalEntity")
    adult = Entity("UBERON:0007023", "adult organism", "AnatomicalEntity")
    pylorus = Entity("UBERON:0001166", "pylorus", "AnatomicalEntity")
    hand = Entity("UBERON:0002398", "manus", "AnatomicalEntity")
    plate = Entity("UBERON:4300024", "spinal plate", "AnatomicalEntity")
    short = Entity("UBERON:9999999", "interolateral thing", "AnatomicalEntity")
    found = [mention(text, "IL", short), mention(text, "bar", fish),
             mention(text, "pylori", pylorus), mention(text, "hand", hand),
             mention(text, "adults", adult), mention(text, "SP", plate)]
    assert unlikely_anatomy(text, found, text) == []
    # a short name the document spells out elsewhere stays
    kept = mention(text, "IL", short)
    assert unlikely_anatomy(text, [kept], text + " the interolateral thing") == [kept]
    # a short name with a digit is no abbreviation of that kind ("CA1" of the hippocampus)
    field = Entity("UBERON:0003881", "CA1 field of hippocampus", "AnatomicalEntity")
    ca1 = mention("the hippocampal CA1 area", "CA1", field)
    assert unlikely_anatomy("the hippocampal CA1 area", [ca1], "CA1") == [ca1]

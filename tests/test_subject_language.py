"""Who did it: the subjects and agents of tuning round 8a, by the kinds of reading error of
the project's issue "Read the field, not the founding corpus" (1 too-generic subject,
7 entity resolution) and the round's new kinds (comparators, anaphoric subjects, relative
clauses naming a second agent). Every text is invented for these tests;
tests/data/reading_cases.yaml ("tuning round 8a") holds the longer cases."""

from __future__ import annotations

import pytest

from exokg.extract.anaphora import anaphoric_agents
from exokg.extract.base import DocumentState
from exokg.extract.effects import compared_against
from exokg.model import Document, Entity, Mention
from exokg.pipeline import analyse_document
from exokg.recognise import Recogniser
from exokg.recognise.cell_products import find_cell_products, product_entity
from exokg.recognise.combinations import combination_entity, find_combinations
from tests.reading_helpers import read

MSC = Entity("CL:0000134", "mesenchymal stem cell", "Cell")
NEURON = Entity("CL:0000540", "neuron", "Cell")
MIR = Entity("exokg:mirna/mir-126", "miR-126", "MicroRNA")
BDNF = Entity("NCBIGene:627", "BDNF", "Gene")
EVS = Entity("exokg:preparation/x", "MSC-derived extracellular vesicles", "ExosomePreparation")
TPA = Entity("NCBIGene:5327", "PLAT", "Gene")


def mention(text: str, word: str, entity: Entity, source: str = "lexicon",
            nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Mention(entity, start, start + len(word), word, source)


# --- 7: entity resolution: products the texts compose --------------------------------------

def test_kind7_primed_cells_are_one_product_with_the_written_name() -> None:
    text = "miR-126-primed MSCs reduced infarct volume."
    found = find_cell_products(text, [mention(text, "miR-126", MIR, "mirna"),
                                      mention(text, "MSCs", MSC)], [])
    assert [(m.start, m.end) for m in found] == [(0, 19)]
    product = found[0].entity
    assert product.category == "Cell" and product.label == "miR-126-primed mesenchymal stem cell"
    assert product.attributes == (("broader", "CL:0000134"),)
    assert "miR-126-primed MSCs" in product.synonyms
    assert product.id.startswith("exokg:cell/mir-126-primed-mesenchymal-stem-cell")


def test_kind7_cells_overexpressing_a_gene_after_the_noun() -> None:
    text = "MSCs overexpressing BDNF were injected."
    found = find_cell_products(text, [mention(text, "MSCs", MSC), mention(text, "BDNF", BDNF)],
                               [])
    assert found and found[0].entity.id == product_entity(MSC, BDNF, "overexpressing", "x").id


def test_kind7_experimental_cells_and_injury_models_are_no_product() -> None:
    """Neurons overexpressing a miRNA are an experiment's cells; "LPS-stimulated" and
    "H2O2-treated" name an injury, not a priming."""
    text = "VEGF was reduced in neurons overexpressing miR-126."
    assert find_cell_products(text, [mention(text, "neurons", NEURON, "ontology"),
                                     mention(text, "miR-126", MIR, "mirna")], []) == []
    lps = Entity("CHEBI:16412", "lipopolysaccharide", "Chemical")
    text = "LPS-stimulated MSCs were used."
    assert find_cell_products(text, [mention(text, "LPS", lps, "ontology"),
                                     mention(text, "MSCs", MSC)], []) == []


def test_kind7_source_cells_of_a_preparation_stay_its_part() -> None:
    text = "exosomes from miR-126-overexpressing MSCs"
    prep = Mention(EVS, 0, len(text), text, "composite")
    assert find_cell_products(text, [mention(text, "miR-126", MIR, "mirna"),
                                     mention(text, "MSCs", MSC)], [prep]) == []


def test_kind7_short_form_after_a_product_stands_for_it(recogniser: Recogniser) -> None:
    found = read(recogniser, "In rats with stroke, MSCs primed with miR-126 (MSC-126) were "
                             "given. MSC-126 improved motor function.")
    agents = {s.subject.id for s in found if s.predicate == "biolink:affects"}
    assert agents and all(a.startswith("exokg:cell/mir-126-primed") for a in agents)


def test_kind7_combination_is_a_therapy_with_both_parts() -> None:
    text = "MSC-EVs plus tPA reduced bleeding."
    found = find_combinations(text, [mention(text, "MSC-EVs", EVS, "composite"),
                                     mention(text, "tPA", TPA, "ontology")])
    assert [(m.start, m.end) for m in found] == [(0, 16)]
    therapy = found[0].entity
    assert therapy == combination_entity(EVS, TPA, "MSC-EVs plus tPA")
    assert therapy.category == "Therapy" and therapy.label == \
        "MSC-derived extracellular vesicles with PLAT"
    assert set(therapy.attributes) == {("BFO:0000051", EVS.id), ("BFO:0000051", TPA.id)}


def test_kind7_alternatives_and_lists_are_no_combination() -> None:
    """"MSCs/EVs" names alternatives; "A + B + C" is a list of three."""
    text = "MSCs/EVs were compared."
    assert find_combinations(text, [mention(text, "MSCs", MSC),
                                    mention(text, "EVs", EVS, "composite")]) == []
    text = "EVs + tPA + heparin were given."
    assert find_combinations(text, [mention(text, "EVs", EVS, "composite"),
                                    mention(text, "tPA", TPA, "ontology")]) == []


# --- new: comparators ------------------------------------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("X was more effective than MSCs in reducing Y", "MSCs"),
    ("X outperformed native MSCs in reducing Y", "MSCs"),
    ("Compared with MSCs, X reduced Y", "MSCs"),
    ("X was superior to MSCs", "MSCs"),
    ("X was as effective as MSCs", "MSCs"),
    ("X is an ideal alternative to MSCs", "MSCs"),
])
def test_comparator_is_recognised(text: str, word: str) -> None:
    assert compared_against(text, mention(text, word, MSC))


def test_comparator_not_said_of_the_agent_itself() -> None:
    text = "MSCs reduced Y more than controls"
    assert not compared_against(text, mention(text, "MSCs", MSC))


def test_comparator_gives_no_claim_for_an_unrecognised_agent(recogniser: Recogniser) -> None:
    found = read(recogniser, "In mice with stroke, the new construct was more effective "
                             "than MSCs in reducing infarct volume.")
    assert not any(s.subject.id == "CL:0000134" for s in found)


def test_comparator_recorded_on_the_effect(recogniser: Recogniser) -> None:
    found = read(recogniser, "In rats after stroke, MSC-derived exosomes outperformed MSCs "
                             "in reducing infarct volume.")
    effects = [s for s in found if s.predicate == "biolink:affects"]
    assert effects and all(s.subject.id != "CL:0000134" for s in effects)
    assert all("CL:0000134" in s.context.comparator for s in effects)


# --- new: anaphoric subjects -------------------------------------------------------------------

def test_anaphora_takes_the_one_agent_of_the_sentence_before(recogniser: Recogniser) -> None:
    doc = Document("t", "MSC exosomes reduced apoptosis. This effect was achieved by "
                        "inducing autophagy.", "test", kind="abstract")
    first, second = analyse_document(doc, recogniser)
    agent = next(m.entity for m in first.mentions if m.category == "ExosomePreparation")
    state = DocumentState()
    state.previous_agents = (first.sentence.index, (agent,))
    state.subject = [agent]
    found = anaphoric_agents(second, state)
    assert [(m.entity.id, m.text) for m in found] == [(agent.id, "This effect")]


def test_anaphora_is_left_alone_when_ambiguous_or_stale(recogniser: Recogniser) -> None:
    doc = Document("t", "MSC exosomes reduced apoptosis. Rats were housed. These effects "
                        "were accompanied by increased autophagy.", "test", kind="abstract")
    first, _, third = analyse_document(doc, recogniser)
    agent = next(m.entity for m in first.mentions if m.category == "ExosomePreparation")
    state = DocumentState()
    state.subject = [agent]
    state.previous_agents = (1, ())  # the sentence before named no agent
    assert anaphoric_agents(third, state) == []
    state.previous_agents = (1, (agent, MSC))
    state.subject = [agent, MSC]  # two subjects: ambiguous
    assert anaphoric_agents(third, state) == []


def test_anaphoric_noun_is_never_an_entity(recogniser: Recogniser) -> None:
    found = read(recogniser, "In mice after stroke, MSC exosomes reduced neuronal apoptosis. "
                             "These actions contributed to improved functional recovery.")
    assert not any(s.subject.id.startswith("exokg:outcome/") for s in found)
    assert any(s.subject.category == "ExosomePreparation"
               and s.object.id == "exokg:outcome/functional-recovery" for s in found)


# --- new: relative clauses and 1: the miRNA the vesicles carry ---------------------------------

def test_relative_clause_names_the_agent_of_the_second_effect(recogniser: Recogniser) -> None:
    found = read(recogniser, "In mice, hypoxia increased vascular leakage, which was reduced "
                             "by MSC-derived exosomes.")
    lowered = [s for s in found if s.direction == "decreased"
               and s.subject.category == "ExosomePreparation"]
    assert lowered and not any(s.direction == "increased"
                               and s.subject.category == "ExosomePreparation" for s in found)


def test_kind1_mirna_in_vesicles_is_the_agent(recogniser: Recogniser) -> None:
    found = read(recogniser, "In rats after stroke, miR-21 in MSC-derived exosomes reduced "
                             "neuronal apoptosis.")
    assert {s.subject.id for s in found if s.predicate == "biolink:affects"} == \
        {"exokg:mirna/mir-21"}

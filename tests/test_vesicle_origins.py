"""The study's vesicles named by their origin (tuning round 12a): a cell state and a cell
adjective before "small EVs", a body fluid of healthy, young or aged donors, sources joined
by "both ... and", and the references back to the preparation ("It also decreased ...",
"their formation"). Every sentence here is INVENTED for these tests, each rule tried in at
least two phrasings."""

from __future__ import annotations

import pytest

from exokg.model import Entity, Statement
from exokg.recognise import Recogniser
from reading_helpers import read

M2_MICROGLIA = "exokg:cell/m2-microglia"
MICROGLIA = "CL:0000129"
APOPTOSIS = "exokg:process/apoptosis"


@pytest.fixture(scope="module")
def recogniser() -> Recogniser:
    return Recogniser.default()


def _agents(statements: list[Statement], obj: str) -> list[Entity]:
    """The subjects of the statements whose object is ``obj``."""
    return [s.subject for s in statements
            if isinstance(s.object, Entity) and s.object.id == obj]


@pytest.mark.parametrize("text, source, vesicle", [
    ("M2 microglial small extracellular vesicles reduced neuronal apoptosis after stroke.",
     M2_MICROGLIA, "GO:1903561"),
    ("In MCAO mice, M2 microglial small EVs reduced neuronal apoptosis.", M2_MICROGLIA,
     "GO:1903561"),
    ("Microglial small extracellular vesicles reduced neuronal apoptosis in vitro.",
     MICROGLIA, "GO:1903561"),
    ("Intravenous MSC small EVs reduced neuronal apoptosis in rats.", "CL:0000134",
     "GO:1903561"),
])
def test_a_cell_adjective_or_cells_before_small_evs_are_the_source(
        recogniser: Recogniser, text: str, source: str, vesicle: str) -> None:
    agents = _agents(read(recogniser, text), APOPTOSIS)
    assert agents and all(a.category == "ExosomePreparation" for a in agents)
    assert {(a.attr("sourceCell"), a.attr("vesicleType")) for a in agents} == {
        ((source,), (vesicle,))}


def test_a_state_the_vocabulary_does_not_name_keeps_the_cell_type(
        recogniser: Recogniser) -> None:
    """No "M1 microglia" entity: the M1 microglial vesicles are the microglia's, never plain
    EVs."""
    agents = _agents(read(recogniser, "M1 microglial exosomes increased neuronal apoptosis."),
                     APOPTOSIS)
    assert {a.attr("sourceCell") for a in agents} == {(MICROGLIA,)}


@pytest.mark.parametrize("text, tissue, taxon", [
    ("Exosomes derived from young healthy human plasma reduced neuronal apoptosis in ICH "
     "mice.", "exokg:anatomy/plasma", "NCBITaxon:9606"),
    ("Serum exosomes of aged rats increased neuronal apoptosis in young rats.",
     "exokg:anatomy/serum", "NCBITaxon:10116"),
    ("Exosomes isolated from the serum of young mice reduced neuronal apoptosis after TBI.",
     "exokg:anatomy/serum", "NCBITaxon:10090"),
])
def test_vesicles_of_a_body_fluid_of_named_donors_are_a_preparation(
        recogniser: Recogniser, text: str, tissue: str, taxon: str) -> None:
    agents = _agents(read(recogniser, text), APOPTOSIS)
    assert agents and all(a.category == "ExosomePreparation" for a in agents)
    assert {(a.attr("sourceTissue"), a.attr("sourceTaxon")) for a in agents} == {
        ((tissue,), (taxon,))}
    assert all(not a.attr("sourceCell") for a in agents)


@pytest.mark.parametrize("text", [
    "EVs isolated from plasma samples were enriched in miR-21 in patients with stroke.",
    "Exosomes isolated from the plasma of stroke patients contained higher miR-21 levels "
    "than those of controls.",
    "Plasma-derived EVs of patients with ischemic stroke were analysed by proteomics.",
    # animals named with no word of health or age are a model's sample (review12)
    "Serum exosomes of rats with MCAO contained higher miR-124 levels.",
    "Exosomes were isolated from the serum of mice 24 h after traumatic brain injury.",
])
def test_a_patient_studys_fluid_vesicles_are_no_preparation(
        recogniser: Recogniser, text: str) -> None:
    """Vesicles of patients' (or unnamed donors') plasma are the body's own population
    where markers are measured, never a therapeutic product of a fluid."""
    from exokg.model import Document
    from exokg.pipeline import analyse_document
    for a in analyse_document(Document("t", text, "test", kind="abstract"), recogniser):
        assert not any(m.entity.attr("sourceTissue") for m in a.mentions)


@pytest.mark.parametrize("text, first, second", [
    ("Concentrations of EVs from both activated platelets and leukocytes were lower in "
     "patients with ischemic stroke compared to controls.", "exokg:cell/activated-platelet",
     "CL:0000738"),
    ("Levels of exosomes derived from both astrocytes and neurons were higher in patients "
     "with traumatic brain injury than in healthy controls.", "CL:0000127", "CL:0000540"),
])
def test_both_coordinated_sources_are_each_a_population(
        recogniser: Recogniser, text: str, first: str, second: str) -> None:
    sources = {s.subject.attr("sourceCell") for s in read(recogniser, text)
               if s.predicate == "biolink:associated_with"}
    assert sources == {(first,), (second,)}


@pytest.mark.parametrize("text", [
    "The M2 microglial small EV treatment reduced neuronal apoptosis. It also increased "
    "angiogenesis in the peri-infarct cortex.",
    "Treatment with hucMSC-derived exosomes lowered neuronal apoptosis after stroke. It "
    "further promoted angiogenesis.",
])
def test_it_before_an_effect_verb_is_the_preparation_just_named(
        recogniser: Recogniser, text: str) -> None:
    agents = _agents(read(recogniser, text), "GO:0001525")
    assert agents and all(a.category == "ExosomePreparation" for a in agents)


@pytest.mark.parametrize("text", [
    # cells are plural agents: "It" is not them
    "MSCs reduced neuronal apoptosis. It also increased angiogenesis.",
    # "It is ...": no effect verb after the pronoun
    "MSC exosomes reduced neuronal apoptosis. It is known that angiogenesis increased.",
])
def test_it_stands_for_no_cells_and_opens_no_dummy_clause(
        recogniser: Recogniser, text: str) -> None:
    agents = _agents(read(recogniser, text), "GO:0001525")
    assert not any(a.category in ("ExosomePreparation", "Cell") for a in agents)


@pytest.mark.parametrize("text, process", [
    ("Glial scars block axon growth. Thus, approaches to promote their degradation and "
     "inhibit their formation are beneficial for stroke recovery.", "GO:0009056"),
    ("Amyloid plaques accumulate after TBI, and drugs that inhibit their formation are "
     "beneficial for recovery.", "GO:0009058"),
])
def test_a_process_word_owned_by_a_pronoun_is_no_general_process(
        recogniser: Recogniser, text: str, process: str) -> None:
    statements = read(recogniser, text)
    assert not any(process in (s.subject.id, getattr(s.object, "id", None))
                   for s in statements)
    assert not any("GO:0009058" in (s.subject.id, getattr(s.object, "id", None))
                   for s in statements)


def test_a_vesicle_word_naming_what_was_shown_is_no_agent(recogniser: Recogniser) -> None:
    """"exhibiting typical exosome features": the preparation before it is the agent."""
    for text in ("Here, exosomes derived from young healthy human plasma exhibiting typical "
                 "exosome features reduced neuronal apoptosis in ICH mice.",
                 "Exosomes from young healthy human plasma expressing exosome markers "
                 "reduced neuronal apoptosis."):
        agents = _agents(read(recogniser, text), APOPTOSIS)
        assert agents and all(a.attr("sourceTissue") for a in agents), text


@pytest.mark.parametrize("text", [
    "EVs derived from activated platelets were higher in patients with TBI than in healthy "
    "controls.",
    "Circulating activated platelet EVs were higher in patients with acute ischemic stroke "
    "than in controls.",
])
def test_activated_platelets_are_a_source_of_their_own(recogniser: Recogniser,
                                                       text: str) -> None:
    """Patient studies count the EVs of activated platelets apart from the platelets' other
    EVs: the state is part of the source, not dropped."""
    sources = {s.subject.attr("sourceCell") for s in read(recogniser, text)
               if s.predicate == "biolink:associated_with"}
    assert sources == {("exokg:cell/activated-platelet",)}

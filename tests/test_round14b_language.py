"""Tuning round 14b: the study's agent across a document. Anaphora after any opening
adverbial, cells educated or primed by vesicles, sources named by a tissue adjective, and a
vesicle name with a bracketed short form before its source. Every text is INVENTED for these
tests, in the language of the field (other ways of saying what the round's rules read), never
a sentence of a corpus or a paper."""

from __future__ import annotations

import pytest

from exokg.model import Statement
from exokg.recognise import Recogniser
from tests.reading_helpers import claim_tuples, read

AFFECTS = "biolink:affects"
APOPTOSIS = "exokg:process/apoptosis"
ANGIOGENESIS = "GO:0001525"
GPX4 = "NCBIGene:2879"
MACROPHAGE = "CL:0000235"
MSC = "CL:0000134"
EXOSOME = "GO:0070062"
EV = "GO:1903561"
MSC_EXOS = "exokg:preparation/sourcecell-cl-0000134-vesicletype-go-0070062-577599"
MSC_EVS = "exokg:preparation/sourcecell-cl-0000134-vesicletype-go-1903561-193bdf"


def subjects(statements: list[Statement]) -> dict[str, Statement]:
    """The statements by subject id (the last one of each)."""
    return {s.subject.id: s for s in statements}


# --- anaphora after any opening adverbial ------------------------------------------------------

@pytest.mark.parametrize("opening", ["Concurrently, they", "At the same time, they",
                                     "In parallel, they", "Meanwhile, they",
                                     "Simultaneously, they also"])
def test_pronoun_after_an_opening_adverbial_is_the_agent(recogniser: Recogniser,
                                                          opening: str) -> None:
    found = claim_tuples(read(recogniser, "In rats, MSC-derived exosomes reduced neuronal "
                                          f"apoptosis. {opening} upregulated GPX4 in the "
                                          "injured cortex."))
    assert (MSC_EXOS, AFFECTS, GPX4, "increased") in found


def test_it_after_an_opening_adverbial_is_the_singular_treatment(recogniser: Recogniser
                                                                  ) -> None:
    found = claim_tuples(read(recogniser, "In mice, MSC-exosome treatment reduced neuronal "
                                          "apoptosis. At the same time, it promoted "
                                          "angiogenesis in the peri-infarct area."))
    assert {c for c in found if c[2] == ANGIOGENESIS and c[3] == "increased"}


def test_design_pronoun_after_an_opening_adverbial_is_no_agent(recogniser: Recogniser) -> None:
    # "they were injected": the animals of a design sentence, not the vesicles
    found = claim_tuples(read(recogniser, "In rats, MSC-derived exosomes reduced neuronal "
                                          "apoptosis. Subsequently, they were anesthetized "
                                          "and reduced GPX4 was measured."))
    assert not [c for c in found if c[2] == GPX4]


# --- cells educated or primed by vesicles ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "In mice, exosome-educated macrophages promoted angiogenesis after spinal cord injury.",
    "In mice, macrophages educated by MSC-derived exosomes promoted angiogenesis after "
    "spinal cord injury.",
    "In mice, macrophages pretreated with extracellular vesicles promoted angiogenesis after "
    "spinal cord injury.",
    "In rats, EV-primed microglia promoted angiogenesis after stroke.",
])
def test_cells_made_with_vesicles_are_their_own_agent(recogniser: Recogniser, text: str) -> None:
    statements = read(recogniser, text)
    agents = [s.subject for s in statements if s.predicate == AFFECTS
              and getattr(s.object, "id", "") == ANGIOGENESIS]
    assert agents, text
    for agent in agents:  # the educated cells: never the vesicles, never the plain cells
        assert agent.category == "Cell" and agent.id.startswith("exokg:cell/"), agent
        assert agent.attr("broader") in ((MACROPHAGE,), ("CL:0000129",))
        assert agent.id not in (MACROPHAGE, EXOSOME, EV, MSC_EXOS)


def test_short_form_of_educated_cells_carries_through_the_document(recogniser: Recogniser
                                                                    ) -> None:
    statements = read(recogniser, "Exosome-primed macrophages (EPMs) were transplanted into "
                                  "the injured spinal cord of mice. Treatment with EPMs "
                                  "markedly promoted angiogenesis.")
    agents = {s.subject.id for s in statements if getattr(s.object, "id", "") == ANGIOGENESIS}
    assert agents and all(a.startswith("exokg:cell/exosome-primed-macrophage") for a in agents)


def test_cells_treated_with_vesicles_stay_an_experiment(recogniser: Recogniser) -> None:
    # "treated" is an experiment's cells (as for molecules), no product: the vesicles act
    found = claim_tuples(read(recogniser, "In neurons treated with MSC-derived exosomes, "
                                          "exosomes reduced apoptosis after oxygen-glucose "
                                          "deprivation."))
    assert not [c for c in found if c[0].startswith("exokg:cell/")]


# --- sources named by a tissue adjective after the donors' species ------------------------------

@pytest.mark.parametrize("tissue", ["placental", "amniotic", "chorionic", "decidual"])
def test_tissue_adjective_between_species_and_cells_composes(recogniser: Recogniser,
                                                             tissue: str) -> None:
    statements = read(recogniser, f"Exosomes derived from human {tissue} mesenchymal stem "
                                  "cells reduced neuronal apoptosis in rats.")
    agents = [s.subject for s in statements if getattr(s.object, "id", "") == APOPTOSIS]
    assert agents and all(a.attr("sourceCell") == (MSC,) and
                          a.attr("sourceTaxon") == ("NCBITaxon:9606",) for a in agents)


# --- a bracketed short form between the vesicle word and its source ----------------------------

@pytest.mark.parametrize("text", [
    "Small extracellular vesicles (sEVs) obtained from mesenchymal stromal cells (MSCs) "
    "reduced neuronal apoptosis in mice.",
    "Extracellular vesicles (EVs) isolated from mesenchymal stem cells (MSCs) reduced "
    "neuronal apoptosis in mice.",
    "Extracellular vesicles (MSC-EVs) secreted by mesenchymal stem cells reduced neuronal "
    "apoptosis in mice.",
])
def test_bracketed_short_form_does_not_break_composition(recogniser: Recogniser,
                                                         text: str) -> None:
    found = subjects(read(recogniser, text))
    assert MSC_EVS in found and MSC not in found, sorted(found)


# --- what the agent acts on, once it is found --------------------------------------------------

@pytest.mark.parametrize("text", [
    "In rats, MSC-derived exosomes upregulated the ferroptosis suppressors GPX4 and SLC7A11.",
    "In rats, MSC-derived exosomes increased the expression of the ferroptosis inhibitor GPX4.",
])
def test_molecules_named_by_what_they_suppress_are_the_object(recogniser: Recogniser,
                                                              text: str) -> None:
    found = claim_tuples(read(recogniser, text))
    assert (MSC_EXOS, AFFECTS, GPX4, "increased") in found
    # neither the suppressed process raised nor the molecules lowered
    assert not [c for c in found if c[2] == "GO:0097707" or c[3] == "decreased"]


def test_a_suppressor_of_y_still_lowers_y(recogniser: Recogniser) -> None:
    found = claim_tuples(read(recogniser, "In mice, miR-124 acts as a suppressor of "
                                          "neuroinflammation."))
    assert ("exokg:mirna/mir-124", AFFECTS, "exokg:phenotype/inflammation",
            "decreased") in found


def test_less_full_name_of_earlier_work_is_the_kind_of_product(recogniser: Recogniser) -> None:
    # the title names the study's human MSC exosomes; "MSC exosomes have been shown to ..."
    # is what the field knows of MSC exosomes, not a finding on the study's product
    statements = read(recogniser, "Exosomes derived from human amniotic mesenchymal stem "
                                  "cells reduced neuronal apoptosis in rats. Mesenchymal stem "
                                  "cell exosomes have previously been reported to promote "
                                  "angiogenesis.")
    agents = {s.subject.id for s in statements if getattr(s.object, "id", "") == ANGIOGENESIS}
    assert agents == {MSC_EXOS}


def test_a_property_of_cells_named_by_their_short_form_is_an_outcome(recogniser: Recogniser
                                                                      ) -> None:
    found = claim_tuples(read(recogniser, "Brain endothelial cells (BECs) were cultured with "
                                          "oxygen-glucose deprivation. MSC-derived exosomes "
                                          "reduced BEC permeability."))
    assert (MSC_EXOS, AFFECTS, "exokg:outcome/bec-permeability", "decreased") in found


# --- "It" / "this condition" for the disease the sentence before was about ----------------------

@pytest.mark.parametrize("text,disease,outcome_id", [
    ("Spinal cord injury is a devastating event. Moreover, it often leads to permanent motor "
     "dysfunction.", "MONDO:0043797", "exokg:outcome/permanent-motor-dysfunction"),
    ("Intracerebral hemorrhage is a devastating subtype of stroke. It causes neuronal death "
     "in the perihematomal region.", "MONDO:0013792", "exokg:outcome/neuronal-death"),
    ("Traumatic brain injury is a major public health problem. This condition can cause "
     "chronic neuroinflammation.", "MONDO:0858950", None),
])
def test_pronoun_after_a_disease_sentence_is_the_disease(recogniser: Recogniser, text: str,
                                                         disease: str, outcome_id: str | None
                                                         ) -> None:
    found = claim_tuples(read(recogniser, text))
    mine = [c for c in found if c[0] == disease and c[1] == AFFECTS and c[3] == "increased"]
    assert mine and (outcome_id is None or any(c[2] == outcome_id for c in mine)), found
    assert not [c for c in found if c[0].startswith("exokg:outcome/")]  # no "condition" agent


def test_pronoun_after_a_sentence_on_something_else_is_not_a_disease(recogniser: Recogniser
                                                                      ) -> None:
    found = claim_tuples(read(recogniser, "Ischemic stroke was induced in rats. MSC-derived "
                                          "exosomes were injected. It results in serious "
                                          "neurological dysfunction."))
    assert not [c for c in found if c[0] == "MONDO:1060198" and c[1] == AFFECTS]


def test_pronoun_after_a_disease_as_a_modifier_is_not_the_disease(recogniser: Recogniser
                                                                   ) -> None:
    # the sentence before is about the scar, the disease only names whose regeneration
    found = claim_tuples(read(recogniser, "Spinal cord injury (SCI) poor regeneration was due "
                                          "to glial scar formation. It was a major obstacle "
                                          "to axonal regrowth."))
    assert not [c for c in found if c[0] == "MONDO:0043797" and c[1] == AFFECTS]


@pytest.mark.parametrize("degrees", ["complete or partial", "transient or permanent"])
def test_alternative_degrees_are_no_object(recogniser: Recogniser, degrees: str) -> None:
    found = claim_tuples(read(recogniser, "Spinal cord injury is a disabling disease. It often "
                                          f"leads to {degrees} sensory and motor "
                                          "dysfunction."))
    objects = {c[2] for c in found if c[0] == "MONDO:0043797" and c[1] == AFFECTS}
    assert {"exokg:outcome/sensory-dysfunction", "exokg:outcome/motor-dysfunction"} <= objects
    assert not [o for o in objects if o.split("/")[-1].split("-")[0] in degrees.split()]


@pytest.mark.parametrize("text", [
    "Exosome-educated macrophages have great characteristics as therapeutic candidates for "
    "spinal cord injury.",
    "In rats, MSC-derived exosomes were therapeutic candidates for spinal cord injury.",
])
def test_therapeutic_candidate_is_a_prospect(recogniser: Recogniser, text: str) -> None:
    statements = [s for s in read(recogniser, text)
                  if s.predicate == "biolink:beneficial_in_models_for"]
    assert statements and all(s.hedged for s in statements)


def test_cells_of_a_design_sentence_pretreated_with_vesicles_are_no_product(
        recogniser: Recogniser) -> None:
    # "Microglia were pretreated with EVs": an experiment; the vesicles are what acts
    found = claim_tuples(read(recogniser, "In vitro, microglia were pretreated with "
                                          "MSC-derived exosomes, and the exosomes reduced "
                                          "apoptosis."))
    assert not [c for c in found if c[0].startswith("exokg:cell/")]


@pytest.mark.parametrize("text", [
    # review14, invented sentences: the candidates a study drew from are no prospect of what
    # it then found
    "Among the drug candidates tested, MSC-derived exosomes reduced infarct volume in MCAO "
    "rats.",
    "Of the therapeutic candidates screened in MCAO rats, MSC-derived exosomes reduced "
    "infarct volume.",
])
def test_candidates_a_study_drew_from_do_not_hedge_its_finding(recogniser: Recogniser,
                                                               text: str) -> None:
    effects = [s for s in read(recogniser, text) if s.predicate == "biolink:affects"]
    assert effects and not any(s.hedged for s in effects)


def test_a_treatment_named_a_candidate_is_still_a_prospect(recogniser: Recogniser) -> None:
    # review14, invented sentence: "represent a ... candidate" says what "are candidates" says
    statements = [s for s in read(recogniser, "MSC-derived exosomes represent a therapeutic "
                                              "candidate for spinal cord injury.")
                  if s.predicate == "biolink:beneficial_in_models_for"]
    assert statements and all(s.hedged for s in statements)

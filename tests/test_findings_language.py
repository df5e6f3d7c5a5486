"""Tuning round 10d: the main findings of therapy studies (counted cell populations,
absences, verbs of causing and hindering, hedges, coordination). Every text is INVENTED for
these tests, in the language of the field; none is a sentence of the development set."""

from __future__ import annotations

import pytest

from exokg.recognise import Recogniser
from reading_helpers import claim_tuples, read

MSC_EV = "exokg:preparation/sourcecell-cl-0000134-vesicletype-go-1903561-193bdf"
EXO = "GO:0070062"


def _effects(recogniser: Recogniser, text: str) -> set[tuple]:
    return {t for t in claim_tuples(read(recogniser, text), "negated", "hedged")
            if t[1] == "biolink:affects"}


# --- counted cell populations -----------------------------------------------------------------

@pytest.mark.parametrize("text, outcomes", [
    ("In mice, MSC-EV treatment resulted in significantly fewer TUNEL+ cells.",
     {"exokg:outcome/tunel-cell-9a3123"}),
    ("In rats, MSC-EVs increased the number of NeuN-positive and Nissl-positive cells.",
     {"exokg:outcome/neun-positive-cell", "exokg:outcome/nissl-positive-cell"}),
    ("In rats, MSC-EVs raised the percentage of CD206- and Arg1-positive microglia.",
     {"exokg:outcome/cd206-positive-microglia", "exokg:outcome/arg1-positive-microglia"}),
])
def test_a_counted_population_is_the_object_not_its_marker(recogniser: Recogniser, text: str,
                                                           outcomes: set[str]) -> None:
    found = _effects(recogniser, text)
    assert {t[2] for t in found} == outcomes
    assert all(t[0] == MSC_EV for t in found)


def test_cells_a_molecule_is_measured_in_are_no_object(recogniser: Recogniser) -> None:
    found = _effects(recogniser, "In rats, exosomes increased VEGF expression in CD31+ cells.")
    assert not any("cd31" in t[2] for t in found)
    assert (EXO, "biolink:affects", "uniprot:P15692", "increased", False, False) in found


# --- absences ---------------------------------------------------------------------------------

def test_there_was_no_change_is_a_negated_effect_without_direction(
        recogniser: Recogniser) -> None:
    found = _effects(recogniser, "In mice, MSC-EVs lowered the number of apoptotic cells, "
                                 "there was no change in caspase-3 expression after MSC-EV "
                                 "administration.")
    assert (MSC_EV, "biolink:affects", "NCBIGene:836", None, True, False) in found
    assert (MSC_EV, "biolink:affects", "exokg:outcome/apoptotic-cell", "decreased", False,
            False) in found
    # the other way to say it, after "although"
    found = _effects(recogniser, "In rats, exosomes reduced infarct volume, although there "
                                 "were no significant changes in IL-6 levels.")
    assert (EXO, "biolink:affects", "uniprot:P05231", None, True, False) in found
    assert not any(t[2] == "uniprot:P05231" and t[3] for t in found)


def test_no_difference_among_groups_is_no_absence_of_an_effect(recogniser: Recogniser) -> None:
    assert not _effects(recogniser, "There were no differences in plasma and exosomal "
                                    "protein levels among the mild TBI groups.")


# --- verbs of causing and hindering -----------------------------------------------------------

@pytest.mark.parametrize("text, outcome, direction", [
    ("In mice, exosomes drive neuroinflammation after hemorrhage.",
     "exokg:phenotype/inflammation", "increased"),
    ("In rats, exosomes triggered microglial activation.",
     "exokg:process/microglial-activation", "increased"),
    ("In rats, exosomes curbed oxidative stress.", "exokg:phenotype/oxidative-stress",
     "decreased"),
    ("In mice, exosomes counteracted neuronal apoptosis.", "exokg:process/apoptosis",
     "decreased"),
])
def test_verbs_of_causing_and_hindering_are_effects(recogniser: Recogniser, text: str,
                                                     outcome: str, direction: str) -> None:
    assert (EXO, "biolink:affects", outcome, direction, False, False) in _effects(recogniser,
                                                                                  text)


@pytest.mark.parametrize("text", [
    "These findings raise the question whether exosomes cross the blood-brain barrier.",
    "High production costs hinder the clinical translation of exosomes.",
    "Expression of the transgene was driven by the CMV promoter in exosomes.",
])
def test_the_same_verbs_said_of_research_or_constructs_are_no_effects(
        recogniser: Recogniser, text: str) -> None:
    assert not _effects(recogniser, text)


# --- harm measured in cells -------------------------------------------------------------------

def test_an_injury_of_cells_is_a_measured_outcome_not_a_condition(
        recogniser: Recogniser) -> None:
    found = _effects(recogniser, "In mice, exosomes reduced neuronal injury after TBI.")
    assert (EXO, "biolink:affects", "exokg:outcome/neuronal-injury", "decreased", False,
            False) in found
    found = _effects(recogniser, "In rats, exosomes attenuated endothelial injury and "
                                 "improved functional recovery post-SCI.")
    assert {t[2] for t in found} == {"exokg:outcome/endothelial-injury",
                                     "exokg:outcome/functional-recovery"}
    # a brain injury stays the condition
    assert not any(t[2] == "exokg:outcome/brain-injury"
                   for t in _effects(recogniser, "In rats, exosomes improved memory after "
                                                 "traumatic brain injury."))


# --- hedges -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "We found that MSC-EVs could attenuate brain edema in rats.",
    "In rats, miR-124 was enriched in MSC-EVs and could promote neurogenesis.",
    "Reporter assays showed that miR-124 could bind to the 3' UTR of STAT3 in rat neurons.",
])
def test_could_hedges_a_finding(recogniser: Recogniser, text: str) -> None:
    found = claim_tuples(read(recogniser, text), "hedged")
    assert found and all(t[-1] for t in found)


def test_could_not_is_a_negation_not_a_hedge(recogniser: Recogniser) -> None:
    found = _effects(recogniser, "In rats, MSC-EVs could not reduce infarct volume.")
    assert (MSC_EV, "biolink:affects", "exokg:outcome/infarct-volume", None, True,
            False) in found


@pytest.mark.parametrize("text", [
    "These results have significant implications for the use of MSC-exosomes as "
    "therapeutic tools in stroke.",
    "Our data have implications for the treatment of stroke with MSC-exosomes.",
])
def test_implications_for_are_a_prospect(recogniser: Recogniser, text: str) -> None:
    found = claim_tuples(read(recogniser, text), "hedged")
    assert all(t[-1] for t in found)


# --- cargo and earlier work are no effects ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "In mice, MSC-EVs expressed several miRNAs, including two which have been shown to be "
    "downregulated after stroke: miR-342-3p and miR-330-3p.",
    "In rats, MSC-EVs contained miR-21, which has been reported to be upregulated after "
    "stroke.",
    "Proteomics revealed C5 enrichment in MSC-EVs, correlating with elevated C5a levels in "
    "serum.",
])
def test_cargo_and_cited_levels_are_no_effect_of_the_vesicles(recogniser: Recogniser,
                                                               text: str) -> None:
    assert not any(t[0] == MSC_EV for t in _effects(recogniser, text))


# --- coordination: shared modifiers, measures and heads ---------------------------------------

def test_a_cell_modifier_is_shared_by_a_list_of_its_processes(recogniser: Recogniser) -> None:
    text = ("Exosomes were added to oligodendrocyte precursor cells (OPCs). In rats, exosomes "
            "increased OPC proliferation, survival and differentiation.")
    assert {t[2] for t in _effects(recogniser, text)} == {
        "exokg:outcome/opc-proliferation", "exokg:outcome/opc-survival",
        "exokg:outcome/opc-differentiation"}
    found = _effects(recogniser, "In rats, exosomes promoted neuronal survival and maturation.")
    assert {t[2] for t in found} == {"exokg:outcome/neuronal-survival",
                                     "exokg:outcome/neuronal-maturation"}
    # only process nouns take it: edema is not neuronal
    found = _effects(recogniser, "In rats, exosomes reduced neuronal apoptosis, inflammation "
                                 "and edema.")
    assert not any(t[2].startswith("exokg:outcome/neuronal-") for t in found)


def test_a_mirna_enriched_in_vesicles_stays_the_subject_of_the_next_verb(
        recogniser: Recogniser) -> None:
    for text in ("In rats, miR-124 was enriched in MSC-EVs and could promote neurogenesis.",
                 "In rats, miR-124 was highly expressed in MSC-EVs and promoted neurogenesis."):
        found = _effects(recogniser, text)
        assert {t[0] for t in found} == {"exokg:mirna/mir-124"}


@pytest.mark.parametrize("text, outcomes", [
    ("In rats, exosomes decreased brain infarct and edema volume.",
     {"exokg:outcome/infarct-volume", "exokg:outcome/edema-volume"}),
    ("In rats, exosomes reduced edema and hemorrhage volumes.",
     {"exokg:outcome/edema-volume", "exokg:outcome/hemorrhage-volume"}),
    # a list of three: the measure stays with its own name
    ("In rats, exosomes reduced neurological score, infarct volume and edema.",
     {"exokg:outcome/neurological-score", "exokg:outcome/infarct-volume", "HP:0000969"}),
])
def test_a_measure_after_two_pathologies_is_the_measure_of_both(
        recogniser: Recogniser, text: str, outcomes: set[str]) -> None:
    assert {t[2] for t in _effects(recogniser, text)} == outcomes


@pytest.mark.parametrize("text, outcome", [
    ("In rats, exosomes reduced inflammation and infarct volume.", "exokg:outcome/infarct-volume"),
    ("In rats, exosomes reduced neuroinflammation and lesion size.", "exokg:outcome/lesion-size"),
    ("In rats, exosomes attenuated apoptosis, inflammation and infarct volume.",
     "exokg:outcome/infarct-volume"),
    # a measure after the second name is of the first only when that takes up room
    ("In rats, exosomes reduced inflammation and edema volume.", "exokg:outcome/edema-volume"),
    ("In rats, exosomes reduced neuroinflammation and edema volume.",
     "exokg:outcome/edema-volume"),
])
def test_a_singular_measure_named_with_its_own_noun_is_not_shared(
        recogniser: Recogniser, text: str, outcome: str) -> None:
    # review10: "inflammation and infarct volume" names inflammation and infarct volume, no
    # "inflammation volume"; only a plural ("edema and hemorrhage volumes") is of both
    # (invented sentences)
    found = {t[2] for t in _effects(recogniser, text)}
    assert {"exokg:phenotype/inflammation", outcome} <= found
    assert not any(o.endswith(("-volume", "-size")) for o in found - {outcome})


def test_a_process_name_before_molecules_names_the_molecules(recogniser: Recogniser) -> None:
    found = _effects(recogniser, "In mice, miR-143-3p induced the expression of cell adhesion "
                                 "molecules in endothelial cells.")
    assert {t[2] for t in found} == {"exokg:outcome/cell-adhesion-molecule"}
    found = _effects(recogniser, "In rats, exosomes increased cell adhesion and angiogenesis.")
    assert "GO:0007155" in {t[2] for t in found}


# --- beneficial_in_models_for in titles, conclusions and background ---------------------------

BENEFIT = "biolink:beneficial_in_models_for"


@pytest.mark.parametrize("text, disease", [
    ("Astrocyte-derived exosomes protect hippocampal neurons after traumatic brain injury",
     "MONDO:0858950"),
    ("In rats, MSC-exosomes protected the brain from ischemic stroke.", "MONDO:1060198"),
])
def test_protecting_cells_after_an_insult_is_a_benefit_in_it(recogniser: Recogniser,
                                                              text: str, disease: str) -> None:
    found = claim_tuples(read(recogniser, text))
    assert any(t[1] == BENEFIT and t[2] == disease for t in found)


def test_a_strategy_for_repair_in_a_disease_is_a_hedged_benefit(recogniser: Recogniser) -> None:
    found = claim_tuples(read(recogniser, "In mice, MSC-EVs promoted remyelination, suggesting "
                                          "MSC-EVs are a promising therapeutic strategy for "
                                          "white matter repair in stroke."), "hedged")
    assert (MSC_EV, BENEFIT, "MONDO:0005098", None, True) in found
    # a therapy for recovery names no disease treated
    assert not any(t[1] == BENEFIT for t in claim_tuples(read(
        recogniser, "Exosomes as a therapy for stroke recovery")))


def test_earlier_benefit_named_with_a_short_form_is_read(recogniser: Recogniser) -> None:
    found = claim_tuples(read(recogniser, "We have previously verified the beneficial effects "
                                          "of MSC-derived exosomes (MSC-Exos) in ischemic "
                                          "stroke. In mice, MSC-Exos reduced apoptosis."),
                         "status")
    assert any(t[1] == BENEFIT and t[2] == "MONDO:1060198" for t in found)


def test_a_nonsignificant_change_is_negated_without_direction(recogniser: Recogniser) -> None:
    found = _effects(recogniser, "In mice, MSC-EVs resulted in a nonsignificant decrease in "
                                 "TUNEL+ cells (p = 0.167).")
    assert (MSC_EV, "biolink:affects", "exokg:outcome/tunel-cell-9a3123", None, True,
            False) in found
    found = _effects(recogniser, "In rats, exosomes produced a non-significant increase in "
                                 "BDNF.")
    assert (EXO, "biolink:affects", "NCBIGene:627", None, True, False) in found


def test_a_named_capacity_is_an_outcome(recogniser: Recogniser) -> None:
    found = _effects(recogniser, "In mice, miR-143-3p directly targets ATP6V1A, resulting in "
                                 "impaired lysosomal hydrolysis ability.")
    assert ("exokg:mirna/mir-143-3p", "biolink:affects",
            "exokg:outcome/lysosomal-hydrolysis-ability", "decreased", False, False) in found
    found = _effects(recogniser, "In rats, exosomes enhanced the proliferative ability.")
    assert {t[2] for t in found} == {"exokg:outcome/proliferative-ability"}
    # "the ability to ..." names no outcome
    assert not _effects(recogniser, "In rats, exosomes improved the ability to cross the "
                                    "barrier.")


def test_the_modified_neurological_severity_score_is_no_verb(recogniser: Recogniser) -> None:
    found = _effects(recogniser, "In rats, exosomes decreased infarct volume, modified "
                                 "neurological severity score, and IgG leakage.")
    assert {"exokg:outcome/infarct-volume", "exokg:outcome/igg-leakage"} <= {t[2] for t in found}
    assert len(found) == 3


@pytest.mark.parametrize("text, outcome", [
    ("In mice, exosomes promoted C5-dependent microglial necroptosis and M1 polarization.",
     "exokg:outcome/microglial-necroptosis"),
    ("In rats, exosomes reduced TLR4-mediated neuroinflammation.",
     "exokg:phenotype/inflammation"),
])
def test_a_name_glued_to_dependent_or_mediated_modifies_the_object(
        recogniser: Recogniser, text: str, outcome: str) -> None:
    found = {t[2] for t in _effects(recogniser, text)}
    assert outcome in found
    assert not found & {"NCBIGene:727", "NCBIGene:7099"}  # C5, TLR4: modifiers, no objects

"""Tuning round 15c: clause structure. Who is the agent of each verb phrase (the cells, genes
or molecules named in an object are never the agent of the verb phrase coordinated after it,
exokg.extract.verb_phrases), what "X, but not Y" asserts, lists after any list verb, and a
treatment's benefit in a model. Every text is invented for these tests, in the language of
the field; none is a sentence of the development set."""

from __future__ import annotations

import pytest

from exokg.model import Document, Statement
from exokg.pipeline import document_statements
from exokg.recognise import Recogniser
from reading_helpers import MSC_EXO, read
from reading_helpers import effect_triples as _effects

RGC = "CL:0000740"
MICROGLIA = "CL:0000129"
MIR21 = "exokg:mirna/mir-21"


# --- the agent of a coordinated or participial verb phrase ----------------------------------

@pytest.mark.parametrize("text, obj, direction", [
    # cells named in the object of an unknown verb, then "and V"
    ("Retinal ganglion cells (RGCs) die in glaucoma. In mice, MSC exosomes can neuroprotect "
     "RGCs and preserve visual function.", "visual function", "increased"),
    # "X numbers and V-ing": the counted cells end the object
    ("Retinal ganglion cells (RGCs) die in glaucoma. In mice, MSC exosomes preserved RGC "
     "numbers and protected against axonal degeneration.", "axonal degeneration", "decreased"),
    # "while V-ing"
    ("Retinal ganglion cells (RGCs) die in glaucoma. In mice, MSC exosomes provided "
     "neuroprotective effects for RGCs while reducing the number of degenerating axons.",
     "degenerating axon", "decreased"),
    # a gene named in the object, then "and V"
    ("In rats, MSC exosomes increased miR-21 expression and reduced neuronal apoptosis.",
     "apoptosis", "decreased"),
    # cells as the object of an effect verb, then ", V-ing"
    ("Microglia (MG) are activated after stroke. In mice, MSC exosomes polarized MG, "
     "reducing inflammation.", "inflammation", "decreased"),
    ("Microglia (MG) are activated after stroke. In mice, MSC exosomes inhibited MG "
     "activation and reduced infarct volume.", "infarct volume", "decreased"),
])
def test_the_object_of_a_verb_is_never_the_agent_of_the_verb_coordinated_after_it(
        text: str, obj: str, direction: str, recogniser: Recogniser) -> None:
    found = _effects(read(recogniser, text))
    assert (MSC_EXO, obj, direction) in found
    assert not any(s in (RGC, MICROGLIA, MIR21) and o == obj for s, o, _ in found)


@pytest.mark.parametrize("text", [
    "In rats, miR-21 was upregulated and reduced neuronal apoptosis.",
    "In rats, miR-21 directly targets PTEN and reduced neuronal apoptosis.",
    "In rats, MSC exosomes reduced apoptosis, and miR-21 lowered neuronal apoptosis.",
])
def test_a_mention_that_opens_its_own_verb_phrase_stays_the_agent(
        text: str, recogniser: Recogniser) -> None:
    assert (MIR21, "apoptosis", "decreased") in _effects(read(recogniser, text))


def test_a_participle_left_after_the_object_is_no_part_of_it(recogniser: Recogniser) -> None:
    found = _effects(read(recogniser, "In rats, exosomes lowered the apoptosis detected in the "
                                      "penumbra and reduced the number of degenerating axons "
                                      "seen in the optic nerve."))
    assert {o for _, o, _ in found} == {"apoptosis", "degenerating axon"}


# --- "X, but not Y": the claim is X's, the denial Y's ---------------------------------------

FIB_EXO = "exokg:preparation/sourcecell-cl-0000057-vesicletype-go-0070062-b6464c"


def _denials(statements: list[Statement]) -> set[tuple[str, str, str | None, bool]]:
    """(subject id, object label, direction, negated) of each effect statement."""
    return {(s.subject.id, s.object.label.lower(), s.direction, s.negated) for s in statements
            if s.predicate == "biolink:affects"}


@pytest.mark.parametrize("text", [
    "In rats, MSC exosomes, but not fibroblast exosomes, reduced infarct volume.",
    "In rats, MSC exosomes but not fibroblast exosomes reduced infarct volume.",
    "In rats, MSC exosomes rather than fibroblast exosomes reduced infarct volume.",
    "In rats, unlike fibroblast exosomes, MSC exosomes reduced infarct volume.",
    "In rats, MSC exosomes reduced infarct volume, whereas fibroblast exosomes did not.",
    "In rats, MSC exosomes reduced infarct volume, but fibroblast exosomes had no such effect.",
])
def test_the_claim_is_the_subjects_and_the_denial_the_set_aside_agents(
        text: str, recogniser: Recogniser) -> None:
    assert _denials(read(recogniser, text)) == {
        (MSC_EXO, "infarct volume", "decreased", False),
        (FIB_EXO, "infarct volume", None, True)}


def test_an_object_set_aside_is_no_object(recogniser: Recogniser) -> None:
    for text in ("In rats, MSC exosomes reduced IL-1beta, but not TNF-alpha, in the serum.",
                 "In rats, MSC exosomes reduced IL-1beta but not TNF-alpha levels and "
                 "increased IL-10."):
        found = _denials(read(recogniser, text))
        assert (MSC_EXO, "il1b", "decreased", False) in found
        assert not any(o == "tnf" for _, o, _, _ in found)
        assert not any(neg for *_, neg in found)


# --- lists after any list verb (exokg.extract.inclusion_lists) ------------------------------

ISCHEMIC_STROKE = "MONDO:1060198"


def _listed(statements: list[Statement]) -> set[tuple[str, str]]:
    """(member label, disease id) of each list statement of association."""
    return {(s.subject.label.lower(), s.object.id) for s in statements
            if s.predicate == "biolink:associated_with"
            and s.evidence[0].rule.startswith("list.")}


@pytest.mark.parametrize("text", [
    "The pathological mechanism of ischemic stroke encompasses excitotoxicity, oxidative "
    "stress and neuroinflammation.",
    "The pathological mechanisms of ischemic stroke comprise excitotoxicity, oxidative stress "
    "and neuroinflammation.",
    "The mechanisms underlying ischemic stroke involve excitotoxicity, oxidative stress and "
    "neuroinflammation.",
    "The pathological processes of ischemic stroke consist of excitotoxicity, oxidative stress "
    "and neuroinflammation.",
    "The main mechanisms of ischemic stroke are excitotoxicity, oxidative stress and "
    "neuroinflammation.",
    "Excitotoxicity, oxidative stress and neuroinflammation are the main mechanisms of "
    "ischemic stroke.",
    "Ischemic stroke is a leading cause of disability. Its pathological mechanism encompasses "
    "excitotoxicity, oxidative stress and neuroinflammation.",
])
def test_any_list_verb_lists_the_members_of_the_head(text: str,
                                                     recogniser: Recogniser) -> None:
    assert {("excitotoxicity", ISCHEMIC_STROKE), ("oxidative stress", ISCHEMIC_STROKE),
            ("inflammation", ISCHEMIC_STROKE)} <= _listed(read(recogniser, text))


@pytest.mark.parametrize("text", [
    "The mechanisms of ischemic stroke are complex and remain unclear.",
    "However, the effects of exosomes on the pathophysiology of ischemic stroke are very "
    "different, or potentially even opposite.",
])
def test_a_copula_with_no_list_after_it_lists_nothing(text: str,
                                                     recogniser: Recogniser) -> None:
    assert not _listed(read(recogniser, text))


# --- a treatment's benefit in a model or a review -------------------------------------------

BENEFIT = "biolink:beneficial_in_models_for"
BIOMARKER = "biolink:biomarker_for"
MSC_EV = "exokg:preparation/sourcecell-cl-0000134-vesicletype-go-1903561-193bdf"
TBI = "MONDO:0858950"
SCI = "MONDO:0043797"


def _relations(statements: list[Statement]) -> set[tuple[str, str, str]]:
    """(subject id, predicate, object id) of each benefit or biomarker statement."""
    return {(s.subject.id, s.predicate, s.object.id) for s in statements
            if s.predicate in (BENEFIT, BIOMARKER)}


@pytest.mark.parametrize("text, expected", [
    ("MSC-derived extracellular vesicles play a pivotal role in the treatment of traumatic "
     "brain injury.", {(MSC_EV, BENEFIT, TBI)}),
    ("MSC-derived extracellular vesicles have a key role in both the diagnosis and therapy of "
     "traumatic brain injury.", {(MSC_EV, BENEFIT, TBI), (MSC_EV, BIOMARKER, TBI)}),
    ("Exosomal miR-124 plays an important role in the diagnosis of traumatic brain injury.",
     {("exokg:mirna/mir-124", BIOMARKER, TBI)}),
])
def test_a_role_in_the_treatment_or_diagnosis_of_a_disease_names_the_use(
        text: str, expected: set, recogniser: Recogniser) -> None:
    assert _relations(read(recogniser, text)) == expected


def test_a_role_in_the_pathogenesis_names_no_use(recogniser: Recogniser) -> None:
    found = _relations(read(recogniser, "Exosomal miR-21 plays a key role in the pathogenesis "
                                        "of traumatic brain injury."))
    assert not found


@pytest.mark.parametrize("text", [
    "MSC exosomes are an effective neuroprotective treatment in a chronic model of spinal cord "
    "injury.",
    "MSC exosomes are an effective therapy in a rat model of spinal cord injury.",
])
def test_an_effective_treatment_in_a_model_of_a_disease_is_a_benefit(
        text: str, recogniser: Recogniser) -> None:
    assert (MSC_EXO, BENEFIT, SCI) in _relations(read(recogniser, text))


def _title_relations(recogniser: Recogniser, title: str, body: str) -> set:
    document = Document("t", title + "\n" + body, "test", kind="abstract", title=title)
    return _relations(document_statements(document, recogniser)[0])


@pytest.mark.parametrize("title", [
    "MSC Exosomes Promote Neuroprotection in a Genetic Mouse Model of Spinal Cord Injury",
    "MSC Exosomes Reduce Neuronal Apoptosis in a Rat Model of Spinal Cord Injury",
])
def test_a_titles_helping_effect_in_a_model_of_a_disease_is_a_benefit(
        title: str, recogniser: Recogniser) -> None:
    assert (MSC_EXO, BENEFIT, SCI) in _title_relations(recogniser, title,
                                                       "Exosomes were given to rats.")


def test_a_results_sentence_in_a_model_of_a_disease_is_left_to_the_effect(
        recogniser: Recogniser) -> None:
    # the wider shape outside titles was measured in round 13c and left out
    assert not _title_relations(
        recogniser, "A study of vesicles",
        "In our study, MSC exosomes reduced neuronal apoptosis in a rat model of spinal cord "
        "injury.")


# --- an object's complement kept ------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("In rats, MSC exosomes limited damage to the retina and photoreceptors.",
     {"damage to retina", "damage to photoreceptor"}),
    ("In rats, MSC exosomes reduced damage to the spinal cord and inflammation.",
     {"damage to spinal cord", "inflammation"}),
    ("In mice, MSC exosomes attenuated damage to oligodendrocytes after stroke.",
     {"damage to oligodendrocyte"}),
])
def test_a_harm_keeps_what_it_befalls(text: str, expected: set[str],
                                      recogniser: Recogniser) -> None:
    found = _effects(read(recogniser, text))
    assert {o for s, o, d in found if s == MSC_EXO and d == "decreased"} == expected

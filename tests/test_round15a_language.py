"""Tuning round 15a: the field's open words (exokg.extract.effect_verbs,
exokg.recognise.vesicle_kinds, exokg.recognise.injured_sites, the cargo short forms of
exokg.recognise.composed_names). Effect verbs by direction class with generated inflections,
vesicles named by a modifier of the vesicle noun, conditions named by the structure injured,
and a loaded preparation whose cargo kind the document defined ("small interfering RNA
(siRNA)"). Every text is invented for these tests, in the language of the field; none is a
sentence of the development set."""

from __future__ import annotations

import re

import pytest

from exokg.extract.effect_verbs import MORE_STEMS, verb_forms
from exokg.model import Entity, Statement
from exokg.recognise import Recogniser
from reading_helpers import MSC_EXO, read
from reading_helpers import effect_triples as _effects

MSC_EV = "exokg:preparation/sourcecell-cl-0000134-vesicletype-go-1903561-193bdf"
EV = "GO:1903561"
BENEFIT = "biolink:beneficial_in_models_for"
APOPTOSIS = "exokg:process/apoptosis"


def _subjects(statements: list[Statement]) -> set[str]:
    return {s.subject.id for s in statements}


def _needs_lexicon(recogniser: Recogniser) -> None:
    if recogniser.open_lexicon is None:
        pytest.skip("needs the open lexicon (docs/lexicon.md)")


# --- effect verbs: one list by direction class, inflections generated ------------------------

@pytest.mark.parametrize("base, words, forms", [
    ("quench", "quench quenches quenched quenching quencher", ["quench", "quenches", "quenched",
                                                                "quenching"]),
    ("abate", "abate abates abated abating abatement", ["abate", "abates", "abated",
                                                        "abating"]),
    ("intensify", "intensify intensifies intensified intensifying",
     ["intensify", "intensifies", "intensified", "intensifying"]),
    ("spur", "spur spurs spurred spurring", ["spur", "spurs", "spurred", "spurring"]),
    ("bolster", "bolster bolsters bolstered bolstering bolsterred",
     ["bolster", "bolsters", "bolstered", "bolstering"]),
])
def test_verb_forms_are_the_inflections_of_the_base(base: str, words: str,
                                                    forms: list[str]) -> None:
    pattern = re.compile(verb_forms(base) + "[a-z]*")
    assert [w for w in words.split() if pattern.fullmatch(w)] == forms


def test_the_noun_of_silencing_is_no_verb_form() -> None:
    down = re.compile(r"(?:" + MORE_STEMS["down"] + r")[a-z]*")
    assert down.fullmatch("silenced") and down.fullmatch("silences")
    assert not down.fullmatch("silencing")


@pytest.mark.parametrize("text, objects", [
    ("In rats with spinal cord injury, MSC-derived exosomes quenched inflammation and "
     "thwarted neuronal apoptosis.", {"inflammation", "apoptosis"}),
    ("After stroke, MSC-derived exosomes quelled neuroinflammation and halted neuronal "
     "apoptosis in mice.", {"inflammation", "apoptosis"}),
    ("In mice after TBI, MSC-derived exosomes abated inflammation and stifled neuronal "
     "apoptosis.", {"inflammation", "apoptosis"}),
])
def test_verbs_of_hindering_lower_their_objects(text: str, objects: set[str],
                                               recogniser: Recogniser) -> None:
    assert {(MSC_EXO, o, "decreased") for o in objects} <= _effects(read(recogniser, text))


@pytest.mark.parametrize("verbs", ["bolstered angiogenesis and spurred",
                                   "reinforced angiogenesis and fueled"])
def test_verbs_of_causing_raise_their_objects(verbs: str, recogniser: Recogniser) -> None:
    text = f"In rats after stroke, MSC-derived exosomes {verbs} neurogenesis."
    found = _effects(read(recogniser, text))
    assert (MSC_EXO, "angiogenesis", "increased") in found
    assert (MSC_EXO, "neurogenesis", "increased") in found


def test_silences_lowers_the_gene_and_silencing_is_no_verb(recogniser: Recogniser) -> None:
    found = _effects(read(recogniser, "In SCI rats, MSC-derived exosomes silenced CTGF."))
    assert {(s, o, d) for s, o, d in found if d == "decreased"} and all(
        s == MSC_EXO for s, _, _ in found)
    # "CTGF silencing" names the knock-down: it is the agent, not a verb lowering "reduced"
    nominal = read(recogniser, "In SCI rats, CTGF silencing reduced glial scar formation.")
    assert all(s.object.label.lower() != "reduced glial scar formation" for s in nominal)


def test_neuroprotect_is_a_verb_of_protection(recogniser: Recogniser) -> None:
    found = _effects(read(recogniser, "In rats with glaucoma, MSC-derived exosomes "
                                      "neuroprotected neurons."))
    assert any(s == MSC_EXO and d == "increased" for s, _, d in found)


def test_relieve_lowers_an_adverse_object(recogniser: Recogniser) -> None:
    found = _effects(read(recogniser, "In SCI mice, MSC-derived exosomes relieved "
                                      "neuropathic pain."))
    assert (MSC_EXO, "neuropathic pain", "decreased") in found


# --- vesicle kinds: the vesicle noun with its modifiers ---------------------------------------

@pytest.mark.parametrize("text, kind", [
    ("Matrix-bound nanovesicles reduced neuronal apoptosis in ischemic rats.",
     "matrix-bound nanovesicle"),
    ("Exosome-mimetic nanovesicles reduced neuronal apoptosis in rats after stroke.",
     "exosome-mimetic nanovesicle"),
    ("Plant-derived exosome-like nanovesicles reduced neuronal apoptosis in mice after TBI.",
     "plant-derived exosome-like nanovesicle"),
    ("Ginger-derived exosome-like nanoparticles reduced neuronal apoptosis in mice.",
     "ginger-derived exosome-like nanoparticle"),
    ("Matrix-bound extracellular vesicles reduced neuronal apoptosis in rats after stroke.",
     "matrix-bound extracellular vesicle"),
])
def test_a_vesicle_noun_with_modifiers_is_a_kind_of_its_own(text: str, kind: str,
                                                            recogniser: Recogniser) -> None:
    statements = read(recogniser, text)
    agents = [s.subject for s in statements if s.object.id == APOPTOSIS]
    assert [a.label for a in agents] == [kind]
    assert agents[0].category == "Vesicle" and agents[0].id.startswith("exokg:vesicle/")
    assert agents[0].attr("skos:broadMatch") == (EV,)


def test_the_kinds_short_form_carries_through_the_document(recogniser: Recogniser) -> None:
    statements = read(recogniser, "Matrix-bound nanovesicles (MBV) are a class of vesicles "
                                  "embedded in the extracellular matrix. In ischemic rats, "
                                  "MBV reduced neuronal apoptosis and preserved visual "
                                  "function.")
    assert {(s.subject.label, s.object.label.lower()) for s in statements
            if s.predicate == "biolink:affects"} >= {
        ("matrix-bound nanovesicle", "apoptosis"),
        ("matrix-bound nanovesicle", "visual function")}


def test_source_cells_before_a_kind_make_a_preparation_of_it(recogniser: Recogniser) -> None:
    statements = read(recogniser, "MSC-derived exosome-mimetic nanovesicles reduced neuronal "
                                  "apoptosis in rats after stroke.")
    agents = {s.subject for s in statements if s.object.id == APOPTOSIS}
    assert len(agents) == 1
    agent = agents.pop()
    assert agent.attr("sourceCell") == ("CL:0000134",)
    assert agent.attr("vesicleType")[0].startswith("exokg:vesicle/exosome-mimetic-nanovesicle")


@pytest.mark.parametrize("text, agent", [
    ("MSC-derived nanovesicles reduced neuronal apoptosis in rats after stroke.", MSC_EV),
    ("Nanovesicles reduced neuronal apoptosis in rats after stroke.", EV),
])
def test_a_nanovesicle_without_a_kind_is_an_extracellular_vesicle(
        text: str, agent: str, recogniser: Recogniser) -> None:
    assert _subjects(read(recogniser, text)) == {agent}


@pytest.mark.parametrize("text", [
    # organelles and descriptions are no vesicle kind
    "Synaptic vesicles released glutamate and reduced neuronal apoptosis.",
    "Secretory vesicles fused with the membrane and reduced neuronal apoptosis.",
])
def test_organelle_vesicles_are_no_agent(text: str, recogniser: Recogniser) -> None:
    assert read(recogniser, text) == []


def test_a_modifier_every_vesicle_has_names_no_kind(recogniser: Recogniser) -> None:
    statements = read(recogniser, "Extracellular vesicles are small membrane-bound vesicles "
                                  "released by cells. In rats after stroke, extracellular "
                                  "vesicles promoted angiogenesis.")
    assert all(not s.subject.id.startswith("exokg:vesicle/") for s in statements)
    assert (EV, "angiogenesis", "increased") in _effects(statements)


def test_a_resemblance_before_a_known_kind_is_that_kind(recogniser: Recogniser) -> None:
    statements = read(recogniser, "In rats, MSCs act through extracellular vesicle-like "
                                  "exosomes, which promoted angiogenesis.")
    assert all(not s.subject.id.startswith("exokg:vesicle/") for s in statements)


@pytest.mark.parametrize("text", [
    "Plasma-derived exosomes of patients with stroke contained higher miR-124 levels.",
    "Neuron-derived exosomes reduced neuronal apoptosis in rats after stroke.",
])
def test_derived_from_cells_or_body_fluids_is_left_to_their_readers(
        text: str, recogniser: Recogniser) -> None:
    assert all(not s.subject.id.startswith("exokg:vesicle/") for s in read(recogniser, text))


# --- conditions named by the structure injured ----------------------------------------------

@pytest.mark.parametrize("text, label", [
    ("MSC-derived exosomes alleviated optic nerve injury in rats.", "optic nerve injury"),
    ("In rats, MSC-derived exosomes alleviated sciatic nerve injury.", "sciatic nerve injury"),
    ("MSC-derived exosomes attenuated distal white matter injury in neonatal rats.",
     "white matter injury"),
    # review15 (invented): an adjective of how or when the nerve was injured names no nerve
    ("MSC-derived exosomes alleviated the additional nerve injury in rats.", "nerve injury"),
    ("In rats, MSC-derived exosomes alleviated secondary nerve injury.", "nerve injury"),
])
def test_a_structure_injured_is_a_condition_at_its_site(text: str, label: str,
                                                         recogniser: Recogniser) -> None:
    _needs_lexicon(recogniser)
    effects = [s for s in read(recogniser, text) if s.predicate == "biolink:affects"]
    assert [(s.subject.id, s.object.label, s.direction) for s in effects] == [
        (MSC_EXO, label, "decreased")]
    condition = effects[0].object
    assert isinstance(condition, Entity) and condition.id.startswith("exokg:condition/")
    assert condition.category == "Phenotype"
    assert condition.attr("RO:0004026")[0].startswith("UBERON:")


def test_an_injury_the_lexicon_names_keeps_its_term(recogniser: Recogniser) -> None:
    _needs_lexicon(recogniser)
    benefits = {s.object.id for s in read(recogniser, "MSC-derived exosomes alleviated "
                                                      "spinal cord injury in rats.")
                if s.predicate == BENEFIT}
    assert benefits == {"MONDO:0043797"}


@pytest.mark.parametrize("text, outcome", [
    ("MSC-derived exosomes reduced retinal damage in rats with ocular hypertension.",
     "retinal damage"),
    ("MSC-derived exosomes reduced cortical lesions in mice after TBI.", "cortical lesion"),
])
def test_damage_and_lesions_stay_measured_outcomes(text: str, outcome: str,
                                                   recogniser: Recogniser) -> None:
    _needs_lexicon(recogniser)
    statements = read(recogniser, text)
    assert (MSC_EXO, outcome, "decreased") in _effects(statements)
    assert all(s.predicate != BENEFIT or s.object.label != outcome for s in statements)


# --- a loaded preparation whose cargo kind the document defined -------------------------------

@pytest.mark.parametrize("text, name", [
    ("Small interfering RNA (siRNA) against PTEN was loaded into MSC-derived exosomes by "
     "electroporation. In rats after stroke, Exo-siRNA curbed neuronal apoptosis.", "Exo-siRNA"),
    ("Short hairpin RNA (shRNA) against CTGF was carried by MSC-derived EVs. In SCI rats, "
     "EVs-shRNA reduced neuronal apoptosis.", "EVs-shRNA"),
])
def test_a_defined_cargo_kind_glued_to_vesicles_is_the_loaded_product(
        text: str, name: str, recogniser: Recogniser) -> None:
    agents = {s.subject for s in read(recogniser, text) if s.object.id == APOPTOSIS}
    assert len(agents) == 1
    agent = agents.pop()
    assert agent.id not in (MSC_EXO, MSC_EV)
    assert agent.attr("engineering") == ("modified",)
    assert agent.attr("designation") == (name.lower().replace("-", " "),)


# --- groups named by the adjective of their condition -----------------------------------------

ASSOCIATED = "biolink:associated_with"


def _associations(statements: list[Statement]) -> set[tuple[str, str, str | None]]:
    return {(s.subject.id, s.object.id, s.direction) for s in statements
            if s.predicate == ASSOCIATED}


def test_an_adjective_group_has_the_condition_the_document_names(
        recogniser: Recogniser) -> None:
    statements = read(recogniser, "We produced focal brain ischaemia by occlusion of the middle "
                                  "cerebral artery in rats. Plasma exosomal miR-122 was "
                                  "downregulated in 10 min ischaemic rats compared with control "
                                  "rats.")
    assert ("exokg:mirna/mir-122", "MONDO:0005299", "decreased") in _associations(statements)


@pytest.mark.parametrize("text, condition", [
    ("Serum exosomal miR-21 was elevated in diabetic mice compared with control mice.",
     "MONDO:0005015"),
    ("Serum exosomal miR-21 was elevated in hypertensive rats compared with normotensive "
     "rats.", "HP:0000822"),
])
def test_an_adjective_group_has_the_condition_its_noun_names(
        text: str, condition: str, recogniser: Recogniser) -> None:
    _needs_lexicon(recogniser)
    assert ("exokg:mirna/mir-21", condition, "increased") in _associations(
        read(recogniser, text))


@pytest.mark.parametrize("text", [
    "Serum exosomal miR-21 was elevated in aged rats compared with young rats.",
    "Exosomal miR-21 was elevated in ischemic rat brains compared with sham brains.",
])
def test_no_condition_for_other_adjectives_or_nouns(text: str, recogniser: Recogniser) -> None:
    assert not _associations(read(recogniser, text))


def test_a_longer_name_keeps_the_adjective(recogniser: Recogniser) -> None:
    found = _associations(read(recogniser, "Serum exosomal miR-21 was elevated in ischemic "
                                           "stroke patients compared with healthy controls."))
    assert {o for _, o, _ in found} == {"MONDO:1060198"}

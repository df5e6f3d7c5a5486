"""The study's own agent (tuning round 11a): the engineered preparation a document names by a
short form that glues its miRNA to the vesicle word, the preparation a later generic mention
denotes, and cell therapies that are neither vesicles nor generic stem cells. Every sentence
here is INVENTED for these tests, each rule tried in at least two phrasings."""

from __future__ import annotations

import pytest

from exokg.model import Entity, Statement
from exokg.recognise import Recogniser
from reading_helpers import read

BMSC = "CL:0002540"


def _agents(statements: list[Statement], obj: str) -> list[Entity]:
    """The subjects of the statements whose object is ``obj``."""
    return [s.subject for s in statements
            if isinstance(s.object, Entity) and s.object.id == obj]


@pytest.mark.parametrize("text, cargo, engineering", [
    # the miRNA glued to the vesicle word with no joiner, after a defined source short form
    ("Bone marrow MSC-derived exosomes (BMSC-EXs) protect neurons. Rat BMSCs transfected "
     "with control or miR-21-5p mimics were used to produce BMSC-EXs and "
     "miR-21-5p-overexpressed BMSC-EXs (BMSC-EXsmiR-21-5p). In MCAO rats, "
     "BMSC-EXsmiR-21-5p reduced neuronal apoptosis more than BMSC-EXs.",
     "exokg:mirna/mir-21-5p", "overexpressing-source"),
    # joined by a hyphen after the vesicle word: the long form says what was done
    ("Exosomes released by endothelial progenitor cells (EPC-Exos) were studied. EPC-Exos "
     "and miR-126-3p-enriched EPC-Exos (EPC-Exos-miR-126-3p) were given to mice after "
     "stroke. EPC-Exos-miR-126-3p reduced neuronal apoptosis.",
     "exokg:mirna/mir-126-3p", "enriched"),
])
def test_an_engineered_short_form_with_its_mirna_glued_on_is_the_preparation(
        recogniser: Recogniser, text: str, cargo: str, engineering: str) -> None:
    agents = _agents(read(recogniser, text), "exokg:process/apoptosis")
    assert agents, "the finding is read"
    assert all(a.category == "ExosomePreparation" for a in agents)
    assert {(a.attr("cargo"), a.attr("engineering")) for a in agents} == {
        ((cargo,), (engineering,))}
    assert BMSC not in {a.id for a in agents}


def test_a_glued_short_form_naming_another_mirna_is_not_the_preparation(
        recogniser: Recogniser) -> None:
    """The short form's miRNA must be the preparation's cargo: "(MSC-ExomiR-21)" after a
    miR-124 preparation is no definition of it."""
    statements = read(recogniser, "MSC-derived exosomes loaded with miR-124 (MSC-ExomiR-21) "
                                  "were given after MCAO. MSC-ExomiR-21 decreased infarct "
                                  "volume in rats.")
    agents = _agents(statements, "exokg:outcome/infarct-volume")
    assert not any(a.attr("cargo") == ("exokg:mirna/mir-124",) for a in agents)


BM_EXO = {"vesicleType": "GO:0070062", "sourceCell": BMSC}


def _is_preparation(entity: Entity, parts: dict[str, str]) -> bool:
    return entity.category == "ExosomePreparation" and \
        all(entity.attr(k) == (v,) for k, v in parts.items())


@pytest.mark.parametrize("text, obj", [
    ("Exosomes derived from human umbilical cord MSCs (hucMSC-Exos) were given to mice "
     "after TBI. In TBI mice, exosome treatment reduced neuronal apoptosis.",
     "exokg:process/apoptosis"),
    ("We isolated exosomes from bone marrow MSCs and injected them into rats after MCAO. "
     "Exosome therapy reduced infarct volume.", "exokg:outcome/infarct-volume"),
    ("We isolated exosomes from bone marrow MSCs and injected them into rats after MCAO. "
     "Treatment of exosomes could improve neurological function.",
     "exokg:outcome/neurological-function"),
    ("Bone marrow MSC-derived exosomes were infused after stroke in rats. Administration of "
     "exosomes may reduce infarct volume.", "exokg:outcome/infarct-volume"),
])
def test_the_study_treatment_named_generically_is_the_study_preparation(
        recogniser: Recogniser, text: str, obj: str) -> None:
    agents = _agents(read(recogniser, text), obj)
    assert agents, "the finding is read"
    assert all(a.category == "ExosomePreparation" for a in agents)
    assert "exokg:therapy/exosome-therapy" not in {a.id for a in agents}
    assert "GO:0070062" not in {a.id for a in agents}


def test_a_kind_of_therapy_stays_the_generic_therapy(recogniser: Recogniser) -> None:
    """"exosome-based therapies" names a kind of therapy, not the study's preparation."""
    statements = read(recogniser, "We isolated exosomes from bone marrow MSCs and injected "
                                  "them into rats after MCAO. Exosome-based therapies reduced "
                                  "infarct volume in earlier studies.")
    agents = _agents(statements, "exokg:outcome/infarct-volume")
    assert not any(_is_preparation(a, BM_EXO) for a in agents)


UCBC = "exokg:cell/umbilical-cord-blood-cell"
UCB_MNC = "exokg:cell/umbilical-cord-blood-mononuclear-cell"


@pytest.mark.parametrize("text, obj, cell", [
    ("In neonatal rats with hypoxic-ischemic injury, umbilical cord blood cells reduced "
     "brain injury.", "exokg:phenotype/brain-injury", UCBC),
    ("In mice, cord blood-derived stem cells decreased infarct volume.",
     "exokg:outcome/infarct-volume", UCBC),
    ("We examined whether umbilical cord blood stem cell (UCBC) treatment helps FGR lambs. "
     "UCBC therapy decreased cerebrovascular resistance in lambs.",
     "exokg:outcome/cerebrovascular-resistance", UCBC),
    ("Human umbilical cord blood mononuclear cells (hUCB-MNCs) were infused after MCAO. "
     "hUCB-MNCs reduced infarct volume in rats.", "exokg:outcome/infarct-volume", UCB_MNC),
])
def test_cord_blood_cells_are_their_own_cell_therapy(recogniser: Recogniser, text: str,
                                                      obj: str, cell: str) -> None:
    """Cord blood cells are neither generic "stem cells" nor generic "cell therapy"."""
    agents = {a.id for a in _agents(read(recogniser, text), obj)}
    assert agents == {cell}


MSC = "CL:0000134"
EPC = "exokg:cell/endothelial-progenitor-cell"


@pytest.mark.parametrize("text, expected", [
    # one direction for the measures before the contrast
    ("Serum IL-6 levels were lower in HI+MSC vs. HI pups.",
     {(MSC, "uniprot:P05231", "decreased")}),
    ("Infarct volume was smaller in stroke + UCBC compared with stroke mice.",
     {(UCBC, "exokg:outcome/infarct-volume", "decreased")}),
    # a list with its own directions
    ("Histology showed reduced apoptosis and increased neurogenesis in MCAO+EPC vs. MCAO "
     "rats.", {(EPC, "exokg:process/apoptosis", "decreased"),
               (EPC, "GO:0022008", "increased")}),
    ("Brain sections showed less oxidative stress, more endothelial cell proliferation and "
     "greater pericyte coverage in HI+UCBC versus HI lambs.",
     {(UCBC, "exokg:phenotype/oxidative-stress", "decreased"),
      (UCBC, "GO:0001935", "increased"),
      (UCBC, "exokg:outcome/pericyte-coverage", "increased")}),
])
def test_the_agent_named_only_in_the_treated_group_of_a_contrast(
        recogniser: Recogniser, text: str, expected: set[tuple[str, str, str]]) -> None:
    found = {(s.subject.id, s.object.id, s.direction) for s in read(recogniser, text)
             if isinstance(s.object, Entity)}
    assert expected <= found


@pytest.mark.parametrize("text", [
    "IL-6 was higher in FGR vs. AGA lambs.",  # no treatment in either group
    "IL-6 was higher in FGR+UCBC vs. AGA+UCBC lambs.",  # both groups treated
    "IL-6 was higher in vehicle-treated vs. sham animals.",  # the treated group is a vehicle
    "IL-6 was higher in controls+UCBC vs. FGR lambs.",  # controls given it: two differences
])
def test_a_contrast_without_one_treatment_between_the_groups_gives_no_effect(
        recogniser: Recogniser, text: str) -> None:
    assert not [s for s in read(recogniser, text) if s.predicate == "biolink:affects"]


@pytest.mark.parametrize("text, obj", [
    # the group rules share one list of animal nouns (exokg.recognise.species.ANIMAL_NOUNS):
    # lambs and neonates are read as rats and mice are
    ("Hypoxic-ischemic injury was induced in newborn lambs. Motor function in the MSC "
     "exosome-treated lambs was significantly improved.", "exokg:outcome/motor-function"),
    ("Hypoxia-ischemia was induced in rat neonates. Myelination was significantly improved "
     "in neonates treated with MSC-derived exosomes.", "GO:0042552"),
])
def test_a_measure_in_treated_animals_of_any_species_noun(recogniser: Recogniser, text: str,
                                                         obj: str) -> None:
    rules = {s.evidence[0].rule for s in read(recogniser, text)
             if isinstance(s.object, Entity) and s.object.id == obj
             and s.direction == "increased"}
    assert "effect.treated-animals" in rules


PLATELET_MP = {"vesicleType": "GO:1903561", "sourceCell": "CL:0000233"}


@pytest.mark.parametrize("text, agent, obj", [
    ("Uninjured mice injected with platelet microparticles developed a hypercoagulable state.",
     PLATELET_MP, "exokg:outcome/hypercoagulable-state"),
    ("Naive rats that received platelet microparticles developed a dose-dependent "
     "thrombotic state measured by prolonged bleeding time.",
     PLATELET_MP, "exokg:outcome/thrombotic-state"),
])
def test_the_state_animals_given_an_agent_developed_is_its_effect(
        recogniser: Recogniser, text: str, agent: dict[str, str], obj: str) -> None:
    found = [s for s in read(recogniser, text) if isinstance(s.object, Entity)
             and s.object.id == obj]
    assert [(s.direction, _is_preparation(s.subject, agent)) for s in found] == [
        ("increased", True)]


@pytest.mark.parametrize("text", [
    "Mice injected with saline developed a hypercoagulable state.",  # a vehicle
    "Naive rats infused with platelet microparticles developed consumptive coagulopathy.",
])
def test_no_effect_from_a_vehicle_or_on_a_named_disease(recogniser: Recogniser,
                                                        text: str) -> None:
    assert not [s for s in read(recogniser, text) if s.predicate == "biolink:affects"]


def test_a_short_form_naming_the_vesicles_origin_is_not_the_study_preparation(
        recogniser: Recogniser) -> None:
    """"BDMPs" (brain-derived microparticles) stay those vesicles after the text names
    "neuronal BDMPs" (a preparation of neurons); a bare "EVs" would be the preparation."""
    text = ("We studied brain-derived microparticles (BDMPs) after TBI. Plasma levels of "
            "neuronal BDMPs peaked at 3 hours. Naive mice injected with BDMPs developed a "
            "hypercoagulable state.")
    found = [s for s in read(recogniser, text) if isinstance(s.object, Entity)
             and s.object.id == "exokg:outcome/hypercoagulable-state"]
    assert [s.subject.id for s in found] == ["GO:1903561"]

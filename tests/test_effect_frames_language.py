"""Tuning round 13c: conditions that are settings, protection from an insult, nominal titles,
delivery and mechanism phrases, counted cell populations, a burden. Every sentence here is
INVENTED for these tests (in the language of the field; none is taken from a paper or from
the development set)."""

from __future__ import annotations

from exokg.extract.adjectives import TISSUE_PROTECTION
from exokg.model import Document, Entity, Statement
from exokg.pipeline import document_statements
from exokg.recognise import Recogniser
from tests.reading_helpers import claim_tuples, outcome, read

MSC_EXO = "exokg:preparation/sourcecell-cl-0000134-vesicletype-go-0070062-577599"
MSC_EV = "exokg:preparation/sourcecell-cl-0000134-vesicletype-go-1903561-193bdf"
PROTECTION = TISSUE_PROTECTION.id
APOPTOSIS = "exokg:process/apoptosis"
INFLAMMATION = "exokg:phenotype/inflammation"
BENEFIT = "biolink:beneficial_in_models_for"


def claims(statements: list[Statement]) -> set[tuple]:
    """(subject id, predicate, object id, direction, hedged) of each statement."""
    return claim_tuples(statements, "hedged")


def objects(statements: list[Statement]) -> set[str]:
    return {s.object.id for s in statements if isinstance(s.object, Entity)}


def titled(recogniser: Recogniser, title: str, body: str) -> list[Statement]:
    """The statements of an invented abstract whose first sentence is its title."""
    doc = Document("t", f"{title}. {body}", "test", kind="abstract", title=title)
    return document_statements(doc, recogniser)[0]


# --- delivery gerunds and "independently of": no object past them -------------------------

def test_delivered_mirna_is_the_means_not_an_object(recogniser: Recogniser) -> None:
    for text, mirna in (("In rats, MSC exosomes reduced neuronal apoptosis by transferring "
                         "miR-21.", "exokg:mirna/mir-21"),
                        ("In mice, MSC exosomes attenuated neuroinflammation by shuttling "
                         "miR-146a into microglia.", "exokg:mirna/mir-146a"),
                        ("In mice, MSC exosomes could reduce apoptosis by delivering "
                         "miR-21 to neurons.", "exokg:mirna/mir-21")):
        found = read(recogniser, text)
        assert not any(s.predicate == "biolink:affects" and s.object.id == mirna
                       for s in found), text
        assert any(s.predicate == "biolink:affects" and s.subject.id == MSC_EXO
                   and s.direction == "decreased" for s in found), text


def test_regardless_of_names_no_effect(recogniser: Recogniser) -> None:
    for text, spared in (("In mice, MSC exosomes improved motor function regardless of "
                          "infarct size.", "exokg:outcome/infarct-volume"),
                         ("In mice, MSC exosomes increased angiogenesis irrespective of "
                          "neuroprotection.", PROTECTION),
                         ("In mice, MSC exosomes improved behavioural outcomes independently "
                          "of neuroprotection.", PROTECTION)):
        found = read(recogniser, text)
        assert not any(s.object.id == spared and s.direction for s in found), text
        assert any(s.subject.id == MSC_EXO and s.direction == "increased" for s in found), text


# --- shifting a polarization: a change without a sign --------------------------------------

def test_shifted_and_skewed_are_unsigned_changes(recogniser: Recogniser) -> None:
    for text in ("In rats, MSC exosomes shifted macrophages toward an M2 phenotype.",
                 "In mice, MSC exosomes skewed microglial polarization toward M2.",
                 "In rats, MSC exosomes reduced neuroinflammation by shifting microglial "
                 "polarization."):
        found = read(recogniser, text)
        assert any(s.subject.id == MSC_EXO and s.predicate == "biolink:affects"
                   and s.direction is None for s in found), text


def test_midline_shift_is_a_measure_not_a_verb(recogniser: Recogniser) -> None:
    found = read(recogniser, "In patients with ICH, MSC exosomes were given, and midline "
                             "shift was measured.")
    assert not any(s.direction is None and s.subject.id == MSC_EXO for s in found)


# --- a passive verb's setting, protection from an insult -----------------------------------

def test_condition_after_a_passive_verb_is_the_setting(recogniser: Recogniser) -> None:
    for text in ("We speculate the function of EPC exosomes is altered in "
                 "hypertension-ischemia conditions.",
                 "In rats, the activity of MSC exosomes is impaired in hypertension."):
        found = read(recogniser, text)
        assert "HP:0000822" not in objects(found), text


def test_protection_from_a_cause_named_insult_is_tissue_protection(
        recogniser: Recogniser) -> None:
    for text, subject in (
            ("In vitro, MSC exosomes protected endothelial cells from hypoxia-induced injury.",
             MSC_EXO),
            ("In rats, MSC exosomes could protect brain tissue from ischemic injury.", MSC_EXO),
            ("MSC exosomes protected astrocytes against hypoxia plus hyperglycemia injury in "
             "vitro.", MSC_EXO),
            ("In rats, MSC exosomes protected neurons against oxygen-glucose deprivation "
             "injury.", MSC_EXO)):
        found = read(recogniser, text)
        assert (subject, "biolink:affects", PROTECTION) in {
            (s.subject.id, s.predicate, s.object.id) for s in found}, text
        # neither the insult nor a generic "injury" is lowered
        assert not any(s.direction == "decreased" for s in found), text
        assert "HP:0000822" not in objects(found)


def test_protection_from_a_harm_of_its_own_lowers_it(recogniser: Recogniser) -> None:
    found = claims(read(recogniser, "In rats, MSC exosomes protected neurons from oxidative "
                                    "stress."))
    assert (MSC_EXO, "biolink:affects", "exokg:phenotype/oxidative-stress", "decreased",
            False) in found
    assert not any(c[2] == PROTECTION for c in found)


# --- nominal titles -----------------------------------------------------------------------

def test_nominal_titles_name_the_benefit(recogniser: Recogniser) -> None:
    body = "In rats, the treatment reduced apoptosis."
    for title, subject, disease in (
            ("Mesenchymal stem cell-derived exosomes in the treatment of traumatic brain "
             "injury", MSC_EXO, "MONDO:0858950"),
            ("Neuroprotection conferred by mesenchymal stem cell-derived extracellular "
             "vesicles against ischemic stroke in mice", MSC_EV, "MONDO:1060198"),
            ("Mesenchymal stem cell exosomes in treating spinal cord injury", MSC_EXO,
             "MONDO:0043797")):
        found = titled(recogniser, title, body)
        assert (subject, BENEFIT, disease) in {(s.subject.id, s.predicate, s.object.id)
                                               for s in found}, title


def test_nominal_title_names_the_effect_after_the_outcome(recogniser: Recogniser) -> None:
    found = titled(recogniser, "Neuroprotection conferred by mesenchymal stem cell-derived "
                               "extracellular vesicles against ischemic stroke in mice",
                   "In mice, the vesicles reduced apoptosis.")
    assert (MSC_EV, "biolink:affects", PROTECTION, "increased", False) in claims(found)
    found = titled(recogniser, "Angiogenesis induced by extracellular vesicles from "
                               "endothelial progenitor cells after stroke",
                   "In rats, the vesicles improved recovery.")
    assert any(s.object.id == "GO:0001525" and s.direction == "increased"
               and s.subject.category == "ExosomePreparation" for s in found)


def test_a_mediated_effect_in_running_text_is_no_title_effect(recogniser: Recogniser) -> None:
    found = read(recogniser, "In mice, the exosomes were given. The neuroprotection mediated "
                             "by MSC exosomes was abolished by an inhibitor.")
    assert not any(s.evidence[0].rule == "effect.title-by" for s in found)


# --- what an effect is attributed to -------------------------------------------------------

def test_attributed_change_named_after_the_molecule(recogniser: Recogniser) -> None:
    found = claims(read(recogniser, "In mice, the benefits of MSC exosomes could be partly "
                                    "explained by PTEN downregulation and induction of "
                                    "angiogenesis."))
    assert (MSC_EXO, "biolink:affects", "NCBIGene:5728", "decreased", True) in found
    found = claims(read(recogniser, "In mice, the neuroprotection of MSC exosomes was due to "
                                    "Nrf2 activation."))
    assert (MSC_EXO, "biolink:affects", "NCBIGene:4780", "increased", False) in found


def test_attributed_change_given_to_the_transferred_mirna(recogniser: Recogniser) -> None:
    found = claims(read(recogniser, "In rats, the pro-angiogenic effects of MSC exosomes may "
                                    "be attributed to PTEN suppression via the transfer of "
                                    "exosomal miR-21."))
    assert (MSC_EXO, "biolink:affects", "NCBIGene:5728", "decreased", True) in found
    assert ("exokg:mirna/mir-21", "biolink:affects", "NCBIGene:5728", "decreased",
            True) in found


def test_no_attribution_frame_no_postfix_change(recogniser: Recogniser) -> None:
    found = read(recogniser, "In mice, PTEN downregulation was observed after MSC exosome "
                             "treatment.")
    assert not any(s.evidence[0].rule == "effect.attributed-to" for s in found)


# --- counted cell populations --------------------------------------------------------------

def test_marked_cells_after_expression_of_are_the_cells(recogniser: Recogniser) -> None:
    found = read(recogniser, "In HIBD mice, MSC exosomes inhibited the positive expression of "
                             "MPO+ neutrophils and CD3+ cells.")
    assert "NCBIGene:4353" not in objects(found)
    assert outcome("MPO+ neutrophil") in objects(found)
    found = read(recogniser, "In mice, MSC exosomes reduced the infiltration of CD68+ "
                             "monocytes and increased DCX+ neuroblasts.")
    assert {outcome("CD68+ monocyte"), outcome("DCX+ neuroblast")} <= objects(found)
    assert "exokg:protein/doublecortin" not in objects(found)


# --- benefit in the animals' disease ---------------------------------------------------------

def test_effect_in_post_disease_animals_is_a_benefit(recogniser: Recogniser) -> None:
    for text, disease in (
            ("MSC exosomes alleviated neurological deficits in post-ischaemic stroke rats.",
             "MONDO:1060198"),
            ("MSC exosomes improved functional recovery in post-stroke mice.", "MONDO:0005098"),
            ("MSC exosomes promoted neurogenesis and recovery in preclinical models of "
             "traumatic brain injury.", "MONDO:0858950")):
        found = read(recogniser, text)
        assert (MSC_EXO, BENEFIT, disease) in {(s.subject.id, s.predicate, s.object.id)
                                               for s in found}, text


def test_no_benefit_for_a_harm_raised_or_in_patients(recogniser: Recogniser) -> None:
    for text in ("MSC exosomes increased TNF-α levels in post-stroke rats.",
                 "MSC exosomes improved functional recovery in post-stroke patients."):
        assert not any(s.predicate == BENEFIT for s in read(recogniser, text)), text


# --- a burden of the disease -----------------------------------------------------------------

def test_death_of_patients_is_a_burden(recogniser: Recogniser) -> None:
    for text in ("Intracerebral hemorrhage is an unmet clinical need that often leads to the "
                 "disability and death of patients.",
                 "Traumatic brain injury often results in death of young adults."):
        assert read(recogniser, text) == [], text
    found = read(recogniser, "Stroke often leads to cognitive impairment.")
    assert any(s.subject.id == "MONDO:0005098" and s.direction == "increased" for s in found)


# --- a hedge does not reach a coordinated predicate that reports a demonstration ------------

def test_shown_in_a_coordinated_predicate_is_not_hedged(recogniser: Recogniser) -> None:
    for text in ("In rats, EVs hold promise for stroke and have been shown to reduce infarct "
                 "volume.",
                 "In mice, MSC exosomes are potential therapeutic agents and have repeatedly "
                 "been demonstrated to improve functional recovery."):
        effects = [s for s in read(recogniser, text) if s.predicate == "biolink:affects"]
        assert effects and not any(s.hedged for s in effects), text
    found = read(recogniser, "In mice, MSC exosomes may reduce apoptosis and improve "
                             "functional recovery.")
    assert found and all(s.hedged for s in found)


# --- a loss named before the agent, a condition qualifying a condition ----------------------

def test_agent_inside_a_loss_is_not_the_subject(recogniser: Recogniser) -> None:
    for text in ("In rats, dysfunction of EPC exosomes might contribute to brain injury.",
                 "In mice, impairment of MSC exosome signalling aggravated neuronal apoptosis."):
        found = read(recogniser, text)
        assert not any(s.subject.category in ("ExosomePreparation", "Cell", "Vesicle")
                       and s.predicate == "biolink:affects" for s in found), text


def test_condition_qualifying_a_condition_is_no_object(recogniser: Recogniser) -> None:
    found = read(recogniser, "In rats, MSC exosomes reduced brain injury in "
                             "hypertension-associated ischemic stroke.")
    assert "HP:0000822" not in objects(found)
    assert (MSC_EXO, "biolink:affects", "exokg:phenotype/brain-injury", "decreased",
            False) in claims(found)

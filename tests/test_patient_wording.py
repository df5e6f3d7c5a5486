"""Patient studies and benefit wording of tuning round 12c: stroke subtypes and clinical
measures as entities, markers named as independent indicators / predictive factors of a
disease, and benefit named as a purpose ("X for enhancing recovery after D", "X offer a
promising avenue for enhancing the repair of D").

Every sentence here is INVENTED for these tests, in the language of the field; none is
taken from a corpus or a paper."""

from __future__ import annotations

import pytest

from exokg.model import Document
from exokg.pipeline import analyse_document, document_statements
from exokg.recognise import Recogniser
from reading_helpers import claim_tuples, read

LAA = "exokg:disease/large-artery-atherosclerosis-stroke"
CES = "exokg:disease/cardioembolic-stroke"
LACUNAR = "exokg:disease/lacunar-stroke"
IS = "MONDO:1060198"
SCI = "MONDO:0043797"
TBI = "MONDO:0858950"
BIOMARKER = "biolink:biomarker_for"
BENEFIT = "biolink:beneficial_in_models_for"
MSC_EXO = "exokg:preparation/sourcecell-cl-0000134-vesicletype-go-0070062-577599"


@pytest.fixture(scope="module")
def recogniser() -> Recogniser:
    return Recogniser.default()


def _ids(recogniser: Recogniser, text: str) -> dict[str, str]:
    return {m.text: m.entity.id for m in recogniser.mentions(text)}


@pytest.mark.parametrize("text, name, curie", [
    ("Patients with large artery atherosclerotic stroke were enrolled.",
     "large artery atherosclerotic stroke", LAA),
    ("Serum levels were higher in LAA stroke than in controls.", "LAA stroke", LAA),
    ("by TOAST, large-artery atherosclerosis and cardioembolism subtypes were compared",
     "large-artery atherosclerosis", LAA),
    ("by TOAST, large-artery atherosclerosis and cardioembolism subtypes were compared",
     "cardioembolism subtypes", CES),
    ("Cardioembolic stroke was defined by a cardiac source.", "Cardioembolic stroke", CES),
    ("Small vessel occlusion and lacunar infarction were grouped.", "Small vessel occlusion",
     LACUNAR),
    ("Small vessel occlusion and lacunar infarction were grouped.", "lacunar infarction",
     LACUNAR),
])
def test_stroke_subtypes_are_diseases_of_their_own(recogniser: Recogniser, text: str,
                                                   name: str, curie: str) -> None:
    assert _ids(recogniser, text).get(name) == curie


@pytest.mark.parametrize("text, name, curie", [
    ("Diastolic blood pressure and age differed.", "Diastolic blood pressure",
     "exokg:outcome/diastolic-blood-pressure"),
    ("the systolic blood pressure at admission", "systolic blood pressure",
     "exokg:outcome/systolic-blood-pressure"),
    ("Fasting glucose was measured.", "Fasting glucose", "exokg:outcome/fasting-blood-glucose"),
    ("mean arterial blood pressure and blood glucose did not change",
     "mean arterial blood pressure", "exokg:outcome/mean-arterial-pressure"),
    ("mean arterial blood pressure and blood glucose did not change", "blood glucose",
     "exokg:outcome/blood-glucose"),
])
def test_clinical_measures_are_measures_not_blood(recogniser: Recogniser, text: str,
                                                  name: str, curie: str) -> None:
    ids = _ids(recogniser, text)
    assert ids.get(name) == curie
    assert "UBERON:0000178" not in ids.values()  # not "blood"


@pytest.mark.parametrize("text, subject, disease", [
    ("Plasma exosomes were isolated from 60 patients and 30 controls. Multivariate analysis "
     "revealed that exosomal miR-223 was an independent predictive factor for LAA stroke.",
     "exokg:mirna/mir-223", LAA),
    ("We enrolled 80 patients with stroke. Serum miR-124 was an independent indicator of the "
     "presence of cardioembolic stroke.", "exokg:mirna/mir-124", CES),
    ("We enrolled 80 patients with stroke. Circulating miR-21 was a diagnostic predictor of "
     "acute ischemic stroke.", "exokg:mirna/mir-21", IS),
])
def test_independent_indicators_of_a_disease_are_its_markers(
        recogniser: Recogniser, text: str, subject: str, disease: str) -> None:
    claims = claim_tuples(read(recogniser, text))
    assert (subject, BIOMARKER, disease, None) in claims
    # a predictive factor is a marker, not a risk association
    assert (subject, "biolink:associated_with", disease, None) not in claims


def test_a_risk_factor_stays_an_association(recogniser: Recogniser) -> None:
    text = ("We enrolled 80 patients with stroke. Plasma miR-155 was an independent risk "
            "factor for lacunar stroke.")
    claims = claim_tuples(read(recogniser, text))
    assert ("exokg:mirna/mir-155", "biolink:associated_with", LACUNAR, None) in claims
    assert not [c for c in claims if c[1] == BIOMARKER]


def _titled(recogniser: Recogniser, title: str, body: str = "") -> set[tuple]:
    text = f"{title}\n{body}" if body else title
    statements, _, _ = document_statements(
        Document("t", text, "test", title=title, kind="abstract"), recogniser)
    return claim_tuples(statements, "hedged")


@pytest.mark.parametrize("title, subject, disease", [
    ("Mesenchymal stem cell-derived exosomes for promoting functional recovery after "
     "traumatic brain injury", MSC_EXO, TBI),
    ("Mesenchymal stem cell-derived exosomes for improving neurological outcomes in "
     "spinal cord injury", MSC_EXO, SCI),
])
def test_a_title_naming_the_purpose_in_a_disease_is_a_benefit(
        recogniser: Recogniser, title: str, subject: str, disease: str) -> None:
    assert (subject, BENEFIT, disease, None, False) in _titled(recogniser, title)


def test_a_purpose_of_diagnosis_is_no_benefit(recogniser: Recogniser) -> None:
    title = "Mesenchymal stem cell-derived exosomes for improving the diagnosis of stroke"
    assert not [c for c in _titled(recogniser, title) if c[1] == BENEFIT]


@pytest.mark.parametrize("text, disease", [
    ("In rats, MSC-derived exosomes offer a promising avenue for enhancing the repair of "
     "spinal cord injury.", SCI),
    ("In mice, MSC-derived exosomes represent a promising strategy for accelerating "
     "functional recovery after traumatic brain injury.", TBI),
    ("In rats, MSC-derived exosomes are a promising strategy for enhancing functional "
     "recovery after traumatic brain injury.", TBI),
])
def test_a_promising_means_for_improving_a_disease_is_a_hedged_benefit(
        recogniser: Recogniser, text: str, disease: str) -> None:
    claims = claim_tuples(read(recogniser, text), "hedged")
    assert (MSC_EXO, BENEFIT, disease, None, True) in claims


def test_a_disease_named_as_a_cause_is_not_treated(recogniser: Recogniser) -> None:
    text = ("In rats, MSC-derived exosomes offer a promising avenue for enhancing the repair "
            "of traumatic brain injury-related epilepsy.")
    claims = claim_tuples(read(recogniser, text))
    assert (MSC_EXO, BENEFIT, TBI, None) not in claims


@pytest.mark.parametrize("text", [
    "Plasma exosomal miR-126 represents a promising approach for the early detection of "
    "ischemic stroke.",
    "Serum exosomal miR-126 offers a novel strategy for the diagnosis of ischemic stroke.",
])
def test_an_approach_for_detecting_a_disease_is_no_therapy(recogniser: Recogniser,
                                                          text: str) -> None:
    claims = claim_tuples(read(recogniser, text))
    assert ("exokg:mirna/mir-126", BENEFIT, IS, None) not in claims


@pytest.mark.parametrize("text", [
    "In rats, MSC-derived exosomes offer a promising strategy for improving traumatic brain "
    "injury diagnosis.",
    "Serum exosomes represent a promising tool for enhancing early traumatic brain injury "
    "detection in clinics.",
])
def test_a_disease_named_before_a_finding_purpose_is_not_treated(recogniser: Recogniser,
                                                                 text: str) -> None:
    # the disease right after the improvement word is the purpose only before a recovery
    # word ("improving TBI outcome"), not before "diagnosis" or "detection" (review12; the
    # older rules benefit.therapy-for and benefit.better still read the first, see the
    # review's report)
    assert not [s for s in read(recogniser, text) if s.evidence[0].rule == "benefit.purpose"]


@pytest.mark.parametrize("text", [
    "In rats, MSC-derived exosomes offer a promising strategy for improving traumatic brain "
    "injury outcome.",
    "In rats, MSC-derived exosomes are a promising approach for fostering spinal cord injury "
    "rehabilitation.",
])
def test_a_disease_before_a_recovery_word_is_the_purpose(recogniser: Recogniser,
                                                         text: str) -> None:
    assert [s for s in read(recogniser, text) if s.evidence[0].rule == "benefit.purpose"
            and (s.subject.id, s.object.id) in {(MSC_EXO, TBI), (MSC_EXO, SCI)}]


@pytest.mark.parametrize("title, markers, disease", [
    ("Identification of ischemic stroke patients based on plasma concentrations of "
     "extracellular vesicles", {"GO:1903561"}, IS),
    ("Diagnosis of acute ischemic stroke using serum exosomal miR-9 and miR-124",
     {"exokg:mirna/mir-9", "exokg:mirna/mir-124"}, IS),
    ("Detection of traumatic brain injury by circulating neuron-derived exosomes",
     {"exokg:preparation/sourcecell-cl-0000540-vesicletype-go-0070062-c8b8eb"}, TBI),
])
def test_a_nominal_title_of_finding_a_disease_by_a_marker(
        recogniser: Recogniser, title: str, markers: set[str], disease: str) -> None:
    found = {c[0] for c in _titled(recogniser, title) if c[1:3] == (BIOMARKER, disease)}
    assert found == markers


def test_a_nominal_title_without_a_marker_means_names_no_marker(
        recogniser: Recogniser) -> None:
    title = "Identification of stroke patients for a trial of mesenchymal stem cells"
    assert not [c for c in _titled(recogniser, title) if c[1] == BIOMARKER]


@pytest.mark.parametrize("text, disease", [
    ("Patients with large artery atherosclerotic (LAA) stroke were older. Plasma miR-9 was "
     "an independent predictor of LAA stroke.", LAA),
    ("Patients with cardioembolic (CE) stroke were older. Plasma miR-9 was an independent "
     "predictor of CE stroke.", CES),
])
def test_a_bracketed_short_form_inside_a_disease_name_keeps_the_name(
        recogniser: Recogniser, text: str, disease: str) -> None:
    first, second = analyse_document(Document("t", text, "test", kind="abstract"),
                                     recogniser)
    assert [m.entity.id for m in first.mentions if m.category == "Disease"] == [disease]
    # the short form is defined as the whole name, not as its first words
    assert ("exokg:mirna/mir-9", BIOMARKER, disease, None) in claim_tuples(read(recogniser,
                                                                                 text))


def test_a_short_form_after_a_whole_name_joins_nothing(recogniser: Recogniser) -> None:
    text = "Acute ischemic stroke (AIS) patients and mesenchymal stem cells (MSCs) derived " \
        "exosomes were studied."
    (a,) = analyse_document(Document("t", text, "test", kind="abstract"), recogniser)
    diseases = [m.text for m in a.mentions if m.category == "Disease"]
    assert "Acute ischemic stroke" in diseases
    assert not [d for d in diseases if "(" in d]

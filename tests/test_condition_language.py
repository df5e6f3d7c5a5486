"""Tuning round 8b: conditions and processes as subjects, review wording for benefit, aims and
methods definitions (issue 9 kinds 2, 6 and 8). Every text is invented for these tests, in
the language of the field; none is a sentence of the development set."""

from __future__ import annotations

import pytest

from exokg.extract.definitions import is_definition
from exokg.model import Document, Entity, Statement
from exokg.pipeline import document_statements
from exokg.recognise import Recogniser


def _read(text: str, recogniser: Recogniser) -> list[Statement]:
    statements, _, _ = document_statements(Document("t", text, "t", kind="abstract"),
                                           recogniser)
    return statements


def _objects(statements: list[Statement], predicate: str) -> set[str]:
    return {s.object.id for s in statements
            if s.predicate == predicate and isinstance(s.object, Entity)}


def test_kind2_a_disease_raises_the_risk_of_another_never_the_disease_itself(
        recogniser: Recogniser) -> None:
    found = _read("Obesity markedly increases the risk of ischemic stroke.", recogniser)
    risk = [s for s in found if s.predicate == "biolink:affects"]
    assert [(s.object.label, s.direction) for s in risk] == [("risk of ischemic stroke",
                                                               "increased")]
    assert "MONDO:1060198" not in _objects(found, "biolink:affects")


def test_kind2_a_failing_process_named_before_its_cause_is_lowered(
        recogniser: Recogniser) -> None:
    found = _read("In chronic lesions, the failure of remyelination is largely due to "
                  "persistent microglial activation.", recogniser)
    lowered = [s for s in found if s.evidence[0].rule == "condition.due-to"]
    assert lowered and all(s.direction == "decreased" for s in lowered)
    assert {s.object.label for s in lowered} == {"remyelination"}


def test_kind2_a_disease_named_as_the_cause_by_a_passive_is_no_active_cause(
        recogniser: Recogniser) -> None:
    found = _read("We measured neuronal loss induced by hypoxia in treated rats.", recogniser)
    assert not [s for s in found if s.evidence[0].rule == "condition.causes"]


def test_kind2_a_treatment_before_the_verb_leaves_the_cause_to_the_effect_rules(
        recogniser: Recogniser) -> None:
    found = _read("In rats with stroke, MSC exosomes induced angiogenesis.", recogniser)
    assert not [s for s in found if s.evidence[0].rule.startswith("condition.")]


def test_kind6_promise_for_clinical_use_in_a_disease_is_a_hedged_benefit(
        recogniser: Recogniser) -> None:
    found = _read("Engineered exosomes hold tremendous potential for future clinical "
                  "application in spinal cord injury.", recogniser)
    benefit = [s for s in found if s.predicate == "biolink:beneficial_in_models_for"]
    assert benefit and all(s.hedged for s in benefit)
    assert {s.object.id for s in benefit} == {"MONDO:0043797"}


def test_kind6_a_key_role_in_a_disease_is_no_benefit(recogniser: Recogniser) -> None:
    found = _read("Exosomal miR-21 plays a key role in ischemic stroke.", recogniser)
    assert not _objects(found, "biolink:beneficial_in_models_for")


def test_kind8_an_objective_to_discuss_a_link_is_a_hedged_hypothesis(
        recogniser: Recogniser) -> None:
    found = _read("The objectives were to summarize current tools and to discuss the "
                  "possible link between repetitive concussion and Parkinson's disease.",
                  recogniser)
    links = [s for s in found if s.evidence[0].rule == "condition.link"]
    assert links and all(s.hedged and s.status == "hypothesis" for s in links)


def test_kind8_a_reviews_aim_is_a_hypothesis(recogniser: Recogniser) -> None:
    found = _read("This article aims to explore how MSC exosomes promote angiogenesis "
                  "after stroke.", recogniser)
    assert found and all(s.status == "hypothesis" and s.hedged for s in found)
    counted = _read("This review assessed 30 rat studies: MSC exosomes reduced infarct volume.",
                    recogniser)
    assert counted and all(s.status == "finding" and not s.hedged for s in counted)


@pytest.mark.parametrize(("text", "definition"), [
    ("Baseline EV counts above the median were classified as \u201chigh\u201d.", True),
    ("Patients were dichotomized at the 90th percentile of plasma tau.", True),
    ("CD61 was used to identify platelet-derived microvesicles.", True),
    ("Microvesicles (Annexin V+, CD61+, CD45\u2013) were counted by flow cytometry.", True),
    ("Exosomes raised CD63 expression above control levels.", False),
    ("High EV counts were associated with poor outcome.", False),
])
def test_kind8_methods_definitions_are_no_findings(text: str, definition: bool) -> None:
    assert is_definition(text) is definition


def test_kind8_a_classification_rule_gives_no_effect(recogniser: Recogniser) -> None:
    found = _read("Increases of microvesicle counts above the 75th percentile were defined as "
                  "\u201chigh increase\u201d.", recogniser)
    assert not [s for s in found if s.predicate == "biolink:affects"]

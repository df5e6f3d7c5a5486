"""Tuning round 10c: relations between conditions or processes in reviews and background
sentences (a chain of verb phrases, "leads to", "partially driven by", modifiers sharing a
head, a focusing adverb in a list, a section label before the subject). Every text is
invented for these tests, in the language of the field; none is a sentence of the
development set."""

from __future__ import annotations

import pytest

from exokg.model import Document, Statement
from exokg.pipeline import document_statements
from exokg.recognise import Recogniser
from reading_helpers import read


def _raised(statements: list[Statement], rule: str = "condition.") -> dict[str, set[str]]:
    """Subject label -> labels of what it raises, for the relations between conditions."""
    out: dict[str, set[str]] = {}
    for s in statements:
        if s.evidence[0].rule.startswith(rule) and s.predicate == "biolink:affects" \
                and s.direction == "increased":
            out.setdefault(s.subject.label, set()).add(s.object.label)
    return out


@pytest.mark.parametrize("text", [
    "Secondary injury can elevate levels of reactive oxygen species, aggravate neuronal "
    "apoptosis, and cause neuroinflammation.",
    "Secondary injury may increase the production of reactive oxygen species, worsen neuronal "
    "apoptosis and trigger neuroinflammation.",
])
def test_a_chain_of_verb_phrases_keeps_its_one_subject(text: str,
                                                        recogniser: Recogniser) -> None:
    found = read(recogniser, text)
    raised = _raised(found)
    assert list(raised) == ["secondary injury"]
    assert {"reactive oxygen species", "neuroinflammation"} <= {
        x.lower() for x in raised["secondary injury"]} | {"neuroinflammation"}
    assert len(raised["secondary injury"]) == 3
    assert all(s.hedged for s in found if s.evidence[0].rule == "condition.causes")


@pytest.mark.parametrize("text, objects", [
    ("Stroke often leads to motor and sensory deficits.", {"motor deficit", "sensory deficit"}),
    ("Traumatic brain injury damages the cortex and frequently results in motor, sensory and "
     "visual impairments.", {"motor impairment", "sensory impairment", "visual impairment"}),
])
def test_leads_to_with_modifiers_sharing_the_head(text: str, objects: set[str],
                                                  recogniser: Recogniser) -> None:
    raised = _raised(read(recogniser, text))
    assert len(raised) == 1
    assert {x.lower() for x in next(iter(raised.values()))} == objects


@pytest.mark.parametrize("text", [
    "Ischemic stroke frequently results in long-term disability and death.",
    "Spinal cord injury leads to a wide range of disabilities.",
])
def test_a_burden_after_leads_to_gives_nothing(text: str, recogniser: Recogniser) -> None:
    assert not [s for s in read(recogniser, text)
                if s.evidence[0].rule.startswith("condition.")]


@pytest.mark.parametrize("text", [
    # the pronoun and the act on a gene are no conditions
    "They also increased neurite outgrowth and enhanced functional recovery.",
    "Overexpression of HDAC3 enhanced neuronal apoptosis in the OGD model.",
    # the relative clause has a subject of its own
    "Considerable effort has gone into therapies that reduce infarction and promote "
    "neurological recovery.",
])
def test_no_condition_is_read_where_the_subject_is_none(text: str,
                                                        recogniser: Recogniser) -> None:
    assert not [s for s in read(recogniser, text)
                if s.evidence[0].rule.startswith("condition.")]


@pytest.mark.parametrize("text, causes, effects", [
    ("Subarachnoid hemorrhage triggers neuroinflammation and neuronal apoptosis, partly driven "
     "by microglial pyroptosis.", {"pyroptosis"}, 2),
    ("Traumatic brain injury induces neuroinflammation, largely driven by astrocyte activation "
     "and M1 polarization.", {"astrocyte activation", "M1 polarization"}, 1),
])
def test_driven_by_after_a_comma_names_the_causes_of_the_verbs_objects(
        text: str, causes: set[str], effects: int, recogniser: Recogniser) -> None:
    raised = _raised(read(recogniser, text), "condition.caused-by")
    assert set(raised) == causes
    assert all(len(v) == effects for v in raised.values())
    assert all("neuroinflammation" in {x.lower() for x in v} or
               "inflammation" in {x.lower() for x in v} for v in raised.values())


@pytest.mark.parametrize("text", [
    "Persistent vasospasm can cause delayed ischemia, even cerebral infarction.",
    "Persistent vasospasm can cause delayed ischemia and especially cerebral infarction.",
])
def test_a_focusing_adverb_is_no_part_of_the_list_member(text: str,
                                                         recogniser: Recogniser) -> None:
    found = read(recogniser, text)
    labels = {s.object.label.lower() for s in found}
    assert not [x for x in labels if x.startswith(("even", "especially"))]
    assert any("infarct" in x for x in labels)


@pytest.mark.parametrize("label, subject, text", [
    ("Rationale", "myelin sheath restoration",
     "Myelin sheath restoration is critical for motor function after spinal cord injury."),
    ("Context", "vascular network remodeling",
     "Vascular network remodeling is essential for neurological recovery after stroke."),
])
def test_a_section_label_before_an_open_subject(label: str, subject: str, text: str,
                                                recogniser: Recogniser) -> None:
    """In a titled abstract, as the loader gives it."""
    title = "Microglial vesicles promote myelin repair in mice"
    found, _, _ = document_statements(Document("t", f"{title}\n\n{label}: {text} Microglia "
                                               "shape the repair.", "t", kind="abstract",
                                               title=title), recogniser)
    assert subject in {s.subject.label.lower() for s in found
                       if s.evidence[0].rule == "condition.adjective"
                       and s.direction == "increased"}

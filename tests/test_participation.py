"""Tuning round 10c: vesicles and miRNAs that take part in a disease or a process
(exokg.extract.participation). Every text is invented for these tests, in the language of
the field; none is a sentence of the development set."""

from __future__ import annotations

import pytest

from exokg.model import Statement
from exokg.recognise import Recogniser
from reading_helpers import read


def _parts(statements: list[Statement]) -> set[tuple[str, str, bool]]:
    """(predicate, object label, hedged) of each participation statement."""
    return {(s.predicate, s.object.label.lower(), s.hedged) for s in statements
            if s.evidence[0].rule == "participation"}


@pytest.mark.parametrize("text", [
    "Microglia-derived exosomes play a key role in neuroinflammation and epilepsy after "
    "traumatic brain injury.",
    "Microglia-derived exosomes are critically involved in neuroinflammation and epilepsy.",
])
def test_a_part_in_a_process_and_in_a_disease(text: str, recogniser: Recogniser) -> None:
    parts = _parts(read(recogniser, text))
    assert ("biolink:participates_in", "inflammation", False) in parts
    assert ("biolink:associated_with", "epilepsy", False) in parts
    assert "traumatic brain injury" not in {p[1] for p in parts}


@pytest.mark.parametrize("text, disease", [
    ("Plasma exosomes may play a pathogenic role in the progression of multiple sclerosis.",
     "multiple sclerosis"),
    ("Emerging data implicate serum exosomes in neurodegenerative disorders.",
     "neurodegenerative disease"),
    ("Crucial roles of extracellular vesicles in the pathophysiology of neurological diseases "
     "such as epilepsy are now recognized.", "epilepsy"),
])
def test_a_part_in_a_disease_or_its_course_is_an_association(text: str, disease: str,
                                                            recogniser: Recogniser) -> None:
    parts = _parts(read(recogniser, text))
    assert disease in {p[1] for p in parts if p[0] == "biolink:associated_with"}
    assert not [p for p in parts if p[0] == "biolink:participates_in"]


def test_a_hedged_role_is_hedged(recogniser: Recogniser) -> None:
    parts = _parts(read(recogniser, "Circulating microvesicles might play an important role "
                                    "in thrombosis."))
    assert parts and all(p[2] for p in parts)


@pytest.mark.parametrize("text", [
    # a topic, not an assertion
    "This review evaluates the role of stem cell-derived exosomes in stroke and epilepsy.",
    "The role of extracellular vesicles as biomarkers in epilepsy",
    # a role of benefit or in a treatment is no part in the disease
    "Exosomes play an important role in the treatment of epilepsy.",
    "Exosomes play a neuroprotective role in epilepsy.",
])
def test_no_part_from_a_topic_a_treatment_or_a_benefit(text: str,
                                                       recogniser: Recogniser) -> None:
    assert not _parts(read(recogniser, text))


def test_a_second_infinitive_keeps_its_subject(recogniser: Recogniser) -> None:
    found = read(recogniser, "miR-21 is thought to regulate autophagy and to be involved in "
                             "neurogenesis after stroke.")
    assert ("biolink:participates_in", "neurogenesis") in {
        (s.predicate, s.object.label.lower()) for s in found}
    # the objects of "regulate" end before the second infinitive
    assert "neurogenesis" not in {s.object.label.lower() for s in found
                                  if s.evidence[0].rule.startswith("effect.")}

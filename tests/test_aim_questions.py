"""Tuning round 10c: aims and open questions that name what a treatment may do are hedged
hypotheses (exokg.extract.aim_questions, exokg.extract.status). Every text is invented for
these tests, in the language of the field; none is a sentence of the development set."""

from __future__ import annotations

import pytest

from exokg.model import Statement
from exokg.recognise import Recogniser
from reading_helpers import read


def _claims(statements: list[Statement]) -> set[tuple[str, str | None, bool, str]]:
    """(object label, direction, hedged, status) of each effect statement."""
    return {(s.object.label.lower(), s.direction, s.hedged, s.status) for s in statements
            if s.predicate == "biolink:affects"}


@pytest.mark.parametrize("text", [
    "Hence, the present work explored the effects of MSC-derived exosomes on apoptosis, "
    "autophagy, and ferroptosis in hemin-treated neurons.",
    "We examined the effect of MSC-derived exosomes on apoptosis, autophagy and ferroptosis "
    "after intracerebral hemorrhage in rats.",
])
def test_the_effects_of_x_on_named_processes_in_an_aim(text: str,
                                                       recogniser: Recogniser) -> None:
    claims = _claims(read(recogniser, text))
    assert {c[0] for c in claims} == {"apoptosis", "autophagy", "ferroptosis"}
    assert all(c[1:] == (None, True, "hypothesis") for c in claims)


@pytest.mark.parametrize("text", [
    # an open phrase after "on" ("changes in ...") is no named object; a model is none either
    "Here, we evaluated the effect of MSC-derived exosomes on changes in myelin markers.",
    "Here, we investigated the effects of MSC-derived exosomes on diabetic stroke mice.",
    # a review that discusses how something works names its topic
    "In this review, we discuss how MSC-derived exosomes promote angiogenesis and "
    "neurogenesis.",
])
def test_no_hypothesis_without_a_named_object_or_a_question(text: str,
                                                            recogniser: Recogniser) -> None:
    assert not _claims(read(recogniser, text))


@pytest.mark.parametrize("text, expected", [
    ("However, the role of astrocyte-derived exosomes in maintaining synaptic plasticity "
     "remains unclear.", {("synaptic plasticity", "increased")}),
    ("Therefore, we explored the mechanisms of astrocyte-derived exosomes in regulating "
     "synaptic plasticity.", {("synaptic plasticity", None)}),
    ("The present study aims to clarify the role of astrocyte-derived exosomes in modulating "
     "neuroinflammation and promoting synaptic plasticity after stroke.",
     {("inflammation", None), ("synaptic plasticity", "increased")}),
])
def test_the_role_of_x_in_a_verb_of_y(text: str, expected: set[tuple[str, str | None]],
                                      recogniser: Recogniser) -> None:
    claims = _claims(read(recogniser, text))
    assert {c[:2] for c in claims} == expected
    assert all(c[2:] == (True, "hypothesis") for c in claims)


@pytest.mark.parametrize("text", [
    "However, whether MSC-derived exosomes could promote remyelination after stroke is "
    "largely unknown.",
    "This study investigates how MSC-derived exosomes promote remyelination after stroke.",
])
def test_open_questions_and_how_questions_are_hypotheses(text: str,
                                                         recogniser: Recogniser) -> None:
    claims = _claims(read(recogniser, text))
    assert ("remyelination", "increased", True, "hypothesis") in claims
    assert all(c[2:] == (True, "hypothesis") for c in claims)

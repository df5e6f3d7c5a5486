"""Therapy, review and trial language of tuning round 7b, by the kinds of reading error of
the project's issue "Read the field, not the founding corpus" (2 disease as the outcome,
5 miRNA readings, 8 background, aims and speculation read as findings) and the new mechanisms
of the round: nominal mechanism lists, conditions as subjects, aims of the study's vesicles.
Every text is invented for these tests; tests/data/reading_cases.yaml ("tuning round 7b")
holds the longer cases, tests/test_trial_reports.py the trial reports."""

from __future__ import annotations

from exokg.extract.base import DocumentState
from exokg.extract.effects import extract_effects, level_findings
from exokg.model import Document, Statement
from exokg.pipeline import analyse_document
from exokg.recognise import Recogniser
from tests.reading_helpers import claim_tuples, read


def claims(statements: list[Statement]) -> set[tuple]:
    """(subject id, predicate, object id, direction) of each statement."""
    return claim_tuples(statements)


def test_kind5_side_by_side_mirna_levels_are_no_effect_of_one_on_another(
        recogniser: Recogniser) -> None:
    """The guard lives in the effect rule: given the sentence's level findings, no miRNA
    raises or lowers a miRNA whose level is one of them."""
    text = "miR-124 upregulation and miR-9 downregulation in hemorrhagic stroke."
    found = read(recogniser, text)
    assert ("exokg:mirna/mir-9", "biolink:associated_with", "MONDO:1060199", "decreased") \
        in claims(found)
    assert not any(s.subject.id == "exokg:mirna/mir-124" and s.object.id == "exokg:mirna/mir-9"
                   and s.predicate == "biolink:affects" for s in found)
    a = analyse_document(Document("t", text, "test", kind="abstract"), recogniser)[0]
    unguarded = extract_effects(a, DocumentState())
    guarded = extract_effects(a, DocumentState(), frozenset({"exokg:mirna/mir-9"}))
    pair = [s for s in unguarded if s.object.id == "exokg:mirna/mir-9"]
    assert pair and not any(s.object.id == "exokg:mirna/mir-9" for s in guarded)
    assert level_findings(found) == {"exokg:mirna/mir-124", "exokg:mirna/mir-9"}


def test_kind8_a_reviews_mechanism_list_is_background(recogniser: Recogniser) -> None:
    """A review's list of reported mechanisms reports other people's findings: background,
    with the vesicles of the sentence before as the agent and the direction of each noun."""
    found = read(recogniser, "This review summarizes what is known of exosomes in models of "
                             "stroke. Reported "
                             "mechanisms include inhibition of apoptosis; mitigation of "
                             "ferroptosis; and promotion of angiogenesis.")
    listed = {(s.object.id, s.direction, s.status) for s in found
              if s.subject.id == "GO:0070062" and "Reported" in s.evidence[0].text}
    assert listed == {("exokg:process/apoptosis", "decreased", "background"),
                      ("GO:0097707", "decreased", "background"),
                      ("GO:0001525", "increased", "background")}


def test_mechanism_list_needs_an_agent_in_the_sentence_before(recogniser: Recogniser) -> None:
    found = read(recogniser, "Stroke is a leading cause of disability. Reported mechanisms "
                             "include inhibition of apoptosis and promotion of angiogenesis.")
    assert not any(s.predicate == "biolink:affects" for s in found)


def test_kind8_an_aim_to_research_a_mechanism_is_a_hypothesis(recogniser: Recogniser) -> None:
    found = read(recogniser, "To identify whether MSC-derived exosomes have a protective effect "
                             "in rats after MCAO, we treated the animals with exosomes to "
                             "research the mechanism of miR-21 in ischemic injury.")
    assert found and all(s.status == "hypothesis" and s.hedged for s in found)
    assert not any(s.object.id == "exokg:mirna/mir-21" for s in found)


def test_kind2_instead_of_x_is_no_effect_on_x(recogniser: Recogniser) -> None:
    found = read(recogniser, "In rats, MSCs improved recovery through exosomes instead of "
                             "transdifferentiation.")
    assert not any(s.object.id == "GO:0060290" for s in found)


def test_kind2_a_pathology_of_a_disease_is_associated_not_affected(
        recogniser: Recogniser) -> None:
    found = read(recogniser, "Apoptosis is one of the main pathologies of spinal cord injury.")
    assert ("exokg:process/apoptosis", "biolink:associated_with", "MONDO:0043797", None) \
        in claims(found)
    assert not any(s.predicate == "biolink:affects" for s in found)


def test_kind2_an_injury_named_with_its_cause_is_no_object(recogniser: Recogniser) -> None:
    found = read(recogniser, "In rats, MSC-derived exosomes promoted neuroprotection in "
                             "hemorrhage induced early brain injury.")
    assert not any(s.object.id == "exokg:phenotype/brain-injury" for s in found)

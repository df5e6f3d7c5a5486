"""Predicates chained after one list of measured markers, aims to explore markers as
biomarkers and correlation methods (exokg/extract/marker_predicates.py), on sentences
invented for these tests."""

from __future__ import annotations

import pytest

from exokg.extract.marker_predicates import is_method_sentence
from exokg.model import Document, Statement
from exokg.pipeline import document_statements
from exokg.recognise import Recogniser


def read(text: str, recogniser: Recogniser) -> list[Statement]:
    statements, _, _ = document_statements(Document("case", text, "test", kind="abstract"),
                                           recogniser)
    return statements


def triples(statements: list[Statement]) -> set[tuple[str, str, str]]:
    return {(s.subject.id, s.predicate, getattr(s.object, "id", "")) for s in statements}


@pytest.mark.parametrize("text, method", [
    ("The correlations between serum S100B and the infarct volume, NIHSS score and mRS were "
     "analyzed by Spearman's test.", True),
    ("Associations of plasma NfL with cognitive scores were then assessed by linear "
     "regression.", True),
    ("The relationship between exosomal miR-21 and hematoma volume was evaluated.", True),
    # a result, not a method
    ("The correlations between serum S100B and infarct volume were analyzed and showed a "
     "strong positive relation.", False),
    ("Serum S100B was positively correlated with infarct volume.", False),
    ("A positive correlation between S100B and infarct volume was found.", False),
])
def test_kind8_a_correlation_that_was_analysed_is_a_method(text: str, method: bool) -> None:
    assert is_method_sentence(text) is method


def test_kind8_a_method_sentence_claims_no_correlation(recogniser: Recogniser) -> None:
    found = read("Sixty patients with intracerebral hemorrhage were enrolled. The correlations "
                 "between plasma GFAP and the hematoma volume, GCS score and NIHSS score were "
                 "examined.", recogniser)
    assert not [s for s in found if "correlated" in s.predicate], found


def test_kind8_an_aim_to_explore_markers_as_biomarkers_is_a_hedged_hypothesis(
        recogniser: Recogniser) -> None:
    found = read("This study aimed to investigate the levels of plasma exosomal miR-146a and "
                 "miR-21 in patients with intracerebral hemorrhage to explore their potential "
                 "roles as biomarkers.", recogniser)
    markers = [s for s in found if s.predicate == "biolink:biomarker_for"]
    assert {s.subject.id for s in markers} == {"exokg:mirna/mir-146a", "exokg:mirna/mir-21"}
    assert all(s.hedged and s.status == "hypothesis" for s in markers)
    assert all(s.object.id == "MONDO:0013792" for s in markers)


def test_kind8_a_finding_about_biomarkers_is_not_an_aim(recogniser: Recogniser) -> None:
    found = read("Serum exosomal miR-9 was elevated in patients with acute ischemic stroke and "
                 "showed value as a diagnostic biomarker.", recogniser)
    assert not [s for s in found if s.evidence[0].rule == "aim.biomarker"]


def test_a_joined_predicate_without_a_marker_subject_gives_no_correlation(
        recogniser: Recogniser) -> None:
    found = read("In 40 patients with ischemic stroke, infarct volume was larger in the "
                 "elderly, and was positively correlated with NIHSS scores.", recogniser)
    assert not [s for s in found if s.evidence[0].rule.startswith("biomarker.correlation-list")]


def test_a_second_marker_subject_ends_the_chain(recogniser: Recogniser) -> None:
    found = read("Serum NfL was elevated in patients with ischemic stroke, whereas plasma "
                 "miR-124 was reduced and was negatively related to NIHSS scores.", recogniser)
    signed = triples([s for s in found if s.predicate.endswith("correlated_with")])
    assert ("exokg:mirna/mir-124", "biolink:negatively_correlated_with", "loinc:70182-1") \
        in signed
    assert not [t for t in signed if t[0] == "exokg:protein/neurofilament-light"]


def test_a_treated_group_in_the_predicate_is_left_to_the_effect_rules(
        recogniser: Recogniser) -> None:
    found = read("Exosomal miR-124 levels were increased in the acute stage of stroke in rats "
                 "treated with MSC-derived exosomes.", recogniser)
    assert not [s for s in found if s.evidence[0].rule == "biomarker.level-stage"]


def test_a_subtype_name_is_no_disease_of_the_markers(recogniser: Recogniser) -> None:
    found = read("In 120 patients with ischemic stroke, serum miR-21 levels were associated "
                 "with the large artery atherosclerosis subtype.", recogniser)
    objects = {getattr(s.object, "label", "") for s in found if s.subject.id ==
               "exokg:mirna/mir-21"}
    assert "large artery atherosclerosis" in objects
    assert "atherosclerosis" not in objects


def test_kind8_an_aim_to_evaluate_a_therapeutic_effect_is_a_hedged_benefit(
        recogniser: Recogniser) -> None:
    found = read("Here, we evaluated the therapeutic effects of MSC-derived exosomes in rats "
                 "with traumatic brain injury.", recogniser)
    aims = [s for s in found if s.evidence[0].rule.startswith("aim.")]
    assert [(s.predicate, s.object.id, s.hedged, s.status) for s in aims] == [
        ("biolink:beneficial_in_models_for", "MONDO:0858950", True, "hypothesis")]


def test_kind8_an_effect_reported_with_the_aim_is_a_finding_not_an_aim(
        recogniser: Recogniser) -> None:
    found = read("We evaluated the neuroprotective effects of MSC-derived exosomes in rats "
                 "after stroke and found that they reduced infarct volume.", recogniser)
    assert not [s for s in found if s.evidence[0].rule.startswith("aim.")]
    assert not [s for s in found if s.status == "hypothesis"]


def test_an_auc_of_a_marker_named_after_it_is_not_the_chains(recogniser: Recogniser) -> None:
    found = read("Serum miR-21 was elevated in patients with ischemic stroke, and the AUC of "
                 "NfL was 0.81.", recogniser)
    assert not [s for s in found if s.predicate == "biolink:biomarker_for"
                and s.subject.id == "exokg:mirna/mir-21"]

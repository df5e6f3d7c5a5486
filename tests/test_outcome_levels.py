"""Patient-study levels read against outcome, measures, cohorts and time (tuning round 8c,
exokg/extract/outcome_levels.py), named for the kinds of reading error of the project's issue
"Read the field, not the founding corpus" where one fits (2: a disease as the object; 3:
qualifiers leaking). Every text is invented for these tests; tests/data/reading_cases.yaml
("tuning round 8c") holds the longer cases."""

from __future__ import annotations

import pytest

from exokg.extract.outcome_levels import OUTCOME_GROUP, cell_levels
from exokg.model import Document
from exokg.pipeline import analyse_document
from exokg.recognise import Recogniser
from tests.reading_helpers import claim_tuples, read

RECOVERY, POOR = "exokg:outcome/functional-recovery", "exokg:phenotype/poor-prognosis"
GFAP, EPC, NFL = "NCBIGene:2670", "exokg:cell/endothelial-progenitor-cell", \
    "exokg:protein/neurofilament-light"
ICH, SAH = "MONDO:0013792", "MONDO:0005099"


def test_kind2_a_title_level_with_good_outcome_has_the_outcome_as_object(
        recogniser: Recogniser) -> None:
    found = read(recogniser, "Elevated Serum GFAP Levels Are Associated with Good Outcome in "
                             "Intracerebral Hemorrhage")
    assert (GFAP, "biolink:associated_with", RECOVERY, "increased") in claim_tuples(found)
    assert not [s for s in found if getattr(s.object, "id", None) == ICH]


def test_kind3_a_change_from_baseline_in_a_treated_cohort_is_no_disease_level(
        recogniser: Recogniser) -> None:
    found = read(recogniser, "Twelve patients with intracerebral hemorrhage were given "
                             "MSC-derived exosomes. Plasma NfL declined from baseline to the "
                             "3-month follow-up.")
    assert not [s for s in found if s.subject.id == NFL]
    untreated = read(recogniser, "Twelve patients with intracerebral hemorrhage were followed. "
                                 "Plasma NfL declined from baseline to the 3-month follow-up.")
    assert (NFL, "biolink:associated_with", ICH, "decreased") in claim_tuples(untreated)


def test_a_level_in_the_good_outcome_group_is_no_level_of_the_disease(
        recogniser: Recogniser) -> None:
    found = claim_tuples(read(recogniser, "Forty patients with subarachnoid hemorrhage were "
                                          "enrolled. Serum GFAP was lower in patients with "
                                          "good outcome."))
    assert (GFAP, "biolink:associated_with", RECOVERY, "decreased") in found
    assert not [c for c in found if c[2] == SAH]


def test_poor_and_good_outcome_groups_give_opposite_relations(recogniser: Recogniser) -> None:
    good = claim_tuples(read(recogniser, "Patients with a favourable outcome had higher "
                                         "plasma GFAP."))
    poor = claim_tuples(read(recogniser, "Patients with an unfavourable outcome show higher "
                                         "plasma GFAP."))
    assert (GFAP, "biolink:associated_with", RECOVERY, "increased") in good
    assert (GFAP, "biolink:positively_correlated_with", POOR, None) in poor


def test_the_sign_of_a_measure_flips_the_correlation(recogniser: Recogniser) -> None:
    worse = claim_tuples(read(recogniser, "Higher serum GFAP was associated with worse "
                                          "verbal memory."))
    better = claim_tuples(read(recogniser, "Lower serum GFAP was associated with better "
                                           "verbal memory."))
    assert {c[1] for c in worse if c[0] == GFAP} == {"biolink:negatively_correlated_with"}
    assert {c[1] for c in better if c[0] == GFAP} == {"biolink:negatively_correlated_with"}
    plain = claim_tuples(read(recogniser, "Serum GFAP was associated with worse verbal "
                                          "memory."))
    assert not [c for c in plain if c[1].endswith("correlated_with")]  # no level word


def test_cell_levels_need_a_word_of_amount(recogniser: Recogniser) -> None:
    text = "EPC counts and EPC were measured"
    a = analyse_document(Document("t", text, "test", kind="abstract"), recogniser)[0]
    found = cell_levels(a, 0, len(text), after=True)
    assert [m.entity.id for m in found] == [EPC]
    assert found[0].start == 0


@pytest.mark.parametrize("phrase,quality", [
    (" good functional outcome (mRS 0-2)", "good"),
    (" a favourable outcome at 3 months", "favourable"),
    (" poor prognosis", "poor"),
])
def test_outcome_group_phrases(phrase: str, quality: str) -> None:
    m = OUTCOME_GROUP.match(phrase)
    assert m is not None and m.group("quality") == quality and m.end() == len(phrase)


@pytest.mark.parametrize("phrase,good", [
    (" mRS 0-2", True), (" an mRS score of 3-6", False), (" mRS \u2264 2", True),
    (" modified Rankin scale > 2", False), (" excellent recovery", True),
])
def test_rankin_groups_are_outcome_groups(phrase: str, good: bool) -> None:
    from exokg.extract.outcome_levels import good_outcome
    m = OUTCOME_GROUP.match(phrase)
    assert m is not None and m.end() == len(phrase) and good_outcome(m) is good

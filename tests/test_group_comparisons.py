"""Patient EV biomarker language (tuning round 7a), by the kinds of reading error of the
project's issue "Read the field, not the founding corpus" (1 too-generic subject: the vesicle
population read as the agent; 3 qualifiers leaking: the comparison group's condition taken as
the finding; 6 missed hedges; 7 entity resolution: the vesicles taken for their cargo) and the
round's phrasings (groups compared, "but not", "differed on", associations as nouns). Every
text is invented for these tests; tests/data/reading_cases.yaml ("tuning round 7a") holds the
longer cases."""

from __future__ import annotations

from exokg.extract.base import coordinated
from exokg.extract.patient_groups import absent_condition, contrasted_conditions, \
    group_conditions, without_absence_cues
from exokg.model import Document, Statement
from exokg.pipeline import analyse_document
from exokg.recognise import Recogniser
from tests.reading_helpers import claim_tuples, read

STROKE, DEMENTIA, DEPRESSION = "MONDO:0005098", "MONDO:0001627", "MONDO:0002050"
GFAP, TAU, NFL = "NCBIGene:2670", "exokg:protein/tau", "exokg:protein/neurofilament-light"


def claims(statements: list[Statement]) -> set[tuple]:
    """(subject id, predicate, object id, direction, negated, hedged) of each statement."""
    return claim_tuples(statements, "negated", "hedged")


def test_conditions_a_group_lacks_are_not_its_conditions(recogniser: Recogniser) -> None:
    text = "patients with stroke and dementia, controls with stroke but no dementia"
    a = analyse_document(Document("t", text, "test", kind="abstract"), recogniser)[0]
    cut = text.index(",")
    case = group_conditions(a, 0, cut)
    assert [m.entity.id for m in case] == [STROKE, DEMENTIA]
    control = group_conditions(a, cut, len(text))
    assert [m.entity.id for m in control] == [STROKE]
    assert absent_condition(a, [m for m in a.mentions if m.entity.id == DEMENTIA][-1])
    assert [m.entity.id for m in contrasted_conditions(a, case, cut, len(text))] == [DEMENTIA]
    masked = without_absence_cues(a)
    assert len(masked) == len(text) and "no dementia" not in masked


def test_lenient_list_runs_past_a_member_no_vocabulary_names(recogniser: Recogniser) -> None:
    text = "GFAP, Zq-77x, and tau rose"
    a = analyse_document(Document("t", text, "test", kind="abstract"), recogniser)[0]
    tau = next(m for m in a.mentions if m.entity.id == TAU)
    molecular = frozenset({"Protein", "Gene"})
    assert [m.entity.id for m in coordinated(a, tau, molecular, backwards=True)] == [TAU]
    lenient = coordinated(a, tau, molecular, backwards=True, lenient=True)
    assert [m.entity.id for m in lenient] == [GFAP, TAU]


def test_kind3_the_shared_condition_of_compared_groups_is_no_finding(
        recogniser: Recogniser) -> None:
    found = claims(read(recogniser, "Serum GFAP was elevated in patients with stroke and "
                                    "depression compared with patients with stroke but no "
                                    "depression."))
    assert (GFAP, "biolink:associated_with", DEPRESSION, "increased", False, False) in found
    assert not [c for c in found if c[2] == STROKE]


def test_kind3_a_group_without_a_condition_negates_nothing(recogniser: Recogniser) -> None:
    found = claims(read(recogniser, "Plasma exosomes in subjects without stroke showed higher "
                                    "levels of GFAP and tau in those with dementia compared "
                                    "with controls without dementia."))
    assert (GFAP, "biolink:associated_with", DEMENTIA, "increased", False, False) in found
    assert (TAU, "biolink:associated_with", DEMENTIA, "increased", False, False) in found
    assert not [c for c in found if c[2] == STROKE or c[4]]


def test_but_not_member_is_negated_and_differed_on_has_no_direction(
        recogniser: Recogniser) -> None:
    found = claims(read(recogniser, "The stroke and dementia groups differed on tau and NfL, "
                                    "but not on GFAP."))
    assert (TAU, "biolink:associated_with", DEMENTIA, None, False, False) in found
    assert (NFL, "biolink:associated_with", STROKE, None, False, False) in found
    assert (GFAP, "biolink:associated_with", DEMENTIA, None, True, False) in found


def test_kind1_vesicle_population_of_the_markers_is_no_agent(recogniser: Recogniser) -> None:
    found = read(recogniser, "Astrocyte-derived exosomes were isolated from plasma. The "
                             "astrocyte-derived exosome proteins GFAP and tau were not "
                             "increased in either group with dementia.")
    assert not [s for s in found if s.predicate == "biolink:affects"]
    level = [s for s in found if s.subject.id == GFAP and s.object.id == DEMENTIA]
    assert level and all(s.negated for s in level)
    # the population stays as where the markers were measured
    assert any(loc.startswith("exokg:preparation/") for s in level for loc in s.context.location)


def test_kind1_a_therapy_keeps_its_effect(recogniser: Recogniser) -> None:
    found = read(recogniser, "In rats with stroke, MSC-derived exosomes reduced GFAP levels.")
    assert [s for s in found if s.predicate == "biolink:affects" and s.object.id == GFAP]


def test_kind7_cargo_in_vesicles_is_the_marker(recogniser: Recogniser) -> None:
    found = claims(read(recogniser, "We identify GFAP in serum small extracellular vesicles "
                                    "(sEVs) as a potential biomarker for stroke."))
    assert (GFAP, "biolink:biomarker_for", STROKE, None, False, True) in found
    assert not [c for c in found if c[0] == "GO:1903561"]


def test_kind6_trend_towards_a_level_is_hedged(recogniser: Recogniser) -> None:
    found = claims(read(recogniser, "Patients showed a trend towards increased plasma NfL "
                                    "after stroke."))
    assert (NFL, "biolink:associated_with", STROKE, "increased", False, True) in found
    assert (NFL, "biolink:associated_with", STROKE, "increased", False, False) not in found


def test_useful_in_evaluating_is_a_hedged_marker(recogniser: Recogniser) -> None:
    found = claims(read(recogniser, "Plasma tau and NfL may prove useful in evaluating "
                                    "dementia in older adults."))
    assert (TAU, "biolink:biomarker_for", DEMENTIA, None, False, True) in found
    assert (NFL, "biolink:biomarker_for", DEMENTIA, None, False, True) in found

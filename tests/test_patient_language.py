"""Patient and biomarker language (tuning round 6b), by the kinds of reading error of the
project's issue "Read the field, not the founding corpus" (1 too-generic subject, 3
qualifiers leaking, 6 missed hedges, 7 entity resolution) and the biomarker phrasings of the
round (levels in groups, biomarker value, correlations, treated animals). Every text is
invented for these tests; tests/data/reading_cases.yaml ("tuning round 6b") holds the longer
cases."""

from __future__ import annotations

from exokg.extract.marker_value import is_apposition_marker, open_condition
from exokg.model import Entity, Statement
from exokg.recognise import Recogniser
from tests.reading_helpers import claim_tuples, read



def claims(statements: list[Statement]) -> set[tuple]:
    """(subject id, predicate, object id, direction, hedged) of each statement."""
    return claim_tuples(statements, "hedged")


def test_apposition_cue_is_found_only_after_a_name() -> None:
    text = "NfL, a marker of axonal damage, rose; markers of injury rose"
    assert is_apposition_marker(text, text.index("marker of axonal"))
    assert not is_apposition_marker(text, text.index("markers of injury"))


def test_open_condition_is_a_minted_disease_or_nothing() -> None:
    found = open_condition("a source of biomarkers for neurological conditions.", 22)
    assert found is not None and found.category == "Disease"
    assert found.label == "neurological conditions" and found.id.startswith("exokg:disease/")
    assert open_condition("a source of biomarkers in plasma.", 22) is None


def test_kind1_outcome_in_treated_animals_is_the_treatments_effect(
        recogniser: Recogniser) -> None:
    found = read(recogniser, "Rats were subjected to spinal cord injury. Locomotor recovery "
                             "was impaired in rats treated with vehicle. Locomotor recovery "
                             "was enhanced in rats treated with MSC-derived exosomes.")
    effects = [s for s in found if s.predicate == "biolink:affects"]
    assert effects, "no effect read"
    assert {s.direction for s in effects} == {"increased"}
    assert all(s.subject.category == "ExosomePreparation" for s in effects)


def test_kind1_patients_vesicles_with_a_change_are_associated_not_acting(
        recogniser: Recogniser) -> None:
    found = read(recogniser, "After stroke, platelets shed EVs, some of which were associated "
                             "with increased thrombosis and vascular inflammation.")
    assert not [s for s in found if s.predicate == "biolink:affects"]
    assert any(s.predicate == "biolink:associated_with" and s.direction == "increased"
               and s.subject.category in ("Vesicle", "ExosomePreparation") for s in found)


def test_kind3_adverb_of_degree_is_no_outcome(recogniser: Recogniser) -> None:
    found = read(recogniser, "Mice were subjected to traumatic brain injury. The level of "
                             "miR-155 was elevated most strongly in exosomes derived from "
                             "injured astrocytes.")
    assert ("exokg:mirna/mir-155", "biolink:associated_with", "MONDO:0858950", "increased",
            False) in claims(found)
    assert not [s for s in found if isinstance(s.object, Entity)
                and "strongly" in s.object.label]


def test_kind6_value_in_identifying_biomarkers_is_hedged(recogniser: Recogniser) -> None:
    found = read(recogniser, "Our findings show the potential of serum exosomes in identifying "
                             "biomarkers for intracerebral hemorrhage.")
    markers = [s for s in found if s.predicate == "biolink:biomarker_for"]
    assert markers and all(s.hedged for s in markers)


def test_kind7_these_markers_are_the_previous_sentences_findings(
        recogniser: Recogniser) -> None:
    found = read(recogniser, "Plasma exosomal GFAP, NfL and tau were measured in 50 patients "
                             "with traumatic brain injury. Exosomal GFAP and NfL were elevated "
                             "in traumatic brain injury samples. These proteins could be used "
                             "as biomarkers.")
    markers = {s.subject.id for s in found if s.predicate == "biolink:biomarker_for"}
    assert markers == {"NCBIGene:2670", "exokg:protein/neurofilament-light"}
    assert all(s.hedged for s in found if s.predicate == "biolink:biomarker_for")


def test_kind7_a_demonstrative_of_another_kind_resolves_to_nothing(
        recogniser: Recogniser) -> None:
    found = read(recogniser, "Fifty patients with ischemic stroke were enrolled. Serum exosomal "
                             "miR-9 was elevated in ischemic stroke samples. These proteins "
                             "could serve as potential biomarkers.")
    assert not [s for s in found if s.predicate == "biolink:biomarker_for"]


def test_correlation_said_with_linked_and_tracked(recogniser: Recogniser) -> None:
    found = claims(read(recogniser, "Sixty patients with ischemic stroke were enrolled. "
                                    "Plasma exosomal miR-126 levels tracked with infarct volume. "
                                    "Lower levels of serum exosomal miR-9 were linked to poor "
                                    "outcome."))
    assert ("exokg:mirna/mir-126", "biolink:correlated_with", "exokg:outcome/infarct-volume",
            None, False) in found
    assert ("exokg:mirna/mir-9", "biolink:negatively_correlated_with",
            "exokg:phenotype/poor-prognosis", None, False) in found


def test_level_in_poor_outcome_group_is_no_disease_association(
        recogniser: Recogniser) -> None:
    found = read(recogniser, "Eighty patients with intracerebral hemorrhage were enrolled. "
                             "Exosomal miR-124 levels were lower in patients with poor outcome "
                             "than in those with good outcome.")
    assert {(s.predicate, s.object.id) for s in found
            if s.subject.id == "exokg:mirna/mir-124"} == {
        ("biolink:negatively_correlated_with", "exokg:phenotype/poor-prognosis")}

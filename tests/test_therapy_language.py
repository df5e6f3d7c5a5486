"""Therapy-paper language (tuning round 5a), by the kinds of reading error of the project's
issue "Read the field, not the founding corpus" (1 too-generic subject, 2 disease as the
object, 3 qualifiers leaking, 7 entity resolution, 8 aims and purposes read as findings) and
the new phrasings of effects (adjectives of effect, absences). Every text is invented for
these tests; tests/data/reading_cases.yaml ("tuning round 5a") holds the longer cases."""

from __future__ import annotations

from exokg.extract.adjectives import ADJECTIVES, SAFETY, TISSUE_PROTECTION, \
    adjective_outcomes, is_effect_adjective
from exokg.model import Document, Entity, Statement
from exokg.pipeline import document_statements
from exokg.recognise import Recogniser
from exokg.vocabulary import load_vocabulary
from tests.reading_helpers import claim_tuples, read



def claims(statements: list[Statement]) -> set[tuple]:
    """(subject id, predicate, object id, direction, negated) of each statement."""
    return claim_tuples(statements, "negated")


def test_adjective_outcomes_are_the_vocabulary_terms() -> None:
    vocabulary = load_vocabulary()
    for outcome in {o for _, o, _ in ADJECTIVES} | {SAFETY}:
        curated = vocabulary.get(outcome.id)
        assert curated is not None, outcome.id
        assert (curated.label, curated.category) == (outcome.label, outcome.category)


def test_effect_adjectives_name_outcome_and_direction() -> None:
    assert adjective_outcomes("anti-inflammatory, antioxidant and regenerative") == [
        (o, d) for o, d in [(e, d) for p, e, d in ADJECTIVES if p.startswith("anti-?\\s?infl")]
        + [(e, d) for p, e, d in ADJECTIVES if p.startswith("anti-?\\s?oxidant")]]
    assert adjective_outcomes("neuroprotective") == [(TISSUE_PROTECTION, "increased")]
    assert is_effect_adjective("Anti-inflammatory") and not is_effect_adjective("inflammation")


def test_kind1_engineered_vesicle_and_its_short_form_are_one_product(
        recogniser: Recogniser) -> None:
    found = read(recogniser, "In rats, RVG-modified exosomes (RVG-Exo) were injected after "
                             "stroke. RVG-Exo lowered neuronal apoptosis.")
    subjects = {s.subject for s in found if s.predicate == "biolink:affects"}
    assert len(subjects) == 1
    product = subjects.pop()
    assert product.category == "ExosomePreparation"
    assert dict(product.attributes)["engineering"] == "modified"
    assert "RVG-Exo" in product.synonyms
    assert not any(s.subject.id == "GO:0070062" for s in found)


def test_kind1_plain_engineered_evs_of_a_review_stay_vesicles(recogniser: Recogniser) -> None:
    found = read(recogniser, "Engineered EVs can cross the blood-brain barrier. EVs reduced "
                             "neuroinflammation in mice.")
    assert not any(s.subject.category == "ExosomePreparation" for s in found)


def test_kind1_contrast_foil_is_not_the_negated_subject(recogniser: Recogniser) -> None:
    found = claims(read(recogniser, "In contrast to MSCs, exosomes did not reduce brain "
                                    "edema or neuronal loss in rats."))
    # brain edema, a pathology measured in the animals: an effect on it, not a benefit in a
    # disease (docs/graph-model.md, exo:condition; tuning round 7b)
    edema = "MONDO:0006684"
    assert ("GO:0070062", "biolink:affects", edema, None, True) in found
    assert ("CL:0000134", "biolink:affects", edema, "decreased", False) in found
    assert any(c[0] == "GO:0070062" and c[1] == "biolink:affects" and c[4] for c in found)
    assert any(c[0] == "CL:0000134" and c[1] == "biolink:affects" and not c[4]
               and c[3] == "decreased" for c in found)
    assert not any(c[0] == "CL:0000134" and c[4] for c in found)


def test_kind2_disease_causing_the_object_is_not_treated(recogniser: Recogniser) -> None:
    found = read(recogniser, "In mice, MSC-derived exosomes reduced TBI-induced neuronal "
                             "apoptosis.")
    assert not any(s.predicate == "biolink:beneficial_in_models_for" and
                   s.evidence[0].rule.startswith("benefit.down") for s in found)
    assert any(s.object.id == "exokg:process/apoptosis" for s in found
               if isinstance(s.object, Entity))


def test_kind3_protected_party_is_not_an_object(recogniser: Recogniser) -> None:
    found = read(recogniser, "In rats, MSC-derived exosomes protected oligodendrocytes "
                             "from oxidative stress.")
    objects = {s.object.id for s in found if isinstance(s.object, Entity)}
    assert "exokg:phenotype/oxidative-stress" in objects
    assert not any("oligodendrocyte" in o for o in objects)


def test_kind7_antibody_target_is_neither_cargo_nor_object(recogniser: Recogniser) -> None:
    found = read(recogniser, "In mice, exosomes carrying a monoclonal antibody against GAP43 "
                             "(mAb GAP43) improved neuronal survival; the exosome-delivered "
                             "mAb GAP43 bound neurons.")
    assert not any(isinstance(s.object, Entity) and s.object.label.upper().startswith("GAP")
                   for s in found)


def test_kind8_purpose_infinitive_is_not_a_finding(recogniser: Recogniser) -> None:
    found = read(recogniser, "We designed peptide-decorated exosomes to increase the uptake "
                             "of curcumin by microglia in mice.")
    assert not [s for s in found if s.predicate == "biolink:affects"]


def test_negated_effect_has_no_direction(recogniser: Recogniser) -> None:
    found = read(recogniser, "In rats, MSC-derived exosomes did not reduce infarct volume.")
    negated = [s for s in found if s.negated]
    assert negated and all(s.direction is None for s in negated)


def test_absence_needs_a_treatment(recogniser: Recogniser) -> None:
    assert not read(recogniser, "No significant difference in plasma GFAP was found between "
                                "patients and controls.")
    found = read(recogniser, "Mice were treated with MSC-derived exosomes after stroke. No "
                             "tumour formation was observed.")
    assert any(s.negated and s.evidence[0].rule == "effect.absent" for s in found)


def test_no_difference_between_two_treatments_is_no_absence(recogniser: Recogniser) -> None:
    found = read(recogniser, "Rats received MSCs or MSC-derived EVs after stroke. There was "
                             "no significant difference in infarct volume between the MSC "
                             "and EV groups.")
    assert not [s for s in found if s.evidence[0].rule == "effect.absent"]


def test_possible_effect_adjective_is_hedged(recogniser: Recogniser) -> None:
    found = read(recogniser, "In mice, MSC-derived EVs have possible anti-inflammatory "
                             "properties. In rats, exosomes were antioxidant.")
    by_object = {s.object.id: s for s in found if isinstance(s.object, Entity)}
    assert by_object["exokg:phenotype/inflammation"].hedged
    assert not by_object["exokg:phenotype/oxidative-stress"].hedged


def test_title_of_markers_names_no_therapy(recogniser: Recogniser) -> None:
    title = "Plasma exosomes for ischemic stroke: an update"
    doc = Document("t", title + "\n\nWe review the field.", "test", title=title,
                   kind="abstract")
    statements, _, _ = document_statements(doc, recogniser)
    assert not [s for s in statements if s.predicate == "biolink:beneficial_in_models_for"]


def test_absence_of_harm_names_a_harm(recogniser: Recogniser) -> None:
    found = read(recogniser, "Rats received MSC-derived EVs after stroke. No significant "
                             "effects were observed on body weight. No side effects were "
                             "noted.")
    absent = {s.object.label for s in found if s.evidence[0].rule == "effect.absent"
              and isinstance(s.object, Entity)}
    assert absent == {"side effect"}

"""The gold matching shared by the founding-corpus and development-set measurements:
`{name: ...}` and `{any: [...]}` terms, and how precision and recall are counted."""

from __future__ import annotations

import pytest

from exokg.model import Entity, Statement, Value
from gold_matching import AnyOf, Name, compare, key_of_gold, normalise_name, term, term_matches

PTEN = Entity("uniprot:P60484", "PTEN", "Protein", synonyms=("phosphatase and tensin homolog",))
APOPTOSIS = Entity("GO:0006915", "apoptotic process", "BiologicalProcess",
                   synonyms=("neuronal apoptosis", "apoptosis"))
EXO = Entity("GO:0070062", "extracellular exosome", "VesicleType", synonyms=("exosomes",))


def test_names_are_compared_without_case_hyphens_spaces_or_a_plural_s() -> None:
    assert normalise_name("Neuronal-Apoptosis ") == normalise_name("neuronal  apoptosis")
    assert normalise_name("Exosomes") == normalise_name("exosome")
    assert normalise_name("miR–124") == normalise_name("mir 124")
    assert normalise_name("stress") == "stress"  # a double s is not a plural
    assert normalise_name("PTEN") != normalise_name("PTENs x")


def test_name_term_matches_label_or_any_synonym() -> None:
    assert term_matches(term({"name": "pten"}), PTEN)
    assert term_matches(term({"name": "Phosphatase and tensin homologs"}), PTEN)
    assert term_matches(term({"name": "neuronal apoptosis"}), APOPTOSIS)
    assert not term_matches(term({"name": "neuronal apoptosis"}), PTEN)
    assert term_matches(term({"name": "Phase 1"}), Value("Phase 1"))


def test_any_term_matches_each_listed_id_only() -> None:
    t = term({"any": ["GO:0006915", "GO:0097194"]})
    assert isinstance(t, AnyOf)
    assert term_matches(t, APOPTOSIS)
    assert not term_matches(t, PTEN)
    assert term_matches("uniprot:P60484", PTEN) and not term_matches("uniprot:X", PTEN)
    mixed = term({"any": ["GO:0006915", {"name": "PTEN"}]})
    assert term_matches(mixed, PTEN) and term_matches(mixed, APOPTOSIS)
    assert not term_matches(mixed, EXO)


def test_unknown_term_kind_is_refused() -> None:
    with pytest.raises(AssertionError):
        term({"nmae": "PTEN"})


def test_compare_counts_distinct_claims_on_both_sides() -> None:
    found = [Statement(EXO, "biolink:affects", PTEN, direction="decreased"),
             Statement(EXO, "biolink:affects", APOPTOSIS, direction="decreased"),
             Statement(EXO, "biolink:affects", APOPTOSIS, direction="increased")]
    gold = [key_of_gold({"s": {"name": "exosomes"}, "p": "biolink:affects",
                         "o": {"name": "PTEN"}, "direction": "decreased"}),
            key_of_gold({"s": "GO:0070062", "p": "biolink:affects",
                         "o": {"any": ["GO:0006915"]}, "direction": "decreased"}),
            key_of_gold({"s": "GO:0070062", "p": "biolink:affects",
                         "o": {"name": "angiogenesis"}, "direction": "increased"})]
    score = compare(gold + gold[:1], found)
    assert (score.gold, score.found, score.extracted, score.correct) == (3, 2, 3, 2)
    assert score.precision == pytest.approx(2 / 3) and score.recall == pytest.approx(2 / 3)
    assert len(score.missed) == 1 and "angiogenesis" in score.missed[0]
    assert len(score.spurious) == 1 and "increased" in score.spurious[0]
    assert isinstance(gold[0][0], Name)


def test_gold_affects_is_stated_by_mirna_regulation_of_the_same_direction() -> None:
    mir = Entity("exokg:mirna/mir-124", "miR-124", "MicroRNA")
    gold = key_of_gold({"s": "exokg:mirna/mir-124", "p": "biolink:affects",
                        "o": {"name": "PTEN"}, "direction": "decreased"})
    down = Statement(mir, "RO:0002212", PTEN, direction="decreased")
    up = Statement(mir, "RO:0002213", PTEN, direction="increased")
    assert compare([gold], [down]).found == 1
    assert compare([gold], [up]).found == 0  # the direction must still agree
    regulation_gold = key_of_gold({"s": "exokg:mirna/mir-124", "p": "RO:0002212",
                                   "o": {"name": "PTEN"}, "direction": "decreased"})
    assert compare([regulation_gold], [Statement(mir, "biolink:affects", PTEN,
                                                 direction="decreased")]).found == 0

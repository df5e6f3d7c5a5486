"""The field's own spellings (exokg.recognise.field_spellings): cargo glued to a vesicle
word, amyloid beta written short, letter-prefixed family members, curated proteins that are
one human gene; the rules on stand-ins, then end to end with the built lexicon and the
packaged vocabulary."""

from __future__ import annotations

import pytest

from exokg.annotate.mentions import document_mentions
from exokg.model import Document, Entity, Mention
from exokg.recognise import Recogniser
from exokg.recognise.field_spellings import (
    amyloid_beta,
    curated_gene_twins,
    glued_vesicles,
    letter_prefixed_aliases,
)

IL6 = Entity("NCBIGene:3569", "IL6", "Gene")
SEV = Entity("GO:1903561", "extracellular vesicle", "Vesicle")
ABETA = Entity("mesh:D016229", "Amyloid beta-Peptides", "Chemical")
NAMES = {"IL-6": IL6, "sEVs": SEV, "EVs": SEV, "Exos": SEV}


def recognise(text: str) -> list[Mention]:
    """A stand-in recogniser: whole-text names only."""
    entity = NAMES.get(text)
    return [Mention(entity, 0, len(text), text, "lexicon")] if entity else []


@pytest.mark.parametrize("text, expected", [
    ("levels of IL-6sEVs in CSF", [("IL-6", "NCBIGene:3569"), ("sEVs", "GO:1903561")]),
    ("IL-6Exos rose", [("IL-6", "NCBIGene:3569"), ("Exos", "GO:1903561")]),
    ("the Chaos grew", []),           # an English word ending like a vesicle word
    ("XYZsEVs rose", []),             # a cargo no recogniser names
    ("IL-6 sEVs rose", []),           # written apart: the matchers read it already
])
def test_glued_vesicles(text: str, expected: list[tuple[str, str]]) -> None:
    got = glued_vesicles(text, [], recognise)
    assert [(m.text, m.entity.id) for m in got] == expected
    assert all(text[m.start:m.end] == m.text for m in got)


def test_glued_word_another_mention_covers_is_left_alone() -> None:
    text = "IL-6sEVs"
    taken = [Mention(SEV, 0, len(text), text, "abbreviation")]
    assert glued_vesicles(text, taken, recognise) == []


@pytest.mark.parametrize("text, spans", [
    ("Aβ42 and Aβ1-42 rose", ["Aβ42", "Aβ1-42"]),
    ("amyloid-β 1-42, Aβ(1-40) and Abeta40", ["amyloid-β 1-42", "Aβ(1-40)", "Abeta40"]),
    ("Aβ-induced toxicity", ["Aβ"]),
    ("AβPP and Abs were", []),        # the precursor protein, antibodies
    ("Aβ fibers and A-beta-fibre afferents", []),  # nerve fibres
    ("Aβ42 fibrils formed", ["Aβ42"]),               # amyloid fibrils are amyloid beta
    # invented: the spellings that open with beta, and words that only look like them
    ("beta-amyloid 1-40 and β-amyloid were lower", ["beta-amyloid 1-40", "β-amyloid"]),
    ("Amyloid plaques, ABeta and BETA-amyloid were scored", []),
])
def test_amyloid_beta(text: str, spans: list[str]) -> None:
    got = amyloid_beta(text, [], lambda name: [ABETA] if name == "amyloid beta" else [])
    assert [m.text for m in got] == spans
    assert all(m.entity == ABETA for m in got)


def test_amyloid_beta_needs_the_lexicon_entity() -> None:
    assert amyloid_beta("Aβ42 rose", [], lambda name: []) == []


def test_letter_prefixed_aliases() -> None:
    assert letter_prefixed_aliases("E-cadherin") == ["ECAD", "CADE", "CDHE"]
    assert letter_prefixed_aliases("P-selectin") == ["PSEL", "SELP"]
    assert letter_prefixed_aliases("beta-catenin") == []
    assert letter_prefixed_aliases("IL-6") == []


def test_curated_gene_twins() -> None:
    nefl = Entity("NCBIGene:4747", "NEFL", "Gene")
    other = Entity("NCBIGene:1", "X", "Gene")
    names = {"neurofilament light chain": nefl, "NfL": nefl, "mixed": nefl, "mixed up": other}
    nfl = Entity("exokg:protein/nfl", "neurofilament light chain", "Protein",
                 synonyms=("NfL", "neurofilament light"))
    group = Entity("exokg:protein/group", "neurotrophic factor", "Protein")
    mixed = Entity("exokg:protein/mixed", "mixed", "Protein", synonyms=("mixed up",))
    known = Entity("exokg:protein/known", "neurofilament light chain", "Protein",
                   xrefs=("NCBIGene:4747",))
    twins = curated_gene_twins([nfl, group, mixed, known], names.get)
    assert list(twins) == ["exokg:protein/nfl"]
    assert twins["exokg:protein/nfl"].xrefs == ("NCBIGene:4747",)


@pytest.fixture(scope="module")
def recogniser() -> Recogniser:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("EXOKG_LEXICON", "require")
        return Recogniser.default()


def _found(recogniser: Recogniser, text: str) -> set[tuple[str, str, str]]:
    return {(m.text, m.type, m.ids[0] if m.ids else "")
            for m in document_mentions(Document("d", text, "x"), recogniser)}


def test_end_to_end_spellings(recogniser: Recogniser) -> None:
    found = _found(recogniser, "IL-6sEVs in CSF and plasma NfL rose with Aβ42 and "
                               "E-cadherin in patients.")
    assert any(t == "IL-6" and c == "Gene" for t, c, _ in found)
    assert any(t == "sEVs" and c == "Vesicle" for t, c, _ in found)
    assert ("NfL", "Gene", "NCBIGene:4747") in found
    assert any(t == "Aβ42" and i == "MESH:D016229" for t, _, i in found)
    assert ("E-cadherin", "Gene", "NCBIGene:999") in found


def test_end_to_end_sources(recogniser: Recogniser) -> None:
    found = _found(recogniser, "Exosomes from Wharton's jelly-derived MSCs (WJ-MSCs), "
                               "hucMSC-Exos and iPSC-derived exosomes were given. "
                               "Neuron-derived exosomes (NDE) were isolated from plasma.")
    cells = {t: i for t, c, i in found if c == "CellType"}
    assert cells["Wharton's jelly-derived MSCs"] == \
        "exokg:cell/umbilical-cord-mesenchymal-stem-cell"
    assert cells["hucMSC"] == "exokg:cell/umbilical-cord-mesenchymal-stem-cell"
    assert cells["iPSC"] == "exokg:cell/induced-pluripotent-stem-cell"
    preparations = {t for t, c, _ in found if c == "ExosomePreparation"}
    assert {"hucMSC-Exos", "iPSC-derived exosomes", "NDE"} <= preparations
    assert not any(t == "NDE" and c == "Gene" for t, c, _ in found)  # not the gene NDE1

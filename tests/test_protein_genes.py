"""Protein names to gene ids and gene abbreviations with a lower-case prefix
(exokg.recognise.protein_genes): the rules on a small stand-in lexicon (what they take and
what they refuse), and end to end with the built lexicon."""

from __future__ import annotations

import pytest

from exokg.annotate.mentions import document_mentions
from exokg.lexicon.normalise import key
from exokg.model import Document, Entity, Mention
from exokg.recognise import Recogniser
from exokg.recognise.protein_genes import (
    gene_for_protein_name,
    grounded_protein_names,
    prefixed_field_abbreviation,
    prefixed_genes,
)
from exokg.recognise.proteins import protein_entity

RELAXED, CONTEXT = 4, 1


def gene(number: int, symbol: str) -> Entity:
    return Entity(f"NCBIGene:{number}", symbol, "Gene")


CTNNB1, CTNNA1, CTNNA2 = gene(1499, "CTNNB1"), gene(1495, "CTNNA1"), gene(1496, "CTNNA2")
MAPT, SERPINE1, ICAM1 = gene(4137, "MAPT"), gene(5054, "SERPINE1"), gene(3383, "ICAM1")
MTOR, RORC, CAT = gene(2475, "MTOR"), gene(6097, "RORC"), gene(847, "CAT")
SOD1, SOD2, NEFL = gene(6647, "SOD1"), gene(6648, "SOD2"), gene(4747, "NEFL")


class StandIn:
    """What :class:`exokg.lexicon.Lexicon` answers to ``candidates``: by comparison key."""

    def __init__(self, rows: list[tuple[str, Entity, str, int]]) -> None:
        self.rows: dict[str, list[tuple[Entity, str, int]]] = {}
        for name, entity, case, flags in rows:
            self.rows.setdefault(key(name), []).append((entity, case, flags))

    def candidates(self, name: str) -> list[tuple[Entity, str, int]]:
        return self.rows.get(key(name), [])


LEXICON = StandIn([
    ("catenin beta 1", CTNNB1, "", 0), ("catenin alpha 1", CTNNA1, "", 0),
    ("catenin alpha 2", CTNNA2, "", 0), ("TAU", MAPT, "TAU", CONTEXT),
    ("PAI-1", SERPINE1, "PAI1", RELAXED), ("ICAM-1", ICAM1, "ICAM1", RELAXED),
    ("MTOR", MTOR, "MTOR", RELAXED), ("TOR", RORC, "TOR", RELAXED),
    ("CAT", CAT, "CAT", CONTEXT), ("superoxide dismutase 1", SOD1, "", 0),
    ("superoxide dismutase 2", SOD2, "", 0), ("neurofilament light chain", NEFL, "", 0),
])


@pytest.mark.parametrize("name, expected", [
    ("neurofilament light chain", NEFL),       # a full name
    ("PAI-1", SERPINE1),                        # an alias with its case
    ("beta-catenin", CTNNB1),                   # Greek letter after the noun, one member
    ("β-catenin", CTNNB1),
    ("tau", MAPT),                              # a lower-case word, an all-capital alias
    ("alpha-catenin", None),                    # members 1 and 2: no guess
    ("superoxide dismutase", None),             # a family
    ("pai-1", SERPINE1),                        # another case, where the lexicon allows it
    ("Tau", None),                              # an English-word alias: its case, or a word
    ("E-cadherin", None),                       # not a name in the table
])
def test_gene_for_protein_name(name: str, expected: Entity | None) -> None:
    assert gene_for_protein_name(LEXICON, name) == expected


def test_english_word_symbols_need_a_gene_word_and_plurals_of_symbols_are_several() -> None:
    text = "CAT was high. CAT expression rose."
    proteins = [Mention(protein_entity("CAT"), 0, 3, "CAT", "protein"),
                Mention(protein_entity("CAT"), 14, 17, "CAT", "protein")]
    out = grounded_protein_names(text, proteins, LEXICON)
    assert [m.entity.id for m in out] == [proteins[0].entity.id, "NCBIGene:847"]
    assert gene_for_protein_name(LEXICON, "ICAM-1s") is None
    assert grounded_protein_names(text, proteins, None) == proteins


def lexicon_mentions(text: str, *spans: tuple[str, Entity]) -> list[Mention]:
    out = []
    for written, entity in spans:
        start = text.index(written)
        out.append(Mention(entity, start, start + len(written), written, "ontology"))
    return out


@pytest.mark.parametrize("text, found, expected", [
    # the whole word, the core's gene
    ("Plasma sICAM-1 rose.", [], [("sICAM-1", "NCBIGene:3383")]),
    ("p-tau and t-tau in CSF", [], [("p-tau", "NCBIGene:4137"), ("t-tau", "NCBIGene:4137")]),
    # an official symbol written in another case keeps its gene: mTOR is MTOR, not m + TOR
    ("mTOR signalling", [("mTOR", MTOR)], [("mTOR", "NCBIGene:2475")]),
    # a prefixed field abbreviation is no gene ("aSAH": aneurysmal SAH)
    ("patients with aSAH", [("aSAH", gene(427, "ASAH1"))], []),
    # words are not prefixes: "phase", and a core that names no gene
    ("in phase II, pH 7 and tMCAO", [], []),
])
def test_prefixed_genes(text: str, found: list[tuple[str, Entity]],
                        expected: list[tuple[str, str]]) -> None:
    got = prefixed_genes(text, lexicon_mentions(text, *found), LEXICON)
    assert [(m.text, m.entity.id) for m in got] == expected


def test_prefixed_field_abbreviation() -> None:
    assert prefixed_field_abbreviation("iNSC") and prefixed_field_abbreviation("hBM-MSCs")
    assert not prefixed_field_abbreviation("mTOR") and not prefixed_field_abbreviation("p53")


def test_end_to_end_with_the_built_lexicon(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXOKG_LEXICON", "require")
    text = ("Levels of beta-catenin and plasminogen activator inhibitor-1 (PAI-1) rose; PAI-1 and "
            "sICAM-1 fell in patients with aSAH, and E-cadherin was unchanged.")
    found = {(m.text, m.ids[0]) for m in document_mentions(Document("d", text, "x"),
                                                           Recogniser.default())
             if m.type == "Gene"}
    assert ("beta-catenin", "NCBIGene:1499") in found
    assert ("PAI-1", "NCBIGene:5054") in found
    assert ("sICAM-1", "NCBIGene:3383") in found
    assert not any(t == "aSAH" for t, _ in found)
    # no "E-cadherin" in org.Hs.eg.db, but CDH1's aliases "CDHE" and "ECAD" (letter-prefixed
    # family member, exokg.recognise.field_spellings)
    assert ("E-cadherin", "NCBIGene:999") in found


def test_an_isoform_numbered_after_a_spelled_out_greek_letter(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # invented: the number after "beta" is the isoform, not a reference glued to a word
    # (exokg.text.citations), in three of the ways abstracts write TGF-beta isoforms
    monkeypatch.setenv("EXOKG_LEXICON", "require")
    text = ("Exosomes lowered TGF-beta1 and TGF-beta3 in serum, while TGF-β2 and "
            "transforming growth factor beta 1 were unchanged.")
    found = {(m.text, m.ids[0]) for m in document_mentions(Document("d", text, "x"),
                                                           Recogniser.default())
             if m.type == "Gene"}
    assert {("TGF-beta1", "NCBIGene:7040"), ("TGF-beta3", "NCBIGene:7043"),
            ("TGF-β2", "NCBIGene:7042")} <= found

"""Gene symbols that text writes for other things (docs/benchmarks.md, "Grounding round 3"):
units, ions, amino acids and hippocampal fields are not read as genes, a short form the
document defines as no gene product is not a gene in its defining bracket, and a gene
written so in a gene's context stays a gene. A small compiled lexicon stands in for the
real one."""

from __future__ import annotations

import pytest

from exokg.annotate import document_mentions
from exokg.lexicon import Lexicon
from exokg.lexicon.compile import CompileRules, compile_records
from exokg.lexicon.sources import Name, Record
from exokg.model import Document
from exokg.recognise import Recogniser
from exokg.recognise.gene_symbols import other_reading
from exokg.recognise.mirna import MirnaGrounder
from exokg.recognise.open import OpenLexicon
from exokg.vocabulary import load_vocabulary

RULES = CompileRules(field_abbreviations=frozenset(), generic_names=frozenset(),
                     english_words=frozenset())


def _gene(gene_id: str, symbol: str, *aliases: str) -> Record:
    return Record(f"NCBIGene:{gene_id}", symbol, "Gene", "NCBIGene",
                  [Name(symbol, "symbol"), *(Name(a, "alias") for a in aliases)])


@pytest.fixture(scope="module")
def recogniser(tmp_path_factory: pytest.TempPathFactory) -> Recogniser:
    records = [
        _gene("966", "CD59", "min-1"), _gene("4035", "LRP1", "kPa"),
        _gene("760", "CA2"), _gene("759", "CA1"), _gene("7299", "TYR"),
        _gene("10153", "CEBPZ", "CBF"), _gene("7124", "TNF"),
        _gene("23038", "WDTC1", "ADP"), _gene("6576", "SLC25A1", "CTP"),
        Record("UBERON:0003881", "CA1 field of hippocampus", "AnatomicalEntity", "UBERON",
               [Name("CA1 field of hippocampus", "label"), Name("CA1", "abbreviation")]),
    ]
    tmp = tmp_path_factory.mktemp("genes")
    compile_records(records, tmp / "lex", version="test-genes", sources={"t": "1"},
                    rules=RULES)
    vocabulary = load_vocabulary()
    return Recogniser.from_vocabulary(vocabulary, MirnaGrounder.default(),
                                      OpenLexicon.over(Lexicon(tmp / "lex"), vocabulary))


def _mentions(recogniser: Recogniser, text: str) -> list[tuple[str, str, str]]:
    document = Document(id="d", text=text, origin="test")
    return [(m.text, m.type, m.entity.id) for m in document_mentions(document, recogniser)]


def test_units_ions_and_amino_acids_are_no_genes(recogniser: Recogniser) -> None:
    text = ("Flow was 2.2 l min-1 and PCO2 fell by 0.53 kPa; the Ca2+-independent form "
            "of poly(Glu, Tyr) was cut at Tyr-15.")
    assert not any(cls == "Gene" and name in ("min-1", "kPa", "Ca2", "Tyr")
                   for name, cls, _ in _mentions(recogniser, text))


def test_the_same_symbols_in_a_gene_context_stay_genes(recogniser: Recogniser) -> None:
    text = "Tyr mRNA and CA2 expression rose; CA1 gene expression fell."
    found = _mentions(recogniser, text)
    assert ("Tyr", "Gene", "NCBIGene:7299") in found
    assert ("CA2", "Gene", "NCBIGene:760") in found
    assert ("CA1", "Gene", "NCBIGene:759") in found


def test_a_hippocampal_field_is_anatomy(recogniser: Recogniser) -> None:
    text = "Ischemia killed pyramidal neurons in the hippocampal CA1 area."
    assert ("CA1", "Anatomy", "UBERON:0003881") in _mentions(recogniser, text)


def test_a_short_form_defined_as_no_gene_product_is_no_gene_in_its_bracket(
        recogniser: Recogniser) -> None:
    text = "Exosomes raised coronary blood flow (CBF) and lowered tumor necrosis factor (TNF)."
    found = _mentions(recogniser, text)
    assert not any(name == "CBF" and cls == "Gene" for name, cls, _ in found)
    assert ("TNF", "Gene", "NCBIGene:7124") in found


def test_a_nucleotide_is_no_gene_unless_a_gene_word_says_so(recogniser: Recogniser) -> None:
    text = ("Platelets were activated with ADP (10 uM); ADP-induced aggregation and CTP "
            "levels fell. ADP gene expression was unchanged.")
    found = _mentions(recogniser, text)
    genes = [(name, gene_id) for name, cls, gene_id in found if cls == "Gene"]
    assert genes == [("ADP", "NCBIGene:23038")]  # only the one beside "gene expression"


@pytest.mark.parametrize(("text", "span", "reading"), [
    ("platelet stimulation with ADP was", (26, 29), "nucleotide"),
    ("ADP-induced aggregation", (0, 3), "nucleotide"),
    ("the cAMP/PKA signaling pathway", (4, 8), "nucleotide"),
    ("ADP receptor P2Y12", (0, 3), "nucleotide"),
    ("CTP mRNA", (0, 3), None),             # a word only a gene takes
    ("CAMP expression rose", (0, 4), None),  # the gene's own capitals
    ("given 5 mol of it", (8, 11), "unit"),
    ("2.5 mumol min-1 mg-1", (16, 20), "unit"),
    ("Cd2+ and Zn2+ induced it", (0, 3), "ion"),
    ("Secondary cleavage at Trp-595", (22, 25), "amino acid"),
    ("areas CA3 and CA4 were lost", (6, 9), "hippocampal field"),
    ("KPA levels", (0, 3), None),          # capitals: not the unit kPa
    ("Tyr expression rose", (0, 3), None),  # a gene word nearby
])
def test_other_readings(text: str, span: tuple[int, int], reading: str | None) -> None:
    assert other_reading(text, *span) == reading

"""Gene and protein names without a grounded gene id (exokg.recognise.proteins): the rules on
made-up sentences, their place in annotation but not in extraction, the BC2GM name table
and the development floors (BC2GM and BioRED dev splits, read in place from ../shared)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from exokg.annotate import document_mentions
from exokg.model import Document, Entity, Mention
from exokg.recognise import Recogniser
from exokg.recognise.proteins import MENTION_SOURCE, ProteinFinder, gene_name_table
from script_modules import load_script

ROOT = Path(__file__).parents[1]
SHARED = ROOT.parent / "shared/benchmarks"


def names(text: str, known: list[Mention] | None = None) -> list[str]:
    return [m.text for m in ProteinFinder().find(text, known or [])]


def gene(text: str, name: str, category: str = "Gene") -> Mention:
    start = text.index(name)
    return Mention(Entity(f"NCBIGene:{len(name)}", name, category), start, start + len(name),
                   name, "ontology")


def test_head_nouns_take_the_words_that_name_them() -> None:
    assert names("Activation of cAMP-dependent protein kinase in liver.") == [
        "cAMP-dependent protein kinase"]
    assert names("We measured carbonic anhydrase and the dopamine receptors.") == [
        "carbonic anhydrase", "dopamine receptors"]
    # a designator after the head belongs to the name
    assert names("Inhibitors of protein kinase C and factor IX were added.") == [
        "protein kinase C", "factor IX"]


def test_a_head_alone_or_with_a_generic_word_is_no_name() -> None:
    assert names("The kinase bound the receptor.") == []
    assert names("A transcription factor and a binding protein were found.") == []
    assert names("A 36-kDa protein was purified.") == []
    assert names("The disease progressed; levels increase in phase two.") == []
    # verbs and function words end the name on the left
    assert names("Raf-1 activates tyrosine kinase.") == ["Raf-1", "tyrosine kinase"]


def test_symbols_of_other_organisms_but_not_variants_formulae_or_cell_lines() -> None:
    assert names("SNF1 and Mpk1p are required.") == ["SNF1", "Mpk1p"]
    assert names("The G12D mutation and CO2 and H2O2 and Ser473 levels.") == []
    assert names("COS7 cells were used.") == []


def test_gene_names_extend_with_heads_and_designators() -> None:
    text = "The IL-2 receptor and PLC-gamma1 and MIP-1 beta."
    known = [gene(text, "IL-2"), gene(text, "PLC"), gene(text, "MIP-1")]
    assert names(text, known) == ["IL-2 receptor", "PLC-gamma1", "MIP-1 beta"]
    found = {m.text: m.entity.id for m in ProteinFinder().find(text, known)}
    # an isoform is the same gene; a receptor of a ligand is another protein
    assert found["MIP-1 beta"] == known[2].entity.id
    assert found["IL-2 receptor"].startswith("exokg:protein-name/")
    # a variant, a promoter position or a drug against the gene does not extend it
    text = "FAS-670 and TLR4 D299G and COX-2 inhibitors."
    assert names(text, [gene(text, "FAS"), gene(text, "TLR4"), gene(text, "COX-2")]) == []
    # a grounded gene name is not found again, nor cut
    assert names("BDNF rose.", [gene("BDNF rose.", "BDNF")]) == []


def test_protein_names_are_annotated_not_extracted() -> None:
    doc = Document("d1", "Exosomes increased protein kinase C activity after stroke.", "x")
    recogniser = Recogniser.default()
    mentions = document_mentions(doc, recogniser)
    proteins = [m for m in mentions if m.source == MENTION_SOURCE]
    assert [(m.text, m.type, m.grounded) for m in proteins] == [
        ("protein kinase C", "Gene", False)]
    assert proteins[0].ids[0].startswith("exokg:protein-name/")
    from exokg.pipeline import analyse_document
    for a in analyse_document(doc, recogniser):
        assert all(m.source != MENTION_SOURCE for m in a.mentions + a.parts)


def test_name_table_rule_and_file() -> None:
    module = load_script("scripts/make_gene_names.py")
    assert module.keep("AP-1", 66, 67, 2, 0.5)
    assert not module.keep("AP-1", 1, 1, 2, 0.5)     # seen annotated once only
    assert not module.keep("actin", 4, 10, 2, 0.5)   # annotated in less than half
    assert not module.keep("5", 9, 9, 2, 0.5)        # no letter
    table = gene_name_table()
    assert len(table) > 1000 and "RNA polymerase II" in table


def _bc2gm() -> ModuleType:
    return load_script("benchmarks/bc2gm.py")


@pytest.mark.parametrize("split", ["devel"])
def test_bc2gm_dev_floor(split: str) -> None:
    """BC2GM development split, exact with ALTGENE: held a little below the figure of
    docs/benchmarks.md, "Gene mentions round 2" (development numbers; the corpus lives in
    ../shared and the test fails, not skips, without it)."""
    folder = SHARED / "bc2gm/devel-split" / split
    assert folder.is_dir(), f"BC2GM split missing: {folder}"
    bc2gm = _bc2gm()
    (sentence_file,) = sorted(folder.glob("*.in"))
    sentences = bc2gm.read_sentences(sentence_file)
    pred, _ = bc2gm.predict(sentences)
    figures = bc2gm.score(bc2gm.read_eval(folder / "GENE.eval"),
                          bc2gm.read_eval(folder / "ALTGENE.eval"), pred)
    assert figures["f1"] >= 0.72, figures          # 0.742 measured (round 3)
    assert figures["precision"] >= 0.79, figures   # 0.798


def test_biored_dev_gene_floor() -> None:
    """BioRED development split, GeneOrGeneProduct against exokg's Gene class: another
    annotation team's convention ("p53", not "p53 protein"), held a little below the figure
    of docs/benchmarks.md (development numbers; fails, not skips, without the corpus)."""
    gold_file = SHARED / "biored/Dev.PubTator.txt"
    assert gold_file.is_file(), f"BioRED dev split missing: {gold_file}"
    from exokg.annotate.scoring import read_pubtator_annotations, score_mentions
    bench = load_script("benchmarks/pubtator.py", "pubtator_bench")
    pred_path, _, _ = bench.annotate_in_process(gold_file)
    try:
        _, gold = read_pubtator_annotations(gold_file)
        _, pred = read_pubtator_annotations(pred_path)
    finally:
        pred_path.unlink()
    gene = score_mentions(gold, pred)["Gene"].as_dict()
    assert gene["f1"] >= 0.73, gene           # 0.752 measured
    assert gene["precision"] >= 0.77, gene    # 0.790
    # NCBI Gene ids over all gold mentions: protein names that name one human gene and
    # prefixed abbreviations grounded (docs/benchmarks.md, "Grounding round 4"), curated
    # proteins carrying their gene's id and letter-prefixed family members ("Recognition
    # round 5"), and an alias shared by several genes naming the one with five times the
    # PubMed links of the others (lexicon 3-ce9ce715bcf2, "Recognition round 7")
    assert gene["grounding"] >= 0.368, gene   # 0.371 (402/1083; 0.366 before round 7)


def test_bacterial_and_yeast_gene_shapes() -> None:
    assert names("The lacZ and recA+ genes, MerR, and cdc2 and wee1 mutants.") == [
        "lacZ", "recA+", "MerR", "cdc2", "wee1"]
    # greek letters, statistics and counted words are written the same way
    assert names("Then beta1 rose: chi2 test on day1 in exon4; mRNA and cAMP.") == []
    assert names("SNF1 was needed, not CO2, NH4 or CaCl2.") == ["SNF1"]

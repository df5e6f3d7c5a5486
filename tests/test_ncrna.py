"""circRNAs and lncRNAs as entities of their own (exokg.recognise.ncrna) and the miRNA
relations they share: levels in patients, biomarkers, vesicle cargo. Every sentence here is
invented for the test."""

from __future__ import annotations

import pytest

from exokg.recognise import Recogniser
from exokg.recognise.ncrna import find_ncrnas
from tests.reading_helpers import claim_tuples, read


def _names(text: str) -> list[tuple[str, str, str]]:
    return [(text[s:e], x.id, x.category) for s, e, x in find_ncrnas(text)]


@pytest.mark.parametrize(("text", "written", "ident", "attrs"), [
    # circBase identifiers keep the identifier and the species
    ("Exosomal hsa_circ_0005548 was higher.", "hsa_circ_0005548",
     "exokg:circrna/hsa-circ-0005548",
     (("circbaseId", "hsa_circ_0005548"), ("ncrnaSpecies", "hsa"))),
    ("mmu_circ_0000250 was loaded.", "mmu_circ_0000250", "exokg:circrna/mmu-circ-0000250",
     (("circbaseId", "mmu_circ_0000250"), ("ncrnaSpecies", "mmu"))),
    # numbered names without a species, the typo'd space of a web page included
    ("circ_0001599 rose.", "circ_0001599", "exokg:circrna/circ-0001599", ()),
    ("and circ_ 0001801 were factors", "circ_ 0001801", "exokg:circrna/circ-0001801", ()),
    ("circRNA_0006896 fell.", "circRNA_0006896", "exokg:circrna/circrna-0006896", ()),
    # another database's numbering with a species: no circBase id
    ("hsa_circRNA_104670 rose.", "hsa_circRNA_104670", "exokg:circrna/hsa-circrna-104670",
     (("ncrnaSpecies", "hsa"),)),
    # named by the host gene, in four spellings: one entity, the gene kept as a property
    ("circSCMH1 was delivered.", "circSCMH1", "exokg:circrna/circ-scmh1",
     (("hostGene", "SCMH1"),)),
    ("circ-HIPK3 was delivered.", "circ-HIPK3", "exokg:circrna/circ-hipk3",
     (("hostGene", "HIPK3"),)),
    ("Circular RNA SCMH1 promotes recovery.", "Circular RNA SCMH1", "exokg:circrna/circ-scmh1",
     (("hostGene", "SCMH1"),)),
    ("CircFoxo3 levels in mice", "CircFoxo3", "exokg:circrna/circ-foxo3",
     (("hostGene", "Foxo3"),)),
    # lncRNAs named by their gene
    ("lncRNA H19 rose.", "lncRNA H19", "exokg:lncrna/h19", (("hostGene", "H19"),)),
    ("through the LncRNA-TUBB6 pathway", "LncRNA-TUBB6", "exokg:lncrna/tubb6",
     (("hostGene", "TUBB6"),)),
    ("long non-coding RNA MALAT1 was", "long non-coding RNA MALAT1", "exokg:lncrna/malat1",
     (("hostGene", "MALAT1"),)),
    ("lnc-ITSN1-2 was", "lnc-ITSN1-2", "exokg:lncrna/itsn1-2", (("hostGene", "ITSN1"),)),
    # "RNA" spelled out, with the defined short form between head and symbol (invented)
    ("activated the long non-coding ribonucleic acid (lncRNA) MEG3 pathway",
     "long non-coding ribonucleic acid (lncRNA) MEG3", "exokg:lncrna/meg3",
     (("hostGene", "MEG3"),)),
    ("the circular ribonucleic acid (circRNA) DLGAP4 was", "circular ribonucleic acid (circRNA) "
     "DLGAP4", "exokg:circrna/circ-dlgap4", (("hostGene", "DLGAP4"),)),
])
def test_name_shapes(text: str, written: str, ident: str, attrs: tuple) -> None:
    [(s, e, entity)] = list(find_ncrnas(text))
    assert text[s:e] == written
    assert entity.id == ident
    assert entity.attributes == attrs
    assert entity.category == ("LongNoncodingRNA" if "lncrna" in ident else "CircularRNA")


def test_a_circrna_is_never_its_host_gene() -> None:
    """The host gene is a property; no gene id is an xref of the circRNA."""
    [(_, _, entity)] = list(find_ncrnas("circSCMH1"))
    assert entity.xrefs == () and not entity.id.startswith(("HGNC:", "NCBIGene:"))


@pytest.mark.parametrize(("text", "ident"), [
    ("exosomal circRNAs were sequenced", "exokg:ncrna/circrna"),
    ("25 differentially expressed circular RNAs", "exokg:ncrna/circrna"),
    ("Circular RNAs (circRNAs) play roles", "exokg:ncrna/circrna"),
    ("long noncoding RNAs (lncRNAs) regulate", "exokg:ncrna/lncrna"),
])
def test_plural_and_family_mentions_name_the_class(text: str, ident: str) -> None:
    found = _names(text)
    assert found and {i for _, i, _ in found} == {ident}


@pytest.mark.parametrize("text", [
    "circulating exosomes in circadian rhythm",
    "lncRNA Expression was measured",  # a plain word is no gene symbol
    "circRNA-seq libraries were built",  # a method, not the class
    "CIRCLE and circus",
])
def test_words_that_only_look_alike(text: str) -> None:
    assert [n for n in _names(text) if n[1] != "exokg:ncrna/lncrna"] == []
    assert "exokg:circrna" not in " ".join(i for _, i, _ in _names(text))


def test_circrna_name_wins_over_a_gene_reading(recogniser: Recogniser) -> None:
    """"circSCMH1" is the circRNA; the gene SCMH1 inside it is no mention of its own."""
    found = recogniser.mentions("Plasma circSCMH1 and lncRNA H19 were measured.")
    rna = [(m.text, m.category) for m in found if m.source == "ncrna"]
    assert rna == [("circSCMH1", "CircularRNA"), ("lncRNA H19", "LongNoncodingRNA")]
    assert not [m for m in found if m.category in ("Gene", "Protein")]


@pytest.mark.parametrize(("text", "subject", "direction"), [
    ("Plasma circSCMH1 levels were significantly decreased in patients with acute ischemic "
     "stroke compared with healthy controls.", "exokg:circrna/circ-scmh1", "decreased"),
    ("Exosomal hsa_circ_0005548 was elevated in patients with ischemic stroke compared with "
     "controls.", "exokg:circrna/hsa-circ-0005548", "increased"),
    ("Serum lncRNA H19 levels were higher in stroke patients than in healthy controls.",
     "exokg:lncrna/h19", "increased"),
])
def test_levels_in_patients(recogniser: Recogniser, text: str, subject: str,
                            direction: str) -> None:
    claims = claim_tuples(read(recogniser, text))
    assert {(s, p, d) for s, p, _, d in claims} == {
        (subject, "biolink:associated_with", direction)}


@pytest.mark.parametrize("text", [
    "Plasma exosomal circ_0001599 could serve as a diagnostic biomarker for ischemic stroke.",
    "Exosomal circ_0001599 was a potential biomarker for the diagnosis of ischemic stroke.",
])
def test_biomarker_for(recogniser: Recogniser, text: str) -> None:
    claims = claim_tuples(read(recogniser, text))
    assert ("exokg:circrna/circ-0001599", "biolink:biomarker_for") in {
        (s, p) for s, p, _, _ in claims}


@pytest.mark.parametrize(("text", "cargo"), [
    ("MSC-derived exosomes loaded with circSCMH1 improved functional recovery after stroke.",
     "exokg:circrna/circ-scmh1"),
    ("circSCMH1-loaded extracellular vesicles reduced infarct volume after stroke.",
     "exokg:circrna/circ-scmh1"),
    ("Extracellular vesicles enriched in lncRNA H19 promoted angiogenesis.",
     "exokg:lncrna/h19"),
])
def test_vesicles_carrying_a_noncoding_rna(recogniser: Recogniser, text: str,
                                           cargo: str) -> None:
    [statement] = [s for s in read(recogniser, text) if s.predicate == "biolink:affects"]
    assert statement.subject.attr("cargo") == (cargo,)


def test_class_mentions_take_part_in_patient_findings(recogniser: Recogniser) -> None:
    text = "A total of 198 circRNAs were differentially expressed between AIS patients and controls."
    claims = claim_tuples(read(recogniser, text))
    assert ("exokg:ncrna/circrna", "biolink:associated_with") in {(s, p) for s, p, _, _ in claims}


def test_what_a_marker_owns_is_not_the_marker(recogniser: Recogniser) -> None:
    """"The functions of host genes of circRNAs were associated with D" says nothing of the
    circRNAs themselves; "circRNAs were associated with D" does (invented sentences)."""
    owned = ("The functions of host genes of differentially expressed circRNAs were associated "
             "with the development of ischemic stroke.")
    assert not read(recogniser, owned)
    plain = "Plasma circRNAs were associated with the development of ischemic stroke."
    assert ("exokg:ncrna/circrna", "biolink:associated_with") in {
        (s, p) for s, p, _, _ in claim_tuples(read(recogniser, plain))}

"""A gene's short form defined after a long form that merely contains a disease name
("Disrupted in Schizophrenia 1 (DISC1)") stays the gene through the document
(exokg.recognise.document.defined_aliases), while a disease's own short form ("myotonic
dystrophy type 1 (DM1)") still means the disease."""

from __future__ import annotations

from dataclasses import replace

from exokg.model import Analysed, Document, Entity, Mention, Sentence, Span
from exokg.recognise.document import _read_otherwise, _symbol_of_nothing_known, \
    analyse_sentences, defined_aliases

SCHIZOPHRENIA_1 = Entity("MONDO:0008414", "schizophrenia 1", "Disease")
DISC1 = Entity("NCBIGene:27185", "DISC1", "Gene")
DM1 = Entity("MONDO:0008056", "myotonic dystrophy type 1", "Disease")


def analysed(text: str, mentions: list[Mention]) -> Analysed:
    document = Document("d", text, "test")
    sentence = Sentence("d", 0, Span(0, len(text)), text, tuple(range(len(text))))
    return Analysed(document, sentence, tuple(mentions), (), tuple(mentions))


def at(text: str, name: str, entity: Entity, source: str = "ontology") -> Mention:
    start = text.index(name)
    return Mention(entity, start, start + len(name), name, source)


def test_a_gene_symbol_defined_after_a_long_form_containing_a_disease_stays_the_gene() -> None:
    text = "An allelic haplotype of Disrupted in Schizophrenia 1 (DISC1) was studied."
    a = analysed(text, [at(text, "Schizophrenia 1", SCHIZOPHRENIA_1), at(text, "DISC1", DISC1)])
    assert "DISC1" not in defined_aliases(a)


def test_a_disease_s_own_short_form_still_means_the_disease() -> None:
    text = "Patients with myotonic dystrophy type 1 (DM1) were studied."
    a = analysed(text, [at(text, "myotonic dystrophy type 1", DM1)])
    assert defined_aliases(a)["DM1"] == DM1
    # read as a gene in its brackets, the short form of a whole disease name stays the disease
    gene = Entity("NCBIGene:1", "DM1", "Gene")
    a = analysed(text, [at(text, "myotonic dystrophy type 1", DM1), at(text, "DM1", gene)])
    assert defined_aliases(a)["DM1"] == DM1


def test_the_cell_prefix_of_a_preparation_s_short_form_is_the_source_cell() -> None:
    endothelial = Entity("CL:0000115", "endothelial cell", "Cell")
    preparation = Entity("exokg:preparation/x", "endothelial cell exosome",
                         "ExosomePreparation")
    text = "Vesicles released by healthy cerebral endothelial cells (CEC-sEVs) were given."
    long_form = "Vesicles released by healthy cerebral endothelial cells"
    a = analysed(text, [at(text, long_form, preparation, "composite"),
                        at(text, "endothelial cells", endothelial)])
    aliases = defined_aliases(a)
    assert aliases["CEC-sEVs"].id == preparation.id
    assert aliases["CEC"] == endothelial  # "CEC cultures" later are those cells
    # a prefix the words before the cell name do not spell defines nothing
    text = "Vesicles released by healthy cerebral endothelial cells (HBM-sEVs) were given."
    a = analysed(text, [at(text, long_form, preparation, "composite"),
                        at(text, "endothelial cells", endothelial)])
    assert "HBM" not in defined_aliases(a)


IBSP = Entity("NCBIGene:3381", "IBSP", "Gene")
PEPTIDE = Entity("exokg:protein-name/bio-specificity-peptide", "bio-specificity peptide",
                 "Protein")


class _Reader:
    """Stands in for the recogniser: reads "BSP" as the gene alias unless the document
    defined it as nothing known, and the long form as a minted protein name."""

    def __init__(self) -> None:
        self.calls = 0

    def analyse(self, document: Document, sentence: Sentence,
                aliases: dict | None = None, *, annotate: bool = True) -> Analysed:
        self.calls += 1
        text = sentence.text
        gene = [] if aliases and aliases.get("BSP", IBSP) is None else [
            at(text, "BSP", IBSP)]
        a = Analysed(document, sentence, tuple(gene), (), tuple(gene))
        return replace(a, annotated=self.annotations(a)) if annotate else a

    def annotations(self, a: Analysed) -> tuple[Mention, ...]:
        return (at(a.text, "bio-specificity peptide", PEPTIDE, "protein"),)


def test_a_gene_alias_defined_as_an_unknown_protein_name_is_dropped_in_its_bracket() -> None:
    text = "Exosomes carrying a bio-specificity peptide (BSP) homed to the lesion."
    document = Document("d", text, "test")
    sentence = Sentence("d", 0, Span(0, len(text)), text, tuple(range(len(text))))
    reader = _Reader()
    (a,) = analyse_sentences(document, [sentence], reader)  # type: ignore[arg-type]
    assert reader.calls == 2 and not a.mentions  # read again without the gene
    # the same when the names for annotation only are left out (as a build reads): they
    # are looked for in the defining sentence when the bracket needs them
    reader = _Reader()
    (a,) = analyse_sentences(document, [sentence], reader,  # type: ignore[arg-type]
                             annotate=False)
    assert reader.calls == 2 and not a.mentions and not a.annotated
    # the official symbol in such a bracket keeps its gene reading
    official = Entity("NCBIGene:3381", "BSP", "Gene")
    a = analysed(text, [at(text, "BSP", official)])
    a = Analysed(a.document, a.sentence, a.mentions, (), a.parts,
                 (at(text, "bio-specificity peptide", PEPTIDE, "protein"),))
    assert defined_aliases(a).get("BSP") is None  # nothing known ...
    assert _symbol_of_nothing_known(a, "BSP", None) is False  # ... but not re-read


def test_a_short_form_defined_as_one_gene_is_not_another_gene_s_alias_in_its_bracket() -> None:
    syp = Entity("NCBIGene:6855", "SYP", "Gene")
    fyn = Entity("NCBIGene:2534", "FYN", "Gene")  # "SYN" is one of FYN's aliases
    text = "Exosomes reversed the loss of synaptophysin (SYN) after ischemia."
    a = analysed(text, [at(text, "synaptophysin", syp), at(text, "SYN", fyn)])
    aliases = defined_aliases(a)
    assert aliases["SYN"] == syp
    assert _read_otherwise(a, "SYN", syp)  # the sentence is read again with the definition
    a = analysed(text, [at(text, "synaptophysin", syp), at(text, "SYN", syp)])
    assert not _read_otherwise(a, "SYN", syp)

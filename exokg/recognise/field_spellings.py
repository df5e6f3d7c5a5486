"""The field's own spellings of molecules and vesicles, read as the entities they name.

Papers on vesicles and their cargo write names the dictionaries hold in forms their
matchers do not take:

* **Cargo glued to a vesicle word** (:func:`glued_vesicles`): "IL-6sEVs" (interleukin 6 in
  small extracellular vesicles), "miR-21EVs", "tauExos". The word is read as the cargo
  molecule with the vesicle population beside it: two mentions, the molecule (a gene,
  protein or miRNA the recognisers name when given that part alone) and the vesicle word
  (small EVs, EVs, exosomes). The vesicles are where the molecule was measured, not a
  preparation engineered to carry it, so no preparation is made of the two.
* **Amyloid beta written short** (:func:`amyloid_beta`): "Aβ", "Aβ42", "Aβ1-42",
  "Aβ(1-42)", "Abeta40", "amyloid-β 1-42", "amyloid beta-42": the peptide the lexicon
  grounds "amyloid beta" to (MeSH D016229, Amyloid beta-Peptides), its length kept in the
  span as the corpora mark it.
* **Letter-prefixed protein names** (:func:`letter_prefixed_aliases`): "E-cadherin",
  "N-cadherin", "P-selectin" name the member of a family by a letter; NCBI Gene lists such
  a member under an alias made of the letter and the family word's first three letters
  ("ECAD", "NCAD", "PSEL") or the family root and the letter ("CDHE"), which the
  protein-name layer tries (:mod:`exokg.recognise.protein_genes`).
* **Curated proteins that are one human gene** (:func:`curated_gene_twins`): the curated
  vocabulary names biomarker proteins ("neurofilament light chain" with "NfL", "tau",
  "C-reactive protein") with minted ids, since no gene id for them is verified in the
  shared reference list; the gene table (org.Hs.eg.db, in the open lexicon) names one
  gene for such a name ("neurofilament light chain" is NEFL's full name). The curated
  entity keeps its id and gains the gene's NCBI Gene id as a cross-reference, so
  annotation output and the graph's ``skos:exactMatch`` ground it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from exokg.model import Entity, Mention
from exokg.text.prefilter import Needs

__all__ = ["amyloid_beta", "curated_gene_twins", "glued_vesicles", "letter_prefixed_aliases"]

#: A word that ends in a vesicle word glued to what comes before it, without a hyphen or a
#: space: "IL-6sEVs", "miR-21EVs", "tauExos", "GFAPEVs". The part before must end in a
#: letter or digit and hold a capital or digit (a gene or miRNA name, not an English word).
_GLUED = re.compile(r"(?<![\w-])(?P<cargo>[A-Za-z][\w-]*?[A-Za-z0-9])"
                    r"(?P<vesicle>sEVs?|lEVs?|EVs?|Exos?|EXOs?|exosomes?)(?![\w-])")
_MAY_GLUED = Needs(_GLUED)  # its keyword guard
#: Classes a glued cargo may be: molecules a vesicle carries.
_CARGO = frozenset({"Gene", "Protein", "MicroRNA", "MicroRNACluster"})


def glued_vesicles(text: str, found: Sequence[Mention],
                   recognise: Callable[[str], list[Mention]]) -> list[Mention]:
    """Mentions for the cargo and the vesicle word of each word of ``text`` that glues a
    molecule name to a vesicle word ("IL-6sEVs" -> the gene IL-6 and the vesicles "sEVs").

    ``found`` are the sentence's mentions so far: a word any of them already overlaps is
    left alone. ``recognise`` returns the mentions of a short text (the recogniser's base
    mentions); the cargo part counts when one molecule mention covers it exactly and the
    vesicle part when a Vesicle mention does. Returns the new mentions, offsets in
    ``text``, two per such word (none when nothing glued is found)."""
    out: list[Mention] = []
    if not _MAY_GLUED.may_match(text):
        return out
    for match in _GLUED.finditer(text):
        start, end = match.span()
        if any(m.start < end and start < m.end for m in found):
            continue
        cargo_text = match.group("cargo")
        if not any(c.isupper() or c.isdigit() for c in cargo_text):
            continue  # an English word ending like a vesicle word
        cargo = [m for m in recognise(cargo_text)
                 if m.category in _CARGO and m.start == 0 and m.end == len(cargo_text)]
        vesicle_text = match.group("vesicle")
        vesicle = [m for m in recognise(vesicle_text)
                   if m.category == "Vesicle" and m.start == 0 and m.end == len(vesicle_text)]
        if not cargo or not vesicle:
            continue
        c, v = cargo[0], vesicle[0]
        split = match.start("vesicle")
        out.append(Mention(c.entity, start, split, cargo_text, c.source))
        out.append(Mention(v.entity, split, end, vesicle_text, v.source))
    return out


#: Amyloid beta written short, with its length: "Aβ", "Aβ42", "Aβ1-42", "Aβ(1-42)",
#: "Aβ 1-40", "Abeta42", "A-beta", "amyloid-β 1-42", "amyloid beta-42", "β-amyloid 1-42";
#: not the Aβ nerve fibres of the pain literature.
_AMYLOID_BETA = re.compile(
    r"(?<![\w-])(?:A(?:β|\u03b2|beta|-beta)|amyloid[- ]?(?:β|beta)|(?:β|beta)-amyloid)"
    r"(?:[- ]?(?:\(\s*)?(?:1\s*[-–]\s*)?4[0-3](?:\s*\))?)?"
    # not the nerve fibres of that name ("Aβ fibers", "A-beta-fibre afferents")
    r"(?!\w)(?![\s-]*fib(?:er|re))")


def amyloid_beta(text: str, found: Sequence[Mention],
                 lookup: Callable[[str], Sequence[Entity]]) -> list[Mention]:
    """Mentions of amyloid beta written short ("Aβ42", "Aβ1-42", "amyloid-β 1-42"), each
    with the entity ``lookup`` (the open lexicon's :meth:`exokg.lexicon.Lexicon.lookup`)
    gives "amyloid beta". A span another mention of ``found`` already covers the same or
    more of is left to it; a shorter mention inside the span ("amyloid-β" of "amyloid-β
    1-42") is for the caller to drop. Returns the new mentions (none when the lexicon has
    no such entity)."""
    # every spelling holds "β" or "beta" as written (the pattern minds case): a sentence
    # with neither, nearly every one, is not scanned
    hits = [m for m in _AMYLOID_BETA.finditer(text)] if "β" in text or "beta" in text else []
    if not hits:
        return []
    entity = next(iter(lookup("amyloid beta")), None)
    if entity is None:
        return []
    out = []
    for hit in hits:
        start, end = hit.span()
        if any(m.start <= start and end <= m.end for m in found):
            continue
        if any(m.start < end and start < m.end and not (start <= m.start and m.end <= end)
               for m in found):
            continue  # crosses another name
        out.append(Mention(entity, start, end, text[start:end], "ontology"))
    return out


#: A family member named by a letter (or two) and the family word: "E-cadherin",
#: "VE-cadherin", "P-selectin".
_LETTER_PREFIXED = re.compile(r"(?P<letter>[A-Z]{1,2})-(?P<family>[a-z]{4,})")


def letter_prefixed_aliases(name: str) -> list[str]:
    """The aliases NCBI Gene gives a family member named by a letter: the letter and the
    family word's first three letters, then the family word's first three letters and the
    letter, in capitals ("E-cadherin" -> "ECAD", "CADE"), and the gene family's root
    written with the letter after it ("CDHE" for a cadherin). Empty for other names.

    >>> letter_prefixed_aliases("E-cadherin")
    ['ECAD', 'CADE', 'CDHE']
    >>> letter_prefixed_aliases("P-selectin")
    ['PSEL', 'SELP']
    """
    m = _LETTER_PREFIXED.fullmatch(name.strip())
    if m is None:
        return []
    letter, family = m.group("letter"), m.group("family").upper()
    out = [f"{letter}{family[:3]}", f"{family[:3]}{letter}"]
    root = _FAMILY_ROOTS.get(m.group("family"))
    if root is not None:
        out.append(f"{root}{letter}")
    return list(dict.fromkeys(out))


#: Gene-family roots of HGNC symbols whose members text names by a letter ("cadherin" ->
#: CDH1, CDH2 ...: NCBI Gene's aliases "CDHE", "CDHN", "CDHP").
_FAMILY_ROOTS = {"cadherin": "CDH", "cadherins": "CDH"}


def curated_gene_twins(entities: Iterable[Entity],
                       gene_of: Callable[[str], Entity | None]) -> dict[str, Entity]:
    """Curated proteins with the NCBI Gene id of the one human gene their names name, as
    curated id -> the entity with that id added to its xrefs.

    ``entities`` are the curated vocabulary's entities; ``gene_of`` gives the one gene a
    protein name names, or None (:func:`exokg.recognise.protein_genes.gene_for_protein_name`
    over the open lexicon). An entity counts when it is a Protein or Gene without an NCBI
    Gene id, at least one of its label, synonyms and abbreviations names a gene, and all
    that name one name the same gene ("neurofilament light chain", "NFL", "NF-L" -> NEFL;
    "eNOS" -> NOS3). Entities named by a group word ("neurotrophic factor") name none."""
    out: dict[str, Entity] = {}
    for entity in entities:
        if entity.category not in ("Protein", "Gene") or any(
                x.startswith("NCBIGene:") for x in (entity.id, *entity.xrefs)):
            continue
        genes = {}
        for name in (entity.label, *entity.synonyms):
            gene = gene_of(name)
            if gene is not None:
                genes[gene.id] = gene
        if len(genes) == 1:
            gene_id = next(iter(genes))
            out[entity.id] = replace(entity, xrefs=(*entity.xrefs, gene_id))
    return out

"""Every recognised mention of a document, with offsets into ``Document.text``.

:func:`document_mentions` is the one place the recogniser's sentence-level output
(:meth:`exokg.recognise.Recogniser.analyse`) becomes document-level mentions; the PubTator
and BioC writers (:mod:`exokg.annotate.pubtator`, :mod:`exokg.annotate.bioc`) and the
graph's mention nodes (``exokg build --mentions``) all read its result.

Reported are the base mentions (every vocabulary term, miRNA name, ... the recognisers
found, including those inside a composite preparation), the gene and protein names found
for annotation only (``Analysed.annotated``, :mod:`exokg.recognise.proteins`; such a name
replaces an open-lexicon gene or chemical mention it contains: "IL-2 receptor", not "IL-2";
a curated entity's mention, which claims may cite, stays) and the composite exosome
preparations themselves, so "MSC-derived exosomes" gives three mentions: the preparation,
"MSC" (a cell type) and "exosomes" (a vesicle). Identifier and quantity values (PMIDs,
doses) are not entity mentions and are left out.

Each mention's class is the annotation class of its entity's exokg category
(:data:`ANNOTATION_CLASSES`, e.g. ``Protein`` -> ``Gene``, ``Cell`` -> ``CellType``); a
category the table does not know is passed through unchanged, so a recogniser layer that
brings a new category is reported without a code change here. Identifiers are CURIEs: the
entity's id when it is an external one, then its exact cross-references, written with the
prefixes annotation tools expect (:data:`OUTPUT_PREFIXES`: ``mesh:`` -> ``MESH:``, ...).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from exokg.ids import MINTED_PREFIX
from exokg.model import Analysed, Document, Entity, Mention

if TYPE_CHECKING:
    from exokg.recognise import Recogniser

__all__ = [
    "ANNOTATION_CLASSES",
    "OUTPUT_PREFIXES",
    "DocumentMention",
    "annotation_class",
    "document_mentions",
    "mention_ids",
    "mentions_of",
    "output_curie",
]

#: exokg category (ontology/exokg.ttl) -> the class written in PubTator/BioC output. Classes
#: follow the names the field's corpora use (Gene, Disease, Chemical, Species, CellType).
ANNOTATION_CLASSES: Mapping[str, str] = MappingProxyType({
    "Gene": "Gene",
    "Protein": "Gene",
    "GeneOrGeneProduct": "Gene",
    "MicroRNA": "MicroRNA",
    "MicroRNACluster": "MicroRNA",
    "Disease": "Disease",
    "Phenotype": "Phenotype",
    "PhenotypicFeature": "Phenotype",
    "Chemical": "Chemical",
    "ChemicalEntity": "Chemical",
    "Drug": "Chemical",
    "SmallMolecule": "Chemical",
    "HerbalPreparation": "Chemical",
    "Species": "Species",
    "OrganismTaxon": "Species",
    "Cell": "CellType",
    "CellType": "CellType",
    "CellLine": "CellLine",
    "AnatomicalEntity": "Anatomy",
    "Anatomy": "Anatomy",
    "BiologicalProcess": "Process",
    "Outcome": "Outcome",
    "Vesicle": "Vesicle",
    "ExosomePreparation": "ExosomePreparation",
    "Therapy": "Therapy",
    "DiseaseModel": "DiseaseModel",
    "RouteOfAdministration": "Route",
    "AssessmentScale": "AssessmentScale",
    "Assay": "Assay",
})

#: exokg CURIE prefix -> the prefix written in annotation output (PubTator/BioC tools write
#: ``MESH:D003409``; miRBase accessions are ``miRBase:MIMAT...``/``miRBase:MI...``).
OUTPUT_PREFIXES: Mapping[str, str] = MappingProxyType({
    "mesh": "MESH",
    "hgnc": "HGNC",
    "uniprot": "UniProtKB",
    "mirbase.mature": "miRBase",
    "mirbase": "miRBase",
    "snomedct": "SNOMEDCT",
    "umls": "UMLS",
    "loinc": "LOINC",
    "omim": "OMIM",
    "chebi": "CHEBI",
})


#: Categories a protein name of ``Analysed.annotated`` replaces when it contains them (MeSH
#: and DrugBank file enzymes and hormones under chemicals: "alkaline phosphatase").
_GENE_CATEGORIES = frozenset({"Gene", "Protein", "Chemical"})
#: Categories a longer cell or anatomy span of ``Analysed.annotated`` replaces when it
#: contains them (:func:`exokg.recognise.anatomy.annotated_anatomy`).
_ANATOMY_CATEGORIES = frozenset({"Cell", "AnatomicalEntity"})


@dataclass(frozen=True)
class DocumentMention:
    """One recognised mention, placed in its document.

    ``start``/``end`` are offsets into ``Document.text`` (the original text as read) and
    ``text == document.text[start:end]`` always holds. ``type`` is the annotation class
    (:func:`annotation_class`), ``ids`` the identifiers as output CURIEs (first the primary
    one), ``grounded`` True when at least one of them is an external identifier (not a
    minted ``exokg:`` one). ``source`` names the recogniser (``lexicon``, ``mirna``,
    ``composite``, ...); ``sentence_index`` the sentence it was found in and
    ``sentence_start``/``sentence_end`` that sentence's span in ``Document.text``.
    """

    document_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    type: str
    ids: tuple[str, ...]
    grounded: bool
    entity: Entity
    source: str
    sentence_start: int = 0  # the sentence's span in Document.text
    sentence_end: int = 0

    @property
    def composite(self) -> bool:
        """True for a composite preparation (vesicle + source cell + cargo ...)."""
        return self.source.startswith("composite")


def annotation_class(category: str) -> str:
    """The output class of an exokg category; unknown categories pass through.

    >>> annotation_class("Protein"), annotation_class("Cell"), annotation_class("Gizmo")
    ('Gene', 'CellType', 'Gizmo')
    """
    return ANNOTATION_CLASSES.get(category, category)


def output_curie(curie: str) -> str:
    """A CURIE with the prefix annotation tools expect.

    >>> output_curie("mesh:D020521"), output_curie("NCBIGene:3934")
    ('MESH:D020521', 'NCBIGene:3934')
    """
    prefix, sep, local = curie.partition(":")
    return f"{OUTPUT_PREFIXES.get(prefix, prefix)}{sep}{local}" if sep else curie


def _is_external(curie: str) -> bool:
    return not curie.startswith(MINTED_PREFIX + ":")


def _xrefs_are_exact(entity: Entity) -> bool:
    # a name-level miRNA (miR-124, no species) lists each species' mature form as a narrower
    # term, not as the same thing (see exokg.graph.rdf); those are no identifiers of it
    return not (entity.category in ("MicroRNA", "MicroRNACluster")
                and not entity.attr("species"))


def mention_ids(entity: Entity) -> tuple[tuple[str, ...], bool]:
    """The identifiers of an entity for annotation output, and whether it is grounded.

    Returns the entity's id (when external) followed by its exact cross-references, as
    output CURIEs, duplicates removed; when none is external, the minted ``exokg:`` id alone
    and ``False``.

    >>> mention_ids(Entity("MONDO:0005098", "stroke", "Disease", xrefs=("mesh:D020521",)))
    (('MONDO:0005098', 'MESH:D020521'), True)
    >>> mention_ids(Entity("exokg:vesicle/exosome", "exosome", "Vesicle"))
    (('exokg:vesicle/exosome',), False)
    """
    ids = [entity.id] if _is_external(entity.id) else []
    if _xrefs_are_exact(entity):
        ids += [x for x in entity.xrefs if _is_external(x)]
    if not ids:
        return (entity.id,), False
    return tuple(dict.fromkeys(output_curie(i) for i in ids)), True


def _place(document: Document, analysed: Analysed, mention: Mention) -> DocumentMention | None:
    span = analysed.sentence.original_span(mention.start, mention.end)
    text = document.text[span.start:span.end]
    if not text:
        return None
    ids, grounded = mention_ids(mention.entity)
    sentence = analysed.sentence
    return DocumentMention(document.id, sentence.index, span.start, span.end, text,
                           annotation_class(mention.category), ids, grounded, mention.entity,
                           mention.source, sentence.span.start, sentence.span.end)


def mentions_of(document: Document, analysed: Sequence[Analysed]) -> list[DocumentMention]:
    """The mentions of already analysed sentences (see :func:`document_mentions`)."""
    found: dict[tuple[int, int, str, str], DocumentMention] = {}
    for a in analysed:
        chosen = list(a.parts) + [m for m in a.mentions if m.source.startswith("composite")]
        if a.annotated:  # a longer protein name replaces the ontology name it extends,
            # a longer cell or anatomy span ("pulmonary endothelial cells") the cell or
            # structure it extends
            chosen = [m for m in chosen if not (
                m.source == "ontology" and m.category in _GENE_CATEGORIES
                and any(p.start <= m.start and m.end <= p.end for p in a.annotated)) and not (
                m.source in ("ontology", "lexicon") and m.category in _ANATOMY_CATEGORIES
                and any(p.category in _ANATOMY_CATEGORIES and p.start <= m.start
                        and m.end <= p.end and p.end - p.start > m.end - m.start
                        for p in a.annotated))
            ] + list(a.annotated)
        for m in chosen:
            placed = _place(document, a, m)
            if placed is not None:
                found.setdefault((placed.start, placed.end, placed.type, placed.entity.id),
                                 placed)
    return sorted(found.values(), key=lambda m: (m.start, -m.end, m.type, m.ids))


def document_mentions(document: Document, recogniser: Recogniser) -> list[DocumentMention]:
    """Every recognised mention of ``document``, sorted by start (longer first) then class.

    Takes a document and a :class:`exokg.recognise.Recogniser`; segments the document the
    way the build does (:func:`exokg.pipeline.analyse_document`), recognises each sentence
    and maps sentence offsets back to the original text; with the open lexicon, a
    coordination such as "breast and ovarian cancer" is one mention with both diseases' ids,
    a cause or degree is left out of a disease's span ("heparin-induced thrombocytopenia"),
    a name MeSH lacks is cut to a head MeSH names ("aortic atherosclerosis"),
    a curated disease without an external id gets its ontology twin's, and short forms,
    "X infection" phrases and MeSH ids are written as the grounding corpora mark them
    (:mod:`exokg.annotate.disease_spans`, rounds 2 and 3), and an adjective formed from a
    disease name is a mention of it ("hypertensive" rats: :mod:`exokg.annotate.
    disease_adjectives`, round 6), as is "tumor" in "tumor suppressor" (round 6), and a
    generic word for harm after an organ's name is that organ's disease ("renal hypoxia":
    :mod:`exokg.annotate.organ_diseases`, round 8), as is a modifier before another name of
    a disease's head ("prostate tumors": :mod:`exokg.annotate.disease_heads`, round 8).
    Returns
    :class:`DocumentMention` records; a mention's ``text`` is always
    ``document.text[start:end]``. Never raises for well-formed documents.
    """
    from exokg.pipeline import analyse_document

    analysed = analyse_document(document, recogniser)
    found = mentions_of(document, analysed)
    if recogniser.open_lexicon is not None:
        from exokg.annotate.disease_spans import (
            coordinated_diseases,
            curated_with_ontology_ids,
            curated_with_twin_mesh_ids,
            head_with_mesh_id,
            joined_same_disease,
            pathogen_infections,
            same_name_mesh_ids,
            undefined_short_forms,
            with_earlier_mesh_heading,
            with_infection_word,
            without_cause_or_degree,
            without_short_form_prefix,
        )
        from exokg.annotate.disease_modifiers import without_course_or_stage

        lookup = recogniser.open_lexicon.lexicon.lookup  # type: ignore[attr-defined]
        found = without_cause_or_degree(coordinated_diseases(document, found, lookup), lookup)
        found = same_name_mesh_ids(curated_with_ontology_ids(found, lookup), lookup)
        found = curated_with_twin_mesh_ids(
            found, recogniser.open_lexicon.lexicon.entity)  # type: ignore[attr-defined]
        found = with_earlier_mesh_heading(head_with_mesh_id(found, lookup, document.text),
                                          lookup)
        from exokg.annotate.disease_heads import with_modifiers_before

        found = without_course_or_stage(with_modifiers_before(document, found, lookup), lookup)
        sentences = [(a.sentence.index, a.sentence.span.start, a.sentence.span.end)
                     for a in analysed]
        from exokg.annotate.organ_diseases import organ_diseases

        found = organ_diseases(document, found, lookup, sentences)
        found = with_infection_word(document, without_short_form_prefix(document, found))
        found = pathogen_infections(document, found, lookup, sentences)
        found = undefined_short_forms(document, joined_same_disease(document, found))
        from exokg.annotate.disease_adjectives import adjectival_diseases

        found = adjectival_diseases(document, found, lookup, sentences)
        from exokg.annotate.disease_in_names import suppressed_tumours, tumour_formation

        found = suppressed_tumours(document, found, lookup, sentences)
        found = tumour_formation(document, found, lookup, sentences)
    return found

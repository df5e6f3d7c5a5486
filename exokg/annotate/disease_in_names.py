"""A disease word inside the name of what suppresses it: "[tumor] suppressor gene"; the
formation of a tumour: "tumorigenesis", "carcinogenesis".

The grounding corpora mark "tumor" in "tumor suppressor", "tumour-suppressor genes" and
"tumor suppression" as a mention of Neoplasms (the gene's function names the disease it
holds back). In the second halves of the training splits (round 6, docs/benchmarks.md
"Recognition round 6") it was marked in 8 of 8 such phrases of BioRED and 11 of 19 of NCBI
Disease; the recognisers read the phrase as the GO process or a protein name.
:func:`suppressed_tumours` adds the disease word as a disease mention with the ids the open
lexicon gives the word, beside the phrase's own reading (annotation output only).

A word for the formation of a tumour ("tumorigenesis", "tumourigenesis", "carcinogenesis",
"oncogenesis"; "lymphomagenesis", "leukemogenesis") is marked by BioRED as the neoplasm
it forms (Neoplasms; Lymphoma, Leukemia): in its training split tumorigenesis 5 of 5 and
carcinogenesis 3 of 3 standing alone, and inside longer marked names the rest. NCBI Disease
does not mark them (17 unmarked in its training split), BC5CDR once; BioRED's choice is
taken, as the corpus whose conventions cover this field's biology (round 8).
:func:`tumour_formation` adds such a word as a mention of the neoplasm the open lexicon
gives its stem ("tumor", "lymphoma", "leukemia"), when no disease mention covers it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from exokg.annotate.mentions import DocumentMention, annotation_class, mention_ids
from exokg.model import Document, Entity

__all__ = ["suppressed_tumours", "tumour_formation"]

_DISEASE_CLASSES = frozenset({"Disease", "Phenotype"})
#: "tumor suppressor", "tumour-suppressor", "tumor suppression", "tumor-suppressive"
_SUPPRESSOR = re.compile(r"(?<![\w-])(tumou?rs?)[- ]suppress(?:ors?|ion|ive|ing)\b", re.I)

#: Words for the formation of a tumour, and the neoplasm each one forms.
_FORMATION = re.compile(r"(?<![\w-])(?:tumou?ri|carcino|onco|cancero|(lymphoma)|(leuk)[ae]?mo)"
                        r"genesis(?![\w-])", re.I)

Lookup = Callable[[str], Sequence[Entity]]


def _neoplasm(name: str, lookup: Lookup) -> Entity | None:
    return next((e for e in lookup(name) if e.category in _DISEASE_CLASSES
                 and any(i.startswith("MESH:") for i in mention_ids(e)[0])), None)


def _added(document: Document, mentions: list[DocumentMention], found: list[tuple[int, int]],
           entities: list[Entity | None], sentences: Sequence[tuple[int, int, int]]
           ) -> list[DocumentMention]:
    """``mentions`` with a mention of each entity at its span (start, end), unless a disease
    mention covers the span, the entity is None or the span is in no sentence."""
    text = document.text
    added: list[DocumentMention] = []
    for (start, end), entity in zip(found, entities):
        if any(m.type in _DISEASE_CLASSES and m.start < end and start < m.end
               for m in mentions):
            continue
        sentence = next(((i, s, e) for i, s, e in sentences if s <= start and end <= e), None)
        if entity is None or sentence is None:
            continue
        added.append(DocumentMention(document.id, sentence[0], start, end, text[start:end],
                                     annotation_class(entity.category),
                                     mention_ids(entity)[0], True, entity, "ontology",
                                     sentence[1], sentence[2]))
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda m: (m.start, -m.end, m.type, m.ids))


def tumour_formation(document: Document, mentions: list[DocumentMention], lookup: Lookup,
                     sentences: Sequence[tuple[int, int, int]]) -> list[DocumentMention]:
    """``mentions`` with each word for the formation of a tumour (module docs) added as a
    mention of the neoplasm ``lookup`` gives its stem, when that has a MeSH id and no disease
    mention covers the word. ``sentences`` as for :func:`suppressed_tumours`."""
    found, entities = [], []
    for match in _FORMATION.finditer(document.text):
        stem = "lymphoma" if match.group(1) else "leukemia" if match.group(2) else "tumor"
        found.append(match.span())
        entities.append(_neoplasm(stem, lookup))
    return _added(document, mentions, found, entities, sentences)


def suppressed_tumours(document: Document, mentions: list[DocumentMention], lookup: Lookup,
                       sentences: Sequence[tuple[int, int, int]]) -> list[DocumentMention]:
    """``mentions`` with the disease word of each "tumor suppressor" phrase added as a
    mention of the disease ``lookup`` (the open lexicon's look-up) gives that word, when it
    has a MeSH id and no disease mention covers the word already. ``sentences`` gives the
    document's sentences as (index, start, end) in ``document.text``."""
    found, entities = [], []
    for match in _SUPPRESSOR.finditer(document.text):
        found.append(match.span(1))
        entities.append(_neoplasm(match.group(1), lookup))
    return _added(document, mentions, found, entities, sentences)

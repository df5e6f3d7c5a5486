"""A disease word inside the name of what suppresses it: "[tumor] suppressor gene".

The grounding corpora mark "tumor" in "tumor suppressor", "tumour-suppressor genes" and
"tumor suppression" as a mention of Neoplasms (the gene's function names the disease it
holds back). In the second halves of the training splits (round 6, docs/benchmarks.md
"Recognition round 6") it was marked in 8 of 8 such phrases of BioRED and 11 of 19 of NCBI
Disease; the recognisers read the phrase as the GO process or a protein name.
:func:`suppressed_tumours` adds the disease word as a disease mention with the ids the open
lexicon gives the word, beside the phrase's own reading (annotation output only).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from exokg.annotate.mentions import DocumentMention, annotation_class, mention_ids
from exokg.model import Document, Entity

__all__ = ["suppressed_tumours"]

_DISEASE_CLASSES = frozenset({"Disease", "Phenotype"})
#: "tumor suppressor", "tumour-suppressor", "tumor suppression", "tumor-suppressive"
_SUPPRESSOR = re.compile(r"(?<![\w-])(tumou?rs?)[- ]suppress(?:ors?|ion|ive|ing)\b", re.I)

Lookup = Callable[[str], Sequence[Entity]]


def suppressed_tumours(document: Document, mentions: list[DocumentMention], lookup: Lookup,
                       sentences: Sequence[tuple[int, int, int]]) -> list[DocumentMention]:
    """``mentions`` with the disease word of each "tumor suppressor" phrase added as a
    mention of the disease ``lookup`` (the open lexicon's look-up) gives that word, when it
    has a MeSH id and no disease mention covers the word already. ``sentences`` gives the
    document's sentences as (index, start, end) in ``document.text``."""
    text = document.text
    added: list[DocumentMention] = []
    for match in _SUPPRESSOR.finditer(text):
        start, end = match.span(1)
        if any(m.type in _DISEASE_CLASSES and m.start < end and start < m.end
               for m in mentions):
            continue
        entity = next((e for e in lookup(match.group(1)) if e.category in _DISEASE_CLASSES
                       and any(i.startswith("MESH:") for i in mention_ids(e)[0])), None)
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

"""Disease spans without the words for a disease's course, stage or grade.

The grounding corpora keep words that say how far a disease has gone, how it runs or how
it is graded out of the disease's span ("recurrent [stroke]", "advanced [gastric cancer]",
"high-grade [gliomas]", "early-onset [Alzheimer disease]"), as they keep "severe" and
"mild" out (:func:`exokg.annotate.disease_spans.without_cause_or_degree`). In their
training splits (NCBI Disease, BC5CDR, BioRED), these words stood right before a marked
disease name far more often than they opened one: recurrent 27 / 2, progressive 26 / 4,
early-onset 17 / 0, advanced 16 / 4, metastatic 16 / 3, generalized 15 / 2, transient
13 / 4, fatal 12 / 1, childhood 12 / 4, secondary 10 / 3, late-onset 9 / 1, moderate 9 / 0,
infantile 8 / 2, refractory 8 / 0, persistent 8 / 0, high-grade 7 / 0, low-grade 1 / 0
(before / inside; docs/benchmarks.md, "Recognition round 5"). Where such a word opens a
name that is a disease of its own ("progressive supranuclear palsy", "fatal familial
insomnia", "generalized epilepsy": a MeSH record of that name), the name stays whole.

Only annotation output (``exokg annotate``) reads this.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from exokg.annotate.mentions import DocumentMention, mention_ids
from exokg.model import Entity

__all__ = ["course_or_stage_word", "without_course_or_stage"]

_DISEASE_CLASSES = frozenset({"Disease", "Phenotype"})
#: A word for a disease's course, stage or grade opening a disease name, and the space after.
_COURSE_OR_STAGE = re.compile(
    r"(?:[Rr]ecurrent|[Pp]rogressive|[Ee]arly[- ]onset|[Ll]ate[- ]onset|[Aa]dvanced|"
    r"[Mm]etastatic|[Gg]enerali[sz]ed|[Tt]ransient|[Ff]atal|[Cc]hildhood|[Ss]econdary|"
    r"[Mm]oderate|[Ii]nfantile|[Rr]efractory|[Pp]ersistent|[Hh]igh[- ]grade|"
    r"[Ll]ow[- ]grade)\s+(?=\S)")

Lookup = Callable[[str], Sequence[Entity]]


def _mesh(ids: Sequence[str]) -> set[str]:
    return {i for i in ids if i.startswith("MESH:")}


def course_or_stage_word(word: str) -> bool:
    """True for a word for a disease's course, stage or grade (module docs).

    >>> course_or_stage_word("Recurrent"), course_or_stage_word("high-grade")
    (True, True)
    >>> course_or_stage_word("prostate")
    False
    """
    match = _COURSE_OR_STAGE.match(word + " x")
    return match is not None and match.end() == len(word) + 1


def without_course_or_stage(mentions: list[DocumentMention],
                            lookup: Lookup) -> list[DocumentMention]:
    """``mentions`` with each disease or phenotype name that opens with a word for its
    course, stage or grade (module docs) cut to the rest, with the rest's entity and ids,
    when ``lookup`` (the open lexicon's :meth:`exokg.lexicon.Lexicon.lookup`) finds the rest
    as a disease or phenotype with a MeSH or OMIM id and the whole name has no MeSH id the
    rest lacks (a disease of its own, "progressive supranuclear palsy"); other mentions
    unchanged."""
    out = []
    for m in mentions:
        cut = _COURSE_OR_STAGE.match(m.text) if m.type in _DISEASE_CLASSES else None
        if cut is not None:
            rest = m.text[cut.end():]
            first = next((e for e in lookup(rest) if e.category in _DISEASE_CLASSES), None)
            if first is not None:
                ids, grounded = mention_ids(first)
                if grounded and any(i.startswith(("MESH:", "OMIM:")) for i in ids) \
                        and _mesh(m.ids) <= _mesh(ids):
                    m = replace(m, start=m.start + cut.end(), text=rest, ids=ids,
                                entity=first, grounded=True)
        out.append(m)
    return out

"""Abbreviation definitions of a document for annotation output ("ischemic stroke (IS)").

The detector is :func:`exokg.text.abbreviations.find_abbreviations` (Schwartz-Hearst); this
module runs it on a whole document and keeps only definitions whose offsets slice the
document text to the given forms, so a writer never emits an annotation whose text
disagrees with the document. A finder may be passed in explicitly (tests do): it takes a
text and returns objects with ``short``, ``long``, ``short_start``, ``short_end``,
``long_start`` and ``long_end`` (offsets into that text).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from exokg.model import Document
from exokg.text.abbreviations import Abbreviation, find_abbreviations

__all__ = ["AbbreviationDefinition", "Finder", "abbreviation_definitions", "default_finder"]

Finder = Callable[[str], Sequence[Any]]

#: A short form defined in the text by its long form; offsets into ``Document.text``.
AbbreviationDefinition = Abbreviation


def default_finder() -> Finder:
    """The detector annotation uses: :func:`exokg.text.abbreviations.find_abbreviations`."""
    return find_abbreviations


def abbreviation_definitions(document: Document, finder: Finder | None = None
                             ) -> list[AbbreviationDefinition]:
    """The abbreviation definitions in ``document.text``, in text order.

    ``finder`` defaults to :func:`default_finder`. Definitions whose offsets do not match
    their forms are dropped.
    """
    finder = finder if finder is not None else default_finder()
    text = document.text
    out: list[AbbreviationDefinition] = []
    for found in finder(text):
        d = AbbreviationDefinition(str(found.short), str(found.long), int(found.short_start),
                                   int(found.short_end), int(found.long_start),
                                   int(found.long_end))
        if text[d.short_start:d.short_end] == d.short and d.short \
                and text[d.long_start:d.long_end] == d.long and d.long:
            out.append(d)
    return sorted(set(out), key=lambda d: (d.long_start, d.short_start, d.short))

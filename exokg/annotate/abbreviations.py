"""Abbreviation definitions of a document for annotation output ("ischemic stroke (IS)").

INTEGRATION HOOK. exokg does not detect abbreviations here: the detector belongs to
:mod:`exokg.text.abbreviations` (``find_abbreviations(text)``, Schwartz-Hearst), which this
module imports lazily. Until that module exists, :func:`abbreviation_definitions` returns an
empty list and the writers write no definitions; once it exists, definitions appear in the
BioC output with no change here. A finder may also be passed in explicitly (tests do).

A finder takes a text and returns objects with ``short``, ``long``, ``short_start``,
``short_end``, ``long_start`` and ``long_end`` (offsets into that text). Definitions whose
offsets do not slice the document text to the given forms are dropped, so a writer never
emits an annotation whose text disagrees with the document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from exokg.model import Document

__all__ = ["AbbreviationDefinition", "Finder", "abbreviation_definitions", "default_finder"]

Finder = Callable[[str], Sequence[Any]]


@dataclass(frozen=True)
class AbbreviationDefinition:
    """A short form defined in the text by its long form; offsets into ``Document.text``."""

    short: str
    long: str
    short_start: int
    short_end: int
    long_start: int
    long_end: int


def default_finder() -> Finder | None:
    """``exokg.text.abbreviations.find_abbreviations`` when that module exists, else None."""
    try:
        from exokg.text.abbreviations import find_abbreviations  # type: ignore[import-not-found]
    except ImportError:
        return None
    return find_abbreviations  # type: ignore[no-any-return]


def abbreviation_definitions(document: Document, finder: Finder | None = None
                             ) -> list[AbbreviationDefinition]:
    """The abbreviation definitions in ``document.text``, in text order.

    ``finder`` defaults to :func:`default_finder`; with no finder available the result is
    empty. Definitions whose offsets do not match their forms are dropped.
    """
    finder = finder if finder is not None else default_finder()
    if finder is None:
        return []
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

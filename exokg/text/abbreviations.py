"""Abbreviations defined in a text: "human umbilical cord MSC-derived exosomes (hUC-MSC-Exos)".

The algorithm is Schwartz and Hearst's (Pacific Symposium on Biocomputing 2003): find
``long form (short form)`` pairs (or ``short form (long form)`` when the text inside the
brackets is the longer one), then match the short form's characters right to left against
the words before the bracket. Every alphanumeric character of the short form must be found in
the long form, in order, and its first character must start a word of the long form. The
long form is taken from at most ``min(len(short) + 5, 2 * len(short))`` words before the
bracket and is cut to the shortest stretch that explains the short form. The first
character may not be matched at the start of an earlier bracketed abbreviation: "bone
marrow MSCs (BMSCs) derived EVs (BMSC-EVs)" is defined from "bone".

A candidate short form has 2-16 characters in at most two words, holds at least
one letter and starts with a letter or digit. Text after ``;`` or ``,`` inside the bracket
("(MSCs; ref 12)") is ignored.

:func:`find_abbreviations` takes a text and returns :class:`Abbreviation` records with
offsets into that text. It never raises.

>>> [(a.short, a.long) for a in find_abbreviations(
...     "Human umbilical cord MSC-derived exosomes (hUC-MSC-Exos) reduced infarct volume.")]
[('hUC-MSC-Exos', 'Human umbilical cord MSC-derived exosomes')]
>>> [(a.short, a.long) for a in find_abbreviations("after middle cerebral artery occlusion (MCAO)")]
[('MCAO', 'middle cerebral artery occlusion')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Abbreviation", "find_abbreviations"]

_MAX_SHORT = 16
_WORD = re.compile(r"[^\s]+")
# opening brackets with the text inside up to the matching closer (no nested brackets)
_BRACKET = re.compile(r"\(([^()\[\]]{1,120})\)|\[([^()\[\]]{1,120})\]")


@dataclass(frozen=True)
class Abbreviation:
    """A short form and the long form it was defined as; offsets slice the text given to
    :func:`find_abbreviations` (``text[short_start:short_end] == short``)."""

    short: str
    long: str
    short_start: int
    short_end: int
    long_start: int
    long_end: int


def find_abbreviations(text: str) -> list[Abbreviation]:
    """Abbreviations defined in ``text``, in order of their definition; a short form defined
    twice keeps its first definition."""
    found: list[Abbreviation] = []
    seen: set[str] = set()
    for m in _BRACKET.finditer(text):
        group = 1 if m.group(1) is not None else 2
        inner_start, inner_end = m.start(group), m.end(group)
        inner = text[inner_start:inner_end]
        cut = re.search(r"[;,]\s", inner)
        if cut:
            inner_end = inner_start + cut.start()
            inner = text[inner_start:inner_end]
        lead = len(inner) - len(inner.lstrip())
        inner_start += lead
        inner = inner.strip()
        inner_end = inner_start + len(inner)
        abbreviation = _short_in_brackets(text, m.start(), inner, inner_start, inner_end)
        if abbreviation is None:
            abbreviation = _long_in_brackets(text, m.start(), inner, inner_start, inner_end)
        if abbreviation is not None and abbreviation.short not in seen:
            seen.add(abbreviation.short)
            found.append(abbreviation)
    return found


def _is_short_form(candidate: str) -> bool:
    if not 2 <= len(candidate) <= _MAX_SHORT or len(candidate.split()) > 2:
        return False
    if not candidate[0].isalnum() or not any(c.isalpha() for c in candidate):
        return False
    # a plain lowercase word ("(data not shown)", "(rats)") is not an abbreviation
    return not (candidate.isalpha() and candidate.islower() and len(candidate) > 4)


def _short_in_brackets(text: str, bracket: int, inner: str, inner_start: int,
                       inner_end: int) -> Abbreviation | None:
    """``long form (SHORT)``."""
    if not _is_short_form(inner):
        return None
    words = list(_WORD.finditer(text, _window_start(text, bracket), bracket))
    limit = min(len(inner) + 5, 2 * len(inner))
    words = words[-limit:]
    if not words:
        return None
    start = _match_long(inner, text, words[0].start(), words[-1].end())
    if start is None:
        return None
    long_end = words[-1].end()
    long = text[start:long_end]
    if len(long) <= len(inner) or inner.lower() in long.lower().split():
        return None
    return Abbreviation(inner, long, inner_start, inner_end, start, long_end)


def _long_in_brackets(text: str, bracket: int, inner: str, inner_start: int,
                      inner_end: int) -> Abbreviation | None:
    """``SHORT (long form)``: the word before the bracket is the short form."""
    before = re.search(r"(\S+)\s*$", text[:bracket])
    if before is None or len(inner.split()) < 2:
        return None
    short = before.group(1)
    if not _is_short_form(short) or not any(c.isupper() for c in short):
        return None
    start = _match_long(short, text, inner_start, inner_end)
    if start != inner_start:
        return None
    return Abbreviation(short, inner, before.start(1), before.end(1), inner_start, inner_end)


def _window_start(text: str, bracket: int) -> int:
    """Where the long form may begin: not before the sentence or clause the bracket is in."""
    stop = max(text.rfind(". ", 0, bracket), text.rfind("; ", 0, bracket),
               text.rfind(": ", 0, bracket), text.rfind("\n", 0, bracket))
    return stop + 2 if stop >= 0 else 0


def _match_long(short: str, text: str, lo: int, hi: int) -> int | None:
    """Schwartz-Hearst matching: the start of the shortest long form in ``text[lo:hi]`` that
    explains ``short`` (None when there is none)."""
    s = len(short) - 1
    j = hi - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while j >= lo and (text[j].lower() != c or
                           (s == 0 and j > lo and (text[j - 1].isalnum()
                                                   or text[j - 1] in "(["))):
            j -= 1
        if j < lo:
            return None
        j -= 1
        s -= 1
    start = j + 1
    # extend to the start of the word the first character was found in
    while start > lo and not text[start - 1].isspace():
        start -= 1
    return start

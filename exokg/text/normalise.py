"""Normalise PDF-extracted text while keeping a map back to the original characters.

:func:`normalise` returns the normalised text and, for every character of it, the offset of
the original character it came from. Offsets never decrease, so any range of the normalised
text maps back to a range of the original. The rules, applied in this order:

1. Soft hyphens. A soft hyphen (U+00AD) and any whitespace after it are removed: the word
   the PDF split there is joined ("con\\u00ad\\ntain" -> "contain").
2. Characters. Format characters (Unicode category Cf: zero-width space/joiners, word
   joiner, BOM, bidi marks), control characters other than whitespace (Cc) and lone
   surrogates (Cs) are dropped. Curly and low double quotes (“ ” „ ‟ ＂) become ``"``;
   curly single quotes, the typographic apostrophe and the prime (‘ ’ ‚ ‛ ′ ＇) become
   ``'`` ("p’s" -> "p's"); the Unicode hyphens U+2010/U+2011 become ``-``; the Latin
   ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ are spelled out (every output letter maps to the ligature).
3. Line-end hyphens. A hyphen directly after a letter/digit run and followed by whitespace
   (spaces and/or newlines) is resolved by :func:`exokg.text.hyphenation.hyphen_action`:
   a word split is joined ("ste- reotactic" -> "stereotactic", "pre- \\nvented" ->
   "prevented"); a real hyphen loses only the whitespace ("MSC- derived" -> "MSC-derived",
   "miR- 9" -> "miR-9", "post-\\nstroke" -> "post-stroke"); a suspended hyphen before
   "and"/"or"/"to" is left alone ("pre- and post-"). A reference number glued to the
   right part is not part of the word ("angiogen- esis163" -> "angiogenesis163"; but
   "hsa- mir124" keeps its hyphen). Hyphens not followed by whitespace are
   never touched ("hypo-methylation"). The decision also looks at the rest of the text:
   "blood- brain" is kept as "blood-brain" when that spelling occurs elsewhere, "exo-
   somes" joined when "exosomes" does.
4. Whitespace. Every run of whitespace (any ``str.isspace`` character, newlines and
   no-break spaces included) becomes one space, mapped to the first character of the run;
   whitespace at the start and end of the text is removed.
5. miRNA letters. In a miRNA name a single letter separated by a space from the number is
   attached to it: "microRNA 133 b" -> "microRNA 133b", "miR-30 c" -> "miR-30c" (names:
   microRNA, miR, mir, MIR, let; "a" only when not followed by a lowercase word, so
   "miR-124 a key regulator" is unchanged; never the start of an abbreviation, so
   "miR-124 e.g. in" and "miR-9 i.e." are unchanged).
6. Units. A space is inserted between a number and a unit word glued to it: "12months" ->
   "12 months", "5mg/kg" -> "5 mg/kg" (time words, mass, volume, concentration and length
   units, kDa, Gy, mmHg). The inserted space maps to the first character of the unit.
   Not inside identifiers: a token holding "/" or starting with "doi", "http" or "www" is
   left alone.

The result is a :class:`Normalised` (a named tuple ``(text, offsets)``), whose
:meth:`~Normalised.original_span` maps a range of the normalised text back to the original.

>>> text = "MSC- derived exosomes con-\\ntain miR- 9 and “microRNA 133 b”"
>>> result = normalise(text)
>>> result.text
'MSC-derived exosomes contain miR-9 and "microRNA 133b"'
>>> span = result.original_span(21, 28)
>>> text[span.start : span.end]
'con-\\ntain'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import NamedTuple

from exokg.model import Span
from exokg.text.hyphenation import hyphen_action

DOUBLE_QUOTES: frozenset[str] = frozenset("\u201c\u201d\u201e\u201f\uff02")
SINGLE_QUOTES: frozenset[str] = frozenset("\u2018\u2019\u201a\u201b\u2032\uff07")
HYPHENS: frozenset[str] = frozenset("\u2010\u2011")
LIGATURES: dict[str, str] = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st",
}

_UNITS = (
    "years", "year", "yrs", "yr", "months", "month", "weeks", "week", "wks", "wk", "days",
    "day", "hours", "hour", "hrs", "hr", "minutes", "minute", "mins", "min", "seconds",
    "second", "secs", "sec", "mg", "µg", "μg", "ug", "ng", "pg", "kg", "ml", "mL", "µl", "µL",
    "μl", "μL", "ul", "uL", "nl", "nL", "dl", "dL", "mM", "µM", "μM", "uM", "nM", "pM", "mm",
    "cm", "µm", "μm", "um", "nm", "kDa", "Gy", "mmHg",
)
_UNIT_RE = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))

_SOFT_HYPHEN = re.compile(r"\u00ad\s*")
_SPECIAL_CHARACTER = re.compile(r"[^\x20-\x7e\t\n\r]")
_LINE_HYPHEN = re.compile(r"(?<![^\W_])([^\W_]+)-(\s+)(?=([^\W_]+))")
#: what every match of _LINE_HYPHEN holds, a hyphen and a white space: a literal search for
#: it is a fiftieth of the pattern's (which opens with a word at every position), and most
#: texts have none
_HYPHEN_SPACE = re.compile(r"-\s")
# Only runs that change: a single plain space in the middle of the text is left alone.
_WHITESPACE = re.compile(r"^\s+|\s+$| \s+|[^\S ]\s*")
_MIRNA_LETTER = re.compile(
    r"(?<![^\W_])(?:micro[Rr][Nn][Aa]|mi[Rr]|MIR|let)-?\s?\d{1,4}( )([a-z])"
    r"(?=$|[\s,;:)\]\"'!?]|\.(?!\w))"
)
_NUMBER_UNIT = re.compile(rf"(?<![\w.])\d+(?:\.\d+)?({_UNIT_RE})(?![^\W_])")
_WORD = re.compile(r"[^\W_]+")
# Matches start only where a word starts and never give back characters (possessive), so a
# long token costs one pass, not one pass per character.
_HYPHENATED_WORD = re.compile(r"(?<![^\W_])[^\W_]++(?:-[^\W_]++)+")
_IDENTIFIER_STARTS = ("doi", "http", "www")
_GLUED_NUMBER = re.compile(r"([^\W\d_]+)(\d{1,3})")
_MIRNA_WORDS = frozenset({"mir", "mirna", "microrna", "let"})

# A replacement: (character, index in the current text whose offset it takes).
_Piece = tuple[str, int]
_Edit = Callable[["re.Match[str]"], Sequence[_Piece] | None]


class Normalised(NamedTuple):
    """Normalised text and, per character, the offset of its source in the original text."""

    text: str
    offsets: tuple[int, ...]

    def original_span(self, start: int, end: int) -> Span:
        """The original range behind ``text[start:end]`` (``0 <= start <= end <= len``).

        An empty range maps to an empty span at the original position of ``text[start]``
        (or after the last mapped character). Raises :class:`IndexError` for a range
        outside the text.
        """
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"range {start}-{end} outside text of length {len(self.text)}")
        if start == end:
            if start < len(self.offsets):
                return Span(self.offsets[start], self.offsets[start])
            last = self.offsets[-1] + 1 if self.offsets else 0
            return Span(last, last)
        return Span(self.offsets[start], self.offsets[end - 1] + 1)


def normalise(text: str) -> Normalised:
    """Normalise ``text`` (see the module docstring for the rules).

    Takes the original text; returns ``Normalised(text, offsets)`` where ``offsets[i]`` is
    the index in the original of the character that ``text[i]`` came from, with
    ``len(offsets) == len(text)`` and offsets non-decreasing. Never raises for a str.

    >>> normalise("ische- mia in the pre- \\nvented post-\\nstroke brain").text
    'ischemia in the prevented post-stroke brain'
    >>> normalise("  p’s  < 0.01")
    Normalised(text="p's < 0.01", offsets=(2, 3, 4, 5, 7, 8, 9, 10, 11, 12))
    """
    chars, offsets = _rewrite(text, tuple(range(len(text))), _SOFT_HYPHEN, lambda m: ())
    chars, offsets = _rewrite(chars, offsets, _SPECIAL_CHARACTER, _map_character)
    hyphen = _lazy_hyphen(chars)  # the spellings are read only for a text that needs them
    if _HYPHEN_SPACE.search(chars):
        chars, offsets = _rewrite(chars, offsets, _LINE_HYPHEN, hyphen)
    chars, offsets = _rewrite(chars, offsets, _WHITESPACE, _collapse_space(len(chars)))
    chars, offsets = _rewrite(chars, offsets, _MIRNA_LETTER, _attach_letter)
    chars, offsets = _rewrite(chars, offsets, _NUMBER_UNIT, _split_unit)
    return Normalised(chars, offsets)


def _spellings(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Lowercase hyphenated pairs ("blood-brain") and words written in ``text``."""
    hyphenated: set[str] = set()
    for match in _HYPHENATED_WORD.finditer(text):
        parts = match.group().lower().split("-")
        hyphenated.update(f"{a}-{b}" for a, b in zip(parts, parts[1:]))
    joined = {word.lower() for word in _WORD.findall(text)}
    return frozenset(hyphenated), frozenset(joined)


def _rewrite(
    text: str, offsets: tuple[int, ...], pattern: re.Pattern[str], edit: _Edit
) -> tuple[str, tuple[int, ...]]:
    """Replace every match of ``pattern`` by the pieces ``edit`` returns (None: keep).
    A text with nothing to replace (most texts, for most rules) is returned as it is,
    with the same offsets, without copying them."""
    out: list[str] = []
    out_offsets: list[int] = []
    pos = 0
    changed = False
    for match in pattern.finditer(text):
        pieces = edit(match)
        if pieces is None:
            continue
        changed = True
        out.append(text[pos : match.start()])
        out_offsets.extend(offsets[pos : match.start()])
        for char, index in pieces:
            out.append(char)
            out_offsets.append(offsets[index])
        pos = match.end()
    if not changed:
        return text, offsets
    out.append(text[pos:])
    out_offsets.extend(offsets[pos:])
    return "".join(out), tuple(out_offsets)


def _map_character(match: re.Match[str]) -> Sequence[_Piece] | None:
    """Rule 2 for one non-ASCII or control character (None: keep it as it is)."""
    char, index = match.group(), match.start()
    if char in DOUBLE_QUOTES:
        return (('"', index),)
    if char in SINGLE_QUOTES:
        return (("'", index),)
    if char in HYPHENS:
        return (("-", index),)
    if char in LIGATURES:
        return tuple((letter, index) for letter in LIGATURES[char])
    if char.isspace() or unicodedata.category(char) not in ("Cf", "Cc", "Cs"):
        return None
    return ()


def _lazy_hyphen(text: str) -> _Edit:
    """:func:`_resolve_hyphen` over the spellings of ``text``, read on the first line-end
    hyphen the edit is asked about (most texts have none, and reading them is a scan of
    every word)."""
    resolved: list[_Edit] = []

    def edit(match: re.Match[str]) -> Sequence[_Piece] | None:
        if not resolved:
            resolved.append(_resolve_hyphen(*_spellings(text)))
        return resolved[0](match)

    return edit


def _resolve_hyphen(hyphenated: frozenset[str], joined: frozenset[str]) -> _Edit:
    def edit(match: re.Match[str]) -> Sequence[_Piece] | None:
        left, right = match.group(1), _word_part(match.group(3))
        before = match.string[match.start() - 1] if match.start() > 0 else ""
        action = hyphen_action(left, right, before, hyphenated=hyphenated, joined=joined)
        if action == "leave":
            return None
        pieces = [(c, match.start(1) + i) for i, c in enumerate(left)]
        if action == "keep":
            pieces.append(("-", match.end(1)))
        return pieces

    return edit


def _word_part(right: str) -> str:
    """The letters of ``right`` when only a glued reference number follows them."""
    match = _GLUED_NUMBER.fullmatch(right)
    if match and match.group(1).islower() and match.group(1) not in _MIRNA_WORDS:
        return match.group(1)
    return right


def _collapse_space(length: int) -> _Edit:
    def edit(match: re.Match[str]) -> Sequence[_Piece]:
        if match.start() == 0 or match.end() == length:
            return ()
        return ((" ", match.start()),)

    return edit


def _attach_letter(match: re.Match[str]) -> Sequence[_Piece] | None:
    letter = match.group(2)
    if letter == "a" and re.match(r" [a-z]", match.string[match.end() : match.end() + 2]):
        return None
    head = range(match.start(), match.start(1))
    return [(match.string[i], i) for i in head] + [(letter, match.start(2))]


def _split_unit(match: re.Match[str]) -> Sequence[_Piece] | None:
    text = match.string
    token_start = match.start()
    while token_start > 0 and not text[token_start - 1].isspace():
        token_start -= 1
    prefix = text[token_start : match.start()]
    if "/" in prefix or prefix.lower().startswith(_IDENTIFIER_STARTS):
        return None
    number = range(match.start(), match.start(1))
    unit = range(match.start(1), match.end())
    return (
        [(text[i], i) for i in number]
        + [(" ", match.start(1))]
        + [(text[i], i) for i in unit]
    )

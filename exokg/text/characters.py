"""Characters that must not reach an export: what they are and how they are neutralised.

RDF syntaxes, XML (GraphML) and spreadsheets reject or misread some code points that a
Python string can hold: lone surrogates (U+D800-U+DFFF: not characters at all; they can only
come from a JSON ``\\ud800`` escape), Unicode noncharacters (U+FDD0-U+FDEF and the last two
code points of every plane, e.g. U+FFFE, U+FFFF) and C0/C1 control characters other than
tab, line feed and carriage return.

Input text keeps its length, so every offset into it stays true: :func:`clean_text` replaces
each such character by U+FFFD REPLACEMENT CHARACTER, one for one.
"""

from __future__ import annotations

import re

__all__ = ["BAD_CHARACTER", "clean_text", "first_bad_character", "has_surrogate"]

BAD_CHARACTER = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}"
              for plane in range(1, 17))
    + "]")
_SURROGATE = re.compile("[\ud800-\udfff]")
#: The characters of :data:`BAD_CHARACTER` an ASCII text can hold (a class of one byte's
#: range is scanned many times faster than the full class with its supplementary planes).
_ASCII_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    """``text`` with every character exports cannot carry replaced by U+FFFD (same length).

    >>> clean_text("a\\ufffeb\\x07c")
    'a\\ufffdb\\ufffdc'
    """
    return BAD_CHARACTER.sub("\ufffd", text)


def first_bad_character(text: str) -> int | None:
    """Offset of the first character :func:`clean_text` would replace, or None.

    >>> first_bad_character("ab\\x07"), first_bad_character("a\\nb"), first_bad_character("\\uffff")
    (2, None, 0)
    """
    if text.isprintable():  # no control character, surrogate or noncharacter (all not
        return None  # printable), the usual case for a field value
    match = (_ASCII_BAD if text.isascii() else BAD_CHARACTER).search(text)
    return match.start() if match else None


def has_surrogate(text: str) -> int | None:
    """Offset of the first lone surrogate in ``text``, or None."""
    if text.isascii():  # checked from the string's header, without reading its characters
        return None
    match = _SURROGATE.search(text)
    return match.start() if match else None

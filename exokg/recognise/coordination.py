"""Coordinations that leave out a shared head: "the activation of microglia and astrocytes"
names microglial activation and astrocyte activation; "the proliferation of neurons or
endothelial cells" two proliferations.

When a dictionary term is written "HEAD of X" and is followed by ", Y" / "and Y" / "or Y",
the phrase "HEAD of Y" is looked up with the same matcher; if it names a term of the same
category, Y's words are a mention of that term (source ``"coordination"``). The rule reads
only the matcher's answers, so it works for any vocabulary or open dictionary.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from exokg.model import Mention

__all__ = ["elided_heads"]

_HEAD_OF = re.compile(r"^(?P<head>[A-Za-z][\w-]*)\s+of\s+(?:the\s+)?", re.I)
_NEXT = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|,?\s*(?:and|or|as\s+well\s+as)\s+)(?:the\s+)?"
                   r"(?P<word>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)")


def elided_heads(text: str, mentions: list[Mention],
                 lookup: Callable[[str], list[Mention]]) -> list[Mention]:
    """Mentions that a coordination with a left-out head implies (see the module docs).

    ``mentions`` are the sentence's dictionary mentions; ``lookup`` finds dictionary
    mentions in a short text (the lexicon matcher's ``find``)."""
    out: list[Mention] = []
    for m in mentions:
        head = _HEAD_OF.match(m.text)
        if head is None:
            continue
        pos = m.end
        while True:
            nxt = _NEXT.match(text, pos)
            if nxt is None:
                break
            found = _lookup_longest(f"{head.group('head')} of ", nxt.group("word"), lookup,
                                    m.category)
            if found is None:
                break
            entity, length = found
            start = nxt.start("word")
            out.append(Mention(entity, start, start + length, text[start:start + length],
                               "coordination"))
            pos = start + length
    return out


def _lookup_longest(prefix: str, words: str, lookup: Callable[[str], list[Mention]],
                    category: str):
    """The term "prefix + words" names (trying two words, then one), with the length of
    the words used; None when neither names a term of ``category``."""
    candidates = [words]
    if " " in words:
        candidates.append(words.split(" ")[0])
    for candidate in candidates:
        # "activation of microglia and astrocyte": the term may be written in the plural
        for form in (candidate, candidate + "s"):
            phrase = prefix + form
            for found in lookup(phrase):
                if found.start == 0 and found.end == len(phrase) and \
                        found.category == category:
                    return found.entity, len(candidate)
    return None

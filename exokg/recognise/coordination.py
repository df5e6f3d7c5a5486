"""Coordinations that leave out a shared head: "the activation of microglia and astrocytes"
names microglial activation and astrocyte activation; "the proliferation of neurons or
endothelial cells" two proliferations; and the other way round, modifiers sharing the head
written once after the last of them: "decreased microglia and astrocyte activation",
"neuronal, glial and endothelial apoptosis" (:func:`elided_modifier_heads`).

When a dictionary term is written "HEAD of X" and is followed by ", Y" / "and Y" / "or Y",
the phrase "HEAD of Y" is looked up with the same matcher; if it names a term of the same
category, Y's words are a mention of that term (source ``"coordination"``). The rule reads
only the matcher's answers, so it works for any vocabulary or open dictionary.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from exokg.model import Mention

__all__ = ["elided_heads", "elided_modifier_heads"]

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
        # "of" is in every match (and re.I equates no other character with "o" or "f")
        head = _HEAD_OF.match(m.text) if "of" in m.text.lower() else None
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


# processes and outcomes only: corpora of diseases and genes mark "breast and ovarian
# cancer" as they choose, and the disease benchmarks score their spans
_PROCESSES = frozenset({"BiologicalProcess", "Outcome"})
# one coordinated modifier before the next: "microglia and ", "endothelial, ", "glial or "
_BEFORE = re.compile(r"(?P<word>[A-Za-z][\w-]*)\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")


def elided_modifier_heads(text: str, mentions: list[Mention],
                          lookup: Callable[[str], list[Mention]]) -> list[Mention]:
    """Mentions implied by modifiers coordinated before a term that names their shared head:
    in "microglia and astrocyte activation" the term "astrocyte activation" lends its head
    to "microglia", and "microglia activation" is looked up with the same matcher (terms of
    biological processes and outcomes only). Each
    modifier whose phrase names a term of the same category becomes a mention of that term
    over the modifier's characters (source ``"coordination"``); the walk stops at the first
    word that is not such a modifier."""
    out: list[Mention] = []
    for m in mentions:
        words = m.text.split()
        if len(words) < 2 or m.category not in _PROCESSES:
            continue
        head = " ".join(words[1:])
        pos = m.start
        while True:
            before = _BEFORE.search(text, max(0, pos - 60), pos)
            if before is None:
                break
            word = before.group("word")
            phrase = f"{word} {head}"
            entity = next((f.entity for f in lookup(phrase) if f.start == 0
                           and f.end == len(phrase) and f.category == m.category), None)
            if entity is None or entity.id == m.entity.id:
                break
            out.append(Mention(entity, before.start("word"), before.end("word"), word,
                               "coordination"))
            pos = before.start("word")
    return out

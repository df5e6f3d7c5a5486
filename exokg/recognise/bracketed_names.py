"""Disease names that a bracketed short form splits (round 12c): "large artery
atherosclerotic (LAA) stroke", "cardioembolic (CE) stroke", "acute ischemic (AIS) stroke".

Authors sometimes define a short form before the name's last word. The dictionary then sees
only the parts ("atherosclerotic", "stroke"). :func:`bracketed_names` reads the words around
each such bracket with the bracket taken out and keeps the disease names that run across it,
with offsets into the text as written (the bracket inside the mention). Only a short form of
capitals (2-10 characters) between a word and the head word of a disease name ("stroke",
"injury", "infarction", "disease", ...) is looked at, and only a window of words around it is
read again, so sentences without one cost a regex search.

>>> from exokg.model import Entity
>>> laa = Entity("exokg:disease/laa", "large artery atherosclerotic stroke", "Disease")
>>> def find(text):
...     at = text.find("large artery atherosclerotic stroke")
...     return [Mention(laa, at, at + 35, text[at:at + 35])] if at >= 0 else []
>>> [(m.text, m.start) for m in bracketed_names(
...     "Patients with large artery atherosclerotic (LAA) stroke had", find)]
[('large artery atherosclerotic (LAA) stroke', 14)]
"""

from __future__ import annotations

import re
from collections.abc import Callable

from exokg.model import Mention

__all__ = ["bracketed_names"]

# "atherosclerotic (LAA) stroke": a capitals short form between a word and the head word of
# a disease name
_SPLIT = re.compile(r"(?<=[A-Za-z])\s+\((?=[^()]*[A-Z][^()]*[A-Z])[A-Z][A-Za-z0-9-]{1,9}\)\s+"
                    r"(?=(?:stroke|infarct|injur|h(?:a)?emorrhage|isch(?:a)?emia|occlusion|"
                    r"disease|disorder|syndrome|attack|encephalopathy|dementia|palsy|"
                    r"aneurysm|atherosclerosis|vasospasm)[a-z]*\b)")
_CATEGORIES = frozenset({"Disease"})
_BEFORE = 60  # characters read again before the bracket (the name's first words)
_AFTER = 30  # and after it (its last words)


def bracketed_names(text: str, find: Callable[[str], list[Mention]]) -> list[Mention]:
    """The disease mentions ``find`` gives for ``text`` with each splitting bracket taken
    out, that run across the bracket, with offsets into ``text``."""
    out: list[Mention] = []
    if "(" not in text:
        return out
    for m in _SPLIT.finditer(text):
        lo = max(0, m.start() - _BEFORE)
        if lo:  # start at a word
            lo = text.find(" ", lo, m.start()) + 1 or m.start()
        hi = min(len(text), m.end() + _AFTER)
        window = text[lo:m.start()] + " " + text[m.end():hi]
        cut = m.start() - lo  # the space that stands for the bracket
        removed = m.end() - m.start() - 1
        for x in find(window):
            if x.category not in _CATEGORIES or not x.start < cut < x.end - 1:
                continue
            start, end = lo + x.start, lo + x.end + removed
            out.append(Mention(x.entity, start, end, text[start:end], x.source))
    return out

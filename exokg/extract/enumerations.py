"""Enumerations of miRNAs and genes as the miRNA literature writes them.

:func:`~exokg.extract.base.coordinated` joins mentions separated by "and", "or", commas and
slashes. Papers on miRNAs also enumerate with a bracket after each member, and name
clusters between the members:

* "miR-A (2.1-fold; P = 0.01), miR-B (3.0-fold; P = 0.004) and miR-C (P < 0.05)": the
  statistics of each member;
* "glial fibrillary acidic protein (GFAP) and vimentin": a member's short form;
* "the miR-A/miR-B cluster, miR-C and miR-D": a cluster word after a member;
* "miR-A*, miR-B* and miR-C": star arms (when the star is outside the mention).

:func:`members` reads such lists; a mention inside the bracket right after another member
(the short form "GFAP" above) is that member's alias, not a member of its own.
"""

from __future__ import annotations

import re

from exokg.model import Analysed, Mention

__all__ = ["LIST_SEPARATOR", "members", "list_end"]

#: what separates the members of a plain list written out in words: a comma (with "and" /
#: "or" after it), or "and" / "or" ("A, B, and C", "A or B"); for splitting a list's text
LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", re.I)

# one bracket, with at most one bracket nested in it: "(P = 0.004)", "(hsa-miR-21 (mature))"
_BRACKET = r"\((?:[^()]|\([^()]*\))*\)"
# what may follow a member before the separator: brackets, a star, a cluster word
_TRAIL = rf"(?:\s*{_BRACKET}|\s*\*|\s+(?:clusters?|polycistrons?|family|families|genes?)\b)*"
_GAP = re.compile(rf"{_TRAIL}\s*(?:,\s*(?:and|or|as\s+well\s+as)?|and|or|as\s+well\s+as|"
                  r"and/or|/|,?\s*(?:together\s+with|along\s+with))\s*(?:the\s+|its\s+|of\s+)?"
                  r"(?:(?:serum|plasma|blood|circulating|exosomal|urinary|salivary|CSF)\s+)*$",
                  re.I)
_TRAIL_AT = re.compile(_TRAIL, re.I)


def _asides(a: Analysed, pool: list[Mention]) -> set[int]:
    """Indices of pool mentions that sit in a bracket opened right after another pool
    mention ("protein (GFAP)"): aliases, not members."""
    out: set[int] = set()
    last = None  # the earlier mention that ends last (pool is sorted by start)
    for i, m in enumerate(pool):
        if last is not None and last.end <= m.start and re.fullmatch(
                r"\s*\(\s*(?:[^()]*[,;]\s*)?", a.text[last.end:m.start]):
            out.add(i)
        if last is None or m.end > last.end:
            last = m
    return out


def members(a: Analysed, anchor: Mention, classes: frozenset[str], *,
            backwards: bool) -> list[Mention]:
    """``anchor`` and the mentions of ``classes`` enumerated with it (see the module docs),
    walking backwards or forwards from it; sorted by position. The anchor itself is always
    in the result, even when it is not in ``a.mentions``."""
    pool = sorted((m for m in a.mentions if m.category in classes),
                  key=lambda m: (m.start, m.end))
    skip = _asides(a, pool)
    items = [m for i, m in enumerate(pool) if i not in skip]
    group = [anchor]
    if anchor not in items:
        return group
    idx = items.index(anchor)
    step = -1 if backwards else 1
    j = idx + step
    current = anchor
    while 0 <= j < len(items):
        other = items[j]
        if other.start == current.start:  # another reading of the same span
            group.append(other)
        else:
            gap = a.text[other.end:current.start] if backwards else \
                a.text[current.end:other.start]
            if not _GAP.match(gap):
                break
            group.append(other)
        current = other
        j += step
    return sorted(group, key=lambda m: (m.start, m.source))


def list_end(a: Analysed, group: list[Mention]) -> int:
    """Where an enumeration ends in ``a.text``: after its last member and what trails it
    (its brackets, a star, a cluster word)."""
    last = max(m.end for m in group)
    trail = _TRAIL_AT.match(a.text, last)
    return trail.end() if trail else last

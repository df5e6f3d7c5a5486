"""Cell nouns the field writes that the Cell Ontology names differently.

Abstracts call microglial cells "microglia" and astrocytes "astroglia"; the Cell Ontology's
names and synonyms ("microglial cell") do not match these mass nouns, so "microglia-derived
EVs" or "EVs released from microglia" would lose their source cell. :func:`cell_nouns` gives
a Cell mention over each such noun that no other mention covers, grounded through the
recogniser's own lookup of the ontology name it stands for (no identifier is written here).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from exokg.model import Mention
from exokg.text.prefilter import Needs

__all__ = ["CELL_NOUNS", "cell_nouns"]

#: Mass nouns of the field -> the ontology name each stands for.
CELL_NOUNS: dict[str, str] = {"microglia": "microglial cell", "astroglia": "astrocyte",
                              "oligodendroglia": "oligodendrocyte"}
_NOUN = re.compile(r"(?<![\w-])(" + "|".join(CELL_NOUNS) + r")(?![\w])", re.I)
_MAY_NOUN = Needs(_NOUN)  # its keyword guard


def cell_nouns(text: str, mentions: list[Mention],
               cells: Callable[[str], list[Mention]]) -> list[Mention]:
    """Cell mentions over the nouns of :data:`CELL_NOUNS` in ``text`` that no mention of
    ``mentions`` overlaps; ``cells`` recognises the ontology name each noun stands for (a
    noun whose name is not recognised as a cell gives nothing)."""
    out: list[Mention] = []
    if not _MAY_NOUN.may_match(text):
        return out
    for m in _NOUN.finditer(text):
        if any(o.start < m.end() and m.start() < o.end for o in mentions):
            continue
        name = CELL_NOUNS[m.group(1).lower()]
        found = [c for c in cells(name) if c.category == "Cell" and c.end - c.start == len(name)]
        if found:
            out.append(Mention(found[0].entity, m.start(), m.end(), m.group(1), "ontology"))
    return out

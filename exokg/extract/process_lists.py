"""A modifier shared by a list of cell processes: "increased OPC proliferation, survival and
differentiation" names OPC proliferation, OPC survival and OPC differentiation, "promoted
neuronal survival and maturation" neuronal survival and neuronal maturation.

When an open outcome of two words ends in a process noun that cells undergo
(:data:`~exokg.extract.outcomes.CELL_PROCESS_HEADS`) and bare one-word process nouns follow it
in a list (", and", ",", "and", "or"), each of them takes the first word too. Only process
nouns carry it: in "reduced neuronal apoptosis, inflammation and edema" neither inflammation
nor edema is neuronal. Curated vocabulary terms keep what the vocabulary says.
"""

from __future__ import annotations

import re

from exokg.extract.outcomes import CELL_PROCESS_HEADS, outcome_for_text
from exokg.model import Analysed, Mention

__all__ = ["shared_process_modifier"]

_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", re.I)
_CARRIED_SOURCES = frozenset({"open-outcome", "ontology"})


def shared_process_modifier(a: Analysed, objects: list[Mention]) -> list[Mention]:
    """``objects`` with each bare process noun of a list given the modifier of the process
    that opens the list (module docs)."""
    out: list[Mention] = []
    carried: tuple[int, str] | None = None  # where the list has got to, the modifier
    for m in sorted(objects, key=lambda x: x.start):
        words = m.entity.label.split()
        if carried and m.source in _CARRIED_SOURCES and len(m.text.split()) == 1 and \
                m.text.lower() in CELL_PROCESS_HEADS and \
                _LIST_GAP.fullmatch(a.text, carried[0], m.start):
            out.append(Mention(outcome_for_text(f"{carried[1]} {m.text}"), m.start, m.end,
                               m.text, "open-outcome"))
            carried = (m.end, carried[1])
            continue
        carried = None
        if m.source == "open-outcome" and len(words) == 2 and \
                words[1].lower() in CELL_PROCESS_HEADS:
            carried = (m.end, words[0])
        out.append(m)
    return out

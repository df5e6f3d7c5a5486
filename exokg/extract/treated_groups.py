"""Levels in treated groups: "(X-)treated rats showed reduced expression of A, B and C" -> the
treatment ``biolink:affects`` each, with the direction.
"""

from __future__ import annotations

import re

from exokg.extract.base import AGENTS, Analysed, DocumentState, coordinated, statement
from exokg.extract.epistemics import hedged, negated
from exokg.extract.level_markers import DIRECTION, UP
from exokg.model import Statement

__all__ = ["treated_group_levels"]


# "treated ICH rats showed significantly reduced expression of IL-1a, IL-6 and IFN-g",
# "EV-treated mice had higher levels of BDNF"
_TREATED_GROUP = re.compile(r"\b(?P<agent>[\w/+-]+-)?treated\s+(?:[\w-]+\s+){0,3}?(?:rats|mice|"
                            r"animals|pigs|piglets|monkeys|pups|patients|groups?)\s+(?:also\s+)?"
                            r"(?:showed|had|displayed|exhibited|demonstrated|presented|revealed)"
                            r"\s+(?:an?\s+)?(?:\w+ly\s+)?" + DIRECTION + r"\s+(?:(?:mRNA\s+|"
                            r"protein\s+)?(?:expression|levels?|concentrations?|production|"
                            r"release|secretion|numbers?|amounts?)\s+of\s+)?(?:the\s+)?", re.I)
_MEASURES = frozenset({"Protein", "Gene", "MicroRNA", "BiologicalProcess", "Outcome",
                       "Phenotype"})


def treated_group_levels(a: Analysed, state: DocumentState) -> list[Statement]:
    """'(X-)treated rats showed (significantly) reduced expression of A, B and C' -> the
    treatment ``biolink:affects`` each measure with the direction. The treatment is the
    agent written before "-treated", else the subject of the document's last effect, else
    its preparation."""
    out: list[Statement] = []
    for m in _TREATED_GROUP.finditer(a.text):
        first = [x for x in a.within(m.end(), len(a.text), _MEASURES) if x.start - m.end() < 3]
        if not first:
            continue
        named = a.within(m.start(), m.start("dir"), AGENTS)
        agents = [x.entity for x in named] or [e for e in state.subject
                                              if e.category in AGENTS] or (
            [state.preparation] if state.preparation else [])
        if not agents:
            continue
        up = m.group("dir").lower().replace("-", "") in UP
        for agent in agents:
            for obj in coordinated(a, first[0], _MEASURES, backwards=False):
                out.append(statement(a, "effect.treated-group", agent, "biolink:affects",
                                     obj.entity, direction="increased" if up else "decreased",
                                     negated=negated(a.text, 0, m.start("dir")),
                                     hedged=hedged(a.text, 0, m.start("dir"))))
    return out

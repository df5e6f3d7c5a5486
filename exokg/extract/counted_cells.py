"""Counted cell populations as the objects of an effect: "resulted in fewer TUNEL+ cells",
"increased the number of NeuN-positive and Nissl-positive cells", "CD206- and CD68-positive
cells", "apoptotic cells and inflammation were reduced".

A cell noun qualified by a staining marker ("X+", "X-positive", "X-immunoreactive",
"X-labelled") or by a state ("apoptotic", "dying", "degenerating") names what was counted in
the treated tissue, a measured outcome: not the agent (cells that act), and not the marker (a
count of NeuN-positive cells says nothing of how much NeuN a cell makes). Each marker or state
of a coordinated list makes one open outcome with the shared noun ("NeuN-positive cells",
"Nissl-positive cells"); a member cut before the shared suffix ("CD206- and CD68-positive")
takes it ("CD206-positive cells"). Markers written together ("SOX2+GFAP+ cells", "PAX6+/Nestin+
cells", "Ki67-positive NeuN+ neurons") define one population, labelled with all of them. The
marker mentions inside such a phrase are no objects.
"""

from __future__ import annotations

import re

from exokg.extract.enumerations import LIST_SEPARATOR
from exokg.extract.outcomes import outcome_for_text
from exokg.model import Analysed, Mention
from exokg.text.prefilter import Needs

__all__ = ["counted_cells", "without_counted_parts"]

_MARK = r"[A-Za-z][\w.]*(?:\+|\(\+\)|-positive|\s+positive|-immunoreactive|-immunopositive|" \
        r"-labell?ed|-stained)"
_STATE = r"(?:apoptotic|dying|dead|necrotic|degenerating|pyknotic|surviving|proliferating|" \
         r"newborn|newly\s+generated)"
# one member: a marker (double labels "BrdU+/NeuN+", "SOX2+GFAP+", "Ki67-positive NeuN+" are
# one population), a state, or a marker cut before the suffix the last member carries
# ("CD206- and CD68-positive")
_MEMBER = rf"(?:{_MARK}(?:(?:/|\s+)?{_MARK})*|{_STATE}|[A-Za-z][\w.]*-(?=\s*(?:,|and\b|or\b)))"
_CELLS = r"(?:cells|neurons|microglia|astrocytes|oligodendrocytes|macrophages|neutrophils|" \
         r"neuroblasts|monocytes|lymphocytes|pericytes|OPCs|nuclei|cell|neuron)"
_COUNTED = re.compile(rf"(?<![\w+-])(?P<members>{_MEMBER}(?:\s*,\s*(?:and\s+|or\s+)?{_MEMBER}|"
                      rf"\s+(?:and|or)\s+{_MEMBER})*)\s+(?P<noun>(?:[a-z]+\s+)?{_CELLS})\b")
_MAY_COUNTED = Needs(re.compile(_CELLS))  # its keyword guard
# "VEGF in CD31+ cells", "uptake by GFAP-positive astrocytes": where, not what, was measured;
# "the number / percentage of NeuN+ cells" is what was
_PLACE = re.compile(r"\b(?:in|on|within|into|from|by|to|among|of|with|onto)\s+"
                    r"(?:the\s+|these\s+)?$", re.I)
_COUNT_OF = re.compile(r"\b(?:numbers?|percentages?|proportions?|ratios?|density|counts?|"
                       r"amounts?|fractions?)\s+of\s+(?:the\s+)?$|"
                       # "the (positive) expression / infiltration of MPO+ neutrophils"
                       r"\b(?:(?:positive\s+)?expression|infiltration|accumulation|recruitment)"
                       r"\s+of\s+(?:the\s+)?$|"
                       # "a (nonsignificant) decrease in TUNEL+ cells": what changed
                       r"\b(?:decreases?|reductions?|increases?|changes?|rises?|drops?|"
                       r"declines?|loss|elevations?)\s+in\s+(?:the\s+)?$", re.I)


def counted_cells(a: Analysed, start: int, end: int) -> list[Mention]:
    """The counted cell populations named in ``a.text[start:end]``, one open outcome per
    marker or state of a coordinated list (module docs)."""
    if not _MAY_COUNTED.may_match(a.text):
        return []
    out: list[Mention] = []
    for m in _COUNTED.finditer(a.text, start, end):
        noun = m.group("noun")
        if noun.split()[0].lower() in ("and", "or", "the", "of", "in"):
            continue
        before = a.text[max(0, m.start() - 30):m.start()]
        if _PLACE.search(before) and not _COUNT_OF.search(before):
            continue
        members = LIST_SEPARATOR.split(m.group("members"))
        last = members[-1]
        suffix = last[last.rfind("-"):] if "-" in last else ""
        offset = m.start("members")
        for member in members:
            at = a.text.index(member, offset, m.end("members"))
            offset = at + len(member)
            name = member + suffix[1:] if member.endswith("-") else member
            # each member's own words (the last one's with the noun): spans do not overlap
            stop = m.end() if member is members[-1] else offset
            out.append(Mention(outcome_for_text(f"{name} {noun}"), at, stop, a.text[at:stop],
                               "open-outcome"))
    return out


def without_counted_parts(mentions: list[Mention], counted: list[Mention]) -> list[Mention]:
    """``mentions`` without those inside a counted population's phrase (the marker "NeuN"
    of "NeuN-positive cells") or overlapping its start."""
    spans = [(min(c.start for c in counted), max(c.end for c in counted))]
    return [m for m in mentions if not any(s <= m.start < e or m.start < s < m.end
                                           for s, e in spans)]

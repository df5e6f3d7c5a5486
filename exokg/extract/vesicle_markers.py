"""Markers of vesicle populations: "ADEVs were identified by the expression of GLAST", "EVs
isolated based on their expression of GluR2", "L1CAM+ exosomes" -> the protein ``RO:0002607``
(is marker for) the vesicle population.
"""

from __future__ import annotations

import re

from exokg.extract.base import Analysed, clauses, coordinated, statement
from exokg.extract.level_markers import VESICLES
from exokg.model import Statement
from exokg.text.prefilter import Needs

__all__ = ["SELECTED_BY", "population_markers"]


# "ADEVs were identified / isolated / captured by (the) (surface) expression of GLAST",
# "EVs ... based on their expression of GluR2", "immunocaptured with an anti-L1CAM antibody"
SELECTED_BY = re.compile(r"\b(?:identif|isolat|select|captur|immunocaptur|immunoprecipitat|"
                         r"enrich|sort|purif|characteri[sz])\w*\b[^;]{0,80}?\b(?:by|with|using|"
                         r"via|based\s+on|through)\s+(?:the\s+|their\s+|its\s+|an?\s+)?"
                         r"(?:(?:surface\s+)?(?:expression|presence)\s+of\s+(?:the\s+)?|anti-|"
                         r"antibod(?:y|ies)\s+(?:against|to)\s+)", re.I)
# "L1CAM+ exosomes", "GLAST-positive EVs"
_POSITIVE = re.compile(r"\s*(?:\+|-?\s*positive)\s*", re.I)


_NEEDS_POPULATION = Needs(SELECTED_BY, _POSITIVE)


def population_markers(a: Analysed) -> list[Statement]:
    """The protein by which a vesicle population is selected is its marker: 'ADEVs were
    identified by the expression of GLAST', 'L1CAM+ exosomes' -> the protein
    ``RO:0002607`` the vesicle population (module docs)."""
    if not _NEEDS_POPULATION.may_match(a.text):  # no cue word: nothing to read
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in SELECTED_BY.finditer(a.text, clause.start, clause.end):
            # the population before the verb ("ADEVs were identified by") or after it
            # ("to isolate brain-derived EVs from plasma based on their expression of")
            vesicles = [x for x in a.within(clause.start, m.end(), VESICLES)
                        if m.start() - x.end < 60]
            proteins = [x for x in a.within(m.end(), clause.end, frozenset({"Protein", "Gene"}))
                        if x.start - m.end() < 45]
            if vesicles and proteins:
                out += [statement(a, "biomarker.vesicle-marker", p.entity, "RO:0002607",
                                  vesicles[-1].entity)
                        for p in coordinated(a, proteins[0], frozenset({"Protein", "Gene"}),
                                             backwards=False)]
        for p in a.within(clause.start, clause.end, frozenset({"Protein", "Gene"})):
            plus = _POSITIVE.match(a.text, p.end)
            if not plus or not a.text[p.end:plus.end()].strip():
                continue
            after = [x for x in a.within(plus.end(), clause.end, VESICLES)
                     if x.start - plus.end() < 30]
            if after:
                out.append(statement(a, "biomarker.vesicle-marker", p.entity, "RO:0002607",
                                     after[0].entity))
    return out

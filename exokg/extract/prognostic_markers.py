"""Prognostic markers named with the outcome they foretell: "X is an indicator of poor
neurological outcome", "X was an independent predictive factor of poor outcome", "only X
enabled prediction of neurological outcome at 1 year", "X remained a significant prognostic
marker for unfavourable outcome".

The marker (a molecule, or a vesicle population of the body's own cells) before the cue is
``biolink:biomarker_for`` the outcome written right after it: a poor outcome group ("poor
(functional) outcome", "unfavourable prognosis", "mRS 3-6") is poor prognosis; a recognised
outcome named without a quality ("neurological outcome") is that outcome. A disease right
after the cue is what the marker indicates: "X and Y were independent predictive factors for
LAA stroke", "X was an independent indicator of (the presence of) ischemic stroke", "X is a
diagnostic predictor of AIS" -> X ``biomarker_for`` the disease (round 12c). A good outcome
("a predictor of favourable outcome") is left to :mod:`exokg.extract.outcome_levels`, and "X
predicted poor outcome" keeps its reading as a marker of the patients' disease
(:mod:`exokg.extract.biomarkers`); this rule adds the outcome the sentence names. Hedged by
the usual cues ("may be a predictor of").
"""

from __future__ import annotations

import re

from exokg.extract.base import Analysed, clauses, statement
from exokg.extract.epistemics import hedged, negated
from exokg.extract.level_markers import level_context, markers_before
from exokg.extract.outcome_levels import OUTCOME_GROUP, POOR_PROGNOSIS, good_outcome
from exokg.model import Entity, Statement
from exokg.text.prefilter import Needs

__all__ = ["prognostic_markers"]

# "is an (independent) indicator / predictor / predictive factor / prognostic marker of",
# "enabled (the early) prediction of"
_CUE = re.compile(r"\b(?:(?:is|was|are|were|be|been|as|remained|represents?|represented)\s+"
                  r"(?:an?\s+|the\s+)?(?:(?:independent|significant|strong|early|useful|"
                  r"reliable|novel|potential|promising|good|sensitive|possible|candidate|"
                  r"diagnostic)\s+"
                  r"(?:and\s+)?)*(?:(?:indicators?|predictors?)|(?:predictive|prognostic)\s+"
                  r"(?:indicators?|factors?|markers?|biomarkers?))"
                  r"|(?:enabled|enables?|allowed|allows?|permitted|permits?)\s+(?:the\s+)?"
                  r"(?:early\s+|accurate\s+)?prediction)\s+(?:of|for)\s+", re.I)
_NEEDS = Needs(_CUE)
_OUTCOME_CLASSES = frozenset({"Outcome", "Phenotype"})
_OUTCOME_WORD = re.compile(r"\b(?:outcomes?|prognosis)\b", re.I)
_DISEASE = frozenset({"Disease"})
_OUTCOME_RULE = "biomarker.informative-outcome"
# what may stand between the cue and the disease it indicates: "(the) (presence | occurrence |
# onset | development | diagnosis | risk) of"
_BEFORE_DISEASE = re.compile(r"\s*(?:(?:an?|the)\s+)?(?:(?:presence|occurrence|onset|"
                             r"development|diagnosis|risk)\s+of\s+(?:(?:an?|the)\s+)?)?",
                             re.I)


def _outcome(a: Analysed, at: int) -> tuple[Entity, str] | None:
    """The outcome (or disease) written at ``at`` (module docs), or None."""
    group = OUTCOME_GROUP.match(a.text, at)
    if group is not None:
        return None if good_outcome(group) else (POOR_PROGNOSIS, _OUTCOME_RULE)
    named = [m for m in a.within(at, len(a.text), _OUTCOME_CLASSES)
             if re.fullmatch(r"\s*(?:(?:an?|the)\s+)?", a.text[at:m.start])
             and _OUTCOME_WORD.search(m.text)]
    if named:
        return named[0].entity, _OUTCOME_RULE
    disease = [m for m in a.within(at, len(a.text), _DISEASE)
               if _BEFORE_DISEASE.fullmatch(a.text, at, m.start)]
    return (disease[0].entity, "biomarker.informative-disease") if disease else None


def prognostic_markers(a: Analysed) -> list[Statement]:
    """Each marker before a prognostic cue ``biomarker_for`` the outcome after it."""
    if not _NEEDS.may_match(a.text):
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        for cue in _CUE.finditer(a.text, clause.start, clause.end):
            found = _outcome(a, cue.end())
            if found is None:
                continue
            outcome, rule = found
            subjects = markers_before(a, clause.start, cue.start(), gap=60, populations=True)
            for subject in subjects:
                out.append(statement(a, rule, subject.entity,
                                     "biolink:biomarker_for", outcome,
                                     hedged=hedged(a.text, clause.start, cue.start()),
                                     negated=negated(a.text, clause.start, cue.start()),
                                     context=level_context(a, clause.start, cue.start())))
    return out

"""Associations whose subject is the patients' outcome or a graded score, and whose partners
are a list of levels: prognostic studies often name the outcome first.

* **An outcome as the subject**: "A poor outcome at 1 year was associated with (significantly)
  higher levels of X, higher A grade and higher B score" -> X and each graded measure (A
  grade, B score, labelled as written) positively correlated with poor prognosis (negatively
  for "lower"); "A favourable outcome was associated with lower X" -> X
  ``biolink:associated_with`` functional recovery, decreased (a good outcome is recovery of
  function, as :mod:`exokg.extract.outcome_levels` reads it). The markers and measures are
  the subjects: the outcome does not raise them, and they do not raise one another.
* **A graded score as the subject**: "An increasing MRI injury score was associated with
  decreasing levels of X and increasing levels of Y" -> X negatively and Y positively
  correlated with the score (the sign of each conjunct's level word times the subject's:
  "increasing" x "decreasing" = negative); the score is a recognised scale or outcome, or its
  words ending in "score", "grade", "scale", "stage" or "index" as an open outcome.

A member's level word ("higher", "decreasing", "elevated levels of") is shared by the members
after it that have none. A pair another marker rule read first (either way round: "NIHSS
scores were positively correlated with X", :mod:`exokg.extract.measure_correlations`) is not
read again. The rule names start with ``biomarker.correlation`` so that the sentence is not
also read as effects (miR-X raising the scores listed after it).
"""

from __future__ import annotations

import re
from dataclasses import replace

from exokg.extract.base import Analysed, statement
from exokg.extract.enumerations import LIST_SEPARATOR
from exokg.extract.epistemics import hedged, negated
from exokg.extract.level_markers import SCALES, level_context
from exokg.extract.marker_predicates import MARKER_CLASSES, eligible_marker
from exokg.extract.outcome_levels import OUTCOME_GROUP, good_outcome, outcome_statement
from exokg.extract.outcomes import outcome_entity
from exokg.model import Entity, Statement
from exokg.text.prefilter import Needs

__all__ = ["outcome_subject_correlations"]

# the association verb after the subject: "was (significantly) associated with", "were
# correlated with", "is related / linked to"
_CUE = re.compile(r"\b(?:was|were|is|are)\s+(?:(?:\w+ly|also)\s+)*(?:associated|correlated|"
                  r"related|linked)\s+(?:with|to)\s+", re.I)
_NEEDS = Needs(_CUE)
# where the subject's clause starts
_CLAUSE_START = re.compile(r"[;:]|,\s*(?:and|but|while|whereas)\s+|\b(?:while|whereas|that)\s+",
                           re.I)
_UP_WORDS = frozenset({"higher", "increased", "increasing", "elevated", "greater", "raised",
                       "rising", "larger", "worsening", "more", "upregulated", "up-regulated"})
_DOWN_WORDS = frozenset({"lower", "decreased", "decreasing", "reduced", "diminished", "falling",
                         "declining", "smaller", "less", "fewer", "downregulated",
                         "down-regulated"})
_LEVEL = r"(?P<w>" + "|".join(sorted(_UP_WORDS | _DOWN_WORDS, key=len, reverse=True)) + r")"
# a graded measure written out: "MRI injury score", "WFNS grade", "Hunt-Hess grade" (not "this
# score", not "age and GCS score")
_SCORE = re.compile(r"(?:(?!(?:and|or|this|these|that|those|its|their|our|each|both|the|an?)\s)"
                    r"[\w/\u2013-]+\s+){0,3}?[\w/\u2013-]*(?:scores?|grades?|scales?|stages?|"
                    r"index)", re.I)
# what may follow a named scale: "NIHSS (total) scores"
_SCALE_TAIL = re.compile(r"\s*(?:\([^()]{1,15}\)\s*)?(?:(?:total|baseline|admission)\s+)?"
                         r"(?:scores?|values?|grades?)?", re.I)
# what the partners of one association run to: another clause
_END = re.compile(r";|,\s*(?:while|whereas|but|which)\b|\s+(?:while|whereas)\b|"
                  r",?\s+(?:and|but)\s+(?:was|were|is|are)\b", re.I)
# what a member may carry before its measure: an adverb, a level word, "levels of"
_MEMBER_LEAD = re.compile(r"\s*(?:\w+ly\s+)*(?:" + _LEVEL + r"\s+)?(?:(?:levels?|values?|"
                          r"concentrations?|amounts?|expression)\s+of\s+)?(?:the\s+)?", re.I)
# what a member may carry after its measure: a bracketed statistic or short form, a time
_MEMBER_TAIL = re.compile(r"\s*(?:\([^()]*\)\s*)*(?:(?:at|on|between|during|within|from|after)\s+"
                          r"[^,;]*)?$", re.I)

# a linking word, an article and the subject's own level word before the subject
_LEAD = re.compile(r"\W*(?:(?:however|moreover|furthermore|in\s+addition|additionally|overall|"
                   r"notably|importantly|in\s+contrast|conversely|similarly|likewise)\s*,?\s+)?"
                   r"(?:(?:an?|the)\s+)?(?:" + _LEVEL + r"\s+)?", re.I)

_PREDICATES = {1: "biolink:positively_correlated_with", -1: "biolink:negatively_correlated_with",
               0: "biolink:correlated_with"}


def _sign(word: str | None) -> int:
    word = (word or "").lower()
    return 1 if word in _UP_WORDS else -1 if word in _DOWN_WORDS else 0


def _score(a: Analysed, start: int, end: int) -> Entity | None:
    """The graded measure written in ``a.text[start:end]``: a recognised scale or outcome
    opening it ("NIHSS scores"), else its words when they end in a measure head; None
    otherwise (also when a marker is named in it)."""
    named = [m for m in a.within(start, end, SCALES) if m.start == start
             and _SCALE_TAIL.fullmatch(a.text, m.end, end)]
    if named:
        return max(named, key=lambda m: m.end).entity
    words = a.text[start:end]
    if not _SCORE.fullmatch(words) or a.within(start, end, MARKER_CLASSES):
        return None
    return outcome_entity(" ".join(words.split()))


def _members(a: Analysed, start: int, end: int) -> list[tuple[Entity, int, int, int]]:
    """The markers and graded measures listed in ``a.text[start:end]``, each with the sign of
    its level word (the one of the member before when it has none) and its member's span."""
    out: list[tuple[Entity, int, int, int]] = []
    seen: set[str] = set()
    pos, sign = start, 0
    for split in [*LIST_SEPARATOR.finditer(a.text, start, end), None]:
        stop = split.start() if split else end
        lead = _MEMBER_LEAD.match(a.text, pos, stop)
        if lead.group("w"):
            sign = _sign(lead.group("w"))
        found = [m.entity for m in a.within(pos, stop, MARKER_CLASSES) if eligible_marker(a, m)]
        if not found and lead.end() < stop:
            tail = _MEMBER_TAIL.search(a.text, lead.end(), stop)
            measure = _score(a, lead.end(), tail.start()) if tail.start() > lead.end() else None
            found = [measure] if measure is not None else []
        for entity in found:
            if entity.id not in seen:
                seen.add(entity.id)
                out.append((entity, sign, pos, stop))
        pos = split.end() if split else end
    return out


def outcome_subject_correlations(a: Analysed, found: list[Statement]) -> list[Statement]:
    """The correlations of the module docs read in sentence ``a``, leaving out pairs the
    statements ``found`` already relate."""
    if not _NEEDS.may_match(a.text):
        return []
    related = {frozenset((s.subject.id, getattr(s.object, "id", ""))) for s in found}
    out: list[Statement] = []
    for cue in _CUE.finditer(a.text):
        bound = max((b.end() for b in _CLAUSE_START.finditer(a.text, 0, cue.start())), default=0)
        lead = _LEAD.match(a.text, bound, cue.start())
        lead_sign = _sign(lead.group("w"))
        subject_end = len(a.text[:cue.start()].rstrip())
        group = OUTCOME_GROUP.fullmatch(a.text, lead.end(), subject_end)
        score = None if group else _score(a, lead.end(), subject_end)
        if group is None and score is None:
            continue
        stop = _END.search(a.text, cue.end())
        end = stop.start() if stop else len(a.text.rstrip(". "))
        for member, sign, start, member_end in _members(a, cue.end(), end):
            if score is not None and member.id == score.id:
                continue
            if group is not None:
                made = outcome_statement(a, "biomarker.correlation-outcome-subject", member,
                                         good_outcome(group),
                                         {1: "increased", -1: "decreased"}.get(sign), bound, cue)
                # the sample the member names ("serum X") is where it was measured
                made = replace(made, context=level_context(a, start, member_end))
            else:
                made = statement(a, "biomarker.correlation-score-subject", member,
                                 _PREDICATES[sign * (lead_sign or 1)], score,
                                 negated=negated(a.text, bound, cue.end()),
                                 hedged=hedged(a.text, bound, cue.start()),
                                 context=level_context(a, start, member_end))
            if frozenset((made.subject.id, made.object.id)) not in related:
                out.append(made)
    return out

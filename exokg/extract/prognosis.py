"""Levels after the injury and with the prognosis: "X showed a transient reduction at 3 h
post-ischemia", "reductions in serum X were detected after ischemia" -> X
``biolink:associated_with`` the injury (else the study's disease), with the direction
(:func:`condition_changes`); "higher X was associated with unfavourable outcome" -> X
positively correlated with poor prognosis; "lower X was associated with a higher risk of death"
-> X ``biolink:associated_with`` death, decreased (:func:`outcome_associations`).
"""

from __future__ import annotations

import re

from exokg.extract.base import Analysed, DocumentState, clauses, coordinated, statement
from exokg.extract.epistemics import hedged, negated
from exokg.extract.level_markers import MOLECULAR, UP, VESICLES, condition_named, is_sample, \
    level_association, level_context, markers_before, names_treatment, therapeutic
from exokg.extract.outcomes import outcome_for_text
from exokg.model import Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["condition_changes", "outcome_associations"]


# "X (levels) showed a transient reduction at 3 h post-ischemia", "significant reductions in
# serum X were detected at 3 h after permanent ischemia": a level that changes after the
# injury the study induces or its patients have
_CHANGE_NOUN = (r"(?P<dir>reductions?|decreases?|declines?|drops?|falls?|increases?|elevations?|"
                r"rises?|up-?regulation|down-?regulation)")
_SHOWED = re.compile(r"\b(?:showed|displayed|exhibited|underwent|had|presented)\s+(?:an?\s+)?"
                     r"(?:[\w-]+\s+){0,2}?" + _CHANGE_NOUN + r"\b", re.I)
_NOUN_FIRST = re.compile(r"\b" + _CHANGE_NOUN + r"\s+(?:in|of)\s+(?:the\s+)?", re.I)
_DETECTED = re.compile(r"\s*(?:levels?\s+|concentrations?\s+)?(?:was|were)\s+(?:\w+ly\s+)?"
                       r"(?:detected|observed|found|seen|noted|measured|recorded)\b", re.I)
_AFTER_INJURY = re.compile(r"\b(?:after|following|post-?)\s*(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?"
                           r"(?:ischemi[ac]|ischaemi[ac]|injury|stroke|trauma|TBI|SCI|ICH|SAH|"
                           r"h[a]?emorrhage|occlusion|MCAO|reperfusion|insult|onset)\b", re.I)


# "X was (significantly) increased / elevated / reduced" followed by a time after the injury
_WAS_CHANGED = re.compile(r"\b(?:was|were)\s+(?:\w+ly\s+)?(?P<dir>increased|elevated|higher|"
                          r"up-?regulated|decreased|reduced|lower|down-?regulated)\b", re.I)
# "at 24 h post-injury", "by day 3 after stroke", "within 6 hours of onset"
_TIME_AFTER = re.compile(r"\s*(?:(?:at|by|within|on|from)\s+(?:day\s+\d+|\d+(?:\.\d+)?\s*"
                         r"(?:h|hours?|days?|d|weeks?|min(?:utes)?)\b))", re.I)


_NEEDS_CHANGE = Needs(_SHOWED, _NOUN_FIRST, _WAS_CHANGED)


def condition_changes(a: Analysed, state: DocumentState) -> list[Statement]:
    """'X showed a (transient) reduction at 3 h post-ischemia', 'reductions in serum X were
    detected after ischemia' -> X ``associated_with`` the injury (named there, else the
    study's disease) with the direction; not in a clause that names a treatment."""
    if not _NEEDS_CHANGE.may_match(a.text):  # no cue word: nothing to read
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        if names_treatment(a, clause.start, clause.end):
            continue
        found: list[tuple[list[Mention], re.Match[str]]] = []
        for m in _SHOWED.finditer(a.text, clause.start, clause.end):
            subjects = markers_before(a, clause.start, m.start(), gap=30)
            if subjects:
                found.append((subjects, m))
        for m in _NOUN_FIRST.finditer(a.text, clause.start, clause.end):
            first = [x for x in a.within(m.end(), clause.end, MOLECULAR)
                     if re.fullmatch(r"(?:(?:serum|plasma|blood|circulating|exosomal|CSF)\s+)*",
                                     a.text[m.end():x.start], re.I)]
            if not first:
                continue
            subjects = coordinated(a, first[0], MOLECULAR, backwards=False)
            last = max(subjects, key=lambda x: x.end)
            if _DETECTED.match(a.text, last.end):
                found.append((subjects, m))
        for m in _WAS_CHANGED.finditer(a.text, clause.start, clause.end):
            if state.treatment is not None or therapeutic(state.preparation):
                break  # in a therapy study the change may be the treatment's effect
            # "X concentrations were increased at 24 h post-injury (compared to baseline)"
            subjects = markers_before(a, clause.start, m.start(), gap=30)
            if subjects and _TIME_AFTER.match(a.text, m.end(), clause.end):
                found.append((subjects, m))
        for subjects, m in found:
            after = _AFTER_INJURY.search(a.text, m.end(), min(clause.end, m.end() + 60))
            if not after:
                continue
            disease = condition_named(a, state, after.start(), clause.end)
            if disease is None:
                continue
            word = m.group("dir").lower()
            up = word.startswith(("increase", "elevat", "rise", "rose", "up", "higher"))
            for subj in subjects:
                out.append(level_association(a, "biomarker.level-after", subj.entity, disease,
                                             up, clause.start, (m.start(), m.start()),
                                             level_context(a, clause.start, m.start())))
    return out


_POOR = "exokg:phenotype/poor-prognosis"
# "(Higher levels of) X (levels) were (independently) associated with poor outcome / (early)
# mortality": the level goes with the prognosis
_WITH_OUTCOME = re.compile(r"\b(?:is|are|was|were)\s+(?:(?:\w+ly|also)\s+)*associated\s+with\s+"
                           r"(?:an?\s+|the\s+)?(?:(?:higher|increased|greater)\s+(?:risk|odds|rates?)"
                           r"\s+of\s+)?", re.I)
_MORTALITY = re.compile(r"(?:(?:early|in-hospital|\d+-day|short-term|long-term|all-cause)\s+)?"
                        r"(?:mortality|death)\b", re.I)
_SUBJECT_DIRECTION = re.compile(r"\b(?P<dir>higher|elevated|increased|greater|raised|lower|"
                                r"reduced|decreased|diminished)\b", re.I)


_NEEDS_WITH_OUTCOME = Needs(_WITH_OUTCOME)


def outcome_associations(a: Analysed) -> list[Statement]:
    """'Higher (levels of) X were (independently) associated with poor outcome' -> X
    ``positively_correlated_with`` poor prognosis (negatively for lower levels, plain
    ``correlated_with`` without a direction); '... associated with (early) mortality' -> X
    ``associated_with`` mortality, with the direction of the subject's level."""
    if not _NEEDS_WITH_OUTCOME.may_match(a.text):  # no cue word: nothing to read
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        if names_treatment(a, clause.start, clause.end):
            continue
        for m in _WITH_OUTCOME.finditer(a.text, clause.start, clause.end):
            subjects = [x for x in markers_before(a, clause.start, m.start(), gap=60)]
            if not subjects:
                subjects = [x for x in a.within(clause.start, m.start(), VESICLES)
                            if m.start() - x.end < 30 and is_sample(a, x)
                            or m.start() - x.end < 30 and re.match(
                                r"\s*(?:counts?|numbers?|levels?|concentrations?)\b",
                                a.text[x.end:], re.I)]
            if not subjects:
                continue
            lead = _SUBJECT_DIRECTION.search(a.text, clause.start, subjects[0].start)
            direction = None
            if lead:
                direction = "increased" if lead.group("dir").lower() in UP else "decreased"
            poor = [x for x in a.within(m.end(), min(clause.end, m.end() + 40))
                    if x.entity.id == _POOR and x.start - m.end() < 5]
            mortality = _MORTALITY.match(a.text, m.end())
            ctx = level_context(a, clause.start, m.start())
            neg = negated(a.text, clause.start, m.end())
            hedge = hedged(a.text, clause.start, m.start())
            for subj in subjects:
                if poor:
                    pred = ("biolink:correlated_with" if direction is None else
                            "biolink:positively_correlated_with" if direction == "increased"
                            else "biolink:negatively_correlated_with")
                    out.append(statement(a, "biomarker.level-outcome", subj.entity, pred,
                                         poor[0].entity, negated=neg, hedged=hedge,
                                         context=ctx))
                elif mortality:
                    out.append(statement(a, "biomarker.level-outcome", subj.entity,
                                         "biolink:associated_with",
                                         outcome_for_text(mortality.group()),
                                         direction=direction, negated=neg, hedged=hedge,
                                         context=ctx))
    return out

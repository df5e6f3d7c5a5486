"""Levels in patient studies read against the patients' outcome, a measure's direction, a
named cohort and time: the wording of prognostic and follow-up studies.

* **Outcome groups** (:func:`outcome_group_levels`): "patients with good outcome show higher X
  numbers", "those with a favourable outcome had lower X", "X levels were higher in patients
  with good functional outcome (mRS 0-2)" -> X ``biolink:associated_with`` functional recovery
  with the direction of the comparison (a good outcome is recovery of function); the same
  wording with a poor / unfavourable outcome -> X positively (higher) or negatively (lower)
  correlated with poor prognosis, as :mod:`exokg.extract.biomarkers` reads it with the verbs
  it knows.
* **Associations with a good outcome**: "X levels at day 7 were (independently) associated
  with good functional outcome", a title "Increased X Levels are Associated with Good Outcome
  in D" -> X ``biolink:associated_with`` functional recovery, with the direction of the level
  word before the subject ("increased", "higher"), none without one; "X was an independent
  predictor of favourable outcome" -> the same without a direction. The disease after "in" is
  the setting of the finding, never its object.
* **Signed measures** (:func:`signed_measure_associations`): "higher X was associated with
  worse performance on tests of A and B", "lower X was associated with better A scores" ->
  X negatively correlated with A and with B (the sign is the product of the level word and the
  measure's: higher x worse = negative, higher x better = positive).
* **A cohort compared with the controls** (:func:`cohort_levels`): "the A group had higher X
  than the control group" -> X ``associated_with`` the condition that names the group, else
  the study population's disease (the cohort of a patient study is the people with it).
* **A change after the condition** (:func:`levels_after_condition`): "X notably increased after
  D", "X and Y fell following the injury" -> X ``associated_with`` D with the direction, in a
  study without a treatment.
* **Follow-up against baseline** (:func:`follow_up_levels`): "a significant increase in X at
  the 6-month follow-up compared to baseline", "X rose from baseline to follow-up" -> X
  ``associated_with`` the study population's disease, with the direction of the change; only
  in a study without a treatment (a change after a treatment is its effect).

Subjects are molecular markers (:func:`~exokg.extract.level_markers.markers_before`) or, with a
word of amount after them ("EPC levels", "EPC numbers", "monocyte counts"), circulating cells
and vesicle populations (:func:`cell_levels`). Every rule has a keyword guard
(:class:`~exokg.text.prefilter.Needs`) derived from its patterns.
"""

from __future__ import annotations

import re

from exokg.extract.base import AGENTS, NONCODING, Analysed, DocumentState, clauses, \
    coordinated, statement
from exokg.extract.enumerations import LIST_SEPARATOR
from exokg.extract.epistemics import hedged, negated
from exokg.extract.level_markers import CONDITIONS, MOLECULAR, UP, VESICLES, level_context, \
    is_sample, markers_before, therapeutic
from exokg.extract.outcomes import outcome_for_text
from exokg.model import Entity, Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["FUNCTIONAL_RECOVERY", "OUTCOME_GROUP", "POOR_PROGNOSIS", "cell_levels",
           "good_outcome", "outcome_statement", "treated_clause", "cohort_levels",
           "follow_up_levels", "levels_after_condition", "outcome_group_levels", "outcome_levels",
           "signed_measure_associations", "study_condition"]

FUNCTIONAL_RECOVERY = Entity("exokg:outcome/functional-recovery", "functional recovery",
                             "Outcome")
POOR_PROGNOSIS = Entity("exokg:phenotype/poor-prognosis", "poor prognosis", "Phenotype")

#: the outcome a patient group is named for: "good (functional) outcome (mRS 0-2)", "a
#: favourable clinical outcome", "poor prognosis", "unfavourable recovery"
_OUTCOME = (r"(?:(?P<quality>good|favou?rable|better|excellent|poor|unfavou?rable|worse|bad)\s+"
            r"(?:(?:functional|clinical|neurological|neurologic|long-term|short-term|"
            r"\d+-(?:day|month|year))\s+)*(?:outcomes?|prognosis|recovery)\b"
            r"(?:\s+at\s+(?:\d+|three|six|twelve)\s+(?:days?|weeks?|months?|years?))?"
            r"(?:\s*\([^()]{1,40}\))?"
            # a group by its modified Rankin scale: "mRS 0-2", "an mRS score of 3-6", "mRS > 2"
            r"|(?:an?\s+)?(?:modified\s+Rankin\s+(?:scale\s+|score\s+)*|mRS\s+(?:scores?\s+)?)"
            r"(?:of\s+)?(?:(?P<low>[0-6])\s*(?:-|\u2013|to)\s*(?P<high>[0-6])|(?P<cmp>\u2264|<=|<|>|"
            r"\u2265|>=)\s*(?P<bound>[0-6]))\b)")
#: an outcome group right at the match position (after an optional article)
OUTCOME_GROUP = re.compile(r"\s*(?:an?\s+|the\s+)?" + _OUTCOME, re.I)
_GOOD = ("good", "favourable", "favorable", "better", "excellent")
_LEVEL_WORD = r"(?:levels?|numbers?|counts?|concentrations?|frequenc(?:y|ies)|amounts?)"
_COMPARATIVE = (r"(?P<dir>higher|lower|increased|decreased|elevated|reduced|greater|raised|"
                r"diminished)")
# "patients with good outcome show higher X", "those who had a favourable outcome had lower X"
_GROUP_SHOWS = re.compile(r"\b(?:patients|individuals|subjects|cases|those|participants)\s+"
                          r"(?:with|who\s+had|who\s+achieved|achieving|having)\s+(?:an?\s+|the\s+)?"
                          + _OUTCOME + r"\s*,?\s*(?:shows?|showed|had|has|have|displayed|"
                          r"exhibited|presented|demonstrated|revealed)\s+(?:\w+ly\s+)?"
                          + _COMPARATIVE + r"\s+", re.I)
# "X (levels) were (significantly) higher in patients with good outcome"
_HIGHER_IN_GROUP = re.compile(r"\b(?:was|were|is|are)\s+(?:\w+ly\s+)?" + _COMPARATIVE +
                              r"\s+(?:\w+\s+)?in\s+(?:the\s+)?(?:patients|individuals|subjects|"
                              r"cases|those|participants)\s+(?:with|who\s+had|who\s+achieved|"
                              r"achieving|having)\s+(?:an?\s+|the\s+)?" + _OUTCOME, re.I)
# "X levels ... were (independently) associated with good functional outcome", "... was an
# independent predictor of favourable outcome"
_WITH_GOOD = re.compile(r"\b(?:(?:is|are|was|were)\s+(?:(?:\w+ly|also|only)\s+)*associated\s+"
                        r"with|(?:is|are|was|were)\s+(?:an?\s+)?(?:\w+\s+)?predictors?\s+of)\s+"
                        r"(?:an?\s+|the\s+)?" + _OUTCOME, re.I)
# "Increased X Levels are ...", "Higher serum X was ...": the level word before the subject
_LEAD = re.compile(r"\b(?P<dir>higher|elevated|increased|greater|raised|lower|reduced|"
                   r"decreased|diminished)\s+", re.I)


def good_outcome(m: re.Match[str]) -> bool:
    """True when the outcome group matched by ``m`` is the good one: a word of quality, or an
    mRS range within 0-2 ("mRS 0-2", "mRS \u2264 2"); "mRS 3-6", "mRS > 2" are poor."""
    if m.group("quality"):
        return m.group("quality").lower() in _GOOD
    if m.group("low") is not None:
        return int(m.group("high")) <= 2
    cmp, bound = m.group("cmp"), int(m.group("bound"))
    return cmp in ("\u2264", "<=") and bound <= 2 or cmp == "<" and bound <= 3


def _up(word: str) -> bool:
    return word.lower() in UP


def cell_levels(a: Analysed, start: int, at: int, *, after: bool = False,
                gap: int = 45) -> list[Mention]:
    """Circulating cells or vesicle populations measured as a marker: a cell or vesicle
    mention followed by a word of amount ("EPC levels", "EPC numbers at day 7", "monocyte
    counts"), ending at most ``gap`` characters before ``at`` (with ``after``: starting at
    most ``gap`` characters after ``start``), with the mentions coordinated with it. A
    therapeutic preparation is never a measured level."""
    kinds = frozenset({"Cell"}) | VESICLES
    pool = [m for m in a.within(start, at, kinds)
            if re.match(r"[\s-]*(?:\+\s*)?" + _LEVEL_WORD + r"\b", a.text[m.end:], re.I)
            and not therapeutic(m.entity)]
    if after:
        pool = [m for m in pool if m.start - start <= gap]
        return coordinated(a, pool[0], kinds, backwards=False) if pool else []
    pool = [m for m in pool if at - m.end <= gap]
    return coordinated(a, pool[-1], kinds, backwards=True) if pool else []


# words that say the clause is about a treatment ("group" is left out: "within the NFL group",
# "patients with good outcome" name people, not treated animals)
_TREATMENT_WORD = re.compile(r"\b(?:treat(?:ed|ment)|administ\w+|inject\w+|transplant\w+|"
                             r"infus\w+|therapy|therapies)\b", re.I)


def treated_clause(a: Analysed, start: int, end: int, subjects: list[Mention]) -> bool:
    """True when ``a.text[start:end]`` names a treatment: an agent that is none of the
    measured ``subjects`` (nor a vesicle the markers were measured in), or a treatment word."""
    spans = {(m.start, m.end) for m in subjects}
    for m in a.within(start, end, AGENTS - NONCODING - {"MicroRNA", "MicroRNACluster"}):
        if (m.start, m.end) in spans or m.category in VESICLES and is_sample(a, m):
            continue
        return True
    return bool(_TREATMENT_WORD.search(a.text, start, end))


def _subjects_before(a: Analysed, start: int, at: int, gap: int = 60) -> list[Mention]:
    return markers_before(a, start, at, gap=gap) or cell_levels(a, start, at, gap=gap)


def _subjects_after(a: Analysed, start: int, end: int) -> list[Mention]:
    near = [x for x in a.within(start, end, MOLECULAR) if x.start - start < 50]
    if near:
        return coordinated(a, near[0], MOLECULAR, backwards=False)
    return cell_levels(a, start, end, after=True, gap=50)


def outcome_statement(a: Analysed, rule: str, subj: Entity, good: bool,
                      direction: str | None, start: int, cue: re.Match[str]) -> Statement:
    """The statement a level in an outcome group gives (module docs)."""
    ctx = level_context(a, start, cue.start())
    neg = negated(a.text, start, cue.end())
    hedge = hedged(a.text, start, cue.start())
    if good:
        return statement(a, rule, subj, "biolink:associated_with", FUNCTIONAL_RECOVERY,
                         direction=direction, negated=neg, hedged=hedge, context=ctx)
    pred = ("biolink:correlated_with" if direction is None else
            "biolink:positively_correlated_with" if direction == "increased"
            else "biolink:negatively_correlated_with")
    return statement(a, rule, subj, pred, POOR_PROGNOSIS, negated=neg, hedged=hedge,
                     context=ctx)


_NEEDS_OUTCOME_GROUPS = Needs(re.compile(_OUTCOME, re.I))


def outcome_group_levels(a: Analysed) -> list[Statement]:
    """Levels in outcome groups and associations with a good outcome (module docs)."""
    if not _NEEDS_OUTCOME_GROUPS.may_match(a.text):  # no outcome named: nothing to read
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in _GROUP_SHOWS.finditer(a.text, clause.start, clause.end):
            direction = "increased" if _up(m.group("dir")) else "decreased"
            subjects = _subjects_after(a, m.end(), clause.end)
            if treated_clause(a, clause.start, clause.end, subjects):
                continue
            for subj in subjects:
                out.append(outcome_statement(a, "biomarker.level-outcome-group", subj.entity,
                                             good_outcome(m), direction, clause.start, m))
        for m in _HIGHER_IN_GROUP.finditer(a.text, clause.start, clause.end):
            direction = "increased" if _up(m.group("dir")) else "decreased"
            subjects = _subjects_before(a, clause.start, m.start())
            if treated_clause(a, clause.start, clause.end, subjects):
                continue
            for subj in subjects:
                out.append(outcome_statement(a, "biomarker.level-outcome-group", subj.entity,
                                             good_outcome(m), direction, clause.start, m))
        for m in _WITH_GOOD.finditer(a.text, clause.start, clause.end):
            if not good_outcome(m):
                continue  # "associated with poor outcome": exokg.extract.prognosis
            subjects = _subjects_before(a, clause.start, m.start())
            if not subjects or treated_clause(a, clause.start, clause.end, subjects):
                continue
            lead = _LEAD.search(a.text, clause.start, subjects[0].start)
            direction = None
            if lead and subjects[0].start - lead.end() < 25:
                direction = "increased" if _up(lead.group("dir")) else "decreased"
            for subj in subjects:
                out.append(outcome_statement(a, "biomarker.level-good-outcome", subj.entity,
                                             True, direction, clause.start, m))
    return out


#: the quality of a measure: worse / poorer / lower performance or scores, better / higher
_WORSE = ("worse", "poorer", "lower", "impaired", "reduced", "decreased", "diminished")
_SIGNED_MEASURE = re.compile(r"\b(?:is|are|was|were)\s+(?:(?:\w+ly|also)\s+)*associated\s+with\s+"
                             r"(?P<quality>worse|poorer|lower|impaired|reduced|decreased|"
                             r"diminished|better|higher|improved|greater|increased)\s+"
                             r"(?P<what>(?:(?:performance|scores?|results?)\s+(?:on|in)\s+"
                             r"(?:the\s+)?(?:(?:tests?|measures?|tasks?|assessments?)\s+"
                             r"(?:of|for)\s+)?)?)", re.I)
_PAREN = re.compile(r"\s*\([^()]*\)")
# a measure's words, after a time it was taken at ("1-year", "90-day"); a scale's name may
# carry an en dash ("Glasgow Outcome Scale\u2013Extended")
_MEMBER = re.compile(r"(?:\d+-(?:year|month|week|day)\s+)?[A-Za-z][\w\u2013-]*"
                     r"(?:\s+[A-Za-z][\w\u2013-]*){0,3}")
_MEASURE_CLASSES = ("Outcome", "AssessmentScale", "Phenotype", "BiologicalProcess")


def _measures(a: Analysed, start: int, end: int) -> list[Entity]:
    """The coordinated measures opening ``a.text[start:end]`` ("memory (p = 0.01) and
    psychomotor speed"): each a recognised outcome, scale or process when one covers the
    member, else the member's words as an open outcome; bracketed asides are skipped."""
    text = a.text[start:end]
    stop = re.search(r"[;:]|\b(?:which|that|while|whereas|but|in|among|after|than)\b", text)
    text = text[:stop.start()] if stop else text
    out: list[Entity] = []
    pos = start
    for raw in LIST_SEPARATOR.split(_PAREN.sub(" ", text).strip().rstrip(".,")):
        member = raw.strip()
        if not _MEMBER.fullmatch(member):
            return out  # not a plain list of measures: stop where it ends
        at = a.text.find(member, pos, end)
        pos = at + len(member) if at >= 0 else pos
        known = [x for x in a.mentions if at >= 0 and x.start == at and x.end == at + len(member)
                 and x.category in _MEASURE_CLASSES]
        # a scale named inside the member ("1-year Glasgow Outcome Scale-Extended (GOS-E)
        # score": its short form's bracket was taken out, so the words are not found as such)
        scales = [x for x in a.within(start, end, frozenset({"AssessmentScale"}))
                  if x.text in member] if not known else []
        out.append(known[0].entity if known else scales[0].entity if scales
                   else outcome_for_text(member))
    return out


_NEEDS_SIGNED = Needs(_SIGNED_MEASURE)


def signed_measure_associations(a: Analysed) -> list[Statement]:
    """'Higher X was associated with worse performance on tests of A and B' -> X negatively
    correlated with A and B (module docs); needs the level word before the subject."""
    if not _NEEDS_SIGNED.may_match(a.text):  # no cue: nothing to read
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in _SIGNED_MEASURE.finditer(a.text, clause.start, clause.end):
            subjects = _subjects_before(a, clause.start, m.start())
            if treated_clause(a, clause.start, clause.end, subjects):
                continue
            lead = _LEAD.search(a.text, clause.start, subjects[0].start) if subjects else None
            if not subjects or not lead or subjects[0].start - lead.end() > 25:
                continue
            if a.within(m.end(), min(clause.end, m.end() + 3), frozenset({"Phenotype"})) or \
                    OUTCOME_GROUP.match(a.text, m.start("quality")):
                continue  # "associated with worse / better outcome": the outcome-group rules
            same = _up(lead.group("dir")) == (m.group("quality").lower() not in _WORSE)
            pred = ("biolink:positively_correlated_with" if same
                    else "biolink:negatively_correlated_with")
            for obj in _measures(a, m.end(), clause.end):
                for subj in subjects:
                    if subj.entity.id == obj.id:
                        continue
                    out.append(statement(a, "biomarker.correlation-signed", subj.entity, pred,
                                         obj, negated=negated(a.text, clause.start, m.start()),
                                         hedged=hedged(a.text, clause.start, m.start()),
                                         context=level_context(a, clause.start, m.start())))
    return out


# "The A group had / showed higher X than the control group", "the D group displayed lower X
# compared with (the) controls"
_COHORT = re.compile(r"\b(?:the|our)\s+(?P<group>(?:[\w-]+\s+){1,3}?)(?:group|cohort)\s+"
                     r"(?:had|has|have|showed|shows|displayed|exhibited|presented|demonstrated)\s+"
                     r"(?:\w+ly\s+)?" + _COMPARATIVE + r"\s+", re.I)
_THAN_CONTROLS = re.compile(r"\s*(?:than|compared\s+(?:to|with)|relative\s+to|versus|vs\.?)\s+"
                            r"(?:in\s+)?(?:the\s+)?(?:healthy\s+|matched\s+|normal\s+)?"
                            r"(?:controls?|control\s+(?:group|subjects|participants|cohort)|"
                            r"volunteers)\b", re.I)
_NOT_A_COHORT = re.compile(r"\b(?:treat\w*|vehicle|sham|placebo|saline|exosomes?|EVs?|"
                           r"control|intervention|therapy|transplant\w*|inject\w*)\b", re.I)


_NEEDS_COHORT = Needs(_COHORT)


def study_condition(state: DocumentState) -> Entity | None:
    """The condition of the study's people: the disease named for its patients, else the
    first disease the document names."""
    return state.population_disease or state.patient_disease or state.disease


def cohort_levels(a: Analysed, state: DocumentState) -> list[Statement]:
    """'The A group had higher X than the control group' (module docs): in a study without a
    treatment, and only against a control group."""
    if not _NEEDS_COHORT.may_match(a.text) or state.treatment is not None or \
            therapeutic(state.preparation):
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in _COHORT.finditer(a.text, clause.start, clause.end):
            if _NOT_A_COHORT.search(m.group("group")):
                continue
            subjects = _subjects_after(a, m.end(), clause.end)
            if not subjects:
                continue
            last = max(subjects, key=lambda x: x.end)
            tail = re.match(r"[\s-]*(?:" + _LEVEL_WORD + r"\s+)?(?:\([^()]*\)\s*)?",
                            a.text[last.end:clause.end], re.I)
            if not _THAN_CONTROLS.match(a.text, last.end + (tail.end() if tail else 0)):
                continue
            named = [x for x in a.within(m.start("group"), m.end("group"), CONDITIONS)
                     if x.entity.id not in {s.entity.id for s in subjects}]
            condition = named[0].entity if named else study_condition(state)
            if condition is None:
                continue
            direction = "increased" if _up(m.group("dir")) else "decreased"
            ctx = level_context(a, clause.start, clause.end)
            for subj in subjects:
                out.append(statement(a, "biomarker.level-cohort", subj.entity,
                                     "biolink:associated_with", condition, direction=direction,
                                     negated=negated(a.text, clause.start, m.end()),
                                     hedged=hedged(a.text, clause.start, m.start()),
                                     context=ctx))
    return out


# "a (statistically) significant increase in X at (the) post-season / 6-month follow-up
# compared to (pre-season) baseline"
_CHANGE_IN = re.compile(r"\b(?P<dir>increase|rise|elevation|decrease|decline|reduction|drop|"
                        r"fall)s?\s+in\s+(?:the\s+)?(?:(?:serum|plasma|blood|circulating|"
                        r"exosomal|CSF)\s+)*", re.I)
# "X rose / increased / declined (significantly) from baseline to ..."
_CHANGED_FROM = re.compile(r"\s*(?:(?:" + _LEVEL_WORD + r")\s+)?(?:\w+ly\s+)?(?P<dir>rose|"
                           r"increased|declined|decreased|fell|dropped)\s+(?:\w+ly\s+)?from\s+"
                           r"(?:the\s+)?(?:pre-[\w-]+\s+)?(?:baseline|admission|enrol?lment)\b",
                           re.I)
# "X levels were (significantly) higher at 7 days than at admission"
_AT_TIME = re.compile(r"\s*(?:(?:" + _LEVEL_WORD + r")\s+)?(?:was|were)\s+(?:\w+ly\s+)?"
                      r"(?P<dir>higher|lower|increased|elevated|decreased|reduced)\s+(?:at|on|by)\s+"
                      r"(?:day\s+\d+|\d+\s*(?:h|hours?|days?|weeks?|months?|years?))\s+(?:than|"
                      r"compared\s+(?:to|with)|relative\s+to)\s+(?:at\s+|on\s+|with\s+)?(?:the\s+)?"
                      r"(?:baseline|admission|enrol?lment|onset)\b", re.I)
# "Compared with baseline, X increased at 3 months"
_FROM_BASELINE_FIRST = re.compile(r"\b(?:compared\s+(?:to|with)|relative\s+to)\s+(?:the\s+)?"
                                  r"(?:baseline|admission)(?:\s+levels?)?\s*,\s*", re.I)
_CHANGED_AT = re.compile(r"\s*(?:(?:" + _LEVEL_WORD + r")\s+)?(?:(?:was|were)\s+)?(?:\w+ly\s+)?"
                         r"(?P<dir>increased|rose|decreased|declined|fell|higher|lower|elevated|"
                         r"reduced)\s+(?:\w+ly\s+)?(?:at|on|by|after)\s+(?:day\s+\d+|\d+\s*(?:h|hours?|"
                         r"days?|weeks?|months?|years?)|follow-?\s?up)", re.I)
_FOLLOW_UP = re.compile(r"\b(?:follow-?\s?up|post-[\w-]+|(?:\d+|one|two|three|six|twelve)-?\s*"
                        r"(?:months?|years?|weeks?)\b|discharge)", re.I)
_BASELINE = re.compile(r"\b(?:compared\s+(?:to|with)|relative\s+to|versus|vs\.?|than\s+at|"
                       r"from)\s+(?:the\s+)?(?:pre-[\w-]+\s+)?(?:baseline|admission|"
                       r"enrol?lment)\b", re.I)


_NEEDS_FOLLOW_UP = Needs(re.compile(r"baseline|admission|enrollment|enrolment|onset", re.I))


def follow_up_levels(a: Analysed, state: DocumentState) -> list[Statement]:
    """'A significant increase in X at follow-up compared to baseline', 'X rose from
    baseline to the 3-month visit' (module docs): X associated with the study population's
    disease, in a study without a treatment."""
    if not _NEEDS_FOLLOW_UP.may_match(a.text) or state.treatment is not None or \
            therapeutic(state.preparation):
        return []
    disease = study_condition(state)
    if disease is None:
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        found: list[tuple[list[Mention], re.Match[str]]] = []
        for m in _CHANGE_IN.finditer(a.text, clause.start, clause.end):
            subjects = _subjects_after(a, m.end(), clause.end)
            if subjects and subjects[0].start - m.end() < 5 and _FOLLOW_UP.search(
                    a.text, subjects[-1].end, clause.end) and _BASELINE.search(
                    a.text, subjects[-1].end, clause.end):
                found.append((subjects, m))
        for x in a.within(clause.start, clause.end, MOLECULAR):
            m = _CHANGED_FROM.match(a.text, x.end, clause.end)
            if m and _FOLLOW_UP.search(a.text, m.end(), clause.end):
                found.append((coordinated(a, x, MOLECULAR, backwards=True), m))
        for x in a.within(clause.start, clause.end, MOLECULAR):
            m = _AT_TIME.match(a.text, x.end, clause.end)
            if m:
                found.append((coordinated(a, x, MOLECULAR, backwards=True), m))
        for first in _FROM_BASELINE_FIRST.finditer(a.text, clause.start, clause.end):
            subjects = _subjects_after(a, first.end(), clause.end)
            last = max(subjects, key=lambda x: x.end) if subjects else None
            m = _CHANGED_AT.match(a.text, last.end, clause.end) if last else None
            if m:
                found.append((subjects, m))
        for subjects, m in found:
            if treated_clause(a, clause.start, clause.end, subjects):
                continue
            word = m.group("dir").lower()
            up = word.startswith(("increase", "rise", "rose", "elevat", "higher"))
            for subj in subjects:
                out.append(statement(a, "biomarker.level-follow-up", subj.entity,
                                     "biolink:associated_with", disease,
                                     direction="increased" if up else "decreased",
                                     negated=negated(a.text, clause.start, m.end()),
                                     hedged=hedged(a.text, clause.start, m.start()),
                                     context=level_context(a, clause.start, clause.end)))
    return out


# "X (notably) increased after D", "X and Y rose sharply following the injury": a verb of
# change in the past tense with the condition after it
_ROSE_AFTER = re.compile(r"\s*(?:(?:" + _LEVEL_WORD + r")\s+)?(?:(?:\w+ly|also)\s+)?(?P<dir>"
                         r"increased|rose|declined|decreased|fell|dropped)\s+(?:\w+ly\s+)?"
                         r"(?:after|following)\s+(?:the\s+|an?\s+)?", re.I)


_NEEDS_ROSE_AFTER = Needs(_ROSE_AFTER)


def levels_after_condition(a: Analysed, state: DocumentState) -> list[Statement]:
    """'In D cases, X (notably) increased after D' -> X ``associated_with`` the condition
    named after the verb, with the direction; in a study without a treatment, for molecular
    markers written right before the verb."""
    if not _NEEDS_ROSE_AFTER.may_match(a.text) or state.treatment is not None or \
            therapeutic(state.preparation):
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        for x in a.within(clause.start, clause.end, MOLECULAR):
            m = _ROSE_AFTER.match(a.text, x.end, clause.end)
            if not m:
                continue
            named = [c for c in a.within(m.end(), clause.end, CONDITIONS)
                     if c.start - m.end() < 25]
            subjects = coordinated(a, x, MOLECULAR, backwards=True)
            if not named or treated_clause(a, clause.start, clause.end, subjects):
                continue
            up = m.group("dir").lower() in ("increased", "rose")
            for subj in subjects:
                out.append(statement(a, "biomarker.level-after-condition", subj.entity,
                                     "biolink:associated_with", named[0].entity,
                                     direction="increased" if up else "decreased",
                                     negated=negated(a.text, clause.start, m.end()),
                                     hedged=hedged(a.text, clause.start, m.start()),
                                     context=level_context(a, clause.start, clause.end)))
    return out


def outcome_levels(a: Analysed, state: DocumentState,
                   found: list[Statement]) -> list[Statement]:
    """``found`` (the statements the rules before this module read from sentence ``a``) with
    this module's statements added, those already made (same subject, predicate and object)
    left out; a level of a marker in an outcome group read by an older rule as a level of
    the patients' disease ("X was higher in patients with good outcome" is no finding about
    the disease: both groups have it) is dropped."""
    mine = (outcome_group_levels(a) + signed_measure_associations(a)
            + cohort_levels(a, state) + follow_up_levels(a, state)
            + levels_after_condition(a, state))
    grouped = {s.subject.id for s in mine
               if s.evidence[0].rule == "biomarker.level-outcome-group"}
    out = [s for s in found if not (
        s.subject.id in grouped and s.predicate == "biolink:associated_with"
        and getattr(s.object, "category", None) in CONDITIONS and s.direction is not None)]
    seen = {(s.subject.id, s.predicate, getattr(s.object, "id", None)) for s in out}
    for s in mine:
        key = (s.subject.id, s.predicate, getattr(s.object, "id", None))
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out

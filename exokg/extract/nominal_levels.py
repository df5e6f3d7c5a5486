"""Levels as a noun or in a title: "Higher exosomal X and Y among veterans with D",
"Patients with D showed higher X", "D is associated with elevations of X and Y" -> each marker
``biolink:associated_with`` D with the direction.
"""

from __future__ import annotations

import re

from exokg.extract.base import Analysed, DocumentState, clauses, coordinated, statement
from exokg.extract.epistemics import hedged, negated
from exokg.extract.level_markers import CONTROL, DIRECTION, DISEASE, MOLECULAR, UP, \
    level_association, level_context, names_treatment
from exokg.extract.outcomes import CONDITION_HEADS
from exokg.ids import mint
from exokg.extract.patient_groups import GROUP_CONDITIONS, absent_condition, \
    contrasted_conditions, excluded_members, is_group_condition, without_absence_cues
from exokg.model import Entity, Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["group_after_list", "nominal_levels"]


# "Higher exosomal X and Y among veterans with D", "significantly increased X in D patients"
_NOMINAL = re.compile(r"(?:^\W*|\b(?:showed|had|displayed|exhibited|revealed|found|observed|"
                      r"detected|with|demonstrated)\s+(?:(?:an?|the)\s+)?(?:\w+ly\s+)?"
                      # "showed a (non-significant) trend towards increased X": hedged
                      r"(?:(?:[\w-]+\s+)?(?:trend|tendency)\s+(?:towards?|to)\s+)?)"
                      + DIRECTION + r"\s+", re.I)
_PATIENTS_WITH = re.compile(r"\b(?:patients|subjects|individuals|participants|veterans|cases)"
                            r"\s+(?:with|suffering\s+from)\s+(?:an?\s+|the\s+)?$", re.I)
_NOMINAL_GROUP = re.compile(r"\s*,?\s+(?:in|among|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,6}?", re.I)
# "D is associated with elevations of X and Y", "D patients had increased levels of X"
_ASSOCIATED_WITH = re.compile(r"\b(?:is|are|was|were)\s+(?:\w+ly\s+)?associated\s+with\s+"
                              r"(?:(?:an?|the)\s+)?(?P<dir>elevations?|increases?|higher|"
                              r"elevated|increased|reductions?|decreases?|lower|reduced|"
                              r"decreased)\s+(?:(?:levels?|concentrations?)\s+)?(?:of|in)?\s*",
                              re.I)


# "Patients with diffuse injury (displayed ...)": the group's condition in words
_OPEN_GROUP = re.compile(r"\b(?:patients|subjects|individuals|participants|cases)\s+with\s+"
                         r"(?:an?\s+)?(?P<c>(?:[a-z][\w-]*\s+){0,2}?(?:" +
                         "|".join(sorted(h for h in CONDITION_HEADS if h.isalpha())) +
                         r"|lesions?))\s*$", re.I)


def _open_group_condition(a: Analysed, start: int, end: int) -> list[Mention]:
    """The condition of the patient group that ends ``a.text[start:end]`` ('Patients with
    diffuse injury') as a mention of a minted Disease entity, when no vocabulary names it."""
    m = _OPEN_GROUP.search(a.text, start, end)
    if not m or a.within(m.start("c"), m.end("c")):
        return []
    label = m.group("c").lower()
    return [Mention(Entity(mint("disease", label), label, "Disease"), m.start("c"), m.end("c"),
                    m.group("c"), "open-condition")]


# "in those / subjects / patients with D": a patient group, whose condition may be a phenotype
_GROUP_WORDS = re.compile(r"\s*,?\s*(?:in|among)\s+(?:the\s+)?(?:those|patients|subjects|"
                          r"individuals|participants|veterans|cases)\s+(?:with|who\s+had|"
                          r"having)\b", re.I)
_AND_CHANGE = re.compile(r"\s+and\s+(?:an?\s+)?(?:(?:significant|marked)\s+)?(?P<dir>"
                         r"decreases?|reductions?|increases?|elevations?|lower|higher|reduced|"
                         r"increased|decreased|elevated)\s+(?:(?:levels?|concentrations?)\s+)?"
                         r"(?:(?:in|of)\s+)?(?:(?:serum|plasma|CSF|exosomal|circulating)\s+)?",
                         re.I)
_CHANGE_UP = ("increase", "increases", "elevation", "elevations", "higher", "increased",
              "elevated")
# a finite verb right after the group's condition ("... following TBI inhibits Y")
_THEN_VERB = re.compile(r"\s+(?:\w+ly\s+)?(?!and\b|or\b)[a-z]+(?:s|ed)\b(?!\s+(?:with|by)\b)")
_AFTER = re.compile(r"\s*,?\s*(?:(?:at|by|within|for)\s+(?:[\w-]+\s+){1,3}?)?(?:after|"
                    r"following)\s+(?:the\s+|an?\s+)?", re.I)
_VERSUS = re.compile(r"\b(?:compared\s+(?:to|with)|than|relative\s+to|versus|vs\.?)\s", re.I)


def _clause_end(a: Analysed, at: int) -> int:
    """The end of the clause that runs on at ``at`` (past the break a ', but not' list
    made)."""
    for c in clauses(a.text):
        if c.start <= at <= c.end:
            return c.end
    return len(a.text)


def group_after_list(a: Analysed, first: Mention) -> bool:
    """True when the list of markers starting with ``first`` is followed by a ', but not'
    list or by a patient group whose condition may be a phenotype ('in those with CI'):
    :func:`nominal_levels` reads the condition from that group."""
    members = coordinated(a, first, MOLECULAR, backwards=False, lenient=True)
    last = max(x.end for x in members)
    excluded, rest = excluded_members(a, last, MOLECULAR)
    return bool(excluded) or bool(_GROUP_WORDS.match(a.text, rest))


_NEEDS_NOMINAL = Needs(_NOMINAL, _ASSOCIATED_WITH)


def nominal_levels(a: Analysed, state: DocumentState) -> list[Statement]:
    """'Higher X (and Y) among / in (veterans with) D', 'D is associated with elevations of X
    and Y' -> each marker ``associated_with`` D with the direction (module docs)."""
    if not _NEEDS_NOMINAL.may_match(a.text):  # no cue word: nothing to read
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        if names_treatment(a, clause.start, clause.end):
            continue
        for m in _NOMINAL.finditer(a.text, clause.start, clause.end):
            first = [x for x in a.within(m.end(), clause.end, MOLECULAR)
                     if re.fullmatch(r"(?:(?:serum|plasma|blood|circulating|exosomal|CSF|"
                                     r"urinary|total|the|acute|chronic|early|baseline|peak|"
                                     r"admission|levels?\s+of|concentrations?\s+of|"
                                     r"expression\s+of)\s+)*", a.text[m.end():x.start], re.I)]
            if not first:
                continue
            subjects = coordinated(a, first[0], MOLECULAR, backwards=False, lenient=True)
            last = max(subjects, key=lambda x: x.end)
            # "higher levels of A and B and decreases in C (in D patients)": a second list
            # with its own direction
            second: list[Mention] = []
            change = _AND_CHANGE.match(a.text, last.end, clause.end)
            if change:
                after = [x for x in a.within(change.end(), clause.end, MOLECULAR)
                         if x.start == change.end()]
                if after:
                    second = coordinated(a, after[0], MOLECULAR, backwards=False, lenient=True)
                    last = max(second, key=lambda x: x.end)
            # "higher levels of A and B, but not C and D, in those with D1 compared with ..."
            excluded, rest = excluded_members(a, last.end, MOLECULAR)
            end = clause.end if not excluded else _clause_end(a, rest)
            group = _NOMINAL_GROUP.match(a.text, rest, end)
            found = [d for d in a.within(rest, end, GROUP_CONDITIONS if excluded or
                                         _GROUP_WORDS.match(a.text, rest) else DISEASE)
                     if d.start - rest < 70 and not CONTROL.search(a.text, rest, d.start)
                     and not absent_condition(a, d) and is_group_condition(d)] if group else []
            versus = _VERSUS.search(a.text, found[0].end, end) if found else None
            if versus:
                found = contrasted_conditions(a, found[:1], versus.end(), end)
            if not found:
                # "showed (a trend towards) increased X after D": a level of the condition
                after = _AFTER.match(a.text, rest, end)
                found = [d for d in a.within(after.end(), end, GROUP_CONDITIONS)
                         if d.start == after.end() and is_group_condition(d)] if after else []
            if not found:
                # "Patients with D (had / showed) higher X": the group before the verb
                found = [d for d in a.within(clause.start, m.start(), DISEASE)
                         if _PATIENTS_WITH.search(a.text, clause.start, d.start)
                         or re.match(r"\s*patients\b", a.text[d.end:], re.I)]
                if not found:
                    # "Patients with diffuse injury displayed higher X": a condition no
                    # vocabulary names, written as the group's condition
                    found = _open_group_condition(a, clause.start, m.start())
                if not found or not re.match(r"\s*\b(?:showed|had|displayed|exhibited|"
                                             r"presented)\b", a.text[m.start():], re.I):
                    continue
            up = m.group("dir").lower().replace("-", "") in UP
            # "Increased X in Y after D inhibits Z": the level phrase is the subject of a verb
            # whose reading the effect rules give (a "marker." rule is not exclusive)
            rule = "marker.level-noun" if m.start() == clause.start and _THEN_VERB.match(
                a.text, found[0].end, end) else "biomarker.level-noun"
            up2 = bool(change) and change.group("dir").lower() in _CHANGE_UP
            out += [statement(a, rule, s.entity, "biolink:associated_with",
                              found[0].entity, direction="increased" if (
                                  up2 if s in second else up) else "decreased",
                              aspect="level", negated=s in excluded or negated(
                                  without_absence_cues(a), clause.start, m.end()),
                              hedged=hedged(a.text, clause.start, m.start("dir")),
                              context=level_context(a, m.start(), last.end))
                    for s in subjects + second + excluded]
        for m in _ASSOCIATED_WITH.finditer(a.text, clause.start, clause.end):
            diseases = [d for d in a.within(clause.start, m.start(), DISEASE)
                        if m.start() - d.end < 30]
            after = [x for x in a.within(m.end(), clause.end, MOLECULAR)
                     if re.fullmatch(r"(?:(?:serum|plasma|blood|circulating|exosomal|CSF|"
                                     r"the)\s+)*", a.text[m.end():x.start], re.I)]
            if not diseases or not after:
                continue
            up = m.group("dir").lower().replace("-", "") in UP
            for s in coordinated(a, after[0], MOLECULAR, backwards=False):
                out.append(level_association(a, "biomarker.level-noun", s.entity,
                                             diseases[-1].entity, up, clause.start, m.span(),
                                             level_context(a, m.end(), clause.end)))
    return out

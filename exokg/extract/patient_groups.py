"""The conditions of compared patient groups, as biomarker papers name them.

A level compared between two groups is a statement about what tells the groups apart, not
about every condition either group has: "X was elevated in subjects who had TBI and CI compared
with controls with TBI but no CI" is about CI (:func:`contrasted_conditions`). A group's
conditions are the diseases, disease models and phenotypes named in its phrase ("patients with
cognitive impairment" has a phenotype as its condition), without those it is said not to have
("without TBI", "no CI", "non-diabetic") (:func:`group_conditions`). A word "group" names a
patient group, not a treated one, when a condition is written in it ("the TBI group", "either
group with CI": :func:`patient_group_word`).
"""

from __future__ import annotations

import re

from exokg.extract.base import coordinated
from exokg.model import Analysed, Mention

__all__ = ["GROUP_CONDITIONS", "absent_condition", "contrasted_conditions", "excluded_members",
           "group_conditions", "is_group_condition", "patient_group_word",
           "without_absence_cues"]

#: What a patient group may be defined by: a disease, a disease model, or a phenotype
#: ("subjects with cognitive impairment").
GROUP_CONDITIONS = frozenset({"Disease", "DiseaseModel", "Phenotype"})

# "without TBI", "no CI", "but no CogI", "free of stroke", "non-diabetic", "not having D"
_ABSENT_BEFORE = re.compile(r"(?:\b(?:without|no|not|free\s+of|absence\s+of|lacking|"
                            r"never\s+had)\s+(?:(?:an?|any|the|prior|history\s+of|"
                            r"evidence\s+of)\s+){0,2}|\bnon-?\s*)$", re.I)


# a group by outcome ("patients with poor outcome") is read by the outcome rules
# (exokg.extract.biomarkers): its phenotype is a prognosis, not the group's condition
_OUTCOME = re.compile(r"prognosis|outcome|mortality|death|survival|recovery", re.I)


def is_group_condition(m: Mention) -> bool:
    """True for a mention a patient group may be defined by (:data:`GROUP_CONDITIONS`), not
    an outcome ('poor prognosis')."""
    return m.category in GROUP_CONDITIONS and not (
        m.category == "Phenotype" and _OUTCOME.search(m.entity.label))


def absent_condition(a: Analysed, m: Mention) -> bool:
    """True when the condition ``m`` is named as one a group does not have ('without TBI',
    'no CI', 'non-TBI')."""
    return bool(_ABSENT_BEFORE.search(a.text, max(0, m.start - 30), m.start))


def group_conditions(a: Analysed, start: int, end: int) -> list[Mention]:
    """The conditions the group written in ``a.text[start:end]`` has (one mention per
    entity, in reading order), without those it is said not to have."""
    seen: set[str] = set()
    out: list[Mention] = []
    for m in a.within(start, end, GROUP_CONDITIONS):
        if m.entity.id in seen or absent_condition(a, m) or not is_group_condition(m):
            continue
        seen.add(m.entity.id)
        out.append(m)
    return out


def contrasted_conditions(a: Analysed, case: list[Mention], control_start: int,
                          control_end: int) -> list[Mention]:
    """The conditions of the case group ``case`` that the comparison group written in
    ``a.text[control_start:control_end]`` lacks ('subjects who had TBI and CI' against
    'controls with TBI but no CI' -> CI); ``case`` itself when the comparison group names
    none of them or all of them."""
    present = {m.entity.id for m in group_conditions(a, control_start, control_end)}
    differing = [m for m in case if m.entity.id not in present]
    return differing or case


# "the TBI group", "the TBI and CogI groups", "either group with CI", "the CI group(s) of"
_GROUP_WORD = re.compile(r"\bgroups?\b", re.I)


def patient_group_word(a: Analysed, at: int, end: int) -> bool:
    """True when the word 'group(s)' at ``at`` (ending at ``end``) names a patient group: a
    condition ends right before it ('the TBI group', 'TBI and CI groups') or follows it
    ('either group with CI')."""
    before = [m for m in a.within(max(0, at - 40), at, GROUP_CONDITIONS)
              if re.fullmatch(r"\s*(?:\([^()]{1,12}\)\s*)?", a.text[m.end:at])]
    if before:
        return True
    after = re.match(r"\s+(?:of\s+patients\s+)?(?:with|having|who\s+had)\s+", a.text[end:])
    return bool(after) and any(m.start - end - after.end() < 25
                               for m in a.within(end + after.end(), end + after.end() + 40,
                                                 GROUP_CONDITIONS))


# ", but not (on) A and B," after a list of markers: members the finding does not hold for
# (an unnamed last member of that list may stand before it: ", and Aβ42, but not C")
_BUT_NOT = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?[^\s,;()]+)?\s*,?\s*but\s+not\s+"
                      r"(?:on\s+|in\s+|for\s+)?(?:the\s+|of\s+)?", re.I)


def excluded_members(a: Analysed, at: int, classes: frozenset[str]
                     ) -> tuple[list[Mention], int]:
    """The members of a ', but not A and B' list that starts at ``at`` (right after the
    list the finding holds for), and the offset after it (past a closing comma); no members
    and ``at`` when none starts there. The list may run past the clause break that 'but'
    makes."""
    m = _BUT_NOT.match(a.text, at)
    if not m:
        return [], at
    # "but not P-S396-tau": a name may start inside a token
    first = [x for x in a.within(m.end(), len(a.text), classes)
             if re.fullmatch(r"(?:[^\s,;()]+-)?", a.text[m.end():x.start])]
    if not first:
        return [], at
    members = coordinated(a, first[0], classes, backwards=False, lenient=True)
    end = max(x.end for x in members)
    close = re.match(r"\s*(?:\([^()]*\)\s*)?,", a.text[end:])
    return members, end + (close.end() if close else 0)


def without_absence_cues(a: Analysed) -> str:
    """``a.text`` with the words that say a group lacks a condition ('without TBI', 'no CI')
    blanked out (same length), so that they are not read as negating the sentence's claim."""
    text = a.text
    for m in a.within(0, len(text), GROUP_CONDITIONS):
        cue = _ABSENT_BEFORE.search(text, max(0, m.start - 30), m.start)
        if cue:
            text = text[:cue.start()] + " " * (cue.end() - cue.start()) + text[cue.end():]
    return text

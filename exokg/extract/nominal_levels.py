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
from exokg.model import Entity, Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["nominal_levels"]


# "Higher exosomal X and Y among veterans with D", "significantly increased X in D patients"
_NOMINAL = re.compile(r"(?:^\W*|\b(?:showed|had|displayed|exhibited|revealed|found|observed|"
                      r"detected|with|demonstrated)\s+(?:(?:an?|the)\s+)?(?:\w+ly\s+)?)"
                      + DIRECTION + r"\s+", re.I)
_PATIENTS_WITH = re.compile(r"\b(?:patients|subjects|individuals|participants|veterans|cases)"
                            r"\s+(?:with|suffering\s+from)\s+(?:an?\s+|the\s+)?$", re.I)
_NOMINAL_GROUP = re.compile(r"\s+(?:in|among|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,6}?", re.I)
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
            subjects = coordinated(a, first[0], MOLECULAR, backwards=False)
            last = max(subjects, key=lambda x: x.end)
            group = _NOMINAL_GROUP.match(a.text, last.end, clause.end)
            found = [d for d in a.within(last.end, clause.end, DISEASE)
                     if d.start - last.end < 70 and not CONTROL.search(a.text, last.end,
                                                                         d.start)] \
                if group else []
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
            out += [statement(a, "biomarker.level-noun", s.entity, "biolink:associated_with",
                              found[0].entity, direction="increased" if up else "decreased",
                              aspect="level", negated=negated(a.text, clause.start, m.end()),
                              hedged=hedged(a.text, clause.start, m.start()),
                              context=level_context(a, m.start(), last.end)) for s in subjects]
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

"""The second and later partner lists of one marker association: "... and with B".

A patient study often hangs two findings on one association verb: "Elevated exosomal and
plasma levels of NfL were associated with repetitive mTBIs and with chronic PCS, PTSD, and
depression symptoms"; "Higher serum X was correlated with larger infarcts and also with worse
NIHSS scores"; "Lower X levels were related to D, as well as to poorer cognitive scores". The
level and correlation rules read the partners right after the verb and stop at the first "and
with". :func:`later_lists` reads each list that a repeated preposition opens ("and (also)
with", "as well as with / to") after an association verb whose subject is a list of markers:

* a list of measures (its last member ends with "symptoms", "scores", "severity", "burden",
  "deficits" ...) or any list after "correlated with": a correlation with each member (a named
  disease, scale, outcome or phenotype, else the list's words as open measures), signed by the
  verb ("positively") or the level word of the markers ("Elevated / higher X": positive;
  "lower / reduced X": negative), unsigned without one or when the list judges the measure
  ("worse / poorer scores": which way the scale runs is not said);
* a list of conditions after "associated / linked / related with": ``associated_with`` each
  named disease, with the direction of the markers' level word when there is one.

The first list stays with the rules that read it.
"""

from __future__ import annotations

import re

from exokg.extract.base import Analysed, statement
from exokg.extract.epistemics import hedged, negated
from exokg.extract.level_markers import SCALES, level_context
from exokg.extract.level_words import LEVEL, level_sign
from exokg.extract.marker_predicates import chain_subjects, measure_list
from exokg.model import Entity, Statement
from exokg.text.prefilter import Needs

__all__ = ["later_lists"]

_VERB = re.compile(r"\b(?:was|were|is|are)\s+(?:(?:also|both|significantly|strongly|closely|"
                   r"independently|(?P<sign>positively|negatively|inversely))\s+){0,2}"
                   r"(?P<verb>associated|correlated|related|linked)\s+(?:to|with)\s+", re.I)
# a later list: the preposition written again
_AGAIN = re.compile(r"(?:,\s*|\s+)(?:and\s+(?:also\s+)?|as\s+well\s+as\s+)(?:with|to)\s+"
                    r"(?:the\s+)?", re.I)
#: the keyword tests of the association and of the preposition written again: a statement
#: needs both (about one sentence in ten that may hold one of them may hold the other)
_NEEDS_VERB, _NEEDS_AGAIN = Needs(_VERB), Needs(_AGAIN)
# what ends the clause of the association
_CLAUSE_END = re.compile(r";|,\s*(?:while|whereas|but|which|respectively)\b|\s+(?:while|whereas)"
                         r"\b|,\s*(?:and\s+)?(?:the|these|this|our|we)\b", re.I)
_MEASURE_END = re.compile(r"\b(?:symptoms?|scores?|severity|burden|deficits?|impairments?|"
                          r"complaints|disability|outcomes?)\s*$", re.I)
# the markers' level word: "Elevated exosomal and plasma levels of NfL", "higher serum X"
_LEVEL = re.compile(rf"\b(?P<w>{LEVEL})\b", re.I)
_CONDITIONS = frozenset({"Disease"})
# the level word opening a list of measures: "and with lower GCS scores" (higher X with lower
# scores is a negative correlation)
_LIST_LEVEL = re.compile(rf"(?P<w>{LEVEL}|larger|smaller)\s+", re.I)
_EVALUATIVE = re.compile(r"\b(?:worse|worsened|poorer|poor|better|improved|favou?rable|"
                         r"unfavou?rable)\b", re.I)


def _level_sign(a: Analysed, start: int, end: int) -> int:
    """+1 / -1 for the last level word in ``a.text[start:end]``, 0 without one."""
    words = [m.group("w").lower() for m in _LEVEL.finditer(a.text, start, end)]
    if not words:
        return 0
    return level_sign(words[-1])


def _members(a: Analysed, start: int, end: int) -> list[Entity]:
    """The partners a later list names: its recognised conditions and measures, else its
    words as open measures."""
    named = a.within(start, end, _CONDITIONS | SCALES)
    if named:
        unique: dict[str, Entity] = {}
        for m in named:
            unique.setdefault(m.entity.id, m.entity)
        return list(unique.values())
    return measure_list(a, start, end)


def later_lists(a: Analysed) -> list[Statement]:
    """The readings of each later partner list of a marker association (module docs)."""
    if not (_NEEDS_VERB.may_match(a.text) and _NEEDS_AGAIN.may_match(a.text)):
        return []
    out: list[Statement] = []
    for verb in _VERB.finditer(a.text):
        subjects = chain_subjects(a, verb.start())
        if not subjects:
            continue
        stop = _CLAUSE_END.search(a.text, verb.end())
        end = stop.start() if stop else len(a.text.rstrip(". "))
        again = list(_AGAIN.finditer(a.text, verb.end(), end))
        if not again:
            continue
        first = min(s.start for s in subjects)
        stated = (verb.group("sign") or "").lower()
        # the level word of the markers' own phrase ("Elevated ... levels of X were"), not
        # one of an earlier clause
        phrase = max((m.end() for m in re.finditer(r"[,;:]", a.text[:first])), default=0)
        sign = (1 if stated == "positively" else -1) if stated else \
            _level_sign(a, phrase, verb.start())
        ctx = level_context(a, first, verb.start())
        neg = negated(a.text, first, verb.end())
        hedge = hedged(a.text, 0, verb.start())
        for i, at in enumerate(again):
            list_end = again[i + 1].start() if i + 1 < len(again) else end
            measures = bool(_MEASURE_END.search(a.text, at.end(), list_end)) or \
                verb.group("verb").lower() == "correlated"
            start = at.end()
            if measures:
                level = _LIST_LEVEL.match(a.text, start, list_end)
                signed = sign
                if level:  # the measures' own level word: the sign is the product
                    start = level.end()
                    word = level.group("w").lower()
                    signed *= level_sign(word)
                pred = {1: "biolink:positively_correlated_with", 0: "biolink:correlated_with",
                        -1: "biolink:negatively_correlated_with"}[signed]
                direction = None
            else:
                pred = "biolink:associated_with"
                direction = {1: "increased", 0: None, -1: "decreased"}[sign]
            if measures and _EVALUATIVE.search(a.text, at.end(), list_end):
                # "... and with worse / poorer scores": which way the scale runs is not said
                pred = "biolink:correlated_with"
            partners = _members(a, start, list_end)
            if not measures:
                partners = [p for p in partners if p.category in _CONDITIONS]
            for obj in partners:
                for subj in subjects:
                    if subj.entity.id == obj.id:
                        continue
                    out.append(statement(a, "biomarker.later-list", subj.entity, pred, obj,
                                         direction=direction, negated=neg, hedged=hedge,
                                         context=ctx))
    return out

"""Correlations whose subject is a measure of the condition: a count, a time or a score.

Patient studies correlate their markers with what they counted or timed of the condition, and
often write that measure first: "The total number of mTBIs correlated with exosomal NfL and
plasma IL-6"; "Increased number of years since the most recent TBI correlated with higher
exosomal NfL and lower plasma IL-6 levels"; "NIHSS scores were positively correlated with serum
exosomal miR-134"; "Infarct volume correlated with plasma miR-21"; "The time from symptom onset
correlated negatively with GFAP". The marker rules look for a marker before the verb and, when
the measure is no entity, give the correlation to whatever marker was named earlier in the
sentence. This module owns those sentences:

* :func:`measure_subject`: the measure that is the subject of the correlation verb at a
  position: a recognised scale, outcome or phenotype ("NIHSS scores", "infarct volume"), or
  the words of a count, a time or a size of the condition ("(total) number of D", "(number of)
  years since (the first) D", "time from onset", "duration of D", "D duration", "hematoma
  volume") as an open outcome labelled as written (a leading article or level word dropped:
  "increased number of years since first TBI" is "number of years since first TBI"); None when
  a marker (molecule, the body's vesicles) is named in the subject.
* :func:`measure_correlations`: that measure correlated with each marker listed after the
  verb: signed by the verb's adverb ("positively", "negatively", "inversely"), else by the
  level words of the measure and of each member ("Increased A correlated with higher X and
  lower Y": positive with X, negative with Y; a member with no level word of its own shares
  the one before it: "higher levels of X, as well as Y"), else unsigned.

* :func:`measure_of_condition`: the same measures written after the verb, around a named
  condition ("X correlated with the number of prior concussions", "with the duration of
  hypertension", "with tumor size"): the partner is the count, time or size, not the
  condition.

Levels in groups and the markers' own correlations are left to the other rules; a measure
correlated with another measure ("NIHSS correlated with infarct volume") is no marker
finding and is not read here.
"""

from __future__ import annotations

import re

from exokg.extract.base import Analysed, statement
from exokg.extract.epistemics import hedged, negated
from exokg.extract.level_markers import SCALES, UP
from exokg.extract.level_words import LEVEL
from exokg.extract.marker_predicates import MARKER_CLASSES, eligible_marker
from exokg.extract.outcomes import outcome_entity
from exokg.model import Entity, Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["measure_correlations", "measure_of_condition", "measure_subject"]

# the correlation verb: "correlated with", "was positively correlated with", "correlates
# closely with", "were inversely correlated to", "was negatively associated with"
_CUE = re.compile(r"(?:\b(?:was|were|is|are)\s+)?(?:(?:also|significantly|strongly|closely|"
                  r"weakly|moderately|(?P<sign>positively|negatively|inversely))\s+)*"
                  r"(?:correlat(?:ed|es?|ing)|(?<=ly\s)(?:associated|related))\s+"
                  r"(?:(?:significantly|closely|strongly|(?P<sign2>positively|negatively|"
                  r"inversely))\s+)?(?:with|to)\b", re.I)
_NEEDS = Needs(_CUE)
# where the clause of the subject starts: the sentence, a comma ("Moreover, ...", ", and"),
# "while", "whereas", "but", "that"
_CLAUSE_START = re.compile(r"^|[;:]|,\s*(?:(?:and|but)\s+)?|\b(?:while|whereas|that|but)\s+",
                           re.I)
_LEAD = re.compile(r"\s*(?:(?:the|a|an)\s+)?(?P<level>(?:increas(?:ed|ing)|higher|greater|"
                   r"longer|larger|more|elevated|decreas(?:ed|ing)|lower|fewer|shorter|smaller|"
                   r"reduced)\s+)?", re.I)
_LOWER_LEAD = frozenset({"decreased", "decreasing", "lower", "fewer", "shorter", "smaller",
                         "reduced"})
# a count, a time or a size of the condition, written out (the words after the lead)
_MEASURE = re.compile(r"(?:(?:total|cumulative|overall|lifetime)\s+)?(?:number|count|"
                      r"frequency)\s+of\s+\S.*"
                      r"|(?:number\s+of\s+)?(?:years|months|weeks|days|hours|time|interval)\s+"
                      r"(?:since|from|after|between|to)\s+\S.*"
                      r"|(?:duration|length)\s+of\s+\S.*"
                      r"|(?:[\w-]+\s+){1,2}(?:duration|volumes?|sizes?|severity)"
                      r"|(?:[\w-]+\s+){0,2}(?:volume|size|severity)\s+of\s+\S.*", re.I)
# what follows a named measure in the subject: "NIHSS (total) scores", "infarct volume"
_SCALE_TAIL = re.compile(r"\s*(?:\([^()]{1,15}\)\s*)?(?:(?:total|baseline|admission)\s+)?"
                         r"(?:scores?|values?|grades?|burden)?", re.I)
_TRAILING = re.compile(r"(?:\s+(?:levels?|values?))?(?:\s+(?:has|have)\s+been|\s+(?:was|were|is|"
                       r"are))?\s*$", re.I)
_CLAUSE_WORD = re.compile(r"\b(?:which|who|we|our|this|these|was|were|is|are|had|has|have|"
                          r"showed|found|revealed|than|compared)\b|[,()]", re.I)

_LEVEL_WORD = re.compile(rf"\b(?P<w>{LEVEL}|more|less|fewer)\b", re.I)
# what ends the markers of a correlation: another clause
_OBJECTS_END = re.compile(r";|,\s*(?:while|whereas|but|which|and\s+(?:the|a|an|increased|"
                          r"decreased|higher|lower)\s+[\w-]+\s+(?:of|since|from))\b|"
                          r"\s+(?:while|whereas)\b", re.I)


def measure_subject(a: Analysed, at: int) -> Entity | None:
    """The measure (a scale, outcome or phenotype, or a written count, time or size of the
    condition) that is the whole subject of the clause ending at ``at``, where a correlation
    verb starts (module docs); None when the subject is anything else."""
    span = _subject_span(a, at)
    if span is None:
        return None
    start, end = span
    if any(eligible_marker(a, m) for m in a.within(start, end, MARKER_CLASSES)):
        return None
    named = [m for m in a.within(start, end, SCALES) if m.start == start
             and _SCALE_TAIL.fullmatch(a.text, m.end, end)]
    if named:
        return max(named, key=lambda m: m.end).entity
    words = a.text[start:end]
    if not _MEASURE.fullmatch(words) or len(words.split()) > 10 or _CLAUSE_WORD.search(words):
        return None
    return outcome_entity(words)


# a count, time or size of the condition named right after it ("the number of prior
# concussions", "years since the first TBI", "the density of amyloid plaques")
_OF_CONDITION = re.compile(r"(?:(?:(?:total|cumulative|overall|lifetime)\s+)?(?:number|count|"
                           r"frequency)|(?:number\s+of\s+)?(?:years|months|weeks|days|hours|"
                           r"time|interval)\s+(?:since|from|after)|duration|length|density|"
                           r"size|volume|extent|burden|load|area)\s+of\s+"
                           r"(?:the\s+)?(?:[\w-]+\s+){0,2}$"
                           r"|(?:(?:number\s+of\s+)?(?:years|months|weeks|days|hours|time|"
                           r"interval)\s+(?:since|from|after))\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
                           re.I)


# a size or grade of the condition written right after it: "tumor size", "hematoma volume"
_CONDITION_MEASURE = re.compile(r"\s+(?:size|sizes|volume|volumes|diameter|burden|grade|stage|"
                                r"severity|extent)\b", re.I)


# the symptoms of a condition written around it: "PTSD symptoms", "post-concussion symptoms"
_SYMPTOMS = re.compile(r"[\s-]+(?:symptoms?|symptomatology)\b", re.I)
_POST = re.compile(r"\bpost-?\s*$", re.I)


def measure_of_condition(a: Analysed, m: Mention) -> Entity | None:
    """The count, time, size or symptoms of condition mention ``m`` written around it ('the
    number of prior concussions', 'the duration of hypertension', 'years since the first TBI',
    'tumor size', 'the density of amyloid plaques', 'PTSD symptoms', 'post-concussion
    symptoms') as an open outcome labelled as written; None when ``m`` is named on its own."""
    size = _CONDITION_MEASURE.match(a.text, m.end)
    if size is not None:
        return outcome_entity(a.text[m.start:size.end()])
    symptoms = _SYMPTOMS.match(a.text, m.end)
    if symptoms is not None:
        post = _POST.search(a.text, max(0, m.start - 6), m.start)
        return outcome_entity(a.text[post.start() if post else m.start:symptoms.end()])
    window = max(0, m.start - 50)
    found = None
    for start in range(window, m.start):
        if (start == 0 or not a.text[start - 1].isalnum()) and \
                _OF_CONDITION.fullmatch(a.text, start, m.start):
            found = start
            break
    if found is None:
        return None
    return outcome_entity(a.text[found:m.end])


def _subject_span(a: Analysed, at: int) -> tuple[int, int] | None:
    """The subject's words before ``at`` (no article, no level word, no copula)."""
    bound = 0
    for b in _CLAUSE_START.finditer(a.text, 0, at):
        if b.end() <= at:
            bound = max(bound, b.end())
    lead = _LEAD.match(a.text, bound, at)
    start = lead.end()
    end = _TRAILING.search(a.text, start, at).start()
    return (start, end) if end > start else None


def _lead_sign(a: Analysed, at: int) -> int:
    """-1 when the measure's subject opens with a lower-level word ('fewer', 'shorter')."""
    span = _subject_span(a, at)
    if span is None:
        return 1
    before = a.text[max(0, span[0] - 20):span[0]].split()
    return -1 if before and before[-1].lower() in _LOWER_LEAD else 1


def _objects(a: Analysed, start: int, end: int) -> list[tuple[Mention, int]]:
    """The markers listed in ``a.text[start:end]`` with the sign of each one's level word
    (+1 'higher', -1 'lower', 0 none: a member with none shares the one before it)."""
    out: list[tuple[Mention, int]] = []
    seen: set[str] = set()
    pos, sign = start, 0
    for m in sorted(a.within(start, end, MARKER_CLASSES), key=lambda x: x.start):
        if not eligible_marker(a, m) or m.start < pos:
            continue
        words = [w.group("w").lower() for w in _LEVEL_WORD.finditer(a.text, pos, m.start)]
        if words:
            sign = 1 if words[-1] in UP or words[-1] == "more" else -1
        pos = m.end
        if m.entity.id not in seen:
            seen.add(m.entity.id)
            out.append((m, sign))
    return out


_PREDICATES = {1: "biolink:positively_correlated_with", -1: "biolink:negatively_correlated_with",
               0: "biolink:correlated_with"}


def measure_correlations(a: Analysed) -> list[Statement]:
    """Each measure subject correlated with the markers after its verb (module docs)."""
    if not _NEEDS.may_match(a.text):
        return []
    out: list[Statement] = []
    for cue in _CUE.finditer(a.text):
        subject = measure_subject(a, cue.start())
        if subject is None:
            continue
        stop = _OBJECTS_END.search(a.text, cue.end())
        end = stop.start() if stop else len(a.text)
        stated = (cue.group("sign") or cue.group("sign2") or "").lower()
        lead = _lead_sign(a, cue.start())
        neg = negated(a.text, 0, cue.end())
        hedge = hedged(a.text, 0, cue.start())
        for obj, sign in _objects(a, cue.end(), end):
            if stated:
                sign = 1 if stated == "positively" else -1
            else:
                sign *= lead
            if obj.entity.id == subject.id:
                continue
            out.append(statement(a, "biomarker.correlation-measure", subject,
                                 _PREDICATES[sign], obj.entity, negated=neg, hedged=hedge))
    return out

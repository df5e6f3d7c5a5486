"""Associations and biomarker value written as nouns in patient studies:

* "X showed / indicated (significant) positive associations with Y" -> X
  ``biolink:positively_correlated_with`` Y (negatively for "negative" / "inverse", plain
  ``correlated_with`` without a sign) (:func:`associations_with`). X is the molecular marker
  (or a vesicle population of a named source) before the cue, also as "analysis of X"; Y is a
  recognised measure, marker or condition right after it, else the measure's words when they
  end in a measure head ("a generalized exposure value", "the composite symptom score");
* "relationships / associations / correlations between A, B, C and D" (a list of three or
  more) -> A ``biolink:correlated_with`` each of the others (the first partner is what the
  others are related to) (:func:`relationships_between`); each partner is a recognised term
  spanning it, else its words (at most four) as an open measure;
* "(increased levels of) exosomal / EV biomarkers associated with D1 and D2 (can be detected
  ...)" with no molecule named -> the vesicles ``biolink:biomarker_for`` each condition
  (:func:`vesicle_biomarkers`): the sentence names no cargo, so the vesicles are the source of
  the markers it speaks of; hedged by the usual cues ("can be detected").
"""

from __future__ import annotations

import re

from exokg.extract.base import Analysed, DocumentState, clauses, coordinated, statement
from exokg.extract.epistemics import hedged, negated
from exokg.extract.level_markers import MOLECULAR, SCALES, VESICLES, level_context, \
    names_treatment, therapeutic
from exokg.extract.outcomes import outcome_for_text
from exokg.extract.patient_groups import GROUP_CONDITIONS, is_group_condition
from exokg.model import Entity, Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["associations_with", "open_measure", "relationships_between",
           "vesicle_biomarkers"]

_ASSOCIATIONS_WITH = re.compile(
    r"\b(?:showed|shows?|indicated|indicates?|revealed|reveals?|demonstrated|demonstrates?|"
    r"found|had|has|have|exhibited|displayed)\s+(?:an?\s+)?(?:(?:statistically\s+)?"
    r"(?:significant|strong|moderate|weak|robust|clear)\s+)*(?P<sign>positive|negative|"
    r"inverse)?\s*(?:associations?|correlations?|relationships?)\s+with\s+(?:the\s+|an?\s+)?",
    re.I)
# the words of an open measure: "(a) generalized blast exposure value", "composite scores"
_MEASURE = re.compile(r"(?:[a-z][\w-]*\s+){0,4}?(?:values?|scores?|index|indices|levels?|"
                      r"severity|volumes?|thickness|burden|load|counts?|exposures?|deficits?|"
                      r"symptoms?|function|performance|decline)\b", re.I)
_PARTNERS = SCALES | MOLECULAR | GROUP_CONDITIONS


def _signed(sign: str | None) -> str:
    word = (sign or "").lower()
    if word == "positive":
        return "biolink:positively_correlated_with"
    if word in ("negative", "inverse"):
        return "biolink:negatively_correlated_with"
    return "biolink:correlated_with"


def _subject(a: Analysed, start: int, at: int) -> list[Mention]:
    """The markers the clause's association is about: the molecular markers (with those
    coordinated with them) or a vesicle population of a named source ending within 60
    characters before ``at``; none for a therapeutic preparation or plain vesicles."""
    near = [m for m in a.within(start, at, MOLECULAR | VESICLES) if at - m.end <= 60]
    if not near:
        return []
    last = max(near, key=lambda m: m.end)
    if last.category in VESICLES:
        if last.category != "ExosomePreparation" or therapeutic(last.entity):
            return []
        return [last]
    return coordinated(a, last, MOLECULAR, backwards=True)


_NEEDS_ASSOCIATIONS = Needs(_ASSOCIATIONS_WITH)


def open_measure(a: Analysed, start: int, end: int) -> Entity | None:
    """The open measure whose words open ``a.text[start:end]`` and end in a measure head
    ("a generalized exposure value", "severity in D" -> "severity"), as an outcome labelled
    as written; None when there is none or a term is recognised in its words."""
    words = _MEASURE.match(a.text, start, end)
    if not words or a.within(start, words.end()):
        return None
    return outcome_for_text(words.group())


def associations_with(a: Analysed) -> list[Statement]:
    """'X showed (significant) positive associations with Y' -> X correlated with Y, signed
    (module docs); not in a clause that names a treatment."""
    if not _NEEDS_ASSOCIATIONS.may_match(a.text):
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in _ASSOCIATIONS_WITH.finditer(a.text, clause.start, clause.end):
            subjects = _subject(a, clause.start, m.start())
            if not subjects or names_treatment(a, clause.start, clause.end, tuple(subjects)):
                continue
            named = [x for x in a.within(m.end(), clause.end, _PARTNERS)
                     if re.fullmatch(r"(?:[\w-]+\s+){0,2}", a.text[m.end():x.start])
                     and (x.category not in GROUP_CONDITIONS or is_group_condition(x))]
            if named:
                objects: list[Entity] = [named[0].entity]
            else:
                measure = open_measure(a, m.end(), clause.end)
                if measure is None:
                    continue
                objects = [measure]
            pred = _signed(m.group("sign"))
            for subj in subjects:
                for obj in objects:
                    if obj.id == subj.entity.id:
                        continue
                    out.append(statement(a, "biomarker.correlation-association", subj.entity,
                                         pred, obj, negated=negated(a.text, clause.start,
                                                                    m.start()),
                                         hedged=hedged(a.text, clause.start, m.end()),
                                         context=level_context(a, clause.start, m.start())))
    return out


_BETWEEN = re.compile(r"\b(?P<sign>positive|negative|inverse)?\s*(?:[\w-]+-related\s+)?"
                      r"(?:relationships|associations|correlations|links|interrelations)\s+"
                      r"between\s+(?:the\s+)?", re.I)
# a partner ends the list at a preposition phrase of place or group ("within special operators")
_LIST_END = re.compile(r"\s+(?:within|in|among|across|at|during|after|for|of)\s|[;(:]|\.?\s*$",
                       re.I)
_NEEDS_BETWEEN = Needs(_BETWEEN)


def _partner(a: Analysed, start: int, end: int) -> Entity | None:
    """The term one list member ``a.text[start:end]`` names: a recognised term spanning it to
    its end, else its words (at most four, no digits only) as an open measure."""
    words = a.text[start:end].strip()
    if not words:
        return None
    inside = [x for x in a.within(start, end) if x.category in _PARTNERS | {
        "BiologicalProcess", "Outcome"} and x.end == start + len(a.text[start:end].rstrip())
        and re.fullmatch(r"[\w-]*", a.text[start:x.start].strip())]
    if inside:
        return inside[-1].entity
    if len(words.split()) > 4 or not re.fullmatch(r"[A-Za-z][\w -]*", words) or re.search(
            r"\b(?:was|were|is|are|and|or|the|which|that)\b", words, re.I):
        return None
    return outcome_for_text(words)


def _members(a: Analysed, start: int, end: int) -> list[Entity]:
    """The terms of the list 'A, B, C and D' written in ``a.text[start:end]``, in order;
    none when a member names no term."""
    # "A, B, and C" / "A, B and C": cut at commas and at "and" / "or", keeping offsets
    cuts = re.split(r"(,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)", a.text[start:end])
    members: list[Entity] = []
    pos = start
    for i, piece in enumerate(cuts):
        if i % 2 == 0 and piece.strip():
            term = _partner(a, pos, pos + len(piece))
            if term is None:
                return []
            members.append(term)
        pos += len(piece)
    return members


def relationships_between(a: Analysed) -> list[Statement]:
    """'(exposure-related) relationships between A, B, C and D' -> A correlated with each of
    B, C and D (module docs); nothing unless every member names a term."""
    if not _NEEDS_BETWEEN.may_match(a.text):
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in _BETWEEN.finditer(a.text, clause.start, clause.end):
            stop = _LIST_END.search(a.text, m.end(), clause.end)
            end = stop.start() if stop else clause.end
            members = _members(a, m.end(), end)
            if len(members) < 3 or names_treatment(a, clause.start, clause.end):
                continue
            pred = _signed(m.group("sign"))
            for other in members[1:]:
                if other.id == members[0].id:
                    continue
                out.append(statement(a, "biomarker.correlation-between", members[0], pred,
                                     other, negated=negated(a.text, clause.start, m.start()),
                                     hedged=hedged(a.text, clause.start, m.start()),
                                     context=level_context(a, m.end(), end)))
    return out


# "exosomal biomarkers associated with D1 and D2", "EV biomarkers of D", "exosome-derived
# markers for D": the vesicles as the source of the markers
_VESICLE_BIOMARKERS = re.compile(r"\b(?P<ves>exosom(?:al|es?)|exosome-derived|EVs?|EV-derived|"
                                 r"extracellular\s+vesicles?|vesicular)\s+(?:(?:protein|RNA|"
                                 r"molecular|cargo)\s+)?(?:bio)?markers?\s+(?:(?:significantly\s+)?"
                                 r"associated\s+with|of|for)\s+(?:the\s+)?", re.I)
_NEEDS_VESICLE_BIOMARKERS = Needs(_VESICLE_BIOMARKERS)
EXOSOME = Entity("GO:0070062", "exosome", "Vesicle")
EV = Entity("GO:1903561", "extracellular vesicle", "Vesicle")


def vesicle_biomarkers(a: Analysed, state: DocumentState) -> list[Statement]:
    """'(Increased levels of) exosomal biomarkers associated with D1 and D2 can be detected'
    in a sentence that names no molecule -> the vesicles ``biolink:biomarker_for`` each
    condition (module docs)."""
    if not _NEEDS_VESICLE_BIOMARKERS.may_match(a.text) or a.within(0, len(a.text), MOLECULAR):
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in _VESICLE_BIOMARKERS.finditer(a.text, clause.start, clause.end):
            first = [x for x in a.within(m.end(), clause.end, GROUP_CONDITIONS)
                     if x.start == m.end() and is_group_condition(x)]
            if not first or names_treatment(a, clause.start, m.start()):
                continue
            named = [x for x in a.within(m.start(), m.start("ves") + len(m.group("ves")),
                                         VESICLES) if not therapeutic(x.entity)]
            vesicle = named[0].entity if named else (
                EXOSOME if m.group("ves").lower().startswith("exosom") else EV)
            seen: set[str] = set()
            for c in coordinated(a, first[0], GROUP_CONDITIONS, backwards=False):
                if c.entity.id in seen or not is_group_condition(c):
                    continue
                seen.add(c.entity.id)
                out.append(statement(a, "biomarker.informative-vesicles", vesicle,
                                     "biolink:biomarker_for", c.entity,
                                     negated=negated(a.text, clause.start, m.start()),
                                     hedged=hedged(a.text, clause.start, clause.end),
                                     context=level_context(a, clause.start, m.end())))
    return out

"""Correlations of markers with measures: "(elevations of) X and Y correlated with A and B
symptoms" -> each marker with each open measure when no recognised measure follows
(coordination ellipsis "post-traumatic and post-concussive symptoms" gives two measures); "a
positive correlation was observed between SCALE (at D7) and X" -> X correlated with the scale
(the partners in either order); "X was inversely related to SCALE" (:func:`related_to`);
"levels of X and Y were linked to / tracked with SCALE scores" -> each marker
``biolink:correlated_with`` the measure (:func:`linked_levels`); "EVs from these cells were
associated with increased neuroinflammation and microvascular dysfunction" -> the vesicles or
markers ``biolink:associated_with`` each, with the direction of the change (an association,
never an effect of the vesicles: :func:`associated_changes`); "patients with higher X had larger
infarcts" -> X positively correlated with the measure (:func:`level_groups`).
"""

from __future__ import annotations

import re

from exokg.extract.base import Analysed, DocumentState, clauses, coordinated, statement
from exokg.extract.epistemics import hedged, negated
from exokg.extract.level_markers import MOLECULAR, SCALES, VESICLES, level_context, \
    markers_before, names_treatment, therapeutic
from exokg.extract.level_words import ASPECT, LEVEL, level_sign
from exokg.extract.outcome_levels import cell_levels, treated_clause
from exokg.extract.outcomes import outcome_for_text
from exokg.model import Entity, Statement
from exokg.text.prefilter import Needs

__all__ = ["associated_changes", "level_groups", "linked_levels", "open_correlations",
           "related_to"]


_CORRELATED = re.compile(r"\b(?:(?P<sign>positively|negatively|inversely|significantly|"
                         r"strongly|weakly|closely|also)\s+)*(?:correlated|correlating|"
                         r"correlates?|associated)\s+(?:(?P<sign2>positively|negatively|"
                         # "negatively correlated to residual volume"
                         r"inversely)\s+)?(?:with|to)\s+(?:the\s+)?", re.I)
# an open measure: "post-traumatic and post-concussive symptoms", "cognitive decline"
_MEASURE_HEADS = (r"symptoms?|scores?|severity|deficits?|impairments?|disability|decline|"
                  r"outcomes?|volumes?|mortality|recovery|dysfunction|complaints")
_OPEN_MEASURE = re.compile(r"(?P<mods>(?:[\w-]+(?:,\s*|\s+(?:and|or)\s+|\s+)){0,4}?)"
                           r"(?P<head>" + _MEASURE_HEADS + r")\b", re.I)


def _open_measures(text: str, start: int, end: int) -> list[Entity]:
    """The open measures right after ``start``: 'A and B symptoms' -> 'A symptoms',
    'B symptoms' (each coordinated modifier with the shared head)."""
    m = _OPEN_MEASURE.match(text, start, end)
    if not m or not m.group("mods").strip():
        return []
    mods = m.group("mods").strip().rstrip(",")
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", mods)
             if p.strip()]
    if any(p.lower() in ("the", "a", "an", "with", "of", "in") for p in parts):
        return []
    head = m.group("head")
    if len(parts) > 1 and all(" " not in p for p in parts):
        return [outcome_for_text(f"{p} {head}") for p in parts]
    return [outcome_for_text(f"{mods} {head}")]


def _signed(words: str) -> str:
    """The correlation predicate the sign words of a cue give ("positively", "inverse",
    "directly" ...; positive first when both are written), unsigned without one."""
    words = words.lower()
    if "positive" in words or "direct" in words:
        return "biolink:positively_correlated_with"
    if "negative" in words or "inverse" in words:
        return "biolink:negatively_correlated_with"
    return "biolink:correlated_with"


def _sign(m: re.Match[str]) -> str:
    return _signed(f"{m.group('sign') or ''} {m.group('sign2') or ''} {m.group()}")


_CORRELATION_NOUN = re.compile(r"\b(?P<signs>(?:(?:positive|negative|inverse|significant|"
                               r"strong|moderate|weak|close|linear)\s+(?:and\s+)?)*)"
                               r"(?:correlations?|associations?)\s+(?:(?:was|were)\s+(?:\w+ly\s+)?"
                               r"(?:observed|found|detected|noted|seen|shown|identified)\s+)"
                               r"between\s+(?:the\s+)?", re.I)


_NEEDS_OPEN_CORRELATIONS = Needs(_CORRELATED, _CORRELATION_NOUN)


def open_correlations(a: Analysed) -> list[Statement]:
    """'(Elevations of) X and Y correlated with A and B symptoms' (a measure no vocabulary
    names) and 'a positive correlation was observed between SCALE and X' (module docs)."""
    if not _NEEDS_OPEN_CORRELATIONS.may_match(a.text):  # no cue word: nothing to read
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in _CORRELATED.finditer(a.text, clause.start, clause.end):
            if m.group().lower().lstrip().startswith("associated") and not m.group("sign2"):
                continue  # plain "associated with": the level rules
            comma = re.compile(r"[,(]").search(a.text, m.end(), clause.end)
            stop = comma.start() if comma else clause.end
            if any(x.start - m.end() < 60 and x.start < stop
                   for x in a.within(m.end(), clause.end, SCALES | MOLECULAR)):
                continue  # a recognised measure ("total score on the NIHSS"): the older rule
            subjects = markers_before(a, clause.start, m.start(), gap=40)
            # "EPC levels at day 7 were ...": circulating cells measured as a level too
            cells = [] if subjects else cell_levels(a, clause.start, m.start(), gap=40)
            if cells and not treated_clause(a, clause.start, clause.end, cells):
                subjects = cells
            elif not subjects or names_treatment(a, clause.start, clause.end):
                continue
            measures = _open_measures(a.text, m.end(), stop)
            pred = _sign(m)
            if pred == "biolink:correlated_with" and re.search(r"\belevations?\s+of\b|"
                                                               r"\bhigher\b|\bincreased\b",
                                                               a.text[clause.start:m.start()],
                                                               re.I):
                pred = "biolink:positively_correlated_with"  # "elevations of X correlated"
            for subj in subjects:
                for obj in measures:
                    out.append(statement(a, "biomarker.correlation-open", subj.entity, pred,
                                         obj, negated=negated(a.text, clause.start, m.start()),
                                         hedged=hedged(a.text, clause.start, m.start()),
                                         context=level_context(a, clause.start, m.start())))
        for m in _CORRELATION_NOUN.finditer(a.text, clause.start, clause.end):
            link = re.compile(r"\s+and\s+(?:the\s+)?", re.I).search(a.text, m.end(), clause.end)
            if not link:
                continue
            firsts = [x for x in a.within(m.end(), link.start(), SCALES)]
            seconds = [x for x in a.within(link.end(), clause.end, MOLECULAR | VESICLES)
                       if x.start - link.end() < 25]
            markers = [x for x in seconds if x.category in MOLECULAR]
            if not firsts or not markers:
                continue
            pred = _signed(m.group("signs"))
            for subj in coordinated(a, markers[0], MOLECULAR, backwards=False):
                out.append(statement(a, "biomarker.correlation-noun", subj.entity, pred,
                                     firsts[0].entity,
                                     negated=negated(a.text, clause.start, m.end()),
                                     hedged=hedged(a.text, clause.start, m.start()),
                                     context=level_context(a, link.end(), clause.end)))
    return out


# "X expression was inversely related to the NIHSS score", "directly proportional to"
_RELATED = re.compile(r"\b(?P<sign>positively|negatively|inversely|directly|significantly)\s+"
                      r"(?:related|proportional)\s+(?:to|with)\s+(?:the\s+)?", re.I)


_NEEDS_RELATED = Needs(_RELATED)


def related_to(a: Analysed) -> list[Statement]:
    """'X was inversely / positively related to SCALE' -> X negatively / positively
    correlated with the recognised measure (scale, outcome, phenotype) right after."""
    if not _NEEDS_RELATED.may_match(a.text):  # no cue word: nothing to read
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in _RELATED.finditer(a.text, clause.start, clause.end):
            subjects = markers_before(a, clause.start, m.start(), gap=50)
            measures = [x for x in a.within(m.end(), clause.end, SCALES)
                        if x.start - m.end() < 25]
            if not subjects or not measures or names_treatment(a, clause.start, clause.end):
                continue
            pred = _signed(m.group("sign"))
            for subj in subjects:
                for obj in coordinated(a, measures[0], SCALES, backwards=False):
                    out.append(statement(a, "biomarker.correlation-related", subj.entity, pred,
                                         obj.entity,
                                         negated=negated(a.text, clause.start, m.start()),
                                         hedged=hedged(a.text, clause.start, m.start()),
                                         context=level_context(a, clause.start, m.start())))
    return out


# "Levels of X and Y were (closely) linked to PCL-5 scores", "X concentrations tracked with the
# GCS": a level going with a measure, said without the word "correlated"
_LINKED = re.compile(r"\b(?:(?P<sign>positively|negatively|inversely|closely|strongly|"
                     r"significantly|also)\s+)*(?:linked|tied)\s+(?:(?P<sign2>positively|"
                     r"negatively|inversely)\s+)?(?:to|with)\s+(?:the\s+)?|\btrack(?:s|ed)?\s+"
                     r"(?:(?:closely|well)\s+)?with\s+(?:the\s+)?", re.I)
# the subject must be a level ("levels of X", "X concentrations"), not an agent
_LEVEL_WORD = re.compile(rf"\b(?:{ASPECT}|counts?)\b", re.I)
# a recognised name used as the name of a scale ("PCL-5 scores" read as a disease "PCL")
_SCORE_AFTER = re.compile(r"(?:-?\d+)?\s+(?:total\s+)?scores?\b", re.I)


_NEEDS_LINKED = Needs(_LINKED)


def linked_levels(a: Analysed) -> list[Statement]:
    """'(Levels of) X and Y were linked to / tracked with SCALE (scores)' -> each marker
    ``biolink:correlated_with`` the measure (signed where the clause signs it): a recognised
    scale, outcome or molecule right after the cue, else the open measure written there
    ("PCL-5 scores", "cognitive symptoms"). The clause must speak of a level and name no
    treatment (else "X was linked to Y" is left to the other rules)."""
    if not _NEEDS_LINKED.may_match(a.text):  # no cue word: nothing to read
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in _LINKED.finditer(a.text, clause.start, clause.end):
            if not _LEVEL_WORD.search(a.text, clause.start, m.start()):
                continue
            subjects = markers_before(a, clause.start, m.start(), gap=40)
            if not subjects or names_treatment(a, clause.start, clause.end):
                continue
            stop_at = re.compile(r"[,;(]").search(a.text, m.end(), clause.end)
            stop = stop_at.start() if stop_at else clause.end
            measures: list[Entity] = []
            first = [x for x in a.within(m.end(), stop, SCALES | MOLECULAR)
                     if x.start - m.end() < 25]
            if first:
                measures = [x.entity for x in coordinated(a, first[0], SCALES | MOLECULAR,
                                                          backwards=False)]
            else:
                named = [x for x in a.within(m.end(), stop) if x.start == m.end()
                         and _SCORE_AFTER.match(a.text, x.end)]
                if named:
                    score = _SCORE_AFTER.match(a.text, named[0].end)
                    measures = [outcome_for_text(a.text[named[0].start:score.end()])]
                else:
                    measures = _open_measures(a.text, m.end(), stop)
            sign = f"{m.group('sign') or ''} {m.group('sign2') or ''}".lower()
            # "higher levels of X were linked to poor outcome": the level's direction signs it
            level = re.search(rf"\b(?:{LEVEL})\b",
                              a.text[clause.start:min(s.start for s in subjects)], re.I)
            if level and not sign.strip():
                sign = "positively" if level_sign(level.group()) > 0 else "negatively"
            pred = _signed(sign)
            for subj in subjects:
                for obj in measures:
                    if obj.id == subj.entity.id:
                        continue
                    out.append(statement(a, "biomarker.correlation-linked", subj.entity, pred,
                                         obj, negated=negated(a.text, clause.start, m.start()),
                                         hedged=hedged(a.text, clause.start, m.start()),
                                         context=level_context(a, clause.start, m.start())))
    return out


# "(EVs ...) some of which were associated with increased neuroinflammation, A and B"
_WITH_CHANGE = re.compile(r"\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:(?:\w+ly|also)\s+)*"
                          r"associated\s+with\s+(?:an?\s+|the\s+)?"
                          rf"(?P<dir>{LEVEL}|enhanced|exacerbated|impaired)\s+", re.I)
_STOP = re.compile(r"\s+(?:while|whereas|but|which|that)\b|[;(]|,\s*(?:while|whereas|but|which)\b",
                   re.I)
_ASSOCIATED_TERMS = frozenset({"BiologicalProcess", "Phenotype", "Outcome"})
_RELATIVE = re.compile(r"\b(?:some|many|most|several|one|all)\s+of\s+(?:which|them|these)\s*$|"
                       r"\b(?:which|that)\s*$", re.I)


def _changed_terms(a: Analysed, start: int, end: int) -> list[Entity]:
    """The coordinated terms of ``a.text[start:end]`` ('neuroinflammation, microvascular
    dysfunction, and neuronal cytotoxicity'): a recognised process, phenotype or outcome
    spanning a member, else its words (at most four, letters only) as an open outcome."""
    out: list[Entity] = []
    for part in re.split(r",\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+", a.text[start:end]):
        words = part.strip()
        if not words:
            continue
        p_start = a.text.index(words, start)
        whole = [x for x in a.within(p_start, p_start + len(words), _ASSOCIATED_TERMS)
                 if x.end == p_start + len(words)]
        if whole:
            out.append(whole[-1].entity)
        elif len(words.split()) <= 4 and re.fullmatch(r"[a-z][a-z -]*", words):
            out.append(outcome_for_text(words))
        else:
            break
    return out


_NEEDS_WITH_CHANGE = Needs(_WITH_CHANGE)


def associated_changes(a: Analysed, state: DocumentState) -> list[Statement]:
    """'(EVs / X) were associated with increased A, B and C' -> the vesicles or markers
    ``biolink:associated_with`` each term with the direction of its change; 'some of which'
    / 'which' stands for the vesicles or markers named before it. Not for a document's
    therapeutic preparation or a clause naming a treatment (an effect rule reads those)."""
    if not _NEEDS_WITH_CHANGE.may_match(a.text):  # no cue word: nothing to read
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in _WITH_CHANGE.finditer(a.text, clause.start, clause.end):
            relative = _RELATIVE.search(a.text, clause.start, m.start())
            at = relative.start() if relative else m.start()
            pool = [x for x in a.within(clause.start, at, MOLECULAR | VESICLES)
                    if at - x.end < (150 if relative else 40)]
            if not pool:
                continue
            subjects = coordinated(a, max(pool, key=lambda x: x.end), MOLECULAR | VESICLES,
                                   backwards=True)
            first = min(x.start for x in subjects)
            if names_treatment(a, first, at, tuple(subjects)) or any(
                    therapeutic(x.entity) or x.category == "Vesicle" and (
                        therapeutic(state.preparation) or state.treatment is not None)
                    for x in subjects):
                continue
            stop = _STOP.search(a.text, m.end(), clause.end)
            terms = _changed_terms(a, m.end(), stop.start() if stop else clause.end)
            up = level_sign(m.group("dir")) > 0
            for subj in subjects:
                for term in terms:
                    out.append(statement(a, "biomarker.level-associated", subj.entity,
                                         "biolink:associated_with", term,
                                         direction="increased" if up else "decreased",
                                         negated=negated(a.text, clause.start, m.start()),
                                         hedged=hedged(a.text, clause.start, m.start()),
                                         context=level_context(a, clause.start, m.start())))
    return out


# "Patients with higher exosomal X (levels) had larger infarcts / worse outcomes"
_LEVEL_GROUP = re.compile(r"\b(?:patients|those|individuals|participants|subjects|cases)\s+with\s+"
                          rf"(?P<lvl>{LEVEL})\s+", re.I)
_GROUP_HAD = re.compile(r"\s*(?:(?:levels?|concentrations?|expression)\s+)?(?:\([^()]*\)\s*)?,?\s*"
                        r"(?:had|showed|displayed|exhibited|presented)\s+(?:an?\s+)?(?:\w+ly\s+)?"
                        r"(?P<cmp>larger|greater|higher|more\s+severe|worse|more|longer|smaller|"
                        r"lower|less\s+severe|milder|better|fewer|shorter)\s+", re.I)
_CMP_UP = ("larger", "greater", "higher", "more severe", "worse", "more", "longer")
_MEASURE_WORDS = re.compile(r"(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*"
                            r"(?=\s*(?:[,;.()]|\s+(?:than|at|and|"
                            r"on|in|after|during|compared)\b|$))", re.I)


_NEEDS_LEVEL_GROUP = Needs(_LEVEL_GROUP)


def level_groups(a: Analysed) -> list[Statement]:
    """'Patients with higher X (and Y) had larger infarcts' -> each marker
    ``biolink:positively_correlated_with`` the measure (negatively when one of the two
    comparatives goes down: 'lower X ... larger', 'higher X ... smaller'); the measure is a
    recognised scale, outcome or phenotype right after the comparative, else its words as an
    open outcome."""
    if not _NEEDS_LEVEL_GROUP.may_match(a.text):  # no cue word: nothing to read
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in _LEVEL_GROUP.finditer(a.text, clause.start, clause.end):
            first = [x for x in a.within(m.end(), clause.end, MOLECULAR)
                     if re.fullmatch(r"(?:(?:serum|plasma|blood|circulating|exosomal|EV|CSF|"
                                     r"baseline|admission)\s+)*", a.text[m.end():x.start], re.I)]
            if not first:
                continue
            subjects = coordinated(a, first[0], MOLECULAR, backwards=False)
            last = max(subjects, key=lambda x: x.end)
            had = _GROUP_HAD.match(a.text, last.end, clause.end)
            if not had:
                continue
            named = [x for x in a.within(had.end(), clause.end, SCALES) if x.start == had.end()]
            if named:
                measure = named[0].entity
            else:
                words = _MEASURE_WORDS.match(a.text, had.end(), clause.end)
                if not words or a.within(had.end(), words.end()):
                    continue
                measure = outcome_for_text(words.group())
            up = level_sign(m.group("lvl")) > 0
            bigger = re.sub(r"\s+", " ", had.group("cmp").lower()) in _CMP_UP
            pred = ("biolink:positively_correlated_with" if up == bigger
                    else "biolink:negatively_correlated_with")
            for subj in subjects:
                out.append(statement(a, "biomarker.correlation-group", subj.entity, pred, measure,
                                     negated=negated(a.text, clause.start, had.start()),
                                     hedged=hedged(a.text, clause.start, had.start()),
                                     context=level_context(a, clause.start, had.start())))
    return out

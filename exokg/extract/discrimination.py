"""One reading of discrimination: a marker that tells a condition's group from the others.

Biomarker papers say that a marker tells groups apart in a few families of words, which this
module reads as one finding, X ``biolink:biomarker_for`` D:

* a discriminant: "X and Y were identified as discriminants between groups", "X emerged as
  the best discriminator of D", "discriminating markers between patients with D and
  controls";
* a ROC analysis: "ROC analysis showed high AUC values for X (0.96) and Y (0.97) in the D
  rats", "X yielded an AUC of 0.90 for D" (each value written right after its marker, or the
  one value of the clause, is kept in the statement's statistics as ``AUC 0.96``);
* a tool: "X as a diagnostic tool in D" (a title), "X are a promising diagnostic tool for D",
  "X as a screening test for D";
* an aid: "X might aid in the recognition of D", "X could help to identify D", "X may
  facilitate the early diagnosis of D".

Every member of a list of markers gets its statement. The condition is the disease the clause
names after the cue, else the one its group phrase names ("between patients with D and
controls"), else, for groups named without one ("between groups", "in the 10 min rats"), the
study's (:func:`~exokg.extract.level_markers.study_disease`). Markers are molecules and the
body's own vesicles, never a therapeutic preparation; a clause that names a treatment is left
to the effect rules. Only pairs no other rule of the sentence related are added.
"""

from __future__ import annotations

import re
from dataclasses import replace

from exokg.extract.base import Analysed, Clause, DocumentState, clauses, coordinated, \
    pairs_made, statement
from exokg.extract.context import context_for
from exokg.extract.epistemics import hedged, negated
from exokg.extract.level_comparisons import TREATED, group_phrases, named_marker
from exokg.extract.level_markers import MOLECULAR, VESICLES, level_context
from exokg.extract.marker_value import AUC_NOUN
from exokg.extract.outcome_levels import study_condition
from exokg.model import Entity, Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["discriminations"]

_MARKERS = MOLECULAR | VESICLES
_DISEASE = frozenset({"Disease"})
# "identified as discriminants between", "the best discriminator of", "discriminating markers"
_DISCRIMINANT = re.compile(r"\b(?:discriminants?|discriminators?|discriminating\s+(?:markers?|"
                           r"features?|factors?|variables?|antigens?|proteins?|miRNAs?))\b"
                           r"(?:\s+(?:between|of|for)\b)?", re.I)
# "ROC analysis showed high AUC values for", "an AUC of 0.90", "the area under the curve"
_AUC = re.compile(r"\b" + AUC_NOUN + r"\b", re.I)
_AUC_VALUE = re.compile(r"(?:AUCs?|AUROCs?|curves?)\b[^0-9;]{0,25}?(?P<v>0?[.·]\d{1,3}|1\.0+)\b",
                        re.I)
# between the cue and its first marker: "(values) for (serum)", "of 0.88 for", "of", nothing
_AUC_OF = re.compile(r"\s*(?:(?:values?|scores?)\s+)?(?:(?:of|=|:)\s*0?[.·]\d{1,3}\s+)?"
                     r"(?:(?:for|of|in)\s+)?(?:the\s+)?"
                     r"(?:(?:serum|plasma|blood|circulating|exosomal|urinary|CSF)\s+)*", re.I)
# a value in brackets right after a marker: "X (0.960)", "X (AUC = 0.96)"
_BRACKET_VALUE = re.compile(r"\s*\((?:AUC\s*[=:,]?\s*)?(?P<v>0?[.·]\d{1,3}|1\.0+)\b[^()]{0,30}\)",
                            re.I)
# "as a diagnostic tool in D", "a promising screening test for D"; a marker noun coordinated
# with another role before the disease: "as a possible biomarker and therapeutic target for D"
_TOOL = re.compile(r"\b(?:(?:diagnostic|screening|detection)\s+(?:tools?|tests?|instruments?|"
                   r"aids?|signatures?|panels?|assays?)|(?:(?:diagnostic|prognostic)\s+)?"
                   r"(?:bio)?markers?\s+and\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?targets?)"
                   r"\s+(?:in|for|of)\s+(?:the\s+)?(?:(?:early\s+|"
                   r"differential\s+)?(?:diagnosis|detection)\s+of\s+)?(?:(?:patients|"
                   r"subjects|individuals)\s+with\s+)?(?:(?:an?|the)\s+)?", re.I)
# "might aid in the recognition of D", "could help (to) identify D", "may facilitate the
# accurate early diagnosis and prognosis of D", "may be able to distinguish D", "can be used to
# identify patients with D": the diagnostic verb or noun with the disease right after
_AID = re.compile(r"\b(?:(?:aids?|aided|help(?:s|ed)?|assists?|facilitates?|improves?|"
                  r"contributes?)\s+(?:in\s+|to\s+)?|be\s+(?:able|used)\s+to\s+)(?:the\s+)?"
                  r"(?:(?:early|differential|rapid|accurate|timely)\s+){0,2}(?:recognition|"
                  r"diagnosis|detection|identification|diagnos(?:e|ing)|detect(?:ing)?|"
                  r"identify(?:ing)?|recogni[sz](?:e|ing)|distinguish(?:ing)?|"
                  r"discriminat(?:e|ing))\s+(?:and\s+(?:prognosis|monitoring|management)\s+)?"
                  r"(?:of\s+)?(?:the\s+)?(?:(?:patients|subjects|individuals|people)\s+with\s+)?"
                  r"(?:(?:an?|the)\s+)?", re.I)
# "to identify stroke mechanisms", "the diagnosis of stroke recovery": the disease modifies
# what is found, it is not what is diagnosed
_NOT_THE_DISEASE = re.compile(r"\s*(?:mechanisms?|pathways?|models?|recovery|treatments?|"
                              r"therap(?:y|ies)|research|targets?)\b", re.I)
# what links a marker to a tool noun before it: "X as a", "X are a promising", "X may be a"
_LINK = re.compile(r"(?:\s+[\w-]+){0,3}?\s*(?:\([^()]{1,20}\)\s*)?(?:,\s*)?\s+(?:as|is|are|was|"
                   r"were|(?:could|may|might|can|would)\s+(?:be|serve\s+as|represent)|"
                   r"represents?|serves?\s+as|provides?|offers?)\s+(?:an?\s+|the\s+)?"
                   r"(?:[\w-]+\s+){0,3}$", re.I)
# a list member after a value in brackets: "X (0.960) and Y (0.970)"
_AFTER_VALUE = re.compile(r"\s*\([^()]{1,40}\)\s*,?\s*(?:and\s+|or\s+)?", re.I)
_NEEDS = Needs(_DISCRIMINANT, _AUC, _TOOL, _AID)


def _listed(a: Analysed, first: Mention, end: int) -> list[Mention]:
    """``first`` and the markers listed after it, also across a value in brackets after each
    member ("X (0.960) and Y (0.970)")."""
    out: list[Mention] = []
    anchor: Mention | None = first
    while anchor is not None:
        group = [m for m in coordinated(a, anchor, _MARKERS, backwards=False, lenient=True)
                 if named_marker(m)]
        out += [m for m in group if m not in out]
        last = max(group or [anchor], key=lambda m: m.end)
        gap = _AFTER_VALUE.match(a.text, last.end, end)
        anchor = next((m for m in a.within(last.end, end, _MARKERS)
                       if gap and m.start == gap.end() and named_marker(m)), None)
    return out


def _before(a: Analysed, start: int, at: int, near: int = 120) -> list[Mention]:
    """The markers ending nearest before ``at`` in the clause, with their list."""
    pool = [m for m in a.within(start, at, _MARKERS) if named_marker(m) and at - m.end <= near]
    if not pool:
        return []
    last = max(pool, key=lambda m: m.end)
    return [m for m in coordinated(a, last, _MARKERS, backwards=True, lenient=True)
            if named_marker(m)]


def _condition(a: Analysed, state: DocumentState, clause: Clause, at: int,
               near: int = 60) -> Entity | None:
    """The disease named after ``at`` in the clause (within ``near`` characters), else the
    case group's condition, else the study's."""
    named = [d for d in a.within(at, clause.end, _DISEASE) if d.start - at <= near]
    if named:
        return named[0].entity
    cases = [g for g in group_phrases(a, clause) if not g.control and g.end > at]
    for g in cases:
        diseases = [m for m in g.conditions if m.category == "Disease"]
        if diseases:
            return diseases[0].entity
    # the study's condition, not a disease named inside a marker's name before the cue
    # ("melanoma-associated chondroitin sulfate proteoglycan")
    return study_condition(state)


def _auc_values(a: Analysed, cue: re.Match[str], markers: list[Mention],
                end: int) -> dict[str, str]:
    """Each marker's AUC as written: the value in brackets right after it, else the one
    value the clause gives after the cue."""
    out: dict[str, str] = {}
    for m in markers:
        value = _BRACKET_VALUE.match(a.text, m.end, end)
        if value:
            out[m.entity.id] = "AUC " + value.group("v")
    if not out:
        value = _AUC_VALUE.search(a.text, cue.start(), end)
        if value:
            out = {m.entity.id: "AUC " + value.group("v") for m in markers}
    return out


def _clause_readings(a: Analysed, state: DocumentState, clause: Clause
                     ) -> list[tuple[str, list[Mention], Entity, int, dict[str, str]]]:
    """(rule, markers, condition, cue end, AUC values) of each discrimination in ``clause``."""
    out = []
    for cue in _DISCRIMINANT.finditer(a.text, clause.start, clause.end):
        markers = _before(a, clause.start, cue.start())
        if not markers:  # "the best discriminators of D were X and Y"
            after = [m for m in a.within(cue.end(), clause.end, _MARKERS) if named_marker(m)]
            markers = _listed(a, after[0], clause.end) if after else []
        condition = _condition(a, state, clause, cue.end()) if markers else None
        if markers and condition is not None:
            out.append(("biomarker.informative-discriminant", markers, condition, cue.end(),
                        {}))
    for cue in _AUC.finditer(a.text, clause.start, clause.end):
        # "AUC values for X", "the AUC of serum X": the markers right after the cue
        after = [m for m in a.within(cue.end(), clause.end, _MARKERS) if named_marker(m)
                 and _AUC_OF.fullmatch(a.text, cue.end(), m.start)]
        markers = _listed(a, after[0], clause.end) if after else _before(a, clause.start,
                                                                           cue.start(), 80)
        if not markers:
            continue
        end = max(m.end for m in markers)
        condition = _condition(a, state, clause, max(end, cue.end()))
        if condition is not None:
            out.append(("biomarker.informative-roc", markers, condition, cue.end(),
                        _auc_values(a, cue, markers, clause.end)))
    for rule, pattern in (("biomarker.informative-tool", _TOOL),
                          ("biomarker.informative-aid", _AID)):
        for cue in pattern.finditer(a.text, clause.start, clause.end):
            named = [d for d in a.within(cue.end(), clause.end, _DISEASE)
                     if re.fullmatch(r"(?:[\w-]+\s+){0,2}", a.text[cue.end():d.start])
                     and not _NOT_THE_DISEASE.match(a.text, d.end)]
            if not named:
                continue
            pool = [m for m in a.within(clause.start, cue.start(), _MARKERS) if named_marker(m)]
            if rule.endswith("tool"):
                pool = [m for m in pool if _LINK.fullmatch(a.text, m.end, cue.start())]
            if not pool:
                continue
            last = max(pool, key=lambda m: m.end)
            markers = [m for m in coordinated(a, last, _MARKERS, backwards=True)
                       if named_marker(m)]
            out.append((rule, markers, named[0].entity, cue.end(), {}))
    return out


def discriminations(a: Analysed, state: DocumentState,
                    found: list[Statement]) -> list[Statement]:
    """The discrimination findings of sentence ``a`` (module docs) whose pair no
    ``biolink:biomarker_for`` statement of ``found`` relates."""
    if not _NEEDS.may_match(a.text) or not any(m.category in _MARKERS and named_marker(m)
                                                for m in a.mentions):
        return []
    made = pairs_made(found, predicate="biolink:biomarker_for")
    out: list[Statement] = []
    for clause in clauses(a.text):
        if TREATED.search(a.text, clause.start, clause.end):
            continue
        for rule, markers, condition, at, values in _clause_readings(a, state, clause):
            for m in markers:
                if (m.entity.id, condition.id) in made or m.entity.id == condition.id:
                    continue
                made.add((m.entity.id, condition.id))
                # the people or animals the clause names; none: the study's
                context = replace(level_context(a, clause.start, at),
                                  species=context_for(a, clause).species)
                if m.entity.id in values:
                    context = replace(context, statistics=(values[m.entity.id],
                                                           *context.statistics))
                out.append(statement(a, rule, m.entity, "biolink:biomarker_for", condition,
                                     hedged=hedged(a.text, clause.start, at),
                                     negated=negated(a.text, clause.start, at),
                                     context=context))
    return out

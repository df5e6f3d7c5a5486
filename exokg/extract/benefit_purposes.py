"""Benefit named as a purpose: what a treatment is *for*, with the disease inside the purpose
phrase (round 12c).

``biolink:beneficial_in_models_for`` the disease when a treatment is named as the means of
improving something in it:

* a title "X for enhancing / promoting / improving Y after / in / of D" ("Exosome-loaded
  hydrogel for enhancing neurological recovery after spinal cord injury"): the paper's claim,
  not hedged (the effect on Y is the effect rule's);
* "X offer(s) / provide(s) / represent(s) a promising avenue / strategy / approach for
  enhancing the repair of D", "X suggest a promising (exosome-based) strategy for
  (anti-ferroptosis) therapy in D", "X is a novel approach for treating D": hedged when the
  means is named promising, potential or an alternative, or by the clause's cues. A pair
  another rule already related in the sentence is not related again.

The disease must stand in the purpose phrase: right after "after / following / in / of /
from" that ends it, or as the first word of what is improved ("to foster SCI rehabilitation":
a disease followed by a recovery word). A purpose of diagnosis or prediction ("a promising
approach for improving the diagnosis of D") is no benefit, a disease named as a cause
("stroke-induced") is not the disease treated, and sentences about patients or trials are
left to the trial rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exokg.extract.base import AGENTS, Analysed, Clause, DocumentState, clauses, pairs_made
from exokg.extract.benefit_statements import BENEFIT, benefit_statements
from exokg.extract.context import context_for
from exokg.extract.epistemics import hedged, negated
from exokg.extract.review_benefits import PATIENT_WORK
from exokg.extract.status import is_title
from exokg.extract.titles import agents_before
from exokg.model import Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["FINDING_PURPOSE", "extract_benefit_purposes"]

_IMPROVE = (r"(?:enhanc|promot|improv|facilitat|accelerat|foster|boost|support|augment|"
            r"restor|strengthen)(?:e|es|ed|ing)?")
# the purpose: an improvement with what is improved (at most six words) and the preposition
# that introduces the disease, or a therapy / treatment of the disease; it ends right before
# the disease (a disease right after the improvement word is _disease_of_purpose's other case)
_PURPOSE = re.compile(r"(?:the\s+)?(?:" + _IMPROVE + r"\s+(?:[\w/-]+\s+){0,6}?"
                      r"(?:after|following|in|of|from|post)\s+(?:the\s+|an?\s+)?"
                      r"|(?:[\w-]+\s+)?(?:therapy|therapies|treatment|management|repair|"
                      r"protection|neuroprotection)\s+(?:in|of|for|after|following|against)\s+"
                      r"(?:the\s+|an?\s+)?(?:(?:experimental|acute|chronic)\s+)?"
                      r"|(?:treating|repairing|protecting\s+against)\s+(?:the\s+|an?\s+)?)", re.I)
# a title "X for enhancing ...": the agents right before "for"
_TITLE_FOR = re.compile(r"\s+for\s+(?=(?:the\s+)?" + _IMPROVE + r"\b)", re.I)
# "offer a promising avenue for", "suggested a promising exosome-based strategy for", "is a
# novel approach to"
_MEANS = re.compile(r"\b(?:offers?|offered|provides?|provided|represents?|represented|"
                    r"suggests?|suggested|presents?|presented|opens?|opened|constitutes?|"
                    r"(?:is|are|was|were|be)(?:\s+therefore)?)\s+(?:an?\s+|the\s+)?"
                    r"(?:(?:promising|potential|novel|new|effective|feasible|attractive|"
                    r"valuable|viable|powerful|useful|innovative|alternative|safe)\s+"
                    r"(?:and\s+)?)+(?:[\w-]+-based\s+)?(?:therapeutic\s+)?(?:avenues?|"
                    r"strateg(?:y|ies)|approach(?:es)?|ways?|options?|means|tools?|routes?|"
                    r"paths?|platforms?|directions?)\s+(?:for|to)\s+", re.I)
_TENTATIVE = re.compile(r"\b(?:promising|potential|alternative)\b", re.I)
_NEEDS_TITLE = Needs(_TITLE_FOR)
_NEEDS_MEANS = Needs(_MEANS)
# a purpose of finding the disease, not of treating it ("an approach for the detection of D")
FINDING_PURPOSE = re.compile(r"\b(?:diagnos\w*|detect\w*|predict\w*|prognos\w*|markers?|"
                           r"biomarkers?|identif\w*|imaging|screening|monitoring)\b", re.I)
# "stroke-induced", "TBI-related": the disease is a cause, not the disease treated
_CAUSE = re.compile(r"\s*-\s*(?:induced|evoked|related|associated|mediated|triggered)\b", re.I)
# "to foster SCI rehabilitation": the disease before a recovery word inside the purpose
_RECOVERY_AFTER = re.compile(r"\s+(?:rehabilitation|recovery|repair|regeneration|outcomes?)\b",
                             re.I)
_CONDITIONS = frozenset({"Disease"})


def _disease_of_purpose(a: Analysed, at: int, end: int) -> Mention | None:
    """The disease the purpose phrase starting at ``at`` ends with (module docs), or None."""
    for d in a.within(at, end, _CONDITIONS):
        gap = a.text[at:d.start]
        if FINDING_PURPOSE.search(gap) or _CAUSE.match(a.text, d.end):
            return None
        if _PURPOSE.fullmatch(gap):
            return d
        if re.fullmatch(r"(?:the\s+)?" + _IMPROVE + r"\s+(?:the\s+)?", gap, re.I) and \
                _RECOVERY_AFTER.match(a.text, d.end):
            return d
    return None


def extract_benefit_purposes(a: Analysed, state: DocumentState,
                             already: Sequence[Statement] = ()) -> list[Statement]:
    """Benefit statements of the purpose wordings in the module docs; an agent and disease
    ``already`` related by another rule of the sentence are not related again."""
    title = is_title(a.document, a) and _NEEDS_TITLE.may_match(a.text)
    if not (title or _NEEDS_MEANS.may_match(a.text)) or PATIENT_WORK.search(a.text):
        return []
    # one benefit per pair: another rule's reading of the sentence (hedged or not) stands
    made = pairs_made(already, predicate=BENEFIT)
    found: list[tuple[list[Mention], Mention, int, Clause, bool]] = []
    if title:
        for m in _TITLE_FOR.finditer(a.text):
            before = [x for x in a.within(0, m.start(), AGENTS) if x.end == m.start()]
            disease = _disease_of_purpose(a, m.end(), len(a.text))
            if before and disease is not None:
                found.append((agents_before(a, 0, m.start()), disease, m.start(),
                              Clause(0, len(a.text)), False))
    for clause in clauses(a.text):
        for m in _MEANS.finditer(a.text, clause.start, clause.end):
            agents = agents_before(a, clause.start, m.start())
            disease = _disease_of_purpose(a, m.end(), clause.end)
            if agents and disease is not None:
                found.append((agents, disease, m.start(), clause,
                              bool(_TENTATIVE.search(m.group()))))
    out: list[Statement] = []
    for agents, disease, cue, clause, tentative in found:
        out += benefit_statements(a, "benefit.purpose", [x.entity for x in agents],
                                  [disease.entity], made,
                                  hedged=tentative or hedged(a.text, clause.start, cue),
                                  negated=negated(a.text, clause.start, cue),
                                  context=context_for(a, clause))
    return out

"""Negated findings said as an absence: what a treatment did not change, written without a
verb of change whose subject is the treatment.

* "No (obvious) adverse effects or complications were detected", "there was no toxicity",
  "without any adverse events" -> the study's treatment ``biolink:affects`` each named
  outcome, negated;
* "No significant differences were observed in lesion volume between the placebo and
  treatment groups", "lesion volume did not differ between groups" -> the treatment
  affects lesion volume, negated;
* "(tests) revealed / showed no (significant) improvement / change / reduction in motor
  performance" -> the treatment affects motor performance, negated; "there was no change in
  caspase-3 expression after X" -> X affects caspase-3, negated.

The claims carry no direction: an absence of change, or of harm, has none. No difference
between two treatments ("between the MSC and the EV groups") says nothing of either's
effect and gives nothing. The subject is
the agent the sentence names ("in the EV group"), else the treatment the document last
gives (:func:`note_treatment`), or the one it last spoke of (the subject of its last
effect, its last preparation or vesicle). A sentence
that compares patients with controls or names no treatment, in a document that has named
no treatment, gives nothing (an absence of a difference between patient groups is a
biomarker statement, not this one).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exokg.extract.base import AGENTS, EFFECT_OBJECTS, Analysed, DocumentState, clauses, \
    statement
from exokg.extract.context import context_for
from exokg.extract.epistemics import hedged
from exokg.extract.outcomes import outcome_for_text
from exokg.model import Entity, Mention, Statement
from exokg.text.prefilter import Needs

_QUALIFIER = r"(?:(?:obvious|significant|serious|major|apparent|notable|marked|severe|any|" \
             r"statistically\s+significant|clear|detectable|measurable|relevant)\s+)*"
_SEEN = r"(?:detected|observed|noticed|found|seen|noted|reported|recorded|identified|" \
        r"evident|present|documented|encountered)"
# harms a treatment is said not to have caused
_HARM = re.compile(r"^(?:(?:(?:serious|severe|major|unexpected|unwanted|undesirable|"
                   r"treatment-related|drug-related)\s+)?(?:adverse|side|toxic|off-target|"
                   r"immune|allergic|infusion)[\s-]+(?:effects?|events?|reactions?)|"
                   r"complications?|"
                   r"(?:[\w-]+\s+)?toxicit(?:y|ies)|cytotoxicity|mortality|deaths?|"
                   r"tumou?r(?:\s+formation|igenicity)?s?|side[-\s]effects?|"
                   r"(?:[\w-]+\s+)?(?:rejection|infections?|bleeding|abnormalit(?:y|ies)))$",
                   re.I)
# "No adverse effects or complications were detected", "No obvious cell toxicity was noticed"
_NONE_SEEN = re.compile(r"\b(?:no|nor)\s+" + _QUALIFIER + r"(?P<np>[\w\s,-]{3,80}?)\s+"
                        r"(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?"
                        + _SEEN + r"\b", re.I)
# "there was / were no adverse events", "without any adverse effects"
_THERE_NONE = re.compile(r"\b(?:there\s+(?:was|were|is|are)\s+no|without)\s+" + _QUALIFIER
                         + r"(?P<np>[\w\s-]{3,60}?)(?=\s*(?:[,;.)]|$|\b(?:in|during|after|"
                         r"at|for|were|was|related|associated|attributable)\b))", re.I)
# "No significant difference(s) (was / were observed) in Y between ...", "did not differ"
_NO_DIFFERENCE = re.compile(r"\bno\s+" + _QUALIFIER + r"differences?\s+(?:(?:was|were)\s+"
                            r"(?:\w+ly\s+)?" + _SEEN + r"\s+)?(?:in|of)\s+(?P<np>.{3,80}?)\s+"
                            r"between\b", re.I)
_DID_NOT_DIFFER = re.compile(r"(?P<np>\b[\w\s-]{3,60}?)\s+(?:did|does|do)\s+not\s+"
                             r"(?:\w+ly\s+)?differ\b(?=[^.;]*\bgroups?\b)", re.I)
# "revealed no improvement in motor performance", "showed no significant reduction of Y"
_NO_CHANGE = re.compile(r"\b(?:revealed?|reveals|showed|shows|show|demonstrated?|found|"
                        r"produced|yielded|resulted\s+in|had|has|have|with|observed|saw|"
                        # "there was no change in caspase-3 expression after X" (not "there
                        # were no differences in ... among groups": a comparison of groups)
                        r"there\s+(?:was|were|is|are)(?=\s+no\s+" + _QUALIFIER +
                        r"(?!differences?\b)))\s+"
                        r"no\s+" + _QUALIFIER + r"(?:improvements?|changes?|effects?|"
                        r"benefits?|reductions?|increases?|decreases?|differences?|"
                        r"alterations?|amelioration|attenuation)\s+(?:in|of|on)\s+(?:the\s+)?"
                        r"(?P<np>.{3,80}?)(?=\s*(?:[,;.()]|$|\b(?:in|at|after|between|"
                        r"compared|following|versus|vs|among|across|when|from|over)\b))",
                        re.I)
_TREATMENT = re.compile(r"\b(?:treat(?:ed|ment)|therap(?:y|ies)|transplant\w*|administ\w*|"
                        r"inject\w*|infus\w*|placebo|vehicle|graft\w*|received?|given|dose[sd]?|"
                        r"EVs?|exosom\w*|vesicles?|MSCs?|cells?)\b", re.I)
_PATIENT_GROUPS = re.compile(r"\b(?:controls?|healthy|patients?\s+(?:with|and)|subjects?|"
                             r"participants?|cases?)\b", re.I)
_SPLIT = re.compile(r"\s*(?:,\s*(?:and|or)?|\band\b|\bor\b|\bnor\b)\s*", re.I)


# "received / were treated with / transplantation of X": X is what the study gives
_GIVEN = re.compile(r"\b(?:received|receiving|treated\s+with|(?:transplantation|administration|"
                    r"injection|infusion|delivery|implantation|grafting)\s+of|administered|"
                    r"injected|infused|transplanted|given)\s+(?:\w+\s+){0,3}$", re.I)
_MAY_GIVEN = Needs(_GIVEN)  # its keyword guard


def note_treatment(a: Analysed, state: DocumentState) -> None:
    """Remember the study's treatment: the first agent a sentence names as given ("All
    patients received autologous BM-MSCs", "the intraventricular transplantation of
    MSCs"); the first such sentence sets it."""
    if state.treatment is not None:
        return
    if not _MAY_GIVEN.may_match(a.text):
        return
    for m in a.within(0, len(a.text), AGENTS):
        if _GIVEN.search(a.text, max(0, m.start - 60), m.start):
            state.treatment = m.entity
            return


def _study_treatment(a: Analysed, state: DocumentState, start: int, end: int
                     ) -> list[Entity]:
    """The treatment an absence is said of: an agent named in ``a.text[start:end]`` ("in
    the EV group"), else the document's last subject, preparation or vesicle."""
    named = a.within(start, end, AGENTS)
    if named:
        return [named[0].entity]
    if state.treatment:
        return [state.treatment]
    if state.subject:
        return list(state.subject)
    thing = state.preparation or state.vesicle
    return [thing] if thing else []


def _outcomes(a: Analysed, start: int, end: int, *, harms_only: bool) -> list[Entity]:
    """What a noun phrase at ``a.text[start:end]`` names: the recognised outcomes in it, or
    else each coordinated part as an open outcome ("adverse effects or complications"). With
    ``harms_only`` only the parts that name a harm (:data:`_HARM`) count."""
    recognised: list[Mention] = [m for m in a.within(start, end, EFFECT_OBJECTS - {"Disease"})]
    if recognised and not harms_only:
        return [m.entity for m in recognised]
    out = []
    for part in _SPLIT.split(a.text[start:end].strip()):
        part = re.sub(r"^(?:the|any|obvious|significant|serious)\s+", "", part.strip(), flags=re.I)
        if not part or (harms_only and not _HARM.match(part)):
            continue
        out.append(outcome_for_text(part))
    return out


_NEEDS_EXTRACT_ABSENCES = Needs(_NONE_SEEN, _THERE_NONE, _NO_DIFFERENCE, _DID_NOT_DIFFER,
                                _NO_CHANGE)
#: the patterns read in a loop of their own, each with its keyword guard
_EACH_GUARDED = tuple((p, Needs(p)) for p in (_NO_DIFFERENCE, _DID_NOT_DIFFER, _NO_CHANGE))


def extract_absences(a: Analysed, state: DocumentState, already: Sequence[Statement] = ()
                     ) -> list[Statement]:
    """Negated effect statements of the absence phrasings (see the module docs); a subject
    and object that ``already`` (the sentence's statements from other rules) relate are
    left to them."""
    if not _NEEDS_EXTRACT_ABSENCES.may_match(a.text):
        return []
    out: list[Statement] = []
    made = {(s.subject.id, s.object.id if isinstance(s.object, Entity) else "")
            for s in already}
    for clause in clauses(a.text):
        spans: list[tuple[int, int, int, bool]] = []  # (cue start, np start, np end, harms)
        for pattern, harms in ((_NONE_SEEN, True), (_THERE_NONE, True)):
            for m in pattern.finditer(a.text, clause.start, clause.end):
                spans.append((m.start(), m.start("np"), m.end("np"), harms))
        for pattern, guard in _EACH_GUARDED:
            if not guard.may_match(a.text):
                continue
            for m in pattern.finditer(a.text, clause.start, clause.end):
                spans.append((m.start(), m.start("np"), m.end("np"), False))
        if not spans:
            continue
        treated = _TREATMENT.search(a.text, clause.start, clause.end)
        ctx = context_for(a, clause)
        for cue, start, end, harms in spans:
            if not harms and (not treated or (_PATIENT_GROUPS.search(a.text, cue, clause.end)
                                              and not state.preclinical)):
                continue  # no treatment compared: a biomarker or cohort statement
            if not harms and len({x.entity.id for x in a.within(end, clause.end, AGENTS)}) > 1:
                continue  # "no difference in Y between the MSC and the EV groups": a draw
            subjects = _study_treatment(a, state, end, clause.end)
            outcomes = _outcomes(a, start, end, harms_only=harms)
            for subject in subjects:
                for outcome in outcomes:
                    if outcome.id == subject.id or (subject.id, outcome.id) in made:
                        continue
                    made.add((subject.id, outcome.id))
                    out.append(statement(a, "effect.absent", subject, "biolink:affects",
                                         outcome, negated=True,
                                         hedged=hedged(a.text, clause.start, cue),
                                         context=ctx))
    return out

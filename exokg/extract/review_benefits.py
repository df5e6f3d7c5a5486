"""Benefit in the wording of reviews and conclusions, where a treatment is named as promising
for a disease without a verb of change (issue 9, kinds 6 and 8).

:func:`exokg.extract.claims.extract_therapy_for` reads "X as a therapy for D" and "X have
potential in the treatment of D"; the wordings read here put more words between the promise
and the disease, or name the treatment after the disease:

* promise for a use in a disease: "X hold great potential for (future) clinical translation
  in D (management)", "X have emerged as promising candidates for therapeutic interventions in
  D", "X show considerable promise for clinical application in D", "X has a promising /
  potential / beneficial role in (the treatment of / treating) D", "X has a promising role
  in enhancing Y and reducing Z after (chronic) D" (the disease that ends the clause) -> X
  ``biolink:beneficial_in_models_for`` D, hedged (a potential or a promise is not a result);
* a list of treatments for a disease ("the optimal strategies for the treatment of D include X
  and Y") is read by the one list reader, :mod:`exokg.extract.inclusion_lists`.

* prognosis: "X can improve the (long-term) prognosis / outcome(s) of D" -> X
  ``biolink:beneficial_in_models_for`` D (hedged by the clause's cues); the prognosis of a
  disease is no outcome of its own, so the effect on an open outcome "prognosis of D" that
  the effect rule reads is dropped (:func:`without_prognosis_effects`);
* a means of treating: "X are (therefore) effective delivery systems / vehicles / platforms
  for (targeted) treatment of D", "X may serve as a potential (multifunctional) therapy
  modality for (various diseases including) D" -> benefit, hedged when the means is named
  "potential" / "promising" or by the clause's cues;
* a title "X Improves (Neurological) Outcomes after D (by ...)" (the outcome as a whole, then
  the disease the title ends with, or a means after it) -> benefit, as the paper's main
  claim ("X Improves Motor Activity after D" is an effect on one measure, read by the effect
  rule, not a benefit).

Not in sentences about patients or trials (a therapy tested in people is a trial's claim, see
:mod:`exokg.extract.trial_reports`), and a disease named as the cause of something
("stroke-induced") or followed by an outcome word ("stroke recovery") is no disease treated.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exokg.extract.base import AGENTS, VESICLES, Analysed, DocumentState, claim_key, clauses, \
    coordinated
from exokg.extract.benefit_statements import benefit_statements
from exokg.extract.context import context_for
from exokg.extract.epistemics import hedged, negated
from exokg.extract.status import is_title
from exokg.model import Entity, Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["DEVICE_AFTER", "PATIENT_WORK", "extract_review_benefits",
           "without_prognosis_effects"]

# "hold great potential for future clinical translation in", "have emerged as promising
# candidates for therapeutic interventions in", "has a promising role in the treatment of"
_PROMISE = re.compile(
    r"\b(?:(?:great|considerable|substantial|significant|enormous|tremendous|huge|high|"
    r"strong|much|real|clear)\s+)?(?:therapeutic\s+|clinical\s+|translational\s+)?"
    r"(?:potential|promise|candidates?|roles?)\s+"
    r"(?:(?:as\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:therap\w+|treatments?|agents?|tools?)\s+)?"
    r"(?:for|in)\s+(?:the\s+)?(?:(?:future|further|eventual)\s+)?(?:clinical\s+|therapeutic\s+)?"
    r"(?:translation|application|applications|use|interventions?|treatment|therapy|"
    r"management)\s+(?:in|for|of)\s+(?:the\s+)?(?:treatment\s+of\s+|management\s+of\s+)?"
    r"|in\s+(?:the\s+)?(?:treatment\s+of\s+|treating\s+|management\s+of\s+)?)", re.I)
# what makes a potential, a candidate or a role a promise of benefit: a role must be named
# as one of benefit ("a key role in D" is a part in the disease, not a treatment of it)
_PROMISING = re.compile(r"\b(?:potential|promise)\b|\b(?:promising|potential|attractive|ideal|"
                        r"novel|therapeutic|suitable|good)\s+(?:therapeutic\s+)?candidates?\b|"
                        r"\b(?:promising|beneficial|protective|neuroprotective|therapeutic|"
                        r"reparative|restorative|curative)\s+(?:therapeutic\s+)?roles?\b", re.I)
# a role or candidacy of something else: "a role in the pathogenesis of D" is no benefit
_NOT_BENEFIT = re.compile(r"\b(?:pathogen\w*|progression|development|onset|aetiology|etiology|"
                          r"diagnos\w*|prognos\w*|detection|biomarkers?|markers?|risk)\b",
                          re.I)
#: a sentence about patients or trials: a therapy tested in people is a trial's claim
#: (:mod:`exokg.extract.trials`), no benefit in models (this module, claims, benefit purposes)
PATIENT_WORK = re.compile(r"\b(?:patients?|participants?|trials?|volunteers?)\b", re.I)
_CONDITIONS = frozenset({"Disease", "Phenotype"})
_INJURY = re.compile(r"injur|damage|trauma", re.I)
# "stroke-induced Y", "stroke recovery", "TBI patients": the disease is not what is treated
_NOT_TREATED = re.compile(r"\s*-\s*(?:induced|evoked|related|associated|mediated|triggered)\b|"
                          r"\s*(?:recovery|outcomes?|rehabilitation|survivors?|patients?)\b",
                          re.I)
# "can improve the (long-term) prognosis of D", "improves the outcomes of D"
_PROGNOSIS = re.compile(r"\b(?:improv(?:e|es|ed|ing)|better(?:s|ed|ing)?|ameliorat(?:e|es|ed|ing)|"
                        r"enhanc(?:e|es|ed|ing))\s+(?:the\s+)?(?:(?:long-term|overall|clinical|"
                        r"functional|neurological|poor)\s+)?(?:prognos[ie]s\s+(?:of|in|after|"
                        r"following|from)|outcomes?\s+(?:of|in))\s+(?:the\s+)?", re.I)
# "are effective delivery systems for targeted treatment of D", "may serve as a potential
# multifunctional therapy modality for various disease treatments including D"
_MEANS = re.compile(
    r"\b(?:(?P<may>potential|promising|prospective|candidate)\s+|(?:effective|efficient|ideal|"
    r"suitable|attractive|excellent|safe|novel|good|powerful|versatile)\s+)(?:[\w-]+\s+){0,2}?"
    r"(?:(?:delivery\s+)?(?:systems?|vehicles?|carriers?|platforms?|vectors?|tools?)|"
    r"(?:therap(?:y|ies|eutic)|treatment)\s+(?:modalit(?:y|ies)|options?|strateg(?:y|ies)|"
    r"approach(?:es)?|agents?|tools?))\s+(?:for|in|against)\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+){0,3}?(?:including|such\s+as)\s+)?"
    r"(?:(?:targeted|effective|clinical|future)\s+)?(?:(?:treatment|therapy|management|repair)"
    r"\s+(?:of|for|in)\s+)?(?:the\s+)?", re.I)
# a title's verb of benefit: "X Improves Neurological Outcomes after D (by ...)"
# (the outcome as a whole, not one measure of it: "Y Improves Motor Activity after D" is an
# effect on the measure, which the effect rule reads)
_TITLE_BENEFIT = re.compile(r"\b(?:improves?|improved|enhances?|betters?|ameliorates?)\s+"
                            r"(?:the\s+)?(?:(?:neurological|neurologic|functional|clinical|"
                            r"long-term|overall|behaviou?ral)\s+)?(?:outcomes?|prognosis)\s+",
                            re.I)
_AFTER = re.compile(r"\b(?:after|following|in|post)\s+(?:the\s+)?(?:an?\s+)?(?:(?:rats?|mice|"
                    r"mouse|rodents?|animals?)\s+(?:with\s+)?|(?:experimental|acute|chronic|"
                    r"subacute|severe|mild|moderate|traumatic|complete|ischemic|ischaemic)\s+)*$",
                    re.I)
_NEEDS_REVIEW_BENEFIT = Needs(_PROMISE, _PROGNOSIS, _MEANS, _TITLE_BENEFIT)


def _diseases(a: Analysed, start: int, end: int, *, words: int = 3) -> list[Mention]:
    """The disease or injury that opens ``a.text[start:end]`` after at most ``words`` words,
    with the diseases coordinated with it."""
    for d in a.within(start, end, _CONDITIONS):
        if not re.fullmatch(r"(?:[\w-]+\s+){0,%d}" % words, a.text[start:d.start]):
            return []
        if d.category != "Disease" and not _INJURY.search(d.entity.label):
            continue
        if _NOT_TREATED.match(a.text, d.end):
            return []
        return [x for x in coordinated(a, d, _CONDITIONS, backwards=False)
                if x.category == "Disease" or _INJURY.search(x.entity.label)]
    return []


# "a promising role in enhancing X ... after (chronic) D": what the treatment does, in D
_GERUND = re.compile(r"(?:promot|enhanc|improv|reduc|restor|protect|attenuat|alleviat|"
                     r"ameliorat|facilitat|support|accelerat|suppress|inhibit|prevent|"
                     r"modulat|stimulat|treat|repair|rescu)\w*ing\b", re.I)
_SETTING = re.compile(r"\b(?:after|following|post|in)\s+(?:the\s+)?(?:(?:acute|chronic|subacute|"
                      r"experimental|severe|mild|moderate|traumatic)\s+)?$", re.I)


# what may follow the disease that ends the clause: the means or route ("especially by
# intra-lesion injection", "via intranasal delivery", "in rats")
_SETTING_END = re.compile(r"\s*(?:[.,;)]\s*)?(?:$|(?:(?:especially|particularly|mainly|notably|"
                          r"possibly|probably)\s+)?(?:by|via|through|when|using|with|in\s+(?:rats|"
                          r"mice|animals|rodents|models?))\b)", re.I)


def _setting(a: Analysed, start: int, end: int) -> list[Mention]:
    """The disease a role of benefit is played in, when the role is a gerund phrase ("a
    promising role in enhancing X and reducing Y after (chronic) D"): the disease that ends
    the clause after "after / following / in"; else nothing."""
    if not _GERUND.match(a.text, start):
        return []
    found = [d for d in a.within(start, end, _CONDITIONS)
             if (d.category == "Disease" or _INJURY.search(d.entity.label))
             and _SETTING.search(a.text, max(start, d.start - 40), d.start)
             and _SETTING_END.match(a.text, d.end, end)]
    return found[-1:]


# "the exosomes-collagen scaffold", "an EV-loaded hydrogel": the vesicles are a part of a
# device, which is the subject (not the vesicles)
DEVICE_AFTER = re.compile(r"\s*-?\s*(?:[\w-]+\s+)?(?:scaffolds?|hydrogels?|matri(?:x|ces)|"
                           r"patch(?:es)?|composites?|conduits?|sponges?|membranes?|"
                           r"microspheres?|implants?)\b", re.I)


def _own_agents(a: Analysed, start: int, at: int) -> list[Mention]:
    """:func:`_agents_before`, or nothing when the last agent is a part of a device named
    right after it ("the exosomes-collagen scaffold may serve as ...")."""
    agents = _agents_before(a, start, at)
    if agents and DEVICE_AFTER.match(a.text, agents[-1].end, at):
        return []
    return agents


def _agents_before(a: Analysed, start: int, at: int) -> list[Mention]:
    """The subject of a promise at ``at``: the vesicles of the clause if any (the source
    cells of "exosomes from MSCs" are not the subject), else its last agent, with the agents
    coordinated with it."""
    agents = a.within(start, at, AGENTS)
    if not agents:
        return []
    vesicles = [x for x in agents if x.category in VESICLES]
    return coordinated(a, (vesicles or agents)[-1], AGENTS, backwards=True)


def extract_review_benefits(a: Analysed, state: DocumentState,
                            already: Sequence[Statement] = ()) -> list[Statement]:
    """Benefit statements of the review and conclusion wordings in the module docs; a claim
    ``already`` made of the sentence is not made twice."""
    del state
    if not _NEEDS_REVIEW_BENEFIT.may_match(a.text):
        return []
    categories = {m.category for m in a.mentions}
    if categories.isdisjoint(AGENTS) or categories.isdisjoint(_CONDITIONS) \
            or PATIENT_WORK.search(a.text):
        return []
    made = {claim_key(s) for s in already}
    out: list[Statement] = []

    def add(rule: str, agents: list[Mention], diseases: list[Mention], cue: int,
            clause_start: int, *, hedge: bool) -> None:
        out.extend(benefit_statements(a, rule, [x.entity for x in agents],
                                      [d.entity for d in diseases], made, hedged=hedge,
                                      negated=negated(a.text, clause_start, cue),
                                      context=context_for(a, clause), key=claim_key))

    title = is_title(a.document, a)
    for clause in clauses(a.text):
        for m in _PROGNOSIS.finditer(a.text, clause.start, clause.end):
            diseases = _diseases(a, m.end(), clause.end, words=0)
            agents = _own_agents(a, clause.start, m.start())
            if diseases and agents:
                add("benefit.prognosis", agents, diseases, m.start(), clause.start,
                    hedge=hedged(a.text, clause.start, m.start()))
        for m in _MEANS.finditer(a.text, clause.start, clause.end):
            diseases = _diseases(a, m.end(), clause.end, words=1)
            agents = _own_agents(a, clause.start, m.start())
            if diseases and agents and not _NOT_BENEFIT.search(a.text, m.start(), m.end()):
                add("benefit.means", agents, diseases, m.start(), clause.start,
                    hedge=bool(m.group("may")) or hedged(a.text, clause.start, m.start()))
        for m in (_TITLE_BENEFIT.finditer(a.text, clause.start, clause.end) if title else ()):
            agents = _own_agents(a, clause.start, m.start())
            if not agents or agents[-1].end < m.start() - 40:
                continue  # the verb's subject ends right before it
            setting = [d for d in a.within(m.end(), clause.end, _CONDITIONS)
                       if (d.category == "Disease" or _INJURY.search(d.entity.label))
                       and _AFTER.search(a.text, max(m.end(), d.start - 60), d.start)
                       and _SETTING_END.match(a.text, d.end, clause.end)][:1]
            if setting and a.text[m.end():setting[0].start].count(" ") <= 8:
                add("benefit.title-verb", agents, coordinated(a, setting[0], _CONDITIONS,
                                                              backwards=False),
                    m.start(), clause.start, hedge=hedged(a.text, clause.start, m.start()))
            break  # the title's first verb of benefit is its claim
        for m in _PROMISE.finditer(a.text, clause.start, clause.end):
            if not _PROMISING.search(a.text, max(clause.start, m.start() - 30), m.end()) or \
                    _NOT_BENEFIT.search(a.text, m.start(), m.end()):
                continue
            diseases = _diseases(a, m.end(), clause.end) or _setting(a, m.end(), clause.end)
            agents = _agents_before(a, clause.start, m.start())
            if diseases and agents and not _NOT_BENEFIT.search(a.text, m.end(),
                                                               diseases[0].start):
                add("benefit.review-promise", agents, diseases, m.start(), clause.start,
                    hedge=True)
    return out


# an open outcome that is the prognosis or outcome of a disease: "prognosis of ICH"
_PROGNOSIS_OF = re.compile(r"^(?:the\s+)?(?:(?:long-term|overall|clinical|functional|poor)\s+)?"
                           r"(?:prognos[ie]s|outcomes?)\b", re.I)


def without_prognosis_effects(found: list[Statement]) -> list[Statement]:
    """``found`` without the effects on an open outcome "prognosis / outcome of D" when the
    sentence's benefit rule read the same words as a benefit in D (the prognosis of a
    disease is no outcome of its own)."""
    if not any(s.evidence[0].rule == "benefit.prognosis" for s in found):
        return found
    return [s for s in found if not (
        s.predicate == "biolink:affects" and isinstance(s.object, Entity)
        and s.object.id.startswith("exokg:outcome/") and _PROGNOSIS_OF.match(s.object.label))]

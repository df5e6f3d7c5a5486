"""A review's statement of its scope, and a nominal title, that name a treatment of a disease.

A review says what it covers rather than what it found: "we summarize the effect and
mechanism by which X repair D", "This paper reviews the current research status of X in the
treatment of D", "This review aims to summarize the therapeutic effects of X on D", "(and
then) describes the application of X combined with Y in the treatment of D", "the
challenges and prospects of the use of X to repair D are described". Each presupposes that X
treats D: X ``biolink:beneficial_in_models_for`` D (docs/graph-model.md, "Claim status": a
review's scope is not a study's aim; it is hedged only by its own words, "prospects",
"potential"). A nominal title says the same: "Application of X in the treatment of D", "X
combined with Y in the treatment of D".

One reading serves every verb of surveying: a scope cue (:data:`_SCOPE`: "we / this review
summarize / review / describe / discuss / outline / highlight", a sentence opening "and
(then) describes", or a passive "are described / discussed") and, in its clause, one of three
links between the treatment and the disease:

* "X ... in / for the treatment / therapy / management / repair of D", "X ... in D
  treatment";
* "(by which / to / that) X repair / treat / cure / protect against D";
* "the therapeutic / beneficial / protective effects (and mechanisms) of X on / in / for D".

The treatment is the last agent before the link with those coordinated with it
(:func:`exokg.extract.titles.agents_before`). Not in a sentence about patients or trials
(a trial's claim), about markers or diagnosis, nor for a disease named as the cause of
something ("stroke-induced Y"). The scope nouns decide too: a survey of only what stands
against the treatment ("discusses the limitations / risks / obstacles of X in the treatment
of D") presupposes no benefit; "the advantages and limitations", "the challenges and
prospects" still do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exokg.extract.base import AGENTS, VESICLES, Analysed, DocumentState, claim_key, clauses, \
    coordinated
from exokg.extract.benefit_statements import benefit_statements
from exokg.extract.context import context_for
from exokg.extract.epistemics import hedged, negated
from exokg.extract.review_benefits import PATIENT_WORK
from exokg.extract.status import is_title
from exokg.extract.titles import agents_before
from exokg.model import Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["REVIEW_SCOPE_RULES", "review_scope"]

#: the rules of this module: a topic sentence keeps their statements, and a review's aim
#: ("This review aims to summarize ...") does not make them hypotheses
REVIEW_SCOPE_RULES = frozenset({"review.scope"})

_SURVEY = (r"(?:summari[sz]e|review|describe|discuss|outline|highlight|overview|introduce|"
           r"present|focus(?:es)?\s+on)")
# "we (first / briefly) summarize", "this paper (then) reviews", "This review aims to
# summarize", a sentence that continues one ("and then describes ..."), a passive "are
# described / discussed"
_SCOPE = re.compile(
    r"\b(?:we|this\s+(?:review|paper|article|chapter|manuscript)|the\s+(?:present|current)\s+"
    r"(?:review|paper|article))\s+(?:(?:\w+ly|first|then|also|further|will|aims?\s+to|aimed\s+"
    r"to|seeks?\s+to|attempts?\s+to)\s+)*" + _SURVEY + r"(?:s|d)?\b"
    r"|^\W*(?:and\s+|then\s+|finally,?\s+)+(?:\w+ly\s+)?" + _SURVEY + r"(?:s|d)?\b"
    r"|\b(?:are|is)\s+(?:also\s+|then\s+|\w+ly\s+)?(?:summari[sz]ed|reviewed|described|"
    r"discussed|outlined|highlighted|introduced|presented)\b", re.I)
_PASSIVE = re.compile(r"(?:are|is)\s", re.I)
# "This review highlights / We summarize that X ...": the verb reports a proposition, whose
# own verb says what X did in D ("failed in the treatment of D"), no scope
_THAT = re.compile(r"\s*,?\s*that\b", re.I)
# the links between the treatment and the disease (module docs)
_TREATMENT_OF = re.compile(r"\b(?:in|for)\s+(?:the\s+)?(?:(?:clinical\s+)?(?:treatment|therapy|"
                           r"management|repair)\s+of|treating|repairing)\s+(?:the\s+)?", re.I)
# "in D treatment" ("for D therapy" names a purpose: exokg.extract.benefit_purposes)
_IN_TREATMENT = re.compile(r"\bin\s+(?=\S)", re.I)
_TREATMENT_WORD = re.compile(r"\s+(?:treatment|therapy|management|repair)\b", re.I)
_REPAIR_VERB = re.compile(r"\s+(?:(?:can|could|may|might|to)\s+)?(?:repair|treat|cure|"
                          r"protect\s+against|alleviate|ameliorate|attenuate)s?\s+(?:the\s+)?",
                          re.I)
_EFFECTS_OF = re.compile(r"\b(?:therapeutic|beneficial|protective|neuroprotective|curative|"
                         r"reparative|restorative)\s+(?:effects?|roles?|potential|efficacy)\s+"
                         r"(?:and\s+(?:[\w-]+\s+){0,4}?)?of\s+(?P<agent>[^;:]{1,160}?)\s+"
                         r"(?:on|in|for|against)\s+(?:the\s+)?", re.I)
_NEEDS = Needs(_SCOPE)
# the scope nouns, what the survey verb covers ("the limitations and risks of X in ..."): the
# words before the first "of / to / in / for" of the span
_SCOPE_NOUNS = re.compile(r"\W*(?P<nouns>[^;:.()]{1,80}?)\s+(?:of|to|in|for|facing|associated\s+"
                          r"with|related\s+to)\b", re.I)
# a scope noun of what stands against a treatment: "This review discusses the limitations of X
# in the treatment of D" presupposes no benefit ("the challenges and prospects of X" does)
_HINDRANCE = re.compile(r"\b(?:limitations?|drawbacks?|disadvantages?|shortcomings?|risks?|"
                        r"(?:side|adverse|undesirable|off-target)\s+effects?|concerns?|"
                        r"obstacles?|barriers?|hurdles?|pitfalls?|challenges?|problems?|issues?|"
                        r"difficult(?:y|ies)|toxicit(?:y|ies)|failures?|bottlenecks?|"
                        r"controvers(?:y|ies))$", re.I)
# a survey of markers or diagnosis names no treatment
_NOT_THERAPY = re.compile(r"\b(?:biomarkers?|diagnos\w*|prognos\w*|detection)\b", re.I)
_CONDITIONS = frozenset({"Disease"})
# "stroke-induced Y", "TBI patients": the disease is not what is treated
_NOT_TREATED = re.compile(r"\s*-\s*(?:induced|evoked|related|associated|mediated|triggered)\b|"
                          r"\s+(?:patients?|survivors?)\b", re.I)
# a nominal title: "Application / Use of X ...", or the treatment opening it
_TITLE_OPENING = re.compile(r"\W*(?:(?:the\s+)?(?:\w+\s+)?(?:applications?|use|roles?|"
                            r"progress|advances?)\s+(?:of|in)\s+)?", re.I)
# a verb of the title's own: it states a finding, read by the effect rules ("combined with",
# "derived from", "loaded into" are participles of the treatment's name)
_FINITE = re.compile(r"\b(?:is|are|was|were)\b|\b\w+(?:ed|es)\s+(?!with\b|by\b|from\b|in\b|"
                     r"into\b|on\b|via\b)", re.I)


def _diseases(a: Analysed, start: int, end: int) -> list[Mention]:
    """The disease that opens ``a.text[start:end]`` (after at most two words) with those
    coordinated with it."""
    for d in a.within(start, end, _CONDITIONS):
        if not re.fullmatch(r"(?:[\w-]+\s+){0,2}", a.text[start:d.start]) or \
                _NOT_TREATED.match(a.text, d.end):
            return []
        return coordinated(a, d, _CONDITIONS, backwards=False)
    return []


def _treatments(a: Analysed, start: int, at: int) -> list[Mention]:
    """The treatment named before a link at ``at``: the last agent with those coordinated
    with it, or the vesicles when it is their source cells ("exosomes from diverse sources,
    including MSCs and immune cells, in SCI repair")."""
    agents = agents_before(a, start, at)
    if agents and all(x.category not in VESICLES for x in agents):
        vesicles = [x for x in a.within(start, at, VESICLES) if x.end <= agents[0].start]
        if vesicles and not (set(x.category for x in agents) - {"Cell"}):
            return coordinated(a, vesicles[-1], VESICLES, backwards=True)
    return agents


def _links(a: Analysed, start: int, end: int) -> list[tuple[list[Mention], list[Mention], int]]:
    """(treatments, diseases, where the link is) for each link of ``a.text[start:end]``."""
    text = a.text
    out = []
    for m in _TREATMENT_OF.finditer(text, start, end):
        out.append((_treatments(a, start, m.start()), _diseases(a, m.end(), end), m.start()))
    for m in _IN_TREATMENT.finditer(text, start, end):
        diseases = [d for d in a.within(m.end(), end, _CONDITIONS) if d.start == m.end()]
        if diseases and _TREATMENT_WORD.match(text, diseases[0].end):
            out.append((_treatments(a, start, m.start()), diseases, m.start()))
    for agent in a.within(start, end, AGENTS):
        verb = _REPAIR_VERB.match(text, agent.end)
        if verb:
            out.append((_treatments(a, start, verb.start()), _diseases(a, verb.end(), end),
                        agent.end))
    for m in _EFFECTS_OF.finditer(text, start, end):
        agents = a.within(m.start("agent"), m.end("agent"), AGENTS)
        out.append((agents[:1] and coordinated(a, agents[0], AGENTS, backwards=False),
                    _diseases(a, m.end(), end), m.start()))
    return [(x, d, at) for x, d, at in out if x and d]


def _scope_spans(a: Analysed) -> list[tuple[int, int]]:
    """Where a scope sentence's links are read: after an active cue to the end of its
    clause, or the clause before a passive one; a nominal title as a whole."""
    if is_title(a.document, a):
        opening = _TITLE_OPENING.match(a.text)
        first = a.within(0, len(a.text), AGENTS)
        if first and opening and first[0].start == opening.end() and \
                not _FINITE.search(a.text, first[0].end):
            # "X: Novel Effects in the Treatment of D": what follows a colon is another phrase
            colon = a.text.find(":", first[0].end)
            return [(0, len(a.text) if colon < 0 else colon)]
        return []
    if not _NEEDS.may_match(a.text):
        return []
    spans = []
    for cue in _SCOPE.finditer(a.text):
        clause = next(c for c in clauses(a.text) if c.start <= cue.start() <= c.end)
        if _PASSIVE.match(a.text, cue.start()):
            span = clause.start, cue.start()
        elif _THAT.match(a.text, cue.end()):
            continue
        else:
            span = cue.end(), clause.end
        if not _hindrances_only(a.text, *span):
            spans.append(span)
    return spans


def _hindrances_only(text: str, start: int, end: int) -> bool:
    """Whether every scope noun opening ``text[start:end]`` names what stands against a
    treatment ("the limitations and risks of", "the obstacles to")."""
    m = _SCOPE_NOUNS.match(text, start, end)
    if m is None:
        return False
    nouns = [n for n in re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", m.group("nouns"))
             if n.strip()]
    return bool(nouns) and all(_HINDRANCE.search(n.strip()) for n in nouns)


def review_scope(a: Analysed, state: DocumentState,
                 already: Sequence[Statement] = ()) -> list[Statement]:
    """Each treatment a review's scope sentence or a nominal title names for a disease
    ``biolink:beneficial_in_models_for`` it (module docs); a claim ``already`` made of the
    sentence is not made twice."""
    spans = _scope_spans(a)
    if not spans or PATIENT_WORK.search(a.text) or _NOT_THERAPY.search(a.text):
        return []
    made = {claim_key(s) for s in already}
    out: list[Statement] = []
    for start, end in spans:
        for agents, diseases, at in _links(a, start, end):
            clause = next(c for c in clauses(a.text) if c.start <= at <= c.end)
            out += benefit_statements(a, "review.scope", [x.entity for x in agents],
                                      [d.entity for d in diseases], made,
                                      hedged=hedged(a.text, 0, at),
                                      negated=negated(a.text, start, at),
                                      context=context_for(a, clause), key=claim_key)
    return out

"""Benefit and clinical-trial claims in the wording of titles and reviews, where a paper
names what a treatment is good for without a verb of change on an outcome.

``biolink:beneficial_in_models_for`` (each coordinated disease or injury):

* "X protect(s) against D", "X protected the brain against D", "X protect hippocampal
  neurons after D", "X protected the brain from D" (also a tissue-protection effect: X
  ``biolink:affects`` tissue protection, increased);
* a title "X for D" ("Mesenchymal stem cells for hemorrhagic stroke: status of ..."), "X in
  treating / in the treatment of D", "X against D" (also followed by "in mice", "in a rat
  model");
* "(the) therapeutic potential / promise of X for (the treatment of) D" (hedged: a
  potential); "the clinical use of X in D has been limited by Y" / "remains limited" is a
  limitation and gives none;
* "(safety and) efficacy / effectiveness of X in (a) D model / in D rats";
* "X have shown promising therapeutic effects in various D models" (an injury named with
  "models" counts as well as a disease).

``biolink:in_clinical_trials_for``: "clinical outcome(s) / results / experience of X in
(patients with) D", "X in patients with D: a pilot / phase / randomised ... trial / study".

Not in sentences that only name a study's topic or aim (those are read as hypotheses by the
claim status), and a disease named as the cause of something else ("stroke-induced") is not
the disease treated.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exokg.extract.adjectives import TISSUE_PROTECTION
from exokg.extract.base import AGENTS, VESICLES, Analysed, Clause, DocumentState, clauses, \
    claim_key, coordinated, statement
from exokg.extract.benefit_statements import benefit_statements
from exokg.extract.context import context_for
from exokg.extract.epistemics import hedged, negated
from exokg.extract.status import is_title
from exokg.model import Mention, Statement
from exokg.text.prefilter import Needs

_CONDITIONS = frozenset({"Disease", "Phenotype"})
_INJURY = re.compile(r"injur|damage|trauma|stroke|ischemi|ischaemi|hemorrhag|haemorrhag|"
                     r"hypoxi|lesion", re.I)
_PROTECT_AGAINST = re.compile(r"\bprotect(?:s|ed|ing)?\s+(?:the\s+(?:brain|spinal\s+cord|"
                              r"neurons|tissue)\s+)?against\s+(?:the\s+)?|"
                              # "X protect hippocampal neurons after TBI", "protected the brain
                              # from ischemic injury": what is protected, then the insult
                              r"\bprotect(?:s|ed)?\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:neurons|"
                              r"cells|brain|spinal\s+cord|tissue|white\s+matter|"
                              r"oligodendrocytes|astrocytes|retina|BBB|blood-brain\s+barrier)"
                              r"\s+(?:after|following|from|in|during)\s+(?:the\s+|an?\s+)?",
                              re.I)
_POTENTIAL_OF = re.compile(r"\b(?:therapeutic|clinical|translational)\s+(?:potential|promise|"
                           r"use|application|value)s?\s+of\s+(?P<agent>[^,;]{3,160}?)\s+"
                           r"(?:for|in)\s+(?:the\s+)?(?:treatment|therapy|management)?\s*"
                           r"(?:of\s+)?", re.I)
# "the clinical use of X in D has been limited / hampered by Y": a limitation, no benefit
_LIMITED = re.compile(r"\b(?:limited|hampered|hindered|restricted|impeded|constrained|"
                      r"challenged|precluded|compromised)\s+by\b|\b(?:remains?|is|are)\s+"
                      r"(?:\w+ly\s+)?(?:limited|challenging|controversial|unclear)\b", re.I)
_EFFICACY_IN = re.compile(r"\b(?:efficacy|effectiveness|benefits?)\s+of\s+(?P<agent>[^,;]{3,160}?)"
                          r"\s+in\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?", re.I)
_IN_MODELS = re.compile(r"\b(?:promising|beneficial|therapeutic|protective|positive)\s+"
                        r"(?:therapeutic\s+)?effects?\s+in\s+(?:various|several|multiple|"
                        r"different|many|numerous|diverse)?\s*(?:experimental\s+|animal\s+|"
                        r"preclinical\s+)?", re.I)
_MODELS_AFTER = re.compile(r"\s*(?:-\s*)?(?:models?|rats|mice|animals)\b", re.I)
_CLINICAL_OF = re.compile(r"\bclinical\s+(?:outcomes?|results?|experience|efficacy|safety|"
                          r"effects?)\s+of\s+(?P<agent>[^,;]{3,200}?)\s+(?:in|for)\s+"
                          r"(?:(?:patients|subjects|people|adults|children)\s+with\s+)?"
                          r"(?:[\w-]+\s+){0,2}?", re.I)
_PATIENTS_TRIAL = re.compile(r"\bin\s+(?:patients|subjects|adults)\s+with\s+(?P<d>.{3,80}?)"
                             r"\s*[:.,-]\s*(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?"
                             r"(?:trial|study)\b", re.I)
# "stroke-induced", "TBI-related": the disease causes the thing named, it is not treated
_MODIFIER = re.compile(r"\s*-\s*(?:induced|evoked|related|associated|mediated|triggered)\b",
                       re.I)
_TOPIC = re.compile(r"\b(?:investigat|evaluat|assess|examin|explor|determin|compar|test|"
                    r"aim|sought|whether)\w*\b", re.I)
_MAY_TOPIC = Needs(_TOPIC)  # its keyword guard


def _diseases_at(a: Analysed, start: int, end: int, *, models: bool = False) -> list[Mention]:
    """The disease (or injury) that opens ``a.text[start:end]`` after at most three words,
    with the conditions coordinated with it; an injury phenotype counts only when it is a
    disease-like injury, and with ``models`` only when "model(s)" / animals follow it."""
    found = []
    for d in a.within(start, end, _CONDITIONS):
        if not re.fullmatch(r"(?:(?!(?:after|following|during|in|post|before)\b)[\w-]+\s+){0,3}"
                            r"(?:\w+-)?", a.text[start:d.start], re.I):
            break
        if _MODIFIER.match(a.text, d.end):
            continue
        if d.category != "Disease" and not _INJURY.search(d.entity.label):
            continue
        if models and not _MODELS_AFTER.match(a.text, d.end):
            continue
        found = [x for x in coordinated(a, d, _CONDITIONS, backwards=False)
                 if x.category == "Disease" or _INJURY.search(x.entity.label)]
        break
    return found


# a title about markers, or vesicles of a body fluid, names no therapy
_MARKER_TITLE = re.compile(r"\b(?:biomarkers?|markers?|diagnos\w*|prognos\w*|detection|"
                           r"serum|plasma|blood|circulating|urinary|cerebrospinal|CSF)\b", re.I)


# "X for (the treatment of) D", "X in treating / in the treatment of D", "X against D"
_TITLE_FOR = re.compile(r"\s+(?:(?:for|against)\s+|in\s+(?=treating\b|the\s+(?:treatment|"
                        r"therapy|management)\s+of\b))(?:the\s+)?(?:(?:treatment|therapy|"
                        r"management)\s+of\s+|treating\s+)?", re.I)
# what may follow the disease of such a title: the animals it was studied in
_TITLE_ANIMALS = re.compile(r"(?:in|of)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:mice|rats|animals|"
                            r"models?|pigs|piglets|monkeys|rodents)\s*[:.]?", re.I)


def _title_for(a: Analysed) -> list[tuple[list[Mention], list[Mention], int]]:
    """A title "X for D(: ...)": the agents right before "for" and the disease right after,
    with nothing but the end of the title or a colon / dash after the disease."""
    out = []
    if _MARKER_TITLE.search(a.text):
        return out  # "Plasma exosomes for ischemic stroke: diagnostic markers"
    for m in _TITLE_FOR.finditer(a.text):
        before = [x for x in a.within(0, m.start(), AGENTS) if x.end == m.start()
                  or re.fullmatch(r"\s*\)", a.text[x.end:m.start()])]
        diseases = _diseases_at(a, m.end(), len(a.text))
        if not before or not diseases:
            continue
        tail = a.text[diseases[-1].end:].strip()
        if tail and not re.match(r"[:.?\u2013\u2014-]|\((?:[^()]*)\)\s*[:.]?$", tail) and \
                not _TITLE_ANIMALS.fullmatch(tail):
            continue
        agents = coordinated(a, before[-1], AGENTS, backwards=True)
        out.append((agents, diseases, m.start()))
    return out


def extract_title_benefits(a: Analysed, state: DocumentState,
                           already: Sequence[Statement] = ()) -> list[Statement]:
    """Benefit and clinical-trial statements of the wordings in the module docs; a claim
    ``already`` made of the sentence by another rule is not made twice."""
    categories = {m.category for m in a.mentions}
    if categories.isdisjoint(AGENTS) or categories.isdisjoint(_CONDITIONS):
        return []  # every reading needs an agent and a disease or injury named
    out: list[Statement] = []
    made = {claim_key(s) for s in already}
    text = a.text
    patients = bool(re.search(r"\b(?:patients?|participants?|trials?|volunteers?)\b", text,
                              re.I))

    def add(rule: str, agents: list[Mention], diseases: list[Mention], cue: int, start: int,
            predicate: str = "biolink:beneficial_in_models_for", *, hedge: bool = False,
            clause_end: int | None = None) -> None:
        out.extend(benefit_statements(
            a, rule, [x.entity for x in agents], [d.entity for d in diseases], made,
            hedged=hedge or hedged(text, start, cue), negated=negated(text, start, cue),
            context=context_for(a, _clause_of(a, cue)), predicate=predicate, key=claim_key))

    for clause in clauses(text):
        if _MAY_TOPIC.may_match(text) and _TOPIC.search(text, clause.start, clause.end):
            continue
        for m in _PROTECT_AGAINST.finditer(text, clause.start, clause.end):
            agents = agents_before(a, clause.start, m.start())
            diseases = _diseases_at(a, m.end(), clause.end)
            if not agents or not diseases or patients:
                continue
            add("benefit.protect-against", agents, diseases, m.start(), clause.start)
            for x in agents:
                found = statement(a, "effect.better.protect-against", x.entity,
                                  "biolink:affects", TISSUE_PROTECTION, direction="increased",
                                  hedged=hedged(text, clause.start, m.start()),
                                  negated=negated(text, clause.start, m.start()),
                                  context=context_for(a, clause))
                if claim_key(found) not in made:
                    made.add(claim_key(found))
                    out.append(found)
        for pattern, rule, hedge in ((_POTENTIAL_OF, "benefit.potential-of", True),
                                     (_EFFICACY_IN, "benefit.efficacy-in", False)):
            for m in pattern.finditer(text, clause.start, clause.end):
                agents = list({x.entity.id: x for x in a.within(
                    m.start("agent"), m.end("agent"), AGENTS)}.values())
                models = rule == "benefit.efficacy-in"
                diseases = _diseases_at(a, m.end(), clause.end, models=models)
                if not agents or not diseases or (patients and not models) or \
                        _LIMITED.search(text, diseases[-1].end, clause.end):
                    continue
                add(rule, agents, diseases, m.start(), clause.start, hedge=hedge)
        for m in _IN_MODELS.finditer(text, clause.start, clause.end):
            agents = agents_before(a, clause.start, m.start())
            diseases = _diseases_at(a, m.end(), clause.end, models=True)
            if agents and diseases:  # "promising" hedges: the cue is part of the match
                add("benefit.in-models", agents, diseases, m.end(), clause.start)
        for m in _CLINICAL_OF.finditer(text, clause.start, clause.end):
            agents = a.within(m.start("agent"), m.end("agent"), AGENTS)
            diseases = _diseases_at(a, m.end(), clause.end)
            if agents and diseases:
                add("trial.clinical-outcome", agents[-1:], diseases, m.start(), clause.start,
                    "biolink:in_clinical_trials_for")
        for m in _PATIENTS_TRIAL.finditer(text, clause.start, clause.end):
            agents = agents_before(a, clause.start, m.start())
            diseases = _diseases_at(a, m.start("d"), m.end("d"))
            if agents and diseases:
                add("trial.in-patients", agents, diseases, m.start(), clause.start,
                    "biolink:in_clinical_trials_for")
    trial = any(s.predicate == "biolink:in_clinical_trials_for" for s in already)
    if is_title(a.document, a) and not patients and not out and not trial:
        for agents, diseases, at in _title_for(a):
            add("benefit.title-for", agents, diseases, at, 0)
    return out


def agents_before(a: Analysed, start: int, at: int) -> list[Mention]:
    """The subject before a predicate at ``at``: the last agent of ``a.text[start:at]`` with
    the agents coordinated with it; a vesicle named with its source cells is the vesicle
    ("EVs from immortalized MSCs protect ...")."""
    agents = a.within(start, at, AGENTS)
    if not agents:
        return []
    vesicles = [x for x in agents if x.category in VESICLES]
    last = agents[-1]
    if last.category == "Cell" and vesicles and re.search(
            r"\b(?:from|of|derived\s+from|secreted\s+by|released\s+by)\s+(?:[\w-]+\s+){0,3}$",
            a.text[vesicles[-1].end:last.start]):
        return [vesicles[-1]]
    return coordinated(a, last, AGENTS, backwards=True)


def _clause_of(a: Analysed, at: int) -> Clause:
    """The clause of ``a`` that holds offset ``at``."""
    return next((c for c in clauses(a.text) if c.start <= at <= c.end), Clause(0, len(a.text)))

"""Smaller claim kinds: benefit in disease models, advantages of one therapy over another,
cargo transfer, and a component that mediates a therapy's effect.

* "Therapeutic / protective effect(s) of X ... in the mouse subjected to stroke and TBI",
  "X yields tissue-protective effects in stroke models" -> X
  ``biolink:beneficial_in_models_for`` each disease (only in a preclinical sentence: an
  animal species or the word 'model', or no word of clinical research in a document that
  has named animals or a model before);
* "Compared to cell therapy, the advantages of exosome-based therapy include: 1) ...; 2) ..."
  -> one ``exo:hasAdvantage`` statement per listed advantage, the comparator in context;
* "exosomal transfer of miR-133b", "exosomes transfer / deliver / shuttle miR-X" -> the
  vesicle (or the document's last preparation) ``exo:transfersCargo`` the molecule;
* "X-Exos were enriched in miR-Y", "the vesicles contained miR-Y" -> the preparation
  ``BFO:0000051`` (has part) the molecule;
* "the active component of X therapy is (due in part to) Y" -> Y ``biolink:contributes_to``
  X therapy.
"""

from __future__ import annotations

import re

from exokg.extract.base import AGENTS, VESICLES, Analysed, DocumentState, clauses, coordinated, \
    is_preclinical, statement
from exokg.extract.benefit_purposes import FINDING_PURPOSE
from exokg.extract.context import context_for
from exokg.extract.epistemics import hedged, negated
from exokg.extract.review_benefits import DEVICE_AFTER, PATIENT_WORK
from exokg.ids import mint
from exokg.model import Context, Entity, Statement
from exokg.text.prefilter import Needs

_BENEFIT = re.compile(r"\b(?:therapeutic|beneficial|(?:tissue-|neuro-?\s*)?protective|restorative|"
                      r"neurorestorative)\s+(?:effects?|efficacy|benefits?|potential|roles?)\b"
                      r"|\b(?:were|was)\s+(?:\w+ly\s+)?effective\b", re.I)
# "effect in ICH", "effects of diverse stem cell types in ICH": the disease right after
# ("the beneficial effects of exosomes from EPCs (EPC-EXs) in ischemic stroke": the agent's
# short form in brackets)
_DIRECTLY_IN = re.compile(r"\s+(?:of\s+[^,;()]{1,60}?(?:\s*\([^(),;]{1,20}\))?\s+)?"
                          r"(?:in|for|against)\s+(?:the\s+)?", re.I)
_OF_ANIMALS = re.compile(r"\s*(?:rats|mice|animals|pigs|swine|monkeys|models?)\b", re.I)
_ADVANTAGE = re.compile(r"\badvantages?\s+of\s+", re.I)
_ENUM = re.compile(r"(?:^|(?<=[\s:;]))(?:\d{1,2}|[a-h]|[ivx]{1,4})\)\s+")
_TRANSFER = re.compile(r"\b(?:exosom(?:al|e-mediated)|vesicular|EV-mediated|horizontal)\s+"
                       r"transfer\s+of\s+|\b(?:transfer(?:s|red|ring)?|deliver(?:s|ed|ing)?|"
                       r"shuttl(?:e|es|ed|ing)|transport(?:s|ed|ing)?)\s+(?:of\s+)?(?:the\s+)?"
                       r"(?:their\s+)?(?:cargo\s+)?", re.I)
_EXAMPLES = re.compile(r"[,(]?\s*\b(?:such\s+as|like|including|e\.g\.,?)\s+(?:several\s+|"
                       r"various\s+|the\s+)?", re.I)
_COMPONENT = re.compile(r"\bactive\s+(?:component|ingredient|principle|mediator)\s+of\s+", re.I)
_CARGO = frozenset({"MicroRNA", "MicroRNACluster", "Protein", "Gene"})
EXOSOME = Entity("GO:0070062", "exosome", "Vesicle")


def _names_both(a: Analysed, conditions: frozenset[str]) -> bool:
    """True when sentence ``a`` names an agent and a mention of one of ``conditions``."""
    categories = {m.category for m in a.mentions}
    return not categories.isdisjoint(AGENTS) and not categories.isdisjoint(conditions)


def extract_benefit(a: Analysed, state: DocumentState) -> list[Statement]:
    """"X had therapeutic / neuroprotective effects after D (in rats)" in a preclinical
    text -> X ``biolink:beneficial_in_models_for`` D; outside one (a review) only for an
    "effect" whose disease follows the noun directly ("showed good therapeutic effect in ICH", "the
    therapeutic effects of diverse stem cells in ICH"), and not in a sentence about patients
    or trials."""
    if not _names_both(a, _DISEASES):
        return []  # a benefit needs an agent and a disease named in the sentence
    preclinical = is_preclinical(a, state)
    if not preclinical and _MAY_PATIENT_WORK.may_match(a.text) and PATIENT_WORK.search(a.text):
        return []
    out = []
    for clause in clauses(a.text):
        for m in _BENEFIT.finditer(a.text, clause.start, clause.end):
            if not preclinical and not ("effect" in m.group().lower() and any(
                    _DIRECTLY_IN.fullmatch(a.text, m.end(), d.start)
                    for d in a.within(m.end(), clause.end, frozenset({"Disease"})))):
                continue
            agents = a.within(clause.start, clause.end, AGENTS)
            if not agents:
                continue
            subject = min(agents, key=lambda x: abs(x.start - m.start()))
            diseases = [d for d in a.within(m.end(), clause.end, frozenset({"Disease"}))]
            # "after stroke in type 2 diabetic rats": the second disease describes the animals
            diseases = diseases[:1] + [d for d in diseases[1:] if not _OF_ANIMALS.match(
                a.text, d.end)]
            ctx = context_for(a, clause)
            for d in diseases:
                out.append(statement(a, "benefit.model", subject.entity,
                                     "biolink:beneficial_in_models_for", d.entity,
                                     hedged=hedged(a.text, clause.start, m.start()),
                                     negated=negated(a.text, clause.start, m.start()),
                                     context=ctx))
            break
    return out


# "X as a (cell-free) therapy for TBI", "X represent a novel therapeutic avenue for AIS", "X
# have potential in the treatment of brain diseases", "an alternative to Y for stroke
# treatment": X is a therapy for the disease
_THERAPY_FOR = re.compile(
    r"\b(?:therap(?:y|ies)|therapeutics?|therapeutic\s+(?:avenues?|approach(?:es)?|strateg(?:y|ies)|"
    r"options?|tools?|agents?|candidates?|modalit(?:y|ies)|potential)|treatments?|"
    r"approach(?:es)?|strateg(?:y|ies)|avenues?|options?|potential|alternatives?)\s+"
    r"(?:(?:to\s+(?:\w+\s+){1,4}?)?(?:for|in|against|on)\s+(?:the\s+)?(?:treatment\s+of\s+|treating\s+|"
    r"management\s+of\s+)?)", re.I)
# "we may employ exosomes to treat stroke and TBI" (active: a method sentence says "X were
# used to treat rats with D", which claims nothing)
_EMPLOY_TO_TREAT = re.compile(r"\b(?:use|employ|apply)\s+(?P<agent>[^,;]{1,60}?)\s+to\s+treat\s+"
                              r"(?:the\s+)?", re.I)
# a participle clause after the main one: "..., providing a promising approach for D"
_PROVIDING = re.compile(r"\W*(?:thus\s+|thereby\s+|hence\s+)?(?:providing|offering|"
                        r"representing)\b", re.I)
_STUDIED = re.compile(r"\b(?:mice|rats|animals|pigs|swine|monkeys|patients|participants|"
                      r"subjects|models?)\b", re.I)
# "(the) treatment of stroke using MSCs and EVs", "therapy of TBI with exosomes"
_TREATMENT_USING = re.compile(r"\b(?:treatment|therapy|treating|management)\s+(?:of\s+)?"
                              r"(?P<d>(?:[\w-]+\s+){1,3}?)(?:using|with)\s+(?:the\s+)?", re.I)
# "used as targets for TBI therapy": what a therapy acts on, not the therapy
_TARGETS = re.compile(r"\btargets?\b[^,;]{0,30}$", re.I)
# an agent named as what the therapy is compared with or replaces
_COMPARED = re.compile(r"\b(?:alternatives?\s+to|instead\s+of|rather\s+than|than|compared\s+"
                       r"(?:with|to)|superior\s+to|over|versus|vs\.?)\s+(?:\w+\s+){0,2}$", re.I)
_OUTCOME_AFTER = re.compile(r"\s*(?:recovery|outcomes?|rehabilitation|survivors?|patients?)\b",
                            re.I)
_MAY_PATIENT_WORK = Needs(PATIENT_WORK)  # its keyword guard
_DISEASES = frozenset({"Disease"})
# a therapy is for a disease or an injury ("a cell-free approach for treating ischemic brain
# injury"), not for other phenotypes
_CONDITIONS = frozenset({"Disease", "Phenotype"})
_INJURY = re.compile(r"injur|damage|trauma", re.I)
#: "(in) a (chronic / genetic DBA/2J mouse) model of": a treatment's disease named by its model
MODEL_OF = re.compile(r"(?:an?\s+|the\s+)?(?:[\w/-]+\s+){0,3}?(?:animal\s+|mouse\s+|rat\s+|"
                      r"rodent\s+|experimental\s+|preclinical\s+)?models?\s+of\s+(?:the\s+)?",
                      re.I)
_FOR_REPAIR_IN = re.compile(r"(?:[\w-]+\s+){1,3}(?:in|after|following)\s+(?:the\s+)?", re.I)


def extract_therapy_for(a: Analysed, state: DocumentState) -> list[Statement]:
    """"X as a therapy for D", "X represent a promising therapeutic avenue for D", "X have
    potential in the treatment of D", "X ... for stroke treatment" -> X
    ``biolink:beneficial_in_models_for`` D (each coordinated disease), hedged by the usual
    cues ("promising", "potential", "might"). Not in a sentence about patients or trials
    (a therapy tested in people is a trial's claim, see :mod:`exokg.extract.trials`)."""
    if not _names_both(a, _CONDITIONS):
        return []  # every reading needs an agent and a disease or injury named
    if _MAY_PATIENT_WORK.may_match(a.text) and PATIENT_WORK.search(a.text):
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in _THERAPY_FOR.finditer(a.text, clause.start, clause.end):
            diseases = [d for d in a.within(m.end(), min(clause.end, m.end() + 40), _CONDITIONS)
                        if d.category == "Disease" or _INJURY.search(d.entity.label)
                        if (re.fullmatch(r"(?:[\w-]+\s+){0,3}", a.text[m.end():d.start])
                            # "a promising strategy for white matter repair in stroke": for
                            # what it repairs, in the disease
                            or _FOR_REPAIR_IN.fullmatch(a.text, m.end(), d.start)
                            # "an effective treatment in a chronic model of D"
                            or MODEL_OF.fullmatch(a.text, m.end(), d.start))
                        # "a therapy for stroke recovery": for the recovery
                        and not _OUTCOME_AFTER.match(a.text, d.end)
                        # "an approach for the detection of D": finding it, not treating it
                        and not FINDING_PURPOSE.search(a.text, m.end(), d.start)]
            agents = [x for x in a.within(clause.start, m.start(), AGENTS)
                      if not _COMPARED.search(a.text[max(0, x.start - 40):x.start])]
            if not agents and _PROVIDING.match(a.text, clause.start):
                # "MSCs exert many effects, providing a promising approach for D": the
                # subject of the sentence's main clause
                first = clauses(a.text)[0]
                agents = a.within(first.start, first.end, AGENTS)[:1]
            if not diseases or not agents or _TARGETS.search(a.text, clause.start, m.start()):
                continue
            # "exosomes, as byproducts of hUC-MSCs, have been shown to be an effective therapy":
            # the vesicles, not the cells named in an aside
            vesicles = [x for x in agents if x.category in VESICLES]
            subject = max(vesicles or agents, key=lambda x: x.end)
            if DEVICE_AFTER.match(a.text, subject.end, m.start()):
                continue  # "the exosome-loaded hydrogel may serve as ...": the device's
            for agent in coordinated(a, subject, AGENTS, backwards=True):
                for d in coordinated(a, diseases[0], _CONDITIONS, backwards=False):
                    if d.category != "Disease" and not _INJURY.search(d.entity.label):
                        continue
                    out.append(statement(a, "benefit.therapy-for", agent.entity,
                                         "biolink:beneficial_in_models_for", d.entity,
                                         hedged=hedged(a.text, clause.start, m.end()),
                                         negated=negated(a.text, clause.start, m.start()),
                                         context=context_for(a, clause)))
            break
        for m in _EMPLOY_TO_TREAT.finditer(a.text, clause.start, clause.end):
            agents = a.within(m.start("agent"), m.end("agent"), AGENTS)
            first = [d for d in a.within(m.end(), clause.end, _DISEASES) if d.start == m.end()]
            if not agents or not first or _OUTCOME_AFTER.match(a.text, first[0].end):
                continue
            for agent in coordinated(a, agents[-1], AGENTS, backwards=True):
                for d in coordinated(a, first[0], _DISEASES, backwards=False):
                    out.append(statement(a, "benefit.to-treat", agent.entity,
                                         "biolink:beneficial_in_models_for", d.entity,
                                         hedged=hedged(a.text, clause.start, m.end()),
                                         negated=negated(a.text, clause.start, m.start()),
                                         context=context_for(a, clause)))
        for m in _TREATMENT_USING.finditer(a.text, clause.start, clause.end):
            # "a target for treatment of stroke using MSCs and EVs": the agents follow
            diseases = [d for d in a.within(m.start("d"), m.end("d"), _DISEASES)]
            agents = [x for x in a.within(m.end(), clause.end, AGENTS) if x.start == m.end()]
            if not diseases or not agents or _STUDIED.search(m.group("d")):
                continue  # "treatment of TBI mice with X" says what was done to the animals
            for agent in coordinated(a, agents[0], AGENTS, backwards=False):
                for d in diseases:
                    out.append(statement(a, "benefit.treatment-using", agent.entity,
                                         "biolink:beneficial_in_models_for", d.entity,
                                         hedged=hedged(a.text, clause.start, m.start()),
                                         negated=negated(a.text, clause.start, m.start()),
                                         context=context_for(a, clause)))
    return out


# keyword guards (exokg.text.prefilter): a sentence without the patterns' words is not scanned
_MAY_ADVANTAGE = Needs(_ADVANTAGE)
_MAY_TRANSFER = Needs(_TRANSFER)
_MAY_COMPONENT = Needs(_COMPONENT)


def extract_advantages(a: Analysed, state: DocumentState) -> list[Statement]:
    m = _MAY_ADVANTAGE.may_match(a.text) and _ADVANTAGE.search(a.text)
    if not m:
        return []
    therapies = a.within(0, len(a.text), frozenset({"Therapy"}))
    subject = next((t for t in therapies if t.start >= m.end()), None)
    if subject is None:
        return []
    comparators = tuple(t.entity.id for t in therapies if t is not subject)
    body_start = a.text.find(":", subject.end)
    body_start = body_start + 1 if body_start >= 0 else subject.end
    body = a.text[body_start:]
    enums = list(_ENUM.finditer(body))
    if enums:
        items = [(body_start + e.end(), body_start + (enums[i + 1].start() if i + 1 < len(enums)
                                                       else len(body)))
                 for i, e in enumerate(enums)]
    else:
        items = []
        pos = body_start
        for part in re.split(r";", body):
            items.append((pos, pos + len(part)))
            pos += len(part) + 1
    out = []
    for start, end in items:
        label = _clean_item(a, start, end)
        if not label:
            continue
        advantage = Entity(mint("advantage", label.lower()), label, "Advantage")
        out.append(statement(a, "advantage.list", subject.entity, "exo:hasAdvantage", advantage,
                             context=Context(comparator=comparators)))
    return out


def _clean_item(a: Analysed, start: int, end: int) -> str:
    """Item text without citation markers, list punctuation or a trailing 'and'."""
    chars = list(a.text[start:end])
    for c in a.sentence.citations:
        for k in range(max(c.span.start, start), min(c.span.end, end)):
            chars[k - start] = " "
    text = " ".join("".join(chars).split())
    text = re.sub(r"(?:[;,.]\s*|\s+and)+$", "", text).strip(" ;,.")
    return text


# "X-Exos were (highly) enriched in miR-Y", "the vesicles contained / carried miR-Y", "miR-Y
# was abundant in X-Exos"
_HAS_CARGO = re.compile(r"\b(?:(?:were|was|are|is)\s+(?:\w+ly\s+)?(?:enriched|abundant|rich)\s+"
                        r"(?:in|with)|contain(?:s|ed)?|carr(?:y|ies|ied)|harbou?r(?:s|ed)?|"
                        r"encapsulat(?:e|es|ed))\s+(?:\w+ly\s+)?(?:high\s+levels\s+of\s+)?",
                        re.I)
_MAY_HAS_CARGO = Needs(_HAS_CARGO)  # its keyword guard


def extract_cargo(a: Analysed, state: DocumentState) -> list[Statement]:
    """What a preparation holds: "hUCMSC-Exos were enriched in miR-22-3p", "the EVs
    contained miR-21 and miR-146a" -> the preparation ``BFO:0000051`` (has part) each
    molecule (an engineered cargo is a part of the preparation's identity instead)."""
    out: list[Statement] = []
    if not _MAY_HAS_CARGO.may_match(a.text):
        return out
    for m in _HAS_CARGO.finditer(a.text):
        cargo = [x for x in a.within(m.end(), len(a.text), _CARGO) if x.start == m.end()]
        carriers = [x for x in a.within(0, m.start(), VESICLES)
                    if not a.text[x.end:m.start()].strip(" ,")
                    or re.fullmatch(r"\s*(?:\w+\s+){0,2}", a.text[x.end:m.start()])]
        if not cargo or not carriers:
            continue
        carrier = max(carriers, key=lambda x: x.end)
        for c in coordinated(a, cargo[0], _CARGO, backwards=False):
            out.append(statement(a, "cargo.has-part", carrier.entity, "BFO:0000051", c.entity,
                                 hedged=hedged(a.text, 0, m.start()),
                                 negated=negated(a.text, 0, m.start()),
                                 context=context_for(a, clauses(a.text)[0])))
    return out


def extract_transfer(a: Analysed, state: DocumentState) -> list[Statement]:
    out = []
    if not _MAY_TRANSFER.may_match(a.text):
        return out
    for m in _TRANSFER.finditer(a.text):
        cargo = [x for x in a.within(m.end(), min(len(a.text), m.end() + 40), _CARGO)]
        example = _EXAMPLES.search(a.text, m.end(), min(len(a.text), m.end() + 100))
        if not cargo and example:  # "transfer signalling molecules, like neurotrophic factors"
            cargo = [x for x in a.within(example.end(), min(len(a.text), example.end() + 30),
                                         _CARGO)]
        if not cargo or re.search(r"\b(?:mAbs?|antibod(?:y|ies))\b|\banti-",
                                  a.text[m.end():cargo[0].start], re.I):
            continue  # "Exo-delivered mAb GAP43 and GAP43": an antibody is delivered
        cargo = coordinated(a, cargo[0], _CARGO, backwards=False)
        carriers = [x for x in a.within(0, m.start(), frozenset({"ExosomePreparation",
                                                                  "Vesicle"}))]
        if carriers:
            subject = max(carriers, key=lambda x: x.end).entity
        elif state.preparation is not None:
            subject = state.preparation
        else:
            subject = EXOSOME
        for c in cargo:
            out.append(statement(a, "transfer.cargo", subject, "exo:transfersCargo", c.entity,
                                 hedged=hedged(a.text, 0, m.start()),
                                 negated=negated(a.text, 0, m.start())))
    return out


def extract_component(a: Analysed, state: DocumentState) -> list[Statement]:
    out = []
    if not _MAY_COMPONENT.may_match(a.text):
        return out
    for m in _COMPONENT.finditer(a.text):
        therapy = a.within(m.end(), min(len(a.text), m.end() + 40),
                           frozenset({"Therapy", "Cell"}))
        if not therapy:
            continue
        tail_agents = [x for x in a.within(therapy[0].end, len(a.text), AGENTS)
                       if x.category in VESICLES]
        if not tail_agents:
            continue
        for agent in coordinated(a, tail_agents[0], AGENTS, backwards=False):
            out.append(statement(a, "component.active", agent.entity, "biolink:contributes_to",
                                 therapy[0].entity, hedged=hedged(a.text, 0, agent.start),
                                 negated=negated(a.text, 0, m.start())))
    return out

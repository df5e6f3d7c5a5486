"""What an agent is needed for and what it protects from: two verbs of effect that the
effect rule's triggers do not cover.

* necessity: "miR-X (in circulating EVs) is crucial / essential / critical / indispensable /
  necessary / required for Y" -> X ``biolink:affects`` Y, increased (what is needed for Y
  furthers it); "for the (neuroprotective) effect / action of Z" names no outcome and gives
  nothing; "essential for intercellular communication" is taking part
  (``biolink:participates_in``);
* protection from a harm: "X protected the spinal cord / neurons from secondary damage", "(to)
  protect Y against oxidative injury", "exert a neuroprotective effect against nerve cell
  damage" -> X ``biolink:affects`` the harm, decreased; a disease after "against" is the
  benefit reading of :mod:`exokg.extract.titles` and is left to it.

The agent is the clause's subject (:func:`exokg.extract.effects.agent_before`; a miRNA
named with the vesicles that carry it, "miR-X in EVs", is the miRNA). Hedges and negation
follow the clause's cues.
"""

from __future__ import annotations

import re

from exokg.extract.base import AGENTS, MIRNAS, Analysed, DocumentState, clauses, statement
from exokg.extract.context import context_for
from exokg.extract.effects import FUNCTIONAL_RECOVERY, agent_before
from exokg.extract.epistemics import hedged, negated
from exokg.extract.outcomes import open_outcomes, outcome_for_text
from exokg.extract.polarity import names_harm
from exokg.model import Entity, Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["extract_necessity_and_protection"]

_NEEDED = re.compile(r"\b(?:is|are|was|were|be|been|remains?|appears?\s+to\s+be|seems?\s+to\s+be)"
                     r"\s+(?:\w+ly\s+)?(?:also\s+)?(?:crucial|essential|critical|indispensable|"
                     r"necessary|required|vital|pivotal)\s+for\s+(?:the\s+)?", re.I)
_PROTECT_FROM = re.compile(r"\bprotect(?:s|ed|ing)?\s+(?:the\s+|their\s+|its\s+)?"
                           r"(?:[\w-]+\s+){0,3}?"
                           r"(?:from|against)\s+(?:the\s+)?", re.I)
_EFFECT_AGAINST = re.compile(r"\b(?:neuro-?|cyto-?|tissue-)?protective\s+(?:effects?|roles?|"
                             r"actions?)\s+against\s+(?:the\s+)?", re.I)
_NEEDS = Needs(_NEEDED, _PROTECT_FROM, _EFFECT_AGAINST)
_OUTCOMES = frozenset({"Outcome", "BiologicalProcess", "Phenotype"})
# "essential for the neuroprotective effect of MSC exosomes": an effect of another agent
_NOT_OUTCOME = re.compile(r"(?:(?:this|these|that|its|their)\s+)?(?:[\w-]+\s+)?(?:effects?|"
                          r"actions?|functions?|benefits?|efficacy|activity|roles?|"
                          r"propert(?:y|ies))\b", re.I)
# an injury named for its cause or its organ is the disease modelled ("against
# hypoxic-ischemic injury"), never an object: the benefit reading is exokg.extract.titles'
_DISEASE_LIKE = re.compile(r"isch|hypox|stroke|trauma|ha?emorrhag|infarct|brain\s+injur|"
                           r"spinal\s+cord\s+injur|cerebral\s+injur", re.I)
# "A and B were essential for X and Y, respectively": pairs the rule does not split
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_COMMUNICATION = re.compile(r"\bcommunication\b|\bcross-?talk\b", re.I)
_RECOVERY = re.compile(r"^(?:[\w-]+\s+)?recovery$", re.I)
_TWO_WORDS = re.compile(r"(?:[\w-]+\s+){0,2}")  # what may stand before a recognised object


# "miR-X in (circulating) EVs is crucial": the miRNA the vesicles carry is the subject
_CARRIED_IN = re.compile(r"\s+(?:in|within|inside|of|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
                         re.I)


def _subjects(a: Analysed, clause_start: int, agents: list[Mention]) -> list[Mention]:
    """``agents``, or the miRNA right before them when they are the vesicles that carry it
    ("miR-451-5p in circulating EVs")."""
    if not agents:
        return agents
    carried = [m for m in a.within(clause_start, agents[0].start, MIRNAS)
               if _CARRIED_IN.fullmatch(a.text, m.end, agents[0].start)]
    return carried[-1:] or agents


def _first_object(a: Analysed, start: int, end: int, *, harm: bool = False) -> list[Mention]:
    """The outcome, process or phenotype that opens ``a.text[start:end]`` (a recognised one
    within two words, else an open noun phrase; with ``harm`` also an injury phrase, "from
    oxidative injury", as an open outcome)."""
    if _NOT_OUTCOME.match(a.text, start):
        return []
    known = [m for m in a.within(start, end, _OUTCOMES)
             if _TWO_WORDS.fullmatch(a.text, start, m.start)]
    if known:
        return known[:1]
    found, named = open_outcomes(a, start, end, agents=AGENTS)
    if harm:
        found = sorted(found + [Mention(outcome_for_text(p.label), p.start, p.end,
                                        a.text[p.start:p.end], "open-outcome")
                                for p in named if not _DISEASE_LIKE.search(p.label)],
                       key=lambda m: m.start)
    return found[:1] if found and found[0].start == start else []


def extract_necessity_and_protection(a: Analysed, state: DocumentState) -> list[Statement]:
    """The necessity and protection statements of sentence ``a`` (module docs)."""
    del state
    if not _NEEDS.may_match(a.text):
        return []
    out: list[Statement] = []
    made: set[tuple[str, str]] = set()
    for clause in clauses(a.text):
        for pattern, direction in ((_NEEDED, "increased"), (_PROTECT_FROM, "decreased"),
                                   (_EFFECT_AGAINST, "decreased")):
            for m in pattern.finditer(a.text, clause.start, clause.end):
                agents = _subjects(a, clause.start, [x for x in agent_before(
                    a, clause, m.start()) if x.category in AGENTS])
                objects = _first_object(a, m.end(), clause.end, harm=pattern is not _NEEDED)
                if pattern is not _NEEDED:  # protected from a harm: "from secondary damage"
                    # ("protects them from ribonucleases": the cargo kept intact, no effect)
                    objects = [o for o in objects if names_harm(o.entity.label)]
                elif _RESPECTIVELY.search(a.text, clause.start, clause.end):
                    continue
                for agent in agents:
                    for obj in objects:
                        entity: Entity = obj.entity
                        predicate = "biolink:affects"
                        if pattern is _NEEDED and _COMMUNICATION.search(entity.label):
                            predicate = "biolink:participates_in"
                        elif pattern is _NEEDED and _RECOVERY.match(entity.label):
                            entity = FUNCTIONAL_RECOVERY  # "crucial for stroke recovery"
                        if (agent.entity.id, entity.id) in made or \
                                agent.entity.id == entity.id:
                            continue
                        made.add((agent.entity.id, entity.id))
                        out.append(statement(
                            a, "effect.necessary-for" if pattern is _NEEDED
                            else "effect.protects-from", agent.entity, predicate, entity,
                            direction=None if predicate != "biolink:affects" else direction,
                            hedged=hedged(a.text, clause.start, m.start()),
                            negated=negated(a.text, clause.start, m.start()),
                            context=context_for(a, clause)))
    return out

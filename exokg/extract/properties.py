"""Effects said as a property of the treatment: an adjective of effect ("neuroprotective",
"anti-inflammatory", "immunomodulatory") in a predicate or a noun phrase, not a verb.

* "X has been shown to be neuroprotective", "X were anti-inflammatory" (a copula, or a
  raising verb "shown / found / proven to be");
* "X have anti-inflammatory properties", "X revealed neuroprotective potentials", "X may
  induce anti-inflammatory and anti-apoptotic effects" (a verb of having or showing, one or
  more coordinated adjectives, a noun of property: properties, effects, potential,
  functions ...);
* "the immunomodulatory function of X", "anti-inflammatory effects of X" (the adjective
  and its noun before "of X");
* "X are safe and well tolerated" -> X ``biolink:affects`` safety, increased.

Each adjective stands for the outcome it names and the direction it gives it
(:data:`~exokg.extract.adjectives.ADJECTIVES`): "anti-inflammatory" lowers inflammation,
"neuroprotective" raises tissue protection, "immunomodulatory" changes the immune response
without a direction. An adjective is never an outcome of its own
(:func:`~exokg.extract.adjectives.is_effect_adjective` lets the effect rule leave
"anti-inflammatory" in "induce anti-inflammatory effects" to this one). "potential(s)"
and "capacity" state a capacity, so they hedge the claim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exokg.extract.adjectives import ADJECTIVE_LIST, SAFETY, adjective_outcomes
from exokg.extract.base import AGENTS, Analysed, Clause, clauses, statement
from exokg.extract.context import context_for
from exokg.extract.effects import agent_before
from exokg.extract.epistemics import hedged, negated
from exokg.model import Entity, Mention, Statement
from exokg.text.prefilter import Needs

# the nouns an effect adjective qualifies when it says what a treatment does
_NOUN = (r"(?:propert(?:y|ies)|effects?|potentials?|functions?|capacit(?:y|ies)|"
         r"activit(?:y|ies)|roles?|actions?|abilit(?:y|ies)|benefits?|efficacy)")
_CAPACITY_NOUN = re.compile(r"^(?:potentials?|capacit(?:y|ies)|abilit(?:y|ies))$", re.I)
# "X has been shown to be / X is / were (not) ADJ"
_PREDICATE = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:\w+ly\s+)?been\s+(?:\w+ly\s+)?(?:shown|demonstrated|found|"
    r"reported|proven|proved|confirmed)\s+to\s+be|(?:is|are|was|were|proved|proven|remain(?:s|ed)?)"
    r"(?:\s+not)?)\s+(?:\w+ly\s+)?(?P<adjs>" + ADJECTIVE_LIST + r")\b"
    r"(?!\s*(?:-\s*)?" + _NOUN + r"\b)", re.I)
# "X have / possess / exhibit / revealed / may induce ADJ (and ADJ) properties / effects"
_HAVING = re.compile(
    r"\b(?:ha(?:ve|s|d)|possess(?:es|ed)?|exhibit(?:s|ed)?|display(?:s|ed)?|show(?:s|ed|n)?|"
    r"revealed?|reveals|demonstrated?|demonstrates|exert(?:s|ed)?|induc(?:e|es|ed)|"
    r"mediat(?:e|es|ed)|provid(?:e|es|ed)|confer(?:s|red)?|offer(?:s|ed)?|elicit(?:s|ed)?|"
    r"produc(?:e|es|ed))\s+"
    r"(?:(?:an?|the|their|its|strong|potent|robust|significant|marked|remarkable|great|"
    r"considerable|several|multiple|various|both|potential|possible|putative|\w+ly)\s+)*"
    r"(?P<adjs>" + ADJECTIVE_LIST + r")\s+(?P<noun>" + _NOUN + r")\b", re.I)
# "the immunomodulatory function of X", "anti-inflammatory effects of MSC-EVs"
_OF = re.compile(r"(?P<adjs>" + ADJECTIVE_LIST + r")\s+(?P<noun>" + _NOUN + r")\s+of\s+", re.I)
# "the potential / possible neuroprotective effects of X": a prospect, hedged
_MAYBE = re.compile(r"\b(?:potential|possible|putative|presumed|likely)\s+$", re.I)
# "to evaluate / we compared the anti-inflammatory effects of X": what a study looks at,
# no claim
_TOPIC = re.compile(r"\b(?:evaluat|investigat|assess|examin|explor|stud|determin|compar|"
                    r"test|analy[sz]|measur|characteri[sz]|review|summari[sz]|discuss)\w*\s+"
                    r"(?:\w+\s+){0,3}$", re.I)
# "X are (both) safe and (well) tolerated / tolerable", "X were safe and feasible"
_SAFE = re.compile(r"\b(?:is|are|was|were|(?:been\s+)?(?:shown|found|proven)\s+to\s+be)\s+"
                   r"(?:\w+ly\s+|both\s+)*safe\s+and\s+(?:\w+ly\s+|well\s+)?(?:tolera(?:ted|ble)|"
                   r"feasible)\b", re.I)


def _of_agents(a: Analysed, start: int, clause: Clause) -> list[Mention]:
    """The treatment named right after "of" (up to the next verb or punctuation)."""
    stop = re.search(r"[,;:]|\b(?:ha[sd]|have|is|are|was|were|in|on|after|against)\b",
                     a.text[start:clause.end])
    end = start + stop.start() if stop else clause.end
    agents = a.within(start, end, AGENTS)
    return agents[:1]


_NEEDS_EXTRACT_PROPERTIES = Needs(_PREDICATE, _HAVING, _OF, _SAFE)


def extract_properties(a: Analysed, already: Sequence[Statement] = ()) -> list[Statement]:
    """Effect statements said with adjectives of effect (see the module docs). ``already``
    holds the sentence's statements from other rules: a claim they make is not made
    twice."""
    if not _NEEDS_EXTRACT_PROPERTIES.may_match(a.text):
        return []
    out: list[Statement] = []
    made = {(s.subject.id, s.object.id if isinstance(s.object, Entity) else None)
            for s in already if s.predicate == "biolink:affects"}
    for clause in clauses(a.text):
        found: list[tuple[re.Match[str], list[Mention], list[tuple[Entity, str | None]]]] = []
        for pattern in (_PREDICATE, _HAVING):
            for m in pattern.finditer(a.text, clause.start, clause.end):
                found.append((m, agent_before(a, clause, m.start()),
                              adjective_outcomes(m.group("adjs"))))
        for m in _OF.finditer(a.text, clause.start, clause.end):
            if _TOPIC.search(a.text, clause.start, m.start()):
                continue  # "we aimed to evaluate the neuroprotective effects of X": a topic
            found.append((m, _of_agents(a, m.end(), clause), adjective_outcomes(m.group("adjs"))))
        for m in _SAFE.finditer(a.text, clause.start, clause.end):
            found.append((m, agent_before(a, clause, m.start()), [(SAFETY, "increased")]))
        if not found:
            continue
        ctx = context_for(a, clause)
        for m, agents, outcomes in found:
            noun = m.groupdict().get("noun") or ""
            at = m.start("adjs") if m.groupdict().get("adjs") else m.start()
            hedge = hedged(a.text, clause.start, m.start()) or bool(
                _CAPACITY_NOUN.match(noun)) or bool(_MAYBE.search(a.text, max(0, at - 20), at))
            neg = negated(a.text, clause.start, m.end())
            for agent in agents:
                for outcome, direction in outcomes:
                    if (agent.entity.id, outcome.id) in made:
                        continue
                    made.add((agent.entity.id, outcome.id))
                    out.append(statement(a, "effect.property", agent.entity, "biolink:affects",
                                         outcome, direction=direction, negated=neg,
                                         hedged=hedge, context=ctx))
    return out

"""Protection from an insult named for its cause: "X can protect endothelial cells against
hypoxia injury", "X could protect brain tissue from ischemic injury", "protecting ECs from
hypertension plus hypoxia injury", "X protected neurons against OGD/R-induced damage".

What such a phrase names after "from" / "against" is the insult of the model (hypoxia,
ischaemia, oxygen-glucose deprivation, reperfusion, hypertension), not an outcome the agent
lowers, and what stands before it (cells, tissue, an organ) is the protected party, not an
object. The phrase says that the agent protects: X ``biolink:affects`` tissue protection,
increased (as "exert protective effects on recipient cells" is read). Statements another rule
made of the same words with the insult as the object (the agent lowering hypertension, or an
open outcome "oxygen-glucose deprivation injury") are dropped.

Left to other rules: a harm that is an outcome of its own ("protected neurons from oxidative
stress / apoptosis": :mod:`exokg.extract.necessity` lowers it), a named injury that is a
phenotype ("against hypoxic-ischemic brain injury": the brain injury is lowered), animals
protected from a disease ("protect mice from HIBD": the benefit reading of
:mod:`exokg.extract.titles`).
"""

from __future__ import annotations

import re

from exokg.extract.adjectives import TISSUE_PROTECTION
from exokg.extract.base import AGENTS, Analysed, clauses, pairs_made, statement
from exokg.extract.context import context_for
from exokg.extract.effects import agent_before
from exokg.extract.epistemics import hedged, negated
from exokg.extract.outcomes import outcome_for_text
from exokg.model import Entity, Statement
from exokg.recognise.species import ANIMAL_NOUNS
from exokg.text.prefilter import Needs

__all__ = ["protection_from_insults"]

# "protect(ing) <party> from / against <insult> injury": the party is up to five words (not
# "from" or "against"), the insult up to five words before its head
_PROTECT = re.compile(r"\bprotect(?:s|ed|ing)?\s+(?P<party>(?:(?!(?:from|against)\b)"
                      r"[^\s,;]+\s+){0,5}?)(?:from|against)\s+(?:the\s+)?"
                      r"(?P<harm>(?:[\w/+()-]+\s+){0,5}?(?:injury|injuries|damage|insults?|"
                      r"stress|challenge))\b", re.I)
_NEEDS = Needs(_PROTECT)
# an insult named for its cause: what the model does to the cells or the brain
_CAUSE = re.compile(r"hypox|isch|anox|oxygen[-\s]glucose|\bOGD|deprivation|reperfusion|"
                    r"hypertensi|hyperglyc|\bH/R\b|\bI/R\b", re.I)
# animals protected from an insult: the benefit reading (exokg.extract.titles)
_ANIMALS = re.compile(r"\b(?:" + ANIMAL_NOUNS + r"|patients)\b", re.I)
# a recognised harm that covers the head of the phrase is an outcome of its own
_OWN_HARM = frozenset({"Phenotype", "Outcome", "BiologicalProcess"})
# the rules whose reading of the insult as an object this reading replaces
_REPLACED = ("effect.", "benefit.")


def protection_from_insults(a: Analysed, found: list[Statement]) -> list[Statement]:
    """``found`` without the statements that read a protected party's insult as an object,
    and with the agents' tissue-protection statements (module docs)."""
    if not _NEEDS.may_match(a.text):
        return found
    out = list(found)
    made = pairs_made(found, direction=True)
    for clause in clauses(a.text):
        for m in _PROTECT.finditer(a.text, clause.start, clause.end):
            harm_start, harm_end = m.span("harm")
            if not _CAUSE.search(m.group("harm")) or _ANIMALS.search(m.group("party")):
                continue
            inside = a.within(harm_start, harm_end)
            if any(x.category in _OWN_HARM and x.end == harm_end for x in inside):
                continue  # "against hypoxic-ischemic brain injury": the brain injury, lowered
            # the insult's recognised parts, and the open outcomes its words make (a tail
            # ending at the head: "oxygen-glucose deprivation injury", "deprivation injury"),
            # not an open outcome another protect phrase of the sentence names
            words = m.group("harm").split()
            insult = {x.entity.id for x in inside} | {
                outcome_for_text(" ".join(words[i:])).id for i in range(len(words))}
            wrong = [s for s in out if isinstance(s.object, Entity) and s.direction ==
                     "decreased" and s.evidence[0].rule.startswith(_REPLACED) and
                     s.object.id in insult]
            agents = list({s.subject.id: s.subject for s in wrong}.values()) or \
                list({x.entity.id: x.entity for x in agent_before(a, clause, m.start())
                      if x.category in AGENTS}.values())
            out = [s for s in out if s not in wrong]
            for agent in agents:
                if (agent.id, TISSUE_PROTECTION.id, "increased") in made:
                    continue
                made.add((agent.id, TISSUE_PROTECTION.id, "increased"))
                out.append(statement(a, "effect.better.protect-from-insult", agent,
                                     "biolink:affects", TISSUE_PROTECTION,
                                     direction="increased",
                                     hedged=hedged(a.text, clause.start, m.start()),
                                     negated=negated(a.text, clause.start, m.start()),
                                     context=context_for(a, clause)))
    return out

"""A state that animals given an agent developed: "uninjured mice injected with BDMPs developed
a hypercoagulable state", "naive rats infused with brain-derived EVs developed a consumptive
coagulopathy", "mice that received X developed marked neuroinflammation".

The agent is named only in the description of the animals that received it; the state they
developed is what it brought about: the agent ``biolink:affects`` the state, increased. The
state is the measure recognised right after "developed", else the noun phrase there (at most
five words, up to "measured", "in", "with", "after" or a punctuation mark) as an open
outcome ("hyper-turned hypocoagulable state"). A direction word of its own ("developed less
brain edema") is left to the effect rules, as is every other verb; a disease named after
"developed" gives nothing (a disease is no object of an effect), though a disease word
modifying the state's noun ("a hypercoagulable state") is part of the state. Animals given
a vehicle, saline or a control are no agent's.
"""

from __future__ import annotations

import re

from exokg.extract.base import AGENTS, GROUP_MEASURES, Analysed, clauses, statement
from exokg.extract.epistemics import hedged, negated
from exokg.extract.outcomes import outcome_for_text
from exokg.extract.treated_groups import UNTREATED
from exokg.model import Entity, Statement
from exokg.recognise.species import ANIMAL_NOUNS
from exokg.text.prefilter import Needs

__all__ = ["extract_given_animals"]

#: "(uninjured) mice (that were) injected with X developed", "rats that received X developed"
_GIVEN = re.compile(r"\b(?:" + ANIMAL_NOUNS + r")\s+(?:that\s+were\s+|which\s+were\s+|that\s+)?"
                    r"(?:injected|infused|treated|administered|transfused|given|received)"
                    r"(?:\s+(?:with|by))?\s+(?P<agent>[^,;]{2,80}?)\s+(?:also\s+|then\s+)?"
                    r"developed\s+(?:an?\s+|the\s+)?(?:[\w-]+-dependent\s+)?", re.I)
_NEEDS = Needs(_GIVEN)
#: a direction word of the state's own: the effect rules read "developed less edema"
_OWN_DIRECTION = re.compile(r"(?:less|more|fewer|lower|higher|reduced|increased|decreased|"
                            r"no|milder|smaller|larger)\b", re.I)
#: where the noun phrase of the state ends
_PHRASE = re.compile(r"[A-Za-z][\w-]*(?:\s+(?!(?:measured|in|with|after|at|by|that|which|"
                     r"and|or|as|within|from|following)\b)[A-Za-z][\w-]*){0,4}")


def _state(a: Analysed, start: int, end: int) -> Entity | None:
    """The state written at ``start``: a recognised measure opening there, else the open
    outcome of the noun phrase there; None for a direction word ("developed less ...")."""
    if _OWN_DIRECTION.match(a.text, start):
        return None
    phrase = _PHRASE.match(a.text, start, end)
    if phrase is not None and any(m.end >= phrase.end() - 1 for m in a.within(
            start, end, frozenset({"Disease"})) if m.start - start < 2):
        return None  # a named disease is no object of an agent's effect (docs/graph-model.md)
    named = [m for m in a.within(start, end, GROUP_MEASURES) if m.start - start < 2]
    if named and (phrase is None or named[0].end >= phrase.end() - 1):
        return named[0].entity
    if phrase is None or a.within(start, phrase.end(), AGENTS):
        return None
    return outcome_for_text(phrase.group())


def extract_given_animals(a: Analysed) -> list[Statement]:
    """Statements "X affects the state that animals given X developed" (module docs)."""
    if "develop" not in a.text.lower() or not _NEEDS.may_match(a.text):
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in _GIVEN.finditer(a.text, clause.start, clause.end):
            if UNTREATED.search(m.group("agent")):
                continue
            agents = a.within(m.start("agent"), m.end("agent"), AGENTS)
            if not agents:
                continue
            agent = max(agents, key=lambda x: x.end - x.start).entity
            obj = _state(a, m.end(), clause.end)
            if obj is None or obj.id == agent.id:
                continue
            out.append(statement(a, "effect.given-animals", agent, "biolink:affects", obj,
                                 direction="increased",
                                 negated=negated(a.text, clause.start, m.end()),
                                 hedged=hedged(a.text, clause.start, m.end())))
    return out

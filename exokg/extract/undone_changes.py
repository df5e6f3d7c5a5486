"""Changes listed for injured cells or animals and undone by the agent in a relative clause:
"Ang II plus hypoxia reoxygenation-injured ECs displayed decreased cell viability, increased
cell apoptosis, and compromised angiogenic ability, which were alleviated by R-EPC-EXs".

The field reports an insult's effects first and the treatment's rescue after them, in one
sentence: "..., which were alleviated / reversed / attenuated / abolished by X", "..., all of
which were attenuated by X treatment", "..., effects that were abolished by X", "...; these
changes were reversed by treatment with X". The agent after "by" undoes each listed change:
a decreased measure it raises, an increased one it lowers ("decreased cell viability ...
alleviated by X": X raises viability; "increased apoptosis": X lowers apoptosis). The
injured cells, animals or the insult named before the list are the setting of the changes,
never the agent of them: the generic effect rule's statements that give them the listed
changes are dropped (:func:`undone_changes`).

When the undoing agent is a miRNA's loss (an inhibitor, antagomir or knockdown of miR-A, as
the recogniser names it) and vesicles stand before the list ("MSC-exosomes decreased
apoptosis, which was reversed by miR-21 inhibitor", "..., effects that were abolished by
miR-133b knockdown"), the sentence says the miRNA carries the vesicles' changes: the miRNA
changes each listed measure the way the list says (rule ``effect.undone-by-loss``), the
vesicles keep their statements, and the loss has none of its own (the effect rule's
"reversed by X", X lowering, is dropped). Insulted cells or animals before the list keep
the reading above: the loss is then a treatment that undoes the insult's changes.

A list member is a word of change before what changed ("decreased cell viability", "an
increase in apoptosis", "compromised angiogenic ability"): the object is the recognised
outcome, process or molecule the member names, else its words as an open outcome
(:func:`exokg.extract.outcomes.outcome_for_text`); members after one word of change share it
("decreased apoptosis and inflammation"). The list is read backwards from the relative
clause and ends at the first member that names no change and shares none.
"""

from __future__ import annotations

import re

from exokg.extract.base import AGENTS, EFFECT_OBJECTS, MIRNAS, VESICLES, Analysed, Clause, \
    coordinated, pairs_made, statement
from exokg.extract.context import context_for
from exokg.extract.epistemics import hedged, negated
from exokg.extract.level_words import DOWN, DOWN_REGULATED, UP, UP_REGULATED
from exokg.extract.outcomes import outcome_for_text
from exokg.extract.regulation import intervention_target
from exokg.model import Entity, Statement
from exokg.text.prefilter import Needs

__all__ = ["undone_changes"]

#: the relative clause that undoes the listed changes, up to the agent
_UNDONE_BY = re.compile(
    r"(?:,\s*(?:(?:all|both|each|most)\s+of\s+)?(?:which|that)|"
    r",\s*(?:the\s+)?(?:effects?|changes?|alterations?|abnormalities|impairments?)\s+"
    r"(?:that|which)|"
    r"[;,]\s*(?:and\s+)?(?:these|all\s+these|all\s+of\s+these|both)\s+(?:effects?|changes?|"
    r"alterations?|abnormalities|impairments?))\s+"
    r"(?:were|was)\s+(?:(?:\w+ly|all|also|then)\s+){0,2}"
    r"(?:alleviated|reversed|attenuated|ameliorated|rescued|restored|abolished|prevented|"
    r"counteracted|mitigated|normali[sz]ed|abrogated|blocked|improved|eliminated|"
    r"diminished|offset|relieved)\s+by\s+"
    r"(?:(?:the\s+)?(?:treatment|co-?treatment|pre-?treatment|administration|addition|"
    r"co-?culture|incubation|injection|application)\s+(?:with|of)\s+)?(?:the\s+|an?\s+)?", re.I)
_NEEDS = Needs(_UNDONE_BY)
#: a word of change opening a list member, with the way it moved the measure: the level words
#: (:mod:`exokg.extract.level_words`) and the words of a change a list of an insult's effects
#: also uses ("compromised angiogenic ability", "an increase in apoptosis", "loss of ...")
_UP = (UP + "|" + UP_REGULATED + r"|enhanced|augmented|excessive|exacerbated|aggravated|more|"
       r"accelerated|an?\s+increase\s+(?:in|of)|"
       r"an?\s+elevation\s+(?:in|of)|up-?regulation\s+of|increases\s+in")
_DOWN = (DOWN + "|" + DOWN_REGULATED + r"|impaired|compromised|suppressed|inhibited|attenuated|"
         r"declined|less|fewer|weakened|"
         r"disrupted|an?\s+decrease\s+(?:in|of)|an?\s+reduction\s+(?:in|of)|loss\s+of|"
         r"an?\s+impairment\s+(?:in|of)|down-?regulation\s+of|decreases\s+in")
_CHANGE = re.compile(r"(?:(?<=\s)|^)(?:(?:significantly|markedly|severely|notably)\s+)?"
                     r"(?:(?P<up>" + _UP + r")|(?P<down>" + _DOWN + r"))\s+(?:the\s+)?", re.I)
#: what separates list members
_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+",
                        re.I)
#: an open member is a few words with no verb or clause word among them
_OPEN_WORDS = re.compile(r"(?:[A-Za-z][\w-]*\s+){0,3}[A-Za-z][\w-]*")
#: what opens the sentence's clause of the list ("We found that: (1) ...; (2) ...")
_CLAUSE_START = re.compile(r"[;:]|\(\d\)")
_CLAUSE_WORD = re.compile(r"\b(?:which|that|were|was|is|are|by|in|after|from|with)\b", re.I)


def _members(a: Analysed, start: int, end: int) -> tuple[list[tuple[Entity, str]], int]:
    """The changes listed in ``a.text[start:end]`` read backwards from ``end``: (object,
    "up" or "down") per member, and where the leftmost member's word of change begins (the
    subject and verb of the sentence stand before it)."""
    seps = [m for m in _SEPARATOR.finditer(a.text, start, end)]
    bounds = [start] + [m.end() for m in seps]
    stops = [m.start() for m in seps] + [end]
    out: list[tuple[Entity, str]] = []
    first = end
    shared: list[Entity] = []  # members after a word of change they share ("decreased A and B")
    for lo, hi in reversed(list(zip(bounds, stops))):
        changes = [m for m in _CHANGE.finditer(a.text, lo, hi)]
        if not changes:
            obj = _object(a, lo, hi)
            if obj is None:
                break
            shared.append(obj)
            continue
        change = changes[-1]
        obj = _object(a, change.end(), hi)
        if obj is None:
            break
        way = "up" if change.group("up") else "down"
        out += [(x, way) for x in shared] + [(obj, way)]
        shared = []
        first = change.start()
        if a.text[lo:change.start()].strip():
            break  # the leftmost member: the subject and verb stand before it
    return out[::-1], first


def _object(a: Analysed, start: int, end: int) -> Entity | None:
    """What one list member names after its word of change: the recognised mention that
    ends it, else its words as an open outcome (None when they are no short noun phrase)."""
    named = [m for m in a.within(start, end, EFFECT_OBJECTS) if not a.text[m.end:end].strip()]
    if named:
        return named[0].entity
    if a.within(start, end, AGENTS) or not _OPEN_WORDS.fullmatch(a.text, start, end) or \
            _CLAUSE_WORD.search(a.text, start, end):
        return None
    return outcome_for_text(a.text[start:end])


def undone_changes(a: Analysed, found: list[Statement]) -> list[Statement]:
    """``found`` (the sentence's statements so far) with the changes a relative clause says
    the agent undid (module docs): the agent's statement per listed change, and no
    statement that gives a listed change to what stands before the list."""
    if not _NEEDS.may_match(a.text):
        return found
    for undo in _UNDONE_BY.finditer(a.text):
        agents = [m for m in a.mentions if m.start == undo.end() and m.category in AGENTS]
        if not agents:
            continue
        start = max((m.end() for m in _CLAUSE_START.finditer(a.text, 0, undo.start())),
                    default=0)
        changes, first = _members(a, start, undo.start())
        if not changes:
            continue
        clause = Clause(start, len(a.text))
        before = {m.entity.id for m in a.within(start, first, AGENTS)}
        hedge = hedged(a.text, start, undo.end())
        negation = negated(a.text, start, undo.end())
        ctx = context_for(a, clause)
        lost = intervention_target(a, agents[0])
        if lost is not None and lost.category in MIRNAS and a.within(start, first, VESICLES):
            # a miRNA's loss undoes what vesicles did: the miRNA carries the changes, the
            # vesicles keep them, the inhibitor has none of its own ("reversed by": no lowering)
            listed = {obj.id for obj, _ in changes}
            found = [s for s in found if not (s.subject.id == agents[0].entity.id and
                                              isinstance(s.object, Entity) and
                                              s.object.id in listed)]
            have = pairs_made(found)
            found = found + [statement(a, "effect.undone-by-loss", lost.entity,
                                       "biolink:affects", obj,
                                       direction="increased" if way == "up" else "decreased",
                                       hedged=hedge, negated=negation, context=ctx)
                             for obj, way in changes if (lost.entity.id, obj.id) not in have]
            continue
        undone = [statement(a, "effect.undone-change", agent.entity, "biolink:affects", obj,
                            direction="decreased" if way == "up" else "increased",
                            hedged=hedge, negated=negation, context=ctx)
                  for agent in coordinated(a, agents[0], AGENTS, backwards=False)
                  for obj, way in changes]
        # what stands before the list is no agent of the changes, and another rule's
        # reading of the undoing verb ("abolished by X": X lowers) gives way to the list's
        listed = {obj.id for obj, _ in changes}
        agent_ids = {s.subject.id for s in undone}
        kept = {(s.subject.id, s.object.id, s.direction) for s in undone}
        found = [s for s in found if not (isinstance(s.object, Entity) and s.object.id in listed
                                          and (s.subject.id in before or (
                                              s.subject.id in agent_ids and
                                              (s.subject.id, s.object.id, s.direction)
                                              not in kept)))] + undone
    return found

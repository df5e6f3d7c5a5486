"""Aims and open questions that name what a treatment may do to named processes or outcomes:
hedged hypotheses, never findings.

The effect rules read a verb ("X promoted Y"); an aim or an open question often says the same
with a noun and leaves the answer open:

* "the present work explored the effects of X on A, B, and C", "we examined the effect of X
  on Y", "we assessed the efficacy of X on Y", "the effects of X in Y remain unclear" (Y a
  process or outcome): X ``biolink:affects`` each of A, B and C that a vocabulary names, with
  no direction (the aim names what is studied, not which way it goes);
* "the role of X in maintaining Y is unclear", "we explored the mechanisms of X in
  regulating Y", "to clarify the function of X in promoting Y": X ``biolink:affects`` Y (an
  open noun phrase too: the verb says that Y is what X acts on), the verb in -ing giving the
  direction ("maintaining", "promoting" -> increased; "reducing", "alleviating" ->
  decreased; "regulating", "modulating" -> none); "in modulating A and promoting B" gives
  both.

Both are read only in a sentence that states an aim or an open question
(:func:`exokg.extract.status.states_aim`); its status, hypothesis, hedges them
(:func:`exokg.extract._situate`, which keeps :data:`AIM_QUESTION_RULES` in a topic sentence).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exokg.extract.base import AGENTS, VESICLES, Analysed, Clause, clauses, statement
from exokg.extract.context import context_for
from exokg.extract.effects import objects_after
from exokg.extract.status import states_aim, states_topic
from exokg.model import Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["AIM_QUESTION_RULES", "aim_questions"]

#: the rules of this module (a topic sentence keeps their statements)
AIM_QUESTION_RULES = frozenset({"aim.effect-on", "aim.effect-in", "aim.role-in"})

# "the effects of X on A, B and C" (an adjective before "effects" allowed), "the efficacy /
# influence / impact / potential / action of X on A": whichever noun names what X does
_EFFECT_NOUN = r"\b(?:effects?|efficacy|influences?|impacts?|potential|actions?)\s+of\s+"
_EFFECTS_ON = re.compile(_EFFECT_NOUN + r"(?P<agent>[^;:]{1,160}?)\s+on\s+(?:the\s+)?", re.I)
# "the effects of X in Y remain unclear": a process in the place of "on" (a disease or a
# setting there names no object, see _PROCESS_OBJECTS)
_EFFECTS_IN = re.compile(_EFFECT_NOUN + r"(?P<agent>[^;:]{1,160}?)\s+in\s+(?:the\s+)?", re.I)
_PROCESS_OBJECTS = frozenset({"BiologicalProcess", "Outcome", "Phenotype", "Pathway"})
# "the role of X in maintaining Y", "the mechanisms of X in regulating Y"
_VERB_ING = (r"(?P<verb>(?P<up>maintaining|promoting|enhancing|preserving|protecting|improving|"
             r"restoring|facilitating|increasing|supporting)|(?P<down>reducing|alleviating|"
             r"attenuating|suppressing|inhibiting|decreasing|preventing|ameliorating|limiting|"
             r"mitigating)|regulating|modulating|controlling|mediating)\s+(?:the\s+)?")
_ROLE_IN = re.compile(r"\b(?:roles?|mechanisms?|functions?|effects?)\s+of\s+"
                      r"(?P<agent>[^;:]{1,160}?),?\s+in\s+" + _VERB_ING, re.I)
# "in modulating A and promoting B": the next verb of the same phrase
_AND_VERB_ING = re.compile(r"\s*,?\s+(?:and|or|as\s+well\s+as)\s+" + _VERB_ING, re.I)
_NEEDS = Needs(_EFFECTS_ON, _ROLE_IN, _EFFECTS_IN)
# "on A and mediators of B": what acts on B is studied, not B
_OTHERS_OF = re.compile(r"\b(?:mediators?|regulators?|modulators?|inducers?|inhibitors?)\s+of\s+"
                        r"(?:the\s+)?$", re.I)
# what ends the phrase of the objects: a setting ("in oxyHb-injured cells"), a clause
_OBJECTS_END = re.compile(r";|\s(?:and|or)\s+\w+ing\s|\s(?:in|after|following|during|under|"
                          r"among|at|using|by|via|through|is|are|was|were|remains?)\s", re.I)


def _agents(a: Analysed, start: int, end: int) -> list[Mention]:
    """The treatment named in ``a.text[start:end]``: its vesicles or preparations when it
    names them ("EVs of X cells"), else its first agent."""
    named = a.within(start, end, AGENTS)
    vesicles = [m for m in named if m.category in VESICLES]
    return vesicles[:1] or named[:1]


def _named_objects(a: Analysed, start: int, end: int, *, named: bool) -> list[Mention]:
    """The processes, outcomes or molecules right at ``start`` and those coordinated with
    them; with ``named`` only those a vocabulary names (after "the effects of X on", an open
    phrase, "changes in Y", names no object)."""
    stop = _OBJECTS_END.search(a.text, start, end)
    found = [m for m in objects_after(a, start, stop.start() if stop else end)
             if not (named and m.source.startswith("open"))
             and not _OTHERS_OF.search(a.text, start, m.start)]
    return found if found and found[0].start == start else []


def _direction(m: re.Match[str]) -> str | None:
    return "increased" if m.group("up") else "decreased" if m.group("down") else None


def _readings(a: Analysed, clause: Clause) -> list[tuple[tuple[int, int], int, str, str | None]]:
    """Each reading of ``clause``: (the agent's span, where the objects start, the rule, the
    direction), for each "the effects of X on Y", each "the role of X in <verb>ing Y" and
    each further "and <verb>ing Z" of the same phrase."""
    out: list[tuple[tuple[int, int], int, str, str | None]] = [
        (m.span("agent"), m.end(), "aim.effect-on", None)
        for m in _EFFECTS_ON.finditer(a.text, clause.start, clause.end)]
    if not out:
        out = [(m.span("agent"), m.end(), "aim.effect-in", None)
               for m in _EFFECTS_IN.finditer(a.text, clause.start, clause.end)]
    for m in _ROLE_IN.finditer(a.text, clause.start, clause.end):
        out.append((m.span("agent"), m.end(), "aim.role-in", _direction(m)))
        stop = _OBJECTS_END.search(a.text, m.end(), clause.end)
        more = _AND_VERB_ING.match(a.text, stop.start(), clause.end) if stop else None
        if more:
            out.append((m.span("agent"), more.end(), "aim.role-in", _direction(more)))
    return out


def aim_questions(a: Analysed, found: Sequence[Statement] = ()) -> list[Statement]:
    """Hedged hypotheses of an aim or an open question (module docs); a pair ``found`` (the
    sentence's other statements) already relates is left alone, unless the sentence only
    names a topic (its other statements are then dropped)."""
    if not _NEEDS.may_match(a.text) or not states_aim(a.text):
        return []
    # a topic sentence's other statements are dropped where it is situated: none is kept
    have = set() if states_topic(a.text) else {(s.subject.id, getattr(s.object, "id", None))
                                                for s in found}
    out: list[Statement] = []
    for clause in clauses(a.text):
        for (lo, hi), at, rule, direction in _readings(a, clause):
            agents = _agents(a, lo, hi)
            objects = _named_objects(a, at, clause.end, named=rule != "aim.role-in")
            if rule == "aim.effect-in":
                objects = [y for y in objects if y.category in _PROCESS_OBJECTS]
            for y in objects if agents else ():
                for x in agents:
                    if x.entity.id == y.entity.id or (x.entity.id, y.entity.id) in have:
                        continue
                    have.add((x.entity.id, y.entity.id))
                    out.append(statement(a, rule, x.entity, "biolink:affects", y.entity,
                                         direction=direction, hedged=True,
                                         context=context_for(a, clause)))
    return out

"""Levels compared between the groups of an experiment.

Animal and cell studies state their findings as a measure compared between named groups:

* "X in the model group was lower than that in the sham group", "X was elevated in the TBI
  group compared with the control group": the injured group against an uninjured one ->
  X ``biolink:associated_with`` the disease modelled, with the direction of X;
* "X in the exosome group was higher than that in the model group": a treated group against
  the injured (or vehicle) group -> the treatment ``biolink:affects`` X, with the direction.

The comparison may also be written comparator first ("Compared with the sham group, X in
the MCAO group was increased"), name its measures only by their kind when they were named in
the comparison before ("and the protein expressions in the treatment group was higher than
that in the model group"), or leave the uninjured comparator implied ("X in the model group
increased, while the expression of Y decreased"). A model group stands for the first disease
the document names, else its first disease model.

A group is classed by its name: uninjured ("sham", "control", "normal", "healthy"), injured
("model", "vehicle", "PBS", "saline", a disease or model such as "MCAO", "TBI"), or treated (it
names a preparation, cell or therapy, or says "treatment" / "treated"). Any other pair of
groups (two treatments, two doses) is no claim here. The measure is the molecular or outcome
mention right before the comparison (with the ones coordinated with it).
"""

from __future__ import annotations

import re

from exokg.extract.base import AGENTS, GROUP_MEASURES, Analysed, Clause, DocumentState, \
    clauses, coordinated, statement
from exokg.extract.context import context_for
from exokg.extract.epistemics import hedged, negated
from exokg.extract.level_words import level_sign
from exokg.model import Entity, Mention, Statement
from exokg.text.prefilter import Needs

_DIR = (r"(?P<dir>higher|lower|increased|decreased|elevated|reduced|greater|raised|"
        r"up-?regulated|down-?regulated|diminished|smaller|larger|fewer)")
_VS = r"(?:than|compared\s+(?:with|to)|relative\s+to|versus|vs\.?)"
_WORD = r"(?!(?:in|of|the|was|were|than|that|those|and|or)\b)[\w/+()-]+"
_GROUP = r"(?:the\s+)?(?P<{0}>" + _WORD + r"(?:\s+" + _WORD + r"){{0,3}}?)\s+groups?"
# "X in the model group was lower than that in the sham group"
_IN_GROUP_WAS = re.compile(r"\b(?:in|of)\s+" + _GROUP.format("g1") + r"\s+(?:was|were)\s+"
                           r"(?:\w+ly\s+)?" + _DIR + r"\s+" + _VS + r"\s+(?:that|those)?\s*"
                           r"(?:in|of)?\s*" + _GROUP.format("g2"), re.I)
# "X was elevated in the TBI group compared with the sham group"
_WAS_IN_GROUP = re.compile(r"\b(?:was|were)\s+(?:\w+ly\s+)?" + _DIR + r"\s+in\s+"
                           + _GROUP.format("g1") + r"\s*,?\s*" + _VS + r"\s+(?:that|those)?\s*"
                           r"(?:in|of)?\s*" + _GROUP.format("g2"), re.I)
_UNINJURED = re.compile(r"^(?:sham(?:-operated)?|control|normal|healthy|naive|na[iï]ve|"
                        r"blank|intact)$", re.I)
_INJURED = re.compile(r"\b(?:model|vehicle|PBS|saline|injury|injured|untreated)\b", re.I)
_TREATED = re.compile(r"\b(?:treatment|treated|therapy|exosomes?|exos?|EVs?|MSCs?)\b", re.I)


def note_disease(a: Analysed, state: DocumentState) -> None:
    """Remember the first disease a document names: the one its model group stands for (and
    the first disease model, for a document that names no disease: 'MCAO surgery to induce
    acute brain injury models')."""
    if state.disease is None:
        found = a.within(0, len(a.text), frozenset({"Disease"}))
        if found:
            state.disease = found[0].entity
    if state.model_entity is None:
        models = a.within(0, len(a.text), frozenset({"DiseaseModel"}))
        if models:
            state.model_entity = models[0].entity


# "the protein expressions in the treatment group was higher than that in the model group":
# the measures of the comparison before, named again only by their kind
_SAME_MEASURES = re.compile(r"\b(?:the\s+|their\s+|these\s+)?(?:(?:protein|mRNA|messenger\s+RNA|"
                            r"gene)\s+)?(?:expressions?|levels?)\s*$", re.I)
# "X in the model group increased (while ...)": the injured group against the uninjured one
# the design implies
_WHILE_OF = re.compile(r"\s*,?\s*(?:while|whereas)\s+(?:the\s+)?(?:(?:protein|mRNA|gene)\s+)?"
                       r"(?:expressions?|levels?)\s+of\s+", re.I)
_MODEL_CHANGED = re.compile(r"\bin\s+" + _GROUP.format("g1") + r"\s+(?:(?:was|were)\s+)?"
                            r"(?:\w+ly\s+)?" + _DIR + r"\b(?!\s+" + _VS + r")", re.I)


def _kind(a: Analysed, start: int, end: int, name: str) -> str | None:
    """'uninjured', 'injured' or 'treated' for the group named ``a.text[start:end]``."""
    if a.within(start, end, AGENTS) or _TREATED.search(name):
        return "treated"
    if _UNINJURED.match(name.strip()):
        return "uninjured"
    if _INJURED.search(name) or a.within(start, end, frozenset({"Disease", "DiseaseModel"})):
        return "injured"
    return None


def _measures(a: Analysed, start: int, at: int) -> list[Mention]:
    """The measure named right before a comparison, with those coordinated with it."""
    near = [m for m in a.within(start, at, GROUP_MEASURES) if at - m.end < 60]
    if not near:
        return []
    return coordinated(a, max(near, key=lambda m: m.end), GROUP_MEASURES, backwards=True)


def extract_group_levels(a: Analysed, state: DocumentState) -> list[Statement]:
    """Statements of one sentence's group comparisons (see module docs)."""
    note_disease(a, state)
    if not _NEEDS_GROUP_LEVELS.may_match(a.text):
        return []  # every comparison below names a group ("in the MCAO group")
    out: list[Statement] = []
    for clause in clauses(a.text):
        last: list[Mention] = []
        for pattern in (_IN_GROUP_WAS, _WAS_IN_GROUP):
            for m in pattern.finditer(a.text, clause.start, clause.end):
                first = _kind(a, m.start("g1"), m.end("g1"), m.group("g1"))
                second = _kind(a, m.start("g2"), m.end("g2"), m.group("g2"))
                measures = _measures(a, clause.start, m.start())
                if not measures and last and _SAME_MEASURES.search(a.text, clause.start,
                                                                   m.start()):
                    measures = last
                if not measures:
                    continue
                last = measures
                up = level_sign(m.group("dir")) > 0
                direction = "increased" if up else "decreased"
                ctx = context_for(a, clause)
                neg = negated(a.text, clause.start, m.start("dir"))
                hedge = hedged(a.text, clause.start, m.start("dir"))
                if first == "injured" and second == "uninjured":
                    named = a.within(m.start("g1"), m.end("g1"), frozenset({"Disease"}))
                    disease = named[0].entity if named else (state.disease
                                                             or state.model_entity)
                    if disease is None:
                        continue
                    out += [statement(a, "group.level", x.entity, "biolink:associated_with",
                                      disease, direction=direction, negated=neg,
                                      hedged=hedge, context=ctx) for x in measures]
                elif first == "treated" and second == "injured":
                    agents = _agents(a, m.start("g1"), m.end("g1"), state)
                    out += [statement(a, "group.effect", agent, "biolink:affects", x.entity,
                                      direction=direction, negated=neg, hedged=hedge,
                                      context=ctx)
                            for agent in agents for x in measures
                            if x.entity.id != agent.id]
        out += _model_group_changes(a, clause.start, clause.end, state)
        out += _compared_first(a, clause.start, clause.end, state)
    return out


# "Compared with the sham group, (the expression of) X in the MCAO group was increased"
_COMPARED_FIRST = re.compile(r"\b(?:compared\s+(?:with|to)|relative\s+to|versus|vs\.?)\s+"
                             + _GROUP.format("g2") + r"\s*,\s*")
_THEN_IN_GROUP = re.compile(r"\bin\s+" + _GROUP.format("g1") + r"\s+(?:was|were)\s+"
                            r"(?:\w+ly\s+)?" + _DIR + r"\b", re.I)
#: what extract_group_levels needs (all its patterns name a group)
_NEEDS_GROUP_LEVELS = Needs(_IN_GROUP_WAS, _WAS_IN_GROUP, _MODEL_CHANGED, _COMPARED_FIRST)


def _compared_first(a: Analysed, start: int, end: int,
                    state: DocumentState) -> list[Statement]:
    """'Compared with the G2 group, X in the G1 group was DIR': the comparison written before
    the measure; read as the patterns above read 'X in the G1 group was DIR than in G2'."""
    out: list[Statement] = []
    lead = re.compile(_COMPARED_FIRST.pattern, re.I).search(a.text, start, end)
    if not lead:
        return out
    m = _THEN_IN_GROUP.search(a.text, lead.end(), end)
    if not m:
        return out
    first = _kind(a, m.start("g1"), m.end("g1"), m.group("g1"))
    second = _kind(a, lead.start("g2"), lead.end("g2"), lead.group("g2"))
    measures = [x for x in _measures(a, lead.end(), m.start())]
    if not measures:
        return out
    direction = "increased" if level_sign(m.group("dir")) > 0 else "decreased"
    ctx = context_for(a, Clause(start, end))
    neg = negated(a.text, lead.end(), m.start("dir"))
    hedge = hedged(a.text, start, m.start("dir"))
    if first == "injured" and second == "uninjured":
        named = a.within(m.start("g1"), m.end("g1"), frozenset({"Disease", "DiseaseModel"}))
        disease = named[0].entity if named else (state.disease or state.model_entity)
        if disease is not None:
            out += [statement(a, "group.level", x.entity, "biolink:associated_with", disease,
                              direction=direction, negated=neg, hedged=hedge, context=ctx)
                    for x in measures]
    elif first == "treated" and second == "injured":
        agents = _agents(a, m.start("g1"), m.end("g1"), state)
        out += [statement(a, "group.effect", agent, "biolink:affects", x.entity,
                          direction=direction, negated=neg, hedged=hedge, context=ctx)
                for agent in agents for x in measures if x.entity.id != agent.id]
    return out


def _model_group_changes(a: Analysed, start: int, end: int,
                         state: DocumentState) -> list[Statement]:
    """'The mRNA expressions of X and Y in the model group increased' (no comparator named):
    the injured group changed against the uninjured one -> each measure
    ``biolink:associated_with`` the disease modelled, with the direction."""
    out: list[Statement] = []
    if re.search(_VS, a.text[start:end], re.I):
        return out  # a comparison named: the patterns above read it
    for m in _MODEL_CHANGED.finditer(a.text, start, end):
        if _kind(a, m.start("g1"), m.end("g1"), m.group("g1")) != "injured":
            continue
        measures = _measures(a, start, m.start())
        named = a.within(m.start("g1"), m.end("g1"), frozenset({"Disease"}))
        disease = named[0].entity if named else (state.disease or state.model_entity)
        if not measures or disease is None:
            continue
        found = [(measures, m.group("dir"), m.start("dir"))]
        # "..., while the expression of Z (mRNA) decreased": the same group, another measure
        # (the clause ends at ", whereas": the continuation is read across it)
        more = _WHILE_OF.match(a.text, m.end())
        if more:
            verb = re.compile(r"\s*(?:[\w-]+\s+){0,8}?(?:was\s+|were\s+)?(?:\w+ly\s+)?"
                              + _DIR + r"\b", re.I).match(a.text, more.end())
            named_more = [x for x in a.within(more.end(), verb.start("dir"), GROUP_MEASURES)] \
                if verb else []
            if named_more:
                found.append((named_more, verb.group("dir"), verb.start("dir")))
        for group, word, at in found:
            direction = "increased" if level_sign(word) > 0 else "decreased"
            out += [statement(a, "group.level", x.entity, "biolink:associated_with", disease,
                              direction=direction, negated=negated(a.text, start, at),
                              hedged=hedged(a.text, start, at),
                              context=context_for(a, Clause(start, end))) for x in group]
    return out


def _agents(a: Analysed, start: int, end: int, state: DocumentState) -> list[Entity]:
    """What a treated group received: the agents its name gives ('the MSC-Exo group'), else
    the preparation the document is about ('the treatment group'; also for a plain vesicle
    word, 'the exosome group', when the document has named its preparation)."""
    named = a.within(start, end, AGENTS)
    if named:
        agent = max(named, key=lambda m: m.end - m.start)
        # "the exosome group" of a study of one preparation is that preparation
        if agent.category == "Vesicle" and state.preparation is not None:
            return [state.preparation]
        return [agent.entity]
    return [state.preparation] if state.preparation is not None else []

"""Findings stated as a contrast of two groups whose names differ by the treatment: "TNF-α
levels were lower in FGR+UCBC vs. FGR lambs", "histology showed decreased inflammation and
increased neurogenesis in MCAO+EPC compared with MCAO rats", "apoptosis was reduced in
X-treated versus vehicle-treated mice".

The treated group is named by the injured group's name with the agent added ("FGR+UCBC",
"HI + MSC", "X-treated"); the comparator names no agent (the disease or model alone,
"vehicle-treated", "untreated"). The agent of the group ``biolink:affects`` each measure
before the contrast, with the direction the sentence gives it:

* one direction for all: "A and B were lower in G1 vs. G2" (the verb phrase right before
  the contrast);
* a list with its own directions: "showed decreased A and B, increased C, D, and greater E
  in G1 vs. G2": each item takes the last direction word written before it. An item no
  dictionary names, of at most five words, is an open outcome ("pericyte stability").

A vesicle word as the agent ("TBI+exosome") is the document's preparation when it named one,
as :mod:`exokg.extract.groups` reads "the exosome group". Rules reading named groups ("in the
model group") stay with :mod:`exokg.extract.groups`; this module reads the groups named by
their parts, with or without "group(s)" or the animals after them.
"""

from __future__ import annotations

import re

from exokg.extract.base import AGENTS, GROUP_MEASURES, Analysed, DocumentState, clauses, \
    statement
from exokg.extract.context import context_for
from exokg.extract.enumerations import LIST_SEPARATOR
from exokg.extract.epistemics import hedged, negated
from exokg.extract.level_words import DOWN, UP
from exokg.extract.outcomes import outcome_for_text
from exokg.extract.treated_groups import UNTREATED
from exokg.model import Entity, Mention, Statement
from exokg.recognise.species import ANIMAL_NOUNS
from exokg.text.prefilter import Needs

__all__ = ["extract_group_contrasts"]

_WORD = r"[\w/+()-]+"
#: "in FGR+UCBC vs. FGR lambs", "in HI + MSC compared with HI pups", "in X-treated versus
#: vehicle-treated mice": two groups, the first with the treatment added ("+", "-treated")
_CONTRAST = re.compile(
    r"\bin\s+(?:the\s+)?(?P<g1>" + _WORD + r"(?:\s*\+\s*" + _WORD + r"|[\s-]+treated)"
    r"(?:\s+" + _WORD + r")?)\s+(?:vs\.?|versus|compared\s+(?:with|to)|relative\s+to|"
    r"than(?:\s+in)?)\s+(?:the\s+)?(?P<g2>" + _WORD + r"(?:\s+" + _WORD + r"){0,2}?)"
    r"(?=\s*(?:[,;.)(]|$|\s+(?:" + ANIMAL_NOUNS + r"|groups?|cohorts?|patients|cells|"
    r"cultures)\b))", re.I)
_NEEDS = Needs(_CONTRAST)
#: the level words of the field (:mod:`exokg.extract.level_words`) and the words a contrast
#: of groups also writes for a change ("improved", "more", "fewer", "attenuated")
_UP = UP + r"|up-?regulated|enhanced|improved|more|larger"
_DOWN = DOWN + r"|down-?regulated|less|fewer|attenuated|suppressed|smaller|impaired"
_DIRECTION = re.compile(r"\b(?:(?P<up>" + _UP + r")|(?P<down>" + _DOWN + r"))\b", re.I)
#: the verb phrase right before the contrast: "were (significantly) lower in ..."
_ONE_DIRECTION = re.compile(r"\b(?:was|were|is|are)\s+(?:(?:also|further|\w+ly)\s+)*(?:(?P<up>"
                            + _UP + r")|(?P<down>" + _DOWN + r"))\s*$", re.I)
#: where a list of findings begins: after its reporting verb
_REPORTED = re.compile(r"\b(?:showed|show|shows|revealed|demonstrated|displayed|exhibited|"
                       r"had|have|has|found|observed)\s+", re.I)
#: an item that is no measure: numbers, statistics, group sizes
_NOT_OUTCOME = re.compile(r"\d|\bp\s*[<=>]|\bn\s*=", re.I)


def _agent(a: Analysed, g1: tuple[int, int], g2: tuple[int, int],
           state: DocumentState) -> Entity | None:
    """The treatment that tells the first group from the second: the longest agent named in
    the first and not in the second, none when the second names one too (two treatments) or
    the first is an untreated group."""
    if UNTREATED.search(a.text, *g1) or a.within(g2[0], g2[1], AGENTS):
        return None
    named = a.within(g1[0], g1[1], AGENTS)
    if not named:
        return None
    agent = max(named, key=lambda m: m.end - m.start)
    if agent.category == "Vesicle" and state.preparation is not None:
        return state.preparation
    return agent.entity


def _items(a: Analysed, start: int, end: int) -> list[tuple[list[Entity], str]]:
    """The measures of a list of findings ``a.text[start:end]``, each with the direction of
    the last direction word before it (module docs); items before the first direction word
    are no findings."""
    out: list[tuple[list[Entity], str]] = []
    direction = ""
    pos = start
    for cut in [*LIST_SEPARATOR.finditer(a.text, start, end), None]:
        stop = cut.start() if cut else end
        words = a.text[pos:stop]
        lead = _DIRECTION.match(words)
        if lead:
            direction = "increased" if lead.group("up") else "decreased"
        if direction:
            offset = pos + (lead.end() if lead else 0)
            named = a.within(offset, stop, GROUP_MEASURES)
            phrase = a.text[offset:stop].strip()
            if named:
                out.append(([m.entity for m in named], direction))
            elif phrase and len(phrase.split()) <= 5 and not _NOT_OUTCOME.search(phrase) \
                    and re.fullmatch(r"[A-Za-z][\w -]*", phrase) and \
                    not a.within(offset, stop, AGENTS):
                out.append(([outcome_for_text(phrase)], direction))
        pos = cut.end() if cut else end
    return out


def _one_direction(a: Analysed, start: int, end: int) -> list[tuple[list[Entity], str]]:
    """'A and B were lower in ...': every measure of the clause before the verb phrase,
    with its direction; none when no measure is named there."""
    verb = _ONE_DIRECTION.search(a.text, start, end)
    if not verb:
        return []
    named: list[Mention] = a.within(start, verb.start(), GROUP_MEASURES)
    direction = "increased" if verb.group("up") else "decreased"
    return [([m.entity for m in named], direction)] if named else []


def extract_group_contrasts(a: Analysed, state: DocumentState) -> list[Statement]:
    """Statements of the group contrasts of one sentence (module docs)."""
    if "+" not in a.text and "treated" not in a.text.lower():
        return []
    if not _NEEDS.may_match(a.text):
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in _CONTRAST.finditer(a.text, clause.start, clause.end):
            agent = _agent(a, m.span("g1"), m.span("g2"), state)
            if agent is None:
                continue
            found = _one_direction(a, clause.start, m.start())
            if not found:
                reported = None
                for r in _REPORTED.finditer(a.text, clause.start, m.start()):
                    reported = r
                begin = reported.end() if reported else clause.start
                found = _items(a, begin, m.start())
            ctx = context_for(a, clause)
            neg = negated(a.text, clause.start, m.start())
            hedge = hedged(a.text, clause.start, m.start())
            seen: set[tuple[str, str]] = set()
            for entities, direction in found:
                for obj in entities:
                    if obj.id == agent.id or (obj.id, direction) in seen:
                        continue
                    seen.add((obj.id, direction))
                    out.append(statement(a, "group.contrast", agent, "biolink:affects", obj,
                                         direction=direction, negated=neg, hedged=hedge,
                                         context=ctx))
    return out

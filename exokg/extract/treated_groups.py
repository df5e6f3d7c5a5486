"""Levels and outcomes in treated groups: "(X-)treated rats showed reduced expression of A, B
and C" (:func:`treated_group_levels`), "motor coordination was impaired in mice treated with
X", "Y in X-treated mice was significantly improved" (:func:`measures_in_treated_animals`) ->
the treatment ``biolink:affects`` each measure, with the direction the comparison gives. The
group that received nothing (vehicle, PBS, sham, controls) is never the subject.
"""

from __future__ import annotations

import re

from exokg.extract.base import AGENTS, GROUP_MEASURES, Analysed, DocumentState, clauses, \
    coordinated, statement
from exokg.extract.epistemics import hedged, negated
from exokg.extract.level_markers import DIRECTION, UP
from exokg.extract.outcomes import outcome_for_text
from exokg.model import Entity, Mention, Statement
from exokg.recognise.species import ANIMAL_NOUNS
from exokg.text.prefilter import Needs

__all__ = ["UNTREATED", "measures_in_treated_animals", "treated_group_levels"]


# "treated ICH rats showed significantly reduced expression of IL-1a, IL-6 and IFN-g",
# "EV-treated mice had higher levels of BDNF"
_TREATED_GROUP = re.compile(r"\b(?P<agent>[\w/+-]+-)?treated\s+(?:[\w-]+\s+){0,3}?(?:"
                            + ANIMAL_NOUNS + r"|patients|groups?)\s+(?:also\s+)?"
                            r"(?:showed|had|displayed|exhibited|demonstrated|presented|revealed)"
                            r"\s+(?:an?\s+)?(?:\w+ly\s+)?" + DIRECTION + r"\s+(?:(?:mRNA\s+|"
                            r"protein\s+)?(?:expression|levels?|concentrations?|production|"
                            r"release|secretion|numbers?|amounts?)\s+of\s+)?(?:the\s+)?", re.I)


_NEEDS_TREATED_GROUP = Needs(_TREATED_GROUP)


def treated_group_levels(a: Analysed, state: DocumentState) -> list[Statement]:
    """'(X-)treated rats showed (significantly) reduced expression of A, B and C' -> the
    treatment ``biolink:affects`` each measure with the direction. The treatment is the
    agent written before "-treated", else the subject of the document's last effect, else
    its preparation."""
    if not _NEEDS_TREATED_GROUP.may_match(a.text):  # no cue word: nothing to read
        return []
    out: list[Statement] = []
    for m in _TREATED_GROUP.finditer(a.text):
        first = [x for x in a.within(m.end(), len(a.text), GROUP_MEASURES)
                 if x.start - m.end() < 3]
        if not first:
            continue
        named = a.within(m.start(), m.start("dir"), AGENTS)
        agents = [x.entity for x in named] or [e for e in state.subject
                                              if e.category in AGENTS] or (
            [state.preparation] if state.preparation else [])
        if not agents:
            continue
        up = m.group("dir").lower().replace("-", "") in UP
        for agent in agents:
            for obj in coordinated(a, first[0], GROUP_MEASURES, backwards=False):
                out.append(statement(a, "effect.treated-group", agent, "biolink:affects",
                                     obj.entity, direction="increased" if up else "decreased",
                                     negated=negated(a.text, 0, m.start("dir")),
                                     hedged=hedged(a.text, 0, m.start("dir"))))
    return out


_ANIMALS = f"(?:{ANIMAL_NOUNS})"
_CHANGE = (r"(?P<dir>improved|enhanced|increased|elevated|restored|promoted|preserved|higher|"
           r"greater|impaired|decreased|reduced|attenuated|worsened|diminished|lower|"
           r"suppressed|aggravated|exacerbated)")
# "Y was (also) (significantly) impaired in mice treated with X"
_IN_TREATED = re.compile(r"\b(?:was|were)\s+(?:(?:also|further|\w+ly)\s+)*" + _CHANGE +
                         r"\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?" + _ANIMALS +
                         r"\s+(?:that\s+were\s+|which\s+were\s+)?(?:treated|injected|infused)"
                         r"\s+with\s+", re.I)
# "Y in (the) X(-| )treated mice was (significantly) improved"
_TREATED_WAS = re.compile(r"\s+in\s+(?:the\s+)?(?P<agent>[^,;]{2,80}?)[\s-]treated\s+" + _ANIMALS
                          + r"\s+(?:was|were)\s+(?:(?:also|further|\w+ly)\s+)*" + _CHANGE
                          + r"\b", re.I)
#: a group that received no treatment: "vehicle-treated", "PBS", "sham", "(untreated) controls"
UNTREATED = re.compile(r"\b(?:vehicle|PBS|saline|sham|controls?|untreated|placebo)\b", re.I)
_UP_CHANGE = ("improved", "enhanced", "increased", "elevated", "restored", "promoted",
              "preserved", "higher", "greater")
_LEAD = re.compile(r"^(?:\W*(?:moreover|furthermore|additionally|also|however|in\s+addition|"
                   r"similarly|consistently|notably|importantly)\b\s*,?\s*)?(?:the\s+)?", re.I)


def _measure(a: Analysed, start: int, end: int) -> list[Entity]:
    """What was measured: the recognised measures ending right before ``end`` (with those
    coordinated), else the clause's opening noun phrase as an open outcome ('Motor
    coordination'); none when it names an agent or is longer than five words."""
    near = [m for m in a.within(start, end, GROUP_MEASURES) if end - m.end <= 3]
    if near:
        return [m.entity for m in coordinated(a, near[-1], GROUP_MEASURES, backwards=True)]
    lead = _LEAD.match(a.text, start, end)
    words = a.text[lead.end():end].strip()
    if not words or len(words.split()) > 5 or a.within(start, end, AGENTS) or \
            not re.fullmatch(r"[A-Za-z][\w -]*", words):
        return []
    return [outcome_for_text(words)]


def _agents(a: Analysed, start: int, end: int) -> list[Mention]:
    """The treatment named in ``a.text[start:end]``: its agents (the longest first), none
    when the span names an untreated group."""
    if UNTREATED.search(a.text, start, end):
        return []
    found = a.within(start, end, AGENTS)
    return sorted(found, key=lambda m: m.start - m.end)[:1]


_NEEDS_TREATED_MEASURES = Needs(_IN_TREATED, _TREATED_WAS)


def measures_in_treated_animals(a: Analysed) -> list[Statement]:
    """'Y was impaired in mice treated with X', 'Y in X-treated mice was improved' -> X
    ``biolink:affects`` Y, increased for improved / enhanced / higher, decreased for
    impaired / reduced / lower (module docs)."""
    if not _NEEDS_TREATED_MEASURES.may_match(a.text):  # no cue word: nothing to read
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        found: list[tuple[list[Entity], list[Mention], re.Match[str]]] = []
        for m in _IN_TREATED.finditer(a.text, clause.start, clause.end):
            agents = _agents(a, m.end(), min(clause.end, m.end() + 90))
            agents = [x for x in agents if x.start - m.end() < 60]
            found.append((_measure(a, clause.start, m.start()), agents, m))
        for m in _TREATED_WAS.finditer(a.text, clause.start, clause.end):
            found.append((_measure(a, clause.start, m.start()),
                          _agents(a, m.start("agent"), m.end("agent")), m))
        for measures, agents, m in found:
            up = m.group("dir").lower() in _UP_CHANGE
            for agent in agents:
                for obj in measures:
                    if obj.id == agent.entity.id:
                        continue
                    out.append(statement(a, "effect.treated-animals", agent.entity,
                                         "biolink:affects", obj,
                                         direction="increased" if up else "decreased",
                                         negated=negated(a.text, clause.start, m.start("dir")),
                                         hedged=hedged(a.text, clause.start, m.start("dir"))))
    return out

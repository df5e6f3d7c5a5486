"""Nominal mechanism lists: the agent of a sentence that lists what a treatment does as nouns
and names no agent itself.

Reviews and discussions list mechanisms without a verb of their own: "Reported mechanisms
include modulation of the inflammatory microenvironment; inhibition of apoptosis and
pyroptosis; promotion of angiogenesis; and restriction of glial scar formation", "Proposed
modes of action involve suppression of ...", "These benefits comprise attenuation of ...".
Each item opens with a nominalised verb that the effect rule already reads as a trigger
("inhibition" lowers, "promotion" raises, "modulation" changes without a direction:
:mod:`exokg.extract.effects`); what the list lacks is the agent. It is the treatment the
sentence before spoke of (:func:`list_agents`): its preparations, else its vesicles ("the
mechanisms of exosomes from mesenchymal stem cells ..." -> the exosomes), else the subject of
the effect last stated (the list explains it: "Stem cell therapy was neuroprotective in ICH.
... The potential mechanisms include promotion of neurogenesis"), else none.
A header that offers the items as possibilities ("Proposed / putative mechanisms include")
hedges them (:func:`list_hedged`).

A sentence whose list names its agent ("Mechanisms of MSC-EVs include inhibition of ...")
is read by the effect rule as it stands; a list whose header is not a mechanism, action,
effect or benefit ("Symptoms include ...", "Risk factors include ...") gives no agent.
"""

from __future__ import annotations

import re

from exokg.extract.base import AGENTS, Analysed, DocumentState
from exokg.model import Entity, Mention
from exokg.text.prefilter import Needs

__all__ = ["list_agents", "list_hedged", "note_agents"]

#: a sentence that opens with a list header: "(Reported) mechanisms include", "Proposed modes
#: of action involve", "These protective effects comprise", "Its benefits are"
LIST_HEAD = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:mechanisms?|modes?\s+of\s+action|actions?|effects?|"
    r"benefits?|activities|functions)\s+(?:(?:of\s+action|reported|described|proposed|"
    r"identified|observed|so\s+far|to\s+date)\s+){0,2}(?:include[sd]?|involve[sd]?|"
    r"comprise[sd]?|encompass(?:es|ed)?|consist(?:s|ed)?\s+of|range[sd]?\s+from)\b", re.I)
_NEEDS_HEAD = Needs(LIST_HEAD)
#: header words that name something other than what a treatment does
_NOT_TREATMENT = re.compile(r"\b(?:side|adverse|toxic|off-target|risk|symptoms?)\b", re.I)
_PREFERENCE = ("ExosomePreparation", "Vesicle")
#: a header that offers the mechanisms as possibilities: "Proposed / putative mechanisms"
_HEDGED_HEAD = re.compile(r"\b(?:proposed|putative|possible|potential|suggested|hypothesi[sz]ed|"
                          r"likely|candidate|speculative)\b", re.I)


def list_hedged(text: str) -> bool:
    """True when a mechanism list's header offers its items as possibilities ("Proposed
    mechanisms include ...", "Possible modes of action involve ...")."""
    head = LIST_HEAD.match(text)
    return bool(head and _HEDGED_HEAD.search(head.group()))


def note_agents(a: Analysed, state: DocumentState) -> None:
    """Remember the agents sentence ``a`` names (for the list in the sentence after it)."""
    state.previous_agents = (a.sentence.index, tuple(
        m.entity for m in a.mentions if m.category in AGENTS))


def list_agents(a: Analysed, state: DocumentState) -> list[Mention]:
    """The agent of a nominal mechanism list that names none (module docs), as mentions at
    the start of the sentence; empty for any other sentence. Call before
    :func:`note_agents` updates ``state`` for this sentence."""
    if not _NEEDS_HEAD.may_match(a.text):
        return []
    head = LIST_HEAD.match(a.text)
    if not head or _NOT_TREATMENT.search(head.group()) or \
            any(m.category in AGENTS and m.start < head.end() for m in a.mentions):
        return []
    index, agents = state.previous_agents
    if index != a.sentence.index - 1 or not agents:
        return []
    chosen: list[Entity] = []
    for category in _PREFERENCE:
        chosen = [e for e in agents if e.category == category]
        if chosen:
            break
    # no vesicles named before: the list explains the effect last stated; a cell or a
    # therapy named in passing ("studies of diverse stem cell types") is not enough
    chosen = list({e.id: e for e in chosen or state.subject}.values())
    return [Mention(e, 0, 0, "", source="reference") for e in chosen]

"""An effect named by a nominal title: "Hippocampal neuroprotection mediated by X against
experimental stroke", "Neurogenesis induced by X after TBI", "Functional recovery promoted by
X in rats with SCI".

A title without a finite verb names what the treatment brings about with a participle after
the outcome: the agent after "by" ``biolink:affects`` the outcome right before the participle,
increased (the outcome is what the agent produces). Only in a document's title: in running
text "the neuroprotection mediated by X was abolished by Y" names the effect as the object
of another finding. A negation or a hedge before the participle governs the effect ("No
neuroprotection conferred by X", "Possible neurogenesis induced by X"). The disease after
"against" / "in treating" is the benefit reading of :mod:`exokg.extract.titles`.
"""

from __future__ import annotations

import re

from exokg.extract.base import AGENTS, Analysed, clauses, coordinated, pairs_made, \
    statement
from exokg.extract.context import context_for
from exokg.extract.epistemics import hedged, negated
from exokg.extract.status import is_title
from exokg.model import Statement
from exokg.text.prefilter import Needs

__all__ = ["title_effects"]

_BY = re.compile(r"\s+(?:mediated|conferred|provided|afforded|induced|promoted|elicited|"
                 r"exerted|offered|achieved|enhanced)\s+by\s+(?:the\s+)?", re.I)
_NEEDS = Needs(_BY)
_OUTCOMES = frozenset({"Outcome", "BiologicalProcess"})
# at most two words between "by" and the agent ("by secretome of human MSCs": the name
# starts there; "by intravenous MSC exosomes")
_LEAD = re.compile(r"(?:[\w-]+\s+){0,2}")


def title_effects(a: Analysed, found: list[Statement]) -> list[Statement]:
    """The effects a nominal title of the document names (module docs); none another rule
    already read from the sentence."""
    if not _NEEDS.may_match(a.text) or not is_title(a.document, a):
        return []
    made = pairs_made(found)
    out: list[Statement] = []
    clause = clauses(a.text)[0]
    for m in _BY.finditer(a.text):
        outcomes = [x for x in a.within(0, m.start(), _OUTCOMES) if x.end == m.start()]
        after = [x for x in a.within(m.end(), len(a.text), AGENTS)
                 if _LEAD.fullmatch(a.text, m.end(), x.start)]
        if not outcomes or not after:
            continue
        hedge, negation = hedged(a.text, 0, m.start()), negated(a.text, 0, m.start())
        for agent in coordinated(a, after[0], AGENTS, backwards=False):
            for outcome in coordinated(a, outcomes[-1], _OUTCOMES, backwards=True):
                if (agent.entity.id, outcome.entity.id) in made:
                    continue
                made.add((agent.entity.id, outcome.entity.id))
                out.append(statement(a, "effect.title-by", agent.entity, "biolink:affects",
                                     outcome.entity, direction="increased",
                                     hedged=hedge, negated=negation,
                                     context=context_for(a, clause)))
    return out

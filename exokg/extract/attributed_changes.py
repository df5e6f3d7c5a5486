"""What a treatment's effect is put down to, named with the change after the molecule: "the
pro-neurogenesis effects of X may be partially attributed to HDAC6 inhibition via the transfer
of exosomal miR-26a", "the benefits of X could be partly explained by PTEN downregulation",
"the neuroprotection of X was due to Nrf2 activation".

The effect rule reads a change named before its object ("inhibition of HDAC6", "induction of
angiogenesis"); a molecule or process followed by the noun of its change ("HDAC6
inhibition", "PTEN downregulation", "AMPK activation") has no verb before it, and the agent
is the treatment whose effect the sentence explains. Here, after "(the) effect(s) / benefit(s)
/ action(s) of X ... (is / may be) attributed / attributable / ascribed / due / owing to" or
"... (is) mediated / explained by":

* X ``biolink:affects`` each molecule or process so named, decreased (inhibition,
  suppression, downregulation, reduction, blockade, deficiency) or increased (activation,
  upregulation, induction, enhancement, overexpression), hedged as the sentence is;
* a miRNA named as the means ("via / through (the) transfer / delivery of (exosomal) miR-Y")
  changes the same molecules the same way (the vesicles act through it).

Members coordinated with "and" each take their own change noun ("PTEN downregulation and
Akt activation"). Nothing is read without the explaining frame.
"""

from __future__ import annotations

import re

from exokg.extract.base import AGENTS, MIRNAS, Analysed, clauses, pairs_made, statement
from exokg.extract.context import context_for
from exokg.extract.epistemics import hedged, negated
from exokg.model import Mention, Statement
from exokg.recognise.inhibitors import LOSS_NOUNS
from exokg.text.prefilter import Needs

__all__ = ["attributed_changes"]

# "the (pro-neurogenesis) effects of X may be (partially) attributed to"
_FRAME = re.compile(r"\b(?:effects?|benefits?|actions?|efficacy|neuroprotection|protection)\s+"
                    r"of\s+(?P<agent>[^,;]{2,80}?)\s+(?:(?:was|were|is|are|may|might|could|can|"
                    r"be|been|\w+ly)\s+){0,4}(?:(?:attributed|attributable|ascribed|due|owing|"
                    r"related)\s+to|(?:mediated|explained|caused)\s+by)\s+", re.I)
_NEEDS = Needs(_FRAME)
# a lowered molecule: the nouns of a loss (the recogniser's home of them) or a reduction
_DOWN = LOSS_NOUNS + r"|reduction"
_UP = r"activation|up-?regulation|induction|enhancement|over-?expression"
# the change noun right after the molecule (a short form in brackets may stand between)
_CHANGE = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?(?:(?P<down>" + _DOWN + r")|(?P<up>" + _UP +
                     r"))\b", re.I)
_CHANGED = frozenset({"Gene", "Protein", "BiologicalProcess"})
# "via the transfer of exosomal miR-26a": the miRNA carried
_MEANS = re.compile(r"\b(?:via|through|by)\s+(?:the\s+)?(?:(?:transfer|delivery|shuttling)\s+of|"
                    r"delivering|transferring|shuttling)\s+(?:\w+\s+){0,2}?$", re.I)


def attributed_changes(a: Analysed, found: list[Statement]) -> list[Statement]:
    """The changes sentence ``a`` puts a treatment's effect down to (module docs), none that
    ``found`` already holds."""
    if not _NEEDS.may_match(a.text):
        return []
    made = pairs_made(found)
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in _FRAME.finditer(a.text, clause.start, clause.end):
            agents = a.within(m.start("agent"), m.end("agent"), AGENTS)
            changes = _changes(a, m.end(), clause.end)
            if not agents or not changes:
                continue
            carried = [x for x in a.within(m.end(), clause.end, MIRNAS)
                       if _MEANS.search(a.text, m.end(), x.start)]
            hedge = hedged(a.text, clause.start, m.end())
            neg = negated(a.text, clause.start, m.end())
            for subject in [agents[-1]] + carried[:1]:
                for target, direction in changes:
                    if (subject.entity.id, target.entity.id) in made:
                        continue
                    made.add((subject.entity.id, target.entity.id))
                    out.append(statement(a, "effect.attributed-to", subject.entity,
                                         "biolink:affects", target.entity, direction=direction,
                                         hedged=hedge, negated=neg,
                                         context=context_for(a, clause)))
    return out


def _changes(a: Analysed, start: int, end: int) -> list[tuple[Mention, str]]:
    """Each molecule or process of ``a.text[start:end]`` followed by the noun of its change,
    with the change's direction."""
    out = []
    for x in a.within(start, end, _CHANGED):
        change = _CHANGE.match(a.text, x.end)
        if change:
            out.append((x, "decreased" if change.group("down") else "increased"))
    return out

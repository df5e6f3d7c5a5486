"""Cells that take part in a process or an outcome: "X play(s) a role in Y", "X are involved
in Y" -> X ``biolink:participates_in`` Y.

:func:`exokg.extract.biomarkers` reads the same wording for molecules, miRNAs and vesicles
with a recognised biological process after it; a cell population ("circulating endothelial
progenitor cells play a role in the regeneration of damaged brain tissue", "microglia may
play a key role in functional recovery", "neural stem cells are involved in neurogenesis")
is read here, and its object may be an outcome or an open noun phrase as well as a
recognised process. The claim is hedged by the usual cues ("may play a role"); its status
(mostly background) is the sentence's (:func:`exokg.extract.claim_status`).

A role in a disease ("play a role in the pathogenesis of D", "involved in stroke") is no
part in a process: not read here. A role of benefit ("a promising role in the treatment of
D") is a therapy's (:mod:`exokg.extract.review_benefits`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exokg.extract.base import Analysed, DocumentState, clauses, coordinated, pairs_made, \
    statement
from exokg.extract.context import context_for
from exokg.extract.epistemics import hedged, negated
from exokg.extract.outcomes import open_outcomes
from exokg.model import Mention, Statement
from exokg.text.prefilter import Needs

__all__ = ["extract_cell_roles"]

_ROLE = re.compile(r"\b(?:play|plays|played|playing|have|has|had|having)\s+(?:an?\s+|the\s+)?"
                   r"(?:(?:important|key|critical|crucial|central|major|pivotal|essential|vital|"
                   r"significant|substantial|decisive|dual|active|direct|certain|potential|"
                   r"possible|causal)\s+(?:and\s+\w+\s+)?)?roles?\s+in\s+(?:the\s+)?|"
                   r"\b(?:is|are|was|were|be|been)\s+(?:\w+ly\s+)?involved\s+in\s+(?:the\s+)?",
                   re.I)
_NEEDS_ROLE = Needs(_ROLE)
# what may stand between the cells and the cue: brackets, a hedge, "have been shown to"
_GAP = re.compile(r"(?:\s*\([^()]{1,40}\))?\s*(?:(?:may|might|could|can|also|likely|probably|"
                  r"indeed|still|thus|therefore|further|all|both|each|have|has|had|been|is|are|"
                  r"was|were|be|shown|reported|suggested|found|thought|believed|known|proposed|"
                  r"considered|demonstrated|to)\s+)*", re.I)
_CELLS = frozenset({"Cell"})
_TAKERS = frozenset({"Cell", "Vesicle", "ExosomePreparation", "MicroRNA", "MicroRNACluster",
                     "Protein", "Gene", "Drug", "Therapy", "HerbalPreparation"})
_OBJECTS = frozenset({"BiologicalProcess", "Outcome"})
# a role in a disease or in its course is no process the cells take part in
_DISEASE_WORD = re.compile(r"^(?:pathogen\w*|pathophysiology|progression|development|onset|"
                           r"aetiology|etiology|risk|treatment|therapy|management|diagnos\w*|"
                           r"prognos\w*)\b", re.I)


def _objects(a: Analysed, start: int, end: int) -> list[Mention]:
    """The process or outcome that opens ``a.text[start:end]``: a recognised one right there
    (with those coordinated with it), else an open noun phrase."""
    if _DISEASE_WORD.match(a.text, start):
        return []
    known = [m for m in a.within(start, end, _OBJECTS | frozenset({"Disease", "Phenotype"}))]
    if known and known[0].start == start:
        if known[0].category not in _OBJECTS:
            return []
        return [m for m in coordinated(a, known[0], _OBJECTS, backwards=False)]
    phrases, _ = open_outcomes(a, start, end, agents=_TAKERS)
    return phrases[:1] if phrases and phrases[0].start == start else []


def extract_cell_roles(a: Analysed, state: DocumentState,
                       already: Sequence[Statement] = ()) -> list[Statement]:
    """``participates_in`` statements of cells in sentence ``a`` (module docs); a pair
    ``already`` related is left alone."""
    del state
    if not _NEEDS_ROLE.may_match(a.text) or not any(m.category == "Cell" for m in a.mentions):
        return []
    have = pairs_made(already)
    out: list[Statement] = []
    for clause in clauses(a.text):
        for m in _ROLE.finditer(a.text, clause.start, clause.end):
            before = [x for x in a.within(clause.start, m.start(), _TAKERS)
                      if _GAP.fullmatch(a.text, x.end, m.start())]
            if not before or before[-1].category != "Cell":
                continue
            subjects = [x for x in coordinated(a, before[-1], _CELLS, backwards=True)]
            for y in _objects(a, m.end(), clause.end):
                for x in subjects:
                    if (x.entity.id, y.entity.id) in have:
                        continue
                    have.add((x.entity.id, y.entity.id))
                    out.append(statement(a, "role.cell", x.entity, "biolink:participates_in",
                                         y.entity, hedged=hedged(a.text, clause.start,
                                                                 m.start()),
                                         negated=negated(a.text, clause.start, m.start()),
                                         context=context_for(a, clause)))
    return out

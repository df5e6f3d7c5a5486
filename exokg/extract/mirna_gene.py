"""miRNA-gene statements beyond targeting verbs, in the wording of miRNA papers: the
sentence rule that runs the readers of

* :mod:`exokg.extract.mirna_agents`: a miRNA's gain or loss acting on a gene
  ("overexpression of miR-X decreased GENE"; a loss reverses the sign);
* :mod:`exokg.extract.mirna_targeting`: "its target GENE", "a targeted binding relationship
  between miR-X and GENE", a 3'-UTR carrying the miRNA's site, target lists, "miR-X mediates
  GENE repression", "GENE was reduced in cells overexpressing miR-X";
* :mod:`exokg.extract.mirna_correlations`: correlated levels (a correlation is no
  regulation);
* :mod:`exokg.extract.gene_on_mirna`: a gene acting on a miRNA, gene first ("GENE
  transactivates miR-X").

Negation and hedges are read as everywhere. A pair another rule of the sentence already
states is left to it (:func:`new_gene_pairs`).
"""

from __future__ import annotations

from collections.abc import Iterable

from exokg.extract.base import Analysed, DocumentState, clauses
from exokg.extract.context import context_for
from exokg.extract.gene_on_mirna import gene_on_mirna
from exokg.extract.mirna_agents import agent_phrases, changes_upon, through_mirna
from exokg.extract.mirna_correlations import correlations, opposite_changes
from exokg.extract.mirna_rules import GENES, MIRNAS, read_joined
from exokg.extract.mirna_targeting import IN_CELLS_WITH, IN_MIRNA_CELLS, RESCUE, \
    TARGETING_COMPOUND, by_verbing, its_targets, mediated, target_relations, targets_of, \
    utr_sites
from exokg.model import Statement

__all__ = ["extract_mirna_gene", "new_gene_pairs"]


def extract_mirna_gene(a: Analysed, state: DocumentState) -> list[Statement]:
    """Statements of one analysed sentence (see the module docs); ``state`` is not read."""
    if not any(m.category in MIRNAS for m in a.mentions) or \
            not any(m.category in GENES for m in a.mentions):
        return []
    out: list[Statement] = []
    for clause in clauses(a.text):
        ctx = context_for(a, clause)
        start, end = clause.start, clause.end
        out += agent_phrases(a, start, end, ctx)
        out += its_targets(a, start, end, ctx)
        out += correlations(a, start, end, ctx)
        out += target_relations(a, start, end, ctx)
        out += utr_sites(a, start, end, ctx)
        out += targets_of(a, start, end, ctx)
        out += gene_on_mirna(a, start, end, ctx)
        out += read_joined(a, start, end, ctx, IN_CELLS_WITH)
        out += mediated(a, start, end, ctx)
        out += changes_upon(a, start, end, ctx)
        out += through_mirna(a, start, end, ctx)
        out += read_joined(a, start, end, ctx, IN_MIRNA_CELLS)
        out += read_joined(a, start, end, ctx, RESCUE)
        out += read_joined(a, start, end, ctx, TARGETING_COMPOUND)
        out += by_verbing(a, start, end, ctx)
    return out + opposite_changes(a)


def new_gene_pairs(found: Iterable[Statement], candidates: list[Statement]) -> list[Statement]:
    """``candidates`` without the (miRNA, gene) pairs a statement of ``found`` already
    relates, in either order, and without repeats."""
    known = {frozenset((s.subject.id, getattr(s.object, "id", None))) for s in found}
    out = []
    for s in candidates:
        key = frozenset((s.subject.id, s.object.id))
        if key not in known:
            known.add(key)
            out.append(s)
    return out

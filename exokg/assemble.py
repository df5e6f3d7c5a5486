"""Assembly: statements that claim the same thing merge and pool their evidence.

The claim key (:meth:`exokg.model.Statement.key`) covers subject, predicate, object,
direction, aspect, negation, hedging and the context that changes what is claimed (species,
model, condition, route); the other context fields (dose, timing, statistics, population,
...) are pooled. The output order is deterministic. Claims that state opposite things about
the same subject, predicate, object and context (increased vs decreased, asserted vs
negated) are reported as contradictions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from exokg.model import Context, Statement


def _merge_context(a: Context, b: Context) -> Context:
    merged = {}
    for name in a.__dataclass_fields__:
        merged[name] = tuple(sorted(set(getattr(a, name)) | set(getattr(b, name))))
    return Context(**merged)


def assemble(statements: Iterable[Statement]) -> list[Statement]:
    """Merge statements with equal claim keys; evidence is pooled, deduplicated and sorted.

    >>> from exokg.model import Entity, Evidence
    >>> e = Entity("GO:0070062", "exosome", "Vesicle"); o = Entity("GO:0022008", "neurogenesis",
    ...     "BiologicalProcess")
    >>> ev1 = Evidence("d1", 0, 0, 10, "x", "effect.up"); ev2 = Evidence("d2", 0, 0, 9, "y", "effect.up")
    >>> s1 = Statement(e, "biolink:affects", o, "increased", evidence=(ev1,))
    >>> s2 = Statement(e, "biolink:affects", o, "increased", evidence=(ev2, ev1))
    >>> [len(s.evidence) for s in assemble([s1, s2])]
    [2]
    """
    merged: dict[tuple, Statement] = {}
    for s in statements:
        key = s.key()
        if key in merged:
            old = merged[key]
            merged[key] = replace(old, evidence=old.evidence + s.evidence,
                                  context=_merge_context(old.context, s.context))
        else:
            merged[key] = replace(s, context=_merge_context(s.context, Context()))
    out = []
    for s in merged.values():
        evidence = tuple(sorted(set(s.evidence), key=lambda e: (e.document_id, e.start, e.end,
                                                                e.rule)))
        out.append(replace(s, evidence=evidence))
    out.sort(key=lambda s: (s.subject.id, s.predicate, s.object.id, str(s.key())))
    return out


def contradictions(statements: Iterable[Statement]) -> list[tuple[Statement, Statement]]:
    """Pairs of statements that claim opposite things (direction or negation) about the same
    subject, predicate, object and context."""
    groups: dict[tuple, list[Statement]] = {}
    for s in statements:
        groups.setdefault((s.subject.id, s.predicate, s.object.id, s.aspect,
                           s.context.key()), []).append(s)
    pairs = []
    for group in groups.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if (a.direction and b.direction and a.direction != b.direction
                        and a.negated == b.negated) or \
                        (a.negated != b.negated and a.direction == b.direction):
                    pairs.append((a, b))
    return pairs

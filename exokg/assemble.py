"""Assembly: statements that claim the same thing merge and pool their evidence.

The claim key (:meth:`exokg.model.Statement.key`) covers subject, predicate, object,
direction, aspect, negation, hedging and the context that changes what is claimed (species,
model, condition, route); the other context fields (dose, timing, statistics, population,
...) are pooled. The output order is deterministic. Claims that state opposite things about
the same subject, predicate, object and context (increased vs decreased, asserted vs
negated) are reported as contradictions. Different values of a single-valued attribute
(a trial's phase, start date, enrolment, dose) stated by different sources are reported as
:class:`Disagreement` records; both values stay, each with its own evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from exokg.model import Context, Entity, Statement, Value


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


# -- sources that disagree ---------------------------------------------------------------------

#: Attributes with one true value per subject (a trial has one phase, one start date, ...):
#: different values from different sources are a disagreement, not two facts.
SINGLE_VALUED = frozenset({"exo:phase", "exo:startDate", "exo:enrollment", "exo:dose",
                           "exo:overallStatus"})


@dataclass(frozen=True)
class Disagreement:
    """Sources that state different values for one single-valued attribute of one thing.

    ``statements`` hold every value (each with its own evidence, so each value stays with
    its sources); ``values`` are their texts in the same order."""

    subject: Entity
    predicate: str
    statements: tuple[Statement, ...]

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(s.object.text for s in self.statements if isinstance(s.object, Value))


def _comparable(pred: str, text: str) -> str:
    return re.sub(r"[\s_]+", " ", text).strip().lower()


def values_agree(pred: str, a: str, b: str) -> bool:
    """True when two values of ``pred`` can both be right: equal after normalising case and
    spacing, or (dates) one is a less precise form of the other ('2018-10' and '2018-10-05').

    >>> values_agree("exo:startDate", "2018-10", "2018-10-05"), values_agree("exo:phase",
    ...     "Phase 1/2", "Phase 2")
    (True, False)
    """
    x, y = _comparable(pred, a), _comparable(pred, b)
    if x == y:
        return True
    if pred == "exo:startDate":
        return x.startswith(y + "-") or y.startswith(x + "-")
    return False


def disagreements(statements: Iterable[Statement]) -> list[Disagreement]:
    """Single-valued attributes for which the sources disagree.

    Two values disagree when they cannot both be right (:func:`values_agree`) and each is
    stated by a document that does not state the other; one document listing two doses
    (two arms) is not a disagreement. Deterministic order.

    >>> from exokg.model import Evidence
    >>> t = Entity("clinicaltrials:NCT03384433", "NCT03384433", "ClinicalTrial")
    >>> a = Statement(t, "exo:phase", Value("Phase 1/2"), evidence=(Evidence("a", 0, 0, 1, "x", "r"),))
    >>> b = Statement(t, "exo:phase", Value("Phase 1"), evidence=(Evidence("b", 0, 0, 1, "y", "r"),))
    >>> [d.values for d in disagreements([a, b])]
    [('Phase 1', 'Phase 1/2')]
    """
    groups: dict[tuple[str, str], list[Statement]] = {}
    for s in statements:
        if s.predicate in SINGLE_VALUED and isinstance(s.object, Value) and not s.negated:
            groups.setdefault((s.subject.id, s.predicate), []).append(s)
    out = []
    for (_, pred), group in sorted(groups.items()):
        docs = [{e.document_id for e in s.evidence} for s in group]
        involved: set[int] = set()
        for i, a in enumerate(group):
            for j in range(i + 1, len(group)):
                b = group[j]
                if values_agree(pred, a.object.text, b.object.text):  # type: ignore[union-attr]
                    continue
                if docs[i] - docs[j] and docs[j] - docs[i]:
                    involved.update((i, j))
        if involved:
            chosen = sorted((group[k] for k in involved),
                            key=lambda s: (s.object.text, str(s.key())))  # type: ignore[union-attr]
            out.append(Disagreement(chosen[0].subject, pred, tuple(chosen)))
    return out

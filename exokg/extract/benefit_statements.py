"""The one builder of a benefit claim: agents ``biolink:beneficial_in_models_for`` diseases.

Several rules find a treatment helping in a disease, each by its own wording: an effect shown
in animals with the disease (:mod:`exokg.extract.model_benefits`), a title or a protection
phrase (:mod:`exokg.extract.titles`), a purpose (:mod:`exokg.extract.benefit_purposes`), a
review's or conclusion's wording (:mod:`exokg.extract.review_benefits`). They choose the
agents, the diseases and the hedge; :func:`benefit_statements` makes the statements the
same way for all of them: one per agent and disease (in that order), none that relates a
thing to itself ("MSC-exosome therapy" and a disease named on one span), none of a claim
the sentence already holds (``made``, which it extends).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from exokg.extract.base import Analysed, statement
from exokg.model import Context, Entity, Statement

__all__ = ["BENEFIT", "benefit_statements", "pair_key"]

BENEFIT = "biolink:beneficial_in_models_for"


def pair_key(s: Statement) -> tuple:
    """(subject id, object id): the key of :func:`exokg.extract.base.pairs_made`."""
    return s.subject.id, s.object.id


def benefit_statements(a: Analysed, rule: str, agents: Iterable[Entity],
                       diseases: Iterable[Entity], made: set[tuple], *, hedged: bool,
                       negated: bool = False, context: Context | None = None,
                       predicate: str = BENEFIT,
                       key: Callable[[Statement], tuple] = pair_key) -> list[Statement]:
    """Each agent ``predicate`` each disease (module docs), read by ``rule`` with the hedge,
    negation and context the rule found; none whose ``key`` is in ``made`` (which gains the
    keys of the statements returned) and none whose agent is the disease."""
    diseases = list(diseases)
    out = []
    for agent in agents:
        for d in diseases:
            if d.id == agent.id:
                continue
            found = statement(a, rule, agent, predicate, d, hedged=hedged, negated=negated,
                              context=context)
            if key(found) not in made:
                made.add(key(found))
                out.append(found)
    return out

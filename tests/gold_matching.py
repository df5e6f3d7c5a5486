"""How gold lists (tests/gold/, tests/devset/) are matched against a build: shared by the
founding-corpus and development-set measurements.

A gold entry names subject and object by CURIE, or as ``{preparation: {parts}}``,
``{advantage: text}``, ``{outcome: text}`` (an open outcome by its label) or ``{value: text}``; it matches a statement when subject, predicate,
object, direction, negated and hedged all agree.
"""

from __future__ import annotations

import re

from exokg.extract.outcomes import outcome_for_text
from exokg.ids import mint
from exokg.model import Entity, Statement
from exokg.recognise.composite import preparation_id


def term(value: object) -> str:
    """The CURIE (or literal text) a gold term stands for."""
    if isinstance(value, str):
        return value
    assert isinstance(value, dict) and len(value) == 1, value
    (kind, body), = value.items()
    if kind == "preparation":
        return preparation_id({k: str(v) for k, v in body.items()})
    if kind == "advantage":
        return mint("advantage", str(body).lower())
    if kind == "value":
        return str(body)
    if kind == "outcome":  # an open outcome, by its label (docs/graph-model.md)
        return outcome_for_text(str(body)).id
    raise AssertionError(f"unknown gold term kind {kind!r}")


def key_of_gold(entry: dict) -> tuple:
    return (term(entry["s"]), entry["p"], term(entry["o"]), entry.get("direction"),
            bool(entry.get("negated", False)), bool(entry.get("hedged", False)))


def key_of(s: Statement) -> tuple:
    obj = s.object.id if isinstance(s.object, Entity) else s.object.text
    return (s.subject.id, s.predicate, obj, s.direction, s.negated, s.hedged)


def squash(text: str) -> str:
    """Whitespace-insensitive form of a sentence or snippet."""
    return re.sub(r"\s+", " ", text).strip()

"""The two builds the view file and the answer tables are checked on (tests/test_viewdb.py,
tests/test_answers.py): the founding corpus with one of its claims also negated (it states
none, and the views must keep negated statements apart), and the development set."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

DEVSET = Path(__file__).parent / "devset" / "documents"
BUILDS = ("founding-corpus", "devset")


def founding_with_a_negation() -> Any:
    """The founding corpus's BuildResult plus the negation of one miR-124 claim."""
    from exokg.graph.rdf import build_graph
    from exokg.model import Entity
    from exokg.pipeline import build

    result = build()
    claim = next(s for s in result.statements if isinstance(s.object, Entity)
                 and s.subject.id == "exokg:mirna/mir-124")
    statements = [*result.statements, dataclasses.replace(claim, negated=True)]
    result.graph = build_graph(result.documents, statements, result.entities)
    return result


def view_build(name: str) -> Any:
    """The BuildResult of one of :data:`BUILDS`."""
    from exokg.pipeline import build

    return founding_with_a_negation() if name == "founding-corpus" else build([DEVSET])

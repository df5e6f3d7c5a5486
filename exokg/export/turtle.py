"""Deterministic Turtle: the same graph always gives the same bytes."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from exokg.export.atomic import write_bytes


def to_turtle(graph: Graph) -> bytes:
    """Serialise ``graph`` as Turtle (rdflib writes subjects and predicates sorted; the graph
    has no blank nodes, so the output is byte-identical for equal graphs)."""
    return graph.serialize(format="turtle", encoding="utf-8")


def write_turtle(graph: Graph, path: str | Path) -> None:
    write_bytes(path, to_turtle(graph))

"""Deterministic Turtle: the same graph always gives the same bytes."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from exokg.export.atomic import write_bytes


def to_turtle(graph: Graph) -> bytes:
    """Serialise ``graph`` as Turtle: triples sorted by their N-Triples text, written by
    Oxigraph's Turtle writer with exokg's prefixes (sorted prefix lines), so equal graphs
    give byte-identical files, the same bytes a build writes from its store
    (:mod:`exokg.export.streamed`)."""
    from exokg.export.ntriples import sorted_triples
    from exokg.export.streamed import turtle_bytes

    return turtle_bytes(sorted_triples(graph))


def write_turtle(graph: Graph, path: str | Path) -> None:
    write_bytes(path, to_turtle(graph))

"""Deterministic Turtle: the same graph always gives the same bytes."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from exokg.export.atomic import write_bytes


def to_turtle(graph: Graph) -> bytes:
    """Serialise ``graph`` as Turtle: its sorted N-Triples
    (:func:`exokg.export.ntriples.to_ntriples`) written with exokg's prefixes, one block per
    subject (:mod:`exokg.export.turtle_lines`, sorted prefix lines), so equal graphs give
    byte-identical files, the same bytes a build writes from its store
    (:mod:`exokg.export.streamed`)."""
    from exokg.export.ntriples import to_ntriples
    from exokg.export.streamed import turtle_bytes

    return turtle_bytes(to_ntriples(graph))


def write_turtle(graph: Graph, path: str | Path) -> None:
    write_bytes(path, to_turtle(graph))

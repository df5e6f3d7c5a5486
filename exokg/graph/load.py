"""Stream a build's triples into an Oxigraph store, without an rdflib Graph in memory.

:func:`load_build` drives the one :class:`~exokg.graph.rdf.GraphBuilder` over the build's
records (read from its on-disk claim table) and hands the triples to Oxigraph's bulk loader
(``Store.bulk_extend``) as a generator, so only the triples of one record are in memory at
a time. Alongside, each triple's named graphs (the partition of :mod:`exokg.export.quads`)
are written as sortable N-Quads lines to a scratch file, from which the N-Quads and TriG
exports are made (:mod:`exokg.export.streamed`), and, when asked for, each triple's
N-Triples line to another (:func:`triples_file`), from which the N-Triples export is made
without reading the store back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import pyoxigraph
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from exokg.graph.rdf import GraphBuilder, Triple, Where, emit_build

if TYPE_CHECKING:
    from exokg.pipeline import BuildResult

__all__ = ["load_build", "quad_line", "triples_file"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_CACHE_LIMIT = 200_000


class _Converter:
    """rdflib terms -> pyoxigraph terms; IRIs are cached (bounded: the cache is emptied when
    it reaches :data:`_CACHE_LIMIT` entries)."""

    def __init__(self) -> None:
        self._iris: dict[str, pyoxigraph.NamedNode] = {}

    def __call__(self, term: Node) -> pyoxigraph.NamedNode | pyoxigraph.Literal | \
            pyoxigraph.BlankNode:
        if isinstance(term, URIRef):
            key = str.__str__(term)  # a plain str: rdflib's hash and == are slow
            node = self._iris.get(key)
            if node is None:
                if len(self._iris) >= _CACHE_LIMIT:
                    self._iris.clear()
                node = self._iris[key] = pyoxigraph.NamedNode(key)
            return node
        if isinstance(term, Literal):
            if term.language:
                return pyoxigraph.Literal(str(term), language=term.language)
            if term.datatype is not None and str(term.datatype) != _XSD_STRING:
                return pyoxigraph.Literal(str(term), datatype=self(term.datatype))
            return pyoxigraph.Literal(str(term))
        if isinstance(term, BNode):
            return pyoxigraph.BlankNode(str(term))
        raise ValueError(f"cannot convert {term!r} to an RDF term")


def quad_line(graph: str, triple_nt: str) -> bytes:
    """A line of the partition file: ``graph IRI``, a tab, then the N-Quads line of the
    triple in that graph. Sorting these lines as bytes sorts by graph IRI (as text), then by
    quad text: the order of the N-Quads export."""
    return f"{graph}\t{triple_nt} <{graph}> .\n".encode("utf-8")


def triples_file(partition: Path) -> Path:
    """The file of N-Triples lines written beside the partition file ``partition``
    (``load_build(..., triples=...)``): every triple loaded, one line each, unsorted and
    with duplicates."""
    return partition.with_name(partition.name + ".triples.nt")


class _StoreSink:
    """A :class:`~exokg.graph.rdf.TripleSink` that converts and buffers triples."""

    def __init__(self, partition: BinaryIO | None, triples: BinaryIO | None = None) -> None:
        self.buffer: list[pyoxigraph.Quad] = []
        self.convert = _Converter()
        self.partition = partition
        self.triples = triples
        self.added = 0

    def add(self, triple: Triple, where: Where) -> None:
        convert = self.convert
        s, p, o = convert(triple[0]), convert(triple[1]), convert(triple[2])
        self.buffer.append(pyoxigraph.Quad(s, p, o))  # type: ignore[arg-type]
        self.added += 1
        if self.partition is not None or self.triples is not None:
            text = f"{s} {p} {o}"
            if self.partition is not None:
                for graph in where:
                    self.partition.write(quad_line(str.__str__(graph), text))
            if self.triples is not None:
                self.triples.write(f"{text} .\n".encode("utf-8"))


def load_build(result: BuildResult, store: pyoxigraph.Store,
               partition: BinaryIO | None = None,
               tick: Callable[[str], None] | None = None,
               triples: BinaryIO | None = None) -> int:
    """Load the triples of ``result`` into the default graph of ``store`` with the bulk
    loader; returns how many triples were generated (duplicates included: the store keeps
    each once).

    Args:
        result: the build (its documents, statements, contradictions, disagreements and
            mentions are iterated once, from disk for a build made by
            :func:`exokg.pipeline.build`).
        store: an open, writable Oxigraph store.
        partition: when given, every triple's named-graph lines (:func:`quad_line`) are
            written here, unsorted and with duplicates.
        triples: when given, every triple's N-Triples line is written here (the text
            Oxigraph writes for it), unsorted and with duplicates.
        tick: called with the kind of each record written (``"document"``,
            ``"statement"``, ...), for progress.

    Raises:
        OSError: the store could not be written (disk full).
    """
    if result.graph_given:  # a graph given in place of the records' is what is written
        return _load_graph(result.graph, store, partition, lines=triples)
    sink = _StoreSink(partition, triples)
    builder = GraphBuilder(sink)
    steps = emit_build(builder, result.documents, result.statements, result.entities,
                       result.contradictions, result.disagreements, result.mentions)

    def quads() -> Iterator[pyoxigraph.Quad]:
        for kind in steps:
            batch, sink.buffer = sink.buffer, []
            yield from batch
            if tick is not None:
                tick(kind)

    store.bulk_extend(quads())
    return sink.added


def _load_graph(graph: Graph, store: pyoxigraph.Store, partition: BinaryIO | None,
                lines: BinaryIO | None = None) -> int:
    """:func:`load_build` of an rdflib Graph given as the build's graph (its named graphs
    by :func:`exokg.export.quads.partition`)."""
    from exokg.export.quads import partition as split

    convert = _Converter()
    store.bulk_extend(pyoxigraph.Quad(convert(s), convert(p), convert(o))  # type: ignore[arg-type]
                      for s, p, o in graph)
    if partition is not None:
        for name, triples in split(graph).items():
            for s, p, o in triples:
                partition.write(quad_line(str.__str__(name),
                                          f"{convert(s)} {convert(p)} {convert(o)}"))
    if lines is not None:
        for s, p, o in graph:
            lines.write(f"{convert(s)} {convert(p)} {convert(o)} .\n".encode("utf-8"))
    return len(graph)

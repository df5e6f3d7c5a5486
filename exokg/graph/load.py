"""Stream a build's triples into an Oxigraph store, without an rdflib Graph in memory.

:func:`load_build` drives the one :class:`~exokg.graph.rdf.GraphBuilder` over the build's
records (read from its on-disk claim table) with terms made as N-Triples text
(:class:`~exokg.graph.terms.NTriplesTerms`): each triple is written as one line to a file
(:func:`triples_file`), which Oxigraph's bulk loader then reads (``Store.bulk_load``), so
no rdflib or pyoxigraph object is made per triple and only a batch of lines is in memory
at a time. Alongside, each triple's named graphs (the partition of
:mod:`exokg.export.quads`) are written as sortable N-Quads lines to a scratch file, from
which the N-Quads and TriG exports are made (:mod:`exokg.export.streamed`); the N-Triples
export is made from the lines file without reading the store back.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import pyoxigraph
from rdflib import Graph
from rdflib.term import Node

from exokg.graph.rdf import GraphBuilder, Triple, Where, emit_build
from exokg.graph.terms import NTriplesTerms, nt_term
from exokg.validate_records import TYPE, UsedTerms

if TYPE_CHECKING:
    from exokg.pipeline import BuildResult

__all__ = ["load_build", "quad_line", "triples_file", "used_terms_file"]

#: lines gathered before they are written out
_FLUSH_LINES = 20_000


def quad_line(graph: str, triple_nt: str) -> bytes:
    """A line of the partition file: ``graph IRI``, a tab, then the N-Quads line of the
    triple in that graph. Sorting these lines as bytes sorts by graph IRI (as text), then by
    quad text: the order of the N-Quads export."""
    return f"{graph}\t{triple_nt} <{graph}> .\n".encode("utf-8")


def used_terms_file(partition: Path) -> Path:
    """The file of the predicates and classes loaded
    (:class:`~exokg.validate_records.UsedTerms`, JSON), written beside the partition file
    ``partition`` by :func:`load_build`: the validation's prechecks read it."""
    return partition.with_name(partition.name + ".terms.json")


def triples_file(partition: Path) -> Path:
    """The file of N-Triples lines written beside the partition file ``partition``
    (``load_build(..., triples=...)``): every triple loaded, one line each, unsorted and
    with duplicates."""
    return partition.with_name(partition.name + ".triples.nt")


class _LineSink:
    """A :class:`~exokg.graph.rdf.TripleSink` for a builder with
    :class:`~exokg.graph.terms.NTriplesTerms`: each triple arrives as three N-Triples terms
    and is written as a line of text to ``triples`` (and its named-graph lines to
    ``partition``), nothing else is made per triple."""

    def __init__(self, triples: BinaryIO, partition: BinaryIO | None) -> None:
        self.lines: list[str] = []
        self.quads: list[str] = []
        self.triples = triples
        self.partition = partition
        self.added = 0
        self.predicates: set[str] = set()
        self.classes: set[str] = set()

    def add(self, triple: Triple, where: Where) -> None:
        predicate = triple[1]
        text = f"{triple[0]} {predicate} {triple[2]}"
        self.lines.append(text)
        self.predicates.add(predicate)  # type: ignore[arg-type]
        if predicate == TYPE:
            self.classes.add(triple[2])  # type: ignore[arg-type]
        if self.partition is not None:
            for graph in where:
                name = str.__str__(graph)
                self.quads.append(f"{name}\t{text} <{name}> .")

    def flush(self) -> None:
        """Write the lines gathered since the last flush."""
        if self.lines:
            self.added += len(self.lines)
            self.lines.append("")
            self.triples.write(" .\n".join(self.lines).encode("utf-8"))
            self.lines = []
        if self.quads:
            self.quads.append("")
            self.partition.write("\n".join(self.quads).encode("utf-8"))  # type: ignore[union-attr]
            self.quads = []


def load_build(result: BuildResult, store: pyoxigraph.Store,
               partition: BinaryIO | None = None,
               tick: Callable[[str], None] | None = None,
               triples: BinaryIO | None = None) -> int:
    """Load the triples of ``result`` into the default graph of ``store`` with the bulk
    loader; returns how many triples were generated (duplicates included: the store keeps
    each once).

    The graph builder makes every term as N-Triples text
    (:class:`~exokg.graph.terms.NTriplesTerms`); each triple becomes one line of the file
    ``triples`` (a temporary file when None is given), which Oxigraph's bulk loader then
    reads (``Store.bulk_load``), so no rdflib or pyoxigraph object is made per triple.

    Args:
        result: the build (its documents, statements, contradictions, disagreements and
            mentions are iterated once, from disk for a build made by
            :func:`exokg.pipeline.build`).
        store: an open, writable Oxigraph store.
        partition: when given, every triple's named-graph lines (:func:`quad_line`) are
            written here, unsorted and with duplicates.
        triples: when given, an open binary file (with a ``name``) that every triple's
            N-Triples line is written to (the text Oxigraph writes for it), unsorted and
            with duplicates; the loader reads the triples from it.
        tick: called with the kind of each record written (``"document"``,
            ``"statement"``, ...), for progress.

    Raises:
        OSError: a file or the store could not be written (disk full).
    """
    if result.graph_given:  # a graph given in place of the records' is what is written
        return _load_graph(result.graph, store, partition, lines=triples)
    if triples is None or not isinstance(getattr(triples, "name", None), str):
        with tempfile.NamedTemporaryFile(prefix="exokg-load-", suffix=".nt") as scratch:
            added = load_build(result, store, partition, tick, scratch)  # type: ignore[arg-type]
            if triples is not None:
                scratch.seek(0)
                shutil.copyfileobj(scratch, triples)
            return added
    sink = _LineSink(triples, partition)
    builder = GraphBuilder(sink, NTriplesTerms())
    for kind in emit_build(builder, result.documents, result.statements, result.entities,
                           result.contradictions, result.disagreements, result.mentions):
        if len(sink.lines) >= _FLUSH_LINES:
            sink.flush()
        if tick is not None:
            tick(kind)
    sink.flush()
    triples.flush()
    store.bulk_load(path=triples.name, format=pyoxigraph.RdfFormat.N_TRIPLES)
    _save_used(partition, UsedTerms(frozenset(sink.predicates), frozenset(sink.classes)))
    return sink.added


def _save_used(partition: BinaryIO | None, used: UsedTerms) -> None:
    """Write ``used`` beside the partition file (:func:`used_terms_file`), when it is a
    named file."""
    name = getattr(partition, "name", None)
    if isinstance(name, str):
        used.write(used_terms_file(Path(name)))


def _load_graph(graph: Graph, store: pyoxigraph.Store, partition: BinaryIO | None,
                lines: BinaryIO | None = None) -> int:
    """:func:`load_build` of an rdflib Graph given as the build's graph (its named graphs
    by :func:`exokg.export.quads.partition`)."""
    from exokg.export.quads import partition as split

    text: dict[object, str] = {}

    def line(triple: tuple[Node, Node, Node]) -> str:
        out = []
        for term in triple:
            known = text.get(term)
            if known is None:
                known = text[term] = nt_term(term)
            out.append(known)
        return " ".join(out)

    data = "".join(f"{line(t)} .\n" for t in graph).encode("utf-8")
    store.bulk_load(data, format=pyoxigraph.RdfFormat.N_TRIPLES)
    _save_used(partition, UsedTerms.of_lines(
        (text[s], text[p], text[o]) for s, p, o in graph))
    if partition is not None:
        for name, triples in split(graph).items():
            for triple in triples:
                partition.write(quad_line(str.__str__(name), line(triple)))
    if lines is not None:
        lines.write(data)
    return len(graph)

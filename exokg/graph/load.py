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

import errno
import os
import shutil
import tempfile
import threading
import time
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
#: load from a named pipe while the lines are made (POSIX); else from the file afterwards
_PIPED = hasattr(os, "mkfifo")


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


class _PipedLoader:
    """Oxigraph's bulk loader reading N-Triples from a named pipe in a thread of its own
    (``Store.bulk_load`` releases the GIL), while this thread makes the lines: making the
    text and loading it overlap on two cores.

    ``write`` sends bytes; ``close`` ends the input, waits for the loader and raises what
    it raised. If the loader stops early (an error), ``write`` raises its error.
    """

    def __init__(self, store: pyoxigraph.Store, folder: Path) -> None:
        self._folder = Path(tempfile.mkdtemp(prefix=".exokg-load-", dir=folder))
        self._path = self._folder / "triples.fifo"
        os.mkfifo(self._path, 0o600)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._load, args=(store,), daemon=True,
                                         name="exokg-bulk-load")
        self._thread.start()
        self._fd: int | None = None
        try:
            self._fd = self._open()
        except BaseException:
            self.close()
            raise

    def _load(self, store: pyoxigraph.Store) -> None:
        try:
            store.bulk_load(path=str(self._path), format=pyoxigraph.RdfFormat.N_TRIPLES)
        except BaseException as exc:  # handed to the writing thread
            self._error = exc

    def _open(self) -> int:
        """The pipe's write end, once the loader has opened its read end."""
        while True:
            try:
                fd = os.open(self._path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError as exc:
                if exc.errno != errno.ENXIO:  # ENXIO: no reader yet
                    raise
            else:
                os.set_blocking(fd, True)
                return fd
            if not self._thread.is_alive():
                self._raise()
                raise OSError("the store's bulk loader stopped before reading")
            time.sleep(0.002)

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self._fd, view):]  # type: ignore[arg-type]
        except BrokenPipeError:  # the loader stopped reading: its error says why
            self.close()
            raise OSError("the store's bulk loader stopped reading") from None

    def close(self) -> None:
        """End the input and wait for the loader.

        Raises:
            whatever the loader raised (a syntax error, a full disk).
        """
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        self._thread.join()
        shutil.rmtree(self._folder, ignore_errors=True)
        self._raise()

    def _raise(self) -> None:
        error, self._error = self._error, None
        if error is not None:
            raise error


class _LineSink:
    """A :class:`~exokg.graph.rdf.TripleSink` for a builder with
    :class:`~exokg.graph.terms.NTriplesTerms`: each triple arrives as three N-Triples terms
    and is written as a line of text to ``triples`` (and its named-graph lines to
    ``partition``), nothing else is made per triple."""

    def __init__(self, triples: BinaryIO, partition: BinaryIO | None,
                 pipe: _PipedLoader | None = None) -> None:
        self.lines: list[str] = []
        self.quads: list[str] = []
        self.triples = triples
        self.pipe = pipe
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
            data = " .\n".join(self.lines).encode("utf-8")
            self.lines = []
            self.triples.write(data)
            if self.pipe is not None:
                self.pipe.write(data)
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
    ``triples`` (a temporary file when None is given), and the same lines go through a
    named pipe beside it to Oxigraph's bulk loader (``Store.bulk_load``), which reads them
    in a thread of its own while the next are made; no rdflib or pyoxigraph object is made
    per triple.

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
    pipe = _PipedLoader(store, Path(triples.name).parent) if _PIPED else None
    sink = _LineSink(triples, partition, pipe)
    try:
        builder = GraphBuilder(sink, NTriplesTerms())
        for kind in emit_build(builder, result.documents, result.statements,
                               result.entities, result.contradictions, result.disagreements,
                               result.mentions):
            if len(sink.lines) >= _FLUSH_LINES:
                sink.flush()
            if tick is not None:
                tick(kind)
        sink.flush()
    finally:
        if pipe is not None:
            pipe.close()  # on an error too: the loader must not outlive the call
    triples.flush()
    if pipe is None:
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

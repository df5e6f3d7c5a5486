"""The RDF exports of a build, written from the files its store loader wrote, in bounded
memory and without RDF term objects.

* ``exokg.nt``: the loader's N-Triples lines (:func:`exokg.graph.load.triples_file`: the
  text Oxigraph writes for each triple loaded, unsorted, with duplicates) sorted on disk
  without duplicates (:func:`exokg.export.extsort.sort_file`: GNU ``sort`` when
  installed): the sorted, canonical N-Triples of :mod:`exokg.export.ntriples`. Without
  that file, the store's default graph is dumped by Oxigraph and sorted: the same lines.
* ``exokg.ttl``: the sorted N-Triples text written as Turtle with exokg's prefixes, one
  block per subject, prefix lines sorted (:mod:`exokg.export.turtle_lines`).
* ``exokg.jsonld``: node objects written one subject at a time from the text of the sorted
  N-Triples (:mod:`exokg.export.jsonld_lines`; the layout of :mod:`exokg.export.jsonld`).
* ``exokg.nq``: the named-graph partition of :mod:`exokg.export.quads`, written by the
  store loader as one line per (triple, graph) and sorted externally, then the ontology's
  graph.
* ``exokg.trig``: the sorted N-Quads text written as TriG (:mod:`exokg.export.turtle_lines`).

Every file is a function of the graph alone (sorted input, fixed prefixes): the same input
gives byte-identical files, whatever order the triples were loaded in. The in-memory
writers (:func:`turtle_bytes` over :func:`exokg.export.ntriples.to_ntriples` and
:func:`exokg.export.quads.to_nquads`) run the same writers over the same lines, so they
give the same bytes as the build.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

import pyoxigraph

from exokg.export.extsort import sort_file
from exokg.export.jsonld_lines import jsonld_from_ntriples
from exokg.export.turtle_lines import write_trig_lines, write_turtle_lines

__all__ = ["RDF_EXPORTS", "turtle_bytes", "turtle_prefixes", "write_rdf_exports"]

#: The files :func:`write_rdf_exports` writes.
RDF_EXPORTS = ("exokg.nt", "exokg.ttl", "exokg.nq", "exokg.trig", "exokg.jsonld")


def turtle_prefixes() -> dict[str, str]:
    """The prefixes of the Turtle and TriG exports (exokg's, but not ``exokg:``, whose local
    names hold ``/``, which the writers would escape)."""
    from rdflib import RDF

    from exokg.graph.rdf import PREFIXES

    prefixes = {name: str(ns) for name, ns in PREFIXES.items() if name != "exokg"}
    prefixes["rdf"] = str(RDF)
    return prefixes


def turtle_bytes(ntriples: bytes, *, trig: bool = False) -> bytes:
    """The Turtle (``trig``: TriG) of N-Triples (N-Quads) text, as the build writes it from
    the same lines (:mod:`exokg.export.turtle_lines`), in memory (small graphs)."""
    out = io.BytesIO()
    lines = io.StringIO(ntriples.decode("utf-8"), newline="\n")
    (write_trig_lines if trig else write_turtle_lines)(lines, out, turtle_prefixes())
    return out.getvalue()


def _text_lines(path: Path) -> TextIO:
    return open(path, encoding="utf-8", newline="\n")


def write_rdf_exports(store: pyoxigraph.Store, partition: Path | None, folder: Path,
                      scratch: Path, tally: Callable[[str, int], None] | None = None,
                      include_ontology: bool = True) -> int:
    """Write :data:`RDF_EXPORTS` into ``folder`` from the loader's files: the N-Triples
    lines beside ``partition`` (:func:`exokg.graph.load.triples_file`; where there is none,
    a dump of ``store``'s default graph: the same lines) and the partition file
    (``partition``; None: no N-Quads/TriG); returns the number of triples.
    ``tally(file name, count)`` is told each file written (progress).

    Raises OSError when a file cannot be written (disk full); the files of ``folder`` are
    then incomplete (the caller discards the folder).
    """
    def tell(name: str, count: int) -> None:
        if tally is not None:
            tally(name, count)

    from exokg.graph.load import triples_file

    folder.mkdir(parents=True, exist_ok=True)
    lines_loaded = triples_file(partition) if partition is not None else None
    nt = folder / "exokg.nt"
    if lines_loaded is not None and lines_loaded.exists():
        with open(nt, "wb", buffering=1 << 20) as target:
            triples = sort_file(lines_loaded, target, scratch)
    else:
        dump = scratch / "dump.nt"
        store.dump(str(dump), pyoxigraph.RdfFormat.N_TRIPLES,
                   from_graph=pyoxigraph.DefaultGraph())
        with open(nt, "wb", buffering=1 << 20) as target:
            triples = sort_file(dump, target, scratch)
        dump.unlink()
    tell("exokg.nt", triples)
    with _text_lines(nt) as lines, open(folder / "exokg.ttl", "wb", buffering=1 << 20) as target:
        write_turtle_lines(lines, target, turtle_prefixes())
    tell("exokg.ttl", triples)
    with _text_lines(nt) as lines, \
            open(folder / "exokg.jsonld", "wb", buffering=1 << 20) as target:
        jsonld_from_ntriples(lines, target)
    tell("exokg.jsonld", triples)
    if partition is not None:
        nq = folder / "exokg.nq"
        with open(nq, "wb", buffering=1 << 20) as target:
            quads = sort_file(partition, target, scratch, after_tab=True)
            if include_ontology:
                from exokg.export.quads import to_quads
                from exokg.export.resources import load_ontology

                ontology = to_quads(_empty_graph(), load_ontology())
                target.write(pyoxigraph.serialize(ontology,
                                                  format=pyoxigraph.RdfFormat.N_QUADS))
                quads += len(ontology)
        tell("exokg.nq", quads)
        with _text_lines(nq) as lines, \
                open(folder / "exokg.trig", "wb", buffering=1 << 20) as target:
            write_trig_lines(lines, target, turtle_prefixes())
        tell("exokg.trig", quads)
    return triples


def _empty_graph() -> Any:
    from rdflib import Graph

    return Graph()

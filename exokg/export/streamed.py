"""The RDF exports of a build, written from the files its store loader wrote, in bounded
memory and without RDF term objects.

* ``exokg.nt``: the loader's N-Triples lines (:func:`exokg.graph.load.triples_file`: the
  text Oxigraph writes for each triple loaded, unsorted, with duplicates) sorted on disk
  without duplicates (:func:`exokg.export.extsort.sorted_blocks`: GNU ``sort`` when
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

The sorted text is read once per sort: as ``sort`` writes it, each block goes to
``exokg.nt`` (``exokg.nq``) and is decoded into lines there and then
(:func:`exokg.export.line_runs.tee_lines`); each N-Triples line is split once and every
subject's run of lines goes to the Turtle writer and the JSON-LD writer in turn
(:func:`exokg.export.line_runs.subject_runs`), the N-Quads lines to the TriG writer. The
files are never read back (docs/benchmarks.md, "RDF exports and validation, round 6":
N-Triples, Turtle and JSON-LD together about 16% less CPU at 10,000 abstracts than
reading ``exokg.nt`` back for each writer).

Every file is a function of the graph alone (sorted input, fixed prefixes): the same input
gives byte-identical files, whatever order the triples were loaded in. The in-memory
writers (:func:`turtle_bytes` over :func:`exokg.export.ntriples.to_ntriples` and
:func:`exokg.export.quads.to_nquads`) run the same writers over the same lines, so they
give the same bytes as the build.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from itertools import chain
from pathlib import Path
from typing import Any

import pyoxigraph

from exokg.export.extsort import sorted_blocks
from exokg.export.jsonld_lines import JsonldRuns
from exokg.export.line_runs import subject_runs, tee_lines
from exokg.export.turtle_lines import TurtleRuns, write_trig_lines, write_turtle_lines

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
    dump = None
    if lines_loaded is None or not lines_loaded.exists():
        dump = lines_loaded = scratch / "dump.nt"
        store.dump(str(dump), pyoxigraph.RdfFormat.N_TRIPLES,
                   from_graph=pyoxigraph.DefaultGraph())
    prefixes = turtle_prefixes()
    with open(folder / "exokg.nt", "wb", buffering=1 << 20) as nt, \
            open(folder / "exokg.ttl", "wb", buffering=1 << 20) as ttl, \
            open(folder / "exokg.jsonld", "wb", buffering=1 << 20) as jsonld:
        turtle, document = TurtleRuns(ttl, prefixes), JsonldRuns(jsonld)
        for run in subject_runs(tee_lines(sorted_blocks(lines_loaded, scratch), nt.write)):
            turtle.write(run)
            document.write(run)  # after Turtle: it sorts the run (sorted already here)
        turtle.close()
        document.close()
    if dump is not None:
        dump.unlink()
    triples = turtle.count
    tell("exokg.nt", triples)
    tell("exokg.ttl", triples)
    tell("exokg.jsonld", triples)
    if partition is not None:
        blocks: Iterable[bytes] = sorted_blocks(partition, scratch, after_tab=True)
        if include_ontology:
            from exokg.export.quads import to_quads
            from exokg.export.resources import load_ontology

            ontology = pyoxigraph.serialize(to_quads(_empty_graph(), load_ontology()),
                                            format=pyoxigraph.RdfFormat.N_QUADS)
            blocks = chain(blocks, [ontology])
        with open(folder / "exokg.nq", "wb", buffering=1 << 20) as nq, \
                open(folder / "exokg.trig", "wb", buffering=1 << 20) as trig:
            quads = write_trig_lines(tee_lines(blocks, nq.write), trig, prefixes)
        tell("exokg.nq", quads)
        tell("exokg.trig", quads)
    return triples


def _empty_graph() -> Any:
    from rdflib import Graph

    return Graph()

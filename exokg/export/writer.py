"""Write every output of a build as one transaction: the exports of every format in
:data:`exokg.export.formats.FORMATS` (Turtle, N-Triples, JSON-LD, TriG, N-Quads, KGX TSV,
GraphML, statements CSV), the HTML page, the embedded store and the per-document cache.

The graph is validated against ``ontology/shapes.ttl`` (before anything is written; for a
build of more than :data:`~exokg.pipeline.RDFLIB_MAX_DOCUMENTS` documents, once the new
store is loaded, before it is published): an invalid graph is never published
(:class:`~exokg.errors.ValidationError`). Into a new store generation
(:meth:`~exokg.graph.store.StoreWriter.commit`) the graph is streamed from the build's
claim table (:mod:`exokg.graph.load`), the RDF exports are written from the store
(:mod:`exokg.export.streamed`), and the other exports beside them; the exports folder is
staged from there. In a large build with several ``workers``, everything that reads
the loaded store (validation, the view file, every export) runs at the same time in worker
processes once the database is closed (:mod:`exokg.postload`). Only when both are complete does the store switch to the new
generation and the exports folder get exchanged (see :mod:`exokg.graph.store` and
:mod:`exokg.export.publish`). An error or a crash at any point leaves the previous outputs
in place.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph

from exokg.errors import ExokgError
from exokg.export.formats import FORMATS, render_all, render_format
from exokg.export.publish import check_out_folder, publish, remove_leftovers, stage_folder
from exokg.export.streamed import RDF_EXPORTS as STREAMED
from exokg.export.streamed import write_rdf_exports
from exokg.faults import fault_point
from exokg.graph.load import load_build, triples_file, used_terms_file
from exokg.graph.store import StoreWriter, default_store_path
from exokg.pipeline import RDFLIB_MAX_DOCUMENTS, BuildResult
from exokg.validate import require_valid
from exokg.viz import render_page

if TYPE_CHECKING:
    from exokg.progress import Reporter
    from exokg.validate_records import UsedTerms


class EmptyGraphError(ExokgError):
    """A build found no documents and would replace a graph that has some."""


def render_outputs(result: BuildResult) -> dict[str, bytes]:
    """File name -> content of every export of a build (in memory: for small graphs and
    ``exokg export``; a build writes them with :func:`write_build_outputs`)."""
    return {
        **render_all(result),
        "exokg.html": render_page(result).encode("utf-8"),
    }


def render_graph_outputs(result: BuildResult) -> dict[str, bytes]:
    """The exports that are not written from the store: KGX, GraphML, the statements CSV
    and the HTML page (file name -> content).

    Used for builds of at most :data:`~exokg.pipeline.RDFLIB_MAX_DOCUMENTS` documents (the
    rdflib graph of the build, :attr:`BuildResult.graph`); a larger build writes them from
    its store instead (:func:`write_store_outputs`)."""
    files: dict[str, bytes] = {}
    for fmt in FORMATS:
        if fmt.output in STREAMED:
            continue
        for name, data in render_format(fmt, result).items():
            files[f"{fmt.output}/{name}" if name else fmt.output] = data
    files["exokg.html"] = render_page(result).encode("utf-8")
    return files


def validate_build(result: BuildResult, store: pyoxigraph.Store | None = None,
                   used: UsedTerms | None = None) -> None:
    """Check the build against the SHACL shapes: pyshacl over the rdflib graph of a small
    build (``store`` None, before anything is written), or the same constraints as SPARQL
    over ``store``, the new generation's database of a large build, loaded and not yet
    published (:func:`exokg.validate_store.validate_store`, the same report; ``used``: the
    terms its loader wrote, for the prechecks of :mod:`exokg.validate_records`).

    Raises:
        ValidationError: the graph does not conform (``error.report`` has the details).
    """
    if store is None:
        require_valid(result.graph)
        return
    from exokg.validate import require_conforming
    from exokg.validate_store import validate_store

    require_conforming(validate_store(store, used=used))


def _previous_documents(writer: StoreWriter, out: Path) -> int:
    """How many documents the graph being replaced has (from the store's current
    generation, else from an exports folder written before generations)."""
    info = writer.info()
    if "documents" in info:
        return int(info["documents"])
    csv = out / "statements.csv"
    try:
        with open(csv, "rb") as handle:
            return 1 if sum(1 for _ in zip(range(2), handle)) > 1 else 0
    except OSError:
        return 0


def write_build_outputs(result: BuildResult, out: Path, store: Path | None = None,
                        validate: bool = True, *, writer: StoreWriter | None = None,
                        write_cache: Callable[[Path], None] | None = None,
                        allow_empty: bool = False, reporter: Reporter | None = None,
                        workers: int = 1) -> list[Path]:
    """Write the exports into ``out`` and a new generation of the store; returns the paths
    written (the exports, then the store).

    Args:
        result: the build.
        out: the exports folder (replaced as a whole; see :mod:`exokg.export.publish`).
        store: the store folder (default ``.exokg/store`` beside ``out``).
        validate: check the SHACL shapes first.
        writer: an open :class:`StoreWriter` of ``store`` (when the caller already holds
            the lock, as ``exokg add`` does); otherwise one is opened here.
        write_cache: writes the per-document cache into the folder it is given.
        allow_empty: publish a graph without documents over one that has documents.

    ``reporter`` (optional) is told each phase (validate, render, write, load the store).
    ``workers`` above 1 runs the phases of a large build that read the loaded store
    (validation, the view file, the RDF exports, KGX, GraphML, the CSV, the page) in that
    many worker processes at once (:mod:`exokg.postload`); 1 runs them here, one after
    the other. The files are the same either way.

    Raises:
        ValidationError: ``validate`` and the graph does not conform to the SHACL shapes
            (``error.report`` has the details); nothing is written.
        OutputError: ``out`` is not a folder exokg may replace; nothing is written.
        StoreError: ``store`` is not a store exokg made, or is locked; nothing is written.
        EmptyGraphError: no documents, the previous graph had some, and not
            ``allow_empty``; nothing is written.
        OSError: a write failed (disk full, read-only folder); nothing is replaced.
    """
    def phase(title: str):  # type: ignore[no-untyped-def]
        return reporter.phase(title) if reporter is not None else nullcontext()

    small = len(result.documents) <= RDFLIB_MAX_DOCUMENTS
    if not small:
        release_build_memory()
    if validate and small:
        with phase("validating the graph against the SHACL shapes"):
            validate_build(result)
    out = check_out_folder(Path(out), [*STREAMED, *_graph_output_names()])
    files: dict[str, bytes] = {}
    if small:
        with phase("rendering the KGX/GraphML/CSV exports and the HTML page"):
            files = render_graph_outputs(result)
    store = Path(store) if store is not None else default_store_path(out)
    _check_apart(out, store.absolute())
    if reporter is not None:  # not a timed phase: its parts are (loading, exports)
        reporter.info(f"writing the store {store} and the exports to {out} ...")
    if writer is None:
        with StoreWriter(store) as own:
            return _write(result, files, out, own, write_cache, allow_empty, reporter,
                          validate and not small, not small, workers)
    return _write(result, files, out, writer, write_cache, allow_empty, reporter,
                  validate and not small, not small, workers)


def release_build_memory() -> None:
    """What a large build's process no longer needs once its documents are read, let go
    of before the store is loaded: the open lexicon (the load and the phases after it
    never read it; :func:`exokg.recognise.open.release_open_lexicon`), after a collection
    of the cycles that hold it, and the freed heap returned to the system
    (:func:`exokg.postload.release_memory`). About 115 MB less in this process while the
    store loads and the phases' workers run beside it (docs/benchmarks.md, "Post-load
    phases, round 11")."""
    import gc

    from exokg.postload import release_memory
    from exokg.recognise.open import release_open_lexicon

    release_open_lexicon()
    gc.collect()
    release_memory()


def _graph_output_names() -> list[str]:
    return [fmt.output for fmt in FORMATS if fmt.output not in STREAMED] + ["exokg.html"]


def check_destinations(args: object) -> None:
    """Check ``args.out`` and ``args.store`` before a build does any work (the same checks
    run again under the lock when writing).

    Raises:
        OutputError, StoreError, ExokgError: see :func:`write_build_outputs`.
    """
    from exokg.graph.store import check_store_folder

    out = check_out_folder(Path(getattr(args, "out")))
    store = getattr(args, "store", None)
    store = Path(store) if store is not None else default_store_path(out)
    _check_apart(out, store.absolute())
    check_store_folder(store)


def _check_apart(out: Path, store: Path) -> None:
    out_r, store_r = out.resolve(), store.resolve()
    if out_r == store_r or out_r in store_r.parents or store_r in out_r.parents:
        raise ExokgError(f"--out {out} and --store {store} overlap; give them separate "
                         "folders")


def write_store_outputs(result: BuildResult, store: pyoxigraph.Store, folder: Path) -> None:
    """The exports of a large build that are not RDF, written from its loaded ``store`` into
    ``folder`` with bounded memory: KGX, GraphML and the statements CSV by streaming SELECTs
    (:mod:`exokg.export.tables`), and the HTML page of its best-supported statements
    (:mod:`exokg.viz.store_page`)."""
    from exokg.export.tables import write_non_rdf
    from exokg.viz import store_page

    write_non_rdf(store, folder)
    page = store_page.page_html(store, len(result.statements))
    (folder / "exokg.html").write_bytes(page.encode("utf-8"))


def _load(result: BuildResult, store: pyoxigraph.Store, partition: Path,
          reporter: Reporter | None) -> int:
    """Stream the build's graph into ``store`` (its named-graph lines into the file
    ``partition``, its N-Triples lines into :func:`~exokg.graph.load.triples_file` beside
    it, the inputs of the RDF exports), telling ``reporter`` the records loaded; returns
    the triples generated."""
    began = time.perf_counter()
    records = len(result.documents) + len(result.statements)
    counter = reporter.counter("loading the store", unit="record") \
        if reporter is not None and reporter.verbosity else None
    done = 0

    def tick(kind: str) -> None:
        nonlocal done
        if counter is not None and kind in ("document", "statement"):
            done += 1
            counter(done, records, kind)

    with open(partition, "wb", buffering=1 << 20) as handle, \
            open(triples_file(partition), "wb", buffering=1 << 20) as lines:
        generated = load_build(result, store, handle, tick, triples=lines)
    if counter is not None and done < records:
        counter(records, records, "")
    if reporter is not None:
        reporter.rate("loaded the store", generated, "triple", time.perf_counter() - began)
    fault_point("store-streamed")
    return generated


def _fill(result: BuildResult, files: dict[str, bytes], reporter: Reporter | None,
          validate: bool, large: bool = False
          ) -> Callable[[pyoxigraph.Store, Path], dict[str, Any]]:
    """The work done inside the new store generation: stream the graph into the store,
    write the RDF exports from it and the other exports beside them (``exports/``; for a
    ``large`` build written from the store too, :func:`write_store_outputs`)."""
    def tell(title: str, count: int, unit: str, began: float) -> None:
        if reporter is not None:
            reporter.rate(title, count, unit, time.perf_counter() - began)

    def fill(store: pyoxigraph.Store, generation: Path) -> dict[str, Any]:
        scratch = generation / ".scratch"
        scratch.mkdir()
        exports = generation / "exports"
        try:
            partition = scratch / "partition.nq"
            _load(result, store, partition, reporter)
            if validate:  # a large build: validated once its store is loaded
                with reporter.phase("validating the graph against the SHACL shapes") \
                        if reporter is not None else nullcontext():
                    from exokg.validate_records import UsedTerms

                    validate_build(result, store,
                                   UsedTerms.read(used_terms_file(partition)))
            marks: dict[str, float] = {"": time.perf_counter()}

            def tally(name: str, count: int) -> None:
                fault_point("rdf-export")
                tell(f"wrote {name}", count, "triple" if name.endswith(("nt", "ttl", "jsonld"))
                     else "quad", marks[""])
                marks[""] = time.perf_counter()

            with reporter.phase("writing the RDF exports from the store") \
                    if reporter is not None else nullcontext():
                triples = write_rdf_exports(store, partition, exports, scratch, tally)
            if large:
                with reporter.phase("writing the KGX/GraphML/CSV exports and the HTML page "
                                    "from the store") if reporter is not None else nullcontext():
                    write_store_outputs(result, store, exports)
            for name, data in sorted(files.items()):
                target = exports / name
                target.parent.mkdir(parents=True, exist_ok=True)
                with open(target, "wb") as handle:
                    handle.write(data)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        result.triples = triples
        return {"triples": triples}

    return fill


def _concurrent(result: BuildResult, files: dict[str, bytes], reporter: Reporter | None,
                validate: bool, workers: int
                ) -> tuple[Callable[[pyoxigraph.Store, Path], dict[str, Any]],
                           Callable[[Path, Path, list[str]], dict[str, Any]]]:
    """The work of a large build's generation with ``workers`` processes: ``fill`` streams
    the graph into the store (and the partition file into the generation's scratch
    folder), then, with the database closed, ``after_close`` runs every phase that reads it
    at once (:func:`exokg.postload.run_phases`) and removes the scratch folder."""
    from exokg.postload import PHASES, Job, describe, run_phases

    loaded: dict[str, int] = {}

    def fill(store: pyoxigraph.Store, generation: Path) -> dict[str, Any]:
        scratch = generation / ".scratch"
        scratch.mkdir()
        try:
            loaded["generated"] = _load(result, store, scratch / "partition.nq", reporter)
            _write_files(generation / "exports", files)
        except BaseException:
            shutil.rmtree(scratch, ignore_errors=True)
            raise
        return {}

    def after_close(database: Path, generation: Path, graphs: list[str]) -> dict[str, Any]:
        scratch = generation / ".scratch"
        phases = [p for p in PHASES if validate or p.name != "validate"]
        job = Job(str(database), str(generation), str(scratch / "partition.nq"),
                  str(scratch), tuple(graphs), len(result.statements))

        def done(phase: Any, outcome: Any) -> None:
            if phase.name == "validate":  # an invalid graph stops the other phases at once
                from exokg.validate import require_conforming

                require_conforming(outcome.value)
            if reporter is None:
                return
            for name, count, unit, seconds in outcome.files:
                reporter.rate(f"wrote {name}", count, unit, seconds)
            reporter.info(describe(phase, outcome))

        if result.claims is not None:  # the records are read again only after the phases
            result.claims.shrink_memory()
        title = (f"{len(phases)} phases over the loaded store in {workers} worker "
                 "processes")
        try:
            with reporter.phase(title) if reporter is not None else nullcontext():
                outcomes = run_phases(job, phases, loaded.get("generated", 0), workers,
                                      on_done=done)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        triples = int(outcomes["rdf"].value)
        result.triples = triples
        return {"triples": triples}

    return fill, after_close


def _write_files(folder: Path, files: dict[str, bytes]) -> None:
    for name, data in sorted(files.items()):
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(data)


def _write(result: BuildResult, files: dict[str, bytes], out: Path, writer: StoreWriter,
           write_cache: Callable[[Path], None] | None, allow_empty: bool,
           reporter: Reporter | None = None, validate: bool = False,
           large: bool = False, workers: int = 1) -> list[Path]:
    if not result.documents and not allow_empty and _previous_documents(writer, out):
        raise EmptyGraphError(f"{out}: the build found no documents; it would replace a graph "
                              "that has some (use --allow-empty to publish an empty graph)")
    if not result.documents:
        print("exokg: warning: the graph has no documents", file=sys.stderr)
    writer.record_out(out)
    remove_leftovers(out)
    staged: list[Path] = []

    def stage_exports(generation: Path) -> None:
        staged.append(stage_folder(out, generation / "exports"))
        (generation / "PUBLISH").write_text(json.dumps({"out": str(out)}), encoding="utf-8")

    meta = {"documents": len(result.documents), "statements": len(result.statements),
            "out": str(out)}
    after_close = None
    if large and workers > 1:
        fill, after_close = _concurrent(result, files, reporter, validate, workers)
    else:
        fill = _fill(result, files, reporter, validate, large)
    try:
        generation = writer.commit(fill=fill, write_cache=write_cache, meta=meta,
                                   before_switch=stage_exports, after_close=after_close)
    except BaseException:
        remove_leftovers(out)
        raise
    publish(generation, out, staged[0])
    names = sorted(set(STREAMED) | set(files))
    if large:  # written from the store: whatever the store writers made
        names = sorted({*names, *(str(p.relative_to(out)) for p in out.rglob("*")
                                  if p.is_file() and not p.name.startswith("."))})
    return [out / name for name in names] + [writer.path]

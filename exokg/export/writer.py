"""Write every output of a build as one transaction: the exports of every format in
:data:`exokg.export.formats.FORMATS` (Turtle, N-Triples, JSON-LD, TriG, N-Quads, KGX TSV,
GraphML, statements CSV), the HTML page, the embedded store and the per-document cache.

The graph is validated against ``ontology/shapes.ttl`` first: an invalid graph is never
published (:class:`~exokg.errors.ValidationError`, nothing written). All outputs are then
produced in memory and written into a new store generation and a staged exports folder;
only when both are complete does the store switch to the new generation and the exports
folder get exchanged (see :mod:`exokg.graph.store` and :mod:`exokg.export.publish`). An
error or a crash at any point leaves the previous outputs in place.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from exokg.errors import ExokgError
from exokg.export.formats import render_all
from exokg.export.publish import check_out_folder, publish, remove_leftovers, stage
from exokg.graph.store import StoreWriter, default_store_path
from exokg.pipeline import BuildResult
from exokg.validate import require_valid
from exokg.viz import render_page

if TYPE_CHECKING:
    from exokg.progress import Reporter


class EmptyGraphError(ExokgError):
    """A build found no documents and would replace a graph that has some."""


def render_outputs(result: BuildResult) -> dict[str, bytes]:
    """File name -> content of every export of a build."""
    return {
        **render_all(result),
        "exokg.html": render_page(result).encode("utf-8"),
    }


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
                        allow_empty: bool = False, reporter: Reporter | None = None
                        ) -> list[Path]:
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

    if validate:
        with phase("validating the graph against the SHACL shapes"):
            require_valid(result.graph)
    with phase("rendering the exports and the HTML page"):
        files = render_outputs(result)
    out = check_out_folder(Path(out), files)
    store = Path(store) if store is not None else default_store_path(out)
    _check_apart(out, store.absolute())
    with phase(f"writing the exports to {out} and the store {store}"):
        if writer is None:
            with StoreWriter(store) as own:
                return _write(result, files, out, own, write_cache, allow_empty)
        return _write(result, files, out, writer, write_cache, allow_empty)


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


def _write(result: BuildResult, files: dict[str, bytes], out: Path, writer: StoreWriter,
           write_cache: Callable[[Path], None] | None, allow_empty: bool) -> list[Path]:
    if not result.documents and not allow_empty and _previous_documents(writer, out):
        raise EmptyGraphError(f"{out}: the build found no documents; it would replace a graph "
                              "that has some (use --allow-empty to publish an empty graph)")
    if not result.documents:
        print("exokg: warning: the graph has no documents", file=sys.stderr)
    writer.record_out(out)
    remove_leftovers(out)
    staged: list[Path] = []

    def stage_exports(generation: Path) -> None:
        staged.append(stage(out, files))
        (generation / "PUBLISH").write_text(json.dumps({"out": str(out)}), encoding="utf-8")

    meta = {"documents": len(result.documents), "triples": len(result.graph),
            "statements": len(result.statements), "out": str(out)}
    try:
        generation = writer.commit(files["exokg.ttl"], exports=files, write_cache=write_cache,
                                   meta=meta, before_switch=stage_exports)
    except BaseException:
        remove_leftovers(out)
        raise
    publish(generation, out, staged[0])
    return [out / name for name in files] + [writer.path]

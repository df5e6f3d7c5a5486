"""Write every output of a build: the exports of every format in
:data:`exokg.export.formats.FORMATS` (Turtle, N-Triples, JSON-LD, TriG, N-Quads, KGX TSV,
GraphML, statements CSV), the HTML page and the embedded store.

The graph is validated against ``ontology/shapes.ttl`` first: an invalid graph is never
published (:class:`~exokg.errors.ValidationError`, nothing written). All outputs are then
produced in memory; files are replaced one by one atomically, so an error while producing
any of them leaves every earlier export untouched.
"""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from exokg.export.atomic import write_bytes
from exokg.export.formats import render_all
from exokg.graph.store import default_store_path, write_store
from exokg.pipeline import BuildResult
from exokg.validate import require_valid
from exokg.viz import render_page

if TYPE_CHECKING:
    from exokg.progress import Reporter


def render_outputs(result: BuildResult) -> dict[str, bytes]:
    """File name -> content of every export of a build."""
    return {
        **render_all(result),
        "exokg.html": render_page(result).encode("utf-8"),
    }


def write_build_outputs(result: BuildResult, out: Path, store: Path | None = None,
                        validate: bool = True, reporter: Reporter | None = None
                        ) -> list[Path]:
    """Write the exports into ``out`` and load the embedded store; returns the paths written.

    ``reporter`` (optional) is told each phase (validate, render, write, load the store).

    Raises:
        ValidationError: ``validate`` and the graph does not conform to the SHACL shapes
            (``error.report`` has the details); nothing is written.
    """
    def phase(title: str):  # type: ignore[no-untyped-def]
        return reporter.phase(title) if reporter is not None else nullcontext()

    if validate:
        with phase("validating the graph against the SHACL shapes"):
            require_valid(result.graph)
    with phase("rendering the exports and the HTML page"):
        files = render_outputs(result)
    written = []
    with phase(f"writing {len(files)} files to {out}"):
        for name, data in files.items():
            path = Path(out) / name
            write_bytes(path, data)
            written.append(path)
    target = store or default_store_path(Path(out))
    with phase(f"loading the store {target}"):
        written.append(write_store(files["exokg.ttl"], target))
    return written

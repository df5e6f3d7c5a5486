"""Write every output of a build: the exports of every format in
:data:`exokg.export.formats.FORMATS` (Turtle, N-Triples, JSON-LD, TriG, N-Quads, KGX TSV,
GraphML, statements CSV), the HTML page and the embedded store.

The graph is validated against ``ontology/shapes.ttl`` first: an invalid graph is never
published (:class:`~exokg.errors.ValidationError`, nothing written). All outputs are then
produced in memory; files are replaced one by one atomically, so an error while producing
any of them leaves every earlier export untouched.
"""

from __future__ import annotations

from pathlib import Path

from exokg.export.atomic import write_bytes
from exokg.export.formats import render_all
from exokg.graph.store import default_store_path, write_store
from exokg.pipeline import BuildResult
from exokg.validate import require_valid
from exokg.viz import render_page


def render_outputs(result: BuildResult) -> dict[str, bytes]:
    """File name -> content of every export of a build."""
    return {
        **render_all(result),
        "exokg.html": render_page(result).encode("utf-8"),
    }


def write_build_outputs(result: BuildResult, out: Path, store: Path | None = None,
                        validate: bool = True) -> list[Path]:
    """Write the exports into ``out`` and load the embedded store; returns the paths written.

    Raises:
        ValidationError: ``validate`` and the graph does not conform to the SHACL shapes
            (``error.report`` has the details); nothing is written.
    """
    if validate:
        require_valid(result.graph)
    files = render_outputs(result)
    written = []
    for name, data in files.items():
        path = Path(out) / name
        write_bytes(path, data)
        written.append(path)
    written.append(write_store(files["exokg.ttl"], store or default_store_path(Path(out))))
    return written

"""Write every output of a build: Turtle, statements CSV and the embedded store.

All outputs are produced in memory first; files are then replaced one by one atomically, so
an error while producing any of them leaves every earlier export untouched.
"""

from __future__ import annotations

from pathlib import Path

from exokg.export.atomic import write_bytes
from exokg.export.statements_csv import to_csv
from exokg.export.turtle import to_turtle
from exokg.graph.store import default_store_path, write_store
from exokg.pipeline import BuildResult


def render_outputs(result: BuildResult) -> dict[str, bytes]:
    """File name -> content of every export of a build."""
    return {
        "exokg.ttl": to_turtle(result.graph),
        "statements.csv": to_csv(result.statements, result.entities),
    }


def write_build_outputs(result: BuildResult, out: Path, store: Path | None = None) -> list[Path]:
    """Write the exports into ``out`` and load the embedded store; returns the paths written."""
    files = render_outputs(result)
    written = []
    for name, data in files.items():
        path = Path(out) / name
        write_bytes(path, data)
        written.append(path)
    written.append(write_store(files["exokg.ttl"], store or default_store_path(Path(out))))
    return written

"""The embedded store: an on-disk Oxigraph (pyoxigraph) database of the built graph.

The store is rebuilt beside the old one and swapped in only when complete, so a failed build
leaves the previous store usable.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pyoxigraph


def default_store_path(out: Path) -> Path:
    """Where the store lives when not given: ``.exokg/store`` beside the output folder."""
    return out.resolve().parent / ".exokg" / "store"


def write_store(turtle: bytes, path: Path) -> Path:
    """Load Turtle into a fresh on-disk store at ``path`` (replacing any previous one)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
    try:
        store = pyoxigraph.Store(str(tmp))
        store.bulk_load(turtle, format=pyoxigraph.RdfFormat.TURTLE)
        store.flush()
        del store
        old = None
        if path.exists():
            old = path.with_name(f".{path.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            path.rename(old)
        tmp.rename(path)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return path


def open_store(path: Path, read_only: bool = True) -> pyoxigraph.Store:
    """Open an existing store (read-only by default)."""
    if read_only:
        return pyoxigraph.Store.read_only(str(path))
    return pyoxigraph.Store(str(path))

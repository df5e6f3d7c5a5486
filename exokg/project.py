"""The current graph: which built graph a command or ``exokg.load()`` works on.

``exokg build`` records what it built in a project marker, ``.exokg/project.json`` beside
the output folder (the folder it is in is the *project root*)::

    {"format": 1, "out": "exports", "store": ".exokg/store", "inputs": ["../papers"]}

Paths in the marker are relative to the project root when they lie under it, absolute
otherwise. Every command that reads a graph, and :func:`exokg.load`, finds it the same way
(:func:`find_current`), first match wins:

1. an explicit ``--store`` (or ``load(path)``);
2. the ``EXOKG_STORE`` environment variable (a store folder);
3. the nearest ``.exokg/project.json`` in the working folder or any folder above it (so a
   notebook in ``notebooks/`` uses the graph built in the folder above);
4. the nearest ``.exokg/store`` folder above (a build made before markers existed).

When none is found, callers say so before they fall back to the bundled corpus.

The store path returned is the one users name (default ``.exokg/store``); how the store is
laid out inside that folder is :mod:`exokg.graph.store`'s business.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exokg.errors import ExokgError

if TYPE_CHECKING:
    from rdflib import Graph

    from exokg.pipeline import BuildResult
    from exokg.progress import Reporter

__all__ = ["ENV_STORE", "MARKER", "CurrentGraph", "NoGraphWarning", "Project", "ProjectError",
           "find_current", "find_project", "no_graph_message", "read_build", "read_graph",
           "open_source", "record_project", "require_store", "Source"]

#: The project marker, relative to the project root.
MARKER = Path(".exokg") / "project.json"
#: Environment variable naming a store folder to use when no ``--store`` is given.
ENV_STORE = "EXOKG_STORE"
_FORMAT = 1
DEFAULT_OUT = Path("exports")


class ProjectError(ExokgError):
    """A project marker that cannot be read or written."""


@dataclass(frozen=True)
class Project:
    """A built graph's project: its root folder, exports folder, store and inputs.

    ``out``, ``store`` and ``inputs`` (the build's input paths; empty for the bundled
    founding corpus) are absolute.
    """

    root: Path
    out: Path
    store: Path
    inputs: tuple[str, ...] = ()
    marker: Path | None = None

    @property
    def bundled(self) -> bool:
        """True when the graph was built from the bundled founding corpus."""
        return not self.inputs


@dataclass(frozen=True)
class CurrentGraph:
    """The store a command works on and how it was found (for messages)."""

    store: Path
    found_by: str
    project: Project | None = field(default=None)

    def describe(self) -> str:
        """One line for messages: ``the graph in STORE (found by ...)``."""
        return f"the graph in {self.store} ({self.found_by})"


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path.resolve())


def record_project(out: Path, store: Path, inputs: Sequence[str | os.PathLike[str]] = ()
                   ) -> Path:
    """Write the project marker for a build into ``OUT/../.exokg/project.json``.

    Args:
        out: the build's output folder.
        store: the store folder the build wrote (as the user named it).
        inputs: the build's input paths (empty for the bundled corpus).

    Returns:
        The marker's path.

    Raises:
        ProjectError: the marker cannot be written.
    """
    from exokg.export.atomic import write_bytes

    root = Path(out).resolve().parent
    data = {"format": _FORMAT, "out": _relative(Path(out), root),
            "store": _relative(Path(store), root),
            "inputs": [_relative(Path(p), root) for p in inputs]}
    path = root / MARKER
    try:
        write_bytes(path, (json.dumps(data, indent=1) + "\n").encode("utf-8"))
    except OSError as exc:
        raise ProjectError(f"{path}: cannot write the project marker: {exc.strerror}") from None
    return path


def _read_marker(path: Path) -> Project:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ProjectError(f"{path}: unreadable project marker ({exc}); rebuild with "
                           "'exokg build' or delete it") from None
    if not isinstance(data, Mapping) or not isinstance(data.get("store"), str):
        raise ProjectError(f"{path}: not an exokg project marker (no \"store\")")
    root = path.parent.parent
    inputs = data.get("inputs") or []
    return Project(root=root, out=(root / str(data.get("out") or "exports")).resolve(),
                   store=(root / data["store"]).resolve(),
                   inputs=tuple(str((root / str(i)).resolve()) for i in inputs),
                   marker=path)


def _upward(start: Path) -> Iterator[Path]:
    here = start.resolve()
    yield here
    yield from here.parents


def find_project(start: Path | None = None) -> Project | None:
    """The nearest project at or above ``start`` (default: the working folder).

    A folder with ``.exokg/project.json`` is a project; failing that, a folder with a
    ``.exokg/store`` folder (a build recorded before markers existed, exports assumed in
    ``exports/``). Returns None when there is neither.

    Raises:
        ProjectError: the nearest marker cannot be read.
    """
    for folder in _upward(Path.cwd() if start is None else Path(start)):
        marker = folder / MARKER
        if marker.is_file():
            return _read_marker(marker)
        legacy = folder / ".exokg" / "store"
        if legacy.is_dir():
            return Project(root=folder, out=folder / "exports", store=legacy)
    return None


def find_current(store: Path | str | None = None, *, start: Path | None = None,
                 environ: Mapping[str, str] | None = None) -> CurrentGraph | None:
    """The graph to work on (see the module docstring for the order), or None.

    Args:
        store: an explicit store folder (``--store``); returned as it is.
        start: where the upward search begins (default: the working folder).
        environ: the environment (default: ``os.environ``).

    Raises:
        ProjectError: the nearest project marker cannot be read.
    """
    if store is not None:
        return CurrentGraph(Path(store), "--store")
    env = os.environ if environ is None else environ
    named = env.get(ENV_STORE)
    if named:
        return CurrentGraph(Path(named), f"${ENV_STORE}")
    project = find_project(start)
    if project is None:
        return None
    how = (f"project marker {project.marker}" if project.marker is not None
           else f"store found in {project.root}")
    return CurrentGraph(project.store, how, project)


def no_graph_message(start: Path | None = None) -> str:
    """What to tell a user when :func:`find_current` finds nothing."""
    where = (Path.cwd() if start is None else Path(start)).resolve()
    return (f"no built graph found (no {MARKER} in {where} or above, no --store, no "
            f"${ENV_STORE}); using the bundled founding corpus. Build yours with "
            "'exokg build PATH ...'")


class NoGraphWarning(UserWarning):
    """No built graph was found, so the bundled founding corpus is used instead."""


def read_graph(store: Path) -> Graph:
    """The data (default graph) of a store folder as an rdflib Graph, with exokg's prefixes.

    Raises:
        ProjectError: ``store`` is not a readable store.
    """
    import pyoxigraph as ox

    from exokg.export.reader import rdflib_graph_of
    from exokg.graph.store import database_path

    try:
        reader = ox.Store.read_only(str(database_path(store)))
    except OSError as exc:
        raise ProjectError(f"{store}: cannot open the store ({exc})") from None
    graph = rdflib_graph_of(q.triple for q in
                            reader.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    del reader
    return graph


def read_build(store: Path) -> BuildResult | None:
    """The build of a store, reassembled from its per-document cache (``STORE.documents``),
    or None when the store has no cache (a store made from a Turtle file)."""
    from exokg.incremental import DocumentCache, cache_path, rebuild_from_cache

    path = cache_path(Path(store))
    if not path.exists():
        return None
    return rebuild_from_cache(DocumentCache.open(path))


def require_store(current: CurrentGraph) -> Path:
    """The store folder of ``current``, checked to exist.

    Raises:
        ProjectError: the folder is missing (the message says how it was found).
    """
    if not current.store.is_dir():
        raise ProjectError(f"{current.store}: no such store ({current.found_by}); build it "
                           "with 'exokg build PATH ...'")
    return current.store


@dataclass
class Source:
    """What a drawing or exporting command works on.

    ``graph`` is a :class:`~exokg.pipeline.BuildResult` (a fresh build) or an open
    :class:`~exokg.query.api.KnowledgeGraph` (the current graph's store); ``out`` is the
    default output folder; ``current`` says which graph it is (None for a fresh build).
    """

    graph: Any
    out: Path
    current: CurrentGraph | None = None

    def close(self) -> None:
        """Close the store (when one was opened)."""
        close = getattr(self.graph, "close", None)
        if callable(close):
            close()

    def build(self) -> BuildResult | None:
        """The build records (for formats written from them): the fresh build, or the
        current graph reassembled from its document cache; None when there is none."""
        from exokg.pipeline import BuildResult

        if isinstance(self.graph, BuildResult):
            return self.graph
        return read_build(self.current.store) if self.current is not None else None


def open_source(paths: Sequence[str | os.PathLike[str]], store: Path | None,
                reporter: Reporter) -> Source:
    """A build of ``paths``; else the current graph (``store``, ``$EXOKG_STORE`` or the
    project marker); else the bundled corpus, with a warning saying so.

    Raises:
        ExokgError: both ``paths`` and ``store`` given.
        ProjectError: the current graph's store is missing or unreadable.
    """
    from exokg.pipeline import build

    if paths:
        if store is not None:
            raise ExokgError("give input paths or --store, not both")
        with reporter.phase(f"building the graph of {len(paths)} input path(s)"):
            return Source(build(list(paths)), DEFAULT_OUT)
    current = find_current(store)
    if current is None:
        reporter.warn(no_graph_message())
        with reporter.phase("building the bundled corpus"):
            return Source(build(), DEFAULT_OUT)
    folder = require_store(current)
    reporter.detail(f"using {current.describe()}")
    from exokg.query.api import load

    out = current.project.out if current.project is not None else DEFAULT_OUT
    return Source(load(folder), out, current)

"""Finding (or making) the store a :class:`~exokg.query.api.KnowledgeGraph` opens.

``exokg build`` writes the exports (``exports/exokg.ttl``) and an on-disk Oxigraph store
(``.exokg/store`` beside the exports folder). :func:`locate_store` accepts either, or
nothing (the default locations, building from the bundled corpus when there is no store
yet), or a Turtle file (loaded into a temporary store).

The ontology (``ontology/exokg.ttl``) goes into its own named graph,
``https://w3id.org/exokg/graph/ontology/sha256-<digest of the file>``, which queries see
as part of their default graph, so ``rdf:type/rdfs:subClassOf*`` paths work without
copying ontology triples into the data. The digest in the name tells whether the store has
the current ontology; :func:`ensure_ontology` replaces an old one.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import warnings
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox

from exokg.errors import QueryError

__all__ = ["ONTOLOGY_GRAPH_PREFIX", "LocatedStore", "ensure_ontology", "locate_store",
           "ontology_graph_name", "ontology_text"]

#: Named graphs whose name starts with this hold the ontology.
ONTOLOGY_GRAPH_PREFIX = "https://w3id.org/exokg/graph/ontology/"
DEFAULT_EXPORTS = Path("exports")


@dataclass
class LocatedStore:
    """A store folder, where its data came from, and whether it is temporary."""

    path: Path
    source: str
    temporary: bool = False

    def cleanup(self) -> None:
        if self.temporary:
            shutil.rmtree(self.path.parent if self.path.parent.name.startswith("exokg-")
                          else self.path, ignore_errors=True)


def _is_store(path: Path) -> bool:
    from exokg.graph.store import is_store

    return is_store(path)


def ontology_text() -> bytes | None:
    """The packaged ontology (Turtle bytes), or None when it is not installed."""
    resource = files("exokg").joinpath("resources", "ontology", "exokg.ttl")
    try:
        return resource.read_bytes()
    except (FileNotFoundError, OSError):
        return None


def ontology_graph_name(data: bytes | None = None) -> str | None:
    """The named graph of the current packaged ontology, or None when it is not there."""
    data = ontology_text() if data is None else data
    if data is None:
        return None
    return ONTOLOGY_GRAPH_PREFIX + "sha256-" + hashlib.sha256(data).hexdigest()[:16]


def ensure_ontology(path: Path) -> str | None:
    """Make sure the store at ``path`` holds the current ontology in its named graph.

    Returns the graph name, or None when there is no ontology or the store cannot be
    written (a warning says why; subclass-aware queries then match direct types only).
    """
    from exokg.graph.store import database_path

    data = ontology_text()
    name = ontology_graph_name(data)
    if data is None or name is None:
        return None
    path = database_path(path)
    try:
        reader = ox.Store.read_only(str(path))
        present = reader.contains_named_graph(ox.NamedNode(name))
        del reader
        if present:
            return name
        store = ox.Store(str(path))
    except OSError as exc:
        warnings.warn(f"cannot add the ontology to the store {path} ({exc}); queries will "
                      "match direct rdf:type only", RuntimeWarning, stacklevel=3)
        return None
    try:
        for graph in list(store.named_graphs()):
            if isinstance(graph, ox.NamedNode) and graph.value.startswith(ONTOLOGY_GRAPH_PREFIX):
                store.remove_graph(graph)
        store.load(data, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(name))
        store.flush()
    finally:
        del store
    return name


def _store_from_turtle(turtle: bytes, path: Path) -> Path:
    from exokg.graph.store import write_store

    return write_store(turtle, path)


def locate_store(source: object = None, *, rebuild: bool = False) -> LocatedStore:
    """The store to open for ``source``.

    Args:
        source: None (the current graph, found as :func:`exokg.project.find_current`
            says: ``$EXOKG_STORE``, else the nearest ``.exokg/project.json`` here or above;
            when there is none, the bundled corpus is built into ``./.exokg/store`` with a
            :class:`~exokg.project.NoGraphWarning`), a store folder, an exports folder (its store beside it, made from its
            ``exokg.ttl`` when missing or older), a Turtle file (loaded into a temporary
            store), an rdflib ``Graph`` or a :class:`~exokg.pipeline.BuildResult`
            (temporary store).
        rebuild: with ``source`` None, rebuild the current graph's store from its
            recorded inputs (the bundled corpus when there is no current graph).

    Raises:
        QueryError: the path does not exist or is neither a store, an exports folder nor
            a Turtle file.
    """
    from exokg.graph.store import default_store_path

    if source is None:
        return _locate_current(rebuild)
    if _is_graph_like(source):
        return _temporary(_turtle_of(source), type(source).__name__)
    path = Path(source)  # type: ignore[arg-type]
    if _is_store(path):
        return LocatedStore(path, str(path))
    if path.is_dir() and (path / "exokg.ttl").is_file():
        turtle = path / "exokg.ttl"
        store = default_store_path(path)
        if not _is_store(store) or _database_mtime(store) < turtle.stat().st_mtime:
            _store_from_turtle(turtle.read_bytes(), store)
        return LocatedStore(store, str(turtle))
    if path.is_file() and path.suffix.lower() in (".ttl", ".turtle"):
        return _temporary(path.read_bytes(), str(path))
    if not path.exists():
        raise QueryError(f"{path}: no such store, exports folder or Turtle file")
    raise QueryError(f"{path}: not an Oxigraph store, an exports folder with exokg.ttl, or "
                     "a Turtle file")


def _database_mtime(store: Path) -> float:
    """When the store's data last changed: the switch of its ``current`` generation (made
    after the build's exports were written), or a plain store's folder time."""
    from exokg.graph.store import database_path

    current = Path(store) / "current"
    if current.is_symlink():
        return current.lstat().st_mtime
    return database_path(store).stat().st_mtime


def _is_graph_like(source: object) -> bool:
    from rdflib import Graph

    return isinstance(source, Graph) or hasattr(source, "graph") and isinstance(
        getattr(source, "graph"), Graph)


def _turtle_of(source: object) -> bytes:
    from rdflib import Graph

    from exokg.export.turtle import to_turtle

    graph = source if isinstance(source, Graph) else getattr(source, "graph")
    return to_turtle(graph)


def _temporary(turtle: bytes, origin: str) -> LocatedStore:
    folder = Path(tempfile.mkdtemp(prefix="exokg-"))
    try:
        path = _store_from_turtle(turtle, folder / "store")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return LocatedStore(path, origin, temporary=True)


def _locate_current(rebuild: bool) -> LocatedStore:
    """The store of the current graph (see :func:`locate_store`)."""
    from exokg.graph.store import default_store_path
    from exokg.project import NoGraphWarning, find_current, no_graph_message, record_project

    current = find_current()
    if current is not None:
        store, project = current.store, current.project
        origin = current.describe()
        if project is not None and project.bundled:
            origin = f"bundled corpus, {origin}"
        if rebuild:
            inputs = list(project.inputs) if project is not None else None
            return LocatedStore(_build(store, inputs or None), origin)
        if _is_store(store):
            return LocatedStore(store, origin)
        turtle = project.out / "exokg.ttl" if project is not None else None
        if turtle is not None and turtle.is_file():
            return LocatedStore(_store_from_turtle(turtle.read_bytes(), store), str(turtle))
        raise QueryError(f"{store}: no store there ({current.found_by}); build it with "
                         "'exokg build PATH ...'")
    store = default_store_path(DEFAULT_EXPORTS)
    turtle = DEFAULT_EXPORTS / "exokg.ttl"
    if turtle.is_file() and not rebuild:
        return LocatedStore(_store_from_turtle(turtle.read_bytes(), store), str(turtle))
    warnings.warn(no_graph_message(), NoGraphWarning, stacklevel=4)
    path = _build(store, None)
    record_project(DEFAULT_EXPORTS, store, ())
    return LocatedStore(path, "bundled corpus")


def _build(store: Path, inputs: list[str] | None) -> Path:
    """Build ``inputs`` (None: the bundled corpus) into the store folder ``store``."""
    from exokg.export.turtle import to_turtle
    from exokg.pipeline import build

    result = build(inputs)
    return _store_from_turtle(to_turtle(result.graph), store)

"""The NetworkX view of a store generation, written once at build time beside its database.

Reading the view by SPARQL (:mod:`exokg.query.views`) costs time in proportion to the
statements: 1.7 s at 10,000 abstracts (34,000 statements, quiet machine), 250 s at 100,000
(262,000 statements, store on disk, loaded machine; docs/benchmarks.md). So each
store generation gets a small SQLite file, ``view.sqlite`` beside ``oxigraph/``, made from
the generation's own database by those same SPARQL queries while the generation is written
(:meth:`exokg.graph.store.StoreWriter.commit`), and published with it by the same atomic
switch. ``kg.to_networkx()`` reads it in one pass; ``kg.neighbourhood()`` walks its indexed
edge ends. It holds exactly the view (nodes and statement edges with their attributes),
never anything the RDF graph lacks, and is not an export.

Tables (every text column as the view has it; NULL where the view has no attribute):

* ``meta(name, value)``: ``format`` (:data:`FORMAT`), ``nodes``, ``edges``;
* ``context_labels(key, label)``: the labels of the species and models things are stated
  in (:func:`exokg.query.views.context_labels`: ``view.graph["labels"]``);
* ``nodes(key, curie, iri, label, category, datatype)``: one row per node;
* ``edges(key, subject, object, predicate, label, negated, hedged, claim_status,
  evidence_count, direction, aspect, species, model)``: one row per statement (its key is
  also its ``statement`` attribute), indexed by ``subject`` and by ``object``.

Rows are inserted in key order, so the same graph gives the same file. A generation
without the file (a store written before it existed, a remote endpoint) is read by SPARQL,
with the same result (``tests/test_viewdb.py``).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx
    import pyoxigraph

__all__ = ["FILE_NAME", "FORMAT", "ViewFile", "new_sqlite_file", "open_read_only",
           "view_file_path",
           "write_view_file"]

#: The file's name in a generation folder.
FILE_NAME = "view.sqlite"
#: The layout version; a file of another version is ignored (read by SPARQL instead).
FORMAT = "1"

_NODE_COLUMNS = ("curie", "iri", "label", "category", "datatype")
#: edge attributes after ``statement`` (the edge's key), in the order the view adds them
#: (the last four only when stated)
_EDGE_COLUMNS = ("predicate", "label", "negated", "hedged", "claim_status",
                 "evidence_count", "direction", "aspect", "species", "model")
_SCHEMA = f"""
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE context_labels (key TEXT PRIMARY KEY, label TEXT NOT NULL);
CREATE TABLE nodes (key TEXT PRIMARY KEY, {", ".join(f"{c} TEXT" for c in _NODE_COLUMNS)});
CREATE TABLE edges (key TEXT PRIMARY KEY, subject TEXT NOT NULL, object TEXT NOT NULL,
    predicate TEXT, label TEXT, negated INTEGER, hedged INTEGER,
    claim_status TEXT, evidence_count INTEGER, direction TEXT, aspect TEXT, species TEXT,
    model TEXT);
"""
_INDEXES = """
CREATE INDEX edges_subject ON edges (subject);
CREATE INDEX edges_object ON edges (object);
"""
#: ends per query of the walk (SQLite's default limit is 32,766 parameters)
_BATCH = 500


def view_file_path(generation: Path) -> Path:
    """Where a generation folder keeps its view file."""
    return Path(generation) / FILE_NAME


def write_view_file(store: pyoxigraph.Store, path: Path,
                    graphs: list[Any] | None = None, *, answers: bool = True,
                    rows: Path | None = None) -> dict[str, int]:
    """Write the NetworkX view of ``store`` (its default graph, or the union of ``graphs``:
    what the query API sees) to a new SQLite file at ``path``; returns its node and edge
    counts. The file is written under a temporary name and renamed, so a reader never sees
    half of it. The answer tables of the named queries (:mod:`exokg.query.answers`:
    ``kept-answers.sqlite`` for the queries kept whole, ``answers.sqlite`` for the
    entity-keyed ones) are written beside it, in the same folder, so the generation is
    published with all three (``answers=False``: the view only; a large build writes the
    answer files in phases of their own, :mod:`exokg.postload`). With ``rows``, a build's
    statement rows file (:func:`exokg.export.statement_scan.write_statement_rows`), the
    statements' edges are read from it rather than queried again
    (:func:`exokg.query.view_rows.rows_edges`: the same file either way; a file that
    cannot say what the store would, or none, is not used).

    Raises:
        OSError: the file cannot be written.
        sqlite3.Error: from SQLite.
    """
    from exokg.query.view_rows import rows_edges
    from exokg.query.views import store_context_labels, store_view_parts

    # the view's nodes and edges as read, without making the NetworkX graph of them (the
    # file does not need it): the rows are those of the graph
    # :func:`exokg.graph.nx.assemble_view` makes, nodes by key and edges by (key, subject,
    # object), an edge end that is no node a node without attributes
    nodes, edges = store_view_parts(store, graphs, rows_edges(rows, store, graphs))
    for u, v, _, _ in edges:
        nodes.setdefault(u, {})
        nodes.setdefault(v, {})
    edges.sort(key=lambda e: (e[2], e[0], e[1]))
    labels = store_context_labels(store, graphs)
    path = Path(path)
    with new_sqlite_file(path, _SCHEMA, FORMAT) as (db, counts):
        db.executemany("INSERT INTO nodes VALUES (?, ?, ?, ?, ?, ?)",
                       ((key, *(nodes[key].get(c) for c in _NODE_COLUMNS))
                        for key in sorted(nodes)))
        db.executemany(
            f"INSERT INTO edges VALUES ({', '.join('?' * 13)})",
            ((key, u, v, *(attrs.get(c) for c in _EDGE_COLUMNS))
             for u, v, key, attrs in edges))
        db.executemany("INSERT INTO context_labels VALUES (?, ?)", sorted(labels.items()))
        db.executescript(_INDEXES)
        counts.update(nodes=len(nodes), edges=len(edges))
        del nodes, edges
    if answers:
        from exokg.query.answers import (answer_file_path, kept_file_path, write_answer_file,
                                         write_kept_file)

        write_kept_file(store, kept_file_path(path.parent), graphs)
        write_answer_file(store, answer_file_path(path.parent), graphs, kept=False)
    return counts


def _node_attrs(row: tuple[Any, ...]) -> dict[str, Any]:
    return {name: value for name, value in zip(_NODE_COLUMNS, row) if value is not None}


def _edge(row: tuple[Any, ...]) -> tuple[str, str, str, dict[str, Any]]:
    """(subject, object, key, attributes) of an ``edges`` row read with :data:`_EDGE_SELECT`."""
    key, subject, obj, predicate, label, negated, hedged, status, count, direction, aspect, \
        species, model = row
    attrs: dict[str, Any] = {"statement": key, "predicate": predicate, "label": label,
                             "negated": bool(negated), "hedged": bool(hedged),
                             "claim_status": status, "evidence_count": count}
    if direction is not None:
        attrs["direction"] = direction
    if aspect is not None:
        attrs["aspect"] = aspect
    if species is not None:
        attrs["species"] = species
    if model is not None:
        attrs["model"] = model
    return subject, obj, key, attrs


def _fill_directly(view: nx.MultiDiGraph, nodes: Iterable[tuple[str, dict[str, Any]]],
                   edges: Iterable[tuple[str, str, str, dict[str, Any]]]) -> bool:
    """Fill an empty MultiDiGraph through its adjacency dicts, as ``add_edge`` does but
    without its per-call checks (about 1.7x faster for a few hundred thousand edges; every
    edge end must be among ``nodes``). Returns False, having done nothing, when this
    networkx keeps its graph differently (then use the public methods)."""
    if not all(isinstance(getattr(view, name, None), dict) and not getattr(view, name)
               for name in ("_node", "_succ", "_pred")) or view._adj is not view._succ:
        return False
    node, succ, pred = view._node, view._succ, view._pred
    for key, attrs in nodes:
        node[key], succ[key], pred[key] = attrs, {}, {}
    for u, v, key, attrs in edges:
        keys = succ[u].get(v)
        if keys is None:
            keys = succ[u][v] = pred[v][u] = {}
        keys[key] = attrs
    return True


_EDGE_SELECT = "SELECT key, subject, object, " + ", ".join(_EDGE_COLUMNS) + " FROM edges"
#: the same columns of ``edges e`` joined to the nodes of a walk (``temp.walk w``)
_EDGE_SELECT_JOINED = "SELECT " + ", ".join(
    f"e.{c}" for c in ("key", "subject", "object", *_EDGE_COLUMNS)) + " FROM temp.walk w"


@contextmanager
def new_sqlite_file(path: Path, schema: str, file_format: str
                    ) -> Iterator[tuple[sqlite3.Connection, dict[str, int]]]:
    """Write a generation's SQLite file (the view file, the answer file) whole or not at all:
    yields a connection to a temporary file beside ``path`` with ``schema`` created, and a
    dict the caller fills with counts; on success the ``meta`` table gets ``format`` =
    ``file_format`` and the counts, the file is committed, synced and renamed to ``path``
    (what :func:`open_read_only` checks); on any error the temporary file is removed.

    Raises:
        OSError: the file cannot be written.
        sqlite3.Error: from SQLite.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    counts: dict[str, int] = {}
    try:
        db = sqlite3.connect(tmp)
        try:
            db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + schema)
            yield db, counts
            db.executemany("INSERT INTO meta VALUES (?, ?)",
                           [("format", file_format), *((k, str(n)) for k, n in counts.items())])
            db.commit()
        finally:
            db.close()
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def open_read_only(path: Path, file_format: str) -> sqlite3.Connection | None:
    """A read-only connection to the SQLite file ``path`` written with a generation (the
    view file, the answer file), or None when it is missing, unreadable, or its ``meta``
    table names another format than ``file_format`` (then the reader falls back to
    SPARQL). The file is opened immutable: a published generation never changes."""
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                             check_same_thread=False)
        found = db.execute("SELECT value FROM meta WHERE name = 'format'").fetchone()
    except sqlite3.Error:
        return None
    if found is None or found[0] != file_format:
        db.close()
        return None
    return db


class ViewFile:
    """A generation's view file opened read-only (:meth:`open` returns None when there is
    none of this format)."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        import threading

        self._db, self.path = db, path
        self._walk = threading.Lock()  # one walk at a time uses the temporary table

    @classmethod
    def open(cls, generation: Path | None) -> ViewFile | None:
        """The view file of a generation folder, or None when the folder has no readable
        file of the current :data:`FORMAT` (then read the view by SPARQL)."""
        if generation is None:
            return None
        path = view_file_path(generation)
        db = open_read_only(path, FORMAT)
        return None if db is None else cls(db, path)

    def close(self) -> None:
        self._db.close()

    def networkx(self) -> nx.MultiDiGraph:
        """The whole view, equal to :func:`exokg.query.views.networkx_view` on the same
        generation (nodes, then edges, added in key order)."""
        import networkx as nx

        view = nx.MultiDiGraph()
        nodes = ((row[0], _node_attrs(row[1:]))
                 for row in self._db.execute("SELECT * FROM nodes ORDER BY key"))
        edges = map(_edge, self._db.execute(_EDGE_SELECT + " ORDER BY key"))
        if not _fill_directly(view, nodes, edges):
            view.add_nodes_from(nodes)
            view.add_edges_from(edges)
        return view

    def context_labels(self) -> dict[str, str]:
        """Node key -> label of the species and models things are stated in, as
        :func:`exokg.query.views.context_labels` reads them."""
        return dict(self._db.execute("SELECT key, label FROM context_labels ORDER BY key"))

    def has_node(self, key: str) -> bool:
        """Whether ``key`` is a node of the view."""
        return self._db.execute("SELECT 1 FROM nodes WHERE key = ?", (key,)).fetchone() \
            is not None

    def _neighbours(self, keys: list[str], negated: str) -> Iterator[str]:
        """The other ends of the edges (``negated``: an SQL condition on them, or "") with
        an end in ``keys`` (sorted)."""
        for first in range(0, len(keys), _BATCH):
            batch = keys[first:first + _BATCH]
            marks = ", ".join("?" * len(batch))
            for (node,) in self._db.execute(
                    f"SELECT object FROM edges WHERE subject IN ({marks}){negated} UNION "
                    f"SELECT subject FROM edges WHERE object IN ({marks}){negated}",
                    batch + batch):
                yield node

    def neighbourhood(self, centre: str, depth: int, *,
                      include_negated: bool = True) -> nx.MultiDiGraph:
        """The statements within ``depth`` edges of the node ``centre`` (either direction)
        and their ends: the subgraph of the view (without negated statements unless
        ``include_negated``) induced by the nodes within ``depth`` steps, as
        :func:`exokg.query.views.neighbourhood_view` reads it. Empty when ``centre`` is no
        node.

        Walks out one step per lookup of the indexed edge ends (only node keys cross into
        Python), then reads the induced edges in one join against the nodes reached.

        Raises:
            ValueError: ``depth`` is negative.
        """
        import networkx as nx

        if depth < 0:
            raise ValueError("depth must be 0 or more")
        if not self.has_node(centre):
            return nx.MultiDiGraph()
        negated = "" if include_negated else " AND NOT negated"
        reached, frontier = {centre}, {centre}
        for _ in range(depth):
            new = {n for n in self._neighbours(sorted(frontier), negated) if n not in reached}
            if not new:
                break
            reached |= new
            frontier = new
        with self._walk:
            db = self._db
            db.execute("CREATE TEMP TABLE IF NOT EXISTS walk (key TEXT PRIMARY KEY)")
            db.execute("DELETE FROM temp.walk")
            db.executemany("INSERT INTO temp.walk VALUES (?)", ((k,) for k in sorted(reached)))
            nodes = [(row[0], _node_attrs(row[1:])) for row in db.execute(
                "SELECT n.* FROM temp.walk w CROSS JOIN nodes n ON n.key = w.key "
                "ORDER BY n.key")]
            edges = [_edge(row) for row in db.execute(
                f"{_EDGE_SELECT_JOINED} CROSS JOIN edges e ON e.subject = w.key WHERE "
                "e.object IN (SELECT key FROM temp.walk)"
                f"{negated.replace('negated', 'e.negated')} ORDER BY e.key")]
            db.execute("DELETE FROM temp.walk")
        view = nx.MultiDiGraph()
        if not _fill_directly(view, nodes, edges):
            view.add_nodes_from(nodes)
            view.add_edges_from(edges)
        return view

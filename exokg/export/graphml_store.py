"""The GraphML export of a store, read by streaming SELECTs and written element by element.

The document is the one :func:`exokg.export.graphml.to_graphml` writes for the NetworkX view
of the same graph (:func:`exokg.query.views.store_view`): the same nodes, edges, attributes
and order, byte for byte. What is held in memory is the view's *nodes* (entities, the ends
of statements and literal values: they grow with the vocabulary of the field, not with the
number of abstracts); the edges (one per statement) go through an on-disk SQLite table:

1. the view's two edge queries (the core of every statement, then its optional attributes)
   are written by Oxigraph as TSV, sorted by statement on disk
   (:class:`exokg.export.tables._Sorter`) and merged, one statement at a time, into the
   edge attributes :func:`exokg.query.views.networkx_view` makes;
2. the nodes are read (entities, then the statement ends that are not entities);
3. the edges come back from SQLite in the order NetworkX iterates a ``MultiDiGraph``
   whose nodes were added sorted and whose edges were added sorted by statement: by source
   node, then by the first statement of each (source, target) pair, then by statement;
4. :class:`exokg.export.graphml_stream.GraphMLStream` writes them.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exokg.export.graphml_stream import GraphMLStream

if TYPE_CHECKING:
    import pyoxigraph

__all__ = ["write_store_graphml"]

_BATCH_ROWS = 5000


def _edge_attributes(core: list[tuple[Any, ...]], extra: list[tuple[Any, ...]],
                     labels: dict[str, str]) -> tuple[Any, Any, str, dict[str, Any]]:
    """(subject term, object term, statement key, edge attributes) of one statement from
    its rows of the core and attribute queries (as :func:`exokg.query.views._edges`)."""
    from exokg.graph.nx import _label
    from exokg.query.views import _ATTRIBUTE_NAMES, _text, _true, node_of_term

    statement, subject, predicate, obj = core[0][:4]
    negated = hedged = False
    count = None
    for row in core:
        negated |= _true(row[4])
        hedged |= _true(row[5])
        if row[6] is not None and count is None:
            count = int(row[6][1])
    values: dict[str, set[str]] = {name: set() for name in
                                   ("direction", "aspect", "species", "model", "status")}
    for _, attribute, value in extra:
        name = _ATTRIBUTE_NAMES.get(attribute[1])
        if name is not None:
            values[name].add(node_of_term(value) if name in ("species", "model")
                             else _text(value))
    key = node_of_term(statement)
    predicate_key = node_of_term(predicate)
    if predicate_key not in labels:
        labels[predicate_key] = _label(predicate_key)
    attrs: dict[str, Any] = {
        "statement": key, "predicate": predicate_key, "label": labels[predicate_key],
        "negated": negated, "hedged": hedged,
        "claim_status": "|".join(sorted(values["status"])), "evidence_count": count or 0}
    for name in ("direction", "aspect", "species", "model"):
        if values[name]:
            attrs[name] = "|".join(sorted(values[name]))
    return subject, obj, key, attrs


def _statements(store: pyoxigraph.Store, graphs: list[object] | None, folder: str
                ) -> Iterator[tuple[Any, Any, str, dict[str, Any]]]:
    """Every complete statement's edge (see :func:`_edge_attributes`), by statement IRI."""
    from exokg.export.tables import _Sorter
    from exokg.query.views import _ATTRIBUTES, _EDGES, tsv_term, with_prefixes

    sorter = _Sorter(folder)
    try:
        def grouped(text: str) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
            current, rows = None, []
            for cells in sorter.rows(store, with_prefixes(text % {"start": ""}), graphs):
                if cells[0] != current:
                    if rows:
                        yield current, rows  # type: ignore[misc]
                    current, rows = cells[0], []
                rows.append(tuple(tsv_term(cell) for cell in cells))
            if rows:
                yield current, rows  # type: ignore[misc]

        extra = grouped(_ATTRIBUTES)
        pending = next(extra, None)
        labels: dict[str, str] = {}
        for key, core in grouped(_EDGES):
            while pending is not None and pending[0] < key:
                pending = next(extra, None)
            rows: list[tuple[Any, ...]] = []
            if pending is not None and pending[0] == key:
                rows = pending[1]
                pending = next(extra, None)
            yield _edge_attributes(core, rows, labels)
    finally:
        sorter.close()


def _fill(db: sqlite3.Connection, edges: Iterable[tuple[Any, Any, str, dict[str, Any]]],
          entities: set[str]
          ) -> tuple[dict[str, tuple[Any, tuple[str, int]]], dict[str, dict[str, Any]]]:
    """Write ``edges`` (subject term, object term, statement key, attributes) into the
    table ``e``; returns the ends that are no entity and no literal, each with its first
    (statement, end), and the literal ends' nodes."""
    from exokg.query._worker import LANG_STRING, STRING, TYPED
    from exokg.query.views import _value_node, node_of_term

    ends: dict[str, tuple[Any, tuple[str, int]]] = {}  # first (statement, end)
    values: dict[str, dict[str, Any]] = {}
    batch = []
    for subject, obj, key, attrs in edges:
        ends_keys = []
        for position, term in enumerate((subject, obj)):
            node = node_of_term(term)
            ends_keys.append(node)
            if node in entities:
                continue
            if term[0] in (STRING, LANG_STRING, TYPED):
                values.setdefault(node, _value_node(term))
            else:
                order = (key, position)
                if node not in ends or order < ends[node][1]:
                    ends[node] = (term, order)
        batch.append((ends_keys[0], ends_keys[1], key, json.dumps(attrs)))
        if len(batch) >= _BATCH_ROWS:
            db.executemany("INSERT INTO e VALUES (?, ?, ?, ?)", batch)
            batch = []
    db.executemany("INSERT INTO e VALUES (?, ?, ?, ?)", batch)
    return ends, values


def _file_edges(rows: Any) -> Iterator[tuple[Any, Any, str, dict[str, Any]]]:
    from exokg.query.view_rows import iter_rows_edges

    for key, (subject, obj, attrs) in iter_rows_edges(rows):
        yield subject, obj, key, attrs


def write_store_graphml(store: pyoxigraph.Store, graphs: list[object] | None,
                        out: Any, rows: str | os.PathLike[str] | None = None) -> None:
    """Write the GraphML of the NetworkX view of ``store`` (its default graph, or the union
    of ``graphs``) to the binary file ``out``. With ``rows``, a build's statement rows file
    (:func:`exokg.export.statement_scan.write_statement_rows`), the edges are read from it
    rather than queried again (:mod:`exokg.query.view_rows`: the same document either
    way; a file that cannot say what the store would, or none, is not used).

    Raises:
        OSError: a temporary file or ``out`` cannot be written.
    """
    from exokg.query._worker import URI
    from exokg.query.view_rows import Ambiguous, usable_rows
    from exokg.query.views import (_DESCRIBE, _ENTITIES, _BATCH, _StoreQueries,
                                   _entity_classes, _node_attrs, tsv_rows, with_prefixes)

    queries = _StoreQueries(store, graphs)
    nodes = _node_attrs(tsv_rows(queries.run_tsv(
        with_prefixes(_ENTITIES % {"classes": _entity_classes()}))))
    entities = set(nodes)
    with tempfile.TemporaryDirectory(prefix="exokg-graphml-") as folder:
        db = sqlite3.connect(os.path.join(folder, "edges.sqlite"))
        db.execute("CREATE TABLE e (u TEXT, v TEXT, k TEXT, a TEXT)")
        shared = usable_rows(rows, store, graphs)
        filled = None
        if shared is not None:
            try:
                filled = _fill(db, _file_edges(shared), entities)
            except Ambiguous:  # the store's answer is not the file's: read the store
                db.execute("DELETE FROM e")
            finally:
                shared.close()
        ends, values = filled or _fill(db, _statements(store, graphs, folder), entities)
        iris = sorted({_sparql_of(term) for term, _ in ends.values() if term[0] == URI})
        for first in range(0, len(iris), _BATCH):
            text = _DESCRIBE % {"nodes": " ".join(iris[first:first + _BATCH])}
            nodes.update(_node_attrs(tsv_rows(queries.run_tsv(with_prefixes(text)))))
        for node, attrs in values.items():
            nodes.setdefault(node, attrs)
        order = sorted(nodes)
        # ends that are neither described nor values (blank nodes): NetworkX adds them
        # after the others, as add_edge meets them
        order += [node for node, _ in sorted(
            ((n, o) for n, (_, o) in ends.items() if n not in nodes), key=lambda x: x[1])]
        db.execute("CREATE TABLE r (u TEXT PRIMARY KEY, rank INTEGER)")
        db.executemany("INSERT INTO r VALUES (?, ?)", ((n, i) for i, n in enumerate(order)))
        db.execute("CREATE TABLE g (u TEXT, v TEXT, m TEXT, PRIMARY KEY (u, v))")
        db.execute("INSERT INTO g SELECT u, v, MIN(k) FROM e GROUP BY u, v")
        stream = GraphMLStream(folder)
        try:
            for node in order:
                stream.node(node, nodes.get(node, {}))
            for u, v, key, attrs in db.execute(
                    "SELECT e.u, e.v, e.k, e.a FROM e JOIN r ON r.u = e.u JOIN g "
                    "ON g.u = e.u AND g.v = e.v ORDER BY r.rank, g.m, e.k"):
                stream.edge(u, v, key, json.loads(attrs))
            db.close()
            stream.finish(out)
        finally:
            stream.close()


def _sparql_of(term: Any) -> str:
    from exokg.query.views import _sparql

    return _sparql(term)

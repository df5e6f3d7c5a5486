"""The view's statement edges read from a build's statement rows file instead of the store.

A large build writes every triple of every statement once into ``statement-rows.sqlite``
(:func:`exokg.export.statement_scan.write_statement_rows`, the ``rows`` phase of
:mod:`exokg.postload`). The view file (:func:`exokg.graph.viewdb.write_view_file`) reads
its edges from there rather than by its two queries over every statement
(:mod:`exokg.query.views`: ``_EDGES`` and ``_ATTRIBUTES``): the cells are the ones the
store's scan wrote, turned into the same term tuples (:func:`exokg.query.views.tsv_term`)
and put together by the same code (:func:`exokg.query.views.edge_entries`), so the edges
are the same. The view's nodes (entities, the statements' ends) are still read from the
store: the file has no types.

The file is used only when it says the same thing as the store's queries would:

* it was read from the default graph alone (its ``meta``), and no other graph the view
  reads (the ontology's) has a triple of a predicate the edges read, or a node typed
  ``exo:Statement``, so the union of the graphs adds nothing to a statement;
* no statement has two subjects, objects, predicates or evidence counts (the store's
  answer takes those of its first solution, in an order the file does not keep; exokg's
  graph builder never writes two): when one has, :func:`rows_edges` returns None and the
  caller reads the store.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
from collections.abc import Iterator
from typing import Any

from exokg.query.views import EXO, RDF, Term, edge_attributes, edge_entries, tsv_term

__all__ = ["EDGE_PREDICATES", "Ambiguous", "iter_rows_edges", "rows_edges", "usable_rows"]

#: the predicates of a statement the view's edges read: the core ones (each required)
#: and the attributes
_CORE = tuple(f"<{p}>" for p in (RDF + "subject", RDF + "predicate", RDF + "object",
                                  EXO + "negated", EXO + "hedged", EXO + "evidenceCount"))
_ATTRIBUTES = tuple(f"<{EXO}{name}>" for name in ("direction", "aspect", "species", "model",
                                                  "claimStatus"))
#: every predicate (IRI) the edges read (of a node typed ``exo:Statement``)
EDGE_PREDICATES = tuple(p[1:-1] for p in (*_CORE, *_ATTRIBUTES))
_SINGLE = (0, 1, 2, 5)  # subject, predicate, object, evidence count: one value each


class Ambiguous(Exception):
    """A statement with two values of a predicate the store's answer takes once."""


def _other_graphs_add_nothing(store: Any, graphs: list[Any] | None) -> bool:
    """Whether no graph of ``graphs`` but the default one has a triple of a predicate the
    edges read, or a node typed ``exo:Statement``."""
    import pyoxigraph as ox

    named = [g for g in graphs or () if not isinstance(g, ox.DefaultGraph)]
    if not named:
        return True
    statement = ox.NamedNode(EXO + "Statement")
    rdf_type = ox.NamedNode(RDF + "type")
    for graph in named:
        if next(iter(store.quads_for_pattern(None, rdf_type, statement, graph)), None):
            return False
        for predicate in EDGE_PREDICATES:
            if next(iter(store.quads_for_pattern(None, ox.NamedNode(predicate), None,
                                                 graph)), None):
                return False
    return True


def _statements(db: sqlite3.Connection) -> Iterator[tuple[str, dict[str, list[str]]]]:
    """(statement cell, predicate cell -> object cells) of every statement of the file, in
    the order of the statement cells; a predicate's cells in the file's order."""
    wanted = frozenset((*_CORE, *_ATTRIBUTES))
    current: str | None = None
    values: dict[str, list[str]] = {}
    for cell, lines in db.execute("SELECT a, b FROM st ORDER BY a, rowid"):
        if cell != current:
            if current is not None:
                yield current, values
            current, values = cell, {}
        for line in lines.split("\n"):
            p, _, o = line.partition("\t")
            if p in wanted:
                found = values.get(p)
                if found is None:
                    values[p] = [o]
                else:
                    found.append(o)
    if current is not None:
        yield current, values


def _edge_rows(values: dict[str, list[str]]) -> list[tuple[Term | None, ...]]:
    """The rows of one statement (its predicate cells -> object cells) as the view's
    ``_EDGES_OF`` query gives them (statement, its core values, then direction, aspect,
    species, model, claim status), without the statement: a row per pair of negated and
    hedged values, then one per attribute value with that value in its column
    (:func:`edge_entries` takes the union of a statement's rows, so how its values are
    spread over rows does not matter); none for a statement without every core value.

    Raises:
        Ambiguous: the statement has two values of a predicate of :data:`_SINGLE`.
    """
    core = [values.get(p) for p in _CORE]
    if not all(core):  # not a complete statement: no edge
        return []
    if any(len(core[i]) > 1 for i in _SINGLE):  # type: ignore[arg-type]
        raise Ambiguous()
    subject, predicate, obj, _, _, count = (tsv_term(c[0]) for c in core)  # type: ignore[index]
    head = (subject, predicate, obj)
    rows: list[tuple[Term | None, ...]] = [
        (*head, tsv_term(negated), tsv_term(hedged), count, None, None, None, None, None)
        for negated, hedged in itertools.product(core[3], core[4])]  # type: ignore[arg-type]
    first = rows[0][:6]
    for place, p in enumerate(_ATTRIBUTES):
        for value in values.get(p, ()):
            attributes: list[Term | None] = [None] * len(_ATTRIBUTES)
            attributes[place] = tsv_term(value)
            rows.append((*first, *attributes))
    return rows


def iter_rows_edges(db: sqlite3.Connection, include_negated: bool = True
                    ) -> Iterator[tuple[str, tuple[Term, Term, dict[str, Any]]]]:
    """(statement key, (subject term, object term, edge attributes)) of every complete
    statement of an open rows file, in the order of the statements' IRIs, one at a time
    (negated ones left out unless ``include_negated``); check first that the file says
    what the store would (:func:`usable_rows`).

    Raises:
        Ambiguous: a statement has two subjects, objects, predicates or evidence counts
            (met on the way: what was yielded before must be thrown away).
    """
    labels: dict[str, str] = {}
    for cell, values in _statements(db):
        rows = _edge_rows(values)
        if rows:
            statement = tsv_term(cell)
            yield from edge_attributes(edge_entries(((statement, *row) for row in rows), ()),
                                       include_negated, labels).items()


def usable_rows(path: str | os.PathLike[str] | None, store: Any, graphs: list[Any] | None
                ) -> sqlite3.Connection | None:
    """The rows file at ``path`` opened, when there is one, read from the default graph,
    and no other graph of ``graphs`` adds to a statement (see the module docs); else None
    (read the store)."""
    from exokg.export.statement_scan import open_statement_rows

    db = open_statement_rows(path, None)
    if db is not None and not _other_graphs_add_nothing(store, graphs):
        db.close()
        return None
    return db


def rows_edges(path: str | os.PathLike[str] | None, store: Any, graphs: list[Any] | None,
               include_negated: bool = True
               ) -> dict[str, tuple[Term, Term, dict[str, Any]]] | None:
    """Statement key -> (subject term, object term, edge attributes) of the view of
    ``store`` over ``graphs`` (as :func:`exokg.query.views.view_parts` reads them), read
    from the statement rows file at ``path``; None when there is no such file, it was read
    from other graphs, or it cannot say what the store would (see the module docs): then
    read the store.

    Raises:
        sqlite3.Error: from SQLite.
    """
    db = usable_rows(path, store, graphs)
    if db is None:
        return None
    try:
        return dict(iter_rows_edges(db, include_negated))
    except Ambiguous:
        return None
    finally:
        db.close()

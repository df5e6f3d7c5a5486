"""Every statement of an Oxigraph store with its own triples and its evidence, read once
and in the order of the statements' IRIs, with bounded memory: the input of the KGX edges
and the statements CSV written from a store (:mod:`exokg.export.tables`).

Three SELECT queries are written by Oxigraph as SPARQL TSV into files (no Python object
per term on the way out), loaded into an on-disk SQLite database as text and read back
sorted and joined by SQLite:

* the statements' triples (``?statement a exo:Statement ; ?p ?o``), sorted by statement;
* the evidence facts the exports use (:data:`EVIDENCE_PREDICATES`: sentence, document,
  publication, offsets, rule, citation markers) of every node that has them, joined to
  the statements' ``biolink:has_evidence`` links, so a sentence that supports several
  statements is read from the store once (a SPARQL join would repeat its triples once per
  statement);
* the publications of the documents (``?document a exo:Document ; dcterms:source ?p``),
  joined to the evidence through ``exo:document``.

Values stay as the TSV cells Oxigraph wrote until a caller needs them: a statement's own
values become rdflib terms through a memoised conversion (entities, predicates, flags and
counts recur on every statement), evidence facts become plain strings. What is held in
memory is one statement and its evidence at a time.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

if TYPE_CHECKING:
    import pyoxigraph

__all__ = ["EVIDENCE_PREDICATES", "Evidence", "ScannedStatement", "rdflib_cell",
           "scan_statements", "tsv_text"]

_EXO = "https://w3id.org/exokg/vocab/"
_HAS_EVIDENCE = "<https://w3id.org/biolink/vocab/has_evidence>"
_DCTERMS_SOURCE = "<http://purl.org/dc/terms/source>"
_DOCUMENT = f"<{_EXO}document>"

#: The evidence predicates the KGX edges and the statements CSV read.
EVIDENCE_PREDICATES = {
    f"<{_EXO}sentenceText>": "texts", _DOCUMENT: "documents", _DCTERMS_SOURCE: "sources",
    f"<{_EXO}sentenceIndex>": "indexes", f"<{_EXO}start>": "starts",
    f"<{_EXO}end>": "ends", f"<{_EXO}rule>": "rules",
    f"<{_EXO}citationMarker>": "markers",
}

_STATEMENTS = f"SELECT ?s ?p ?o WHERE {{ ?s a <{_EXO}Statement> ; ?p ?o }}"
_EVIDENCE = ("SELECT ?e ?p ?o WHERE { VALUES ?p { " + " ".join(EVIDENCE_PREDICATES)
             + " } ?e ?p ?o }")
_DOCUMENT_SOURCES = (f"SELECT ?d ?o WHERE {{ ?d a <{_EXO}Document> ; {_DCTERMS_SOURCE} ?o }}")
_BATCH = 10000


@dataclass
class Evidence:
    """The facts of one evidence node, as TSV cells (:func:`tsv_text` reads a literal's
    text); ``sources`` holds the evidence's own ``dcterms:source`` values, then its
    documents'."""

    iri: str
    texts: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    indexes: list[str] = field(default_factory=list)
    starts: list[str] = field(default_factory=list)
    ends: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    markers: list[str] = field(default_factory=list)


@dataclass
class ScannedStatement:
    """One statement: its IRI (rdflib), its own triples (predicate -> objects, rdflib terms,
    objects sorted by text then N-Triples form, no duplicates) and its evidence nodes (IRI
    text -> facts; a ``biolink:has_evidence`` link to a node without facts is in
    ``values`` only)."""

    node: URIRef
    values: dict[Node, list[Node]]
    evidence: dict[str, Evidence]


@lru_cache(maxsize=1 << 16)
def rdflib_cell(cell: str) -> Node:
    """The rdflib term of one cell of SPARQL TSV results (memoised).

    Raises:
        ValueError: an empty (unbound) cell or a term kind exokg's graphs do not have.

    >>> rdflib_cell("<http://a.org/x>"), rdflib_cell('"x"')
    (rdflib.term.URIRef('http://a.org/x'), rdflib.term.Literal('x'))
    """
    from exokg.query._worker import BNODE, LANG_STRING, STRING, TYPED, URI
    from exokg.query.views import tsv_term

    term = tsv_term(cell)
    if term is None:
        raise ValueError("an unbound value in a statement row")
    kind = term[0]
    if kind == URI:
        return URIRef(term[1])
    if kind == STRING:
        return Literal(term[1])
    if kind == LANG_STRING:
        return Literal(term[1], lang=term[2])
    if kind == TYPED:
        return Literal(term[1], datatype=URIRef(term[2]))
    if kind == BNODE:
        return BNode(term[1])
    raise ValueError(f"unexpected term in a statement row: {cell}")


def tsv_text(cell: str) -> str:
    """The text of a TSV cell as ``str()`` of its rdflib term gives it: a literal's lexical
    form, an IRI's text (not memoised: sentences do not recur).

    >>> tsv_text('"a \\\\"b\\\\""'), tsv_text("615"), tsv_text("<http://a.org/x>")
    ('a "b"', '615', 'http://a.org/x')
    """
    from exokg.query.views import tsv_term

    term = tsv_term.__wrapped__(cell)
    if term is None:
        raise ValueError("an unbound value in an evidence row")
    return term[1]


def _sort_key(term: Node) -> tuple[str, str]:
    return str(term), term.n3()


class _Tables:
    """The query results in an on-disk SQLite database in ``folder``."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.db = sqlite3.connect(os.path.join(folder, "statements.sqlite"))
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")

    def load(self, store: pyoxigraph.Store, graphs: list[object] | None, table: str,
             query: str, columns: int = 3) -> None:
        """Run ``query`` (``columns`` result columns) into a new table ``table`` (a, b[, c])."""
        import pyoxigraph

        tsv = os.path.join(self.folder, f"{table}.tsv")
        solutions = store.query(query, default_graph=graphs) if graphs else \
            store.query(query)
        solutions.serialize(tsv, format=pyoxigraph.QueryResultsFormat.TSV)
        names = "abc"[:columns]
        self.db.execute(f"CREATE TABLE {table} ({', '.join(f'{n} TEXT' for n in names)})")
        with open(tsv, encoding="utf-8", newline="\n") as handle:
            next(handle, None)  # the header
            self.db.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * columns)})",
                                (line.rstrip("\n").split("\t") for line in handle))
        os.unlink(tsv)

    def close(self) -> None:
        self.db.close()


def scan_statements(store: pyoxigraph.Store, graphs: list[object] | None, folder: str
                    ) -> Iterator[ScannedStatement]:
    """Every statement of ``store`` (its default graph, or the union of ``graphs``) in the
    order of its IRI's text, with its values and evidence; temporary files go to
    ``folder`` (removed when the iterator ends or is closed).

    Raises:
        OSError: ``folder`` cannot be written.
        ValueError: a statement row holds a term the graph builder never writes.
    """
    tables = _Tables(folder)
    try:
        tables.load(store, graphs, "st", _STATEMENTS)
        tables.load(store, graphs, "ev", _EVIDENCE)
        tables.load(store, graphs, "ds", _DOCUMENT_SOURCES, columns=2)
        db = tables.db
        db.execute("CREATE INDEX ev_a ON ev (a)")
        db.execute("CREATE INDEX ds_a ON ds (a)")
        statements = db.execute("SELECT a, b, c FROM st ORDER BY a, rowid")
        # (statement, evidence, predicate, object), the evidence's documents' sources
        # after its own facts
        evidence_rows = db.execute(
            f"SELECT st.a, ev.a, ev.b, ev.c, 0, ev.rowid FROM st JOIN ev ON ev.a = st.c "
            f"WHERE st.b = '{_HAS_EVIDENCE}' "
            f"UNION ALL SELECT st.a, ev.a, '{_DCTERMS_SOURCE}', ds.b, 1, ds.rowid FROM st "
            f"JOIN ev ON ev.a = st.c JOIN ds ON ds.a = ev.c "
            f"WHERE st.b = '{_HAS_EVIDENCE}' AND ev.b = '{_DOCUMENT}' "
            f"ORDER BY 1, 2, 5, 6")
        yield from _merged(statements, evidence_rows, bool(graphs))
    finally:
        tables.close()


def _merged(statements: Any, evidence_rows: Any, union: bool) -> Iterator[ScannedStatement]:
    """Statement rows (s, p, o) and evidence rows (s, e, p, o, kind, ...), both sorted by
    s, merged into :class:`ScannedStatement` s; with ``union`` (rows read from several
    graphs), a triple found in several graphs is taken once."""
    pending = next(evidence_rows, None)
    current: str | None = None
    rows: list[tuple[str, str]] = []

    def made() -> ScannedStatement:
        nonlocal pending
        values: dict[str, list[str]] = {}
        for p, o in rows:
            found = values.get(p)
            if found is None:
                values[p] = [o]
            else:
                found.append(o)
        terms: dict[Node, list[Node]] = {}
        for p, cells in values.items():
            objects = [rdflib_cell(o) for o in (dict.fromkeys(cells) if union else cells)]
            terms[rdflib_cell(p)] = objects if len(objects) < 2 else \
                sorted(objects, key=_sort_key)
        evidence: dict[str, Evidence] = {}
        while pending is not None and pending[0] < current:  # type: ignore[operator]
            pending = next(evidence_rows, None)
        seen: set[tuple[str, ...]] = set()
        while pending is not None and pending[0] == current:
            _, e, p, o, kind = pending[:5]
            if not union or (e, p, o, kind) not in seen:
                if union:
                    seen.add((e, p, o, kind))
                iri = e[1:-1]  # <...>
                facts = evidence.get(iri)
                if facts is None:
                    facts = evidence[iri] = Evidence(iri)
                getattr(facts, EVIDENCE_PREDICATES[p]).append(o)
            pending = next(evidence_rows, None)
        return ScannedStatement(rdflib_cell(current), terms, evidence)  # type: ignore[arg-type]

    for s, p, o in statements:
        if s != current:
            if current is not None:
                yield made()
            current, rows = s, []
        rows.append((p, o))
    if current is not None:
        yield made()

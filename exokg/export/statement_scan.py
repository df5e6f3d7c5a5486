"""Every statement of an Oxigraph store with its own triples and its evidence, read once
and in the order of the statements' IRIs, with bounded memory: the input of the KGX edges
and the statements CSV written from a store (:mod:`exokg.export.tables`).

Three SELECT queries are written by Oxigraph as SPARQL TSV into files (no Python object
per term on the way out):

* the statements' triples (``?statement a exo:Statement ; ?p ?o``): into an on-disk
  SQLite table, one row per statement (its ``predicate TAB object`` lines as one text),
  read back sorted by statement; its ``biolink:has_evidence`` links into a second table;
* the evidence facts the exports use (:data:`EVIDENCE_PREDICATES`: sentence, document,
  publication, offsets, rule, citation markers) of every node that has them: one row per
  node, joined by SQLite to the links, so a sentence that supports several statements is
  read from the store once (a SPARQL join repeats its triples once per statement);
* the publications of the documents (``?document a exo:Document ; dcterms:source ?p``),
  into a third table, then held in memory while the statements are read (a few dozen
  bytes per document) and added to each evidence's own.

A large build writes these tables once, into a file of their own in the generation's
scratch folder (:func:`write_statement_rows`, the ``rows`` phase of
:mod:`exokg.postload`, with an index by statement), and its readers take them from there
instead of querying the store again: :func:`scan_statements` given the file, and the
answer tables' writer (:func:`statement_rows`: the triples of a group of statements, then
of their evidence nodes, which it read with a query per group before, and the labels,
publications' and documents' fields it quotes: the file's evidence scan takes those
predicates too). The cells are the ones the queries wrote, so the rows made from them are
the same.

Values stay as the TSV cells Oxigraph wrote until a caller needs them: a statement's own
values become rdflib terms through a memoised conversion (entities, predicates, flags and
counts recur on every statement), evidence facts become plain strings. Besides the
documents' publications, what is held in memory is one statement and its evidence at a
time.
"""

from __future__ import annotations

import json
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

__all__ = ["EVIDENCE_PREDICATES", "ROWS_FILE", "ROW_FACT_PREDICATES", "Evidence",
           "ScannedStatement", "open_statement_rows", "rdflib_cell", "scan_statements",
           "statement_rows", "tsv_text", "tsv_value", "write_statement_rows"]

#: The name of a build's statement rows file (:func:`write_statement_rows`) in the scratch
#: folder of the generation being written.
ROWS_FILE = "statement-rows.sqlite"

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
# a scan of every triple filtered by predicate: Oxigraph then writes each node's rows
# together (with ``VALUES ?p`` it wrote them predicate by predicate), and nothing is
# assumed of the nodes a statement links to as evidence
_EVIDENCE = ("SELECT ?e ?p ?o WHERE { ?e ?p ?o FILTER(?p IN ("
             + ", ".join(EVIDENCE_PREDICATES) + ")) }")
#: What the answer tables read besides (labels; publications' and documents' fields): a
#: rows file's ``ev`` table holds these too, read by the same scan
_ANSWER_PREDICATES = (
    "<http://www.w3.org/2000/01/rdf-schema#label>", f"<{_EXO}firstAuthor>",
    "<http://purl.org/dc/terms/date>", f"<{_EXO}journal>", f"<{_EXO}pmid>",
    f"<{_EXO}doi>")
_FACTS = ("SELECT ?e ?p ?o WHERE { ?e ?p ?o FILTER(?p IN ("
          + ", ".join([*EVIDENCE_PREDICATES, *_ANSWER_PREDICATES]) + ")) }")
#: The predicates (IRIs) whose every value a node's row of a rows file's ``ev`` table
#: holds (:func:`write_statement_rows`)
ROW_FACT_PREDICATES = frozenset(p[1:-1] for p in [*EVIDENCE_PREDICATES, *_ANSWER_PREDICATES])
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


def tsv_value(cell: str) -> str:
    """:func:`tsv_text` of a cell that recurs (a document's IRI, an offset, a rule's name),
    through the memoised reader of cells.

    >>> tsv_value("615"), tsv_value("<http://a.org/x>")
    ('615', 'http://a.org/x')
    """
    from exokg.query.views import tsv_term

    term = tsv_term(cell)
    if term is None:
        raise ValueError("an unbound value in an evidence row")
    return term[1]


def _sort_key(term: Node) -> tuple[str, str]:
    return str(term), term.n3()


def _runs(path: str) -> Iterator[tuple[str, list[str]]]:
    """(first cell, the rest of each line) of each run of consecutive lines of a SPARQL TSV
    results file that share their first cell (Oxigraph writes a subject's rows together,
    so a run is usually all of them; the readers below do not depend on it)."""
    with open(path, encoding="utf-8", newline="\n") as handle:
        next(handle, None)  # the header
        current: str | None = None
        rest: list[str] = []
        for line in handle:
            key, _, tail = line.partition("\t")
            if key != current:
                if rest:
                    yield current, rest  # type: ignore[misc]
                current, rest = key, []
            rest.append(tail)
        if rest:
            yield current, rest  # type: ignore[misc]


class _Tables:
    """The query results in an on-disk SQLite database (``statements.sqlite`` in
    ``folder``, or ``path``): one row per run of a subject's rows (:func:`_runs`), its
    ``predicate TAB object`` lines kept as one text, so SQLite sorts and joins a row per
    statement or evidence node, not per triple."""

    def __init__(self, folder: str, path: str | None = None,
                 db: sqlite3.Connection | None = None) -> None:
        self.folder = folder
        if db is None:
            db = sqlite3.connect(path or os.path.join(folder, "statements.sqlite"))
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
        self.db = db

    def results(self, store: pyoxigraph.Store, graphs: list[object] | None, name: str,
                query: str) -> str:
        """Run ``query`` into a TSV file in the folder; returns its path."""
        import pyoxigraph

        tsv = os.path.join(self.folder, f"{name}.tsv")
        solutions = store.query(query, default_graph=graphs) if graphs else \
            store.query(query)
        solutions.serialize(tsv, format=pyoxigraph.QueryResultsFormat.TSV)
        return tsv

    def load_statements(self, store: pyoxigraph.Store, graphs: list[object] | None) -> None:
        """Table ``st (a subject, b lines)`` and the evidence links ``links (a statement,
        b evidence)``."""
        tsv = self.results(store, graphs, "st", _STATEMENTS)
        self.db.execute("CREATE TABLE st (a TEXT, b TEXT)")
        self.db.execute("CREATE TABLE links (a TEXT, b TEXT)")
        link = _HAS_EVIDENCE + "\t"
        links: list[tuple[str, str]] = []

        def rows() -> Iterator[tuple[str, str]]:
            for subject, lines in _runs(tsv):
                for line in lines:
                    if line.startswith(link):
                        links.append((subject, line[len(link):].rstrip("\n")))
                if len(links) >= _BATCH:
                    self.db.executemany("INSERT INTO links VALUES (?, ?)", links)
                    links.clear()
                yield subject, "".join(lines)

        self.db.executemany("INSERT INTO st VALUES (?, ?)", rows())
        self.db.executemany("INSERT INTO links VALUES (?, ?)", links)
        os.unlink(tsv)

    def load_evidence(self, store: pyoxigraph.Store, graphs: list[object] | None,
                      query: str = _EVIDENCE) -> None:
        """Table ``ev (a evidence, b lines)``, indexed by evidence (with ``query``
        :data:`_FACTS`, the rows of every node with any of :data:`ROW_FACT_PREDICATES`)."""
        tsv = self.results(store, graphs, "ev", query)
        self.db.execute("CREATE TABLE ev (a TEXT, b TEXT)")
        self.db.executemany("INSERT INTO ev VALUES (?, ?)",
                            ((e, "".join(lines)) for e, lines in _runs(tsv)))
        self.db.execute("CREATE INDEX ev_a ON ev (a)")
        os.unlink(tsv)

    def load_sources(self, store: pyoxigraph.Store, graphs: list[object] | None) -> None:
        """Table ``ds (a document, b source)``: the documents' ``dcterms:source`` cells."""
        tsv = self.results(store, graphs, "ds", _DOCUMENT_SOURCES)
        self.db.execute("CREATE TABLE ds (a TEXT, b TEXT)")
        self.db.executemany("INSERT INTO ds VALUES (?, ?)", (
            (document, line.rstrip("\n")) for document, lines in _runs(tsv)
            for line in lines))
        os.unlink(tsv)

    def document_sources(self) -> dict[str, list[str]]:
        """Document cell -> its ``dcterms:source`` cells (one entry per document: they
        grow with the abstracts, a few dozen bytes each)."""
        found: dict[str, list[str]] = {}
        for document, source in self.db.execute("SELECT a, b FROM ds ORDER BY rowid"):
            found.setdefault(document, []).append(source)
        return {d: list(dict.fromkeys(cells)) for d, cells in found.items()}

    def close(self) -> None:
        self.db.close()


def _graphs_key(graphs: list[object] | None) -> str:
    """The graphs a rows file was read from, as the text its ``meta`` table records."""
    return json.dumps([str(g) for g in graphs] if graphs else None)


def write_statement_rows(store: pyoxigraph.Store, graphs: list[object] | None,
                         path: str | os.PathLike[str]) -> int:
    """Write the three queries' tables of ``store`` (its default graph, or the union of
    ``graphs``) to a new SQLite file at ``path``, once, for every reader of a build's
    statement rows: :func:`scan_statements` (the KGX edges and the statements CSV) and the
    answer tables (:func:`statement_rows`); indexed by statement and by evidence node, and
    ``meta`` records the graphs read. Temporary TSV files go to the file's folder.
    Returns the number of statement rows.

    Raises:
        OSError: the folder cannot be written.
    """
    path = os.fspath(path)
    if os.path.exists(path):
        os.unlink(path)
    tables = _Tables(os.path.dirname(path) or ".", path)
    try:
        tables.load_statements(store, graphs)
        tables.load_evidence(store, graphs, _FACTS)
        tables.load_sources(store, graphs)
        db = tables.db
        db.execute("CREATE INDEX st_a ON st (a)")
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        db.execute("INSERT INTO meta VALUES ('graphs', ?)", (_graphs_key(graphs),))
        db.commit()
        (count,) = db.execute("SELECT COUNT(*) FROM st").fetchone()
    finally:
        tables.close()
    return int(count)


def open_statement_rows(path: str | os.PathLike[str] | None, graphs: list[object] | None
                        ) -> sqlite3.Connection | None:
    """The rows file at ``path`` (:func:`write_statement_rows`) opened read-only, if there
    is one and it was read from the same ``graphs``; else None (the caller reads the
    store)."""
    if path is None or not os.path.exists(path):
        return None
    db = sqlite3.connect(f"file:{os.fspath(path)}?mode=ro", uri=True)
    try:
        found = db.execute("SELECT value FROM meta WHERE key = 'graphs'").fetchone()
    except sqlite3.Error:
        found = None
    if found is None or found[0] != _graphs_key(graphs):
        db.close()
        return None
    return db


def statement_rows(db: sqlite3.Connection, table: str, cells: list[str]
                   ) -> Iterator[tuple[str, str]]:
    """(node cell, its ``predicate TAB object`` lines) of the nodes ``cells`` (TSV cells,
    ``<iri>``) in ``table`` of a rows file: ``st`` for statements (every triple of each),
    ``ev`` for any node (the triples of :data:`ROW_FACT_PREDICATES` only: evidence facts,
    labels, publications' and documents' fields); a node's lines in the order the store's
    scan gave them, the nodes in no particular order."""
    for first in range(0, len(cells), 500):
        chunk = cells[first:first + 500]
        yield from db.execute(
            f"SELECT a, b FROM {table} WHERE a IN ({', '.join('?' * len(chunk))}) "
            "ORDER BY a, rowid", chunk)


def scan_statements(store: pyoxigraph.Store, graphs: list[object] | None, folder: str,
                    rows: str | os.PathLike[str] | None = None
                    ) -> Iterator[ScannedStatement]:
    """Every statement of ``store`` (its default graph, or the union of ``graphs``) in the
    order of its IRI's text, with its values and evidence; temporary files go to
    ``folder`` (removed when the iterator ends or is closed). With ``rows``, a rows file
    written by :func:`write_statement_rows` for the same graphs, read from it instead of
    the store (the same statements: a build writes it once for several readers).

    Raises:
        OSError: ``folder`` cannot be written.
        ValueError: a statement row holds a term the graph builder never writes.
    """
    shared = open_statement_rows(rows, graphs)
    tables = _Tables(folder, db=shared)
    try:
        if shared is None:
            tables.load_statements(store, graphs)
            tables.load_evidence(store, graphs)
            tables.load_sources(store, graphs)
        sources = tables.document_sources()
        db = tables.db
        statements = db.execute("SELECT a, b FROM st ORDER BY a, rowid")
        evidence_rows = db.execute("SELECT links.a, ev.a, ev.b FROM links JOIN ev "
                                   "ON ev.a = links.b ORDER BY links.a, links.rowid, ev.rowid")
        yield from _merged(statements, evidence_rows, sources, bool(graphs))
    finally:
        tables.close()


def _lines(text: str) -> list[str]:
    """The TSV lines of ``text``, split at "\\n" only (as :func:`_runs` reads them): a
    literal may hold U+2028, U+0085 or a form feed, which Oxigraph leaves unescaped and
    ``str.splitlines`` would take as line ends."""
    lines = text.split("\n")
    if lines and not lines[-1]:
        lines.pop()
    return lines


def _merged(statements: Any, evidence_rows: Any, sources: dict[str, list[str]],
            union: bool) -> Iterator[ScannedStatement]:
    """Statement rows (s, lines) and evidence rows (s, e, lines), both sorted by s, merged
    into :class:`ScannedStatement` s, with each evidence's documents' sources after its
    own; with ``union`` (rows read from several graphs), a triple found in several graphs
    is taken once."""
    pending = next(evidence_rows, None)
    current: str | None = None
    blobs: list[str] = []

    def made() -> ScannedStatement:
        nonlocal pending
        values: dict[str, list[str]] = {}
        for line in _lines("".join(blobs)):
            p, _, o = line.partition("\t")
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
        while pending is not None and pending[0] == current:
            _, e, lines = pending
            iri = e[1:-1]  # <...>
            facts = evidence.get(iri)
            if facts is None:
                facts = evidence[iri] = Evidence(iri)
            for line in _lines(lines):
                p, _, o = line.partition("\t")
                name = EVIDENCE_PREDICATES.get(p)
                if name is not None:  # a rows file holds labels and the like too
                    getattr(facts, name).append(o)
            pending = next(evidence_rows, None)
        for facts in evidence.values():
            if union:
                for name in EVIDENCE_PREDICATES.values():
                    setattr(facts, name, list(dict.fromkeys(getattr(facts, name))))
            for document in facts.documents:
                facts.sources.extend(sources.get(document, ()))
        return ScannedStatement(rdflib_cell(current), terms, evidence)  # type: ignore[arg-type]

    for s, lines in statements:
        if s != current:
            if current is not None:
                yield made()
            current, blobs = s, []
        blobs.append(lines)
    if current is not None:
        yield made()

"""The non-RDF exports (KGX TSV, statements CSV, GraphML) written from an Oxigraph store by
streaming SELECT queries, with the same bytes as :mod:`exokg.export.kgx`,
:mod:`exokg.export.statements_csv` and :mod:`exokg.export.graphml` give for the same graph.

The row-making code is shared with those modules (:func:`~exokg.export.kgx.node_row`,
:func:`~exokg.export.kgx.edge_row`, :func:`~exokg.export.statements_csv.rows`); only
where the values come from differs. What is held in memory:

* KGX: the entity table (class, label, synonyms and cross-references of each entity: it
  grows with the vocabulary of the field, not with the number of abstracts) and the
  publications of each document; statements stream in ``ORDER BY ?statement`` (the order
  of ``edges.tsv``), one statement's triples and evidence at a time, merged from two
  ordered queries.
* statements CSV: the same entity labels; rows stream from the same two queries into an
  on-disk SQLite table and come back sorted in the order of the build's statements
  (:func:`exokg.assemble.assemble`'s order), so memory does not grow with the statements.
* GraphML: the nodes of the NetworkX view (entities, statement ends, literal values); its
  edges (one per statement) stream through an on-disk table and are written one at a time
  (:mod:`exokg.export.graphml_store`), so memory does not grow with the statements.

The statements CSV needs two things the graph does not keep as the build's records do,
recovered as follows: a statement's *first* evidence is the first by (document id,
start, end, rule), which is how assembly orders evidence; and the order of an evidence's
citation markers, which the graph keeps as a set, is their order of first appearance in
the sentence text (the order the citation detector found them in).
"""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import RDF, RDFS, SKOS, Literal, URIRef
from rdflib.namespace import DCTERMS
from rdflib.term import Node

from exokg.export.reader import rdflib_term
from exokg.graph.rdf import BIOLINK, EXO, ID

if TYPE_CHECKING:
    import pyoxigraph

__all__ = ["marker_order", "write_graphml", "write_kgx", "write_non_rdf", "write_statements_csv"]

_STATEMENTS = f"""
SELECT ?statement ?p ?o WHERE {{
  ?statement a <{EXO.Statement}> ; ?p ?o .
}}"""
_EVIDENCE = f"""
SELECT ?statement ?evidence ?p ?o WHERE {{
  ?statement a <{EXO.Statement}> ; <{BIOLINK.has_evidence}> ?evidence .
  ?evidence ?p ?o .
}}"""
_ENTITY_VALUES = (RDFS.label, SKOS.definition, SKOS.altLabel, SKOS.exactMatch,
                  SKOS.closeMatch)
_DOCUMENT_PREFIX = str(ID) + "document/"


def _query(store: pyoxigraph.Store, text: str, graphs: list[object] | None) -> Any:
    return store.query(text, default_graph=graphs) if graphs else store.query(text)


def _graphs(store: pyoxigraph.Store) -> list[object] | None:
    from exokg.validate_store import data_graphs

    return data_graphs(store)


class _Entities:
    """The entities of the store: classes, labels, synonyms, cross-references."""

    def __init__(self, store: pyoxigraph.Store, graphs: list[object] | None) -> None:
        from exokg.export.kgx import _ENTITY_CLASSES

        classes = " ".join(f"<{c}>" for c in sorted(_ENTITY_CLASSES))
        self.types: dict[Node, list[Node]] = defaultdict(list)
        for row in _query(store, f"SELECT DISTINCT ?node ?type WHERE {{ VALUES ?type "
                                 f"{{ {classes} }} ?node a ?type FILTER(isIRI(?node)) }}",
                          graphs):
            self.types[URIRef(row["node"].value)].append(URIRef(row["type"].value))
        for types in self.types.values():
            types.sort(key=str)
        self.values: dict[Node, dict[Node, list[Node]]] = defaultdict(lambda: defaultdict(list))
        wanted = " ".join(f"<{p}>" for p in _ENTITY_VALUES)
        for row in _query(store, f"SELECT DISTINCT ?node ?p ?o WHERE {{ VALUES ?type "
                                 f"{{ {classes} }} ?node a ?type . VALUES ?p {{ {wanted} }} "
                                 f"?node ?p ?o FILTER(isIRI(?node)) }}", graphs):
            self.values[URIRef(row["node"].value)][URIRef(row["p"].value)].append(
                rdflib_term(row["o"]))
        for by_predicate in self.values.values():
            for objects in by_predicate.values():
                objects.sort(key=lambda o: (str(o), o.n3()))
        self._labels: dict[str, str | None] = {}

    def first(self, node: Node, predicate: Node) -> Node | None:
        found = self.values.get(node, {}).get(predicate)
        return found[0] if found else None

    def label(self, curie: str) -> str | None:
        """The label of the entity with this CURIE, or None (not an entity of the graph,
        or a literal context value)."""
        if curie not in self._labels:
            from exokg.errors import IdentifierError
            from exokg.ids import expand

            try:
                node = URIRef(expand(curie))
            except (IdentifierError, ValueError):  # a literal context value
                node = None
            label = self.first(node, RDFS.label) if node is not None else None
            self._labels[curie] = str(label) if label is not None and node in self.types \
                else None
        return self._labels[curie]


@lru_cache(maxsize=1 << 16)
def _rdflib(cell: str) -> Node:
    """The rdflib term of one cell of SPARQL TSV results (memoised: predicates, entities,
    booleans and counts recur on every statement)."""
    from rdflib import BNode

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


class _Sorter:
    """Rows of a SELECT, sorted by their first column on disk: the results are written by
    Oxigraph as TSV into a temporary file, loaded into SQLite and read back in order
    (Oxigraph's own ORDER BY on IRIs was ten times slower than the query, and holds
    every row in memory)."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.db = sqlite3.connect(os.path.join(folder, "rows.sqlite"))
        self.count = 0

    def rows(self, store: pyoxigraph.Store, text: str, graphs: list[object] | None
             ) -> Iterator[list[str]]:
        import pyoxigraph

        self.count += 1
        table, tsv = f"t{self.count}", os.path.join(self.folder, f"q{self.count}.tsv")
        _query(store, text, graphs).serialize(tsv, format=pyoxigraph.QueryResultsFormat.TSV)
        self.db.execute(f"CREATE TABLE {table} (k TEXT, line TEXT)")
        with open(tsv, encoding="utf-8", newline="\n") as handle:
            next(handle, None)  # the header
            batch = []
            for line in handle:
                line = line.rstrip("\n")
                batch.append((line.split("\t", 1)[0], line))
                if len(batch) >= 10000:
                    self.db.executemany(f"INSERT INTO {table} VALUES (?, ?)", batch)
                    batch = []
            self.db.executemany(f"INSERT INTO {table} VALUES (?, ?)", batch)
        os.unlink(tsv)
        for (line,) in self.db.execute(f"SELECT line FROM {table} ORDER BY k, rowid"):
            yield line.split("\t")

    def close(self) -> None:
        self.db.close()


def _grouped(rows: Iterator[list[str]]) -> Iterator[tuple[str, list[tuple[Node, ...]]]]:
    """(first cell, the other cells of its rows as rdflib terms) from sorted rows."""
    current: str | None = None
    batch: list[tuple[Node, ...]] = []
    for row in rows:
        if row[0] != current:
            if current is not None:
                yield current, batch
            current, batch = row[0], []
        batch.append(tuple(_rdflib(cell) for cell in row[1:]))
    if current is not None:
        yield current, batch


def _statements(store: pyoxigraph.Store, graphs: list[object] | None, folder: str
                ) -> Iterator[tuple[Node, dict[Node, list[Node]],
                                    dict[Node, dict[Node, list[Node]]]]]:
    """(statement, predicate -> objects, evidence -> predicate -> objects), in the order
    of the statements' IRIs, merged from two sorted streams."""
    sorter = _Sorter(folder)
    try:
        evidence_rows = _grouped(sorter.rows(store, _EVIDENCE, graphs))
        pending = next(evidence_rows, None)
        for key, rows in _grouped(sorter.rows(store, _STATEMENTS, graphs)):
            statement = _rdflib(key)
            values: dict[Node, list[Node]] = defaultdict(list)
            for p, o in rows:
                values[p].append(o)
            evidence: dict[Node, dict[Node, list[Node]]] = defaultdict(
                lambda: defaultdict(list))
            while pending is not None and pending[0] < key:
                pending = next(evidence_rows, None)
            if pending is not None and pending[0] == key:
                for e, p, o in pending[1]:
                    evidence[e][p].append(o)
                pending = next(evidence_rows, None)
            for objects in values.values():
                objects.sort(key=lambda o: (str(o), o.n3()))
            yield statement, values, evidence
    finally:
        sorter.close()


def _document_sources(store: pyoxigraph.Store, graphs: list[object] | None
                      ) -> dict[Node, list[Node]]:
    found: dict[Node, list[Node]] = defaultdict(list)
    for row in _query(store, f"SELECT DISTINCT ?document ?source WHERE {{ ?document a "
                             f"<{EXO.Document}> ; <{DCTERMS.source}> ?source }}", graphs):
        found[URIRef(row["document"].value)].append(rdflib_term(row["source"]))
    return found


def write_kgx(store: pyoxigraph.Store, directory: str | Path) -> list[Path]:
    """Write ``nodes.tsv`` and ``edges.tsv`` of the graph in ``store`` into ``directory``
    (each atomically), as :func:`exokg.export.kgx.write_kgx` writes them for the same
    graph."""
    from exokg.export.atomic import write_bytes
    from exokg.export.kgx import (EDGE_COLUMNS, NODE_COLUMNS, biolink_categories,
                                  edge_row, entity_category, node_row, tsv_header, tsv_line)

    graphs = _graphs(store)
    categories = biolink_categories()
    entities = _Entities(store, graphs)
    nodes = {}
    for node, types in entities.types.items():
        values = entities.values.get(node, {})
        xrefs = [x for p in (SKOS.exactMatch, SKOS.closeMatch) for x in values.get(p, [])]
        row = node_row(node, types, entities.first(node, RDFS.label),
                       entities.first(node, SKOS.definition), values.get(SKOS.altLabel, []),
                       xrefs, categories)
        nodes[row["id"]] = row
    folder = Path(directory)
    write_bytes(folder / "nodes.tsv", tsv_header(NODE_COLUMNS) + b"".join(
        tsv_line(NODE_COLUMNS, nodes[k]) for k in sorted(nodes)))
    entity_cats = {n: entity_category(ts, categories) for n, ts in entities.types.items()}
    sources = _document_sources(store, graphs)
    edges_path = folder / "edges.tsv"
    with _AtomicFile(edges_path) as out, tempfile.TemporaryDirectory(prefix="exokg-kgx-") as tmp:
        out.write(tsv_header(EDGE_COLUMNS))
        for statement, values, evidence in _statements(store, graphs, tmp):
            def info(e: Node, evidence: Mapping[Node, Mapping[Node, list[Node]]] = evidence
                     ) -> tuple[list[Node], list[Node]]:
                attrs = evidence.get(e, {})
                found = list(attrs.get(DCTERMS.source, []))
                for document in attrs.get(EXO.document, []):
                    found.extend(sources.get(document, []))
                return list(attrs.get(EXO.sentenceText, [])), found

            row = edge_row(statement, values, info, entity_cats)
            if row is not None:
                out.write(tsv_line(EDGE_COLUMNS, row))
    return [folder / "nodes.tsv", edges_path]


class _AtomicFile:
    """A file written to a temporary name beside ``path`` and renamed over it when the
    ``with`` block ends without an error (as :func:`exokg.export.atomic.write_bytes`)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def __enter__(self) -> io.BufferedWriter:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, self.temporary = tempfile.mkstemp(prefix=f".{self.path.name}.",
                                                  dir=self.path.parent)
        self.file = os.fdopen(handle, "wb", buffering=1 << 20)
        return self.file  # type: ignore[return-value]

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        self.file.close()
        if kind is None:
            os.chmod(self.temporary, 0o644)
            os.replace(self.temporary, self.path)
        else:
            os.unlink(self.temporary)


def _statement_record(statement: Node, values: Mapping[Node, list[Node]],
                      evidence: Mapping[Node, Mapping[Node, list[Node]]],
                      entities: _Entities) -> Any:
    """The build's :class:`~exokg.model.Statement` record of one statement, as far as the
    statements CSV uses it (subject and object with their labels, qualifiers, context,
    the first evidence)."""
    from exokg.export.kgx import _true
    from exokg.ids import compress
    from exokg.model import Context, Entity, Evidence, Statement, Value

    def one(p: Node) -> Node | None:
        found = values.get(p)
        return found[0] if found else None

    def entity(node: Node) -> Entity:
        curie = compress(str(node))
        label = entities.first(node, RDFS.label)
        return Entity(curie, str(label) if label is not None else curie, "")

    obj = one(RDF.object)
    if isinstance(obj, Literal):
        target: Entity | Value = Value(str(obj))
    else:
        target = entity(obj)  # type: ignore[arg-type]
    context = {}
    for name in Context.__dataclass_fields__:
        found = values.get(EXO[name], [])
        context[name] = tuple(sorted(compress(str(v)) if isinstance(v, URIRef) else str(v)
                                     for v in found))
    records = []
    for attrs in evidence.values():
        def get(p: Node, attrs: Mapping[Node, list[Node]] = attrs) -> Node | None:
            found = attrs.get(p)
            return found[0] if found else None

        document = str(get(EXO.document) or "")
        text = str(get(EXO.sentenceText) or "")
        markers = marker_order(text, [str(m) for m in attrs.get(EXO.citationMarker, [])])
        records.append(Evidence(document.removeprefix(_DOCUMENT_PREFIX),
                                int(get(EXO.sentenceIndex) or 0), int(get(EXO.start) or 0),
                                int(get(EXO.end) or 0), text, str(get(EXO.rule) or ""),
                                tuple(markers)))
    records.sort(key=lambda e: (e.document_id, e.start, e.end, e.rule))
    direction, aspect = one(EXO.direction), one(EXO.aspect)
    negated = _true(values.get(EXO.negated, []))
    hedged = _true(values.get(EXO.hedged, []))
    return Statement(entity(one(RDF.subject)),  # type: ignore[arg-type]
                     compress(str(one(RDF.predicate))), target,
                     str(direction) if direction is not None else None,  # type: ignore[arg-type]
                     str(aspect) if aspect is not None else None, negated, hedged,
                     Context(**context), tuple(records),
                     str(one(EXO.claimStatus) or "finding"))


def marker_order(text: str, markers: list[str]) -> tuple[str, ...]:
    """Citation markers in the order they appear in ``text``: each (longest first) at its
    first occurrence that does not overlap a marker already placed, so that ``14`` after
    ``[9, 14]`` is placed at its own occurrence; markers not found go last, sorted.

    >>> marker_order("as shown [9, 14], [56] and [14].", ["14", "56", "9, 14"])
    ('9, 14', '56', '14')
    """
    taken: list[tuple[int, int]] = []
    placed: list[tuple[int, str]] = []
    for marker in sorted(markers, key=lambda m: (-len(m), m)):
        at = text.find(marker)
        while at >= 0 and any(a < at + len(marker) and at < b for a, b in taken):
            at = text.find(marker, at + 1)
        if at >= 0:
            taken.append((at, at + len(marker)))
        placed.append((at if at >= 0 else len(text) + 1, marker))
    return tuple(marker for _, marker in sorted(placed))


class _Labels(Mapping[str, Any]):
    """CURIE -> an object with the entity's ``label`` (what ``statements_csv.rows``
    reads from the build's registry), from the store's labels."""

    def __init__(self, entities: _Entities) -> None:
        self.entities = entities

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        label = self.entities.label(key)
        return _Label(label) if label is not None else default

    def __getitem__(self, key: str) -> Any:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


class _Label:
    def __init__(self, label: str) -> None:
        self.label = label


def write_statements_csv(store: pyoxigraph.Store, path: str | Path) -> Path:
    """Write the statements table of the graph in ``store`` to ``path`` (atomically), with
    the bytes :func:`exokg.export.statements_csv.to_csv` gives for the build's records of
    the same graph (see the module docstring for the two things recovered from the
    graph)."""
    from exokg.export.statements_csv import COLUMNS, rows, safe_cell

    graphs = _graphs(store)
    entities = _Entities(store, graphs)
    registry = _Labels(entities)
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="exokg-csv-") as tmp:
        db = sqlite3.connect(os.path.join(tmp, "csv.sqlite"))
        db.execute("CREATE TABLE r (a TEXT, b TEXT, c TEXT, d TEXT, row TEXT)")
        batch = []
        for statement, values, evidence in _statements(store, graphs, tmp):
            record = _statement_record(statement, values, evidence, entities)
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\n").writerows(
                [safe_cell(cell) for cell in row] for row in rows([record], registry))
            batch.append((record.subject.id, record.predicate, record.object.id,
                          str(record.key()), buffer.getvalue()))
            if len(batch) >= 5000:
                db.executemany("INSERT INTO r VALUES (?, ?, ?, ?, ?)", batch)
                batch = []
        db.executemany("INSERT INTO r VALUES (?, ?, ?, ?, ?)", batch)
        header = io.StringIO()
        csv.writer(header, lineterminator="\n").writerow(COLUMNS)
        with _AtomicFile(path) as out:
            out.write(header.getvalue().encode("utf-8"))
            for (text,) in db.execute("SELECT row FROM r ORDER BY a, b, c, d"):
                out.write(text.encode("utf-8"))
        db.close()
    return path


def write_graphml(store: pyoxigraph.Store, path: str | Path) -> Path:
    """Write the GraphML of the NetworkX view of the graph in ``store`` to ``path``
    (atomically), as :func:`exokg.export.graphml.write_graphml` writes it; the view is
    read by SPARQL as :func:`exokg.query.views.networkx_view` reads it, its edges streamed
    through an on-disk table (:mod:`exokg.export.graphml_store`)."""
    from exokg.export.graphml_store import write_store_graphml

    with _AtomicFile(Path(path)) as out:
        write_store_graphml(store, _graphs(store), out)
    return Path(path)


def write_non_rdf(store: pyoxigraph.Store, directory: str | Path) -> list[Path]:
    """Write ``kgx/nodes.tsv``, ``kgx/edges.tsv``, ``exokg.graphml`` and
    ``statements.csv`` of the graph in ``store`` into ``directory`` (the layout of
    ``exokg build``'s exports folder)."""
    folder = Path(directory)
    written = write_kgx(store, folder / "kgx")
    written.append(write_graphml(store, folder / "exokg.graphml"))
    written.append(write_statements_csv(store, folder / "statements.csv"))
    return written
